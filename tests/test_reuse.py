"""A rebuild with nothing changed reuses the prepared result; any change in an input redoes it."""

from __future__ import annotations

import logging
import shutil

import material
import pytest
from pathlib import Path

import involvement_kit.pipeline.prepare as project
from conftest import ROOT
from involvement_kit.errors import KitError
from involvement_kit.pipeline.reuse import fingerprint, prepare_reusing

ICONS = [Path(material.__file__).parent / "templates" / ".icons"]
OPTIONS = {"public_url": "https://kit.example.org", "kit_dir": "kit"}


@pytest.fixture
def project_dir(tmp_path):
    for part in ("kit", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def run(project_dir, options=OPTIONS):
    return prepare_reusing(project_dir, options, docs_dir=project_dir / "docs", icon_dirs=ICONS,
                           site_name="User involvement kit")


def test_nothing_changed_means_nothing_is_prepared_again(project_dir, monkeypatch):
    first = run(project_dir)
    monkeypatch.setattr(project, "prepare", lambda *a, **k: pytest.fail("prepared again with nothing changed"))
    second = run(project_dir)
    assert second.pages == first.pages and second.downloads == first.downloads and second.kit == first.kit


@pytest.mark.parametrize("change", ["record", "option", "docs page", "deleted download"])
def test_any_change_prepares_again(project_dir, change):
    first = run(project_dir)
    options = OPTIONS
    if change == "record":
        path = project_dir / "kit" / "barriers.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: Glass ceilings", "title: Glass roofs"),
                        encoding="utf-8")
    elif change == "option":
        options = dict(OPTIONS, organisation="Riverside Advice")
    elif change == "docs page":
        (project_dir / "docs" / "easy-read" / "reviewers.md").write_text("# Changed\n", encoding="utf-8")
    else:
        Path(first.downloads[0][1]).unlink()
    calls = []
    real = project.prepare
    project.prepare = lambda *a, **k: calls.append(1) or real(*a, **k)
    try:
        again = run(project_dir, options)
    finally:
        project.prepare = real
    assert calls == [1]
    if change == "record":
        assert any(p.title == "Glass roofs" for p in again.pages)
    if change == "deleted download":
        assert Path(again.downloads[0][1]).is_file()


def test_a_mistake_is_never_stored(project_dir):
    path = project_dir / "kit" / "barriers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("summary:", "sumary:", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(KitError):
            run(project_dir)


def test_warnings_are_logged_again_when_reused(project_dir, monkeypatch, caplog):
    real = project.prepare

    def warn_then_prepare(*args, **kwargs):
        logging.getLogger("mkdocs.hooks.kit").warning("a sentence is long")
        return real(*args, **kwargs)

    monkeypatch.setattr(project, "prepare", warn_then_prepare)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.kit"):
        run(project_dir)
        first = [r.getMessage() for r in caplog.records]
        caplog.clear()
        monkeypatch.setattr(project, "prepare", lambda *a, **k: pytest.fail("prepared again"))
        run(project_dir)
        assert [r.getMessage() for r in caplog.records] == first == ["a sentence is long"]


def test_fingerprint_covers_the_kit_core_itself(project_dir):
    key = fingerprint(project_dir, OPTIONS, docs_dir=project_dir / "docs", icon_dirs=ICONS, site_name="x")
    assert key == fingerprint(project_dir, OPTIONS, docs_dir=project_dir / "docs", icon_dirs=ICONS, site_name="x")
    assert key != fingerprint(project_dir, OPTIONS, docs_dir=project_dir / "docs", icon_dirs=ICONS, site_name="y")


# --- a live preview (`mkdocs serve`) -----------------------------------------------------

def pdf_text(path) -> str:
    from pypdf import PdfReader
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def edit_summary(project_dir, marker: str) -> None:
    path = project_dir / "kit" / "enablers.yml"
    text = path.read_text(encoding="utf-8")
    old = "summary: One organisation showed that users can hold any role"
    assert old in text
    path.write_text(text.replace(old, f"summary: {marker} showed that users can hold any role"), encoding="utf-8")


def test_a_live_preview_shows_a_record_edit_on_its_card_at_once_and_in_the_decks_after(project_dir):
    run(project_dir)
    edit_summary(project_dir, "Riverside Zebra")
    live = prepare_reusing(project_dir, OPTIONS, docs_dir=project_dir / "docs", icon_dirs=ICONS,
                           site_name="User involvement kit", live=True)
    served = dict(live.downloads)
    # The record's own card is made before the pages show (every card's fit is measured first).
    assert "Riverside Zebra" in pdf_text(served["downloads/cards/equality-of-opportunity.pdf"])
    # The decks, which gather the cards, are served as made before, then remade.
    assert "Riverside Zebra" not in pdf_text(served["downloads/cards-fold-a4.pdf"])
    assert "Riverside Zebra" not in pdf_text(served["downloads/cards-a4.pdf"])
    assert live.later
    remade = dict(live.later.finish())
    assert "Riverside Zebra" in pdf_text(remade["downloads/cards-fold-a4.pdf"])
    assert "Riverside Zebra" in pdf_text(remade["downloads/cards-a4.pdf"])
    assert "Riverside Zebra" in pdf_text(remade["downloads/packs/board-session-a4.pdf"])
    # What was served late is never stored: the next build is whole.
    again = run(project_dir)
    assert not again.later
    assert dict(again.downloads)["downloads/cards-fold-a4.pdf"] == remade["downloads/cards-fold-a4.pdf"]


def test_a_build_never_serves_a_deck_as_made_before(project_dir):
    run(project_dir)
    edit_summary(project_dir, "Riverside Zebra")
    built = run(project_dir)
    assert not built.later
    assert "Riverside Zebra" in pdf_text(dict(built.downloads)["downloads/cards-fold-a4.pdf"])
