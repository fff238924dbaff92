"""Workshop cards: each card's content as plain data, and the decks Typst makes from it.

The Typst templates read the cards as JSON, so user text never passes through any markup
language and needs no escaping. One set of faces gives every file: the two-sided deck,
fronts only, fold-over and large print on A4 and Letter, a two-sided test page, one PDF per
card for "print this card", and small PNG previews of each layout's first sheet.

Laying out the cards is the only way to know that their text fits, so this runs while the
build is prepared, before MkDocs cleans `site/`: a card that does not fit stops the build
with a mistake naming the card, the field and the face.

A deck holds, in order: its index (one card or more, listing every numbered card), the card
that says how to use the deck, every enabler, barrier and leader behaviour, every activity,
then blank cards to write on (enough to fill the last sheet, and never fewer than two).
"""

from __future__ import annotations

import functools
import io
import json
import re
import textwrap
from pathlib import Path

from ..content.model import Activity, Kit, Record
from ..content.options import Options
from ..content.schema import KIND_BY_NAME
from ..errors import Problem
from ..outputs import BuildContext
from ..vocabulary import (
    CARD_FOLDER,
    CARD_KINDS,
    CARD_LABELS,
    CARD_LAYOUTS,
    KEY_ENABLER,
    KIND_ICONS,
    PREVIEWS,
    PRINT_PAGE,
    RECORD_KINDS,
    SOURCE_LABELS,
    SYMBOL_CREDIT,
    SYMBOLS_FOLDER,
    USER_QUESTION,
    deck_pdf,
    download,
    kind_with_source,
)
from .typesetting import Batch, Job, Json, Overflow

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

_EMPTY = {"picture": "", "picture_source": "", "picture_alt": "", "credit": "", "number": "",
          "opening_question": "", "findings": [], "questions": [], "purpose": "", "minutes": 0, "people": "",
          "materials": [], "steps": [], "groups": [], "user_question": "", "user_question_label": ""}

# The back of every index card: the kit's suggestion for keeping the deck in order.
INDEX_STEPS = [
    "Every card's front shows its number, as in the list on the other side of this card.",
    "After a session, sort the cards back into that order, so a missing card shows.",
    "Pick three to five cards for a meeting: each session plan names the cards it uses, and the card "
    "'How to use these cards' says more.",
]
# How many lines of 12 pt text the list on an index card's front may take, and about how many
# characters fit on one line. Kept on the safe side: the fit check of every face still runs
# on the index cards, so a list that does not fit stops the build instead of running over.
INDEX_LINES = 18
INDEX_LINE_CHARS = 34
INDEX_HEADING_LINES = 2


def _limit(kind_name: str, field_name: str) -> int | None:
    """The schema's item limit, so the card never shows more than the schema promises."""
    spec = KIND_BY_NAME[kind_name].field(field_name)
    return spec.max_items if spec is not None else None


def _common(kind: str, options: Options, kit: Kit) -> Json:
    return {**_EMPTY, "kind": kind, "icon": KIND_ICONS[kind].replace("/", "-"), "version": kit.version,
            "organisation": options.organisation}


def _number(items: list[str], item_id: str, label: str) -> str:
    """'Enabler 3 of 11': where the card sits among its kind, for collating a cut deck."""
    return f"{label} {items.index(item_id) + 1} of {len(items)}" if item_id in items else ""


def card_picture(record: Record) -> tuple[str, str]:
    """The picture on a card's front and its alt text: the first picture of the record's easy-read
    points, from the symbol set easy read uses, so a card and its easy-read twin look alike. The
    one place that chooses a card's picture."""
    return (record.easy_read[0].picture, record.easy_read[0].alt) if record.easy_read else ("", "")


def symbol_credit(cards: list[Json]) -> str:
    """The symbols' credit, which their licence asks for, when any of these cards shows one of them."""
    return SYMBOL_CREDIT if any(c.get("picture_source", "").startswith(SYMBOLS_FOLDER) for c in cards) else ""


def _picture_file(card_id: str, picture: str) -> str:
    return f"card-pictures/{card_id}{Path(picture).suffix if '.' in picture else '.svg'}" if picture else ""


def card(record: Record, kit: Kit, options: Options) -> Json:
    kind = record.kind.name
    picture, alt = card_picture(record)
    return {
        **_common(kind, options, kit),
        "picture": _picture_file(record.id, picture), "picture_source": picture, "picture_alt": alt,
        "credit": symbol_credit([{"picture_source": picture}]),
        "id": record.id,
        "number": _number([r.id for r in kit.of_kind(kind)], record.id, record.kind.label),
        "kind_label": kind_with_source(KEY_ENABLER if record.key_enabler else record.kind.label, record.source),
        "title": record.title,
        "summary": record.summary,
        "opening_question": record.opening_question,
        "findings": list(record.findings[:_limit(kind, "findings")]),
        "questions": list(record.questions[:_limit(kind, "questions")]),
        "user_question": record.user_question,
        "user_question_label": USER_QUESTION,
        "source": record.source,
        "source_label": SOURCE_LABELS[record.source],
        "url": options.page_url(record.page),
        "file": record.file,
    }


def activity_card(activity: Activity, kit: Kit, options: Options) -> Json:
    return {
        **_common("activity", options, kit),
        "id": activity.id,
        "number": _number([a.id for a in kit.activities], activity.id, activity.kind.label),
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


def instructions_card(kit: Kit, options: Options) -> Json:
    return {**_common("instructions", options, kit), **INSTRUCTIONS, "kind_label": CARD_LABELS["instructions"],
            "source": "kit", "source_label": SOURCE_LABELS["kit"],
            "url": options.page_url(PRINT_PAGE), "file": "cards.py"}


def _entry_lines(entry: Json) -> int:
    """About how many lines 'Enabler 3 of 11: Committed leaders' takes, broken at spaces as Typst does."""
    return len(textwrap.wrap(f"{entry['number']}: {entry['title']}", INDEX_LINE_CHARS, subsequent_indent="  "))


def index_cards(cards: list[Json], kit: Kit, options: Options, what: str = "deck") -> list[Json]:
    """The cards that open a deck or a pack's cards: each numbered card by number, kind and title,
    grouped by kind, on as many index cards as the list needs; none when no card is numbered."""
    kinds = RECORD_KINDS + ("activity",)
    plurals = {kind: KIND_BY_NAME[kind].plural for kind in kinds}
    # A pack's cards come in the order its plan uses them: listed here by kind, then by number.
    numbered = sorted((c for c in cards if c["number"]),
                      key=lambda c: (kinds.index(c["kind"]), int(re.findall(r"\d+", c["number"])[0])))
    chunks: list[list[Json]] = []
    used = INDEX_LINES + 1
    for kind, entry in ((c["kind"], {"number": c["number"], "title": c["title"]}) for c in numbered):
        lines = _entry_lines(entry)
        group = chunks[-1][-1] if chunks and chunks[-1] else None
        new_group = group is None or group["kind"] != kind
        if used + lines + (INDEX_HEADING_LINES if new_group else 0) > INDEX_LINES:
            chunks.append([])
            used, new_group = 0, True
        if new_group:
            chunks[-1].append({"kind": kind, "heading": plurals[kind], "items": []})
            used += INDEX_HEADING_LINES
        chunks[-1][-1]["items"].append(entry)
        used += lines
    count = len(chunks)
    return [{**_common("index", options, kit), "id": f"index-{n}" if count > 1 else "index",
             "kind_label": CARD_LABELS["index"],
             "title": f"Cards in this {what}" + (f" ({n} of {count})" if count > 1 else ""), "summary": "",
             "groups": groups, "steps": list(INDEX_STEPS), "credit": symbol_credit(cards),
             "source": "kit", "source_label": SOURCE_LABELS["kit"], "url": options.page_url(PRINT_PAGE),
             "file": "cards.py"}
            for n, groups in enumerate(chunks, 1)]


def blank_card(number: int, kit: Kit, options: Options) -> Json:
    return {**_common("blank", options, kit), "id": f"blank-{number}", "kind_label": CARD_LABELS["blank"],
            "title": "", "summary": "", "source": "organisation", "source_label": "", "url": "", "file": ""}


def blank_count(cards: int) -> int:
    """Enough blank cards to fill the last sheet of four, and at least two."""
    count = -cards % PER_SHEET
    return count + PER_SHEET if count < MIN_BLANKS else count


def build_cards(kit: Kit, options: Options) -> Json:
    """The whole deck in print order: index, instructions, records, activities, blanks."""
    numbered = [card(r, kit, options) for kind in RECORD_KINDS for r in kit.of_kind(kind)]
    numbered += [activity_card(a, kit, options) for a in kit.activities]
    # The index takes card slots like any card, so every back still falls behind its front.
    cards = index_cards(numbered, kit, options) + [instructions_card(kit, options)] + numbered
    cards += [blank_card(n + 1, kit, options) for n in range(blank_count(len(cards)))]
    return {
        "version": kit.version,
        "organisation": options.organisation,
        "cards": cards,
    }


def page_cards(data: Json) -> list[Json]:
    """The cards that have a page on the site, and so a print-this-card PDF of their own."""
    return [c for c in data["cards"] if c["kind"] in RECORD_KINDS + ("activity",)]


def cards_json(data: Json) -> str:
    """Stable text: the same cards always give the same bytes (the cache key and golden file rely on it)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


PREVIEW_PPI = 40


@functools.cache
def qr_svg(url: str) -> bytes:
    """A QR code for `url` as SVG. Made here, offline: Typst's package registry is not reachable
    from the build. Kept for the life of the process, so the decks and the packs make each once."""
    import segno

    out = io.BytesIO()
    # A fixed mask: scanners read every mask, and scoring all eight costs more than the rest of
    # the code. Never a Micro QR code, which many phone cameras cannot read.
    segno.make_qr(url, error="m", mask=2).save(out, kind="svg", border=2, xmldecl=False, svgns=True)
    return out.getvalue()


def card_files(ctx: BuildContext, cards: list[Json]) -> dict[str, bytes | str]:
    """What the card templates read beside the deck: icons by kind, and a QR code per card with an address."""
    files: dict[str, bytes | str] = {}
    for kind in CARD_KINDS:
        path = ctx.pictures.file(KIND_ICONS[kind])
        if path is None:
            raise FileNotFoundError(f"icon '{KIND_ICONS[kind]}' was not found")
        files[f"icons/{kind}.svg"] = path.read_bytes()
    for item in cards:
        if item["url"]:
            files[f"qr/{item['id']}.svg"] = qr_svg(item["url"])
        if item["picture"]:
            source = ctx.pictures.file(item["picture_source"])
            if source is None:
                raise FileNotFoundError(f"picture '{item['picture_source']}' was not found")
            content = source.read_bytes()
            # The symbols are black; painted in the card's ink, as the kind icon is.
            files[item["picture"]] = content.replace(b"<svg ", b'<svg fill="#37474f" ', 1) \
                if item["picture"].endswith(".svg") else content
    return files


def overflow_problem(cards: dict[str, Json]) -> Overflow:
    """A fit-check message from card.typ -> the mistake, naming the card's own file."""
    def problem(found: dict[str, str]) -> Problem:
        card_id = found.get("card", "")
        if cards.get(card_id, {}).get("kind") == "index":
            # No record holds the index's text: it is split by an estimate that erred.
            return Problem("kit", f"the list of cards does not fit on index card '{card_id}' (about "
                           f"{found.get('over', '?')} mm too long); shorten the longest card titles, or lower "
                           "INDEX_LINES in hooks/involvement_kit/paper/cards.py")
        return Problem(cards.get(card_id, {}).get("file", "kit"),
                       f"the text does not fit on the {found.get('face', 'card')} of card '{card_id}' "
                       f"(about {found.get('over', '?')} mm too long); shorten this field or the ones above it "
                       "on that face", record=card_id, field=found.get("field"))
    return problem


def planned_jobs(data: Json, options: Options) -> list[Job]:
    """Every file: the decks (the organisation's paper first), one PDF per card, the previews.

    None of them checks the fit: `measure_job` has checked every face before any is made.
    """
    jobs = []
    for paper in options.papers:
        for layout in CARD_LAYOUTS:
            jobs.append(Job(deck_pdf(layout, paper), "deck.typ", {"layout": layout, "paper": paper},
                            reads=None, gathers=True, checks=False))
    for item in page_cards(data):
        own = f"card-{item['id']}.json"
        reads = (own, f"icons/{item['kind']}.svg") + ((f"qr/{item['id']}.svg",) if item["url"] else ()) \
            + ((item["picture"],) if item["picture"] else ())
        jobs.append(Job(f"{CARD_FOLDER}/{item['id']}.pdf", "deck.typ",
                        {"layout": "one", "paper": options.paper, "card": item["id"], "data": own}, reads=reads,
                        checks=False))
    for layout, stem in CARD_LAYOUTS.items():
        jobs.append(Job(f"{PREVIEWS}/{stem}.png", "deck.typ",
                        {"layout": layout, "paper": options.paper, "preview": "yes"}, ppi=PREVIEW_PPI,
                        gathers=True, checks=False))
    return jobs


def measure_job(data_file: str, *, check: bool) -> Job:
    """The fit check of every card in `data_file` (with `check`) and where each card's picture goes."""
    return Job("measured.json", "card-measure.typ", {"data": data_file, "check": "yes" if check else "no"},
               reads=None)


def batch(ctx: BuildContext) -> Batch | None:
    """The decks, the card PDFs and the previews; none when cards are switched off."""
    if not ctx.wants("cards"):
        return None
    data = build_cards(ctx.kit, ctx.options)
    files = card_files(ctx, data["cards"])
    files["cards.json"] = cards_json(data)
    for item in page_cards(data):
        files[f"card-{item['id']}.json"] = cards_json({**data, "cards": [item]})
    jobs = planned_jobs(data, ctx.options)
    return Batch("cards", files, jobs, {job.output: download(job.output) for job in jobs},
                 overflow_problem({c["id"]: c for c in data["cards"]}), measure=measure_job("cards.json", check=True))
