"""Editable copies (.docx) of every session plan and every session template, so a facilitator can
add real times, the venue or a changed step in a word processor without touching YAML.

They are made from the same records as the pages and PDFs: the plan model (with the words
paper/sessions.py gives the pack) and content/session_templates.py. Each copy is described
here as a list of blocks, and its body written as python-docx writes it (the same elements,
styles by their ids) into python-docx's own template (templates/docx/editable.docx, made by
docx_template.py): python-docx itself builds every element one Python object at a time,
which made a build's two dozen copies a visible part of its time. The tests read every copy
back with python-docx.
"""

from __future__ import annotations

import functools
import io
import os
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..content.model import Kit, SessionPlan
from ..content.session_templates import Block, SessionTemplate, session_templates
from ..outputs import BuildContext
from ..vocabulary import SESSION_TEMPLATES, SOURCE_LABELS, TIMETABLE_COLUMNS, clock, template_docx
from . import docx_template
from .sessions import attendance_line, sequence_lines, shown_line

FOLDER = "editable"
AUTHOR = "User involvement kit"
# A copy's blocks, as worker.write_docx reads them.
Blocks = list[list[Any]]


def _new(title: str, source: str) -> Blocks:
    return [["heading", title, 0],
            ["para", f"User involvement kit · {SOURCE_LABELS[source]}. Adapt it to your group.", None]]


def _bullets(blocks: Blocks, heading: str, items: tuple[str, ...] | list[str]) -> None:
    if not items:
        return
    blocks.append(["heading", heading, 1])
    blocks.extend(["para", item, "List Bullet"] for item in items)


def _para(text: str) -> list[Any]:
    return ["para", text, None]


def plan_blocks(kit: Kit, plan: SessionPlan) -> Blocks:
    blocks = _new(plan.title, plan.source)
    blocks.append(_para(plan.summary))
    blocks.append(_para(f"Total time: {clock(plan.minutes)} ({plan.minutes} minutes), added up from "
                        f"{len(plan.steps)} steps."))
    _bullets(blocks, "Where this session sits in the sequence", sequence_lines(kit, plan))
    blocks += [["heading", "Purpose", 1], _para(plan.purpose)]
    _bullets(blocks, "What the group will have at the end", plan.outcomes)
    _bullets(blocks, "Who to invite", plan.invite)
    if plan.attendance:
        blocks.append(_para(attendance_line(plan)))
    _bullets(blocks, "Before the session", plan.pre_work)
    _bullets(blocks, "Room and access needs", plan.room)
    if plan.arrival:
        blocks.append(_para(f"Doors open {plan.arrival} minutes before the start, for arrival and tea; "
                            "that time is not counted in the timetable."))
    blocks.append(["heading", "Timetable", 1])
    blocks.append(["table", list(TIMETABLE_COLUMNS),
                   [[str(row.number), row.step.title, str(row.step.minutes),
                     f"{clock(row.start)} to {clock(row.end)}", ""] for row in kit.schedule(plan)]])
    blocks.append(["heading", "Steps", 1])
    for row in kit.schedule(plan):
        step = row.step
        blocks.append(["heading", f"{row.number}. {step.title} ({step.minutes} min)", 2])
        lines = []
        if row.cards:
            lines.append(("Cards", "; ".join(c.title for c in row.cards)))
        if step.materials:
            lines.append(("Materials", "; ".join(step.materials)))
        for label, text in (("Facilitator notes", step.notes), ("Scores shown", shown_line(step)),
                            ("Collated", step.collated_by), ("If time is short", step.if_short),
                            ("If it goes wrong", step.if_wrong)):
            if text:
                lines.append((label, text))
        blocks.extend(["labelled", f"{label}: ", text] for label, text in lines)
    _bullets(blocks, "Templates for this session",
             [SESSION_TEMPLATES[name] for name in plan.materials if name in SESSION_TEMPLATES])
    return blocks


def _block(blocks: Blocks, block: Block) -> None:
    kind = block["kind"]
    if kind == "heading":
        blocks.append(["heading", block["text"], 1])
    elif kind == "para":
        blocks.append(_para(block["text"]))
    elif kind == "fields":
        blocks.extend(["labelled", f"{label}: ", "_" * 40] for label in block["items"])
    elif kind == "checks":
        blocks.extend(_para(f"☐ {label}") for label in block["items"])
    elif kind == "table":
        blocks.append(["table", block["columns"],
                       [*block["rows"], *([[""] * len(block["columns"])] * block["blank"])]])
    elif kind == "slips":
        blocks.extend(["para", text or "_" * 40, "List Number"] for text in [*block["items"], *[""] * block["blank"]])
    elif kind == "labels":
        for big, small in block["items"]:
            blocks += [["heading", big, 1], _para(small)]


def template_blocks(template: SessionTemplate) -> Blocks:
    blocks = _new(template.title, "kit")
    for block in template.blocks:
        _block(blocks, block)
    return blocks


def planned(ctx: BuildContext) -> list[tuple[str, Path]]:
    """(site path, file) of every editable copy `write` makes; none when packs are off."""
    return [(site_path, path) for site_path, path, _, _ in _copies(ctx)]


def _copies(ctx: BuildContext) -> list[tuple[str, Path, str, Blocks]]:
    """(site path, file, title, blocks) of every copy: `planned`, with what each holds."""
    if not ctx.wants("packs") or not ctx.kit.sessions:
        return []
    made = [(plan.id, plan.title, plan_blocks(ctx.kit, plan)) for plan in ctx.kit.sessions]
    made += [(t.id, t.title, template_blocks(t)) for t in session_templates(ctx.kit, ctx.options)]
    folder = Path(ctx.cache_dir) / FOLDER
    return [(template_docx(name), folder / f"{name}.docx", title, blocks) for name, title, blocks in made]


def write(ctx: BuildContext) -> list[tuple[str, Path]]:
    """Write every editable copy; returns `planned(ctx)`."""
    copies = _copies(ctx)
    if copies:
        copies[0][1].parent.mkdir(parents=True, exist_ok=True)
    for _, path, title, blocks in copies:
        write_docx(path, title, blocks)
    return [(site_path, path) for site_path, path, _, _ in copies]


@functools.cache
def _template() -> tuple[bytes, str, str, str]:
    """The template stored again without its document and core properties parts (each copy adds
    its own, and the rest is not compressed again for every copy), and those two parts split
    where each copy's blocks, title and author go."""
    parts = docx_template.parts(docx_template.TEMPLATE.read_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            if name not in (_DOCUMENT, _CORE):
                package.writestr(zipfile.ZipInfo(name, _STORED), data, compress_type=zipfile.ZIP_DEFLATED)
    document = dict(parts)[_DOCUMENT].decode("utf-8")
    end = document.index("<w:sectPr")
    return buffer.getvalue(), document[:end], document[end:], dict(parts)[_CORE].decode("utf-8")


_DOCUMENT, _CORE = "word/document.xml", "docProps/core.xml"
# Every part is stored with this time, so the same copy is the same bytes in every build.
_STORED = (2026, 1, 1, 0, 0, 0)


def write_docx(path: Path, title: str, blocks: Blocks) -> None:
    """A .docx of `blocks`: ["heading", text, level], ["para", text, style or None],
    ["labelled", label, text] (the label bold), ["table", columns, rows]."""
    base, head, tail, core = _template()
    buffer = io.BytesIO(base)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
        made = {_CORE: core.replace(docx_template.TITLE, escape(title)).replace(docx_template.AUTHOR, escape(AUTHOR)),
                _DOCUMENT: head + "".join(_xml(kind, *args) for kind, *args in blocks) + tail}
        for name, text in made.items():
            package.writestr(zipfile.ZipInfo(name, _STORED), text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(buffer.getvalue())
    os.replace(partial, path)


# python-docx's style ids for the style names the blocks use.
_STYLE_IDS = {"Title": "Title", "Heading 1": "Heading1", "Heading 2": "Heading2", "Heading 3": "Heading3",
              "List Bullet": "ListBullet", "List Number": "ListNumber"}


def _xml(kind: str, *args: Any) -> str:
    if kind == "heading":
        return _paragraph(_run(args[0]), "Title" if args[1] == 0 else f"Heading {args[1]}")
    if kind == "para":
        return _paragraph(_run(args[0]), args[1])
    if kind == "labelled":
        return _paragraph(_run(args[0], bold=True) + _run(args[1]), None)
    if kind == "table":
        return _table(*args)
    raise ValueError(f"no such block: {kind}")


def _paragraph(runs: str, style: str | None) -> str:
    styled = f'<w:pPr><w:pStyle w:val="{_STYLE_IDS[style]}"/></w:pPr>' if style else ""
    return f"<w:p>{styled}{runs}</w:p>"


def _run(text: str, *, bold: bool = False) -> str:
    # As python-docx's add_run: a tab and a line break are elements of their own.
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                space = ' xml:space="preserve"' if chunk != chunk.strip() else ""
                pieces.append(f"<w:t{space}>{escape(chunk)}</w:t>")
    return "<w:r>" + ("<w:rPr><w:b/></w:rPr>" if bold else "") + "".join(pieces) + "</w:r>"


# The width of the template's page between its margins, in twentieths of a point.
_TEXT_WIDTH = 8640


def _table(columns: list[str], rows: list[list[str]]) -> str:
    width = _TEXT_WIDTH // len(columns)
    cell = '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="' + str(width) + '"/></w:tcPr>{}</w:tc>'
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in columns)
    lines = "".join("<w:tr>" + "".join(cell.format(_paragraph(_run(text) if text else "", None)) for text in row)
                    + "</w:tr>" for row in [columns, *rows])
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
            f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{lines}</w:tbl>')
