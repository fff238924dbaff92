"""Each card's user-voice twin (issue 20 item 6, facilitator review finding 18).

The cards' questions are asked by the organisation of itself. Every enabler, barrier and
leader behaviour also carries one question put to people who use services, about what
they have seen for themselves. It is the kit's suggestion, and a person sees it under the
same label on the record's page, on the leadership page and on the printed card.
The loader's refusals (missing, 'we'/'our', not a question) are in tests/test_loader.py
and tests/bad_inputs/.
"""

from __future__ import annotations

import html
import re

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit import vocabulary
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")
RECORDS = (*KIT.enablers, *KIT.barriers, *KIT.leader_behaviours)


def flat(text: str) -> str:
    """Text as a reader takes it in: one space between words, curly quotes made straight."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


def page_text(path) -> str:
    body = path.read_text(encoding="utf-8")
    # The heading's permalink sign is for the mouse, not part of what is read.
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", body)).replace("\u00b6", " "))


def test_every_card_has_a_question_put_to_users_in_their_own_voice():
    we = re.compile(r"\b(we|our|us|ours|ourselves)\b", re.I)
    assert len(RECORDS) == 27
    for record in RECORDS:
        assert record.user_question.endswith("?"), record.id
        assert not we.search(record.user_question), record.id
        # A twin, not a copy of a question the organisation asks itself.
        assert record.user_question not in (record.opening_question, *record.questions), record.id
    assert len({r.user_question for r in RECORDS}) == len(RECORDS), "each question is written for its own card"


@pytest.mark.parametrize("record", [r for r in RECORDS if r.kind.name != "leader_behaviour"], ids=lambda r: r.id)
def test_the_record_page_shows_it_under_its_label(built_site, record):
    text = page_text(built_site / record.page.replace(".md", ".html"))
    questions = text.rsplit("Questions to ask", 1)[1]  # the heading, after the table of contents
    assert f"{vocabulary.USER_QUESTION} {flat(record.user_question)}" in questions


def test_the_leadership_page_shows_each_behaviours_question(built_site):
    text = page_text(built_site / vocabulary.LEADERSHIP_PAGE.replace(".md", ".html"))
    for record in KIT.leader_behaviours:
        section = text.split(flat(record.summary), 1)[1]
        assert flat(f"{vocabulary.USER_QUESTION}: \"{record.user_question}\"") in section[:600], record.id
        assert vocabulary.SOURCE_LABELS["kit"].replace("\u2019", "'") in section[:600]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_the_printed_card_shows_it(built_site, record):
    pdf = built_site / vocabulary.card_pdf(record.id)
    text = flat(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert flat(vocabulary.USER_QUESTION) in text, record.id
    assert flat(record.user_question) in text, record.id
