"""The raw-SQL ceilings of benches/run, and the first-request time of a report.

    ceiling.py search (--sqlite PATH | --postgres URL) --pairs FILE --seconds S
        Runs the SQL that answers our catalogue search (words matched by prefix in the
        full-text index of WISEs and of their active offerings, ranked, one sector,
        approved only, the 20 best with the total) in a tight loop over the
        word/sector pairs in FILE (one "word sector" per line) for S seconds, on one
        connection. Prints {"queries": N, "seconds": S, "qps": Q}.

    ceiling.py report (--sqlite PATH | --postgres URL) --url URL --year YYYY --rounds N
        N rounds of: change the data version with a no-op UPDATE (so the server's
        cached report is stale), time GET URL (the report, computed afresh), time it
        again (from memory), and time the year's aggregation as one raw SQL statement.
        Prints the medians in milliseconds as JSON.

Only the standard library and psycopg (for PostgreSQL) are used.
"""

import argparse
import json
import sqlite3
import statistics
import sys
import time
import urllib.request

SQLITE_SEARCH = """
WITH own AS (
    SELECT rowid AS id, 1.0 - bm25(organisations_fts, 4.0, 1.0) AS score
    FROM organisations_fts WHERE organisations_fts MATCH :q
), offers AS (
    SELECT f.organisation_id AS id, COUNT(*) AS n FROM offerings_fts
    JOIN offerings f ON f.id = offerings_fts.rowid
    WHERE offerings_fts MATCH :q AND f.active GROUP BY f.organisation_id
), hits AS (
    SELECT id, SUM(score) AS score FROM (
        SELECT id, score FROM own UNION ALL SELECT id, 0.5 * n FROM offers
    ) GROUP BY id
)
SELECT o.id, o.slug, o.name, o.municipality, COUNT(*) OVER () AS total
FROM hits h JOIN organisations o ON o.id = h.id AND o.status = 'approved'
WHERE EXISTS (SELECT 1 FROM organisation_sectors s WHERE s.organisation_id = o.id AND s.sector = :sector)
ORDER BY h.score DESC, o.name LIMIT 20
"""

POSTGRES_SEARCH = """
WITH q AS (SELECT to_tsquery('simple', %(q)s) AS q),
own AS (
    SELECT o.id, 1.0 + ts_rank(o.search, q.q) AS score FROM organisations o, q WHERE o.search @@ q.q
), offers AS (
    SELECT f.organisation_id AS id, COUNT(*) AS n FROM offerings f, q
    WHERE f.active AND f.search @@ q.q GROUP BY f.organisation_id
), hits AS (
    SELECT id, SUM(score) AS score FROM (
        SELECT id, score FROM own UNION ALL SELECT id, 0.5 * ln(1.0 + n) FROM offers
    ) AS u GROUP BY id
)
SELECT o.id, o.slug, o.name, o.municipality, COUNT(*) OVER () AS total
FROM hits h JOIN organisations o ON o.id = h.id AND o.status = 'approved'
WHERE EXISTS (SELECT 1 FROM organisation_sectors s WHERE s.organisation_id = o.id AND s.sector = %(sector)s)
ORDER BY h.score DESC, o.name LIMIT 20
"""

# The year's aggregation: flows summed over its quarters, stocks of each WISE's latest
# quarter in the year (what the report's headline numbers are).
RAW_YEAR = """
WITH y AS (
    SELECT cf.*, p.ends_on FROM current_figures cf
    JOIN reporting_periods p ON p.id = cf.period_id
    JOIN organisations o ON o.id = cf.organisation_id AND o.status = 'approved'
    WHERE p.kind = 'quarter' AND p.starts_on >= '{year}-01-01' AND p.ends_on <= '{year}-12-31' AND cf.counted
), latest AS (
    SELECT organisation_id, MAX(ends_on) AS ends_on FROM y GROUP BY organisation_id
)
SELECT
    (SELECT SUM(y.paid_target_group + y.paid_regular + y.trainees + y.daytime_activities + y.volunteers)
       FROM y JOIN latest l ON l.organisation_id = y.organisation_id AND l.ends_on = y.ends_on),
    (SELECT SUM(new_participants) FROM y),
    (SELECT SUM(moved_to_paid_internal + moved_to_paid_external) FROM y),
    (SELECT COUNT(DISTINCT organisation_id) FROM y)
"""


def connect(args):
    if args.sqlite:
        return sqlite3.connect(args.sqlite), "sqlite"
    import psycopg

    return psycopg.connect(args.postgres, autocommit=True), "postgres"


def search(args):
    pairs = []
    with open(args.pairs, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if len(parts) != 2:
                sys.exit(f"{args.pairs}:{n}: expected 'word sector', got {line.strip()!r}")
            pairs.append(parts)
    conn, backend = connect(args)
    if backend == "sqlite":
        params = [{"q": f'"{w}"*', "sector": s} for w, s in pairs]
        run = lambda p: conn.execute(SQLITE_SEARCH, p).fetchall()
    else:
        params = [{"q": f"{w}:*", "sector": s} for w, s in pairs]
        cur = conn.cursor()
        run = lambda p: cur.execute(POSTGRES_SEARCH, p, prepare=True).fetchall()
    for p in params:  # warm the caches and check that every search finds something
        if not run(p):
            sys.exit(f"the search {p} finds nothing; pick other words or sectors")
    queries, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        run(params[queries % len(params)])
        queries += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"queries": queries, "seconds": round(seconds, 3), "qps": round(queries / seconds, 1)}))


def report(args):
    conn, backend = connect(args)
    raw = RAW_YEAR.format(year=args.year)
    # A no-op write to a table the reports read: the triggers move the data version on.
    bump = "UPDATE reporting_periods SET due_on = due_on WHERE id = (SELECT MIN(id) FROM reporting_periods)"

    def execute(sql):
        if backend == "sqlite":
            rows = conn.execute(sql).fetchall()
            conn.commit()
        else:
            with conn.cursor() as cur:
                cur.execute(sql)
                rows = cur.fetchall() if cur.description else []
        return rows

    def fetch():
        start = time.perf_counter()
        with urllib.request.urlopen(args.url) as response:
            body = response.read()
            if response.status != 200:
                sys.exit(f"GET {args.url}: {response.status}")
        elapsed = (time.perf_counter() - start) * 1000
        return elapsed, body

    fetch()
    first, cached, sql = [], [], []
    for _ in range(args.rounds):
        execute(bump)
        elapsed, body = fetch()
        first.append(elapsed)
        cached.append(fetch()[0])
        start = time.perf_counter()
        execute(raw)
        sql.append((time.perf_counter() - start) * 1000)
    report_json = json.loads(body)
    print(
        json.dumps(
            {
                "computed_ms": round(statistics.median(first), 2),
                "cached_ms": round(statistics.median(cached), 2),
                "raw_sql_ms": round(statistics.median(sql), 2),
                "reporting": report_json.get("organisations", {}).get("reporting"),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("search", "report"):
        p = sub.add_parser(name)
        target = p.add_mutually_exclusive_group(required=True)
        target.add_argument("--sqlite", metavar="PATH")
        target.add_argument("--postgres", metavar="URL")
    s = sub.choices["search"]
    s.add_argument("--pairs", required=True, help="file of 'word sector' lines")
    s.add_argument("--seconds", type=float, default=10.0)
    r = sub.choices["report"]
    r.add_argument("--url", required=True, help="the report's JSON URL")
    r.add_argument("--year", required=True, type=int)
    r.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    search(args) if args.command == "search" else report(args)


if __name__ == "__main__":
    main()
