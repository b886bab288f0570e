-- grain: one row per liquidation event of snapshot $1, in time order; columns: protocol_index,
-- account, liquidator_index, collateral_asset_index, debt_asset_index, debt_repaid_usd,
-- block_number, timestamp (ISO text), tx_hash.
WITH asset_index AS (
  SELECT symbol, row_number() OVER (ORDER BY symbol) - 1 AS idx FROM assets WHERE snapshot_id = $1
), protocol_index AS (
  SELECT protocol, row_number() OVER (ORDER BY protocol) - 1 AS idx FROM protocols WHERE snapshot_id = $1
), liquidator_index AS (
  SELECT liquidator, row_number() OVER (ORDER BY liquidator) - 1 AS idx FROM liquidators WHERE snapshot_id = $1
)
SELECT pi.idx AS protocol_index, e.account, li.idx AS liquidator_index, ca.idx AS collateral_asset_index,
       da.idx AS debt_asset_index, e.debt_repaid_usd, CAST(e.block_number AS DOUBLE) AS block_number,
       strftime(e."timestamp" AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS "timestamp", e.tx_hash
FROM liquidation_events e
JOIN protocol_index pi ON pi.protocol = e.protocol
JOIN liquidator_index li ON li.liquidator = e.liquidator
JOIN asset_index ca ON ca.symbol = e.collateral_asset
JOIN asset_index da ON da.symbol = e.debt_asset
WHERE e.snapshot_id = $1
ORDER BY e."timestamp" NULLS LAST, e.block_number, e.tx_hash, e.log_index;
