"""Render a comparison of viewpoints as Markdown or HTML, for a facilitator to share."""

from __future__ import annotations

from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .compare import Comparison, Move
from .model import Kit
from .scoring import display_score

_env = Environment(loader=PackageLoader("involvement_kit", "templates/reports"), undefined=StrictUndefined,
                   autoescape=select_autoescape(["html.j2"]), trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True)
_env.filters["score"] = lambda value: "–" if value is None else display_score(value)
_env.filters["change"] = lambda value: "–" if value is None else f"{value:+.1f}"


def render_report(comparison: Comparison, kit: Kit, *, fmt: str = "md", moves: tuple[Move, ...] = (),
                  when: date | None = None) -> str:
    titles = {a.id: a.title for a in kit.areas} | {s.id: s.text for s in kit.statements}
    template = _env.get_template(f"compare.{fmt}.j2")
    return template.render(c=comparison, titles=titles, moves=moves, version=kit.version,
                           areas=_answered(comparison.areas), statements=_answered(comparison.statements),
                           when=(when or date.today()).isoformat())


def _answered(rows):
    """Rows someone answered: a set such as the quick check leaves the rest empty."""
    return [row for row in rows if any(value is not None for value in row.means.values())]
