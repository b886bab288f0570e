-- Drops staged entities and cursors of runs that are no longer running.
DELETE FROM index_staging WHERE run_id IN (SELECT run_id FROM index_runs WHERE status <> 'running');
