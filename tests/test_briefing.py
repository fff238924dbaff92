"""The trustee briefing and the leadership checklist as dated, page-numbered A4 PDFs."""

from __future__ import annotations

import re

from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.paper.briefing import blocks, inline
from involvement_kit.content.loader import load_kit

A4 = (595.28, 841.89)


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_briefing_pdf_is_a4_dated_and_numbered(built_site):
    path = built_site / "downloads" / "trustee-briefing-a4.pdf"
    reader = PdfReader(path)
    assert all(abs(float(p.mediabox.width) - A4[0]) < 0.1 and abs(float(p.mediabox.height) - A4[1]) < 0.1
               for p in reader.pages)
    text = text_of(path)
    assert "Briefing for trustees" in text and "Questions a board can ask" in text
    assert re.search(r"Printed \d{4}-\d{2}-\d{2}", text)
    for number in range(1, len(reader.pages) + 1):
        assert f"Page {number} of {len(reader.pages)}" in text
    assert "Print this briefing" not in text and "More:" not in text  # screen-only lines left out


def test_checklist_pdf_lists_every_leader_behaviour(built_site):
    text = text_of(built_site / "downloads" / "leadership-checklist-a4.pdf")
    for behaviour in load_kit(ROOT / "kit").leader_behaviours:
        assert behaviour.title in text
    assert "Page 1 of" in text


def test_markdown_becomes_plain_blocks():
    title, body = blocks("---\ntitle: x\n---\n\n# Title\n\nSome **bold** and [a link](x.md).\n\n"
                         "## Part\n\n- one\n- two\n\n1. first\n\n!!! tip \"Box\"\n\n    - inside\n\nMore: [x](y.md)\n")
    assert title == "Title"
    assert [b["type"] for b in body] == ["para", "heading", "list", "list", "box"]
    assert body[0]["runs"] == inline("Some **bold** and a link.")
    assert body[4]["title"] == "Box" and len(body[4]["items"]) == 1
