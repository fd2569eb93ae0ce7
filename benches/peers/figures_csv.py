"""Write a figures CSV for the import benchmark.

Usage:
    python figures_csv.py DB.sqlite OUT.csv --organisations N

One row for each of the first N approved WISEs (by id) × every quarter period in
`reporting_periods` (kind = 'quarter', by start date), in the format of
`wise-monitor import figures` (SPEC §4): the header

    kvk_number,period,paid_target_group,paid_regular,trainees,daytime_activities,
    volunteers,new_participants,moved_to_paid_internal,moved_to_paid_external,
    moved_to_education,other_exits

then kvk_number from `organisations`, period = the period's key (`2025-Q3`), and small
counts from random.Random(42), so the same database gives the same file. Every count
is 0..500, and the four exits together are at most new_participants, so no row
breaks a rule or triggers a warning of the figures form.

Prints the number of rows written (only that number, on stdout).
"""

import argparse
import csv
import os
import random
import sqlite3
import sys
from urllib.request import pathname2url

HEADER = [
    "kvk_number", "period",
    "paid_target_group", "paid_regular", "trainees", "daytime_activities", "volunteers",
    "new_participants", "moved_to_paid_internal", "moved_to_paid_external",
    "moved_to_education", "other_exits",
]


def figures(rng, size):
    """Ten counts for a WISE of about `size` people."""
    paid_target_group = rng.randint(size // 2, size)
    paid_regular = rng.randint(0, max(1, size // 4))
    trainees = rng.randint(0, size // 2)
    daytime_activities = rng.randint(0, size // 2)
    volunteers = rng.randint(0, max(1, size // 5))
    new_participants = rng.randint(0, max(1, size // 5))
    exits, left = [], new_participants
    for _ in range(4):  # internal, external, education, other: never more than joined
        n = rng.randint(0, left // 2)
        exits.append(n)
        left -= n
    return [paid_target_group, paid_regular, trainees, daytime_activities, volunteers,
            new_participants, *exits]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", metavar="DB.sqlite", help="a wise-monitor SQLite database")
    parser.add_argument("out", metavar="OUT.csv", help="the CSV file to write")
    parser.add_argument("--organisations", metavar="N", type=int, required=True,
                        help="how many approved WISEs (the first N by id)")
    args = parser.parse_args()
    if args.organisations < 1:
        parser.error("--organisations must be at least 1")

    try:
        conn = sqlite3.connect("file:" + pathname2url(os.path.abspath(args.db)) + "?mode=ro", uri=True)
        wises = conn.execute(
            "SELECT kvk_number FROM organisations WHERE status = 'approved' ORDER BY id LIMIT ?",
            (args.organisations,),
        ).fetchall()
        periods = conn.execute(
            "SELECT \"key\" FROM reporting_periods WHERE kind = 'quarter' ORDER BY starts_on, id"
        ).fetchall()
    except sqlite3.Error as e:
        sys.exit(f"figures_csv.py: cannot read {args.db} as a wise-monitor database: {e}")
    if len(wises) < args.organisations:
        sys.exit(f"figures_csv.py: {args.db} has only {len(wises)} approved WISEs, "
                 f"{args.organisations} asked for")
    if not periods:
        sys.exit(f"figures_csv.py: {args.db} has no quarter periods in reporting_periods")

    rng = random.Random(42)
    rows = 0
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(HEADER)
        for (kvk,) in wises:
            size = rng.randint(5, 200)
            for (period,) in periods:
                out.writerow([kvk, period, *figures(rng, size)])
                rows += 1
    print(rows)


if __name__ == "__main__":
    main()
