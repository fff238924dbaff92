"""The page renderer, checked against golden files from a small fixture kit."""

from __future__ import annotations

import pytest

from golden import GOLDEN, check_golden
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.web.nav import expand_nav
from involvement_kit.web.pages import link, nav_sections, render_pages
from kitfiles import BASIC

OPTIONS = Options(public_url="https://kit.example.org", organisation="Example Trust")


@pytest.fixture(scope="module")
def pages():
    return {p.path: p for p in render_pages(load_kit(BASIC), OPTIONS)}


def test_one_page_per_enabler_and_barrier_plus_overviews(pages):
    assert sorted(pages) == ["barriers/index.md", "barriers/only-barrier.md", "enablers/first-enabler.md",
                             "enablers/index.md", "enablers/second-enabler.md", "leadership/index.md"]


def test_pages_match_golden_files(pages):
    for path, page in pages.items():
        check_golden(f"pages/{path}", page.markdown)
    committed = {p.relative_to(GOLDEN / "pages").as_posix() for p in (GOLDEN / "pages").rglob("*.md")}
    assert committed == set(pages), "golden files for pages that are no longer made"


def test_suggestions_and_sources_are_labelled(pages):
    text = pages["enablers/first-enabler.md"].markdown
    assert "Research finding" in text
    assert text.count("The kit's suggestion") == 4  # why it matters, in practice, warning signs, questions
    assert "Robson, P., Begum, N. and Locke, M. (2003)" in text
    assert "the kit's own suggestion, not a finding of the report" in pages["enablers/second-enabler.md"].markdown


def test_links_are_relative_between_sections():
    assert link("enablers/a.md", "barriers/b.md") == "../barriers/b.md"
    assert link("enablers/a.md", "enablers/b.md") == "b.md"
    assert link("enablers/a.md", "leadership/index.md#x") == "../leadership/index.md#x"


def test_nav_sections_expand_in_place():
    kit = load_kit(BASIC)
    nav = [{"Home": "index.md"}, {"Enablers": "enablers/index.md"}, {"More": [{"About": "about.md"}]}]
    out = expand_nav(nav, nav_sections(kit))
    assert out[0] == {"Home": "index.md"}
    assert out[1] == {"Enablers": ["enablers/index.md", {"First enabler": "enablers/first-enabler.md"},
                                   {"Second enabler": "enablers/second-enabler.md"}]}
    assert out[2] == {"More": [{"About": "about.md"}]}
