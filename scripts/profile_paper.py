"""Where a cold build's time goes: `make profile`.

Each paper output (cards, packs, slides ...) and the editable copies are made on their own,
from an empty cache, several times, and the median wall and CPU time of each is printed with
the number of files it makes. The machine's load average is printed before and after. This
is what `make bench` cannot show: its cold build is one figure, and Typst's CPU is most of it.
Nothing is written to the working tree; every run uses a temporary folder.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import material
import yaml

from involvement_kit.paper.typesetting import Batch, typeset

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its options only; python tags (emoji functions) are skipped, not run."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _measure(make: Callable[[Path], int], runs: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds of `make` (which returns how many files it made)."""
    walls, cpus, made = [], [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            cpu, start = time.process_time(), time.perf_counter()
            made = make(Path(tmp))
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), made


def _typeset(batch: Batch, tmp: Path) -> int:
    return sum(len(files) for files in typeset([batch], tmp).values())


def main() -> int:
    from dataclasses import replace

    from involvement_kit.paper import editable
    from involvement_kit.pipeline.prepare import PAPER, context

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    ctx = context(ROOT, (config.get("extra") or {}).get("kit"), docs_dir=ROOT / "docs",
                  icon_dirs=[Path(material.__file__).parent / "templates" / ".icons"])
    print(f"Load average (1, 5, 15 min) before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{os.cpu_count()} cores; median of {args.runs} runs, each from an empty cache")
    rows: list[tuple[str, float, float, int]] = []
    for make_batch in PAPER:
        batch = make_batch(ctx)
        if batch is not None:
            rows.append((batch.name, *_measure(functools.partial(_typeset, batch), args.runs)))

    def copies(tmp: Path) -> int:
        return len(editable.write(replace(ctx, cache_dir=tmp)))
    rows.append(("editable copies (.docx)", *_measure(copies, args.runs)))

    print(f"  {'output':28} {'files':>5} {'wall':>8} {'CPU':>8} {'CPU a file':>11}")
    for name, wall, cpu, made in sorted(rows, key=lambda row: -row[2]):
        print(f"  {name:28} {made:5} {wall:7.2f}s {cpu:7.2f}s {cpu / max(made, 1):10.3f}s")
    total_cpu, total_files = sum(row[2] for row in rows), sum(row[3] for row in rows)
    print(f"  {'all, one after another':28} {total_files:5} {sum(row[1] for row in rows):7.2f}s {total_cpu:7.2f}s")
    print(f"Load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
