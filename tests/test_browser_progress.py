"""The progress page in Debian Chromium: two rounds, what moved, the action plan and
"you said, we did". Runs against the real built site (conftest.built_site)."""

from __future__ import annotations

import csv
import io

import pytest

from gates_browser import focus_sweep
from test_browser_compare import (FIXTURES, PAYLOAD, export, kit_data, open_compare, quick_ids, run_axe, table,
                                  upload)

pytestmark = pytest.mark.browser

STORAGE_KEY = "user-involvement-kit:progress"


def open_progress(page, site_url):
    page.goto(site_url + "/scoring/progress.html")
    page.wait_for_selector("#kit-progress[data-ready='true']")
    return page


def rounds(data):
    """A baseline where everyone scores 0, and a later round where everyone scores 1,
    except the first area's statements, which stay at 0 (no change there)."""
    ids = quick_ids(data)
    area_of = {s["id"]: s["area"] for s in data["statements"]}
    first_area = area_of[ids[0]]
    before = [(f"before-{i}.json", export(data, role, {sid: 0 for sid in ids},
                                          notes={ids[0]: "No one asked us."} if role == "Carer" else None))
              for i, role in enumerate(["Trustee", "Staff", "Carer"])]
    later_answers = {sid: (0 if area_of[sid] == first_area else 1) for sid in ids}
    later = [(f"later-{i}.json", export(data, role, later_answers,
                                        notes={ids[1]: PAYLOAD} if role == "Person using services" else None))
             for i, role in enumerate(["Trustee", "Staff", "Person using services"])]
    return before, later, first_area


def fill_plan(page, actions):
    for i, (what, who, when) in enumerate(actions):
        page.click("#kit-plan-add")
        assert page.evaluate("document.activeElement.id") == f"kit-plan-what-{i}"
        page.fill(f"#kit-plan-what-{i}", what)
        page.fill(f"#kit-plan-who-{i}", who)
        page.fill(f"#kit-plan-when-{i}", when)


def test_progress_files_load_only_on_the_progress_page(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "progress.js" not in home
    progress = (built_site / "scoring" / "progress.html").read_text(encoding="utf-8")
    for name in ("assets/kit/scoring-data.js", "javascripts/scoring-core.js", "javascripts/compare-core.js",
                 "javascripts/compare.js", "javascripts/progress.js", "stylesheets/compare.css"):
        assert name in progress


def test_baseline_and_later_round_show_what_moved(page, site_url):
    open_progress(page, site_url)
    data = kit_data(page)
    before, later, first_area = rounds(data)
    upload(page, "#kit-round-baseline-files", before)
    upload(page, "#kit-round-later-files", later)
    page.fill("#kit-round-baseline-label", "spring 2026")
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
    page.wait_for_function("() => document.querySelector('#kit-progress-table th').textContent === 'Area'"
                           " && [...document.querySelectorAll('#kit-progress-table th')].some(t => t.textContent.includes('spring'))")
    rows = table(page, "kit-progress-table")
    assert rows[0] == ["Area", "Baseline (spring 2026)", "Later", "Change"]
    by_area = {tr: cells for tr, cells in zip(
        page.evaluate("() => [...document.querySelectorAll('#kit-progress-table tbody tr')].map(r => r.dataset.id)"),
        rows[1:])}
    assert by_area[first_area][1:] == ["0.0", "0.0", "no change"]
    moved = [cells for area, cells in by_area.items() if area != first_area]
    assert moved and all(cells[1:] == ["0.0", "1.0", "up 1.0"] for cells in moved)
    chart = page.locator("#kit-progress-results svg[role='img']")
    assert chart.count() == 1
    assert "Baseline (spring 2026)" in chart.locator("desc").text_content()

    # Kept after a reload.
    page.reload()
    page.wait_for_selector("#kit-progress[data-ready='true']")
    assert page.input_value("#kit-round-baseline-label") == "spring 2026"
    assert table(page, "kit-progress-table") == rows


def test_a_small_round_shows_no_averages(page, site_url):
    open_progress(page, site_url)
    data = kit_data(page)
    before, later, _ = rounds(data)
    upload(page, "#kit-round-baseline-files", before[:2])
    upload(page, "#kit-round-later-files", later)
    text = page.inner_text("#kit-progress-results")
    assert "only 2 people" in text and "at least 3 people" in text
    cells = table(page, "kit-progress-table")[1:]
    assert all(row[1] in ("–", data["too_few"]) and row[3] == "–" for row in cells)
    assert any(row[1] == data["too_few"] for row in cells)


def test_a_round_can_take_everyone_from_the_compare_page(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    before, _, _ = rounds(data)
    upload(page, "#kit-compare-files", before)
    ids = quick_ids(data)
    page.select_option("#kit-grid-role-0", "Volunteer")
    page.locator(f"#kit-grid-0-{ids[0]}").focus()
    page.keyboard.type("2")
    page.wait_for_selector("#kit-compare-results[data-people='4']")
    open_progress(page, site_url)
    page.click("#kit-round-later-use")
    assert page.inner_text("#kit-round-later-count").startswith("4 people")
    page.wait_for_function("() => document.querySelector('#kit-progress-status').textContent"
                           ".includes('4 people from the compare viewpoints page')")


@pytest.mark.needs("axe-core")
def test_a_bad_file_in_a_round_is_refused_and_the_round_kept(page, site_url):
    open_progress(page, site_url)
    data = kit_data(page)
    before, _, _ = rounds(data)
    upload(page, "#kit-round-baseline-files", before)
    upload(page, "#kit-round-baseline-files", [("wrong-kind.json", (FIXTURES / "wrong-kind.json").read_text(encoding="utf-8"))])
    error = page.inner_text("#kit-progress-error")
    assert "\u201cwrong-kind.json\u201d was not added" in error and "not a file of answers" in error
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
    assert run_axe(page) == []


ACTIONS = [
    ("=HYPERLINK(\"http://example.com\",\"Click\")", "Chair of trustees", "June 2026"),
    ("+Pay travel costs for people who come to meetings", "@finance", "-"),
    ("Hold the user group at a time that suits carers, \"not\" school run", "Service manager", "September 2026"),
]


def test_the_action_plan_is_kept_downloaded_with_formulas_defused_and_printed(page, site_url, tmp_path):
    open_progress(page, site_url)
    fill_plan(page, ACTIONS + [("Remove me", "", "")])
    page.click("button[aria-label='Remove action 4']")
    assert page.locator("#kit-plan tbody tr").count() == 3
    page.reload()
    page.wait_for_selector("#kit-progress[data-ready='true']")
    assert page.input_value("#kit-plan-who-1") == "@finance"

    with page.expect_download() as caught:
        page.click("#kit-plan-csv")
    download = caught.value
    assert download.suggested_filename == "action-plan.csv"
    path = tmp_path / "plan.csv"
    download.save_as(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads it as UTF-8
    raw = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    assert rows[0] == ["What will change", "Who", "By when"]
    assert rows[1] == ["'=HYPERLINK(\"http://example.com\",\"Click\")", "Chair of trustees", "June 2026"]
    assert rows[2] == ["'+Pay travel costs for people who come to meetings", "'@finance", "'-"]
    assert rows[3] == list(ACTIONS[2])
    assert len(rows) == 4
    for row in rows[1:]:
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row)

    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click("#kit-plan-print-button")
    assert page.evaluate("window.__printed") == 1
    assert page.get_attribute("html", "data-kit-print") == "plan"
    page.emulate_media(media="print")
    assert page.is_visible("#kit-plan-print")
    assert page.locator("#kit-plan-print td").all_text_contents()[:3] == list(ACTIONS[0])
    for hidden in ("#kit-plan", "#kit-plan-add", "#kit-yousaid", "#kit-progress-results", "#kit-round-baseline-files"):
        assert not page.is_visible(hidden), hidden


@pytest.mark.needs("axe-core")
def test_you_said_we_did_reports_back(page, site_url):
    open_progress(page, site_url)
    data = kit_data(page)
    before, later, first_area = rounds(data)
    upload(page, "#kit-round-baseline-files", before)
    upload(page, "#kit-round-later-files", later)
    fill_plan(page, ACTIONS[:2])
    page.wait_for_function("want => [...document.querySelectorAll('#kit-yousaid-actions li')]"
                           ".map(li => li.textContent).join('\\n') === want",
                           arg="\n".join(f"{what} ({who}, by {when})" for what, who, when in ACTIONS[:2]))
    said = page.inner_text("#kit-yousaid-said")
    title = {a["id"]: a["title"] for a in data["areas"]}[first_area]
    assert "From the later round" in said
    lowest = page.locator("#kit-yousaid-lowest li").all_inner_texts()
    assert lowest[0] == f"{title}: 0.0" and len(lowest) <= 3
    # Notes from the later round, as written, and inert.
    assert page.locator("#kit-yousaid-notes blockquote").all_text_contents() == [PAYLOAD]
    assert page.locator("#kit-progress img").count() == 0
    assert page.evaluate("() => window.__xss") is None
    did = page.locator("#kit-yousaid-actions li").all_inner_texts()
    assert did[0] == f"{ACTIONS[0][0]} ({ACTIONS[0][1]}, by {ACTIONS[0][2]})"

    page.evaluate("() => { window.print = () => {}; }")
    page.click("#kit-yousaid-print")
    assert page.get_attribute("html", "data-kit-print") == "yousaid"
    page.emulate_media(media="print")
    assert page.is_visible("#kit-yousaid-said") and page.is_visible("#kit-yousaid-did")
    for hidden in ("#kit-plan-section", "#kit-progress-results", "#kit-yousaid-print", ".md-header"):
        assert not page.is_visible(hidden), hidden
    page.emulate_media(media="screen")
    assert run_axe(page) == []
    # Keyboard focus shows, at least 3:1, on every control with two rounds and a plan.
    swept, problems = focus_sweep(page)
    assert swept >= 10 and problems == [], problems


def test_clear_everything_empties_rounds_and_plan(page, site_url):
    open_progress(page, site_url)
    data = kit_data(page)
    before, _, _ = rounds(data)
    upload(page, "#kit-round-baseline-files", before)
    fill_plan(page, ACTIONS[:1])
    page.click("#kit-progress-clear")
    page.click("#kit-progress-clear-yes")
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) is None
    assert page.inner_text("#kit-round-baseline-count") == "No one in this round yet."
    assert page.locator("#kit-plan").count() == 0
    assert page.is_visible("#kit-progress-empty")


@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_the_empty_progress_page_at_phone_width(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    open_progress(page, site_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page) == []


def test_stored_plan_with_odd_values_still_opens(page, site_url):
    open_progress(page, site_url)
    page.evaluate("""k => localStorage.setItem(k, JSON.stringify({
        rounds: {baseline: {label: 7, people: [null, {role: 'Chief spy', answers: {x: 9}}]}, later: 'nothing'},
        plan: [null, {what: '<b>bold</b>', who: 3}]}))""", STORAGE_KEY)
    page.reload()
    page.wait_for_selector("#kit-progress[data-ready='true']")
    assert page.input_value("#kit-plan-what-0") == "<b>bold</b>"
    assert page.input_value("#kit-plan-who-0") == "3"
    assert page.inner_text("#kit-round-baseline-count") == "No one in this round yet."
    assert page.locator("#kit-progress b").count() == 0


def test_a_round_taken_from_the_compare_page_gives_no_one_away_by_subtraction(page, site_url):
    """Review finding 2: 4 trustees and 3 staff are shown on compare and 1 person using
    services is not; the round's overall figures would give that person's answers away."""
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    files = [(f"t{i}.json", export(data, "Trustee", {sid: 1 for sid in ids})) for i in range(4)]
    files += [(f"s{i}.json", export(data, "Staff", {sid: 0 for sid in ids})) for i in range(3)]
    files += [("u.json", export(data, "Person using services", {sid: 2 for sid in ids}))]
    upload(page, "#kit-compare-files", files)
    page.wait_for_selector("#kit-compare-results[data-people='8']")
    open_progress(page, site_url)
    page.click("#kit-round-baseline-use")
    page.wait_for_function("() => document.querySelector('#kit-progress-status').textContent.includes('8 people')")
    cells = table(page, "kit-progress-table")[1:]
    assert cells and all(row[1] == data["too_few"] for row in cells)
    assert page.locator("#kit-progress-results svg rect").count() == 0
    assert "1.0" not in page.inner_text("#kit-progress-results") and "0.9" not in page.inner_text("#kit-progress-results")
    assert page.locator("#kit-yousaid-none").count() == 1


def test_the_same_file_twice_in_a_round_is_refused_naming_both(page, site_url):
    open_progress(page, site_url)
    data = kit_data(page)
    before, _, _ = rounds(data)
    upload(page, "#kit-round-baseline-files", before)
    upload(page, "#kit-round-baseline-files", [("copy.json", before[0][1])])
    assert (f"\u201ccopy.json\u201d was not added: it holds the same answers as \u201c{before[0][0]}\u201d"
            in page.inner_text("#kit-progress-error"))
    assert page.inner_text("#kit-round-baseline-count").startswith("3 people")
