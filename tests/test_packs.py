"""Print packs, read back from the PDFs: the plan, every card its steps use, the sheets it lists,
'Page N of M' on every page, the build date and the organisation."""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from kitfiles import render_paper
from conftest import ROOT
from involvement_kit.paper import packs, typesetting
from involvement_kit.content.options import Options
from test_cards import ICON_DIRS, PUBLIC_URL, count_typst_runs, kit_folder, load
from test_print_layout import PAPERS, bbox_blocks, locate, text_runs, title_positions
from involvement_kit.vocabulary import clock

# pdftotext reads the packs back (test_print_layout.bbox_blocks).
pytestmark = pytest.mark.needs("poppler")

DATE = "1 March 2026"
ORGANISATION = "Riverside Advice"


def render(kit, cache: Path, date: str = DATE, **options):
    options = Options(public_url=PUBLIC_URL, organisation=ORGANISATION, **options)
    return dict(render_paper(packs.batch, kit, options, cache_dir=cache, date=date))


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("packs")
    kit = load(kit_folder(tmp / "kit", source=ROOT / "kit"))
    return kit, render(kit, tmp / "cache")


def page_texts(pdf: Path) -> list[str]:
    return [" ".join(blocks) for blocks in bbox_blocks(pdf)]


def test_one_pack_per_plan_on_the_organisations_paper(real):
    kit, files = real
    assert list(files) == [f"downloads/packs/{p.id}-a4.pdf" for p in kit.sessions]
    for site, path in files.items():
        paper = "a4" if site.endswith("-a4.pdf") else "letter"
        for page in PdfReader(path).pages:
            # The easy-read cards are two A5 cards to a landscape A4 sheet, as in their own file.
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert size == pytest.approx(sorted(PAPERS[paper][2:4]), abs=0.05)


@pytest.mark.parametrize("paper", ["a4"])
def test_pack_contents(real, paper):
    kit, files = real
    statements = {s.id: s.text for s in kit.statements}
    for plan in kit.sessions:
        pdf = files[f"downloads/packs/{plan.id}-{paper}.pdf"]
        texts = page_texts(pdf)
        total = len(texts)
        # The easy-read cards' landscape sheets are cut edge to edge into A5 cards: no footer.
        landscape = {n for n, page in enumerate(PdfReader(pdf).pages, 1)
                     if float(page.mediabox.width) > float(page.mediabox.height)}
        # Numbered in order, out of the pack's own total, on every page but a scoring sheet's or a
        # session template's (numbered within the sheet or template: test_pack_duplex).
        for number, text in enumerate(texts, 1):
            if "Score your organisation" not in text and "· kit version" not in text and number not in landscape:
                assert f"Page {number} of {total}" in text, f"{plan.id} page {number}"
        first = texts[0]
        assert plan.title in first and "What is in this pack" in first
        assert DATE in first and ORGANISATION in first
        plan_page = texts[2]
        assert f"({plan.minutes} minutes)" in plan_page
        assert DATE in plan_page and ORGANISATION in plan_page
        everything = " ".join(texts)
        for step in plan.steps:
            assert step.title in everything
        # Every card the steps use is in the pack, front and back, in the deck's two-sided layout.
        cards = kit.plan_cards(plan)
        card_pages = [i for i, t in enumerate(texts) if "Pack cards" in t]
        # They open with their index (issue 18, item 7), in card slots of its own.
        fronts = " ".join(" ".join(texts[i].split()) for i in card_pages[::2])
        indexes = fronts.count("Cards in this pack")
        assert indexes >= 1 and " ".join(texts[card_pages[0]].split()).startswith("Deck index"), plan.id
        assert len(card_pages) == 2 * math.ceil((len(cards) + indexes) / 4)
        for card in cards:
            # Listed with the number its front shows: once in the index, once at the card's foot.
            number = pack_card_number(kit, card)
            assert fronts.count(number) == 2, (plan.id, number)
            assert f"{number}: {card.title}" in fronts, (plan.id, number)
        reader = PdfReader(pdf)
        # The index sits in the first slot, its back behind it when the sheet is flipped on the long edge.
        for page, size, col in ((card_pages[0], 18, 0), (card_pages[1], 16, 1)):
            found = [r for r in text_runs(reader.pages[page]) if r["text"].startswith("Cards in this pack")
                     and r["size"] == pytest.approx(size, abs=0.01)]
            assert found and locate(paper, found[0]) == (0, col), (plan.id, page)
        for index, card in enumerate(cards, indexes):
            sheet, position = divmod(index, 4)
            front_page, back_page = card_pages[2 * sheet], card_pages[2 * sheet + 1]
            assert card.title in texts[front_page] and card.title in texts[back_page], card.id
            # Where a title fits on one line, its place on the sheet is checked too.
            row, col = divmod(position, 2)
            for run in title_positions(reader.pages[front_page], card.title, 18):
                assert locate(paper, run) == (row, col)
            for run in title_positions(reader.pages[back_page], card.title, 16):
                assert locate(paper, run) == (row, 1 - col)
        for i in card_pages:
            assert DATE in texts[i]
        # Scoring sheets only when the plan lists them, with their statements.
        has_sheet = "Score your organisation" in everything
        assert has_sheet == bool(plan.sheets), plan.id
        if "quick" in plan.sheets:
            for s in kit.quick_check:
                assert re.sub(r"\s+", " ", s.text) in everything, s.id
        if "full" in plan.sheets:
            for text in statements.values():
                assert text in everything
        # The plan's only cards are its own.
        others = {r.title for r in kit.records if r.kind.name != "session"} - {c.title for c in cards}
        for i in card_pages:
            assert not [r for r in text_runs(reader.pages[i]) if r["text"] in others and r["size"] >= 16]


def pack_card_number(kit, item) -> str:
    """'Enabler 3 of 11': the card's place in its kind across the whole deck."""
    same = [r.id for r in kit.records if r.kind.name == item.kind.name]
    return f"{item.kind.label} {same.index(item.id) + 1} of {len(same)}"


def test_pack_text_is_large_enough(real):
    _, files = real
    for path in files.values():
        for page in PdfReader(path).pages[:2]:
            for run in text_runs(page):
                assert run["size"] >= 9.9 or re.fullmatch(r"[\w\s.,·:/%'’()-]*", run["text"]), run


def test_packs_off_make_no_packs(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    assert render(kit, tmp_path / "cache", outputs=("cards", "sheets")) == {}


def test_fixture_packs_without_statements_or_cards(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    files = render(kit, tmp_path / "cache")
    short = page_texts(files["downloads/packs/short-session-a4.pdf"])
    # Contents and its blank verso, the plan (two pages), the index card and four cards on two
    # sheets (fronts and backs), then the materials checklist.
    assert len(short) == 2 + 2 + 4 + 1
    assert "Cards in this pack" in short[4] and "Cards in this pack" in short[5]
    for title in ("Listen before you plan", "Count the seats", "Closed meetings", "Asks users first"):
        assert title in short[4] + short[6] and title in short[5] + short[7]
        assert f"Card: {title}" in short[8]
    assert short[8].startswith("Materials checklist")
    # A plan whose steps use no cards and whose kit has no statements: contents, the plan and
    # the checklist, each on a recto.
    alone = page_texts(files["downloads/packs/no-cards-session-a4.pdf"])
    assert len(alone) == 5 and "Page 5 of 5" in alone[4] and alone[4].startswith("Materials checklist")


def test_cache_and_date(tmp_path, monkeypatch):
    kit = load(kit_folder(tmp_path / "kit"))
    calls = count_typst_runs(monkeypatch)
    first = render(kit, tmp_path / "cache")
    again = render(kit, tmp_path / "cache")
    assert first == again and len(calls) == 1
    later = render(kit, tmp_path / "cache", date="2 March 2026")
    assert len(calls) == 2
    assert "2 March 2026" in page_texts(later["downloads/packs/short-session-a4.pdf"])[0]
    assert not any(path.exists() for path in first.values()), "packs of old inputs are removed"


def test_build_date(monkeypatch):
    assert packs.build_date(dt.date(2026, 3, 1)) == "1 March 2026"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    assert packs.build_date() == "1 January 2026"


def test_a_card_that_does_not_fit_stops_the_pack_when_there_is_no_deck(tmp_path):
    # With the deck switched on, the deck's build reports it (test_cards); without, the pack does.
    from involvement_kit.errors import KitError
    kit = load(kit_folder(tmp_path / "kit"))
    long_summary = " ".join(["Users shaped the plans, the budget and the meetings."] * 12)
    records = tuple(replace(r, summary=long_summary) if r.id == "closed-meetings" else r for r in kit.records)
    with pytest.raises(KitError) as caught:
        render(replace(kit, records=records), tmp_path / "cache", outputs=("packs",))
    assert [(p.record, p.field) for p in caught.value.problems] == [("closed-meetings", "summary")]


def test_pack_shows_the_sequence_the_cuts_and_what_is_shown(real):
    """The facilitator who prints only the pack sees what the plan page says (issue 20 items 1, 2, 4)."""
    kit, files = real
    for plan in kit.sessions:
        everything = re.sub(r"\s+", " ", " ".join(page_texts(files[f"downloads/packs/{plan.id}-a4.pdf"])))
        assert "Where this session sits in the sequence" in everything, plan.id
        assert "Starts from:" in everything and "Hands on:" in everything, plan.id
        assert f"Doors open {plan.arrival} minutes before the start" in everything, plan.id
        assert everything.count("If time is short:") == sum(1 for s in plan.steps if s.if_short), plan.id
        assert everything.count("If it goes wrong:") == sum(1 for s in plan.steps if s.if_wrong), plan.id
        assert "Templates for this session" in everything, plan.id
        if plan.sheets:
            assert "Scores shown: the combined result for everyone in the room only" in everything, plan.id


def test_the_young_peoples_pack_carries_safeguarding_consent_and_its_templates(real):
    """Review finding 28: the young people's plan gets its pack like the others, read back from the PDF."""
    kit, files = real
    plan = next(p for p in kit.sessions if p.id == "young-people-session")
    everything = re.sub(r"\s+", " ", " ".join(page_texts(files["downloads/packs/young-people-session-a4.pdf"])))
    assert plan.title in everything and "(90 minutes)" in everything
    for words in ("enhanced DBS checks", "safeguarding lead", "parent or guardian for everyone under 16",
                  "vouchers", "Never ask a person what they scored"):
        assert words in everything, words
    for template in ("Consent for notes and photos", "Sign-in sheet", "Feedback form"):
        assert template in everything, template


def _timetable_page(pdf: Path) -> list[str]:
    """The lines of the page that prints the timetable, from the table's header to its total."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for page in text.split("\f"):
        lines = page.splitlines()
        start = next((n for n, line in enumerate(lines) if re.match(r"\s*Step\s+What happens", line)), None)
        if start is not None:
            return lines[start:]
    raise AssertionError(f"no timetable in {pdf}")


def test_the_timetable_has_an_empty_column_for_real_times(real, tmp_path):
    """Review finding 15e: the clock is relative, so the printed timetable, like the editable copy, has
    an empty "Your times" column to write the times of the day in; it still fits on one page."""
    kit, files = real
    letter = render(kit, tmp_path / "cache", paper="letter")
    for plan in kit.sessions:
        for pdf in (files[f"downloads/packs/{plan.id}-a4.pdf"], letter[f"downloads/packs/{plan.id}-letter.pdf"]):
            lines = _timetable_page(pdf)
            assert re.match(r"\s*Step\s+What happens\s+Minutes\s+Clock\s+Your times\s*$", lines[0]), (plan.id, lines[0])
            # Every step's clock is the last thing on its line: the column after it is left to write in.
            for row in kit.schedule(plan):
                clock_range = f"{clock(row.start)} to {clock(row.end)}"
                found = [line for line in lines if clock_range in line]
                assert found and found[0].rstrip().endswith(clock_range), (plan.id, clock_range)
            # The whole table, total included, is on the one page.
            assert any(re.search(rf"Total\s+{plan.minutes}\s+{re.escape(clock(plan.minutes))}\s*$", line)
                       for line in lines), plan.id
