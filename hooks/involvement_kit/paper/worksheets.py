"""The templates around a session as printable PDFs, on A4 and US Letter.

Invitation, agenda, sign-in sheet (roles, never names), claim form, consent slip, action sheet,
feedback form, follow-up letter, and the worksheets of the activities: starter example slips,
sorting-line labels, the presence-audit grid and a spread-of-scores chart to fill in by hand.
The words come from content/session_templates.py, which the editable copies read too.
"""

from __future__ import annotations

import json

from ..content.session_templates import session_templates
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import PAPERS, SOURCE_LABELS, template_pdf
from .typesetting import Batch, Job, Json

WORKSHEET = "worksheet.typ"


def _no_overflow(found: dict[str, str]) -> Problem:
    return Problem("kit", f"a session template does not fit: {found}")


def worksheet_files(ctx: BuildContext) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {}
    for template in session_templates(ctx.kit, ctx.options):
        data: Json = {"id": template.id, "title": template.title, "blocks": list(template.blocks),
                      "source_label": SOURCE_LABELS["kit"], "organisation": ctx.options.organisation,
                      "version": ctx.kit.version}
        files[f"worksheet-{template.id}.json"] = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return files


def batch(ctx: BuildContext) -> Batch | None:
    """Every template on both papers, with the print packs (they are what a pack's plan names)."""
    if not ctx.wants("packs") or not ctx.kit.sessions:
        return None
    files = worksheet_files(ctx)
    jobs, site = [], {}
    for name in files:
        template_id = name.removeprefix("worksheet-").removesuffix(".json")
        for paper in PAPERS:
            job = Job(f"{template_id}-{paper}.pdf", WORKSHEET, {"paper": paper, "data": name}, reads=(name,),
                      checks=False)
            jobs.append(job)
            site[job.output] = template_pdf(template_id, paper)
    return Batch("worksheets", files, jobs, site, _no_overflow)
