-- Buying organisations: municipalities, other public bodies and companies whose users are buyers.
CREATE TABLE buying_organisations (
    id           SERIAL PRIMARY KEY,
    name         TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    kvk_number   TEXT NOT NULL UNIQUE CHECK (char_length(kvk_number) = 8),
    kind         TEXT NOT NULL CHECK (kind IN ('municipality', 'public_body', 'company')),
    municipality TEXT,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'suspended')),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

-- A buyer belongs to one buying organisation; `approved_at` empty: waiting for approval.
CREATE TABLE buying_organisation_users (
    user_id                INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    buying_organisation_id INTEGER NOT NULL REFERENCES buying_organisations (id) ON DELETE CASCADE,
    email_confirmed_at     TIMESTAMP,
    approved_at            TIMESTAMP,
    created_at             TIMESTAMP NOT NULL
);
CREATE INDEX buying_organisation_users_organisation ON buying_organisation_users (buying_organisation_id);

-- What a buying organisation wants to buy.
CREATE TABLE needs (
    id                     SERIAL PRIMARY KEY,
    buying_organisation_id INTEGER NOT NULL REFERENCES buying_organisations (id) ON DELETE CASCADE,
    created_by             INTEGER NOT NULL REFERENCES users (id),
    title                  TEXT NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description            TEXT NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
    kind                   TEXT NOT NULL CHECK (kind IN ('tender', 'quote', 'sourcing')),
    offering_kind          TEXT NOT NULL CHECK (offering_kind IN ('good', 'service', 'works')),
    cpv_codes              TEXT NOT NULL,
    location               TEXT NOT NULL CHECK (location IN ('national', 'municipality', 'radius')),
    municipality           TEXT,
    radius_km              INTEGER,
    amount_band            TEXT NOT NULL,
    amount_eur             BIGINT,
    deadline               DATE NOT NULL,
    starts_on              DATE,
    reserved               BOOLEAN NOT NULL,
    respond_how            TEXT NOT NULL CHECK (respond_how IN ('platform', 'email', 'link')),
    respond_to             TEXT,
    questions              TEXT NOT NULL,
    status                 TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'withdrawn')),
    status_comment         TEXT,
    status_changed_at      TIMESTAMP NOT NULL,
    published_at           TIMESTAMP,
    operator_told_at       TIMESTAMP,
    reminders_sent         INTEGER NOT NULL DEFAULT 0,
    buyer_asked_at         TIMESTAMP,
    outcome_reported_at    TIMESTAMP,
    found_without_platform TEXT,
    share_as_example       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL
);
CREATE INDEX needs_buyer ON needs (buying_organisation_id, status);
CREATE INDEX needs_status ON needs (status, deadline);

CREATE TABLE need_attachments (
    id           SERIAL PRIMARY KEY,
    need_id      INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX need_attachments_need ON need_attachments (need_id);

-- One row per (need, WISE): matched (or added by the operator), alerted in a batch,
-- opened, answered. `removed_at`: taken off the list by the operator, with `reason`.
CREATE TABLE need_matches (
    need_id         INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    source          TEXT NOT NULL CHECK (source IN ('matched', 'added')),
    reason          TEXT,
    removed_at      TIMESTAMP,
    rank            INTEGER NOT NULL DEFAULT 0,
    batch           INTEGER,
    alerted_at      TIMESTAMP,
    reminded_at     TIMESTAMP,
    opened_at       TIMESTAMP,
    response        TEXT CHECK (response IN ('interested', 'declined', 'joint')),
    message         TEXT,
    answers         TEXT,
    decline_reason  TEXT,
    contact_ok      BOOLEAN NOT NULL DEFAULT FALSE,
    responded_at    TIMESTAMP,
    wise_asked_at   TIMESTAMP,
    PRIMARY KEY (need_id, organisation_id)
);
CREATE INDEX need_matches_organisation ON need_matches (organisation_id);

-- A deal that followed a need: reported by the buyer, confirmed by the WISE (or decided by the operator).
CREATE TABLE need_deals (
    id              SERIAL PRIMARY KEY,
    need_id         INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    amount_eur      BIGINT NOT NULL CHECK (amount_eur >= 0),
    reported_by     TEXT NOT NULL CHECK (reported_by IN ('buyer', 'wise')),
    reported_at     TIMESTAMP NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('reported', 'confirmed', 'disputed')),
    decided_by      INTEGER REFERENCES users (id),
    comment         TEXT,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (need_id, organisation_id)
);

-- Messages between WISEs that want to bid together (also mailed through the outbox).
CREATE TABLE need_messages (
    id                   SERIAL PRIMARY KEY,
    need_id              INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    from_organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    to_organisation_id   INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    body                 TEXT NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    created_at           TIMESTAMP NOT NULL
);
