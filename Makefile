# The two commands of the README: `make run` and `make test`. Both set up what they
# need first, so that a fresh checkout needs nothing else.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
# Languages without a catalogue of ours (see LANGUAGE_NAMES in settings/base.py) get
# one built from the English source strings: without it Django falls back to the
# default language's catalogue, and a Turkish page would show German buttons.
SOURCE_FALLBACK_LANGUAGES := tr ar uk pl ru fa fr es it ro bg ku vi
MO_FILES += $(foreach code,$(SOURCE_FALLBACK_LANGUAGES),build/locale/$(code)/LC_MESSAGES/django.mo)

.PHONY: run test lint format messages makemessages clean benchmark benchmark-linkcheck

run: $(STAMP) $(MO_FILES)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (stop with Ctrl+C)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

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

benchmark-linkcheck: $(STAMP)
	$(PY) benchmarks/linkcheck.py

makemessages: $(STAMP)
	$(PY) manage.py makemessages --all --no-location --ignore=.venv --ignore=staticfiles --ignore=tests

messages: $(MO_FILES)

clean:
	rm -rf $(VENV) staticfiles node_modules
	find . -name '*.mo' -path './locale/*' -delete
	rm -rf build/locale
