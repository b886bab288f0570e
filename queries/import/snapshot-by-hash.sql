-- grain: the snapshot (at most one) whose inputs hash to $1; columns: id.
SELECT id FROM snapshots WHERE content_hash = $1 ORDER BY id LIMIT 1;
