-- grain: one row per (asset, time) of snapshot $1's price history, ordered by asset index then time;
-- columns: asset_index, unix_seconds, usd.
WITH asset_index AS (
  SELECT symbol, row_number() OVER (ORDER BY symbol) - 1 AS idx FROM assets WHERE snapshot_id = $1
)
SELECT ai.idx AS asset_index, CAST(epoch(h."timestamp") AS DOUBLE) AS unix_seconds, h.usd
FROM price_history h JOIN asset_index ai ON ai.symbol = h.asset
WHERE h.snapshot_id = $1
ORDER BY ai.idx, h."timestamp";
