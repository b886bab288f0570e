-- grain: one row per (protocol, account) holding any position in snapshot $1.
-- Writes the accounts table from the positions just imported.
INSERT INTO accounts (snapshot_id, protocol, account)
SELECT DISTINCT snapshot_id, protocol, account
FROM positions
WHERE snapshot_id = $1;
