"""The one Jinja environment: every Markdown page, generated script and report is a template file.

Templates get the shared vocabulary as globals, so no template spells a label, an icon or
the scale on its own. Markdown and scripts are not escaped (Python-Markdown and the browser
read them as written, and record text is checked to hold no HTML); HTML reports are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket

from . import vocabulary


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates kept beside Python's own compiled modules, in __pycache__.

    Compiling the templates took about 40 % of preparing a build; like a .pyc file, the
    compiled form is checked against its template's source and remade when that changes.
    A folder that cannot be written only means they are compiled every time.
    """

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


ENV = Environment(loader=PackageLoader("involvement_kit", "templates"), undefined=StrictUndefined,
                  keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                  autoescape=select_autoescape(["html.j2"], default_for_string=False, default=False),
                  bytecode_cache=_CompiledTemplates(str(Path(__file__).resolve().parent / "__pycache__" / "jinja")))
ENV.globals.update(
    vocabulary=vocabulary,
    source_labels=vocabulary.SOURCE_LABELS,
    # Material's Markdown names icons with a dash: 'material-puzzle-outline'.
    icons={kind: name.replace("/", "-") for kind, name in vocabulary.KIND_ICONS.items()},
    scale=vocabulary.SCALE,
    clock=vocabulary.clock,
)
def as_text(value: str) -> str:
    """An option's text (the organisation's name) inside Markdown, shown exactly as typed.

    Each character becomes a numeric character reference: Markdown, HTML and the glossary's
    abbreviations all pass over those, so `<Leeds>`, `*North*` or "Carers" stay plain letters.
    """
    return "".join(f"&#{ord(c)};" for c in value)


ENV.filters["as_text"] = as_text
ENV.filters["capitalize_first"] = lambda s: s[:1].upper() + s[1:]
ENV.filters["score"] = lambda value: "–" if value is None else vocabulary.display_score(value)
ENV.filters["change"] = lambda value: "–" if value is None else _change(value)


def _change(value: float) -> str:
    """A change, rounded as scores are (halves away from no change), with its sign."""
    shown = vocabulary.display_score(abs(value)) or ""
    return shown if shown == "0.0" else ("+" if value > 0 else "-") + shown


# Characters Markdown (Python-Markdown and its tables) would read as markup, escaped with a backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(text: str) -> str:
    """Someone's words as plain text inside Markdown: HTML is escaped as entities and
    Markdown's punctuation with backslashes, so no tag, link or list survives rendering."""
    one_line = " ".join(str(text).split())
    entities = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", entities)


ENV.filters["md"] = markdown_text


def render(template: str, **context: Any) -> str:
    return ENV.get_template(template).render(**context)
