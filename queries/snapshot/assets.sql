-- grain: one row per asset of snapshot $1, ordered by symbol (row order = asset index);
-- columns: symbol, decimals, kind, underlying, price_usd, price_source.
SELECT a.symbol, a.decimals, a.kind, a.underlying, p.usd AS price_usd, p.source AS price_source
FROM assets a
JOIN prices p ON p.snapshot_id = a.snapshot_id AND p.asset = a.symbol
WHERE a.snapshot_id = $1
ORDER BY a.symbol;
