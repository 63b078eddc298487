"""Settings shared by every environment.

Everything that differs between machines comes from environment variables (listed in
the README); the defaults here are safe for a local run on SQLite.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .services import cache, database

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Shipped with the code so that a fresh checkout runs without configuration; the
# production settings refuse to start with it.
DEVELOPMENT_SECRET_KEY = "django-insecure-quartier-development-key-never-use-in-production"  # noqa: S105


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def refuse_insecure_secret_key(secret_key):
    """Stop the process when a production start would sign sessions with a known key."""
    if not secret_key or secret_key == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is missing or is the development key. With DEBUG off, set "
            "SECRET_KEY to a long random value, e.g. the output of: python -c "
            "'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if len(secret_key) < 50 or secret_key.startswith("django-insecure"):
        raise ImproperlyConfigured("SECRET_KEY is too weak for production: use at least 50 random characters.")


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # What every app uses; its `migrate` (the cache table first) replaces Django's.
    "core",
    "home",
    "news",
    "directory",
    "clubs",
    "helpful_links",
    "participation",
    "exchange",
    "letters",
    "rooms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that stored pages get the header too (core/csp.py).
    "core.csp.QuartierCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session (Django's documented order), before anything that renders.
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous visitors get stored pages; placed before anything that reads the user,
    # sets cookies or renders (core/page_cache.py explains what is cached).
    "core.page_cache.PageCacheMiddleware",
    # After the page cache, which never stores searches anyway; after the locale, so
    # that the "too many searches" page speaks the visitor's language.
    "core.ratelimit.SearchRateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "quartier.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # {{ cache_generation }}, the key part of every frame fragment.
                "core.page_cache.context_processor",
            ],
        },
    },
]

WSGI_APPLICATION = "quartier.wsgi.application"

# The database and the shared cache (services.py): SQLite in the project folder and the
# database's cache table unless DATABASE_URL and REDIS_URL name others.
DATABASES = {"default": database(BASE_DIR / "db.sqlite3")}
CACHES = {"default": cache()}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How long a rendered public page may be served from the cache at most. Publishing
# anything invalidates at once; the limit only bounds pages that change with the date
# (the next events). 0 switches the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# How many proxies in front of the app add themselves to X-Forwarded-For (0: none, use
# the connection's address). Login lockout and rate limits count per client address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Login lockout (django-axes): a username is locked for one address after repeated
# failures, so a guesser is stopped without locking the real person out everywhere.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# No log of successful logins (addresses and browsers are personal data we do not need),
# and no usernames or addresses in the log output.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Content Security Policy (django-csp), sent in every environment so that the browser
# tests see a violation as a visitor would. Public pages load nothing from another host
# (no third-party requests, DSGVO) and have no inline script or style; the printed
# origin of links comes from a stylesheet (core/views.py, print_origin_css). JSON-LD
# (<script type="application/ld+json">) would be allowed under script-src 'self':
# browsers treat it as a data block and never execute it, so CSP does not apply.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin needs inline scripts and styles (wagtail/wagtail#1288) and its
# bundled libraries evaluate code (Draftail, axe-core in the accessibility checker).
# The page preview is shown in an iframe of the admin itself, hence frame-ancestors
# 'self'; upload previews are blob: images. Still nothing from another host.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_CSP_URL_PREFIXES = ["/admin/", "/django-admin/"]

# Editors' sessions end after SESSION_HOURS (from the last login or session change),
# also when the browser stays open on a shared computer in the community centre.
# Wagtail's login without "remember me" already ends the session with the browser;
# this makes the Django admin's login do the same.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "8")) * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Invitations (directory/onboarding.py) and "forgot password" links are Django's
# password-reset tokens: they stop working after INVITATION_DAYS, or once used.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("INVITATION_DAYS", "3")) * 24 * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. German is the default; interface catalogues exist for German, English,
# Turkish, Arabic and Ukrainian (INTERFACE_LANGUAGES), content translations for any
# language in LANGUAGES (wagtail-localize). Interface strings of the other languages
# are the English source strings (the build makes catalogues for that, see the
# Makefile). Django's and Wagtail's own strings come translated.
LANGUAGE_CODE = "de"
# Names are endonyms: the switcher must be readable by someone who reads only that language.
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "uk": "Українська",
    "pl": "Polski",
    "ru": "Русский",
    "fa": "فارسی",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "ro": "Română",
    "bg": "Български",
    "ku": "Kurdî",
    "vi": "Tiếng Việt",
}
DEFAULT_LANGUAGES = ["de", "en", "tr", "ar", "uk"]


def language_list(codes):
    """[(code, endonym)] with German first; unknown codes are refused at start rather
    than shown as a bare code in the switcher."""
    codes = [code.lower() for code in codes]
    unknown = [code for code in codes if code not in LANGUAGE_NAMES]
    if unknown:
        raise ImproperlyConfigured(
            f"LANGUAGES names unknown language codes {unknown}; known: {', '.join(LANGUAGE_NAMES)}"
        )
    ordered = [LANGUAGE_CODE] + [code for code in dict.fromkeys(codes) if code != LANGUAGE_CODE]
    return [(code, LANGUAGE_NAMES[code]) for code in ordered]


LANGUAGES = language_list(env_list("LANGUAGES", DEFAULT_LANGUAGES))
# The languages with an interface catalogue in locale/; the others read the English
# source strings, and the templates mark those parts lang="en". The tr, ar and uk
# catalogues are machine-quality translations awaiting review by a native speaker
# (README, "Languages"): the default languages are those residents most often read,
# and a plain interface in their language serves them better than English until then.
INTERFACE_LANGUAGES = ["de", "en", "tr", "ar", "uk"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# build/locale holds the English-source catalogues the build makes for languages we
# have no catalogue for (Makefile, SOURCE_FALLBACK_LANGUAGES).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "build" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Production serves media from the proxy or object storage; this lets the app do it
# for local runs with DEBUG off (the browser tests).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with hashed names, served by whitenoise with far-future
    # cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: SMTP when EMAIL_HOST is set, otherwise printed to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Quartier <quartier@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Directory enquiries (directory/delivery.py). Residents' enquiries are personal data:
# they are deleted this many days after they arrived (`manage.py delete_old_enquiries`).
ENQUIRY_RETENTION_DAYS = int(os.environ.get("ENQUIRY_RETENTION_DAYS", "90"))
# Failed deliveries are retried with growing pauses (1 minute doubling up to 6 hours);
# twelve attempts span about a day before an editor is asked to look.
ENQUIRY_MAX_ATTEMPTS = int(os.environ.get("ENQUIRY_MAX_ATTEMPTS", "12"))
# Mails of the outbox (core/outbox.py): tries before a mail is marked failed, and how
# long any mail (with the address and text it holds) is kept.
MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "12"))
MAIL_RETENTION_DAYS = int(os.environ.get("MAIL_RETENTION_DAYS", "30"))
# Spam protection without a third party (core/forms.py): a form sent faster than this
# is asked again, one older than the maximum age is refused, and each address may send
# only so many.
FORM_MIN_FILL_SECONDS = 3
FORM_MAX_AGE = 24 * 60 * 60
ENQUIRY_RATE_WINDOW = 60 * 60
ENQUIRY_RATE_LIMIT_PER_IP = int(os.environ.get("ENQUIRY_RATE_LIMIT_PER_IP", "10"))
ENQUIRY_RATE_LIMIT_PER_CONTACT = int(os.environ.get("ENQUIRY_RATE_LIMIT_PER_CONTACT", "5"))
# Residents' contributions (participation/): how long a post is up before it expires,
# when the reminder with the "extend" link goes out, how long ended posts are kept
# before they are deleted, how long a confirmation and a private link work, how many
# different people must report an item before it is hidden, and how much one address
# or one IP may send per hour.
PARTICIPATION_EXPIRY_DAYS = int(os.environ.get("PARTICIPATION_EXPIRY_DAYS", "30"))
PARTICIPATION_REMIND_DAYS_BEFORE = int(os.environ.get("PARTICIPATION_REMIND_DAYS_BEFORE", "4"))
PARTICIPATION_RETENTION_DAYS = int(os.environ.get("PARTICIPATION_RETENTION_DAYS", "60"))
PARTICIPATION_CONFIRM_DAYS = int(os.environ.get("PARTICIPATION_CONFIRM_DAYS", "7"))
PARTICIPATION_LINK_DAYS = int(os.environ.get("PARTICIPATION_LINK_DAYS", "14"))
PARTICIPATION_REPORTS_TO_HIDE = int(os.environ.get("PARTICIPATION_REPORTS_TO_HIDE", "3"))
PARTICIPATION_RATE_WINDOW = 60 * 60
# Community rooms: how long an unconfirmed request holds its times, and whose public
# holidays no booking falls on (country, and after a hyphen the state: DE-BE is Berlin,
# where the demo neighbourhood lies; DE-HH Hamburg).
ROOMS_UNCONFIRMED_HOLD_HOURS = int(os.environ.get("ROOMS_UNCONFIRMED_HOLD_HOURS", "24"))
ROOMS_HOLIDAYS = os.environ.get("ROOMS_HOLIDAYS", "DE-BE")
# Days a club has to mark a volunteering interest before it is reminded and the
# contact person on site sees it under "Needs attention".
VOLUNTEER_ANSWER_DAYS = int(os.environ.get("VOLUNTEER_ANSWER_DAYS", "7"))
PARTICIPATION_RATE_LIMIT_PER_IP = int(os.environ.get("PARTICIPATION_RATE_LIMIT_PER_IP", "20"))
PARTICIPATION_RATE_LIMIT_PER_ADDRESS = int(os.environ.get("PARTICIPATION_RATE_LIMIT_PER_ADDRESS", "5"))
SEARCH_RATE_WINDOW = 60
SEARCH_RATE_LIMIT_PER_IP = int(os.environ.get("SEARCH_RATE_LIMIT_PER_IP", "30"))

# Background work on Django's task framework (docs/architecture.md, "Background
# work"): tasks wait in the database until `manage.py worker` runs them, on one machine
# or several. The worker also enqueues the periodic jobs below (core/schedule.py), so
# no cron is needed; docs/deployment.md lists the cron lines that do the same.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
PERIODIC_TASKS = {
    # Wagtail's scheduled publishing and unpublishing.
    "publish scheduled pages": {"task": "core.tasks.publish_scheduled_pages", "when": "every 1 minute"},
    # Enquiries whose mail failed, or whose task was lost, are sent again when due.
    "deliver due enquiries": {"task": "directory.tasks.deliver_due_enquiries", "when": "every 1 minute"},
    # The same for every other mail (core/outbox.py).
    "send due mails": {"task": "core.tasks.send_due_mails", "when": "every 1 minute"},
    # Residents' contributions: reminders before the end, expiry, relayed messages.
    "contribution reminders and expiry": {"task": "participation.tasks.run_life_cycle", "when": "every 15 minutes"},
    "remind clubs of unanswered volunteers": {"task": "clubs.tasks.remind_clubs_task", "when": "daily 08:00"},
    # The Quartiersbrief's digests: weekly ones on Mondays, monthly ones on the 1st.
    "send Quartiersbrief digests": {"task": "letters.tasks.send_digests_task", "when": "daily 07:00"},
    # Room requests nobody confirmed give their held times back.
    "release unconfirmed room requests": {"task": "rooms.tasks.release_unconfirmed_task", "when": "every 15 minutes"},
    "check links": {"task": "helpful_links.tasks.check_links_task", "when": "daily 03:15"},
    "enforce retention": {"task": "core.tasks.enforce_retention", "when": "daily 03:45"},
    # The search's vocabulary forgets the words of what is no longer public.
    "rebuild search words": {"task": "core.tasks.rebuild_search_words", "when": "daily 03:30"},
    "forget finished tasks": {"task": "core.tasks.prune_finished_tasks", "when": "daily 04:00"},
    "send attention digest": {"task": "core.tasks.send_attention_digest", "when": "monday 07:00"},
}
# Finished tasks are kept this long for an editor or operator to look at, then deleted.
TASK_RESULT_DAYS = int(os.environ.get("TASK_RESULT_DAYS", "14"))

# The one address the site is reached at. Every absolute address (feeds, iCal, JSON-LD,
# Open Graph, hreflang, canonical links, sitemaps, robots.txt, mails, HSDS) is built
# from it (core/addresses.py); `migrate` makes the Wagtail site record follow it.
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Quartier")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Uploads are checked in the admin's image form: a photo straight from a phone fits,
# a file that would tie up a worker (memory for every rendition) is refused with a
# message. 40 megapixels is a 7,700 x 5,200 photo; Wagtail's own default is 128.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Gravatar would send a hash of each editor's e-mail address to another host, and the
# admin's CSP allows no other host: Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The database backend picks PostgreSQL full-text search when on PostgreSQL; German
# stemming there lets "Fahrdienst" find "Fahrdienste". SQLite uses FTS5.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"},
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": os.environ.get("LOG_FORMAT", "plain")},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request errors are logged without the request body, which may hold personal data.
        "django.request": {"level": "ERROR", "propagate": True},
        # One line per background task drowns everything else.
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint (the Wegweiser PDF) warns about every screen-only CSS rule it skips.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}

SITE_DISPLAY_NAME = _("Quartier")
