"""The one way the kit makes a PDF: data as JSON, a Typst template, a fit check, a cache.

Every paper output (cards, sheets, packs, the briefing, the easy read) describes its files
as a `Batch`: the data files its templates read and one `Job` per file. `typeset` makes
every batch of a build in one pool of Typst compilers, so both cores stay busy and no pool
sits inside another.

Each file is kept in `.cache/kit/<batch>/` under a hash of everything that shapes it: the
Typst version, the fonts, every template, the job's inputs and the data files it reads. A
build where nothing changed runs no Typst; an edit to one record remakes only the files
that show it (its own card PDF, the decks, the packs that hold it), not the other cards.

A batch may name a `measure` job: a Typst query made before any of its files, whose
`<measured>` metadata every file then reads (the cards' picture sizes: measuring a face is
most of a deck's layout, and every deck shows the same faces). It is cached like a file.

Only the measuring and the jobs that check something (`Job.checks`) must be done before
MkDocs writes a page: they are the ones that can find a content mistake. A caller may pass
`later` for the rest:

- a build (`Later(serve_earlier=False)`) makes every file that checks nothing in the
  background while MkDocs renders the pages, and `Later.finish` waits for them;
- a live preview (`Later(serve_earlier=True)`) serves a pending file that gathers many
  records (a deck, a preview of one, a pack: `Job.gathers`) and was made before as it was
  made before, and `Later.finish` remakes it once the pages show.

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
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from ..errors import KitError, Problem
from . import workers
from .cache import Fingerprint

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "typst"
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
    # It can find a content mistake (text that does not fit, too many pages), so it is made
    # before any page is written. False: a build may make it while the pages are rendered.
    checks: bool = True


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
    # A query made before the jobs; its <measured> metadata is written to `measure.output`
    # in their folder and named to each as sys.inputs.measured. Its panics are mistakes too.
    measure: Job | None = None


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
    suffix = ".png" if job.ppi else ".json" if job is batch.measure else ".pdf"
    return Path(cache_dir) / batch.name / f"{key}{suffix}"


Planned = tuple[Batch, Job, str]


class Later:
    """The files a build makes after its checks: see the module's docstring.

    `serve_earlier`: a live preview's (serve a gathering file as made before, remake it when
    `finish` is called); otherwise a build's (the workers make every file that checks nothing
    while the caller goes on; `finish` waits for them).
    """

    def __init__(self, *, serve_earlier: bool) -> None:
        self.serve_earlier = serve_earlier
        self._pending: list[Planned] = []
        self._run: _Run | None = None
        self._templates: Mapping[str, bytes] = {}
        self._cache_dir = Path()
        self._extra: list[Callable[[], object]] = []
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._finished: list[Callable[[], object]] = []

    def __bool__(self) -> bool:
        return bool(self._pending or self._extra or self._thread)

    def also(self, work: Callable[[], object]) -> None:
        """Other work for the background (a build's editable copies): run beside Typst."""
        self._extra.append(work)

    def when_finished(self, then: Callable[[], object]) -> None:
        """Run `then` once `finish` has made everything without a mistake (a build's only)."""
        self._finished.append(then)

    def _start_extra(self) -> None:
        extra = self._extra

        def work() -> None:
            try:
                for job in extra:
                    job()
            except BaseException as exc:  # handed to whoever calls finish()
                self._failure = exc

        self._thread = threading.Thread(target=work, name="kit-later", daemon=True)
        self._thread.start()

    def finish(self) -> list[tuple[str, Path]]:
        """Make (or wait for) the files: (site path, file on disk) for each. Raises KitError, as a build does."""
        pending, self._pending = self._pending, []
        if not self.serve_earlier:
            workers.pool().limit(workers.COUNT)
            thread, self._thread, self._extra = self._thread, None, []
            if thread is not None:
                thread.join()
            if self._run is not None:
                self._run.wait(pending)
            failure, self._failure = self._failure, None
            if failure is not None:
                raise failure
            finished, self._finished = self._finished, []
            for then in finished:
                then()
        elif pending:
            with _LOCK:
                _settle_earlier()
                _make(pending, self._templates, self._cache_dir)
            for batch in {id(b): b for b, _, _ in pending}.values():
                made = {job.output: _cached(self._cache_dir, b, job, key).name for b, job, key in pending if b is batch}
                _write_latest(self._cache_dir / batch.name, {**_latest(self._cache_dir / batch.name), **made})
        return [(batch.site_paths[job.output], _cached(self._cache_dir, batch, job, key))
                for batch, job, key in pending]


# A build waits until the files of the build before it are made, so two never make the same file.
_LOCK = threading.Lock()
_running: list[_Run] = []
_LATEST = "latest.json"


def _settle_earlier() -> None:
    while _running:
        _running.pop().done.wait()


class Typesetting:
    """A typeset under way: the workers have every file; `result` waits for the ones that check."""

    def __init__(self, batches: Sequence[Batch], cache_dir: Path, later: Later | None = None) -> None:
        cache_dir = Path(cache_dir)
        with _LOCK:
            _settle_earlier()
            workers.pool().limit(workers.COUNT)
            templates = _templates()
            planned = [(batch, job, job_key(batch, job, templates)) for batch in batches for job in batch.jobs]
            pending = [item for item in planned if not _cached(cache_dir, *item).is_file()]
            # A batch measures before any of its files is made, and every measure checks before the pages.
            measures = [(batch, batch.measure, job_key(batch, batch.measure, templates))
                        for batch in {b.name: b for b, _, _ in pending}.values() if batch.measure is not None]
            deferred, earlier = _for_later(pending, later, cache_dir)
            left = {id(job) for _, job, _ in deferred}
            self._now = [item for item in measures if not _cached(cache_dir, *item).is_file()]
            self._now += [item for item in pending if id(item[1]) not in left]
            behind = later is not None and not later.serve_earlier
            self._behind = behind
            self._run = _Run(self._now, deferred if behind else [], templates, cache_dir)
            _running.append(self._run)
            if later is not None:
                later._pending, later._templates, later._cache_dir = deferred, templates, cache_dir
                if behind:
                    later._run = self._run
                    if later._extra:
                        later._start_extra()
            self._served = _served(batches, planned, measures, earlier, cache_dir)

    def result(self) -> dict[str, list[tuple[str, Path]]]:
        """Every batch's files as (site path, file on disk), by batch name. Raises KitError with
        every text that does not fit, in job order, so the same mistake is always reported first."""
        self._run.wait(self._now)
        if self._behind:
            # The build goes on to render its pages: one core stays its own until `Later.finish`,
            # as three busy processes on two cores slow every one of them down.
            workers.pool().limit(workers.COUNT - 1)
        return self._served


def typeset(batches: Sequence[Batch], cache_dir: Path,
            later: Later | None = None) -> dict[str, list[tuple[str, Path]]]:
    """Every batch's files as (site path, file on disk), by batch name; made only when an input changed.

    With `later`, some files may not be made yet when this returns (see the module's docstring).
    Raises KitError with every text that does not fit, in job order, so the same mistake
    is always reported first.
    """
    return Typesetting(batches, cache_dir, later).result()


def _for_later(pending: list[Planned], later: Later | None,
               cache_dir: Path) -> tuple[list[Planned], dict[tuple[str, str], Path]]:
    """The files left for `later`, and (live preview) the file made before that each is served as meanwhile."""
    if later is None:
        return [], {}
    if not later.serve_earlier:
        # The files that gather many records are the longest to make: first, so the workers end together.
        return sorted((item for item in pending if not item[1].checks), key=lambda item: not item[1].gathers), {}
    earlier: dict[tuple[str, str], Path] = {}
    for batch in {b.name: b for b, job, _ in pending if job.gathers}.values():
        for output, name in _latest(cache_dir / batch.name).items():
            if (cache_dir / batch.name / name).is_file():
                earlier[(batch.name, output)] = cache_dir / batch.name / name
    deferred = [item for item in pending if item[1].gathers and (item[0].name, item[1].output) in earlier]
    return deferred, {(batch.name, job.output): earlier[(batch.name, job.output)] for batch, job, _ in deferred}


def _served(batches: Sequence[Batch], planned: list[Planned], measures: list[Planned],
            earlier: dict[tuple[str, str], Path], cache_dir: Path) -> dict[str, list[tuple[str, Path]]]:
    """Each batch's (site path, file), noted as the latest served; files of old inputs are removed."""
    keys = {id(job): key for _, job, key in planned}
    kept = {batch.name: _cached(cache_dir, batch, job, key).name for batch, job, key in measures}
    result: dict[str, list[tuple[str, Path]]] = {}
    for batch in batches:
        folder = cache_dir / batch.name
        made = [(job.output, earlier.get((batch.name, job.output)) or _cached(cache_dir, batch, job, keys[id(job)]))
                for job in batch.jobs]
        result[batch.name] = [(batch.site_paths[output], path) for output, path in made]
        names = {output: path.name for output, path in made}
        if folder.is_dir() and _latest(folder) != names:
            _write_latest(folder, names)
        _forget_old(folder, set(names.values()) | {_LATEST} | ({kept[batch.name]} if batch.name in kept else set()))
    return result


def _latest(folder: Path) -> dict[str, str]:
    """Which cached file each output was served from last: what a live preview serves until it is remade."""
    try:
        latest = json.loads((folder / _LATEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in latest.items()} if isinstance(latest, dict) else {}


def _write_latest(folder: Path, made: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".work-{_LATEST}-{os.getpid()}"
    partial.write_text(json.dumps(made, sort_keys=True), encoding="utf-8")
    os.replace(partial, folder / _LATEST)


def _make(pending: list[Planned], templates: Mapping[str, bytes], cache_dir: Path) -> None:
    """Make these files and measures now; raises KitError with every mistake they found."""
    if pending:
        _Run(pending, [], templates, cache_dir).wait(pending)


class _Run:
    """Files handed to the workers at once: each batch's measure first, the files that read it as
    soon as it is made, then `after` (files the caller does not wait for now). Each file is kept
    in the cache as it comes back, and the work folders go when the last has."""

    def __init__(self, now: list[Planned], after: list[Planned], templates: Mapping[str, bytes],
                 cache_dir: Path) -> None:
        items = now + after
        self.cache_dir = cache_dir
        self.token = uuid.uuid4().hex
        self.done = threading.Event()
        self._lock = threading.Lock()
        self._left = len(items)
        self._outcomes: dict[int, Future[list[Problem]]] = {id(job): Future() for _, job, _ in items}
        measures = [item for item in items if item[1] is item[0].measure]
        measuring = {batch.name for batch, _, _ in measures}
        self._measures_left = len(measures)
        # Released when every measure is made: the files that read one, then the rest of `after`.
        self._held = [item for item in items if item[0].name in measuring and item[1] is not item[0].measure]
        self._held += [item for item in after if item[0].name not in measuring]
        if not items:
            self.done.set()
        # Each batch's folder is written just before its first files go: the workers start on
        # the measures while the other folders are written.
        first = measures + [item for item in now if item[0].name not in measuring]
        self.works: dict[str, Path] = {}
        self._written = threading.Event()
        for batch in {b.name: b for b, _, _ in first + self._held}.values():
            self.works[batch.name] = _work_folder(cache_dir, batch, templates)
            for item in first:
                if item[0] is batch:
                    self._submit(item)
        self._written.set()
        if not measures:
            self._release()

    def wait(self, items: list[Planned]) -> None:
        """Raises the first failure, or KitError with every mistake these files found, in their order."""
        problems: list[Problem] = []
        for _, job, _ in items:
            problems.extend(p for p in self._outcomes[id(job)].result() if p not in problems)
        if problems:
            raise KitError(problems)

    def _submit(self, item: Planned) -> None:
        asked = workers.pool().submit("typst", _compile_call(item, self.works[item[0].name], self.token))
        asked.add_done_callback(functools.partial(self._settle, item))

    def _settle(self, item: Planned, asked: Future[workers.Answer]) -> None:
        batch, job, key = item
        outcome = self._outcomes[id(job)]
        try:
            outcome.set_result(_outcome(item, self.works[batch.name], asked.result(), self.cache_dir))
        except BaseException as exc:  # handed to whoever waits for this file
            outcome.set_exception(exc)
        if job is batch.measure:
            if (made := _cached(self.cache_dir, *item)).is_file():
                shutil.copyfile(made, self.works[batch.name] / job.output)
            with self._lock:
                self._measures_left -= 1
                release = self._measures_left == 0
            if release:
                self._release()
        self._one_done()

    def _release(self) -> None:
        self._written.wait()
        for batch, job, key in self._held:
            if batch.measure is None or (self.works[batch.name] / batch.measure.output).is_file():
                self._submit((batch, job, key))
            else:  # its measure found a mistake, which is reported
                self._outcomes[id(job)].set_result([])
                self._one_done()

    def _one_done(self) -> None:
        with self._lock:
            self._left -= 1
            last = self._left == 0
        if last:
            for work in self.works.values():
                shutil.rmtree(work, ignore_errors=True)
            self.done.set()


def _compile_call(item: Planned, work: Path, token: str) -> dict[str, Any]:
    batch, job, _ = item
    inputs = dict(job.inputs)
    measured = batch.measure.output if batch.measure is not None and job is not batch.measure else ""
    out = work / ".out" / job.output
    out.parent.mkdir(parents=True, exist_ok=True)
    return {"token": token, "work": str(work), "entry": job.entry, "inputs": inputs, "out": str(out),
            "fonts": str(font_dir()), "ppi": job.ppi, "query": "<measured>" if job is batch.measure else "",
            "measured": measured,
            "standards": PDF_STANDARDS}


def _outcome(item: Planned, work: Path, error: list[str] | None, cache_dir: Path) -> list[Problem]:
    """One job's problems from its check or its overflow markers; the file is kept when there are none."""
    batch, job, key = item
    if error is not None:
        message, whole = error
        found = [dict(pair.split("=", 1) for pair in match.strip("|").split("|"))
                 for match in _OVERFLOW.findall(message)]
        if found:
            return [batch.overflow(values) for values in found]
        raise RuntimeError(f"Typst could not lay out {job.output} ({batch.name}): {whole}")
    out = work / ".out" / job.output
    problems = batch.check(job, out) if batch.check and job is not batch.measure else []
    if not problems:
        target = _cached(cache_dir, batch, job, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(out, target)
    return problems


def _work_folder(cache_dir: Path, batch: Batch, templates: Mapping[str, bytes]) -> Path:
    work = cache_dir / batch.name / f".work-{os.getpid()}-{threading.get_ident()}"
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
    if batch.measure is not None:
        found = _cached(cache_dir, batch, batch.measure, job_key(batch, batch.measure, templates))
        if found.is_file():
            shutil.copyfile(found, work / batch.measure.output)
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
