"""The timer for the screen counts down, pauses, resets and says when time is up, in words;
a wrong number of minutes gets a message and keeps what was typed. The page's clock is
Playwright's, moved on by the test, so nothing here waits on real time."""

from __future__ import annotations

import re

import pytest
from gates_browser import focus_sweep, walk

pytestmark = pytest.mark.browser

TIMER = "/timer.html"


@pytest.fixture
def timer(page, site_url):
    page.clock.install()
    page.goto(site_url + TIMER)
    return page


def face(page) -> str:
    return page.get_by_role("timer").inner_text().strip()


def test_counts_down_pauses_and_says_when_time_is_up(timer):
    assert face(timer) == "10:00"
    timer.get_by_label("Minutes for this step").fill("2")
    timer.get_by_role("button", name="Start").click()
    assert timer.get_by_role("status").inner_text() == "Started: 2 minutes left."
    timer.clock.run_for(61_000)
    assert face(timer) == "0:59"
    assert timer.get_by_role("timer").get_attribute("aria-label") == "59 seconds left"

    timer.get_by_role("button", name="Pause").click()
    assert timer.get_by_role("status").inner_text() == "Paused with 59 seconds left."
    timer.clock.run_for(30_000)
    assert face(timer) == "0:59"

    timer.get_by_role("button", name="Start").click()
    timer.clock.run_for(60_000)
    assert face(timer) == "Time is up"
    assert timer.get_by_role("status").inner_text() == "Time is up."
    assert timer.get_by_role("button", name="Start again").is_visible()

    timer.get_by_role("button", name="Reset").click()
    assert face(timer) == "2:00"
    assert timer.get_by_role("status").inner_text() == "Reset to 2 minutes."


def test_a_wrong_number_of_minutes_is_explained_and_kept(timer):
    field = timer.get_by_label("Minutes for this step")
    field.fill("0")
    timer.get_by_role("button", name="Start").click()
    assert field.get_attribute("aria-invalid") == "true"
    assert field.input_value() == "0"
    assert timer.locator("#kit-timer-error").inner_text() == "Type a whole number of minutes, from 1 to 240."
    assert timer.evaluate("document.activeElement.id") == "kit-timer-minutes"
    assert face(timer) == "10:00"
    field.fill("25")
    timer.get_by_role("button", name="Start").click()
    assert field.get_attribute("aria-invalid") is None
    assert face(timer) == "25:00"


def test_works_by_keyboard_with_focus_shown(timer):
    field = timer.get_by_label("Minutes for this step")
    field.focus()
    field.fill("1")
    timer.keyboard.press("Tab")
    assert timer.evaluate("document.activeElement.textContent") == "Start"
    timer.keyboard.press("Enter")
    timer.clock.run_for(1_000)
    assert re.fullmatch(r"0:5\d", face(timer))
    stops, problems = focus_sweep(timer)
    assert stops >= 4 and problems == []


def test_the_timer_page_passes_the_gates_and_sends_nothing(browser, site_url):
    results = walk(browser, site_url, [TIMER.lstrip("/")])
    stats = results.pop("stats")
    assert stats["loads"] >= 2
    assert {check: found for check, found in results.items() if found} == {}


def test_each_session_page_links_the_timer(built_site):
    for page in sorted((built_site / "sessions").glob("*.html")):
        if page.name != "index.html":
            assert 'href="../timer.html"' in page.read_text(encoding="utf-8"), page.name
