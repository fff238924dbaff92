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
