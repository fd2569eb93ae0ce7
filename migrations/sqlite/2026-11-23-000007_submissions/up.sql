-- One submission per WISE per period; its figures live in revisions, never overwritten.
CREATE TABLE submissions (
    id              INTEGER PRIMARY KEY NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    period_id       INTEGER NOT NULL REFERENCES reporting_periods (id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
    review_comment  TEXT,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, period_id)
);
CREATE INDEX submissions_period ON submissions (period_id, status);

-- Every version of a submission's figures; the highest number counts.
CREATE TABLE submission_revisions (
    id                          INTEGER PRIMARY KEY NOT NULL,
    submission_id               INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    number                      INTEGER NOT NULL CHECK (number >= 1),
    paid_target_group           INTEGER NOT NULL CHECK (paid_target_group >= 0),
    paid_regular                INTEGER NOT NULL CHECK (paid_regular >= 0),
    trainees                    INTEGER NOT NULL CHECK (trainees >= 0),
    daytime_activities          INTEGER NOT NULL CHECK (daytime_activities >= 0),
    volunteers                  INTEGER NOT NULL CHECK (volunteers >= 0),
    new_participants            INTEGER NOT NULL CHECK (new_participants >= 0),
    moved_to_paid_internal      INTEGER NOT NULL CHECK (moved_to_paid_internal >= 0),
    moved_to_paid_external      INTEGER NOT NULL CHECK (moved_to_paid_external >= 0),
    moved_to_education          INTEGER NOT NULL CHECK (moved_to_education >= 0),
    other_exits                 INTEGER NOT NULL CHECK (other_exits >= 0),
    fte_target_group_hundredths INTEGER CHECK (fte_target_group_hundredths >= 0),
    turnover_eur                BIGINT CHECK (turnover_eur >= 0),
    source                      TEXT NOT NULL CHECK (source IN ('form', 'import', 'api', 'demo')),
    created_by                  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at                  TIMESTAMP NOT NULL,
    UNIQUE (submission_id, number)
);

-- The target-group breakdown of a revision (`tg_<group>` fields).
CREATE TABLE revision_target_groups (
    revision_id  INTEGER NOT NULL REFERENCES submission_revisions (id) ON DELETE CASCADE,
    target_group TEXT NOT NULL,
    people       INTEGER NOT NULL CHECK (people >= 0),
    PRIMARY KEY (revision_id, target_group)
);
