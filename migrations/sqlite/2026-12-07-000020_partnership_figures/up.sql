-- The sector report's partnerships section (issue 24) adds up partnerships, their
-- phases and exchanges, and the moves to partners stated with the figures: a write to
-- any of them bumps the `figures` version, as a write to the counted figures does, so
-- the reports' caches follow.

CREATE TRIGGER partnerships_changes_insert AFTER INSERT ON partnerships BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnerships_changes_update AFTER UPDATE ON partnerships BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnerships_changes_delete AFTER DELETE ON partnerships BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnership_phases_changes_insert AFTER INSERT ON partnership_phases BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnership_phases_changes_update AFTER UPDATE ON partnership_phases BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnership_phases_changes_delete AFTER DELETE ON partnership_phases BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnership_exchanges_changes_insert AFTER INSERT ON partnership_exchanges BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnership_exchanges_changes_update AFTER UPDATE ON partnership_exchanges BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partnership_exchanges_changes_delete AFTER DELETE ON partnership_exchanges BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partner_moves_changes_insert AFTER INSERT ON partner_moves BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partner_moves_changes_update AFTER UPDATE ON partner_moves BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
CREATE TRIGGER partner_moves_changes_delete AFTER DELETE ON partner_moves BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('figures');
END;
