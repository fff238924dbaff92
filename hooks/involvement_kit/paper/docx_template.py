"""The editable copies' template, templates/docx/editable.docx: python-docx's own, made ready.

python-docx's default template with the body font set on the Normal style, placeholders for
the title and author, and without its Word 2010 copy of the styles (stylesWithEffects, 438 kB
that Word 2013 and later, and LibreOffice, never read) or its thumbnail: every style stays.
The file is kept in the repository, so a build never loads python-docx (editable.py writes
each copy's body into it). After python-docx changes, write it again:

    .venv/bin/python -m involvement_kit.paper.docx_template

tests/test_editable.py fails while the file differs from what this makes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "docx" / "editable.docx"
FONT, SIZE = "Arial", 12
# Replaced in each copy's core properties.
TITLE, AUTHOR = "KIT-TITLE-HERE", "KIT-AUTHOR-HERE"


def make() -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    for rels in (document.part.package.rels, document.part.rels):
        for rel_id in [r.rId for r in rels.values() if r.reltype.endswith(("/stylesWithEffects", "/thumbnail"))]:
            rels.pop(rel_id)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(SIZE)
    document.core_properties.title = TITLE
    document.core_properties.author = AUTHOR
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def parts(package: bytes) -> list[tuple[str, bytes]]:
    """A .docx file's parts, in the order they are stored."""
    with zipfile.ZipFile(io.BytesIO(package)) as opened:
        return [(name, opened.read(name)) for name in opened.namelist()]


if __name__ == "__main__":
    TEMPLATE.write_bytes(make())
    print(f"Wrote {TEMPLATE}")
