"""The trustee briefing: one record (kit/trustee-briefing.yml) makes both its web page and its
dated, page-numbered A4 PDF; the leadership checklist PDF comes from the leader behaviours."""

from __future__ import annotations

import html
import re

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.content.briefing import BRIEFING_FILE, load_briefing
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.errors import KitError
from involvement_kit.paper import briefing as paper_briefing
from involvement_kit.web.briefing import render_briefing, render_web
from kitfiles import BASIC, build_context

A4 = (595.28, 841.89)
BRIEFING = load_briefing(ROOT / "kit")


def text_of(path) -> str:
    # Print sets quotes curly; the record has straight ones.
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def visible(page: str) -> str:
    """The words of the page's article, with the theme's curly quotes made straight again."""
    main = page.split("<article", 1)[1].split(">", 1)[1].split("</article>", 1)[0]
    text = html.unescape(re.sub(r"<[^>]+>", "", main))
    return " ".join(text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")).split())


def words(runs) -> str:
    return "".join(run.text for run in runs)


def said(briefing, screen: bool) -> list[str]:
    """Every heading, paragraph and list item of the briefing, as words (screen-only parts when `screen`)."""
    out = [briefing.title]
    for section in [None, *briefing.sections]:
        blocks = briefing.intro if section is None else section.blocks
        if section is not None:
            out.append(section.heading)
        for block in blocks:
            if block.screen_only and not screen:
                continue
            out += [words(block.runs)] if block.runs else [block.title] * bool(block.title)
            out += [words(item) for item in block.items]
    return out


def test_briefing_pdf_is_a4_dated_and_numbered(built_site):
    path = built_site / "downloads" / "trustee-briefing-a4.pdf"
    reader = PdfReader(path)
    assert all(abs(float(p.mediabox.width) - A4[0]) < 0.1 and abs(float(p.mediabox.height) - A4[1]) < 0.1
               for p in reader.pages)
    text = text_of(path)
    assert "Briefing for trustees" in text and "Questions a board can ask" in text
    assert re.search(r"Made on \d{1,2} [A-Z][a-z]+ \d{4}", text)
    for number in range(1, len(reader.pages) + 1):
        assert f"Page {number} of {len(reader.pages)}" in text
    assert "Print this briefing" not in text and "More:" not in text  # screen-only lines left out


def test_page_and_pdf_say_everything_in_the_record(built_site):
    pdf = text_of(built_site / "downloads" / "trustee-briefing-a4.pdf").replace("- ", "-")
    pdf = re.sub(r" \([\w.-]+\.[a-z]+/[^)\s]*\)", "", pdf)  # the printed addresses after links
    page = visible((built_site / "trustees.html").read_text(encoding="utf-8"))
    for text in said(BRIEFING, screen=False):
        assert " ".join(text.split()) in pdf, text
    for text in said(BRIEFING, screen=True):
        assert text in page, text


def test_page_keeps_the_themes_buttons_boxes_and_suggestion_marks(built_site):
    html = (built_site / "trustees.html").read_text(encoding="utf-8")
    assert html.count('class="md-button"') == 2 and 'href="downloads/trustee-briefing-a4.pdf"' in html
    assert 'class="admonition tip"' in html and 'admonition-title">The kit\'s suggestion: places to look' in html
    assert html.count('class="kit-suggestion"') == 4
    assert re.search(r'More: <a href="barriers/glass-ceilings.html"[^>]*>Glass ceilings</a>', html)
    assert "<strong>Progress was often fragile.</strong>" in html


def test_printed_links_carry_their_addresses(built_site):
    # The default build has no public_url: a link into the kit prints its words and no address
    # (test_public_url prints them with one); a link elsewhere prints its own address.
    pdf = text_of(built_site / "downloads" / "trustee-briefing-a4.pdf").replace("- ", "-")
    assert re.search(r'public_url: ""', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    linked = {run.text: run.link for section in BRIEFING.sections for block in section.blocks
              if not block.screen_only for runs in (block.runs, *block.items) for run in runs if run.link}
    assert linked, "the briefing prints no links"
    for words_, link in linked.items():
        assert words_ in pdf
        if link.startswith("http"):
            assert f"{words_} ({link.removeprefix('https://')})" in pdf, words_
        else:
            assert f"{words_} (" not in pdf, words_


def test_checklist_pdf_lists_every_leader_behaviour(built_site):
    text = text_of(built_site / "downloads" / "leadership-checklist-a4.pdf")
    for behaviour in load_kit(ROOT / "kit").leader_behaviours:
        assert behaviour.title in text
    assert "Page 1 of 1" in text  # one page, for board papers


def test_pdf_blocks_leave_screen_only_parts_out_and_keep_bold():
    blocks = paper_briefing.briefing_blocks(BRIEFING)
    assert [b["text"] for b in blocks if b["type"] == "heading"] == [s.heading for s in BRIEFING.sections]
    assert not any("More" in str(b) for b in blocks)
    first_list = next(b for b in blocks if b["type"] == "list")
    assert first_list["items"][0][0] == {"text": "Check where you stand.", "strong": True}
    assert sum(b["type"] == "note" for b in blocks) == 4 and sum(b["type"] == "box" for b in blocks) == 1


def test_page_links_are_relative_and_addresses_kept():
    page = render_briefing(BRIEFING).markdown
    assert page.startswith('---\ntitle: "Briefing for trustees"\n')
    assert "[Enablers](enablers/index.md) and [barriers](barriers/index.md)" in page
    assert '!!! tip "The kit\'s suggestion: places to look"\n\n    - The board itself' in page


def test_a_kit_without_a_briefing_makes_no_page_and_no_briefing_pdf(tmp_path):
    kit = load_kit(BASIC)
    assert load_briefing(BASIC) is None
    ctx = build_context(kit, Options(), cache_dir=tmp_path)
    assert render_web(ctx).pages == ()
    made = paper_briefing.batch(ctx, when="2026-01-01")
    assert made is None or "trustee-briefing-a4.pdf" not in made.site_paths


GOOD = """title: A briefing
description: One line.
sections:
  - heading: Part one
    blocks:
      - paragraph: Some **bold** text and [a link](key-findings.md).
"""


def problems_for(tmp_path, text: str) -> list[str]:
    (tmp_path / BRIEFING_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_briefing(tmp_path, "kit")
    return [str(p) for p in caught.value.problems]


def test_a_small_briefing_loads(tmp_path):
    (tmp_path / BRIEFING_FILE).write_text(GOOD, encoding="utf-8")
    briefing = load_briefing(tmp_path)
    runs = briefing.sections[0].blocks[0].runs
    assert [(r.text, r.strong, r.link) for r in runs] == [
        ("Some ", False, ""), ("bold", True, ""), (" text and ", False, ""), ("a link", False, "key-findings.md"),
        (".", False, "")]


@pytest.mark.parametrize("old, new, field, words", [
    ("Some **bold** text", "Some **bold text", "sections[1].blocks[1].paragraph", "stray '*'"),
    ("[a link](key-findings.md)", "[a link](javascript:alert)", "sections[1].blocks[1].paragraph", "links to"),
    ("[a link](key-findings.md)", "[a link](../secret.md)", "sections[1].blocks[1].paragraph", "links to"),
    ("Some **bold**", "Some _odd_", "sections[1].blocks[1].paragraph", "stray '_'"),
    ("paragraph: Some", "paragraph: <b>Some", "sections[1].blocks[1].paragraph", "contains HTML"),
    ("paragraph: Some **bold** text and [a link](key-findings.md).", "paragraph: '# Some'",
     "sections[1].blocks[1].paragraph", "starts with '#'"),
    ("paragraph: Some", "paragrahp: Some", "sections[1].blocks[1].paragrahp", "did you mean 'paragraph'"),
    ("paragraph: Some **bold** text and [a link](key-findings.md).", "paragraph: [Key findings]",
     "sections[1].blocks[1].paragraph", "in quotes"),
    ("  - heading: Part one", "  - heading: Part **one**", "sections[1].heading", "plain text"),
    ("  - heading: Part one\n", "  - heading: Part one\n    heading2: x\n", "sections[1].heading2", "unknown field"),
    ("title: A briefing\n", "", "title", "is required"),
])
def test_mistakes_name_file_field_and_line(tmp_path, old, new, field, words):
    assert old in GOOD
    found = problems_for(tmp_path, GOOD.replace(old, new))
    assert any(p.startswith("kit/trustee-briefing.yml, line ") and f"field '{field}'" in p and words in p
               for p in found), found


def test_a_block_has_exactly_one_kind(tmp_path):
    found = problems_for(tmp_path, GOOD.replace("      - paragraph: Some", "      - more: x\n        paragraph: Some"))
    assert any("line 6" in p and "exactly one of" in p for p in found), found


def test_a_box_title_and_a_more_pointer_are_checked(tmp_path):
    text = GOOD + '      - box:\n          title: \'Say "this"\'\n          items: [One]\n      - more: No link here\n'
    found = problems_for(tmp_path, text)
    assert any("field 'sections[1].blocks[2].box.title'" in p and "double quotes" in p for p in found), found
    assert any("line 10" in p and "field 'sections[1].blocks[3].more'" in p and "give a link" in p
               for p in found), found
