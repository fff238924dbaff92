"""Answer codes in Chromium: the shared vectors (tests/vectors/answer-code.json) run against
answer-code.js as in Python and Node; the scorer shows the code of what is on screen, and its
QR picture reads back (jsQR, from npm, in the page) to the same code."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT, need_tool
from test_answer_code import NODE_RUNNER, VECTORS, VECTORS_PATH, check_runtime_results

pytestmark = pytest.mark.browser

JSQR = ROOT / "node_modules" / "jsqr" / "dist" / "jsQR.js"
WAIT = 60_000


def open_scorer(page, site_url):
    page.goto(site_url + "/scoring/index.html")
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    return page


def test_chromium_runs_the_same_vectors(page, site_url):
    open_scorer(page, site_url)
    # The Node runner, with the script and vectors handed in instead of read from disk.
    body = NODE_RUNNER.replace("const api = require(process.argv[1]);", "const api = window.KitAnswerCode;")
    body = body.replace("const vectors = require(process.argv[2]);", "const vectors = arguments[0];")
    body = body.replace("process.stdout.write(JSON.stringify(out));", "return out;")
    body = body.replace('const core = require(require("path").join(require("path").dirname(process.argv[1]), '
                        '"scoring-core.js"));', "const core = window.KitScoring;")
    out = page.evaluate("vectors => (function () {" + body + "})(vectors)",
                        json.loads(VECTORS_PATH.read_text(encoding="utf-8")))
    check_runtime_results(out)
    assert VECTORS["cases"]


def shown_code(page) -> str:
    return page.locator("#kit-answer-code .kit-answer-code__value").get_attribute("data-code")


def read_qr(page) -> str | None:
    """The QR picture on the page, read back by jsQR from the canvas's pixels."""
    page.add_script_tag(path=str(JSQR))
    return page.evaluate("""() => {
        const canvas = document.querySelector('#kit-answer-code canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(pixels.data, canvas.width, canvas.height);
        return found ? found.data : null;
    }""")


def test_the_scorer_shows_the_code_of_what_is_on_screen_and_its_qr_reads_back(page, site_url):
    need_tool("jsqr")
    need_tool("qrcode-generator")
    open_scorer(page, site_url)
    data = page.evaluate("() => window.KIT_SCORING")
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    full_only = next(s["id"] for s in data["statements"] if not s["quick"])
    empty = shown_code(page)
    page.check("#kit-set-full")
    page.check(f"#kit-{full_only}-2")
    page.check("#kit-set-quick")
    page.check("#kit-role-2")
    page.check(f"#kit-{quick[0]}-1")
    page.check(f"#kit-{quick[1]}-dk")
    page.fill(f"#kit-note-{quick[0]}", "Only the finance officer would say this")
    code = shown_code(page)
    assert code != empty
    grouped = page.locator("#kit-answer-code .kit-answer-code__value").inner_text()
    assert grouped.replace("-", "") == code and len(grouped) <= 32
    # The code holds what the person sees: the quick check's answers, the role, no note.
    decoded = page.evaluate("code => KitAnswerCode.decode(code)", code)
    kept = page.evaluate("() => JSON.parse(localStorage.getItem('user-involvement-kit:scorer')).id")
    assert decoded == {"set": "quick", "version": data["version"], "role": data["roles"][2],
                       "id": page.evaluate("id => KitScoring.codeId(id)", kept),
                       "answers": {quick[0]: 1, quick[1]: None}}
    assert read_qr(page) == code
    hint = page.locator("#kit-answer-code .kit-answer-code__hint").inner_text()
    assert "a random number that makes sure your answers count once" in hint and "never your name" in hint
    # The same answer set keeps its id over a reload; clearing the answers makes a new one.
    page.reload()
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    assert shown_code(page) == code
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    page.check("#kit-role-2")
    page.check(f"#kit-{quick[0]}-1")
    page.check(f"#kit-{quick[1]}-dk")
    again = shown_code(page)
    assert again[5:10] != code[5:10] and again[:5] + again[10:-1] == code[:5] + code[10:-1]
    assert page.evaluate("code => KitAnswerCode.decode(code).answers", again) == decoded["answers"]


def test_compare_takes_typed_codes_beside_files_and_keeps_what_it_cannot_read(page, site_url):
    from test_browser_compare import export, open_compare, quick_ids, table, upload, with_threshold
    with_threshold(page, 1)
    open_compare(page, site_url)
    data = page.evaluate("() => window.KIT_SCORING")
    ids = quick_ids(data)
    trustee = {sid: 2 for sid in ids}
    trustee_file = export(data, "Trustee", trustee)
    upload(page, "#kit-compare-files", [("trustee.json", trustee_file)])

    def code(role, answers, response_id):
        return page.evaluate("([r, a, id]) => KitAnswerCode.group(KitAnswerCode.encode({set: 'quick', role: r, "
                             "answers: a, id: id}))", [role, answers, response_id])

    staff = code("Staff", {sid: 0 for sid in ids}, "1" * 24)
    user = code("Person using services", {sid: 1 for sid in ids}, "2" * 24)
    # Another member of staff with the very same answers is another person, with another code.
    colleague = code("Staff", {sid: 0 for sid in ids}, "3" * 24)
    # The trustee's code as well as their file: the same response id, so the same person.
    trustee_again = code("Trustee", trustee, trustee_file["id"])
    mistyped = staff[:-1] + ("0" if staff[-1] != "0" else "1")
    hostile = "<img src=x onerror=window.__xss=1>"
    typed = "\n".join([staff.lower(), "", mistyped, user, hostile, staff, colleague, trustee_again])
    page.fill("#kit-compare-codes", typed)
    page.click("#kit-compare-codes-add")
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    assert page.get_attribute("#kit-compare-results", "data-people") == "4"
    rows = table(page, "kit-compare-statements")
    # The colleague counts as a second member of staff; the trustee's code does not count again.
    # (Groups of one are folded into Others at the smallest threshold the page allows, 2.)
    assert rows[0][1:3] == ["Staff (2)", "Others (2)"]
    assert rows[1][1:3] == ["0.0", "1.5"]
    # What could not be read is still in the box, with a message naming each line.
    assert page.input_value("#kit-compare-codes").split("\n") == [mistyped, hostile, staff, trustee_again]
    error = page.locator("#kit-compare-error").inner_text()
    assert "Line 3 was not added: a character is mistyped" in error
    assert "Line 5 was not added: character 1, '<', is never in an answer code" in error
    assert f"Line 6 was not added: it holds the same answers as line 1 ({staff}), and each person counts once" in error
    assert "Line 8 was not added: it holds the same answers as \u201ctrustee.json\u201d" in error
    assert page.evaluate("() => window.__xss") is None
    # Kept over a reload, like files, and still each person once.
    page.reload()
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    assert page.get_attribute("#kit-compare-results", "data-people") == "4"
    page.fill("#kit-compare-codes", staff)
    page.click("#kit-compare-codes-add")
    page.locator("#kit-compare-error").filter(has_text="same answers as").wait_for()
    assert f"Line 1 was not added: it holds the same answers as \u201cAnswer code {staff}\u201d" in \
        page.locator("#kit-compare-error").inner_text()
    assert page.get_attribute("#kit-compare-results", "data-people") == "4"


@pytest.mark.build
def test_without_npm_the_build_warns_once_and_the_scorer_shows_the_code_as_text(site_build, tmp_path, page):
    from conftest import QR_PACKAGE, copy_built_project, mkdocs_build
    project = copy_built_project(site_build, tmp_path / "project")
    shutil.rmtree(project / QR_PACKAGE)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert output.count("qrcode-generator is not installed") == 1, output
    page.goto((project / "site" / "scoring" / "index.html").as_uri())
    page.wait_for_selector("#kit-scorer[data-ready='true']")
    box = page.locator("#kit-answer-code")
    assert box.locator(".kit-answer-code__value").inner_text()
    assert box.locator("canvas").count() == 0
    assert "built without its QR library" in box.locator(".kit-answer-code__note").inner_text()


def walk_easy_questions(page, quick, keys):
    """Next through every question to the end page, giving `keys` to the first questions that
    are whole statements (a statement split in two has other ids). Returns what was given."""
    given = {}
    while True:
        page.locator("fieldset.er-question").wait_for(timeout=WAIT)
        question = page.locator("fieldset.er-question").get_attribute("data-statement")
        if len(given) < len(keys) and question in quick:
            key, value = keys[len(given)]
            page.locator(f"label[for='er-q-{question}-{key}']").click()
            given[question] = value
        finish = page.get_by_role("button", name="Next: see your answers", exact=True)
        if finish.count():
            finish.click()
            page.locator(".er-scorer h2").filter(has_text="Your answers").wait_for(timeout=WAIT)
            return given
        page.get_by_role("button", name="Next", exact=True).click()
        page.wait_for_function("q => document.querySelector('fieldset.er-question')?.dataset.statement !== q",
                               arg=question, timeout=WAIT)


def test_the_easy_read_scorer_shows_the_code_too(page, site_url, tmp_path):
    """Walked as a reader does: consent, "Start the questions", one question at a time, the end
    page with the code and its picture; the code holds the same response id as the saved file."""
    need_tool("jsqr")
    need_tool("qrcode-generator")
    page.goto(f"{site_url}/easy-read/scoring.html")
    page.get_by_role("button", name="Start the questions").click(timeout=WAIT)
    data = page.evaluate("() => window.KIT_SCORING")
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    keys = [("2", 2), ("dk", None)]
    chosen = walk_easy_questions(page, quick, keys)
    assert len(chosen) == 2
    page.locator(".er-scorer h2").filter(has_text="Your answers").wait_for(timeout=WAIT)
    box = page.locator("#er-answer-code")
    code = box.locator(".kit-answer-code__value").get_attribute("data-code")
    decoded = page.evaluate("code => KitAnswerCode.decode(code)", code)
    assert decoded["set"] == "quick" and decoded["answers"] == chosen
    assert "It does not have your name" in box.inner_text()
    page.add_script_tag(path=str(JSQR))
    read = page.evaluate("""() => {
        const canvas = document.querySelector('#er-answer-code canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(pixels.data, canvas.width, canvas.height);
        return found ? found.data : null;
    }""")
    assert read == code
    # The saved file carries the response id the code holds, so the two count as one person.
    with page.expect_download() as info:
        page.get_by_role("button", name="Save my answers to a file").click()
    saved = tmp_path / "easy.json"
    info.value.save_as(saved)
    file_id = json.loads(saved.read_text(encoding="utf-8"))["id"]
    assert page.evaluate("id => KitScoring.codeId(id)", file_id) == decoded["id"]
    # The same code after a reload; clearing the answers gives a new id.
    page.reload()
    page.locator("#er-answer-code .kit-answer-code__value").wait_for(timeout=WAIT)
    assert box.locator(".kit-answer-code__value").get_attribute("data-code") == code
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear them").click()
    page.get_by_role("button", name="Start the questions").click(timeout=WAIT)
    walk_easy_questions(page, quick, [])
    fresh = box.locator(".kit-answer-code__value").get_attribute("data-code")
    assert page.evaluate("code => KitAnswerCode.decode(code).id", fresh) != decoded["id"]
