-- A buyer's shortlist of WISEs.
CREATE TABLE shortlist_items (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    added_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, organisation_id)
);

-- Enquiries buyers sent to WISEs (the mails themselves go through the outbox).
CREATE TABLE enquiries (
    id              INTEGER PRIMARY KEY NOT NULL,
    buyer_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    subject         TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    message         TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX enquiries_organisation ON enquiries (organisation_id, created_at);
CREATE INDEX enquiries_buyer ON enquiries (buyer_id, created_at);
