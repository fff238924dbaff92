"""The one Jinja environment: every Markdown page, generated script and report is a template file.

Templates get the shared vocabulary as globals, so no template spells a label, an icon or
the scale on its own. Markdown and scripts are not escaped (Python-Markdown and the browser
read them as written, and record text is checked to hold no HTML); HTML reports are.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from . import vocabulary

ENV = Environment(loader=PackageLoader("involvement_kit", "templates"), undefined=StrictUndefined,
                  keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                  autoescape=select_autoescape(["html.j2"], default_for_string=False, default=False))
ENV.globals.update(
    vocabulary=vocabulary,
    source_labels=vocabulary.SOURCE_LABELS,
    # Material's Markdown names icons with a dash: 'material-puzzle-outline'.
    icons={kind: name.replace("/", "-") for kind, name in vocabulary.KIND_ICONS.items()},
    scale=vocabulary.SCALE,
    clock=vocabulary.clock,
)
ENV.filters["capitalize_first"] = lambda s: s[:1].upper() + s[1:]
ENV.filters["score"] = lambda value: "–" if value is None else vocabulary.display_score(value)
ENV.filters["change"] = lambda value: "–" if value is None else f"{value:+.1f}"


def render(template: str, **context: Any) -> str:
    return ENV.get_template(template).render(**context)
