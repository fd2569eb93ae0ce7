-- The data version: every write to a table that catalogue searches or sector reports
-- are computed from bumps it, in the writing transaction, so every process sees a
-- committed change at its next read of what it keeps in memory (src/db/versioned.rs).
-- `instance` tells databases apart in a process that opens several (the tests).
CREATE TABLE cache_versions (
    name     TEXT PRIMARY KEY,
    instance TEXT NOT NULL,
    version  BIGINT NOT NULL
);
INSERT INTO cache_versions (name, instance, version) VALUES ('catalogue', md5(random()::text || clock_timestamp()::text), 0);

-- Deferred to commit, so the version row is locked last by every writer (no lock-order
-- deadlocks), and once per transaction however many rows it writes.
CREATE FUNCTION bump_catalogue_version() RETURNS trigger AS $$
BEGIN
    IF current_setting('wise.catalogue_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('wise.catalogue_bumped', txid_current()::text, true);
        UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER organisations_catalogue AFTER INSERT OR UPDATE OR DELETE ON organisations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER organisation_sectors_catalogue AFTER INSERT OR UPDATE OR DELETE ON organisation_sectors DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER organisation_target_groups_catalogue AFTER INSERT OR UPDATE OR DELETE ON organisation_target_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER offerings_catalogue AFTER INSERT OR UPDATE OR DELETE ON offerings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER offering_municipalities_catalogue AFTER INSERT OR UPDATE OR DELETE ON offering_municipalities DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER reporting_periods_catalogue AFTER INSERT OR UPDATE OR DELETE ON reporting_periods DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER submissions_catalogue AFTER INSERT OR UPDATE OR DELETE ON submissions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER submission_revisions_catalogue AFTER INSERT OR UPDATE OR DELETE ON submission_revisions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER current_figures_catalogue AFTER INSERT OR UPDATE OR DELETE ON current_figures DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
CREATE CONSTRAINT TRIGGER revision_target_groups_catalogue AFTER INSERT OR UPDATE OR DELETE ON revision_target_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version();
