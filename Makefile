# Two commands from a fresh clone: `make site`, then `make test`.
# Every target is phony: an existing site/ folder must never make a target a no-op.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: all setup setup-test site offline serve test bench audit check clean

all: site

setup:
	@PYTHON=$(PYTHON) VENV=$(VENV) scripts/setup.sh

setup-test:
	@PYTHON=$(PYTHON) VENV=$(VENV) scripts/setup.sh --test

# Build into a staging folder and swap it in only when the whole build succeeded,
# so a mistake anywhere leaves the last good site/ exactly as it was.
site: setup
	@rm -rf .site-staging
	$(BIN)/mkdocs build --strict --site-dir .site-staging
	@rm -rf .site-old; if [ -d site ]; then mv site .site-old; fi; mv .site-staging site; rm -rf .site-old
	@echo "Built site/ ($$(find site -name '*.html' | wc -l) pages)."

# A copy that works opened from disk, search included: build/offline/ and a zip.
offline: setup
	@[ -f node_modules/iframe-worker/shim/index.js ] || npm ci --silent --no-audit --no-fund
	$(BIN)/python scripts/make_offline.py

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup-test
	CI=$${CI:-} $(BIN)/python -m pytest

# Lighthouse on the key pages (slow; not in CI).
audit: site
	@[ -x scripts/audit/node_modules/.bin/lighthouse ] || npm ci --prefix scripts/audit --silent --no-audit --no-fund
	$(BIN)/python scripts/audit.py

# Easy-read page report: sentence lengths and pictures per point.
check: setup
	$(BIN)/python scripts/easy_read_report.py

bench: setup-test
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_scale.py

clean:
	rm -rf site .site-staging .site-old .cache build
