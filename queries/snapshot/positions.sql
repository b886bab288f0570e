-- grain: one row per non-zero position of snapshot $1, grouped by risk account in the order of
-- snapshot/risk-accounts.sql; columns: account_index, asset_index, side_code (0 collateral, 1 debt),
-- amount (whole token units), liquidation_threshold and liquidation_bonus (of the collateral's
-- market; 0 on debt rows).
WITH asset_index AS (
  SELECT symbol, row_number() OVER (ORDER BY symbol) - 1 AS idx FROM assets WHERE snapshot_id = $1
), risk AS (
  SELECT p.protocol, p.account, CASE WHEN pr.isolation = 'market' THEN p.market ELSE '' END AS silo,
         p.market, p.asset, p.side, CAST(p.amount AS DOUBLE) AS amount
  FROM positions p
  JOIN protocols pr ON pr.snapshot_id = p.snapshot_id AND pr.protocol = p.protocol
  WHERE p.snapshot_id = $1 AND p.amount > 0 AND p.side IN ('collateral', 'debt')
)
SELECT dense_rank() OVER (ORDER BY r.protocol, r.account, r.silo) - 1 AS account_index,
       ai.idx AS asset_index,
       CASE r.side WHEN 'collateral' THEN 0 ELSE 1 END AS side_code,
       r.amount,
       CASE r.side WHEN 'collateral' THEN m.liquidation_threshold ELSE 0 END AS liquidation_threshold,
       CASE r.side WHEN 'collateral' THEN m.liquidation_bonus ELSE 0 END AS liquidation_bonus
FROM risk r
JOIN asset_index ai ON ai.symbol = r.asset
LEFT JOIN markets m ON m.snapshot_id = $1 AND m.protocol = r.protocol AND m.market = r.market AND m.asset = r.asset
ORDER BY r.protocol, r.account, r.silo, ai.idx, side_code, r.market;
