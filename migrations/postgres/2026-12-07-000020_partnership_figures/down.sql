DROP TRIGGER partnerships_changes ON partnerships;
DROP TRIGGER partnership_phases_changes ON partnership_phases;
DROP TRIGGER partnership_exchanges_changes ON partnership_exchanges;
DROP TRIGGER partner_moves_changes ON partner_moves;
