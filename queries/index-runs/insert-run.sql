-- Records a new running index run: $1 run_id, $2 plan_hash, $3 plan (JSON text).
INSERT INTO index_runs (run_id, status, plan_hash, plan) VALUES ($1, 'running', $2, $3::JSON);
