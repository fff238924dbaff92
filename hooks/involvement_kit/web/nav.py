"""Generated sections in the navigation: MkDocs' nav, filled in with the pages the build made."""

from __future__ import annotations


def expand_nav(nav, sections: dict[str, list[tuple[str, str]]]):
    """Turn `- Enablers: enablers/index.md` into a section holding the index and every enabler page."""
    if nav is None:
        return None
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if isinstance(value, str) and value in sections:
                item = {title: [value] + [{t: p} for t, p in sections[value]]}
            elif isinstance(value, list):
                item = {title: expand_nav(value, sections)}
        out.append(item)
    return out
