"""Editable copies (.docx) of every session plan and every session template, so a facilitator can
add real times, the venue or a changed step in a word processor without touching YAML.

They are made from the same records as the pages and PDFs: the plan model (with the words
paper/sessions.py gives the pack) and content/session_templates.py. python-docx writes them; the
tests open them again and read them back.
"""

from __future__ import annotations

import functools
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt

from ..content.model import Kit, SessionPlan
from ..content.session_templates import Block, SessionTemplate, session_templates
from ..outputs import BuildContext
from ..vocabulary import SESSION_TEMPLATES, SOURCE_LABELS, TIMETABLE_COLUMNS, clock, template_docx
from .sessions import attendance_line, sequence_lines, shown_line

FOLDER = "editable"


def _new(title: str, source: str) -> DocxDocument:
    document = Document()
    # python-docx finds a style by scanning every style for each paragraph: remembered per
    # document, the copies take a third less time, and they are on a cold build's critical path.
    part = document.part
    part.get_style_id = functools.cache(part.get_style_id)  # type: ignore[method-assign]
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12)
    document.core_properties.title = title
    document.core_properties.author = "User involvement kit"
    document.add_heading(title, level=0)
    document.add_paragraph(f"User involvement kit · {SOURCE_LABELS[source]}. Adapt it to your group.")
    return document


def _bullets(document: DocxDocument, heading: str, items: tuple[str, ...] | list[str]) -> None:
    if not items:
        return
    document.add_heading(heading, level=1)
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def plan_document(kit: Kit, plan: SessionPlan) -> DocxDocument:
    document = _new(plan.title, plan.source)
    document.add_paragraph(plan.summary)
    document.add_paragraph(f"Total time: {clock(plan.minutes)} ({plan.minutes} minutes), added up from "
                           f"{len(plan.steps)} steps.")
    _bullets(document, "Where this session sits in the sequence", sequence_lines(kit, plan))
    document.add_heading("Purpose", level=1)
    document.add_paragraph(plan.purpose)
    _bullets(document, "What the group will have at the end", plan.outcomes)
    _bullets(document, "Who to invite", plan.invite)
    if plan.attendance:
        document.add_paragraph(attendance_line(plan))
    _bullets(document, "Before the session", plan.pre_work)
    _bullets(document, "Room and access needs", plan.room)
    if plan.arrival:
        document.add_paragraph(f"Doors open {plan.arrival} minutes before the start, for arrival and tea; "
                               "that time is not counted in the timetable.")
    document.add_heading("Timetable", level=1)
    _table(document, list(TIMETABLE_COLUMNS),
           [[str(row.number), row.step.title, str(row.step.minutes), f"{clock(row.start)} to {clock(row.end)}", ""]
            for row in kit.schedule(plan)])
    document.add_heading("Steps", level=1)
    for row in kit.schedule(plan):
        step = row.step
        document.add_heading(f"{row.number}. {step.title} ({step.minutes} min)", level=2)
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
        for label, text in lines:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
    _bullets(document, "Templates for this session",
             [SESSION_TEMPLATES[name] for name in plan.materials if name in SESSION_TEMPLATES])
    return document


def _table(document: DocxDocument, columns: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, columns, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _block(document: DocxDocument, block: Block) -> None:
    kind = block["kind"]
    if kind == "heading":
        document.add_heading(block["text"], level=1)
    elif kind == "para":
        document.add_paragraph(block["text"])
    elif kind == "fields":
        for label in block["items"]:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run("_" * 40)
    elif kind == "checks":
        for label in block["items"]:
            document.add_paragraph(f"☐ {label}")
    elif kind == "table":
        _table(document, block["columns"], [*block["rows"], *([[""] * len(block["columns"])] * block["blank"])])
    elif kind == "slips":
        for text in [*block["items"], *[""] * block["blank"]]:
            document.add_paragraph(text or "_" * 40, style="List Number")
    elif kind == "labels":
        for big, small in block["items"]:
            document.add_heading(big, level=1)
            document.add_paragraph(small)


def template_document(template: SessionTemplate) -> DocxDocument:
    document = _new(template.title, "kit")
    for block in template.blocks:
        _block(document, block)
    return document


def write(ctx: BuildContext) -> list[tuple[str, Path]]:
    """(site path, file) of every editable copy; none when packs are off."""
    if not ctx.wants("packs") or not ctx.kit.sessions:
        return []
    folder = Path(ctx.cache_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    documents = [(plan.id, plan_document(ctx.kit, plan)) for plan in ctx.kit.sessions]
    documents += [(t.id, template_document(t)) for t in session_templates(ctx.kit, ctx.options)]
    for name, document in documents:
        path = folder / f"{name}.docx"
        document.save(str(path))
        made.append((template_docx(name), path))
    return made
