"""The briefing for trustees as a web page, from the same record as its PDF (kit/trustee-briefing.yml)."""

from __future__ import annotations

import json

from ..content.model import Briefing
from ..outputs import BuildContext, Page, Rendered
from ..templating import render
from ..vocabulary import BRIEFING_PAGE, BRIEFING_STEMS, DOWNLOADS, PAPER_NAMES, briefing_pdf
from .pages import link


def href(address: str) -> str:
    """A link as the page needs it: a kit page relative to this one, any other address as written."""
    return link(BRIEFING_PAGE, address) if address.endswith(".md") or ".md#" in address else address


def render_briefing(briefing: Briefing, paper: str = "a4") -> Page:
    text = render("pages/trustees.md.j2", briefing=briefing, href=href,
                  # JSON is valid YAML, so any title or description is safe in the front matter.
                  front_matter={"title": json.dumps(briefing.title, ensure_ascii=False),
                                "description": json.dumps(briefing.description, ensure_ascii=False)},
                  paper_name=PAPER_NAMES[paper],
                  downloads={name: link(BRIEFING_PAGE, f"{DOWNLOADS}/{briefing_pdf(name, paper)}")
                             for name in BRIEFING_STEMS})
    return Page(BRIEFING_PAGE, briefing.title, text.rstrip() + "\n")


def render_web(ctx: BuildContext) -> Rendered:
    """The briefing page, when the kit has a briefing; it stands in for any hand-written page at that address."""
    return Rendered((render_briefing(ctx.briefing, ctx.options.paper),)) if ctx.briefing is not None else Rendered()
