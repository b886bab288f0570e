-- grain: one row per (asset, venue) of snapshot $1, in the order of snapshot/liquidity.sql (row
-- order = liquidity row index); columns: asset, venue, model, extra (JSON text of the row's extra
-- columns, NULL when it has none: a Uniswap v3 row's pool state, a StableSwap row's A).
SELECT l.asset, l.venue, l.model, CAST(l.extra AS VARCHAR) AS extra
FROM liquidity l JOIN assets a ON a.snapshot_id = l.snapshot_id AND a.symbol = l.asset
WHERE l.snapshot_id = $1
ORDER BY l.asset, l.venue;
