"""Explain each glossary term once a page: at its first use, never in a heading or a link.

The `abbr` extension marks every use of every glossary term (docs/includes/abbreviations.md),
so a briefing for trustees underlined "trustee" a dozen times, in its own title too. A reader
needs the explanation once; after that the dotted lines are clutter. In a heading the
tooltip is noise, and in link text it stacks a second underline on the link's own.
"""

from __future__ import annotations

import re

from ..vocabulary import EASY_READ

_TOKEN = re.compile(r"<(/?)(h[1-6]|a|abbr)\b([^>]*)>", re.I)


def _term_key(text: str) -> str:
    # "Trustees", "trustee" and "trustees" are one term to a reader.
    words = re.sub(r"<[^>]+>", "", text).strip().lower()
    return words[:-1] if words.endswith("s") else words


def explain_terms_once(content: str, page: str = "") -> str:
    """`content`: a page's rendered Markdown; `page`: its docs path. Keeps the first <abbr> of each
    term outside headings and links; every other <abbr> becomes its plain text. Easy-read pages keep
    none: they explain their hard words in their own words, where they are used, and a tooltip's
    standard-register definition would contradict that."""
    easy_read = page.startswith(EASY_READ + "/")
    out: list[str] = []
    seen: set[str] = set()
    in_heading = in_link = 0
    pos = 0
    for match in _TOKEN.finditer(content):
        if match.start() < pos:
            continue
        out.append(content[pos:match.start()])
        pos = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if name == "abbr":
            if closing:
                continue
            end = content.find("</abbr>", pos)
            if end < 0:
                out.append(match.group(0))
                continue
            text = content[pos:end]
            key = _term_key(text)
            if easy_read or in_heading or in_link or key in seen:
                out.append(text)
            else:
                seen.add(key)
                out.append(match.group(0) + text + "</abbr>")
            pos = end + len("</abbr>")
            continue
        step = -1 if closing else 1
        if name == "a":
            in_link = max(0, in_link + step)
        else:
            in_heading = max(0, in_heading + step)
        out.append(match.group(0))
    out.append(content[pos:])
    return "".join(out)
