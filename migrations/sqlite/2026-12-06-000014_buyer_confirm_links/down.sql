DELETE FROM one_time_links WHERE purpose = 'buyer-confirm';
CREATE TABLE one_time_links_old (
    id         INTEGER PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('reset', 'invite')),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
INSERT INTO one_time_links_old SELECT id, token_hash, purpose, user_id, created_at, expires_at, used_at FROM one_time_links;
DROP TABLE one_time_links;
ALTER TABLE one_time_links_old RENAME TO one_time_links;
CREATE INDEX one_time_links_user ON one_time_links (user_id);
