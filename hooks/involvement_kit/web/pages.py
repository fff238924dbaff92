"""The kit's records as Markdown pages: one page per enabler and barrier, their overviews,
the leadership page, and short pages where a record was switched off."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable

from ..content.model import Kit, Record
from ..content.options import Options
from ..content.schema import BARRIER, ENABLER, Kind
from ..outputs import BuildContext, Page, Rendered
from ..templating import render
from ..vocabulary import LEADERSHIP_PAGE, PRINT_PAGE, easy_read_page, overview_page


def link(from_path: str, to_path: str) -> str:
    """Relative link between two docs paths, keeping any #anchor."""
    target, _, anchor = to_path.partition("#")
    rel = _relative(target, posixpath.dirname(from_path) or ".")
    return rel + (f"#{anchor}" if anchor else "")


# The pages link between a few dozen paths thousands of times; relpath makes both absolute each time.
_relative = functools.lru_cache(maxsize=4096)(posixpath.relpath)


def links_from(path: str) -> Callable[[str], str]:
    return lambda to: link(path, to)


def render_pages(kit: Kit, options: Options) -> list[Page]:
    pages = []
    for kind in (ENABLER, BARRIER):
        records = kit.of_kind(kind.name)
        pages.append(_overview(kind, records))
        pages.extend(_record_page(kit, r, options) for r in records)
    pages.append(_leadership(kit, options))
    pages.extend(_switched_off_page(r, options) for r in kit.switched_off if r.kind.name != "leader_behaviour")
    return pages


def nav_sections(kit: Kit) -> dict[str, list[tuple[str, str]]]:
    """For each generated section's index page, the pages listed under it."""
    return {overview_page(kind.folder): [(r.title, r.page) for r in kit.of_kind(kind.name)]
            for kind in (ENABLER, BARRIER)}


def _record_page(kit: Kit, record: Record, options: Options) -> Page:
    related = [kit.get(i) for i in record.related]
    # The record's easy-read twin, linked at the top of the page.
    easy_read = easy_read_page(record.kind.name, record.kind.folder, record.id) if record.easy_read else ""
    text = render("pages/record.md.j2", record=record, related=related, easy_read=easy_read, kit=kit,
                  options=options, link=links_from(record.page))
    return Page(record.page, record.title, text)


def _overview(kind: Kind, records: tuple[Record, ...]) -> Page:
    path = overview_page(kind.folder)
    text = render(f"pages/{kind.folder}.md.j2", kind=kind, records=records, link=links_from(path))
    return Page(path, kind.plural, text)


def _switched_off_page(record: Record, options: Options) -> Page:
    text = render("pages/switched-off.md.j2", record=record, options=options, link=links_from(record.page))
    return Page(record.page, record.title, text, in_nav=False)


def _leadership(kit: Kit, options: Options) -> Page:
    path = LEADERSHIP_PAGE
    text = render("pages/leadership.md.j2", behaviours=kit.leader_behaviours, kit=kit, options=options,
                  link=links_from(path))
    return Page(path, "Leadership", text)


def print_page_without_cards(options: Options) -> Page:
    """When cards are switched off, the hand-written print page (which links every deck) is
    replaced by a short page at the same address, so no link points at a file that is not made."""
    text = render("pages/print-cards-off.md.j2", options=options, link=links_from(PRINT_PAGE))
    return Page(PRINT_PAGE, "Print the cards", text)


def render_web(ctx: BuildContext) -> Rendered:
    """The record pages and their place in the navigation."""
    pages = render_pages(ctx.kit, ctx.options)
    if not ctx.wants("cards"):
        pages.append(print_page_without_cards(ctx.options))
    return Rendered(tuple(pages), nav_sections(ctx.kit))
