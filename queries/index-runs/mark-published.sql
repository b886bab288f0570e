-- Marks run $1 published as snapshot $2.
UPDATE index_runs SET status = 'published', finished_at = current_timestamp, snapshot_id = $2 WHERE run_id = $1;
