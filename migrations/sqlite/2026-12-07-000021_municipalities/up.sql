-- The municipalities reference table (issue 25): CBS code, name and the centroid's
-- latitude and longitude (WGS 84; empty when not known). Offerings with a radius serve
-- the municipalities whose centroid lies within it of their WISE's municipality
-- (src/geography/). What the search filters on follows from it, so every write bumps
-- `facts` for every WISE (organisation 0 in the change feed).

CREATE TABLE municipalities (
    code       TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    latitude   REAL,
    longitude  REAL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX municipalities_name ON municipalities (name);
CREATE TRIGGER municipalities_changes_insert AFTER INSERT ON municipalities BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), 0;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER municipalities_changes_update AFTER UPDATE ON municipalities BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), 0;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER municipalities_changes_delete AFTER DELETE ON municipalities BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), 0;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
