"""Messages a content editor can act on: the exact words for the usual slips of hand-editing."""

from __future__ import annotations

from pathlib import Path

import pytest

from involvement_kit.content.options import read_options
from involvement_kit.content.yamlsource import read_source
from involvement_kit.errors import KitError


def message_for(tmp_path: Path, text: str) -> str:
    path = tmp_path / "enablers.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        read_source(path, "our-kit/enablers.yml")
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_a_tab_says_use_spaces_at_its_line(tmp_path):
    text = "- id: carers-cafe\n  title: A monthly carers' cafe\n\tsummary: Carers meet over tea.\n"
    assert message_for(tmp_path, text) == "our-kit/enablers.yml, line 3: use spaces, not tabs, at line 3"


def test_a_tab_before_a_list_item_is_found_on_its_own_line(tmp_path):
    text = "- id: carers-cafe\n  title: Cafe\n  related:\n\t- presence-of-users\n"
    assert message_for(tmp_path, text) == "our-kit/enablers.yml, line 4: use spaces, not tabs, at line 4"


def test_a_missing_colon_is_reported_where_it_is_missing_with_the_fix(tmp_path):
    text = "- id: carers-cafe\n  title A monthly carers' cafe\n  summary: Carers meet over tea.\n"
    assert message_for(tmp_path, text) == (
        "our-kit/enablers.yml, line 2: line 2 has no colon after the field name; "
        "did you mean 'title: A monthly carers' cafe'?")


def test_curly_quotes_around_a_text_with_a_colon_ask_for_straight_quotes(tmp_path):
    text = ("- id: carers-cafe\n  title: Cafe\n"
            "  opening_question: \u201cWhere can carers talk to us: without a form?\u201d\n")
    assert message_for(tmp_path, text) == (
        "our-kit/enablers.yml, line 3: curly quotes (\u201c \u201d) are not quotes to the kit, so the colon inside "
        'the text looks like a new field: put the whole text in straight double quotes (" ")')


def test_an_unquoted_colon_in_a_text_asks_for_quotes(tmp_path):
    text = "- id: carers-cafe\n  title: Cafe\n  opening_question: Where can carers talk to us: without a form?\n"
    assert message_for(tmp_path, text) == (
        "our-kit/enablers.yml, line 3: a colon followed by a space inside a text looks like a new field: "
        'put the whole text in straight double quotes (" ")')


def options_message(tmp_path: Path, raw: dict[str, object], mkdocs_yml: str = "") -> str:
    (tmp_path / "docs").mkdir(exist_ok=True)
    if mkdocs_yml:
        (tmp_path / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        read_options(raw, project_dir=tmp_path, docs_dir=tmp_path / "docs")
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_a_colour_given_as_a_word_asks_for_a_colour_code(tmp_path):
    assert options_message(tmp_path, {"colour": "blue"}) == (
        "mkdocs.yml: field 'extra.kit.colour': 'blue' is a colour name; the kit needs a colour code: "
        'a # and six letters or digits, in double quotes, such as colour: "#1f4e79" (a dark blue). '
        "Drawing programs and online colour pickers show the code of any colour")


def test_a_colour_too_light_shows_the_contrast_and_a_darker_shade(tmp_path):
    assert options_message(tmp_path, {"colour": "#3399ff"}) == (
        "mkdocs.yml: field 'extra.kit.colour': '#3399ff' is too light: white text on it has a contrast of "
        "2.9 to 1, and it needs at least 4.5 to 1 to be easy to read. "
        'A darker shade of the same colour that is dark enough: colour: "#2877c7"')


def test_an_unquoted_hash_colour_read_as_a_comment_is_caught_from_the_raw_line(tmp_path):
    mkdocs_yml = "site_name: Kit\nextra:\n  kit:\n    organisation: Riverside\n    colour: #0b6e4f\n"
    assert options_message(tmp_path, {"organisation": "Riverside", "colour": None}, mkdocs_yml) == (
        "mkdocs.yml, line 5: field 'extra.kit.colour': YAML reads everything after # as a note, "
        'so the colour is lost: put it in double quotes, colour: "#0b6e4f"')


def test_a_summary_too_long_is_reported_in_words_as_the_guide_states_it(tmp_path):
    from involvement_kit.content.loader import load_kit
    from kitfiles import make_kit, replace_in

    long_summary = " ".join(["Carers"] * 63)
    kit = make_kit(tmp_path / "kit", replace_in("enablers.yml", "summary: ", f"summary: {long_summary} "))
    with pytest.raises(KitError) as caught:
        load_kit(kit)
    assert "field 'summary': has 70 words; expected at most 25" in str(caught.value)
    guide = (Path(__file__).resolve().parent.parent / "kit" / "README.md").read_text(encoding="utf-8")
    assert "| `summary` |" in guide and "| 25 words |" in guide


def test_too_few_statements_names_the_line_in_plain_grammar(tmp_path):
    from involvement_kit.content.loader import load_kit
    from kitfiles import make_kit

    own = tmp_path / "our-kit"
    own.mkdir()
    (own / "enablers.yml").write_text("""- id: carers-cafe
  title: A carers' cafe
  summary: Carers meet over tea.
  source: organisation
  report_section: none
  user_question: "When did you last see something change here because users asked?"
""", encoding="utf-8")
    (own / "statements.yml").write_text("""- id: cafe-listened
  area: carers-cafe
  text: What carers say at the cafe changes our plans.
  level_0: Nobody notes it.
  level_1: Staff note it.
  level_2: Carers decide.
  source: organisation
""", encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_kit(make_kit(tmp_path / "kit"), own_dir=own, own_label="our-kit")
    assert ("our-kit/enablers.yml, line 1: record 'carers-cafe', field 'id': has 1 scoring statement; it needs two "
            "or three, in statements.yml with 'area: carers-cafe'") in str(caught.value)
