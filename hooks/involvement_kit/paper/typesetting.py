"""The one way the kit makes a PDF: data as JSON, a Typst template, a fit check, a cache.

Every paper output (cards, sheets, packs, the briefing, the easy read) describes its files
as a `Batch`: the data files its templates read and one `Job` per file. `typeset` makes
every batch of a build in one pool of Typst compilers, so both cores stay busy and no pool
sits inside another.

Each file is kept in `.cache/kit/<batch>/` under a hash of everything that shapes it: the
Typst version, the fonts, every template, the job's inputs and the data files it reads. A
build where nothing changed runs no Typst; an edit to one record remakes only the files
that show it (its own card PDF, the decks, the packs that hold it), not the other cards.

A live preview (`mkdocs serve`) may pass `later`: then a pending file that gathers many
records (a deck, a preview of one, a pack: `Job.gathers`) and was made before is served as
it was made before, and remade by `Later.finish` once the pages show. Every file that
checks the fit of the cards, and each record's own card, is still made first.

Templates report text that does not fit by panicking with `kit-overflow|key=value|...`;
the batch turns each into a content mistake naming the record and field, so a card that
overflows stops the build like any other mistake.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from ..errors import KitError, Problem
from .cache import Fingerprint

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "typst"
# One compiler a core: Typst lets go of the interpreter while it works.
WORKERS = max(1, os.cpu_count() or 1)
_OVERFLOW = re.compile(r"kit-overflow((?:\|[a-z_]+=[^|\s\"]*)+)")
# Typst's smart quotes reach only markup, never text that arrives as data: the data files get
# curly quotes as they are written out, so print uses one style of quote throughout.
_OPENING = re.compile(r"(^|[\s(\[\u2013\u2014])(['\"])")


def curly_quotes(value: Any) -> Any:
    """Every string in JSON data with ‘’ and “” for ' and ": opening after a space or bracket."""
    if isinstance(value, str):
        if "'" not in value and '"' not in value:
            return value
        value = _OPENING.sub(lambda m: m.group(1) + ("\u2018" if m.group(2) == "'" else "\u201c"), value)
        return value.replace("'", "\u2019").replace('"', "\u201d")
    if isinstance(value, list):
        return [curly_quotes(item) for item in value]
    if isinstance(value, dict):
        return {key: curly_quotes(item) for key, item in value.items()}
    return value


# Every PDF is tagged PDF/UA-1: Typst then refuses a file without a title, a language or alt text.
PDF_STANDARDS = ["ua-1"]


@dataclass(frozen=True)
class Job:
    """One file: `entry` compiled with `inputs` as sys.inputs."""

    output: str
    entry: str
    inputs: Mapping[str, str] = field(default_factory=dict)
    # The batch files this job reads; None: all of them.
    reads: tuple[str, ...] | None = None
    # A PNG of the first page at this resolution, instead of a PDF.
    ppi: int = 0
    # Made from many records and checking none of them (a deck, a pack): a live preview may
    # make it after the pages show.
    gathers: bool = False


Overflow = Callable[[dict[str, str]], Problem]
# Plain data a template reads as JSON: built field by field for Typst, never read back by Python types.
Json = dict[str, Any]
Check = Callable[[Job, Path], list[Problem]]


@dataclass(frozen=True)
class Batch:
    """The files one paper output makes, and how to read its mistakes."""

    name: str
    files: Mapping[str, bytes | str]
    jobs: Sequence[Job]
    # Job output -> path on the site.
    site_paths: Mapping[str, str]
    overflow: Overflow
    # Rules a made file must keep (a page limit, say), checked before it is kept.
    check: Check | None = None


def font_dir() -> Path:
    """Atkinson Hyperlegible from its PyPI package: no font files in the repository, none fetched."""
    from fontpkg_atkinson_hyperlegible import ROOT
    return Path(ROOT) / "files"


@functools.lru_cache(maxsize=1)
def _fixed_inputs() -> str:
    """The Typst version and fonts, hashed once a process: they change only with the packages."""
    key = Fingerprint().add("typst", package_version("typst"))
    return key.add_files("font", sorted(font_dir().glob("*.[ot]tf"))).hexdigest(32)


def _templates() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(TEMPLATES.glob("*.typ"))}


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def job_key(batch: Batch, job: Job, templates: Mapping[str, bytes]) -> str:
    key = Fingerprint().add("fixed", _fixed_inputs()).add("entry", job.entry).add("ppi", str(job.ppi))
    key.add("standards", ",".join(PDF_STANDARDS)).add("data", "curly-quotes")
    for name, text in templates.items():
        key.add(f"template:{name}", text)
    for name, value in sorted(job.inputs.items()):
        key.add(f"input:{name}", value)
    reads = sorted(batch.files) if job.reads is None else sorted(job.reads)
    for name in reads:
        key.add(f"file:{name}", _as_bytes(batch.files[name]))
    return key.hexdigest(24)


def _cached(cache_dir: Path, batch: Batch, job: Job, key: str) -> Path:
    suffix = ".png" if job.ppi else ".pdf"
    return Path(cache_dir) / batch.name / f"{key}{suffix}"


class Later:
    """Files a live preview serves as made before until `finish` remakes them from this build's inputs."""

    def __init__(self) -> None:
        self._pending: list[tuple[Batch, Job, str]] = []
        self._templates: Mapping[str, bytes] = {}
        self._cache_dir = Path()

    def __bool__(self) -> bool:
        return bool(self._pending)

    def finish(self) -> list[tuple[str, Path]]:
        """Make the files; returns (site path, file on disk) for each. Raises KitError, as a build does."""
        with _LATER_LOCK:
            pending, self._pending = self._pending, []
            if pending:
                _make(pending, self._templates, self._cache_dir)
                for batch in {id(b): b for b, _, _ in pending}.values():
                    made = {job.output: _cached(self._cache_dir, b, job, key).name
                            for b, job, key in pending if b is batch}
                    _write_latest(self._cache_dir / batch.name, {**_latest(self._cache_dir / batch.name), **made})
            return [(batch.site_paths[job.output], _cached(self._cache_dir, batch, job, key))
                    for batch, job, key in pending]


# A build waits for files left for later by the build before it, so two never make the same file.
_LATER_LOCK = threading.Lock()
_LATEST = "latest.json"


def typeset(batches: Sequence[Batch], cache_dir: Path,
            later: Later | None = None) -> dict[str, list[tuple[str, Path]]]:
    """Every batch's files as (site path, file on disk), by batch name; made only when an input changed.

    Raises KitError with every text that does not fit, in job order, so the same mistake
    is always reported first.
    """
    cache_dir = Path(cache_dir)
    with _LATER_LOCK:
        templates = _templates()
        planned = [(batch, job, job_key(batch, job, templates)) for batch in batches for job in batch.jobs]
        keys = {id(job): key for _, job, key in planned}
        pending = [item for item in planned if not _cached(cache_dir, *item).is_file()]
        earlier: dict[tuple[str, str], Path] = {}
        if later is not None:
            for batch in {b.name: b for b, job, _ in pending if job.gathers}.values():
                for output, name in _latest(cache_dir / batch.name).items():
                    if (cache_dir / batch.name / name).is_file():
                        earlier[(batch.name, output)] = cache_dir / batch.name / name
            deferred = [item for item in pending if item[1].gathers and (item[0].name, item[1].output) in earlier]
            pending = [item for item in pending if item not in deferred]
            later._pending, later._templates, later._cache_dir = deferred, templates, cache_dir
            earlier = {(batch.name, job.output): earlier[(batch.name, job.output)] for batch, job, _ in deferred}
        if pending:
            _make(pending, templates, cache_dir)
        result: dict[str, list[tuple[str, Path]]] = {}
        for batch in batches:
            folder = cache_dir / batch.name
            made = [(job.output, earlier.get((batch.name, job.output)) or _cached(cache_dir, batch, job, keys[id(job)]))
                    for job in batch.jobs]
            result[batch.name] = [(batch.site_paths[output], path) for output, path in made]
            names = {output: path.name for output, path in made}
            if folder.is_dir() and _latest(folder) != names:
                _write_latest(folder, names)
            _forget_old(folder, set(names.values()) | {_LATEST})
    return result


def _latest(folder: Path) -> dict[str, str]:
    """Which cached file each output was served from last: what a live preview serves until it is remade."""
    try:
        latest = json.loads((folder / _LATEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in latest.items()} if isinstance(latest, dict) else {}


def _write_latest(folder: Path, made: dict[str, str]) -> None:
    partial = folder / f".work-{_LATEST}-{os.getpid()}"
    partial.write_text(json.dumps(made, sort_keys=True), encoding="utf-8")
    os.replace(partial, folder / _LATEST)


def _make(pending: list[tuple[Batch, Job, str]], templates: Mapping[str, bytes], cache_dir: Path) -> None:
    works: dict[str, Path] = {}
    for batch, _, _ in pending:
        if batch.name not in works:
            works[batch.name] = _work_folder(cache_dir / batch.name, batch, templates)
    local = threading.local()
    run = functools.partial(_run, works=works, local=local, cache_dir=cache_dir)
    try:
        workers = max(1, min(WORKERS, len(pending)))
        with ThreadPoolExecutor(workers) as pool:
            futures = [pool.submit(run, item) for item in pending]
            outcomes: list[list[Problem]] = []
            failures: list[RuntimeError] = []
            for future in futures:
                try:
                    outcomes.append(future.result())
                except RuntimeError as exc:
                    failures.append(exc)
    finally:
        for work in works.values():
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        raise failures[0]
    problems: list[Problem] = []
    for outcome in outcomes:
        problems.extend(p for p in outcome if p not in problems)
    if problems:
        raise KitError(problems)


def _run(item: tuple[Batch, Job, str], works: Mapping[str, Path], local: threading.local,
         cache_dir: Path) -> list[Problem]:
    """Typeset one job: the problems its check or its overflow markers found."""
    import typst

    batch, job, key = item
    work = works[batch.name]
    compilers = local.__dict__.setdefault("compilers", {})
    compiler = compilers.get((work, job.entry))
    if compiler is None:
        compiler = typst.Compiler(input=str(work / job.entry), root=str(work), font_paths=[str(font_dir())],
                                  ignore_system_fonts=True)
        compilers[(work, job.entry)] = compiler
    out = work / ".out" / job.output
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        if job.ppi:
            pages = compiler.compile(format="png", ppi=job.ppi, sys_inputs=dict(job.inputs))
            out.write_bytes(pages[0] if isinstance(pages, list) else pages)
        else:
            compiler.compile(output=str(out), sys_inputs=dict(job.inputs), pdf_standards=PDF_STANDARDS)
    except typst.TypstError as exc:
        message = str(getattr(exc, "message", exc))
        found = [dict(pair.split("=", 1) for pair in match.strip("|").split("|"))
                 for match in _OVERFLOW.findall(message)]
        if found:
            return [batch.overflow(values) for values in found]
        raise RuntimeError(f"Typst could not lay out {job.output} ({batch.name}): {exc}") from exc
    problems = batch.check(job, out) if batch.check else []
    if not problems:
        target = _cached(cache_dir, batch, job, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(out, target)
    return problems


def _work_folder(root: Path, batch: Batch, templates: Mapping[str, bytes]) -> Path:
    work = root / f".work-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name, text in templates.items():
        (work / name).write_bytes(text)
    for name, value in batch.files.items():
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".json"):
            value = json.dumps(curly_quotes(json.loads(value)), ensure_ascii=False)
        path.write_bytes(_as_bytes(value))
    return work


def _forget_old(folder: Path, keep: set[str]) -> None:
    """Files of inputs that no longer exist; a work folder of another build is left alone."""
    if not folder.is_dir():
        return
    for old in folder.iterdir():
        if old.name not in keep and not old.name.startswith(".work-"):
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
