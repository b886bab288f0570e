-- grain: one row per protocol of snapshot $1, ordered by name (row order = protocol index);
-- columns: protocol, kind, chain, isolation, close_factor, full_close_below_hf, insurance_fund_usd,
-- settings (JSON text of the extra columns: an options venue's margin and liquidation rules).
SELECT protocol, kind, chain, isolation, close_factor, full_close_below_hf, insurance_fund_usd,
       coalesce(CAST(extra AS VARCHAR), '{}') AS settings
FROM protocols
WHERE snapshot_id = $1
ORDER BY protocol;
