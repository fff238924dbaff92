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
from test_cards import kit_folder, load
from test_packs import render

pytestmark = pytest.mark.needs("poppler")

BLANK = "This page is left blank on purpose"
RANGE = re.compile(r"^\s*(\d+)(?:\u2013(\d+))?\s{2,}(\S.*?)\s{2,}(\S.*)$")


def layout_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def contents(first_page: str) -> list[tuple[int, int, str, str]]:
    """(first, last, what, how) for each row of the contents table, first lines only."""
    rows = []
    for line in first_page.splitlines():
        found = RANGE.match(line)
        if found:
            first = int(found[1])
            rows.append((first, int(found[2] or first), found[3].strip(), found[4].strip()))
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


def check_duplex(pdf: Path, plan, cards: int, sheets: tuple[str, ...]) -> None:
    pages = layout_pages(pdf)
    rows = contents(pages[0])
    assert "What is in this pack, and how to print it" in pages[0]
    assert "print two-sided, flip on long edge, at actual size" in " ".join(pages[0].split())
    expected = ["This contents page.", "The plan"] + (["cards"] if cards else []) + ["scoring"] * len(sheets)
    assert len(rows) == len(expected), rows
    for (first, last, what, how), word in zip(rows, expected, strict=True):
        assert word in what, (pdf.name, what)
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
        assert last - first + 1 == 2 * -(-cards // 4)
        for number in range(first, last + 1):
            side = "fronts" if (number - first) % 2 == 0 else "backs"
            assert f"Pack cards · sheet {(number - first) // 2 + 1} of" in pages[number - 1], (pdf.name, number)
            assert f"· {side} ·" in pages[number - 1], (pdf.name, number)
            assert (side == "fronts") == (number % 2 == 1), (pdf.name, number)
    for row, name in zip(rows[len(expected) - len(sheets):], sheets, strict=True):
        first, last = row[:2]
        label = {"quick": "Quick check", "full": "Full set"}[name]
        assert "Score your organisation" in pages[first - 1]
        count = last - first + 1
        for offset in range(count):
            # Numbered within the sheet, not the pack: a photocopied page still says where it belongs.
            assert f"{label}: page {offset + 1} of {count}" in pages[first - 1 + offset], (pdf.name, first + offset)
        assert "Add up your scores" in pages[last - 1]


def test_every_real_pack_prints_two_sided_as_one_job(real_packs):
    kit, files = real_packs
    for plan in kit.sessions:
        check_duplex(files[f"downloads/packs/{plan.id}-a4.pdf"], plan, len(kit.plan_cards(plan)),
                     tuple(plan.sheets))


def test_every_fixture_pack_prints_two_sided_as_one_job(fixture_packs):
    kit, files = fixture_packs
    for plan in kit.sessions:
        sheets = tuple(plan.sheets) if kit.statements else ()
        check_duplex(files[f"downloads/packs/{plan.id}-a4.pdf"], plan, len(kit.plan_cards(plan)), sheets)
