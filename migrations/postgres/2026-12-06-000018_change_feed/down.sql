-- Back to migration 000012's one data version.
DROP TRIGGER organisations_changes ON organisations;
DROP TRIGGER organisation_sectors_changes ON organisation_sectors;
DROP TRIGGER organisation_target_groups_changes ON organisation_target_groups;
DROP TRIGGER offerings_changes ON offerings;
DROP TRIGGER offering_municipalities_changes ON offering_municipalities;
DROP TRIGGER reporting_periods_changes ON reporting_periods;
DROP TRIGGER submissions_changes_insert ON submissions;
DROP TRIGGER submissions_changes_update ON submissions;
DROP TRIGGER submissions_changes_delete ON submissions;
DROP TRIGGER submission_revisions_changes ON submission_revisions;
DROP TRIGGER current_figures_changes ON current_figures;
DROP FUNCTION record_change();
DROP TABLE catalogue_changes;
INSERT INTO cache_versions (name, instance, version) SELECT 'catalogue', instance, version FROM cache_versions WHERE name = 'facts';
DELETE FROM cache_versions WHERE name IN ('text', 'facts', 'figures');
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
