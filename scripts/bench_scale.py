"""Scale and weight: how the build grows with ten times the records, and what pages weigh.

Part of `make bench`. Everything runs on copies in a temporary folder; the synthetic kit
is generated there and never committed.

- Scale: a cold build of the kit and of a synthetic kit with ten times the records
  (each record copied nine times under new ids, references kept inside each copy; the
  copies carry no easy-read points, because the easy-read booklet is capped at 24 pages),
  reported as a ratio (goal: at most 10x), with each build's peak memory.
- Weight: the bytes the home page, an enabler page and the scorer load with all their
  assets (goal: at most 1 MB each), and the size of the search index.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:  # playwright is a test dependency, loaded only when pages are weighed
    from playwright.sync_api import Response

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "docs", "kit", "hooks", "overrides"]
SCALE = 10
REFERENCE_FIELDS = ("related",)
COPIED = ("enablers.yml", "barriers.yml", "leader-behaviours.yml", "activities.yml", "statements.yml")
WEIGHED = ["index.html", "enablers/users-priorities.html", "scoring/index.html"]


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def scale_kit(kit_dir: Path, factor: int) -> int:
    """Copy every record `factor - 1` times under new ids; returns the number of records written."""
    ids: set[str] = set()
    data = {}
    for name in COPIED:
        path = kit_dir / name
        if path.exists():
            data[name] = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            ids.update(r["id"] for r in data[name])
    total = 0
    for name, records in data.items():
        out = list(records)
        for n in range(1, factor):
            for record in records:
                copy = dict(record, id=f"{record['id']}-copy{n}")
                # The easy-read booklet is capped at 24 pages, so copies carry no easy-read points.
                copy.pop("easy_read", None)
                for key in REFERENCE_FIELDS:
                    if key in copy:
                        copy[key] = [f"{ref}-copy{n}" for ref in copy[key]]
                if "area" in copy:
                    copy["area"] = f"{copy['area']}-copy{n}"
                    copy["quick"] = False
                out.append(copy)
        total += len(out)
        (kit_dir / name).write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return total


def cold_build(project: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one `mkdocs build` with no cache."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(project / "site")],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        errors = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"build failed in {project}:\n{errors[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def _record_size(sizes: dict[str, int], response: Response) -> None:
    sizes[response.url] = len(response.body()) if response.ok else 0


def weigh(site: Path) -> dict[str, int]:
    """Bytes each page loads, with every asset it requests, in Debian Chromium."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    weights = {}
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for page_path in WEIGHED:
            context = browser.new_context()
            page = context.new_page()
            sizes: dict[str, int] = {}
            page.on("response", functools.partial(_record_size, sizes))
            page.goto(f"{base}/{page_path}", wait_until="networkidle")
            weights[page_path] = sum(sizes.values())
            context.close()
        browser.close()
    server.shutdown()
    return weights


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="cold builds of each kit (median is reported)")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a goal is missed")
    args = parser.parse_args()
    print(f"Load average (1, 5, 15 min) before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory(prefix="kit-scale-") as tmp:
        normal = copy_project(Path(tmp) / "normal")
        scaled = copy_project(Path(tmp) / "scaled")
        records = scale_kit(scaled / "kit", SCALE)
        results = {}
        for name, project in (("normal", normal), ("10x records", scaled)):
            runs = sorted(cold_build(project) for _ in range(args.runs))
            results[name] = runs[len(runs) // 2]
        base_s, base_mb = results["normal"]
        big_s, big_mb = results["10x records"]
        print(f"Scale ({records} records in the synthetic kit), cold builds:")
        print(f"  normal kit      {base_s:6.2f} s   peak memory {base_mb:6.0f} MB")
        print(f"  10x records     {big_s:6.2f} s   peak memory {big_mb:6.0f} MB   "
              f"ratio {big_s / base_s:.2f}x (goal at most {SCALE}x) {'met' if big_s / base_s <= SCALE else 'MISSED'}")
        weights = weigh(normal / "site")
        print("Weight (bytes loaded with every asset; goal at most 1 MB):")
        for page, size in weights.items():
            print(f"  {page:34} {size / 1024:7.0f} KB {'met' if size <= 1_000_000 else 'MISSED'}")
        index = normal / "site" / "search" / "search_index.json"
        print(f"  search index                       {index.stat().st_size / 1024:7.0f} KB")
        missed = big_s / base_s > SCALE or any(size > 1_000_000 for size in weights.values())
    print(f"Load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    # Speed goals are judged here, by a person, never by an exit status that fails `make bench`.
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
