"""The disclosure rule: no figure, and no sum of figures, gives away one person's answer.

Findings 1 and 2 of the scorer review (/work/shared/reviews/scorer.md) as tests, through the
command line a facilitator runs, and the rule itself on the Python core.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from involvement_kit import __version__
from involvement_kit.content.loader import load_kit
from involvement_kit.vocabulary import TOO_FEW

KIT = load_kit(ROOT / "kit", version=__version__)
QUICK = [s.id for s in KIT.quick_check]
TEXT = {s.id: s.text for s in KIT.statements} | {a.id: a.title for a in KIT.areas}
AREA = {s.id: s.area for s in KIT.statements}
SCRIPT = ROOT / "scripts" / "compare_scores.py"
USER = "Person using services"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def export(path: Path, role: str, answers: dict, set_: str = "quick") -> None:
    path.write_text(json.dumps({"kind": "user-involvement-kit/scores", "format": 1, "version": __version__,
                                "role": role, "set": set_, "answers": answers, "notes": {},
                                "id": secrets.token_hex(12)}), encoding="utf-8")


def row(text: str, title: str, table: int = 0) -> list[str]:
    """The cells of the Markdown row for `title` in the n-th table that has one."""
    rows = [line for line in text.splitlines() if line.startswith(f"| {title} |")]
    return [cell.strip() for cell in rows[table].strip("|").split("|")[1:]]


def seven(folder: Path) -> None:
    """The review's scenario: 4 trustees, 2 staff, 1 person using services, all on the quick
    check; both staff say "don't know" to cm-review, so only the user answered it in Others."""
    folder.mkdir()
    for i in range(4):
        export(folder / f"t{i}.json", "Trustee", {sid: 1 for sid in QUICK})
    for i in range(2):
        export(folder / f"s{i}.json", "Staff", {sid: (None if sid == "cm-review" else 1) for sid in QUICK})
    export(folder / "u.json", USER, {sid: 2 for sid in QUICK})


def test_finding_1_a_cell_resting_on_one_answer_is_not_shown(tmp_path):
    seven(tmp_path / "answers")
    result = run(tmp_path / "answers")
    assert result.returncode == 0, result.stderr
    assert "| Others (3) |" in result.stdout
    trustee, others = row(result.stdout, TEXT["cm-review"])[:2]
    assert trustee == "1.0"
    assert others == TOO_FEW
    # The area holding only cm-review rests on the same single answer.
    assert row(result.stdout, TEXT[AREA["cm-review"]])[1] == TOO_FEW


def test_finding_1_a_lone_full_set_answerer_is_not_read_from_the_tables(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    for i in range(4):
        export(folder / f"t{i}.json", "Trustee", {sid: 1 for sid in QUICK})
    for i in range(2):
        export(folder / f"s{i}.json", "Staff", {sid: 1 for sid in QUICK})
    export(folder / "u.json", USER, {s.id: 2 for s in KIT.statements}, set_="full")
    text = run(folder).stdout
    for statement in KIT.statements:
        if statement.id not in QUICK:
            assert "2.0" not in row(text, TEXT[statement.id]), statement.id


def test_finding_2_no_overall_figure_beside_groups_that_leave_someone_out(tmp_path):
    folder, before = tmp_path / "now", tmp_path / "before"
    folder.mkdir()
    before.mkdir()
    for i in range(4):
        export(folder / f"t{i}.json", "Trustee", {sid: 1 for sid in QUICK})
        export(before / f"t{i}.json", "Trustee", {sid: 0 for sid in QUICK})
    for i in range(3):
        export(folder / f"s{i}.json", "Staff", {sid: 0 for sid in QUICK})
        export(before / f"s{i}.json", "Staff", {sid: 0 for sid in QUICK})
    export(folder / "u.json", USER, {sid: 2 for sid in QUICK})
    result = run(folder, "--baseline", before)
    assert result.returncode == 0, result.stderr
    assert "| Trustee (4) | Staff (3) |" in result.stdout
    moved = result.stdout.split("What moved since the baseline")[1]
    for sid in QUICK:
        baseline, now, change = row(moved, TEXT[AREA[sid]])
        assert baseline == "0.0"
        assert now == TOO_FEW and change == "–", sid


def test_finding_1_in_the_html_report_too(tmp_path):
    seven(tmp_path / "answers")
    html = run(tmp_path / "answers", "--format", "html").stdout
    row = next(line for line in html.splitlines() if TEXT["cm-review"] in line)
    assert f'<td class="n">1.0</td><td class="n">{TOO_FEW}</td>' in row
