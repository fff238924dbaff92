"""What a session plan prints beyond its timetable: its place in the sequence, who comes, the
arrival time, the templates it uses, and for each step what is shown, what to cut and what to
do when it goes wrong. The pack (packs.py) and the editable copies read the same words."""

from __future__ import annotations

from ..content.model import Kit, SessionPlan, Step
from ..vocabulary import DISCLOSURE_THRESHOLD, SESSION_GROUPS, SESSION_TEMPLATES
from .typesetting import Json


def attendance_line(plan: SessionPlan) -> str:
    """'At least 6 people who use services and 6 staff. No group smaller than 3 ...', or ''."""
    if not plan.attendance:
        return ""
    parts = [f"{a.at_least} {SESSION_GROUPS[a.group]}" for a in plan.attendance]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (f"At least {joined}. No group smaller than {DISCLOSURE_THRESHOLD} has its scores shown, "
            "marked or coloured in the room.")


def sequence_lines(kit: Kit, plan: SessionPlan) -> list[str]:
    before, after = kit.sequence(plan)
    lines = []
    if before:
        lines.append(f"Comes after: {before.title}.")
    if plan.input:
        lines.append(f"Starts from: {plan.input}")
    if plan.output:
        lines.append(f"Hands on: {plan.output}")
    lines.extend(f"Comes before: {p.title}, which starts from this session's output." for p in after)
    return lines


def session_extras(kit: Kit, plan: SessionPlan) -> Json:
    return {"sequence": sequence_lines(kit, plan), "attendance": attendance_line(plan),
            "arrival": (f"Doors open {plan.arrival} minutes before the start, for arrival and tea; "
                        "that time is not counted in the timetable.") if plan.arrival else "",
            "templates": [SESSION_TEMPLATES[name] for name in plan.materials if name in SESSION_TEMPLATES]}


def shown_line(step: Step) -> str:
    if not step.shows:
        return ""
    groups = " and ".join(SESSION_GROUPS[g] for g in step.shows if g in SESSION_GROUPS)
    return f"the combined result for {groups} only, never one person's score."


def session_step(step: Step) -> Json:
    return {"is_break": step.is_break, "shows": shown_line(step), "collated_by": step.collated_by,
            "if_short": step.if_short, "if_wrong": step.if_wrong}
