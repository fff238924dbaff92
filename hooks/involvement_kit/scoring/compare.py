"""Compare how people in different roles score their organisation, without exposing anyone.

The arithmetic, defined once (the browser's compare code passes the same vectors in
tests/vectors/compare.json):

- A person's area score is the mean of their answered statements in that area
  (scoring.area_scores); don't-know answers are left out.
- A group's mean is the mean of its members' answers (per statement) or of its
  members' area scores (per area), counting only those who answered.
- Spread is the population standard deviation over every shown person's answers or
  area scores.
- Disagreement is the range (highest minus lowest) of the shown groups' means; it needs
  at least two groups with a mean.
- Groups: a role with fewer than `threshold` people is not shown on its own; those people
  are merged into "Others". A group still under the threshold (Others included) is never
  shown, and nothing is shown at all when fewer than `threshold` people took part.

The disclosure rule (the browser's compare-core.js mirrors it; tests/vectors/compare.json
holds the cases, and tests/test_compare_attack.py attacks it). With k = the threshold:

- A group's figure for a statement is shown only when at least k of its members answered
  it. Otherwise the cell is withheld ("too few answers to show"), never a dash or a number.
- A group's figure for an area is shown only when at least k members have a score there,
  its set of people is the same as, or differs by at least k people from, each shown
  statement figure of that group in the area, and every answer behind it has a twin: another
  member who answered the same statement and the same number of the area's statements. An
  area score is a weighted sum of answers; with twins, no mix of shown sums can tell two
  people's answers apart, so none can be solved for.
- Spread and disagreement use only shown figures.
- An overall figure for a round (progress) is shown only when no one is left out of the
  groups and every group's figure for that area is shown (or rests on no one): it is then
  a sum of shown figures and tells nothing new, so nobody can be got by subtraction.
- Withheld figures and hidden people change nothing that is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import sqrt

from ..vocabulary import NO_ROLE, OTHERS, VOICE_ROLES
from .scoring import area_scores

__all__ = ["NO_ROLE", "OTHERS", "VOICE_ROLES", "Comparison", "Move", "Response", "Row", "compare", "progress"]


@dataclass(frozen=True)
class Response:
    """One person's answers: statement id -> 0, 1, 2 or None (don't know)."""

    role: str | None
    answers: Mapping[str, int | None]
    notes: Mapping[str, str] = field(default_factory=dict)
    origin: str = ""  # where it came from (file, row), for messages only
    identity: str = ""  # the export's response id, or its whole content for a file from before ids
    set: str = ""  # the set of statements the person answered ("quick", "full"; "" for a paper grid)


@dataclass(frozen=True)
class Row:
    """One statement or area: each shown group's mean, the spread and the disagreement.

    A group in `withheld` has a mean of None because its figure would give someone away;
    a group with None and not withheld has no answers there at all.
    """

    id: str
    means: dict[str, float | None]
    answered: dict[str, int]
    spread: float | None
    disagreement: float | None
    withheld: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    groups: tuple[str, ...]          # shown groups, in role order, Others last
    sizes: dict[str, int]            # people in each shown group
    merged: tuple[str, ...]          # roles folded into Others
    hidden: int                      # people in no shown group (a group still too small)
    people: int
    threshold: int
    statements: tuple[Row, ...]      # most disagreement first
    areas: tuple[Row, ...]           # most disagreement first
    notes: tuple[tuple[str, str], ...]  # (statement id, note) from VOICE_ROLES, as written

    @property
    def shown(self) -> bool:
        return bool(self.groups)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def spread(values: Sequence[float]) -> float | None:
    """Population standard deviation; None for no values."""
    m = mean(values)
    if m is None:
        return None
    return sqrt(sum((v - m) ** 2 for v in values) / len(values))


def disagreement(means: Iterable[float | None]) -> float | None:
    present = [m for m in means if m is not None]
    return max(present) - min(present) if len(present) >= 2 else None


def groups_of(responses: Sequence[Response], roles: Sequence[str],
              threshold: int) -> tuple[dict[str, list[Response]], tuple[str, ...], int]:
    """Shown groups (name -> members), the roles merged into Others, and how many are hidden."""
    by_role: dict[str, list[Response]] = {}
    for response in responses:
        by_role.setdefault(response.role or NO_ROLE, []).append(response)
    order = [r for r in roles if r in by_role] + sorted(r for r in by_role if r not in roles)
    shown: dict[str, list[Response]] = {}
    merged, others = [], []
    for role in order:
        if len(by_role[role]) >= threshold:
            shown[role] = by_role[role]
        else:
            merged.append(role)
            others.extend(by_role[role])
    if others and len(others) >= threshold:
        shown[OTHERS] = others
    if len(responses) < threshold:
        shown = {}
    hidden = len(responses) - sum(len(m) for m in shown.values())
    return shown, tuple(merged), hidden


def compare(responses: Sequence[Response], statement_areas: Mapping[str, str], *, roles: Sequence[str] = (),
            threshold: int = 3) -> Comparison:
    """Lay several people's answers side by side. `statement_areas` maps statement id -> area id."""
    shown, merged, hidden = groups_of(responses, roles, threshold)
    members = [r for group in shown.values() for r in group]
    by_area: dict[str, list[str]] = {}
    for statement, area in statement_areas.items():
        by_area.setdefault(area, []).append(statement)
    statements = [_statement_row(s, shown, threshold) for s in statement_areas]
    areas = [_area_row(a, by_area[a], shown, threshold) for a in by_area]
    notes = tuple((s, r.notes[s]) for r in members if r.role in VOICE_ROLES
                  for s in statement_areas if r.notes.get(s))
    return Comparison(tuple(shown), {k: len(v) for k, v in shown.items()}, merged, hidden, len(responses),
                      threshold, _most_disagreement_first(statements), _most_disagreement_first(areas), notes)


def _answer(person: Response, statement: str) -> int | None:
    value = person.answers.get(statement)
    return value if value is not None else None


def _make_row(key: str, cells: dict[str, list[float]], shown_cells: dict[str, bool]) -> Row:
    means: dict[str, float | None] = {}
    answered: dict[str, int] = {}
    withheld: list[str] = []
    everyone: list[float] = []
    for name, values in cells.items():
        if values and not shown_cells[name]:
            withheld.append(name)
            means[name], answered[name] = None, 0
            continue
        means[name], answered[name] = mean(values), len(values)
        everyone.extend(values)
    return Row(key, means, answered, spread(everyone), disagreement(means.values()), tuple(withheld))


def _statement_row(statement: str, shown: Mapping[str, Sequence[Response]], threshold: int) -> Row:
    cells: dict[str, list[float]] = {}
    for name, group in shown.items():
        cells[name] = [v for v in (_answer(r, statement) for r in group) if v is not None]
    return _make_row(statement, cells, {name: len(values) >= threshold for name, values in cells.items()})


def _area_row(area: str, statements: Sequence[str], shown: Mapping[str, Sequence[Response]], threshold: int) -> Row:
    cells: dict[str, list[float]] = {}
    verdict: dict[str, bool] = {}
    for name, group in shown.items():
        answered = [[s for s in statements if _answer(r, s) is not None] for r in group]
        scored = [(r, own) for r, own in zip(group, answered, strict=True) if own]
        cells[name] = [sum(_answer(r, s) or 0 for s in own) / len(own) for r, own in scored]
        verdict[name] = area_figure_safe([own for _, own in scored], statements, threshold)
    return _make_row(area, cells, verdict)


def area_figure_safe(answered: Sequence[Sequence[str]], statements: Sequence[str], threshold: int) -> bool:
    """Whether a group's area figure may be shown. `answered` lists, for each member with a
    score in the area, the area's statements they answered (don't know left out)."""
    people = len(answered)
    if people < threshold:
        return False
    for statement in statements:
        behind = sum(1 for own in answered if statement in own)
        # The statement's own figure is shown when behind >= threshold; the area's people
        # must then be the same people or at least `threshold` more.
        if behind >= threshold and 0 < people - behind < threshold:
            return False
    twins: dict[tuple[str, int], int] = {}
    for own in answered:
        for statement in own:
            twins[statement, len(own)] = twins.get((statement, len(own)), 0) + 1
    return all(twins[statement, len(own)] >= 2 for own in answered for statement in own)


def _most_disagreement_first(rows: list[Row]) -> tuple[Row, ...]:
    # Stable: rows with equal disagreement keep the kit's order; rows with none go last.
    return tuple(sorted(rows, key=lambda r: 1 if r.disagreement is None else -r.disagreement))


@dataclass(frozen=True)
class Move:
    area: str
    before: float | None
    after: float | None
    withheld: tuple[str, ...] = ()  # "before", "after": figures held back so no one is given away

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def round_means(responses: Sequence[Response], statement_areas: Mapping[str, str], threshold: int, *,
                roles: Sequence[str] = ()) -> tuple[dict[str, float | None], frozenset[str]]:
    """Each area's mean over everyone in one round, and the areas whose mean is withheld.

    A round's mean sits beside its groups' figures (on the compare page, in the same report),
    so it is shown only when it is a sum of shown group figures: no one left out of the
    groups, and each group's figure for the area shown or resting on no one.
    """
    areas = list(dict.fromkeys(statement_areas.values()))
    comparison = compare(responses, statement_areas, roles=roles, threshold=threshold)
    scores = [area_scores(statement_areas, r.answers) for r in responses]
    means: dict[str, float | None] = {}
    withheld: set[str] = set()
    rows = {row.id: row for row in comparison.areas}
    for a in areas:
        values = [score for s in scores if (score := s[a]) is not None]
        if not values:
            means[a] = None
        elif not comparison.shown or comparison.hidden or rows[a].withheld:
            means[a] = None
            withheld.add(a)
        else:
            means[a] = mean(values)
    return means, frozenset(withheld)


def progress(baseline: Sequence[Response], later: Sequence[Response], statement_areas: Mapping[str, str], *,
             threshold: int = 3, roles: Sequence[str] = ()) -> tuple[Move, ...]:
    """What moved in each area between a baseline round and a later one."""
    before, held_before = round_means(baseline, statement_areas, threshold, roles=roles)
    after, held_after = round_means(later, statement_areas, threshold, roles=roles)
    return tuple(Move(a, before[a], after[a], tuple(name for name, held in (("before", held_before),
                                                                                 ("after", held_after)) if a in held))
                 for a in before)
