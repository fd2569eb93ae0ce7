-- One row per digest kind and scheduled moment: claimed (inserted) in the transaction
-- that writes the run's mails to the outbox, so a run happens once however many
-- processes try it.
CREATE TABLE digest_runs (
    id          INTEGER PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL,
    slot        TIMESTAMP NOT NULL,
    mails       INTEGER NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    UNIQUE (kind, slot)
);

-- Who asked not to receive a kind of digest.
CREATE TABLE digest_unsubscribes (
    email      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (email, kind)
);

-- The one-click unsubscribe links in digest mails: only a hash of the token is kept.
CREATE TABLE unsubscribe_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    email      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
