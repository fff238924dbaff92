"""The easy-read pages, made from the records' `easy_read` points, and their checks.

Every enabler, barrier and leader behaviour with easy-read points gets an easy-read page
made from those points, so the standard and easy-read versions come from one record and
cannot drift apart. The pages that are not about one record (what the kit is, what
involvement means, workshops, scoring, a meeting with managers) are made from their
points in kit/easy-read-pages.yml (the booklet prints the same points) with one template,
so they share the same layout, "Words to know" box, review notice and feedback line.
More hand-written pages can go in docs/easy-read/*.md: the build
checks them by the same rules.

Everything is checked here, while the build is being prepared (see pipeline.prepare).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..content import easy_read_pages as pages_model
from ..content import easy_read_rules as rules
from ..content.model import EasyReadPage, EasyReadPoint, EasyReadSection, Kit, Record, Review
from ..content.options import Options
from ..errors import KitError, Problem
from ..outputs import BuildContext, NavItem, NavSections, Page, Rendered
from ..templating import ENV
from ..vocabulary import (
    EASY_READ,
    EASY_READ_INDEX,
    EASY_READ_LEADERSHIP,
    EASY_READ_PAGES,
    EASY_READ_PICTURES,
    KIND_PICTURES,
    KIND_SENTENCES,
    REPORT_PICTURE,
    USER_ROLE,
    easy_read_page,
)
from .pages import link

FOLDER = EASY_READ
INDEX = EASY_READ_INDEX
TEMPLATE_PAGES = EASY_READ_PAGES


def easy_page(record: Record) -> str:
    """The docs path of a record's easy-read page (leader behaviours share one page)."""
    return easy_read_page(record.kind.name, record.kind.folder, record.id)


def twin_of(record: Record) -> str:
    """The easy-read page of a record, or '' when it has no easy-read points."""
    return easy_page(record) if record.easy_read else ""


@dataclass(frozen=True)
class EasyRead:
    pages: tuple[Page, ...]
    nav: NavSections
    downloads: tuple[tuple[str, Path], ...] = ()


def picture_md(path: str) -> Callable[[str, str], str]:
    """Markdown for a point's picture: an icon from the theme, or an image file in docs/."""
    def render(picture: str, alt: str) -> str:
        alt = " ".join(alt.replace('"', "'").split())
        if "." in picture:
            return f"![{alt}]({link(path, picture)}){{ .er-picture }}"
        return f':{picture.replace("/", "-")}:{{ .er-picture role="img" aria-label="{alt}" }}'
    return render


def _with_easy_read(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if r.easy_read]


def _render(template: str, path: str, hard: rules.HardWords, **context: object) -> str:
    """Render twice: once to find the hard words the page uses, then with their "Words to know" box."""
    base: dict[str, object] = {"twin": "", "review": None}
    base.update(context)
    base.update(link=lambda to: link(path, to), picture_md=picture_md(path), easy_page=easy_page,
                kind_picture=KIND_PICTURES, kind_sentence=KIND_SENTENCES, report_picture=REPORT_PICTURE)
    tpl = ENV.get_template(template)
    draft = tpl.render(words=[], **base)
    words = rules.used_hard_words(draft, hard)
    page = tpl.render(words=sorted(words, key=lambda w: w.word.lower()), **base)
    return explain_where_used(page, words, hard, picture_md(path))


_POINT = re.compile(r"^- ")
_PICTURE_PREFIX = re.compile(r"^- (?:!\[[^\]]*\]\([^)]*\)|:[a-z0-9-]+:)(?:\{[^}\n]*\})?\s*")


def explain_where_used(page: str, words: Sequence[rules.HardWord], hard: rules.HardWords,
                       picture: Callable[[str, str], str]) -> str:
    """Each hard word in bold at its first use in a point, and its meaning as the very next point, so a
    reader meets the explanation where they need it (the Words to know box repeats it at the end)."""
    lines = page.split("\n")
    box = next((i for i, line in enumerate(lines) if 'class="er-words' in line), len(lines))
    after: dict[int, list[str]] = {}
    for word in words:
        for i, line in enumerate(lines[:box]):
            prefix = _PICTURE_PREFIX.match(line) if _POINT.match(line) else None
            if prefix is None or rules.is_only_a_link(line[2:]):
                continue
            found = hard.find(word, line[prefix.end():])
            if found is None:
                continue
            start, end = prefix.end() + found[0], prefix.end() + found[1]
            lines[i] = f"{line[:start]}**{line[start:end]}**{line[end:]}"
            pic, alt = (word.picture, word.alt) if word.picture else EASY_READ_PICTURES["words"]
            after.setdefault(i, []).append(f"- {picture(pic, alt)} {word.meaning}")
            break
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(i, []))
    return "\n".join(out)


def render_easy_read_pages(kit: Kit, options: Options, hard: rules.HardWords,
                           existing: tuple[tuple[str, str], ...] = ()) -> list[tuple[Page, str, str | None]]:
    """(page, file to name in messages, record id) for every page the build makes.

    `existing`: (title, path) of the hand-written pages in docs/easy-read/.
    """
    out: list[tuple[Page, str, str | None]] = []
    common = dict(options=options, kit=kit, role=USER_ROLE)
    for kind, heading in (("enabler", "Things that help"), ("barrier", "Things that get in the way")):
        records = _with_easy_read(kit.of_kind(kind))
        if not records:
            continue
        folder = records[0].kind.folder
        path = f"{FOLDER}/{folder}/index.md"
        intro = OVERVIEW_INTRO[kind]
        text = _render("easy-read/overview.md.j2", path, hard, title=heading, records=records,
                       list_heading="Read about each one", intro=intro, twin=f"{folder}/index.md",
                       description=f"{heading}: the kit's {records[0].kind.plural.lower()} in easy read.", **common)
        out.append((Page(path, heading, text), f"{path} (made by templates/easy-read/overview.md.j2)", None))
        for record in records:
            related = [r for r in (kit.get(i) for i in record.related) if r.easy_read]
            page_path = easy_page(record)
            text = _render("easy-read/record.md.j2", page_path, hard, title=record.plain_title, record=record,
                           related=related, twin=record.page, review=record.easy_read_review,
                           description=f"{record.plain_title}, in easy read.", **common)
            out.append((Page(page_path, record.plain_title, text), f"{page_path} (made from {record.file})", record.id))
    for record in _with_easy_read(r for r in kit.switched_off if r.kind.name in ("enabler", "barrier")):
        # Its easy-read address keeps a short page too: a printed easy-read card may point there.
        page_path = easy_page(record)
        overview = f"{FOLDER}/{record.kind.folder}/index.md"
        others = overview if _with_easy_read(kit.of_kind(record.kind.name)) else INDEX
        text = _render("easy-read/switched-off.md.j2", page_path, hard, title=record.title, record=record,
                       others=others, description=f"{record.title}: not used in this copy of the kit.", **common)
        out.append((Page(page_path, record.title, text, in_nav=False),
                    f"{page_path} (made by templates/easy-read/switched-off.md.j2)", record.id))
    behaviours = _with_easy_read(kit.leader_behaviours)
    if behaviours:
        path = EASY_READ_LEADERSHIP
        text = _render("easy-read/leadership.md.j2", path, hard, title="What good leaders do",
                       behaviours=behaviours, twin=behaviours[0].page.partition("#")[0],
                       review=_joint_review(behaviours),
                       description="What good leaders do, in easy read.", **common)
        out.append((Page(path, "What good leaders do", text),
                    f"{path} (made from {behaviours[0].file})", None))
    for page in kit.easy_read_pages:
        template = f"easy-read/{page.id}.md.j2" if page.id in PAGE_TEMPLATES else "easy-read/page.md.j2"
        text = _render(template, page.path, hard, title=page.title, description=page.description,
                       twin=page.twin, sections=screen_sections(page, kit, options, existing),
                       text=_site_links(page.path), **common)
        out.append((Page(page.path, page.title, text), f"{page.path} (made from {page.file}, page '{page.id}')",
                    None))
    return out


# Pages with something only a screen has (the scorer), in a template of their own.
PAGE_TEMPLATES = ("scoring",)
HANDWRITTEN_PICTURE = EASY_READ_PICTURES["handwritten"]


def screen_sections(page: EasyReadPage, kit: Kit, options: Options,
                    existing: tuple[tuple[str, str], ...] = ()) -> list[EasyReadSection]:
    """What the page shows on screen: the model's own point objects, plus a link to each hand-written page."""
    sections = pages_model.sections_for(page, kit, options, "screen")
    for i, section in enumerate(sections):
        if section.add == "easy-read-pages" and existing:
            extra = tuple(EasyReadPoint(f"[{title}]({path})", *HANDWRITTEN_PICTURE) for title, path in existing)
            sections[i] = replace(section, points=section.points + extra)
    return sections


def _site_links(path: str) -> Callable[[str], str]:
    """A point's links name addresses on the site; on the page they are relative to it."""
    return lambda words: pages_model.map_links(words, lambda to: to if _ABSOLUTE.match(to) else link(path, to))


_ABSOLUTE = re.compile(r"^[a-z]+:")


OVERVIEW_INTRO = {
    "enabler": [
        (*KIND_PICTURES["enabler"],
         "The study found some things that help users to have a real say."),
        (*EASY_READ_PICTURES["list"], "Here they are. Each one has its own page."),
    ],
    "barrier": [
        (*KIND_PICTURES["barrier"],
         "The study also found things that get in the way."),
        (*EASY_READ_PICTURES["list"], "Here they are. Each one has its own page."),
    ],
}


def _joint_review(records: Sequence[Record]) -> Review:
    """A page made from several records counts as checked only when all of them were, by the same people."""
    reviews = {(r.easy_read_review.checked_by, r.easy_read_review.date) for r in records}
    if len(reviews) == 1:
        checked_by, date = reviews.pop()
        return Review(checked_by, date)
    return Review()


def nav(pages: list[Page], existing: list[tuple[str, str]]) -> NavSections:
    """The Easy read section: `- Easy read: easy-read/index.md` expands into these pages."""
    by_path = {p.path: p for p in pages}
    items: list[tuple[str, str | list[NavItem]]] = []
    for path, _, title, _, _ in TEMPLATE_PAGES[1:2]:
        if path in by_path:
            items.append((title, path))
    for folder in ("enablers", "barriers"):
        index = f"{FOLDER}/{folder}/index.md"
        if index in by_path:
            children: list[NavItem] = [index]
            children.extend({p.title: p.path} for p in pages
                            if p.path.startswith(f"{FOLDER}/{folder}/") and p.path != index and p.in_nav)
            items.append((by_path[index].title, children))
    if EASY_READ_LEADERSHIP in by_path:
        items.append(("What good leaders do", EASY_READ_LEADERSHIP))
    for path, _, title, _, _ in TEMPLATE_PAGES[2:]:
        if path in by_path:
            items.append((title, path))
    items.extend(existing)
    return {INDEX: items}


def _handwritten(docs_dir: Path) -> list[tuple[str, str, str]]:
    """(docs path, title, markdown) of each hand-written page in docs/easy-read/."""
    folder = Path(docs_dir) / FOLDER
    out = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        title = next((line.partition(":")[2].strip().strip('"') for line in text.split("\n")[:8]
                      if line.startswith("title:")), path.stem)
        out.append((f"{FOLDER}/{path.name}", title.removesuffix(" (easy read)"), text))
    return out


def render_web(ctx: BuildContext) -> Rendered:
    """Make the pages, then check every page (the made ones and docs/easy-read/*.md); the loader
    has already checked the records' own points.

    Raises KitError with every mistake found.
    """
    hard = ctx.hard_words
    problems: list[Problem] = []
    handwritten = _handwritten(ctx.docs_dir)
    existing = tuple((title, path) for path, title, _ in handwritten)
    made = render_easy_read_pages(ctx.kit, ctx.options, hard, existing=existing)
    docs_label = ctx.docs_dir.name
    clashes = {p.path for p, _, _ in made} & {path for path, _, _ in handwritten}
    for path in sorted(clashes):
        problems.append(Problem(f"{docs_label}/{path}", "the build makes a page at this address from the "
                                "records; rename or remove the hand-written page"))
    checks = [(file, record, page.markdown) for page, file, record in made]
    checks += [(f"{docs_label}/{path}", None, text) for path, _, text in handwritten]
    problems.extend(rules.check_all(checks, hard))
    # Records and kit/easy-read-pages.yml are checked by the loader; this catches the templates' own
    # points (the consent, a switched-off page) and the hand-written pages.
    for file, _, text in checks:
        problems.extend(rules.theme_icons_on_page(text, file=file))
    # The made pages' titles and headings come from records and pages the loader has checked.
    for path, _, text in handwritten:
        problems.extend(rules.check_headings(text, ctx.jargon, file=f"{docs_label}/{path}"))
    if problems:
        raise KitError(problems)
    pages = [page for page, _, _ in made]
    return Rendered(tuple(pages), nav(pages, list(existing)))
