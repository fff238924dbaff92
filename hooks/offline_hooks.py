"""Offline build only: publish the iframe-worker shim from its npm package.

Search runs in a web worker, which browsers refuse to start from file://. The shim
runs it in an iframe instead. It comes from scripts/offline/node_modules (its own npm
package, installed by `make offline`), never a committed copy, and never from a CDN.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

SHIM = Path("scripts") / "offline" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SITE_PATH = "assets/javascripts/iframe-worker-shim.js"


def on_files(files, config):
    shim = Path(config.config_file_path).parent / SHIM
    if not shim.is_file():
        raise PluginError(f"{SHIM} is missing; run `npm ci --prefix scripts/offline` "
                          "(or `make offline`, which does it)")
    files.append(File.generated(config, SITE_PATH, abs_src_path=str(shim)))
    return files
