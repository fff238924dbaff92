"""Give every internal link the full address it will have online, for print.

On paper a link is useless unless its address is printed. Print CSS shows
`data-print-href` after each link; the address comes from `public_url`, never from the
development server, so a printed page points at the published kit.
"""

from __future__ import annotations

import html as htmllib
import posixpath
import re

_LINK = re.compile(r'<a\s([^>]*?)href="([^"#][^"]*)"([^>]*)>')
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def add_print_addresses(content: str, page_path: str, public_url: str) -> str:
    """`page_path`: the page's address in the site, such as 'enablers/resources.html'."""
    if not public_url:
        return content
    base = public_url.rstrip("/")

    def replace(match: re.Match[str]) -> str:
        before, href, after = match.groups()
        if "data-print-href" in before + after or "headerlink" in before + after:
            return match.group(0)
        target = htmllib.unescape(href)
        if _EXTERNAL.match(target):
            address = target
        else:
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
            address = f"{base}/{resolved}" + (f"#{anchor}" if anchor else "")
        if address.startswith("mailto:"):
            address = address.removeprefix("mailto:")
        return f'<a {before}href="{href}" data-print-href="{htmllib.escape(address)}"{after}>'

    return _LINK.sub(replace, content)
