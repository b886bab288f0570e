-- grain: one row per (asset, protocol) for assets posted as collateral in two or more protocols of
-- snapshot $1; columns: asset, protocol, collateral_usd, protocols_sharing (how many protocols hold it),
-- pool_depth_usd (USD side of the asset's DEX liquidity, 0 when none).
WITH collateral AS (
  SELECT p.asset, p.protocol, CAST(sum(p.amount) AS DOUBLE) * any_value(pr.usd) AS collateral_usd
  FROM positions p
  JOIN prices pr ON pr.snapshot_id = p.snapshot_id AND pr.asset = p.asset
  WHERE p.snapshot_id = $1 AND p.side = 'collateral' AND p.amount > 0
  GROUP BY p.asset, p.protocol
), shared AS (
  SELECT asset, CAST(count(*) AS INTEGER) AS protocols_sharing FROM collateral GROUP BY asset HAVING count(*) >= 2
), depth AS (
  SELECT asset, sum(usd_reserve) AS pool_depth_usd FROM liquidity WHERE snapshot_id = $1 GROUP BY asset
)
SELECT c.asset, c.protocol, c.collateral_usd, s.protocols_sharing, coalesce(d.pool_depth_usd, 0) AS pool_depth_usd
FROM collateral c
JOIN shared s USING (asset)
LEFT JOIN depth d USING (asset)
ORDER BY c.asset, c.collateral_usd DESC;
