"""Every enabler and barrier page carries every part a trustee needs."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")
PARTS = ["What the study found", "Why it matters", "What it can look like in practice", "Warning signs",
         "Questions to ask", "Related", "Where this comes from"]


@pytest.mark.parametrize("record", KIT.enablers + KIT.barriers, ids=lambda r: r.id)
def test_page_has_every_part(built_site, record):
    html = (built_site / record.page.replace(".md", ".html")).read_text(encoding="utf-8")
    headings = [re.sub(r"<[^>]+>|¶|&para;", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    for part in PARTS:
        assert part in headings, f"{record.id}: no '{part}' section"
    assert html.count("The kit’s suggestion") + html.count("The kit's suggestion") >= 3
    assert "Robson, P., Begum, N. and Locke, M. (2003)" in html
    assert "Research finding" in html
