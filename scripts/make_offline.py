"""Build the offline copy into build/offline/ and zip it, swapping in only a good build.

The zip is written after MkDocs has finished, so it holds the inlined search index that
Material's offline plugin writes at the very end of the build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="folder for offline/ and the zip")
    args = parser.parse_args()
    out = args.out.resolve()
    staging, final = out / "offline.staging", out / "offline"
    shutil.rmtree(staging, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # The offline copy never holds a zip of itself.
    env.pop("KIT_OFFLINE_ZIP", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.offline.yml",
                             "--site-dir", str(staging)], cwd=ROOT, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return result.returncode
    shutil.rmtree(final, ignore_errors=True)
    staging.rename(final)
    archive = shutil.make_archive(str(out / "user-involvement-kit-offline"), "zip", root_dir=final)
    print(f"Offline copy: {final}/index.html and {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
