"""Shared helpers for the quality gates: the list of pages, a local server, the npm tools.

Every gate takes its pages from `site_pages`, which reads the built site itself
(sitemap.xml plus every *.html file), so a page added later is checked without
anyone touching the gates.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
HTMLCS_JS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to `site` ('index.html', 'barriers/x.html').

    The union of the pages sitemap.xml lists and every *.html file in the folder. A sitemap
    entry with no file behind it is an error: a page search engines would send people to.
    """
    site = Path(site)
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    missing = []
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        for loc in ET.parse(sitemap).getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            found = _sitemap_file(site, (loc.text or "").strip())
            if found is None:
                missing.append(loc.text)
            else:
                pages.add(found)
    assert not missing, f"sitemap.xml lists pages that are not in the site: {missing}"
    assert pages, f"no pages found in {site}"
    return sorted(pages)


def _sitemap_file(site: Path, loc: str) -> str | None:
    # The sitemap holds absolute addresses under site_url, which may have a path of its
    # own; drop leading path segments until what is left is a file in the site.
    parts = [unquote(p) for p in urlparse(loc).path.split("/")]
    if not parts[-1]:
        parts[-1] = "index.html"
    parts = [p for p in parts if p]
    for start in range(len(parts)):
        candidate = "/".join(parts[start:])
        path = site / candidate
        if path.is_dir():
            path, candidate = path / "index.html", candidate + "/index.html"
        if path.is_file() and path.suffix == ".html":
            return candidate
    return None


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the hash of its bytes: equal snapshots, untouched folder."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def need(tool: Path) -> Path:
    """An npm-installed test tool. Missing in CI is a failure, never a skip (like the browser)."""
    if tool.exists():
        return tool
    message = f"{tool.relative_to(ROOT)} is missing; run `make setup-test` (npm ci)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on 127.0.0.1 for the duration of the block; yields the base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
