"""Packs printed two-sided as one job, read back from the PDFs: the contents page gives every
part's pages and how to print them, every part starts on an odd page, a verso left blank says
so, card fronts fall on odd pages with their backs on the next, and a scoring sheet's pages are
numbered within the sheet."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from involvement_kit.content.model import Activity
from pypdf import PdfReader
from test_cards import kit_folder, load
from test_packs import render
from test_print_layout import PAPERS

from involvement_kit.paper.packs import plan_materials
from involvement_kit.vocabulary import EASY_READ_TEMPLATES, SESSION_TEMPLATES

pytestmark = pytest.mark.needs("poppler")

BLANK = "This page is left blank on purpose"
RANGE = re.compile(r"^\s*(\d+)(?:\u2013(\d+))?\s{2,}(\S.*?)\s{2,}(\S.*)$")


def layout_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def contents(pages: list[str]) -> list[tuple[int, int, str, str]]:
    """(first, last, what, how) for each row of the contents table, first lines only. The table
    may run on past the first page; its own first row says how far."""
    def rows_of(page: str) -> list[tuple[int, int, str, str]]:
        found = [RANGE.match(line) for line in page.splitlines()]
        return [(int(f[1]), int(f[2] or f[1]), f[3].strip(), f[4].strip()) for f in found if f]

    rows = rows_of(pages[0])
    for page in pages[1:rows[0][1]]:
        rows += rows_of(page)
    return rows


@pytest.fixture(scope="module")
def real_packs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("duplex")
    kit = load(kit_folder(tmp / "kit", source=ROOT / "kit"))
    return kit, render(kit, tmp / "cache")


@pytest.fixture(scope="module")
def fixture_packs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("duplex-fixture")
    kit = load(kit_folder(tmp / "kit"))
    return kit, render(kit, tmp / "cache")


def easy_templates(plan) -> list[str]:
    """A plan run in easy read prints the easy-read version of each template users see, in its place."""
    easy = any(m.endswith(" (easy read)") for step in plan.steps for m in step.materials)
    return [name for name in dict.fromkeys(plan.materials) if easy and name in EASY_READ_TEMPLATES]


def plan_templates(plan) -> list[str]:
    return [name for name in dict.fromkeys(plan.materials)
            if name in SESSION_TEMPLATES and name not in easy_templates(plan)]


def expected_parts(kit, plan) -> list[str]:
    """What a pack must hold, from its plan alone: its cards, the easy-read cards of those cards
    when the plan uses easy-read pages, each easy-read page its steps name, its scoring sheets,
    the templates it names, and last a checklist of its materials."""
    named = [m.removesuffix(" (easy read)").lower() for step in plan.steps for m in step.materials
             if m.endswith(" (easy read)")]
    titles = {page.title.lower().removeprefix("easy read:").strip(): page.title for page in kit.easy_read_pages}
    named = [name for name in named if name in titles]
    cards = kit.plan_cards(plan)
    easy_cards = [c for c in cards if named and getattr(c, "easy_read", ())]
    sheets = plan.sheets if kit.statements else ()
    return (["This contents page.", "The plan"] + ([f"{len(cards)} cards"] if cards else [])
            + ([f"{len(easy_cards)} easy-read cards"] if easy_cards else [])
            + [f"Easy read: {name}" for name in dict.fromkeys(named)]
            + [f"Easy read: {EASY_READ_TEMPLATES[name].lower()}" for name in easy_templates(plan)]
            + ["scoring"] * len(sheets)
            + [f"Template: {SESSION_TEMPLATES[name]}" for name in plan_templates(plan)] + ["Materials checklist"])


def flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def check_duplex(pdf: Path, plan, cards: int, sheets: tuple[str, ...], expected: list[str]) -> None:
    pages = layout_pages(pdf)
    rows = contents(pages)
    assert "What is in this pack, and how to print it" in pages[0]
    assert "print two-sided, flip on long edge, at actual size" in " ".join(pages[0].split())
    assert len(rows) == len(expected), rows
    for (first, last, what, how), word in zip(rows, expected, strict=True):
        # A row's first line: the start of what it names.
        assert what.startswith(word[:len(what)]) or word in what, (pdf.name, what, word)
        # Every part starts on a recto, so it starts on a new sheet when printed two-sided.
        assert first % 2 == 1, (pdf.name, what, first)
        assert last >= first and how
    inside = {n for first, last, _, _ in rows for n in range(first, last + 1)}
    for number, text in enumerate(pages, 1):
        # Every page outside a part is a verso left blank, and says so; no other page does.
        assert (BLANK in " ".join(text.split())) == (number not in inside), (pdf.name, number)
        if number not in inside:
            assert number % 2 == 0 and len(" ".join(text.split())) < 400, (pdf.name, number)
    assert len(pages) == max(inside)
    plan_first, plan_last = rows[1][:2]
    assert plan.title in pages[plan_first - 1] and "Total time" in pages[plan_first - 1]
    if cards:
        first, last = rows[2][:2]
        # The cards open with their index card(s), each in a card slot: fronts and backs still pair up.
        fronts = " ".join(pages[first - 1:last:2])
        indexes = fronts.count("Cards in this pack")
        assert indexes >= 1 and pages[first - 1].split()[:2] == ["Deck", "index"], (pdf.name, first)
        assert last - first + 1 == 2 * -(-(cards + indexes) // 4)
        for number in range(first, last + 1):
            side = "fronts" if (number - first) % 2 == 0 else "backs"
            assert f"Pack cards · sheet {(number - first) // 2 + 1} of" in pages[number - 1], (pdf.name, number)
            assert f"· {side} ·" in pages[number - 1], (pdf.name, number)
            assert (side == "fronts") == (number % 2 == 1), (pdf.name, number)
    templates = plan_templates(plan)
    first_sheet = len(expected) - len(sheets) - len(templates) - 1
    for row, name in zip(rows[first_sheet:first_sheet + len(sheets)], sheets, strict=True):
        first, last = row[:2]
        label = {"quick": "Quick check", "full": "Full set"}[name]
        assert "Score your organisation" in pages[first - 1]
        count = last - first + 1
        for offset in range(count):
            # Numbered within the sheet, not the pack: a photocopied page still says where it belongs.
            assert f"{label}: page {offset + 1} of {count}" in pages[first - 1 + offset], (pdf.name, first + offset)
        assert "Add up your scores" in pages[last - 1]
    for row, name in zip(rows[-1 - len(templates):-1], templates, strict=True):
        first, last = row[:2]
        title = SESSION_TEMPLATES[name]
        # The template as it prints on its own: its title first, its pages numbered within it.
        assert flat(pages[first - 1]).startswith(f"User involvement kit · The kit's suggestion {title}"), (
            pdf.name, name)
        count = last - first + 1
        for offset in range(count):
            assert re.search(rf"Page {offset + 1} of {count}\s*$", pages[first - 1 + offset].strip()), (
                pdf.name, name, offset)
    check_checklist(pdf.name, pages, rows, plan)


def check_checklist(name: str, pages: list[str], rows, plan) -> None:
    """The last part ticks off every material the plan's steps name, and every printed part of the
    pack with its pages."""
    first, last, what, _ = rows[-1]
    assert last == len(pages) or last == len(pages) - 1
    text = flat(" ".join(pages[first - 1:last]))
    assert text.startswith(f"Materials checklist: {flat(plan.title)}"), name
    for material in plan_materials(plan):
        # An easy-read page the pack carries is ticked off as that part of the pack.
        easy = "easy read: " + material.removesuffix(" (easy read)").lower()
        assert flat(material) in text or easy in text.lower(), (name, material)
    for part_first, part_last, part_what, _ in rows[1:-1]:
        pages_of = f"page {part_first}" if part_first == part_last else f"pages {part_first}\u2013{part_last}"
        assert f"({pages_of})" in text, (name, part_what)


def test_every_real_pack_prints_two_sided_as_one_job(real_packs):
    kit, files = real_packs
    for plan in kit.sessions:
        check_duplex(files[f"downloads/packs/{plan.id}-a4.pdf"], plan, len(kit.plan_cards(plan)),
                     tuple(plan.sheets), expected_parts(kit, plan))


def test_every_fixture_pack_prints_two_sided_as_one_job(fixture_packs):
    kit, files = fixture_packs
    for plan in kit.sessions:
        sheets = tuple(plan.sheets) if kit.statements else ()
        check_duplex(files[f"downloads/packs/{plan.id}-a4.pdf"], plan, len(kit.plan_cards(plan)), sheets,
                     expected_parts(kit, plan))


def test_the_user_group_pack_carries_its_easy_read_pages_and_cards(real_packs):
    kit, files = real_packs
    plan = next(p for p in kit.sessions if p.id == "user-group-hour")
    pages = layout_pages(files[f"downloads/packs/{plan.id}-a4.pdf"])
    flat_pages = [" ".join(text.split()) for text in pages]
    everything = " ".join(flat_pages)
    # The pages its steps name, each starting on a recto, the meeting sheet with spaces to write in.
    for title in ("Easy read: about this kit", "What involvement means", "Get ready to meet managers"):
        starts = [n for n, text in enumerate(flat_pages, 1) if text.startswith(title)]
        assert len(starts) == 1 and starts[0] % 2 == 1, title
    assert "Write or draw the three things that matter most to your group." in everything
    # The easy-read cards of its cards, with their easy-read words: every card its steps use has one,
    # the activity cards too (issue 20, item 6: the presence audit had only its standard card).
    easy = [c for c in kit.plan_cards(plan) if getattr(c, "easy_read", ())]
    assert easy == kit.plan_cards(plan) and any(isinstance(c, Activity) for c in easy)
    first, last = next(row[:2] for row in contents(pages) if row[2].endswith("easy-read cards."))
    card_pages = " ".join(flat_pages[first - 1:last])
    for record in easy:
        assert " ".join(record.easy_read[0].text.split()[:2]) in card_pages, record.id


def test_every_easy_read_page_a_real_plan_names_exists(real_packs):
    kit, _ = real_packs
    titles = {page.title.lower().removeprefix("easy read:").strip() for page in kit.easy_read_pages}
    for plan in kit.sessions:
        for step in plan.steps:
            for material in step.materials:
                if material.endswith(" (easy read)"):
                    assert material.removesuffix(" (easy read)").lower() in titles, (plan.id, material)


def test_letter_packs_carry_their_templates_on_letter(tmp_path):
    """A pack on US Letter holds the same parts, its templates made on Letter too."""
    kit = load(kit_folder(tmp_path / "kit", source=ROOT / "kit"))
    files = render(kit, tmp_path / "cache", paper="letter")
    for plan in kit.sessions:
        pdf = files[f"downloads/packs/{plan.id}-letter.pdf"]
        check_duplex(pdf, plan, len(kit.plan_cards(plan)), tuple(plan.sheets), expected_parts(kit, plan))
        # Every page on Letter: the easy-read cards two half-letter cards to a landscape sheet (issue 18,
        # item 5: they were A5 on A4, and left out of Letter packs), the rest portrait.
        easy = next((row[:2] for row in contents(layout_pages(pdf)) if row[2].endswith("easy-read cards.")), (0, -1))
        for number, page in enumerate(PdfReader(pdf).pages, 1):
            size = (float(page.mediabox.width), float(page.mediabox.height))
            portrait = PAPERS["letter"][2:]
            expected = portrait[::-1] if easy[0] <= number <= easy[1] else portrait
            assert size == pytest.approx(expected, abs=0.05), (plan.id, number)
