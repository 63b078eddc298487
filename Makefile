# The two commands of the README: `make run` and `make test`. Both set up what they
# need first, so that a fresh checkout needs nothing else.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
# Languages without a catalogue of ours (see LANGUAGE_NAMES in settings/base.py) get
# one built from the English source strings: without it Django falls back to the
# default language's catalogue, and a Polish page would show German buttons.
# tr, ar and uk have catalogues of their own in locale/.
SOURCE_FALLBACK_LANGUAGES := pl ru fa fr es it ro bg ku vi
MO_FILES += $(foreach code,$(SOURCE_FALLBACK_LANGUAGES),build/locale/$(code)/LC_MESSAGES/django.mo)

.PHONY: run dev test lint format messages makemessages clean benchmark benchmark-linkcheck

# `make run`: the demo served as production serves it (gunicorn, DEBUG off, static files
# from whitenoise, the background worker beside it), over plain HTTP on HOST:PORT.
# HOST=0.0.0.0 listens on every interface, to try the site from a phone on the same
# network; the site's address (BASE_URL) is then the machine's address there.
PUBLIC_HOST = $(if $(filter 0.0.0.0,$(HOST)),$(shell $(PYTHON) -c "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('192.0.2.1', 9)); print(s.getsockname()[0])" 2>/dev/null || hostname),$(HOST))
SECRET_KEY_FILE := .secret_key
RUN_ENV = DJANGO_SETTINGS_MODULE=quartier.settings.production HTTPS=0 TRUSTED_PROXY_COUNT=0 SERVE_MEDIA=1 \
	BASE_URL=http://$(PUBLIC_HOST):$(PORT) ALLOWED_HOSTS=$(PUBLIC_HOST),127.0.0.1,localhost \
	WEB_BIND=$(HOST):$(PORT) PYTHONUNBUFFERED=1 PATH="$(abspath $(VENV))/bin:$$PATH"

run: $(STAMP) $(MO_FILES) $(SECRET_KEY_FILE)
	@export $(RUN_ENV) SECRET_KEY="$$(cat $(SECRET_KEY_FILE))" && \
	python manage.py migrate --noinput && \
	LOG_LEVEL=WARNING python manage.py load_demo_content --if-empty && \
	python manage.py collectstatic --noinput -v0 && \
	python manage.py ensure_admin --demo && \
	echo "Serving on http://$(PUBLIC_HOST):$(PORT)/ with the worker beside it; mails appear here (stop with Ctrl+C)" && \
	exec honcho start --procfile Procfile

# For developers: Django's development server with DEBUG and autoreload; tasks run at
# once in the request, so no worker is needed.
dev: $(STAMP) $(MO_FILES)
	export BASE_URL=http://127.0.0.1:$(PORT) && \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py load_demo_content --if-empty && \
	$(PY) manage.py ensure_admin && \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# A key of this machine's own, made once and kept out of git, for `make run`.
$(SECRET_KEY_FILE):
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

test: $(STAMP) $(MO_FILES) $(NODE_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

# axe-core and the Nu Html Checker for the browser tests, at the versions in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Catalogues are compiled by the build, not committed as binaries.
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	msgfmt --check-format -o $@ $<

build/locale/%/LC_MESSAGES/django.mo: locale/en/LC_MESSAGES/django.po
	mkdir -p $(dir $@)
	msgen $< | msgfmt --check-format -o $@ -

# The large-site benchmark (docs/benchmarks.md): PostgreSQL, Redis and wrk on this machine;
# then one reader at a time on the demo neighbourhood on SQLite.
benchmark: $(STAMP) $(MO_FILES)
	@command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk"; exit 1; }
	$(PY) benchmarks/site.py
	$(PY) benchmarks/demo_latency.py
	$(PY) benchmarks/letters.py

benchmark-linkcheck: $(STAMP)
	$(PY) benchmarks/linkcheck.py

makemessages: $(STAMP)
	$(PY) manage.py makemessages --all --no-location --ignore=.venv --ignore=staticfiles --ignore=tests

messages: $(MO_FILES)

clean:
	rm -rf $(VENV) staticfiles node_modules
	find . -name '*.mo' -path './locale/*' -delete
	rm -rf build/locale
