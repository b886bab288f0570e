-- Version 5: the history of `contagion schedule` (src/cli/commands/schedule.ts), one row per run.
--   status              'ok' (no alert fired), 'alert' (at least one fired) or 'failed';
--   scenario            the headline scenario (the first configured), whose figures fill the two
--                       USD columns; every scenario's figures are in `scenarios`;
--   scenarios           JSON array of {name, totalBadDebtUsd, liquidatedDebtUsd, badDebtByProtocol,
--                       liquidatedDebtUsdByProtocol};
--   depth_usd           JSON object: collateral asset → USD side of its DEX liquidity, summed;
--   collateral_shares   JSON array of {protocol, market, asset, account, share, collateralUsd}:
--                       per market, the account holding the largest share of its collateral;
--   alerts              JSON array of the alerts fired (src/report/evaluate-alerts.ts).
CREATE TABLE runs (
  run_id              INTEGER PRIMARY KEY,
  started_at          TIMESTAMPTZ NOT NULL,
  finished_at         TIMESTAMPTZ NOT NULL,
  status              VARCHAR NOT NULL CHECK (status IN ('ok', 'alert', 'failed')),
  snapshot_id         INTEGER,
  scenario            VARCHAR,
  total_bad_debt_usd  DOUBLE,
  liquidated_debt_usd DOUBLE,
  scenarios           JSON NOT NULL,
  depth_usd           JSON NOT NULL,
  collateral_shares   JSON NOT NULL,
  alerts              JSON NOT NULL,
  report_dir          VARCHAR
);
