"""Editable copies (.docx) of every session plan and every session template, so a facilitator can
add real times, the venue or a changed step in a word processor without touching YAML.

They are made from the same records as the pages and PDFs: the plan model (with the words
paper/sessions.py gives the pack) and content/session_templates.py. Each copy is described
here as a list of blocks; a worker process writes it with python-docx (worker.py), so the
build's own process goes on rendering pages. The tests open them again and read them back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.model import Kit, SessionPlan
from ..content.session_templates import Block, SessionTemplate, session_templates
from ..outputs import BuildContext
from ..vocabulary import SESSION_TEMPLATES, SOURCE_LABELS, TIMETABLE_COLUMNS, clock, template_docx
from . import workers
from .sessions import attendance_line, sequence_lines, shown_line

FOLDER = "editable"
FONT, SIZE = "Arial", 12
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
    if not ctx.wants("packs") or not ctx.kit.sessions:
        return []
    folder = Path(ctx.cache_dir) / FOLDER
    names = [plan.id for plan in ctx.kit.sessions] + [t.id for t in session_templates(ctx.kit, ctx.options)]
    return [(template_docx(name), folder / f"{name}.docx") for name in names]


def _copies(ctx: BuildContext) -> list[tuple[str, Path, str, Blocks]]:
    made = [(plan.title, plan_blocks(ctx.kit, plan)) for plan in ctx.kit.sessions]
    made += [(t.title, template_blocks(t)) for t in session_templates(ctx.kit, ctx.options)]
    return [(site_path, path, title, blocks)
            for (site_path, path), (title, blocks) in zip(planned(ctx), made, strict=False)]


def write(ctx: BuildContext) -> list[tuple[str, Path]]:
    """Write every editable copy (in the worker processes); returns `planned(ctx)`."""
    copies = _copies(ctx)
    if copies:
        copies[0][1].parent.mkdir(parents=True, exist_ok=True)
    futures = [workers.pool().submit("docx", {"out": str(path), "title": title, "author": AUTHOR, "font": FONT,
                                              "size": SIZE, "blocks": blocks})
               for _, path, title, blocks in copies]
    for future in futures:
        future.result()
    return [(site_path, path) for site_path, path, _, _ in copies]
