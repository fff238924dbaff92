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
from pathlib import Path

from ..content.model import Activity, Kit, Record, SessionPlan
from ..content.options import Options
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import GROUND_RULES, SCALE, SOURCE_LABELS, clock, slides_pdf
from .briefing import REFERENCE
from .typesetting import Batch, Check, Job, Json

TEMPLATE = "slides.typ"
# Timetable rows on one slide: more would fall under 24 pt or off the screen.
ROWS_PER_SLIDE = 6
# Body text on a slide: the long texts (purpose, ground rules) at the smallest size the rules allow.
LARGE, SMALL = 28, 24


def _slide(heading: str, field: str, *, kicker: str = "", paras: tuple[str, ...] = (),
           items: tuple[str, ...] = (), rows: tuple[tuple[str, str, str], ...] = (), question: str = "",
           label: str = "", size: int = LARGE) -> Json:
    return {"heading": heading, "field": field, "kicker": kicker, "paras": list(paras), "items": list(items),
            "rows": [list(r) for r in rows], "question": question, "label": label, "size": size}


def card_question(card: Record | Activity) -> str:
    """What a card asks the room: a record's opening question, an activity's invitation."""
    return card.invitation if isinstance(card, Activity) else card.opening_question


def _question_field(card: Record | Activity) -> str:
    return "invitation" if isinstance(card, Activity) else "opening_question"


def plan_slides(kit: Kit, plan: SessionPlan, options: Options) -> list[Json]:
    own = SOURCE_LABELS[plan.source] + (f" · {options.organisation}" if options.organisation else "")
    rows = kit.schedule(plan)
    slides = [_slide(plan.title, "title", kicker="Session slides",
                     paras=(f"{clock(plan.minutes)}, in {len(rows)} steps.", plan.summary), label=own, size=SMALL),
              _slide("Why we are here", "purpose", paras=(plan.purpose,), label=own, size=SMALL)]
    if plan.input:
        slides.append(_slide("Where we start", "input", paras=(plan.input,), label=own))
    table = [(clock(r.start), r.step.title, clock(r.step.minutes)) for r in rows]
    # As few timetable slides as the rows need, shared out evenly (7 steps: 4 and 3, not 6 and 1).
    count = -(-len(table) // ROWS_PER_SLIDE)
    size = -(-len(table) // count) if table else 0
    parts = [table[i:i + size] for i in range(0, len(table), size)] if table else []
    for number, part in enumerate(parts, 1):
        more = f" ({number} of {len(parts)})" if len(parts) > 1 else ""
        slides.append(_slide(f"Timetable{more}", "steps", rows=tuple(part),
                             label=f"{clock(plan.minutes)} in all." if number == len(parts) else "", size=SMALL))
    slides.append(_slide("Two kinds of involvement", "kinds", items=(SCALE[1].long, SCALE[2].long),
                         label=f"{SOURCE_LABELS['report']}. {REFERENCE}", size=SMALL))
    slides.append(_slide("Ground rules to start from", "ground_rules", items=GROUND_RULES,
                         label=f"{SOURCE_LABELS['kit']}: change them or add to them together.", size=SMALL))
    for row in rows:
        step = row.step
        where = f"Step {row.number} of {len(rows)} · {clock(step.minutes)}"
        asked = [(card, card_question(card)) for card in row.cards if card_question(card)]
        if not asked:
            slides.append(_slide(step.title, f"steps[{row.number}].title", kicker=where))
        for n, (card, question) in enumerate(asked, 1):
            kicker = where + (f" · question {n} of {len(asked)}" if len(asked) > 1 else "")
            slides.append(_slide(step.title, f"{card.id}: {_question_field(card)}", kicker=kicker, question=question,
                                 label=f"Card: {card.title}"))
    _, after = kit.sequence(plan)
    nexts = tuple(f"Next: {p.title}, which starts from what we agree today." for p in after)
    slides.append(_slide("What happens next", "output", paras=((plan.output,) if plan.output else ()) + nexts,
                         label=own, size=SMALL))
    return slides


def slides_data(kit: Kit, plan: SessionPlan, options: Options) -> Json:
    return {"title": plan.title, "id": plan.id, "file": plan.file, "slides": plan_slides(kit, plan, options)}


def _no_overflow(found: dict[str, str]) -> Problem:
    return Problem("kit", f"a slide does not fit: {found}")


_STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _flat(text: str) -> str:
    return " ".join(text.translate(_STRAIGHT).split())


def _page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [_flat(page.extract_text() or "") for page in PdfReader(path).pages]


def overflow_check(decks: dict[str, Json]) -> Check:
    """One page a slide: a page more means a text ran on; name the slide it ran from."""
    def check(job: Job, made: Path) -> list[Problem]:
        data = decks[job.output]
        slides, pages = data["slides"], _page_texts(made)
        if len(pages) == len(slides):
            return []
        # Pages follow slides until a page does not start the next slide: the one before ran on.
        index = 0
        for text in pages:
            if index < len(slides) and text.startswith(_flat(f"{slides[index]['kicker']} {slides[index]['heading']}")):
                index += 1
            else:
                break
        slide = slides[max(0, index - 1)]
        return [Problem(data["file"], f"the text is too long for one slide ('{slide['heading']}'); shorten it",
                        record=data["id"], field=slide["field"])]
    return check


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
        decks[job.output] = data
    return Batch("slides", files, jobs, site, _no_overflow, check=overflow_check(decks))
