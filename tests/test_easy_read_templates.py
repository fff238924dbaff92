"""Easy-read versions of the templates users see around a session (facilitator review, finding 27),
read back from the PDFs: one file on the organisation's paper, each template on a new page under
its plain title, every word at 16 pt or more, a picture with alt text for every point, faces on
the feedback form, hard words explained, no name asked; and the user group's pack carries them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from involvement_kit.content import easy_read_rules as rules
from involvement_kit.content.options import Options
from involvement_kit.content.session_templates import easy_read_templates, easy_read_text
from involvement_kit.paper import easy_read as easy_read_print
from involvement_kit.vocabulary import EASY_READ_TEMPLATES, SESSION_TEMPLATES
from kitfiles import render_paper
from test_cards import kit_folder, load
from test_pack_duplex import contents, layout_pages
from test_packs import render as render_packs
from test_print_layout import PAPERS, text_runs
from test_print_standards import alt_texts

pytestmark = pytest.mark.needs("poppler")

FILE = "downloads/easy-read-templates.pdf"
ORGANISATION = "Riverside Advice"


def flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    return load(kit_folder(tmp_path_factory.mktemp("easy-templates") / "kit", source=ROOT / "kit"))


@pytest.fixture(scope="module")
def made(kit, tmp_path_factory) -> Path:
    hard = rules.load_hard_words(ROOT / "kit")
    files = dict(render_paper(easy_read_print.batch, kit, Options(organisation=ORGANISATION),
                              cache_dir=tmp_path_factory.mktemp("easy-templates-cache"), hard_words=hard))
    return files[FILE]


@pytest.fixture(scope="module")
def pages(made) -> list[str]:
    return [flat(page) for page in layout_pages(made)]


def sections(pages: list[str]) -> dict[str, str]:
    """Each template's text, from the page its title opens to the page before the next one."""
    starts = {title: next(n for n, page in enumerate(pages) if title in page[:200])
              for title in EASY_READ_TEMPLATES.values()}
    order = sorted(starts.items(), key=lambda item: item[1])
    return {title: " ".join(pages[first:(order[i + 1][1] if i + 1 < len(order) else len(pages))])
            for i, (title, first) in enumerate(order)}


def test_one_file_on_the_organisations_paper_each_template_on_a_new_page(made, pages):
    reader = PdfReader(made)
    for page in reader.pages:
        assert [float(page.mediabox.width), float(page.mediabox.height)] == pytest.approx(PAPERS["a4"][2:4], abs=0.05)
    # In the vocabulary's order, each at the top of a page of its own.
    firsts = []
    for title in EASY_READ_TEMPLATES.values():
        opening = [n for n, page in enumerate(pages) if page.startswith(f"User involvement kit · Easy read · "
                                                                        f"The kit's suggestion {title}")]
        assert len(opening) == 1, title
        firsts.append(opening[0])
    assert firsts == sorted(firsts) and firsts[0] == 0
    assert "easy-read letters and forms" in reader.metadata.title


def test_every_word_is_16_pt_or_more(made):
    for number, page in enumerate(PdfReader(made).pages, 1):
        runs = text_runs(page)
        assert runs, number
        small = [run for run in runs if run["size"] < 15.9]
        assert not small, (number, small[:3])


def test_every_point_and_answer_has_its_picture_with_alt_text(made):
    alts = alt_texts(made)
    expected = []
    for template in easy_read_templates(Options(organisation=ORGANISATION)):
        for block in template.blocks:
            expected += [block["alt"]] if "picture" in block else []
            expected += [item["alt"] for item in block.get("options", []) + block.get("items", [])]
            assert "picture" in block or block["kind"] in ("rows", "tally"), (template.id, block)
    assert len(expected) > 60
    # Every picture drawn is tagged with its alt text: as many alt texts as pictures, and each one's words.
    for alt in set(expected):
        assert alts.count(alt) >= expected.count(alt), alt
    assert len(alts) >= len(expected)


def test_the_feedback_form_asks_the_three_questions_with_faces(pages, made):
    feedback = sections(pages)[EASY_READ_TEMPLATES["feedback-form"]]
    for question in ("Did you feel listened to?", "Could you say what you wanted?",
                     "Do you think anything will change?"):
        assert question in feedback
        after = feedback.split(question, 1)[1][:80]
        assert "Yes" in after and "Not sure" in after and "No" in after, question
    alts = alt_texts(made)
    assert {"A happy person", "A person who is not sure", "A sad person"} <= set(alts)


def test_what_each_says(pages):
    found = sections(pages)
    assert f"This letter is from {ORGANISATION}." in found[EASY_READ_TEMPLATES["invitation"]]
    assert "Nobody in the room sees your score." in found[EASY_READ_TEMPLATES["invitation"]]
    for role in Options().roles:
        assert role in found[EASY_READ_TEMPLATES["sign-in"]], role
    assert "You said We did If we did not, why not" in found[EASY_READ_TEMPLATES["follow-up-letter"]]
    assert "Time What we do" in found[EASY_READ_TEMPLATES["agenda"]]
    assert "Can we take photos of you?" in found[EASY_READ_TEMPLATES["consent-slip"]]


def test_the_easy_read_claim_form(pages):
    """Finding 27d: users fill in the claim form, so it is in easy read too: money, time and travel, with a
    name asked only to pay, kept apart from anything scored."""
    claim = sections(pages)[EASY_READ_TEMPLATES["expenses-claim"]]
    for words in ("We need your name to pay you.", "We keep it apart from your scores and what you said.",
                  "This money is called expenses.", "A receipt is the paper that shows what you paid.",
                  "Bus, train or", "How much",
                  "We pay you for your time too.", "All of it", "Some of it", "None of it",
                  "Cash on the day", "Into my bank", "Money can change your benefits.",
                  "a letter for the benefits office"):
        assert words in claim, words
    # Nothing on it asks for a score.
    assert "score" not in claim.lower().replace("your scores and what you said", "")


def test_hard_words_are_explained_in_the_template_that_uses_them(pages):
    hard = rules.load_hard_words(ROOT / "kit")
    found = sections(pages)
    for template in easy_read_templates(Options(organisation=ORGANISATION)):
        used = hard.used_in(rules.markdown_to_text("\n".join(easy_read_text(template))))
        text = found[template.title]
        if used:
            assert "Words to know" in text, template.id
        for word in used:
            assert flat(word.meaning) in text, (template.id, word.word)


def test_the_easy_read_rules_hold():
    """Short sentences, no report jargon in a title, the reader as 'you', and no name asked."""
    jargon = rules.load_jargon(ROOT / "kit")
    for template in easy_read_templates(Options()):
        assert not jargon.found_in(template.title), template.title
        for text in easy_read_text(template):
            assert not rules.check_text(text, file="templates", point=True), text
            for sentence in rules.sentences(text):
                assert len(rules.words(sentence)) <= rules.WARN_WORDS, sentence
        for block in template.blocks:
            if block["kind"] == "write" and "name" in block["text"].lower():
                # Only the claim form asks a name, because a payment needs one, and it says so.
                assert template.id == "expenses-claim", (template.id, block["text"])
                assert "We need your name to pay you." in block["text"]
    assert set(EASY_READ_TEMPLATES) <= set(SESSION_TEMPLATES)


@pytest.fixture(scope="module")
def packs(kit, tmp_path_factory):
    return render_packs(kit, tmp_path_factory.mktemp("easy-template-packs"))


def test_the_user_group_pack_carries_them_in_place_of_the_standard_ones(kit, packs):
    plan = next(p for p in kit.sessions if p.id == "user-group-hour")
    pages = layout_pages(packs[f"downloads/packs/{plan.id}-a4.pdf"])
    rows = contents(pages)
    whats = [what for _, _, what, _ in rows]
    for name, title in EASY_READ_TEMPLATES.items():
        assert name in plan.materials, name
        first = next(row[0] for row in rows if row[2].startswith(f"Easy read: {title.lower()}"[:len(row[2])]))
        # Under the symbols' credit, the template's own title first.
        assert flat(pages[first - 1]).split("(mulberrysymbols.org). ", 1)[-1].startswith(title), title
        assert first % 2 == 1
        assert not any(what.startswith(f"Template: {SESSION_TEMPLATES[name]}"[:len(what)]) for what in whats), name
    # The templates with no easy-read version stay standard.
    assert any(what.startswith("Template: Presence-audit grid") for what in whats)


def test_packs_of_plans_without_easy_read_keep_the_standard_templates(kit, packs):
    for plan in kit.sessions:
        uses_easy_read = any(m.endswith(" (easy read)") for step in plan.steps for m in step.materials)
        if uses_easy_read:
            continue
        text = flat(" ".join(layout_pages(packs[f"downloads/packs/{plan.id}-a4.pdf"])))
        for title in EASY_READ_TEMPLATES.values():
            assert title not in text, (plan.id, title)


def test_the_plan_page_links_each_template_to_its_easy_read_version(kit):
    from involvement_kit.web.sessions import render_session_pages

    def page(**options) -> str:
        return next(p.markdown for p in render_session_pages(kit, Options(**options))
                    if p.path == "sessions/user-group-hour.md")

    lines = {line.split(":", 1)[0].removeprefix("- "): line for line in page().splitlines() if line.startswith("- ")}
    for name, title in SESSION_TEMPLATES.items():
        if name in kit.sessions[0].materials:
            has_link = "[easy read (PDF)](../downloads/easy-read-templates.pdf)" in lines[title.split(":")[0]]
            assert has_link == (name in EASY_READ_TEMPLATES), name
    assert "easy-read-templates.pdf" not in page(outputs=("cards", "sheets", "packs"))


def test_tagged_as_pdf_ua_1_like_every_other_pdf(made):
    reader = PdfReader(made)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).startswith("en") and root["/ViewerPreferences"]["/DisplayDocTitle"]
    # Each template is a heading, so the file's bookmarks list them.
    assert [item.title for item in reader.outline] == list(EASY_READ_TEMPLATES.values())


def test_every_easy_read_template_page_in_the_pack_credits_the_symbols(kit, packs):
    pages = layout_pages(packs["downloads/packs/user-group-hour-a4.pdf"])
    for first, last, what, _ in contents(pages):
        if what.startswith("Easy read:") and any(what.lower().startswith(f"easy read: {t.lower()}"[:len(what)])
                                                 for t in EASY_READ_TEMPLATES.values()):
            for number in range(first, last + 1):
                assert "Mulberry Symbols" in flat(pages[number - 1]), (what, number)


def test_every_plan_that_pays_carries_the_payment_letter(kit, packs):
    """Review finding 21: a plan that pays people hands out the letter for the benefits office."""
    paying = [plan for plan in kit.sessions if "expenses-claim" in plan.materials]
    assert len(paying) >= 7
    for plan in paying:
        assert "payment-letter" in plan.materials, plan.id
        pages = layout_pages(packs[f"downloads/packs/{plan.id}-a4.pdf"])
        row = next((r for r in contents(pages) if r[2].startswith("Template: Payment letter")), None)
        assert row, plan.id
        assert "To whom it may concern" in flat(" ".join(pages[row[0] - 1:row[1]])), plan.id
