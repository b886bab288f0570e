-- grain: one row per (snapshot, protocol); columns: snapshot_id, protocol, accounts (distinct
-- addresses with a non-zero position), open_positions, collateral_usd (positions that count as
-- collateral: side collateral in a market with liquidation threshold > 0), supplied_not_collateral_usd
-- (side supply, or collateral where the threshold is 0), debt_usd, accounts_below_hf1 (risk accounts
-- with debt whose health factor is below 1), liquidations, liquidators (distinct). USD at snapshot prices.
WITH valued AS (
  SELECT p.snapshot_id, p.protocol, p.account,
         CASE WHEN pr.isolation = 'market' THEN p.market ELSE '' END AS silo,
         p.side, CAST(p.amount AS DOUBLE) * px.usd AS usd, coalesce(m.liquidation_threshold, 0) AS lt
  FROM positions p
  JOIN protocols pr ON pr.snapshot_id = p.snapshot_id AND pr.protocol = p.protocol
  JOIN prices px ON px.snapshot_id = p.snapshot_id AND px.asset = p.asset
  LEFT JOIN markets m ON m.snapshot_id = p.snapshot_id AND m.protocol = p.protocol AND m.market = p.market AND m.asset = p.asset
  WHERE p.amount > 0
), per_protocol AS (
  SELECT snapshot_id, protocol,
         count(DISTINCT account) AS accounts,
         count(*) AS open_positions,
         sum(CASE WHEN side = 'collateral' AND lt > 0 THEN usd ELSE 0 END) AS collateral_usd,
         sum(CASE WHEN side = 'supply' OR (side = 'collateral' AND lt = 0) THEN usd ELSE 0 END) AS supplied_not_collateral_usd,
         sum(CASE WHEN side = 'debt' THEN usd ELSE 0 END) AS debt_usd
  FROM valued
  GROUP BY snapshot_id, protocol
), risk AS (
  SELECT snapshot_id, protocol, account, silo,
         sum(CASE WHEN side = 'collateral' THEN usd * lt ELSE 0 END) AS weighted,
         sum(CASE WHEN side = 'debt' THEN usd ELSE 0 END) AS debt
  FROM valued
  GROUP BY snapshot_id, protocol, account, silo
), below AS (
  SELECT snapshot_id, protocol, count(*) AS accounts_below_hf1
  FROM risk WHERE debt > 0 AND weighted < debt
  GROUP BY snapshot_id, protocol
), events AS (
  SELECT snapshot_id, protocol, count(*) AS liquidations, count(DISTINCT liquidator) AS liquidators
  FROM liquidation_events
  GROUP BY snapshot_id, protocol
)
SELECT pr.snapshot_id, pr.protocol,
       CAST(coalesce(pp.accounts, 0) AS INTEGER) AS accounts,
       CAST(coalesce(pp.open_positions, 0) AS INTEGER) AS open_positions,
       coalesce(pp.collateral_usd, 0) AS collateral_usd,
       coalesce(pp.supplied_not_collateral_usd, 0) AS supplied_not_collateral_usd,
       coalesce(pp.debt_usd, 0) AS debt_usd,
       CAST(coalesce(b.accounts_below_hf1, 0) AS INTEGER) AS accounts_below_hf1,
       CAST(coalesce(e.liquidations, 0) AS INTEGER) AS liquidations,
       CAST(coalesce(e.liquidators, 0) AS INTEGER) AS liquidators
FROM protocols pr
LEFT JOIN per_protocol pp ON pp.snapshot_id = pr.snapshot_id AND pp.protocol = pr.protocol
LEFT JOIN below b ON b.snapshot_id = pr.snapshot_id AND b.protocol = pr.protocol
LEFT JOIN events e ON e.snapshot_id = pr.snapshot_id AND e.protocol = pr.protocol
ORDER BY pr.snapshot_id DESC, pr.protocol;
