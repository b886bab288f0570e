-- grain: one row per risk account of snapshot $1: (protocol, account) in a pooled protocol,
-- (protocol, account, market) in a protocol with isolated markets; only accounts with a non-zero
-- position. Row order = account index, the same order as snapshot/positions.sql.
-- columns: protocol_index, account, market (NULL when pooled), close_factor (the market's if it
-- has one, else the protocol's), position_count (collateral and debt rows; an options holder may have none).
WITH protocol_index AS (
  SELECT protocol, isolation, close_factor, row_number() OVER (ORDER BY protocol) - 1 AS idx
  FROM protocols WHERE snapshot_id = $1
), market_close AS (
  SELECT protocol, market, max(close_factor) AS close_factor
  FROM markets WHERE snapshot_id = $1 AND close_factor IS NOT NULL
  GROUP BY protocol, market
), risk AS (
  SELECT p.protocol, p.account, CASE WHEN pi.isolation = 'market' THEN p.market ELSE '' END AS silo, 1 AS is_position
  FROM positions p JOIN protocol_index pi ON pi.protocol = p.protocol
  WHERE p.snapshot_id = $1 AND p.amount > 0 AND p.side IN ('collateral', 'debt')
  UNION ALL
  -- Holders of options are risk accounts of their venue even without collateral rows.
  SELECT DISTINCT op.protocol, op.account, '' AS silo, 0 AS is_position
  FROM option_positions op
  WHERE op.snapshot_id = $1 AND op.size > 0
)
SELECT pi.idx AS protocol_index, r.account, nullif(r.silo, '') AS market,
       coalesce(mc.close_factor, pi.close_factor) AS close_factor, CAST(sum(r.is_position) AS INTEGER) AS position_count
FROM risk r
JOIN protocol_index pi ON pi.protocol = r.protocol
LEFT JOIN market_close mc ON mc.protocol = r.protocol AND mc.market = r.silo
GROUP BY r.protocol, r.account, r.silo, pi.idx, mc.close_factor, pi.close_factor
ORDER BY r.protocol, r.account, r.silo;
