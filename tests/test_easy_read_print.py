"""Easy read on paper: the booklet, cards and scoring sheet read back from the PDFs."""

from __future__ import annotations

import math
import subprocess
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.content import easy_read_rules as rules
from involvement_kit.paper import easy_read as easy_read_print
from involvement_kit.paper.easy_read import MAX_BOOKLET_PAGES
from involvement_kit.vocabulary import SCALE, SYMBOL_CREDIT
from involvement_kit.errors import KitError
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from kitfiles import BASIC, make_kit, render_paper, replace_in

KIT = load_kit(ROOT / "kit")
# What has an easy-read card: the records, then the activities (a user group runs them too).
CARDED = KIT.enablers + KIT.barriers + KIT.leader_behaviours + KIT.activities
ICONS = [Path(__import__("material").__file__).parent / "templates" / ".icons"]
A4 = (595.28, 841.89)
MIN_PT = 15.95  # 16 pt, less a rounding hair
MM = 72 / 25.4


def pdf(site: Path, name: str) -> PdfReader:
    return PdfReader(site / "downloads" / f"easy-read-{name}.pdf")


def runs_of(page) -> list[tuple[float, float, str]]:
    """(size in pt, x position in pt, text) of every run of letters on one page."""
    out = []

    def visit(text, cm, tm, font, size):
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if any(ch.isalpha() for ch in text):
            out.append((round(size * scale, 2), tm[4] * cm[0] + cm[4], text))
    page.extract_text(visitor_text=visit)
    return out


def runs(reader: PdfReader) -> list[tuple[float, float, str]]:
    return [run for page in reader.pages for run in runs_of(page)]


def text_of(reader: PdfReader) -> str:
    # Print sets quotes curly; the records have straight ones.
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


@pytest.mark.parametrize("name", ["booklet", "cards", "scoring", "review-sheets"])
def test_a4_and_all_text_at_least_16pt(built_site, name):
    reader = pdf(built_site, name)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        # The cards are two A5 cards on a landscape A4 sheet; the booklet and sheet are portrait.
        assert sorted((round(width), round(height))) == sorted((round(A4[0]), round(A4[1]))), (width, height)
        assert name == "cards" or abs(width - A4[0]) < 1, (width, height)
    sizes = Counter()
    # Only the cards' record ids, for the facilitator, may be smaller: 12 pt, print's floor.
    ids = {r.id for r in CARDED}
    for size, _, text in runs(reader):
        if name == "cards" and text.strip() in ids:
            assert size >= 11.95, (size, text)
            continue
        sizes[size] += sum(ch.isalpha() for ch in text)
    small = {s: n for s, n in sizes.items() if s < MIN_PT}
    assert sum(sizes.values()) > 500
    assert not small, f"text under 16 pt in the {name}: {small}"


def test_booklet_has_at_most_48_pages_and_a_picture_column_on_the_left(built_site):
    reader = pdf(built_site, "booklet")
    assert 4 <= len(reader.pages) <= MAX_BOOKLET_PAGES
    # The pages before the Words to know list (which is a list of words, not points).
    words_page = [i for i, page in enumerate(reader.pages) if "Words to know" in (page.extract_text() or "")][-1]
    # After the cover and the contents; the footer's page number and picture credit are not points.
    body = [(x, text) for page in reader.pages[2:words_page]
            for size, x, text in runs_of(page) if abs(size - 16) < 0.1 and not text.startswith("Page ")
            and text.strip() not in SYMBOL_CREDIT]
    # Point text starts right of the picture column (18 mm margin + 25 mm picture + 6 mm gap).
    beside = [x for x, _ in body if x >= (18 + 25 + 6) * MM - 2]
    assert len(beside) / len(body) > 0.9, f"only {len(beside)} of {len(body)} runs of body text sit beside a picture"
    # Every picture is drawn: the icons are vector forms, one per point, in the left column.
    text = text_of(reader)
    for record in KIT.enablers + KIT.barriers + KIT.leader_behaviours:
        assert record.plain_title in text.replace("\n", " ") or record.plain_title.split()[0] in text
        for point in record.easy_read:
            assert " ".join(point.text.split()[:3]) in text, point.text


def test_booklet_explains_its_hard_words_and_says_it_is_not_yet_checked(built_site):
    text = text_of(pdf(built_site, "booklet"))
    hard = rules.load_hard_words(ROOT / "kit")
    assert "Words to know" in text
    for word in ("Trustee", "Involvement", "User"):
        entry = hard.get(word)
        assert entry.meaning.split(".")[0].split()[0] in text
    assert "have not checked this text yet" in text
    assert "Tell the person who gave you this kit" in text


def test_cards_one_for_each_record_with_easy_read(built_site):
    reader = pdf(built_site, "cards")
    records = [r for r in CARDED if r.easy_read]
    assert len(reader.pages) == math.ceil(len(records) / 2)
    text = text_of(reader)
    for record in records:
        assert record.easy_read[0].text.split()[0] in text
    # Plain titles, a question to talk about on every card, and no report labels.
    assert text.count("Talk about it") == len(records)
    assert "Enabler" not in text and "Barrier" not in text
    assert "Users cannot get to the top jobs" in text and "Glass ceilings" not in text
    assert text.count("Mulberry Symbols") == len(records)


def test_each_card_shows_its_record_id_at_its_foot(built_site):
    path = built_site / "downloads" / "easy-read-cards.pdf"
    records = [r for r in CARDED if r.easy_read]
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = text.split()
    for record in records:
        assert record.id in words, f"card {record.id} does not show its id"
    # At the foot: below the question to talk about, on the same line as the credit.
    reader = pdf(built_site, "cards")
    for page in reader.pages:
        found: list[tuple[float, str]] = []
        page.extract_text(visitor_text=lambda t, cm, tm, f, s, out=found: out.append((tm[5] * cm[3] + cm[5], t.strip())))
        heights = {t: y for y, t in found if t in {r.id for r in records}}
        assert heights, "a sheet of cards without ids"
        assert all(y < 20 * MM for y in heights.values()), heights


def test_scoring_sheet_on_the_same_scale_with_every_statement(built_site):
    text = text_of(pdf(built_site, "scoring"))
    for level in SCALE:
        assert f"{level.value}. {level.easy}" in text
    for statement in KIT.statements:
        assert " ".join(statement.easy_read.split()[:4]) in text, statement.id
    assert "Short list" in text and "Our group" in text


def test_a_card_that_does_not_fit_stops_the_build_naming_the_record(tmp_path):
    long_points = "".join(
        f"    - text: \"This point is long on purpose. It goes on and on. It will not fit on a card number {i}.\"\n"
        f"      picture: images/symbols/{name}.svg\n      alt: A group of people.\n"
        for i, name in enumerate(("ask", "bus", "clock", "money", "meet", "pick", "read", "who")))
    kit_dir = make_kit(tmp_path / "kit", replace_in(
        "enablers.yml", "    - text: This is easy.\n      picture: images/symbols/meet.svg\n      alt: A group of people.\n",
        long_points))
    kit = load_kit(kit_dir, label="kit")
    hard = rules.load_hard_words(ROOT / "kit")
    with pytest.raises(KitError) as caught:
        render_paper(easy_read_print.batch, kit, Options(), cache_dir=tmp_path / "cache", hard_words=hard)
    assert "first-enabler" in caught.value.describe() and "do not fit" in caught.value.describe()


def test_same_inputs_reuse_the_cached_pdfs(tmp_path):
    kit = load_kit(BASIC)
    hard = rules.load_hard_words(ROOT / "kit")
    first = render_paper(easy_read_print.batch, kit, Options(), cache_dir=tmp_path, hard_words=hard)
    stamps = {path: path.stat().st_mtime_ns for _, path in first}
    again = render_paper(easy_read_print.batch, kit, Options(), cache_dir=tmp_path, hard_words=hard)
    assert first == again and {p: p.stat().st_mtime_ns for _, p in again} == stamps
    assert [site for site, _ in first] == ["downloads/easy-read-booklet.pdf", "downloads/easy-read-cards.pdf",
                                           "downloads/easy-read-scoring.pdf",
                                           "downloads/easy-read-review-sheets.pdf",
                                           "downloads/easy-read-templates.pdf"]


def test_booklet_never_claims_a_check_that_did_not_happen(tmp_path):
    from involvement_kit.outputs import Pictures
    from involvement_kit.paper.easy_read import _Pictures, build_data
    hard = rules.load_hard_words(ROOT / "kit")
    unchecked = build_data(load_kit(BASIC), Options(), hard, _Pictures(Pictures(tuple(ICONS), ROOT / "docs")))
    assert unchecked["review"] == "People with learning disabilities have not checked this text yet."
    kit_dir = make_kit(tmp_path / "kit", replace_in("enablers.yml", 'easy_read_review: {checked_by: "", date: ""}',
                                                    'easy_read_review: {checked_by: "Speak Up group", date: "2026-11-01"}'))
    checked = build_data(load_kit(kit_dir), Options(), hard, _Pictures(Pictures(tuple(ICONS), ROOT / "docs")))
    # Even with every record checked, the booklet's own pages were not: it says so.
    assert "Not all of it is checked yet." in checked["review"]


# --- the booklet and the website print the same points ------------------------------------------

BOOKLET_PAGES = ("index", "involvement", "workshops", "scoring")


def booklet_and_web(kit, options):
    from involvement_kit.paper.easy_read import print_sections
    from involvement_kit.web.easy_read import screen_sections
    pages = {page.id: page for page in kit.easy_read_pages}
    for page_id in BOOKLET_PAGES:
        page = pages[page_id]
        yield page, print_sections(page, kit, options), screen_sections(page, kit, options)


@pytest.mark.parametrize("options", [Options(), Options(outputs=("cards",)), Options(feedback="a@example.org")])
def test_booklet_prints_every_point_the_web_page_shows_as_the_same_objects(options):
    for page, printed, shown in booklet_and_web(KIT, options):
        on_screen = [(s.heading, [id(p) for p in s.points]) for s in shown if not s.screen_only and s.points]
        on_paper = [(s.heading, [id(p) for p in s.points]) for s in printed if not s.print_only]
        assert on_paper == on_screen, page.id
        assert all(s.points for s in printed), page.id


def test_booklet_data_holds_the_model_points_and_the_web_page_says_them(tmp_path):
    from involvement_kit.content.easy_read_pages import plain
    from involvement_kit.outputs import Pictures
    from involvement_kit.paper.easy_read import _Pictures, build_data
    from involvement_kit.web.easy_read import render_easy_read_pages
    hard = rules.load_hard_words(ROOT / "kit")
    data = build_data(KIT, Options(), hard, _Pictures(Pictures(tuple(ICONS), ROOT / "docs")))
    chapters = {"index": data["chapters"][0], "involvement": data["chapters"][1], "workshops": data["workshop"],
                "scoring": data["scoring"]}
    web = {p.path: p.markdown for p, _, _ in render_easy_read_pages(KIT, Options(), hard)}
    for page, printed, _ in booklet_and_web(KIT, Options()):
        chapter = chapters[page.id]
        assert [s["heading"] for s in chapter["sections"]] == [s.heading for s in printed], page.id
        for section, points in zip(printed, (s["points"] for s in chapter["sections"])):
            assert [p["text"] for p in points] == [plain(p.text) for p in section.points], page.id
        seen = rules.markdown_to_text(web[page.path])
        for section in printed:
            for point in section.points:
                assert plain(point.text) in seen, (page.id, point.text)
    # Screen-only sections stay off paper.
    assert "Your answers" not in [s["heading"] for s in data["scoring"]["sections"]]
    assert "What is in this part" not in [s["heading"] for s in data["chapters"][0]["sections"]]


def test_booklet_scale_is_the_vocabulary_scale(built_site):
    from involvement_kit.vocabulary import DONT_KNOW
    text = text_of(pdf(built_site, "booklet"))
    for level in SCALE:
        assert f"{level.value}. {level.easy}" in text
    assert DONT_KNOW.easy in text


def test_booklet_is_an_easy_read_document(built_site):
    reader = pdf(built_site, "booklet")
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    cover, contents = pages[0], pages[1]
    # A cover with a picture, the date, the version and a contact; then a contents page.
    assert "User involvement kit" in cover and "Version " in cover and "Made in " in cover and "Contact" in cover
    # The cover picture is drawn into the page, tagged with its alt text.
    assert b"/Alt(People coming together)" in reader.pages[0].get_contents().get_data()
    assert "What is in this booklet" in contents
    for chapter in ("Things that help", "Things that get in the way", "What good leaders do",
                    "Get ready to meet managers", "Words to know"):
        assert chapter in contents, chapter
        # Each chapter starts a page of its own.
        assert any(page.startswith(chapter) for page in pages[2:]), chapter
    # No page holds only an address or a footer.
    for page in pages:
        body = page.replace(SYMBOL_CREDIT, "")
        assert len(body.split()) > 12, page
    # The symbols' licence asks for a credit on every page that shows them.
    assert all("Mulberry Symbols" in page for page in pages)


def test_review_sheets_one_for_each_easy_read_page(built_site):
    reader = pdf(built_site, "review-sheets")
    sheets = easy_read_print.review_pages(KIT)
    assert len(reader.pages) == len(sheets)
    titles = {r.plain_title for r in KIT.enablers + KIT.barriers + KIT.leader_behaviours if r.easy_read}
    assert titles - {s["title"] for s in sheets} == {r.plain_title for r in KIT.leader_behaviours}
    for page, sheet in zip(reader.pages, sheets):
        text = " ".join((page.extract_text() or "").split())
        assert sheet["title"] in text
        for question in ("Is this page easy to understand?", "Which words are hard?", "Do the pictures help?"):
            assert question in text
        assert "Mulberry Symbols" in text


def test_easy_read_pages_in_the_user_group_pack_have_25_mm_pictures(built_site):
    """Issue 17: easy-read pictures are at least 25 mm in print, in a pack as in the booklet (they were
    16 mm in packs): the point text starts right of a 25 mm picture column."""
    reader = PdfReader(built_site / "downloads" / "packs" / "user-group-hour-a4.pdf")
    easy = [page for page in reader.pages if (page.extract_text() or "").lstrip().startswith("Easy read:")]
    assert easy, "the user-group pack carries no easy-read page"
    body = [x for page in easy for size, x, text in runs_of(page)
            if abs(size - 16) < 0.1 and not text.startswith("Page ") and len(text.split()) > 2]
    assert body
    beside = [x for x in body if x >= (18 + 25 + 6) * MM - 2]
    assert len(beside) / len(body) > 0.9, f"only {len(beside)} of {len(body)} runs sit right of a 25 mm picture"


def test_no_topic_in_the_booklet_is_split_over_two_pages(built_site):
    """A reader should not turn the page in the middle of one topic: each record's title and all its
    points are on one page (four were split before)."""
    pages = [" ".join(page.extract_text().split()) for page in pdf(built_site, "booklet").pages]
    split = []
    for record in KIT.enablers + KIT.barriers + KIT.leader_behaviours:
        if not record.easy_read:
            continue
        title = record.plain_title
        on = [i for i, text in enumerate(pages) if title in text]
        assert on, title
        first = " ".join(record.easy_read[0].text.split())[:30]
        last = " ".join(record.easy_read[-1].text.split())[:30]
        if not any(first in pages[i] and last in pages[i] for i in on):
            split.append(title)
    assert split == []


LETTER_LANDSCAPE = (792, 612)
HALF_LETTER_MM = 139.7


@pytest.fixture(scope="module")
def letter_easy_read(tmp_path_factory) -> dict[str, Path]:
    """The real kit's easy-read files made for an organisation that prints on US Letter."""
    hard = rules.load_hard_words(ROOT / "kit")
    return dict(render_paper(easy_read_print.batch, KIT, Options(paper="letter"),
                             cache_dir=tmp_path_factory.mktemp("letter-easy-read"), hard_words=hard))


def test_easy_read_cards_on_letter_are_half_letter_two_to_a_landscape_sheet(letter_easy_read, tmp_path):
    """Issue 18: on `paper: letter` the easy-read cards were still A5 on landscape A4."""
    path = letter_easy_read["downloads/easy-read-cards.pdf"]
    reader = PdfReader(path)
    records = [r for r in CARDED if r.easy_read]
    assert len(reader.pages) == math.ceil(len(records) / 2)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LETTER_LANDSCAPE
    # Text 16 pt or more, the facilitator's record id (12 pt) apart.
    ids = {r.id for r in records}
    small = [(size, text) for size, _, text in runs(reader) if size < MIN_PT and text.strip() not in ids]
    assert not small, small[:5]
    # Each card's first point sits right of a 25 mm picture inside its own half of the sheet.
    for n, page in enumerate(reader.pages):
        for i, record in enumerate(records[2 * n:2 * n + 2]):
            start = " ".join(record.easy_read[0].text.split()[:2])
            xs = [x / MM for _, x, text in runs_of(page) if text.startswith(start)]
            assert xs, (record.id, start)
            card_x = i * HALF_LETTER_MM
            # (The question to talk about may start with the same words, at the card's left edge.)
            assert any(card_x + 7 + 25 + 6 - 0.5 <= x < card_x + HALF_LETTER_MM for x in xs), (record.id, xs)
    # The same cut mark as on A4: a dashed line down the middle, where the two cards meet.
    subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "sheet")], check=True)
    data = (tmp_path / "sheet.pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    pixels = data[match.end():]
    middle = round(HALF_LETTER_MM / 25.4 * 50)
    column = [min(pixels[y * width + x] for x in range(middle - 1, middle + 2)) for y in range(height)]
    assert sum(v < 240 for v in column) > height / 3


def test_other_easy_read_files_follow_letter_too(letter_easy_read):
    for name in ("booklet", "scoring", "review-sheets"):
        for page in PdfReader(letter_easy_read[f"downloads/easy-read-{name}.pdf"]).pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792), name
