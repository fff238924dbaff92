"""Workshop card PDFs: Typst lays out the faces and the sheets; this module feeds it and keeps the result.

One Typst compiler makes every file from the same faces: the two-sided deck, fronts only,
fold-over and large print on A4 and Letter, a two-sided test page, one PDF per card for
"print this card", and small PNG previews of each layout's first sheet.

Typst runs while the build is being prepared, before MkDocs cleans `site/`, because laying
out the cards is the only way to know that their text fits. A card that does not fit
stops the build with a KitError naming the card, the field and the face.

The PDFs are kept in a cache folder outside `site/`, under a hash of everything that goes
into them, so a build where nothing changed does not run Typst at all.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version as package_version
from pathlib import Path

from .cards import CARD_ICONS, CARD_KINDS, build_cards, cards_json, page_cards
from .filecache import Fingerprint, cached_files
from .errors import KitError, Problem
from .model import Kit
from .options import PAPERS as PAPER_NAMES, Options

TEMPLATES = Path(__file__).parent / "templates" / "typst"
DECK = "deck.typ"
# Layout as the template knows it -> file name stem on the site (with -a4 or -letter).
LAYOUTS = {
    "two-sided": "cards",
    "fronts": "cards-fronts",
    "fold": "cards-fold",
    "large": "cards-large",
    "align": "cards-test",
}
# Paper name as the template knows it -> file name of the two-sided deck on the site.
PAPERS = {paper: f"cards-{paper}.pdf" for paper in PAPER_NAMES}
DOWNLOADS = "downloads"
CARD_FOLDER = "cards"
PREVIEWS = "previews"
PREVIEW_PPI = 40
# Typst runs on this many cores at once (the build machine has two).
WORKERS = min(2, os.cpu_count() or 1)
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


PRINT_PAGE = "print-cards.md"


def print_page_without_cards(options: Options):
    """When cards are switched off, the hand-written print page (which links every deck) is
    replaced by a short page at the same address, so no link points at a file that is not made."""
    from .pages import Page, _env, link

    text = _env.get_template("pages/print-cards-off.md.j2").render(options=options,
                                                                    link=lambda to: link(PRINT_PAGE, to))
    return Page(PRINT_PAGE, "Print the cards", text)


def deck_name(layout: str, paper: str) -> str:
    return f"{LAYOUTS[layout]}-{paper}.pdf"


def card_pdf(card_id: str) -> str:
    """Site path of one card's own PDF ("print this card")."""
    return f"{DOWNLOADS}/{CARD_FOLDER}/{card_id}.pdf"


def preview_png(layout: str) -> str:
    return f"{DOWNLOADS}/{PREVIEWS}/{LAYOUTS.get(layout, 'card')}.png"


def planned_outputs(data: dict, options: Options) -> dict[str, dict[str, str]]:
    """Every file to make, as name in the cache entry -> Typst inputs. Site path = DOWNLOADS/name."""
    outputs = {}
    for paper in options.papers:
        for layout in LAYOUTS:
            outputs[deck_name(layout, paper)] = {"layout": layout, "paper": paper}
    for card in page_cards(data):
        outputs[f"{CARD_FOLDER}/{card['id']}.pdf"] = {"layout": "one", "paper": options.paper, "card": card["id"]}
    for layout in LAYOUTS:
        outputs[f"{PREVIEWS}/{LAYOUTS[layout]}.png"] = {"layout": layout, "paper": options.paper, "preview": "yes"}
    return outputs


def render_cards(kit: Kit, options: Options, *, cache_dir: Path, icon_dirs: list[Path]) -> list[tuple[str, Path]]:
    """Every card file as (site path, file on disk), rendered only when an input changed.

    The two-sided decks come first, the organisation's paper first.
    """
    data = build_cards(kit, options)
    text = cards_json(data)
    icons = {kind: icon_file(icon_dirs, CARD_ICONS[kind]) for kind in CARD_KINDS}
    fonts = sorted(font_dir().glob("*.[ot]tf"))
    planned = planned_outputs(data, options)

    def make(work: Path) -> None:
        _write_inputs(work, data, text, icons)
        _typeset(work, {name: (work / name, inputs) for name, inputs in planned.items()})

    files = cached_files(Path(cache_dir) / "cards", _cache_key(text, options, icons, fonts), list(planned), make)
    return [(f"{DOWNLOADS}/{name}", path) for name, path in files.items()]


def _cache_key(text: str, options: Options, icons: dict[str, Path], fonts: list[Path]) -> str:
    key = Fingerprint().add("cards", text).add("options", repr(options))
    for name in ("typst", "segno"):
        key.add(name, package_version(name))
    # This module decides how QR codes and inputs are made, so its own text is an input too.
    key.add("printing.py", Path(__file__).read_bytes())
    key.add_files("template", sorted(TEMPLATES.glob("*.typ")))
    for kind, path in icons.items():
        key.add(f"icon:{kind}", path.read_bytes())
    return key.add_files("font", fonts).hexdigest()


def _write_inputs(work: Path, data: dict, text: str, icons: dict[str, Path]) -> None:
    for template in TEMPLATES.glob("*.typ"):
        shutil.copyfile(template, work / template.name)
    (work / "cards.json").write_text(text, encoding="utf-8")
    (work / "icons").mkdir()
    for kind, path in icons.items():
        shutil.copyfile(path, work / "icons" / f"{kind}.svg")
    (work / "qr").mkdir()
    for card in data["cards"]:
        if card["url"]:
            (work / "qr" / f"{card['id']}.svg").write_bytes(qr_svg(card["url"]))


@functools.lru_cache(maxsize=None)
def qr_svg(url: str) -> bytes:
    """A QR code for `url` as SVG. Made here, offline: Typst's package registry is not reachable
    from the build. Kept for the life of the process, so the decks and the packs make each once."""
    import segno

    out = io.BytesIO()
    # A fixed mask: scanners read every mask, and scoring all eight costs more than the rest of
    # the code. Never a Micro QR code, which many phone cameras cannot read.
    segno.make_qr(url, error="m", mask=2).save(out, kind="svg", border=2, xmldecl=False, svgns=True)
    return out.getvalue()


def compile_in_parallel(make_compiler, jobs: list, run) -> None:
    """Run `run(compiler, job)` for every job, shared out between workers, each with its own compiler.

    Typst releases the interpreter while it compiles, so two compilers use two cores. The first
    job (which carries the fit check) starts at once on the first worker; a mistake in any job
    is raised here once every worker has stopped.
    """
    workers = max(1, min(WORKERS, len(jobs)))
    chunks = [jobs[i::workers] for i in range(workers)]
    if workers == 1:
        compiler = make_compiler()
        for job in jobs:
            run(compiler, job)
        return

    def work(chunk: list) -> None:
        compiler = make_compiler()
        for job in chunk:
            run(compiler, job)

    with ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(work, chunk) for chunk in chunks]
        for future in futures:
            future.result()


def _typeset(work: Path, outputs: dict[str, tuple[Path, dict[str, str]]]) -> None:
    """Every file from the same faces. The first run checks that every face fits; the others trust it."""
    import typst

    def make_compiler():
        return typst.Compiler(input=str(work / DECK), root=str(work), font_paths=[str(font_dir())],
                              ignore_system_fonts=True)

    cards = {c["id"]: c for c in _read_cards(work)}
    jobs = [(output, {**inputs, "check": "yes" if index == 0 else "no"})
            for index, (output, inputs) in enumerate(outputs.values())]
    for output, _ in jobs:
        output.parent.mkdir(parents=True, exist_ok=True)

    def run(compiler, job) -> None:
        output, sys_inputs = job
        try:
            if output.suffix == ".png":
                pages = compiler.compile(format="png", ppi=PREVIEW_PPI, sys_inputs=sys_inputs)
                output.write_bytes(pages[0] if isinstance(pages, list) else pages)
            else:
                compiler.compile(output=str(output), sys_inputs=sys_inputs)
        except typst.TypstError as exc:
            problems = _overflow_problems(str(exc.message), cards)
            if problems:
                raise KitError(problems) from None
            raise RuntimeError(f"Typst could not lay out the cards ({output.name}): {exc}") from exc

    compile_in_parallel(make_compiler, jobs, run)


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


