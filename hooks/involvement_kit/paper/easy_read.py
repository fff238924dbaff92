"""Easy-read PDFs with Typst: a booklet, cards, a scoring sheet, review sheets, and the letters and forms
users see around a session (content/session_templates.py), on the organisation's paper.

The text comes from the model, as for the easy-read pages: each record's `easy_read`
points, and the points of the easy-read pages in kit/easy-read-pages.yml (the same point
objects the website shows, less its screen-only sections), so paper and screen say the
same thing. Typst reads the content as JSON, so no text is ever parsed as markup.

Like the workshop cards, the PDFs are kept in a cache folder outside site/, under a hash of
everything that goes into them. Rules checked here: the booklet has at most 48 pages, and
every card's points fit on the card (a KitError names the card otherwise)."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from ..content.easy_read_pages import plain, scale_words, sections_for
from ..content.easy_read_rules import HardWords, markdown_to_text
from ..content.model import Activity, EasyReadPage, EasyReadSection, Kit, Record, Statement
from ..content.options import Options
from ..content.session_templates import Block, easy_read_templates, easy_read_text
from ..errors import Problem
from ..outputs import BuildContext, Pictures
from ..vocabulary import (
    DONT_KNOW,
    EASY_READ_FILES,
    EASY_READ_OWN,
    EASY_READ_OWN_HEADING,
    EASY_READ_OWN_INTRO,
    EASY_READ_OWN_QUESTION,
    EASY_READ_PICTURES,
    EASY_READ_SYMBOLS,
    KIND_PICTURES,
    KIND_SENTENCES,
    OWN_SOURCE,
    SCALE,
    SOURCE_LABELS,
    SYMBOL_CREDIT,
    SYMBOLS,
    download,
)
from .typesetting import Batch, Job, Json, Overflow

TEMPLATES = {"booklet": "easy-read-booklet.typ", "cards": "easy-read-cards.typ", "scoring": "easy-read-scoring.typ",
             "review": "easy-read-review.typ", "templates": "easy-read-templates.typ"}
CHECKED = ("booklet", "cards")
MAX_BOOKLET_PAGES = 48
PICTURE_COLOUR = "#283593"
# The copied name of a symbol from docs/images/symbols/ (see _Pictures).
SYMBOL_FILES = SYMBOLS.replace("/", "-") + "-"
TALK_QUESTION = "Do leaders do this where you are?"
# The question on an activity's easy-read card: what the group found, in its own words.
EASY_ACTIVITY_QUESTION = "What did your group find out?"
# The easy-read pages the booklet prints, by id: the first on the cover, the others as chapters.
BOOKLET_CHAPTERS = ("index", "involvement")


class _Pictures:
    """Every picture the PDFs use, copied into the Typst folder under a safe name."""

    def __init__(self, pictures: Pictures):
        self.source = pictures
        self.files: dict[str, Path] = {}

    def __call__(self, name: str) -> str:
        source = self.source.file(name)
        if source is None:
            raise FileNotFoundError(f"picture '{name}' was not found")
        safe = re.sub(r"[^a-z0-9.-]+", "-", name.lower())
        key = f"pictures/{safe}" if "." in name else f"pictures/{safe}.svg"
        self.files[key] = source
        return key


def _point(text: str, picture: str, alt: str, pictures: _Pictures) -> Json:
    return {"text": text, "picture": pictures(picture), "alt": alt, "svg": "." not in picture}


def print_sections(page: EasyReadPage, kit: Kit, options: Options) -> list[EasyReadSection]:
    """The sections of an easy-read page the booklet prints: the model's own point objects."""
    return sections_for(page, kit, options, "print")


def _sections(page: EasyReadPage | None, kit: Kit, options: Options, pictures: _Pictures) -> list[Json]:
    if page is None:
        return []
    return [{"heading": section.heading,
             "points": [_point(plain(p.text), p.picture, p.alt, pictures) for p in section.points]}
            for section in print_sections(page, kit, options)]


def own(item: Record | Statement) -> bool:
    return item.source == OWN_SOURCE


def build_data(kit: Kit, options: Options, hard: HardWords, pictures: _Pictures) -> Json:
    """Everything the three templates print, as plain data."""

    talk = {s.area: s.easy_questions[0].text for s in reversed(kit.statements) if s.easy_questions}

    def record_item(record: Record) -> Json:
        kind_picture, kind_alt = KIND_PICTURES[record.kind.name]
        return {
            "id": record.id, "kind": record.kind.name, "kind_label": record.kind.label,
            "title": record.plain_title,
            # A question to talk about: the area's first easy question, or one that fits any leader behaviour.
            "question": talk.get(record.id, TALK_QUESTION),
            "kind_point": _point(KIND_SENTENCES[record.kind.name], kind_picture, kind_alt, pictures),
            "points": ([_point(EASY_READ_OWN, *EASY_READ_PICTURES["own"], pictures)] if own(record) else [])
            + [_point(p.text, p.picture, p.alt, pictures) for p in record.easy_read],
            "checked": record.easy_read_review.done,
            "file": record.file,
        }

    def activity_item(activity: Activity) -> Json:
        """An activity's easy-read card, for a user group that runs it (issue 20, item 6)."""
        return {"id": activity.id, "kind": "activity", "kind_label": activity.kind.label,
                "title": activity.plain_title, "question": EASY_ACTIVITY_QUESTION,
                "points": [_point(p.text, p.picture, p.alt, pictures) for p in activity.easy_read],
                "checked": activity.easy_read_review.done, "file": activity.file}

    pages = {page.id: page for page in kit.easy_read_pages}

    def from_page(page_id: str) -> Json:
        page = pages.get(page_id)
        return {"title": page.title if page else "", "sections": _sections(page, kit, options, pictures)}

    # What the study found, and apart from it the organisation's own: never listed as the study's.
    enablers = [record_item(r) for r in kit.enablers if r.easy_read and not own(r)]
    barriers = [record_item(r) for r in kit.barriers if r.easy_read and not own(r)]
    leaders = [record_item(r) for r in kit.leader_behaviours if r.easy_read and not own(r)]
    own_records = [record_item(r) for r in kit.enablers + kit.barriers + kit.leader_behaviours
                   if r.easy_read and own(r)]
    records = enablers + barriers + leaders + own_records
    feedback = (f"Is this hard to read? Tell us: {options.feedback}." if options.feedback
                else "Is this hard to read? Tell the person who gave you this kit.")
    booklet_text: list[str] = []
    for item in records:
        booklet_text += [item["title"]] + [p["text"] for p in item["points"]]
    # The cover prints the first page's sections; then a chapter for each of the others.
    chapters = [from_page(page_id) for page_id in BOOKLET_CHAPTERS]
    for chapter in chapters:
        for section in chapter["sections"]:
            booklet_text += [section["heading"]] + [p["text"] for p in section["points"]]
    scoring = from_page("scoring")
    workshop = from_page("workshops")
    meeting = from_page("meeting")
    for chapter in (scoring, workshop, meeting):
        for section in chapter["sections"]:
            booklet_text += [section["heading"]] + [p["text"] for p in section["points"]]
    words = [{"word": w.word[:1].upper() + w.word[1:], "meaning": w.meaning}
             for w in hard.used_in(markdown_to_text("\n".join(booklet_text)))]
    statements = [{"id": easy_id, "text": q.text + (f" {EASY_READ_OWN_QUESTION}" if own(s) else ""),
                   "quick": s.quick, "picture": pictures(q.picture), "alt": q.alt, "levels": list(q.levels)}
                  for s in kit.statements for easy_id, q in zip(s.easy_ids(), s.easy_questions, strict=True)]
    return {
        "version": kit.version,
        # The month the booklet was made: readers should know how old it is (a new month remakes it).
        "date": datetime.date.today().strftime("%B %Y"),
        "credit": SYMBOL_CREDIT,
        "cover_picture": pictures(EASY_READ_SYMBOLS["user group"][0]),
        "contact": (f"Contact: {options.feedback}" if options.feedback
                    else "Contact: ask the person who gave you this booklet."),
        "organisation": options.organisation,
        "url": options.page_url("easy-read/index.md"),
        "feedback": feedback,
        # The booklet also holds text that is in no record, and nobody records a check of that:
        # so it never says the whole booklet was checked.
        "review": ("People with learning disabilities checked some of this text. Not all of it is checked yet."
                   if any(r["checked"] for r in records)
                   else "People with learning disabilities have not checked this text yet."),
        "review_picture": pictures(EASY_READ_PICTURES["not_checked"][0]),
        "feedback_picture": pictures(EASY_READ_PICTURES["feedback"][0]),
        "words_picture": pictures(EASY_READ_PICTURES["words"][0]),
        "computer_picture": pictures(EASY_READ_PICTURES["computer"][0]),
        "tick_picture": pictures(EASY_READ_PICTURES["tick"][0]),
        "chapters": chapters,
        "enablers": enablers,
        "barriers": barriers,
        "leaders": leaders,
        "own": own_records,
        # Activities print as easy-read cards only (after the records'), never in the booklet.
        "activities": [activity_item(a) for a in kit.activities if a.easy_read],
        "own_heading": EASY_READ_OWN_HEADING,
        "own_intro": EASY_READ_OWN_INTRO,
        "own_picture": pictures(EASY_READ_PICTURES["own"][0]),
        "scoring": scoring,
        "workshop": workshop,
        "meeting": meeting,
        "words": words,
        "kind_pictures": {k: pictures(v[0]) for k, v in KIND_PICTURES.items()},
        "scale": [{"value": level.value, "picture": pictures(level.picture), "words": scale_words(level)}
                  for level in (*SCALE, DONT_KNOW)],
        "statements": statements,
        "review_pages": review_pages(kit),
        "templates": templates_data(options, hard, pictures),
        "source_label": SOURCE_LABELS["kit"],
        "review_pictures": {name: pictures(picture) for name, picture in REVIEW_PICTURES.items()},
        "picture_colour": PICTURE_COLOUR,
    }


def templates_data(options: Options, hard: HardWords, pictures: _Pictures) -> list[Json]:
    """The easy-read templates (an invitation, the sign-in sheet, the feedback form ...), each with
    its pictures copied for Typst and the hard words it uses, explained at its end."""
    def with_pictures(block: Block) -> Json:
        out = dict(block)
        if "picture" in block:
            out["picture"] = pictures(block["picture"])
        for key in ("options", "items"):
            if key in block:
                out[key] = [with_pictures(item) for item in block[key]]
        return out

    return [{"id": t.id, "title": t.title, "blocks": [with_pictures(b) for b in t.blocks],
             "words": [{"word": w.word[:1].upper() + w.word[1:], "meaning": w.meaning}
                       for w in hard.used_in(markdown_to_text("\n".join(easy_read_text(t))))]}
            for t in easy_read_templates(options)]


# The review sheet's questions, each with its symbol.
REVIEW_PICTURES = {"understand": f"{SYMBOLS}/think.svg", "words": f"{SYMBOLS}/dictionary.svg",
                   "pictures": f"{SYMBOLS}/look.svg", "change": f"{SYMBOLS}/change.svg",
                   "yes": f"{SYMBOLS}/good.svg", "no": f"{SYMBOLS}/bad.svg", "not_sure": f"{SYMBOLS}/what.svg"}


def review_pages(kit: Kit) -> list[Json]:
    """One review sheet for each easy-read page, named by the title the reader sees, in reading order."""
    pages = [{"title": page.title, "kind": "page"} for page in kit.easy_read_pages[:2]]
    for kind, heading in (("enabler", "Things that help"), ("barrier", "Things that get in the way")):
        records = [r for r in kit.of_kind(kind) if r.easy_read]
        if records:
            pages.append({"title": heading, "kind": "page"})
            pages += [{"title": r.plain_title, "kind": kind} for r in records]
    if any(r.easy_read for r in kit.leader_behaviours):
        pages.append({"title": "What good leaders do", "kind": "page"})
    pages += [{"title": page.title, "kind": "page"} for page in kit.easy_read_pages[2:]]
    return pages


def _overflow(cards: dict[str, Json]) -> Overflow:
    def problem(found: dict[str, str]) -> Problem:
        card_id = found.get("card", "")
        return Problem(cards.get(card_id, {}).get("file", "kit"),
                       f"the easy-read points do not fit on the easy-read card (about {found.get('over', '?')} mm "
                       "too long); shorten them or use fewer points", record=card_id, field="easy_read")
    return problem


def _check(job: Job, path: Path) -> list[Problem]:
    if job.output != EASY_READ_FILES["booklet"]:
        return []
    # Typst writes one page object per page; counted without a PDF library.
    count = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))
    if count > MAX_BOOKLET_PAGES:
        return [Problem("kit", f"the easy-read booklet has {count} pages (at most {MAX_BOOKLET_PAGES}); "
                        "use fewer or shorter easy-read points")]
    return []


def batch(ctx: BuildContext) -> Batch | None:
    """The booklet, cards, scoring sheet and review sheets on the organisation's paper (the cards
    two to a landscape sheet: A5 on A4, half-letter on US Letter)."""
    if not ctx.wants("easy-read"):
        return None
    pictures = _Pictures(ctx.pictures)
    data = build_data(ctx.kit, ctx.options, ctx.hard_words, pictures)
    files: dict[str, bytes | str] = {"easy-read.json": json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                                     + "\n"}
    for name, source in pictures.files.items():
        content = source.read_bytes()
        if name.endswith(".svg") and not name.startswith(f"pictures/{SYMBOL_FILES}"):
            # The theme's icons are black; one dark colour, with good contrast on white paper.
            # The symbols keep their own colours.
            content = content.replace(b"<svg ", f'<svg fill="{PICTURE_COLOUR}" '.encode(), 1)
        files[name] = content
    # Only the booklet (its page limit) and the cards (their fit) can find a mistake.
    jobs = [Job(EASY_READ_FILES[name], entry, {"paper": ctx.options.paper}, checks=name in CHECKED)
            for name, entry in TEMPLATES.items()]
    cards = {c["id"]: c for c in data["enablers"] + data["barriers"] + data["leaders"] + data["own"]
             + data["activities"]}
    return Batch("easy-read", files, jobs, {job.output: download(job.output) for job in jobs}, _overflow(cards),
                 _check)


def pack_material(ctx: BuildContext, page_ids: list[str]) -> tuple[Json, dict[str, bytes | str]]:
    """What a print pack needs to print easy-read pages and cards with these templates: the data
    the cards template reads (`easy-read.json`), each named page's sections, and the pictures."""
    pictures = _Pictures(ctx.pictures)
    data = build_data(ctx.kit, ctx.options, ctx.hard_words, pictures)
    pages = {page.id: page for page in ctx.kit.easy_read_pages}
    data["pack_pages"] = {
        page_id: {"title": pages[page_id].title,
                  "sections": [dict(s, write_in=list(section.write_in)) for s, section in zip(
                      _sections(pages[page_id], ctx.kit, ctx.options, pictures),
                      print_sections(pages[page_id], ctx.kit, ctx.options), strict=True)]}
        for page_id in page_ids if page_id in pages}
    files: dict[str, bytes | str] = {}
    for name, source in pictures.files.items():
        content = source.read_bytes()
        if name.endswith(".svg"):
            content = content.replace(b"<svg ", f'<svg fill="{PICTURE_COLOUR}" '.encode(), 1)
        files[name] = content
    return data, files
