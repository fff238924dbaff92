"""The easy-read pages, made from the records' `easy_read` points, and their checks.

Every enabler, barrier and leader behaviour with easy-read points gets an easy-read page
made from those points, so the standard and easy-read versions come from one record and
cannot drift apart. The pages that are not about one record (what the kit is, what
involvement means, workshops, scoring, a meeting with managers) are templates in
templates/easy-read/, so they share the same layout, "Words to know" box, review notice
and feedback line. More hand-written pages can go in docs/easy-read/*.md: the build
checks them by the same rules.

Everything is checked here, while the build is being prepared (see project.prepare).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import easy_read as rules
from .errors import KitError, Problem
from .model import Kit, Record, Review
from .options import Options
from .pages import Page, link

FOLDER = "easy-read"
INDEX = f"{FOLDER}/index.md"
ROLE = "Person using services"

_env = Environment(loader=PackageLoader("involvement_kit", "templates"), undefined=StrictUndefined,
                   keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
_env.filters["capitalize_first"] = lambda s: s[:1].upper() + s[1:]

# The first point of each record's page says what kind of thing it is.
KIND_PICTURES = {
    "enabler": ("material/arrow-up-bold-circle-outline", "An arrow pointing up"),
    "barrier": ("material/alert-octagon-outline", "A stop sign"),
    "leader_behaviour": ("material/account-star-outline", "A person with a star"),
}
KIND_SENTENCES = {
    "enabler": "This is one of the things that help users to have a say.",
    "barrier": "This is one of the things that get in the way.",
    "leader_behaviour": "This is one thing that good leaders do.",
}

# The pages that are not about one record: (path, template, title, description, standard twin).
TEMPLATE_PAGES = (
    (INDEX, "index", "Easy read: about this kit",
     "What this kit is and who it is for, in easy read.", "user-groups.md"),
    (f"{FOLDER}/involvement.md", "involvement", "What involvement means",
     "What user involvement means, and its two kinds, in easy read.", "what-is-involvement.md"),
    (f"{FOLDER}/workshops.md", "workshops", "A workshop with the cards",
     "How a workshop with the kit's cards works, in easy read.", "workshops.md"),
    (f"{FOLDER}/scoring.md", "scoring", "Score your organisation",
     "How the scoring works, and an easy-read scorer, in easy read.", "scoring/index.md"),
    (f"{FOLDER}/meeting.md", "meeting", "Get ready to meet managers",
     "A sheet to help a group get ready for a meeting with managers, in easy read.", None),
)


def easy_page(record: Record) -> str:
    """The docs path of a record's easy-read page (leader behaviours share one page)."""
    if record.kind.name == "leader_behaviour":
        return f"{FOLDER}/leadership.md#{record.id}"
    return f"{FOLDER}/{record.kind.folder}/{record.id}.md"


def twin_of(record: Record) -> str:
    """The easy-read page of a record, or '' when it has no easy-read points."""
    return easy_page(record) if record.easy_read else ""


@dataclass(frozen=True)
class EasyRead:
    pages: tuple[Page, ...]
    nav: dict
    downloads: tuple[tuple[str, Path], ...] = ()


def picture_md(path: str):
    """Markdown for a point's picture: an icon from the theme, or an image file in docs/."""
    def render(picture: str, alt: str) -> str:
        alt = " ".join(alt.replace('"', "'").split())
        if "." in picture:
            return f"![{alt}]({link(path, picture)}){{ .er-picture }}"
        return f':{picture.replace("/", "-")}:{{ .er-picture role="img" aria-label="{alt}" }}'
    return render


def _with_easy_read(records) -> list[Record]:
    return [r for r in records if r.easy_read]


def _render(template: str, path: str, hard: rules.HardWords, **context) -> str:
    """Render twice: once to find the hard words the page uses, then with their "Words to know" box."""
    base = dict(twin="", review=None)
    base.update(context)
    base.update(link=lambda to: link(path, to), picture_md=picture_md(path), easy_page=easy_page,
                kind_picture=KIND_PICTURES, kind_sentence=KIND_SENTENCES)
    tpl = _env.get_template(template)
    draft = tpl.render(words=[], **base)
    return tpl.render(words=rules.used_hard_words(draft, hard), **base)


def render_easy_read_pages(kit: Kit, options: Options, hard: rules.HardWords,
                           downloads: tuple[str, ...] = (), existing: tuple[str, ...] = ()) -> list[tuple[Page, str, str | None]]:
    """(page, file to name in messages, record id) for every page the build makes.

    `downloads`: site paths of the easy-read PDFs. `existing`: hand-written pages in docs/easy-read/.
    """
    out: list[tuple[Page, str, str | None]] = []
    common = dict(options=options, kit=kit, downloads=downloads, role=ROLE, download_titles=DOWNLOAD_TITLES)
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
            page = easy_page(record)
            text = _render("easy-read/record.md.j2", page, hard, title=record.title, record=record,
                           related=related, twin=record.page, review=record.easy_read_review,
                           description=f"{record.title}, in easy read.", **common)
            out.append((Page(page, record.title, text), f"{page} (made from {record.file})", record.id))
    behaviours = _with_easy_read(kit.leader_behaviours)
    if behaviours:
        path = f"{FOLDER}/leadership.md"
        text = _render("easy-read/leadership.md.j2", path, hard, title="What good leaders do",
                       behaviours=behaviours, twin=behaviours[0].page.partition("#")[0],
                       review=_joint_review(behaviours),
                       description="What good leaders do, in easy read.", **common)
        out.append((Page(path, "What good leaders do", text),
                    f"{path} (made from {behaviours[0].file})", None))
    for path, name, title, description, twin in TEMPLATE_PAGES:
        text = _render(f"easy-read/{name}.md.j2", path, hard, title=title, description=description,
                       twin=twin or "", pages=existing, **common)
        out.append((Page(path, title, text), f"{path} (made by templates/easy-read/{name}.md.j2)", None))
    return out


DOWNLOAD_TITLES = {
    "easy-read-booklet.pdf": "The easy-read booklet (PDF)",
    "easy-read-cards.pdf": "The easy-read cards (PDF)",
    "easy-read-scoring.pdf": "The easy-read scoring sheet (PDF)",
}

OVERVIEW_INTRO = {
    "enabler": [
        ("material/arrow-up-bold-circle-outline", "An arrow pointing up",
         "The study found some things that help users to have a real say."),
        ("material/format-list-bulleted", "A list", "Here they are. Each one has its own page."),
    ],
    "barrier": [
        ("material/alert-octagon-outline", "A stop sign",
         "The study also found things that get in the way."),
        ("material/format-list-bulleted", "A list", "Here they are. Each one has its own page."),
    ],
}


def _joint_review(records) -> Review:
    """A page made from several records counts as checked only when all of them were, by the same people."""
    reviews = {(r.easy_read_review.checked_by, r.easy_read_review.date) for r in records}
    if len(reviews) == 1:
        checked_by, date = reviews.pop()
        return Review(checked_by, date)
    return Review()


def nav(pages: list[Page], existing: list[tuple[str, str]]) -> dict:
    """The Easy read section: `- Easy read: easy-read/index.md` expands into these pages."""
    by_path = {p.path: p for p in pages}
    items: list = []
    for path, _, title, _, _ in TEMPLATE_PAGES[1:2]:
        items.append((title, path))
    for folder in ("enablers", "barriers"):
        index = f"{FOLDER}/{folder}/index.md"
        if index in by_path:
            children = [index] + [{p.title: p.path} for p in pages
                                  if p.path.startswith(f"{FOLDER}/{folder}/") and p.path != index]
            items.append((by_path[index].title, children))
    if f"{FOLDER}/leadership.md" in by_path:
        items.append(("What good leaders do", f"{FOLDER}/leadership.md"))
    for path, _, title, _, _ in TEMPLATE_PAGES[2:]:
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


def prepare_easy_read(kit: Kit, options: Options, *, project_dir: Path, kit_dir: Path, docs_dir: Path,
                      label: str = "kit", cache_dir: Path | None = None, icon_dirs: list[Path] | None = None) -> EasyRead:
    """Load the hard words, check the records, make the pages and PDFs, check every page. Raises KitError."""
    hard = rules.load_hard_words(kit_dir, label)
    problems = rules.check_records(kit, project_dir)
    if problems:
        raise KitError(problems)
    printing = cache_dir is not None and bool(icon_dirs) and "easy-read" in options.outputs
    if printing:
        from .easy_read_print import DOWNLOADS, OUTPUTS
        download_paths = tuple(f"{DOWNLOADS}/{name}" for _, name in OUTPUTS.values())
    else:
        download_paths = ()
    handwritten = _handwritten(docs_dir)
    existing = tuple((title, path) for path, title, _ in handwritten)
    made = render_easy_read_pages(kit, options, hard, downloads=download_paths, existing=existing)
    docs_label = Path(docs_dir).name
    clashes = {p.path for p, _, _ in made} & {path for path, _, _ in handwritten}
    for path in sorted(clashes):
        problems.append(Problem(f"{docs_label}/{path}", "the build makes a page at this address from the "
                                "records; rename or remove the hand-written page"))
    checks = [(file, record, page.markdown) for page, file, record in made]
    checks += [(f"{docs_label}/{path}", None, text) for path, _, text in handwritten]
    problems.extend(rules.check_all(checks, hard))
    if problems:
        raise KitError(problems)
    pages = [page for page, _, _ in made]
    downloads: tuple[tuple[str, Path], ...] = ()
    if printing:
        from .easy_read_print import render_easy_read_print
        downloads = tuple(render_easy_read_print(kit, options, hard, cache_dir=Path(cache_dir),
                                                 icon_dirs=list(icon_dirs), docs_dir=Path(docs_dir),
                                                 pages={p.path: p.markdown for p in pages}))
    return EasyRead(tuple(pages), nav(pages, list(existing)), tuple(downloads))
