"""Where a cold build's time goes: `make profile`.

Each paper output (cards, packs, slides ...) and the editable copies are made on their own,
from an empty cache, each time in a fresh process, several times, and the median wall and
CPU time of each is printed with the number of files it makes. The machine's load average is
printed before and after. This is what `make bench` cannot show: its cold build is one
figure, and Typst's CPU is most of it.
Nothing is written to the working tree; every run uses a temporary folder.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import material
import yaml

from involvement_kit.outputs import BuildContext

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its options only; python tags (emoji functions) are skipped, not run."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
COPIES = "editable copies (.docx)"


def _context() -> BuildContext:
    from involvement_kit.pipeline.prepare import context

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return context(ROOT, (config.get("extra") or {}).get("kit"), docs_dir=ROOT / "docs",
                   icon_dirs=[Path(material.__file__).parent / "templates" / ".icons"])


def _outputs() -> list[str]:
    from involvement_kit.pipeline.prepare import PAPER

    ctx = _context()
    return [batch.name for batch in (make(ctx) for make in PAPER) if batch is not None] + [COPIES]


def _run_once(name: str) -> tuple[float, float, int]:
    """One output made from an empty cache in this (fresh) process: wall, CPU, files made.
    Typst remembers layouts within a process, so every run needs a process of its own; its
    worker processes are ended before the CPU is read, so their time counts."""
    from dataclasses import replace

    from involvement_kit.paper import editable, workers
    from involvement_kit.paper.typesetting import typeset
    from involvement_kit.pipeline.prepare import PAPER

    ctx = _context()
    pool = workers.pool() if name != COPIES else None  # started before the clock, as a build starts them early
    with tempfile.TemporaryDirectory() as tmp:
        batches = [b for b in (make(ctx) for make in PAPER) if b is not None and b.name == name]
        cpu, start = time.process_time(), time.perf_counter()
        if name == COPIES:
            made = len(editable.write(replace(ctx, cache_dir=Path(tmp))))
        else:
            made = sum(len(files) for files in typeset(batches, Path(tmp)).values())
        wall = time.perf_counter() - start
        if pool is not None:
            pool.close()
        return wall, time.process_time() - cpu + _children_cpu(), made


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(name: str, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds over `runs` fresh processes, and the files made."""
    spawn = multiprocessing.get_context("spawn")
    results = []
    for _ in range(runs):
        with spawn.Pool(1) as pool:
            results.append(pool.apply(_run_once, (name,)))
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results), results[-1][2])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"Load average (1, 5, 15 min) before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{os.cpu_count()} cores; median of {args.runs} runs, each in a fresh process from an empty cache")
    rows = [(name, *_measure(name, args.runs)) for name in _outputs()]
    print(f"  {'output':28} {'files':>5} {'wall':>8} {'CPU':>8} {'CPU a file':>11}")
    for name, wall, cpu, made in sorted(rows, key=lambda row: -row[2]):
        print(f"  {name:28} {made:5} {wall:7.2f}s {cpu:7.2f}s {cpu / max(made, 1):10.3f}s")
    total_files = sum(row[3] for row in rows)
    print(f"  {'all, one after another':28} {total_files:5} {sum(row[1] for row in rows):7.2f}s "
          f"{sum(row[2] for row in rows):7.2f}s")
    print(f"Load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
