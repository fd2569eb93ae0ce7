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
    id              SERIAL PRIMARY KEY,
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
    SELECT id, 'pso', pso_level, pso_valid_until, CASE WHEN pso_valid_until < CURRENT_DATE THEN 'expired' ELSE 'claimed' END, updated_at
    FROM organisations WHERE pso_level IS NOT NULL;
INSERT INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT id, 'cso', cso_status, NULL, 'claimed', updated_at FROM organisations WHERE cso_status = 'registered';
INSERT INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT id, 'sena', 'member', NULL, 'claimed', updated_at FROM organisations WHERE sena_member;
INSERT INTO certificates (organisation_id, kind, name, valid_until, state, claimed_at)
    SELECT c.organisation_id, 'other', c.name, c.valid_until, CASE WHEN c.valid_until < CURRENT_DATE THEN 'expired' ELSE 'claimed' END, o.updated_at
    FROM organisation_certifications c JOIN organisations o ON o.id = c.organisation_id
    ON CONFLICT DO NOTHING;

CREATE CONSTRAINT TRIGGER certificates_changes AFTER INSERT OR UPDATE OR DELETE ON certificates DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_change('{facts}', 'organisation_id');
