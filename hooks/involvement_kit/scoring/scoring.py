"""The scoring arithmetic, defined once. The browser's scoring-core.js implements the same
rules and both pass the shared vectors in tests/vectors/scoring.json.

An answer is 0, 1 or 2 on the report's axis, or None for "don't know".
An area's score is the mean of its answered statements; don't-know is left out, and an
area with no answers has no score. Rounding happens only for display.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..vocabulary import display_score

__all__ = ["Answers", "area_scores", "display_score"]

Answers = Mapping[str, "int | None"]


def area_scores(statement_areas: Mapping[str, str], answers: Answers) -> dict[str, float | None]:
    """Mean score per area. `statement_areas` maps each statement id to its area id."""
    totals: dict[str, list[int]] = {area: [] for area in statement_areas.values()}
    for statement, area in statement_areas.items():
        value = answers.get(statement)
        if value is not None:
            totals[area].append(value)
    return {area: (sum(v) / len(v) if v else None) for area, v in totals.items()}

