-- A WISE user's saved search of needs: "mail me new needs in my branches", daily or
-- weekly. Each digest lists the needs published since the last one whose match list
-- holds one of the user's WISEs (and the operator did not remove it from).
CREATE TABLE need_digests (
    user_id        INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    frequency      TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    created_at     TIMESTAMP NOT NULL,
    -- The end of the window the last digest covered; the next covers what was published after it.
    last_digest_at TIMESTAMP
);
CREATE INDEX needs_published_at ON needs (published_at);
