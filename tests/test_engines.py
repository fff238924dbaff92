"""The same mkdocs.yml builds with ProperDocs, the maintained MkDocs 1.x fork."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project

PROPERDOCS = Path(sys.executable).parent / "properdocs"

pytestmark = pytest.mark.build


def properdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".html", ".pdf")}


def test_properdocs_builds_the_same_pages_and_downloads(tmp_path, built_site):
    project = copy_project(tmp_path / "project")
    result = properdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert pages(project / "site") == pages(built_site)


def test_properdocs_reports_a_content_mistake_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "kit" / "barriers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("summary:", "sumary:", 1), encoding="utf-8")
    result = properdocs_build(project, project / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "kit/barriers.yml" in result.stderr and "'sumary'" in result.stderr
