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

import copy
import functools
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any, cast

import typst

# (folder token, entry) -> compiler; a folder's token is new each time it is written.
_compilers: dict[tuple[str, str], typst.Compiler] = {}
_KEEP = 32


def typeset(token: str, work: str, entry: str, inputs: dict[str, str], out: str, fonts: str,
            ppi: int = 0, query: str = "", standards: list[str] | None = None) -> list[str] | None:
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
        compiler = _compilers.get((token, entry))
        if compiler is None:
            if len(_compilers) >= _KEEP:
                _compilers.clear()
            compiler = typst.Compiler(input=str(Path(work) / entry), root=work, font_paths=[fonts],
                                      ignore_system_fonts=True, sys_inputs={"inputs": named})
            _compilers[(token, entry)] = compiler
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
def _docx_template(font: str, size: int) -> Any:
    """python-docx's own template, read once, with the body font set, and without its Word 2010
    copy of the styles (stylesWithEffects, 438 kB that Word 2013 and later, and LibreOffice,
    never read) and its thumbnail: each copy is then written in half the time. Every style stays."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    for rels in (document.part.package.rels, document.part.rels):
        for rel_id in [r.rId for r in rels.values() if r.reltype.endswith(("/stylesWithEffects", "/thumbnail"))]:
            rels.pop(rel_id)
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    return document


# Style name -> id, the same in every copy of the one template: python-docx would otherwise
# scan every style for each name, in each document.
_style_ids: dict[tuple[object, object], str | None] = {}


def write_docx(out: str, title: str, author: str, font: str, size: int,
               blocks: list[list[Any]]) -> None:
    """A .docx of `blocks`: ["heading", text, level], ["para", text, style or null],
    ["labelled", label, text] (the label bold), ["table", columns, rows]."""
    document = copy.deepcopy(_docx_template(font, size))
    part = document.part
    look_up = part.get_style_id

    def style_id(style: object, style_type: object) -> str | None:
        if not isinstance(style, str):
            return look_up(style, style_type)  # type: ignore[no-any-return]
        if (style, style_type) not in _style_ids:
            _style_ids[(style, style_type)] = look_up(style, style_type)
        return _style_ids[(style, style_type)]

    part.get_style_id = style_id
    document.core_properties.title = title
    document.core_properties.author = author
    for kind, *args in blocks:
        if kind == "heading":
            document.add_heading(args[0], level=args[1])
        elif kind == "para":
            document.add_paragraph(args[0], style=args[1])
        elif kind == "labelled":
            paragraph = document.add_paragraph()
            paragraph.add_run(args[0]).bold = True
            paragraph.add_run(args[1])
        elif kind == "table":
            _table(document, *args)
        else:
            raise ValueError(f"no such block: {kind}")
    partial = f"{out}.{os.getpid()}.part"
    document.save(partial)
    os.replace(partial, out)


def _table(document: Any, columns: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, columns, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


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
