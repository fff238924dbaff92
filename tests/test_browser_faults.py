"""The smaller browser faults of issue 15 (list item 7), each seen as a person meets it:
"Where to start" wording, forgetting everything the kit keeps, another tab's changes,
storage full, confirmations before emptying or replacing a round, a BOM on every CSV,
visible focus on the primary buttons, and 44 px targets."""

from __future__ import annotations

import pytest

from test_browser_compare import export, kit_data, open_compare, quick_ids, upload
from test_browser_progress import open_progress, rounds

pytestmark = pytest.mark.browser

KIT_KEYS = {
    "user-involvement-kit:scorer": '{"version":"0.0.0","answers":{}}',
    "user-involvement-kit:compare": '{"people":[]}',
    "user-involvement-kit:progress": '{"rounds":{}}',
    "user-involvement-kit:easy-read-scorer": '{"answers":{}}',
    "kit:checklist:leadership": '["a"]',
}


def open_scorer(page, site_url):
    page.goto(site_url + "/scoring/index.html")
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    return page


def start_text(page) -> str:
    return page.evaluate("""() => { const h = [...document.querySelectorAll('#kit-results h3')]
        .find(h => h.textContent === 'Where to start');
        return h.nextElementSibling.nextElementSibling.textContent; }""")


# --- "Where to start" -----------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2", "Every area you scored is at 2"),
    ("dk", "to every statement, so no area has a score yet"),
])
def test_where_to_start_says_what_is_true_when_nothing_is_below_2(page, site_url, value, expected):
    open_scorer(page, site_url)
    for sid in quick_ids(kit_data(page)):
        page.check(f"#kit-{sid}-{value}")
    text = start_text(page)
    assert "once you have answered some statements" not in text
    assert expected in text


# --- forget everything ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["privacy.html", "scoring/index.html", "scoring/compare.html",
                                  "scoring/progress.html", "easy-read/scoring.html"])
def test_forget_everything_clears_every_kit_key(page, site_url, path):
    page.goto(site_url + "/" + path)
    page.evaluate("""keys => { for (const [k, v] of Object.entries(keys)) localStorage.setItem(k, v);
                              localStorage.setItem('not-the-kit', 'stays'); }""", KIT_KEYS)
    page.reload()
    button = page.get_by_role("button", name="Forget everything this kit keeps in this browser")
    button.click()
    # Asked first: nothing goes until the person says yes.
    assert page.evaluate("() => localStorage.getItem('kit:checklist:leadership')") == '["a"]'
    page.get_by_role("button", name="Yes, forget everything").click()
    page.wait_for_function("() => document.body.textContent.includes('This browser now keeps nothing from this kit')")
    left = page.evaluate("() => Object.keys(localStorage)")
    assert left == ["not-the-kit"]


# --- another tab ----------------------------------------------------------------------------

def test_a_change_in_another_tab_is_noticed_and_never_silently_overwritten(browser, site_url):
    context = browser.new_context()
    try:
        a, b = context.new_page(), context.new_page()
        open_scorer(a, site_url)
        open_scorer(b, site_url)
        ids = quick_ids(kit_data(a))
        a.check(f"#kit-{ids[0]}-2")
        a.check(f"#kit-{ids[1]}-1")
        b.wait_for_selector("#kit-scorer-elsewhere:not([hidden])")
        assert "changed in another tab" in b.inner_text("#kit-scorer-elsewhere")
        b.check(f"#kit-{ids[2]}-0")
        kept = a.evaluate("() => JSON.parse(localStorage.getItem('user-involvement-kit:scorer')).answers")
        assert kept == {ids[0]: 2, ids[1]: 1}
        b.click("#kit-scorer-elsewhere-load")
        assert b.is_checked(f"#kit-{ids[0]}-2") and b.is_checked(f"#kit-{ids[1]}-1")
        assert not b.is_checked(f"#kit-{ids[2]}-0")
        # Or the other way: this page's answers win, by the person's choice.
        a.check(f"#kit-{ids[3]}-1")
        b.wait_for_selector("#kit-scorer-elsewhere:not([hidden])")
        b.check(f"#kit-{ids[4]}-0")
        b.click("#kit-scorer-elsewhere-keep")
        # Tab b has saved; the browser hands the change to tab a in its own time.
        wanted = {ids[0]: 2, ids[1]: 1, ids[4]: 0}
        a.wait_for_function("""wanted => {
            const kept = JSON.parse(localStorage.getItem('user-involvement-kit:scorer')).answers;
            return Object.keys(kept).length === Object.keys(wanted).length
                && Object.entries(wanted).every(([id, value]) => kept[id] === value); }""",
                            arg=wanted, timeout=60_000)
        kept = a.evaluate("() => JSON.parse(localStorage.getItem('user-involvement-kit:scorer')).answers")
        assert kept == wanted
    finally:
        context.close()


# --- storage full ---------------------------------------------------------------------------

FULL = """() => { const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith('user-involvement-kit:')) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, key, value); }; }"""


def test_compare_warns_when_storage_is_full(page, site_url):
    page.add_init_script(script=f"({FULL})()")
    open_compare(page, site_url)
    data = kit_data(page)
    upload(page, "#kit-compare-files", [("a.json", export(data, "Trustee", {quick_ids(data)[0]: 1}))])
    warning = page.locator(".kit-storage-warning")
    warning.wait_for()
    assert "could not be kept in this browser" in warning.inner_text()


def test_progress_warns_when_storage_is_full(page, site_url):
    page.add_init_script(script=f"({FULL})()")
    open_progress(page, site_url)
    page.click("#kit-plan-add")
    page.fill("#kit-plan-what-0", "Pay travel costs")
    warning = page.locator(".kit-storage-warning")
    warning.wait_for()
    assert "could not be kept in this browser" in warning.inner_text()


# --- confirmations --------------------------------------------------------------------------

def test_emptying_or_replacing_a_round_asks_first(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    before, later, _ = rounds(data)
    upload(page, "#kit-compare-files", later[:1])
    open_progress(page, site_url)
    upload(page, "#kit-round-baseline-files", before)
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
    page.click("#kit-round-baseline-use")
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
    page.get_by_role("button", name="No, keep them").first.click()
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
    page.click("#kit-round-baseline-clear")
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
    page.click("#kit-round-baseline-clear-yes")
    assert not page.inner_text("#kit-round-baseline-count").startswith("3 people")
    page.click("#kit-round-baseline-use")  # an empty round is filled without asking
    assert page.inner_text("#kit-round-baseline-count").startswith("1 person")


# --- CSV ------------------------------------------------------------------------------------

def test_the_action_plan_csv_starts_with_a_bom(page, site_url, tmp_path):
    open_progress(page, site_url)
    page.click("#kit-plan-add")
    page.fill("#kit-plan-what-0", "Café meetings, £5 travel")
    with page.expect_download() as caught:
        page.click("#kit-plan-csv")
    path = tmp_path / "plan.csv"
    caught.value.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Café meetings, £5 travel" in raw.decode("utf-8-sig")


# --- focus ----------------------------------------------------------------------------------

FOCUS_CONTRAST = """el => {
  const rgb = c => { const m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 && m[3] === 0 ? null : m.slice(0, 3); };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const style = getComputedStyle(el);
  let node = el.parentElement, bg = null;
  while (node && !(bg = rgb(getComputedStyle(node).backgroundColor))) node = node.parentElement;
  bg = bg || [255, 255, 255];
  const ring = rgb(style.outlineColor);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2 || !ring) return 0;
  const [x, y] = [lum(ring), lum(bg)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}"""


def focus_ring_contrast(page, selector: str) -> float:
    page.keyboard.press("Shift+Tab")  # keyboard use, so :focus-visible applies to what is focused next
    page.focus(selector)
    return page.eval_on_selector(selector, FOCUS_CONTRAST)


def test_primary_buttons_show_a_focus_ring_of_at_least_3_to_1(page, site_url):
    open_scorer(page, site_url)
    page.check(f"#kit-{quick_ids(kit_data(page))[0]}-1")
    page.click(".kit-scorer__clear")
    yes = "#kit-scorer .kit-scorer__confirm .md-button--primary"
    assert focus_ring_contrast(page, yes) >= 3
    open_compare(page, site_url)
    assert focus_ring_contrast(page, "#kit-compare-print") >= 3
    page.click("#kit-compare-clear")
    assert focus_ring_contrast(page, "#kit-compare-clear-yes") >= 3
    open_progress(page, site_url)
    assert focus_ring_contrast(page, "#kit-plan-print-button") >= 3
    page.click("#kit-progress-clear")
    assert focus_ring_contrast(page, "#kit-progress-clear-yes") >= 3
    # Material fills every focused button with white text, not only the primary ones.
    page.goto(site_url + "/privacy.html")
    assert focus_ring_contrast(page, "#kit-forget-0") >= 3
    page.goto(site_url + "/leadership/index.html")
    assert focus_ring_contrast(page, "[data-kit-clear]") >= 3


# --- targets --------------------------------------------------------------------------------

def boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, """els => els.filter(e => e.offsetParent)
        .map(e => { const r = e.getBoundingClientRect(); return {text: e.textContent.trim().slice(0, 40),
                    width: r.width, height: r.height}; })""")


def test_targets_are_at_least_44_px_at_360_px(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        open_scorer(page, site_url)
        small = [b for b in boxes(page, "#kit-scorer input[type=radio] + label") if b["height"] < 44 or b["width"] < 44]
        assert not small, small[:5]
        page.goto(site_url + "/easy-read/scoring.html")
        # The easy-read scorer asks for consent first, then one question at a time: both screens are checked.
        start = page.get_by_role("button", name="Start the questions")
        start.wait_for()
        for screen in ("consent", "question"):
            if screen == "question":
                start.tap()
                page.wait_for_selector("fieldset.er-question")
            small = [b for b in boxes(page, ".er-page a, .er-page button, .er-page label")
                     if b["height"] < 44 or b["width"] < 44]
            assert not small, (screen, small[:5])
    finally:
        context.close()


def test_compare_and_progress_notice_another_tab(browser, site_url):
    context = browser.new_context()
    try:
        a, b = context.new_page(), context.new_page()
        open_compare(a, site_url)
        open_compare(b, site_url)
        data = kit_data(a)
        upload(a, "#kit-compare-files", [("a.json", export(data, "Trustee", {quick_ids(data)[0]: 1}))])
        b.wait_for_selector("#kit-compare .kit-other-tab")
        upload(b, "#kit-compare-files", [("b.json", export(data, "Staff", {quick_ids(data)[0]: 2}))])
        kept = a.evaluate("() => JSON.parse(localStorage.getItem('user-involvement-kit:compare')).people")
        assert [p["source"] for p in kept] == ["a.json"]
        open_progress(a, site_url)
        open_progress(b, site_url)
        a.click("#kit-plan-add")
        b.wait_for_selector("#kit-progress .kit-other-tab")
    finally:
        context.close()


def test_the_checklist_warns_when_storage_is_full_and_follows_another_tab(browser, site_url):
    from test_browser_checklist import BEHAVIOURS
    context = browser.new_context()
    try:
        a, b = context.new_page(), context.new_page()
        a.goto(site_url + "/leadership/index.html")
        b.goto(site_url + "/leadership/index.html")
        a.get_by_label(BEHAVIOURS[0].title, exact=True).check()
        b.wait_for_function("t => document.body.textContent.includes('changed in another tab')", arg=None)
        assert b.get_by_label(BEHAVIOURS[0].title, exact=True).is_checked()
        a.evaluate("""() => { Storage.prototype.setItem = function () {
            throw new DOMException('full', 'QuotaExceededError'); }; }""")
        a.get_by_label(BEHAVIOURS[1].title, exact=True).check()
        assert "could not be kept in this browser" in a.get_by_role("status").inner_text()
    finally:
        context.close()


def test_the_easy_read_scorer_follows_another_tab(browser, site_url):
    context = browser.new_context()
    try:
        a, b = context.new_page(), context.new_page()
        # Consent comes first; once given in one tab, the other opens on the same question.
        a.goto(site_url + "/easy-read/scoring.html")
        a.get_by_role("button", name="Start the questions").click()
        a.wait_for_selector("fieldset.er-question")
        b.goto(site_url + "/easy-read/scoring.html")
        b.wait_for_selector("fieldset.er-question")
        first = a.evaluate("() => KIT_SCORING.easy_statements.find(s => s.quick).id")
        a.locator(f"label[for='er-q-{first}-2']").click()
        b.wait_for_function("() => document.body.textContent.includes('changed in another window')")
        assert b.is_checked(f"#er-q-{first}-2")
    finally:
        context.close()
