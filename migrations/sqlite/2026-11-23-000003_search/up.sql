-- Full-text search (FTS5): WISE names and descriptions, offering titles and descriptions.
-- Diacritics are folded (café = cafe); words match by prefix at query time.
CREATE VIRTUAL TABLE organisations_fts USING fts5(
    name, description, content = 'organisations', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO organisations_fts (rowid, name, description) VALUES (new.id, new.name, new.description);
END;
CREATE TRIGGER organisations_fts_delete AFTER DELETE ON organisations BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name, description)
    VALUES ('delete', old.id, old.name, old.description);
END;
CREATE TRIGGER organisations_fts_update AFTER UPDATE OF name, description ON organisations BEGIN
    INSERT INTO organisations_fts (organisations_fts, rowid, name, description)
    VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO organisations_fts (rowid, name, description) VALUES (new.id, new.name, new.description);
END;
INSERT INTO organisations_fts (organisations_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE offerings_fts USING fts5(
    title, description, content = 'offerings', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER offerings_fts_insert AFTER INSERT ON offerings BEGIN
    INSERT INTO offerings_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER offerings_fts_delete AFTER DELETE ON offerings BEGIN
    INSERT INTO offerings_fts (offerings_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER offerings_fts_update AFTER UPDATE OF title, description ON offerings BEGIN
    INSERT INTO offerings_fts (offerings_fts, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO offerings_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
INSERT INTO offerings_fts (offerings_fts) VALUES ('rebuild');

CREATE INDEX offerings_organisation_active ON offerings (organisation_id, active);
