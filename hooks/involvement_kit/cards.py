"""Workshop card content, built from the model as plain data for the print templates.

The Typst templates read this data as JSON, so user text never passes through any
markup language and needs no escaping. Nothing here knows about paper or layout.
"""

from __future__ import annotations

import json

from .model import Kit, Record
from .options import Options
from .pages import KIND_ICONS, SOURCE_LABELS
from .schema import KINDS

# The order cards come off the printer: the report's own order of the three kinds.
CARD_KINDS = ("enabler", "barrier", "leader_behaviour")


def _limit(kind_name: str, field_name: str) -> int | None:
    """The schema's item limit, so the card never shows more than the schema promises."""
    kind = next(k for k in KINDS if k.name == kind_name)
    spec = kind.field(field_name)
    return spec.max_items if spec is not None else None


def card(record: Record, kit: Kit, options: Options) -> dict:
    kind = record.kind.name
    url = options.page_url(record.page)
    return {
        "id": record.id,
        "kind": kind,
        "kind_label": record.kind.label,
        # Set and name as the pages use them ('material-arrow-up-...'); printing finds the file.
        "icon": KIND_ICONS[kind],
        "title": record.title,
        "summary": record.summary,
        "opening_question": record.opening_question,
        "findings": list(record.findings[:_limit(kind, "findings")]),
        "questions": list(record.questions[:_limit(kind, "questions")]),
        "source": record.source,
        "source_label": SOURCE_LABELS[record.source],
        "version": kit.version,
        "url": url,
        "file": record.file,
    }


def build_cards(kit: Kit, options: Options) -> dict:
    """Every enabler, barrier and leader behaviour as one card, in deck order."""
    cards = [card(r, kit, options) for kind in CARD_KINDS for r in kit.of_kind(kind)]
    return {
        "version": kit.version,
        "cards": cards,
    }


def cards_json(data: dict) -> str:
    """Stable text: the same cards always give the same bytes (the cache key and golden file rely on it)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
