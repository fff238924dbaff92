"""The scorer page in Debian Chromium: answers kept, cleared, exported and imported; bad files refused.

Runs against the real built site (conftest.built_site). The shared vectors in
tests/vectors/scoring.json run here against scoring-core.js, as they run against
scoring.py in tests/test_scoring.py.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT
from gates_browser import focus_sweep

pytestmark = pytest.mark.browser

VECTORS_DIR = ROOT / "tests" / "vectors"
VECTORS = json.loads((VECTORS_DIR / "scoring.json").read_text(encoding="utf-8"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAYLOAD = "<img src=x onerror=alert(1)>"
STORAGE_KEY = "user-involvement-kit:scorer"


def open_scorer(page, site_url):
    page.goto(site_url + "/scoring/index.html")
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    return page


def kit_data(page) -> dict:
    return page.evaluate("() => window.KIT_SCORING")


def answer(page, statement: str, value) -> None:
    page.check(f"#kit-{statement}-{value}")


def checked_value(page, statement: str):
    return page.evaluate("id => { const c = document.querySelector(`input[name='kit-answer-${id}']:checked`);"
                         " return c ? c.value : null; }", statement)


def results_table(page) -> list[list[str]]:
    return page.evaluate("""() => [...document.querySelectorAll('#kit-results-table tbody tr')]
        .map(tr => [...tr.children].map(c => c.textContent))""")


def error_text(page) -> str:
    return page.locator("#kit-scorer-error").inner_text()


def fill_some(page, data) -> dict:
    """Answer the quick check with a spread of values and a note; returns what was given."""
    page.check("#kit-role-1")
    given = {}
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    for i, sid in enumerate(quick[:8]):
        value = ["0", "1", "2", "dk"][i % 4]
        answer(page, sid, value)
        given[sid] = value
    page.fill(f"#kit-note-{quick[0]}", "Trustees agreed this in May.")
    return given


def import_text(page, text: str, name: str = "scores.json") -> None:
    page.set_input_files("#kit-import", files=[{"name": name, "mimeType": "application/json",
                                                "buffer": text.encode("utf-8")}])


def run_axe(page) -> list[str]:
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `npm ci`")
    # The pointer rests where the last click was; a link under it would be checked in its hover colour.
    page.mouse.move(1, 300)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        """async tags => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => v.id + ': ' + v.help + ' on ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '));
        }""", AXE_TAGS)
    return violations


# --- the shared arithmetic ------------------------------------------------------------

def test_scoring_core_passes_the_shared_vectors(page, site_url):
    open_scorer(page, site_url)
    out = page.evaluate("""v => v.cases.map(c => {
        const s = KitScoring.areaScores(v.statements, c.answers);
        const d = {}; for (const a in s) d[a] = KitScoring.displayScore(s[a]);
        return {scores: s, display: d};
    })""", VECTORS)
    for case, got in zip(VECTORS["cases"], out, strict=True):
        assert got["scores"].keys() == case["expected"].keys(), case["name"]
        for area, expected in case["expected"].items():
            value = got["scores"][area]
            if expected is None:
                assert value is None, (case["name"], area, value)
            else:
                assert math.isclose(value, expected, abs_tol=1e-12), (case["name"], area, value)
        assert got["display"] == case["display"], case["name"]


def test_scorer_files_load_only_on_the_scorer_page(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for name in ("scorer.js", "scoring-core.js", "scorer.css", "scoring-data.js"):
        assert name not in home
    scorer = (built_site / "scoring" / "index.html").read_text(encoding="utf-8")
    for name in ("scorer.js", "scoring-core.js", "scorer.css", "assets/kit/scoring-data.js"):
        assert name in scorer


# --- keeping answers ------------------------------------------------------------------

def test_answers_survive_a_reload_and_nothing_leaves_the_machine(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_scorer(page, site_url)
    data = kit_data(page)
    given = fill_some(page, data)
    page.check("#kit-set-full")
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert page.is_checked("#kit-role-1")
    assert page.is_checked("#kit-set-full")
    for sid, value in given.items():
        assert checked_value(page, sid) == value
    first = next(iter(given))
    assert page.input_value(f"#kit-note-{first}") == "Trustees agreed this in May."
    hosts = {urlparse(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}


def test_no_name_is_asked_for(page, site_url):
    open_scorer(page, site_url)
    labels = page.locator("#kit-scorer label, #kit-scorer legend").all_inner_texts()
    assert not [t for t in labels if re.match(r"\s*(your\s+|full\s+)?name\b", t, re.I)]
    assert page.locator("#kit-scorer input[type=text], #kit-scorer input[type=email]").count() == 0


def test_clear_needs_confirming_and_then_empties_everything(page, site_url):
    open_scorer(page, site_url)
    given = fill_some(page, kit_data(page))
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Cancel").click()
    assert all(checked_value(page, sid) == v for sid, v in given.items())

    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    assert all(checked_value(page, sid) is None for sid in given)
    assert page.locator("#kit-scorer-status").inner_text().startswith("All answers and notes were cleared")
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) is None
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert all(checked_value(page, sid) is None for sid in given)
    assert not page.is_checked("#kit-role-1")


# --- export and import ------------------------------------------------------------------

def test_export_clear_import_gives_the_same_results(page, site_url, tmp_path):
    open_scorer(page, site_url)
    data = kit_data(page)
    given = fill_some(page, data)
    before = results_table(page)

    with page.expect_download() as caught:
        page.get_by_role("button", name="Export answers (JSON)").click()
    exported = tmp_path / "scores.json"
    caught.value.save_as(exported)
    file = json.loads(exported.read_text(encoding="utf-8"))
    assert file["version"] == data["version"]
    assert file["role"] == data["roles"][1] and file["set"] == "quick" and file["date"]
    assert file["answers"] == {sid: (None if v == "dk" else int(v)) for sid, v in given.items()}
    assert "name" not in file

    with page.expect_download() as caught_csv:
        page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
    csv_path = tmp_path / "scores.csv"
    caught_csv.value.save_as(csv_path)
    csv_text = csv_path.read_text(encoding="utf-8-sig")
    assert "Trustees agreed this in May." in csv_text and data["version"] in csv_text

    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    assert results_table(page) != before

    page.set_input_files("#kit-import", str(exported))
    page.wait_for_function("() => document.querySelector('#kit-scorer-status').textContent.startsWith('Imported')")
    assert results_table(page) == before
    assert all(checked_value(page, sid) == v for sid, v in given.items())
    assert page.is_checked("#kit-role-1")


def _file(data, **changes) -> str:
    base = {"kind": "user-involvement-kit/scores", "format": 1, "version": data["version"],
            "date": "2026-01-01T00:00:00.000Z", "role": None, "set": "quick",
            "answers": {data["statements"][0]["id"]: 1}, "notes": {}}
    base.update(changes)
    return json.dumps(base)


def _newer(version: str) -> str:
    major, minor, patch = version.split(".")
    return f"{int(major) + 1}.0.0"


HOSTILE = {
    "not json": (lambda d: "this is not JSON {", "not a JSON file"),
    "empty file": (lambda d: "", "empty"),
    "a list": (lambda d: "[1, 2, 3]", "not a file of answers"),
    "wrong kind": (lambda d: json.dumps({"kind": "something-else", "answers": {}}), "not a file of answers"),
    "unknown id": (lambda d: _file(d, answers={"no-such-statement": 2}), "no-such-statement"),
    "prototype key": (lambda d: '{"kind": "user-involvement-kit/scores", "format": 1, "version": "%s",'
                                ' "set": "quick", "answers": {"__proto__": {"polluted": 1}}}' % d["version"],
                      "does not have"),
    "score too high": (lambda d: _file(d, answers={d["statements"][0]["id"]: 3}), "not 0, 1, 2"),
    "score as text": (lambda d: _file(d, answers={d["statements"][0]["id"]: "2"}), "not 0, 1, 2"),
    "score a fraction": (lambda d: _file(d, answers={d["statements"][0]["id"]: 1.5}), "not 0, 1, 2"),
    "answers not a map": (lambda d: _file(d, answers=[2, 1]), "no answers"),
    "note not text": (lambda d: _file(d, notes={d["statements"][0]["id"]: {"x": 1}}), "notes"),
    "unknown role": (lambda d: _file(d, role="Chief spy"), "role"),
    "bad set": (lambda d: _file(d, set="everything"), "'quick' or 'full'"),
    "newer version": (lambda d: _file(d, version=_newer(d["version"])), "newer than this one"),
    "unknown older version": (lambda d: _file(d, version="0.0.1"), "does not know how to read"),
    "no version": (lambda d: _file(d, version=None), "which version"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_bad_imports_are_refused_and_answers_kept(page, site_url, kind):
    make, message = HOSTILE[kind]
    open_scorer(page, site_url)
    data = kit_data(page)
    given = fill_some(page, data)
    stored = page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY)
    table = results_table(page)
    import_text(page, make(data))
    page.wait_for_function("() => document.querySelector('#kit-scorer-error').textContent.length > 0")
    text = error_text(page)
    assert message in text and "Your answers have not changed" in text, text
    assert all(checked_value(page, sid) == v for sid, v in given.items())
    assert results_table(page) == table
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) == stored
    assert page.evaluate("() => ({}).polluted") is None


def test_older_version_file_is_mapped_and_changes_are_listed(page, site_url):
    """A fake earlier version whose statements were later renamed and removed."""
    history = (VECTORS_DIR / "history-fake.json").read_text(encoding="utf-8")
    page.route("**/assets/kit/statement-history.js",
               lambda route: route.fulfill(content_type="text/javascript",
                                           body=f"window.KIT_STATEMENT_HISTORY = {history};"))
    open_scorer(page, site_url)
    old = (VECTORS_DIR / "scores-0.0.8.json").read_text(encoding="utf-8")
    import_text(page, old, "old-scores.json")
    changes = page.locator(".kit-scorer__changes")
    changes.wait_for(state="visible")
    text = changes.inner_text()
    assert "old-agenda" in text and "old-dialogue" in text and "retired-statement" in text
    assert checked_value(page, "up-agenda") == "2"      # renamed after 0.0.9
    assert checked_value(page, "qd-two-way") == "1"     # renamed twice, via an in-between id
    assert checked_value(page, "up-act") == "0"         # unchanged
    assert page.input_value("#kit-note-up-agenda") == "Moved from the old statement."
    assert page.locator("#kit-scorer-error").inner_text() == ""


# --- hostile text -------------------------------------------------------------------------

def test_script_in_a_note_stays_text_everywhere(page, site_url, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_scorer(page, site_url)
    data = kit_data(page)
    first = data["statements"][0]["id"]
    answer(page, first, 2)
    page.fill(f"#kit-note-{first}", PAYLOAD)
    # And the same payload arriving in an imported file, in a second statement's note.
    second = next(s["id"] for s in data["statements"] if s["quick"] and s["id"] != first)
    page.wait_for_timeout(100)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Export answers (JSON)").click()
    path = tmp_path / "x.json"
    caught.value.save_as(path)
    file = json.loads(path.read_text(encoding="utf-8"))
    assert file["notes"][first] == PAYLOAD
    file["notes"][second] = PAYLOAD + "<script>alert(2)</script>"
    file["answers"][second] = 1
    import_text(page, json.dumps(file))
    page.wait_for_function("() => document.querySelector('#kit-scorer-status').textContent.startsWith('Imported')")

    notes = page.locator(".kit-answers__note")
    assert notes.count() == 2
    assert notes.nth(0).inner_text() == "Note: " + PAYLOAD
    assert page.get_by_text(PAYLOAD + "<script>alert(2)</script>", exact=False).count() >= 1
    assert page.locator("#kit-scorer img, #kit-scorer script").count() == 0
    page.emulate_media(media="print")
    assert notes.nth(0).is_visible()
    assert not page.locator(".kit-scorer__form").is_visible()
    page.emulate_media(media="screen")

    with page.expect_download() as caught_csv:
        page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
    csv_path = tmp_path / "x.csv"
    caught_csv.value.save_as(csv_path)
    assert PAYLOAD in csv_path.read_text(encoding="utf-8-sig")
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert page.input_value(f"#kit-note-{first}") == PAYLOAD
    page.wait_for_timeout(300)
    assert dialogs == []


def test_csv_cells_that_look_like_formulas_are_defused(page, site_url):
    open_scorer(page, site_url)
    cells = page.evaluate("""() => ['=SUM(A1)', '+1', '-2', '@x', 'plain', 'a,b', 'say "hi"']
        .map(KitScoring.csvCell)""")
    assert cells == ["'=SUM(A1)", "'+1", "'-2", "'@x", "plain", '"a,b"', '"say ""hi"""']


# --- keyboard and screen reader ---------------------------------------------------------

def _focused(page) -> dict:
    return page.evaluate("() => ({id: document.activeElement.id, name: document.activeElement.name || '',"
                         " tag: document.activeElement.tagName})")


def _tab_to(page, test, limit=400) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if test(focused):
            return focused
    raise AssertionError("could not reach the control by Tab")


def test_the_quick_check_can_be_done_with_the_keyboard_alone(page, site_url):
    open_scorer(page, site_url)
    data = kit_data(page)
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    _tab_to(page, lambda f: f["name"] == "kit-role")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")               # second role
    _tab_to(page, lambda f: f["name"] == "kit-set")
    expected = {}
    for i, sid in enumerate(quick):
        _tab_to(page, lambda f, sid=sid: f["name"] == f"kit-answer-{sid}")
        page.keyboard.press("Space")                # the first level, 0
        for _ in range(i % 4):
            page.keyboard.press("ArrowDown")
        expected[sid] = ["0", "1", "2", "dk"][i % 4]
        if i == 0:
            page.keyboard.press("Tab")
            assert _focused(page)["id"] == f"kit-note-{sid}"
            page.keyboard.type("Typed without a mouse.")
    assert page.is_checked("#kit-role-1")
    assert {sid: checked_value(page, sid) for sid in quick} == expected
    assert page.locator("#kit-progress").inner_text() == f"You have answered {len(quick)} of {len(quick)} statements."
    _tab_to(page, lambda f: f["tag"] == "BUTTON")
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    assert caught.value.suggested_filename.endswith(".json")


def test_controls_are_grouped_and_labelled(page, site_url):
    open_scorer(page, site_url)
    assert page.locator("#kit-scorer fieldset").count() == 2 + len(kit_data(page)["statements"])
    assert page.locator("#kit-scorer fieldset > legend").count() == page.locator("#kit-scorer fieldset").count()
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('#kit-scorer input, #kit-scorer textarea')]
        .filter(i => !i.labels || i.labels.length === 0).map(i => i.id)""")
    assert unlabelled == []
    assert page.get_by_role("status").count() >= 1
    chart = page.locator("svg[role=img]")
    assert chart.count() == 1 and chart.get_attribute("aria-labelledby") == "kit-chart-title kit-chart-desc"


@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_the_results(page, site_url):
    open_scorer(page, site_url)
    fill_some(page, kit_data(page))
    page.locator("#kit-results").scroll_into_view_if_needed()
    assert run_axe(page) == []
    # Keyboard focus shows, at least 3:1, on every answer, button and link with results shown.
    swept, problems = focus_sweep(page)
    assert swept >= 50 and problems == [], problems


@pytest.mark.needs("axe-core")
def test_axe_finds_nothing_on_an_error_and_the_clear_question(page, site_url):
    open_scorer(page, site_url)
    fill_some(page, kit_data(page))
    import_text(page, "not json")
    page.wait_for_function("() => document.querySelector('#kit-scorer-error').textContent.length > 0")
    page.get_by_role("button", name="Clear my answers").click()
    assert run_axe(page) == []


def test_kept_answers_survive_a_statement_the_kit_no_longer_has(page, site_url):
    """Answers kept in this browser are never all lost: what no longer matches is dropped and listed."""
    open_scorer(page, site_url)
    data = kit_data(page)
    first = data["statements"][0]["id"]
    stored = {"version": data["version"], "saved": "2026-01-01T00:00:00.000Z", "role": "A role since removed",
              "set": "quick", "answers": {first: 2, "statement-since-removed": 1}, "notes": {first: "kept"}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, json.dumps(stored)])
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert checked_value(page, first) == "2"
    assert page.input_value(f"#kit-note-{first}") == "kept"
    assert "statement-since-removed" in page.locator(".kit-scorer__changes").inner_text()
    kept = json.loads(page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))
    assert kept["answers"] == {first: 2} and kept["role"] is None


def test_scorer_works_from_a_copy_opened_from_disk(page, built_site):
    """The offline copy: no server, the page opened as a file; answers still kept."""
    page.goto((built_site / "scoring" / "index.html").as_uri())
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    data = kit_data(page)
    first = data["statements"][0]["id"]
    answer(page, first, 2)
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert checked_value(page, first) == "2"
    link = page.locator("#kit-results-table a").first.get_attribute("href")
    assert link.startswith("file://") and link.endswith(".html")


# --- what is exported: the chosen set only, with one response id (issue 15 items 3 and 4) ---------

def _download(page, tmp_path, button: str, name: str):
    with page.expect_download() as caught:
        page.get_by_role("button", name=button).click()
    path = tmp_path / name
    caught.value.save_as(path)
    return path


def test_export_holds_only_the_chosen_sets_answers_and_notes_and_one_id(page, site_url, tmp_path):
    open_scorer(page, site_url)
    data = kit_data(page)
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    full_only = [s["id"] for s in data["statements"] if not s["quick"]]
    page.check("#kit-set-full")
    answer(page, quick[0], "2")
    answer(page, full_only[0], "1")
    answer(page, full_only[1], "0")
    page.fill(f"#kit-note-{full_only[0]}", "I am the only finance officer")
    page.check("#kit-set-quick")
    first = json.loads(_download(page, tmp_path, "Export answers (JSON)", "a.json").read_text(encoding="utf-8"))
    assert first["set"] == "quick"
    assert first["answers"] == {quick[0]: 2} and first["notes"] == {}
    assert "finance officer" not in json.dumps(first)
    csv_text = _download(page, tmp_path, "Export for a spreadsheet (CSV)", "a.csv").read_text(encoding="utf-8-sig")
    assert "finance officer" not in csv_text and first["id"] in csv_text
    # The id is random, made once for this answer set: the same on a later export and after a reload.
    assert len(first["id"]) >= 16
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    again = json.loads(_download(page, tmp_path, "Export answers (JSON)", "b.json").read_text(encoding="utf-8"))
    assert again["id"] == first["id"]
    # Nothing typed is lost: back on the full set, the answers out of sight are still there.
    page.check("#kit-set-full")
    assert checked_value(page, full_only[0]) == "1"
    assert page.input_value(f"#kit-note-{full_only[0]}") == "I am the only finance officer"
    # Cleared answers are a new answer set, with a new id.
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    answer(page, quick[0], "1")
    fresh = json.loads(_download(page, tmp_path, "Export answers (JSON)", "c.json").read_text(encoding="utf-8"))
    assert fresh["id"] != first["id"]
