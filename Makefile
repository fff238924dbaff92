# Two commands from a fresh clone: `make site`, then `make test`.
# Every target is phony: an existing site/ folder must never make a target a no-op.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

# pytest-xdist: one worker per core, each test module on one worker (its module-scoped
# fixtures are made once), modules handed out in file order so the long browser walk in
# tests/gates starts first. (`--dist loadgroup` would be finer, but pytest-xdist 3.8 ignores
# xdist_group marks under pytest 9.2: pytest-xdist issue 1386.) PYTEST_ARGS=-n0: one process.
PYTEST_ARGS ?= -n auto --dist loadfile --no-loadscope-reorder

.PHONY: all setup setup-test site publish offline serve test test-fast bench profile audit check clean distclean lock

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

# What the GitHub Pages workflow publishes: the offline copy first, then the site with the
# offline zip beside the PDFs, so the pages that mention it link to it.
publish: offline
	@$(MAKE) --no-print-directory site KIT_OFFLINE_ZIP=build/user-involvement-kit-offline.zip

# A copy that works opened from disk, search included: build/offline/ and a zip.
# The shim has its own npm package, so this installs nothing of the test tools.
offline: setup
	@[ -f scripts/offline/node_modules/iframe-worker/shim/index.js ] || npm ci --prefix scripts/offline --silent --no-audit --no-fund
	$(BIN)/python scripts/make_offline.py

# The live preview: `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000
serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# pytest's exit code 5 (no test ran) is a failure like any other.
test: setup-test
	@status=0; CI=$${CI:-} $(BIN)/python -m pytest $(PYTEST_ARGS) $(ARGS) || status=$$?; \
	  if [ $$status = 5 ]; then echo "make test: no test ran (pytest exit code 5)" >&2; fi; exit $$status

# The quick loop while editing: no browser, no real build (about a minute).
test-fast: setup-test
	CI=$${CI:-} $(BIN)/python -m pytest $(PYTEST_ARGS) -m "not browser and not build" $(ARGS)

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

# Where a cold build's time goes: each paper output on its own, median of 5 (scripts/profile_paper.py).
profile: setup-test
	$(BIN)/python scripts/profile_paper.py

clean:
	rm -rf site .site-staging .site-old .cache build

# Also the installed tools: the Python environment and the npm packages (made again by the next make).
distclean: clean
	rm -rf $(VENV) node_modules scripts/offline/node_modules scripts/audit/node_modules

# Regenerate the hashed lock files from pyproject.toml after changing a pin there:
# requirements.lock (what `make site` needs) and requirements-test.lock (that and [test]).
# `make lock UPGRADE=--upgrade` also moves the transitive pins to their newest versions.
LOCK_TOOLS := .cache/pip-tools
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --all-build-deps --no-emit-index-url --no-emit-find-links $(UPGRADE)
lock:
	@[ -x $(LOCK_TOOLS)/bin/pip-compile ] || { $(PYTHON) -m venv $(LOCK_TOOLS) && \
	  $(LOCK_TOOLS)/bin/pip install --quiet pip-tools==7.6.2; }
	$(PIP_COMPILE) -o requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra test -c requirements.lock -o requirements-test.lock pyproject.toml
