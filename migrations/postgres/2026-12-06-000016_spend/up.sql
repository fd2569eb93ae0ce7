-- A buying organisation's spend register: what it paid each supplier in a period,
-- imported as CSV or entered by hand. Suppliers are matched to WISEs by KvK number
-- when the register is read, so a WISE approved later counts from then on.
CREATE TABLE spend_rows (
    id SERIAL PRIMARY KEY,
    buying_organisation_id INTEGER NOT NULL REFERENCES buying_organisations (id) ON DELETE CASCADE,
    supplier_kvk           TEXT NOT NULL,
    supplier_name          TEXT NOT NULL,
    -- In euro cents, VAT excluded; negative for a credit.
    amount_cents           BIGINT NOT NULL,
    -- As written: a year (2026), a quarter (2026-Q1) or a month (2026-03); its first day orders them.
    period                 TEXT NOT NULL,
    period_start           DATE NOT NULL,
    category               TEXT,
    cpv_code               TEXT,
    -- The part of the organisation that bought (a department, a subsidiary).
    entity                 TEXT,
    -- 'import' or 'form'.
    source                 TEXT NOT NULL CHECK (source IN ('import', 'form')),
    created_by             INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at             TIMESTAMP NOT NULL
);
CREATE INDEX spend_rows_organisation ON spend_rows (buying_organisation_id, period_start);
CREATE INDEX spend_rows_supplier ON spend_rows (supplier_kvk);

-- A buying organisation that agreed to have its spend counted in the city's sector report.
CREATE TABLE spend_sharing (
    buying_organisation_id INTEGER PRIMARY KEY NOT NULL REFERENCES buying_organisations (id) ON DELETE CASCADE,
    shared_by              INTEGER REFERENCES users (id) ON DELETE SET NULL,
    shared_at              TIMESTAMP NOT NULL
);
