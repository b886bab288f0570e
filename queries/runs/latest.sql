-- The newest run that did not fail (grain: at most one row): every column of `runs`, JSON as text.
SELECT run_id, started_at::VARCHAR AS started_at, status, snapshot_id, scenario, total_bad_debt_usd, liquidated_debt_usd,
       scenarios::VARCHAR AS scenarios, depth_usd::VARCHAR AS depth_usd, collateral_shares::VARCHAR AS collateral_shares,
       alerts::VARCHAR AS alerts, report_dir
FROM runs
WHERE status <> 'failed'
ORDER BY run_id DESC
LIMIT 1;
