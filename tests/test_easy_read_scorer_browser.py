"""The easy-read scorer, one question at a time, walked in real Chromium by touch at
360 x 740 and by keyboard: consent, answers, notes, the end page, the answer code (when
answer-code.js is there), a file saved and opened again, and the printout. Every state
passes axe (the gates' own helper) and every target is at least 44 x 44 px.
Also: read aloud per point and per question (speech stubbed, text checked), and the
Back and Next links and the one-column layout of the easy-read pages."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.content.loader import load_kit
from involvement_kit.scoring.easy import statement_answers

sys.path.insert(0, str(Path(__file__).parent / "gates"))
from gates_browser import _axe  # noqa: E402  (the gates' axe helper, reused as the issue asks)

KIT = load_kit(ROOT / "kit")


class Easy(NamedTuple):
    """One question as the easy-read scorer asks it: a statement that asks two things at once is two."""

    id: str
    statement: str
    easy_read: str


QUICK = [Easy(easy_id, s.id, q.text) for s in KIT.statements if s.quick
         for easy_id, q in zip(s.easy_ids(), s.easy_questions, strict=True)]
PARTS = {s.id: list(s.easy_ids()) for s in KIT.statements if s.quick and s.easy_questions}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
ROLE = "Person using services"
WAIT = 30000  # generous: browser tests run on a shared, loaded machine

pytestmark = pytest.mark.browser

# A stand-in for the device's voice, so a test hears what would be spoken.
SPEECH_STUB = """
    window.__spoken = []; window.__cancelled = 0;
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    Object.defineProperty(window, 'speechSynthesis', { value: {
        speaking: false, pending: false,
        speak(u) { window.__spoken.push(u.text); this.speaking = true; },
        cancel() { window.__cancelled += 1; this.speaking = false; }
    }});
"""

SMALL_TARGETS = """() => [...document.querySelectorAll(
        '.er-scorer button, .er-scorer label, .er-scorer a, .er-scorer textarea, .er-speak, .er-pager a')]
    .filter(n => n.checkVisibility())
    .map(n => [n, n.getBoundingClientRect()])
    .filter(([n, r]) => r.width < 44 || r.height < 44)
    .map(([n, r]) => (n.textContent.trim() || n.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""


def check_state(page, name: str) -> None:
    """axe finds nothing and every target is big enough, in this state of the scorer."""
    assert _axe(page, {"axe_runs": 0}) == [], name
    assert page.evaluate(SMALL_TARGETS) == [], name
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], name


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def open_scorer(page, site_url):
    page.goto(f"{site_url}/easy-read/scoring.html")
    page.locator(".er-scorer h2").wait_for(timeout=WAIT)


def test_consent_comes_before_the_first_question(phone, site_url):
    open_scorer(phone, site_url)
    scorer = phone.locator("#er-scorer")
    words = scorer.inner_text()
    assert phone.locator("fieldset.er-question").count() == 0
    for said in ("your choice", "do not have to answer every question", "do not write your name",
                 "stay on this phone or computer", "until you give them to someone",
                 "will not change the support you get"):
        assert said in words, said
    link = scorer.get_by_role("link", name="Who sees my answers?")
    check_state(phone, "consent")
    link.tap()
    phone.wait_for_url("**/easy-read/who-sees-my-answers.html", timeout=WAIT)
    assert phone.locator("h1").inner_text().strip().rstrip("¶") == "Who sees my answers"
    assert "Nothing goes on the internet" in phone.locator(".er-page").inner_text()


def test_walk_the_short_list_by_touch_then_print_save_and_open_again(phone, site_url, tmp_path):
    open_scorer(phone, site_url)
    phone.get_by_role("button", name="Start the questions").tap()
    keys = ["2", "1", "0", "dk"]
    chosen = {}
    for i, statement in enumerate(QUICK):
        progress = phone.locator(".er-progress")
        progress.wait_for(timeout=WAIT)
        assert progress.inner_text() == f"Question {i + 1} of {len(QUICK)}"
        assert phone.evaluate("document.activeElement.id") == "er-step-heading"
        assert phone.locator("fieldset.er-question").count() == 1
        question = phone.locator("fieldset.er-question")
        assert question.locator("legend").inner_text().strip() == statement.easy_read
        assert question.locator(".er-choice").count() == 4
        if i == 0:
            check_state(phone, "first question")
        if i == 2:
            phone.get_by_role("button", name="Back", exact=True).tap()
            assert phone.locator(".er-progress").inner_text() == f"Question 2 of {len(QUICK)}"
            assert phone.locator(f"[id='er-q-{QUICK[1].id}-{keys[1]}']").is_checked()
            assert phone.locator(".er-note__box").input_value() == "We meet in the afternoon."
            phone.reload()
            phone.locator(".er-progress").wait_for(timeout=WAIT)
            assert phone.locator(".er-progress").inner_text() == f"Question 2 of {len(QUICK)}"
            assert phone.locator(".er-note__box").input_value() == "We meet in the afternoon."
            phone.get_by_role("button", name="Next", exact=True).tap()
        if i == 5:
            # A question may be skipped.
            phone.get_by_role("button", name="Next", exact=True).tap()
            continue
        key = keys[i % 4]
        phone.locator(f"label[for='er-q-{statement.id}-{key}']").tap()
        chosen[statement.id] = None if key == "dk" else int(key)
        if i == 1:
            phone.get_by_label("Anything else you want to say?").fill("We meet in the afternoon.")
        last = i == len(QUICK) - 1
        phone.get_by_role("button", name="Next: see your answers" if last else "Next", exact=True).tap()

    heading = phone.locator(".er-scorer h2")
    assert heading.inner_text() == "Your answers"
    assert f"You answered {len(QUICK) - 1} of {len(QUICK)} questions." in phone.locator("#er-scorer").inner_text()
    rows = phone.locator(".er-answer")
    assert rows.count() == len(QUICK)
    assert QUICK[0].easy_read in rows.nth(0).inner_text()
    assert "You did not answer" in rows.nth(5).inner_text()
    assert "You said: We meet in the afternoon." in rows.nth(1).inner_text()
    # The answer code is on the end page (test_browser_answer_code.py reads it).
    code = phone.locator("#er-answer-code .kit-answer-code__value").get_attribute("data-code")
    check_state(phone, "end page")

    # The printout is "your answers", without the buttons.
    phone.emulate_media(media="print")
    assert phone.locator(".er-answers").is_visible()
    assert not phone.get_by_role("button", name="Print my answers").is_visible()
    pdf = PdfReader(io.BytesIO(phone.pdf(format="A4")))
    printed = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Your answers" in printed and "You said: We meet in the afternoon." in printed
    assert "Clear my answers" not in printed and "Listen" not in printed
    phone.emulate_media(media="screen")

    with phone.expect_download() as info:
        phone.get_by_role("button", name="Save my answers to a file").tap()
    saved = tmp_path / "answers.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["role"] == ROLE and data["set"] == "quick"
    # The file holds the statements' answers, as the standard scorer's does (a split statement: its lower half).
    assert data["answers"] == statement_answers(PARTS, chosen)
    assert data["notes"] == {QUICK[1].statement: "We meet in the afternoon."}
    # The file carries a response id like the standard scorer's, the one the answer code holds.
    assert re.fullmatch(r"[0-9a-f]{24}", data["id"])
    assert phone.evaluate("code => KitAnswerCode.decode(code).id", code) == \
        phone.evaluate("id => KitScoring.codeId(id)", data["id"])
    assert "in a file called involvement-scores-easy-read-" in phone.locator(".er-scorer__status").inner_text()

    # Clearing asks on the page first, then starts again at consent.
    phone.get_by_role("button", name="Clear my answers").tap()
    check_state(phone, "clear question")
    phone.get_by_role("button", name="Yes, clear them").tap()
    assert phone.locator(".er-scorer h2").inner_text() == "Before you start"
    phone.reload()
    phone.get_by_role("button", name="Start the questions").wait_for(timeout=WAIT)

    # A wrong file changes nothing; the saved file opens again on the end page.
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"kind": "something else"}', encoding="utf-8")
    phone.set_input_files("#er-open-file", str(wrong))
    status = phone.locator(".er-scorer__status")
    status.filter(has_text="could not be opened").wait_for(timeout=WAIT)
    assert "have not changed" in status.inner_text()
    assert phone.locator(".er-scorer h2").inner_text() == "Before you start"
    phone.set_input_files("#er-open-file", str(saved))
    status.filter(has_text="from the file are open").wait_for(timeout=WAIT)
    assert phone.locator(".er-scorer h2").inner_text() == "Your answers"
    assert "You said: We meet in the afternoon." in phone.locator(".er-answer").nth(1).inner_text()


# Stand-ins with the interface answer-code.js gives: encode(payload, data) -> code, and
# show(container, payload, data, words), which draws the code and its QR picture.
ENCODE_ONLY = """window.KitAnswerCode = { encode(payload, data) {
    window.__payload = payload; return 'CODE' + Object.keys(payload.answers).length; } };"""
WITH_SHOW = """window.KitAnswerCode = {
    encode() { throw new Error('show draws the code'); },
    show(box, payload, data, words) {
        window.__payload = payload; window.__words = words;
        const p = document.createElement('p'); p.className = 'kit-answer-code__text';
        p.textContent = words.label + 'Q010-AB'; box.appendChild(p); return 'Q010AB'; } };"""


@pytest.mark.parametrize("stub", [ENCODE_ONLY, WITH_SHOW], ids=["encode", "show"])
def test_the_answer_code_shows_when_answer_code_js_is_there(browser, site_url, stub):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    # The page loads the real answer-code.js too: the stand-in stays in place over it.
    context.add_init_script(stub + "\n(() => { const kept = window.KitAnswerCode; Object.defineProperty(window, "
                            "'KitAnswerCode', { get: () => kept, set: () => {} }); })();")
    page = context.new_page()
    open_scorer(page, site_url)
    page.get_by_role("button", name="Start the questions").tap()
    page.locator(f"label[for='er-q-{QUICK[0].id}-2']").tap()
    for _ in QUICK[:-1]:
        page.get_by_role("button", name="Next", exact=True).tap()
    page.get_by_role("button", name="Next: see your answers").tap()
    code = page.locator("#er-answer-code")
    assert code.get_by_role("heading").inner_text() == "Give your answers to someone"
    payload = page.evaluate("window.__payload")
    assert re.fullmatch(r"[0-9a-f]{24}", payload.pop("id"))
    assert payload == {"role": ROLE, "set": "quick", "answers": {QUICK[0].statement: 2}}
    text = code.inner_text()
    assert ("CODE1" in text) if stub is ENCODE_ONLY else ("Your code: Q010-AB" in text)
    assert "It does not have your name" in (text if stub is ENCODE_ONLY else page.evaluate("window.__words.hint"))
    check_state(page, "end page with code")
    context.close()


def focus_ring(page) -> dict:
    """The focused element's ring; a hidden radio shows its ring on its label."""
    return page.evaluate("""() => {
        let n = document.activeElement;
        if (n.matches('input[type=radio], input[type=file]')) n = n.nextElementSibling;
        const s = getComputedStyle(n);
        return {what: (n.textContent || n.tagName).trim().slice(0, 40),
                ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'};
    }""")


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until `selector` has focus, checking every stop on the way shows a ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        inside = page.evaluate("() => !!document.activeElement.closest('#er-scorer')")
        if inside:
            assert ring["ring"], ring
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_walk_by_keyboard(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_scorer(page, site_url)
    page.locator(".er-scorer h2").focus()
    tab_to(page, "button.er-start")
    page.keyboard.press("Enter")
    for i, statement in enumerate(QUICK[:3]):
        assert page.locator(".er-progress").inner_text() == f"Question {i + 1} of {len(QUICK)}"
        tab_to(page, f"input[name='er-q-{statement.id}']")
        page.keyboard.press("ArrowDown")  # the second answer
        assert page.locator(f"[id='er-q-{statement.id}-1']").is_checked()
        tab_to(page, ".er-note__box")
        page.keyboard.type("by keyboard")
        tab_to(page, "button.er-next")
        page.keyboard.press("Enter")
    assert page.locator(".er-progress").inner_text() == f"Question 4 of {len(QUICK)}"
    tab_to(page, "button.er-back")
    page.keyboard.press("Enter")
    assert page.locator(".er-progress").inner_text() == f"Question 3 of {len(QUICK)}"
    stored = page.evaluate("JSON.parse(localStorage.getItem('user-involvement-kit:easy-read-scorer'))")
    assert stored["answers"] == {s.id: 1 for s in QUICK[:3]}
    assert stored["notes"] == {s.id: "by keyboard" for s in QUICK[:3]}
    context.close()


EASY_VECTORS = json.loads((ROOT / "tests" / "vectors" / "easy.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", EASY_VECTORS["cases"], ids=lambda c: c["name"])
def test_split_answers_become_statement_answers_as_the_shared_vectors_say(browser, site_url, case):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/easy-read/scoring.html")
    got = page.evaluate("([parts, answers]) => KitEasyRead.statementAnswers(parts, answers)",
                        [EASY_VECTORS["parts"], case["answers"]])
    assert got == case["statements"]
    context.close()


def test_easy_statements_from_scoring_data_are_used_when_present(browser, site_url, tmp_path):
    """The data contract: scoring-data's easy_statements, when the build gives them, win; a
    statement split in two is two questions, and the file holds the statement's answer."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    context.add_init_script("""Object.defineProperty(window, 'KIT_SCORING', {configurable: true,
        set(v) { const s = v.statements[0];
            v.easy_statements = [
              {id: s.id + '.1', statement: s.id, area: s.area, text: 'Do you choose what the group talks about?',
               levels: ['No', 'Yes, staff decide how', 'Yes, you decide'], picture: 'assets/none.svg',
               alt: 'People talking', quick: true},
              {id: s.id + '.2', statement: s.id, area: s.area, text: 'Do you help plan the meetings?',
               levels: ['No', 'Yes, staff decide how', 'Yes, you decide'], picture: 'assets/none.svg',
               alt: 'A calendar', quick: true}];
            Object.defineProperty(window, 'KIT_SCORING', {value: v, writable: true}); }});""")
    # An answer kept on this device before the statement was split goes to both halves.
    context.add_init_script("""if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');
        localStorage.setItem('user-involvement-kit:easy-read-scorer', JSON.stringify(
            {set: 'quick', answers: {'%s': 0}, notes: {}, step: 'consent'})); }""" % KIT.statements[0].id)
    page = context.new_page()
    open_scorer(page, site_url)
    page.get_by_role("button", name="Go on with the questions").click()
    assert page.locator(".er-progress").inner_text() == "Question 1 of 2"
    assert page.locator("input.er-choice__input:checked").get_attribute("value") == "0"
    assert page.locator("fieldset.er-question legend").inner_text() == "Do you choose what the group talks about?"
    assert page.locator(".er-choice__words").all_inner_texts()[:3] == ["No", "Yes, staff decide how", "Yes, you decide"]
    assert page.locator("img.er-question__picture").get_attribute("alt") == "People talking"
    assert page.locator("img.er-question__picture").get_attribute("src") == "../assets/none.svg"
    first = page.evaluate("KIT_SCORING.statements[0].id")
    page.locator(f"label[for='er-q-{first}.1-2']").click()
    page.get_by_label("Anything else you want to say?").fill("first half")
    page.get_by_role("button", name="Next", exact=True).click()
    page.locator(f"label[for='er-q-{first}.2-1']").click()
    page.get_by_role("button", name="Next: see your answers").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save my answers to a file").click()
    saved = tmp_path / "split.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"] == {first: 1} and data["notes"] == {first: "first half"}
    # Opened again, the statement's answer goes to both halves, so saving again gives the same answers.
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear them").click()
    page.set_input_files("#er-open-file", str(saved))
    page.locator(".er-scorer__status").filter(has_text="from the file are open").wait_for(timeout=WAIT)
    kept = page.evaluate("JSON.parse(localStorage.getItem('user-involvement-kit:easy-read-scorer'))")
    assert kept["answers"] == {f"{first}.1": 1, f"{first}.2": 1}
    assert kept["notes"] == {f"{first}.1": "first half"}
    context.close()


# --- read aloud ------------------------------------------------------------------------------

def test_read_aloud_per_point_speaks_only_that_point(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    record = KIT.enablers[0]
    page.goto(f"{site_url}/easy-read/enablers/{record.id}.html")
    points = page.locator(".er-page .er-points li")
    assert points.count() >= len(record.easy_read)
    # Every point has its own speaker button.
    assert points.locator(".er-speak").count() == points.count()
    # The record's first own point (points before it say what kind of thing it is and explain hard words).
    second = points.filter(has_text=record.easy_read[0].text)
    assert second.count() == 1
    button = second.locator(".er-speak")
    button.click()
    assert page.evaluate("window.__spoken") == [record.easy_read[0].text]
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Stop"
    assert "er-speaking" in second.get_attribute("class")  # marked while it is read
    button.click()  # stop
    assert "er-speaking" not in (second.get_attribute("class") or "")
    assert page.evaluate("window.__cancelled") >= 1
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == "Listen"
    assert len(page.evaluate("window.__spoken")) == 1

    # The whole page: no heading symbol, no button words, no picture descriptions.
    page.locator(".er-read-aloud").click()
    whole = page.evaluate("window.__spoken")[-1]
    assert record.easy_read[0].text in whole
    for junk in ("¶", "Listen", "Read aloud", "Standard version", record.easy_read[0].alt):
        assert junk not in whole, junk
    context.close()


def test_read_aloud_on_a_question_reads_the_question_and_every_answer(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    open_scorer(page, site_url)
    page.get_by_role("button", name="Start the questions").click()
    page.locator(".er-speak--question").click()
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1
    words = page.locator(".er-choice__words").all_inner_texts()
    assert spoken[0] == " ".join([QUICK[0].easy_read] + [w if w.endswith(".") else w + "." for w in words])
    context.close()


# --- moving around ----------------------------------------------------------------------------

def test_back_and_next_walk_every_easy_read_page_in_menu_order(browser, site_url, built_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    pages = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "easy-read").rglob("*.html"))
    page.goto(f"{site_url}/easy-read/index.html")
    assert page.locator(".er-pager__back").count() == 0
    seen = ["easy-read/index.html"]
    while page.locator(".er-pager__next").count():
        before = page.url
        title = page.locator("h1").inner_text().strip().rstrip("¶")
        nxt = page.locator(".er-pager__next")
        box = nxt.bounding_box()
        assert box and box["height"] >= 44
        nxt.click()
        page.wait_for_url(lambda u: u != before, timeout=WAIT)
        seen.append(page.url.split(site_url + "/")[1])
        back = page.locator(".er-pager__back")
        assert back.inner_text().startswith("Back") and title in back.inner_text()
    assert sorted(seen) == pages
    context.close()


ALL_PAGES_LINK = "All easy read pages"
# What a person sees of the page at this width: each side column, the words' width in their own
# ems, the smallest text, and the link back to the list of easy-read pages.
ONE_COLUMN = """() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].some(n => n.checkVisibility()
        && n.getBoundingClientRect().width > 0 && n.getBoundingClientRect().right > 0);
    const words = document.querySelector('.er-page');
    const size = parseFloat(getComputedStyle(words).fontSize);
    const texts = [...words.querySelectorAll('li, p, dd, dt, label, legend span, button')]
        .filter(n => n.checkVisibility() && n.textContent.trim())
        .map(n => parseFloat(getComputedStyle(n).fontSize));
    const all = [...document.querySelectorAll('.er-all a')].filter(a => a.checkVisibility());
    const box = all.length ? all[0].getBoundingClientRect() : null;
    return {menu: shown('.md-sidebar--primary'), toc: shown('.md-sidebar--secondary'),
            ems: words.getBoundingClientRect().width / size, smallest: Math.min(...texts),
            link: all.map(a => [a.textContent.trim(), a.href, parseFloat(getComputedStyle(a).fontSize)]),
            link_on_first_screen: !!box && box.top >= 0 && box.bottom <= innerHeight};
}"""


def test_every_easy_read_page_is_one_column_on_a_desktop(browser, site_url, built_site):
    """No menu and no table of contents beside the words at 1280 px, on the pages the build makes
    and the hand-written ones alike; the words keep a readable width; the way round is the link to
    the list at the top and Back and Next at the foot."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    index = f"{site_url}/easy-read/index.html"
    problems = []
    paths = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "easy-read").rglob("*.html"))
    assert any(p.endswith("who-sees-my-answers.html") for p in paths)  # a hand-written page is among them
    for path in paths:
        page.goto(f"{site_url}/{path}")
        seen = page.evaluate(ONE_COLUMN)
        if seen["menu"] or seen["toc"]:
            problems.append(f"{path}: a side column (menu {seen['menu']}, contents {seen['toc']})")
        if seen["ems"] > 40:
            problems.append(f"{path}: lines {seen['ems']:.0f} em wide")
        if seen["smallest"] < 16:
            problems.append(f"{path}: text {seen['smallest']} px")
        if path == "easy-read/index.html":
            if seen["link"]:
                problems.append(f"{path}: links to itself")
            continue
        if [(text, href) for text, href, _ in seen["link"]] != [(ALL_PAGES_LINK, index)]:
            problems.append(f"{path}: link to the list {seen['link']}")
        elif seen["link"][0][2] < 18 or not seen["link_on_first_screen"]:
            problems.append(f"{path}: the link to the list is small or not on the first screen {seen}")
        if not page.locator(".er-pager a").count():
            problems.append(f"{path}: no Back or Next")
    assert problems == []
    page.goto(f"{site_url}/easy-read/enablers/{KIT.enablers[0].id}.html")
    page.get_by_role("link", name=ALL_PAGES_LINK).click()
    page.wait_for_url(index, timeout=WAIT)
    # The standard pages keep their menu and table of contents.
    page.goto(f"{site_url}/scoring/index.html")
    assert page.locator(".md-sidebar--primary").is_visible() and page.locator(".md-sidebar--secondary").is_visible()
    context.close()


@pytest.mark.parametrize("path, title", [
    ("easy-read/index.html", "What involvement means"),
    (f"easy-read/enablers/{KIT.enablers[0].id}.html", KIT.enablers[1].plain_title),
    ("easy-read/who-sees-my-answers.html", "Get ready to meet managers"),
], ids=["index", "record", "hand-written"])
def test_on_a_phone_the_menu_drawer_still_lists_the_easy_read_pages(browser, site_url, path, title):
    """Hiding the desktop menu must not empty the phone's drawer: it is the same part of the page."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    assert page.get_by_role("link", name=ALL_PAGES_LINK).count() == (0 if path.endswith("index.html") else 1)
    page.locator("label.md-header__button[for='__drawer']").tap()
    link = page.locator(".md-sidebar--primary .md-nav__link", has_text=title).filter(visible=True).last
    link.wait_for(state="visible", timeout=WAIT)
    # The drawer slides in: wait until the link has arrived inside the screen.
    page.wait_for_function("(a) => a.getBoundingClientRect().left >= 0", arg=link.element_handle(), timeout=WAIT)
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["height"] >= 44, box
    before = page.url
    link.tap()
    page.wait_for_url(lambda u: u != before, timeout=WAIT)
    assert page.locator("h1").inner_text().strip().rstrip("¶").strip() == title
    context.close()


def test_every_standard_twin_links_to_its_easy_read_page_at_the_top(browser, site_url, built_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    missing = []
    for path in sorted((built_site / "easy-read").rglob("*.html")):
        rel = path.relative_to(built_site).as_posix()
        page.goto(f"{site_url}/{rel}")
        twin = page.locator("a.er-twin")
        if not twin.count():
            continue
        easy = page.url
        twin.click()
        page.wait_for_load_state()
        link = page.locator("a.kit-easy-read-link")
        if not link.count():
            missing.append(f"{page.url} (twin of {rel})")
            continue
        box = link.first.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], page.url
        target = page.evaluate("(a) => a.href", link.first.element_handle())
        if target.split("#")[0] != easy.split("#")[0] and "/easy-read/" not in target:
            missing.append(f"{page.url} links to {target}")
    assert missing == []
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}, DESKTOP], ids=["320", "1280"])
def test_new_parts_pass_axe_with_big_targets(browser, site_url, viewport):
    """The speaker buttons, the Back and Next links and the new page, at both gate widths."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in ("easy-read/who-sees-my-answers.html", f"easy-read/enablers/{KIT.enablers[0].id}.html"):
        page.goto(f"{site_url}/{path}")
        assert page.locator(".er-speak").count() > 0, path
        assert _axe(page, {"axe_runs": 0}) == [], path
        assert page.evaluate(SMALL_TARGETS) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
    context.close()


def test_the_phone_menu_text_is_at_least_18px(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/easy-read/scoring.html")
    page.locator("label.md-header__button[for='__drawer']").tap()
    page.locator(".md-sidebar--primary .md-nav__link--active").first.wait_for(timeout=WAIT)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')]
        .filter(a => a.checkVisibility() && a.getBoundingClientRect().width > 0)
        .map(a => parseFloat(getComputedStyle(a).fontSize))""")
    assert sizes and min(sizes) >= 18, sizes
    context.close()


def test_without_storage_the_reader_is_told_and_answers_still_reach_the_end_page(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.add_init_script("Storage.prototype.setItem = function () { throw new Error('QuotaExceededError'); };")
    page = context.new_page()
    open_scorer(page, site_url)
    assert "cannot keep your answers" in page.locator(".er-scorer__status").inner_text()
    page.get_by_role("button", name="Start the questions").tap()
    page.locator(f"label[for='er-q-{QUICK[0].id}-0']").tap()
    for _ in QUICK[:-1]:
        page.get_by_role("button", name="Next", exact=True).tap()
    page.get_by_role("button", name="Next: see your answers").tap()
    assert f"You answered 1 of {len(QUICK)} questions." in page.locator("#er-scorer").inner_text()
    context.close()
