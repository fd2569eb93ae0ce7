-- What reports read: per submission the figures of its newest revision, kept up to
-- date by every save and review, so a report reads one compact, indexed table.
CREATE TABLE current_figures (
    submission_id          INTEGER PRIMARY KEY NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    organisation_id        INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    period_id              INTEGER NOT NULL REFERENCES reporting_periods (id) ON DELETE CASCADE,
    -- Whether it counts in reports: submitted, accepted or returned, not a draft.
    counted                BOOLEAN NOT NULL,
    paid_target_group      INTEGER NOT NULL,
    paid_regular           INTEGER NOT NULL,
    trainees               INTEGER NOT NULL,
    daytime_activities     INTEGER NOT NULL,
    volunteers             INTEGER NOT NULL,
    new_participants       INTEGER NOT NULL,
    moved_to_paid_internal INTEGER NOT NULL,
    moved_to_paid_external INTEGER NOT NULL,
    moved_to_education     INTEGER NOT NULL,
    other_exits            INTEGER NOT NULL,
    -- The target-group breakdown as `group:people` pairs, comma-separated.
    target_groups          TEXT NOT NULL
);
CREATE INDEX current_figures_period ON current_figures (period_id, counted);

INSERT INTO current_figures
SELECT s.id, s.organisation_id, s.period_id, s.status <> 'draft',
       r.paid_target_group, r.paid_regular, r.trainees, r.daytime_activities, r.volunteers,
       r.new_participants, r.moved_to_paid_internal, r.moved_to_paid_external, r.moved_to_education, r.other_exits,
       COALESCE((SELECT group_concat(g.target_group || ':' || g.people, ',') FROM revision_target_groups g WHERE g.revision_id = r.id), '')
FROM submissions s
JOIN submission_revisions r ON r.submission_id = s.id
WHERE r.number = (SELECT MAX(number) FROM submission_revisions m WHERE m.submission_id = s.id);
