"""Safe updates: a branded copy merges a new kit version and keeps its options and own records."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, mkdocs_build
from test_branding import OWN_ENABLER, OWN_STATEMENTS

pytestmark = pytest.mark.build

OPTIONS = """    organisation: Riverside Advice
    colour: "#1f4e79"
    own_records: our-kit
    switched_off: [fashion-and-rhetoric]"""


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Kit test", "-c", "user.email=kit@example.org",
                             "-c", "init.defaultBranch=main", *args],
                            cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stdout


def kit_options(project: Path) -> dict[str, object]:
    class Loader(yaml.SafeLoader):
        pass
    # mkdocs.yml uses MkDocs' own tags (!!python/name, !ENV); only extra.kit matters here.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return dict(config["extra"]["kit"])


def test_an_update_merged_as_publishing_md_says_keeps_options_and_own_records(tmp_path):
    # The kit's repository, as published.
    upstream = copy_project(tmp_path / "kit")
    git(upstream, "init", "-q")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "Kit 1")

    # The organisation's copy: its options in extra.kit, its own records folder, nothing else changed.
    ours = tmp_path / "riverside"
    git(tmp_path, "clone", "-q", str(upstream), str(ours))
    config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    assert '    organisation: ""' in config
    (ours / "mkdocs.yml").write_text(config.replace('    organisation: ""', OPTIONS), encoding="utf-8")
    (ours / "our-kit").mkdir()
    (ours / "our-kit" / "enablers.yml").write_text(OWN_ENABLER, encoding="utf-8")
    (ours / "our-kit" / "statements.yml").write_text(OWN_STATEMENTS, encoding="utf-8")
    git(ours, "add", "-A")
    git(ours, "commit", "-qm", "Riverside's options and records")
    before = kit_options(ours)

    # A new kit version: a record reworded, a page changed, mkdocs.yml changed away from extra.kit.
    barriers = upstream / "kit" / "barriers.yml"
    barriers.write_text(barriers.read_text(encoding="utf-8").replace("title: Glass ceilings",
                                                                     "title: Glass ceilings at the top", 1),
                        encoding="utf-8")
    about = upstream / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nThis paragraph came with the new version.\n",
                     encoding="utf-8")
    config = (upstream / "mkdocs.yml").read_text(encoding="utf-8")
    (upstream / "mkdocs.yml").write_text("# Kit version 2\n" + config, encoding="utf-8")
    git(upstream, "commit", "-qam", "Kit 2")

    # The steps in docs/publishing.md: a remote for the kit, fetch, merge, make site.
    steps = (Path(__file__).resolve().parent.parent / "docs" / "publishing.md").read_text(encoding="utf-8")
    assert "git remote add kit" in steps and "git fetch kit" in steps and "git merge kit/main" in steps
    git(ours, "remote", "add", "kit", str(upstream))
    git(ours, "fetch", "-q", "kit")
    git(ours, "merge", "-q", "--no-edit", "kit/main")

    assert kit_options(ours) == before
    assert (ours / "our-kit" / "enablers.yml").read_text(encoding="utf-8") == OWN_ENABLER
    assert (ours / "our-kit" / "statements.yml").read_text(encoding="utf-8") == OWN_STATEMENTS
    result = mkdocs_build(ours, ours / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    site = ours / "site"
    assert "Riverside Advice" in (site / "index.html").read_text(encoding="utf-8")
    assert "Peer mentors" in (site / "enablers" / "peer-mentors.html").read_text(encoding="utf-8")
    assert "Glass ceilings at the top" in (site / "barriers" / "glass-ceilings.html").read_text(encoding="utf-8")
    assert "came with the new version" in (site / "about.html").read_text(encoding="utf-8")
