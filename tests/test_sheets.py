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
        # The full set says what each level looks like; the quick check keeps to the scale.
        for level in s.levels:
            # A line may break after a hyphen ("decision-" / "makers").
            assert (flat(level) in text.replace("- ", "-")) == (set_name == "full"), (s.id, level)
    if set_name == "quick":
        for s in KIT.statements:
            if not s.quick:
                assert flat(s.text) not in text, s.id
    # Compact: the quick check on the two sides of one sheet, the full set on at most 8 pages,
    # numbered within the sheet.
    pages = len(reader.pages)
    assert pages <= (2 if set_name == "quick" else 8), pages
    label = "Quick check" if set_name == "quick" else "Full set"
    for number in range(1, pages + 1):
        assert f"{label}: page {number} of {pages}" in text
    assert "What would move you up one level?" in text
    assert "Don't know" in text or "Don’t know" in text
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
        [f"downloads/scoring-{s}-{p}.pdf" for s, p in SHEETS] + [f"downloads/scoring-{s}-shared-{p}.pdf" for s, p in SHEETS])


def test_scorer_page_links_every_sheet(built_site):
    html = (built_site / "scoring" / "index.html").read_text(encoding="utf-8")
    for set_name, paper in SHEETS:
        assert f"../downloads/scoring-{set_name}-{paper}.pdf" in html


@pytest.mark.parametrize("set_name", ["quick", "full"])
def test_a_shared_sheet_has_a_column_and_a_role_box_for_each_person(tmp_path, set_name):
    outputs = dict(render_paper(sheets.batch, KIT, Options(), cache_dir=tmp_path))
    for paper in ("a4", "letter"):
        reader = PdfReader(outputs[f"downloads/scoring-{set_name}-shared-{paper}.pdf"])
        text = flat(" ".join(page.extract_text() for page in reader.pages))
        assert len(reader.pages) <= (2 if set_name == "quick" else 8)
        assert text.count("Your role (tick one)") == 2 and "A: Your role" in text and "B: Your role" in text
        for role in Options().roles:
            assert text.count(role) >= 2, role
        # A tick column for each answer and each person.
        assert all(f"{who}{answer}" in text for who in "AB" for answer in "012?")
        chosen = KIT.quick_check if set_name == "quick" else KIT.statements
        for s in chosen:
            assert flat(s.text) in text.replace("- ", "-"), s.id
