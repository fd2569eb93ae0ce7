-- What happened to a submission, in order: saved as a draft, submitted (by the
-- form, an import or the API), returned with a comment, accepted. Append-only.
CREATE TABLE submission_events (
    id              SERIAL PRIMARY KEY,
    submission_id   INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    event           TEXT NOT NULL CHECK (event IN ('draft', 'submitted', 'returned', 'accepted')),
    revision_number INTEGER NOT NULL CHECK (revision_number >= 1),
    comment         TEXT,
    user_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX submission_events_submission ON submission_events (submission_id, id);
