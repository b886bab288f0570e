-- grain: one row per non-zero option holding of snapshot $1; columns: protocol_index, account,
-- option_index (row order of snapshot/options.sql), signed_size (units of the underlying: + long,
-- − short).
WITH protocol_index AS (
  SELECT protocol, row_number() OVER (ORDER BY protocol) - 1 AS idx FROM protocols WHERE snapshot_id = $1
), option_index AS (
  SELECT protocol, option_id, row_number() OVER (ORDER BY protocol, option_id) - 1 AS idx FROM options WHERE snapshot_id = $1
)
SELECT pi.idx AS protocol_index, op.account, oi.idx AS option_index,
       CASE op.side WHEN 'long' THEN 1 ELSE -1 END * CAST(op.size AS DOUBLE) AS signed_size
FROM option_positions op
JOIN protocol_index pi ON pi.protocol = op.protocol
JOIN option_index oi ON oi.protocol = op.protocol AND oi.option_id = op.option_id
WHERE op.snapshot_id = $1 AND op.size > 0
ORDER BY op.protocol, op.account, oi.idx;
