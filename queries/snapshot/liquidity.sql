-- grain: one row per (asset, venue) of snapshot $1; columns: asset_index, venue, model,
-- asset_reserve, usd_reserve.
WITH asset_index AS (
  SELECT symbol, row_number() OVER (ORDER BY symbol) - 1 AS idx FROM assets WHERE snapshot_id = $1
)
SELECT ai.idx AS asset_index, l.venue, l.model, l.asset_reserve, l.usd_reserve
FROM liquidity l JOIN asset_index ai ON ai.symbol = l.asset
WHERE l.snapshot_id = $1
ORDER BY l.asset, l.venue;
