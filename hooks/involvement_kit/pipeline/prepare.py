"""Everything one build needs, prepared before any output is written.

The order is fixed: read and check the content, hand every PDF to the Typst workers, render
the web pages while they work (cheap, and they find most mistakes), then wait for the files
that can find a mistake. The MkDocs hooks call `prepare` from `on_config`, so every content
mistake is found before MkDocs cleans `site/`; a build leaves the other files to be finished
while MkDocs renders its pages (`typesetting.Later`). Other engines or scripts can call it
the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import __version__
from ..content.briefing import load_briefing
from ..content.easy_read_rules import load_hard_words, load_jargon
from ..content.loader import load_kit
from ..content.options import read_options
from ..outputs import BuildContext, NavItem, Page, Pictures, Rendered
from ..paper import briefing, cards, editable, packs, sheets, slides, workers, worksheets
from ..paper import easy_read as easy_read_print
from ..paper.typesetting import Batch, Later, Typesetting
from ..scoring.history import load_history
from ..web import assets, easy_read, pages, pictures, sessions
from ..web import briefing as briefing_page
from .prepared import CACHE_DIR, Prepared

# One interface a kind of output: a web renderer gives pages, nav and assets; a paper
# renderer gives a batch of files for Typst. Each reads only the context.
WEB: Sequence[Callable[[BuildContext], Rendered]] = (
    pages.render_web, sessions.render_web, easy_read.render_web, assets.render_assets, briefing_page.render_web,
    pictures.render_web,
)
PAPER: Sequence[Callable[[BuildContext], Batch | None]] = (
    cards.batch, packs.batch, sheets.batch, briefing.batch, easy_read_print.batch, worksheets.batch,
    slides.batch,
)


def picture_finder(icon_dirs: list[Path], docs_dir: Path) -> Callable[[str], bool]:
    """A picture is an icon ('set/name') from the installed theme, or an image file in docs/."""
    return Pictures(tuple(Path(d) for d in icon_dirs), Path(docs_dir)).exists


def context(project_dir: Path, raw_options: object, *, docs_dir: Path, icon_dirs: list[Path]) -> BuildContext:
    """Read and check everything the renderers read. Raises KitError."""
    project_dir = Path(project_dir)
    options = read_options(raw_options, project_dir=project_dir, docs_dir=Path(docs_dir))
    kit_dir = (project_dir / options.kit_dir).resolve()
    own_dir = (project_dir / options.own_records).resolve() if options.own_records else None
    pictures = Pictures(tuple(Path(d) for d in icon_dirs), Path(docs_dir))
    kit = load_kit(kit_dir, version=__version__, picture_exists=pictures.exists, label=options.kit_dir,
                   own_dir=own_dir, own_label=options.own_records, switched_off=options.switched_off)
    return BuildContext(kit, options, kit_dir, Path(docs_dir), project_dir / CACHE_DIR, pictures,
                        hard_words=load_hard_words(kit_dir, options.kit_dir),
                        jargon=load_jargon(kit_dir, options.kit_dir),
                        history=tuple(load_history(kit_dir, kit, label=options.kit_dir)),
                        date=packs.build_date(), briefing=load_briefing(kit_dir, options.kit_dir), own_dir=own_dir)


def prepare(project_dir: Path, raw_options: object, *, docs_dir: Path, icon_dirs: list[Path],
            site_name: str = "User involvement kit", later: Later | None = None) -> Prepared:
    """`later`: see `typesetting.typeset`. A build's `later` also writes the editable copies."""
    workers.pool()  # started while the content is read: they load Typst meanwhile
    ctx = context(project_dir, raw_options, docs_dir=docs_dir, icon_dirs=icon_dirs)
    batches = [b for b in (make(ctx) for make in PAPER) if b is not None]
    # The editable copies are written by the workers too. A build leaves them, and every PDF that
    # checks nothing, to be made while MkDocs renders the pages.
    behind = later is not None and not later.serve_earlier
    if behind:
        assert later is not None
        later.also(functools.partial(editable.write, ctx))
    # The workers get every file first; the pages are rendered while they make them. A mistake
    # on a page is raised before one on paper (the pool waits for Typst either way), so the same
    # mistake always comes first.
    printing = Typesetting(batches, ctx.cache_dir, later)
    with ThreadPoolExecutor(1) as pool:
        editing = pool.submit(editable.planned if behind else editable.write, ctx)
        rendered = [render(ctx) for render in WEB]
        files = printing.result()
        copies = editing.result()
    made: list[Page] = [page for part in rendered for page in part.pages]
    downloads = tuple(item for b in batches for item in files[b.name]) + tuple(copies)
    nav: dict[str, Sequence[tuple[str, str | list[NavItem]]]] = {}
    for part in rendered:
        nav.update(part.nav)
    return Prepared(ctx.kit, ctx.options, ctx.kit_dir, tuple(made), nav, downloads,
                    tuple(asset for part in rendered for asset in part.assets),
                    own_dir=ctx.own_dir, brand=assets.branding(ctx.options, site_name))
