"""The easy-read scorer's questions: the same statements, areas and scale as the standard scorer,
in easy words spoken to the reader, with a picture each (issue 17 item 5)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from kitfiles import problems_after_edit
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.errors import KitError
from involvement_kit.scoring.easy import statement_answers
from involvement_kit.vocabulary import SCALE
from involvement_kit.web.assets import scoring_data

KIT = load_kit(ROOT / "kit", label="kit")
DATA = scoring_data(KIT, Options())
VECTORS = json.loads((ROOT / "tests" / "vectors" / "easy.json").read_text(encoding="utf-8"))


def test_every_statement_has_easy_questions_that_keep_its_area():
    easy = DATA["easy_statements"]
    by_statement: dict[str, list[dict]] = {}
    for q in easy:
        by_statement.setdefault(q["statement"], []).append(q)
    assert set(by_statement) == {s.id for s in KIT.statements}
    for s in KIT.statements:
        assert {q["area"] for q in by_statement[s.id]} == {s.area}
        assert all(q["quick"] == s.quick for q in by_statement[s.id])
    # Every area the standard scorer scores, the easy scorer scores too.
    assert {q["area"] for q in easy} == {s.area for s in KIT.statements}
    assert len({q["id"] for q in easy}) == len(easy)


def test_the_data_contract_for_the_easy_read_scorer():
    for q in DATA["easy_statements"]:
        assert set(q) >= {"id", "area", "text", "levels", "picture", "alt", "quick"}
        assert len(q["levels"]) == 3 and all(isinstance(w, str) and w for w in q["levels"])
        assert q["picture"].startswith("images/symbols/") and (ROOT / "docs" / q["picture"]).is_file()
        assert q["alt"]


def test_double_barrelled_statements_are_split():
    # The expert review's list of statements that ask two things at once.
    for statement_id in ("qd-two-way", "rs-budget", "es-outside", "eo-recruitment", "fl-step-aside",
                         "cl-direction", "up-act", "vc-statement"):
        ids = [q["id"] for q in DATA["easy_statements"] if q["statement"] == statement_id]
        assert ids == [f"{statement_id}.1", f"{statement_id}.2"]


def test_easy_questions_speak_to_the_reader_and_never_say_we():
    for q in DATA["easy_statements"]:
        words = {w.strip("?.,'").lower() for w in q["text"].split()}
        assert not words & {"we", "our", "us"}, q["text"]


def test_easy_scale_words_mean_the_standard_scale():
    assert [level.easy for level in SCALE] == ["Not happening", "Users take part in the way staff decide",
                                              "What users want decides what happens"]
    assert [level["easy"] for level in DATA["scale"]] == [level.easy for level in SCALE]


def test_no_question_picture_is_used_more_than_twice():
    counts = Counter(q["picture"] for q in DATA["easy_statements"])
    assert max(counts.values()) <= 2, counts.most_common(3)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_shared_vectors_easy_answers_become_statement_answers(case):
    assert statement_answers(VECTORS["parts"], case["answers"]) == case["statements"]


def test_vector_parts_match_the_kit():
    parts = {s.id: list(s.easy_ids()) for s in KIT.statements}
    for statement_id, ids in VECTORS["parts"].items():
        assert parts[statement_id] == ids


def _kit_with(tmp_path: Path, old: str, new: str):
    return problems_after_edit(tmp_path, "statements.yml", old, new,
                               picture_exists=lambda p: "/" in p and ("." not in p or (ROOT / "docs" / p).is_file()))


def test_we_in_an_easy_question_is_refused(tmp_path):
    problems = _kit_with(tmp_path, '- text: "Does the organisation ask you what it should plan to do?"',
                         '- text: "Do we ask you what to plan?"')
    assert len(problems) == 1
    assert "kit/statements.yml, line " in problems[0] and "record 'up-agenda'" in problems[0]
    assert "easy_questions[1].text" in problems[0] and "name the organisation" in problems[0]


def test_missing_level_wording_is_refused(tmp_path):
    problems = _kit_with(tmp_path, '      level_1: "Yes, but staff have already made the plan."\n', "")
    assert len(problems) == 1 and "easy_questions[1].level_1" in problems[0] and "is required" in problems[0]


def test_unknown_question_picture_is_refused(tmp_path):
    problems = _kit_with(tmp_path, "picture: images/symbols/worksheet.svg", "picture: images/symbols/nope.svg")
    assert len(problems) == 1 and "no picture called 'images/symbols/nope.svg'" in problems[0]


def test_an_own_statement_in_the_older_easy_read_form_still_reaches_the_easy_read_scorer(tmp_path):
    """An organisation's own statements.yml written before easy_questions (issue 19: updates never break
    an organisation's records) keeps working: one question, on the scale's easy words."""
    kit_dir = tmp_path / "kit"
    shutil.copytree(ROOT / "kit", kit_dir)
    own = tmp_path / "our-kit"
    own.mkdir()
    (own / "statements.yml").write_text(
        "- id: our-cafe-menu\n  area: fashion-and-rhetoric\n  text: Users choose what the cafe sells.\n"
        "  level_0: Staff choose.\n  level_1: Users are asked, staff choose.\n  level_2: Users choose.\n"
        "  source: organisation\n  easy_read: Do you choose what the cafe sells?\n", encoding="utf-8")
    kit = load_kit(kit_dir, label="kit", own_dir=own, own_label="our-kit")
    statement = next(s for s in kit.statements if s.id == "our-cafe-menu")
    assert [q.text for q in statement.easy_questions] == ["Do you choose what the cafe sells?"]
    assert statement.easy_questions[0].levels == tuple(level.easy for level in SCALE)
    data = scoring_data(kit, Options())
    assert any(q["statement"] == "our-cafe-menu" for q in data["easy_statements"])  # type: ignore[union-attr]

    (own / "statements.yml").write_text(
        (own / "statements.yml").read_text(encoding="utf-8").replace("easy_read: Do", "easy_read: Do we"),
        encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_kit(kit_dir, label="kit", own_dir=own, own_label="our-kit")
    message = caught.value.describe()
    assert "our-kit/statements.yml, line 8: record 'our-cafe-menu', field 'easy_read'" in message
    assert "name the organisation instead" in message
