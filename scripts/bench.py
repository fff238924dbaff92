"""How much the kit's hooks add to a build: `make bench`.

Three builds, each timed as the median of several runs of the real `mkdocs build`
command (a fresh process each time, as a maintainer runs it):

  baseline  the same site with no hooks: hand-written docs, every generated page written
            out as a plain file, and the card PDFs copied in as plain files
  cold      the kit's real build with its cache removed first (everything rendered)
  warm      the kit's real build again with nothing changed (PDFs from the cache)

Every build runs on copies in a temporary folder, so the working tree, its site/ and its
.cache/ are never touched. Goals: cold at most 2.0 x baseline, warm at most 1.15 x.

Wall-clock time is what the goals are judged on. On a shared, busy machine it is noisy, so the
CPU time the build used (user + system, all its threads) is reported beside it: it does not
grow when other programs compete for the cores, though it does not show the gain of running
Typst on two cores either.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "kit", "hooks", "overrides"]
GOALS = {"cold": 2.0, "warm": 1.15}


def copy_project(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
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
    nav = expand_nav(config.get("nav"), prepared.nav_sections)
    text = re.sub(r"(?m)^hooks:\n(?:[ \t]+.*\n|\n)*", "", text)
    text = re.sub(r"(?ms)^nav:\n.*?(?=^\S|\Z)", lambda _: yaml.safe_dump({"nav": nav}, sort_keys=False,
                                                                        allow_unicode=True), text)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


CPU_TIMES: dict[str, list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, site: Path, label: str | None = None) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # --no-strict: this measures time; whether the content passes is `make site`'s job.
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--no-strict", "--site-dir", str(site)]
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if label:
        CPU_TIMES.setdefault(label, []).append(_children_cpu() - cpu)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed


def measure(runs: int, project: Path, site: Path, before=None, label: str | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(build(project, site, label))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build, the median is reported (default 5)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the kit project to measure (default: this one)")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a goal is missed")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp_name:
        tmp = Path(tmp_name)
        project = copy_project(args.project.resolve(), tmp / "project")
        cache = project / ".cache" / "kit"
        baseline = make_baseline(project, tmp / "baseline")
        shutil.rmtree(cache, ignore_errors=True)

        build(baseline, tmp / "site-baseline")  # warm the disk cache and bytecode, untimed
        medians = {"baseline": statistics.median(measure(args.runs, baseline, tmp / "site-baseline",
                                                         label="baseline"))}
        medians["cold"] = statistics.median(measure(args.runs, project, tmp / "site-kit",
                                                    before=lambda: shutil.rmtree(cache, ignore_errors=True),
                                                    label="cold"))
        build(project, tmp / "site-kit")  # fills the cache for the warm runs
        medians["warm"] = statistics.median(measure(args.runs, project, tmp / "site-kit", label="warm"))

    base = medians["baseline"]
    missed = []
    cpu = {name: statistics.median(times) for name, times in CPU_TIMES.items()}
    print(f"mkdocs build, median of {args.runs} runs; load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"{'build':<10}{'seconds':>9}{'ratio':>8}  {'goal':<16}{'CPU s':>7}{'ratio':>8}")
    for name, seconds in medians.items():
        ratio = seconds / base
        goal = GOALS.get(name)
        verdict = "" if goal is None else f"<= {goal:.2f}x  " + ("met" if ratio <= goal else "MISSED")
        if goal is not None and ratio > goal:
            missed.append(name)
        print(f"{name:<10}{seconds:>9.3f}{ratio:>7.2f}x  {verdict:<16}{cpu[name]:>7.3f}"
              f"{cpu[name] / cpu['baseline']:>7.2f}x")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
