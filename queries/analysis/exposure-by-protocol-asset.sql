-- grain: one row per (protocol, asset, side) of snapshot $1 with a non-zero position;
-- columns: protocol, asset, side, accounts (distinct), amount (token units), usd (at snapshot prices).
SELECT p.protocol, p.asset, p.side,
       CAST(count(DISTINCT p.account) AS INTEGER) AS accounts,
       CAST(sum(p.amount) AS DOUBLE) AS amount,
       CAST(sum(p.amount) AS DOUBLE) * any_value(pr.usd) AS usd
FROM positions p
JOIN prices pr ON pr.snapshot_id = p.snapshot_id AND pr.asset = p.asset
WHERE p.snapshot_id = $1 AND p.amount > 0
GROUP BY p.protocol, p.asset, p.side
ORDER BY usd DESC;
