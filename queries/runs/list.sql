-- Every scheduled run, oldest first (grain: one row per run): run_id, started_at, status,
-- snapshot_id, scenario, total_bad_debt_usd, liquidated_debt_usd, alert count, and the per-scenario
-- figures (`scenarios`, JSON as text) the report's trend chart plots.
SELECT run_id, started_at::VARCHAR AS started_at, status, snapshot_id, scenario, total_bad_debt_usd, liquidated_debt_usd,
       json_array_length(alerts) AS alert_count, scenarios::VARCHAR AS scenarios
FROM runs
ORDER BY run_id;
