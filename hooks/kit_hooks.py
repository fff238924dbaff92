"""MkDocs hooks: thin adapters from MkDocs events to the kit's build pipeline (hooks/involvement_kit)."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from pathlib import Path

import material
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from involvement_kit.pipeline import (
    NO_PUBLIC_URL,
    OFFLINE_ZIP,
    OFFLINE_ZIP_VARIABLE,
    KitError,
    add_print_addresses,
    drop_missing_downloads,
    expand_nav,
    explain_terms_once,
    fix_page,
    letter_first,
    mistake_page,
    prepare_reusing,
    vendor_assets,
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
                                    live=_live, behind=not _live)
    except KitError as exc:
        raise PluginError(exc.describe()) from None
    if not _prepared.options.public_url:
        LOG.info(NO_PUBLIC_URL)
    config.nav = expand_nav(config.nav, _prepared.nav_sections)
    brand = _prepared.brand
    # Markup: the theme prints the name as HTML in some places and escapes it in others; escaped once
    # here, `<Leeds>` or `&` in an organisation's name shows as typed in both.
    config.site_name = escape(brand.site_name) if brand.site_name else config.site_name
    config.theme["logo"] = brand.logo or config.theme.get("logo")
    config.extra_css.extend(path for path, _ in brand.stylesheets)
    return config


def on_files(files, config):
    assert _prepared is not None
    for page in _prepared.pages:
        # A generated page may stand in for a hand-written one (print-cards.md with cards off).
        if (existing := files.get_file_from_path(page.path)) is not None:
            files.remove(existing)
        # A page kept only for old links is out of the menus on purpose: no "not in nav" note about it.
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.path, content=page.markdown, inclusion=inclusion))
    _copy_when_made.clear()  # a live preview's build that failed may have left some
    for site_path, path in _prepared.downloads:
        # A file still being made (see on_post_build) is copied once made.
        made = File if Path(path).is_file() else _MadeDuringBuild
        files.append(made.generated(config, site_path, abs_src_path=str(path)))
    for site_path, text in _prepared.assets + _prepared.brand.stylesheets:
        files.append(File.generated(config, site_path, content=text))
    for site_path, text in vendor_assets(Path(config.config_file_path).parent):
        files.append(File.generated(config, site_path, content=text))
    if zip_path := _offline_zip(config):
        files.append(File.generated(config, OFFLINE_ZIP, abs_src_path=str(zip_path)))
    return files


def _offline_zip(config):
    """The offline copy named by KIT_OFFLINE_ZIP (`make publish`), published so the pages can link to it."""
    named = os.environ.get(OFFLINE_ZIP_VARIABLE)
    path = Path(config.config_file_path).parent / named if named else None
    return path if path and path.is_file() else None


def on_page_markdown(markdown, page, config, files):
    assert _prepared is not None
    made = {path for path, _ in _prepared.downloads} | ({OFFLINE_ZIP} if _offline_zip(config) else set())
    markdown = drop_missing_downloads(markdown, page.file.src_uri, made)
    # Generated pages list the organisation's paper first already; hand-written ones say A4 first.
    return letter_first(markdown) if _prepared.options.paper == "letter" else markdown


def on_page_content(html, page, config, files):
    assert _prepared is not None
    html = explain_terms_once(html, page.file.src_uri)
    return add_print_addresses(html, page.file.dest_uri, _prepared.options.public_url)


def on_serve(server, config, builder):
    assert _prepared is not None
    for folder in _prepared.watched:
        server.watch(str(folder))
    _show_mistakes_in_the_browser(server)
    return server


# The message of the live preview's last failed build; None once a build succeeds.
_mistake: str | None = None


def on_build_error(error):
    global _mistake
    _mistake = str(error)


def _show_mistakes_in_the_browser(server):
    """While a rebuild has failed, every page is the build's message, and it reloads when fixed.

    MkDocs' server would otherwise leave the browser waiting until the mistake is fixed.
    """
    build, serve_request = server.builder, server._serve_request

    def build_or_keep_the_mistake():
        global _mistake
        _mistake = None
        try:
            build()
        except Exception:
            if _mistake is None:
                raise
            LOG.error("The browser shows this message until the mistake is fixed.")

    def serve_or_show_the_mistake(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if _mistake is None or not (path.endswith("/") or path.endswith(".html")):
            return serve_request(environ, start_response)
        content = server._inject_js_into_html(mistake_page(_mistake).encode(), server._visible_epoch)
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))])
        return [content]

    server.builder = build_or_keep_the_mistake
    server._serve_request = serve_or_show_the_mistake


class _MadeDuringBuild(File):
    """A download Typst is making while MkDocs renders the pages: copied by on_post_build."""

    def copy_file(self, dirty=False):
        _copy_when_made.append(self)


_copy_when_made: list[File] = []


def on_post_build(config):
    assert _prepared is not None
    later = _prepared.later
    if later and later.serve_earlier:
        threading.Thread(target=_finish_later, args=(later, Path(config.site_dir)), daemon=True).start()
    elif later:
        try:
            later.finish()
        except KitError as exc:
            raise PluginError(exc.describe()) from None
    while _copy_when_made:
        File.copy_file(_copy_when_made.pop())


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
