"""What a trustee sees in their first minutes: the first steps, a short menu, one leadership
page, tooltips only where they help, and labels that keep research and suggestion apart.

Measured in Chromium at 1280 x 800, the desktop size the content review used.
"""

from __future__ import annotations

import datetime
import re

import pytest

from conftest import ROOT
from involvement_kit.content.loader import load_kit
from involvement_kit.web.print_links import add_print_addresses

BEHAVIOURS = load_kit(ROOT / "kit").leader_behaviours
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


# --- item 5: what to do first ------------------------------------------------------------

def test_home_page_gives_three_first_steps_with_links(desk, site_url):
    desk.goto(site_url + "/index.html")
    steps = desk.locator("article h2:has-text('What to do first') ~ ol").first.locator(":scope > li")
    assert steps.count() == 3
    assert "quick check" in steps.nth(0).inner_text()
    assert steps.nth(0).locator("a").get_attribute("href") == "scoring/index.html"
    assert "two-hour board session" in steps.nth(1).inner_text()
    assert steps.nth(1).locator("a").get_attribute("href") == "sessions/board-session.html"
    assert re.search(r"two or three actions.*owner.*date", steps.nth(2).inner_text())
    # The steps come before the audience cards, so they are read first.
    first_steps = desk.get_by_role("heading", name="What to do first").bounding_box()
    start_here = desk.get_by_role("heading", name="Start here").bounding_box()
    assert first_steps["y"] < start_here["y"]


@pytest.mark.parametrize("href", ["trustees.html", "scoring/index.html"])
def test_trustees_and_scorer_sit_in_the_first_screen_of_the_menu(desk, site_url, href):
    desk.goto(site_url + "/index.html")
    link = desk.locator(f"nav.md-nav--primary a.md-nav__link[href='{href}']").first
    assert link.is_visible()
    box = link.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"], box
    assert link.inner_text().strip() in {"Trustees", "Score your organisation"}


# --- item 6: leadership in one place -----------------------------------------------------

def test_leadership_page_is_at_most_4500_px_tall(desk, site_url):
    # 4000 px until each behaviour gained its question for people who use services (issue 20, item 6):
    # both questions now share one box, and the limit allows that one line more a behaviour.
    desk.goto(site_url + "/leadership/index.html")
    assert desk.evaluate("document.documentElement.scrollHeight") <= 4500


def test_checklist_shows_each_behaviour_once_in_straight_columns(desk, site_url):
    desk.goto(site_url + "/leadership/index.html")
    rows = desk.locator(".kit-checklist__items > li")
    assert rows.count() == len(BEHAVIOURS)
    box_x, link_x = set(), set()
    for i, behaviour in enumerate(BEHAVIOURS):
        row = rows.nth(i)
        # Text a sighted reader sees: everything but what is clipped to a 1 px box.
        seen = row.evaluate("""li => { const copy = li.cloneNode(true);
            for (const hidden of copy.querySelectorAll('.kit-visually-hidden')) hidden.remove();
            return copy.textContent; }""")
        assert seen.count(behaviour.title) == 1, seen
        for hidden in row.locator(".kit-visually-hidden").all():
            box = hidden.bounding_box()
            assert box["width"] <= 1 and box["height"] <= 1
        # Screen readers still hear which behaviour each link is for.
        name = re.compile(r"^More about this\s*:\s*" + re.escape(behaviour.title) + "$")
        assert desk.get_by_role("link", name=name).count() == 1
        box_x.add(round(row.locator("input").bounding_box()["x"]))
        more = row.locator(".kit-checklist__more").bounding_box()
        link_x.add(round(more["x"] + more["width"]))
    assert len(box_x) == 1 and len(link_x) == 1, (box_x, link_x)


def test_leadership_styles_page_links_to_the_behaviours_instead_of_listing_them(desk, site_url):
    desk.goto(site_url + "/leadership-styles.html")
    text = desk.locator("article").inner_text()
    repeated = [b.title for b in BEHAVIOURS if b.title in text]
    assert not repeated
    assert desk.locator("article a[href='leadership/index.html']").count() >= 1


# --- item 7: reading comfort -------------------------------------------------------------

@pytest.mark.parametrize("address", ["trustees.html", "leadership/index.html", "key-findings.html"])
def test_glossary_terms_are_explained_once_and_never_in_headings_or_links(desk, site_url, address):
    desk.goto(site_url + "/" + address)
    terms = desk.evaluate("""() => [...document.querySelectorAll('article abbr')].map(a => ({
        text: a.textContent.toLowerCase().replace(/s$/, ''),
        inHeading: !!a.closest('h1, h2, h3, h4, h5, h6'),
        inLink: !!a.closest('a')}))""")
    assert not [t for t in terms if t["inHeading"] or t["inLink"]]
    texts = [t["text"] for t in terms]
    assert len(texts) == len(set(texts)), texts


def test_headings_are_as_dark_as_body_text_and_heavier(desk, site_url):
    desk.goto(site_url + "/trustees.html")
    body = desk.locator("article p").first.evaluate("e => getComputedStyle(e).color")
    for level in ("h1", "h2"):
        style = desk.locator(f"article {level}").first.evaluate(
            "e => ({colour: getComputedStyle(e).color, weight: +getComputedStyle(e).fontWeight})")
        assert style["colour"] == body and style["weight"] >= 600, (level, style)


def _look(locator, pseudo: str = "") -> dict:
    return locator.evaluate(f"""e => {{ const s = getComputedStyle(e{", '" + pseudo + "'" if pseudo else ""});
        return {{colour: s.color, background: s.backgroundColor, border: s.borderLeftColor,
                 icon: s.maskImage || s.webkitMaskImage, size: parseFloat(s.fontSize)}}; }}""")


def test_research_and_kit_labels_differ_from_each_other_and_from_kind_badges(desk, site_url):
    desk.goto(site_url + "/leadership/index.html")
    research = desk.locator(".kit-source--report").first
    kind = desk.locator(".kit-kind").first
    suggestion = desk.locator("article .kit-suggestion").first
    assert research.inner_text().strip() != suggestion.inner_text().strip()
    research_look, kind_look, kit_look = _look(research), _look(kind), _look(suggestion)
    assert research_look["background"] != kind_look["background"]
    assert research_look["colour"] != kit_look["border"]
    # Each carries its own icon, never the same one.
    research_icon, kit_icon = _look(research, "::before")["icon"], _look(suggestion, "::before")["icon"]
    assert research_icon.startswith("url(") and kit_icon.startswith("url(") and research_icon != kit_icon
    # The kit's label is as legible as body text: same colour and size.
    body = _look(desk.locator("article p:not([class])").first)
    assert kit_look["colour"] == body["colour"] and kit_look["size"] >= body["size"]


def test_key_findings_table_is_at_body_size(desk, site_url):
    desk.goto(site_url + "/key-findings.html")
    table = desk.locator("article table td").first
    body = desk.locator("article p:not([class])").first
    assert _look(table)["size"] == _look(body)["size"]


@pytest.mark.parametrize("width", [1280, 360])
def test_buttons_side_by_side_never_touch(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for address in ("trustees.html", "leadership/index.html"):
            page.goto(site_url + "/" + address)
            boxes = [b.bounding_box() for b in page.locator("article .md-button").all() if b.is_visible()]
            assert len(boxes) >= 2
            for a, b in zip(boxes, boxes[1:]):
                same_line = abs(a["y"] - b["y"]) < 2
                gap = b["x"] - (a["x"] + a["width"]) if same_line else b["y"] - (a["y"] + a["height"])
                assert gap >= 8, (address, width, a, b)
    finally:
        context.close()


def test_every_page_says_when_it_was_last_reviewed_not_when_it_was_built(built_site):
    found = re.search(r"^  reviewed: (\d{4}-\d{2}-\d{2})$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    reviewed = datetime.date.fromisoformat(found.group(1))
    words = f"Last reviewed: {reviewed.day} {reviewed:%B %Y}"
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    missing = [p.relative_to(built_site).as_posix() for p in pages
               if words not in re.sub(r"<[^>]+>", "", p.read_text(encoding="utf-8"))]
    assert not missing, missing[:10]


def printed_address_after(desk) -> str:
    desk.emulate_media(media="print")
    link = desk.locator("article a[href='key-findings.html']").first
    return str(link.evaluate("a => getComputedStyle(a, '::after').content"))


def test_printed_cross_references_show_their_addresses(desk, site_url, built_site):
    # The default build has no public_url, so a printed link carries no made-up address.
    desk.goto(site_url + "/trustees.html")
    assert printed_address_after(desk) == "none"
    # With public_url set, the hook gives each link its published address and print shows it.
    published = (built_site / "trustees.html").read_text(encoding="utf-8")
    published = add_print_addresses(published, "trustees.html", "https://kit.riverside.org.uk")
    desk.route(site_url + "/trustees.html", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=published))
    desk.goto(site_url + "/trustees.html")
    after = printed_address_after(desk)
    assert after == '" (https://kit.riverside.org.uk/key-findings.html)"', after
