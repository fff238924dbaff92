"""Easy read in a real browser at phone width: the twin links, text size, pictures, scorer, Read aloud."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")
PHONE = {"width": 360, "height": 640}
# 16 pt in CSS pixels (16 * 96 / 72), less a rounding hair.
MIN_TEXT_PX = 21.3
ROLE = "Person using services"

pytestmark = pytest.mark.browser


def easy_read_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / "easy-read").rglob("*.html"))


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def test_every_record_with_easy_read_has_an_easy_read_page(built_site):
    pages = easy_read_pages(built_site)
    for record in KIT.enablers + KIT.barriers:
        assert f"easy-read/{record.kind.folder}/{record.id}.html" in pages
    assert "easy-read/leadership.html" in pages and "easy-read/scoring.html" in pages


@pytest.mark.parametrize("record", [KIT.enablers[0], KIT.barriers[-1]], ids=lambda r: r.id)
def test_easy_read_link_is_visible_without_scrolling_and_leads_to_the_twin(phone, site_url, record):
    phone.goto(f"{site_url}/{record.kind.folder}/{record.id}.html")
    link = phone.locator("a.kit-easy-read-link")
    assert link.count() == 1
    box = link.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert phone.evaluate("window.scrollY") == 0
    link.click()
    phone.wait_for_load_state()
    assert phone.url.endswith(f"/easy-read/{record.kind.folder}/{record.id}.html")
    assert phone.locator("h1").inner_text().strip().startswith(record.plain_title)
    back = phone.locator("a.er-twin")
    back_box = back.bounding_box()
    assert back_box is not None and back_box["y"] + back_box["height"] <= PHONE["height"]
    back.click()
    phone.wait_for_load_state()
    assert phone.url.endswith(f"/{record.kind.folder}/{record.id}.html")


def test_text_is_at_least_16pt_and_pictures_are_large_and_on_the_left(phone, site_url, built_site):
    problems = []
    for path in easy_read_pages(built_site):
        phone.goto(f"{site_url}/{path}")
        found = phone.evaluate("""() => {
            const out = {small: [], pictures: [], points: 0};
            for (const node of document.querySelectorAll('.er-page li, .er-page dd, .er-page dt, .er-page p, .er-page label, .er-page legend span, .er-page button')) {
                if (!node.textContent.trim()) continue;
                const size = parseFloat(getComputedStyle(node).fontSize);
                if (size < %s) out.small.push(node.textContent.trim().slice(0, 40) + ' ' + size);
            }
            for (const li of document.querySelectorAll('.er-points li')) {
                out.points += 1;
                const pic = li.querySelector('.er-picture');
                if (!pic) { out.pictures.push('no picture: ' + li.textContent.trim().slice(0, 40)); continue; }
                const p = pic.getBoundingClientRect();
                const range = document.createRange();
                range.selectNodeContents(li);
                range.setStartAfter(pic);
                const t = range.getBoundingClientRect();
                if (p.width < 64 || p.height < 64) out.pictures.push('small ' + p.width + 'x' + p.height);
                if (t.width && t.left < p.right - 1) out.pictures.push('words not right of picture: ' + li.textContent.trim().slice(0, 40));
            }
            return out;
        }""" % MIN_TEXT_PX)
        assert found["points"] > 0, path
        problems += [f"{path}: {p}" for p in found["small"] + found["pictures"]]
    assert problems == []


def test_easy_read_pages_are_found_by_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for path in easy_read_pages(built_site):
        assert path in locations, path
    record = KIT.enablers[0]
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("easy-read/"))
    assert record.easy_read[0].text.rstrip(".") in texts


def test_exported_file_reads_back_in_the_standard_scorer(phone, site_url, tmp_path):
    """The standard scorer's own reader accepts the easy-read file without conversion."""
    phone.goto(f"{site_url}/easy-read/scoring.html")
    first = next(s for s in KIT.statements if s.quick)
    text = phone.evaluate("() => KitScoring.exportJSON({role: %s, set: 'quick', answers: {%s: 2}, notes: {}}, KIT_SCORING)"
                          % (json.dumps(ROLE), json.dumps(first.id)))
    read = phone.evaluate("(t) => KitScoring.readFile(t, KIT_SCORING)", text)
    assert read["role"] == ROLE and read["answers"] == {first.id: 2}


def test_read_aloud_shows_only_where_the_device_can_speak(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/easy-read/index.html")
    has_speech = page.evaluate("() => 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'")
    assert page.locator(".er-read-aloud").is_visible() == has_speech
    context.close()

    context = browser.new_context(viewport=PHONE)
    context.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page = context.new_page()
    page.goto(f"{site_url}/easy-read/index.html")
    assert page.evaluate("() => 'speechSynthesis' in window") is False
    assert page.locator(".er-read-aloud").is_hidden()
    context.close()


def test_read_aloud_speaks_the_page_text(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    # A stand-in for the device's voice, so the test hears what would be spoken.
    context.add_init_script("""
        window.__spoken = [];
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        Object.defineProperty(window, 'speechSynthesis', { value: {
            speaking: false, pending: false,
            speak(u) { window.__spoken.push(u.text); }, cancel() {}
        }});
    """)
    page = context.new_page()
    page.goto(f"{site_url}/easy-read/enablers/{KIT.enablers[0].id}.html")
    page.locator(".er-read-aloud").click()
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1
    assert KIT.enablers[0].title in spoken[0] and KIT.enablers[0].easy_read[0].text in spoken[0]
    assert "Read aloud" not in spoken[0] and "Standard version" not in spoken[0]
    context.close()
