DROP TABLE partnership_answers;
DROP TABLE partnership_assessments;
DROP TABLE partner_moves;
DROP TABLE partnership_phases;
DROP TABLE partnership_values;
DROP TABLE partnership_exchanges;
DROP TABLE partnerships;
