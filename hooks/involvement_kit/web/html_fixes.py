"""Small, pure repairs to the theme's HTML, so every built page is valid and accessible.

Material for MkDocs writes a few bits of markup that the Nu HTML Checker or axe-core
reject. Fixing them here, after the page is rendered, keeps the theme's own templates
untouched (no copied partials to keep in step with upstream). Every repair is
idempotent and leaves any other markup byte for byte as it was.

The MkDocs hook calls `fix_page` from `on_post_page`; nothing here knows about MkDocs.
"""

from __future__ import annotations

import html
import re

# One start tag, allowing '>' inside quoted attribute values.
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_INPUT = re.compile(r"<input\b" + _ATTRS + r">", re.I)
_AUTOCOMPLETE = re.compile(r"""\s+autocomplete(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([a-z-]+)""", re.I)
_EMPTY_TABINDEX = re.compile(r"""(<[a-z][a-z0-9]*\b""" + _ATTRS + r""")\s+tabindex=(?:""|'')""", re.I)
_DIALOG = re.compile(r"<(?:div|section|aside)\b" + _ATTRS + r"""\brole=["']dialog["']""" + _ATTRS + r">", re.I)
_NAMED = re.compile(r"""\saria-label(?:ledby)?\s*=""", re.I)
_LABEL = re.compile(r"<label\b" + _ATTRS + r">", re.I)
_FOR = re.compile(r"""\s+for\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_QUICK_ID = re.compile(r' id="([^"]*)"')
_DRAWER_BUTTON = re.compile(r'(<label class="md-header__button md-icon" for="__drawer")>')
_NAV_LABEL = re.compile(r'<nav class="md-nav md-nav--primary"[^>]*\baria-label="([^"]+)"')
_SEARCH_FORM_END = re.compile(r"(<form\b[^>]*\bclass=\"md-search__form\"(?:(?!</form>).)*?)(</form>)", re.I | re.S)
_NAV_TOGGLE = re.compile(r"""<input\b[^>]*\bclass="md-nav__toggle md-toggle\s*"[^>]*>""", re.I)
_SEARCH_LABEL = re.compile(r"""<input\b[^>]*\bclass="md-search__input"[^>]*\baria-label="([^"]+)\"""", re.I)
# HTML allows `autocomplete` only on these input types (and on text areas, selects, forms).
_AUTOCOMPLETE_TYPES = {"color", "date", "datetime-local", "email", "hidden", "month", "number", "password",
                       "range", "search", "tel", "text", "time", "url", "week"}


def fix_page(page: str) -> str:
    """Return `page` with the theme's known markup problems repaired."""
    page = _INPUT.sub(_fix_input, page)
    # Each repair first looks for its cheap sign (every page of every build passes through here).
    if 'tabindex=""' in page or "tabindex=''" in page:
        page = _EMPTY_TABINDEX.sub(r"\1", page)
    page = _drop_unlabelled_nav_toggles(page)
    page = _drop_dangling_label_targets(page)
    page = _drawer_button(page)
    page = _search_submit_button(page)
    return _name_dialogs(page)


def _fix_input(match: re.Match[str]) -> str:
    # Material puts autocomplete="off" on its drawer and search check boxes (to stop
    # Firefox restoring them); HTML forbids it there. overrides/main.html resets them instead.
    tag = match.group(0)
    kind = _TYPE.search(tag)
    input_type = kind.group(1).lower() if kind else "text"
    if input_type in _AUTOCOMPLETE_TYPES:
        return tag
    return _AUTOCOMPLETE.sub("", tag)


def _drop_dangling_label_targets(page: str) -> str:
    # On a page that is not in the navigation, Material still writes the table of
    # contents' title as <label for="__toc">, but no __toc check box exists to toggle.
    # A label for nothing is invalid HTML and does nothing when pressed; drop its `for`.
    # The theme writes every id as ` id="..."`; only a target not found so is looked for in
    # every spelling an id may have (a scan of the whole page, several times slower).
    quick = set(_QUICK_ID.findall(page))
    every: set[str] = set()

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        target = _FOR.search(tag)
        if target is None or (name := target.group(1) or target.group(2) or "") in quick:
            return tag
        if not every:
            every.update(a or b for a, b in _ID.findall(page))
        if name in every:
            return tag
        return tag[:target.start()] + tag[target.end():]

    return _LABEL.sub(fix, page)


def _drop_unlabelled_nav_toggles(page: str) -> str:
    # The converse: on a page with no headings below its title, Material still writes the
    # table of contents' check box (id="__toc") but no label to toggle it. A check box with
    # no name is an error to HTML_CodeSniffer (WCAG 4.1.2) even hidden, and it toggles
    # nothing; drop it.
    targets = {a or b for tag in _LABEL.findall(page) for a, b in _FOR.findall(tag)}

    def fix(match: re.Match[str]) -> str:
        found = _ID.search(match.group(0))
        if found is None or (found.group(1) or found.group(2)) in targets:
            return match.group(0)
        return ""

    return _NAV_TOGGLE.sub(fix, page)


def _search_submit_button(page: str) -> str:
    # A form needs a way to submit it (WCAG 3.2.2, HTML_CodeSniffer H32.2), and Material's
    # search form has none: Enter goes to the best result. Give it a submit button with the
    # search box's own name, for screen readers (which list a form's buttons), out of sight
    # and out of the Tab order like the theme's own search buttons; overrides/main.html makes
    # submitting do what Enter does.
    if "kit-search-submit" in page:
        return page
    found = _SEARCH_LABEL.search(page)
    label = html.escape(html.unescape(found.group(1)) if found else "Search")
    button = f'<button type="submit" class="kit-search-submit kit-visually-hidden" tabindex="-1">{label}</button>'
    return _SEARCH_FORM_END.sub(lambda m: m.group(1) + button + m.group(2), page, count=1)


def _drawer_button(page: str) -> str:
    # Below 1220 px the navigation is a drawer opened by a <label> in the header, which the
    # Tab key never reaches, so keyboard users cannot open it. Material already clicks a
    # focused label on Enter; give this one a place in the Tab order and a name (the
    # theme's own, translated, name for the navigation). The closed drawer itself takes
    # no focus (docs/stylesheets/access.css).
    found = _NAV_LABEL.search(page)
    name = found.group(1) if found else "Navigation"
    return _DRAWER_BUTTON.sub(lambda m: f'{m.group(1)} tabindex="0"><span class="kit-visually-hidden">{name}</span>',
                              page, count=1)


def _name_dialogs(page: str) -> str:
    # The search dialog has no accessible name (axe: aria-dialog-name). Name it after
    # the search box's own label, which the theme already translates.
    found = _SEARCH_LABEL.search(page)
    label = html.unescape(found.group(1)) if found else "Search"

    def name(match: re.Match[str]) -> str:
        tag = match.group(0)
        if _NAMED.search(tag):
            return tag
        return tag[:-1] + f' aria-label="{html.escape(label)}">'

    return _DIALOG.sub(name, page)
