"""Slides for each session plan, read back from the real PDFs: 16:9, the session's name on the
first slide, every step and its question in order in large type, PDF/UA-1; linked from the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from kitfiles import build_context
from pypdf import PdfReader
from test_cards import kit_folder, load

from involvement_kit.content.options import Options
from involvement_kit.errors import KitError
from involvement_kit.paper import slides
from involvement_kit.paper.typesetting import typeset
from involvement_kit.vocabulary import GROUND_RULES, SCALE, slides_pdf

# 254 x 142.875 mm in points.
SIXTEEN_NINE = (720.0, 405.0)
STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def make_slides(kit, dest: Path, **options) -> dict[str, Path]:
    ctx = build_context(kit, Options(organisation="Riverside Advice", **options), cache_dir=dest, date="1 March 2026")
    made = slides.batch(ctx)
    assert made is not None
    return dict(typeset([made], dest)["slides"])


@pytest.fixture(scope="module")
def real_kit(tmp_path_factory):
    return load(kit_folder(tmp_path_factory.mktemp("slides-kit") / "kit", source=ROOT / "kit"))


@pytest.fixture(scope="module")
def decks(real_kit, tmp_path_factory) -> dict[str, Path]:
    return make_slides(real_kit, tmp_path_factory.mktemp("slides"))


def flat(text: str) -> str:
    return " ".join(text.translate(STRAIGHT).split())


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(path).pages]


def runs(path: Path) -> list[tuple[float, str]]:
    """(printed size in points, text) of every run of text, measured as test_print measures it."""
    found: list[tuple[float, str]] = []
    for page in PdfReader(path).pages:
        def visit(text, cm, tm, font, size):
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            if any(ch.isalnum() for ch in text):
                found.append((round(size * scale, 2), text))
        page.extract_text(visitor_text=visit)
    return found


def test_each_session_has_one_deck_of_16_9_slides(real_kit, decks):
    assert set(decks) == {slides_pdf(plan.id) for plan in real_kit.sessions}
    for site, path in decks.items():
        for number, page in enumerate(PdfReader(path).pages, 1):
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert size == pytest.approx(SIXTEEN_NINE, abs=0.5), (site, number)


def test_every_slide_is_pdf_ua_1_with_a_title_and_a_language(real_kit, decks):
    for plan in real_kit.sessions:
        reader = PdfReader(decks[slides_pdf(plan.id)])
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
        assert str(root["/Lang"]).startswith("en")
        assert reader.metadata.title == f"User involvement kit: slides: {plan.title}"


def test_the_first_slide_names_the_session_and_its_length(real_kit, decks):
    for plan in real_kit.sessions:
        first = page_texts(decks[slides_pdf(plan.id)])[0]
        assert flat(plan.title) in first
        assert f"in {len(plan.steps)} steps" in first
        assert "The kit's suggestion · Riverside Advice" in first


def test_purpose_timetable_kinds_ground_rules_and_what_happens_next(real_kit, decks):
    for plan in real_kit.sessions:
        pages = page_texts(decks[slides_pdf(plan.id)])
        text = " ".join(pages)
        assert flat(plan.purpose) in text
        timetable = " ".join(p for p in pages if p.startswith("Timetable"))
        assert re.findall(r"(?:\d+ h )?\d+ min (?:\S.*?) (?:\d+ h )?\d+ min", timetable)
        for step in plan.steps:
            assert flat(step.title) in timetable, (plan.id, step.title)
        kinds = next(p for p in pages if p.startswith("Two kinds of involvement"))
        assert flat(SCALE[1].long) in kinds and flat(SCALE[2].long) in kinds
        assert "Research finding" in kinds and "Robson, P., Begum, N. and Locke, M. (2003)" in kinds
        rules = next(p for p in pages if p.startswith("Ground rules"))
        assert all(flat(rule) in rules for rule in GROUND_RULES)
        last = " ".join(p for p in pages if p.startswith("What happens next"))
        assert pages[-1].startswith("What happens next") and flat(plan.output) in last
        _, after = real_kit.sequence(plan)
        assert all(flat(p.title) in last for p in after)


def users_only(plan) -> bool:
    return {a.group for a in plan.attendance} == {"users"}


def test_a_room_of_users_sees_the_cards_questions_for_people_who_use_services(real_kit, decks):
    """The user group's slides asked the organisation's questions ("did we act on"), which users cannot
    answer; in a room of users only, each record card's slide asks its question for people who use services."""
    rooms = [plan for plan in real_kit.sessions if users_only(plan)]
    assert rooms
    shown = 0
    for plan in rooms:
        text = flat(" ".join(page_texts(decks[slides_pdf(plan.id)])))
        for row in real_kit.schedule(plan):
            for card in row.cards:
                if getattr(card, "user_question", ""):
                    assert flat(card.user_question) in text, (plan.id, card.id)
                    assert flat(card.opening_question) not in text, (plan.id, card.id)
                    shown += 1
    assert shown >= 3


def test_every_step_and_its_questions_in_order_one_slide_each(real_kit, decks):
    checked = 0
    for plan in real_kit.sessions:
        pages = page_texts(decks[slides_pdf(plan.id)])
        steps = [p for p in pages if p.startswith("Step ")]
        at = 0
        for row in real_kit.schedule(plan):
            questions = [slides.card_question(c, users_only(plan)) for c in row.cards
                         if slides.card_question(c, users_only(plan))]
            for question in questions or [""]:
                page = steps[at]
                assert page.startswith(f"Step {row.number} of {len(plan.steps)}"), (plan.id, page)
                assert flat(row.step.title) in page and flat(question) in page, (plan.id, row.number)
                checked += bool(question)
                at += 1
        assert at == len(steps), plan.id
    assert checked >= 20


def test_no_text_under_24pt_and_each_question_larger_than_the_rest(real_kit, decks):
    for plan in real_kit.sessions:
        found = runs(decks[slides_pdf(plan.id)])
        assert min(size for size, _ in found) >= 23.95, (plan.id, min(found))
        # A short question at 36 pt, a long one at 30 pt; step names and text at 28 pt or less.
        large = flat(" ".join(text for size, text in found if size >= 29.95))
        for row in real_kit.schedule(plan):
            for card in row.cards:
                question = flat(slides.card_question(card, users_only(plan)))
                assert question in large, (plan.id, card.id)
                size = min(s for s, t in found if flat(t) and question.startswith(flat(t)))
                assert size >= (35.95 if len(question) <= slides.LONG_QUESTION else 29.95), (plan.id, card.id)


def longest(words: int, chars: int) -> str:
    """Text as long as a field's schema allows, in long words: the most a slide must hold."""
    base = ("representatives organisational responsibilities consultation arrangements independently "
            "established partnerships throughout community organisations ").split() * 20
    while len(text := " ".join(base[:words]).capitalize() + ".") > chars:
        words -= 1
    return text


def edited_kit(tmp_path: Path, edits: dict[str, dict[str, dict[str, str]]]):
    """The real kit with fields replaced: file -> record id (or 'steps of <plan>') -> field -> text."""
    folder = kit_folder(tmp_path / "kit", source=ROOT / "kit")
    for file, records in edits.items():
        data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
        for record in data:
            for field, text in records.get(record["id"], {}).items():
                record[field] = text
            for field, text in records.get(f"steps of {record['id']}", {}).items():
                for step in record["steps"]:
                    step[field] = text
        (folder / file).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load(folder)


def test_every_field_a_slide_shows_fits_at_its_schema_maximum(tmp_path):
    plan = {field: longest(words, chars) for field, words, chars in
            (("title", 10, 90), ("summary", 30, 220), ("purpose", 60, 420), ("input", 40, 280), ("output", 40, 280))}
    kit = edited_kit(tmp_path / "plan", {
        "sessions.yml": {"joint-workshop": plan, "steps of joint-workshop": {"title": longest(10, 80)}}})
    pages = page_texts(make_slides(kit, tmp_path / "plan" / "cache")[slides_pdf("joint-workshop")])
    assert flat(plan["purpose"]) in " ".join(pages) and flat(plan["output"]) in " ".join(pages)
    # The longest questions, under the real steps' titles (a longest title over a longest question
    # is more than one slide holds: the build then names the field, as the next test shows).
    kit = edited_kit(tmp_path / "cards", {
        "activities.yml": {"sort-the-examples": {"invitation": longest(30, 220)}},
        "enablers.yml": {"users-priorities": {"opening_question": longest(20, 160)}},
    })
    pages = page_texts(make_slides(kit, tmp_path / "cards" / "cache")[slides_pdf("joint-workshop")])
    assert flat(longest(30, 220)) in " ".join(pages) and flat(longest(20, 160)) in " ".join(pages)


def test_a_slide_too_long_stops_the_build_naming_file_record_and_field(tmp_path):
    # Capitals are the widest letters: a question within the schema's 160 characters can then
    # run past one slide, and the build must say which card's question to shorten.
    shouting = longest(20, 160).upper()
    kit = edited_kit(tmp_path, {"enablers.yml": {"users-priorities": {"opening_question": shouting}}})
    with pytest.raises(KitError) as caught:
        make_slides(kit, tmp_path / "cache")
    problem = caught.value.problems[0]
    assert (problem.file, problem.record, problem.field) == ("kit/enablers.yml", "users-priorities",
                                                             "opening_question")
    assert "too long for the slide" in str(problem) and "; shorten it" in str(problem)


def test_only_with_packs_and_sessions(real_kit, tmp_path):
    ctx = build_context(real_kit, Options(outputs=("cards", "sheets")), cache_dir=tmp_path)
    assert slides.batch(ctx) is None


def test_the_pack_checklist_names_the_slides_but_never_prints_them(real_kit):
    from involvement_kit.paper.packs import build_pack

    plan = real_kit.sessions[0]
    pack = build_pack(real_kit, plan, Options(), "1 March 2026")
    [shown] = [g for g in pack["checklist"] if g["heading"] == "To show on a screen"]
    assert slides_pdf(plan.id) in shown["items"][0]["what"]
    assert all("slide" not in part["key"] for part in pack["sections"])


def test_the_guide_lists_the_same_ground_rules_as_the_slides():
    guide = flat((ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8"))
    assert all(flat(rule) in guide for rule in GROUND_RULES)


def test_each_session_page_links_its_slides_and_the_link_resolves(built_site: Path):
    pages = sorted((built_site / "sessions").glob("*.html"))
    plans = [p for p in pages if p.name != "index.html"]
    assert len(plans) >= 8
    for page in plans:
        html = page.read_text(encoding="utf-8")
        [href] = re.findall(r'href="(\.\./downloads/slides/[a-z0-9-]+\.pdf)"', html)
        assert href == f"../downloads/slides/{page.stem}.pdf"
        assert "Slides to show on a screen (PDF)" in html
        pdf = (page.parent / href).resolve()
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf
