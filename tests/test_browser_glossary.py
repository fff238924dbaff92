"""Glossary terms explain themselves where they appear: on hover, and on tap on a phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def tooltip_text(page) -> str:
    page.wait_for_function("() => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')]"
                           ".some(t => getComputedStyle(t).visibility !== 'hidden' && t.textContent.trim())",
                           timeout=5_000)
    return page.evaluate("() => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')]"
                         ".filter(t => getComputedStyle(t).visibility !== 'hidden').map(t => t.textContent).join(' ')")


def test_term_explained_on_hover(page, site_url):
    page.goto(site_url + "/what-is-involvement.html")
    term = page.locator("article abbr").first
    title = term.get_attribute("title") or ""
    term.hover()
    assert title and title.split()[0] in tooltip_text(page)


def test_term_explained_on_tap_at_a_touch_viewport(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_url + "/what-is-involvement.html")
        term = page.locator("article abbr").first
        term.scroll_into_view_if_needed()
        explanation = term.evaluate("a => a.title || a.dataset.title || ''")
        term.tap()
        assert explanation.split()[0] in tooltip_text(page)
    finally:
        context.close()
