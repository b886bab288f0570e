-- grain: one row; columns: id (the newest snapshot, NULL when the database has none).
SELECT max(id) AS id FROM snapshots;
