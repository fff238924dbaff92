"""Scripts and stylesheets the build makes: the scorer's data, the statement history and the
organisation's colour. Scripts, not JSON, so they also load in the offline copy opened from
disk, where fetch() of local files is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from ..content.model import Kit, Record
from ..content.options import Options
from ..outputs import Branding, BuildContext, HistoryEntry, Rendered
from ..templating import render
from ..vocabulary import (
    BRAND_CSS,
    DONT_KNOW,
    OTHERS,
    SCALE,
    SCALE_MEANINGS,
    SCALE_RANGE,
    SCALE_SENTENCE,
    SCORING_DATA,
    SETS,
    SOURCE_LABELS,
    Level,
    html_page,
)

HISTORY_ASSET = "assets/kit/statement-history.js"


def _level(level: Level) -> dict[str, object]:
    return {"value": level.value, "label": level.long, "short": level.short, "long": level.long,
            "easy": level.easy, "word": level.word}


def scoring_data(kit: Kit, options: Options, page_url: Callable[[Record], str] = lambda r: html_page(r.page),
                 history: Sequence[HistoryEntry] | None = None) -> dict[str, object]:
    """Everything the in-browser scorer needs, as plain JSON-ready data, words included:
    the scripts spell no label of their own."""
    return {
        "version": kit.version,
        "scale": [_level(level) for level in SCALE],
        "dont_know": _level(DONT_KNOW),
        "scale_sentence": SCALE_SENTENCE,
        "scale_range": SCALE_RANGE,
        "scale_meanings": SCALE_MEANINGS,
        "sets": SETS,
        "source_labels": SOURCE_LABELS,
        "others": OTHERS,
        "roles": list(options.roles),
        "threshold": options.threshold,
        "areas": [{"id": a.id, "title": a.title, "kind": a.kind.name, "label": a.kind.label,
                   "url": page_url(a)} for a in kit.areas],
        "statements": [{"id": s.id, "area": s.area, "text": s.text, "levels": list(s.levels),
                        "quick": s.quick, "easy_read": s.easy_read} for s in kit.statements],
        "easy_statements": easy_statements(kit),
        "history": list(history or []),
    }


def easy_statements(kit: Kit) -> list[dict[str, object]]:
    """The easy-read scorer's questions, one at a time: each keeps its statement's area, so its answers
    sit beside the standard scorer's. A statement split in two gives two questions ('id.1', 'id.2'),
    and the statement's answer is the lower of the two (scoring.easy.statement_answers)."""
    return [{"id": easy_id, "statement": s.id, "area": s.area, "text": q.text, "levels": list(q.levels),
             "picture": q.picture, "alt": q.alt, "quick": s.quick}
            for s in kit.statements for easy_id, q in zip(s.easy_ids(), s.easy_questions, strict=True)]


def history_asset(history: Sequence[HistoryEntry]) -> tuple[str, str]:
    """The history as a script beside scoring-data.js (the scripts read older exports with it)."""
    text = ("// Made by the build from kit/statement-history.yml; do not edit.\n"
            f"window.KIT_STATEMENT_HISTORY = {json.dumps(list(history), ensure_ascii=False)};\n")
    return HISTORY_ASSET, text


def brand_css(options: Options) -> tuple[tuple[str, str], ...]:
    if not options.colour:
        return ()
    return ((BRAND_CSS, render("assets/brand.css.j2", colour=options.colour)),)


def render_assets(ctx: BuildContext) -> Rendered:
    data = scoring_data(ctx.kit, ctx.options)
    return Rendered(assets=((SCORING_DATA, render("assets/scoring-data.js.j2", data=data)),
                            history_asset(ctx.history)))


def branding(options: Options, site_name: str) -> Branding:
    name = f"{site_name}: {options.organisation}" if options.organisation else None
    return Branding(name, options.logo or None, brand_css(options))
