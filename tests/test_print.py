"""Pages print cleanly: body text at least 12 pt, no navigation, full link addresses."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")

pytestmark = pytest.mark.browser


def print_to_pdf(page, url: str, path: Path) -> Path:
    page.goto(url)
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", print_background=False)
    return path


def text_sizes(path: Path) -> Counter:
    """Characters of text by their printed size in points."""
    sizes: Counter = Counter()
    for pdf_page in PdfReader(path).pages:
        def visit(text, cm, tm, font, size):
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            letters = sum(1 for ch in text if ch.isalpha())
            if letters:
                sizes[round(size * scale, 1)] += letters
        pdf_page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("address", ["enablers/{}.html".format(KIT.enablers[0].id), "leadership/index.html"])
def test_printed_body_text_is_at_least_12pt(page, site_url, tmp_path, address):
    pdf = print_to_pdf(page, f"{site_url}/{address}", tmp_path / "page.pdf")
    sizes = text_sizes(pdf)
    total = sum(sizes.values())
    body_size, _ = sizes.most_common(1)[0]
    assert body_size >= 11.95, f"most text prints at {body_size} pt: {sizes.most_common(5)}"
    small = sum(n for size, n in sizes.items() if size < 11.95)
    # Only printed link addresses may be smaller than body text.
    assert small / total < 0.25, f"{small} of {total} letters print under 12 pt: {sorted(sizes.items())}"


def test_print_has_no_navigation_and_shows_full_addresses(page, site_url, tmp_path):
    record = KIT.enablers[0]
    pdf = print_to_pdf(page, f"{site_url}/{record.page.replace('.md', '.html')}", tmp_path / "page.pdf")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert record.title in text
    assert "Skip to content" not in text and "Table of contents" not in text
    # The default build has no public_url, so no placeholder address is printed (test_print_links
    # adds the published address when there is one).
    assert "example.org" not in text, "a placeholder address prints"
