"""Lighthouse (mobile preset) on the pages people use most, with Debian Chromium.

Run by `make audit` after `make site`. Slow, so not part of the test suite or CI.
Goals: accessibility 100, best practices 100, SEO at least 90, performance at least 95.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "scripts" / "audit" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["index.html", "enablers/users-priorities.html", "scoring/index.html", "scoring/compare.html",
         "easy-read/index.html"]
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 90}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
        "--disable-component-update --disable-sync --no-first-run"


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves the site compressed, as any real static host (GitHub Pages, Netlify, nginx) does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    failed = False
    print(f"{'page':40} " + " ".join(f"{c:>15}" for c in GOALS))
    with tempfile.TemporaryDirectory() as tmp:
        for page in args.pages:
            out = Path(tmp) / "report.json"
            result = subprocess.run([str(LIGHTHOUSE), f"{base}/{page}", "--quiet", "--output=json",
                                     f"--output-path={out}", f"--chrome-flags={FLAGS}",
                                     f"--only-categories={','.join(GOALS)}"], env=env, capture_output=True,
                                    text=True, timeout=300)
            if result.returncode != 0 or not out.exists():
                print(f"{page:40} Lighthouse failed: {result.stderr.strip()[-300:]}")
                failed = True
                continue
            report = json.loads(out.read_text(encoding="utf-8"))
            scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in GOALS}
            marks = [f"{scores[c]:>14}{'' if scores[c] >= goal else '!'}" for c, goal in GOALS.items()]
            print(f"{page:40} " + " ".join(f"{m:>15}" for m in marks))
            for c, goal in GOALS.items():
                if scores[c] < goal:
                    failed = True
                    audits = [a for a in report["categories"][c]["auditRefs"]
                              if (report["audits"][a["id"]].get("score") or 1) < 1 and a.get("weight")]
                    for a in audits[:6]:
                        print(f"    {c}: {report['audits'][a['id']]['title']}")
    server.shutdown()
    print("All goals met." if not failed else "Some goals were missed (marked !).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
