-- grain: one row per snapshot, newest first; columns: id, taken_at (ISO text), imported_at (ISO text),
-- source, label, blocks (JSON text: chain → block number, '{}' when none).
SELECT s.id,
       strftime(s.taken_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS taken_at,
       strftime(s.imported_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS imported_at,
       s.source, s.label,
       coalesce(CAST((SELECT json_group_object(b.chain, b.block_number) FROM snapshot_blocks b WHERE b.snapshot_id = s.id) AS VARCHAR), '{}') AS blocks
FROM snapshots s
ORDER BY s.id DESC;
