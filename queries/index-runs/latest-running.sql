-- grain: at most one row, the newest run still marked running; columns: run_id, plan_hash, plan (JSON text).
SELECT run_id, plan_hash, CAST(plan AS VARCHAR) AS plan FROM index_runs WHERE status = 'running' ORDER BY run_id DESC LIMIT 1;
