"""The loader accepts the schema and nothing else, and says where a mistake is."""

from __future__ import annotations

import pytest

from involvement_kit.errors import KitError
from involvement_kit.content.loader import load_kit
from kitfiles import make_kit, replace_in


def load(tmp_path, changes=None, **kwargs):
    return load_kit(make_kit(tmp_path / "kit", changes), **kwargs)


def error_for(tmp_path, changes, **kwargs) -> str:
    with pytest.raises(KitError) as caught:
        load(tmp_path, changes, **kwargs)
    return str(caught.value)


def test_good_kit_loads_every_record_in_order(tmp_path):
    kit = load(tmp_path)
    assert [r.id for r in kit.enablers] == ["first-enabler", "second-enabler"]
    assert [r.id for r in kit.barriers] == ["only-barrier"]
    assert [r.id for r in kit.leader_behaviours] == ["first-behaviour", "second-behaviour"]
    first = kit.get("first-enabler")
    assert first.findings == ("The first finding.", "The second finding.")
    assert first.related == ("only-barrier", "second-enabler")
    assert first.easy_read[0].picture == "images/symbols/meet.svg"
    assert not first.easy_read_review.done


CASES = {
    "broken yaml": (replace_in("enablers.yml", "title: First enabler", "title: [First enabler"),
                    ["kit/enablers.yml", "line", "not valid YAML"]),
    "missing field": (replace_in("barriers.yml", "  title: Only barrier\n", ""),
                      ["kit/barriers.yml", "line 1", "'only-barrier'", "'title'", "required"]),
    "misspelt field": (replace_in("barriers.yml", "summary:", "sumary:"),
                       ["kit/barriers.yml", "line 3", "'sumary'", "unknown field", "did you mean 'summary'"]),
    "wrong type": (replace_in("barriers.yml", "title: Only barrier", "title: 42"),
                   ["kit/barriers.yml", "line 2", "'title'", "expected text, found a number"]),
    "text where a list is expected": (replace_in("barriers.yml", "related: [first-enabler]", "related: first-enabler"),
                                      ["kit/barriers.yml", "'related'", "expected a list"]),
    "duplicate id": (replace_in("barriers.yml", "id: only-barrier", "id: first-enabler"),
                     ["kit/barriers.yml", "'first-enabler'", "'id'", "already used", "kit/enablers.yml"]),
    "unknown reference": (replace_in("barriers.yml", "related: [first-enabler]", "related: [frist-enabler]"),
                          ["kit/barriers.yml", "line 6", "'related'", "'frist-enabler'", "does not exist",
                           "did you mean 'first-enabler'"]),
    "related to itself": (replace_in("barriers.yml", "related: [first-enabler]", "related: [only-barrier]"),
                          ["kit/barriers.yml", "'only-barrier'", "'related'", "itself"]),
    "empty file": ({"leader-behaviours.yml": "\n  \n"}, ["kit/leader-behaviours.yml", "is empty"]),
    "comments only": ({"leader-behaviours.yml": "# nothing yet\n"}, ["kit/leader-behaviours.yml", "no records"]),
    "missing file": ({"barriers.yml": None}, ["kit/barriers.yml", "is missing"]),
    "repeated key": (replace_in("barriers.yml", "  source: report\n", "  source: report\n  source: kit\n"),
                     ["kit/barriers.yml", "line 5", "'source' appears twice", "line 4"]),
    "over-long title": (replace_in("barriers.yml", "title: Only barrier", "title: " + "word " * 12),
                        ["kit/barriers.yml", "'title'", "12 words", "at most 8"]),
    "bad source": (replace_in("barriers.yml", "source: report", "source: research"),
                   ["kit/barriers.yml", "'source'", "'research' is not allowed", "report, kit, organisation"]),
    "html in text": (replace_in("barriers.yml", "summary: A barrier", "summary: <script>alert(1)</script> A barrier"),
                     ["kit/barriers.yml", "'summary'", "contains HTML"]),
    "not a list of records": ({"barriers.yml": "id: only-barrier\ntitle: x\n"},
                              ["kit/barriers.yml", "expected a list of barriers"]),
    "not utf-8": ({"barriers.yml": "- id: only-barrier\n  title: Caf\xe9\n".encode("latin-1")},
                  ["kit/barriers.yml", "line 2", "not UTF-8"]),
    # The twin of the organisation's questions (review finding 18): every card has one, put to users.
    "no user question": (replace_in("barriers.yml", "  user_question: \"When did you last see something change "
                                    "here because users asked?\"", ""),
                         ["kit/barriers.yml", "line 1", "'only-barrier'", "'user_question'", "is required"]),
    "user question in the organisation's voice": (
        replace_in("barriers.yml", "When did you last see something change here because users asked?",
                   "Which issue raised by our users did we act on?"),
        ["kit/barriers.yml", "line 7", "'only-barrier'", "'user_question'", "says 'our'", "speaks for the organisation"]),
    "user question that is not a question": (
        replace_in("barriers.yml", "When did you last see something change here because users asked?",
                   "Tell the group about a time something changed because users asked."),
        ["kit/barriers.yml", "line 7", "'only-barrier'", "'user_question'", "ending with '?'"]),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_names_file_record_field_and_line(tmp_path, case):
    changes, expected = CASES[case]
    message = error_for(tmp_path, changes)
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"


def test_every_problem_is_reported_at_once(tmp_path):
    changes = replace_in("barriers.yml", "title: Only barrier", "title: 42")
    changes.update(replace_in("enablers.yml", "summary: The kit's own idea", "sumary: The kit's own idea"))
    message = error_for(tmp_path, changes)
    assert "kit/barriers.yml" in message and "kit/enablers.yml" in message
    assert message.splitlines()[0] == "The kit content has 2 mistakes:"


def test_unknown_picture_is_caught_when_pictures_are_checked(tmp_path):
    message = error_for(tmp_path, None, picture_exists=lambda name: False)
    assert "'easy_read[1].picture'" in message and "images/symbols/meet.svg" in message


OWN_ENABLER = """- id: our-own-enabler
  title: Our own enabler
  summary: Something our organisation learnt.
  source: organisation
  report_section: none
  user_question: "When did you last see something change here because users asked?"
  related: [only-barrier]
"""


def test_own_records_join_the_kit(tmp_path):
    own = tmp_path / "ours"
    own.mkdir()
    (own / "enablers.yml").write_text(OWN_ENABLER, encoding="utf-8")
    kit = load(tmp_path, own_dir=own)
    assert [r.id for r in kit.enablers][-1] == "our-own-enabler"
    assert kit.get("our-own-enabler").source == "organisation"


def test_own_records_must_say_they_are_the_organisations(tmp_path):
    own = tmp_path / "ours"
    own.mkdir()
    (own / "enablers.yml").write_text(OWN_ENABLER.replace("source: organisation", "source: report"), encoding="utf-8")
    message = error_for(tmp_path, None, own_dir=own, own_label="ours")
    assert "ours/enablers.yml" in message and "'source'" in message and "organisation" in message


def test_an_own_records_file_with_a_name_the_kit_does_not_read_stops_the_build(tmp_path):
    own = tmp_path / "ours"
    own.mkdir()
    (own / "barrier.yml").write_text(OWN_ENABLER, encoding="utf-8")
    (own / "notes.md").write_text("Not a records file, so not a mistake.", encoding="utf-8")
    message = error_for(tmp_path, None, own_dir=own, own_label="our-kit")
    assert message == (
        "The kit content has a mistake:\n"
        "  - our-kit/barrier.yml: is not a file the kit reads; did you mean barriers.yml? The files for your own "
        "records are: enablers.yml, barriers.yml, leader-behaviours.yml, statements.yml, activities.yml, sessions.yml")


def test_switching_off_a_record_leaves_no_dead_reference(tmp_path):
    kit = load(tmp_path, switched_off=("only-barrier",))
    assert kit.barriers == ()
    assert kit.get("first-enabler").related == ("second-enabler",)


def test_switching_off_an_unknown_record_is_a_mistake(tmp_path):
    message = error_for(tmp_path, None, switched_off=("only-barier",))
    assert "extra.kit.switched_off" in message and "did you mean 'only-barrier'" in message


SESSIONS = """- id: board-session
  title: Board session
  summary: A short session for a board.
  source: kit
  report_section: none
  purpose: To test the session plan model.
  outcomes: [An outcome.]
  invite: [Trustees.]
  room: [A step-free room.]
  steps:
    - title: Welcome
      minutes: 10
    - title: Cards
      minutes: 45
      cards: [first-enabler, only-barrier]
      notes: Lay out the cards.
    - title: Close
      minutes: 5
"""


def test_session_length_is_added_up_from_its_steps(tmp_path):
    kit = load(tmp_path, {"sessions.yml": SESSIONS})
    session = kit.sessions[0]
    assert session.minutes == 60
    assert session.steps[1].cards == ("first-enabler", "only-barrier")


@pytest.mark.parametrize("old, new, expected", [
    ("      minutes: 45\n", "      minutes: forty-five\n", ["'steps[2].minutes'", "line 14", "whole number"]),
    ("      cards: [first-enabler, only-barrier]", "      cards: [first-enabler, only-barier]",
     ["'steps[2].cards'", "line 15", "'only-barier'", "does not exist"]),
    ("      notes: Lay out the cards.", "      note: Lay out the cards.",
     ["'steps[2].note'", "line 16", "did you mean 'notes'"]),
    ("    - title: Close\n      minutes: 5\n", "    - minutes: 5\n", ["'steps[3].title'", "line 17", "is required"]),
])
def test_a_bad_step_is_named_by_its_place(tmp_path, old, new, expected):
    assert old in SESSIONS
    message = error_for(tmp_path, {"sessions.yml": SESSIONS.replace(old, new)})
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"


@pytest.mark.parametrize("old, new, expected", [
    ('easy_read_review: {checked_by: "", date: ""}', 'easy_read_review: {checked_by: "Our group", date: "next May"}',
     ["'easy_read_review.date'", "'next May' is not a date", "YYYY-MM-DD"]),
    ("summary: A short summary of the first enabler.", "summary: A short summary <!-- hidden --> of it.",
     ["'summary'", "contains HTML"]),
])
def test_review_dates_and_html_comments_are_checked(tmp_path, old, new, expected):
    message = error_for(tmp_path, replace_in("enablers.yml", old, new))
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"


def test_a_real_review_is_accepted(tmp_path):
    kit = load(tmp_path, replace_in("enablers.yml", 'easy_read_review: {checked_by: "", date: ""}',
                                    'easy_read_review: {checked_by: "Riverside self-advocates", date: 2026-11-20}'))
    assert kit.get("first-enabler").easy_read_review.done
