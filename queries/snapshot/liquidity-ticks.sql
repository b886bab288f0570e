-- grain: one row per initialised tick of a concentrated-liquidity venue of snapshot $1, ordered by
-- asset, venue and tick; columns: asset, venue, tick_idx, liquidity_net (raw int128 as decimal
-- text, so that no precision is lost on the way to a bigint).
SELECT asset, venue, tick_idx, CAST(liquidity_net AS VARCHAR) AS liquidity_net
FROM liquidity_ticks
WHERE snapshot_id = $1
ORDER BY asset, venue, tick_idx;
