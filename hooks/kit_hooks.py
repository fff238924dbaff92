"""MkDocs hooks: thin adapters from MkDocs events to the kit's build pipeline (hooks/involvement_kit)."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from involvement_kit.pipeline import (
    KitError,
    add_print_addresses,
    drop_missing_downloads,
    expand_nav,
    explain_terms_once,
    fix_page,
    prepare_reusing,
)

ICON_DIRS = [Path(material.__file__).parent / "templates" / ".icons"]
# Set by on_config, which MkDocs always calls before any other event; the asserts below say so to mypy.
_prepared = None
_live = False
LOG = logging.getLogger("mkdocs.hooks.kit")


def on_startup(command, dirty):
    # `mkdocs serve` keeps this module between rebuilds; a live preview may finish decks and packs late.
    global _live
    _live = command == "serve"


def on_config(config):
    global _prepared
    try:
        _prepared = prepare_reusing(Path(config.config_file_path).parent, config.extra.get("kit"),
                                    docs_dir=Path(config.docs_dir), icon_dirs=ICON_DIRS, site_name=config.site_name,
                                    live=_live)
    except KitError as exc:
        raise PluginError(exc.describe()) from None
    config.nav = expand_nav(config.nav, _prepared.nav_sections)
    brand = _prepared.brand
    config.site_name = brand.site_name or config.site_name
    config.theme["logo"] = brand.logo or config.theme.get("logo")
    config.extra_css.extend(path for path, _ in brand.stylesheets)
    return config


def on_files(files, config):
    assert _prepared is not None
    for page in _prepared.pages:
        # A generated page may stand in for a hand-written one (print-cards.md with cards off).
        if (existing := files.get_file_from_path(page.path)) is not None:
            files.remove(existing)
        files.append(File.generated(config, page.path, content=page.markdown))
    for site_path, path in _prepared.downloads:
        files.append(File.generated(config, site_path, abs_src_path=str(path)))
    for site_path, text in _prepared.assets + _prepared.brand.stylesheets:
        files.append(File.generated(config, site_path, content=text))
    return files


def on_page_markdown(markdown, page, config, files):
    assert _prepared is not None
    return drop_missing_downloads(markdown, page.file.src_uri, {path for path, _ in _prepared.downloads})


def on_page_content(html, page, config, files):
    assert _prepared is not None
    html = explain_terms_once(html, page.file.src_uri)
    return add_print_addresses(html, page.file.dest_uri, _prepared.options.public_url)


def on_serve(server, config, builder):
    assert _prepared is not None
    for folder in _prepared.watched:
        server.watch(str(folder))
    return server


def on_post_build(config):
    assert _prepared is not None
    if _prepared.later:
        threading.Thread(target=_finish_later, args=(_prepared.later, Path(config.site_dir)), daemon=True).start()


def _finish_later(later, site_dir: Path) -> None:
    """Remake the decks and packs a live preview served as made before, into the served site."""
    try:
        files = later.finish()
    except KitError as exc:
        LOG.error(exc.describe())
        return
    for site_path, path in files:
        target = site_dir / site_path
        partial = target.with_name(f".{target.name}.{os.getpid()}.part")
        shutil.copyfile(path, partial)
        os.replace(partial, target)
    LOG.info(f"Remade {len(files)} decks, packs and previews with the latest edit")


def on_post_page(output, page, config):
    return fix_page(output)


def on_post_template(output, template_name, config):
    return fix_page(output) if template_name.endswith(".html") else output
