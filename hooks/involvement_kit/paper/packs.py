"""Print packs: for each session plan, one PDF with exactly what the session needs on paper.

A pack opens with a contents page (each part's pages and how to print them), then holds the
plan (with its timetable and facilitator notes), the cards its steps use in the deck's
two-sided layout, the easy-read pages and cards it names, the scoring sheets and the templates
(agenda, sign-in sheet, action sheet ...) the plan lists, and ends with a checklist of every
material the plan's steps name. A plan that uses easy-read pages gets the easy-read version of each
template users see (easy-read-templates.typ) in place of the standard one. Typst makes each pack
as one document from the same templates as the deck (card.typ, layouts.typ), the sheets
(scoring-sheet.typ) and the session templates (session-template.typ), so a pack never differs from
the files printed on their own. Every part starts on an odd page, so the pack can be printed
two-sided as one job.

Packs are dated with the build date (or SOURCE_DATE_EPOCH, for reproducible builds) and
numbered "Page N of M". Like the decks, they are cached under a hash of every input.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from ..content.model import Activity, Kit, Record, SessionPlan
from ..content.options import Options
from ..outputs import BuildContext
from ..vocabulary import (
    EASY_READ_TEMPLATES,
    PACKS,
    SESSION_TEMPLATES,
    SETS,
    SOURCE_LABELS,
    TIMETABLE_COLUMNS,
    clock,
    slides_pdf,
)
from . import easy_read
from .cards import activity_card, card, card_files, index_cards, measure_job, overflow_problem
from .sessions import session_extras, session_step
from .sheets import sheet_files
from .typesetting import Batch, Job, Json
from .worksheets import worksheet_files

PACK = "pack.typ"
# Every card the packs print, for their measure (typesetting.Batch.measure).
MEASURED_CARDS = "pack-cards.json"
# How to print each kind of part, on the contents page.
PRINT_PLAIN = "Two-sided, flip on long edge, on plain paper."
PRINT_CARDS = ("Two-sided, flip on long edge, at actual size (100%), on card (about 200 gsm). "
               "Cut on the marks.")
PRINT_SHEET = "Two-sided, flip on long edge, on plain paper: one copy for each person who scores."
PRINT_EASY_CARDS = "One side, at actual size (100%), on card. Cut round each card."
PRINT_EASY_PAGE = "One side or two-sided, on plain paper; enlarge to A3 for anyone who wants larger print."
PRINT_CHECKLIST = "One side, on plain paper: tick each thing off as you pack it."
# Most templates print like the plan; these few are cut, pinned up or handed round.
PRINT_TEMPLATE = {
    "sign-in": "One side, on plain paper: one for the door, to count who came by role.",
    "consent-slip": "One side, on plain paper: one slip for each person.",
    "example-slips": "One side, on plain paper: one set for each table. Cut on the dashed lines.",
    "sorting-line-labels": "One side, on card or thick paper; one set for the room, enlarged to A3 if you like.",
    "presence-grid": "One side, on plain paper; enlarge to A3 to fill in with the group.",
    "spread-chart": "One side, on plain paper; enlarge to A3 for the wall.",
    "structure-chart": "One side, on plain paper; enlarge to A3 for the wall.",
}
PRINT_TEMPLATE_COPIES = "Two-sided, flip on long edge, on plain paper: as many copies as the session needs."
PRINT_EASY_TEMPLATE = ("One side or two-sided, on plain paper: as many copies as the session needs; enlarge "
                       "to A3 for anyone who wants larger print.")
# A plan names an easy-read page among a step's materials as "<its title> (easy read)".
EASY_READ_MATERIAL = " (easy read)"


def _plain_title(title: str) -> str:
    return title.lower().removeprefix("easy read:").strip()


def plan_materials(plan: SessionPlan) -> list[str]:
    """Every material the plan's steps list, in order of first use, each once."""
    return list(dict.fromkeys(m for step in plan.steps for m in step.materials))


def plan_easy_read_pages(kit: Kit, plan: SessionPlan) -> list[str]:
    """The easy-read pages the plan's materials name, by id, in order of first use."""
    by_title = {_plain_title(page.title): page.id for page in kit.easy_read_pages}
    named = [m.removesuffix(EASY_READ_MATERIAL) for m in plan_materials(plan) if m.endswith(EASY_READ_MATERIAL)]
    return [by_title[_plain_title(name)] for name in named if _plain_title(name) in by_title]


def build_date(today: dt.date | None = None) -> str:
    """'26 November 2026': SOURCE_DATE_EPOCH when set, so a reproducible build prints the same date."""
    if today is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        today = (dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch and epoch.isdigit()
                 else dt.date.today())
    return f"{today.day} {today:%B %Y}"


def _card_data(item: Record | Activity, kit: Kit, options: Options) -> Json:
    return activity_card(item, kit, options) if isinstance(item, Activity) else card(item, kit, options)


def build_pack(kit: Kit, plan: SessionPlan, options: Options, date: str) -> Json:
    cards = [_card_data(item, kit, options) for item in kit.plan_cards(plan)]
    easy_pages = plan_easy_read_pages(kit, plan) if "easy-read" in options.outputs else []
    # A session that uses easy-read pages uses the easy-read cards too, where a card has them.
    # A session run in easy read gets the easy-read card of each record and activity its steps use.
    easy_cards = [c.id for c in kit.plan_cards(plan) if easy_pages and c.easy_read]
    sheets = [name for name in plan.sheets if name in SETS] if kit.statements else []
    steps = []
    for row in kit.schedule(plan):
        step = row.step
        steps.append({"number": row.number, "title": step.title, "minutes": step.minutes,
                      "start_clock": clock(row.start), "end_clock": clock(row.end),
                      "cards": [c.title for c in row.cards], "materials": list(step.materials),
                      "notes": step.notes, **session_step(step)})
    titles = {page.id: page.title for page in kit.easy_read_pages}
    # A session run in easy read hands its users the easy-read version of each template they read
    # or fill in, in place of the standard one (which stays a download on the plan's page).
    easy_templates = [name for name in plan_templates(plan) if name in EASY_READ_TEMPLATES] if easy_pages else []
    templates = [name for name in plan_templates(plan) if name not in easy_templates]
    sections = pack_sections(cards, sheets, easy_cards, [(p, titles[p]) for p in easy_pages], templates,
                             easy_templates)
    return {**_pack_data(kit, plan, options, date, steps, cards, sheets), "easy_cards": easy_cards,
            # The cards open with their index, as the deck does, on card slots of their own.
            "index_cards": index_cards(cards, kit, options, "pack"),
            "easy_pages": easy_pages, "templates": templates, "easy_templates": easy_templates, "sections": sections,
            "checklist": pack_checklist(kit, plan, sections, cards)}


def plan_templates(plan: SessionPlan) -> list[str]:
    """The templates the plan names (an agenda, a sign-in sheet ...), by id, in the plan's order."""
    return [name for name in dict.fromkeys(plan.materials) if name in SESSION_TEMPLATES]


def pack_checklist(kit: Kit, plan: SessionPlan, sections: list[Json], cards: list[Json]) -> list[Json]:
    """Everything the session needs, to tick off when packing: what this pack prints (each with the
    part it is in, so the template can give its pages), then what the plan's steps ask to bring."""
    printed: list[Json] = []
    for part in sections:
        key = part["key"]
        if key == "cards":
            printed += [{"what": f"Card: {c['title']}", "part": key} for c in cards]
        elif key not in ("contents", "checklist"):
            printed.append({"what": part["what"].removesuffix("."), "part": key})
    in_pack = {_plain_title(m.removesuffix(EASY_READ_MATERIAL)) for m in plan_materials(plan)
               if m.endswith(EASY_READ_MATERIAL)} & {_plain_title(p.title) for p in kit.easy_read_pages}
    bring = [m for m in plan_materials(plan)
             if not (m.endswith(EASY_READ_MATERIAL) and _plain_title(m.removesuffix(EASY_READ_MATERIAL)) in in_pack)]
    # The slides are shown, never printed: the pack names them so they are not forgotten.
    shown = [{"what": f"The slides for this session, from its page on the kit's site ({slides_pdf(plan.id)}), "
                      "and a screen or projector to show them", "part": ""}]
    return [{"heading": "Printed in this pack", "items": printed},
            {"heading": "Also named in the plan's steps", "items": [{"what": m, "part": ""} for m in bring]},
            {"heading": "To show on a screen", "items": shown}]


def pack_sections(cards: list[Json], sheets: list[str], easy_cards: list[str] | None = None,
                  easy_pages: list[tuple[str, str]] | None = None,
                  templates: list[str] | None = None, easy_templates: list[str] | None = None) -> list[Json]:
    """The parts of a pack in print order: what each is, how to print it, and the labels the
    template leaves at its first and last page."""
    def part(key: str, what: str, how: str, start: str | None = None, end: str | None = None) -> Json:
        return {"key": key, "what": what, "how": how,
                "start": start or f"pack-{key}", "end": end or f"pack-{key}-end"}

    sections = [part("contents", "This contents page.", "On plain paper; keep it with the pack."),
                part("plan", "The plan, with its timetable and notes for the facilitator.", PRINT_PLAIN)]
    if cards:
        sections.append(part("cards", f"{len(cards)} cards and their index: fronts on odd pages, each back on "
                             "the next page.", PRINT_CARDS))
    if easy_cards:
        sections.append(part("easy-cards", f"{len(easy_cards)} easy-read cards.", PRINT_EASY_CARDS))
    for page_id, title in easy_pages or []:
        sections.append(part(f"easy-{page_id}", f"Easy read: {_plain_title(title)}.", PRINT_EASY_PAGE))
    for name in easy_templates or []:
        title = EASY_READ_TEMPLATES[name].lower()
        sections.append(part(f"easy-template-{name}", f"Easy read: {title}" + ("" if title.endswith("?") else "."),
                             PRINT_EASY_TEMPLATE))
    for name in sheets:
        sections.append(part(f"sheet-{name}", f"The {SETS[name].lower()} scoring sheet.", PRINT_SHEET,
                             start=f"kit-sheet-{name}", end=f"kit-sheet-end-{name}"))
    for name in templates or []:
        sections.append(part(f"template-{name}", f"Template: {SESSION_TEMPLATES[name]}.",
                             PRINT_TEMPLATE.get(name, PRINT_TEMPLATE_COPIES),
                             start=f"kit-template-{name}", end=f"kit-template-end-{name}"))
    sections.append(part("checklist", "Materials checklist: everything the session needs, to tick off.",
                         PRINT_CHECKLIST))
    return sections


def _pack_data(kit: Kit, plan: SessionPlan, options: Options, date: str, steps: list[Json],
               cards: list[Json], sheets: list[str]) -> Json:
    return {
        "version": kit.version,
        "date": date,
        "organisation": options.organisation,
        "url": options.page_url(plan.page),
        "plan": {
            "id": plan.id, "title": plan.title, "summary": plan.summary, "purpose": plan.purpose,
            "outcomes": list(plan.outcomes), "invite": list(plan.invite), "pre_work": list(plan.pre_work),
            "room": list(plan.room), "minutes": plan.minutes, "total_clock": clock(plan.minutes),
            "source_label": SOURCE_LABELS[plan.source], "steps": steps, **session_extras(kit, plan),
            "timetable_columns": list(TIMETABLE_COLUMNS),
        },
        "cards": cards,
        "sheets": sheets,
    }


def _json(data: Json) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def batch(ctx: BuildContext, date: str | None = None) -> Batch | None:
    """One pack per session plan, on the organisation's paper; none when packs are off."""
    kit, options = ctx.kit, ctx.options
    if not ctx.wants("packs") or not kit.sessions:
        return None
    date = date or ctx.date or build_date()
    packs = {plan.id: build_pack(kit, plan, options, date) for plan in kit.sessions}
    every_card = {c["id"]: c for pack in packs.values() for c in pack["index_cards"] + pack["cards"]}
    # A card's measure is kept by its id: the same id must be the same card in every pack.
    if any(c != every_card[c["id"]] for pack in packs.values() for c in pack["cards"]):
        raise RuntimeError("two packs print different cards under one id")
    files = card_files(ctx, list(every_card.values()))
    if kit.statements:
        files.update(sheet_files(kit, options))
    if any(pack["templates"] for pack in packs.values()):
        files.update(worksheet_files(ctx))
    easy_pages = list(dict.fromkeys(p for pack in packs.values() for p in pack["easy_pages"]))
    if easy_pages or any(pack["easy_cards"] for pack in packs.values()):
        easy_data, pictures = easy_read.pack_material(ctx, easy_pages)
        files["easy-read.json"] = _json(easy_data)
        files.update(pictures)
    jobs = []
    for plan_id, pack in packs.items():
        files[f"pack-{plan_id}.json"] = _json(pack)
        # A pack is remade only when something it prints changed: its plan, its cards, its sheets.
        reads = [f"pack-{plan_id}.json"] + [name for name in files if name.startswith("icons/")]
        reads += [f"qr/{c['id']}.svg" for c in pack["index_cards"] + pack["cards"] if f"qr/{c['id']}.svg" in files]
        reads += [c["picture"] for c in pack["cards"] if c["picture"]]
        reads += [f"sheet-{name}.json" for name in pack["sheets"]]
        reads += [f"worksheet-{name}.json" for name in pack["templates"]]
        if pack["easy_pages"] or pack["easy_cards"]:
            reads += ["easy-read.json"] + [name for name in files if name.startswith("pictures/")]
        for paper in options.pack_papers:
            jobs.append(Job(f"{plan_id}-{paper}.pdf", PACK, {"data": f"pack-{plan_id}.json", "paper": paper},
                            reads=tuple(reads), gathers=True, checks=False))
    # Every pack's cards measured once (each pack's index cards are its own, so all are listed).
    # The deck's build checks that every face fits; the packs check their own only when there is no deck.
    files[MEASURED_CARDS] = _json({"cards": [c for pack in packs.values() for c in pack["index_cards"]]
                                   + [c for c in every_card.values() if c["kind"] != "index"]})
    measure = measure_job(MEASURED_CARDS, check="cards" not in options.outputs)
    return Batch("packs", files, jobs, {job.output: f"{PACKS}/{job.output}" for job in jobs},
                 overflow_problem(every_card), measure=measure)
