"""Generated sections in the navigation: MkDocs' nav, filled in with the pages the build made."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a reused build runs this module without loading the content model behind outputs
    from ..outputs import NavItem, NavSections


def expand_nav(nav: list[NavItem] | None, sections: NavSections) -> list[NavItem] | None:
    """Turn `- Enablers: enablers/index.md` into a section holding the index and every enabler page."""
    if nav is None:
        return None
    return _expand(nav, sections)


def _expand(nav: list[NavItem], sections: NavSections) -> list[NavItem]:
    out: list[NavItem] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if isinstance(value, str) and value in sections:
                section: list[NavItem] = [value]
                section.extend({t: p} for t, p in sections[value])
                item = {title: section}
            elif isinstance(value, list):
                item = {title: _expand(value, sections)}
        out.append(item)
    return out
