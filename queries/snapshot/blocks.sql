-- grain: one row per chain read for snapshot $1; columns: chain, block_number.
SELECT chain, block_number FROM snapshot_blocks WHERE snapshot_id = $1 ORDER BY chain;
