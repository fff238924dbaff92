"""The page listing the pictures an editor may name in easy-read points, each with a preview.

It reads what is on offer rather than keeping a list of its own: every picture table in the
vocabulary (a name mapped to a picture and what it shows), the pictures the records already
use, and the image files in the picture folders of docs/ (a symbol set added there appears
at the next build).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import vocabulary
from ..content.options import IMAGE_SUFFIXES
from ..outputs import BuildContext, Page, Rendered
from ..templating import render
from ..vocabulary import PICTURE_FOLDERS, PICTURES_PAGE, SCALE
from .easy_read import picture_md


@dataclass(frozen=True)
class Offered:
    name: str    # what an editor writes after `picture:`
    shows: str   # what it shows (the alt text it is used with), or ""
    where: str   # where the kit uses it, or where the file is


def _vocabulary_pictures() -> list[Offered]:
    """Every table in the vocabulary that maps a name to (picture, what it shows)."""
    found = []
    for table_name in sorted(dir(vocabulary)):
        table = getattr(vocabulary, table_name)
        if not (table_name.isupper() and isinstance(table, dict)):
            continue
        for key, value in table.items():
            if (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)
                    and "/" in value[0] and " " not in value[0]):
                found.append(Offered(value[0], value[1], f"the kit's {str(key).replace('_', ' ')} picture"))
    found += [Offered(level.picture, level.alt, f"the scale: {level.easy}") for level in SCALE]
    return found


def _record_pictures(ctx: BuildContext) -> list[Offered]:
    found = []
    for record in ctx.kit.records:
        for point in getattr(record, "easy_read", ()):
            found.append(Offered(point.picture, point.alt, record.title))
    for page in ctx.kit.easy_read_pages:
        for section in page.sections:
            for point in section.points:
                found.append(Offered(point.picture, point.alt, page.title))
    return found


def _folder_pictures(docs_dir: Path) -> list[Offered]:
    found = []
    for folder in PICTURE_FOLDERS:
        for path in sorted((docs_dir / folder).glob("*")) if (docs_dir / folder).is_dir() else []:
            if path.suffix.lower() in IMAGE_SUFFIXES:
                found.append(Offered(f"{folder}/{path.name}", path.stem.replace("-", " ").replace("_", " "),
                                     f"a file in docs/{folder}/"))
    return found


def offered(ctx: BuildContext) -> list[Offered]:
    """Each picture once (its first use names it), in name order."""
    first: dict[str, Offered] = {}
    for item in _vocabulary_pictures() + _record_pictures(ctx) + _folder_pictures(ctx.docs_dir):
        if item.name not in first and ctx.pictures.exists(item.name):
            first[item.name] = item
    return sorted(first.values(), key=lambda item: item.name)


def render_web(ctx: BuildContext) -> Rendered:
    preview = picture_md(PICTURES_PAGE)
    text = render("pages/pictures.md.j2", pictures=offered(ctx), preview=preview)
    return Rendered((Page(PICTURES_PAGE, "Pictures for easy read", text, in_nav=False),))
