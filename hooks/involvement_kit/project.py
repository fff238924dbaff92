"""Everything one build needs, prepared before any output is written.

The MkDocs hooks call `prepare` from `on_config`, so every content mistake is found
before MkDocs cleans `site/`. Other engines or scripts can call it the same way.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import __version__
from .branding import branding
from .briefing import render_briefing
from .loader import load_kit
from .options import read_options
from .pages import nav_sections, render_assets, render_pages
from .prepared import CACHE_DIR, Prepared
from .printing import print_page_without_cards, render_cards
from .packs import render_packs
from .session_pages import render_session_pages, session_nav
from .history import history_asset, load_history
from .easy_read_pages import prepare_easy_read
from .sheets import render_sheets


def picture_finder(icon_dirs: list[Path], docs_dir: Path):
    """A picture is an icon ('set/name') from the installed theme, or an image file in docs/."""
    def exists(name: str) -> bool:
        if "." in name:
            return (docs_dir / name).is_file()
        return any((d / f"{name}.svg").is_file() for d in icon_dirs)
    return exists


def prepare(project_dir: Path, raw_options, *, docs_dir: Path, icon_dirs: list[Path],
            site_name: str = "User involvement kit") -> Prepared:
    options = read_options(raw_options)
    kit_dir = (Path(project_dir) / options.kit_dir).resolve()
    own_dir = (Path(project_dir) / options.own_records).resolve() if options.own_records else None
    kit = load_kit(kit_dir, version=__version__, picture_exists=picture_finder(icon_dirs, Path(docs_dir)),
                   label=options.kit_dir, own_dir=own_dir, own_label=options.own_records,
                   switched_off=options.switched_off)
    cache = Path(project_dir) / CACHE_DIR
    wanted = options.outputs
    # Typst lets go of the interpreter while it works, so the PDFs are made side by side. Results
    # are taken in a fixed order, so the same mistake is always reported first.
    with ThreadPoolExecutor(4) as pool:
        jobs = [pool.submit(render, kit, options, cache_dir=cache, **extra)
                for name, render, extra in (("cards", render_cards, {"icon_dirs": icon_dirs}),
                                            ("packs", render_packs, {"icon_dirs": icon_dirs}),
                                            ("sheets", render_sheets, {}))
                if name in wanted]
        easy_job = pool.submit(prepare_easy_read, kit, options, project_dir=Path(project_dir), kit_dir=kit_dir,
                               docs_dir=Path(docs_dir), label=options.kit_dir, cache_dir=cache, icon_dirs=icon_dirs)
        jobs.append(pool.submit(render_briefing, kit, options, docs_dir=Path(docs_dir), cache_dir=cache))
        downloads = [item for job in jobs for item in job.result()]
        easy = easy_job.result()
    history = load_history(kit_dir, kit, label=options.kit_dir)
    pages = render_pages(kit, options) + render_session_pages(kit, options) + list(easy.pages)
    if "cards" not in wanted:
        pages.append(print_page_without_cards(options))
    return Prepared(kit, options, kit_dir, tuple(pages), {**nav_sections(kit), **session_nav(kit), **easy.nav},
                    tuple(downloads) + easy.downloads,
                    tuple(render_assets(kit, options)) + (history_asset(history),),
                    own_dir=own_dir, brand=branding(options, site_name))
