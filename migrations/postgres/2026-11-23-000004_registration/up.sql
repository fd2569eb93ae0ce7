-- WISEs that applied through the public registration form: who applied, when, and
-- whether they confirmed their email address (the operator approves only then).
CREATE TABLE registrations (
    organisation_id    INTEGER PRIMARY KEY NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id            INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    applied_at         TIMESTAMP NOT NULL,
    email_confirmed_at TIMESTAMP
);
CREATE INDEX registrations_user ON registrations (user_id);

-- Single-use email-confirmation links of a registration, stored hashed.
CREATE TABLE email_confirmations (
    id              SERIAL PRIMARY KEY,
    token_hash      TEXT NOT NULL UNIQUE,
    organisation_id INTEGER NOT NULL REFERENCES registrations (organisation_id) ON DELETE CASCADE,
    created_at      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    used_at         TIMESTAMP
);
CREATE INDEX email_confirmations_registration ON email_confirmations (organisation_id);
