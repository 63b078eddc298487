"""Benchmark: one reader at a time on the demo neighbourhood, on SQLite (the default of
`make run`), with the page cache off: what a resident waits for when a page is not
stored, per page type.

Builds the demo content in a throwaway SQLite database (the database cache with it, as
`make run` has), then asks each page type in-process with Django's test client:
- "framed": with the frame fragments (header, menu, footer) of the generation cached,
  as most requests find them;
- "fresh": as the first request after a publication, in a new generation.
Prints the median and the 95th percentile of each, and the queries. Run by
`make benchmark`, or alone: `.venv/bin/python benchmarks/demo_latency.py`.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "21"))


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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.page_cache import bump_generation

    times = []
    client.get(path)  # what lasts as long as the process (content types, renditions)
    for _ in range(ROUNDS):
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
    print(f"\nDemo neighbourhood on SQLite, page cache off, in-process, {ROUNDS} requests each:\n")
    print("| page type | framed p50 ms | framed p95 ms | fresh p50 ms | fresh p95 ms | queries (framed / fresh) |")
    print("| --- | --- | --- | --- | --- | --- |")
    with override_settings(ALLOWED_HOSTS=["*"]):
        client = Client()
        for name, path in page_types():
            framed = measure(client, path, fresh=False)
            fresh = measure(client, path, fresh=True)
            print(
                f"| {name} | {framed[0]:.1f} | {framed[1]:.1f} | {fresh[0]:.1f} | {fresh[1]:.1f} | "
                f"{framed[2]} / {fresh[2]} |"
            )


if __name__ == "__main__":
    main()
