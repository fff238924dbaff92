"""Workshop card content, built from the model as plain data for the print templates.

The Typst templates read this data as JSON, so user text never passes through any
markup language and needs no escaping. Nothing here knows about paper or layout.

A deck holds, in order: the card that says how to use the deck, every enabler, barrier
and leader behaviour, every activity, then blank cards to write on (enough to fill the
last sheet, and never fewer than two).
"""

from __future__ import annotations

import json

from .model import Activity, Kit, Record
from .options import Options
from .pages import KIND_ICONS, SOURCE_LABELS
from .schema import KINDS

# The order cards come off the printer: the report's own order of the three kinds, then activities.
RECORD_KINDS = ("enabler", "barrier", "leader_behaviour")
CARD_KINDS = RECORD_KINDS + ("activity", "instructions", "blank")
CARD_ICONS = {
    **KIND_ICONS,
    "activity": "material-puzzle-outline",
    "instructions": "material-information-outline",
    "blank": "material-pencil-outline",
}
CARD_LABELS = {"instructions": "How to use the deck", "blank": "Your own card"}
PER_SHEET = 4
MIN_BLANKS = 2

# The deck's own instructions: the kit's suggestion, like the activities.
INSTRUCTIONS = {
    "id": "how-to-use",
    "title": "How to use these cards",
    "summary": "Each card holds one idea from the study, or one activity, to talk about in a group.",
    "purpose": "Cards keep a discussion on one thing at a time, and let everyone hold and point at it.",
    "minutes": 0,
    "people": "Boards, staff teams and user groups",
    "materials": ["Green cards: enablers", "Red cards: barriers", "Blue cards: leader behaviours",
                  "Orange cards: activities"],
    "steps": [
        "Pick three to five cards that matter to your group now. Do not use the whole deck at once.",
        "Read the front aloud. Start with its opening question.",
        "Turn the card over for what the study found and more questions.",
        "Note what you agree to do, who will do it and by when.",
        "Use the blank cards for ideas of your own.",
        "Session plans on the website say which cards suit which meeting.",
    ],
}

_EMPTY = {"opening_question": "", "findings": [], "questions": [], "purpose": "", "minutes": 0, "people": "",
          "materials": [], "steps": []}


def _limit(kind_name: str, field_name: str) -> int | None:
    """The schema's item limit, so the card never shows more than the schema promises."""
    kind = next(k for k in KINDS if k.name == kind_name)
    spec = kind.field(field_name)
    return spec.max_items if spec is not None else None


def _common(kind: str, options: Options, kit: Kit) -> dict:
    return {**_EMPTY, "kind": kind, "icon": CARD_ICONS[kind], "version": kit.version,
            "organisation": options.organisation}


def card(record: Record, kit: Kit, options: Options) -> dict:
    kind = record.kind.name
    return {
        **_common(kind, options, kit),
        "id": record.id,
        "kind_label": record.kind.label,
        "title": record.title,
        "summary": record.summary,
        "opening_question": record.opening_question,
        "findings": list(record.findings[:_limit(kind, "findings")]),
        "questions": list(record.questions[:_limit(kind, "questions")]),
        "source": record.source,
        "source_label": SOURCE_LABELS[record.source],
        "url": options.page_url(record.page),
        "file": record.file,
    }


def activity_card(activity: Activity, kit: Kit, options: Options) -> dict:
    return {
        **_common("activity", options, kit),
        "id": activity.id,
        "kind_label": activity.kind.label,
        "title": activity.title,
        "summary": activity.summary,
        "purpose": activity.purpose,
        "minutes": activity.minutes,
        "people": activity.people,
        "materials": list(activity.materials),
        "steps": list(activity.steps),
        "source": activity.source,
        "source_label": SOURCE_LABELS[activity.source],
        "url": options.page_url(activity.page),
        "file": activity.file,
    }


def instructions_card(kit: Kit, options: Options) -> dict:
    return {**_common("instructions", options, kit), **INSTRUCTIONS, "kind_label": CARD_LABELS["instructions"],
            "source": "kit", "source_label": SOURCE_LABELS["kit"],
            "url": options.page_url("print-cards.md"), "file": "cards.py"}


def blank_card(number: int, kit: Kit, options: Options) -> dict:
    return {**_common("blank", options, kit), "id": f"blank-{number}", "kind_label": CARD_LABELS["blank"],
            "title": "", "summary": "", "source": "organisation", "source_label": "", "url": "", "file": ""}


def blank_count(cards: int) -> int:
    """Enough blank cards to fill the last sheet of four, and at least two."""
    count = -cards % PER_SHEET
    return count + PER_SHEET if count < MIN_BLANKS else count


def build_cards(kit: Kit, options: Options) -> dict:
    """The whole deck in print order: instructions, records, activities, blanks."""
    cards = [instructions_card(kit, options)]
    cards += [card(r, kit, options) for kind in RECORD_KINDS for r in kit.of_kind(kind)]
    cards += [activity_card(a, kit, options) for a in kit.activities]
    cards += [blank_card(n + 1, kit, options) for n in range(blank_count(len(cards)))]
    return {
        "version": kit.version,
        "organisation": options.organisation,
        "cards": cards,
    }


def page_cards(data: dict) -> list[dict]:
    """The cards that have a page on the site, and so a print-this-card PDF of their own."""
    return [c for c in data["cards"] if c["kind"] in RECORD_KINDS + ("activity",)]


def cards_json(data: dict) -> str:
    """Stable text: the same cards always give the same bytes (the cache key and golden file rely on it)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
