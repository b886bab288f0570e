-- Version 3: what the options risk engine reads beyond contracts and positions: each option's
-- implied volatility where the venue publishes one, and price histories (for EWMA/GARCH dynamic
-- margin), per snapshot like every other fact.
ALTER TABLE options ADD COLUMN implied_vol DOUBLE;

CREATE TABLE price_history (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  asset       VARCHAR NOT NULL,
  "timestamp" TIMESTAMPTZ NOT NULL,
  usd         DOUBLE NOT NULL CHECK (usd > 0),
  source      VARCHAR NOT NULL,
  PRIMARY KEY (snapshot_id, asset, "timestamp")
);
