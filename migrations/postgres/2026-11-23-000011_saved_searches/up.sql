-- A buyer's saved catalogue searches, each mailed as a daily or weekly digest of the
-- WISEs and offerings new or changed since its last digest.
CREATE TABLE saved_searches (
    id             SERIAL PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    -- The search as the catalogue page's query string (no sort, page or page size).
    query          TEXT NOT NULL,
    frequency      TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    -- The end of the window the last digest covered; the next covers what changed after it.
    last_digest_at TIMESTAMP,
    UNIQUE (user_id, name)
);
CREATE INDEX saved_searches_frequency ON saved_searches (frequency);

-- The digests look for what changed in a window.
CREATE INDEX organisations_updated ON organisations (updated_at);
CREATE INDEX offerings_updated ON offerings (updated_at);
