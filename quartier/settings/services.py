"""What every process of the site connects to: the database and the shared cache, each
chosen by one environment variable (DATABASE_URL, REDIS_URL). base.py sets DATABASES
and CACHES from these."""

import os

import dj_database_url


def database(sqlite_path):
    """The default database: SQLite at `sqlite_path` unless DATABASE_URL names another
    (postgres://user:password@host:port/name for production)."""
    settings = dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{sqlite_path}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        # Persistent connections buy nothing on SQLite and keep the file locked in tests.
        settings["CONN_MAX_AGE"] = 0
        settings["OPTIONS"] = {
            # WAL lets the site read while an editor saves; IMMEDIATE avoids "database is
            # locked" errors when two requests write at once.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif settings["ENGINE"] == "django.db.backends.postgresql":
        # A search ranks the first few hundred matches that a scan of Wagtail's index
        # table finds (core/search.py, _found_first). PostgreSQL starts a scan of a table
        # larger than a quarter of its shared buffers where the last scan of it stood, so
        # the same broad search ranked other rows each time (87 of 300 result lists
        # changed between two runs at 100,000 offers, none with this). A pooler that
        # refuses startup options needs it set on the database instead (docs/deployment.md).
        options = settings.setdefault("OPTIONS", {})
        options["options"] = f"-c synchronize_seqscans=off {options.get('options', '')}".strip()
    return settings


def cache():
    """One cache shared by every process (docs/architecture.md, "The cache"): the web
    workers, the background worker and every management command must see one
    generation, so that a change made anywhere renews every page at once. Redis when
    REDIS_URL is set, else a table in the database (`manage.py createcachetable`, which
    `make run`, `make test` and the deploy steps run); never per-process memory. Keys
    start with CACHE_KEY_PREFIX, so that several sites can share one Redis."""
    redis_url = os.environ.get("REDIS_URL", "")
    key_prefix = os.environ.get("CACHE_KEY_PREFIX", "quartier")
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
        }
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "quartier_cache",
        "KEY_PREFIX": key_prefix,
        # Pages and fragments of a few languages and page types; past this the oldest
        # third is dropped.
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
