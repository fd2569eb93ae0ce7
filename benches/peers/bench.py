"""The one benchmark run of BENCHMARKS.md (started by benches/run, which installs what
this needs and builds target/release/wise-monitor).

Generates the data with `wise-monitor demo-data`, then measures, alternating between
ours and the peer and taking medians of several rounds:

- the catalogue search (words of middling frequency plus a sector, 20 results) as an
  HTML page and through the JSON API, with wrk; the same searches in Datasette over
  the same data; and the raw SQL of the search in a tight loop (the ceiling);
- p99 latency of the 50 most common words (the worst case) against the middling ones;
- the year's sector report, computed afresh and from memory, against the raw SQL;
- importing a 200,000-row figures CSV against a plain executemany;
- sending 5,000 digest mails to smtp-sink against smtp-source;
- the server's peak memory;
- 3,000 distinct searches (common, middling and rare words, with and without filters)
  without writes and while a writer makes one write a second (mixed.py), with the peak
  memory of a server that serves only them;

on SQLite and, where it applies, on PostgreSQL. Prints a Markdown table and writes it
to target/bench/results.md (and every raw number to target/bench/results.json).
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import mixed

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target/release/wise-monitor"
WORK = ROOT / "target/bench"
PEERS = ROOT / "benches/peers"
VENV = WORK / "venv/bin"
PY = str(VENV / "python")

# The base words of the generator (src/demo/scale.rs), most common first; after them
# come their compounds (see word_of_rank).
WORDS = """werk service onderhoud schoonmaak catering levering reparatie fiets groen tuin
kantoor drukwerk textiel montage logistiek post ict testen lunch brood koffie meubel hout
metaal kringloop kleding naaiatelier verhuizing glazenwassen beveiliging recycling afval
webdesign fotografie zorg dagbesteding bakkerij boeken archief digitalisering schilderwerk
stucwerk tegelwerk elektra sanitair isolatie zonnepanelen fietsenstalling koerier inpakken
etiketteren mailing kaarsen zeep keramiek sieraden tassen speelgoed evenementen
vergaderzaal receptie parkeren wasserij strijken""".split()
SECTORS = """catering cleaning_facility construction_maintenance green_maintenance
recycling_repair retail_second_hand textiles production_assembly logistics_mail it_services
printing_office food_production creative_crafts care_wellbeing other""".split()


def word_of_rank(rank):
    """The generator's word of this rank (src/demo/scale.rs, `word_of_rank`)."""
    n = len(WORDS)
    if rank < n:
        return WORDS[rank]
    i = rank - n
    return WORDS[(i // n) % n] + WORDS[i % n]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, env=None, quiet=False):
    """Runs a command; its stdout, or the whole output on failure."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("WISE_")}
    full_env.update(env or {})
    result = subprocess.run([str(a) for a in args], env=full_env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    if not quiet and result.stderr.strip():
        print(result.stderr.strip(), file=sys.stderr)
    return result.stdout


def timed(args, env=None):
    start = time.perf_counter()
    out = run(args, env)
    return time.perf_counter() - start, out


def wait_for(url, seconds=120, proc=None, log_file=None):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            sys.exit(f"{proc.args[0]} stopped ({proc.returncode}) before {url} answered; see {log_file}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} did not answer within {seconds} s")


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.loads(r.read())


def server_env(database_url, extra=None):
    env = {
        "WISE_DATABASE__URL": database_url,
        "RUST_LOG": "warn",
        "WISE_MAIL__FILE_DIR": str(WORK / "mail"),
        "WISE_SCHEDULES__REPORTING_REMINDERS": "",
        "WISE_SCHEDULES__SECTOR_SUMMARY": "",
        "WISE_SCHEDULES__SAVED_SEARCH_DAILY": "",
        "WISE_SCHEDULES__SAVED_SEARCH_WEEKLY": "",
    }
    env.update(extra or {})
    return env


class Process:
    """A server started by this script, stopped by its pid."""

    def __init__(self, args, env, ready_url, log_name):
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("WISE_")}
        full_env.update(env)
        self.log = open(WORK / log_name, "w")
        self.proc = subprocess.Popen([str(a) for a in args], env=full_env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for(ready_url, proc=self.proc, log_file=WORK / log_name)

    def peak_rss_mb(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def serve(database_url, name):
    port = free_port()
    env = server_env(database_url, {"WISE_SERVER__LISTEN": f"127.0.0.1:{port}", "WISE_SERVER__BASE_URL": f"http://127.0.0.1:{port}"})
    process = Process([BIN, "serve"], env, f"http://127.0.0.1:{port}/api/v1/periods", f"server-{name}.log")
    return process, f"http://127.0.0.1:{port}"


def wrk(base, paths, seconds, connections, threads):
    """wrk rotating over `paths`; the JSON line of benches/peers/wrk_paths.lua."""
    path_file = WORK / "wrk-paths.txt"
    path_file.write_text("\n".join(paths) + "\n")
    out = run(
        ["wrk", "-t", threads, "-c", connections, "-d", f"{seconds}s", "--latency", "-s", PEERS / "wrk_paths.lua", base],
        env={"WRK_PATHS": str(path_file)},
    )
    line = next(l for l in reversed(out.splitlines()) if l.startswith("{"))
    result = json.loads(line)
    if result.get("errors"):
        sys.exit(f"wrk saw {result['errors']} errors against {base}{paths[0]}:\n{out}")
    return result


def median(values):
    return statistics.median(values) if values else None


# --- data ---------------------------------------------------------------------------


def generate(database_url, size, reporting, offerings=None, buyers=0):
    args = [BIN, "demo-data", "--database-url", database_url, "--organisations", size["organisations"]]
    args += ["--offerings", size["offerings"] if offerings is None else offerings, "--periods", size["periods"]]
    args += ["--reporting", reporting, "--buyers", buyers]
    seconds, out = timed(args)
    log(f"  {out.strip()} ({seconds:.1f} s)")


def postgres_database(admin_url, name):
    """A fresh database on the PostgreSQL server of admin_url; its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + "/" + name


def drop_postgres_database(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- measurements -------------------------------------------------------------------


def pick_pairs(base, count):
    """Words of middling frequency with a sector, each finding 5 to 200 WISEs."""
    pairs = []
    for word in (word_of_rank(r) for r in range(300, 4000, 37)):
        for sector in SECTORS:
            total = get_json(f"{base}/api/v1/organisations?q={word}&sector={sector}&per_page=1")["total"]
            if 5 <= total <= 200:
                pairs.append((word, sector))
                break
        if len(pairs) == count:
            break
    if len(pairs) < 5:
        sys.exit(f"only {len(pairs)} word/sector pairs find 5 to 200 WISEs; is the data generated?")
    return pairs


def search_round(results, key, base, paths, opts):
    r = wrk(base, paths, opts.seconds, opts.connections, 2)
    results.setdefault(key, []).append(r)
    log(f"  {key}: {r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")


def measure_search(results, backend, base, db_arg, opts, datasette=None):
    pairs = pick_pairs(base, 20)
    pairs_file = WORK / f"pairs-{backend}.txt"
    pairs_file.write_text("".join(f"{w} {s}\n" for w, s in pairs))
    html = [f"/organisations?q={w}&sector={s}" for w, s in pairs]
    api = [f"/api/v1/organisations?q={w}&sector={s}" for w, s in pairs]
    common_html = [f"/organisations?q={w}" for w in WORDS[:50]]
    mid_latency = [f"/organisations?q={w}&sector={s}" for w, s in pairs]
    # Warm up: every path once, in turn (the first request after start loads the
    # catalogue; the first of each search computes it).
    for path in html + api + common_html:
        with urllib.request.urlopen(base + path, timeout=120) as response:
            response.read()
    for n in range(opts.rounds):
        log(f"{backend} search, round {n + 1} of {opts.rounds}")
        search_round(results, f"{backend}.search.html", base, html, opts)
        search_round(results, f"{backend}.search.json", base, api, opts)
        if datasette:
            ds_base, ds_db = datasette
            ds_html = [f"/{ds_db}/wises?_search={w}%2A&sectors__contains={s}&_size=20" for w, s in pairs]
            ds_json = [f"/{ds_db}/wises.json?_search={w}%2A&sectors__contains={s}&_size=20" for w, s in pairs]
            search_round(results, f"{backend}.datasette.html", ds_base, ds_html, opts)
            search_round(results, f"{backend}.datasette.json", ds_base, ds_json, opts)
        out = run([PY, PEERS / "ceiling.py", "search", *db_arg, "--pairs", pairs_file, "--seconds", opts.seconds])
        ceiling = json.loads(out)
        results.setdefault(f"{backend}.search.ceiling", []).append(ceiling)
        log(f"  {backend}.search.ceiling: {ceiling['qps']:.0f} queries/s")
        # Latency, one request at a time per core: the 50 most common words against the middling ones.
        for key, paths in ((f"{backend}.latency.common", common_html), (f"{backend}.latency.mid", mid_latency)):
            r = wrk(base, paths, opts.seconds, 2, 2)
            results.setdefault(key, []).append(r)
            log(f"  {key}: p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")


def measure_report(results, backend, base, db_arg, year, opts):
    out = run(
        [PY, PEERS / "ceiling.py", "report", *db_arg, "--url", f"{base}/api/v1/reports/sector?period={year}"]
        + ["--year", year, "--rounds", max(opts.rounds * 2, 5)]
    )
    r = json.loads(out)
    results[f"{backend}.report"] = r
    log(f"{backend} year report {year}: computed {r['computed_ms']} ms, from memory {r['cached_ms']} ms, raw SQL {r['raw_sql_ms']} ms ({r['reporting']} WISEs reporting)")


def measure_import(results, backend, size, opts, admin_url=None):
    """The figures import of `reporting` WISEs × every quarter, against executemany."""
    n = size["reporting"]
    ours, peer = [], []
    csv_file = WORK / "figures.csv"
    for round_no in range(opts.import_rounds):
        if backend == "sqlite":
            db = WORK / "import.db"
            db.unlink(missing_ok=True)
            url = f"sqlite://{db}"
            generate(url, size, 0, offerings=0)
            copy = WORK / "import-peer.db"
            shutil.copy(db, copy)
            peer_arg = ["--sqlite", copy]
        else:
            url = postgres_database(admin_url, "wise_bench_import")
            generate(url, size, 0, offerings=0)
            peer_arg = ["--postgres", url]
        if round_no == 0:
            db_for_csv = WORK / "import.db" if backend == "sqlite" else None
            if db_for_csv is None:
                # The CSV only needs the KvK numbers and the quarters: make it from an SQLite twin.
                twin = WORK / "import-twin.db"
                twin.unlink(missing_ok=True)
                generate(f"sqlite://{twin}", size, 0, offerings=0)
                db_for_csv = twin
            out = run([PY, PEERS / "figures_csv.py", db_for_csv, csv_file, "--organisations", n])
            log(f"  figures CSV: {out.strip()}")
        rows = sum(1 for _ in open(csv_file)) - 1
        seconds, out = timed([BIN, "import", "figures", csv_file, "--database-url", url])
        ours.append(rows / seconds)
        r = json.loads(run([PY, PEERS / "executemany.py", *peer_arg, csv_file]))
        peer.append(r["rows_per_second"])
        log(f"{backend} import round {round_no + 1}: ours {rows / seconds:.0f} rows/s ({seconds:.1f} s), executemany {r['rows_per_second']:.0f} rows/s")
        if backend == "postgres":
            drop_postgres_database(admin_url, "wise_bench_import")
    results[f"{backend}.import"] = {"rows": rows, "ours_rows_per_s": median(ours), "executemany_rows_per_s": median(peer)}


def smtp_sink(dump_dir):
    port = free_port()
    dump_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(dump_dir, 0o777)
    args = ["smtp-sink", "-d", f"{dump_dir}/%M.", f"127.0.0.1:{port}", "100"]
    if os.getuid() == 0:
        args[1:1] = ["-u", "nobody"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    deadline = time.time() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline:
                sys.exit("smtp-sink did not start")
            time.sleep(0.05)
    return proc, port


def count_dumps(dump_dir, expected, seconds=30):
    deadline = time.time() + seconds
    while True:
        n = sum(1 for _ in dump_dir.iterdir())
        if n >= expected or time.time() > deadline:
            return n
        time.sleep(0.1)


def measure_digests(results, backend, pristine, make_url, opts):
    """`digests run` then `mail deliver` of the buyers' weekly mails, against smtp-source."""
    ours, peer, runs, lost = [], [], [], 0
    for round_no in range(opts.digest_rounds):
        url = make_url(pristine)
        sink, port = smtp_sink(WORK / f"sink-{round_no}")
        env = {
            "WISE_MAIL__TRANSPORT": "smtp",
            "WISE_MAIL__SMTP_HOST": "127.0.0.1",
            "WISE_MAIL__SMTP_PORT": str(port),
            "WISE_MAIL__SMTP_SECURITY": "none",
        }
        run_seconds, out = timed([BIN, "digests", "run", "--database-url", url], env)
        queued = sum(int(l.split("): ")[1].split()[0]) for l in out.splitlines() if "mail(s) queued" in l)
        deliver_seconds, out = timed([BIN, "mail", "deliver", "--database-url", url], env)
        received = count_dumps(WORK / f"sink-{round_no}", queued)
        lost += queued - received
        sink.terminate()
        sink.wait()
        shutil.rmtree(WORK / f"sink-{round_no}")
        ours.append(queued / deliver_seconds)
        runs.append(run_seconds)
        # The ceiling: smtp-source sending as many mails of the same size, 4 sessions at a time.
        size = 6000
        sink, port = smtp_sink(WORK / f"sink-peer-{round_no}")
        source = shutil.which("smtp-source") or "/usr/sbin/smtp-source"
        peer_seconds, _ = timed([source, "-s", "1", "-m", queued, "-l", size, "-f", "noreply@bench.example", "-t", "buyer@bench.example", f"127.0.0.1:{port}"])
        count_dumps(WORK / f"sink-peer-{round_no}", queued)
        sink.terminate()
        sink.wait()
        shutil.rmtree(WORK / f"sink-peer-{round_no}")
        peer.append(queued / peer_seconds)
        log(f"{backend} digests round {round_no + 1}: {queued} mails queued in {run_seconds:.1f} s, delivered at {queued / deliver_seconds:.0f}/s, received {received}; smtp-source {queued / peer_seconds:.0f}/s")
    results[f"{backend}.digests"] = {
        "mails": queued,
        "run_seconds": median(runs),
        "ours_per_s": median(ours),
        "smtp_source_per_s": median(peer),
        "lost": lost,
    }


def measure_mixed(results, backend, database_url, connect, opts):
    """The distinct searches and the mixed workload, on a server of their own (its peak
    memory is theirs)."""
    log(f"{backend} distinct searches and the mixed workload")
    server, base = serve(database_url, f"{backend}-mixed")
    try:
        mixed.measure(results, backend, base, connect, wrk, word_of_rank, SECTORS, opts, log)
        results[f"{backend}.mixed_rss_mb"] = server.peak_rss_mb()
    finally:
        server.stop()


# --- the table ----------------------------------------------------------------------


def table(results, opts):
    def med(key, field):
        values = [r[field] for r in results.get(key, [])]
        return median(values)

    lines = []
    lines.append(f"Data: {opts.organisations:,} WISEs, {opts.offerings:,} offerings, {opts.periods} quarters of figures for {opts.reporting:,} WISEs. Medians of {opts.rounds} rounds; wrk {opts.seconds} s × {opts.connections} connections per measurement.")
    lines.append("")
    lines.append("| what | SQLite | PostgreSQL | target |")
    lines.append("|---|---:|---:|---|")

    def row(what, fn, target):
        cells = []
        for backend in ("sqlite", "postgres"):
            try:
                cells.append(fn(backend))
            except (KeyError, TypeError, ZeroDivisionError, IndexError):
                cells.append("–")
        lines.append(f"| {what} | {cells[0]} | {cells[1]} | {target} |")

    row("search page, HTML (req/s)", lambda b: f"{med(f'{b}.search.html', 'rps'):,.0f}", "")
    row("search, JSON API (req/s)", lambda b: f"{med(f'{b}.search.json', 'rps'):,.0f}", "")
    row("Datasette HTML search (req/s)", lambda b: f"{med(f'{b}.datasette.html', 'rps'):,.0f}", "")
    row("Datasette JSON search (req/s)", lambda b: f"{med(f'{b}.datasette.json', 'rps'):,.0f}", "")
    row("raw SQL of the search (queries/s, one connection)", lambda b: f"{med(f'{b}.search.ceiling', 'qps'):,.0f}", "")
    row("HTML ÷ Datasette HTML", lambda b: f"{med(f'{b}.search.html', 'rps') / med(f'{b}.datasette.html', 'rps'):.1f}×", "≥ 20×")
    row("HTML ÷ raw SQL", lambda b: f"{med(f'{b}.search.html', 'rps') / med(f'{b}.search.ceiling', 'qps'):.2f}×", "≥ 0.7×")
    row("JSON ÷ Datasette JSON", lambda b: f"{med(f'{b}.search.json', 'rps') / med(f'{b}.datasette.json', 'rps'):.1f}×", "≥ 5×")
    row("HTML ÷ JSON", lambda b: f"{med(f'{b}.search.html', 'rps') / med(f'{b}.search.json', 'rps'):.2f}×", "≥ 0.85×")
    row("p99, 50 most common words", lambda b: f"{med(f'{b}.latency.common', 'p99_ms'):.1f} ms", "≤ 50 ms")
    row("p99, middling words + sector", lambda b: f"{med(f'{b}.latency.mid', 'p99_ms'):.1f} ms", "")
    row("common ÷ middling p99", lambda b: f"{med(f'{b}.latency.common', 'p99_ms') / med(f'{b}.latency.mid', 'p99_ms'):.1f}×", "≤ 2×")
    row("year report, first request after a change", lambda b: f"{results[f'{b}.report']['computed_ms']:.1f} ms", "≤ 50 ms")
    row("year report, from memory", lambda b: f"{results[f'{b}.report']['cached_ms']:.1f} ms", "")
    row("raw SQL of the year's aggregation", lambda b: f"{results[f'{b}.report']['raw_sql_ms']:.1f} ms", "")
    row("first request ÷ raw SQL", lambda b: f"{results[f'{b}.report']['computed_ms'] / results[f'{b}.report']['raw_sql_ms']:.2f}×", "≤ 1.2×")
    row("figures import (rows/s)", lambda b: f"{results[f'{b}.import']['ours_rows_per_s']:,.0f}", "")
    row("plain executemany (rows/s)", lambda b: f"{results[f'{b}.import']['executemany_rows_per_s']:,.0f}", "")
    row("import ÷ executemany", lambda b: f"{results[f'{b}.import']['ours_rows_per_s'] / results[f'{b}.import']['executemany_rows_per_s']:.2f}×", "≥ 0.7×")
    row("digests: `digests run` (s)", lambda b: f"{results[f'{b}.digests']['run_seconds']:.1f} s", "")
    row("digests: `mail deliver` (mails/s)", lambda b: f"{results[f'{b}.digests']['ours_per_s']:,.0f}", "")
    row("smtp-source (mails/s)", lambda b: f"{results[f'{b}.digests']['smtp_source_per_s']:,.0f}", "")
    row("deliver ÷ smtp-source", lambda b: f"{results[f'{b}.digests']['ours_per_s'] / results[f'{b}.digests']['smtp_source_per_s']:.2f}×", "≥ 0.5×")
    row("mails lost", lambda b: f"{results[f'{b}.digests']['lost']}", "0")
    row("server peak RSS under load", lambda b: f"{results[f'{b}.rss_mb']:.0f} MB", "≤ 150 MB")
    row("3,000 distinct searches, no writes (req/s)", lambda b: f"{med(f'{b}.distinct', 'rps'):,.0f}", "")
    row("p99 of distinct searches, no writes", lambda b: f"{med(f'{b}.distinct', 'p99_ms'):.1f} ms", "≤ 50 ms")
    row("distinct ÷ Datasette HTML", lambda b: f"{med(f'{b}.distinct', 'rps') / med(f'{b}.datasette.html', 'rps'):.1f}×", "≥ 20×")
    row("same, one write a second (req/s)", lambda b: f"{med(f'{b}.mixed', 'rps'):,.0f}", "")
    row("with writes ÷ without", lambda b: f"{med(f'{b}.mixed', 'rps') / med(f'{b}.distinct', 'rps'):.2f}×", "≥ 0.5×")
    row("p99 of search during the writes", lambda b: f"{med(f'{b}.mixed', 'p99_ms'):.1f} ms", "≤ 100 ms")
    row("server peak RSS, distinct and mixed", lambda b: f"{results[f'{b}.mixed_rss_mb']:.0f} MB", "≤ 200 MB")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small data, one short round: a smoke test")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    opts = parser.parse_args()
    if opts.quick:
        opts.organisations, opts.offerings, opts.periods, opts.reporting, opts.buyers = 1000, 10000, 8, 500, 200
        opts.rounds, opts.import_rounds, opts.seconds, opts.connections = 1, 1, 2, 8
        opts.digest_rounds, opts.mixed_seconds = 1, 4
    else:
        opts.organisations, opts.offerings, opts.periods, opts.reporting, opts.buyers = 10000, 100000, 40, 5000, 5000
        opts.rounds, opts.import_rounds, opts.seconds, opts.connections = 3, 3, 10, 8
        opts.digest_rounds, opts.mixed_seconds = 1, 30
    size = {"organisations": opts.organisations, "offerings": opts.offerings, "periods": opts.periods, "reporting": opts.reporting}
    admin_url = None if opts.no_postgres else os.environ.get("WISE_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    WORK.mkdir(parents=True, exist_ok=True)
    results = {}
    year = None

    # SQLite: generate, search (with Datasette), report, digests; then the import.
    log("generating the SQLite data")
    db = WORK / "wise.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    generate(f"sqlite://{db}", size, opts.reporting, buyers=opts.buyers)
    pristine = WORK / "wise-pristine.db"
    _sqlite_backup(db, pristine)
    log("preparing the Datasette database")
    ds_db = WORK / "datasette.db"
    ds_db.unlink(missing_ok=True)
    run([PY, PEERS / "datasette_db.py", db, ds_db, WORK / "datasette-metadata.json"])
    ds_port = free_port()
    datasette = Process(
        [VENV / "datasette", "serve", ds_db, "-m", WORK / "datasette-metadata.json", "-p", ds_port, "--host", "127.0.0.1"],
        {},
        f"http://127.0.0.1:{ds_port}/-/versions.json",
        "datasette.log",
    )
    server, base = serve(f"sqlite://{db}", "sqlite")
    try:
        periods = get_json(f"{base}/api/v1/periods")
        year = max(p["key"] for p in periods if p["kind"] == "year")
        measure_search(results, "sqlite", base, ["--sqlite", db], opts, (f"http://127.0.0.1:{ds_port}", ds_db.stem))
        measure_report(results, "sqlite", base, ["--sqlite", db], year, opts)
        results["sqlite.rss_mb"] = server.peak_rss_mb()
    finally:
        server.stop()
        datasette.stop()
    measure_mixed(results, "sqlite", f"sqlite://{db}", mixed.sqlite_connect(db), opts)

    def sqlite_copy(source):
        target = WORK / "digests.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(source, target)
        return f"sqlite://{target}"

    measure_digests(results, "sqlite", pristine, sqlite_copy, opts)
    measure_import(results, "sqlite", size, opts)

    if admin_url:
        log("generating the PostgreSQL data")
        url = postgres_database(admin_url, "wise_bench")
        generate(url, size, opts.reporting, buyers=opts.buyers)
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS wise_bench_pristine WITH (FORCE)")
            conn.execute("CREATE DATABASE wise_bench_pristine TEMPLATE wise_bench")
        server, base = serve(url, "postgres")
        try:
            measure_search(results, "postgres", base, ["--postgres", url], opts)
            measure_report(results, "postgres", base, ["--postgres", url], year, opts)
            results["postgres.rss_mb"] = server.peak_rss_mb()
        finally:
            server.stop()
        measure_mixed(results, "postgres", url, mixed.postgres_connect(url), opts)

        def postgres_copy(_):
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS wise_bench_digests WITH (FORCE)")
                conn.execute("CREATE DATABASE wise_bench_digests TEMPLATE wise_bench_pristine")
            return admin_url.rsplit("/", 1)[0] + "/wise_bench_digests"

        measure_digests(results, "postgres", None, postgres_copy, opts)
        measure_import(results, "postgres", size, opts, admin_url)
        for name in ("wise_bench", "wise_bench_pristine", "wise_bench_digests"):
            drop_postgres_database(admin_url, name)

    (WORK / "results.json").write_text(json.dumps(results, indent=1))
    text = table(results, opts)
    (WORK / "results.md").write_text(text + "\n")
    print()
    print(text)


def _sqlite_backup(source, target):
    import sqlite3

    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


if __name__ == "__main__":
    main()
