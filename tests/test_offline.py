"""The offline copy works opened from disk: search, saved answers, and no network."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")

pytestmark = [pytest.mark.browser, pytest.mark.build, pytest.mark.needs("iframe-worker")]


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_offline.py"), "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    unzipped = out / "unzipped"
    with zipfile.ZipFile(out / "user-involvement-kit-offline.zip") as archive:
        archive.extractall(unzipped)
    return unzipped


def test_zip_holds_the_inlined_search_index_and_no_remote_script(offline_copy):
    assert (offline_copy / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index =")
    for page in offline_copy.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


def test_search_works_from_disk_with_no_request_to_any_host(offline_copy, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    target = KIT.barriers[0]
    page.goto((offline_copy / "index.html").as_uri())
    page.get_by_label("Search", exact=False).first.click()
    page.keyboard.type(target.title)
    result = page.locator(".md-search-result__item").filter(has_text=target.title).first
    result.wait_for(state="visible", timeout=15_000)
    result.locator("a").first.click()
    page.wait_for_url(f"**/{target.page.replace('.md', '.html')}*")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == target.title
    remote = [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))]
    assert remote == []


def test_ticks_are_kept_across_a_reload_from_disk(offline_copy, page):
    page.goto((offline_copy / "leadership" / "index.html").as_uri())
    box = page.get_by_label(KIT.leader_behaviours[0].title, exact=True)
    box.check()
    page.reload()
    assert page.get_by_label(KIT.leader_behaviours[0].title, exact=True).is_checked()


def test_scores_are_kept_across_a_reload_from_disk(offline_copy, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_copy / "scoring" / "index.html").as_uri())
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    quick = [s["id"] for s in page.evaluate("() => window.KIT_SCORING.statements") if s["quick"]]
    page.check("#kit-role-1")
    page.check(f"#kit-{quick[0]}-2")
    page.check(f"#kit-{quick[1]}-0")
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert page.is_checked("#kit-role-1")
    assert page.is_checked(f"#kit-{quick[0]}-2") and page.is_checked(f"#kit-{quick[1]}-0")
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))] == []
