-- grain: one row per entity staged by run $1 for source $2 and entity $3, in id order; columns: payload (JSON text).
SELECT CAST(payload AS VARCHAR) AS payload FROM index_staging WHERE run_id = $1 AND source = $2 AND entity = $3 ORDER BY id;
