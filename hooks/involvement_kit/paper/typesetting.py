"""The one way the kit makes a PDF: data as JSON, a Typst template, a fit check, a cache.

Every paper output (cards, sheets, packs, the briefing, the easy read) describes its files
as a `Batch`: the data files its templates read and one `Job` per file. `typeset` makes
every batch of a build in one pool of Typst compilers, so both cores stay busy and no pool
sits inside another.

Each file is kept in `.cache/kit/<batch>/` under a hash of everything that shapes it: the
Typst version, the fonts, every template, the job's inputs and the data files it reads. A
build where nothing changed runs no Typst; an edit to one record remakes only the files
that show it (its own card PDF, the decks, the packs that hold it), not the other cards.

Templates report text that does not fit by panicking with `kit-overflow|key=value|...`;
the batch turns each into a content mistake naming the record and field, so a card that
overflows stops the build like any other mistake.
"""

from __future__ import annotations

import functools
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


def typeset(batches: Sequence[Batch], cache_dir: Path) -> dict[str, list[tuple[str, Path]]]:
    """Every batch's files as (site path, file on disk), by batch name; made only when an input changed.

    Raises KitError with every text that does not fit, in job order, so the same mistake
    is always reported first.
    """
    templates = _templates()
    planned = [(batch, job, job_key(batch, job, templates)) for batch in batches for job in batch.jobs]
    pending = [(batch, job, key) for batch, job, key in planned
               if not _cached(cache_dir, batch, job, key).is_file()]
    if pending:
        _make(pending, templates, Path(cache_dir))
    result: dict[str, list[tuple[str, Path]]] = {batch.name: [] for batch in batches}
    for batch, job, key in planned:
        result[batch.name].append((batch.site_paths[job.output], _cached(cache_dir, batch, job, key)))
    for batch in batches:
        _forget_old(Path(cache_dir) / batch.name, {path.name for _, path in result[batch.name]})
    return result


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
            compiler.compile(output=str(out), sys_inputs=dict(job.inputs))
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
