"""Benchmark: one reader at a time on the demo neighbourhood, on SQLite (the default of
`make run`), with the page cache off: what a resident waits for when a page is not
stored, per page type.

Builds the demo content in a throwaway SQLite database (the database cache with it, as
`make run` has), then asks each page type in-process with Django's test client:
- "framed": with the frame fragments (header, menu, footer) of the generation cached,
  as most requests find them;
- "fresh": as the first request after a publication, in a new generation.
Prints the median and the 95th percentile of each, and the queries. The searches
"nobody asked before" ask a different query in every request, made from the demo's
search vocabulary (benchmarks/queries.py): no two requests of the run ask the same.
Run by `make benchmark`, or alone: `.venv/bin/python benchmarks/demo_latency.py`.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "21"))
UNASKED = (
    ("site search nobody asked before", "/de/search/?q="),
    ("directory search nobody asked before", "/de/hilfe-und-angebote/?q="),
)


def page_types():
    from wagtail.models import Page

    from clubs.models import ClubPage
    from directory.models import Offer, Provider
    from news.models import EventPage, NewsPage

    def url(model):
        return model.objects.live().filter(locale__language_code="de").first().url

    directory = "/de/hilfe-und-angebote/"
    rooms = "/de/raeume/"
    provider = Provider.objects.public().filter(locale__language_code="de").first()
    offer = Offer.objects.public().filter(locale__language_code="de").first()
    links = Page.objects.live().filter(locale__language_code="de", content_type__model="helpfullinkspage").first()
    return [
        ("home", "/de/"),
        ("news index", "/de/neuigkeiten/"),
        ("news article", url(NewsPage)),
        ("calendar", "/de/veranstaltungen/"),
        ("event", url(EventPage)),
        ("directory", directory),
        ("directory filtered", f"{directory}?free=on"),
        ("directory search", f"{directory}?q=Fahrdienst"),
        ("provider", f"{directory}anbieter/{provider.slug}/"),
        ("offer (enquiry form)", f"{directory}angebot/{offer.slug}/"),
        ("club index", "/de/vereine/"),
        ("club search", "/de/vereine/?q=Chor"),
        ("club page", url(ClubPage)),
        ("helpful links", links.url),
        ("site search", "/de/search/?q=Garten"),
        ("room week", f"{rooms}nachbarschaftshaus-linde/saal/"),
        ("room month", f"{rooms}nachbarschaftshaus-linde/saal/monat/"),
        ("room request form", f"{rooms}nachbarschaftshaus-linde/saal/anfragen/"),
        ("sitemap.xml", "/sitemap.xml"),
    ]


def measure(client, path, fresh):
    """(p50, p95, queries of the last request) of ROUNDS requests for `path`, or for
    each of the paths of a list in turn (one request each, after one more to warm)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.page_cache import bump_generation

    paths = path if isinstance(path, list) else [path] * (ROUNDS + 1)
    times = []
    client.get(paths[0])  # what lasts as long as the process (content types, renditions)
    for path in paths[1 : ROUNDS + 1]:
        if fresh:
            bump_generation()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def unasked_paths():
    """(name, framed paths, fresh paths): ROUNDS + 1 distinct queries for each."""
    from queries import encoded, unasked_queries, vocabulary

    queries = unasked_queries(vocabulary("de"), 4 * (ROUNDS + 1))
    if len(queries) < 4 * (ROUNDS + 1):
        raise RuntimeError(f"the demo's vocabulary makes only {len(queries)} distinct queries")
    slices = [queries[number::4][: ROUNDS + 1] for number in range(4)]
    return [
        (
            name,
            [prefix + encoded(query) for query in slices[2 * number]],
            [prefix + encoded(query) for query in slices[2 * number + 1]],
        )
        for number, (name, prefix) in enumerate(UNASKED)
    ]


def main():
    database = Path(tempfile.mkdtemp()) / "demo.sqlite3"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=f"sqlite:///{database}",
        REDIS_URL="",
        PAGE_CACHE_SECONDS="0",
    )
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", "--noinput", verbosity=0)
    print(f"\nLoad average (1, 5, 15 min) before measuring: {', '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print(f"\nDemo neighbourhood on SQLite, page cache off, in-process, {ROUNDS} requests each:\n")
    print("| page type | framed p50 ms | framed p95 ms | fresh p50 ms | fresh p95 ms | queries (framed / fresh) |")
    print("| --- | --- | --- | --- | --- | --- |")
    with override_settings(ALLOWED_HOSTS=["*"]):
        client = Client()
        pages = [(name, path, path) for name, path in page_types()]
        for name, framed_path, fresh_path in pages + unasked_paths():
            framed = measure(client, framed_path, fresh=False)
            fresh = measure(client, fresh_path, fresh=True)
            print(
                f"| {name} | {framed[0]:.1f} | {framed[1]:.1f} | {fresh[0]:.1f} | {fresh[1]:.1f} | "
                f"{framed[2]} / {fresh[2]} |"
            )


if __name__ == "__main__":
    main()
