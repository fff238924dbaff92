"""Static gates on the real site: valid HTML (Nu HTML Checker) and links that resolve."""

from __future__ import annotations

import pytest

from gates_site import site_pages
from gates_static import link_problems, vnu_problems
from gates_browser import describe


@pytest.mark.needs("java", "vnu-jar")
def test_every_page_is_valid_html(built_site):
    assert not (problems := vnu_problems(built_site)), describe(problems)


def test_every_internal_link_anchor_and_download_resolves(built_site):
    stats: dict = {}
    assert not (problems := link_problems(built_site, stats)), describe(problems)
    assert stats["pages"] == len(site_pages(built_site))
    assert stats["links"] > stats["pages"] * 10 and stats["anchors"] > 0
