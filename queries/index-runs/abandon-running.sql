-- Marks every still-running run abandoned (a new run replaces them); their staging is deleted separately.
UPDATE index_runs SET status = 'abandoned', finished_at = current_timestamp WHERE status = 'running';
