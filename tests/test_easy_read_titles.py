"""Plain titles and headings in the easy read (issue 17 item 2): each record has an easy title,
used for the page, the menu, the booklet and the cards; the report's words are refused there."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from kitfiles import problems_after_edit
from involvement_kit.content import easy_read_rules as rules
from involvement_kit.content.loader import load_kit
from involvement_kit.vocabulary import EASY_READ_PAGES

KIT = load_kit(ROOT / "kit", label="kit")
JARGON = rules.load_jargon(ROOT / "kit")


def test_every_record_with_an_easy_read_has_a_plain_title():
    for record in (*KIT.enablers, *KIT.barriers, *KIT.leader_behaviours):
        if record.easy_read:
            assert record.easy_title, record.id
            assert JARGON.found_in(record.easy_title) == [], record.easy_title


def test_the_review_examples_are_gone_from_easy_titles():
    titles = {r.id: r.plain_title for r in (*KIT.enablers, *KIT.barriers, *KIT.leader_behaviours)}
    assert titles["glass-ceilings"] == "Users cannot get to the top jobs"
    assert titles["staff-turnover"] == "When staff leave"
    assert titles["fashion-and-rhetoric"] == "Saying it just to look good"


def test_fixed_easy_read_page_titles_and_headings_are_plain():
    for _, _, title, _, _ in EASY_READ_PAGES:
        assert JARGON.found_in(title) == [], title
    for page in KIT.easy_read_pages:
        for section in page.sections:
            assert JARGON.found_in(section.heading) == [], section.heading


@pytest.mark.parametrize("text, found", [
    ("Glass ceilings", ["glass ceiling"]),
    ("Policy and funders as a lever", ["policy", "lever"]),
    ("Staff turnover", ["turnover"]),
    ("Levels of say", []),            # 'lever' is a whole word, not a prefix
    ("Users cannot get to the top jobs", []),
    ("Management-centred", ["management-centred"]),
])
def test_jargon_is_found_as_whole_words(text, found):
    assert JARGON.found_in(text) == found


def _broken(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    return problems_after_edit(tmp_path, file, old, new)


def test_jargon_in_an_easy_title_is_refused(tmp_path):
    problems = _broken(tmp_path, "barriers.yml", "easy_title: Users cannot get to the top jobs",
                       "easy_title: Glass ceilings at the top")
    assert len(problems) == 1
    assert problems[0].startswith("kit/barriers.yml, line ")
    assert "record 'glass-ceilings', field 'easy_title'" in problems[0] and "'glass ceiling'" in problems[0]


def test_a_record_without_an_easy_title_falls_back_to_a_title_that_is_checked(tmp_path):
    problems = _broken(tmp_path, "barriers.yml", "  easy_title: Users cannot get to the top jobs\n", "")
    assert len(problems) == 1
    assert "record 'glass-ceilings', field 'title'" in problems[0] and "give the record an easy_title" in problems[0]


def test_jargon_in_an_easy_read_heading_is_refused(tmp_path):
    problems = _broken(tmp_path, "easy-read-pages.yml", "- heading: Users take part in the way staff decide",
                       "- heading: Management-centred")
    assert len(problems) == 1
    assert "kit/easy-read-pages.yml, line " in problems[0] and "record 'involvement'" in problems[0]
    assert "heading" in problems[0] and "'management-centred'" in problems[0]


def test_easy_read_record_page_uses_the_plain_title_and_names_the_report_once():
    from test_easy_read import real_easy_read
    _, easy = real_easy_read()
    pages = {p.path: p for p in easy.pages}
    page = pages["easy-read/barriers/glass-ceilings.md"]
    assert page.title == "Users cannot get to the top jobs"
    assert "# Users cannot get to the top jobs" in page.markdown
    assert page.markdown.count("Glass ceilings") == 1
    assert 'In the report, this is called "**Glass ceilings**".' in page.markdown
