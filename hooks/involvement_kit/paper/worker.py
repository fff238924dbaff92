"""A paper worker process: one Typst compile at a time, asked for over a pipe.

Typst keeps its layout caches in process-wide tables behind locks, so two compilers in one
process keep waiting on each other: this kit's files took more wall time and more CPU on two
threads than in two processes. So each core gets a worker process (`workers.py`), which
keeps its compilers, and Typst's caches, between compiles of one folder.

Run as a script, not through multiprocessing: it imports nothing of the kit, and never the
caller's main module. It reads one JSON object a line from stdin, {"do": "typst",
"args": {...}} (the arguments of `typeset`), and writes one a line to
stdout: {"error": null} when the file was written, {"error": [message, whole
diagnostic]} when Typst could not make it, or {"failed": traceback} when anything else went wrong.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any, cast

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


def main() -> int:
    tasks: dict[str, Any] = {"typst": typeset}
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
