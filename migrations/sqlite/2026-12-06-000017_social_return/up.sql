-- Social return (SROI): a contract with a social-return obligation, recorded by the
-- city's officer, and what its contractor did towards it: purchases from WISEs (which
-- count once the WISE confirms them, or the officer overrides) and the other building
-- blocks of the city's valuation table.
CREATE TABLE sr_contracts (
    id INTEGER PRIMARY KEY NOT NULL,
    reference        TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    contractor_id    INTEGER NOT NULL REFERENCES buying_organisations (id),
    -- Euro cents, VAT excluded.
    value_cents      BIGINT NOT NULL,
    -- The social-return percentage in hundredths (500 = 5 %), and value × it.
    percent_bp       INTEGER NOT NULL,
    obligation_cents BIGINT NOT NULL,
    starts_on        DATE NOT NULL,
    ends_on          DATE NOT NULL,
    officer_id       INTEGER NOT NULL REFERENCES users (id),
    created_at       TIMESTAMP NOT NULL,
    CHECK (ends_on > starts_on)
);
CREATE INDEX sr_contracts_contractor ON sr_contracts (contractor_id);

CREATE TABLE sr_entries (
    id INTEGER PRIMARY KEY NOT NULL,
    contract_id    INTEGER NOT NULL REFERENCES sr_contracts (id) ON DELETE CASCADE,
    -- 'purchase', or the key of a building block of the valuation table.
    kind           TEXT NOT NULL,
    -- A purchase: the WISE, its invoice number, date and amount (cents, VAT excluded).
    wise_id        INTEGER REFERENCES organisations (id),
    invoice_number TEXT,
    entry_date     DATE NOT NULL,
    amount_cents   BIGINT,
    -- A building block: how many (people, places, years).
    quantity       INTEGER NOT NULL DEFAULT 1,
    description    TEXT NOT NULL DEFAULT '',
    -- The share of the amount that counts (the city's rule for the WISE on the invoice
    -- date; 100 for a building block) and the value that counts, in cents.
    rate_pct       INTEGER NOT NULL,
    value_cents    BIGINT NOT NULL,
    -- 'pending' (awaiting the WISE), 'confirmed', 'disputed', 'overridden' (by the
    -- officer), or 'recorded' (a building block).
    state          TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'disputed', 'overridden', 'recorded')),
    comment        TEXT,
    decided_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at     TIMESTAMP,
    created_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX sr_entries_contract ON sr_entries (contract_id);
-- A purchase counts towards one contract only.
CREATE UNIQUE INDEX sr_entries_invoice ON sr_entries (wise_id, invoice_number);
