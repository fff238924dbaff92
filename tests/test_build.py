"""The real build: `mkdocs build --strict` and `make site` on copies of the project."""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import re
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_built_project, copy_project, mkdocs_build
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")

pytestmark = pytest.mark.build


def h1_text(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "page has no h1"
    inner = re.sub(r"<a class=\"headerlink\".*?</a>", "", match.group(1), flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", "", inner)).strip()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def break_kit(project: Path) -> None:
    path = project / "kit" / "barriers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("summary:", "sumary:", 1), encoding="utf-8")


def test_every_record_has_a_page_in_the_site(built_site):
    for record in KIT.enablers + KIT.barriers:
        html = (built_site / record.page.replace(".md", ".html")).read_text(encoding="utf-8")
        assert h1_text(html) == record.title
    leadership = (built_site / "leadership" / "index.html").read_text(encoding="utf-8")
    for behaviour in KIT.leader_behaviours:
        assert f'id="{behaviour.id}"' in leadership


def test_generated_pages_are_in_navigation_and_search(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for record in KIT.enablers + KIT.barriers:
        url = record.page.replace(".md", ".html")
        assert f'href="{url}"' in home, f"{url} not in the navigation"
        assert url in locations, f"{url} not in the search index"


def test_site_needs_nothing_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "googletagmanager"):
            assert marker not in text, f"{page.name} refers to {marker}"


def test_strict_build_prints_no_warning(site_build):
    # site_build: the run's one real `mkdocs build --strict` of a copy of the project.
    result = site_build
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
    pages = list(site_build.site.rglob("*.html"))
    assert len(pages) >= len(KIT.enablers) + len(KIT.barriers) + 4


def test_broken_kit_leaves_last_good_site_through_mkdocs_build(site_build, tmp_path):
    # The project as a good `mkdocs build --strict` left it: site and build cache.
    project = copy_built_project(site_build, tmp_path / "project")
    site = project / "site"
    before = snapshot(site)
    break_kit(project)
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "kit/barriers.yml" in output and "'sumary'" in output and "did you mean 'summary'" in output
    assert snapshot(site) == before


def make_site(project: Path) -> subprocess.CompletedProcess:
    # `-o setup`: use this checkout's environment rather than installing into the copy.
    env = dict(os.environ, VENV=str(ROOT / ".venv"))
    return subprocess.run(["make", "-o", "setup", "site"], cwd=project, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def make_project(tmp_path):
    project = copy_project(tmp_path / "project")
    for extra in ("Makefile", "scripts"):
        src = ROOT / extra
        (project / extra).symlink_to(src, target_is_directory=src.is_dir())
    return project


def test_make_site_swaps_in_only_a_good_build_and_rebuilds_after_an_edit(make_project):
    project = make_project
    first = make_site(project)
    assert first.returncode == 0, first.stdout + first.stderr
    page = project / "site" / "barriers" / "glass-ceilings.html"
    assert "Glass ceilings" in page.read_text(encoding="utf-8")

    # An edited record shows up on the next build.
    path = project / "kit" / "barriers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Glass ceilings", "title: Glass ceilings here"),
                    encoding="utf-8")
    assert make_site(project).returncode == 0
    assert "Glass ceilings here" in page.read_text(encoding="utf-8")

    # A broken record stops the build and the last good site stays exactly as it was.
    before = snapshot(project / "site")
    break_kit(project)
    result = make_site(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "kit/barriers.yml" in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert not (project / ".site-staging").exists() or not (project / ".site-staging" / "index.html").exists()


def test_a_build_given_the_offline_zip_publishes_it_and_links_it(site_build, tmp_path, monkeypatch):
    project = copy_built_project(site_build, tmp_path / "project")
    (project / "build").mkdir()
    (project / "build" / "offline.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setenv("KIT_OFFLINE_ZIP", "build/offline.zip")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "downloads" / "user-involvement-kit-offline.zip").is_file()
    page = (tmp_path / "site" / "publishing.html").read_text(encoding="utf-8")
    assert 'href="downloads/user-involvement-kit-offline.zip"' in page
    # Without it (the shared build), the words stay and no link is dead.
    page = (site_build.site / "publishing.html").read_text(encoding="utf-8")
    assert "Download the offline copy" in page and "offline.zip\"" not in page
