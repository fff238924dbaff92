"""A paper worker process: one Typst compile or one .docx file at a time, asked for over a pipe.

Typst keeps its layout caches in process-wide tables behind locks, so two compilers in one
process keep waiting on each other: on this kit's files two threads took 2.3 s of wall time
and 3.8 s of CPU where two processes took 1.8 s and 3.4 s (README, Speed). python-docx is
pure Python, so in the build's own process it would hold the interpreter MkDocs renders
pages with. So each core gets a worker process (`workers.py`), which keeps its compilers,
and Typst's caches, between compiles of one folder.

Run as a script, not through multiprocessing: it imports nothing of the kit, and never the
caller's main module. It reads one JSON object a line from stdin, {"do": "typst" or "docx",
"args": {...}} (the arguments of `typeset` or `write_docx`), and writes one a line to
stdout: {"error": null} when the file was written, {"error": [message, whole
diagnostic]} when Typst could not make it, or {"failed": traceback} when anything else went wrong.
"""

from __future__ import annotations

import functools
import io
import json
import os
import sys
import traceback
import zipfile
from pathlib import Path
from typing import Any, cast
from xml.sax.saxutils import escape as xml_escape

import typst

# (run token, folder, entry) -> compiler; a run's token is new each time its folders are written.
_compilers: dict[tuple[str, str, str], typst.Compiler] = {}
_KEEP = 32


def typeset(token: str, work: str, entry: str, inputs: dict[str, str], out: str, fonts: str,
            ppi: int = 0, query: str = "", standards: list[str] | None = None,
            measured: str = "") -> list[str] | None:
    """Write `out`: a PDF, the first page as PNG with `ppi`, or the JSON of `query`'s value."""
    try:
        if query:
            asked = typst.Compiler(input=str(Path(work) / entry), root=work, font_paths=[fonts],
                                   ignore_system_fonts=True, sys_inputs=inputs)
            Path(out).write_text(asked.query(query, field="value", one=True), encoding="utf-8")
            return None
        # The inputs go in a file the templates read (inputs.typ), the same for every compile of
        # this worker: new sys.inputs would throw away everything Typst keeps between compiles.
        named = f".inputs-{os.getpid()}.json"
        Path(work, named).write_text(json.dumps(inputs), encoding="utf-8")
        compiler = _compilers.get((token, work, entry))
        if compiler is None:
            if len(_compilers) >= _KEEP:
                _compilers.clear()
            fixed = {"inputs": named} | ({"measured": measured} if measured else {})
            compiler = typst.Compiler(input=str(Path(work) / entry), root=work, font_paths=[fonts],
                                      ignore_system_fonts=True, sys_inputs=fixed)
            _compilers[(token, work, entry)] = compiler
        if ppi:
            pages = compiler.compile(format="png", ppi=ppi)
            Path(out).write_bytes(cast(bytes, pages[0] if isinstance(pages, list) else pages))
        else:
            compiler.compile(output=out, pdf_standards=cast(Any, standards or []))
    except typst.TypstError as exc:
        return [str(getattr(exc, "message", exc)), str(exc)]
    except RuntimeError as exc:  # a query reports a panic as a plain RuntimeError
        return [str(exc), str(exc)]
    return None


@functools.cache
def _docx_parts(font: str, size: int) -> tuple[list[tuple[str, bytes]], str, str, str]:
    """python-docx's own template, read once: its parts, and the document and core properties
    parts split where each copy's blocks, title and author go.

    The body font is set on the Normal style. The template's Word 2010 copy of the styles
    (stylesWithEffects, 438 kB that Word 2013 and later, and LibreOffice, never read) and its
    thumbnail are left out: every style stays.
    """
    from docx import Document
    from docx.shared import Pt

    document = Document()
    for rels in (document.part.package.rels, document.part.rels):
        for rel_id in [r.rId for r in rels.values() if r.reltype.endswith(("/stylesWithEffects", "/thumbnail"))]:
            rels.pop(rel_id)
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    document.core_properties.title = _TITLE
    document.core_properties.author = _AUTHOR
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    body = dict(parts)["word/document.xml"].decode("utf-8")
    end = body.index("<w:sectPr")
    return parts, body[:end], body[end:], dict(parts)["docProps/core.xml"].decode("utf-8")


_TITLE, _AUTHOR = "KIT-TITLE-HERE", "KIT-AUTHOR-HERE"


def write_docx(out: str, title: str, author: str, font: str, size: int,
               blocks: list[list[Any]]) -> None:
    """A .docx of `blocks`: ["heading", text, level], ["para", text, style or null],
    ["labelled", label, text] (the label bold), ["table", columns, rows].

    The body is written as python-docx writes it (the same elements, styles by their ids),
    straight to XML: python-docx itself takes 20 ms a copy, most of it building elements one
    Python object at a time, and a build makes two dozen copies.
    """
    parts, head, tail, core = _docx_parts(font, size)
    body = "".join(_block(kind, *args) for kind, *args in blocks)
    made = {"word/document.xml": (head + body + tail).encode("utf-8"),
            "docProps/core.xml": core.replace(_TITLE, _text(title)).replace(_AUTHOR, _text(author)).encode("utf-8")}
    partial = f"{out}.{os.getpid()}.part"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            package.writestr(name, made.get(name, data))
    os.replace(partial, out)


# python-docx's style ids for the style names the blocks use.
_STYLE_IDS = {"Title": "Title", "Heading 1": "Heading1", "Heading 2": "Heading2", "Heading 3": "Heading3",
              "List Bullet": "ListBullet", "List Number": "ListNumber"}


def _block(kind: str, *args: Any) -> str:
    if kind == "heading":
        return _paragraph(_run(args[0]), "Title" if args[1] == 0 else f"Heading {args[1]}")
    if kind == "para":
        return _paragraph(_run(args[0]), args[1])
    if kind == "labelled":
        return _paragraph(_run(args[0], bold=True) + _run(args[1]), None)
    if kind == "table":
        return _table(*args)
    raise ValueError(f"no such block: {kind}")


def _paragraph(runs: str, style: str | None) -> str:
    styled = f'<w:pPr><w:pStyle w:val="{_STYLE_IDS[style]}"/></w:pPr>' if style else ""
    return f"<w:p>{styled}{runs}</w:p>"


def _run(text: str, *, bold: bool = False) -> str:
    # As python-docx's add_run: a tab and a line break are elements of their own.
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                space = ' xml:space="preserve"' if chunk != chunk.strip() else ""
                pieces.append(f"<w:t{space}>{_text(chunk)}</w:t>")
    return "<w:r>" + ("<w:rPr><w:b/></w:rPr>" if bold else "") + "".join(pieces) + "</w:r>"


# The width of python-docx's template page between its margins, in twentieths of a point.
_TEXT_WIDTH = 8640


def _table(columns: list[str], rows: list[list[str]]) -> str:
    width = _TEXT_WIDTH // len(columns)
    cell = '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="' + str(width) + '"/></w:tcPr>{}</w:tc>'
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in columns)
    lines = "".join("<w:tr>" + "".join(cell.format(_paragraph(_run(text) if text else "", None)) for text in row)
                    + "</w:tr>" for row in [columns, *rows])
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
            f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{lines}</w:tbl>')


def _text(value: str) -> str:
    return xml_escape(value)


def main() -> int:
    tasks: dict[str, Any] = {"typst": typeset, "docx": write_docx}
    for line in sys.stdin:
        ask = json.loads(line)
        try:
            answer: dict[str, Any] = {"error": tasks[ask["do"]](**ask["args"])}
        except Exception:  # noqa: BLE001 - told to the build, which stops with it
            answer = {"failed": traceback.format_exc()}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
