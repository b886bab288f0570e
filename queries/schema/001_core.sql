-- Core schema, version 1: one row per fact, every fact row tagged with the snapshot it belongs to,
-- so several snapshots live side by side and a snapshot is published (or not) as one unit.
-- Amounts are whole token units; USD values are DOUBLE; ratios are fractions (0.83, not 8300 bps).

CREATE TABLE snapshots (
  id           INTEGER PRIMARY KEY,
  taken_at     TIMESTAMPTZ NOT NULL,
  source       VARCHAR NOT NULL,
  label        VARCHAR,
  imported_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  content_hash VARCHAR NOT NULL
);

CREATE TABLE snapshot_blocks (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id),
  chain        VARCHAR NOT NULL,
  block_number BIGINT NOT NULL,
  PRIMARY KEY (snapshot_id, chain)
);

CREATE TABLE protocols (
  snapshot_id         INTEGER NOT NULL REFERENCES snapshots (id),
  protocol            VARCHAR NOT NULL,
  kind                VARCHAR NOT NULL CHECK (kind IN ('lending', 'options')),
  chain               VARCHAR,
  isolation           VARCHAR NOT NULL CHECK (isolation IN ('pooled', 'market')),
  close_factor        DOUBLE NOT NULL CHECK (close_factor > 0 AND close_factor <= 1),
  full_close_below_hf DOUBLE CHECK (full_close_below_hf > 0 AND full_close_below_hf <= 1),
  insurance_fund_usd  DOUBLE CHECK (insurance_fund_usd >= 0),
  extra               JSON,
  PRIMARY KEY (snapshot_id, protocol)
);

CREATE TABLE assets (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  symbol      VARCHAR NOT NULL,
  decimals    INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36),
  kind        VARCHAR NOT NULL CHECK (kind IN ('native', 'stable', 'lst', 'receipt', 'lp', 'governance', 'other')),
  underlying  VARCHAR,
  address     VARCHAR,
  chain       VARCHAR,
  extra       JSON,
  PRIMARY KEY (snapshot_id, symbol)
);

CREATE TABLE prices (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  asset       VARCHAR NOT NULL,
  usd         DOUBLE NOT NULL CHECK (usd >= 0),
  source      VARCHAR NOT NULL,
  PRIMARY KEY (snapshot_id, asset)
);

-- A market is where a protocol lists an asset. Pooled protocols (Aave) name the market after the
-- asset; isolated ones name it after the pair or deployment (a Morpho Blue market id, "cUSDCv3").
CREATE TABLE markets (
  snapshot_id           INTEGER NOT NULL REFERENCES snapshots (id),
  protocol              VARCHAR NOT NULL,
  market                VARCHAR NOT NULL,
  asset                 VARCHAR NOT NULL,
  ltv                   DOUBLE CHECK (ltv >= 0 AND ltv <= 1),
  liquidation_threshold DOUBLE NOT NULL CHECK (liquidation_threshold >= 0 AND liquidation_threshold <= 1),
  liquidation_bonus     DOUBLE NOT NULL CHECK (liquidation_bonus >= 0 AND liquidation_bonus < 1),
  close_factor          DOUBLE CHECK (close_factor > 0 AND close_factor <= 1),
  supply_cap            DOUBLE CHECK (supply_cap >= 0),
  borrow_cap            DOUBLE CHECK (borrow_cap >= 0),
  extra                 JSON,
  PRIMARY KEY (snapshot_id, protocol, market, asset)
);

CREATE TABLE accounts (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  protocol    VARCHAR NOT NULL,
  account     VARCHAR NOT NULL,
  extra       JSON,
  PRIMARY KEY (snapshot_id, protocol, account)
);

CREATE TABLE positions (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  protocol    VARCHAR NOT NULL,
  account     VARCHAR NOT NULL,
  market      VARCHAR NOT NULL,
  asset       VARCHAR NOT NULL,
  side        VARCHAR NOT NULL CHECK (side IN ('collateral', 'debt')),
  amount      DECIMAL(38, 18) NOT NULL CHECK (amount >= 0),
  extra       JSON,
  PRIMARY KEY (snapshot_id, protocol, account, market, asset, side)
);

-- One row per trading venue of an asset. `model` says how to read the row: 'cpmm' is a
-- constant-product pool against USD with the two reserves given.
CREATE TABLE liquidity (
  snapshot_id   INTEGER NOT NULL REFERENCES snapshots (id),
  asset         VARCHAR NOT NULL,
  venue         VARCHAR NOT NULL,
  model         VARCHAR NOT NULL,
  asset_reserve DOUBLE CHECK (asset_reserve >= 0),
  usd_reserve   DOUBLE CHECK (usd_reserve >= 0),
  extra         JSON,
  PRIMARY KEY (snapshot_id, asset, venue)
);

CREATE TABLE liquidators (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  liquidator  VARCHAR NOT NULL,
  label       VARCHAR,
  extra       JSON,
  PRIMARY KEY (snapshot_id, liquidator)
);

CREATE TABLE liquidation_events (
  snapshot_id       INTEGER NOT NULL REFERENCES snapshots (id),
  protocol          VARCHAR NOT NULL,
  tx_hash           VARCHAR NOT NULL,
  log_index         INTEGER NOT NULL,
  block_number      BIGINT,
  "timestamp"       TIMESTAMPTZ,
  liquidator        VARCHAR NOT NULL,
  account           VARCHAR NOT NULL,
  collateral_asset  VARCHAR NOT NULL,
  debt_asset        VARCHAR NOT NULL,
  collateral_amount DECIMAL(38, 18),
  debt_amount       DECIMAL(38, 18),
  debt_repaid_usd   DOUBLE,
  extra             JSON,
  PRIMARY KEY (snapshot_id, protocol, tx_hash, log_index)
);
