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
        if "://" in path or not path.endswith((".pdf", ".zip", ".docx")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
        if not resolved.startswith("downloads/") or resolved in made:
            return match.group(0)
        return text

    return _LINK.sub(replace, markdown)


# "[Fold-over, A4](x-a4.pdf) · [US Letter](x-letter.pdf)": a pair in one table cell or line.
_PAIR = re.compile(r"\[([^\]\n]*?)A4\]\(([^)\s]*?)-a4\.pdf\) · \[US Letter\]\(([^)\s]*?)-letter\.pdf\)")
# "- [<set>, A4 (PDF)](x-a4.pdf)" followed by the same item for US Letter.
_ITEMS = re.compile(r"^(- \[[^\]\n]*A4[^\]\n]*\]\([^)\s]*-a4\.pdf\)[^\n]*)\n(- \[[^\]\n]*US Letter[^\]\n]*\]"
                    r"\([^)\s]*-letter\.pdf\)[^\n]*)$", re.MULTILINE)


def letter_first(markdown: str) -> str:
    """A hand-written page's download pairs with US Letter first, for an organisation on Letter."""
    markdown = _PAIR.sub(lambda m: f"[{m.group(1)}US Letter]({m.group(3)}-letter.pdf) · [A4]({m.group(2)}-a4.pdf)",
                         markdown)
    return _ITEMS.sub(lambda m: f"{m.group(2)}\n{m.group(1)}", markdown)
