"""Shared fixtures: one real build of the kit shared by every test (and every xdist worker),
a local web server, Chromium, and the tools beyond Python that some tests need.

A test that needs a tool this machine lacks is skipped with the reason, and the end of the
run lists what was skipped and how to install it. With CI=true a missing tool is a
failure, never a skip.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The gates' helpers (gates_browser.focus_sweep) also serve the browser tests' own states.
sys.path.insert(0, str(ROOT / "tests" / "gates"))
IN_CI = os.environ.get("CI") == "true"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# What a build needs beside the kit records; copied so tests never touch the real site/.
PROJECT_PARTS = ["mkdocs.yml", "docs", "kit", "hooks", "overrides"]
QR_PACKAGE = Path("node_modules") / "qrcode-generator"


# --- tools beyond Python -------------------------------------------------------------------

MISSING = "missing tool"
# name: (what it is, how to install it). Tests ask for them with @pytest.mark.needs(name)
# or, for Chromium, through the `browser` fixture.
TOOLS = {
    "chromium": ("a Chromium or Chrome browser",
                 "apt-get install chromium (Debian), or set KIT_CHROMIUM=/path/to/chrome"),
    "poppler": ("pdftotext and pdftoppm", "apt-get install poppler-utils (macOS: brew install poppler)"),
    "zbar": ("zbarimg, to decode the QR codes on cards", "apt-get install zbar-tools (macOS: brew install zbar)"),
    "java": ("Java, for the Nu HTML Checker", "apt-get install default-jre-headless (macOS: brew install openjdk)"),
    "node": ("Node.js", "apt-get install nodejs (macOS: brew install node)"),
    "axe-core": ("axe-core, from package.json", "npm ci (needs npm: apt-get install npm)"),
    "html_codesniffer": ("HTML_CodeSniffer, from package.json", "npm ci (needs npm: apt-get install npm)"),
    "vnu-jar": ("the Nu HTML Checker, from package.json", "npm ci (needs npm: apt-get install npm)"),
    "qrcode-generator": ("the QR library the scorers draw answer codes with, from package.json",
                         "npm ci (needs npm: apt-get install npm)"),
    "jsqr": ("a QR reader, from package.json, to read the drawn codes back", "npm ci (needs npm: apt-get install npm)"),
    "iframe-worker": ("the offline copy's search shim, from scripts/offline/package.json",
                      "npm ci --prefix scripts/offline (needs npm: apt-get install npm)"),
}
_FILES = {
    "axe-core": ROOT / "node_modules" / "axe-core" / "axe.min.js",
    "html_codesniffer": ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js",
    "vnu-jar": ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
    "iframe-worker": ROOT / "scripts" / "offline" / "node_modules" / "iframe-worker" / "shim" / "index.js",
    "qrcode-generator": ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.js",
    "jsqr": ROOT / "node_modules" / "jsqr" / "dist" / "jsQR.js",
}
_COMMANDS = {"poppler": ("pdftotext", "pdftoppm"), "zbar": ("zbarimg",), "java": ("java",), "node": ("node",)}


def _playwright_browsers() -> list[Path]:
    """Chromium builds that Playwright downloaded (`playwright install`), newest first."""
    folders = [os.environ.get("PLAYWRIGHT_BROWSERS_PATH", ""), "~/.cache/ms-playwright",
               "~/Library/Caches/ms-playwright", os.path.join(os.environ.get("LOCALAPPDATA", "~"), "ms-playwright")]
    patterns = ["chromium-*/chrome-linux*/chrome", "chromium-*/chrome-mac*/Chromium.app/Contents/MacOS/Chromium",
                "chromium-*/chrome-mac*/*.app/Contents/MacOS/Google Chrome for Testing",
                "chromium-*/chrome-win*/chrome.exe", "chromium_headless_shell-*/chrome-*/headless_shell"]
    found = []
    for folder in folders:
        if folder and folder != "0" and Path(folder).expanduser().is_dir():
            for pattern in patterns:
                found += Path(folder).expanduser().glob(pattern)

    def revision(path: Path) -> int:
        number = re.search(r"-(\d+)$", next(p for p in path.parts if p.startswith("chromium")))
        return int(number.group(1)) if number else 0
    return sorted((p for p in found if os.access(p, os.X_OK)), key=revision, reverse=True)


@functools.cache
def find_chromium() -> Path | None:
    """The browser the tests drive: $KIT_CHROMIUM if set (a path or a command name), else
    `chromium`, `chromium-browser` or `google-chrome` on PATH, else a Chromium that
    Playwright downloaded. None if there is none. scripts/setup.sh asks this function too."""
    wanted = os.environ.get("KIT_CHROMIUM", "").strip()
    if wanted:
        found = shutil.which(wanted)
        return Path(found) if found else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return Path(found)
    downloaded = _playwright_browsers()
    return downloaded[0] if downloaded else None


def tool_problem(name: str) -> str | None:
    """None if the tool is here; otherwise what is missing and how to install it."""
    if name == "chromium":
        if find_chromium():
            return None
        wanted = os.environ.get("KIT_CHROMIUM", "").strip()
        detail = f"KIT_CHROMIUM={wanted} is not a program" if wanted else "no chromium, chromium-browser or google-chrome"
    elif name in _FILES:
        if _FILES[name].is_file():
            return None
        detail = f"{_FILES[name].relative_to(ROOT)} is missing"
    else:
        absent = [command for command in _COMMANDS[name] if shutil.which(command) is None]
        if not absent:
            return None
        detail = f"{' and '.join(absent)} not on PATH"
    what, how = TOOLS[name]
    return f"{MISSING} '{name}': {what} ({detail}); install: {how}"


def need_tool(name: str) -> None:
    """Skip the test if the tool is missing, or fail it when CI=true."""
    problem = tool_problem(name)
    if problem is None:
        return
    if IN_CI:
        pytest.fail(f"{problem} [CI=true: a missing tool is a failure, never a skip]", pytrace=False)
    pytest.skip(problem)


def pytest_configure(config):
    if IN_CI and os.environ.get("UPDATE_GOLDEN") == "1":
        raise pytest.UsageError("UPDATE_GOLDEN=1 with CI=true: golden files are rewritten only on a developer's "
                                "machine, where the diff is read before it is committed (tests/golden.py)")


def pytest_collection_modifyitems(config, items):
    # Whatever a module's own markers say: a test that uses Chromium is a browser test, and
    # one that uses the shared built site depends on a real build (for `-m "not ..."`).
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {"browser", "page"}:
            item.add_marker(pytest.mark.browser)
        if names & {"built_site", "site_build"}:
            item.add_marker(pytest.mark.build)


def pytest_runtest_setup(item):
    # Before any fixture is set up, so a missing tool costs nothing.
    for mark in item.iter_markers("needs"):
        for name in mark.args:
            need_tool(name)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The tests skipped (or, with CI=true, failed) for a missing tool, and how to install it."""
    tests: dict[str, set[str]] = {}
    for kind in ("skipped", "failed", "error"):
        for report in terminalreporter.stats.get(kind, []):
            longrepr = getattr(report, "longrepr", None)
            text = " ".join(map(str, longrepr)) if isinstance(longrepr, tuple) else str(longrepr or "")
            for name in re.findall(rf"{MISSING} '([\w-]+)'", text):
                tests.setdefault(name, set()).add(report.nodeid)
    if not tests:
        return
    title = "failed for a missing tool (CI=true)" if IN_CI else "skipped for a missing tool"
    terminalreporter.section(title, sep="=", yellow=True, bold=True)
    for name in sorted(tests, key=lambda n: -len(tests[n])):
        what, how = TOOLS.get(name, (name, "?"))
        terminalreporter.write_line(f"{len(tests[name]):4d} tests need {name} ({what}): {how}")
    terminalreporter.write_line("Or run `make setup-test` as root on Debian, which installs all of them.")


# --- builds --------------------------------------------------------------------------------

def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    # The one npm package the build copies into the site (the answer codes' QR library).
    if (ROOT / QR_PACKAGE).is_dir():
        shutil.copytree(ROOT / QR_PACKAGE, dest / QR_PACKAGE)
    return dest


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict`, as a maintainer runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


@dataclass(frozen=True)
class SiteBuild:
    """The shared build: a copy of the project with its site built in `project/site`."""
    project: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def site(self) -> Path:
        return self.project / "site"


def _shared_folder(tmp_path_factory) -> Path:
    """A folder that every xdist worker of this run sees (the standard pytest-xdist recipe)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """The whole kit, built once per test run with the real `mkdocs build --strict` from a copy
    of the working tree, and shared by every test and every xdist worker: the first worker
    to ask builds it under a file lock, the others wait for it and reuse it. Tests only
    read it; a test that changes a built project works on `copy_built_project`."""
    shared = _shared_folder(tmp_path_factory) / "kit-site-build"
    shared.mkdir(exist_ok=True)
    record = shared / "result.json"
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            project = shared / "project"
            shutil.rmtree(project, ignore_errors=True)
            copy_project(project)
            result = mkdocs_build(project, project / "site")
            record.write_text(json.dumps({"returncode": result.returncode, "stdout": result.stdout,
                                          "stderr": result.stderr}), encoding="utf-8")
    return SiteBuild(project=shared / "project", **json.loads(record.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """The site of the shared build (see site_build). Read only."""
    assert site_build.returncode == 0, site_build.stdout + site_build.stderr
    return site_build.site


def copy_built_project(site_build: SiteBuild, dest: Path) -> Path:
    """A copy of the shared build's project, its site and build cache included: the same
    folder a maintainer has after a good `mkdocs build --strict`, for tests that change it."""
    assert site_build.returncode == 0, site_build.stdout + site_build.stderr
    shutil.copytree(site_build.project, dest, symlinks=True)
    return dest


# --- a local web server and the browser ----------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Chromium (find_chromium) through Playwright. Missing in CI is a failure, never a skip."""
    need_tool("chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(find_chromium()), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
