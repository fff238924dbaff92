"""Links to downloads the build did not make become plain text, so no link is ever dead.

An organisation can switch outputs off (`extra.kit.outputs`); hand-written pages may
still mention the sheets or the booklet. Their links are dropped, their words kept.
"""

from __future__ import annotations

import posixpath
import re

_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)(\{[^}\n]*\})?")


def drop_missing_downloads(markdown: str, page_path: str, made: set[str]) -> str:
    """`page_path`: the page's docs path ('scoring/index.md'); `made`: site paths of every download."""
    def replace(match: re.Match[str]) -> str:
        text, target = match.group(1), match.group(2)
        path = target.split("#")[0]
        if "://" in path or not path.endswith((".pdf", ".zip")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
        if not resolved.startswith("downloads/") or resolved in made:
            return match.group(0)
        return text

    return _LINK.sub(replace, markdown)
