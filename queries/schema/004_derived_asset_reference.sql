-- Version 4: the reference data derived-asset pricing reads (src/contagion/derived-assets.ts,
-- receipt-write-down.ts), one column each, NULL when not given (every row of an older snapshot):
--   exchange_rate  units of `underlying` one token redeems for (wstETH stEthPerToken 1.15, aToken 1);
--   issuer         the protocol (of the same snapshot) whose receipt token the asset is;
--   lp_components  an LP or vault token's holdings per token, a JSON array of
--                  {"symbol": "WETH", "units": 0.5} objects, one per component asset;
--   lp_model       how the holdings move with prices: 'constant-product' (x·y = k, two
--                  components) or 'basket' (fixed units); set exactly when lp_components is.
-- DuckDB cannot add a column with a constraint, so the table is rebuilt (as positions was in 002),
-- the new columns after `extra`, where ALTER TABLE ADD COLUMN would have put them.
CREATE TABLE assets_v2 (
  snapshot_id   INTEGER NOT NULL REFERENCES snapshots (id),
  symbol        VARCHAR NOT NULL,
  decimals      INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36),
  kind          VARCHAR NOT NULL CHECK (kind IN ('native', 'stable', 'lst', 'receipt', 'lp', 'governance', 'other')),
  underlying    VARCHAR,
  address       VARCHAR,
  chain         VARCHAR,
  extra         JSON,
  exchange_rate DOUBLE CHECK (exchange_rate > 0),
  issuer        VARCHAR,
  lp_components JSON,
  lp_model      VARCHAR CHECK (lp_model IN ('constant-product', 'basket')),
  CHECK ((lp_components IS NULL) = (lp_model IS NULL)),
  PRIMARY KEY (snapshot_id, symbol)
);
INSERT INTO assets_v2 SELECT *, NULL, NULL, NULL, NULL FROM assets;
DROP TABLE assets;
ALTER TABLE assets_v2 RENAME TO assets;
