DROP TABLE partnership_phases;
DROP TABLE partnership_values;
DROP TABLE partnership_exchanges;
DROP TABLE partnerships;
