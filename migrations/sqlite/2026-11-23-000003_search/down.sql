DROP INDEX offerings_organisation_active;
DROP TABLE offerings_fts;
DROP TABLE organisations_fts;
