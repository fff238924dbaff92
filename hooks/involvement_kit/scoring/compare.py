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
- Safety: a role with fewer than `threshold` people is not shown on its own; those people
  are merged into "Others". A group still under the threshold (Others included) is never
  shown, and nothing is shown at all when fewer than `threshold` people took part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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


@dataclass(frozen=True)
class Row:
    """One statement or area: each shown group's mean, the spread and the disagreement."""

    id: str
    means: dict[str, float | None]
    answered: dict[str, int]
    spread: float | None
    disagreement: float | None


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
    person_areas = {id(r): area_scores(statement_areas, r.answers) for r in members}

    def row(key: str, value_of: Callable[[Response, str], float | None]) -> Row:
        means: dict[str, float | None] = {}
        answered: dict[str, int] = {}
        everyone: list[float] = []
        for name, group in shown.items():
            values = [v for v in (value_of(r, key) for r in group) if v is not None]
            means[name], answered[name] = mean(values), len(values)
            everyone.extend(values)
        return Row(key, means, answered, spread(everyone), disagreement(means.values()))

    statements = [row(s, lambda r, s: r.answers.get(s)) for s in statement_areas]
    areas = [row(a, lambda r, a: person_areas[id(r)][a]) for a in dict.fromkeys(statement_areas.values())]
    notes = tuple((s, r.notes[s]) for r in members if r.role in VOICE_ROLES
                  for s in statement_areas if r.notes.get(s))
    return Comparison(tuple(shown), {k: len(v) for k, v in shown.items()}, merged, hidden, len(responses),
                      threshold, _most_disagreement_first(statements), _most_disagreement_first(areas), notes)


def _most_disagreement_first(rows: list[Row]) -> tuple[Row, ...]:
    # Stable: rows with equal disagreement keep the kit's order; rows with none go last.
    return tuple(sorted(rows, key=lambda r: 1 if r.disagreement is None else -r.disagreement))


@dataclass(frozen=True)
class Move:
    area: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def round_means(responses: Sequence[Response], statement_areas: Mapping[str, str],
                threshold: int) -> dict[str, float | None]:
    """Each area's mean over everyone in one round; nothing when too few people took part."""
    areas = list(dict.fromkeys(statement_areas.values()))
    if len(responses) < threshold:
        return {a: None for a in areas}
    scores = [area_scores(statement_areas, r.answers) for r in responses]
    return {a: mean([score for s in scores if (score := s[a]) is not None]) for a in areas}


def progress(baseline: Sequence[Response], later: Sequence[Response], statement_areas: Mapping[str, str], *,
             threshold: int = 3) -> tuple[Move, ...]:
    """What moved in each area between a baseline round and a later one."""
    before = round_means(baseline, statement_areas, threshold)
    after = round_means(later, statement_areas, threshold)
    return tuple(Move(a, before[a], after[a]) for a in before)
