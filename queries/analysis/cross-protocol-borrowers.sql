-- grain: one row per address of snapshot $1 that borrows in one protocol and posts collateral in
-- another or the same; columns: account, protocols (count), protocol_list, collateral_usd, debt_usd.
-- These accounts tie protocols' health factors to each other's liquidations.
WITH valued AS (
  SELECT p.account, p.protocol, p.side, CAST(p.amount AS DOUBLE) * px.usd AS usd
  FROM positions p
  JOIN prices px ON px.snapshot_id = p.snapshot_id AND px.asset = p.asset
  WHERE p.snapshot_id = $1 AND p.amount > 0
)
SELECT account,
       CAST(count(DISTINCT protocol) AS INTEGER) AS protocols,
       string_agg(DISTINCT protocol, ', ' ORDER BY protocol) AS protocol_list,
       sum(CASE WHEN side = 'collateral' THEN usd ELSE 0 END) AS collateral_usd,
       sum(CASE WHEN side = 'debt' THEN usd ELSE 0 END) AS debt_usd
FROM valued
GROUP BY account
HAVING count(DISTINCT protocol) >= 2 AND sum(CASE WHEN side = 'debt' THEN usd ELSE 0 END) > 0
ORDER BY debt_usd DESC, account;
