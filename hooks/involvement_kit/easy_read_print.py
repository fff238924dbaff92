"""Easy-read PDFs with Typst: a booklet, cards and a scoring sheet, all on A4.

The text comes from the same places as the easy-read pages: each record's `easy_read`
points, and the easy-read pages the build has already made and checked (their points are
read back from the Markdown), so paper and screen say the same thing. Typst reads the
content as JSON, so no text is ever parsed as markup.

Like the workshop cards (printing.py), the PDFs are kept in a cache folder outside site/,
under a hash of everything that goes into them. Rules checked here: the booklet has at most
24 pages, and every card's points fit on the card (a KitError names the card otherwise).
"""

from __future__ import annotations

import json
import re
import shutil
from importlib.metadata import version as package_version
from pathlib import Path

from .filecache import Fingerprint, cached_files
from .errors import KitError, Problem
from .model import Kit
from .options import Options
from .printing import font_dir

TEMPLATES = Path(__file__).parent / "templates" / "typst"
OUTPUTS = {
    "booklet": ("easy-read-booklet.typ", "easy-read-booklet.pdf"),
    "cards": ("easy-read-cards.typ", "easy-read-cards.pdf"),
    "scoring": ("easy-read-scoring.typ", "easy-read-scoring.pdf"),
}
DOWNLOADS = "downloads"
MAX_BOOKLET_PAGES = 24
PICTURE_COLOUR = "#283593"
SCALE_PICTURES = ("material/circle-outline", "material/circle-half-full", "material/circle",
                  "material/help-circle-outline")
SCALE_WORDS = ("0. Not happening", "1. Happens, but managers decide how", "2. Happens, and users lead it",
               "I do not know")
_POINT = re.compile(r"^- :([a-z0-9]+(?:-[a-z0-9]+)+):\{[^}]*aria-label=\"([^\"]*)\"[^}]*\}\s*(.*)$"
                    r"|^- !\[([^\]]*)\]\(([^)\s]+)\)(?:\{[^}]*\})?\s*(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_OVERFLOW = re.compile(r"kit-overflow\|card=([a-z0-9-]+)\|over=([0-9.]+)")
# Sections of the web pages that only make sense on screen.
_SCREEN_ONLY = {"Words to know", "Read more", "What is in this part", "Print on paper", "Your answers"}


def _picture_file(name: str, icon_dirs: list[Path], docs_dir: Path) -> Path:
    if "." in name:
        return Path(docs_dir) / name
    icon_set, _, icon = name.partition("/")
    for folder in icon_dirs:
        path = Path(folder) / icon_set / f"{icon}.svg"
        if path.is_file():
            return path
    raise FileNotFoundError(f"picture '{name}' was not found")


class _Pictures:
    """Every picture the PDFs use, copied into the Typst folder under a safe name."""

    def __init__(self, icon_dirs: list[Path], docs_dir: Path):
        self.icon_dirs, self.docs_dir = icon_dirs, docs_dir
        self.files: dict[str, Path] = {}

    def __call__(self, name: str) -> str:
        source = _picture_file(name, self.icon_dirs, self.docs_dir)
        safe = re.sub(r"[^a-z0-9.-]+", "-", name.lower())
        key = f"pictures/{safe}" if "." in name else f"pictures/{safe}.svg"
        self.files[key] = source
        return key


def _point(text: str, picture: str, alt: str, pictures: _Pictures) -> dict:
    return {"text": text, "picture": pictures(picture), "alt": alt, "svg": "." not in picture}


def page_points(markdown: str, pictures: _Pictures) -> list[dict]:
    """The points of an easy-read page, by section: [{'heading': str, 'points': [...]}]."""
    sections = [{"heading": "", "points": []}]
    in_about = False
    for line in markdown.split("\n"):
        if line.startswith("## ") or line.startswith("### "):
            heading = re.sub(r"\{[^}]*\}\s*$", "", line.lstrip("#")).strip()
            sections.append({"heading": heading, "points": []})
            continue
        if "er-about-page" in line:
            in_about = True
        elif line.startswith("</div>"):
            in_about = False
        match = _POINT.match(line)
        if match and not in_about:
            if match.group(1):
                name = match.group(1).replace("-", "/", 1)
                alt, text = match.group(2), match.group(3)
            else:
                name, alt, text = match.group(5).lstrip("./"), match.group(4), match.group(6)
                name = re.sub(r"^(\.\./)+", "", match.group(5))
            sections[-1]["points"].append(_point(_LINK.sub(r"\1", text).strip(), name, alt, pictures))
    return [s for s in sections if s["points"] and s["heading"] not in _SCREEN_ONLY]


def build_data(kit: Kit, options: Options, hard, pages: dict[str, str], pictures: _Pictures) -> dict:
    """Everything the three templates print, as plain data."""
    from .easy_read import markdown_to_text
    from .easy_read_pages import KIND_PICTURES, KIND_SENTENCES

    def record_item(record) -> dict:
        kind_picture, kind_alt = KIND_PICTURES[record.kind.name]
        return {
            "id": record.id, "kind": record.kind.name, "kind_label": record.kind.label,
            "title": record.title,
            "kind_point": _point(KIND_SENTENCES[record.kind.name], kind_picture, kind_alt, pictures),
            "points": [_point(p.text, p.picture, p.alt, pictures) for p in record.easy_read],
            "checked": record.easy_read_review.done,
            "file": record.file,
        }

    def from_page(path: str, title: str) -> dict:
        return {"title": title, "sections": page_points(pages.get(path, ""), pictures)}

    enablers = [record_item(r) for r in kit.enablers if r.easy_read]
    barriers = [record_item(r) for r in kit.barriers if r.easy_read]
    leaders = [record_item(r) for r in kit.leader_behaviours if r.easy_read]
    records = enablers + barriers + leaders
    feedback = (f"Is this hard to read? Tell us: {options.feedback}." if options.feedback
                else "Is this hard to read? Tell the person who gave you this kit.")
    booklet_text = []
    for item in records:
        booklet_text += [item["title"]] + [p["text"] for p in item["points"]]
    chapters = [from_page("easy-read/index.md", "About this booklet"),
                from_page("easy-read/involvement.md", "What involvement means")]
    for chapter in chapters:
        for section in chapter["sections"]:
            booklet_text += [section["heading"]] + [p["text"] for p in section["points"]]
    scoring = from_page("easy-read/scoring.md", "Score your organisation")
    workshop = from_page("easy-read/workshops.md", "A workshop with the cards")
    for chapter in (scoring, workshop):
        for section in chapter["sections"]:
            booklet_text += [section["heading"]] + [p["text"] for p in section["points"]]
    words = [{"word": w.word[:1].upper() + w.word[1:], "meaning": w.meaning}
             for w in hard.used_in(markdown_to_text("\n".join(booklet_text)))]
    statements = [{"id": s.id, "text": s.easy_read or s.text, "quick": s.quick} for s in kit.statements]
    return {
        "version": kit.version,
        "organisation": options.organisation,
        "url": options.page_url("easy-read/index.md"),
        "feedback": feedback,
        # The booklet also holds text that is in no record, and nobody records a check of that:
        # so it never says the whole booklet was checked.
        "review": ("People with learning disabilities checked some of this text. Not all of it is checked yet."
                   if any(r["checked"] for r in records)
                   else "People with learning disabilities have not checked this text yet."),
        "review_picture": pictures("material/account-clock"),
        "feedback_picture": pictures("material/message-alert-outline"),
        "words_picture": pictures("material/book-alphabet"),
        "computer_picture": pictures("material/laptop"),
        "tick_picture": pictures("material/checkbox-marked-outline"),
        "chapters": chapters,
        "enablers": enablers,
        "barriers": barriers,
        "leaders": leaders,
        "scoring": scoring,
        "workshop": workshop,
        "words": words,
        "kind_pictures": {k: pictures(v[0]) for k, v in KIND_PICTURES.items()},
        "scale": [{"value": v, "picture": pictures(p), "words": w}
                  for v, p, w in zip((0, 1, 2, None), SCALE_PICTURES, SCALE_WORDS)],
        "statements": statements,
        "picture_colour": PICTURE_COLOUR,
    }


def render_easy_read_print(kit: Kit, options: Options, hard, *, cache_dir: Path, icon_dirs: list[Path],
                           docs_dir: Path, pages: dict[str, str] | None = None) -> list[tuple[str, Path]]:
    """The easy-read PDFs as (site path, file on disk), made only when an input changed."""
    pictures = _Pictures(icon_dirs, docs_dir)
    data = build_data(kit, options, hard, pages or {}, pictures)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    fonts = sorted(font_dir().glob("*.[ot]tf"))

    def make(work: Path) -> None:
        (work / "pictures").mkdir()
        for template in TEMPLATES.glob("easy-read-*.typ"):
            shutil.copyfile(template, work / template.name)
        (work / "easy-read.json").write_text(text, encoding="utf-8")
        for name, source in pictures.files.items():
            content = source.read_bytes()
            if name.endswith(".svg") and data["picture_colour"]:
                # The theme's icons are black; one dark colour, with good contrast on white paper.
                content = content.replace(b"<svg ", f'<svg fill="{PICTURE_COLOUR}" '.encode(), 1)
            (work / name).write_bytes(content)
        _typeset(work, data)
        _check_booklet(work / OUTPUTS["booklet"][1])

    names = [name for _, name in OUTPUTS.values()]
    files = cached_files(Path(cache_dir) / "easy-read", _cache_key(text, pictures.files, fonts), names, make)
    return [(f"{DOWNLOADS}/{name}", path) for name, path in files.items()]


def _cache_key(text: str, pictures: dict[str, Path], fonts: list[Path]) -> str:
    key = Fingerprint().add("data", text).add("typst", package_version("typst"))
    key.add("easy_read_print.py", Path(__file__).read_bytes())
    key.add_files("template", sorted(TEMPLATES.glob("easy-read-*.typ")))
    for name, path in sorted(pictures.items()):
        key.add(f"picture:{name}", path.read_bytes())
    return key.add_files("font", fonts).hexdigest()


def _typeset(work: Path, data: dict) -> None:
    import typst

    cards = {c["id"]: c for c in data["enablers"] + data["barriers"] + data["leaders"]}
    for template, output in OUTPUTS.values():
        try:
            typst.compile(str(work / template), output=str(work / output), root=str(work),
                          font_paths=[str(font_dir())], ignore_system_fonts=True)
        except typst.TypstError as exc:
            message = str(getattr(exc, "message", exc))
            found = _OVERFLOW.findall(message)
            if found:
                raise KitError([Problem(cards.get(card_id, {}).get("file", "kit"),
                                        f"the easy-read points do not fit on the easy-read card "
                                        f"(about {over} mm too long); shorten them or use fewer points",
                                        record=card_id, field="easy_read") for card_id, over in found]) from None
            raise RuntimeError(f"Typst could not lay out {template}: {exc}") from exc


def _check_booklet(path: Path) -> None:
    # Typst writes one page object per page; counted without a PDF library.
    count = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))
    if count > MAX_BOOKLET_PAGES:
        raise KitError([Problem("kit", f"the easy-read booklet has {count} pages (at most {MAX_BOOKLET_PAGES}); "
                                "use fewer or shorter easy-read points")])
