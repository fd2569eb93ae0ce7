-- The municipalities reference table (issue 25): CBS code, name and the centroid's
-- latitude and longitude (WGS 84; empty when not known). Offerings with a radius serve
-- the municipalities whose centroid lies within it of their WISE's municipality
-- (src/geography/). What the search filters on follows from it, so every write bumps
-- `facts` for every WISE (organisation 0 in the change feed).

CREATE TABLE municipalities (
    code       TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    latitude   DOUBLE PRECISION,
    longitude  DOUBLE PRECISION,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX municipalities_name ON municipalities (name);
CREATE CONSTRAINT TRIGGER municipalities_changes AFTER INSERT OR UPDATE OR DELETE ON municipalities DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts}', 'all');
