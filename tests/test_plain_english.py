"""Standard pages keep to plain English: mean sentence length at most 20 words.

Measured over the main article's paragraphs and list items (headings excluded), split
at '.', '!' and '?'. Easy-read pages have their own, stricter checks.
"""

from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import ROOT

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_BLOCK = re.compile(r"<(p|li)\b[^>]*>(.*?)</\1>", re.S)
_SKIP = re.compile(r"<(script|style|svg|form)\b.*?</\1>", re.S)


def sentence_lengths(page_html: str) -> list[int]:
    match = _ARTICLE.search(page_html)
    if not match:
        return []
    article = _SKIP.sub(" ", match.group(1))
    lengths = []
    for _, block in _BLOCK.findall(article):
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", block))
        for sentence in re.split(r"[.!?]", text):
            words = re.findall(r"[A-Za-z0-9’'-]+", sentence)
            if words:
                lengths.append(len(words))
    return lengths


def standard_pages(site):
    return [p for p in sorted(site.rglob("*.html"))
            if "easy-read" not in p.relative_to(site).parts and p.name != "404.html"]


def test_mean_sentence_length_is_at_most_20_words(built_site):
    report = {}
    for page in standard_pages(built_site):
        lengths = sentence_lengths(page.read_text(encoding="utf-8"))
        if lengths:
            report[page.relative_to(built_site).as_posix()] = sum(lengths) / len(lengths)
    assert report, "no pages measured"
    long = {page: round(mean, 1) for page, mean in report.items() if mean > 20}
    assert not long, f"pages whose sentences average over 20 words: {long}"


def test_the_measure_counts_sentences_in_paragraphs_and_list_items():
    html = ('<article class="md-content__inner md-typeset"><h1>A very long heading that is not counted at all</h1>'
            "<p>One two three. Four five!</p><ul><li>Six seven eight nine?</li></ul></article>")
    assert sentence_lengths(html) == [3, 2, 4]
