-- Partnerships (issue 24): a WISE and a company (a buying organisation) that work
-- together to bring people into paid work. The WISE proposes, the company confirms;
-- only confirmed partnerships count. Either side can end one. What is exchanged and
-- the kinds of value the partners see (the Collaborative Value Creation framework)
-- are lists of their own; every change of phase is kept.
CREATE TABLE partnerships (
    id SERIAL PRIMARY KEY,
    wise_id        INTEGER NOT NULL REFERENCES organisations (id),
    company_id     INTEGER NOT NULL REFERENCES buying_organisations (id),
    -- The current phase; its history is in partnership_phases.
    phase          TEXT NOT NULL CHECK (phase IN ('orientation', 'integration', 'transformation')),
    started_on     DATE NOT NULL,
    -- The people involved on each side, and the partners' ambitions (free text).
    wise_people    TEXT NOT NULL DEFAULT '',
    company_people TEXT NOT NULL DEFAULT '',
    ambitions      TEXT NOT NULL DEFAULT '',
    -- 'proposed' (awaiting the company), 'confirmed', 'declined' (by the company),
    -- 'withdrawn' (by the WISE before confirmation) or 'ended'.
    state          TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed', 'declined', 'withdrawn', 'ended')),
    -- Whether each side agrees to be named in public; both must.
    wise_named     BOOLEAN NOT NULL DEFAULT FALSE,
    company_named  BOOLEAN NOT NULL DEFAULT FALSE,
    proposed_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMP NOT NULL,
    confirmed_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    confirmed_at   TIMESTAMP,
    -- Ending (or declining): when, why, and which side.
    ended_on       DATE,
    end_reason     TEXT,
    ended_by_side  TEXT CHECK (ended_by_side IN ('wise', 'company')),
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX partnerships_wise ON partnerships (wise_id);
CREATE INDEX partnerships_company ON partnerships (company_id);
-- At most one proposed or confirmed partnership per pair.
CREATE UNIQUE INDEX partnerships_running ON partnerships (wise_id, company_id)
    WHERE state IN ('proposed', 'confirmed');

CREATE TABLE partnership_exchanges (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    exchange       TEXT NOT NULL,
    PRIMARY KEY (partnership_id, exchange)
);

CREATE TABLE partnership_values (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    value          TEXT NOT NULL,
    PRIMARY KEY (partnership_id, value)
);

-- Every phase a partnership was in, from its proposal on.
CREATE TABLE partnership_phases (
    id SERIAL PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    phase          TEXT NOT NULL CHECK (phase IN ('orientation', 'integration', 'transformation')),
    changed_on     DATE NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    changed_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX partnership_phases_partnership ON partnership_phases (partnership_id);

-- Onward moves through partners: of a submission's moves into paid work with another
-- employer (moved_to_paid_external), how many went to each partner company. Counts
-- only; they count with the submission's figures.
CREATE TABLE partner_moves (
    submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id),
    moved          INTEGER NOT NULL CHECK (moved > 0),
    PRIMARY KEY (submission_id, partnership_id)
);
CREATE INDEX partner_moves_partnership ON partner_moves (partnership_id);

-- The partnership self-assessment: each partner scores the themes of the three phases
-- (1 to 4) with a note, in rounds; earlier rounds are kept to show progress.
CREATE TABLE partnership_assessments (
    id SERIAL PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    round          INTEGER NOT NULL,
    side           TEXT NOT NULL CHECK (side IN ('wise', 'company')),
    answered_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    answered_at    TIMESTAMP NOT NULL,
    UNIQUE (partnership_id, round, side)
);

CREATE TABLE partnership_answers (
    assessment_id INTEGER NOT NULL REFERENCES partnership_assessments (id) ON DELETE CASCADE,
    theme         TEXT NOT NULL,
    score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, theme)
);
