"""Print-and-pen scoring sheets: the quick check and the full set, on A4 and US Letter.

Typst lays them out from `templates/typst/sheet.typ` and plain JSON data, so statement text
never passes through a markup language. Like the cards, the PDFs are kept in a cache folder
outside `site/` under a hash of everything that goes into them: a build where nothing
changed does not run Typst.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.metadata import version as package_version
from pathlib import Path

from .model import Kit
from .options import Options
from .printing import DOWNLOADS, font_dir
from .schema import SCALE

TEMPLATE = Path(__file__).parent / "templates" / "typst" / "sheet.typ"
SETS = {"quick": "Quick check", "full": "Full set"}
PAPERS = ("a4", "letter")
SCORER_PAGE = "scoring/index.md"
_SCALE_TEXT = {
    0: "Not happening.",
    1: "Management-centred: users take part, but in the organisation's structures and on its agenda.",
    2: "User-centred: what users want and put first becomes what the organisation wants and puts first.",
}


def file_name(set_name: str, paper: str) -> str:
    return f"scoring-{set_name}-{paper}.pdf"


def build_sheet(kit: Kit, options: Options, set_name: str) -> dict:
    """One set's sheet as plain data: areas in kit order, statements numbered as on screen."""
    chosen = kit.quick_check if set_name == "quick" else kit.statements
    chosen_ids = {s.id for s in chosen}
    areas, number = [], 0
    for area in kit.areas:
        own = [s for s in kit.statements_for(area.id) if s.id in chosen_ids]
        if not own:
            continue
        statements = []
        for s in own:
            number += 1
            statements.append({"number": number, "id": s.id, "text": s.text, "levels": list(s.levels)})
        numbers = [st["number"] for st in statements]
        areas.append({"id": area.id, "title": area.title, "label": area.kind.label,
                      "numbers": ", ".join(map(str, numbers)), "statements": statements})
    return {
        "version": kit.version,
        "set": set_name,
        "set_label": SETS[set_name],
        "count": number,
        "organisation": options.organisation,
        "roles": list(options.roles),
        "scale": [{"value": value, "label": _SCALE_TEXT[value]} for value, _ in SCALE],
        "url": options.page_url(SCORER_PAGE),
        "areas": areas,
    }


def sheets_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_sheets(kit: Kit, options: Options, *, cache_dir: Path) -> list[tuple[str, Path]]:
    """The four sheets as (site path, file on disk), rendered only when an input changed.

    A kit without statements has no sheets.
    """
    if not kit.statements:
        return []
    texts = {name: sheets_json(build_sheet(kit, options, name)) for name in SETS}
    fonts = sorted(font_dir().glob("*.[ot]tf"))
    key = _cache_key(texts, fonts)
    root = Path(cache_dir) / "sheets"
    entry = root / key
    outputs = [(f"{DOWNLOADS}/{file_name(s, p)}", entry / file_name(s, p)) for s in SETS for p in PAPERS]
    if all(path.is_file() for _, path in outputs):
        return outputs

    work = root / f".work-{key}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        _typeset(work, texts)
        staged = work / "out"
        staged.mkdir()
        for _, path in outputs:
            (work / path.name).rename(staged / path.name)
        shutil.rmtree(entry, ignore_errors=True)
        try:
            staged.rename(entry)
        except OSError:
            # Another build with the same inputs finished first; its files are the same.
            if not all(path.is_file() for _, path in outputs):
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for old in root.iterdir():
        if old.name != key and not old.name.startswith(".work-"):
            shutil.rmtree(old, ignore_errors=True)
    return outputs


def _cache_key(texts: dict[str, str], fonts: list[Path]) -> str:
    digest = hashlib.sha256()

    def add(label: str, value: bytes) -> None:
        digest.update(label.encode() + b"\0" + len(value).to_bytes(8, "big") + value)

    for name, text in sorted(texts.items()):
        add(f"sheet:{name}", text.encode())
    add("typst", package_version("typst").encode())
    add("template", TEMPLATE.read_bytes())
    add("module", Path(__file__).read_bytes())
    for font in fonts:
        add(f"font:{font.name}", font.read_bytes())
    return digest.hexdigest()[:20]


def _typeset(work: Path, texts: dict[str, str]) -> None:
    import typst

    shutil.copyfile(TEMPLATE, work / TEMPLATE.name)
    for set_name, text in texts.items():
        (work / f"sheet-{set_name}.json").write_text(text, encoding="utf-8")
    compiler = typst.Compiler(input=str(work / TEMPLATE.name), root=str(work),
                              font_paths=[str(font_dir())], ignore_system_fonts=True)
    for set_name in texts:
        for paper in PAPERS:
            try:
                compiler.compile(output=str(work / file_name(set_name, paper)),
                                 sys_inputs={"paper": paper, "data": f"sheet-{set_name}.json"})
            except typst.TypstError as exc:
                raise RuntimeError(f"Typst could not lay out the {SETS[set_name].lower()} sheet ({paper}): "
                                   f"{exc}") from exc
