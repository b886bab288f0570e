-- grain: one row per asset of snapshot $1, ordered by symbol (row order = asset index);
-- columns: symbol, decimals, kind, underlying, price_usd, price_source, and the derived-asset
-- reference data (NULL when not given): exchange_rate, issuer, lp_components (JSON text: an
-- array of {"symbol", "units"}), lp_model.
SELECT a.symbol, a.decimals, a.kind, a.underlying, p.usd AS price_usd, p.source AS price_source,
       a.exchange_rate, a.issuer, CAST(a.lp_components AS VARCHAR) AS lp_components, a.lp_model
FROM assets a
JOIN prices p ON p.snapshot_id = a.snapshot_id AND p.asset = a.symbol
WHERE a.snapshot_id = $1
ORDER BY a.symbol;
