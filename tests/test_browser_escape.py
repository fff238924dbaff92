"""Escape answers "no" on every question the kit asks on the page before it removes something,
as it would close a dialog: the panel closes, focus goes back, and nothing is removed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _escape_keeps(page, opener: str, question: str, back: str) -> None:
    page.get_by_role("button", name=opener, exact=True).first.click()
    group = page.get_by_role("group", name=question)
    assert group.is_visible()
    page.keyboard.press("Escape")
    assert group.is_hidden()
    assert page.evaluate("document.activeElement.textContent.trim()") == back


def test_escape_closes_the_scorers_clear_question(page, site_url):
    page.goto(site_url + "/scoring/index.html")
    page.locator("input[type=radio]").first.check()
    _escape_keeps(page, "Clear my answers", "Clear every answer and note kept in this browser?", "Clear my answers")
    assert page.locator("input[type=radio]").first.is_checked()


def test_escape_closes_the_compare_pages_clear_question(page, site_url):
    page.goto(site_url + "/scoring/compare.html")
    _escape_keeps(page, "Clear everything", "Clear every file and every typed-in row", "Clear everything")


def test_escape_closes_the_forget_everything_question(page, site_url):
    page.goto(site_url + "/privacy.html")
    name = "Forget everything this kit keeps in this browser"
    _escape_keeps(page, name, "Remove every answer, note, loaded file", name)
    assert page.get_by_role("status").filter(has_text="Nothing was forgotten.").count() == 1
