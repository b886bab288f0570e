-- grain: one row per (protocol, market, asset) of snapshot $1, ordered by that key;
-- columns: protocol_index, market, asset_index, ltv, liquidation_threshold, liquidation_bonus,
-- close_factor, supply_cap, borrow_cap (NULL when not given).
WITH asset_index AS (
  SELECT symbol, row_number() OVER (ORDER BY symbol) - 1 AS idx FROM assets WHERE snapshot_id = $1
), protocol_index AS (
  SELECT protocol, row_number() OVER (ORDER BY protocol) - 1 AS idx FROM protocols WHERE snapshot_id = $1
)
SELECT pi.idx AS protocol_index, m.market, ai.idx AS asset_index, coalesce(m.ltv, m.liquidation_threshold) AS ltv,
       m.liquidation_threshold, m.liquidation_bonus, m.close_factor, m.supply_cap, m.borrow_cap
FROM markets m
JOIN protocol_index pi ON pi.protocol = m.protocol
JOIN asset_index ai ON ai.symbol = m.asset
WHERE m.snapshot_id = $1
ORDER BY m.protocol, m.market, m.asset;
