"""The leadership checklist keeps its ticks across a reload, and clears on request, after asking."""

from __future__ import annotations

import pytest

from conftest import ROOT
from gates_browser import focus_sweep
from involvement_kit.content.loader import load_kit

BEHAVIOURS = load_kit(ROOT / "kit").leader_behaviours

pytestmark = pytest.mark.browser


def test_ticks_survive_a_reload_and_clear(page, site_url):
    page.goto(site_url + "/leadership/index.html")
    first, third = BEHAVIOURS[0], BEHAVIOURS[2]
    page.get_by_label(first.title, exact=True).check()
    page.get_by_label(third.title, exact=True).check()

    page.reload()
    ticked = [b.title for b in BEHAVIOURS if page.get_by_label(b.title, exact=True).is_checked()]
    assert ticked == [first.title, third.title]

    page.get_by_role("button", name="Clear my ticks").click()
    page.get_by_role("button", name="Yes, clear my ticks").click()
    assert page.get_by_role("status").inner_text() == "Your ticks are cleared."
    page.reload()
    assert not any(page.get_by_label(b.title, exact=True).is_checked() for b in BEHAVIOURS)


def test_clearing_asks_first_and_escape_or_cancel_keeps_the_ticks(page, site_url):
    """"Clear my ticks" cleared at once, with no way back; it now asks, and Escape or Cancel keeps them."""
    page.goto(site_url + "/leadership/index.html")
    box = page.get_by_label(BEHAVIOURS[0].title, exact=True)
    box.check()
    clear = page.get_by_role("button", name="Clear my ticks")
    clear.click()
    question = page.get_by_role("group", name="Clear every tick on this checklist in this browser?")
    assert question.is_visible() and box.is_checked()
    assert page.evaluate("document.activeElement.textContent") == "Cancel"
    page.keyboard.press("Escape")
    assert question.is_hidden() and box.is_checked()
    assert page.evaluate("document.activeElement.textContent") == "Clear my ticks"
    assert page.get_by_role("status").inner_text() == "Nothing was cleared."
    clear.click()
    page.get_by_role("button", name="Cancel").click()
    page.reload()
    assert page.get_by_label(BEHAVIOURS[0].title, exact=True).is_checked()


def test_checklist_works_by_keyboard(page, site_url):
    page.goto(site_url + "/leadership/index.html")
    box = page.get_by_label(BEHAVIOURS[1].title, exact=True)
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.reload()
    assert page.get_by_label(BEHAVIOURS[1].title, exact=True).is_checked()


def test_focus_shows_on_every_tick_box_and_button_with_ticks_kept(page, site_url):
    page.goto(site_url + "/leadership/index.html")
    page.get_by_label(BEHAVIOURS[0].title, exact=True).check()
    page.get_by_role("button", name="Clear my ticks").click()
    page.get_by_label(BEHAVIOURS[1].title, exact=True).check()
    swept, problems = focus_sweep(page)
    assert swept >= 2 * len(BEHAVIOURS) and problems == [], problems
