-- Records how far run $1 has read (source $2, entity $3): last id $4, pages $5, rows $6, done $7.
INSERT OR REPLACE INTO index_cursors (run_id, source, entity, last_id, pages, rows, done) VALUES ($1, $2, $3, $4, $5, $6, $7);
