-- Full-text search (tsvector + GIN): WISE names and descriptions, offering titles and
-- descriptions. The 'simple' configuration (no stemming) treats Dutch and English
-- alike, like SQLite's FTS5; diacritics are folded (café = cafe) with unaccent, through
-- an IMMUTABLE wrapper so it can feed a generated column.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION wise_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

ALTER TABLE organisations ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', wise_unaccent(name)), 'A')
    || setweight(to_tsvector('simple', wise_unaccent(description)), 'B')
) STORED;
CREATE INDEX organisations_search ON organisations USING GIN (search);

ALTER TABLE offerings ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', wise_unaccent(title)), 'A')
    || setweight(to_tsvector('simple', wise_unaccent(description)), 'B')
) STORED;
CREATE INDEX offerings_search ON offerings USING GIN (search);

CREATE INDEX offerings_organisation_active ON offerings (organisation_id, active);
