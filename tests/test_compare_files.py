"""The command line reads exactly what the kit's scorer writes, with the browser's checks
and limits (issue 15 items 3, 4 and 5): one person once, the chosen set only, the same
note length, threshold range, nesting depth, sets and dates, and never a traceback."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit import __version__
from involvement_kit.content.loader import load_kit
from involvement_kit.scoring.answer_code import code_id
from involvement_kit.scoring.history import load_history
from involvement_kit.scoring.responses import read_answers
from involvement_kit.vocabulary import DEFAULT_ROLES, MAX_NOTE_CHARS, THRESHOLD_RANGE

KIT = load_kit(ROOT / "kit", version=__version__)
QUICK = [s.id for s in KIT.quick_check]
FULL_ONLY = [s.id for s in KIT.statements if s.id not in QUICK]
SCRIPT = ROOT / "scripts" / "compare_scores.py"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def export(path: Path, role="Trustee", answers=None, notes=None, **extra) -> Path:
    body = {"kind": "user-involvement-kit/scores", "format": 1, "version": __version__,
            "date": "2026-03-01T10:00:00.000Z", "role": role, "set": "quick",
            "answers": {QUICK[0]: 1} if answers is None else answers, "notes": notes or {},
            "id": secrets.token_hex(12)}
    body.update(extra)
    body = {k: v for k, v in body.items() if v is not Ellipsis}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def folder_of_three(tmp_path) -> Path:
    folder = tmp_path / "answers"
    folder.mkdir()
    for i in range(3):
        export(folder / f"t{i}.json")
    return folder


def read(*paths):
    history = load_history(ROOT / "kit", KIT, label="kit")
    return read_answers(list(paths), {s.id: s.area for s in KIT.statements}, list(DEFAULT_ROLES), KIT.version,
                        history, quick=set(QUICK))


# --- one person, once -------------------------------------------------------------------------

def test_the_same_export_under_another_name_is_refused_naming_both_files(tmp_path):
    folder = folder_of_three(tmp_path)
    shutil.copy(folder / "t0.json", folder / "t0 (1).json")
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "t0 (1).json" in result.stderr and "t0.json" in result.stderr
    assert "holds the same answers as" in result.stderr and "each person counts once" in result.stderr


def test_a_file_from_before_ids_falls_back_to_its_content(tmp_path):
    folder = folder_of_three(tmp_path)
    export(folder / "old.json", id=...)
    shutil.copy(folder / "old.json", folder / "old-copy.json")
    result = run(folder)
    assert result.returncode == 1 and "old.json: holds the same answers as old-copy.json" in result.stderr
    # Two people from before ids who gave the same answers at different times are two people.
    (folder / "old-copy.json").unlink()
    export(folder / "old-later.json", id=..., date="2026-03-01T10:05:00.000Z")
    assert run(folder).returncode == 0


# --- export what the person sees ----------------------------------------------------------------

def test_a_quick_check_file_counts_only_its_quick_check_answers_and_notes(tmp_path):
    path = export(tmp_path / "a.json", answers={QUICK[0]: 2, FULL_ONLY[0]: 0},
                  notes={QUICK[0]: "seen", FULL_ONLY[0]: "I am the only finance officer"})
    (person,) = read(path)
    assert person.answers == {QUICK[0]: 2} and person.notes == {QUICK[0]: "seen"}


# --- the same limits as the browser -----------------------------------------------------------

def test_a_note_as_long_as_the_scorer_allows_is_read(tmp_path):
    ok = export(tmp_path / "ok.json", notes={QUICK[0]: "x" * MAX_NOTE_CHARS})
    assert read(ok)[0].notes[QUICK[0]] == "x" * MAX_NOTE_CHARS
    folder = folder_of_three(tmp_path)
    export(folder / "long.json", notes={QUICK[0]: "x" * (MAX_NOTE_CHARS + 1)})
    result = run(folder)
    assert result.returncode == 1 and f"long.json: field 'notes.{QUICK[0]}'" in result.stderr
    assert f"at most {MAX_NOTE_CHARS} characters" in result.stderr


@pytest.mark.parametrize("threshold", [THRESHOLD_RANGE[0] - 1, THRESHOLD_RANGE[1] + 1])
def test_the_threshold_has_the_websites_range(tmp_path, threshold):
    result = run(folder_of_three(tmp_path), "--threshold", threshold)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"from {THRESHOLD_RANGE[0]} to {THRESHOLD_RANGE[1]}" in result.stderr


@pytest.mark.parametrize("name, text", [
    ("deep-top-array.json", "[" * 200000),
    ("deep-in-answer.json", '{"kind": "user-involvement-kit/scores", "format": 1, "answers": {"a": '
     + "[" * 200000 + "]" * 200000 + "}}"),
    ("deep-in-note.json", '{"kind": "user-involvement-kit/scores", "format": 1, "notes": {"a": '
     + "{\"b\": " * 100000 + "1" + "}" * 100000 + "}}"),
])
def test_deeply_nested_json_is_refused_without_a_traceback(tmp_path, name, text):
    folder = folder_of_three(tmp_path)
    (folder / name).write_text(text, encoding="utf-8")
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert name in result.stderr and "nested more deeply" in result.stderr


@pytest.mark.parametrize("extra, field", [
    ({"set": "<img src=x>"}, "set"),
    ({"date": 1772359200000}, "date"),
    ({"date": "2026-03-01T10:00:00.000Z" + "0" * 17}, "date"),
    ({"notes": {"__proto__": "x"}}, "notes.__proto__"),
    ({"notes": ["a note"]}, "notes"),
    ({"id": "<script>"}, "id"),
])
def test_the_browsers_checks_apply_on_the_command_line(tmp_path, extra, field):
    folder = folder_of_three(tmp_path)
    export(folder / "bad.json", **extra)
    result = run(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"bad.json: field '{field}'" in result.stderr


@pytest.mark.needs("node")
def test_notes_round_trip_through_the_scorers_csv(tmp_path):
    """Written by scoring-core.js exportCSV, read by the command line: a note's own leading
    apostrophe stays, and only the export's formula guard is taken off."""
    notes = ["'apostrophe first", "=SUM(A1)", "'=not a formula", "''+two", "-minus", "plain, with \"quotes\""]
    data = {"version": KIT.version, "areas": [{"id": a.id, "title": a.title, "label": a.kind.label} for a in KIT.areas],
            "statements": [{"id": s.id, "area": s.area, "text": s.text, "levels": list(s.levels), "quick": s.quick}
                           for s in KIT.statements]}
    state = {"role": "Carer", "set": "quick", "answers": {sid: 1 for sid in QUICK},
             "notes": dict(zip(QUICK, notes, strict=False)), "id": "0123456789abcdef01234567"}
    script = """const core = require(process.argv[1]); const [data, state] = JSON.parse(process.argv[2]);
        process.stdout.write(core.exportCSV(state, data, new Date('2026-03-01T10:00:00.000Z')));"""
    out = subprocess.run(["node", "-e", script, str(ROOT / "docs" / "javascripts" / "scoring-core.js"),
                          json.dumps([data, state])], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    path = tmp_path / "export.csv"
    path.write_text("\ufeff" + out.stdout, encoding="utf-8")
    (person,) = read(path)
    assert person.notes == state["notes"]
    assert person.identity == "id:" + code_id(state["id"]) and person.role == "Carer"


@pytest.mark.needs("node")
def test_the_browser_core_refuses_deep_nesting_and_names_no_odd_format():
    script = """const c = require(process.argv[1]); const out = [];
        for (const text of ['{"kind":"user-involvement-kit/scores","format":"1"}', '['.repeat(200000)]) {
          try { c.readFile(text, {version: '0.1.0', roles: [], statements: []}); out.push('read'); }
          catch (e) { out.push(e.message); } }
        process.stdout.write(JSON.stringify(out));"""
    out = subprocess.run(["node", "-e", script, str(ROOT / "docs" / "javascripts" / "scoring-core.js")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    odd, deep = json.loads(out.stdout)
    assert "format" in odd and "(format" not in odd
    assert "nested more deeply" in deep
