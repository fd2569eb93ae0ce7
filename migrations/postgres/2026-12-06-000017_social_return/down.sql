DROP TABLE sr_entries;
DROP TABLE sr_contracts;
