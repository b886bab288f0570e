-- grain: one row per liquidator of snapshot $1, ordered by address (row order = liquidator index);
-- columns: liquidator, label.
SELECT liquidator, label FROM liquidators WHERE snapshot_id = $1 ORDER BY liquidator;
