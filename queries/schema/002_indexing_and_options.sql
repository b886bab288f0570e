-- Version 2: what the indexers need (run state and staging, so that a run can resume and a
-- snapshot is published in one transaction), options contracts and positions, and the tick-level
-- depth of concentrated-liquidity pools.

-- One indexing run: the block it pins per chain, and whether it was published.
CREATE TABLE index_runs (
  run_id       INTEGER PRIMARY KEY,
  started_at   TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  finished_at  TIMESTAMPTZ,
  status       VARCHAR NOT NULL CHECK (status IN ('running', 'published', 'abandoned')),
  plan_hash    VARCHAR NOT NULL,
  plan         JSON NOT NULL,
  snapshot_id  INTEGER
);

-- How far each (source, entity) of a run has read: the last id of the last committed page.
CREATE TABLE index_cursors (
  run_id  INTEGER NOT NULL,
  source  VARCHAR NOT NULL,
  entity  VARCHAR NOT NULL,
  last_id VARCHAR NOT NULL,
  pages   INTEGER NOT NULL,
  rows    BIGINT NOT NULL,
  done    BOOLEAN NOT NULL,
  PRIMARY KEY (run_id, source, entity)
);

-- Validated entities of a run, as the subgraph returned them, until the run is published.
CREATE TABLE index_staging (
  run_id  INTEGER NOT NULL,
  source  VARCHAR NOT NULL,
  entity  VARCHAR NOT NULL,
  id      VARCHAR NOT NULL,
  payload JSON NOT NULL,
  PRIMARY KEY (run_id, source, entity, id)
);

-- Option contracts listed by an options venue. Strike in USD per unit of the underlying.
CREATE TABLE options (
  snapshot_id      INTEGER NOT NULL REFERENCES snapshots (id),
  protocol         VARCHAR NOT NULL,
  option_id        VARCHAR NOT NULL,
  underlying       VARCHAR NOT NULL,
  option_type      VARCHAR NOT NULL CHECK (option_type IN ('call', 'put')),
  strike_usd       DOUBLE NOT NULL CHECK (strike_usd > 0),
  expiry           TIMESTAMPTZ,
  collateral_asset VARCHAR,
  mark_usd         DOUBLE,
  extra            JSON,
  PRIMARY KEY (snapshot_id, protocol, option_id)
);

-- Holdings of option contracts: long (bought) or short (written), in units of the underlying.
CREATE TABLE option_positions (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  protocol    VARCHAR NOT NULL,
  account     VARCHAR NOT NULL,
  option_id   VARCHAR NOT NULL,
  side        VARCHAR NOT NULL CHECK (side IN ('long', 'short')),
  size        DECIMAL(38, 18) NOT NULL CHECK (size >= 0),
  extra       JSON,
  PRIMARY KEY (snapshot_id, protocol, account, option_id, side)
);

-- Initialised ticks of a concentrated-liquidity venue (Uniswap v3): liquidity_net is the change in
-- active liquidity when the price crosses the tick upwards (raw, int128).
CREATE TABLE liquidity_ticks (
  snapshot_id   INTEGER NOT NULL REFERENCES snapshots (id),
  asset         VARCHAR NOT NULL,
  venue         VARCHAR NOT NULL,
  tick_idx      INTEGER NOT NULL,
  liquidity_net HUGEINT NOT NULL,
  PRIMARY KEY (snapshot_id, asset, venue, tick_idx)
);

-- Positions gain a third side, 'supply': deposited but not enabled as collateral (Messari's
-- isCollateral = false, Aave's usageAsCollateralEnabledOnUser = false). It counts in supplied
-- totals, never in a health factor, and cannot be seized. DuckDB cannot alter a CHECK constraint,
-- so the table is rebuilt.
CREATE TABLE positions_v2 (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  protocol    VARCHAR NOT NULL,
  account     VARCHAR NOT NULL,
  market      VARCHAR NOT NULL,
  asset       VARCHAR NOT NULL,
  side        VARCHAR NOT NULL CHECK (side IN ('collateral', 'debt', 'supply')),
  amount      DECIMAL(38, 18) NOT NULL CHECK (amount >= 0),
  extra       JSON,
  PRIMARY KEY (snapshot_id, protocol, account, market, asset, side)
);
INSERT INTO positions_v2 SELECT * FROM positions;
DROP TABLE positions;
ALTER TABLE positions_v2 RENAME TO positions;
