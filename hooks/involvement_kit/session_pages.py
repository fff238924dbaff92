"""Pages for session plans and activities: one page per plan, an overview, and the activities page.

Session plans and activities are the kit's suggestions, and every page says so. A plan's
length is `SessionPlan.minutes`, added up from its steps; the page shows each step's
minutes, the running clock and that total, so the three always agree.

A step's material written as "<title of an easy-read page> (easy read)" becomes a link to
that easy-read page when the site has easy-read pages.
"""

from __future__ import annotations

from .cards import CARD_ICONS
from .easy_read_pages import TEMPLATE_PAGES as EASY_READ_PAGES
from .model import Activity, Kit, SessionPlan
from .options import Options
from .pages import SOURCE_LABELS, Page, _env, link
from .printing import card_pdf

FOLDER = "sessions"
INDEX = f"{FOLDER}/index.md"
ACTIVITIES = "activities/index.md"
ICONS = {**CARD_ICONS, "session": "material-calendar-clock"}
EASY_READ_MARK = " (easy read)"
PACKS = "downloads/packs"


def pack_papers(options: Options) -> tuple[str, ...]:
    """A pack is made on the organisation's own paper only: it bundles files that exist in both
    sizes, and each pack is the slowest thing the build makes."""
    return (options.paper,)


def pack_pdf(session_id: str, paper: str) -> str:
    """Site path of a session's print pack."""
    return f"{PACKS}/{session_id}-{paper}.pdf"


def _easy_read_titles() -> dict[str, str]:
    """Easy-read page title (lower case, without 'Easy read: ') -> its docs path."""
    return {title.lower().removeprefix("easy read: "): path for path, _, title, _, _ in EASY_READ_PAGES}


def easy_read_link(material: str, options: Options) -> str:
    """The docs path of the easy-read page a material names, or ''."""
    if "easy-read" not in options.outputs or not material.endswith(EASY_READ_MARK):
        return ""
    return _easy_read_titles().get(material.removesuffix(EASY_READ_MARK).strip().lower(), "")


def clock(minutes: int) -> str:
    """90 -> '1 h 30 min'; 45 -> '45 min'."""
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" + (f" {mins:02d} min" if mins else "")


def _cards_by_id(kit: Kit) -> dict:
    return {r.id: r for r in kit.records} | {a.id: a for a in kit.activities}


def schedule(plan: SessionPlan, kit: Kit | None = None) -> list[dict]:
    """Each step with its start and end, counted from 0 minutes, and the cards it uses."""
    by_id = _cards_by_id(kit) if kit is not None else {}
    rows, start = [], 0
    for number, step in enumerate(plan.steps, 1):
        rows.append({"number": number, "step": step, "start": start, "end": start + step.minutes,
                     "cards": [by_id[c] for c in step.cards if c in by_id]})
        start += step.minutes
    return rows


def plan_cards(kit: Kit, plan: SessionPlan) -> list:
    """The records and activities the plan's steps use, in order of first use, each once."""
    by_id = _cards_by_id(kit)
    seen, out = set(), []
    for step in plan.steps:
        for card_id in step.cards:
            if card_id not in seen and card_id in by_id:
                seen.add(card_id)
                out.append(by_id[card_id])
    return out


def _context(kit: Kit, options: Options, path: str) -> dict:
    return {"kit": kit, "options": options, "source_labels": SOURCE_LABELS, "icons": ICONS,
            "link": lambda to: link(path, to), "clock": clock,
            "cards_on": "cards" in options.outputs, "packs_on": "packs" in options.outputs,
            "card_pdf": card_pdf, "easy_read_link": lambda m: easy_read_link(m, options)}


def session_page(kit: Kit, plan: SessionPlan, options: Options) -> Page:
    cards = plan_cards(kit, plan)
    easy_read = [(m, easy_read_link(m, options)) for step in plan.steps for m in step.materials
                 if easy_read_link(m, options)]
    packs = [(paper, pack_pdf(plan.id, paper)) for paper in pack_papers(options)]
    text = _env.get_template("pages/session.md.j2").render(
        plan=plan, record=plan, rows=schedule(plan, kit), cards=cards, easy_read=easy_read, packs=packs,
        **_context(kit, options, plan.page))
    return Page(plan.page, plan.title, text)


def sessions_index(kit: Kit, options: Options) -> Page:
    text = _env.get_template("pages/sessions.md.j2").render(plans=kit.sessions, **_context(kit, options, INDEX))
    return Page(INDEX, "Session plans", text)


def activities_page(kit: Kit, options: Options) -> Page:
    used_in = {a.id: [p for p in kit.sessions if any(a.id in s.cards for s in p.steps)] for a in kit.activities}
    present = {r.id for r in kit.records}
    related = {a.id: [kit.get(i) for i in a.related if i in present] for a in kit.activities}
    text = _env.get_template("pages/activities.md.j2").render(
        activities=kit.activities, used_in=used_in, related=related, **_context(kit, options, ACTIVITIES))
    return Page(ACTIVITIES, "Activities", text)


def render_session_pages(kit: Kit, options: Options) -> list[Page]:
    """The plans' pages and their overview, and the activities page, when there are any."""
    pages = []
    if kit.sessions:
        pages.append(sessions_index(kit, options))
        pages.extend(session_page(kit, plan, options) for plan in kit.sessions)
    if kit.activities:
        pages.append(activities_page(kit, options))
    return pages


def session_nav(kit: Kit) -> dict[str, list[tuple[str, str]]]:
    """`- Session plans: sessions/index.md` expands into the overview and one page per plan."""
    if not kit.sessions:
        return {}
    return {INDEX: [(p.title, p.page) for p in kit.sessions] + ([("Activities", ACTIVITIES)] if kit.activities else [])}
