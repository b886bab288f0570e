-- grain: one row per option contract of snapshot $1, ordered by (protocol, option_id) (row order =
-- option index); columns: protocol_index, option_id, underlying_index, is_call (1/0), strike_usd,
-- expiry_years (ACT/365 from the snapshot's taken_at; negative once expired), mark_usd, implied_vol.
WITH asset_index AS (
  SELECT symbol, row_number() OVER (ORDER BY symbol) - 1 AS idx FROM assets WHERE snapshot_id = $1
), protocol_index AS (
  SELECT protocol, row_number() OVER (ORDER BY protocol) - 1 AS idx FROM protocols WHERE snapshot_id = $1
)
SELECT pi.idx AS protocol_index, o.option_id, ai.idx AS underlying_index,
       CASE o.option_type WHEN 'call' THEN 1 ELSE 0 END AS is_call,
       o.strike_usd,
       date_diff('second', s.taken_at, o.expiry) / (365.0 * 86400) AS expiry_years,
       o.mark_usd, o.implied_vol
FROM options o
JOIN snapshots s ON s.id = o.snapshot_id
JOIN protocol_index pi ON pi.protocol = o.protocol
JOIN asset_index ai ON ai.symbol = o.underlying
WHERE o.snapshot_id = $1
ORDER BY o.protocol, o.option_id;
