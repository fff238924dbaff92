"""Print-and-pen scoring sheets: the quick check and the full set, on A4 and US Letter.

Typst lays them out from `templates/typst/sheet.typ` and plain JSON data, so statement text
never passes through a markup language. Like the cards, the PDFs are kept in a cache folder
outside `site/` under a hash of everything that goes into them: a build where nothing
changed does not run Typst.
"""

from __future__ import annotations

import json
import shutil
from importlib.metadata import version as package_version
from pathlib import Path

from .filecache import Fingerprint, cached_files
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
    names = [file_name(s, p) for s in SETS for p in PAPERS]
    files = cached_files(Path(cache_dir) / "sheets", _cache_key(texts, fonts), names,
                         lambda work: _typeset(work, texts))
    return [(f"{DOWNLOADS}/{name}", path) for name, path in files.items()]


def _cache_key(texts: dict[str, str], fonts: list[Path]) -> str:
    key = Fingerprint()
    for name, text in sorted(texts.items()):
        key.add(f"sheet:{name}", text)
    key.add("typst", package_version("typst")).add("template", TEMPLATE.read_bytes())
    key.add("module", Path(__file__).read_bytes())
    return key.add_files("font", fonts).hexdigest()


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
