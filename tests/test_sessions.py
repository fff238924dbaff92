"""Session plans and activities: computed totals, generated pages, links to easy read, cards and packs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit.content.model import SessionPlan, Step
from involvement_kit.content.options import Options
from involvement_kit.content.schema import SESSION
from involvement_kit.vocabulary import clock
from involvement_kit.web.sessions import (easy_read_link, render_session_pages,
                                           session_nav)
from test_cards import PUBLIC_URL, kit_folder, load


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    return load(kit_folder(tmp_path_factory.mktemp("sessions") / "kit"))


@pytest.fixture(scope="module")
def real_kit(tmp_path_factory):
    return load(kit_folder(tmp_path_factory.mktemp("real") / "kit", source=ROOT / "kit"))


def pages(kit, **options) -> dict[str, str]:
    return {p.path: p.markdown for p in render_session_pages(kit, Options(public_url=PUBLIC_URL, **options))}


# --- totals ----------------------------------------------------------------------------------

def test_minutes_are_added_up_from_the_steps():
    plan = SessionPlan(SESSION, "p", "P", "s", "kit", "none", "purpose", ("o",), ("i",), ("r",),
                       (Step("a", 10), Step("b", 25), Step("c", 7)), "kit/sessions.yml")
    assert plan.minutes == 42
    assert SessionPlan(**{**plan.__dict__, "steps": ()}).minutes == 0


@pytest.mark.parametrize("minutes, text", [(0, "0 min"), (45, "45 min"), (60, "1 h"), (90, "1 h 30 min"),
                                           (125, "2 h 05 min"), (210, "3 h 30 min")])
def test_clock(minutes, text):
    assert clock(minutes) == text


def test_schedule_runs_from_zero_to_the_total(kit):
    plan = kit.sessions[0]
    rows = kit.schedule(plan)
    assert [(r.start, r.end) for r in rows] == [(0, 10), (10, 35), (35, 42)]
    assert rows[-1].end == plan.minutes


def test_page_shows_each_step_and_the_sum(kit):
    text = pages(kit)["sessions/short-session.md"]
    assert "**Total time: 42 min (42 minutes)**, added up from the 3 steps below." in text
    assert "| | **Total** | **42** | **42 min** |" in text
    rows = re.findall(r"^\| (\d+) \| \[[^]]+\]\(#step-\d+\) \| (\d+) \|", text, re.M)
    assert [int(m) for _, m in rows] == [10, 25, 7]
    assert sum(int(m) for _, m in rows) == 42
    for heading in ("### 1. Open (10 min)", "### 2. Middle (25 min)", "### 3. Close (7 min)"):
        assert heading in text


def test_real_plans(real_kit):
    plans = {p.id: p for p in real_kit.sessions}
    assert len(plans) >= 3
    # Realistic lengths, with breaks and arrival time (the facilitator's review, findings 4 and 5).
    assert 120 <= plans["board-session"].minutes <= 150
    assert 90 <= plans["user-group-hour"].minutes <= 100
    assert 210 <= plans["joint-workshop"].minutes <= 260
    assert all(plan.arrival >= 10 for plan in plans.values())
    made = pages(real_kit)
    for plan in plans.values():
        assert plan.source == "kit"
        text = made[plan.page]
        assert f"({plan.minutes} minutes)" in text
        assert f"| | **Total** | **{sum(s.minutes for s in plan.steps)}** |" in text
        for section in ("## Purpose", "## What the group will have at the end", "## Who to invite",
                        "## Room and access needs", "## Timetable", "## Steps", "**Facilitator notes:**"):
            assert section in text, f"{plan.id}: {section}"
        assert "kit's suggestion" in text
        # Every card a step names is a card in the deck (or an activity card).
        for step in plan.steps:
            assert step.cards == tuple(c.id for c in real_kit.schedule(plan)[plan.steps.index(step)].cards)
    # The user group session links the easy-read pages it uses.
    user_group = made["sessions/user-group-hour.md"]
    assert "](../easy-read/involvement.md)" in user_group
    assert "](../easy-read/meeting.md)" in user_group
    assert "](../easy-read/index.md)" in user_group
    assert "## Easy-read material" in user_group


# --- pages and links ---------------------------------------------------------------------------

def test_cards_of_a_plan_in_order_of_first_use_each_once(kit):
    assert [c.id for c in kit.plan_cards(kit.sessions[0])] == ["listen-first", "count-the-seats",
                                                                "closed-meetings", "asks-questions"]
    assert kit.plan_cards(kit.sessions[1]) == []


def test_links_to_cards_packs_and_easy_read(kit):
    text = pages(kit)["sessions/short-session.md"]
    assert "[Listen before you plan](../enablers/listen-first.md) (enabler)" in text
    assert "[Count the seats](../activities/index.md#count-the-seats) (activity)" in text
    assert "[Asks users first](../leadership/index.md#asks-questions) (leader behaviour)" in text
    assert "[print this card](../downloads/cards/listen-first.pdf)" in text
    assert "(../downloads/packs/short-session-a4.pdf)" in text
    assert "short-session-letter.pdf" not in text  # packs come on the organisation's paper
    assert "- [What involvement means (easy read)](../easy-read/involvement.md)" in text
    assert easy_read_link("Pens", Options()) == ""


def test_packs_on_letter_for_an_organisation_on_letter(kit):
    text = pages(kit, paper="letter")["sessions/short-session.md"]
    assert "short-session-letter.pdf" in text and "short-session-a4.pdf" not in text


def test_outputs_switched_off_leave_no_links(kit):
    text = pages(kit, outputs=("sheets",))["sessions/short-session.md"]
    assert "downloads/packs/" not in text and "Print pack" not in text
    assert "downloads/cards/" not in text
    assert "(../easy-read/" not in text
    assert "- What involvement means (easy read)" in text
    made = pages(kit, outputs=("sheets",))
    assert "downloads/" not in made["activities/index.md"]
    assert "downloads/packs/" not in made["sessions/index.md"]


def test_overview_and_nav(kit):
    made = pages(kit)
    index = made["sessions/index.md"]
    for plan in kit.sessions:
        assert f"[{plan.title}]({plan.id}.md)" in index
    assert "| [A short session](short-session.md) | 42 min | 3 | – |" in index
    nav = session_nav(kit)
    assert nav == {"sessions/index.md": [("A short session", "sessions/short-session.md"),
                                         ("A session without cards", "sessions/no-cards-session.md"),
                                         ("Activities", "activities/index.md")]}


def test_activities_page_has_a_section_per_activity(kit):
    text = pages(kit)["activities/index.md"]
    for activity in kit.activities:
        assert f"## {activity.title} {{ #{activity.id} }}" in text
        assert f"(../downloads/cards/{activity.id}.pdf)" in text
        assert activity.page == f"activities/index.md#{activity.id}"
    assert "**Time:** about 10 minutes. **People:** 3 to 8, staff and users." in text
    assert "[Closed meetings](../barriers/closed-meetings.md)" in text
    assert "**Used in:** [A short session](../sessions/short-session.md)." in text
    assert "The kit's suggestion" in text and "Added by your organisation" in text


def test_kit_without_sessions_or_activities_has_no_pages(tmp_path):
    folder = kit_folder(tmp_path / "kit")
    (folder / "sessions.yml").write_text("[]\n", encoding="utf-8")
    (folder / "activities.yml").write_text("[]\n", encoding="utf-8")
    kit = load(folder)
    assert render_session_pages(kit, Options()) == []
    assert session_nav(kit) == {}


# --- the built site ----------------------------------------------------------------------------

def test_built_site_links_each_card_to_its_own_pdf(built_site: Path):
    checked = 0
    for page in sorted((built_site / "enablers").glob("*.html")) + sorted((built_site / "barriers").glob("*.html")):
        if page.name == "index.html":
            continue
        html = page.read_text(encoding="utf-8")
        [href] = set(re.findall(r'href="(\.\./downloads/cards/[a-z0-9-]+\.pdf)"', html))
        assert href == f"../downloads/cards/{page.stem}.pdf"
        pdf = (page.parent / href).resolve()
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf
        checked += 1
    assert checked >= 10
    activities = (built_site / "activities" / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="(\.\./downloads/cards/[a-z0-9-]+\.pdf)"', activities):
        assert (built_site / "activities" / href).resolve().is_file()
    for plan in ("board-session", "joint-workshop", "user-group-hour"):
        html = (built_site / "sessions" / f"{plan}.html").read_text(encoding="utf-8")
        assert f'href="../downloads/packs/{plan}-a4.pdf"' in html
        assert (built_site / "downloads" / "packs" / f"{plan}-a4.pdf").is_file()
    for name in ("cards", "cards-fold", "cards-fronts", "cards-large", "cards-test"):
        assert (built_site / "downloads" / "previews" / f"{name}.png").is_file()
    print_page = (built_site / "print-cards.html").read_text(encoding="utf-8")
    assert print_page.count('src="downloads/previews/') == 5
    assert all(alt.strip() for alt in re.findall(r'<img alt="([^"]*)" [^>]*src="downloads/previews/', print_page))
