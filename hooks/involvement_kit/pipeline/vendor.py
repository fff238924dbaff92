"""Third-party scripts npm installs, copied into the site at each build (never cached with the
prepared result, so running `npm ci` later is noticed at the next build)."""

from __future__ import annotations

import logging
from pathlib import Path

from ..web.assets import qr_library

# Outside MkDocs' own loggers, so a missing optional library is a printed warning that
# `mkdocs build --strict` (and so `make site` on a machine without npm) does not turn into a failure.
LOGGER = "involvement_kit.vendor"


def vendor_assets(project_dir: Path) -> list[tuple[str, str]]:
    asset, warning = qr_library(Path(project_dir))
    if warning:
        logging.getLogger(LOGGER).warning(warning)
    return [asset]
