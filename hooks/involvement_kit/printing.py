"""Workshop card PDFs: Typst lays out the faces and the sheets; this module feeds it and keeps the result.

Typst runs while the build is being prepared, before MkDocs cleans `site/`, because laying
out the cards is the only way to know that their text fits. A card that does not fit
stops the build with a KitError naming the card, the field and the face.

The PDFs are kept in a cache folder outside `site/`, under a hash of everything that goes
into them, so a build where nothing changed does not run Typst at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from importlib.metadata import version as package_version
from pathlib import Path

from .cards import CARD_KINDS, build_cards, cards_json
from .errors import KitError, Problem
from .model import Kit
from .options import Options
from .pages import KIND_ICONS

TEMPLATES = Path(__file__).parent / "templates" / "typst"
DECK = "deck.typ"
# Paper name as the template knows it -> file name of the deck on the site.
PAPERS = {"a4": "cards-a4.pdf", "letter": "cards-letter.pdf"}
DOWNLOADS = "downloads"
_OVERFLOW = re.compile(r"card=([a-z0-9-]+)\|face=(\w+)\|field=(\w+)\|over=([0-9.]+)")


def font_dir() -> Path:
    """Atkinson Hyperlegible from its PyPI package: no font files in the repository, none fetched."""
    from fontpkg_atkinson_hyperlegible import ROOT
    return ROOT / "files"


def icon_file(icon_dirs: list[Path], name: str) -> Path:
    """Icon named as the pages name it ('material-arrow-up-bold-circle-outline') -> its SVG file."""
    icon_set, _, icon = name.partition("-")
    for folder in icon_dirs:
        path = Path(folder) / icon_set / f"{icon}.svg"
        if path.is_file():
            return path
    raise FileNotFoundError(f"icon '{name}' was not found in {', '.join(map(str, icon_dirs))}")


def render_cards(kit: Kit, options: Options, *, cache_dir: Path, icon_dirs: list[Path]) -> list[tuple[str, Path]]:
    """The card decks as (site path, file on disk), rendered only when an input changed."""
    data = build_cards(kit, options)
    text = cards_json(data)
    icons = {kind: icon_file(icon_dirs, KIND_ICONS[kind]) for kind in CARD_KINDS}
    fonts = sorted(font_dir().glob("*.[ot]tf"))
    key = _cache_key(text, options, icons, fonts)
    root = Path(cache_dir) / "cards"
    entry = root / key
    outputs = [(f"{DOWNLOADS}/{name}", entry / name) for name in PAPERS.values()]
    if all(path.is_file() for _, path in outputs):
        return outputs

    work = root / f".work-{key}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        _write_inputs(work, data, text, icons)
        _typeset(work, {paper: work / name for paper, name in PAPERS.items()})
        _replace(work, entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # Only the current decks are worth keeping; older entries are outputs of old inputs.
    for old in root.iterdir():
        if old.name != key and not old.name.startswith(".work-"):
            shutil.rmtree(old, ignore_errors=True)
    return outputs


def _cache_key(text: str, options: Options, icons: dict[str, Path], fonts: list[Path]) -> str:
    digest = hashlib.sha256()

    def add(label: str, value: bytes) -> None:
        digest.update(label.encode() + b"\0" + len(value).to_bytes(8, "big") + value)

    add("cards", text.encode())
    add("options", repr(options).encode())
    for name in ("typst", "segno"):
        add(name, package_version(name).encode())
    # This module decides how QR codes and inputs are made, so its own text is an input too.
    add("printing.py", Path(__file__).read_bytes())
    for template in sorted(TEMPLATES.glob("*.typ")):
        add(f"template:{template.name}", template.read_bytes())
    for kind, path in icons.items():
        add(f"icon:{kind}", path.read_bytes())
    for font in fonts:
        add(f"font:{font.name}", font.read_bytes())
    return digest.hexdigest()[:20]


def _write_inputs(work: Path, data: dict, text: str, icons: dict[str, Path]) -> None:
    import segno

    for template in TEMPLATES.glob("*.typ"):
        shutil.copyfile(template, work / template.name)
    (work / "cards.json").write_text(text, encoding="utf-8")
    (work / "icons").mkdir()
    for kind, path in icons.items():
        shutil.copyfile(path, work / "icons" / f"{kind}.svg")
    (work / "qr").mkdir()
    for card in data["cards"]:
        if card["url"]:
            # Made here, offline: Typst's package registry is not reachable from the build.
            segno.make(card["url"], error="m").save(work / "qr" / f"{card['id']}.svg", kind="svg",
                                                     border=2, xmldecl=False, svgns=True)


def _typeset(work: Path, outputs: dict[str, Path]) -> None:
    """Run Typst once per paper size. One compiler for both, so faces laid out for A4 are reused."""
    import typst

    compiler = typst.Compiler(input=str(work / DECK), root=str(work), font_paths=[str(font_dir())],
                              ignore_system_fonts=True)
    cards = {c["id"]: c for c in _read_cards(work)}
    for paper, output in outputs.items():
        try:
            compiler.compile(output=str(output), sys_inputs={"paper": paper})
        except typst.TypstError as exc:
            problems = _overflow_problems(str(exc.message), cards)
            if problems:
                raise KitError(problems) from None
            raise RuntimeError(f"Typst could not lay out the cards ({paper}): {exc}") from exc


def _read_cards(work: Path) -> list[dict]:
    return json.loads((work / "cards.json").read_text(encoding="utf-8"))["cards"]


def _overflow_problems(message: str, cards: dict[str, dict]) -> list[Problem]:
    if "kit-overflow" not in message:
        return []
    problems = []
    for card_id, face, field, over in _OVERFLOW.findall(message):
        card = cards.get(card_id, {})
        problems.append(Problem(
            card.get("file", "kit"),
            f"the text does not fit on the {face} of card '{card_id}' "
            f"(about {over} mm too long); shorten this field or the ones above it on that face",
            record=card_id, field=field))
    return problems


def _replace(work: Path, entry: Path) -> None:
    """Move the finished PDFs into place in one step, so a reader never sees half a deck."""
    staged = work / "out"
    staged.mkdir()
    for name in PAPERS.values():
        (work / name).rename(staged / name)
    shutil.copyfile(work / "cards.json", staged / "cards.json")
    try:
        staged.rename(entry)
    except OSError:
        # Another build with the same inputs (a `mkdocs serve` beside a `make site`) got there first.
        if all((entry / name).is_file() for name in PAPERS.values()):
            return
        shutil.rmtree(entry, ignore_errors=True)
        staged.rename(entry)
