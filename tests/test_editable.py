"""Editable copies (.docx) of every plan and template, opened and read back (issue 20 item 10)."""

from __future__ import annotations

import pytest
from docx import Document

from conftest import ROOT
from involvement_kit.content.options import Options
from involvement_kit.paper import editable
from involvement_kit.vocabulary import SESSION_TEMPLATES, clock
from kitfiles import build_context
from test_cards import PUBLIC_URL, kit_folder, load


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("editable")
    kit = load(kit_folder(tmp / "kit", source=ROOT / "kit"))
    ctx = build_context(kit, Options(public_url=PUBLIC_URL), cache_dir=tmp / "cache")
    return kit, dict(editable.write(ctx))


def text_of(path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_one_copy_for_every_plan_and_template(made):
    kit, files = made
    expected = {f"downloads/editable/{p.id}.docx" for p in kit.sessions}
    expected |= {f"downloads/editable/{t}.docx" for t in SESSION_TEMPLATES}
    assert set(files) == expected


def test_a_plan_reads_back_with_its_steps_times_and_fallbacks(made):
    kit, files = made
    for plan in kit.sessions:
        document = Document(str(files[f"downloads/editable/{plan.id}.docx"]))
        assert document.core_properties.title == plan.title
        text = text_of(files[f"downloads/editable/{plan.id}.docx"])
        assert f"Total time: {clock(plan.minutes)} ({plan.minutes} minutes)" in text
        timetable = document.tables[0]
        assert [c.text for c in timetable.rows[0].cells] == ["Step", "What happens", "Minutes", "Clock",
                                                            "Your times"]
        assert [r.cells[1].text for r in timetable.rows[1:]] == [s.title for s in plan.steps]
        assert sum(int(r.cells[2].text) for r in timetable.rows[1:]) == plan.minutes
        for step in plan.steps:
            for words in (step.notes, step.if_short, step.if_wrong):
                assert words in text, (plan.id, step.title)
        if plan.input:
            assert f"Starts from: {plan.input}" in text


def test_a_template_reads_back(made):
    _, files = made
    sign_in = Document(str(files["downloads/editable/sign-in.docx"]))
    assert sign_in.core_properties.title == SESSION_TEMPLATES["sign-in"]
    assert [c.text for c in sign_in.tables[0].rows[0].cells] == ["Role", "Marks", "Total"]
    assert "Person using services" in text_of(files["downloads/editable/sign-in.docx"])
    actions = Document(str(files["downloads/editable/action-sheet.docx"]))
    assert [c.text for c in actions.tables[0].rows[0].cells] == ["What", "Who", "By when", "How we tell users"]
    assert len(actions.tables[0].rows) == 11


def test_the_young_peoples_plan_reads_back(made):
    """Review finding 28: the young people's plan has its editable copy, like every plan."""
    _, files = made
    text = text_of(files["downloads/editable/young-people-session.docx"])
    for words in ("A session for young people after school", "Welcome and staying safe", "enhanced DBS checks",
                  "parent or guardian for everyone under 16", "Audience and influence"):
        assert words in text, words


def test_the_payment_letter_reads_back(made):
    """Review finding 21: the letter for the benefits office is editable, like every template."""
    _, files = made
    letter = Document(str(files["downloads/editable/payment-letter.docx"]))
    assert letter.core_properties.title == SESSION_TEMPLATES["payment-letter"]
    assert [c.text for c in letter.tables[0].rows[0].cells] == ["Payment", "Amount", "Date paid",
                                                               "How (cash, bank, voucher)"]
    assert [r.cells[0].text for r in letter.tables[0].rows[1:]] == [
        "Fee for their time", "Expenses paid back (travel, care, support), against receipts"]
    text = text_of(files["downloads/editable/payment-letter.docx"])
    for words in ("To whom it may concern", "service user involvement", "This was not employment",
                  "welfare-rights advice"):
        assert words in text, words


def test_the_template_is_python_docx_own_made_ready():
    """templates/docx/editable.docx is what docx_template.py makes from the installed python-docx:
    after python-docx changes, `python -m involvement_kit.paper.docx_template` writes it again."""
    from involvement_kit.paper import docx_template
    assert docx_template.parts(docx_template.TEMPLATE.read_bytes()) == docx_template.parts(docx_template.make())


def test_a_copy_is_the_same_bytes_in_every_build(made, tmp_path):
    """Each part is stored with a fixed time, so a rebuild changes no download."""
    kit, files = made
    plan = kit.sessions[0]
    from involvement_kit.paper.editable import plan_blocks, write_docx
    again = tmp_path / "again.docx"
    write_docx(again, plan.title, plan_blocks(kit, plan))
    assert again.read_bytes() == files[f"downloads/editable/{plan.id}.docx"].read_bytes()
