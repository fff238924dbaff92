#!/usr/bin/env bash
# Set up everything the kit needs, once; cheap to run again (it skips what is done).
#   scripts/setup.sh          Python environment for building the kit (requirements.lock)
#   scripts/setup.sh --test   plus the test tools (requirements-test.lock), and the programs the
#                             tests use: Chromium, poppler, zbar, Java, npm and the npm packages
# Python packages come only from the lock files, every one checked against its hash.
# A missing program is installed from Debian when running as root with apt-get. Otherwise it
# is a warning (the tests that need it are skipped and listed at the end of the run), and
# with CI=true an error.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
want_test=${1:-}

# The oldest Python the kit is tested on is Debian 12's own, 3.11.2 (README, pyproject.toml).
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "The kit needs Python 3.11.2 or newer, and there is no '$PYTHON' here." >&2
  echo "  Debian or Ubuntu: sudo apt-get install python3 python3-venv" >&2
  echo "  Or name another Python: make PYTHON=/path/to/python3.12 site" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11, 2))' 2>/dev/null; then
  echo "The kit needs Python 3.11.2 or newer; '$PYTHON' is $("$PYTHON" --version 2>&1)." >&2
  echo "  Debian 12 and newer, and Ubuntu 24.04 and newer, have one: sudo apt-get install python3 python3-venv" >&2
  echo "  Or name another Python: make PYTHON=/path/to/python3.12 site" >&2
  exit 1
fi

# The virtual environment records the Python and the lock it was made from ($VENV/.kit-made-from),
# and is made again from scratch when either changes, so no package of an older lock or Python lingers.
made_from() {
  "$PYTHON" -c 'import hashlib, os, sys
h = hashlib.sha256()
for name in sys.argv[1:]:
    h.update(open(name, "rb").read())
print(f"python {os.path.realpath(sys.executable)} {sys.version.split()[0]}; lock {h.hexdigest()[:16]}")' \
    requirements.lock pyproject.toml
}
want_made_from=$(made_from)
if [ -e "$VENV" ] && [ "$(cat "$VENV/.kit-made-from" 2>/dev/null)" != "$want_made_from" ]; then
  echo "Making $VENV again: it was not made from $want_made_from."
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV" || {
    echo "Could not create a virtual environment. On Debian: sudo apt-get install python3-venv" >&2; exit 1; }
  echo "$want_made_from" > "$VENV/.kit-made-from"
fi

# A short hash of the Python version and the given files (hashlib: no sha256sum on macOS).
digest() {
  "$VENV/bin/python" -c 'import hashlib, sys
h = hashlib.sha256(sys.version.encode())
for name in sys.argv[1:]:
    h.update(open(name, "rb").read())
print(h.hexdigest()[:16])' "$@"
}

# Reinstall only when the lock file (or the Python) changes.
lock=requirements.lock; stamp="$VENV/.kit-installed"
if [ "$want_test" = "--test" ]; then lock=requirements-test.lock; stamp="$VENV/.kit-installed-test"; fi
want=$(digest "$lock" pyproject.toml)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  pip=("$VENV/bin/python" -m pip --quiet --disable-pip-version-check)
  "${pip[@]}" install --require-hashes -r "$lock"
  # The kit itself, with nothing more: setuptools, its build backend, comes from the lock.
  "${pip[@]}" install --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
# The kit's own code is installed editable, so where PYTHONDONTWRITEBYTECODE is set (as on this
# project's CI machines) Python would compile it again for every build: compiled here once, as
# pip compiles the packages it installs. Only changed files are compiled again.
"$VENV/bin/python" -m compileall -q hooks >/dev/null

[ "$want_test" = "--test" ] || exit 0

# --- programs the tests use ---------------------------------------------------------------
# The browser is found as the tests find it (tests/conftest.py: find_chromium).
find_chromium() {
  "$VENV/bin/python" -c 'import sys; sys.path.insert(0, "tests"); import conftest
print(conftest.find_chromium() or "")'
}
missing_packages() {  # Debian package names of what is missing
  local missing=()
  [ -n "$(find_chromium)" ] || missing+=(chromium)
  { command -v pdftotext && command -v pdftoppm; } >/dev/null || missing+=(poppler-utils)
  command -v zbarimg >/dev/null || missing+=(zbar-tools)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v npm >/dev/null || missing+=(npm)
  echo "${missing[*]}"
}

missing=$(missing_packages)
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing $missing from Debian..."
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null || true
  missing=$(missing_packages)
fi
if [ -n "$missing" ]; then
  {
    echo "The tests need programs this machine does not have: $missing"
    echo "  Debian or Ubuntu: sudo apt-get install $missing"
    echo "  macOS (Homebrew): brew install poppler openjdk node, and Chrome or Chromium"
    echo "  Any browser of the Chromium family will do: KIT_CHROMIUM=/path/to/chrome make test"
  } >&2
  if [ "${CI:-}" = true ]; then
    echo "CI=true: stopping here; in CI every test must run." >&2
    exit 1
  fi
  echo "Going on: the tests that need them will be skipped, and listed at the end." >&2
fi

# npm packages: the quality gates' tools (package.json: axe-core, html_codesniffer, vnu-jar)
# and the offline copy's shim (scripts/offline/package.json), which test_offline builds.
if command -v npm >/dev/null; then
  for folder in . scripts/offline; do
    lock_digest=$(digest "$folder/package-lock.json")
    if [ "$(cat "$folder/node_modules/.kit-installed" 2>/dev/null)" != "$lock_digest" ]; then
      npm ci --prefix "$folder" --silent --no-audit --no-fund
      echo "$lock_digest" > "$folder/node_modules/.kit-installed"
    fi
  done
fi
