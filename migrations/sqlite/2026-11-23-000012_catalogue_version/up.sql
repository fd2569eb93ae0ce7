-- The data version: every write to a table that catalogue searches or sector reports
-- are computed from bumps it, in the writing transaction, so every process sees a
-- committed change at its next read of what it keeps in memory (src/db/versioned.rs).
-- `instance` tells databases apart in a process that opens several (the tests).
CREATE TABLE cache_versions (
    name     TEXT PRIMARY KEY NOT NULL,
    instance TEXT NOT NULL,
    version  BIGINT NOT NULL
);
INSERT INTO cache_versions (name, instance, version) VALUES ('catalogue', lower(hex(randomblob(16))), 0);
CREATE TRIGGER organisations_catalogue_insert AFTER INSERT ON organisations BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisations_catalogue_update AFTER UPDATE ON organisations BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisations_catalogue_delete AFTER DELETE ON organisations BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisation_sectors_catalogue_insert AFTER INSERT ON organisation_sectors BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisation_sectors_catalogue_update AFTER UPDATE ON organisation_sectors BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisation_sectors_catalogue_delete AFTER DELETE ON organisation_sectors BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisation_target_groups_catalogue_insert AFTER INSERT ON organisation_target_groups BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisation_target_groups_catalogue_update AFTER UPDATE ON organisation_target_groups BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER organisation_target_groups_catalogue_delete AFTER DELETE ON organisation_target_groups BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER offerings_catalogue_insert AFTER INSERT ON offerings BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER offerings_catalogue_update AFTER UPDATE ON offerings BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER offerings_catalogue_delete AFTER DELETE ON offerings BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER offering_municipalities_catalogue_insert AFTER INSERT ON offering_municipalities BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER offering_municipalities_catalogue_update AFTER UPDATE ON offering_municipalities BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER offering_municipalities_catalogue_delete AFTER DELETE ON offering_municipalities BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER reporting_periods_catalogue_insert AFTER INSERT ON reporting_periods BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER reporting_periods_catalogue_update AFTER UPDATE ON reporting_periods BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER reporting_periods_catalogue_delete AFTER DELETE ON reporting_periods BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER submissions_catalogue_insert AFTER INSERT ON submissions BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER submissions_catalogue_update AFTER UPDATE ON submissions BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER submissions_catalogue_delete AFTER DELETE ON submissions BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER submission_revisions_catalogue_insert AFTER INSERT ON submission_revisions BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER submission_revisions_catalogue_update AFTER UPDATE ON submission_revisions BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER submission_revisions_catalogue_delete AFTER DELETE ON submission_revisions BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER current_figures_catalogue_insert AFTER INSERT ON current_figures BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER current_figures_catalogue_update AFTER UPDATE ON current_figures BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER current_figures_catalogue_delete AFTER DELETE ON current_figures BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER revision_target_groups_catalogue_insert AFTER INSERT ON revision_target_groups BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER revision_target_groups_catalogue_update AFTER UPDATE ON revision_target_groups BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
CREATE TRIGGER revision_target_groups_catalogue_delete AFTER DELETE ON revision_target_groups BEGIN UPDATE cache_versions SET version = version + 1 WHERE name = 'catalogue'; END;
