-- The sector report's partnerships section (issue 24) adds up partnerships, their
-- phases and exchanges, and the moves to partners stated with the figures: a write to
-- any of them bumps the `figures` version, as a write to the counted figures does, so
-- the reports' caches follow.

CREATE CONSTRAINT TRIGGER partnerships_changes AFTER INSERT OR UPDATE OR DELETE ON partnerships DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{figures}', 'none');
CREATE CONSTRAINT TRIGGER partnership_phases_changes AFTER INSERT OR UPDATE OR DELETE ON partnership_phases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{figures}', 'none');
CREATE CONSTRAINT TRIGGER partnership_exchanges_changes AFTER INSERT OR UPDATE OR DELETE ON partnership_exchanges DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{figures}', 'none');
CREATE CONSTRAINT TRIGGER partner_moves_changes AFTER INSERT OR UPDATE OR DELETE ON partner_moves DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{figures}', 'none');
