"""Print-and-pen scoring sheets: the quick check and the full set, on A4 and US Letter.

Typst lays them out from `templates/typst/sheet.typ` and plain JSON data, so statement text
never passes through a markup language.
"""

from __future__ import annotations

import json

from ..content.model import Kit
from ..content.options import Options
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import (
    DONT_KNOW,
    PAPERS,
    SCALE,
    SCORER_PAGE,
    SETS,
    SHARED_SHEET,
    download,
    kind_with_source,
    sheet_pdf,
)
from .typesetting import Batch, Job, Json


def build_sheet(kit: Kit, options: Options, set_name: str) -> Json:
    """One set's sheet as plain data: areas in kit order, statements numbered as on screen."""
    chosen = kit.quick_check if set_name == "quick" else kit.statements
    chosen_ids = {s.id for s in chosen}
    areas: list[Json] = []
    number = 0
    for area in kit.areas:
        own = [s for s in kit.statements_for(area.id) if s.id in chosen_ids]
        if not own:
            continue
        statements = []
        for s in own:
            number += 1
            statements.append({"number": number, "id": s.id, "text": s.text, "levels": list(s.levels)})
        numbers = [st["number"] for st in statements]
        areas.append({"id": area.id, "title": area.title, "label": kind_with_source(area.kind.label, area.source),
                      "numbers": ", ".join(map(str, numbers)), "statements": statements})
    return {
        "version": kit.version,
        "set": set_name,
        "set_label": SETS[set_name],
        "count": number,
        "organisation": options.organisation,
        "roles": list(options.roles),
        "scale": [{"value": level.value, "label": level.long, "name": level.short} for level in SCALE],
        "dont_know": DONT_KNOW.short,
        # Only the full set describes each statement's levels: the quick check fits on one sheet.
        "describe_levels": set_name == "full",
        "url": options.page_url(SCORER_PAGE),
        "areas": areas,
    }


def sheets_json(data: Json) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def sheet_files(kit: Kit, options: Options) -> dict[str, bytes | str]:
    """The data of both sets, as sheet.typ reads them (`sheet-quick.json`, `sheet-full.json`)."""
    return {f"sheet-{name}.json": sheets_json(build_sheet(kit, options, name)) for name in SETS}


def _no_overflow(found: dict[str, str]) -> Problem:
    return Problem("kit", f"a scoring sheet does not fit: {found}")


def batch(ctx: BuildContext) -> Batch | None:
    """The four sheets; none when sheets are off or the kit has no statements."""
    if not ctx.wants("sheets") or not ctx.kit.statements:
        return None
    jobs = [Job(sheet_pdf(name, paper), "sheet.typ", {"paper": paper, "data": f"sheet-{name}.json"},
                reads=(f"sheet-{name}.json",), checks=False)
            for name in SETS for paper in PAPERS]
    # The same sets for two people sharing a sheet: a column of boxes and a role box each.
    jobs += [Job(sheet_pdf(f"{name}-{SHARED_SHEET}", paper), "sheet.typ",
                 {"paper": paper, "data": f"sheet-{name}.json", "people": "2"}, reads=(f"sheet-{name}.json",),
                 checks=False)
             for name in SETS for paper in PAPERS]
    return Batch("sheets", sheet_files(ctx.kit, ctx.options), jobs,
                 {job.output: download(job.output) for job in jobs}, _no_overflow)
