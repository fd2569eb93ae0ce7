-- The change feed (issue 23). Migration 000012 bumped one data version on every write
-- to a catalogue or figures table, which dropped every cached value. Now each write
-- bumps only the versions of the kinds of data it changes, in the writing transaction:
--   text     the words searches match (organisations, offerings);
--   facts    what searches filter on, per WISE: profile, sectors, target groups, active
--            offerings and where they deliver, and accepted figures (reserved-contract
--            eligibility); each change also records which WISE changed (0: every WISE)
--            in catalogue_changes under the new version, so a process updates the facts
--            of only those WISEs (src/catalogue/search/facts.rs);
--   figures  what reports add up (counted figures, approved WISEs and their sectors,
--            periods).
-- A submission that is not accepted changes neither text nor facts. The feed keeps the
-- last 10000 versions; a process further behind loads every WISE's facts again.

CREATE TABLE catalogue_changes (
    seq             BIGINT NOT NULL,
    organisation_id INTEGER NOT NULL,
    PRIMARY KEY (seq, organisation_id)
);

DROP TRIGGER organisations_catalogue ON organisations;
DROP TRIGGER organisation_sectors_catalogue ON organisation_sectors;
DROP TRIGGER organisation_target_groups_catalogue ON organisation_target_groups;
DROP TRIGGER offerings_catalogue ON offerings;
DROP TRIGGER offering_municipalities_catalogue ON offering_municipalities;
DROP TRIGGER reporting_periods_catalogue ON reporting_periods;
DROP TRIGGER submissions_catalogue ON submissions;
DROP TRIGGER submission_revisions_catalogue ON submission_revisions;
DROP TRIGGER current_figures_catalogue ON current_figures;
DROP TRIGGER revision_target_groups_catalogue ON revision_target_groups;
DROP FUNCTION bump_catalogue_version();

INSERT INTO cache_versions (name, instance, version) SELECT k.name, c.instance, c.version FROM cache_versions c, (VALUES ('text'), ('facts'), ('figures')) k(name) WHERE c.name = 'catalogue';
DELETE FROM cache_versions WHERE name = 'catalogue';

-- record_change(kinds, how the WISE is found): bumps each kind once per transaction and,
-- for facts, records the WISE under the transaction's new facts version. Deferred to
-- commit, so the version rows are locked last by every writer (no lock-order deadlocks)
-- and held until commit: versions are handed out in commit order, and a process that
-- reads version v finds every change up to v committed.
CREATE FUNCTION record_change() RETURNS trigger AS $$
DECLARE
    kinds text[] := TG_ARGV[0]::text[];
    how text := TG_ARGV[1];
    tx text := txid_current()::text;
    k text;
    v bigint;
    r jsonb;
    org integer;
BEGIN
    IF how = 'revision' THEN
        -- A revision changes the facts only of an accepted submission.
        IF NOT EXISTS (SELECT 1 FROM submissions WHERE status = 'accepted'
                       AND id = (to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END)->>'submission_id')::integer) THEN
            RETURN NULL;
        END IF;
    END IF;
    FOREACH k IN ARRAY kinds LOOP
        IF current_setting('wise.changed_' || k, true) IS DISTINCT FROM tx THEN
            PERFORM set_config('wise.changed_' || k, tx, true);
            UPDATE cache_versions SET version = version + 1 WHERE name = k RETURNING version INTO v;
            IF k = 'facts' THEN
                PERFORM set_config('wise.facts_version', v::text, true);
                DELETE FROM catalogue_changes WHERE seq <= v - 10000;
            END IF;
        END IF;
    END LOOP;
    IF 'facts' = ANY(kinds) THEN
        v := current_setting('wise.facts_version')::bigint;
        FOREACH r IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
                            ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END) LOOP
            org := CASE how
                WHEN 'id' THEN (r->>'id')::integer
                WHEN 'all' THEN 0
                WHEN 'offering' THEN (SELECT organisation_id FROM offerings WHERE id = (r->>'offering_id')::integer)
                WHEN 'revision' THEN (SELECT organisation_id FROM submissions WHERE id = (r->>'submission_id')::integer)
                ELSE (r->>'organisation_id')::integer END;
            IF org IS NOT NULL THEN
                INSERT INTO catalogue_changes (seq, organisation_id) VALUES (v, org) ON CONFLICT DO NOTHING;
            END IF;
        END LOOP;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER organisations_changes AFTER INSERT OR UPDATE OR DELETE ON organisations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{text,facts,figures}', 'id');
CREATE CONSTRAINT TRIGGER organisation_sectors_changes AFTER INSERT OR UPDATE OR DELETE ON organisation_sectors DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts,figures}', 'organisation_id');
CREATE CONSTRAINT TRIGGER organisation_target_groups_changes AFTER INSERT OR UPDATE OR DELETE ON organisation_target_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts}', 'organisation_id');
CREATE CONSTRAINT TRIGGER offerings_changes AFTER INSERT OR UPDATE OR DELETE ON offerings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{text,facts}', 'organisation_id');
CREATE CONSTRAINT TRIGGER offering_municipalities_changes AFTER INSERT OR UPDATE OR DELETE ON offering_municipalities DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts}', 'offering');
CREATE CONSTRAINT TRIGGER reporting_periods_changes AFTER INSERT OR UPDATE OR DELETE ON reporting_periods DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts,figures}', 'all');
CREATE CONSTRAINT TRIGGER submissions_changes_insert AFTER INSERT ON submissions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'accepted') EXECUTE FUNCTION record_change('{facts}', 'organisation_id');
CREATE CONSTRAINT TRIGGER submissions_changes_update AFTER UPDATE ON submissions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'accepted' OR NEW.status = 'accepted') EXECUTE FUNCTION record_change('{facts}', 'organisation_id');
CREATE CONSTRAINT TRIGGER submissions_changes_delete AFTER DELETE ON submissions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'accepted') EXECUTE FUNCTION record_change('{facts}', 'organisation_id');
CREATE CONSTRAINT TRIGGER submission_revisions_changes AFTER INSERT OR UPDATE OR DELETE ON submission_revisions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts}', 'revision');
CREATE CONSTRAINT TRIGGER current_figures_changes AFTER INSERT OR UPDATE OR DELETE ON current_figures DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{figures}', 'none');
