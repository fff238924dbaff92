"""The organisation's own records are labelled on every output where the kit's records are,
and never listed under what the study found: pages, scorers and PDFs read back."""

from __future__ import annotations

import functools
import html as htmllib
import http.server
import re
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_project, mkdocs_build
from involvement_kit.vocabulary import (
    EASY_READ_OWN,
    EASY_READ_OWN_HEADING,
    EASY_READ_OWN_QUESTION,
    SOURCE_LABELS,
)

pytestmark = pytest.mark.build

LABEL = SOURCE_LABELS["organisation"]
SUGGESTION = SOURCE_LABELS["kit"]

OWN_ENABLER = """- id: carers-cafe
  title: A monthly carers' cafe
  summary: Carers meet over tea each month and tell us what to change.
  source: organisation
  report_section: none
  user_question: "When did you last see something change here because users asked?"
  opening_question: Where can carers talk to us without filling in a form?
  questions:
    - What did the last cafe change?
  in_practice:
    - A trustee comes to every cafe to listen.
  related: [presence-of-users]
  easy_read:
    - text: "Carers meet for tea once a month."
      picture: images/symbols/meet.svg
      alt: "A cup of coffee"
"""
OWN_BARRIER = """- id: no-bus
  title: No bus on Sundays
  summary: Some members cannot reach weekend meetings without a bus.
  source: organisation
  report_section: none
  user_question: "When did you last see something change here because users asked?"
  opening_question: Who could not come to our last weekend meeting?
  related: [resources]
  easy_read:
    - text: "There is no bus on Sundays."
      picture: images/symbols/bus.svg
      alt: "A bus"
"""
OWN_STATEMENTS = """- id: cafe-listened
  area: carers-cafe
  text: What carers say at the cafe changes our plans.
  level_0: Nobody notes what carers say.
  level_1: Staff note it and decide what to do.
  level_2: Carers decide which changes come first.
  source: organisation
  easy_read: Does what you say at the cafe change the plans?
- id: cafe-open
  area: carers-cafe
  text: Any carer can come to the cafe.
  level_0: Only invited carers come.
  level_1: Anyone can come, but few know about it.
  level_2: Carers run the invitations themselves.
  source: organisation
- id: bus-help
  area: no-bus
  text: We help members reach meetings without a bus.
  level_0: No help with travel.
  level_1: Help when staff think of it.
  level_2: Members plan the travel help.
  source: organisation
- id: bus-times
  area: no-bus
  text: We hold meetings when members can reach them.
  level_0: Meetings suit staff only.
  level_1: Members are asked after times are set.
  level_2: Members choose the times.
  source: organisation
"""
# Packs hold exactly the cards and sheets a plan uses, and no kit plan names the organisation's
# records, so the organisation adds a plan of its own that does.
OWN_SESSIONS = """- id: cafe-hour
  title: An hour at the carers' cafe
  summary: Carers talk about the cafe and the Sunday bus, then score how far they have a say.
  source: organisation
  report_section: none
  purpose: >-
    Carers who come to the cafe say what it changes and what stops them coming, and each scores
    the cafe's statements on their own.
  outcomes:
    - Two changes carers want, written down.
  invite:
    - Carers who come to the cafe, and a collector for the sheets who is not staff.
  attendance:
    - group: users
      at_least: 3
  room:
    - The cafe's usual room, step-free.
  sheets: [full]
  steps:
    - title: The cafe and the bus
      minutes: 30
      cards: [carers-cafe, no-bus]
      notes: >-
        Read each card aloud and ask its opening question. Write down what carers say.
    - title: Scoring on your own
      minutes: 20
      shows: [everyone]
      collated_by: The collector, who is not staff, enters the sheets into the compare page after the cafe.
      notes: >-
        Each carer fills in a sheet alone and posts it in the box. Nobody sees another's sheet.
"""
OWN_TITLES = ("A monthly carers' cafe", "No bus on Sundays")
# Inline marks (a hard word in bold, a link) sit inside words: a reader sees no space there.
INLINE_TAGS = r"</?(?:a|abbr|b|code|dfn|em|i|mark|span|strong)\b[^>]*>"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("own-records"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace('    organisation: ""', """    organisation: Riverside Carers
    own_records: our-kit"""), encoding="utf-8")
    own = project / "our-kit"
    own.mkdir()
    (own / "enablers.yml").write_text(OWN_ENABLER, encoding="utf-8")
    (own / "barriers.yml").write_text(OWN_BARRIER, encoding="utf-8")
    (own / "statements.yml").write_text(OWN_STATEMENTS, encoding="utf-8")
    (own / "sessions.yml").write_text(OWN_SESSIONS, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


def words(html: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", re.sub(INLINE_TAGS, "", html))).split())


def seen(path: Path) -> str:
    return words(re.sub(r"<script.*?</script>|<style.*?</style>", " ", path.read_text(encoding="utf-8"), flags=re.S))


def content(path: Path) -> str:
    """The page's own text (its article), without the menus around it."""
    article = re.search(r"<article.*?</article>", path.read_text(encoding="utf-8"), re.S)
    assert article, f"{path.name} has no article"
    return words(article.group(0))


def pdf_text(path: Path) -> str:
    """The PDF's words, with the typeset apostrophe read as the one the YAML has."""
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)
    return text.replace("\u2019", "'")


@pytest.mark.parametrize("page", ["enablers/carers-cafe.html", "barriers/no-bus.html"])
def test_own_record_pages_say_whose_they_are_throughout(site, page):
    text = seen(site / page)
    assert LABEL in text and "Riverside Carers" in text
    assert SUGGESTION not in text, "an own record's questions are the organisation's, not the kit's suggestion"
    assert "What the study found" not in text


@pytest.mark.parametrize("overview, title", [("enablers/index.html", OWN_TITLES[0]),
                                              ("barriers/index.html", OWN_TITLES[1])])
def test_overview_grids_list_own_records_apart_and_labelled(site, overview, title):
    text = content(site / overview)
    heading = text.index(LABEL)
    assert text.index(title) > heading, "listed among what the study found"
    assert text.count(title) == 1


@pytest.mark.parametrize("page, title", [("easy-read/enablers/index.html", OWN_TITLES[0]),
                                          ("easy-read/barriers/index.html", OWN_TITLES[1])])
def test_easy_read_overview_never_lists_them_under_what_the_study_found(site, page, title):
    text = content(site / page)
    assert text.index(title) > text.index(EASY_READ_OWN_HEADING)


@pytest.mark.parametrize("page", ["easy-read/enablers/carers-cafe.html", "easy-read/barriers/no-bus.html"])
def test_easy_read_pages_say_the_organisation_added_it(site, page):
    assert EASY_READ_OWN in seen(site / page)


def test_scoring_sheets_label_own_areas(site):
    for sheet in sorted((site / "downloads").glob("scoring-*.pdf")):
        text = pdf_text(sheet)
        if OWN_TITLES[0] in text:
            assert f"{OWN_TITLES[0]} (Enabler · {LABEL})" in text, sheet.name
    assert f"(Enabler · {LABEL})" in pdf_text(site / "downloads" / "scoring-full-a4.pdf")


def test_every_card_layout_and_the_single_card_label_own_cards(site):
    decks = sorted((site / "downloads").glob("cards*.pdf"))
    assert len(decks) >= 4
    for deck in decks:
        text = pdf_text(deck)
        if OWN_TITLES[0] in text:
            assert LABEL in text, deck.name
    fronts = [d for d in decks if d.name.startswith("cards-fronts")]
    assert fronts and all(OWN_TITLES[0] in pdf_text(d) and LABEL in pdf_text(d) for d in fronts)
    for card in ("carers-cafe", "no-bus"):
        assert LABEL in pdf_text(site / "downloads" / "cards" / f"{card}.pdf")


def test_packs_label_own_records(site):
    packs = sorted((site / "downloads" / "packs").glob("*.pdf"))
    assert packs
    holding = [p for p in packs if OWN_TITLES[0] in pdf_text(p)]
    assert holding, "no pack holds the organisation's own card or sheet rows"
    for pack in holding:
        text = pdf_text(pack)
        # The card front and the scoring sheet's row, as a facilitator sees them in the pack.
        assert f"Enabler · {LABEL} {OWN_TITLES[0]}" in text, pack.name
        assert f"{OWN_TITLES[0]} (Enabler · {LABEL})" in text, pack.name


def test_easy_read_booklet_cards_and_sheet_label_own_records(site):
    booklet = pdf_text(site / "downloads" / "easy-read-booklet.pdf")
    own_part = booklet.index(EASY_READ_OWN_HEADING)
    for title in OWN_TITLES:
        assert booklet.index(title) > own_part, f"{title} is in the booklet under what the study found"
    cards = pdf_text(site / "downloads" / "easy-read-cards.pdf")
    assert all(title in cards for title in OWN_TITLES) and cards.count(EASY_READ_OWN) == 2
    assert EASY_READ_OWN_QUESTION in pdf_text(site / "downloads" / "easy-read-scoring.pdf")


@pytest.fixture(scope="module")
def own_site_url(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.browser
def test_both_scorers_label_own_questions_on_screen(page, own_site_url):
    page.goto(f"{own_site_url}/scoring/index.html")
    # The full set shows every area (the quick check holds only the kit's own statements).
    page.locator("#kit-set-full").check(timeout=120_000)
    heading = page.locator("#kit-area-carers-cafe")
    heading.wait_for(timeout=120_000)
    assert LABEL in heading.inner_text()
    # The easy-read scorer shows one question at a time: go through them as a reader does.
    page.goto(f"{own_site_url}/easy-read/scoring.html")
    page.locator("input[name='er-set'][value='full']").check(timeout=120_000)
    page.locator(".er-start").click(timeout=120_000)
    labelled = 0
    while True:
        question = page.locator(".er-question legend")
        question.wait_for(timeout=120_000)
        labelled += EASY_READ_OWN_QUESTION in question.inner_text()
        step = page.locator("#er-step-heading").inner_text()
        next_button = page.locator(".er-next")
        if "see your answers" in next_button.inner_text():
            break
        next_button.click()
        page.wait_for_function("s => document.querySelector('#er-step-heading')?.textContent !== s", arg=step,
                               timeout=120_000)
    # Only statements with easy wording are asked in easy read; each of those says whose it is, no other does.
    assert labelled == OWN_STATEMENTS.count("easy_read:"), "an own question's screen does not say whose it is"
    next_button.click()
    answers = page.locator(".er-answer__question", has_text=EASY_READ_OWN_QUESTION)
    answers.first.wait_for(timeout=120_000)
    assert answers.count() == labelled, "the end page lists an own question without its label"
