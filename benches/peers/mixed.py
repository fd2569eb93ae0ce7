"""The mixed workload of BENCHMARKS.md (issue 23): 3,000 distinct searches with wrk,
first without writes, then while a writer makes one write a second, rotating a figures
submission, an operator's acceptance of it, an offering edit and a profile edit.

The writer writes to the database directly, the rows the application writes for each
(a submission with its first revision and its row in current_figures; the status of
that submission; an offering's or a WISE's description and updated_at), so the
triggers and the caches see what they see in use. Used by bench.py; also runnable on
its own against a running server:

    python mixed.py --base http://127.0.0.1:8080 --sqlite target/bench/wise.db
"""

import argparse
import datetime
import json
import threading
import urllib.request
import time

WORK_PATHS = "mixed-paths.txt"
KINDS = ["good", "service", "works"]
MUNICIPALITIES = ["Amsterdam", "Zaanstad", "Haarlem", "Amstelveen", "Diemen", "Purmerend", "Haarlemmermeer"]


def distinct_paths(word_of_rank, sectors, count=3000):
    """`count` distinct search pages: common, middling and rare words in turn, each
    alone or with a sector, a kind, a municipality or the reserved-contract filter."""
    paths, seen, i = [], set(), 0
    while len(paths) < count:
        band = i % 3
        rank = (i // 3) % 50 if band == 0 else 300 + (i * 7) % 1200 if band == 1 else 2000 + (i * 13) % 2900
        word = word_of_rank(rank)
        f = (i // 3) % 5
        extra = [
            "",
            f"&sector={sectors[i % len(sectors)]}",
            f"&kind={KINDS[i % len(KINDS)]}",
            f"&municipality={MUNICIPALITIES[i % len(MUNICIPALITIES)]}",
            "&reserved=true",
        ][f]
        path = f"/organisations?q={word}{extra}"
        if path not in seen:
            seen.add(path)
            paths.append(path)
        i += 1
    return paths


class Writer(threading.Thread):
    """One write a second until stopped, rotating the four kinds of write."""

    def __init__(self, connect, placeholder):
        super().__init__(daemon=True)
        self.connect, self.p = connect, placeholder
        self.stopping = threading.Event()
        self.writes = {"submission": 0, "acceptance": 0, "offering": 0, "profile": 0}
        self.seconds = []
        self.error = None

    def sql(self, text):
        return text.replace("?", self.p)

    def run(self):
        try:
            conn = self.connect()
            cur = conn.cursor()
            cur.execute(self.sql(
                "SELECT o.id, p.id FROM organisations o CROSS JOIN reporting_periods p "
                "WHERE p.kind = 'quarter' AND o.id IN (SELECT DISTINCT organisation_id FROM submissions) "
                "AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.organisation_id = o.id AND s.period_id = p.id) "
                "ORDER BY o.id, p.id LIMIT 1000"))
            free = cur.fetchall()
            cur.execute("SELECT MAX(id) FROM offerings")
            offerings = cur.fetchone()[0] or 1
            cur.execute("SELECT MAX(id) FROM organisations")
            organisations = cur.fetchone()[0] or 1
            conn.commit()
            n, pending = 0, None
            next_at = time.monotonic()
            while not self.stopping.is_set():
                next_at += 1.0
                now = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
                start = time.perf_counter()
                kind = ("submission", "acceptance", "offering", "profile")[n % 4]
                if kind == "submission" and free:
                    org, period = free.pop()
                    pending = self.submit(cur, org, period, now)
                elif kind == "acceptance" and pending:
                    cur.execute(self.sql("UPDATE submissions SET status = 'accepted', updated_at = ? WHERE id = ?"), (now, pending))
                    pending = None
                elif kind == "offering":
                    cur.execute(self.sql("UPDATE offerings SET description = description || '.', updated_at = ? WHERE id = ?"),
                                (now, 1 + (n * 7919) % offerings))
                elif kind == "profile":
                    cur.execute(self.sql("UPDATE organisations SET description = description || '.', updated_at = ? WHERE id = ?"),
                                (now, 1 + (n * 104729) % organisations))
                conn.commit()
                self.seconds.append(time.perf_counter() - start)
                self.writes[kind] += 1
                n += 1
                self.stopping.wait(max(0.0, next_at - time.monotonic()))
            conn.close()
        except Exception as e:  # reported by stop()
            self.error = e

    def submit(self, cur, org, period, now):
        cur.execute(self.sql(
            "INSERT INTO submissions (organisation_id, period_id, status, created_at, updated_at) "
            "VALUES (?, ?, 'submitted', ?, ?) RETURNING id"), (org, period, now, now))
        sid = cur.fetchone()[0]
        cur.execute(self.sql(
            "INSERT INTO submission_revisions (submission_id, number, paid_target_group, paid_regular, trainees, "
            "daytime_activities, volunteers, new_participants, moved_to_paid_internal, moved_to_paid_external, "
            "moved_to_education, other_exits, source, created_at) VALUES (?, 1, 9, 3, 1, 0, 0, 2, 1, 1, 0, 0, 'form', ?)"),
            (sid, now))
        cur.execute(self.sql(
            "INSERT INTO current_figures (submission_id, organisation_id, period_id, counted, paid_target_group, "
            "paid_regular, trainees, daytime_activities, volunteers, new_participants, moved_to_paid_internal, "
            "moved_to_paid_external, moved_to_education, other_exits, target_groups) "
            "VALUES (?, ?, ?, TRUE, 9, 3, 1, 0, 0, 2, 1, 1, 0, 0, '')"), (sid, org, period))
        return sid

    def stop(self):
        self.stopping.set()
        self.join(timeout=30)
        if self.error:
            raise SystemExit(f"the writer failed: {self.error}")
        return {"writes": self.writes, "max_write_ms": max(self.seconds, default=0) * 1000}


def sqlite_connect(path):
    import sqlite3

    def connect():
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    return connect, "?"


def postgres_connect(url):
    import psycopg

    return (lambda: psycopg.connect(url)), "%s"


def measure(results, backend, base, connect, wrk, word_of_rank, sectors, opts, log):
    """The 3,000 distinct searches without writes, then with one write a second."""
    paths = distinct_paths(word_of_rank, sectors)
    # One search first: a fresh server loads the search facts at its first request.
    urllib.request.urlopen(base + paths[0], timeout=60).read()
    for key, writes in ((f"{backend}.distinct", False), (f"{backend}.mixed", True)):
        writer = Writer(*connect) if writes else None
        if writer:
            writer.start()
        r = wrk(base, paths, opts.mixed_seconds, opts.connections, 2)
        if writer:
            r["writer"] = writer.stop()
        results.setdefault(key, []).append(r)
        extra = f", writes {r['writer']['writes']}" if writes else ""
        log(f"  {key}: {r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms{extra}")


if __name__ == "__main__":
    import bench

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True)
    parser.add_argument("--sqlite")
    parser.add_argument("--postgres")
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    connect = sqlite_connect(args.sqlite) if args.sqlite else postgres_connect(args.postgres)
    opts = argparse.Namespace(mixed_seconds=args.seconds, connections=8)
    out = {}
    bench.WORK.mkdir(parents=True, exist_ok=True)
    measure(out, "sqlite" if args.sqlite else "postgres", args.base, connect, bench.wrk, bench.word_of_rank, bench.SECTORS, opts, bench.log)
    print(json.dumps(out))
