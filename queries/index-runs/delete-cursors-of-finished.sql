-- Drops cursors of runs that are no longer running.
DELETE FROM index_cursors WHERE run_id IN (SELECT run_id FROM index_runs WHERE status <> 'running');
