"""The ceiling for our figures import: a plain executemany of the same CSV.

Usage:
    python executemany.py --sqlite PATH FILE.csv
    python executemany.py --postgres URL FILE.csv    (e.g. postgres://postgres@127.0.0.1:5432/postgres)

Drops and creates the table `figures_plain` (kvk_number TEXT, period TEXT and the ten
counts as INTEGER, no keys or constraints) in the given database, then — timed from
opening FILE.csv to the commit — reads the file with the csv module (header checked,
counts parsed as integers) and inserts every row with one `executemany` in one
transaction. SQLite runs with journal_mode=WAL and synchronous=FULL, as wise-monitor
opens its database. On PostgreSQL that is psycopg 3's `cursor.executemany`, which pipelines
the statements. The table is left in place.

Prints one line of JSON: {"rows": N, "seconds": S, "rows_per_second": R}.
"""

import argparse
import csv
import json
import sqlite3
import sys
import time

COLUMNS = [
    "kvk_number", "period",
    "paid_target_group", "paid_regular", "trainees", "daytime_activities", "volunteers",
    "new_participants", "moved_to_paid_internal", "moved_to_paid_external",
    "moved_to_education", "other_exits",
]
CREATE = "CREATE TABLE figures_plain (kvk_number TEXT, period TEXT, {})".format(
    ", ".join(f"{c} INTEGER" for c in COLUMNS[2:])
)


def fail(message):
    sys.exit(f"executemany.py: {message}")


def read_rows(path):
    """Every row of the CSV as (kvk_number, period, ten ints)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None or [h.strip().lower() for h in header] != COLUMNS:
            fail(f"{path}: the header must be exactly {','.join(COLUMNS)}")
        rows = []
        for record in reader:
            if len(record) != len(COLUMNS):
                fail(f"{path} line {reader.line_num}: {len(record)} fields, expected {len(COLUMNS)}")
            try:
                rows.append((record[0], record[1], *(int(v) for v in record[2:])))
            except ValueError:
                fail(f"{path} line {reader.line_num}: a count is not a whole number")
        if not rows:
            fail(f"{path}: no rows after the header")
        return rows


def run_sqlite(path, csv_path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")  # as wise-monitor opens its database
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("DROP TABLE IF EXISTS figures_plain")
    conn.execute(CREATE)
    insert = "INSERT INTO figures_plain VALUES ({})".format(", ".join("?" * len(COLUMNS)))
    start = time.perf_counter()
    rows = read_rows(csv_path)
    conn.execute("BEGIN")
    conn.executemany(insert, rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return len(rows), seconds


def run_postgres(url, csv_path):
    try:
        import psycopg
    except ImportError:
        fail("psycopg is not installed (pip install -r benches/peers/requirements.txt)")
    try:
        conn = psycopg.connect(url)
    except psycopg.Error as e:
        fail(f"cannot connect to {url}: {e}")
    with conn:
        with conn.cursor() as cur:
            cur.execute("DROP TABLE IF EXISTS figures_plain")
            cur.execute(CREATE)
        conn.commit()
        insert = "INSERT INTO figures_plain VALUES ({})".format(", ".join(["%s"] * len(COLUMNS)))
        start = time.perf_counter()
        rows = read_rows(csv_path)
        with conn.cursor() as cur:  # psycopg opens the transaction at the first statement
            cur.executemany(insert, rows)
        conn.commit()
        seconds = time.perf_counter() - start
    return len(rows), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", metavar="PATH", help="a SQLite database file (created if missing)")
    target.add_argument("--postgres", metavar="URL", help="a PostgreSQL connection URL")
    parser.add_argument("csv", metavar="FILE.csv", help="a figures CSV (see figures_csv.py)")
    args = parser.parse_args()
    try:
        open(args.csv, "rb").close()
    except OSError as e:
        parser.error(f"cannot read {args.csv}: {e.strerror}")

    if args.sqlite:
        rows, seconds = run_sqlite(args.sqlite, args.csv)
    else:
        rows, seconds = run_postgres(args.postgres, args.csv)
    print(json.dumps({"rows": rows, "seconds": round(seconds, 4),
                      "rows_per_second": round(rows / seconds, 1)}))


if __name__ == "__main__":
    main()
