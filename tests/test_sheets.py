"""Paper scoring sheets: read back from the built PDFs, with the right statements and paper sizes."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from kitfiles import render_paper
from conftest import ROOT
from involvement_kit import __version__
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.paper import sheets
from involvement_kit.paper.sheets import build_sheet

KIT = load_kit(ROOT / "kit", version=__version__)
# Page sizes in PostScript points.
SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
SHEETS = [(s, p) for s in ("quick", "full") for p in ("a4", "letter")]


def flat(text: str) -> str:
    """PDF text with line breaks and curly quotes evened out, for matching sentences."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def pdf_texts(built_site):
    out = {}
    for set_name, paper in SHEETS:
        reader = PdfReader(built_site / "downloads" / f"scoring-{set_name}-{paper}.pdf")
        out[(set_name, paper)] = (reader, flat(" ".join(page.extract_text() for page in reader.pages)))
    return out


@pytest.mark.parametrize("set_name, paper", SHEETS)
def test_sheet_has_the_right_paper_and_statements(pdf_texts, set_name, paper):
    reader, text = pdf_texts[(set_name, paper)]
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == tuple(round(x, 1) for x in SIZES[paper])
    chosen = KIT.quick_check if set_name == "quick" else KIT.statements
    for s in chosen:
        assert flat(s.text) in text, s.id
        for level in s.levels:
            assert flat(level) in text, (s.id, level)
    if set_name == "quick":
        for s in KIT.statements:
            if not s.quick:
                assert flat(s.text) not in text, s.id
    assert text.count("What makes you say that?") == len(chosen)
    assert text.count("What would move us up one level?") == len(chosen)
    assert text.count("Don't know") >= len(chosen)
    for role in Options().roles:
        assert role in text
    assert f"Kit version {KIT.version}" in text
    assert "Add up your scores" in text
    assert not re.search(r"\bname\s*:", text, re.I)     # no name field


@pytest.mark.parametrize("set_name, paper", SHEETS)
def test_sheet_body_text_is_at_least_12_point(pdf_texts, set_name, paper):
    reader, _ = pdf_texts[(set_name, paper)]
    statement_texts = {flat(s.text)[:30] for s in KIT.statements}
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        sizes.append((font_size * scale, flat(text).strip()))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert min(size for size, _ in sizes) >= 10 - 0.01      # page headers, footers and labels
    body = [size for size, text in sizes if any(text.lstrip("0123456789. ").startswith(t[:20])
                                                 for t in statement_texts)]
    assert body and min(body) >= 12 - 0.01
    # Most of the text is body text, at 12 pt or more.
    assert sum(1 for size, _ in sizes if size >= 11.99) / len(sizes) > 0.8


def test_sheets_number_statements_as_the_scorer_does():
    quick = build_sheet(KIT, Options(), "quick")
    numbered = [s for area in quick["areas"] for s in area["statements"]]
    assert [s["number"] for s in numbered] == list(range(1, len(KIT.quick_check) + 1))
    assert [s["id"] for s in numbered] == [s.id for area in KIT.areas for s in KIT.statements_for(area.id) if s.quick]
    assert quick["url"] == ""
    full = build_sheet(KIT, Options(public_url="https://example.org/kit"), "full")
    assert full["url"] == "https://example.org/kit/scoring/index.html"
    assert full["count"] == len(KIT.statements)
    assert build_sheet(KIT, Options(organisation="Riverside Advice"), "quick")["organisation"] == "Riverside Advice"


def test_organisation_name_is_printed_when_set(tmp_path):
    outputs = dict(render_paper(sheets.batch, KIT, Options(organisation="Riverside Advice"), cache_dir=tmp_path))
    text = PdfReader(outputs["downloads/scoring-quick-a4.pdf"]).pages[0].extract_text()
    assert "For Riverside Advice" in flat(text)


def test_sheets_are_cached_and_the_same_inputs_give_the_same_bytes(tmp_path):
    first = render_paper(sheets.batch, KIT, Options(), cache_dir=tmp_path / "one")
    stamps = {site: path.stat().st_mtime_ns for site, path in first}
    again = render_paper(sheets.batch, KIT, Options(), cache_dir=tmp_path / "one")
    assert {site: path.stat().st_mtime_ns for site, path in again} == stamps
    other = render_paper(sheets.batch, KIT, Options(), cache_dir=tmp_path / "two")
    assert [p.read_bytes() for _, p in first] == [p.read_bytes() for _, p in other]
    assert sorted(site for site, _ in first) == sorted(
        f"downloads/scoring-{s}-{p}.pdf" for s, p in SHEETS)


def test_scorer_page_links_every_sheet(built_site):
    html = (built_site / "scoring" / "index.html").read_text(encoding="utf-8")
    for set_name, paper in SHEETS:
        assert f"../downloads/scoring-{set_name}-{paper}.pdf" in html
