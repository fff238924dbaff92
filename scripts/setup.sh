#!/usr/bin/env bash
# Set up everything the kit needs, once; cheap to run again (it skips what is done).
#   scripts/setup.sh          Python environment for building the kit
#   scripts/setup.sh --test   plus what the tests need: Chromium, poppler, npm packages
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
want_test=${1:-}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "The kit needs Python 3.11 or newer as '$PYTHON'. Install it, or run: make PYTHON=/path/to/python3.11 ..." >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV" || {
    echo "Could not create a virtual environment. On Debian: apt-get install python3-venv" >&2; exit 1; }
fi

# Reinstall only when the pinned dependencies change.
extras=""; stamp="$VENV/.kit-installed"
if [ "$want_test" = "--test" ]; then extras="[test]"; stamp="$VENV/.kit-installed-test"; fi
digest=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".$extras"
  echo "$digest" > "$stamp"
fi

[ "$want_test" = "--test" ] || exit 0

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} from Debian..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [ -f package-lock.json ]; then
  lock_digest=$(sha256sum package-lock.json | cut -c1-16)
  if [ "$(cat node_modules/.kit-installed 2>/dev/null)" != "$lock_digest" ]; then
    npm ci --silent --no-audit --no-fund
    echo "$lock_digest" > node_modules/.kit-installed
  fi
fi
