"""Pages for session plans and activities: one page per plan, an overview, and the activities page.

Session plans and activities are the kit's suggestions, and every page says so. A plan's
length is `SessionPlan.minutes`, added up from its steps; the page shows each step's
minutes, the running clock and that total, so the three always agree.

A step's material written as "<title of an easy-read page> (easy read)" becomes a link to
that easy-read page when the site has easy-read pages.
"""

from __future__ import annotations

from ..content.model import Kit, SessionPlan
from ..content.options import Options
from ..outputs import BuildContext, Page, Rendered
from ..templating import render
from ..vocabulary import (
    ACTIVITIES_PAGE,
    EASY_READ_FILES,
    EASY_READ_MARK,
    EASY_READ_PAGES,
    SESSION_TEMPLATES,
    SESSIONS_INDEX,
    card_pdf,
    download,
    pack_pdf,
    slides_pdf,
    template_docx,
    template_pdf,
)
from .pages import links_from


def _easy_read_titles() -> dict[str, str]:
    """Easy-read page title (lower case, without 'Easy read: ') -> its docs path."""
    return {title.lower().removeprefix("easy read: "): path for path, _, title, _, _ in EASY_READ_PAGES}


def easy_read_link(material: str, options: Options) -> str:
    """The docs path of the easy-read page a material names, or ''."""
    if "easy-read" not in options.outputs or not material.endswith(EASY_READ_MARK):
        return ""
    return _easy_read_titles().get(material.removesuffix(EASY_READ_MARK).strip().lower(), "")


def _context(kit: Kit, options: Options, path: str) -> dict[str, object]:
    return {"kit": kit, "options": options, "link": links_from(path),
            "cards_on": "cards" in options.outputs, "packs_on": "packs" in options.outputs,
            "easy_read_on": "easy-read" in options.outputs,
            "easy_templates_pdf": download(EASY_READ_FILES["templates"]),
            "card_pdf": card_pdf, "template_pdf": template_pdf, "template_docx": template_docx,
            "slides_pdf": slides_pdf,
            "easy_read_link": lambda m: easy_read_link(m, options)}


def session_page(kit: Kit, plan: SessionPlan, options: Options) -> Page:
    cards = kit.plan_cards(plan)
    easy_read = [(m, easy_read_link(m, options)) for step in plan.steps for m in step.materials
                 if easy_read_link(m, options)]
    packs = [(paper, pack_pdf(plan.id, paper)) for paper in options.pack_papers]
    before, after = kit.sequence(plan)
    text = render(
        "pages/session.md.j2", plan=plan, record=plan, rows=kit.schedule(plan), cards=cards, easy_read=easy_read,
        packs=packs, before=before, after=after, templates=SESSION_TEMPLATES,
        **_context(kit, options, plan.page))
    return Page(plan.page, plan.title, text)


def sessions_index(kit: Kit, options: Options) -> Page:
    text = render("pages/sessions.md.j2", plans=kit.sessions, **_context(kit, options, SESSIONS_INDEX))
    return Page(SESSIONS_INDEX, "Session plans", text)


def activities_page(kit: Kit, options: Options) -> Page:
    used_in = {a.id: [p for p in kit.sessions if any(a.id in s.cards for s in p.steps)] for a in kit.activities}
    present = {r.id for r in kit.records}
    related = {a.id: [kit.get(i) for i in a.related if i in present] for a in kit.activities}
    text = render("pages/activities.md.j2", activities=kit.activities, used_in=used_in, related=related,
                  **_context(kit, options, ACTIVITIES_PAGE))
    return Page(ACTIVITIES_PAGE, "Activities", text)


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
    return {SESSIONS_INDEX: [(p.title, p.page) for p in kit.sessions]
            + ([("Activities", ACTIVITIES_PAGE)] if kit.activities else [])}


def render_web(ctx: BuildContext) -> Rendered:
    return Rendered(tuple(render_session_pages(ctx.kit, ctx.options)), session_nav(ctx.kit))
