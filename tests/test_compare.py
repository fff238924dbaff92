"""Comparing viewpoints: the shared vectors, and properties that must hold for any input."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT
from involvement_kit.scoring.compare import OTHERS, Response, compare, progress

VECTORS = json.loads((ROOT / "tests" / "vectors" / "compare.json").read_text(encoding="utf-8"))
AREAS = VECTORS["statements"]
ROLES = VECTORS["roles"]


def responses(items):
    return [Response(i.get("role"), i["answers"], i.get("notes", {})) for i in items]


def close(a, b):
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))


def same_rows(actual, expected):
    assert [r.id for r in actual] == [e["id"] for e in expected]
    for row, want in zip(actual, expected, strict=True):
        assert set(row.means) == set(want["means"]), row.id
        for group, value in want["means"].items():
            assert close(row.means[group], value), (row.id, group, row.means[group], value)
        assert close(row.spread, want["spread"]), (row.id, row.spread)
        assert close(row.disagreement, want["disagreement"]), (row.id, row.disagreement)
        assert list(row.withheld) == want["withheld"], row.id


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_comparison_vectors(case):
    result = compare(responses(case["responses"]), AREAS, roles=ROLES, threshold=VECTORS["threshold"])
    want = case["expected"]
    assert list(result.groups) == want["groups"]
    assert list(result.merged) == want["merged"]
    assert result.hidden == want["hidden"]
    same_rows(result.statements, want["statements"])
    same_rows(result.areas, want["areas"])


@pytest.mark.parametrize("case", VECTORS["progress"], ids=lambda c: c["name"])
def test_progress_vectors(case):
    moves = progress(responses(case["baseline"]), responses(case["later"]), AREAS, threshold=VECTORS["threshold"],
                     roles=ROLES)
    assert [m.area for m in moves] == [e["area"] for e in case["expected"]]
    for move, want in zip(moves, case["expected"], strict=True):
        assert close(move.before, want["before"]) and close(move.after, want["after"])
        assert close(move.change, want["change"])
        assert list(move.withheld) == want["withheld"], move.area


def test_notes_from_people_using_services_and_carers_are_kept_as_written():
    people = [Response("Person using services", {"a1": 0}, {"a1": "<b>We are not asked</b>"}) for _ in range(3)]
    people.append(Response("Trustee", {"a1": 2}, {"a1": "A trustee's note"}))
    result = compare(people, AREAS, roles=ROLES)
    assert result.notes == (("a1", "<b>We are not asked</b>"),) * 3


answer = st.one_of(st.none(), st.integers(min_value=0, max_value=2))
person = st.builds(Response, role=st.sampled_from(ROLES + [None]),
                   answers=st.dictionaries(st.sampled_from(sorted(AREAS)), answer))


@settings(max_examples=150, deadline=None)
@given(st.lists(person, max_size=14), st.randoms())
def test_order_of_files_does_not_matter(people, rng):
    shuffled = list(people)
    rng.shuffle(shuffled)
    a, b = compare(people, AREAS, roles=ROLES), compare(shuffled, AREAS, roles=ROLES)
    assert set(a.groups) == set(b.groups) and a.hidden == b.hidden and a.sizes == b.sizes
    for rows_a, rows_b in ((a.statements, b.statements), (a.areas, b.areas)):
        by_id = {r.id: r for r in rows_b}
        for row in rows_a:
            other = by_id[row.id]
            assert close(row.spread, other.spread) and close(row.disagreement, other.disagreement)
            assert all(close(row.means[g], other.means[g]) for g in row.means)


@settings(max_examples=100, deadline=None)
@given(person, st.integers(min_value=3, max_value=6))
def test_one_persons_file_compared_with_itself_shows_no_disagreement(someone, copies):
    result = compare([someone] * copies, AREAS, roles=ROLES)
    for row in result.statements + result.areas:
        assert row.disagreement in (None, 0)
        assert row.spread in (None, 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(person, max_size=14), st.integers(min_value=1, max_value=5))
def test_merge_rule_never_shows_a_group_under_the_threshold(people, threshold):
    result = compare(people, AREAS, roles=ROLES, threshold=threshold)
    for group in result.groups:
        assert result.sizes[group] >= threshold
    assert sum(result.sizes.values()) + result.hidden == len(people)
    if OTHERS in result.groups:
        assert result.merged


def test_the_threshold_option_reaches_the_browser_data(built_site):
    data = (built_site / "assets" / "kit" / "scoring-data.js").read_text(encoding="utf-8")
    assert '"threshold": 3' in data


def _note_text(html: str, marker: str) -> str:
    """The plain text of the paragraph(s) around `marker`, tags and line breaks taken out."""
    import html as entities
    import re
    main = html[html.index("<article"):]
    text = " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", main)).replace("\u2019", "'").split())
    return text[text.index(marker):text.index(marker) + 1200]


def test_privacy_and_compare_pages_say_the_rule_and_how_to_forget(built_site):
    """Issue 15 item 10: two sentences on each page: the rule, who can read what is kept, how to forget it."""
    for page, marker in (("privacy.html", "Comparing people"), ("scoring/compare.html", "Keeping people")):
        text = _note_text((built_site / page).read_text(encoding="utf-8"), marker)
        for needed in ("at least three people (or your organisation's chosen number) answered it",
                       "set against another, it would reveal one person's answers", "anyone using this computer",
                       "offline copy", "Clear everything", "to forget them"):
            assert needed in text, (page, needed)


def test_the_limits_and_the_too_few_words_reach_the_browser_data(built_site):
    """One set of limits, written once in vocabulary.py, generated into scoring-data.js."""
    from involvement_kit.vocabulary import LIMITS, TOO_FEW
    text = (built_site / "assets" / "kit" / "scoring-data.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    assert data["limits"] == LIMITS and data["too_few"] == TOO_FEW
    scripts = ROOT / "docs" / "javascripts"
    for name in ("scoring-core.js", "compare.js", "compare-core.js", "progress.js"):
        assert TOO_FEW not in (scripts / name).read_text(encoding="utf-8"), name
