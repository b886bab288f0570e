-- Records one finished scheduled run (grain: one row per run). $1 started_at, $2 finished_at,
-- $3 status, $4 snapshot_id, $5 scenario, $6 total_bad_debt_usd, $7 liquidated_debt_usd,
-- $8 scenarios, $9 depth_usd, $10 collateral_shares, $11 alerts (JSON text), $12 report_dir.
-- Returns the new run_id.
INSERT INTO runs (run_id, started_at, finished_at, status, snapshot_id, scenario, total_bad_debt_usd, liquidated_debt_usd,
                  scenarios, depth_usd, collateral_shares, alerts, report_dir)
SELECT coalesce(max(run_id), 0) + 1, $1::TIMESTAMPTZ, $2::TIMESTAMPTZ, $3, $4, $5, $6, $7, $8::JSON, $9::JSON, $10::JSON, $11::JSON, $12
FROM runs
RETURNING run_id;
