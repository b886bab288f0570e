-- grain: one row per liquidator of snapshot $1 active in two or more protocols; columns: liquidator,
-- protocols (how many), protocol_list (comma-separated), liquidations, debt_repaid_usd (where known).
-- Shared liquidators are a channel of contagion: the same capital serves several protocols' cascades.
SELECT liquidator,
       CAST(count(DISTINCT protocol) AS INTEGER) AS protocols,
       string_agg(DISTINCT protocol, ', ' ORDER BY protocol) AS protocol_list,
       CAST(count(*) AS INTEGER) AS liquidations,
       coalesce(sum(debt_repaid_usd), 0) AS debt_repaid_usd
FROM liquidation_events
WHERE snapshot_id = $1
GROUP BY liquidator
HAVING count(DISTINCT protocol) >= 2
ORDER BY debt_repaid_usd DESC, liquidations DESC, liquidator;
