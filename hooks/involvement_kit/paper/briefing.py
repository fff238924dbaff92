"""Print-ready A4 PDFs of the trustee briefing and the leadership checklist, dated and
page-numbered, for a chair to put in the board papers.

The briefing is the hand-written page `docs/trustees.md`, read as plain blocks
(headings, paragraphs, lists, boxes) and handed to Typst as JSON, so no text needs
escaping; the checklist is made from the leader behaviour records.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from ..content.model import Kit
from ..content.options import Options
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import BRIEFING_FILES, BRIEFING_PAGE, LEADERSHIP_PAGE, download
from .typesetting import Batch, Job, Json

TEMPLATE = "briefing.typ"
REFERENCE = ("Robson, P., Begum, N. and Locke, M. (2003) Increasing user involvement in voluntary "
             "organisations. York: Joseph Rowntree Foundation.")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)(\{[^}]*\})?")
_ICON = re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:(\{[^}]*\})?")
_ATTR_LINE = re.compile(r"^\{:[^}]*\}$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")
# Buttons and "More: ..." pointers only make sense on screen.
_SCREEN_ONLY = re.compile(r"\.md-button|^More:")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s+\w+(?:\s+\"([^\"]*)\")?\s*$")


def inline(text: str) -> list[Json]:
    """Runs of text, bold or not; links keep their words, icons and attributes go."""
    text = _ICON.sub("", _LINK.sub(r"\1", text))
    text = re.sub(r"\{[:.#][^}]*\}", "", text)
    runs = []
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        part = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", part)
        if part:
            runs.append({"text": part, "strong": i % 2 == 1})
    return runs


def blocks(markdown: str) -> tuple[str, list[Json]]:
    """(title, blocks) from a page's Markdown: headings, paragraphs, lists and boxes."""
    lines = _FRONT_MATTER.sub("", markdown).splitlines()
    title = ""
    out: list[Json] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append({"type": "para", "runs": inline(" ".join(paragraph))})
            paragraph.clear()

    box: Json | None = None
    for raw in lines + [""]:
        line = raw.strip()
        indented = raw.startswith("    ")
        if box is not None and (indented or not line):
            if line:
                item = _LIST_ITEM.match(line)
                box["items"].append(inline(item.group(1) if item else line))
            continue
        box = None
        if not line or _ATTR_LINE.match(line) or line.startswith("<") or _SCREEN_ONLY.search(line):
            flush()
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            flush()
            box = {"type": "box", "title": admonition.group(1) or "", "items": []}
            out.append(box)
            continue
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        if heading:
            flush()
            if len(heading.group(1)) == 1 and not title:
                title = heading.group(2)
            else:
                out.append({"type": "heading", "level": len(heading.group(1)), "text": heading.group(2)})
            continue
        item = _LIST_ITEM.match(line)
        if item:
            flush()
            numbered = line[0].isdigit()
            if out and out[-1]["type"] == "list" and out[-1]["numbered"] == numbered:
                out[-1]["items"].append(inline(item.group(1)))
            else:
                out.append({"type": "list", "numbered": numbered, "items": [inline(item.group(1))]})
            continue
        paragraph.append(line)
    return title, out


def build_documents(kit: Kit, options: Options, docs_dir: Path, when: str) -> dict[str, Json]:
    common = {"date": when, "version": kit.version, "organisation": options.organisation,
              "reference": REFERENCE, "url": options.public_url}
    documents: dict[str, Json] = {}
    page = Path(docs_dir) / BRIEFING_PAGE
    if page.is_file():
        title, body = blocks(page.read_text(encoding="utf-8"))
        documents["briefing"] = dict(common, title=title, blocks=body, address=options.page_url(BRIEFING_PAGE))
    if kit.leader_behaviours:
        documents["checklist"] = dict(
            common, title="What leaders do: a checklist", address=options.page_url(LEADERSHIP_PAGE),
            intro="Where involvement became more user-centred, the study saw leaders doing these ten things. "
                  "Tick what you already do. Talk about the rest.",
            items=[{"title": b.title, "summary": b.summary, "question": b.opening_question}
                   for b in kit.leader_behaviours])
    return documents


def _no_overflow(found: dict[str, str]) -> Problem:
    return Problem("kit", f"the briefing does not fit: {found}")


def batch(ctx: BuildContext, when: str | None = None) -> Batch | None:
    """The trustee briefing and the leadership checklist, A4, dated; none when neither has content."""
    documents = build_documents(ctx.kit, ctx.options, ctx.docs_dir, when or date.today().isoformat())
    if not documents:
        return None
    files: dict[str, bytes | str] = {f"{name}.json": json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True)
                                     for name, doc in documents.items()}
    jobs = [Job(BRIEFING_FILES[name], TEMPLATE, {"data": f"{name}.json", "kind": name}, reads=(f"{name}.json",))
            for name in documents]
    return Batch("briefing", files, jobs, {job.output: download(job.output) for job in jobs}, _no_overflow)
