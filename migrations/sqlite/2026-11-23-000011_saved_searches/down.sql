DROP INDEX offerings_updated;
DROP INDEX organisations_updated;
DROP TABLE saved_searches;
