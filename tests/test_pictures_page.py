"""The page of pictures an editor may name in easy-read points, with previews."""

from __future__ import annotations

import re

import pytest

from conftest import copy_built_project, mkdocs_build

pytestmark = pytest.mark.build

SYMBOL = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'


def test_the_picture_page_lists_icons_in_use_and_any_symbol_file_added(site_build, tmp_path):
    project = copy_built_project(site_build, tmp_path / "project")
    symbols = project / "docs" / "assets" / "symbols"
    symbols.mkdir(parents=True)
    (symbols / "cup-of-tea.svg").write_text(SYMBOL, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pictures.md" not in result.stderr  # no "not in nav" note about it
    html = (tmp_path / "site" / "pictures.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    by_name = {m.group(1): row for row in rows if (m := re.search(r"<code>([^<]+)</code>", row))}
    # A symbol file the records use: its name, its image as preview, and what it shows.
    assert "images/symbols/ask.svg" in by_name
    assert 'src="images/symbols/ask.svg"' in by_name["images/symbols/ask.svg"]
    assert "A question in a speech bubble" in by_name["images/symbols/ask.svg"]
    # Points may not use theme icons (the build refuses them), so the page offers none, in its
    # table or in its advice.
    assert not [name for name in by_name if name.startswith("material/")]
    assert "material/coffee" not in html and "works too, written" not in html
    # A file dropped in docs/assets/symbols/ is offered at the next build, with its image as preview.
    assert "assets/symbols/cup-of-tea.svg" in by_name
    assert 'src="assets/symbols/cup-of-tea.svg"' in by_name["assets/symbols/cup-of-tea.svg"]
    publishing = (tmp_path / "site" / "publishing.html").read_text(encoding="utf-8")
    assert 'href="pictures.html"' in publishing
