"""Benchmark: the link checker against a slow local web server.

Run with `make benchmark-linkcheck`. It starts a web server on loopback that waits
DELAY seconds before each answer, checks LINKS distinct addresses on it at several
concurrency levels (recording results in a throwaway SQLite database), and prints a
Markdown table for docs/benchmarks.md.
"""

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

LINKS = 500
DELAY = 0.5
CONCURRENCY_LEVELS = [8, 16, 32]


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    database = Path(tempfile.mkdtemp()) / "linkcheck-benchmark.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quartier.settings.dev")

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import override_settings

    from helpful_links.linkcheck import check_links
    from helpful_links.models import LinkCheck
    from tests.helpful_links.http_server import start_server

    call_command("migrate", verbosity=0)
    server = start_server(delay=DELAY)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/page-{number}" for number in range(LINKS)]

    rows = []
    with override_settings(LINKCHECK_ALLOW_PRIVATE_ADDRESSES=True):
        for concurrency in CONCURRENCY_LEVELS:
            LinkCheck.objects.all().delete()
            started = time.perf_counter()
            checks = check_links(urls, concurrency=concurrency, timeout=10)
            elapsed = time.perf_counter() - started
            ok = sum(1 for check in checks if check.status_code == 200)
            rows.append((concurrency, elapsed, ok))
    server.shutdown()

    print(f"Link checker: {LINKS} links, server answers after {DELAY} s each")
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"Date: {time.strftime('%Y-%m-%d')}")
    print()
    print("| concurrency | seconds | links per second | answered 200 | ideal (links × delay / concurrency) |")
    print("| --- | --- | --- | --- | --- |")
    for concurrency, elapsed, ok in rows:
        ideal = LINKS * DELAY / concurrency
        print(f"| {concurrency} | {elapsed:.1f} | {LINKS / elapsed:.0f} | {ok} | {ideal:.1f} |")


if __name__ == "__main__":
    main()
