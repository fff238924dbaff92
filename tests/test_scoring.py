"""The scoring arithmetic, the real statements and the statement history.

The same vectors (tests/vectors/scoring.json) run against scoring-core.js in
tests/test_browser_scorer.py, so Python and the browser cannot drift apart.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from involvement_kit import __version__
from involvement_kit.errors import KitError
from involvement_kit.scoring.history import load_history, version_key
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.scoring.scoring import area_scores, display_score
from involvement_kit.web.assets import scoring_data

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "tests" / "vectors" / "scoring.json").read_text(encoding="utf-8"))
KIT_DIR = ROOT / "kit"


@pytest.fixture(scope="module")
def kit():
    return load_kit(KIT_DIR, version=__version__)


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-12)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_area_scores_match_the_shared_vectors(case):
    scores = area_scores(VECTORS["statements"], case["answers"])
    assert scores.keys() == case["expected"].keys()
    for area, expected in case["expected"].items():
        assert _close(scores[area], expected), (area, scores[area], expected)
        assert display_score(scores[area]) == case["display"][area]


def test_vectors_cover_the_cases_the_brief_names():
    names = " ".join(c["name"] for c in VECTORS["cases"])
    for needed in ("don't know", "partial", "single", "zero"):
        assert needed in names


# --- the real statements -------------------------------------------------------

def test_every_area_has_two_or_three_statements(kit):
    for area in kit.areas:
        assert 2 <= len(kit.statements_for(area.id)) <= 3, area.id


def test_quick_check_covers_the_most_important_areas(kit):
    quick = kit.quick_check
    assert 10 <= len(quick) <= 12
    # One statement per area at most, so the quick check is broad.
    assert len({s.area for s in quick}) == len(quick)
    for core in ("users-priorities", "committed-leaders", "quality-of-dialogue", "glass-ceilings"):
        assert core in {s.area for s in quick}


def test_statements_are_the_kits_own_questions_with_distinct_levels(kit):
    for s in kit.statements:
        assert s.source == "kit", s.id
        assert len(set(s.levels)) == 3, s.id
        assert s.easy_read and len(s.easy_read.split()) <= 15, s.id
        assert s.easy_read.count(".") <= 2, s.id


def test_statement_ids_are_unique_and_stable_looking(kit):
    ids = [s.id for s in kit.statements]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", i) for i in ids)


def test_no_text_is_copied_from_the_report():
    tool = ROOT.parent / "shared" / "tools" / "verbatim-check"
    if not tool.exists():
        pytest.skip("the verbatim checker is only on the authors' machines")
    result = subprocess.run([sys.executable, str(tool), str(KIT_DIR / "statements.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_scoring_data_carries_version_history_and_every_statement(kit):
    history = [{"version": "0.0.1", "renamed": {}, "removed": []}]
    data = scoring_data(kit, Options(), page_url=lambda r: r.page, history=history)
    assert data["version"] == kit.version
    assert data["history"] == history
    assert [s["id"] for s in data["statements"]] == [s.id for s in kit.statements]
    assert all(len(s["levels"]) == 3 for s in data["statements"])
    json.dumps(data)


# --- statement history -----------------------------------------------------------

def _history(tmp_path, text: str, kit) -> list[dict]:
    folder = tmp_path / "kit"
    folder.mkdir(exist_ok=True)
    (folder / "statement-history.yml").write_text(text, encoding="utf-8")
    return load_history(folder, kit)


def test_the_published_history_loads(kit):
    assert isinstance(load_history(KIT_DIR, kit), list)


def test_missing_history_is_empty(tmp_path, kit):
    assert load_history(tmp_path, kit) == []


def test_history_chains_renames_to_current_statements(tmp_path, kit):
    text = ('- version: "0.0.1"\n  renamed: {old-agenda: mid-agenda}\n  removed: [gone]\n'
            '- version: "0.0.2"\n  renamed: {mid-agenda: up-agenda}\n')
    entries = _history(tmp_path, text, kit)
    assert [e["version"] for e in entries] == ["0.0.1", "0.0.2"]
    assert entries[0]["removed"] == ["gone"]


@pytest.mark.parametrize("text, expected", [
    ('- version: "0.0.1"\n  renamed: {old: no-such-statement}\n', "no-such-statement"),
    ('- version: "9.0.0"\n  renamed: {}\n', "not older"),
    ('- version: "0.0.2"\n- version: "0.0.1"\n', "oldest first"),
    ('- version: "0.0.1"\n  renamd: {}\n', "unknown field"),
    ('- version: 1\n', "version such as"),
    ('- version: "0.0.1"\n  removed: gone\n', "list of statement ids"),
    ('version: "0.0.1"\n', "expected a list"),
], ids=["unknown target", "newer", "order", "misspelt", "number", "removed not a list", "not a list"])
def test_history_mistakes_are_reported(tmp_path, kit, text, expected):
    with pytest.raises(KitError) as caught:
        _history(tmp_path, text, kit)
    assert expected in str(caught.value)
    assert "statement-history.yml" in str(caught.value)


def test_version_order_is_numeric():
    assert version_key("0.10.0") > version_key("0.9.9")


@pytest.mark.needs("node")
def test_scoring_core_runs_in_node_and_passes_the_vectors():
    """scoring-core.js needs no browser: Node gives the same answers (for later tools)."""
    import shutil
    node = shutil.which("node")
    script = """
const core = require(process.argv[1]);
const v = require(process.argv[2]);
const out = v.cases.map(c => {
  const s = core.areaScores(v.statements, c.answers);
  const d = {}; for (const a in s) d[a] = core.displayScore(s[a]);
  return {scores: s, display: d};
});
process.stdout.write(JSON.stringify(out));
"""
    result = subprocess.run([node, "-e", script, str(ROOT / "docs" / "javascripts" / "scoring-core.js"),
                             str(ROOT / "tests" / "vectors" / "scoring.json")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for case, got in zip(VECTORS["cases"], json.loads(result.stdout), strict=True):
        for area, expected in case["expected"].items():
            assert _close(got["scores"][area], expected), (case["name"], area)
        assert got["display"] == case["display"], case["name"]


# --- rounding: halves up on the exact value, the same in Python and JavaScript ----------------

ROUNDING = VECTORS["rounding"]["cases"]


def _rounded_value(case):
    if "mean_of" in case:
        return sum(case["mean_of"]) / len(case["mean_of"])
    return case["score"]


@pytest.mark.parametrize("case", ROUNDING, ids=[c["display"] + ":" + str(c.get("score", "mean")) for c in ROUNDING])
def test_halves_round_up_on_exact_decimals(case):
    assert display_score(_rounded_value(case)) == case["display"]


def test_rounding_vectors_name_the_halves_the_brief_names():
    scores = {c.get("score") for c in ROUNDING}
    assert {0.25, 0.75, 1.25, 1.75} <= scores
    assert any("mean_of" in c for c in ROUNDING)


@pytest.mark.needs("node")
def test_rounding_is_the_same_in_node():
    import shutil
    script = """
const core = require(process.argv[1]);
const v = require(process.argv[2]);
process.stdout.write(JSON.stringify(v.rounding.cases.map(c => core.displayScore(
  c.mean_of ? c.mean_of.reduce((a, b) => a + b, 0) / c.mean_of.length : c.score))));
"""
    result = subprocess.run([shutil.which("node"), "-e", script, str(ROOT / "docs" / "javascripts" / "scoring-core.js"),
                             str(ROOT / "tests" / "vectors" / "scoring.json")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [c["display"] for c in ROUNDING]
