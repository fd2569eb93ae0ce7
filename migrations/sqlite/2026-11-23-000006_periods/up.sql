-- Reporting periods: a quarter (`2025-Q1`) or a year (`2025`) WISEs report their figures for.
CREATE TABLE reporting_periods (
    id         INTEGER PRIMARY KEY NOT NULL,
    "key"      TEXT NOT NULL UNIQUE CHECK (length("key") BETWEEN 4 AND 7),
    kind       TEXT NOT NULL CHECK (kind IN ('quarter', 'year')),
    starts_on  DATE NOT NULL,
    ends_on    DATE NOT NULL,
    opens_on   DATE NOT NULL,
    due_on     DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK (starts_on <= ends_on),
    CHECK (opens_on <= due_on)
);
CREATE INDEX reporting_periods_starts_on ON reporting_periods (starts_on);
