"""A link to a download the build did not make is dropped; its words stay."""

from involvement_kit.web.downloads import drop_missing_downloads

MADE = {"downloads/scoring-quick-a4.pdf"}


def test_missing_download_becomes_text_and_made_ones_stay():
    text = ("[Quick check (A4)](../downloads/scoring-quick-a4.pdf) and "
            "[Full set (A4)](../downloads/scoring-full-a4.pdf){ .md-button }")
    assert drop_missing_downloads(text, "scoring/index.md", MADE) == (
        "[Quick check (A4)](../downloads/scoring-quick-a4.pdf) and Full set (A4)")


def test_other_links_are_untouched():
    text = "[Page](../enablers/index.md) [Web](https://example.org/x.pdf) ![Picture](../downloads/x.pdf)"
    assert drop_missing_downloads(text, "scoring/index.md", set()) == text


def test_the_offline_zip_is_linked_only_when_the_build_was_given_it():
    text = "[Download the offline copy](downloads/user-involvement-kit-offline.zip) (a zip)"
    assert drop_missing_downloads(text, "publishing.md", set()) == "Download the offline copy (a zip)"
    made = {"downloads/user-involvement-kit-offline.zip"}
    assert drop_missing_downloads(text, "publishing.md", made) == text


def test_the_publishing_page_links_the_offline_zip_and_the_workflow_publishes_it():
    from pathlib import Path

    import yaml

    from involvement_kit.pipeline import OFFLINE_ZIP

    root = Path(__file__).resolve().parent.parent
    assert f"]({OFFLINE_ZIP})" in (root / "docs" / "publishing.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load((root / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    build = workflow["jobs"]["build"]["steps"]
    assert any(step.get("with", {}).get("cache") == "pip" for step in build)
    assert any(step.get("run") == "make publish" for step in build)
    assert workflow["jobs"]["deploy"]["if"] == "github.event_name != 'pull_request'"
    assert "pages" not in workflow["permissions"]


def test_letter_comes_first_on_hand_written_pages_for_an_organisation_on_letter():
    import re

    from conftest import ROOT
    from involvement_kit.web.downloads import letter_first

    for page in ("print-cards.md", "scoring/index.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        pairs = re.findall(r"\(([^)\s]*)-a4\.pdf\)", text)
        assert pairs, page
        swapped = letter_first(text)
        for stem in pairs:
            a4, letter = swapped.index(f"{stem}-a4.pdf)"), swapped.index(f"{stem}-letter.pdf)")
            assert letter < a4, (page, stem)
        assert len(swapped) == len(text), page  # the order changes, nothing is lost
    cell = "| Deck | [Fold-over, A4](downloads/cards-fold-a4.pdf) · [US Letter](downloads/cards-fold-letter.pdf) | 2 |"
    assert letter_first(cell) == ("| Deck | [Fold-over, US Letter](downloads/cards-fold-letter.pdf) · "
                                  "[A4](downloads/cards-fold-a4.pdf) | 2 |")
