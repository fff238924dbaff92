"""Render a comparison of viewpoints as Markdown or HTML, for a facilitator to share."""

from __future__ import annotations

from datetime import date

from ..content.model import Kit
from ..templating import ENV
from .compare import Comparison, Move, Row


def render_report(comparison: Comparison, kit: Kit, *, fmt: str = "md", moves: tuple[Move, ...] = (),
                  when: date | None = None) -> str:
    titles = {a.id: a.title for a in kit.areas} | {s.id: s.text for s in kit.statements}
    template = ENV.get_template(f"reports/compare.{fmt}.j2")
    return template.render(c=comparison, titles=titles, moves=moves, version=kit.version,
                           areas=_answered(comparison.areas), statements=_answered(comparison.statements),
                           when=(when or date.today()).isoformat())


def _answered(rows: tuple[Row, ...]) -> list[Row]:
    """Rows someone answered: a set such as the quick check leaves the rest empty."""
    return [row for row in rows if row.withheld or any(value is not None for value in row.means.values())]
