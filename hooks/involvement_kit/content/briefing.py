"""Load `kit/trustee-briefing.yml`: the briefing for trustees, as headed sections of blocks.

One file feeds both the web page and the A4 PDF for board papers, so the two cannot drift
apart. Text allows a small markup, checked here so neither output has to guess: `**bold**`
and `[words](page.md)` links, nothing else. Anything that Markdown would read as more
(stray asterisks, brackets, a line that opens a list or a heading) is refused with the
file, field and line, as for every other record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import KitError, Problem
from .loader import CONTROL_CHAR, _closest, _type_name
from .model import Briefing, BriefingBlock, BriefingSection, Run
from .schema import HTML_TAG
from .yamlsource import Path_, Source, read_source

BRIEFING_FILE = "trustee-briefing.yml"

# Every field name, with what to write: kit/README.md documents each (a test keeps them in step).
FIELDS = {
    "title": "the heading of the page and of the PDF",
    "description": "one sentence for search engines and link previews",
    "intro": "blocks before the first section",
    "sections": "the headed parts of the briefing, each with a heading and blocks",
    "heading": "a section's heading",
    "blocks": "a section's blocks, in order",
}
# Block kinds: what each holds. A block is a set with exactly one of these names.
BLOCKS = {
    "paragraph": "text",
    "suggestion": "text",
    "more": "text",
    "list": "items",
    "numbered": "items",
    "box": "box",
}
BOX_FIELDS = ("title", "items")
# Longest text, in characters, by what it is.
LIMITS = {"title": 80, "description": 300, "heading": 100, "paragraph": 1200, "item": 500}

_TOKEN = re.compile(r"\*\*(?P<strong>[^*\s](?:[^*]*[^*\s])?)\*\*|\[(?P<words>[^\[\]]+)\]\((?P<link>[^()\s]*)\)")
# Left over outside the markup, these would turn into emphasis, code, links or attributes.
_STRAY = re.compile(r"[*_`\[\]\\{}]")
# At the start of a text these open a heading, quote, list, box, definition or table.
_BLOCK_START = re.compile(r"^(?:#|>|[-+]\s|\d+[.)]\s|!!!|\?\?\?|:|\|)")
# A page of the kit, written from the site's top folder as in docs/: enablers/index.md#anchor.
_PAGE = re.compile(r"^(?:[\w-]+/)*[\w-]+\.md(?:#[\w-]+)?$")
_WEB = re.compile(r"^(?:https://[^\s/$.?#]\S*|mailto:[^@\s]+@[^@\s]+\.[^@\s]+)$")


def load_briefing(kit_dir: Path, label: str = "kit") -> Briefing | None:
    """The checked briefing, or None when the kit has no briefing file. Raises KitError."""
    path = Path(kit_dir) / BRIEFING_FILE
    if not path.exists():
        return None
    source = read_source(path, f"{label}/{BRIEFING_FILE}")
    return _Reader(source).briefing()


def parse_text(text: str) -> tuple[tuple[Run, ...], str | None]:
    """(runs, None) for text in the briefing's markup, or ((), why it is refused)."""
    if tag := HTML_TAG.search(text):
        return (), f"contains HTML ('{tag.group(0)}...'); write plain text"
    if control := CONTROL_CHAR.search(text):
        code = ord(control.group(0))
        return (), f"contains an invisible control character (U+{code:04X}); delete it"
    if "\n" in text.strip():
        return (), "runs over more than one line; start a new paragraph or list item instead"
    text = text.strip()
    if opener := _BLOCK_START.match(text):
        return (), (f"starts with '{opener.group(0).strip()}', which would make it a heading, "
                    "list or box; start with a word")
    runs: list[Run] = []
    end = 0
    for match in _TOKEN.finditer(text):
        runs.append(Run(text[end:match.start()]))
        if match.group("strong") is not None:
            runs.append(Run(match.group("strong"), strong=True))
        else:
            link = match.group("link")
            if not (_PAGE.match(link) or _WEB.match(link)):
                return (), (f"links to '{link}'; link to a page of the kit as in docs/ (such as "
                            "enablers/index.md), an https:// address or a mailto: address")
            runs.append(Run(match.group("words"), link=link))
        end = match.end()
    runs.append(Run(text[end:]))
    for run in runs:
        stray = _STRAY.search(run.text)
        if stray:
            return (), (f"has a stray '{stray.group(0)}'; the briefing's text allows only **bold** and "
                        "[words](page.md) links (see kit/README.md)")
    return tuple(run for run in runs if run.text), None


class _Reader:
    """Walks the file once, collecting every problem with its line before giving up."""

    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str, path: Path_) -> None:
        self.problems.append(Problem(self.source.name, message, field=field, line=self.source.line(*path)))

    def briefing(self) -> Briefing:
        data = self.source.data
        if not isinstance(data, dict):
            self.problems.append(Problem(self.source.name, "expected the briefing's fields (title, description, "
                                         f"intro, sections), found {_type_name(data)}", line=self.source.line()))
            raise KitError(self.problems)
        for key in data:
            if key not in ("title", "description", "intro", "sections"):
                self.unknown(str(key), str(key), ("title", "description", "intro", "sections"), (key,))
        title = self.plain(data, "title", "title", (), LIMITS["title"])
        description = self.plain(data, "description", "description", (), LIMITS["description"])
        intro = self.blocks(data.get("intro"), "intro", ("intro",), required=False)
        sections = []
        raw_sections = data.get("sections")
        if not isinstance(raw_sections, list) or not raw_sections:
            self.problem("sections", "expected a list of sections, each with a heading and blocks, found "
                         f"{_type_name(raw_sections)}", ("sections",))
            raw_sections = []
        for i, raw in enumerate(raw_sections):
            where, path = f"sections[{i + 1}]", ("sections", i)
            if not isinstance(raw, dict):
                self.problem(where, f"expected a heading and blocks, found {_type_name(raw)}", path)
                continue
            for key in raw:
                if key not in ("heading", "blocks"):
                    self.unknown(f"{where}.{key}", str(key), ("heading", "blocks"), path + (key,))
            heading = self.plain(raw, "heading", f"{where}.heading", path, LIMITS["heading"])
            blocks = self.blocks(raw.get("blocks"), f"{where}.blocks", path + ("blocks",), required=True)
            sections.append(BriefingSection(heading, blocks))
        if self.problems:
            raise KitError(self.problems)
        return Briefing(title, description, intro, tuple(sections), self.source.name)

    def unknown(self, field: str, key: str, known: Sequence[str], path: Path_) -> None:
        hint = _closest(key, known)
        self.problem(field, "unknown field" + (f"; did you mean '{hint}'?" if hint else "")
                     + f" Expected one of: {', '.join(known)}", path)

    def plain(self, data: dict[Any, Any], key: str, field: str, path: Path_, limit: int) -> str:
        """A required line of plain text (a title or heading: no markup at all)."""
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(field, f"is required: {FIELDS.get(key, 'a line of text')}; found {_type_name(value)}",
                         path + (key,))
            return ""
        runs = self.text(value, field, path + (key,), limit)
        if runs and any(run.strong or run.link for run in runs):
            self.problem(field, "is plain text; leave out ** and links here", path + (key,))
        return value.strip()

    def text(self, value: object, field: str, path: Path_, limit: int) -> tuple[Run, ...]:
        if not isinstance(value, str):
            hint = "; put text that starts with [ or ** in quotes" if isinstance(value, (list, dict)) else ""
            self.problem(field, f"expected text, found {_type_name(value)}{hint}", path)
            return ()
        if not value.strip():
            self.problem(field, "is empty; write some text or remove it", path)
            return ()
        if len(value) > limit:
            self.problem(field, f"is {len(value)} characters long; expected at most {limit}", path)
        runs, why = parse_text(value)
        if why:
            self.problem(field, why, path)
        return runs

    def blocks(self, value: object, field: str, path: Path_, *, required: bool) -> tuple[BriefingBlock, ...]:
        if value is None and not required:
            return ()
        if not isinstance(value, list) or not value:
            self.problem(field, "expected a list of blocks, each one of: " + ", ".join(BLOCKS)
                         + f"; found {_type_name(value)}", path)
            return ()
        out = []
        for i, raw in enumerate(value):
            where, here = f"{field}[{i + 1}]", path + (i,)
            if not isinstance(raw, dict) or len(raw) != 1:
                found = f"{len(raw)} names" if isinstance(raw, dict) else _type_name(raw)
                self.problem(where, f"a block has exactly one of: {', '.join(BLOCKS)}; found {found}", here)
                continue
            (kind, content), = raw.items()
            if kind not in BLOCKS:
                self.unknown(f"{where}.{kind}", str(kind), tuple(BLOCKS), here + (kind,))
                continue
            block = self.block(str(kind), content, f"{where}.{kind}", here + (kind,))
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, kind: str, content: object, field: str, path: Path_) -> BriefingBlock | None:
        shape = BLOCKS[kind]
        if shape == "text":
            runs = self.text(content, field, path, LIMITS["paragraph"])
            if kind == "more" and runs and not any(run.link for run in runs):
                self.problem(field, "points to another page; give a link such as [Key findings](key-findings.md)",
                             path)
            return BriefingBlock(kind, runs=runs)
        title = ""
        if shape == "box":
            if not isinstance(content, dict):
                self.problem(field, f"expected a title and items, found {_type_name(content)}", path)
                return None
            for key in content:
                if key not in BOX_FIELDS:
                    self.unknown(f"{field}.{key}", str(key), BOX_FIELDS, path + (key,))
            if content.get("title") is not None:
                runs = self.text(content["title"], f"{field}.title", path + ("title",), LIMITS["heading"])
                if any(run.strong or run.link for run in runs) or '"' in content["title"]:
                    self.problem(f"{field}.title", "is plain text; leave out **, links and double quotes",
                                 path + ("title",))
                title = content["title"].strip() if isinstance(content["title"], str) else ""
            content, field, path = content.get("items"), f"{field}.items", path + ("items",)
        if not isinstance(content, list) or not content:
            self.problem(field, f"expected a list (lines starting with '- '), found {_type_name(content)}", path)
            return None
        items = tuple(self.text(item, f"{field}[{i + 1}]", path + (i,), LIMITS["item"])
                      for i, item in enumerate(content))
        return BriefingBlock(kind, items=items, title=title)
