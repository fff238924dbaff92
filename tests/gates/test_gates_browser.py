"""Browser gates on the real site: accessibility (axe-core, WCAG 2.2 AA, and HTML_CodeSniffer,
WCAG2AA errors), reflow at 320 px,
text spacing, visible keyboard focus, and no request to any host but 127.0.0.1.

One walk over every page (gates_browser.walk) feeds all the tests; each test fails on
its own problems only.
"""

from __future__ import annotations

import pytest

from gates_browser import describe, walk
from gates_site import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.needs("axe-core", "html_codesniffer")]


@pytest.fixture(scope="session")
def site_walk(browser, built_site, site_url):
    return walk(browser, site_url, site_pages(built_site))


def test_walk_covers_every_page(site_walk, built_site):
    stats = site_walk["stats"]
    assert stats["pages"] == len(site_pages(built_site)) and stats["pages"] >= 10
    assert stats["axe_runs"] == 2 * stats["pages"]
    assert stats["htmlcs_runs"] == 2 * stats["pages"]


def test_axe_finds_no_wcag_violation_on_any_page(site_walk):
    assert not site_walk["axe"], describe(site_walk["axe"])


def test_html_codesniffer_finds_no_wcag_error_on_any_page(site_walk):
    assert not site_walk["htmlcs"], describe(site_walk["htmlcs"])


def test_no_page_scrolls_sideways_at_320px(site_walk):
    assert not site_walk["reflow"], describe(site_walk["reflow"])


def test_text_spacing_cuts_off_no_text(site_walk):
    assert not site_walk["text_spacing"], describe(site_walk["text_spacing"])


def test_keyboard_focus_is_on_screen_and_clearly_shown_on_every_focusable_element(site_walk):
    stats = site_walk["stats"]
    assert stats["tab_stops"] >= stats["pages"] and stats["focus_swept"] >= 10 * stats["pages"], stats
    assert not site_walk["focus"], describe(site_walk["focus"])


def test_no_request_leaves_the_machine(site_walk):
    assert site_walk["stats"]["requests"] >= site_walk["stats"]["pages"]
    assert not site_walk["requests"], describe(site_walk["requests"])
