-- Certificates that are verified (issue 25). Each certificate a WISE claims on its
-- profile (a PSO level with its date, registration with the Code Sociale Ondernemingen,
-- Social Enterprise NL membership, other certificates by name) is one row with a state:
--   claimed   written by the WISE (or an import), waiting for the operator;
--   verified  the operator checked it against its evidence (verified_at, decided_by);
--   rejected  the operator did not accept it (decision_note says why);
--   expired   its valid_until passed (verified_at stays when it had been verified).
-- Only verified and current ones count for badges, filters, the social-return valuation
-- and the advisor (src/organisation/certificates.rs). The evidence is a file kept under
-- its SHA-256 checksum in `[certificates] evidence_dir`. What the search filters on
-- follows from it, so every write bumps `facts` for its WISE. Claims already on the
-- profiles become claimed (or expired) rows.

CREATE TABLE certificates (
    id              INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('pso', 'cso', 'sena', 'other')),
    name            TEXT NOT NULL,
    valid_until     DATE,
    state           TEXT NOT NULL DEFAULT 'claimed' CHECK (state IN ('claimed', 'verified', 'rejected', 'expired')),
    claimed_at      TIMESTAMP NOT NULL,
    evidence_name   TEXT,
    evidence_type   TEXT,
    evidence_size   BIGINT,
    evidence_sha256 TEXT,
    evidence_at     TIMESTAMP,
    decided_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at      TIMESTAMP,
    decision_note   TEXT,
    verified_at     TIMESTAMP
);
CREATE UNIQUE INDEX certificates_claim ON certificates (organisation_id, kind, name);
CREATE INDEX certificates_state ON certificates (state);

INSERT INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT id, 'pso', pso_level, pso_valid_until, CASE WHEN pso_valid_until < date('now') THEN 'expired' ELSE 'claimed' END, updated_at
    FROM organisations WHERE pso_level IS NOT NULL;
INSERT INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT id, 'cso', cso_status, NULL, 'claimed', updated_at FROM organisations WHERE cso_status = 'registered';
INSERT INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT id, 'sena', 'member', NULL, 'claimed', updated_at FROM organisations WHERE sena_member;
INSERT OR IGNORE INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT c.organisation_id, 'other', c.name, c.valid_until, CASE WHEN c.valid_until < date('now') THEN 'expired' ELSE 'claimed' END, o.updated_at
    FROM organisation_certifications c JOIN organisations o ON o.id = c.organisation_id;

CREATE TRIGGER certificates_changes_insert AFTER INSERT ON certificates BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), NEW.organisation_id;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER certificates_changes_update AFTER UPDATE ON certificates BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), OLD.organisation_id;
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), NEW.organisation_id;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
CREATE TRIGGER certificates_changes_delete AFTER DELETE ON certificates BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name IN ('facts');
    INSERT OR IGNORE INTO catalogue_changes (seq, organisation_id) SELECT (SELECT version FROM cache_versions WHERE name = 'facts'), OLD.organisation_id;
    DELETE FROM catalogue_changes WHERE seq <= (SELECT version FROM cache_versions WHERE name = 'facts') - 10000;
END;
