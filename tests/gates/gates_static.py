"""Static gates on the built folder: valid HTML (Nu HTML Checker) and links that resolve."""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from gates_site import VNU_JAR, need, site_pages
from vnu_filters import accepted


def vnu_messages(site: Path) -> list[dict]:
    """The Nu HTML Checker's messages for every HTML file in `site`."""
    jar = need(VNU_JAR)
    result = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--skip-non-html", "--stdout", str(site)],
                            capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return report["messages"]


def vnu_problems(site: Path) -> list[str]:
    problems = []
    for m in vnu_messages(site):
        if m["type"] == "info" or accepted(m):
            continue
        where = m.get("url", "").split(str(site), 1)[-1].lstrip("/")
        extract = " ".join(m.get("extract", "").split())
        problems.append(f"{where}, line {m.get('lastLine', '?')}: {m['type']}: {m['message']} [{extract}]")
    return problems


# Attributes that point at another file, and the elements that carry them.
_URL_ATTRS = {"href": None, "src": None, "data": {"object"}, "poster": {"video"}, "action": {"form"}}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name, tags in _URL_ATTRS.items():
            if attrs.get(name) is not None and (tags is None or tag in tags):
                self.refs.append((tag, name, attrs[name]))
        for name in ("srcset", "imagesrcset"):
            for candidate in (attrs.get(name) or "").split(","):
                if candidate.strip():
                    self.refs.append((tag, name, candidate.split()[0]))


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def link_problems(site: Path, stats: dict | None = None) -> list[str]:
    """Every internal link, anchor and linked file in the site resolves.

    Internal means no scheme and no host. `href="page.html#id"` needs an element with
    that id in page.html; a linked file (a download, an image, a stylesheet) must exist
    and not be empty. `javascript:` links are problems too.
    """
    site = Path(site).resolve()
    parsed: dict[Path, _PageParser] = {}

    def page_of(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    problems = []
    stats = stats if stats is not None else {}
    stats.update(pages=0, links=0, anchors=0, files=0)
    for rel in site_pages(site):
        stats["pages"] += 1
        source = site / rel
        for tag, attr, value in page_of(source).refs:
            value = value.strip()
            parts = urlsplit(value)
            if parts.scheme == "javascript":
                problems.append(f"{rel}: <{tag} {attr}> uses a javascript: address: {value[:80]}")
                continue
            if parts.scheme or parts.netloc or value.startswith("//"):
                continue  # another site (privacy is the browser gate's job), mailto:, tel:, data:
            stats["links"] += 1
            if parts.path:
                path = unquote(parts.path)
                base = PurePosixPath("/") if path.startswith("/") else PurePosixPath("/" + rel).parent
                target_rel = _normalise(base / path.lstrip("/"))
                if target_rel is None:
                    problems.append(f"{rel}: <{tag} {attr}=\"{value}\"> points above the site's root")
                    continue
                target = site / target_rel
                if target.is_dir() or path.endswith("/"):
                    target = target / "index.html"
            else:
                target = source
            if not target.is_file():
                problems.append(f"{rel}: <{tag} {attr}=\"{value}\"> points to "
                                f"{target.relative_to(site).as_posix()}, which does not exist")
                continue
            if target.stat().st_size == 0:
                problems.append(f"{rel}: <{tag} {attr}=\"{value}\"> points to an empty file")
                continue
            if target.suffix != ".html":
                stats["files"] += 1
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                stats["anchors"] += 1
            if fragment and target.suffix == ".html" and fragment not in page_of(target).ids:
                problems.append(f"{rel}: <{tag} {attr}=\"{value}\"> points to an anchor '#{fragment}' "
                                f"that {target.relative_to(site).as_posix()} does not have")
    return problems


def _normalise(path: PurePosixPath) -> str | None:
    parts: list[str] = []
    for part in path.parts[1:]:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
