"""Every PDF the kit makes, read back: PDF/UA-1 declared (XMP pdfuaid:part 1), tagged (a
structure tree, MarkInfo Marked true), with a title and a language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from kitfiles import build_context
from pypdf import PdfReader
from test_cards import PUBLIC_URL, kit_folder, load


def render_every_pdf(dest: Path, paper: str = "a4", public_url: str = PUBLIC_URL) -> dict[str, Path]:
    """Every paper output of the real kit, through the real Typst path: site path -> file."""
    from dataclasses import replace

    from involvement_kit.content.briefing import load_briefing
    from involvement_kit.content.options import Options
    from involvement_kit.paper.typesetting import typeset
    from involvement_kit.pipeline.prepare import PAPER

    kit = load(kit_folder(dest / "kit", source=ROOT / "kit"))
    options = Options(public_url=public_url, organisation="Riverside Advice", paper=paper)
    ctx = build_context(kit, options, cache_dir=dest / "cache", date="1 March 2026")
    ctx = replace(ctx, briefing=load_briefing(ROOT / "kit"))
    batches = [b for b in (make(ctx) for make in PAPER) if b is not None]
    made = typeset(batches, dest / "cache")
    return {site: path for files in made.values() for site, path in files if site.endswith(".pdf")}


@pytest.fixture(scope="module")
def every_pdf(tmp_path_factory) -> dict[str, Path]:
    return render_every_pdf(tmp_path_factory.mktemp("every-pdf"))


def test_every_pdf_declares_pdf_ua_1_and_is_tagged(every_pdf):
    assert len(every_pdf) > 40
    for site, path in every_pdf.items():
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp), site
        assert "/StructTreeRoot" in root, site
        assert bool(root["/MarkInfo"]["/Marked"]), site
        assert str(root["/Lang"]).startswith("en"), site
        assert reader.metadata.title, site
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], site


def first_page_text(path: Path) -> str:
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def test_every_file_printed_two_sided_or_at_actual_size_says_so_on_its_first_page(every_pdf):
    two_sided = [s for s in every_pdf if re.search(r"/(cards|cards-large|cards-test)-(a4|letter)\.pdf$|/packs/", s)]
    actual_size = [s for s in every_pdf if re.search(r"/cards-(fronts|fold)-|/cards/", s)]
    assert len(two_sided) >= 9 and len(actual_size) >= 10
    for site in two_sided:
        text = first_page_text(every_pdf[site])
        assert re.search(r"two-sided, flip on (long|short) edge", text), site
        assert "100%" in text, site
    for site in actual_size:
        assert "100%" in first_page_text(every_pdf[site]), site


PAGE_SIZES = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
SLIDES = (720.0, 405.0)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_pdf_follows_the_organisations_paper(tmp_path, paper):
    # Decks and scoring sheets come in both sizes, named by size; everything else is made on the
    # organisation's paper only: packs, single cards, easy read, the briefing and the checklist.
    made = render_every_pdf(tmp_path, paper=paper)
    own = [s for s in made if not re.search(r"-(a4|letter)\.pdf$", s) or "/packs/" in s or "briefing" in s
           or "checklist" in s]
    assert any("/cards/" in s for s in own) and any("easy-read" in s for s in own)
    assert any("/packs/" in s for s in own) and any("briefing" in s for s in own) and any("checklist" in s for s in own)
    for site, path in made.items():
        named = re.search(r"-(a4|letter)\.pdf$", site)
        # The easy-read cards too: A5 on A4, half-letter on US Letter (issue 18, item 5), two to a landscape sheet.
        # Slides are for a screen (16:9), the same on any paper.
        expected = SLIDES if "/slides/" in site else PAGE_SIZES[named[1] if named else paper]
        for number, page in enumerate(PdfReader(path).pages, 1):
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert size == pytest.approx(sorted(expected), abs=0.5), (site, number)
        if site in own and named:
            assert named[1] == paper, site


def test_one_date_style_labelled_made_on_and_the_checklist_on_one_page(every_pdf):
    dated = [s for s in every_pdf if "/packs/" in s or "briefing" in s or "checklist" in s]
    assert len(dated) >= 5
    for site in dated:
        text = first_page_text(every_pdf[site])
        assert "Made on 1 March 2026" in text or "made on 1 March 2026" in text, site
        assert not re.search(r"\d{4}-\d{2}-\d{2}|[Pp]rinted \d", text), site
    assert len(PdfReader(every_pdf["downloads/leadership-checklist-a4.pdf"]).pages) == 1


def alt_texts(path: Path) -> list[str]:
    """Every alt text in the file's structure tree: what a screen reader says for each picture."""
    reader = PdfReader(path)
    found, seen, todo = [], set(), [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                todo.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            todo.extend(node)
    return found


def test_card_fronts_carry_a_picture_their_number_and_their_id(every_pdf):
    from involvement_kit.content.loader import load_kit

    kit = load_kit(ROOT / "kit")
    fronts = every_pdf["downloads/cards-fronts-a4.pdf"]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(fronts).pages)
    alts = alt_texts(fronts)
    for kind in ("enabler", "barrier", "leader_behaviour"):
        records = kit.of_kind(kind)
        for number, record in enumerate(records, 1):
            # Numbered within its kind, with its id, on the front: a fronts-only card can be found again.
            assert f"{record.kind.label} {number} of {len(records)} · Card {record.id}" in text, record.id
            if record.easy_read:
                assert record.easy_read[0].alt in alts, record.id


def test_curly_quotes_everywhere_in_print(every_pdf):
    for site, path in every_pdf.items():
        for number, page in enumerate(PdfReader(path).pages, 1):
            text = page.extract_text()
            assert "'" not in text and '"' not in text, (site, number, re.findall(r".{0,30}['\"].{0,30}", text)[:3])


def test_every_pdf_that_shows_the_symbols_credits_them(every_pdf):
    """The Mulberry Symbols' licence (CC BY-SA 4.0) asks for their credit wherever they are shown:
    card decks, single cards and packs showed card pictures without it."""
    import subprocess

    from involvement_kit.paper.cards import card_picture
    from test_easy_read_print import KIT

    pictured = {r.id for r in KIT.enablers + KIT.barriers + KIT.leader_behaviours if card_picture(r)[0]}
    showing = [site for site in every_pdf
               if re.search(r"downloads/(cards-(?!test)[^/]*|packs/[^/]*|easy-read-[^/]*)\.pdf$", site)
               or (site.startswith("downloads/cards/") and Path(site).stem in pictured)]
    assert len(showing) > 40
    missing = []
    for site in showing:
        text = subprocess.run(["pdftotext", str(every_pdf[site]), "-"], capture_output=True, text=True).stdout
        if "Mulberry Symbols" not in " ".join(text.split()):
            missing.append(site)
    assert missing == [], missing
