DROP INDEX offerings_organisation_active;
DROP INDEX offerings_search;
ALTER TABLE offerings DROP COLUMN search;
DROP INDEX organisations_search;
ALTER TABLE organisations DROP COLUMN search;
DROP FUNCTION wise_unaccent(text);
