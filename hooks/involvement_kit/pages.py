"""Render the kit's records as Markdown pages, and place them in the navigation."""

from __future__ import annotations

import posixpath

from jinja2 import Environment, PackageLoader, StrictUndefined

from .model import Kit, Record
from .options import Options
from .prepared import Page
from .schema import BARRIER, ENABLER, LEADER_BEHAVIOUR, Kind
from .scoring import scoring_data

SOURCE_LABELS = {
    "report": "Research finding",
    "kit": "The kit's suggestion",
    "organisation": "Added by your organisation",
}
KIND_ICONS = {
    "enabler": "material-arrow-up-bold-circle-outline",
    "barrier": "material-alert-octagon-outline",
    "leader_behaviour": "material-account-star-outline",
}

_env = Environment(loader=PackageLoader("involvement_kit", "templates"), undefined=StrictUndefined,
                   keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)


def link(from_path: str, to_path: str) -> str:
    """Relative link between two docs paths, keeping any #anchor."""
    target, _, anchor = to_path.partition("#")
    rel = posixpath.relpath(target, posixpath.dirname(from_path) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def render_pages(kit: Kit, options: Options) -> list[Page]:
    pages = []
    for kind in (ENABLER, BARRIER):
        records = kit.of_kind(kind.name)
        pages.append(_overview(kind, records, options))
        pages.extend(_record_page(kit, r, options) for r in records)
    pages.append(_leadership(kit, options))
    pages.extend(_switched_off_page(r, options) for r in kit.switched_off if r.kind.name != "leader_behaviour")
    return pages


def nav_sections(kit: Kit) -> dict[str, list[tuple[str, str]]]:
    """For each generated section's index page, the pages listed under it."""
    return {f"{kind.folder}/index.md": [(r.title, r.page) for r in kit.of_kind(kind.name)]
            for kind in (ENABLER, BARRIER)}


def expand_nav(nav, sections: dict[str, list[tuple[str, str]]]):
    """Turn `- Enablers: enablers/index.md` into a section holding the index and every enabler page."""
    if nav is None:
        return None
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if isinstance(value, str) and value in sections:
                item = {title: [value] + [{t: p} for t, p in sections[value]]}
            elif isinstance(value, list):
                item = {title: expand_nav(value, sections)}
        out.append(item)
    return out


def _context(kit: Kit, options: Options, path: str) -> dict:
    return {"kit": kit, "options": options, "source_labels": SOURCE_LABELS, "icons": KIND_ICONS,
            "link": lambda to: link(path, to)}


def _record_page(kit: Kit, record: Record, options: Options) -> Page:
    related = [kit.get(i) for i in record.related]
    # The record's easy-read twin (easy_read_pages.easy_page), linked at the top of the page.
    easy_read = f"easy-read/{record.kind.folder}/{record.id}.md" if record.easy_read else ""
    text = _env.get_template("pages/record.md.j2").render(
        record=record, related=related, easy_read=easy_read, **_context(kit, options, record.page))
    return Page(record.page, record.title, text)


def _overview(kind: Kind, records, options) -> Page:
    path = f"{kind.folder}/index.md"
    text = _env.get_template(f"pages/{kind.folder}.md.j2").render(
        kind=kind, records=records, icons=KIND_ICONS, link=lambda to: link(path, to))
    return Page(path, kind.plural, text)


def _switched_off_page(record: Record, options: Options) -> Page:
    text = _env.get_template("pages/switched-off.md.j2").render(
        record=record, options=options, link=lambda to: link(record.page, to))
    return Page(record.page, record.title, text)


def _leadership(kit: Kit, options: Options) -> Page:
    path = f"{LEADER_BEHAVIOUR.folder}/index.md"
    text = _env.get_template("pages/leadership.md.j2").render(
        behaviours=kit.leader_behaviours, **_context(kit, options, path))
    return Page(path, "Leadership", text)


SCORING_DATA = "assets/kit/scoring-data.js"


def render_assets(kit: Kit, options: Options) -> list[tuple[str, str]]:
    """Scripts the build makes from the records: the scorer's statements and areas."""
    data = scoring_data(kit, options, page_url=lambda record: record.page.replace(".md", ".html"))
    return [(SCORING_DATA, _env.get_template("assets/scoring-data.js.j2").render(data=data))]
