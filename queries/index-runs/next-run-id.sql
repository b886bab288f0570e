-- grain: one row; columns: run_id (the next free run id).
SELECT coalesce(max(run_id), 0) + 1 AS run_id FROM index_runs;
