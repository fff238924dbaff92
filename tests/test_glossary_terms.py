"""Glossary tooltips: once a page, at the first use, never in a heading or a link."""

from __future__ import annotations

from involvement_kit.web.glossary_terms import explain_terms_once

T = '<abbr title="A member of the board">trustee</abbr>'
TS = '<abbr title="Members of the board">Trustees</abbr>'


def test_only_the_first_use_keeps_its_tooltip_and_plurals_count_as_the_same_term():
    html = f"<p>{TS} meet.</p><p>A {T} votes. {TS} again.</p>"
    assert explain_terms_once(html) == f"<p>{TS} meet.</p><p>A trustee votes. Trustees again.</p>"


def test_headings_and_links_never_carry_one_and_do_not_use_up_the_first():
    html = f'<h1 id="x">Briefing for {TS}</h1><p><a href="t.html">for {T}</a></p><p>Each {T}.</p>'
    assert explain_terms_once(html) == (
        f'<h1 id="x">Briefing for Trustees</h1><p><a href="t.html">for trustee</a></p><p>Each {T}.</p>')


def test_other_markup_is_left_as_it_was():
    html = '<article><aside>x</aside><p><a href="#a">a</a> <abbr title="t">other</abbr></p></article>'
    assert explain_terms_once(html) == html


def test_easy_read_pages_carry_no_glossary_tooltips():
    # An easy-read page explains its hard words in its own words; the standard definitions stay off.
    html = f"<p>{TS} meet.</p><p>A {T} votes.</p>"
    assert explain_terms_once(html, "easy-read/index.md") == "<p>Trustees meet.</p><p>A trustee votes.</p>"
    assert explain_terms_once(html, "trustees.md").startswith(f"<p>{TS} meet.")
