"""The scoring arithmetic, defined once. The browser's scoring-core.js implements the same
rules and both pass the shared vectors in tests/vectors/scoring.json.

An answer is 0, 1 or 2 on the report's axis, or None for "don't know".
An area's score is the mean of its answered statements; don't-know is left out, and an
area with no answers has no score. Rounding happens only for display.
"""

from __future__ import annotations

import math
from typing import Mapping

from .model import Kit
from .options import Options
from .schema import SCALE

Answers = Mapping[str, "int | None"]


def area_scores(statement_areas: Mapping[str, str], answers: Answers) -> dict[str, float | None]:
    """Mean score per area. `statement_areas` maps each statement id to its area id."""
    totals: dict[str, list[int]] = {area: [] for area in statement_areas.values()}
    for statement, area in statement_areas.items():
        value = answers.get(statement)
        if value is not None:
            totals[area].append(value)
    return {area: (sum(v) / len(v) if v else None) for area, v in totals.items()}


def display_score(score: float | None) -> str | None:
    """A score for people: one decimal place, halves rounded up (as scoring-core.js does)."""
    if score is None:
        return None
    return f"{math.floor(score * 10 + 0.5) / 10:.1f}"


def scoring_data(kit: Kit, options: Options, page_url, history=None) -> dict:
    """Everything the in-browser scorer needs, as plain JSON-ready data.

    `page_url(record)` gives the address of a record's page relative to the site root.
    `history` is the checked list from history.load_history (how to read older exports).
    """
    return {
        "version": kit.version,
        "scale": [{"value": value, "label": label} for value, label in SCALE],
        "roles": list(options.roles),
        "threshold": options.threshold,
        "areas": [{"id": a.id, "title": a.title, "kind": a.kind.name, "label": a.kind.label,
                   "url": page_url(a)} for a in kit.areas],
        "statements": [{"id": s.id, "area": s.area, "text": s.text, "levels": list(s.levels),
                        "quick": s.quick, "easy_read": s.easy_read} for s in kit.statements],
        "history": list(history or []),
    }
