-- A buyer who registers themselves confirms their email address with a single-use link
-- (purpose 'buyer-confirm'). SQLite cannot change a CHECK constraint: the table is made anew.
CREATE TABLE one_time_links_new (
    id         INTEGER PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('reset', 'invite', 'buyer-confirm')),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
INSERT INTO one_time_links_new SELECT id, token_hash, purpose, user_id, created_at, expires_at, used_at FROM one_time_links;
DROP TABLE one_time_links;
ALTER TABLE one_time_links_new RENAME TO one_time_links;
CREATE INDEX one_time_links_user ON one_time_links (user_id);
