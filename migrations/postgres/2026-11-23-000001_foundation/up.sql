-- The CPV 2008 procurement vocabulary (loaded at start-up from the embedded CSV).
CREATE TABLE cpv_codes (
    code     TEXT PRIMARY KEY NOT NULL CHECK (char_length(code) = 8),
    division TEXT NOT NULL CHECK (char_length(division) = 2),
    level    INTEGER NOT NULL CHECK (level BETWEEN 2 AND 8),
    label_en TEXT NOT NULL,
    label_nl TEXT
);
CREATE INDEX cpv_codes_division ON cpv_codes (division);

CREATE TABLE organisations (
    id                SERIAL PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    kvk_number        TEXT NOT NULL UNIQUE CHECK (char_length(kvk_number) = 8),
    name              TEXT NOT NULL,
    legal_form        TEXT,
    founded_year      INTEGER CHECK (founded_year BETWEEN 1800 AND 2200),
    website           TEXT,
    email             TEXT,
    phone             TEXT,
    street            TEXT,
    postcode          TEXT,
    municipality      TEXT NOT NULL,
    district          TEXT,
    description       TEXT NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    market_income_pct INTEGER CHECK (market_income_pct BETWEEN 0 AND 100),
    pso_level         TEXT CHECK (pso_level IN ('aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3', 'pso_30plus')),
    pso_valid_until   DATE,
    cso_status        TEXT CHECK (cso_status IN ('registered', 'applied')),
    sena_member       BOOLEAN NOT NULL DEFAULT FALSE,
    status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'suspended', 'archived')),
    status_reason     TEXT,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE INDEX organisations_status_name ON organisations (status, name);
CREATE INDEX organisations_municipality ON organisations (municipality, district);

-- position 0 is the primary sector (reports count a WISE under it).
CREATE TABLE organisation_sectors (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    sector          TEXT NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, sector)
);
CREATE INDEX organisation_sectors_sector ON organisation_sectors (sector, organisation_id);

CREATE TABLE organisation_target_groups (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    target_group    TEXT NOT NULL,
    PRIMARY KEY (organisation_id, target_group)
);
CREATE INDEX organisation_target_groups_group ON organisation_target_groups (target_group, organisation_id);

-- Certifications other than PSO / Code Sociale Ondernemingen / Social Enterprise NL.
CREATE TABLE organisation_certifications (
    id              SERIAL PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    valid_until     DATE
);
CREATE INDEX organisation_certifications_org ON organisation_certifications (organisation_id);

CREATE TABLE offerings (
    id                SERIAL PRIMARY KEY,
    organisation_id   INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL CHECK (kind IN ('good', 'service', 'works')),
    cpv_code          TEXT NOT NULL REFERENCES cpv_codes (code),
    service_area      TEXT NOT NULL CHECK (service_area IN ('national', 'municipalities', 'radius')),
    service_radius_km INTEGER CHECK (service_radius_km > 0),
    price_indication  TEXT,
    lead_time         TEXT,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    CHECK ((service_area = 'radius') = (service_radius_km IS NOT NULL))
);
CREATE INDEX offerings_organisation ON offerings (organisation_id);
CREATE INDEX offerings_cpv ON offerings (cpv_code);

CREATE TABLE offering_municipalities (
    offering_id  INTEGER NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    municipality TEXT NOT NULL,
    PRIMARY KEY (offering_id, municipality)
);
CREATE INDEX offering_municipalities_municipality ON offering_municipalities (municipality);
