"""The templates around a session (issue 20 item 8, issue 18 item 4), read back from real PDFs."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.content.options import Options
from involvement_kit.paper import worksheets
from involvement_kit.vocabulary import DEFAULT_ROLES, SESSION_TEMPLATES
from kitfiles import render_paper
from test_cards import PUBLIC_URL, kit_folder, load
from test_print_layout import PAPERS

pytestmark = pytest.mark.needs("poppler")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("worksheets")
    kit = load(kit_folder(tmp / "kit", source=ROOT / "kit"))
    files = dict(render_paper(worksheets.batch, kit, Options(public_url=PUBLIC_URL), cache_dir=tmp / "cache"))
    return kit, files


def text_of(path) -> str:
    # Print uses curly apostrophes; the words checked here are typed straight.
    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text)


def test_every_template_on_both_papers(made):
    _, files = made
    assert sorted(files) == sorted(f"downloads/session-templates/{t}-{p}.pdf"
                                   for t in SESSION_TEMPLATES for p in ("a4", "letter"))
    for site, path in files.items():
        paper = "a4" if site.endswith("-a4.pdf") else "letter"
        reader = PdfReader(path)
        for page in reader.pages:
            assert float(page.mediabox.width) == pytest.approx(PAPERS[paper][2], abs=0.05)
        title = SESSION_TEMPLATES[site.rsplit("/", 1)[1].rsplit("-", 1)[0]]
        assert title in (reader.metadata.title or ""), site
        assert "The kit" in text_of(path) or "kit" in text_of(path).lower()


def test_what_each_template_says(made):
    kit, files = made
    text = {t: text_of(files[f"downloads/session-templates/{t}-a4.pdf"]) for t in SESSION_TEMPLATES}
    assert "What would help you take part fully?" in text["invitation"]
    assert "Your answers stay private" in text["invitation"] and "Privacy" in text["invitation"]
    # The sign-in sheet counts roles and never asks for a name.
    for role in DEFAULT_ROLES:
        assert role in text["sign-in"]
    assert "We do not ask for names" in text["sign-in"] and "Name" not in text["sign-in"].replace(
        "names", "")
    assert "How we tell users" in text["action-sheet"] and "By when" in text["action-sheet"]
    assert "Did you feel listened to?" in text["feedback-form"]
    assert "You said" in text["follow-up-letter"] and "We did" in text["follow-up-letter"]
    assert "benefits office" in text["expenses-claim"]
    assert "photos in which I can be seen" in text["consent-slip"]
    assert "Able to change things" in text["presence-grid"]
    assert "The organisation decides what we talk about" in text["sorting-line-labels"]
    sort = next(a for a in kit.activities if a.id == "sort-the-examples")
    for example in sort.examples:
        assert example in text["example-slips"], example
    assert "1. " + kit.quick_check[0].text[:30] in text["spread-chart"]
    assert "Never mark one person's score" in text["spread-chart"]
    assert "What stops users going higher" in text["structure-chart"] and "The board" in text["structure-chart"]


def test_the_payment_letter_says_what_was_paid_when_how_and_why(made):
    """Review finding 21: the guide promises a letter for the benefits office; this is it."""
    _, files = made
    for paper in ("a4", "letter"):
        text = text_of(files[f"downloads/session-templates/payment-letter-{paper}.pdf"])
        # One sheet, as a letter should be.
        assert len(PdfReader(files[f"downloads/session-templates/payment-letter-{paper}.pdf"]).pages) == 1, paper
        for words in ("From (the organisation)", "Address", "To whom it may concern", "the benefits office",
                      "service user involvement", "Date they took part",
                      "Address and postcode",
                      # Fee and expenses apart, each with its amount, date and how it was paid.
                      "Fee for their time", "Expenses paid back", "Amount", "Date paid",
                      "How (cash, bank, voucher)", "Why we paid it",
                      "expertise as a person who uses services", "This was not employment",
                      "check current guidance", "welfare-rights advice"):
            assert words in text, (paper, words)
        # Nothing of scoring on a letter about money.
        assert "score" not in text.lower(), paper


def test_the_letters_and_forms_people_are_sent_fit_one_sheet(made):
    """The invitation ran onto a second page on both papers, with its Privacy heading alone at the foot of
    the first: a letter someone is sent, or a form they fill in, should be one sheet."""
    _, files = made
    for name in ("invitation", "follow-up-letter", "payment-letter", "consent-slip", "feedback-form",
                 "expenses-claim", "sign-in", "agenda", "action-sheet"):
        for paper in ("a4", "letter"):
            pages = PdfReader(files[f"downloads/session-templates/{name}-{paper}.pdf"]).pages
            assert len(pages) == 1, (name, paper, len(pages))
