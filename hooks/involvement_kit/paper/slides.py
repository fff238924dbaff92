"""Slides for each session plan, to show on a screen: one 16:9 PDF per plan.

A board or a workshop follows the plan on the wall: its purpose, the timetable, the report's two
kinds of involvement, ground rules to start from, then each step with its question in large type
(for people who cannot read the small print on a card), and what the session hands on. The
words come from the plan and its cards in the model, so the slides never differ from the page,
the pack or the cards. Slides are never printed in the pack: its checklist names them instead.

Text that does not fit on one slide runs onto the next page; the batch's check counts the pages
and names the plan and field whose text is too long, so it stops the build like any mistake.
"""

from __future__ import annotations

import json

from ..content.model import Activity, Kit, Record, SessionPlan
from ..content.options import Options
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import GROUND_RULES, SCALE, SOURCE_LABELS, clock, slides_pdf
from .briefing import REFERENCE
from .typesetting import Batch, Job, Json, Overflow

TEMPLATE = "slides.typ"
# Where the words of the slides every plan shares are written.
VOCABULARY = "hooks/involvement_kit/vocabulary.py"
# Lines of timetable on one slide at 24 pt, and the characters of a step's title on one line.
LINES_PER_SLIDE = 6
TITLE_CHARS = 34
# Body text on a slide: the long texts (purpose, ground rules) at the smallest size the rules allow.
LARGE, SMALL = 28, 24
# Lines of 24 pt text under a slide's heading, and the characters on one line: what the last
# slide holds before the sessions that follow move to a slide of their own.
BODY_LINES = 7
BODY_CHARS = 50
# A question in the largest type that holds it under its step's title: up to LONG_QUESTION
# characters at QUESTION_SIZES[0], longer ones (up to the schema's limits) at QUESTION_SIZES[1].
QUESTION_SIZES = (36, 30)
LONG_QUESTION = 110


def _slide(heading: str, where: tuple[str, str, str], *, kicker: str = "", paras: tuple[str, ...] = (),
           items: tuple[str, ...] = (), rows: tuple[tuple[str, str, str], ...] = (), question: str = "",
           label: str = "", size: int = LARGE) -> Json:
    """`where`: the (file, record, field) whose text the slide shows, named if it does not fit."""
    return {"heading": heading, "where": list(where), "kicker": kicker, "paras": list(paras), "items": list(items),
            "rows": [list(r) for r in rows], "question": question, "label": label, "size": size,
            "question_size": QUESTION_SIZES[len(question) > LONG_QUESTION],
            # Where a question is asked, it is what the room reads: the step's name steps back.
            "heading_size": 28 if question else 36}


def _body_lines(texts: tuple[str, ...]) -> int:
    return sum(max(1, -(-len(text) // BODY_CHARS)) for text in texts)


def _lines(title: str) -> int:
    return max(1, -(-len(title) // TITLE_CHARS))


def timetable_parts(table: list[tuple[str, str, str]]) -> list[list[tuple[str, str, str]]]:
    """The timetable's rows on as few slides as their lines need, shared out evenly (7 short
    steps: 4 and 3, not 6 and 1), counting a long step title as the lines it wraps onto."""
    total = sum(_lines(title) for _, title, _ in table)
    if not total:
        return []
    budget = -(-total // -(-total // LINES_PER_SLIDE))
    parts: list[list[tuple[str, str, str]]] = [[]]
    used = 0
    for row in table:
        if parts[-1] and used + _lines(row[1]) > budget:
            parts.append([])
            used = 0
        parts[-1].append(row)
        used += _lines(row[1])
    return parts


def _field(card: Record | Activity, users_only: bool) -> str:
    """Which field a card asks the room: an activity's invitation; a record's opening question, or in a
    room of users only its question for people who use services (the opening one speaks for the organisation)."""
    if isinstance(card, Activity):
        return "invitation"
    return "user_question" if users_only and card.user_question else "opening_question"


def card_question(card: Record | Activity, users_only: bool = False) -> str:
    """What a card asks the room (see `_field`)."""
    return str(getattr(card, _field(card, users_only)))


def _question_field(card: Record | Activity, users_only: bool = False) -> tuple[str, str, str]:
    return (card.file, card.id, _field(card, users_only))


def plan_slides(kit: Kit, plan: SessionPlan, options: Options) -> list[Json]:
    own = SOURCE_LABELS[plan.source] + (f" · {options.organisation}" if options.organisation else "")
    rows = kit.schedule(plan)
    users_only = {a.group for a in plan.attendance} == {"users"}

    def of(field: str) -> tuple[str, str, str]:
        return (plan.file, plan.id, field)

    slides = [_slide(plan.title, of("title"), paras=(f"{clock(plan.minutes)}, in {len(rows)} steps.",),
                     label=own),
              _slide("Why we are here", of("purpose"), paras=(plan.purpose,), label=own, size=SMALL)]
    if plan.input:
        slides.append(_slide("Where we start", of("input"), paras=(plan.input,), label=own))
    table = [(clock(r.start), r.step.title, clock(r.step.minutes)) for r in rows]
    parts = timetable_parts(table)
    for number, part in enumerate(parts, 1):
        more = f" ({number} of {len(parts)})" if len(parts) > 1 else ""
        slides.append(_slide(f"Timetable{more}", of("steps"), rows=tuple(part),
                             label=f"{clock(plan.minutes)} in all." if number == len(parts) else "", size=SMALL))
    slides.append(_slide("Two kinds of involvement", (VOCABULARY, "", "SCALE"), items=(SCALE[1].long, SCALE[2].long),
                         label=f"{SOURCE_LABELS['report']}. {REFERENCE}", size=SMALL))
    slides.append(_slide("Ground rules to start from", (VOCABULARY, "", "GROUND_RULES"), items=GROUND_RULES,
                         label=f"{SOURCE_LABELS['kit']}: change them or add to them together.", size=SMALL))
    for row in rows:
        step = row.step
        where = f"Step {row.number} of {len(rows)} · {clock(step.minutes)}"
        asked = [(card, card_question(card, users_only)) for card in row.cards if card_question(card, users_only)]
        if not asked:
            slides.append(_slide(step.title, of(f"steps[{row.number}].title"), kicker=where))
        for n, (card, question) in enumerate(asked, 1):
            kicker = where + (f" · question {n} of {len(asked)}" if len(asked) > 1 else "")
            slides.append(_slide(step.title, _question_field(card, users_only), kicker=kicker, question=question,
                                 label=f"Card: {card.title}"))
    _, after = kit.sequence(plan)
    nexts = tuple(f"Next: {p.title}, which starts from what we agree today." for p in after)
    output = (plan.output,) if plan.output else ()
    if _body_lines(output + nexts) <= BODY_LINES or not output or not nexts:
        slides.append(_slide("What happens next", of("output"), paras=output + nexts, size=SMALL))
    else:
        slides.append(_slide("What happens next (1 of 2)", of("output"), paras=output, size=SMALL))
        slides.append(_slide("What happens next (2 of 2)", of("follows"), paras=nexts, size=SMALL))
    return slides


def slides_data(kit: Kit, plan: SessionPlan, options: Options) -> Json:
    return {"id": plan.id, "title": plan.title, "slides": plan_slides(kit, plan, options)}


def overflow_problem(decks: dict[str, Json]) -> Overflow:
    """A slide that runs past its page (measured in slides.typ) -> the field to shorten."""
    def problem(found: dict[str, str]) -> Problem:
        data = decks[found.get("deck", "")]
        slide = data["slides"][int(found.get("slide", "0"))]
        file, record, field = slide["where"]
        return Problem(file, f"the text is too long for the slide '{slide['heading']}' of the session "
                       f"'{data['title']}'; shorten it", record=record, field=field)
    return problem


def batch(ctx: BuildContext) -> Batch | None:
    """One deck of slides per session plan, with the packs: slides are what a pack's session shows."""
    kit, options = ctx.kit, ctx.options
    if not ctx.wants("packs") or not kit.sessions:
        return None
    files: dict[str, bytes | str] = {}
    jobs, site, decks = [], {}, {}
    for plan in kit.sessions:
        data = slides_data(kit, plan, options)
        name = f"slides-{plan.id}.json"
        files[name] = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        job = Job(f"{plan.id}.pdf", TEMPLATE, {"data": name}, reads=(name,))
        jobs.append(job)
        site[job.output] = slides_pdf(plan.id)
        decks[plan.id] = data
    return Batch("slides", files, jobs, site, overflow_problem(decks))
