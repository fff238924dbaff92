"""How much the kit's hooks add to a build, and to a live preview: `make bench`.

Builds, each timed as the median of several runs of the real `mkdocs build` command (a
fresh process each time, as a maintainer runs it). The kinds take turns within each round,
so a change in the machine's load falls on all of them alike:

  baseline  the same site with no hooks: hand-written docs, every generated page written
            out as a plain file, the same navigation, and every PDF copied in as a plain file
  cold      the kit's real build with its cache removed first (everything rendered)
  warm      the kit's real build again with nothing changed (the stored prepared build reused)
  no reuse  warm, but with the stored prepared build removed first: what the warm build
            would cost without the reuse layer (the PDFs still come from their cache)

Then the live preview, measured with a real `mkdocs serve` on 127.0.0.1: the seconds from
saving an edit until the served page shows it, polled over HTTP. An edit to one record's
summary (its page) takes turns with an edit to a hand-written page. For the record, the
bench also checks that the record's own card PDF, as served when the page shows, carries
the edit, and times when the decks and packs that hold it are served fresh.

Every build runs on copies in a temporary folder, so the working tree, its site/ and its
.cache/ are never touched. Goals: cold at most 2.0 x baseline, warm at most 1.15 x, a
record edit shown in at most 1.2 x the time of a page edit. The goals are printed, met or
missed; the exit status is 0 either way (speed goals live here, never in the tests), unless
--check is given.

Wall-clock time is what the goals are judged on. On a shared, busy machine it is noisy, so
the load average is printed before and after, and the CPU time each build used (user +
system, all its threads) beside it: it does not grow when other programs compete for the
cores, though it does not show the gain of running Typst on two cores either.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "kit", "hooks", "overrides"]
GOALS = {"cold": 2.0, "warm": 1.15, "record edit": 1.2}
# The edits the live preview is timed on: one record's summary, and one hand-written page.
RECORD_FILE, RECORD_ID = "kit/enablers.yml", "equality-of-opportunity"
RECORD_PAGE = f"enablers/{RECORD_ID}.html"
RECORD_CARD = f"downloads/cards/{RECORD_ID}.pdf"
# Files that gather every card: made after the page shows in a live preview (see README, Speed).
GATHERED = ["downloads/cards-a4.pdf", "downloads/cards-fold-letter.pdf", "downloads/packs/board-session-a4.pdf"]
HAND_PAGE, HAND_URL = "docs/about.md", "about.html"


def copy_project(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            # Compiled code is copied too (scripts/setup.sh compiles the kit's), as it is there for a build.
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("*.egg-info"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its nav only; python tags (emoji functions) are skipped, not run."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def make_baseline(project: Path, dest: Path) -> Path:
    """The same pages as plain files and a config without hooks: what MkDocs alone costs."""
    import material

    from involvement_kit.pipeline.prepare import prepare
    from involvement_kit.web.nav import expand_nav
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_ConfigLoader)
    docs = project / config.get("docs_dir", "docs")
    icon_dirs = [Path(material.__file__).parent / "templates" / ".icons"]
    prepared = prepare(project, (config.get("extra") or {}).get("kit"), docs_dir=docs, icon_dirs=icon_dirs)

    dest.mkdir(parents=True)
    for part in ("docs", "overrides"):
        if (project / part).is_dir():
            shutil.copytree(project / part, dest / part)
    for page in prepared.pages:
        path = dest / "docs" / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    for site_path, file in prepared.downloads:
        path = dest / "docs" / site_path
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, path)
    for site_path, content in prepared.assets:
        path = dest / "docs" / site_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    nav = expand_nav(config.get("nav"), prepared.nav_sections)
    text = re.sub(r"(?m)^hooks:\n(?:[ \t]+.*\n|\n)*", "", text)
    text = re.sub(r"(?ms)^nav:\n.*?(?=^\S|\Z)", lambda _: yaml.safe_dump({"nav": nav}, sort_keys=False,
                                                                        allow_unicode=True), text)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, site: Path) -> tuple[float, float]:
    """Seconds and CPU seconds of one `mkdocs build`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # --no-strict: this measures time; whether the content passes is `make site`'s job.
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--no-strict", "--site-dir", str(site)]
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed, _children_cpu() - cpu


def measure_builds(runs: int, project: Path, baseline: Path, tmp: Path) -> dict[str, list[tuple[float, float]]]:
    cache = project / ".cache" / "kit"
    before = {
        "baseline": None,
        "cold": lambda: shutil.rmtree(cache, ignore_errors=True),
        "warm": None,
        "no reuse": lambda: shutil.rmtree(cache / "prepared", ignore_errors=True),
    }
    build(baseline, tmp / "site-baseline")  # warm the disk cache and bytecode, untimed
    build(project, tmp / "site-kit")
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in before}
    for _ in range(runs):
        for name, step in before.items():
            if step:
                step()
            times[name].append(build(baseline if name == "baseline" else project,
                                     tmp / ("site-baseline" if name == "baseline" else "site-kit")))
    return times


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()
    except (TimeoutError, urllib.error.URLError, ConnectionError):
        return None


def _pdf_text(data: bytes | None) -> str:
    from pypdf import PdfReader
    if not data:
        return ""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


def _wait_for(url: str, marker: str, start: float, limit: float = 180) -> float:
    """Seconds from `start` until the page at `url` contains `marker`."""
    while time.perf_counter() - start < limit:
        body = _get(url)
        if body is not None and marker.encode() in body:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show '{marker}' within {limit} s")


class Edits:
    """Edits that keep the content valid: a record's summary, and a line at the end of a page."""

    def __init__(self, project: Path):
        self.record = project / RECORD_FILE
        self.page = project / HAND_PAGE
        self.record_text = self.record.read_text(encoding="utf-8")
        self.page_text = self.page.read_text(encoding="utf-8")
        found = re.search(rf"(?ms)^- id: {RECORD_ID}\n.*?^  summary: (.*?)$", self.record_text)
        if found is None:
            raise SystemExit(f"{RECORD_FILE} has no record '{RECORD_ID}' with a summary to edit")
        self.summary_at = found.span(1)

    def edit_record(self, marker: str) -> None:
        start, end = self.summary_at
        text = self.record_text[:start] + f"Edited in bench run {marker}." + self.record_text[end:]
        self.record.write_text(text, encoding="utf-8")

    def edit_page(self, marker: str) -> None:
        self.page.write_text(self.page_text + f"\nEdited in bench run {marker}.\n", encoding="utf-8")


def measure_serve(runs: int, project: Path) -> dict[str, list[float]]:
    """Seconds from saving an edit until `mkdocs serve` serves the page with it."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = (project.parent / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    edits = Edits(project)
    results: dict[str, list[float]] = {"page edit": [], "record edit": [], "card PDF fresh": [],
                                       "decks, packs fresh": []}
    try:
        start = time.perf_counter()
        while _get(f"{base}/{HAND_URL}") is None:
            if server.poll() is not None or time.perf_counter() - start > 300:
                raise SystemExit(f"mkdocs serve did not start:\n{(project.parent / 'serve.log').read_text()}")
            time.sleep(0.2)
        # One untimed edit of each kind first: the server's first rebuild imports what it needs.
        for n in range(runs + 1):
            for kind in ("record edit", "page edit"):
                marker = f"{kind[0]}{n}x{time.time_ns() % 10**6}"
                time.sleep(0.5)  # let the watcher settle after the last rebuild
                start = time.perf_counter()
                if kind == "record edit":
                    edits.edit_record(marker)
                    seconds = _wait_for(f"{base}/{RECORD_PAGE}", marker, start)
                    card = marker in _pdf_text(_get(f"{base}/{RECORD_CARD}"))
                    gathered = _wait_gathered(base, marker, start)
                    if n:
                        results["card PDF fresh"].append(1.0 if card else 0.0)
                        results["decks, packs fresh"].append(gathered)
                else:
                    edits.edit_page(marker)
                    seconds = _wait_for(f"{base}/{HAND_URL}", marker, start)
                if n:
                    results[kind].append(seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        # Kept for a look at what the server did (one rebuild an edit, no errors).
        shutil.copyfile(project.parent / "serve.log", Path(tempfile.gettempdir()) / "kit-bench-serve.log")
        edits.record.write_text(edits.record_text, encoding="utf-8")
        edits.page.write_text(edits.page_text, encoding="utf-8")
    return results


def _wait_gathered(base: str, marker: str, start: float, limit: float = 180) -> float:
    """Seconds from `start` until every gathered file is served with the edit in it."""
    waiting = list(GATHERED)
    while waiting and time.perf_counter() - start < limit:
        waiting = [path for path in waiting if marker not in _pdf_text(_get(f"{base}/{path}"))]
        if waiting:
            time.sleep(0.1)
    if waiting:
        raise SystemExit(f"{', '.join(waiting)} never showed the edit '{marker}'")
    return time.perf_counter() - start


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _row(name: str, values: list[float], base: float | None, goal: float | None) -> tuple[str, bool]:
    median = statistics.median(values)
    ratio = "" if base is None else f"{median / base:6.2f}x"
    met = goal is None or base is None or median / base <= goal
    verdict = "" if goal is None else f"goal <= {goal:.2f}x " + ("met" if met else "MISSED")
    raw = " ".join(f"{v:.2f}" for v in values)
    return f"  {name:<20}{median:8.2f} s {ratio:>8}  {verdict:<22} runs: {raw}", met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind, the median is reported (default 5)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the kit project to measure (default: this one)")
    parser.add_argument("--skip", choices=["builds", "serve"], action="append", default=[],
                        help="leave out one part")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a goal is missed")
    args = parser.parse_args(argv)
    print(f"Load average (1, 5, 15 min) before: {_load()}; {os.cpu_count()} cores", flush=True)
    met = True
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as scratch:
        tmp = Path(scratch)
        project = copy_project(args.project.resolve(), tmp / "project")
        if "builds" not in args.skip:
            baseline = make_baseline(project, tmp / "baseline")
            times = measure_builds(args.runs, project, baseline, tmp)
            print(f"mkdocs build, median of {args.runs} runs (the kinds take turns); load average after: {_load()}")
            wall = {name: [t for t, _ in runs] for name, runs in times.items()}
            cpu = {name: [c for _, c in runs] for name, runs in times.items()}
            base, base_cpu = statistics.median(wall["baseline"]), statistics.median(cpu["baseline"])
            for name in times:
                line, ok = _row(name, wall[name], None if name == "baseline" else base, GOALS.get(name))
                met &= ok
                print(f"{line}   CPU {statistics.median(cpu[name]):.2f} s "
                      f"({statistics.median(cpu[name]) / base_cpu:.2f}x)")
            saved = statistics.median(wall["no reuse"]) - statistics.median(wall["warm"])
            print(f"  the reuse layer saves {saved:.2f} s of a warm build")
        if "serve" not in args.skip:
            print(f"Load average before the live preview: {_load()}", flush=True)
            serve = measure_serve(args.runs, project)
            print(f"mkdocs serve (real server, pages polled over HTTP on 127.0.0.1), seconds from saving an edit "
                  f"until the page shows it, median of {args.runs}; load average after: {_load()}")
            page = statistics.median(serve["page edit"])
            for name in ("page edit", "record edit"):
                line, ok = _row(name, serve[name], None if name == "page edit" else page, GOALS.get(name))
                met &= ok
                print(line)
            fresh = sum(serve["card PDF fresh"])
            print(f"  the record's card PDF carried the edit when its page showed: {fresh:.0f} of {args.runs} runs")
            line, _ = _row("decks, packs fresh", serve["decks, packs fresh"], None, None)
            print(line)
    print("All goals met." if met
          else "Some goals missed (the exit status stays 0: speed is judged here, not in tests).")
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
