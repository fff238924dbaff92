"""Reuse the last prepared build when none of its inputs changed.

Preparing reads and checks every record, lays out every card, and renders every page.
A rebuild where nothing changed (the usual `mkdocs serve` reload after an edit to an
unrelated page) gets the same result, so it is kept under a hash of everything that goes
into it: the options, every file of the kit and of the organisation's records, the pages
and file names under docs/, the kit core's own code and templates, the versions of the
packages that shape the output, and the date (packs print it). Warnings logged while
preparing are kept too and logged again, so `--strict` judges a reused build the same way.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import replace
from datetime import date
from importlib.metadata import version as package_version
from pathlib import Path

from ..content.options import read_options
from ..paper.cache import Fingerprint
from .prepared import CACHE_DIR, Prepared

LOGGER = "mkdocs.hooks.kit"
_PACKAGES = ("typst", "segno", "fontpkg-atkinson-hyperlegible", "mkdocs-material", "PyYAML", "Jinja2", "Markdown")
_CORE = Path(__file__).resolve().parent.parent
_CONTENT_SUFFIXES = {".md", ".yml", ".yaml"}


def prepare_reusing(project_dir: Path, raw_options: object, *, docs_dir: Path, icon_dirs: list[Path],
                    site_name: str, live: bool = False, behind: bool = False) -> Prepared:
    """`project.prepare`, or its stored result when nothing that shapes it has changed.

    `live`: for a live preview, which may serve decks and packs as made before while it
    remakes them (`Prepared.later`); such a result is not stored.
    `behind`: for a build, which lets the files that check nothing be made while MkDocs
    renders the pages (`Prepared.later`: call its `finish` before the build ends); the
    result is stored once they are made.
    """
    project_dir = Path(project_dir)
    key = fingerprint(project_dir, raw_options, docs_dir=Path(docs_dir), icon_dirs=icon_dirs, site_name=site_name)
    store = project_dir / CACHE_DIR / "prepared"
    path = store / f"{key}.pickle"
    kept = _load(path)
    if kept is not None:
        prepared, warnings = kept
        if all(Path(file).is_file() for _, file in prepared.downloads):
            for level, message in warnings:
                logging.getLogger(LOGGER).log(level, message)
            return prepared
    from ..paper.typesetting import Later
    from .prepare import prepare  # the renderers, needed only when something changed

    catcher = _Catcher()
    logger = logging.getLogger(LOGGER)
    logger.addHandler(catcher)
    later = Later(serve_earlier=True) if live else Later(serve_earlier=False) if behind else None
    try:
        prepared = prepare(project_dir, raw_options, docs_dir=docs_dir, icon_dirs=icon_dirs, site_name=site_name,
                           later=later)
    finally:
        logger.removeHandler(catcher)
    if later and later.serve_earlier:
        return replace(prepared, later=later)
    if later:
        later.when_finished(lambda: _save(store, path, (prepared, catcher.records)))
        return replace(prepared, later=later)
    _save(store, path, (prepared, catcher.records))
    return prepared


def fingerprint(project_dir: Path, raw_options: object, *, docs_dir: Path, icon_dirs: list[Path],
                site_name: str) -> str:
    key = Fingerprint()
    add = key.add
    add("options", repr(raw_options))
    add("site_name", site_name)
    add("icons", repr([str(d) for d in icon_dirs]))
    add("date", date.today().isoformat() + os.environ.get("SOURCE_DATE_EPOCH", ""))
    for name in _PACKAGES:
        add(f"package:{name}", package_version(name))
    for path in _files(_CORE):
        if "__pycache__" not in path.parts:
            add(f"core:{path.relative_to(_CORE)}", path.read_bytes())
    options = read_options(raw_options, project_dir=project_dir, docs_dir=docs_dir)
    folders = [project_dir / options.kit_dir] + ([project_dir / options.own_records] if options.own_records else [])
    for folder in folders:
        for path in _files(folder):
            add(f"records:{path}", path.read_bytes())
    for path in _files(docs_dir):
        if path.suffix in _CONTENT_SUFFIXES:
            add(f"docs:{path.relative_to(docs_dir)}", path.read_bytes())
        else:
            stat = path.stat()
            add(f"docs:{path.relative_to(docs_dir)}", f"{stat.st_size}:{stat.st_mtime_ns}")
    return key.hexdigest(24)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _load(path: Path) -> tuple[Prepared, list[tuple[int, str]]] | None:
    try:
        with path.open("rb") as handle:
            kept: tuple[Prepared, list[tuple[int, str]]] = pickle.load(handle)
            return kept
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


def _save(store: Path, path: Path, value: tuple[Prepared, list[tuple[int, str]]]) -> None:
    store.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    with partial.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    for old in store.glob("*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


class _Catcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))
