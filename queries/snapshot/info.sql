-- grain: one row for snapshot $1; columns: id, taken_at (ISO text), source, label.
SELECT id, strftime(taken_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS taken_at, source, label
FROM snapshots
WHERE id = $1;
