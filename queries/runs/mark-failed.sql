-- Marks a recorded run as failed (its report could not be written): $1 run_id. The run's metrics
-- stay, but `runs/latest` no longer offers it as the run to compare the next one with.
UPDATE runs SET status = 'failed', finished_at = now(), report_dir = NULL WHERE run_id = $1;
