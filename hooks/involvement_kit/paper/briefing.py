"""Print-ready A4 PDFs of the trustee briefing and the leadership checklist, dated and
page-numbered, for a chair to put in the board papers.

The briefing comes from the same checked record as its web page (kit/trustee-briefing.yml),
handed to Typst as JSON, so no text needs escaping; what is only for the screen ("More:"
pointers to other pages) is left out; links keep their words, followed by their printed address
(a paper reader cannot click). The checklist is made
from the leader behaviour records.
"""

from __future__ import annotations

import json

from ..content.model import Briefing, BriefingBlock, Kit, Run
from ..content.options import Options
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import BRIEFING_PAGE, LEADERSHIP_PAGE, briefing_pdf, download
from .packs import build_date
from .typesetting import Batch, Job, Json

TEMPLATE = "briefing.typ"
REFERENCE = ("Robson, P., Begum, N. and Locke, M. (2003) Increasing user involvement in voluntary "
             "organisations. York: Joseph Rowntree Foundation.")


def _address(link: str, options: Options | None) -> str:
    if link.startswith(("http://", "https://")):
        address = link
    elif options is not None and options.public_url:
        address = options.page_url(link)
    else:
        return ""
    return address.removeprefix("https://").removeprefix("http://")


def _runs(runs: tuple[Run, ...], options: Options | None) -> list[Json]:
    out: list[Json] = []
    for run in runs:
        out.append({"text": run.text, "strong": run.strong})
        address = _address(run.link, options) if run.link else ""
        if address:
            out.append({"text": f" ({address})", "strong": False})
    return out


def _block(block: BriefingBlock, options: Options | None) -> Json:
    if block.kind in ("paragraph", "suggestion"):
        return {"type": "para" if block.kind == "paragraph" else "note", "runs": _runs(block.runs, options)}
    items = [_runs(item, options) for item in block.items]
    if block.kind == "box":
        return {"type": "box", "title": block.title, "items": items}
    return {"type": "list", "numbered": block.kind == "numbered", "items": items}


def briefing_blocks(briefing: Briefing, options: Options | None = None) -> list[Json]:
    """The briefing as Typst reads it: headings, paragraphs, notes, lists and boxes, screen-only parts left out.
    With `options`, every link is followed by the address it has online."""
    out = [_block(b, options) for b in briefing.intro if not b.screen_only]
    for section in briefing.sections:
        out.append({"type": "heading", "level": 2, "text": section.heading})
        out.extend(_block(b, options) for b in section.blocks if not b.screen_only)
    return out


def build_documents(kit: Kit, options: Options, briefing: Briefing | None, when: str) -> dict[str, Json]:
    common = {"date": when, "version": kit.version, "organisation": options.organisation,
              "reference": REFERENCE, "url": options.public_url}
    documents = {}
    if briefing is not None:
        documents["briefing"] = dict(common, title=briefing.title, blocks=briefing_blocks(briefing, options),
                                     address=options.page_url(BRIEFING_PAGE))
    if kit.leader_behaviours:
        documents["checklist"] = dict(
            common, title="What leaders do: a checklist", address=options.page_url(LEADERSHIP_PAGE),
            intro="Where involvement became more user-centred, the study saw leaders doing these ten things. "
                  "Tick what you already do. Talk about the rest.",
            items=[{"title": b.title, "summary": b.summary, "question": b.opening_question}
                   for b in kit.leader_behaviours])
    return documents


def _no_overflow(found: dict[str, str]) -> Problem:
    return Problem("kit", f"the briefing does not fit: {found}")


def batch(ctx: BuildContext, when: str | None = None) -> Batch | None:
    """The trustee briefing and the leadership checklist on the organisation's paper, dated; none
    when neither has content."""
    # One date style on all paper, as the packs: "Made on 1 March 2026".
    documents = build_documents(ctx.kit, ctx.options, ctx.briefing, when or ctx.date or build_date())
    if not documents:
        return None
    files: dict[str, bytes | str] = {f"{name}.json": json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True)
                                     for name, doc in documents.items()}
    paper = ctx.options.paper
    jobs = [Job(briefing_pdf(name, paper), TEMPLATE, {"data": f"{name}.json", "kind": name, "paper": paper},
                reads=(f"{name}.json",), checks=False)
            for name in documents]
    return Batch("briefing", files, jobs, {job.output: download(job.output) for job in jobs}, _no_overflow)
