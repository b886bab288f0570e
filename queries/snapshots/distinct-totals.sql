-- grain: one row per snapshot; columns: snapshot_id, accounts (distinct addresses with a non-zero
-- position in any protocol), liquidators (distinct across protocols). Counts that do not add up
-- across protocols, so they are taken over the whole snapshot.
SELECT s.id AS snapshot_id,
       CAST((SELECT count(DISTINCT p.account) FROM positions p WHERE p.snapshot_id = s.id AND p.amount > 0) AS INTEGER) AS accounts,
       CAST((SELECT count(DISTINCT e.liquidator) FROM liquidation_events e WHERE e.snapshot_id = s.id) AS INTEGER) AS liquidators
FROM snapshots s
ORDER BY s.id DESC;
