"""The command line compares answer files and names file, row and column for every bad cell."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit import __version__
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit", version=__version__)
QUICK = [s.id for s in KIT.quick_check]
SCRIPT = ROOT / "scripts" / "compare_scores.py"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def grid(path: Path, rows: list[tuple[str, list[str]]], columns=QUICK) -> Path:
    lines = ["role," + ",".join(columns)] + [role + "," + ",".join(cells) for role, cells in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def export(path: Path, role: str, answers: dict, notes: dict | None = None, version=__version__) -> Path:
    path.write_text(json.dumps({"kind": "user-involvement-kit/scores", "format": 1, "version": version,
                                "role": role, "set": "quick", "answers": answers, "notes": notes or {},
                                "id": secrets.token_hex(12)}),
                    encoding="utf-8")
    return path


@pytest.fixture
def answers(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    n = len(QUICK)
    grid(folder / "board.csv", [("Trustee", ["2"] * n)] * 3 + [("Staff", ["0"] * n)] * 2)
    export(folder / "a.json", "Staff", {QUICK[0]: 1})
    for i in range(3):
        export(folder / f"user{i}.json", "Person using services", {QUICK[0]: 0},
               {QUICK[0]: "<img src=x onerror=alert(1)> They never ask us"})
    return folder


def test_markdown_report_puts_the_largest_gap_first_and_keeps_notes_as_written(answers):
    result = run(answers)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "9 people took part" in text
    assert "| Trustee (3) | Staff (3) | Person using services (3) |" in text
    first_row = next(line for line in text.splitlines() if line.startswith("| ") and "---" not in line
                     and not line.startswith("| Area") and not line.startswith("| Statement"))
    assert "| 2.0 |" in first_row  # trustees 2 against users 0: the widest gap leads
    assert "<img" not in text and "&lt;img src=x onerror=alert\\(1\\)&gt; They never ask us" in text


HOSTILE_NOTES = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "[click](javascript:alert(1))",
                 "<javascript:alert(1)>", "![x](https://example.org/x.png)", "a | b | c", "<iframe src=x>",
                 "`code` *strong* _em_ # heading\n- list\n1. list", "&lt;img src=x onerror=alert(1)&gt;"]


def test_markdown_report_rendered_by_python_markdown_has_no_html_from_notes(tmp_path):
    from html.parser import HTMLParser

    import markdown

    folder = tmp_path / "answers"
    folder.mkdir()
    for i, note in enumerate(HOSTILE_NOTES):
        export(folder / f"u{i}.json", "Person using services", {QUICK[0]: 1}, {QUICK[0]: note})
    result = run(folder)
    assert result.returncode == 0, result.stderr
    html = markdown.markdown(result.stdout, extensions=["tables"])

    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    parser = Elements()
    parser.feed(html)
    tags = {tag for tag, _ in parser.found}
    assert not tags & {"img", "script", "iframe", "a", "code", "strong", "em", "ol"}, tags
    assert not any(name.startswith("on") for _, attrs in parser.found for name in attrs)
    text = markdown.markdown(result.stdout, extensions=["tables"])
    for note in HOSTILE_NOTES[:3]:  # and people's words still read as they wrote them
        assert note.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in text


def test_html_report_escapes_notes(answers, tmp_path):
    out = tmp_path / "report.html"
    result = run(answers, "--format", "html", "--output", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; They never ask us" in html and "<img" not in html


def test_two_people_in_a_role_are_merged(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    grid(folder / "g.csv", [("Trustee", ["2"])] * 3 + [("Carer", ["0"])] * 2, columns=QUICK[:1])
    text = run(folder).stdout
    assert "not shown on their own" in text and "Carer" in text and "Carer (2)" not in text


def test_baseline_shows_what_moved(answers, tmp_path):
    before = tmp_path / "before"
    before.mkdir()
    grid(before / "b.csv", [("Trustee", ["0"] * len(QUICK))] * 3)
    text = run(answers, "--baseline", before).stdout
    assert "What moved since the baseline" in text and "+" in text


@pytest.mark.parametrize("cells, expected", [
    (["3"], ["g.csv", "row 2, column B", "'3' is not 0, 1, 2"]),
    (["two"], ["g.csv", "row 2, column B", "'two'"]),
])
def test_bad_cells_are_named_by_file_row_and_column(tmp_path, cells, expected):
    folder = tmp_path / "answers"
    folder.mkdir()
    grid(folder / "g.csv", [("Trustee", cells)], columns=QUICK[:1])
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for part in expected:
        assert part in result.stderr


def test_bad_files_are_each_named(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    grid(folder / "roles.csv", [("Chair", ["1"])], columns=QUICK[:1])
    grid(folder / "columns.csv", [("Trustee", ["1"])], columns=["no-such-statement"])
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    export(folder / "newer.json", "Staff", {QUICK[0]: 1}, version="99.0.0")
    export(folder / "range.json", "Staff", {QUICK[0]: 5})
    (folder / "latin.csv").write_bytes("role,x\nCaf\xe9,1\n".encode("latin-1"))
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for part in ["roles.csv: field 'row 2, column A'", "'Chair' is not one of the roles",
                 "columns.csv: field 'row 1, column B'", "broken.json", "not valid JSON",
                 "newer.json", "newer than this kit", f"range.json: field 'answers.{QUICK[0]}'", "latin.csv",
                 "not UTF-8"]:
        assert part in result.stderr, part


# --- answer codes (scoring/answer_code.py) ------------------------------------------------

def _catalogue():
    from involvement_kit.content.options import Options
    return {"version": KIT.version, "roles": list(Options().roles),
            "statements": [{"id": s.id, "quick": s.quick} for s in KIT.statements]}


def _code(role: str, value, response_id: str | None = None) -> str:
    from involvement_kit.scoring.answer_code import encode, group
    return group(encode({"set": "quick", "role": role, "answers": {sid: value for sid in QUICK},
                         "id": response_id or secrets.token_hex(12)}, _catalogue()))


def test_a_text_file_of_codes_counts_like_files(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    for i in range(3):
        export(folder / f"t{i}.json", "Trustee", {sid: 2 for sid in QUICK})
    (folder / "codes.txt").write_text("\ufeff" + "\n".join([_code("Staff", 0).lower()] * 1 + [""]) + "\n",
                                      encoding="utf-8")
    extra = tmp_path / "more-codes.txt"
    extra.write_text(_code("Staff", 1).replace("-", " ") + "\n" + _code("Staff", None) + "\n", encoding="utf-8")
    result = run(folder, "--codes", extra)
    assert result.returncode == 0, result.stderr
    assert "6 people took part" in result.stdout
    assert "| Trustee (3) | Staff (3) |" in result.stdout


def test_bad_codes_are_named_by_file_and_line_without_a_traceback(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    good = _code("Staff", 0)
    mistyped = good[:-1] + ("0" if good[-1] != "0" else "1")
    (folder / "codes.txt").write_text("\n".join([good, mistyped, "<script>", good, "Q" * 500]) + "\n", encoding="utf-8")
    result = run(folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "codes.txt, line 2: answer code not read: a character is mistyped" in result.stderr
    assert "codes.txt, line 3: answer code not read: character 1, '<', is never in an answer code" in result.stderr
    assert ("codes.txt, answer code on line 4: holds the same answers as codes.txt, answer code on line 1"
            in result.stderr)
    assert "codes.txt, line 5: answer code not read: this is 500 characters long" in result.stderr


def test_two_people_with_the_same_answers_are_two_people_and_one_code_twice_is_one(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    for i in range(3):
        export(folder / f"t{i}.json", "Trustee", {sid: 2 for sid in QUICK})
    same = [_code("Staff", 0) for _ in range(3)]
    assert len(set(same)) == 3
    (folder / "codes.txt").write_text("\n".join(same) + "\n", encoding="utf-8")
    result = run(folder)
    assert result.returncode == 0, result.stderr
    assert "| Trustee (3) | Staff (3) |" in result.stdout
    (folder / "again.txt").write_text("\n\n" + same[1].replace("-", "").lower() + "\n", encoding="utf-8")
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # Files are read in name order, so the later one is named first.
    assert ("codes.txt, answer code on line 2: holds the same answers as again.txt, answer code on line 3"
            in result.stderr), result.stderr


def test_a_code_and_a_file_from_the_same_answers_count_once_naming_both(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    export(folder / "sam.json", "Staff", {sid: 0 for sid in QUICK})
    file_id = json.loads((folder / "sam.json").read_text(encoding="utf-8"))["id"]
    (folder / "codes.txt").write_text(_code("Staff", 0, file_id) + "\n", encoding="utf-8")
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "sam.json: holds the same answers as codes.txt, answer code on line 1" in result.stderr, result.stderr
    # Given only with --codes, beside a baseline folder too: still one person once.
    (folder / "codes.txt").unlink()
    extra = tmp_path / "typed.txt"
    extra.write_text(_code("Staff", 0, file_id) + "\n", encoding="utf-8")
    result = run(folder, "--codes", extra)
    assert result.returncode == 1
    assert "sam.json: holds the same answers as typed.txt, answer code on line 1" in result.stderr, result.stderr


def test_a_code_from_before_ids_is_refused_with_its_reason(tmp_path):
    from involvement_kit.scoring.answer_code import ID_CHARS, check_character, normalise
    folder = tmp_path / "answers"
    folder.mkdir()
    new = normalise(_code("Staff", 0))
    old = new[:5] + new[5 + ID_CHARS:-1]
    (folder / "codes.txt").write_text(old + check_character(old) + "\n", encoding="utf-8")
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("codes.txt, line 1: answer code not read: this code comes from before codes said whose answers "
            "they hold") in result.stderr, result.stderr
