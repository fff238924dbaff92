"""Session plans that are safe in the room, in sequence, with realistic timings.

The build refuses a plan that shows a group smaller than the threshold, shows scores nobody
has gathered privately, gives an activity less (or more) time than its card, or runs too long
without a break. The real plans are held to what the facilitator's review asked for.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from involvement_kit.content.options import Options
from involvement_kit.errors import KitError
from involvement_kit.vocabulary import BREAK_CHECK_FROM, BREAK_EVERY, DISCLOSURE_THRESHOLD
from involvement_kit.web.sessions import render_session_pages
from test_cards import PUBLIC_URL, kit_folder, load

CASES = ROOT / "tests" / "fixtures" / "cards-kit"


@pytest.fixture(scope="module")
def real_kit(tmp_path_factory):
    return load(kit_folder(tmp_path_factory.mktemp("real") / "kit", source=ROOT / "kit"))


@pytest.fixture(scope="module")
def plans(real_kit):
    return {p.id: p for p in real_kit.sessions}


def broken(tmp_path, old: str, new: str, attendance: str = "") -> KitError:
    folder = kit_folder(tmp_path / "kit")
    path = folder / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    if attendance:
        text = text.replace("  sheets: [quick]\n", "  sheets: [quick]\n  attendance:\n" + attendance, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load(folder)
    assert len(caught.value.problems) == 1, caught.value.describe()
    return caught.value


SMALL_GROUP = """    - title: Talk
      minutes: 45
"""


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --- the checks the build makes ------------------------------------------------------------

def test_a_step_showing_a_group_below_the_threshold_is_refused(tmp_path):
    error = broken(tmp_path, SMALL_GROUP, SMALL_GROUP + """      collated_by: The collator, before the session.
      shows: [staff, users]
""", attendance="""    - group: users
      at_least: 2
    - group: staff
      at_least: 6
""")
    problem = error.problems[0]
    assert (problem.file, problem.record, problem.field) == ("kit/sessions.yml", "no-cards-session", "steps[1].shows")
    text = (tmp_path / "kit" / "sessions.yml").read_text(encoding="utf-8")
    assert problem.line == _line_of(text, "shows: [staff, users]")
    assert "people who use services" in problem.message and "only 2" in problem.message
    assert f"smaller than {DISCLOSURE_THRESHOLD}" in problem.message
    assert "Traceback" not in error.describe()


def test_the_whole_room_is_as_big_as_its_groups_together(tmp_path):
    error = broken(tmp_path, SMALL_GROUP, SMALL_GROUP + """      collated_by: The collator, before the session.
      shows: [everyone]
""", attendance="""    - group: users
      at_least: 1
""")
    assert error.problems[0].field == "steps[1].shows"
    assert "everyone in the room" in error.problems[0].message


def test_scores_shown_before_anyone_gathered_them_are_refused(tmp_path):
    error = broken(tmp_path, SMALL_GROUP, SMALL_GROUP + """      shows: [users]
""", attendance="""    - group: users
      at_least: 3
""")
    assert error.problems[0].field == "steps[1].shows"
    assert "collated_by" in error.problems[0].message and "privately" in error.problems[0].message


def test_an_unknown_group_is_refused(tmp_path):
    error = broken(tmp_path, SMALL_GROUP, SMALL_GROUP + """      collated_by: Someone.
      shows: [clients]
""")
    assert "'clients' is not a group" in error.problems[0].message


def test_an_activity_given_another_time_than_its_card_is_refused(tmp_path):
    error = broken(tmp_path, "      minutes: 10\n      cards: [listen-first, count-the-seats]",
                   "      minutes: 5\n      cards: [listen-first, count-the-seats]")
    problem = error.problems[0]
    assert (problem.record, problem.field) == ("short-session", "steps[1].minutes")
    assert "'count-the-seats' takes 10 minutes on its card" in problem.message
    text = (tmp_path / "kit" / "sessions.yml").read_text(encoding="utf-8")
    assert problem.line == _line_of(text, "      minutes: 5")


def test_a_long_plan_without_a_break_is_refused(tmp_path):
    error = broken(tmp_path, SMALL_GROUP, """    - title: Talk
      minutes: 80
    - title: Tea
      type: break
      minutes: 15
""")
    problem = error.problems[0]
    assert (problem.record, problem.field) == ("no-cards-session", "steps[1]")
    assert f"every {BREAK_EVERY} minutes" in problem.message and "1 h 20 min without a break" in problem.message


def test_a_long_plan_with_its_breaks_loads(tmp_path):
    folder = kit_folder(tmp_path / "kit")
    path = folder / "sessions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(SMALL_GROUP, """    - title: Talk
      minutes: 75
    - title: Tea
      type: break
      minutes: 15
    - title: Talk again
      minutes: 75
"""), encoding="utf-8")
    plan = {p.id: p for p in load(folder).sessions}["no-cards-session"]
    assert plan.minutes == 165 and plan.longest_stretch() == (75, 0)


def test_an_unknown_template_is_refused(tmp_path):
    folder = kit_folder(tmp_path / "kit")
    path = folder / "sessions.yml"
    text = path.read_text(encoding="utf-8").replace("  sheets: [quick]\n", "  sheets: [quick]\n  materials: [flyer]\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load(folder)
    assert caught.value.problems[0].field == "materials"
    assert "'flyer' is not a template" in caught.value.problems[0].message


def test_follows_must_name_a_session(tmp_path):
    error = broken(tmp_path, "  sheets: [quick]\n", "  sheets: [quick]\n  follows: listen-first\n")
    assert error.problems[0].field == "follows"
    assert "expected the id of an session" in error.problems[0].message


# --- the real plans: safe scoring in the room (item 1) ---------------------------------------

# Wording that would put one person's score on show: the review's findings 1 and 2.
EXPOSING = re.compile(r"one person from each end|explain (?:their|your) score|in different colours|"
                      r"colour(?:s)? for (?:staff|users)|mark their scores", re.I)


def test_no_plan_exposes_a_score(plans):
    for plan in plans.values():
        for number, step in enumerate(plan.steps, 1):
            text = " ".join((step.title, step.notes, *step.materials))
            assert not EXPOSING.search(text), f"{plan.id} step {number}: {EXPOSING.search(text)}"
            for group in step.shows:
                assert plan.at_least(group) >= DISCLOSURE_THRESHOLD


def test_every_plan_that_scores_collates_privately_and_shows_the_combined_result(plans):
    for plan in plans.values():
        if not plan.sheets:
            continue
        showing = [s for s in plan.steps if s.shows]
        assert showing, plan.id
        assert all(s.shows == ("everyone",) for s in showing), plan.id
        assert any(s.collated_by for s in plan.steps[:plan.steps.index(showing[0]) + 1])
        for step in showing:
            assert "never ask a person what they scored" in step.notes.lower()
            assert "combined" in step.notes.lower()


# --- users' priorities first, as a sequence (item 2) ------------------------------------------

def test_the_three_plans_run_as_a_sequence(real_kit, plans):
    assert plans["joint-workshop"].follows == "user-group-hour"
    assert plans["board-session"].follows == "joint-workshop"
    for plan in plans.values():
        assert plan.input and plan.output, plan.id
    assert "three priorities" in plans["joint-workshop"].input
    assert "joint workshop" in plans["board-session"].input
    made = {p.path: p.markdown for p in render_session_pages(real_kit, Options(public_url=PUBLIC_URL))}
    board = made["sessions/board-session.md"]
    assert "## Where this session sits in the sequence" in board
    assert "**Comes after:** [A workshop for staff and service users](joint-workshop.md)" in board
    assert f"**Starts from:** {plans['board-session'].input}" in board
    workshop = made["sessions/joint-workshop.md"]
    assert "**Comes before:** [A board session on user involvement](board-session.md)" in workshop
    # The first substantive step of the later plans is the users' own item.
    assert "priorities" in plans["joint-workshop"].steps[2].title.lower()
    assert "priorities" in plans["board-session"].steps[1].title.lower()


def test_users_at_the_board_are_enough_briefed_first_and_debriefed(plans):
    board = plans["board-session"]
    assert board.at_least("users") >= DISCLOSURE_THRESHOLD
    assert any("at least three people who use services" in i.lower() for i in board.invite)
    assert any("go through the papers" in p for p in board.pre_work)
    assert board.steps[-1].title.lower().startswith("debrief")
    assert board.steps[1].notes.startswith("Users present")


# --- methods that protect voice (item 3) ------------------------------------------------------

def test_the_workshop_protects_users_voice(plans):
    text = " ".join(s.title + " " + s.notes for s in plans["joint-workshop"].steps).lower()
    for method in ("silent thinking", "users speak first", "users-only time", "dots first",
                   "watches who is speaking"):
        assert method in text, method


# --- realistic timings (item 4) ----------------------------------------------------------------

def test_timings(real_kit, plans):
    activities = {a.id: a.minutes for a in real_kit.activities}
    for plan in plans.values():
        if plan.minutes > BREAK_CHECK_FROM:
            assert plan.longest_stretch()[0] <= BREAK_EVERY, plan.id
            assert any(s.is_break for s in plan.steps), plan.id
        for step in plan.steps:
            for card in step.cards:
                if card in activities:
                    assert step.minutes == activities[card], (plan.id, step.title)
            if not step.is_break:
                assert step.if_short and step.if_wrong, (plan.id, step.title)


def test_the_page_shows_cuts_and_fallbacks_and_the_arrival(real_kit, plans):
    made = {p.path: p.markdown for p in render_session_pages(real_kit, Options(public_url=PUBLIC_URL))}
    for plan in plans.values():
        text = made[plan.page]
        assert text.count("**If time is short:**") == sum(1 for s in plan.steps if s.if_short)
        assert text.count("**If it goes wrong:**") == sum(1 for s in plan.steps if s.if_wrong)
        assert f"Doors open {plan.arrival} minutes before the start" in text
    workshop = made["sessions/joint-workshop.md"]
    assert "**Scores shown:** the combined result for everyone in the room only" in workshop
    assert "## Templates for this session" in workshop
    assert "- Action sheet: [A4 (PDF)](../downloads/session-templates/action-sheet-a4.pdf)" in workshop


# --- the facilitator guide (items 3 and 7) -----------------------------------------------------

def test_the_guide_covers_voice_data_money_power_and_inclusion():
    guide = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")
    assert guide.index("kit's suggestion") < guide.index("## ")
    for heading in ("## Users' priorities first: the sessions as a sequence", "## Scoring safely in the room",
                    "## Methods that protect users' voice", "## Access and inclusion",
                    "### Payments and benefits in the UK", "## Data protection and consent",
                    "## Power in the room", "### A distress protocol", "## Evaluation"):
        assert heading in guide, heading
    flat = re.sub(r"\s+", " ", guide)
    for point in ("Silent thinking first", "Users-first rounds", "Users-only time", "Private dot voting",
                  "A named person watches who speaks",
                  "special category data", "consent slip", "Photos", "How long",
                  "Universal Credit", "Carer's Allowance", "Vouchers are not always safe",
                  "letter for the benefits office", "Pay promptly", "welfare-rights advice",
                  "dominates", "A carer or support worker answering for the person",
                  "Community languages", "Women-only", "childcare", "Carers:"):
        assert point in flat, point
    # The old wording suggested vouchers were the safe choice (review finding 21).
    assert "Offer vouchers or expenses only, if they prefer" not in flat


# --- activities a first-timer can run (item 5) and cards users can answer (item 6) -------------

def test_every_activity_can_be_run_by_a_first_timer(real_kit):
    made = {p.path: p.markdown for p in render_session_pages(real_kit, Options(public_url=PUBLIC_URL))}
    page = made["activities/index.md"]
    for activity in real_kit.activities:
        assert activity.invitation and activity.debrief and activity.tips and activity.output, activity.id
        assert activity.materials and activity.steps, activity.id
        assert f"**What to ask:** {activity.invitation}" in page
        assert f"**What you end up with:** {activity.output}" in page
    assert page.count("**To close (debrief):**") == len(real_kit.activities)
    sort = next(a for a in real_kit.activities if a.id == "sort-the-examples")
    assert 10 <= len(sort.examples) <= 14
    assert "**Starter examples**" in page and f"1. {sort.examples[0]}" in page
    # The plain end labels (review finding 19), and no job of holding a manager to account left to one user.
    assert "the organisation decides" in sort.invitation and "what users want comes first" in sort.invitation
    check = next(a for a in real_kit.activities if a.id == "leadership-self-check")
    assert not any("blue" in s or "Ask a user" in s for s in check.steps)


def test_card_questions_do_not_possess_users(real_kit):
    for record in real_kit.records:
        for question in (getattr(record, "opening_question", ""), *getattr(record, "questions", ())):
            assert "our users" not in question.lower(), (record.id, question)
            assert "five causes" not in question and "ten leader behaviours" not in question, record.id


# --- more sessions (item 9) ------------------------------------------------------------------

def test_the_new_sessions_exist_with_totals_and_their_place(plans):
    expected = {"online-joint-workshop": (100, 130), "staff-session": (60, 90), "carers-session": (75, 95),
                "board-slot": (30, 30)}
    for plan_id, (low, high) in expected.items():
        plan = plans[plan_id]
        assert low <= plan.minutes <= high, (plan_id, plan.minutes)
        assert plan.input and plan.output and plan.materials, plan_id
    assert plans["online-joint-workshop"].follows == "user-group-hour"
    assert plans["board-slot"].follows == "joint-workshop"
    assert plans["carers-session"].at_least("carers") >= DISCLOSURE_THRESHOLD
    assert plans["board-slot"].at_least("users") >= DISCLOSURE_THRESHOLD


def test_each_plan_page_links_its_editable_copy(real_kit, plans):
    made = {p.path: p.markdown for p in render_session_pages(real_kit, Options(public_url=PUBLIC_URL))}
    for plan in plans.values():
        assert f"(../downloads/editable/{plan.id}.docx)" in made[plan.page]
    assert "[editable (.docx)](../downloads/editable/sign-in.docx)" in made["sessions/joint-workshop.md"]


def test_a_review_session_closes_the_loop(plans):
    review = plans["review-session"]
    assert review.follows == "board-session"
    assert "action sheet" in review.input and review.steps[1].notes.startswith("A minute of silent thinking")


# --- young people (review finding 28) ----------------------------------------------------------

def test_the_young_peoples_session_is_safe_consented_paid_and_after_school(plans):
    young = plans["young-people-session"]
    assert young.minutes == 90 and young.arrival >= 10
    assert young.at_least("users") >= DISCLOSURE_THRESHOLD
    assert young.input and young.output and young.materials and young.sheets == ("quick",)
    assert any(s.is_break for s in young.steps)
    before = " ".join((*young.invite, *young.pre_work, *young.room)).lower()
    for point in ("two adults with enhanced dbs checks", "safeguarding lead", "never one adult alone",
                  "parent or guardian for everyone under 16", "vouchers", "outside school hours", "aged 13 to 18"):
        assert point in before, point
    # The welcome says what happens on a disclosure; scores are private, then combined.
    welcome = young.steps[0].notes
    assert "safeguarding lead" in welcome and "pass it on" in welcome and "consent form" in welcome
    collate = next(i for i, s in enumerate(young.steps) if s.collated_by)
    shown = next(i for i, s in enumerate(young.steps) if s.shows)
    assert collate < shown and young.steps[shown].shows == ("everyone",)
    # Voice methods, and the Lundy model named as the kit's suggestion, not the report's.
    steps = " ".join(s.notes for s in young.steps).lower()
    for method in ("silent thinking", "without names", "adults turned away", "watches who has not spoken"):
        assert method in steps, method
    for word in ("Space and voice", "Audience and influence"):
        assert word in " ".join(s.notes for s in young.steps)
    assert "Lundy model" in young.purpose and "the kit's suggestion, not the report's" in young.purpose


def test_the_young_peoples_page_and_the_guide(real_kit, plans):
    made = {p.path: p.markdown for p in render_session_pages(real_kit, Options(public_url=PUBLIC_URL))}
    page = made[plans["young-people-session"].page]
    assert "(90 minutes)" in page and "**Scores shown:** the combined result for everyone in the room only" in page
    assert "(../downloads/editable/young-people-session.docx)" in page
    assert "young-people-session" in made["sessions/index.md"]
    guide = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")
    section = re.sub(r"\s+", " ", guide.split("## Young people", 1)[1].split("\n## ", 1)[0])
    assert section.startswith(" *The kit's suggestion, not a finding of the report")
    assert "(sessions/young-people-session.md)" in section
    for point in ("enhanced DBS checks", "safeguarding lead", "call 999", "parent or guardian signs for everyone "
                  "under 16", "vouchers", "after school", "Space, voice, audience, influence", "Lundy, L. (2007)"):
        assert point in section, point


def test_the_guide_links_the_payment_letter():
    """Review finding 21: the guide's "letter for the benefits office" is a template you can open."""
    from involvement_kit.vocabulary import template_docx, template_pdf
    guide = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")
    section = guide.split("### Payments and benefits in the UK", 1)[1].split("\n## ", 1)[0]
    for target in (template_pdf("payment-letter", "a4"), template_pdf("payment-letter", "letter"),
                   template_docx("payment-letter")):
        assert f"]({target})" in section, target
