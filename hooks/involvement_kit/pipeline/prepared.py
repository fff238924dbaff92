"""What preparing a build produces: plain data, with no renderer behind it.

Kept apart from `prepare.py` so that a build reusing a stored result (`reuse.py`) does
not import, or run, any of the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import Kit
from ..content.options import Options
from ..outputs import Branding, NavSections, Page

if TYPE_CHECKING:
    from ..paper.typesetting import Later

# Rendered PDFs and stored results live outside site/, which MkDocs cleans before every build.
CACHE_DIR = Path(".cache") / "kit"


@dataclass(frozen=True)
class Prepared:
    kit: Kit
    options: Options
    kit_dir: Path
    pages: tuple[Page, ...]
    nav_sections: NavSections = field(default_factory=dict)
    # (path in the site, file on disk) for every PDF the build publishes.
    downloads: tuple[tuple[str, Path], ...] = ()
    # (path in the site, text) for generated scripts and data.
    assets: tuple[tuple[str, str], ...] = ()
    own_dir: Path | None = None
    brand: Branding = Branding(None, None)
    # The files made after the pages show (a live preview's decks and packs) or while they
    # are rendered (a build's files that check nothing): `typesetting.Later`; never stored.
    later: Later | None = field(default=None, compare=False, repr=False)

    @property
    def watched(self) -> tuple[Path, ...]:
        """Folders whose changes should rebuild a live preview."""
        return (self.kit_dir,) + ((self.own_dir,) if self.own_dir else ())
