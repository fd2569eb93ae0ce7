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

DROP TRIGGER organisations_catalogue_insert;
DROP TRIGGER organisations_catalogue_update;
DROP TRIGGER organisations_catalogue_delete;
DROP TRIGGER organisation_sectors_catalogue_insert;
DROP TRIGGER organisation_sectors_catalogue_update;
DROP TRIGGER organisation_sectors_catalogue_delete;
DROP TRIGGER organisation_target_groups_catalogue_insert;
DROP TRIGGER organisation_target_groups_catalogue_update;
DROP TRIGGER organisation_target_groups_catalogue_delete;
DROP TRIGGER offerings_catalogue_insert;
DROP TRIGGER offerings_catalogue_update;
DROP TRIGGER offerings_catalogue_delete;
DROP TRIGGER offering_municipalities_catalogue_insert;
DROP TRIGGER offering_municipalities_catalogue_update;
DROP TRIGGER offering_municipalities_catalogue_delete;
DROP TRIGGER reporting_periods_catalogue_insert;
DROP TRIGGER reporting_periods_catalogue_update;
DROP TRIGGER reporting_periods_catalogue_delete;
DROP TRIGGER submissions_catalogue_insert;
DROP TRIGGER submissions_catalogue_update;
DROP TRIGGER submissions_catalogue_delete;
DROP TRIGGER submission_revisions_catalogue_insert;
DROP TRIGGER submission_revisions_catalogue_update;
DROP TRIGGER submission_revisions_catalogue_delete;
DROP TRIGGER current_figures_catalogue_insert;
DROP TRIGGER current_figures_catalogue_update;
DROP TRIGGER current_figures_catalogue_delete;
DROP TRIGGER revision_target_groups_catalogue_insert;
DROP TRIGGER revision_target_groups_catalogue_update;
DROP TRIGGER revision_target_groups_catalogue_delete;

INSERT INTO cache_versions (name, instance, version) SELECT k.name, c.instance, c.version FROM cache_versions c, (SELECT 'text' AS name UNION ALL SELECT 'facts' UNION ALL SELECT 'figures') k WHERE c.name = 'catalogue';
DELETE FROM cache_versions WHERE name = 'catalogue';

CREATE TRIGGER organisations_changes_insert AFTER INSERT ON organisations BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('text', 'facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisations_changes_update AFTER UPDATE ON organisations BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('text', 'facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.id AS o) WHERE o IS NOT NULL;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisations_changes_delete AFTER DELETE ON organisations BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('text', 'facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisation_sectors_changes_insert AFTER INSERT ON organisation_sectors BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisation_sectors_changes_update AFTER UPDATE ON organisation_sectors BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisation_sectors_changes_delete AFTER DELETE ON organisation_sectors BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisation_target_groups_changes_insert AFTER INSERT ON organisation_target_groups BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisation_target_groups_changes_update AFTER UPDATE ON organisation_target_groups BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER organisation_target_groups_changes_delete AFTER DELETE ON organisation_target_groups BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER offerings_changes_insert AFTER INSERT ON offerings BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('text', 'facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER offerings_changes_update AFTER UPDATE ON offerings BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('text', 'facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER offerings_changes_delete AFTER DELETE ON offerings BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('text', 'facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER offering_municipalities_changes_insert AFTER INSERT ON offering_municipalities BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM offerings WHERE id = NEW.offering_id) AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER offering_municipalities_changes_update AFTER UPDATE ON offering_municipalities BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM offerings WHERE id = OLD.offering_id) AS o) WHERE o IS NOT NULL;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM offerings WHERE id = NEW.offering_id) AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER offering_municipalities_changes_delete AFTER DELETE ON offering_municipalities BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM offerings WHERE id = OLD.offering_id) AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER reporting_periods_changes_insert AFTER INSERT ON reporting_periods BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT 0 AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER reporting_periods_changes_update AFTER UPDATE ON reporting_periods BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT 0 AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER reporting_periods_changes_delete AFTER DELETE ON reporting_periods BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts', 'figures');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT 0 AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER submissions_changes_insert AFTER INSERT ON submissions WHEN NEW.status = 'accepted' BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER submissions_changes_update AFTER UPDATE ON submissions WHEN OLD.status = 'accepted' OR NEW.status = 'accepted' BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT NEW.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER submissions_changes_delete AFTER DELETE ON submissions WHEN OLD.status = 'accepted' BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT OLD.organisation_id AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER submission_revisions_changes_insert AFTER INSERT ON submission_revisions WHEN (SELECT status FROM submissions WHERE id = NEW.submission_id) = 'accepted' BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM submissions WHERE id = NEW.submission_id) AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER submission_revisions_changes_update AFTER UPDATE ON submission_revisions WHEN (SELECT status FROM submissions WHERE id = NEW.submission_id) = 'accepted' BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM submissions WHERE id = NEW.submission_id) AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER submission_revisions_changes_delete AFTER DELETE ON submission_revisions WHEN (SELECT status FROM submissions WHERE id = OLD.submission_id) = 'accepted' BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), o FROM (SELECT (SELECT organisation_id FROM submissions WHERE id = OLD.submission_id) AS o) WHERE o IS NOT NULL;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER current_figures_changes_insert AFTER INSERT ON current_figures BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER current_figures_changes_update AFTER UPDATE ON current_figures BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER current_figures_changes_delete AFTER DELETE ON current_figures BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
