"""Build the Datasette peer: what a city data team would publish from our data.

Usage:
    python datasette_db.py SRC.db DEST.db METADATA.json

SRC.db is a wise-monitor SQLite database (e.g. from `wise-monitor demo-data`); it is
only read. DEST.db and METADATA.json are (over)written.

DEST.db holds one denormalised table, `wises`, with a row per *approved* WISE:

    id            the organisation's id (INTEGER PRIMARY KEY, so also the rowid)
    name, municipality, description
    sectors       its sector codes, space-separated, primary sector first
                  ("catering food_production")
    offerings     title and description of each *active* offering, one per line

plus an index on `name` (the default sort) and an FTS5 index `wises_fts` on name,
description and offerings: an external-content table (content="wises",
content_rowid="id"), tokenizer `unicode61 remove_diacritics 2` as in our migrations,
built with 'rebuild' and optimised. No triggers: the file is published read-only.

METADATA.json marks `wises` for full-text search (fts_table, fts_pk), sorts by name,
shows 20 rows a page and sets searchmode "raw" (see below).

Serve it and query it (Datasette names the database after DEST's file stem, here
DEST = peer.db):

    datasette serve peer.db -m metadata.json -p PORT --host 127.0.0.1
    HTML: http://127.0.0.1:PORT/peer/wises?_search=kaarsen%2A&sectors__contains=catering&_size=20
    JSON: http://127.0.0.1:PORT/peer/wises.json?_search=kaarsen%2A&sectors__contains=catering&_size=20

The JSON's total count is `filtered_table_rows_count` and its rows are in `rows`; the
HTML page says "N rows where search matches …". `sectors__contains` is a LIKE
'%catering%' on the text; no sector code is part of another, so it is exact.

Search semantics, and what we chose: our catalogue quotes each word and matches it
by prefix (`"kaarsen"* "wit"*`, all words). Datasette's default `_search` quotes each
word but does not add `*`, so it matches whole words only. We set "searchmode": "raw"
(the query goes to FTS5 MATCH as given) and write each word with a trailing `*` in the
URLs (`_search=werk%2A+service%2A` = `werk* service*`): all words, by prefix, like ours.
A plain `_search=kaarsen` still works (whole word). Raw mode means FTS5 syntax in a
query (quotes, `-`, `OR`) is interpreted, so benchmark paths must use plain words.

Differences from our search, which favour Datasette: the words may match across
name, description and all offerings together (ours needs them all in the WISE's own
text or all in one offering), results are sorted by name, not relevance (Datasette's
table view cannot sort by rank), and it computes no facet counts except its
"suggested facets" (on by default; `&_nosuggest=1` turns them off).
"""

import json
import os
import sqlite3
import sys
from urllib.request import pathname2url

TABLE = "wises"
FTS = "wises_fts"


def fail(message):
    sys.exit(f"datasette_db.py: {message}")


def read_only_uri(path):
    return "file:" + pathname2url(os.path.abspath(path)) + "?mode=ro"


def build(src, dest):
    if os.path.exists(dest):
        os.remove(dest)
    conn = sqlite3.connect(dest, isolation_level=None, uri=True)
    conn.execute("ATTACH DATABASE ? AS src", (read_only_uri(src),))
    conn.execute("BEGIN")
    conn.execute(
        f"""CREATE TABLE {TABLE} (
            id           INTEGER PRIMARY KEY,
            name         TEXT NOT NULL,
            municipality TEXT NOT NULL,
            sectors      TEXT NOT NULL,
            description  TEXT NOT NULL,
            offerings    TEXT NOT NULL
        )"""
    )
    conn.execute(
        f"""INSERT INTO {TABLE} (id, name, municipality, sectors, description, offerings)
        SELECT o.id, o.name, o.municipality,
               COALESCE((SELECT group_concat(sector, ' ') FROM (
                   SELECT sector FROM src.organisation_sectors
                   WHERE organisation_id = o.id ORDER BY position, sector)), ''),
               o.description,
               COALESCE((SELECT group_concat(text, char(10)) FROM (
                   SELECT f.title || ' — ' || f.description AS text FROM src.offerings f
                   WHERE f.organisation_id = o.id AND f.active ORDER BY f.id)), '')
        FROM src.organisations o
        WHERE o.status = 'approved'
        ORDER BY o.id"""
    )
    conn.execute(f"CREATE INDEX {TABLE}_name ON {TABLE} (name)")
    conn.execute(
        f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
            name, description, offerings,
            content="{TABLE}", content_rowid="id",
            tokenize="unicode61 remove_diacritics 2"
        )"""
    )
    conn.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')")
    conn.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.execute("ANALYZE")
    conn.execute("VACUUM")
    (rows,) = conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()
    conn.close()
    return rows


def metadata(dest):
    database = os.path.splitext(os.path.basename(dest))[0]
    return {
        "title": "Work-integration social enterprises (benchmark peer)",
        "databases": {
            database: {
                "tables": {
                    TABLE: {
                        "fts_table": FTS,
                        "fts_pk": "id",
                        "searchmode": "raw",
                        "sort": "name",
                        "size": 20,
                        "label_column": "name",
                    }
                }
            }
        },
    }


def main(argv):
    if len(argv) != 4:
        fail("usage: datasette_db.py SRC.db DEST.db METADATA.json")
    src, dest, meta = argv[1:]
    if not os.path.isfile(src):
        fail(f"no such source database: {src}")
    if os.path.abspath(src) == os.path.abspath(dest):
        fail("DEST.db must differ from SRC.db")
    try:
        check = sqlite3.connect(read_only_uri(src), uri=True)
        names = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        check.close()
    except sqlite3.DatabaseError as e:
        fail(f"{src} is not a SQLite database: {e}")
    missing = {"organisations", "organisation_sectors", "offerings"} - names
    if missing:
        fail(f"{src} is not a wise-monitor database (no table {', '.join(sorted(missing))})")
    rows = build(src, dest)
    with open(meta, "w", encoding="utf-8") as f:
        json.dump(metadata(dest), f, indent=2)
        f.write("\n")
    print(f"{dest}: {rows} approved WISEs in table {TABLE}, FTS5 index {FTS}; metadata in {meta}")


if __name__ == "__main__":
    main(sys.argv)
