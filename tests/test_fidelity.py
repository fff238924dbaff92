"""The kit says only what the study found, in the study's voice, and labels its own reasoning.

Two kinds of test. First, one regression test for each defect in the expert review of the kit's
research claims (../shared/reviews/content.md, "Minor: fidelity" and the major items 1-5): a
reversed finding, a dropped hedge or a value judgement credited to the study must not come back.

Second, a general guard. Words that overclaim ("most", "always", "never", "proved", "all",
"the key") may appear in research-voice text only where a maintainer has checked the sentence
against the findings and listed it, with the findings' section it rests on, in
tests/fidelity_allow.yml. Research-voice text is: a record's `body` and `findings`, the `summary`
of a record with `source: report`, and every "What the study found" section (the briefing's and
any page's in docs/).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from involvement_kit.content.briefing import load_briefing
from involvement_kit.content.loader import load_kit

KIT = load_kit(ROOT / "kit")
BRIEFING = load_briefing(ROOT / "kit")
RECORDS = {r.id: r for r in (*KIT.enablers, *KIT.barriers, *KIT.leader_behaviours)}
DOCS = ROOT / "docs"
ALLOW = Path(__file__).resolve().parent / "fidelity_allow.yml"

OVERCLAIM = re.compile(r"\b(most|always|never|proved|all|the key)\b", re.IGNORECASE)
RESEARCH_HEADING = "What the study found"
# The headings of the published findings, which an allow-list entry must name as its ground.
FINDINGS_SECTIONS = (
    "Summary", "Background", "What is user involvement?", "Factors promoting user involvement",
    "Barriers to implementing change", "Conclusion", "About the project",
)


def doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def briefing_section(heading: str) -> str:
    section = next(s for s in BRIEFING.sections if s.heading == heading)
    parts = []
    for block in section.blocks:
        parts += ["".join(run.text for run in block.runs)] if block.runs else []
        parts += ["".join(run.text for run in item) for item in block.items]
    return "\n".join(parts)


def briefing_headings() -> list[str]:
    return [s.heading for s in BRIEFING.sections]


def findings_list() -> list[str]:
    """The bold lead of each point in the briefing's 'What the study found', in order."""
    section = next(s for s in BRIEFING.sections if s.heading == RESEARCH_HEADING)
    items = next(b for b in section.blocks if b.kind == "list").items
    return [next(run.text for run in item if run.strong) for item in items]


# --- one test per review defect --------------------------------------------------------------


def test_1_why_it_matters_is_labelled_as_the_kits_on_every_page(built_site):
    for record in (*KIT.enablers, *KIT.barriers):
        html = (built_site / record.page.replace(".md", ".html")).read_text(encoding="utf-8")
        section = html.split('id="why-it-matters"', 1)[1].split("<h2", 1)[0]
        assert 'class="kit-suggestion"' in section, record.id
        assert "The kit’s suggestion" in section or "The kit's suggestion" in section, record.id


def test_1_the_field_is_described_as_the_kits_reasoning():
    from involvement_kit.content.schema import ENABLER

    assert "kit's own reasoning" in ENABLER.field("why_it_matters").help
    readme = (ROOT / "kit" / "README.md").read_text(encoding="utf-8")
    assert re.search(r"\| `why_it_matters` \| [^|]*the kit's own reasoning", readme)
    for name in ("enablers.yml", "barriers.yml"):
        header = (ROOT / "kit" / name).read_text(encoding="utf-8").split("\n- id:", 1)[0]
        assert "`why_it_matters` is the kit's own reasoning" in header, name


def test_2_relationships_are_not_said_to_matter_most():
    for text in (doc("key-findings.md"), doc("making-it-last.md"), briefing_section(RESEARCH_HEADING)):
        assert "mattered most" not in text and "are the core" not in text.lower()
    assert "Much of what worked" in doc("key-findings.md")  # the report's hedge is kept


def test_3_outside_support_summary_keeps_the_findings_direction():
    summary = RECORDS["external-support"].summary
    assert "points of comparison" not in summary and "user movement gave" not in summary
    assert "few users" in summary.lower()


def test_4_not_expecting_involvement_is_not_a_valid_choice_credited_to_the_study():
    record = RECORDS["presence-of-users"]
    assert "valid choice" not in record.why_it_matters and "The study also shows" not in record.why_it_matters
    assert "involvement-of-the-few.md" in record.body  # the apathy finding is linked
    assert not any("only want a good service" in p for p in record.in_practice)
    assert not any("That is fine too" in p.text for p in record.easy_read)


def test_4_5_briefing_leads_with_the_headline_in_order():
    assert briefing_headings()[:2] == ["What to do first", RESEARCH_HEADING]
    leads = findings_list()
    assert leads[:3] == ["Two enablers stood out.", "Money and staff time.", "Funders' policies were a lever."]
    found = briefing_section(RESEARCH_HEADING)
    assert "consistent commitment to user-centred involvement" in found and "many levels" in found
    assert "influence in the existing power structures" in found
    assert "staff time was key" in found and "specific budget" in found
    assert "every organisation in the study" in found and "box-ticking" in found
    assert "Funder pressure can backfire" not in found and "value one kind most" not in found


def test_4_briefing_pdf_leads_with_the_headline(built_site):
    from pypdf import PdfReader

    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(
        built_site / "downloads" / "trustee-briefing-a4.pdf").pages).replace("\u2019", "'")
    at = [pdf.index(lead) for lead in ("What to do first", "Two enablers stood out", "Money and staff time",
                                       "Funders' policies were a lever", "Involvement means different things")]
    assert at == sorted(at)


def test_5_what_to_do_first_links_the_quick_check_and_board_session(built_site):
    steps = briefing_section("What to do first")
    assert "quick check" in steps and "board session" in steps and "owner and a date" in steps
    html = (built_site / "trustees.html").read_text(encoding="utf-8")
    first = html.split('id="what-to-do-first"', 1)[1].split("<h2", 1)[0]
    assert 'href="scoring/"' in first or 'href="scoring/index.html"' in first
    assert 'href="sessions/board-session/"' in first or 'href="sessions/board-session.html"' in first


def test_9_no_invented_comparison_on_leadership():
    assert "as much as what they believe" not in doc("leadership-styles.md")


def test_10_predominant_style_is_not_what_came_naturally():
    for text in (doc("leadership-styles.md"), RECORDS["controlling-leadership"].body,
                 RECORDS["facilitative-leadership"].body):
        assert "came more naturally" not in text and "came first" not in text
    styles = doc("leadership-styles.md")
    question_at = styles.index("which style you are using")
    assert question_at > styles.index("The kit's suggestion: a self-check")


def test_11_staff_time_is_a_key_factor_not_the_decider():
    resources = RECORDS["resources"]
    text = " ".join([resources.title, resources.summary, resources.body, *RECORDS["allocated-resources"].findings])
    for phrase in ("above all", "mattered most", "deciding factor", "decided how far", "depended largely"):
        assert phrase not in text, phrase
    assert "staff time was key" in resources.body


def test_12_usually_qualifies_the_leaders_not_the_length_of_change():
    for text in (doc("key-findings.md"), doc("making-it-last.md"), RECORDS["committed-leaders"].body):
        assert "usually long" not in text and "usually a long" not in text
        assert "usually kept" in text


def test_13_glass_ceilings_keep_in_some_organisations():
    record = RECORDS["glass-ceilings"]
    assert record.summary.startswith("In some organisations")
    assert "never" not in record.body and not any("never" in f for f in record.findings)


def test_14_user_led_is_a_vision_and_the_posts_an_action():
    body = RECORDS["equality-of-opportunity"].body
    assert "three things" not in body and "should be service users" in body
    assert "also took a step" in body and "set aside some paid posts" in body
    governance = briefing_section("What a user-led board might look like")
    assert "would be set aside" not in governance and "also set aside some paid posts" in governance


def test_15_vision_summary_keeps_the_two_findings_apart():
    record = RECORDS["vision-and-commitment"]
    assert "something to measure progress against" not in record.summary
    assert not record.body.startswith("Written statements")


def test_16_small_sharpenings_are_gone():
    assert not any("only conventional" in f for f in RECORDS["involvement-of-the-few"].findings)
    assert "hostile" not in RECORDS["presence-of-users"].body
    assert "easily be lost" not in doc("key-findings.md") and "easily change" not in doc("making-it-last.md")
    involvement = doc("what-is-involvement.md")
    assert "exactly this kind of spread" not in involvement
    assert "Organisations also disagreed" not in involvement and "fragmentation.md" in involvement
    assert "its lead, its time and its relationships" not in doc("making-it-last.md")


def test_17_kit_statements_are_not_in_the_research_voice():
    priorities = RECORDS["users-priorities"]
    assert "This is the core of" not in priorities.body
    assert "the study links with tokenism" not in priorities.why_it_matters
    involvement = doc("what-is-involvement.md").split("## Why anything less feels like tokenism", 1)[1]
    narrative, note = involvement.split('!!! note "The kit\'s note', 1)
    assert "onto a committee" not in narrative and "onto a committee" in note
    assert "and said so" not in RECORDS["committed-to-change"].summary
    assert "template" not in RECORDS["took-risks"].body
    governance = briefing_section("What a user-led board might look like")
    assert "Charity Governance Code" not in governance
    users_as_trustees = next(s for s in BRIEFING.sections if s.heading == "Service users as trustees")
    assert users_as_trustees.blocks[0].kind == "suggestion"
    assert "charitygovernancecode.org" in str(users_as_trustees)
    study = doc("the-study.md")
    assert "They say the findings can help" not in study and "Joseph Rowntree Foundation's description" in study


def test_18_the_researchers_own_effect_is_a_stated_limit():
    limits = doc("the-study.md").split("## Limits to bear in mind", 1)[1].split("\n## ", 1)[0]
    assert "**Outside help.**" in limits and "momentum" in limits
    assert "researchers themselves added momentum" in doc("making-it-last.md")


def test_19_small_charity_points_are_gathered_for_trustees():
    small = briefing_section("If your organisation is small")
    assert "smaller organisations" in small and "limits on how funds" in small
    assert "small teams" in small and "covering the vacancy" in small
    assert "not clear that the rest of the organisation backed" in small


def test_20_key_enablers_are_marked_on_overview_pages_and_cards(built_site):
    from involvement_kit.paper.cards import card
    from involvement_kit.content.options import Options
    from involvement_kit.vocabulary import KEY_ENABLER

    key = sorted(r.id for r in KIT.enablers if r.key_enabler)
    assert key == ["committed-leaders", "vision-and-commitment"]
    overview = (built_site / "enablers" / "index.html").read_text(encoding="utf-8")
    article = overview.split("<article", 1)[1].split("</article>", 1)[0]
    first, rest = article.split('id="other-enablers"', 1)
    assert all(f'href="{k}/"' in first or f'href="{k}.html"' in first for k in key)
    assert "equality-of-opportunity" in rest and "equality-of-opportunity" not in first
    for record in KIT.enablers:
        page = (built_site / record.page.replace(".md", ".html")).read_text(encoding="utf-8")
        assert ("kit-key-enabler" in page) == record.key_enabler, record.id
        data = card(record, KIT, Options())
        assert (data["kind_label"] == KEY_ENABLER) == record.key_enabler, record.id


def test_20_key_enablers_print_on_their_cards(built_site):
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(built_site / "downloads" / "cards-a4.pdf").pages)
    assert text.count("Key enabler") >= 2


# --- the overclaim guard ---------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    plain = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).replace("**", "")
    plain = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", plain, flags=re.M)
    return [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\S)", plain) if s.strip()]


def doc_sections(text: str, heading: str) -> list[str]:
    return [part.split("\n## ", 1)[0] for part in text.split(f"\n## {heading}\n")[1:]]


def research_voice() -> dict[str, str]:
    """Every research-voice text, by where it lives (file and record or section)."""
    texts = {}
    for record in RECORDS.values():
        at = f"{record.file}#{record.id}"
        texts[f"{at}.body"] = record.body
        texts[f"{at}.findings"] = "\n\n".join(record.findings)
        if record.source == "report":
            texts[f"{at}.summary"] = record.summary
    texts[f"kit/trustee-briefing.yml#{RESEARCH_HEADING}"] = briefing_section(RESEARCH_HEADING)
    for path in sorted(DOCS.rglob("*.md")):
        for i, section in enumerate(doc_sections(path.read_text(encoding="utf-8"), RESEARCH_HEADING)):
            texts[f"docs/{path.relative_to(DOCS).as_posix()}#{RESEARCH_HEADING}{i or ''}"] = section
    return texts


def overclaims(texts: dict[str, str]) -> set[tuple[str, str]]:
    return {(where, s) for where, text in texts.items() for s in sentences(text) if OVERCLAIM.search(s)}


def allowed() -> list[dict]:
    return yaml.safe_load(ALLOW.read_text(encoding="utf-8")) or []


def test_allow_list_entries_name_the_findings_section_they_rest_on():
    for entry in allowed():
        assert set(entry) == {"where", "sentence", "rests_on"}, entry
        assert entry["rests_on"].startswith(FINDINGS_SECTIONS), entry


def test_every_overclaiming_word_in_the_research_voice_is_confirmed():
    listed = {(e["where"], e["sentence"]) for e in allowed()}
    found = overclaims(research_voice())
    unlisted = sorted(found - listed)
    assert not unlisted, "confirm against the findings, then list in tests/fidelity_allow.yml:\n" + "\n".join(
        f"- where: {w}\n  sentence: {s!r}" for w, s in unlisted)
    assert not sorted(listed - found), "stale entries in tests/fidelity_allow.yml"


@pytest.mark.parametrize("planted", ["Staff time mattered most.", "Leaders ALWAYS kept it moving.",
                                     "This was the key to change.", "It proved that users never cared."])
def test_the_guard_catches_a_planted_overclaim(planted):
    # The canary: a sentence written into a real record's body is found and is not on the list.
    texts = research_voice()
    texts["kit/enablers.yml#resources.body"] += "\n\n" + planted
    listed = {(e["where"], e["sentence"]) for e in allowed()}
    assert ("kit/enablers.yml#resources.body", planted) in overclaims(texts) - listed


def test_the_guard_reads_whole_words_only():
    assert not overclaims({"x": "Almost everyone took part. Small teams kept mostly to themselves."})
