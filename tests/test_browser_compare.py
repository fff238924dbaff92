"""The compare viewpoints page in Debian Chromium.

Runs against the real built site (conftest.built_site). The shared vectors in
tests/vectors/compare.json run here against compare-core.js in the browser, as they run
against compare.py in tests/test_compare.py.
"""

from __future__ import annotations

import json
import math
import secrets
import shutil
import subprocess
from urllib.parse import urlparse

import pytest

from conftest import ROOT
from gates_browser import focus_sweep

pytestmark = pytest.mark.browser

VECTORS = json.loads((ROOT / "tests" / "vectors" / "compare.json").read_text(encoding="utf-8"))
FIXTURES = ROOT / "tests" / "fixtures" / "compare"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
STORAGE_KEY = "user-involvement-kit:compare"
PAYLOAD = '<img src=x onerror="window.__xss = 1">'
RULE = "Roles with fewer than 3 people are not shown on their own"


# --- helpers (test_browser_progress.py uses them too) ------------------------------------

def with_threshold(page, threshold: int) -> None:
    """Serve the kit data with a different threshold, as a kit built with that option would."""
    def handle(route):
        response = route.fetch()
        body = response.text() + f"\nwindow.KIT_SCORING.threshold = {threshold};\n"
        route.fulfill(response=response, body=body)
    page.route("**/assets/kit/scoring-data.js", handle)


def open_compare(page, site_url):
    page.goto(site_url + "/scoring/compare.html")
    page.wait_for_selector("#kit-compare[data-ready='true']")
    return page


def kit_data(page) -> dict:
    return page.evaluate("() => window.KIT_SCORING")


def quick_ids(data) -> list[str]:
    return [s["id"] for s in data["statements"] if s["quick"]]


def export(data, role, answers, notes=None, set_="quick") -> dict:
    """One person's export, as the scorer writes it: with its own random response id."""
    return {"kind": "user-involvement-kit/scores", "format": 1, "version": data["version"],
            "date": "2026-03-01T10:00:00.000Z", "role": role, "set": set_, "answers": answers, "notes": notes or {},
            "id": secrets.token_hex(12)}


def upload(page, selector, named_files) -> None:
    """named_files: [(name, dict or text)]. Waits until the page has read them and said so."""
    page.evaluate("() => document.querySelectorAll('[role=status]').forEach(s => s.textContent = '')")
    page.set_input_files(selector, files=[
        {"name": name, "mimeType": "application/json",
         "buffer": (content if isinstance(content, str) else json.dumps(content)).encode("utf-8")}
        for name, content in named_files])
    page.wait_for_function("() => [...document.querySelectorAll('[role=status]')].some(s => s.textContent.trim())")


def table(page, table_id) -> list[list[str]]:
    return page.evaluate("""id => [...document.querySelectorAll('#' + id + ' tr')]
        .map(tr => [...tr.children].map(c => c.textContent.trim()))""", table_id)


def first_cells(page, table_id) -> list[str]:
    return page.evaluate("""id => [...document.querySelectorAll('#' + id + ' tbody tr')]
        .map(tr => tr.getAttribute('data-id'))""", table_id)


def run_axe(page) -> list[str]:
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `npm ci`")
    page.mouse.move(1, 300)
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async tags => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => v.id + ': ' + v.help + ' on ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '));
        }""", AXE_TAGS)


def group_of_nine(data) -> list[tuple[str, dict]]:
    """Three trustees who see a user-centred organisation, three staff who see less, three
    people using services who see least, with one statement where they split widely."""
    ids = quick_ids(data)
    split = ids[3]
    files = []
    for i in range(3):
        t = {sid: 2 for sid in ids}
        s = {sid: 1 for sid in ids}
        u = {sid: 1 for sid in ids}
        u[split] = 0
        files.append((f"trustee-{i}.json", export(data, "Trustee", t)))
        files.append((f"staff-{i}.json", export(data, "Staff", s)))
        files.append((f"user-{i}.json", export(data, "Person using services", u,
                                               notes={ids[0]: f"We hear about changes after they happen ({i})."})))
    return files


# --- the shared arithmetic ------------------------------------------------------------

def _close(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))


def _check_comparison(case, got) -> None:
    expected = case["expected"]
    assert got["groups"] == expected["groups"], case["name"]
    assert got["merged"] == expected["merged"], case["name"]
    assert got["hidden"] == expected["hidden"], case["name"]
    for kind in ("statements", "areas"):
        assert [r["id"] for r in got[kind]] == [r["id"] for r in expected[kind]], (case["name"], kind)
        for row, want in zip(got[kind], expected[kind], strict=True):
            assert _close(row["spread"], want["spread"]), (case["name"], row["id"], "spread")
            assert _close(row["disagreement"], want["disagreement"]), (case["name"], row["id"], "disagreement")
            assert row["means"].keys() == want["means"].keys(), (case["name"], row["id"])
            assert row["withheld"] == want["withheld"], (case["name"], row["id"])
            for group, value in want["means"].items():
                assert _close(row["means"][group], value), (case["name"], row["id"], group)


def _check_progress(case, got) -> None:
    assert [m["area"] for m in got] == [m["area"] for m in case["expected"]], case["name"]
    for move, want in zip(got, case["expected"], strict=True):
        for key in ("before", "after", "change"):
            assert _close(move[key], want[key]), (case["name"], move["area"], key)
        assert move["withheld"] == want["withheld"], (case["name"], move["area"])


def test_compare_core_passes_the_shared_vectors_in_the_browser(page, site_url):
    open_compare(page, site_url)
    got = page.evaluate("""v => ({
        cases: v.cases.map(c => KitCompare.compare(c.responses, v.statements, {roles: v.roles, threshold: v.threshold})),
        progress: v.progress.map(c => KitCompare.progress(c.baseline, c.later, v.statements, {roles: v.roles, threshold: v.threshold})),
    })""", VECTORS)
    assert len(got["cases"]) == len(VECTORS["cases"]) >= 5
    for case, comparison in zip(VECTORS["cases"], got["cases"], strict=True):
        _check_comparison(case, comparison)
    for case, moves in zip(VECTORS["progress"], got["progress"], strict=True):
        _check_progress(case, moves)


@pytest.mark.needs("node")
def test_compare_core_passes_the_shared_vectors_under_node():
    script = """
        const C = require(process.argv[1]); const v = require(process.argv[2]);
        process.stdout.write(JSON.stringify({
          cases: v.cases.map(c => C.compare(c.responses, v.statements, {roles: v.roles, threshold: v.threshold})),
          progress: v.progress.map(c => C.progress(c.baseline, c.later, v.statements, {roles: v.roles, threshold: v.threshold})),
        }));"""
    out = subprocess.run(["node", "-e", script, str(ROOT / "docs" / "javascripts" / "compare-core.js"),
                          str(ROOT / "tests" / "vectors" / "compare.json")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    for case, comparison in zip(VECTORS["cases"], got["cases"], strict=True):
        _check_comparison(case, comparison)
    for case, moves in zip(VECTORS["progress"], got["progress"], strict=True):
        _check_progress(case, moves)


def test_compare_files_load_only_on_their_pages(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for name in ("compare.js", "compare-core.js", "compare.css", "progress.js"):
        assert name not in home
    compare = (built_site / "scoring" / "compare.html").read_text(encoding="utf-8")
    for name in ("assets/kit/scoring-data.js", "javascripts/scoring-core.js", "javascripts/compare-core.js",
                 "javascripts/compare.js", "stylesheets/compare.css"):
        assert name in compare
    assert "progress.js" not in compare


# --- comparing files ----------------------------------------------------------------------

def test_three_files_compared_with_the_largest_gap_first(page, site_url):
    with_threshold(page, 2)  # the smallest the kit allows: two people in each role
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    gap, small = ids[5], ids[1]
    trustee = {sid: 1 for sid in ids}
    staff = {sid: 1 for sid in ids}
    user = {sid: 1 for sid in ids}
    trustee[gap], user[gap] = 2, 0        # a gap of 2 on one statement
    trustee[small] = 2                    # a gap of 1 on another
    files = []
    for i in range(2):
        for name, role, answers in (("trustee", "Trustee", trustee), ("staff", "Staff", staff),
                                    ("user", "Person using services", user)):
            files.append((f"{name}-{i}.json", dict(export(data, role, answers), date=f"2026-03-0{i + 1}T10:00:00.000Z")))
    upload(page, "#kit-compare-files", files)
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    assert page.get_attribute("#kit-compare-results", "data-people") == "6"
    order = first_cells(page, "kit-compare-statements")
    assert order[:2] == [gap, small]
    rows = table(page, "kit-compare-statements")
    assert rows[0] == ["Statement", "Trustee (2)", "Staff (2)", "Person using services (2)", "Spread", "Disagreement"]
    assert rows[1][1:] == ["2.0", "1.0", "0.0", "0.8", "2.0 (large gap)"]
    # Kit order among the statements where everyone agreed.
    rest = [sid for sid in order[2:]]
    assert rest == [sid for sid in ids if sid not in (gap, small)]
    # The area holding the largest gap comes first among areas too.
    area_of = {s["id"]: s["area"] for s in data["statements"]}
    assert first_cells(page, "kit-compare-areas")[0] == area_of[gap]
    # Chart: an image with a text alternative naming every group.
    chart = page.locator("#kit-compare-results svg[role='img']").first
    label_ids = chart.get_attribute("aria-labelledby").split()
    alt = " ".join(page.locator(f"[id='{i}']").text_content() for i in label_ids)
    assert "Trustee" in alt and "Person using services" in alt


def test_group_of_nine_with_the_default_threshold(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_compare(page, site_url)
    data = kit_data(page)
    upload(page, "#kit-compare-files", group_of_nine(data))
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    ids = quick_ids(data)
    assert first_cells(page, "kit-compare-statements")[0] == ids[3]
    assert page.locator("#kit-compare-groups li").all_inner_texts() == [
        "Trustee: 3 people", "Staff: 3 people", "Person using services: 3 people"]
    notes = page.locator("#kit-compare-notes blockquote").all_text_contents()
    assert notes == [f"We hear about changes after they happen ({i})." for i in range(3)]
    hosts = {urlparse(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}


def test_a_role_of_two_is_merged_into_others_and_never_shown_alone(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    files = [(f"t{i}.json", export(data, "Trustee", {sid: 2 for sid in ids})) for i in range(3)]
    files += [(f"s{i}.json", export(data, "Staff", {sid: 0 for sid in ids})) for i in range(2)]
    files += [("c.json", export(data, "Carer", {sid: 1 for sid in ids}, notes={ids[2]: "Meetings are at school time."}))]
    upload(page, "#kit-compare-files", files)
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    merge = page.inner_text("#kit-compare-merge")
    assert RULE in merge and "Others" in merge
    assert page.locator("#kit-compare-groups li").all_inner_texts() == ["Trustee: 3 people", "Others: 3 people"]
    for table_id in ("kit-compare-areas", "kit-compare-statements"):
        header = table(page, table_id)[0]
        assert header[1:3] == ["Trustee (3)", "Others (3)"]
        assert not any("Staff" in h or "Carer" in h for h in header)
    descriptions = " ".join(page.locator("#kit-compare-results svg desc").all_text_contents())
    assert "Staff" not in descriptions and "Carer" not in descriptions
    assert "Others 0.3" in descriptions  # (0 + 0 + 1) / 3
    # The carer is in a shown group (Others), so the note is shown, as written.
    assert page.locator("#kit-compare-notes blockquote").all_text_contents() == ["Meetings are at school time."]


def test_too_few_people_shows_nothing(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    upload(page, "#kit-compare-files", [("a.json", export(data, "Trustee", {ids[0]: 2}, notes={ids[0]: "x"})),
                                        ("b.json", export(data, "Carer", {ids[0]: 0}, notes={ids[0]: "Private words"}))])
    assert page.get_attribute("#kit-compare-results", "data-shown") == "false"
    assert "Fewer than 3 people" in page.inner_text("#kit-compare-merge")
    assert page.locator("#kit-compare-results table, #kit-compare-results svg").count() == 0
    assert "Private words" not in page.inner_text("#kit-compare-results")


# --- the entry grid -----------------------------------------------------------------------

GRID = [  # five paper sheets: role, then one answer per quick-check statement (? is don't know)
    ("Trustee", "222222222222"),
    ("Trustee", "2221?2222122"),
    ("Trustee", "212222221222"),
    ("Staff", "010101?10101"),
    ("Staff", "100110011001"),
]


def _answers(cells: str, ids: list[str]) -> dict:
    return {sid: (None if ch == "?" else int(ch)) for sid, ch in zip(ids, cells) if ch != " "}


def _choose_role_by_keyboard(page, row: int, role: str, roles: list[str]) -> None:
    select = page.locator(f"#kit-grid-role-{row}")
    select.focus()
    for _ in range(roles.index(role) + 1):
        page.keyboard.press("ArrowDown")
    assert select.input_value() == role


def test_five_paper_sheets_typed_by_keyboard_match_the_same_files(page, site_url):
    with_threshold(page, 2)
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    assert len(ids) == len(GRID[0][1])
    page.locator(f"#kit-grid-0-{ids[0]}").focus()
    for row, (role, cells) in enumerate(GRID):
        if row:
            page.keyboard.press("Enter")                       # a new row; focus moves to its role
            assert page.evaluate("document.activeElement.id") == f"kit-grid-role-{row}"
        _choose_role_by_keyboard(page, row, role, data["roles"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == f"kit-grid-{row}-{ids[0]}"
        page.keyboard.type(cells)                               # each key moves on to the next box
        assert page.evaluate("document.activeElement.id") == f"kit-grid-{row}-{ids[-1]}"
    # Arrow keys move about the grid; Backspace empties a box; other keys are ignored.
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == f"kit-grid-3-{ids[-1]}"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.id") == f"kit-grid-3-{ids[-2]}"
    page.keyboard.press("x")
    assert page.input_value(f"#kit-grid-3-{ids[-2]}") == "0"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == f"kit-grid-4-{ids[-1]}"
    page.wait_for_selector("#kit-compare-results[data-people='5']")
    page.wait_for_timeout(300)
    typed = {t: table(page, t) for t in ("kit-compare-areas", "kit-compare-statements")}
    assert typed["kit-compare-areas"][0][1:3] == ["Trustee (3)", "Staff (2)"]

    # Kept after a reload.
    page.reload()
    page.wait_for_selector("#kit-compare[data-ready='true']")
    assert page.input_value(f"#kit-grid-1-{ids[4]}") == "?"
    assert page.input_value("#kit-grid-role-4") == "Staff"

    # The same answers loaded as files give the same comparison.
    page.click("#kit-compare-clear")
    page.click("#kit-compare-clear-yes")
    assert page.get_attribute("#kit-compare-results", "data-people") == "0"
    upload(page, "#kit-compare-files", [(f"sheet-{i}.json", export(data, role, _answers(cells, ids)))
                                        for i, (role, cells) in enumerate(GRID)])
    page.wait_for_selector("#kit-compare-results[data-people='5']")
    for table_id, rows in typed.items():
        assert table(page, table_id) == rows, table_id


def test_every_grid_box_has_its_own_label(page, site_url):
    open_compare(page, site_url)
    page.click("#kit-grid-add")
    labels = page.evaluate("""() => [...document.querySelectorAll('#kit-grid input, #kit-grid select')]
        .map(c => c.getAttribute('aria-label') || (c.labels[0] && c.labels[0].textContent) || '')""")
    assert labels and all(labels) and len(set(labels)) == len(labels)
    assert "Person 2, statement 1" in labels[len(labels) // 2 + 1]
    page.check("#kit-grid-set-full")
    full = len([s for s in kit_data(page)["statements"]])
    assert page.locator("#kit-grid tbody tr").first.locator("input").count() == full


# --- refusing files, keeping data ---------------------------------------------------------------

BAD = {
    "not-json.json": "not a JSON file",
    "wrong-kind.json": "not a file of answers",
    "newer-version.json": "newer than this one",
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_is_refused_and_earlier_data_kept(page, site_url, name):
    open_compare(page, site_url)
    data = kit_data(page)
    upload(page, "#kit-compare-files", group_of_nine(data)[:3])
    upload(page, "#kit-compare-files", [(name, (FIXTURES / name).read_text(encoding="utf-8"))])
    error = page.locator("#kit-compare-error")
    assert error.is_visible()
    text = error.inner_text()
    assert f"\u201c{name}\u201d was not added" in text and BAD[name] in text
    assert "still here" in text
    assert len(table(page, "kit-compare-files-table")) == 1 + 3
    kept = page.evaluate("k => JSON.parse(localStorage.getItem(k)).people.length", STORAGE_KEY)
    assert kept == 3


def test_a_bad_file_among_good_ones_only_drops_itself(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    files = group_of_nine(data)[:2] + [("unknown.json", export(data, "Staff", {"no-such-statement": 2, ids[0]: 1}))]
    upload(page, "#kit-compare-files", files)
    assert "no-such-statement" in page.inner_text("#kit-compare-error")
    assert len(table(page, "kit-compare-files-table")) == 1 + 2
    # The same file twice is counted once.
    upload(page, "#kit-compare-files", files[:1])
    assert "already loaded" in page.inner_text("#kit-compare-error")
    assert len(table(page, "kit-compare-files-table")) == 1 + 2


def test_a_script_in_a_note_stays_text(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    files = group_of_nine(data)
    files[2] = ("user-0.json", export(data, "Person using services", {sid: 0 for sid in ids}, notes={ids[0]: PAYLOAD}))
    upload(page, "#kit-compare-files", files)
    page.wait_for_selector("#kit-compare-notes")
    assert PAYLOAD in page.locator("#kit-compare-notes blockquote").all_text_contents()
    assert page.locator("#kit-compare img").count() == 0
    page.reload()
    page.wait_for_selector("#kit-compare-notes")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("#kit-compare img").count() == 0


def test_clear_everything_needs_confirming(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    upload(page, "#kit-compare-files", group_of_nine(data))
    page.click("#kit-compare-clear")
    page.click("#kit-compare-clear-no")
    assert page.get_attribute("#kit-compare-results", "data-people") == "9"
    page.click("#kit-compare-clear")
    page.click("#kit-compare-clear-yes")
    assert page.get_attribute("#kit-compare-results", "data-people") == "0"
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) is None
    page.reload()
    page.wait_for_selector("#kit-compare[data-ready='true']")
    assert page.get_attribute("#kit-compare-results", "data-people") == "0"


def test_printed_summary_shows_the_results_only(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    upload(page, "#kit-compare-files", group_of_nine(data))
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click("#kit-compare-print")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.is_visible("#kit-compare-statements")
    assert page.is_visible("#kit-compare-notes")
    for hidden in ("#kit-compare-files", "#kit-grid", "#kit-compare-clear", ".md-sidebar--primary"):
        assert not page.is_visible(hidden), hidden


# --- accessibility --------------------------------------------------------------------------

@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_the_results(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    files = group_of_nine(data)
    files[0:1] = []
    files += [("carer.json", export(data, "Carer", {sid: 1 for sid in quick_ids(data)}))]
    upload(page, "#kit-compare-files", files)
    page.wait_for_selector("#kit-compare-notes")
    assert run_axe(page) == []
    # Keyboard focus shows, at least 3:1, on every control with the files loaded.
    swept, problems = focus_sweep(page)
    assert swept >= 10 and problems == [], problems


@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_an_error_and_the_clear_question(page, site_url):
    open_compare(page, site_url)
    upload(page, "#kit-compare-files", [("not-json.json", (FIXTURES / "not-json.json").read_text(encoding="utf-8"))])
    assert page.is_visible("#kit-compare-error")
    page.click("#kit-compare-clear")
    assert page.is_visible("#kit-compare-clear-confirm")
    assert run_axe(page) == []
    swept, problems = focus_sweep(page)
    assert swept >= 10 and problems == [], problems


@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_the_empty_page_at_phone_width(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    open_compare(page, site_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page) == []


def test_compare_and_progress_work_from_a_copy_opened_from_disk(page, built_site):
    """The offline copy: no server, the pages opened as files; what is typed is still kept."""
    page.goto((built_site / "scoring" / "compare.html").as_uri())
    page.wait_for_selector("#kit-compare[data-ready='true']")
    ids = quick_ids(kit_data(page))
    page.locator(f"#kit-grid-0-{ids[0]}").focus()
    page.keyboard.type("21")
    page.reload()
    page.wait_for_selector("#kit-compare[data-ready='true']")
    assert page.input_value(f"#kit-grid-0-{ids[1]}") == "1"
    page.goto((built_site / "scoring" / "progress.html").as_uri())
    page.wait_for_selector("#kit-progress[data-ready='true']")
    page.click("#kit-round-baseline-use")
    page.wait_for_function("() => document.querySelector('#kit-round-baseline-count').textContent.startsWith('1 person')")


def test_a_grid_box_filled_without_key_names_still_moves_on(page, site_url):
    """Phone keyboards send input events with no usable key: the box keeps only 0, 1, 2 or ?."""
    open_compare(page, site_url)
    ids = quick_ids(kit_data(page))
    page.fill(f"#kit-grid-0-{ids[0]}", "2")
    assert page.evaluate("document.activeElement.id") == f"kit-grid-0-{ids[1]}"
    page.fill(f"#kit-grid-0-{ids[1]}", "7")
    assert page.input_value(f"#kit-grid-0-{ids[1]}") == ""
    page.fill(f"#kit-grid-0-{ids[2]}", "d")
    assert page.input_value(f"#kit-grid-0-{ids[2]}") == "?"


# --- the disclosure rule (review findings 1 and 2) ------------------------------------------

def review_seven(data) -> list[tuple[str, dict]]:
    """4 trustees, 2 staff, 1 person using services; both staff say don't know to one statement,
    so under Others (3) only the person using services answered it."""
    ids = quick_ids(data)
    files = [(f"t{i}.json", export(data, "Trustee", {sid: 1 for sid in ids})) for i in range(4)]
    files += [(f"s{i}.json", export(data, "Staff", {sid: (None if sid == ids[8] else 1) for sid in ids}))
              for i in range(2)]
    files += [("u.json", export(data, "Person using services", {sid: 2 for sid in ids}))]
    return files


def test_a_figure_resting_on_one_answer_is_withheld_in_table_chart_and_print(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    upload(page, "#kit-compare-files", review_seven(data))
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    rows = {r[0]: r for r in table(page, "kit-compare-statements")[1:]}
    text = next(s["text"] for s in data["statements"] if s["id"] == ids[8])
    row = next(cells for label, cells in rows.items() if label.startswith(text))
    assert row[1:3] == ["1.0", data["too_few"]]
    area = next(s["area"] for s in data["statements"] if s["id"] == ids[8])
    title = next(a["title"] for a in data["areas"] if a["id"] == area)
    area_row = next(r for r in table(page, "kit-compare-areas")[1:] if r[0].startswith(title))
    assert area_row[2] == data["too_few"]
    desc = " ".join(page.locator("#kit-compare-results svg desc").all_text_contents())
    assert f"{title}: Trustee 1.0, Others {data['too_few']}" in desc
    assert "Others 2.0" not in desc
    # The areas chart leaves out the withheld bar: one bar per shown figure.
    shown_area_figures = sum(1 for r in table(page, "kit-compare-areas")[1:] for cell in r[1:3]
                             if cell not in (data["too_few"], "–"))
    assert page.locator("#kit-compare-results svg").first.locator("rect").count() == shown_area_figures == 23
    page.emulate_media(media="print")
    assert data["too_few"] in page.inner_text("#kit-compare-results")


def test_twin_a_hidden_persons_answers_change_nothing_shown(page, site_url):
    """Two comparisons that differ only in the answers of the one person left out of every
    group (and of the one answer behind a withheld figure) look the same, byte for byte."""
    shown = []
    for value, set_ in ((0, "quick"), (2, "quick"), (1, "full")):
        open_compare(page, site_url)
        data = kit_data(page)
        ids = quick_ids(data)
        files = [(f"t{i}.json", export(data, "Trustee", {sid: (i + len(sid)) % 3 for sid in ids})) for i in range(4)]
        files += [(f"s{i}.json", export(data, "Staff", {sid: (i + 2 * len(sid)) % 3 for sid in ids})) for i in range(3)]
        answered = ids if set_ == "quick" else [s["id"] for s in data["statements"]]
        files += [("u.json", export(data, "Person using services", {sid: value for sid in answered}, set_=set_))]
        upload(page, "#kit-compare-files", files)
        page.wait_for_selector("#kit-compare-results[data-people='8']")
        shown.append(page.inner_html("#kit-compare-results"))
        page.evaluate("() => localStorage.clear()")
    assert shown[0] == shown[1] == shown[2]
    assert "1 person is not shown at all" in shown[0]


# --- one person, once (issue 15 item 4) -----------------------------------------------------------

def test_the_same_export_under_another_name_is_refused_naming_both(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    ids = quick_ids(data)
    user = export(data, "Person using services", {sid: 0 for sid in ids})
    old = {k: v for k, v in export(data, "Trustee", {sid: 2 for sid in ids}).items() if k != "id"}
    upload(page, "#kit-compare-files", [("u1.json", user), ("old.json", old)])
    upload(page, "#kit-compare-files", [("u1 (1).json", user), ("u1 (2).json", user), ("old copy.json", old),
                                        ("t.json", export(data, "Trustee", {sid: 2 for sid in ids}))])
    problems = page.inner_text("#kit-compare-error")
    assert "\u201cu1 (1).json\u201d was not added: it holds the same answers as \u201cu1.json\u201d" in problems
    assert "\u201cu1 (2).json\u201d" in problems
    assert "\u201cold copy.json\u201d was not added: it holds the same answers as \u201cold.json\u201d" in problems
    page.wait_for_selector("#kit-compare-results[data-people='3']")


def test_deeply_nested_json_is_refused_with_a_message(page, site_url):
    open_compare(page, site_url)
    upload(page, "#kit-compare-files", [("deep.json", "[" * 200000)])
    assert "nested more deeply" in page.inner_text("#kit-compare-error")


@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_results_with_withheld_figures(page, site_url):
    open_compare(page, site_url)
    data = kit_data(page)
    upload(page, "#kit-compare-files", review_seven(data))
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    assert data["too_few"] in page.inner_text("#kit-compare-results")
    assert run_axe(page) == []
