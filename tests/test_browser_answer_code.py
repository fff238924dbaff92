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
    assert decoded == {"set": "quick", "version": data["version"], "role": data["roles"][2],
                       "answers": {quick[0]: 1, quick[1]: None}}
    assert read_qr(page) == code


def test_compare_takes_typed_codes_beside_files_and_keeps_what_it_cannot_read(page, site_url):
    from test_browser_compare import export, open_compare, quick_ids, table, upload, with_threshold
    with_threshold(page, 1)
    open_compare(page, site_url)
    data = page.evaluate("() => window.KIT_SCORING")
    ids = quick_ids(data)
    trustee = {sid: 2 for sid in ids}
    upload(page, "#kit-compare-files", [("trustee.json", export(data, "Trustee", trustee))])
    staff = page.evaluate("a => KitAnswerCode.group(KitAnswerCode.encode({set: 'quick', role: 'Staff', answers: a}))",
                          {sid: 0 for sid in ids})
    user = page.evaluate("a => KitAnswerCode.encode({set: 'quick', role: 'Person using services', answers: a})",
                         {sid: 1 for sid in ids})
    mistyped = staff[:-1] + ("0" if staff[-1] != "0" else "1")
    hostile = "<img src=x onerror=window.__xss=1>"
    typed = "\n".join([staff.lower(), "", mistyped, user, hostile, staff])
    page.fill("#kit-compare-codes", typed)
    page.click("#kit-compare-codes-add")
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    assert page.get_attribute("#kit-compare-results", "data-people") == "3"
    rows = table(page, "kit-compare-statements")
    assert rows[0][1:4] == ["Trustee (1)", "Staff (1)", "Person using services (1)"]
    assert rows[1][1:4] == ["2.0", "0.0", "1.0"]
    # What could not be read is still in the box, with a message naming each line.
    assert page.input_value("#kit-compare-codes").split("\n") == [mistyped, hostile, staff]
    error = page.locator("#kit-compare-error").inner_text()
    assert "Line 3 was not added: a character is mistyped" in error
    assert "Line 5 was not added: character 1, '<', is never in an answer code" in error
    assert "Line 6 was not added: the code " + staff + " is already loaded" in error
    assert page.evaluate("() => window.__xss") is None
    # Kept over a reload, like files.
    page.reload()
    page.wait_for_selector("#kit-compare-results[data-shown='true']")
    assert page.get_attribute("#kit-compare-results", "data-people") == "3"


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


def test_the_easy_read_scorer_shows_the_code_too(page, site_url):
    need_tool("jsqr")
    need_tool("qrcode-generator")
    page.goto(f"{site_url}/easy-read/scoring.html")
    page.wait_for_selector("fieldset.er-question")
    data = page.evaluate("() => window.KIT_SCORING")
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    page.locator(f"label[for='er-q-{quick[0]}-2']").click()
    page.locator(f"label[for='er-q-{quick[1]}-dk']").click()
    box = page.locator("#er-answer-code")
    code = box.locator(".kit-answer-code__value").get_attribute("data-code")
    decoded = page.evaluate("code => KitAnswerCode.decode(code)", code)
    assert decoded["set"] == "quick" and decoded["answers"] == {quick[0]: 2, quick[1]: None}
    assert "It does not have your name" in box.inner_text()
    page.add_script_tag(path=str(JSQR))
    read = page.evaluate("""() => {
        const canvas = document.querySelector('#er-answer-code canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(pixels.data, canvas.width, canvas.height);
        return found ? found.data : null;
    }""")
    assert read == code
