"""Benchmark: a large neighbourhood on PostgreSQL, served by gunicorn, measured with wrk.

Run with `make benchmark` (see docs/benchmarks.md). Steps:
1. (Re)create the PostgreSQL database BENCH_DATABASE_URL, migrate, load the demo site.
2. Seed a large neighbourhood fast: providers and offers with bulk_create, news and
   event pages as rows written in bulk with their tree paths computed the way treebeard
   does (Page.save() per page would take an hour). Then a full search reindex.
3. Serve it with gunicorn (2 sync workers) on loopback with Redis as the cache, and run
   wrk against every page type, uncached and (for pages the page cache stores) cached,
   and against /bench-ok, a bare Django view: the ceiling.
4. Print a Markdown report for docs/benchmarks.md: requests/s, median, p95, ratio to the
   ceiling, queries, compressed page weight, seed and reindex times, memory per worker.

Sizes, duration and addresses come from the environment (see SIZES and the constants
below); BENCH_REUSE=1 measures an already seeded database again.
"""

import gzip
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from queries import encoded, unasked_queries, vocabulary
from seeding import SIZES, seed, timed

PROJECT_DIR = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
PORT = int(os.environ.get("BENCH_PORT", "8081"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/quartier_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
# Only the page types whose name contains this ("search"): a shorter run, for a change
# of one page type.
ONLY = os.environ.get("BENCH_ONLY", "")
# Distinct queries per run of "a search nobody asked before": each of its four wrk runs
# asks a slice of its own, more than a run of 10 s asks (one that asks more starts the
# slice again; the report shows queries and requests).
UNASKED = int(os.environ.get("BENCH_UNASKED", "800"))

# wrk prints these after the run: requests/s and latency percentiles in microseconds.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""

# A search nobody asked before: every request is the next of PATHS (written in front of
# this), each thread taking every other one, so that no two requests of a run ask the
# same query until the list is used up. Prints the requests too, to tell whether it was.
WRK_UNASKED = """
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = id
  step = tonumber(args[1])
end
function request()
  local path = PATHS[counter % #PATHS + 1]
  counter = counter + step
  return wrk.format(nil, path)
end
"""


# --- measuring -----------------------------------------------------------------------


def page_types():
    """(name, path, cached): one address per page type of the seeded site."""
    from directory.models import Offer, Provider
    from news.models import EventPage, NewsPage

    news = NewsPage.objects.live().filter(slug="bench-nachricht-10").first()
    event = EventPage.objects.live().filter(slug=f"bench-termin-{SIZES['events'] // 2}").first()
    provider = Provider.objects.filter(slug="bench-anbieter-10").first()
    offer = Offer.objects.filter(slug="bench-angebot-10").first()
    directory = "/de/hilfe-und-angebote/"
    return [
        ("home", "/de/"),
        ("news index", "/de/neuigkeiten/"),
        ("news article", f"/de/neuigkeiten/{news.slug}/"),
        ("calendar", "/de/veranstaltungen/"),
        ("event", f"/de/veranstaltungen/{event.slug}/"),
        ("directory", directory),
        ("directory filtered", f"{directory}?free=on"),
        ("directory search", f"{directory}?q=Fahrdienst"),
        ("directory search, a word in every offer", f"{directory}?q=Lindenkiez"),
        ("provider", f"{directory}anbieter/{provider.slug}/"),
        ("offer (enquiry form, never cached)", f"{directory}angebot/{offer.slug}/"),
        ("club index", "/de/vereine/"),
        ("club page", "/de/vereine/bench-verein-10/"),
        ("search", "/de/search/?q=Garten"),
        ("sitemap.xml", "/sitemap.xml"),
    ]


def wrk(url, script, connections=CONNECTIONS):
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{SECONDS}s", "--timeout", "30s", "-s", script, url]
        + ["--", str(threads)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests, duration, median, p95, errors = map(int, re.search(r"RESULT (.*)", output).group(1).split())
    return {
        "rps": requests / (duration / 1e6),
        "median": median / 1000,
        "p95": p95 / 1000,
        "errors": errors,
        "requests": requests,
    }


def unasked_runs():
    """(name, Lua paths of its own, connections): the runs of a search nobody asked
    before, each with a slice of distinct queries of its own."""
    queries = unasked_queries(vocabulary("de"), UNASKED * 4)
    runs = []
    for number, (name, prefix, connections) in enumerate(
        (
            ("search nobody asked before", "/de/search/?q=", CONNECTIONS),
            ("search nobody asked before, one reader at a time", "/de/search/?q=", 1),
            ("directory search nobody asked before", "/de/hilfe-und-angebote/?q=", CONNECTIONS),
            ("directory search nobody asked before, one reader at a time", "/de/hilfe-und-angebote/?q=", 1),
        )
    ):
        paths = [prefix + encoded(query) for query in queries[number::4]]
        runs.append((name, paths, connections))
    return runs, queries


def unasked_in_process(queries, rounds=21):
    """The median time and the most queries of one search nobody asked before, site
    search and directory search, in-process (the framed case: fragments cached)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    results = {}
    with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        client = Client()
        for name, prefix, offset in (
            ("search nobody asked before", "/de/search/?q=", 0),
            ("directory search nobody asked before", "/de/hilfe-und-angebote/?q=", 1),
        ):
            client.get(prefix + "Nachbarschaft")  # the frame fragments, cached
            times, counts = [], []
            for query in queries[-(2 * rounds) :][offset::2]:  # not asked by the wrk runs
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    client.get(prefix + encoded(query))
                    times.append((time.perf_counter() - started) * 1000)
                counts.append(len(captured))
            times.sort()
            results[name] = {
                "median": statistics.median(times),
                "p95": times[int(len(times) * 0.95) - 1],
                "queries": f"{min(counts)} to {max(counts)}",
            }
    return results


def index_sizes():
    """Rows and bytes (table, its indexes and TOAST: pg_total_relation_size) of the search
    index tables and of the search vocabulary."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, pg_total_relation_size(oid), pg_indexes_size(oid), reltuples::bigint FROM pg_class "
            "WHERE relkind = 'r' AND (relname LIKE 'modelsearch%%' OR relname LIKE 'wagtailsearch%%' "
            "OR relname = 'core_searchword') ORDER BY relname"
        )
        return cursor.fetchall()


def page_weight(base, path):
    """Compressed bytes of the HTML and the CSS and JavaScript it links."""
    html = urllib.request.urlopen(base + path).read()  # noqa: S310 -- loopback
    total = len(gzip.compress(html))
    for asset in re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html):
        total += len(gzip.compress(urllib.request.urlopen(base + asset.decode()).read()))  # noqa: S310
    return total


def worker_memory(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def start_gunicorn(environment):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--access-logfile",
            "/dev/null",
            "quartier.wsgi:application",
        ],
        cwd=PROJECT_DIR,
        env=environment,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench-ok", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def in_process(paths, rounds=9):
    """Per path, measured with Django's test client and the page cache off:
    - "queries": those of a request that finds the frame fragments (menu, footer) of
      its generation cached, as most requests do;
    - "fresh_ms", "fresh_queries": the median time and the queries of the first request
      after a publication, in a new generation with no fragment cached: what the
      first reader after an editor's change waits for."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from core import page_cache

    results = {}
    with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        client = Client()
        for _name, path in paths:
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            framed = len(queries)
            times = []
            for _ in range(rounds):
                page_cache.bump_generation()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
            results[path] = {
                "queries": framed,
                "fresh_ms": statistics.median(times),
                "fresh_queries": len(queries),
            }
    return results


def main():
    sys.path.insert(0, str(PROJECT_DIR))
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0]
    host = re.search(r"@([^:/]+)", server).group(1)
    reuse = os.environ.get("BENCH_REUSE") == "1"  # measure again without seeding again
    if not reuse:
        subprocess.run(["dropdb", "--if-exists", "-h", host, "-U", "postgres", name], check=True)
        subprocess.run(["createdb", "-h", host, "-U", "postgres", name], check=True)
    environment = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "PYTHONPATH": str(PROJECT_DIR),
    }
    os.environ.update(environment)

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    timings = {}
    if not reuse:
        seed(timings)
    with timed("collectstatic", timings):
        call_command("collectstatic", "--noinput", verbosity=0)
    paths = [(name, path) for name, path in page_types() if ONLY in name]
    measured = in_process(paths)
    unasked, queries = unasked_runs()
    unasked_measured = unasked_in_process(queries)
    from wagtail.models import Page

    from directory.models import Offer, Provider
    from news.models import EventPage, NewsPage

    sizes = {
        "providers": Provider.objects.count(),
        "offers": Offer.objects.count(),
        "news articles": NewsPage.objects.count(),
        "events": EventPage.objects.count(),
        "pages": Page.objects.count(),
    }

    script = Path(tempfile.mkdtemp()) / "report.lua"
    script.write_text(WRK_REPORT)
    base = f"http://127.0.0.1:{PORT}"
    results = []
    runs = (
        ("uncached", {"PAGE_CACHE_SECONDS": "0"}),
        ("cached", {"PAGE_CACHE_SECONDS": "300"}),
    )
    for label, settings in runs:
        cache.clear()
        process = start_gunicorn({**environment, **settings})
        try:
            ceiling = wrk(f"{base}/bench-ok", str(script))
            results.append((label, "bare Django view (ceiling)", "/bench-ok", ceiling, ceiling))
            for name, path in paths:
                if label == "cached" and ("?" in path or "never cached" in name):
                    continue  # the page cache does not store these: the uncached run is theirs
                urllib.request.urlopen(base + path).read()  # noqa: S310 -- warm, fill the cache
                results.append((label, name, path, wrk(base + path, str(script)), ceiling))
                if label != "cached" and "search" in name:
                    # The search target is a response time: what one resident waits
                    # for, without the queue of the saturating run above.
                    alone = wrk(base + path, str(script), connections=1)
                    results.append((label, f"{name}, one reader at a time", path, alone, None))
            if label == "uncached":
                for name, lua_paths, connections in unasked:
                    lua = Path(script).with_name(f"unasked-{len(results)}.lua")
                    lua.write_text(
                        "PATHS = {" + ",".join(f'"{path}"' for path in lua_paths) + "}\n" + WRK_UNASKED + WRK_REPORT
                    )
                    result = wrk(base + lua_paths[0], str(lua), connections=connections)
                    result["distinct"] = len(lua_paths)
                    results.append((label, name, None, result, None if connections == 1 else ceiling))
            if label == "uncached":
                memory = worker_memory(process.pid)
                weights = {name: page_weight(base, path) for name, path in paths if name != "sitemap.xml"}
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)

    print(f"\nMeasured {datetime.now():%Y-%m-%d %H:%M} on {platform.node()}: {platform.platform()}, ")
    print(f"{os.cpu_count()} cores, Python {platform.python_version()}; wrk -t2 -c{CONNECTIONS} -d{SECONDS}s.")
    print("Data: " + ", ".join(f"{count} {what}" for what, count in sizes.items()))
    print("Times: " + ", ".join(f"{what} {seconds:.0f} s" for what, seconds in timings.items()))
    print(f"Memory per worker after the uncached run: {', '.join(f'{size:.0f} MiB' for size in memory)}")
    print(f"Load average (1, 5, 15 min) at the end: {', '.join(f'{load:.2f}' for load in os.getloadavg())}\n")
    print("| run | page type | requests/s | share of ceiling | median ms | p95 ms | errors | queries | KB gz |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, name, path, result, ceiling in results:
        # A run with one connection does not load the server: no share of the ceiling.
        share = f"1/{ceiling['rps'] / result['rps']:.1f}" if ceiling and result["rps"] else "-"
        weight = f"{weights[name] / 1024:.1f}" if name in weights else ""
        counted = measured[path]["queries"] if path in measured else ""  # none for the bare view
        if "distinct" in result:
            # Asked once each, unless a run asks more requests than it has queries.
            counted = f"{result['distinct']} distinct queries for {result['requests']} requests"
        print(
            f"| {label} | {name} | {result['rps']:.1f} | {share} | {result['median']:.1f} | "
            f"{result['p95']:.1f} | {result['errors']} | {counted} | {weight} |"
        )
    print("\nMedian of the medians:", statistics.median(r[3]["median"] for r in results))
    print("\nA search nobody asked before, in-process, one at a time (21 distinct queries, fragments cached):\n")
    print("| search | median ms | p95 ms | queries |")
    print("| --- | --- | --- | --- |")
    for name, result in unasked_measured.items():
        print(f"| {name} | {result['median']:.1f} | {result['p95']:.1f} | {result['queries']} |")
    print("\nSearch index and vocabulary (pg_total_relation_size: table, indexes, TOAST):\n")
    print("| table | rows | total MiB | of which indexes MiB |")
    print("| --- | --- | --- | --- |")
    for table, total, indexes, rows in index_sizes():
        print(f"| {table} | {rows} | {total / 2**20:.1f} | {indexes / 2**20:.1f} |")
    print("\nExamples of the queries: " + " · ".join(queries[:24]))
    print("\nFirst request after a publication, in-process, one at a time (median of 9):\n")
    print("| page type | median ms | queries |")
    print("| --- | --- | --- |")
    for name, path in paths:
        print(f"| {name} | {measured[path]['fresh_ms']:.1f} | {measured[path]['fresh_queries']} |")


if __name__ == "__main__":
    main()
