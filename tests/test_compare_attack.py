"""The disclosure rule, attacked.

An attacker sees every figure the comparison shows (group means, how many people are in each
group, a round's overall means) and, to be safe, is assumed to know who answered which
statement and who said "don't know". Each shown mean times its count is a linear equation in
people's answers. Solving all of them at once with exact fractions (Gaussian elimination)
must never pin down any one person's answer. Then a twin test: changing the answers of a
person who must stay hidden changes nothing shown, byte for byte, in the command line (the
browser's twin is in tests/test_browser_compare.py).
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from fractions import Fraction

from conftest import ROOT
from hypothesis import example, given, settings
from hypothesis import strategies as st

from involvement_kit import __version__
from involvement_kit.content.loader import load_kit
from involvement_kit.scoring.compare import Comparison, Response, compare, progress

AREAS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}
QUICK = ("a1", "b1", "c1")
ROLES = ["Trustee", "Staff", "Person using services", "Carer"]

Variable = tuple[int, str]      # (person, statement)
Equation = dict[Variable, Fraction]


def reduced(equations: list[Equation]) -> tuple[list[Variable], list[list[Fraction]]]:
    """The equations in reduced row echelon form, over the variables they name."""
    columns = sorted({v for eq in equations for v in eq})
    rows = [[eq.get(v, Fraction(0)) for v in columns] for eq in equations]
    pivot_row = 0
    for col in range(len(columns)):
        pick = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if pick is None:
            continue
        rows[pivot_row], rows[pick] = rows[pick], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [x / lead for x in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    return columns, rows[:pivot_row]


def solved(equations: list[Equation]) -> set[Variable]:
    """The variables the equations pin down: a variable is determined exactly when the
    reduced row echelon form has a row that is that variable alone."""
    columns, rows = reduced(equations)
    return {columns[next(i for i, x in enumerate(row) if x != 0)] for row in rows
            if sum(1 for x in row if x != 0) == 1}


def follows(equations: list[Equation], target: Equation) -> bool:
    """Whether the sum `target` can be worked out from the equations (it lies in their span)."""
    columns, rows = reduced(equations)
    if any(v not in columns for v in target):
        return False
    rest = [target.get(v, Fraction(0)) for v in columns]
    for row in rows:
        lead = next(i for i, x in enumerate(row) if x != 0)
        if rest[lead] != 0:
            factor = rest[lead]
            rest = [a - factor * b for a, b in zip(rest, row, strict=True)]
    return not any(rest)


def members(people: list[Response], comparison: Comparison, roles: list[str]) -> dict[str, list[int]]:
    """Which people (by index) stand behind each shown group, as the groups are published."""
    groups: dict[str, list[int]] = {}
    for index, person in enumerate(people):
        role = person.role or "No role given"
        name = role if role in comparison.groups else "Others"
        if name in comparison.groups and (name != "Others" or role in comparison.merged):
            groups.setdefault(name, []).append(index)
    return groups


def equations(people: list[Response], comparison: Comparison, offset: int, roles: list[str]) -> list[Equation]:
    """One equation for every figure shown: each group's statement and area means."""
    out: list[Equation] = []
    groups = members(people, comparison, roles)
    for row in comparison.statements:
        for name, mean in row.means.items():
            if mean is not None:
                out.append({(offset + i, row.id): Fraction(1) for i in groups[name]
                            if people[i].answers.get(row.id) is not None})
    for row in comparison.areas:
        for name, mean in row.means.items():
            if mean is not None:
                out.append(area_equation(people, groups[name], row.id, offset))
    return out


def area_equation(people: list[Response], indexes: list[int], area: str, offset: int) -> Equation:
    eq: Equation = {}
    for i in indexes:
        own = [s for s, a in AREAS.items() if a == area and people[i].answers.get(s) is not None]
        for s in own:
            eq[offset + i, s] = Fraction(1, len(own))
    return eq


answer = st.one_of(st.none(), st.integers(min_value=0, max_value=2), st.just("blank"))


@st.composite
def person(draw) -> Response:
    full = draw(st.booleans())
    statements = AREAS if full else QUICK
    answers = {s: value for s in statements if (value := draw(answer)) != "blank"}
    return Response(draw(st.sampled_from([*ROLES, None])), answers)


population = st.lists(person(), min_size=0, max_size=11)


# One person answered both of an area's statements, three others each answered one: the two
# statement figures less the area figure would be that person's score for the area.
LONE_PAIR = ([Response("Trustee", {"a1": 2, "a2": 0})] + [Response("Trustee", {"a1": v}) for v in (1, 2, 1)]
             + [Response("Trustee", {"a2": v}) for v in (0, 1, 1)])


@settings(max_examples=120, deadline=None)
@given(population, population, st.integers(min_value=2, max_value=4))
@example(LONE_PAIR, [], 3)
def test_no_set_of_shown_figures_pins_down_anyones_answer(baseline, later, threshold):
    shown: list[Equation] = []
    for offset, people in ((0, baseline), (100, later)):
        comparison = compare(people, AREAS, roles=ROLES, threshold=threshold)
        shown += equations(people, comparison, offset, ROLES)
    for move in progress(baseline, later, AREAS, threshold=threshold, roles=ROLES):
        for offset, people, value in ((0, baseline, move.before), (100, later, move.after)):
            if value is not None:
                shown.append(area_equation(people, list(range(len(people))), move.area, offset))
    shown = [eq for eq in shown if eq]
    assert not solved(shown), "a shown figure gives someone's answer away"
    # Nor one person's score for an area (the mean of their answers there).
    for offset, people in ((0, baseline), (100, later)):
        for index in range(len(people)):
            for area in set(AREAS.values()):
                own = area_equation(people, [index], area, offset)
                assert not own or not follows(shown, own), (index, area)


def test_the_attack_finds_what_the_old_figures_gave_away():
    """Review finding 2: overall x 8 - trustees x 4 - staff x 3 is the user's answer."""
    trustees, staff, user = [0, 1, 2, 3], [4, 5, 6], 7
    overall = {(i, "a1"): Fraction(1) for i in [*trustees, *staff, user]}
    groups = [{(i, "a1"): Fraction(1) for i in trustees}, {(i, "a1"): Fraction(1) for i in staff}]
    assert solved([overall, *groups]) == {(user, "a1")}
    assert solved(groups) == set()


def test_the_rule_holds_back_the_review_scenarios():
    seven = ([Response("Trustee", {"a1": 1}) for _ in range(4)] + [Response("Staff", {"a1": None}) for _ in range(2)]
             + [Response("Person using services", {"a1": 2})])
    comparison = compare(seven, AREAS, roles=ROLES, threshold=3)
    assert not solved(equations(seven, comparison, 0, ROLES))
    eight = ([Response("Trustee", {"a1": 1}) for _ in range(4)] + [Response("Staff", {"a1": 0}) for _ in range(3)]
             + [Response("Person using services", {"a1": 2})])
    moves = progress(eight, eight, AREAS, threshold=3, roles=ROLES)
    assert all(m.after is None and "after" in m.withheld for m in moves if m.area == "A")


# --- twin test: a hidden person's answers change nothing shown (command line) -------------------

KIT = load_kit(ROOT / "kit", version=__version__)
KIT_QUICK = [s.id for s in KIT.quick_check]


def _export(path, role, answers, set_="quick"):
    path.write_text(json.dumps({"kind": "user-involvement-kit/scores", "format": 1, "version": __version__,
                                "role": role, "set": set_, "answers": answers, "notes": {},
                                "id": secrets.token_hex(12)}), encoding="utf-8")


def _cli(*args) -> str:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_scores.py"), *map(str, args)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _folder(path, hidden_answer: int, fmt_dk_staff: bool):
    path.mkdir()
    for i in range(4):
        _export(path / f"t{i}.json", "Trustee", {sid: (i + len(sid)) % 3 for sid in KIT_QUICK})
    staff = 2 if fmt_dk_staff else 3
    for i in range(staff):
        _export(path / f"s{i}.json", "Staff",
                {sid: (None if fmt_dk_staff and sid == "cm-review" else (i + 2 * len(sid)) % 3) for sid in KIT_QUICK})
    return path


def test_twin_a_person_left_out_of_every_group_changes_nothing_shown(tmp_path):
    base = tmp_path / "base"
    base.mkdir()
    for i in range(3):
        _export(base / f"b{i}.json", "Trustee", {sid: 1 for sid in KIT_QUICK})
    outputs = set()
    for value in (0, 2):
        folder = _folder(tmp_path / f"twin{value}", value, fmt_dk_staff=False)
        _export(folder / "u.json", "Person using services", {sid: value for sid in KIT_QUICK})
        for fmt in ("md", "html"):
            outputs.add((fmt, "plain", _cli(folder, "--format", fmt)))
            outputs.add((fmt, "baseline", _cli(folder, "--baseline", base, "--format", fmt)))
    assert len(outputs) == 4  # the two twins give the same four reports


def test_twin_an_answer_behind_a_withheld_figure_changes_nothing_shown(tmp_path):
    outputs = set()
    for value in (0, 2):
        folder = _folder(tmp_path / f"twin{value}", value, fmt_dk_staff=True)
        _export(folder / "u.json", "Person using services",
                {sid: (value if sid == "cm-review" else 1) for sid in KIT_QUICK})
        outputs.add(_cli(folder))
    assert len(outputs) == 1
