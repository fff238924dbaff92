"""Scripts and stylesheets the build makes: the scorer's data, the statement history and the
organisation's colour. Scripts, not JSON, so they also load in the offline copy opened from
disk, where fetch() of local files is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from ..content.model import Kit, Record, Statement
from ..content.options import Options
from ..outputs import Branding, BuildContext, HistoryEntry, Rendered
from ..templating import render
from ..vocabulary import (
    BRAND_CSS,
    DONT_KNOW,
    EASY_READ_OWN_QUESTION,
    LIMITS,
    OTHERS,
    OWN_SOURCE,
    QR_LIBRARY,
    SCALE,
    SCALE_MEANINGS,
    SCALE_RANGE,
    SCALE_SENTENCE,
    SCORING_DATA,
    SETS,
    SOURCE_LABELS,
    TOO_FEW,
    Level,
    html_page,
    kind_with_source,
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
        "too_few": TOO_FEW,
        "limits": LIMITS,
        "roles": list(options.roles),
        "threshold": options.threshold,
        # The organisation's own areas and questions carry its label in the words the scorers show.
        "areas": [{"id": a.id, "title": a.title, "kind": a.kind.name, "label": kind_with_source(a.kind.label, a.source),
                   "source": a.source, "url": page_url(a)} for a in kit.areas],
        "statements": [{"id": s.id, "area": s.area, "text": s.text, "levels": list(s.levels),
                        "quick": s.quick, "source": s.source, "easy_read": _easy_question(s)}
                       for s in kit.statements],
        "easy_statements": easy_statements(kit),
        "history": list(history or []),
    }


def _easy_question(statement: Statement) -> str:
    if statement.source != OWN_SOURCE:
        return statement.easy_read
    return f"{statement.easy_read or statement.text} {EASY_READ_OWN_QUESTION}"


def easy_statements(kit: Kit) -> list[dict[str, object]]:
    """The easy-read scorer's questions, one at a time: each keeps its statement's area, so its answers
    sit beside the standard scorer's. A statement split in two gives two questions ('id.1', 'id.2'),
    and the statement's answer is the lower of the two (scoring.easy.statement_answers)."""
    return [{"id": easy_id, "statement": s.id, "area": s.area,
             "text": f"{q.text} {EASY_READ_OWN_QUESTION}" if s.source == OWN_SOURCE else q.text,
             "levels": list(q.levels),
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


# npm's copy of the QR library that draws answer codes (package.json pins the version).
QR_SOURCE = ("node_modules", "qrcode-generator", "dist", "qrcode.js")
QR_MISSING = ("Warning: node_modules/qrcode-generator is not installed (run `npm ci`), so the scorers show "
              "answer codes as text only, without a QR picture.")


def qr_library(project_dir: Path) -> tuple[tuple[str, str], str | None]:
    """The QR library as a site asset, and a warning when npm has not installed it.

    The asset is always there, so no page links to a missing file: without npm it is a
    stub, and the scorers then show the code as text with a note (answer-code.js)."""
    source = project_dir.joinpath(*QR_SOURCE)
    if source.is_file():
        licence = ("// qrcode-generator 2.0.4 by Kazuhiko Arase, MIT licence (the file's own header follows),\n"
                   "// copied from node_modules by the kit's build so it works offline.\n")
        return (QR_LIBRARY, licence + source.read_text(encoding="utf-8")), None
    stub = "// The QR library was not installed when this site was built (npm ci); codes are shown as text.\n"
    return (QR_LIBRARY, stub), QR_MISSING
