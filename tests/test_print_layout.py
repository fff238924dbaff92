"""The printed decks, read back from the PDFs: paper, card positions, mirrored backs, type sizes, cut marks."""

from __future__ import annotations

import html
import math
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.paper.cards import build_cards, page_cards
from involvement_kit.content.options import Options
from test_cards import PUBLIC_URL, kit_folder, load, render

# pdftotext and pdftoppm read the decks back.
pytestmark = pytest.mark.needs("poppler")

MM = 72 / 25.4
CARD_W, CARD_H, GUTTER = 95, 130, 5
PAPERS = {  # name: (width mm, height mm, width pt, height pt)
    "a4": (210, 297, 595.28, 841.89),
    "letter": (215.9, 279.4, 612, 792),
}
MARK_GAP = 0.8  # mm between a card edge and the start of its crop mark


def origin(paper: str) -> tuple[float, float]:
    """Top-left of the 2 x 2 grid of cards when it is centred on the sheet (mm)."""
    width, height = PAPERS[paper][:2]
    return (width - 2 * CARD_W - GUTTER) / 2, (height - 2 * CARD_H - GUTTER) / 2


def slot(paper: str, row: int, col: int) -> tuple[float, float]:
    x0, y0 = origin(paper)
    return x0 + col * (CARD_W + GUTTER), y0 + row * (CARD_H + GUTTER)


# Print sets quotes curly (test_print_standards); the data these tests compare with has straight ones.
STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def text_runs(page) -> list[dict]:
    """Text drawn on a page with its position (mm from the top-left corner) and its size in points."""
    height = float(page.mediabox.height)
    runs = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        runs.append({"text": text.strip().translate(STRAIGHT), "x": x / MM, "y": (height - y) / MM,
                     "size": round(size * math.sqrt(abs(a * d - b * c)), 2)})

    page.extract_text(visitor_text=visit)
    return runs


def bbox_blocks(pdf: Path) -> list[list[str]]:
    """Per page, the text of each block that `pdftotext -bbox-layout` finds, words joined by spaces."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        blocks = []
        for block in re.findall(r"<block .*?</block>", page, re.S):
            words = re.findall(r"<word [^>]*>(.*?)</word>", block, re.S)
            # A line may break after the hyphen in 'user-centred'; join such words again.
            blocks.append(re.sub(r"-\s+", "-", " ".join(html.unescape(w) for w in words)).translate(STRAIGHT))
        pages.append(blocks)
    return pages


def gray_image(pdf: Path, page: int, dpi: int, dest: Path) -> tuple[int, int, bytes]:
    """The page rendered by poppler as 8-bit grey (PGM), for checking what is drawn where."""
    prefix = dest / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    data = prefix.with_suffix(".pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end():]


def decks(kit, cache: Path) -> dict:
    downloads = dict(render(kit, cache))
    out = {paper: downloads[f"downloads/cards-{paper}.pdf"] for paper in PAPERS}
    out["files"] = downloads
    # The deck in print order, as card data: instructions, records, activities, blanks.
    out["cards"] = build_cards(kit, Options(public_url=PUBLIC_URL))["cards"]
    return out


@pytest.fixture(scope="module")
def fixture_decks(tmp_path_factory):
    """The fixture kit (16 cards with the index, instructions, activities and blanks: four sheets), rendered once."""
    tmp = tmp_path_factory.mktemp("decks")
    return decks(load(kit_folder(tmp / "kit")), tmp / "cache")


@pytest.fixture(scope="module")
def real_decks(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("real")
    return decks(load(kit_folder(tmp / "kit", source=ROOT / "kit")), tmp / "cache")


def titled(cards: list[dict]) -> list[tuple[int, dict]]:
    """(deck position, card) for every card with a title: blank cards have none."""
    return [(i, c) for i, c in enumerate(cards) if c["title"]]


@pytest.mark.parametrize("paper", PAPERS)
def test_page_size_and_count(fixture_decks, paper):
    reader = PdfReader(fixture_decks[paper])
    width_pt, height_pt = PAPERS[paper][2:]
    # 16 cards (two index cards, how to use, nine numbered, five blanks): four sheets, each printed
    # as a page of fronts and a page of backs.
    assert len(fixture_decks["cards"]) == 16 and len(reader.pages) == 8
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width_pt, abs=0.05)
        assert float(page.mediabox.height) == pytest.approx(height_pt, abs=0.05)


@pytest.mark.parametrize("paper", PAPERS)
def test_grid_leaves_at_least_5_mm_to_every_edge(paper):
    x0, y0 = origin(paper)
    width, height = PAPERS[paper][:2]
    assert x0 >= 5 and y0 >= 5
    assert width - (x0 + 2 * CARD_W + GUTTER) >= 5 and height - (y0 + 2 * CARD_H + GUTTER) >= 5


def title_positions(page, title: str, size: float) -> list[dict]:
    return [r for r in text_runs(page) if r["text"] == title and r["size"] == pytest.approx(size, abs=0.01)]


def locate(paper: str, run: dict) -> tuple[int, int]:
    """The grid slot (row, column) whose card area holds this text."""
    for row in range(2):
        for col in range(2):
            x, y = slot(paper, row, col)
            if x < run["x"] < x + CARD_W and y < run["y"] < y + CARD_H:
                return row, col
    raise AssertionError(f"{run['text']!r} at ({run['x']:.1f}, {run['y']:.1f}) mm is outside every card")


@pytest.mark.parametrize("paper", PAPERS)
def test_one_front_per_card_and_backs_mirrored(fixture_decks, paper):
    reader = PdfReader(fixture_decks[paper])
    for index, card in titled(fixture_decks["cards"]):
        sheet, position = divmod(index, 4)
        row, col = divmod(position, 2)
        front, back = reader.pages[2 * sheet], reader.pages[2 * sheet + 1]
        [on_front] = title_positions(front, card["title"], 18)
        assert locate(paper, on_front) == (row, col), f"front of {card['id']}"
        [on_back] = title_positions(back, card["title"], 16)
        # Flip on the long edge: the back of the card in column c is printed in column 1 - c.
        assert locate(paper, on_back) == (row, 1 - col), f"back of {card['id']}"
        # Each title appears once per sheet side: no card is drawn twice.
        for page in (front, back):
            assert sum(r["text"] == card["title"] for r in text_runs(page)) == 1
    # The last sheet ends with blank cards: their label, no title.
    last = bbox_blocks(fixture_decks[paper])[-2]
    assert sum(block == "Your own card" for block in last) == sum(
        c["kind"] == "blank" for c in fixture_decks["cards"][-4:]) >= 2


def test_cards_sit_at_the_same_place_in_their_slot_on_both_papers(fixture_decks):
    card = fixture_decks["cards"][0]  # front: row 0, column 0; back: row 0, column 1
    offsets = {}
    for paper in PAPERS:
        reader = PdfReader(fixture_decks[paper])
        [front] = title_positions(reader.pages[0], card["title"], 18)
        [back] = title_positions(reader.pages[1], card["title"], 16)
        fx, fy = slot(paper, 0, 0)
        bx, by = slot(paper, 0, 1)
        offsets[paper] = (front["x"] - fx, front["y"] - fy, back["x"] - bx, back["y"] - by)
    for a, b in zip(offsets["a4"], offsets["letter"], strict=True):
        assert a == pytest.approx(b, abs=0.1)
    # Pitch of the grid: card plus gutter, across and down.
    reader = PdfReader(fixture_decks["a4"])
    xs = {c["title"]: title_positions(reader.pages[0], c["title"], 18)[0] for c in fixture_decks["cards"][:4]}
    t = [xs[c["title"]] for c in fixture_decks["cards"][:4]]
    assert t[1]["x"] - t[0]["x"] == pytest.approx(CARD_W + GUTTER, abs=0.1)
    assert t[2]["y"] - t[0]["y"] == pytest.approx(CARD_H + GUTTER, abs=0.1)


@pytest.mark.parametrize("paper", PAPERS)
def test_type_is_large_enough(fixture_decks, paper):
    check_type_sizes(fixture_decks[paper], fixture_decks["cards"], body=12, title=16)


FINE_PRINT = ["Card", "Kit", "1.2.3", "Research finding", "The kit's suggestion", "Added by your organisation",
              "https://kit.example.org", "workshop cards card fronts only fold-over large-print",
              "A4 · US Letter · landscape sheet of fronts backs one side print at 100% flip on long short edge",
              "one side, 100% fold at the dashed marks", "sheet numbers 0123456789",
              "Print two-sided, flip on long edge, at actual size (100%)",
              "Enabler Barrier Leader behaviour Leadership Activity of"]


def check_type_sizes(pdf: Path, cards: list[dict], body: float, title: float) -> None:
    """Only the card's reference line and the sheet label may be smaller than body text."""
    fine_print = " ".join([c["id"] for c in cards] + FINE_PRINT + [c["url"] for c in cards])
    titles = {c["title"] for c in cards if c["title"]}
    for page in PdfReader(pdf).pages:
        for run in text_runs(page):
            if run["size"] < body:
                words = run["text"].replace("·", " ").split()
                assert all(w in fine_print for w in words), f"{run['text']!r} is {run['size']} pt"
            if run["text"] in titles:
                assert run["size"] >= title


@pytest.mark.parametrize("paper", PAPERS)
def test_every_title_and_field_is_in_the_text(fixture_decks, paper):
    pages = bbox_blocks(fixture_decks[paper])
    text = [" ".join(blocks) for blocks in pages]
    for index, card in titled(fixture_decks["cards"]):
        sheet = index // 4
        front, back = text[2 * sheet], text[2 * sheet + 1]
        assert card["title"] in front and card["summary"] in front
        assert card["kind_label"] in front
        for line in [card["opening_question"], card["purpose"], *card["materials"]]:
            assert line in front
        for line in card["findings"] + card["questions"] + card["steps"]:
            assert line in back
        assert card["id"] in back
        assert card["url"] in back.replace(" ", "")


@pytest.mark.parametrize("paper", PAPERS)
def test_nothing_is_printed_in_the_unprintable_edge(fixture_decks, paper, tmp_path):
    dpi = 100
    for page in range(1, 7):
        width, height, pixels = gray_image(fixture_decks[paper], page, dpi, tmp_path)
        edge = math.ceil(4.9 / 25.4 * dpi)  # the 5 mm band some office printers leave blank
        for y in range(height):
            row = pixels[y * width:(y + 1) * width]
            if y < edge or y >= height - edge:
                assert min(row) > 230, f"page {page}: something drawn {y} px from the top or bottom edge"
            else:
                assert min(row[:edge]) > 230 and min(row[-edge:]) > 230, f"page {page}: drawn near a side, row {y}"


@pytest.mark.parametrize("paper", PAPERS)
def test_crop_marks_at_every_cut(fixture_decks, paper, tmp_path):
    dpi = 200
    px = dpi / 25.4
    x0, y0 = origin(paper)
    cuts_x = [x0, x0 + CARD_W, x0 + CARD_W + GUTTER, x0 + 2 * CARD_W + GUTTER]
    cuts_y = [y0, y0 + CARD_H, y0 + CARD_H + GUTTER, y0 + 2 * CARD_H + GUTTER]
    for page in (1, 2):  # a full sheet: fronts and backs
        width, height, pixels = gray_image(fixture_decks[paper], page, dpi, tmp_path)

        def dark_near(x_mm: float, y_mm: float) -> bool:
            cx, cy = round(x_mm * px), round(y_mm * px)
            return min(pixels[y * width + x] for y in range(cy - 2, cy + 3) for x in range(cx - 2, cx + 3)) < 160

        reach = MARK_GAP + 0.5  # just beyond the gap: where every mark, long or short, is drawn
        for x in cuts_x:
            assert dark_near(x, y0 - reach), f"page {page}: no mark above the cut at x={x:.1f} mm"
            assert dark_near(x, cuts_y[-1] + reach), f"page {page}: no mark below the cut at x={x:.1f} mm"
        for y in cuts_y:
            assert dark_near(x0 - reach, y), f"page {page}: no mark left of the cut at y={y:.1f} mm"
            assert dark_near(cuts_x[-1] + reach, y), f"page {page}: no mark right of the cut at y={y:.1f} mm"
        # Marks in the gutters too, so a card keeps its marks whatever is cut first.
        assert dark_near(x0 + CARD_W + reach, y0)
        assert dark_near(x0, y0 + CARD_H + reach)
        # Marks stop short of the card: no line runs along its edge.
        assert not dark_near(x0 + CARD_W / 2, y0 + 0.3) and not dark_near(x0 + 0.3, y0 + CARD_H / 2)


def test_real_kit_decks(real_decks):
    cards = real_decks["cards"]
    sheets = math.ceil(len(cards) / 4)
    for paper in PAPERS:
        assert len(PdfReader(real_decks[paper]).pages) == 2 * sheets
        pages = bbox_blocks(real_decks[paper])
        for index, card in titled(cards):
            sheet = index // 4
            front = " ".join(pages[2 * sheet])
            back = " ".join(pages[2 * sheet + 1])
            assert card["title"] in front, f"{card['id']}: title not on its front ({paper})"
            assert card["title"] in back, f"{card['id']}: title not on its back ({paper})"


DECK_LAYOUTS = ("cards", "cards-fronts", "cards-fold", "cards-large")


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", DECK_LAYOUTS)
def test_every_deck_opens_with_its_index_naming_each_card_by_its_front_number(fixture_decks, layout, paper):
    """Issue 18, item 7: the first card of every deck file is the index; it lists every numbered card
    as 'Enabler 1 of 3: Listen before you plan', the same number the card's own front shows."""
    pdf = layout_file(fixture_decks, layout, paper)
    cards = fixture_decks["cards"]
    indexes = [c for c in cards if c["kind"] == "index"]
    numbered = [c for c in cards if c["number"]]
    assert cards[:len(indexes)] == indexes and numbered
    pages = [" ".join(blocks) for blocks in bbox_blocks(pdf)]
    # The first page opens with the index (its slot is checked with every card's, by layout, above and below).
    assert pages[0].startswith("Deck index") and indexes[0]["title"] in pages[0], pages[0][:80]
    per_page = {"cards": 4, "cards-fronts": 4, "cards-fold": 2, "cards-large": 2}[layout]
    step = 1 if layout in ("cards-fronts", "cards-fold") else 2
    fronts = [pages[n * step] for n in range(-(-len(cards) // per_page))]
    index_text = " ".join(fronts[:-(-len(indexes) // per_page)])
    for card in numbered:
        assert f"{card['number']}: {card['title']}" in index_text, (layout, paper, card["id"])
        # The card's own front shows the same number.
        sheet = cards.index(card) // per_page
        assert f"{card['number']} · Card {card['id']}" in fronts[sheet], (layout, paper, card["id"])
    # Its back (two-sided and fold-over) says how to keep the deck in order, as the kit's suggestion.
    if layout != "cards-fronts":
        back = pages[1] if layout in ("cards", "cards-large") else pages[0]
        assert "Keeping the cards in order" in back and "The kit's suggestion" in back


# --- the other layouts: the same faces, placed differently ---------------------------------

LARGE_W, LARGE_H = 130, 190


def layout_file(decks: dict, name: str, paper: str) -> Path:
    return decks["files"][f"downloads/{name}-{paper}.pdf"]


def inside(run: dict, x: float, y: float, w: float, h: float) -> bool:
    return x < run["x"] < x + w and y < run["y"] < y + h


@pytest.mark.parametrize("paper", PAPERS)
def test_fronts_only(fixture_decks, paper):
    reader = PdfReader(layout_file(fixture_decks, "cards-fronts", paper))
    cards = fixture_decks["cards"]
    assert len(reader.pages) == math.ceil(len(cards) / 4)
    for index, card in titled(cards):
        page, position = divmod(index, 4)
        [run] = title_positions(reader.pages[page], card["title"], 18)
        assert locate(paper, run) == divmod(position, 2)
    text = " ".join(" ".join(blocks) for blocks in bbox_blocks(layout_file(fixture_decks, "cards-fronts", paper)))
    assert "What the study found" not in text and "Questions to discuss" not in text


def fold_origin(paper: str) -> tuple[float, float]:
    width, height = PAPERS[paper][:2]
    return (width - 2 * CARD_W) / 2, (height - 2 * CARD_H - GUTTER) / 2


@pytest.mark.parametrize("paper", PAPERS)
def test_fold_over_puts_front_and_back_side_by_side(fixture_decks, paper, tmp_path):
    pdf = layout_file(fixture_decks, "cards-fold", paper)
    reader = PdfReader(pdf)
    cards = fixture_decks["cards"]
    assert len(reader.pages) == math.ceil(len(cards) / 2)
    width_pt, height_pt = PAPERS[paper][2:]
    assert float(reader.pages[0].mediabox.width) == pytest.approx(width_pt, abs=0.05)
    x0, y0 = fold_origin(paper)
    for index, card in titled(cards):
        page, row = divmod(index, 2)
        y = y0 + row * (CARD_H + GUTTER)
        [front] = title_positions(reader.pages[page], card["title"], 18)
        [back] = title_positions(reader.pages[page], card["title"], 16)
        assert inside(front, x0, y, CARD_W, CARD_H), f"front of {card['id']}"
        assert inside(back, x0 + CARD_W, y, CARD_W, CARD_H), f"back of {card['id']}"
        # The back's title sits at the same place in its half as on the two-sided deck's back.
        assert back["x"] - (x0 + CARD_W) == pytest.approx(front["x"] - x0, abs=0.1)
    # Dashed fold marks outside the card at the fold, nothing drawn along the fold on the card.
    dpi = 200
    px = dpi / 25.4
    w, h, pixels = gray_image(pdf, 1, dpi, tmp_path)

    def darkest(x_mm: float, y_mm: float, r: int = 2) -> int:
        cx, cy = round(x_mm * px), round(y_mm * px)
        return min(pixels[yy * w + xx] for yy in range(cy - r, cy + r + 1) for xx in range(cx - r, cx + r + 1))

    fold = x0 + CARD_W
    assert darkest(fold, y0 - MARK_GAP - 1.5) < 160, "no fold mark above the first card"
    assert darkest(fold, y0 + CARD_H + MARK_GAP + 0.5) < 160, "no fold mark in the gutter"
    assert darkest(fold, y0 + CARD_H / 2) > 230, "something is drawn across the fold"
    # Crop marks at the outer corners of the folded-out card.
    assert darkest(x0, y0 - MARK_GAP - 0.5) < 160 and darkest(x0 + 2 * CARD_W, y0 - MARK_GAP - 0.5) < 160


def large_slot(paper: str, col: int) -> tuple[float, float]:
    height, width = PAPERS[paper][:2]  # landscape
    x0 = (width - 2 * LARGE_W - GUTTER) / 2
    y0 = (height - LARGE_H) / 2
    return x0 + col * (LARGE_W + GUTTER), y0


@pytest.mark.parametrize("paper", PAPERS)
def test_large_print_is_landscape_two_a_sheet_and_at_least_16_pt(fixture_decks, paper):
    pdf = layout_file(fixture_decks, "cards-large", paper)
    reader = PdfReader(pdf)
    cards = fixture_decks["cards"]
    assert len(reader.pages) == 2 * math.ceil(len(cards) / 2)
    width_pt, height_pt = PAPERS[paper][2:]
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(height_pt, abs=0.05)
        assert float(page.mediabox.height) == pytest.approx(width_pt, abs=0.05)
    scale = LARGE_W / CARD_W
    for index, card in titled(cards):
        sheet, col = divmod(index, 2)
        [front] = title_positions(reader.pages[2 * sheet], card["title"], round(18 * scale, 2))
        [back] = title_positions(reader.pages[2 * sheet + 1], card["title"], round(16 * scale, 2))
        assert inside(front, *large_slot(paper, col), LARGE_W, LARGE_H), f"front of {card['id']}"
        # Landscape sheets flip on the short edge: the back is in the other column.
        assert inside(back, *large_slot(paper, 1 - col), LARGE_W, LARGE_H), f"back of {card['id']}"
    # Body text measures 16 pt or more; titles about 25 pt on the front and 22 pt on the back.
    sizes = {run["size"] for page in reader.pages for run in text_runs(page)}
    assert round(12 * scale, 2) in sizes and round(12 * scale, 2) >= 16
    check_type_sizes(pdf, cards, body=16, title=21.8)


@pytest.mark.parametrize("paper", PAPERS)
def test_two_sided_test_page(fixture_decks, paper, tmp_path):
    pdf = layout_file(fixture_decks, "cards-test", paper)
    assert len(PdfReader(pdf).pages) == 2
    text = bbox_blocks(pdf)
    assert any("Two-sided test: front" in b for b in text[0])
    assert any("Two-sided test: back" in b for b in text[1])
    dpi = 200
    px = dpi / 25.4
    width_mm = PAPERS[paper][0]
    for page in (1, 2):
        w, h, pixels = gray_image(pdf, page, dpi, tmp_path)

        def dark(x_mm: float, y_mm: float) -> bool:
            cx, cy = round(x_mm * px), round(y_mm * px)
            return min(pixels[yy * w + xx] for yy in range(cy - 1, cy + 2) for xx in range(cx - 1, cx + 2)) < 160

        for row in range(2):
            for col in range(2):
                x, y = slot(paper, row, col)
                cx, cy = x + CARD_W / 2, y + CARD_H / 2
                if page == 1:
                    assert dark(cx, cy) and dark(cx + 10, cy) and dark(cx, cy + 10), "cross on the front"
                else:
                    # The back's scale is at the same place on the paper: mirrored on the page.
                    mx = width_mm - cx
                    assert dark(mx, cy), f"scale centre on the back at {mx:.1f} mm"
                    assert dark(mx + 10, cy + 5) and dark(mx + 5, cy + 10), "scales across and down"


@pytest.mark.parametrize("layout", ["cards-fold", "cards-large", "cards-fronts", "cards-test"])
def test_nothing_in_the_unprintable_edge_of_other_layouts(fixture_decks, layout, tmp_path):
    dpi = 100
    pdf = layout_file(fixture_decks, layout, "letter")
    for page in (1, 2) if len(PdfReader(pdf).pages) > 1 else (1,):
        width, height, pixels = gray_image(pdf, page, dpi, tmp_path)
        edge = math.ceil(4.9 / 25.4 * dpi)  # the 5 mm band some office printers leave blank
        for y in range(height):
            row = pixels[y * width:(y + 1) * width]
            if y < edge or y >= height - edge:
                assert min(row) > 230, f"{layout} page {page}: drawn {y} px from the top or bottom edge"
            else:
                assert min(row[:edge]) > 230 and min(row[-edge:]) > 230, f"{layout} page {page}: near a side"


def test_one_card_pdfs(fixture_decks):
    files = fixture_decks["files"]
    cards = page_cards({"cards": fixture_decks["cards"]})
    assert len(cards) == 9
    x0 = (PAPERS["a4"][0] - 2 * CARD_W) / 2
    for card in cards:
        pdf = files[f"downloads/cards/{card['id']}.pdf"]
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1
        page = reader.pages[0]
        assert float(page.mediabox.height) == pytest.approx(PAPERS["a4"][3], abs=0.05)
        [front] = title_positions(page, card["title"], 18)
        [back] = title_positions(page, card["title"], 16)
        assert inside(front, x0, 20, CARD_W, CARD_H) and inside(back, x0 + CARD_W, 20, CARD_W, CARD_H)
        text = " ".join(bbox_blocks(pdf)[0])
        assert "one card to print" in text and card["id"] in text
        # Only this card: no other card's title is on the page.
        others = {c["title"] for c in cards if c["id"] != card["id"]}
        assert not [r for r in text_runs(page) if r["text"] in others]


def test_previews_are_small_pngs_of_the_first_sheet(fixture_decks):
    files = fixture_decks["files"]
    for name in ("cards", "cards-fronts", "cards-fold", "cards-large", "cards-test"):
        data = files[f"downloads/previews/{name}.png"].read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        long_side, short_side = round(297 / 25.4 * 40), round(210 / 25.4 * 40)
        expected = (long_side, short_side) if name == "cards-large" else (short_side, long_side)
        assert (width, height) == pytest.approx(expected, abs=2)


@pytest.mark.parametrize("paper", PAPERS)
def test_two_sided_test_labels_its_zero_and_no_labels_touch(fixture_decks, paper):
    import subprocess
    import xml.etree.ElementTree as ET

    pdf = layout_file(fixture_decks, "cards-test", paper)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = [(w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
             for w in ET.fromstring(html.replace("&nbsp;", " ")).iter("{http://www.w3.org/1999/xhtml}word")]
    labels = [w for w in words if w[0] in {"0", "+5", "\u22125"}]
    # Four scales, each labelled -5, 0, +5 across and down.
    assert sum(1 for w in labels if w[0] == "+5") == 8 and sum(1 for w in labels if w[0] == "\u22125") == 8
    assert sum(1 for w in labels if w[0] == "0") >= 8  # and the 0 the instructions speak of
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, (a, b)


@pytest.mark.parametrize("paper", PAPERS)
def test_blank_cards_have_the_same_lines_on_both_faces_and_a_frame_inside_the_cut(fixture_decks, paper, tmp_path):
    dpi = 150
    px = dpi / 25.4
    reader = PdfReader(fixture_decks[paper])
    last = len(reader.pages)
    counts = {}
    for page in (last - 1, last):
        runs = [r for r in text_runs(reader.pages[page - 1]) if r["text"].startswith("Your own card")]
        assert runs, page
        width, height, pixels = gray_image(fixture_decks[paper], page, dpi, tmp_path)
        for run in runs:
            row, col = locate(paper, run)
            x, y = slot(paper, row, col)
            cx = round((x + CARD_W / 2) * px)
            column = [pixels[yy * width + cx] for yy in range(round(y * px), round((y + CARD_H) * px))]
            # Ruled lines (and the frame's top and bottom): runs of dark pixels down the middle.
            lines = sum(1 for i in range(1, len(column)) if column[i] < 200 <= column[i - 1])
            counts.setdefault(page, set()).add(lines)
            # Nothing on the cut line itself, nor within 2 mm inside it: the frame sits 3 mm in.
            for inset in (0.2, 1.0, 2.0):
                for yy in (round((y + inset) * px), round((y + CARD_H - inset) * px)):
                    assert pixels[yy * width + cx] > 200, (page, row, col, inset)
                assert pixels[round((y + CARD_H / 2) * px) * width + round((x + inset) * px)] > 200
    assert len(counts[last - 1]) == 1 and counts[last - 1] == counts[last], counts
