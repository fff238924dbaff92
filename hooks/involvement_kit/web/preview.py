"""The page a live preview shows in place of the site while a build has failed."""

from __future__ import annotations

from ..templating import render


def mistake_page(message: str) -> str:
    """The build's own message (escaped: it quotes the editor's text), and how the page recovers."""
    return render("preview/mistake.html.j2", message=message.strip())
