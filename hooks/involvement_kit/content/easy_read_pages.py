"""The easy-read pages not about one record, read from kit/easy-read-pages.yml.

Each page is a list of sections, each a list of points, so the website and the easy-read
booklet print the very same point objects: neither reads the other's output. A page's
address, title, description and standard twin are in the vocabulary (EASY_READ_PAGES),
because other pages link to it by them; the file holds only what the page says.

Some points come from elsewhere in the kit, added here so both outputs share them: the
scoring scale (`add: scale`, from the vocabulary), the activities' own easy-read points
(`add: activities`) and the links to the easy-read PDFs (`add: easy-read-pdfs`). Only the
hand-written pages in docs/easy-read/ are added later, by the website, which alone knows them.

Every mistake names the file, the page, the field and the line; the easy-read rules
(sentence length, emphasis, alt text) are checked here too, as for the records' points.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import KitError, Problem
from ..vocabulary import (
    DONT_KNOW,
    EASY_READ_FILE_PICTURES,
    EASY_READ_FILE_TITLES,
    EASY_READ_FILES,
    EASY_READ_PAGES,
    EASY_READ_PICTURES,
    SCALE,
    Level,
    download,
)
from .easy_read_rules import Jargon, PictureUse, check_text, picture_problem
from .model import Activity, EasyReadPage, EasyReadPagePoint, EasyReadPoint, EasyReadSection, Entry, Kit, Statement
from .options import Options
from .schema import HTML_TAG
from .yamlsource import Path_, Source, read_source

FILE = "easy-read-pages.yml"

# Field -> what it holds, for messages and for kit/README.md (a test keeps the two in step).
PAGE_FIELDS = {
    "id": "which page: " + ", ".join(name for _, name, _, _, _ in EASY_READ_PAGES),
    "sections": "the page's sections, in order",
}
SECTION_FIELDS = {
    "heading": "the section's heading (only the first section may have none)",
    "level": "2 for a heading, 3 for a heading under the one before (default 2)",
    "points": "the section's points, each with text, picture and alt (and when)",
    "when": "show the section only when this holds (see the conditions)",
    "screen_only": "true: on the website only, not in the booklet",
    "print_only": "true: in the booklet only, not on the website",
    "add": "points the build adds from elsewhere in the kit (see the additions)",
    "write_in": "labels of spaces to write or draw in, after the points",
}
POINT_FIELDS = {
    "text": "one or two short sentences; a link is [words](address), the address as on the site",
    "picture": "a symbol such as 'images/symbols/talk-4.svg', or an image file of your own in docs/",
    "alt": "what the picture shows, for people who cannot see it",
    "when": "show the point only when this holds (see the conditions)",
}
WHEN = {
    "easy-read-pdfs": "the build makes the easy-read PDFs ('easy-read' in extra.kit.outputs)",
    "feedback": "a feedback contact is set (extra.kit.feedback)",
    "no-feedback": "no feedback contact is set",
    "enablers": "some enabler has easy-read points",
    "barriers": "some barrier has easy-read points",
    "leader-behaviours": "some leader behaviour has easy-read points",
}
ADD = {
    "scale": "before the section's own points, one point for each answer on the scoring scale",
    "activities": "after the section, a section for each activity with easy-read points (none: no section)",
    "easy-read-pdfs": "after the section's own points, a link to each easy-read PDF",
    "easy-read-pages": "after the section's own points, a link to each hand-written page in docs/easy-read/ "
                       "(website only)",
}
PDF_PICTURE = EASY_READ_PICTURES["printer"]
MEDIA = ("screen", "print")
MAX_CHARS = 300
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
_WEB_ADDRESS = re.compile(r"^(?:https://|mailto:)")
_SITE_ADDRESS = re.compile(r"^[a-z0-9][\w./-]*(?:#[\w-]+)?$")


def scale_words(level: Level) -> str:
    """An answer as the easy-read scorer and the easy-read scoring sheet show it: '1. Happens, but ...'."""
    return level.easy if level.value is None else f"{level.value}. {level.easy}"


# Made once, so every output shows the same point objects.
SCALE_POINTS = tuple(EasyReadPagePoint(scale_words(level), level.picture, level.alt) for level in (*SCALE, DONT_KNOW))


def pdf_points() -> tuple[EasyReadPagePoint, ...]:
    return tuple(EasyReadPagePoint(f"[{EASY_READ_FILE_TITLES[name]}]({download(name)})",
                                   *EASY_READ_FILE_PICTURES.get(name, PDF_PICTURE), when="easy-read-pdfs")
                 for name in EASY_READ_FILES.values())


# --- what a page shows, where -----------------------------------------------------------------

def holds(when: str, kit: Kit, options: Options) -> bool:
    if not when:
        return True
    if when == "easy-read-pdfs":
        return "easy-read" in options.outputs
    if when in ("feedback", "no-feedback"):
        return bool(options.feedback) == (when == "feedback")
    kind = {"enablers": kit.enablers, "barriers": kit.barriers, "leader-behaviours": kit.leader_behaviours}[when]
    return any(r.easy_read for r in kind)


def sections_for(page: EasyReadPage, kit: Kit, options: Options, medium: str) -> list[EasyReadSection]:
    """The sections a medium ('screen' or 'print') shows, each holding only the points shown.

    A section left with neither points nor a section under it is still shown on screen when
    it has a heading (a heading above sub-sections), but never printed.
    """
    if medium not in MEDIA:
        raise ValueError(f"medium must be one of {MEDIA}, not {medium!r}")
    out = []
    for section in page.sections:
        if not holds(section.when, kit, options):
            continue
        if (medium == "print" and section.screen_only) or (medium == "screen" and section.print_only):
            continue
        points = tuple(p for p in section.points if holds(getattr(p, "when", ""), kit, options))
        if medium == "print" and not points:
            continue
        out.append(section if points == section.points else _with_points(section, points))
    return out


def _with_points(section: EasyReadSection, points: tuple[EasyReadPoint, ...]) -> EasyReadSection:
    return replace(section, points=points)


def plain(text: str) -> str:
    """A point's words for paper: a link keeps its words only."""
    return _LINK.sub(r"\1", text).strip()


def map_links(text: str, address: Callable[[str], str]) -> str:
    """The text with each link's address changed by `address`."""
    return _LINK.sub(lambda m: f"[{m.group(1)}]({address(m.group(2))})", text)


def links(text: str) -> list[str]:
    """The addresses a point's text links to."""
    return [m.group(2) for m in _LINK.finditer(text)]


# --- reading the file -------------------------------------------------------------------------

def load_pages(kit_dir: Path, label: str, records: Iterable[Entry | Statement],
               picture_exists: Callable[[str], bool] | None = None, jargon: Jargon | None = None,
               uses: list[PictureUse] | None = None,
               ) -> tuple[tuple[EasyReadPage, ...], list[Problem]]:
    """The pages, in the vocabulary's order, and every mistake found. A kit without the file has none.
    `uses`: where each point's picture is used is added to it (for the 4% rule)."""
    path = Path(kit_dir) / FILE
    name = f"{label}/{FILE}"
    if not path.exists():
        return (), []
    try:
        source = read_source(path, name)
    except KitError as exc:
        return (), list(exc.problems)
    reader = _Reader(source, records, picture_exists, jargon or Jargon(), uses if uses is not None else [])
    pages = reader.pages()
    return pages, reader.problems


_KNOWN = {name: (path, title, description, twin or "") for path, name, title, description, twin in EASY_READ_PAGES}


class _Reader:
    def __init__(self, source: Source, records: Iterable[Entry | Statement],
                 picture_exists: Callable[[str], bool] | None, jargon: Jargon, uses: list[PictureUse]):
        self.source = source
        self.jargon = jargon
        self.uses = uses
        self.activities = [r for r in records if isinstance(r, Activity) and r.easy_read]
        self.picture_exists = picture_exists
        self.problems: list[Problem] = []

    def problem(self, page: str | None, field: str | None, message: str, *path: str | int) -> None:
        self.problems.append(Problem(self.source.name, message, record=page, field=field,
                                     line=self.source.line(*path)))

    def pages(self) -> tuple[EasyReadPage, ...]:
        data = self.source.data
        if not isinstance(data, list):
            self.problem(None, None, "expected a list of pages, each starting with '- id:'")
            return ()
        found: dict[str, EasyReadPage] = {}
        # A page with a mistake is not also reported missing.
        named = {item.get("id") for item in data if isinstance(item, dict)}
        for index, item in enumerate(data):
            page = self.page(index, item)
            if page is None:
                continue
            if page.id in found:
                self.problem(page.id, "id", "this page is in the file twice", index, "id")
            found[page.id] = page
        missing = [name for name in _KNOWN if name not in named]
        if missing:
            self.problem(None, None, "these easy-read pages are missing: " + ", ".join(missing)
                         + "; every page the site links to needs its points")
        return tuple(found[name] for name in _KNOWN if name in found)

    def page(self, index: int, item: object) -> EasyReadPage | None:
        if not isinstance(item, dict):
            self.problem(f"item {index + 1}", None, "expected a page with id and sections", index)
            return None
        page_id = item.get("id")
        if not isinstance(page_id, str) or page_id not in _KNOWN:
            self.problem(f"item {index + 1}", "id", f"expected one of: {', '.join(_KNOWN)}; found {page_id!r}",
                         index, "id")
            return None
        before = len(self.problems)
        self.unknown(page_id, "", item, PAGE_FIELDS, index)
        raw_sections = item.get("sections")
        if not isinstance(raw_sections, list) or not raw_sections:
            self.problem(page_id, "sections", "expected a list of sections, each with a heading and points",
                         index, "sections")
            raw_sections = []
        sections: list[EasyReadSection] = []
        for s, raw in enumerate(raw_sections):
            sections.extend(self.section(page_id, index, s, raw))
        if len(self.problems) > before:
            return None
        path, title, description, twin = _KNOWN[page_id]
        return EasyReadPage(page_id, path, title, description, twin, tuple(sections), self.source.name)

    def unknown(self, page_id: str, prefix: str, item: dict[Any, Any], known: dict[str, str],
                *path: str | int) -> set[str]:
        """Report unknown keys; return the fields they were probably meant to be."""
        meant = set()
        for key in item:
            if key not in known:
                hint = difflib.get_close_matches(str(key), list(known), n=1)
                meant.update(hint)
                self.problem(page_id, f"{prefix}{key}", "unknown field" + (f"; did you mean '{hint[0]}'?" if hint
                             else "") + f" Expected one of: {', '.join(known)}", *path, key)
        return meant

    def section(self, page_id: str, index: int, s: int, raw: object) -> list[EasyReadSection]:  # noqa: C901 (one branch per section field, in file order)
        at = (index, "sections", s)
        field = f"sections[{s + 1}]"
        if not isinstance(raw, dict):
            self.problem(page_id, field, "expected a section with a heading and points", *at)
            return []
        self.unknown(page_id, f"{field}.", raw, SECTION_FIELDS, *at)
        heading = raw.get("heading", "")
        if not isinstance(heading, str) or (not heading.strip() and s > 0):
            self.problem(page_id, f"{field}.heading", "give the section a heading (only the first may have none)",
                         *at, "heading")
            heading = ""
        elif heading:
            self.text(page_id, f"{field}.heading", heading, at + ("heading",))
            self.problems.extend(self.jargon.problem(heading, file=self.source.name, record=page_id,
                                                     field=f"{field}.heading", line=self.source.line(*at, "heading")))
        level = raw.get("level", 2)
        if level not in (2, 3) or isinstance(level, bool):
            self.problem(page_id, f"{field}.level", f"expected 2 or 3, found {level!r}", *at, "level")
        flags = {}
        for flag in ("screen_only", "print_only"):
            flags[flag] = raw.get(flag, False)
            if not isinstance(flags[flag], bool):
                self.problem(page_id, f"{field}.{flag}", "expected true or false", *at, flag)
        if flags["screen_only"] is True and flags["print_only"] is True:
            self.problem(page_id, field, "a section cannot be both screen_only and print_only", *at, "print_only")
        when = self.condition(page_id, f"{field}.when", raw.get("when", ""), at + ("when",))
        add = raw.get("add", "")
        if add and add not in ADD:
            self.problem(page_id, f"{field}.add", f"expected one of: {', '.join(ADD)}; found {add!r}", *at, "add")
        write_in = raw.get("write_in", [])
        if not isinstance(write_in, list) or not all(isinstance(w, str) and w.strip() for w in write_in):
            self.problem(page_id, f"{field}.write_in", "expected a list of short labels, such as [\"1\", \"2\"]",
                         *at, "write_in")
            write_in = []
        raw_points = raw.get("points", [])
        if not isinstance(raw_points, list) or (not raw_points and not add):
            self.problem(page_id, f"{field}.points", "expected a list of points, each with text, picture and alt",
                         *at, "points")
            raw_points = []
        points = [p for i, item in enumerate(raw_points)
                  if (p := self.point(page_id, f"{field}.points[{i + 1}]", item, at + ("points", i)))]
        if add == "scale":
            points = list(SCALE_POINTS) + points
        elif add == "easy-read-pdfs":
            points += pdf_points()
        section = EasyReadSection(heading.strip(), level if level in (2, 3) else 2, "", tuple(points), when,
                                  flags["screen_only"] is True, flags["print_only"] is True,
                                  add if add == "easy-read-pages" else "", tuple(w.strip() for w in write_in),
                                  scale=add == "scale")
        if add != "activities":
            return [section]
        if not self.activities:
            return []
        # Each activity's own points, under its title: the anchor is its id, as on its standard page.
        return [section] + [EasyReadSection(a.plain_title, 3, a.id, a.easy_read, when, section.screen_only,
                                            section.print_only) for a in self.activities]

    def condition(self, page_id: str, field: str, when: object, path: Path_) -> str:
        if when == "" or when is None:
            return ""
        if not isinstance(when, str) or when not in WHEN:
            self.problem(page_id, field, f"expected one of: {', '.join(WHEN)}; found {when!r}", *path)
            return ""
        return when

    def point(self, page_id: str, field: str, item: object, path: Path_) -> EasyReadPagePoint | None:
        if not isinstance(item, dict):
            self.problem(page_id, field, "expected a point with text, picture and alt", *path)
            return None
        before = len(self.problems)
        meant = self.unknown(page_id, f"{field}.", item, POINT_FIELDS, *path)
        values = {}
        for key in ("text", "picture", "alt"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                if key not in meant:
                    self.problem(page_id, f"{field}.{key}", f"is required: {POINT_FIELDS[key]}", *path, key)
            else:
                values[key] = value.strip()
        when = self.condition(page_id, f"{field}.when", item.get("when", ""), path + ("when",))
        picture = values.get("picture")
        wrong = picture_problem(picture, POINT_FIELDS["picture"], self.picture_exists) if picture else None
        if wrong:
            self.problem(page_id, f"{field}.picture", wrong, *path, "picture")
        elif picture:
            self.uses.append(PictureUse(picture, self.source.name, page_id, f"{field}.picture",
                                        self.source.line(*path, "picture")))
        if "text" in values:
            self.text(page_id, f"{field}.text", values["text"], path + ("text",), point=True)
            for address in links(values["text"]):
                if not (_WEB_ADDRESS.match(address) or (_SITE_ADDRESS.match(address) and ".." not in address)):
                    self.problem(page_id, f"{field}.text", f"the link address '{address}' is not a page of the "
                                 "site (such as easy-read/meeting.md) or a web address (https://...)",
                                 *path, "text")
        if "alt" in values:
            self.text(page_id, f"{field}.alt", values["alt"], path + ("alt",))
        if len(self.problems) > before:
            return None
        return EasyReadPagePoint(values["text"], values["picture"], values["alt"], when=when)

    def text(self, page_id: str, field: str, text: str, path: Path_, point: bool = False) -> None:
        line = self.source.line(*path)
        if HTML_TAG.search(text):
            self.problems.append(Problem(self.source.name, "contains HTML; write plain text", record=page_id,
                                         field=field, line=line))
            return
        if len(text) > MAX_CHARS:
            self.problems.append(Problem(self.source.name, f"is {len(text)} characters long; expected at most "
                                         f"{MAX_CHARS}", record=page_id, field=field, line=line))
        self.problems.extend(check_text(text, file=self.source.name, record=page_id, field=field, line=line,
                                        point=point))
