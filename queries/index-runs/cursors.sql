-- grain: one row per (source, entity) read so far by run $1; columns: source, entity, last_id, pages, rows, done.
SELECT source, entity, last_id, pages, rows, done FROM index_cursors WHERE run_id = $1 ORDER BY source, entity;
