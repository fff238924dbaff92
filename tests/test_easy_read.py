"""Easy read: the rules the build checks, the hard-words list, and the pages made from the records."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit.content import easy_read_rules as rules
from involvement_kit.content.easy_read_pages import load_pages
from involvement_kit.web.easy_read import render_easy_read_pages, render_web
from involvement_kit.errors import KitError
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.web.nav import expand_nav
from involvement_kit.web.pages import render_pages
from involvement_kit.pipeline.prepare import picture_finder
from kitfiles import BASIC, build_context, make_kit, replace_in

FIXTURES = ROOT / "tests" / "fixtures" / "easy-read"
ICONS = [Path(__import__("material").__file__).parent / "templates" / ".icons"]
HARD = rules.load_hard_words(FIXTURES, "fixtures")
GOOD_PAGE = (FIXTURES / "good-page.md").read_text(encoding="utf-8")
EMPTY_DOCS = ROOT / "tests" / "fixtures" / "cards-kit"  # a folder with no easy-read/ in it


def prepare_easy_read(kit, options, *, kit_dir: Path, docs_dir: Path, **_):
    """The easy-read pages as the build makes them, checks included."""
    ctx = build_context(kit, options, cache_dir=kit_dir.parent / ".cache", docs_dir=docs_dir, kit_dir=kit_dir,
                        hard_words=rules.load_hard_words(kit_dir, "kit"))
    return render_web(ctx)


def real_easy_read(options: Options = Options(), docs_dir: Path = ROOT / "docs"):
    kit = load_kit(ROOT / "kit", picture_exists=picture_finder(ICONS, ROOT / "docs"), label="kit")
    return kit, prepare_easy_read(kit, options, project_dir=ROOT, kit_dir=ROOT / "kit", docs_dir=docs_dir,
                                  label="kit")


# --- the real content passes, with no warnings -----------------------------------------------

def test_every_real_easy_read_page_passes_with_no_warning(caplog):
    caplog.set_level(logging.WARNING, logger="mkdocs.hooks.kit")
    kit, easy = real_easy_read()
    hard = rules.load_hard_words(ROOT / "kit")
    paths = [p.path for p in easy.pages]
    for page in easy.pages:
        assert rules.check_page(page.markdown, hard, file=page.path) == [], page.path
    for path in sorted((ROOT / "docs" / "easy-read").glob("*.md")):
        assert rules.check_page(path.read_text(encoding="utf-8"), hard, file=str(path)) == [], path
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], [r.getMessage() for r in caplog.records]
    # Every record with easy-read points has its page; every page is under easy-read/.
    for record in kit.enablers + kit.barriers:
        assert f"easy-read/{record.kind.folder}/{record.id}.md" in paths
    assert all(p.startswith("easy-read/") for p in paths)
    for required in ("index", "involvement", "leadership", "workshops", "scoring", "meeting"):
        assert f"easy-read/{required}.md" in paths


def test_real_hard_words_list_is_valid_and_easy():
    hard = rules.load_hard_words(ROOT / "kit")
    assert len(hard.entries) >= 10
    for entry in hard.entries:
        assert all(len(rules.words(s)) <= rules.WARN_WORDS for s in rules.sentences(entry.meaning)), entry


def test_report_script_prints_figures_for_every_page():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "easy_read_report.py")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "easy-read/enablers/users-priorities.md" in result.stdout
    assert "easy-read/reviewers.md" in result.stdout
    assert "points have a picture" in result.stdout


# --- each rule catches text that breaks it, naming file, record and sentence ----------------

def kit_with(tmp_path, name, old, new):
    return load_kit(make_kit(tmp_path / "kit", replace_in(name, old, new)), label="kit")


def record_problems(tmp_path, new_text, caplog=None):
    """The loader checks every record's easy-read points, with the line of each."""
    try:
        kit_with(tmp_path, "enablers.yml", "- text: This is easy.", f"- text: \"{new_text}\"")
    except KitError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_sentence_over_20_words_is_a_mistake_naming_file_record_and_sentence(tmp_path):
    long = "Users and staff and trustees and managers and volunteers all sat down together in one big room to talk about it."
    problems = record_problems(tmp_path, long)
    assert len(problems) == 1
    assert "kit/enablers.yml" in problems[0] and "record 'first-enabler'" in problems[0]
    assert "easy_read[1].text" in problems[0] and long in problems[0] and "21 words" in problems[0]
    assert "line 27" in problems[0]


def test_sentence_of_16_to_20_words_is_a_warning(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="mkdocs.hooks.kit")
    sentence = "Users and staff and trustees and managers all sat down together in one big bright room."
    assert len(rules.words(sentence)) == 16
    assert record_problems(tmp_path, sentence) == []
    warnings = [r for r in caplog.records if r.name == "mkdocs.hooks.kit" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    message = warnings[0].getMessage()
    assert "16 words" in message and sentence in message and "first-enabler" in message and "kit/enablers.yml" in message


def test_more_than_five_sentences_in_a_point(tmp_path):
    problems = record_problems(tmp_path, "One. Two. Three. Four. Five. Six.")
    assert len(problems) == 1 and "6 sentences in one point" in problems[0] and "first-enabler" in problems[0]
    assert record_problems(tmp_path, "One. Two. Three. Four. Five.") == []


@pytest.mark.parametrize("text, what", [
    ("This is *very* important.", "*very* (italics)"),
    ("This is _very_ important.", "_very_ (italics)"),
    ("This is VERY important.", "VERY (capitals)"),
])
def test_emphasis_in_a_record_is_caught(tmp_path, text, what):
    problems = record_problems(tmp_path, text)
    assert len(problems) == 1, problems
    assert what in problems[0] and "first-enabler" in problems[0] and "kit/enablers.yml" in problems[0]


@pytest.mark.parametrize("text, what", [
    ("This is <em>very</em> important.", "<em> (italics or underline)"),
    ("This is <i>very</i> important.", "<i> (italics or underline)"),
    ("This is <u>very</u> important.", "<u> (italics or underline)"),
    ("This is ^^very^^ important.", "^^very^^ (underline)"),
    ("This is *very* important.", "*very* (italics)"),
    ("This is VERY important.", "VERY (capitals)"),
])
def test_emphasis_on_a_page_is_caught(text, what):
    page = GOOD_PAGE.replace("They talk about what matters.", text)
    problems = [str(p) for p in rules.check_page(page, HARD, file="docs/easy-read/good.md", record="r1")]
    assert len(problems) == 1, problems
    assert what in problems[0] and "docs/easy-read/good.md, line 11" in problems[0] and "record 'r1'" in problems[0]


@pytest.mark.parametrize("text", [
    "This is **important**.",            # bold is allowed for a key word
    "Call the NHS or the GP.",           # short capitals are abbreviations, not shouting
    "Read the file called my_notes_here.txt",
    "See [the page](../x_y_z.md).",
])
def test_plain_text_is_not_taken_for_emphasis(text):
    assert rules.emphasis(text) == []


def test_statement_easy_read_sentence_is_checked(tmp_path):
    import shutil
    kit_dir = tmp_path / "kit"
    shutil.copytree(ROOT / "kit", kit_dir)
    statement = load_kit(ROOT / "kit", label="kit").statements[0]
    path = kit_dir / "statements.yml"
    text = path.read_text(encoding="utf-8")
    old = f'- text: "{statement.easy_read}"'
    assert old in text
    path.write_text(text.replace(old, '- text: "Do staff ALWAYS listen?"', 1), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_kit(kit_dir, label="kit")
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1
    assert "kit/statements.yml, line " in problems[0] and f"record '{statement.id}'" in problems[0]
    assert "ALWAYS" in problems[0]


def test_alt_text_of_a_record_picture_is_checked_too(tmp_path):
    # The loader already refuses a point with no alt text; the alt text itself must be plain too.
    with pytest.raises(KitError) as caught:
        kit_with(tmp_path, "enablers.yml", "alt: A group of people.", "alt: A group of VERY happy people.")
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1 and "easy_read[1].alt" in problems[0] and "VERY" in problems[0]


# --- pages: pictures, hard words, the words box ----------------------------------------------

def test_good_page_passes():
    assert rules.check_page(GOOD_PAGE, HARD, file="docs/easy-read/good.md") == []


def test_point_without_a_picture_is_caught():
    page = GOOD_PAGE.replace(':material-account-group:{ .er-picture role="img" aria-label="A group of people" } ', "")
    problems = [str(p) for p in rules.check_page(page, HARD, file="docs/easy-read/good.md")]
    assert len(problems) == 1
    assert "docs/easy-read/good.md" in problems[0] and "no picture" in problems[0]
    assert "Users meet every month." in problems[0]


@pytest.mark.parametrize("old, new", [
    ('aria-label="A group of people"', 'aria-label=""'),
    ("![A photo of our group]", "![]"),
])
def test_picture_without_alt_text_is_caught(old, new):
    problems = [str(p) for p in rules.check_page(GOOD_PAGE.replace(old, new), HARD, file="p.md")]
    assert len(problems) == 1 and "no alt text" in problems[0]


def test_hard_word_without_explanation_is_caught():
    page = GOOD_PAGE.replace("Trustee\n:   Trustees are the people in charge of a charity.\n", "")
    problems = [str(p) for p in rules.check_page(page, HARD, file="docs/easy-read/good.md", record="r1")]
    assert len(problems) == 1
    assert "'trustee'" in problems[0] and "not explained" in problems[0] and "record 'r1'" in problems[0]
    assert "Trustees are the people in charge of a charity." in problems[0]


def test_hard_word_explained_differently_is_caught():
    page = GOOD_PAGE.replace(":   A user is a person who uses a service.", ":   A user is a customer.")
    problems = [str(p) for p in rules.check_page(page, HARD, file="p.md")]
    assert len(problems) == 1 and "explains 'user' differently" in problems[0]


def test_long_sentence_and_emphasis_on_a_page_name_the_line():
    page = GOOD_PAGE.replace("They talk about what matters.",
                             "They talk about what matters to them and to their friends and to everyone else who comes along to the meeting each month.")
    page = page.replace("come to some meetings.", "come to SOME meetings.")
    problems = [str(p) for p in rules.check_page(page, HARD, file="docs/easy-read/good.md")]
    assert len(problems) == 2, problems
    assert any("line 11" in p and "words (at most 15)" in p and "everyone else" in p for p in problems)
    assert any("line 13" in p and "SOME (capitals)" in p for p in problems)


def test_a_hard_word_not_in_bold_at_its_first_use_is_caught():
    page = GOOD_PAGE.replace("**Users** meet", "Users meet")
    problems = [str(p) for p in rules.check_page(page, HARD, file="docs/easy-read/good.md")]
    assert problems == ["docs/easy-read/good.md, line 11: the hard word 'user' is first used here but not in bold; "
                        "write it as **user** and explain it in this point or the next"]


def test_a_hard_word_explained_only_at_the_foot_of_the_page_is_caught():
    page = GOOD_PAGE.replace("- :material-book:{ .er-picture role=\"img\" aria-label=\"A book\" } A user is a person who "
                             "uses a service.\n", "")
    problems = [str(p) for p in rules.check_page(page, HARD, file="docs/easy-read/good.md")]
    assert len(problems) == 1 and "line 11" in problems[0]
    assert "'user' is not explained where it is first used" in problems[0]


def test_pages_the_build_makes_explain_each_hard_word_where_it_is_first_used():
    kit, easy = real_easy_read()
    page = {p.path: p.markdown for p in easy.pages}["easy-read/barriers/glass-ceilings.md"]
    lines = page.split("\n")
    first = next(i for i, line in enumerate(lines) if "**board**" in line)
    assert "The board is the group of people in charge of a charity." in lines[first + 1]
    box = page.split('class="er-words"', 1)[1]
    terms = [rules.markdown_to_text(line).strip() for line in box.split("\n")
             if line and not line.startswith((":", "<", " "))]
    assert terms == sorted(terms, key=str.lower)


def test_longer_hard_word_wins_over_the_word_inside_it():
    hard = rules.HardWords((rules.HardWord("user", ("users",), "A user uses a service."),
                            rules.HardWord("user-centred", (), "User-centred means users come first.")))
    assert [w.word for w in hard.used_in("It was user-centred.")] == ["user-centred"]
    assert [w.word for w in hard.used_in("Users' views; a user-centred way")] == ["user", "user-centred"]


@pytest.mark.parametrize("text, message", [
    ("- word: trustee\n  meaning: ''\n", "say what the word means"),
    ("- word: trustee\n  forms: trustees\n  meaning: A trustee runs a charity.\n", "list of other forms"),
    ("- word: trustee\n  meening: A trustee runs a charity.\n", "unknown field"),
    ("- word: trustee\n  meaning: A trustee runs a charity.\n- word: Trustee\n  meaning: Again.\n", "already on the list"),
    ("- word: board\n  meaning: The board is a group of a trustee and others.\n- word: trustee\n  meaning: A trustee runs a charity.\n",
     "uses other hard words (trustee)"),
    ("- word: board\n  meaning: The board is the group of people in charge of a charity and the people who help run it all together.\n",
     "sentence of 21 words"),
    ("word: trustee\n", "expected a list of hard words"),
])
def test_hard_words_list_is_validated(tmp_path, text, message):
    (tmp_path / "hard-words.yml").write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        rules.load_hard_words(tmp_path, "kit")
    assert message in caught.value.describe() and "kit/hard-words.yml" in caught.value.describe()


def test_build_stops_on_a_bad_hand_written_page(tmp_path):
    docs = tmp_path / "docs"
    (docs / "easy-read").mkdir(parents=True)
    (docs / "easy-read" / "ours.md").write_text(GOOD_PAGE.replace("**Users** meet", "**USERS** meet"), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        real_easy_read(docs_dir=docs)
    text = caught.value.describe()
    assert "docs/easy-read/ours.md" in text and "USERS (capitals)" in text


def test_build_stops_on_a_bad_record(tmp_path):
    with pytest.raises(KitError) as caught:
        kit_with(tmp_path, "enablers.yml", "- text: This is easy.", "- text: This is *easy*.")
    assert "first-enabler" in caught.value.describe() and "*easy*" in caught.value.describe()


# --- what the pages say ------------------------------------------------------------------------

def with_real_pages(kit):
    """A fixture kit with the real kit's easy-read pages (the fixtures have none of their own)."""
    pages, problems = load_pages(ROOT / "kit", "kit", kit.records)
    assert problems == []
    return replace(kit, easy_read_pages=pages)


def fixture_pages(options=Options(), base=BASIC, tmp_path=None):
    kit = with_real_pages(load_kit(base))
    return {p.path: p.markdown for p, _, _ in render_easy_read_pages(kit, options, HARD)}


def test_record_page_is_made_from_the_record_and_links_both_ways():
    kit = load_kit(BASIC)
    pages = fixture_pages()
    page = pages["easy-read/enablers/first-enabler.md"]
    assert "This is easy." in page
    assert "[:material-file-document-outline: Standard version of this page](../../enablers/first-enabler.md)" in page
    standard = {p.path: p.markdown for p in render_pages(kit, Options())}
    assert "[:material-image-text: Easy read](../easy-read/enablers/first-enabler.md)" in standard["enablers/first-enabler.md"]
    # A record with no easy-read points has no twin and no link.
    assert "easy-read/enablers/second-enabler.md" not in pages
    assert "Easy read" not in standard["enablers/second-enabler.md"]


def test_words_to_know_box_lists_the_hard_words_used():
    pages = fixture_pages()
    scoring = pages["easy-read/scoring.md"]
    assert "## Words to know" in scoring
    assert "User\n:   A user is a person who uses a service." in scoring
    assert "Trustee\n:   Trustees are the people in charge of a charity." in scoring
    first = pages["easy-read/enablers/first-enabler.md"]
    assert rules.check_page(first, HARD, file="first") == []


def test_review_notice_until_a_review_happened(tmp_path):
    pages = fixture_pages()
    assert "People with learning disabilities have not checked this page yet." in pages["easy-read/enablers/first-enabler.md"]
    kit_dir = make_kit(tmp_path / "kit", replace_in("enablers.yml", 'easy_read_review: {checked_by: "", date: ""}',
                                                    'easy_read_review: {checked_by: "Riverside Speak Up", date: "2026-11-01"}'))
    page = fixture_pages(base=kit_dir)["easy-read/enablers/first-enabler.md"]
    assert "Riverside Speak Up checked this page on 2026-11-01." in page
    assert "have not checked" not in page
    # Pages not made from a record were never checked by anyone: they always say so.
    assert "have not checked this page yet" in fixture_pages(base=kit_dir)["easy-read/index.md"]


def test_feedback_contact_from_the_options():
    no_contact = fixture_pages()["easy-read/index.md"]
    assert "Tell the person who gave you this kit." in no_contact
    email = fixture_pages(Options(feedback="easyread@example.org"))["easy-read/index.md"]
    assert "[Tell us](mailto:easyread@example.org)" in email
    form = fixture_pages(Options(feedback="https://example.org/form"))["easy-read/index.md"]
    assert "[Tell us](https://example.org/form)" in form


def test_nav_entry_expands_into_the_easy_read_section():
    kit, easy = real_easy_read()
    nav = expand_nav([{"Easy read": "easy-read/index.md"}], easy.nav)
    (title, section), = nav[0].items()
    assert title == "Easy read" and section[0] == "easy-read/index.md"
    flat = str(section)
    for path in ("easy-read/involvement.md", "easy-read/enablers/index.md", "easy-read/enablers/resources.md",
                 "easy-read/barriers/glass-ceilings.md", "easy-read/leadership.md", "easy-read/scoring.md",
                 "easy-read/meeting.md", "easy-read/workshops.md", "easy-read/reviewers.md"):
        assert path in flat


def test_own_image_in_place_of_an_icon():
    from involvement_kit.web.easy_read import picture_md
    assert picture_md("easy-read/enablers/x.md")("images/our-group.png", 'Our "group"') == \
        "![Our 'group'](../../images/our-group.png){ .er-picture }"
    assert picture_md("easy-read/x.md")("material/account-group", "A group") == \
        ':material-account-group:{ .er-picture role="img" aria-label="A group" }'


def test_activities_with_easy_read_points_appear_on_the_workshop_page(tmp_path):
    kit_dir = tmp_path / "kit"
    shutil.copytree(ROOT / "kit", kit_dir)
    path = kit_dir / "activities.yml"
    text = path.read_text(encoding="utf-8")
    first = "  title: Sort the examples\n"
    assert first in text
    path.write_text(text.replace(first, first + "  easy_read:\n    - text: Talk in pairs about one card.\n"
                                 "      picture: images/symbols/talk-4.svg\n      alt: Two speech bubbles\n", 1),
                    encoding="utf-8")
    kit = load_kit(kit_dir, label="kit")
    hard = rules.load_hard_words(ROOT / "kit")
    pages = {p.path: p.markdown for p, _, _ in render_easy_read_pages(kit, Options(), hard)}
    page = pages["easy-read/workshops.md"]
    assert "## Things to do in a workshop" in page
    assert "### Sort the examples { #sort-the-examples }" in page and "Talk in pairs about one card." in page
    assert rules.check_page(page, hard, file="workshops") == []
    # Without activities in easy read, the heading goes too.
    bare = tmp_path / "bare"
    shutil.copytree(ROOT / "kit", bare)
    activities = (bare / "activities.yml").read_text(encoding="utf-8")
    activities = re.sub(r"(?m)^  easy_title: .*\n  easy_read:\n(?:    .*\n|      .*\n)*", "", activities)
    (bare / "activities.yml").write_text(activities, encoding="utf-8")
    without = load_kit(bare, label="kit")
    assert not any(a.easy_read for a in without.activities)
    plain = {p.path: p.markdown for p, _, _ in render_easy_read_pages(without, Options(), hard)}
    assert "Things to do in a workshop" not in plain["easy-read/workshops.md"]


# --- kit/easy-read-pages.yml: checked like the records, shown by medium and condition ---------

def pages_problems(tmp_path, old, new) -> list[str]:
    kit_dir = tmp_path / "kit"
    shutil.copytree(ROOT / "kit", kit_dir, dirs_exist_ok=True)
    path = kit_dir / "easy-read-pages.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        load_kit(kit_dir, label="kit", picture_exists=picture_finder(ICONS, ROOT / "docs"))
    except KitError as exc:
        return [str(p) for p in exc.problems]
    return []


def line_of(text: str) -> int:
    source = (ROOT / "kit" / "easy-read-pages.yml").read_text(encoding="utf-8")
    return source[:source.index(text)].count("\n") + 1


@pytest.mark.parametrize("old, new, field, message", [
    ("        - text: \"Some users only want a good service.\"\n",
     "        - txt: \"Some users only want a good service.\"\n", "sections[1].points[4].txt", "did you mean 'text'?"),
    ("        - text: \"Some users only want a good service.\"\n",
     "        - text: Some users just want a good service and some users want a great deal more than that from "
     "everyone who works there.\n", "sections[1].points[4].text", "split it"),
    ("          alt: \"A member of staff with a person\"\n", "          alt: \"A member of STAFF with a person\"\n", "sections[1].points[4].alt", "capitals"),
    ("          picture: images/symbols/care-assistant-5a.svg\n", "          picture: material/no-such-icon\n",
     "sections[1].points[4].picture", "no picture called"),
    ("          alt: \"A member of staff with a person\"\n", "          alt: \"A member of staff with a person\"\n          when: sometimes\n",
     "sections[1].points[4].when", "expected one of"),
])
def test_easy_read_pages_mistakes_name_file_page_field_and_line(tmp_path, old, new, field, message):
    problems = pages_problems(tmp_path, old, new)
    assert len(problems) == 1, problems
    line = line_of(old) + (1 if old.startswith("          alt") and "when" in new else 0)
    assert problems[0].startswith(f"kit/easy-read-pages.yml, line {line}: record 'involvement', field '{field}'"), \
        problems[0]
    assert message in problems[0]


def test_easy_read_pages_file_needs_every_page_and_safe_links(tmp_path):
    problems = pages_problems(tmp_path, "- id: meeting\n", "- id: meetings\n")
    assert any("expected one of: index, involvement, workshops, scoring, meeting" in p for p in problems), problems
    problems = pages_problems(tmp_path, "(easy-read/meeting.md)", "(../../etc/passwd)")
    assert any("is not a page of the site" in p and "field 'sections[3].points[7].text'" in p for p in problems)
    problems = pages_problems(tmp_path, "    - heading: Who can come\n", "    - level: 3\n")
    assert any("give the section a heading" in p for p in problems), problems


def test_a_kit_without_the_file_has_no_such_pages():
    kit = load_kit(BASIC)
    assert kit.easy_read_pages == ()
    paths = [p.path for p, _, _ in render_easy_read_pages(kit, Options(), HARD)]
    assert "easy-read/index.md" not in paths and "easy-read/enablers/first-enabler.md" in paths


def test_sections_follow_medium_and_conditions(tmp_path):
    from involvement_kit.content.easy_read_pages import sections_for
    (tmp_path / "easy-read-pages.yml").write_text(
        (ROOT / "kit" / "easy-read-pages.yml").read_text(encoding="utf-8").replace(
            "    - heading: At the meeting\n",
            "    - heading: On paper\n      print_only: true\n      points:\n"
            "        - {text: Only on paper., picture: images/symbols/print.svg, alt: A printer}\n"
            "    - heading: Tell us\n      when: feedback\n      points:\n"
            "        - {text: We want to hear from you., picture: images/symbols/talk-4.svg, alt: Two speech bubbles}\n"
            "        - {text: Write to us., picture: images/symbols/write.svg, alt: A pencil, when: no-feedback}\n"
            "    - heading: At the meeting\n", 1),
        encoding="utf-8")
    pages, problems = load_pages(tmp_path, "kit", ())
    assert problems == []
    meeting = {p.id: p for p in pages}["meeting"]

    def headings(medium, options=Options()):
        return [(s.heading, len(s.points)) for s in sections_for(meeting, KIT_REAL, options, medium)][3:5]
    assert headings("print") == [("On paper", 1), ("At the meeting", 3)]
    assert headings("screen") == [("At the meeting", 3), ("After the meeting", 1)]
    assert headings("screen", Options(feedback="a@example.org")) == [("Tell us", 1), ("At the meeting", 3)]
    assert headings("print", Options(feedback="a@example.org"))[1] == ("Tell us", 1)


KIT_REAL = load_kit(ROOT / "kit", label="kit")


def test_scale_section_is_the_vocabulary_scale_with_its_pictures():
    from involvement_kit.vocabulary import DONT_KNOW, SCALE
    pages = {p.path: p.markdown for p, _, _ in render_easy_read_pages(KIT_REAL, Options(), HARD)}
    scoring = pages["easy-read/scoring.md"]
    scale = scoring.split('id="er-scale" markdown>', 1)[1].split("</div>", 1)[0]
    items = [line for line in scale.split("\n") if line.startswith("- ")]
    for item, level in zip(items, (*SCALE, DONT_KNOW)):
        words = level.easy if level.value is None else f"{level.value}. {level.easy}"
        assert item.startswith(f"- ![{level.alt}](../{level.picture})") and item.endswith(words), item


def test_hand_written_page_title_and_headings_are_checked_for_report_words():
    from involvement_kit.content.easy_read_rules import Jargon, check_headings
    jargon = Jargon(("glass ceiling", "barrier"))
    page = ('---\ntitle: "Barriers (easy read)"\n---\n\n# Things that help\n\n```\n# barrier in code\n```\n\n'
            "Some text about a barrier.\n\n## The glass ceiling\n")
    problems = check_headings(page, jargon, file="docs/easy-read/x.md")
    assert [(p.field, p.line) for p in problems] == [("title", 2), ("heading", 13)]
    assert all(p.file == "docs/easy-read/x.md" for p in problems)
    assert "'glass ceiling'" in problems[1].message


def test_hand_written_easy_read_pages_pass_the_heading_check():
    from involvement_kit.content.easy_read_rules import check_headings, load_jargon
    jargon = load_jargon(ROOT / "kit")
    for path in sorted((ROOT / "docs" / "easy-read").glob("*.md")):
        assert check_headings(path.read_text(encoding="utf-8"), jargon, file=path.name) == []


def test_a_theme_icon_as_a_point_picture_on_a_hand_written_page_stops_the_build(tmp_path):
    """Records and kit/easy-read-pages.yml could not use a theme icon as a point's picture, but a page in
    docs/easy-read/ could: 'Who sees my answers' had eleven."""
    docs = tmp_path / "docs"
    (docs / "easy-read").mkdir(parents=True)
    real = (ROOT / "docs" / "easy-read" / "who-sees-my-answers.md").read_text(encoding="utf-8")
    old = "![A mobile phone](../images/symbols/mobile-phone.svg){ .er-picture }"
    assert real.count(old) == 1
    broken = real.replace(old, ':material-cellphone-lock:{ .er-picture role="img" aria-label="A phone with a lock" }')
    (docs / "easy-read" / "who-sees-my-answers.md").write_text(broken, encoding="utf-8")
    line = broken.split("\n").index(next(x for x in broken.split("\n") if "material-cellphone-lock" in x)) + 1
    with pytest.raises(KitError) as caught:
        real_easy_read(docs_dir=docs)
    assert [str(p) for p in caught.value.problems] == [str(p) for p in caught.value.problems if "theme icon" in str(p)]
    assert len(caught.value.problems) == 1
    text = caught.value.describe()
    assert f"docs/easy-read/who-sees-my-answers.md, line {line}" in text
    assert "':material-cellphone-lock:' is a theme icon" in text and "images/symbols/" in text


def test_hand_written_easy_read_pages_use_no_theme_icon_as_a_point_picture():
    from involvement_kit.content.easy_read_rules import theme_icons_on_page
    for path in sorted((ROOT / "docs" / "easy-read").glob("*.md")):
        assert theme_icons_on_page(path.read_text(encoding="utf-8"), file=path.name) == [], path


def test_no_page_the_build_makes_uses_a_theme_icon_as_a_point_picture():
    """The scorer's consent and the switched-off page came from templates with theme icons."""
    from involvement_kit.content.easy_read_rules import theme_icons_on_page
    kit = load_kit(ROOT / "kit", picture_exists=picture_finder(ICONS, ROOT / "docs"), label="kit",
                   switched_off=("glass-ceilings",))
    easy = prepare_easy_read(kit, Options(switched_off=("glass-ceilings",)), kit_dir=ROOT / "kit",
                             docs_dir=ROOT / "docs")
    made = {p.path: p.markdown for p in easy.pages}
    assert "does not use this part" in made["easy-read/barriers/glass-ceilings.md"]
    assert "your choice" in made["easy-read/scoring.md"]
    for page in easy.pages:
        assert theme_icons_on_page(page.markdown, file=page.path) == [], page.path


def test_no_meaning_is_put_into_a_list_of_links():
    """A hard word first met in a link ('Users in every part of the organisation') was explained
    right under the link, breaking the list of pages; the page it leads to explains it, and the
    Words to know box still lists it."""
    kit, easy = real_easy_read()
    hard = rules.load_hard_words(ROOT / "kit", "kit")
    meanings = {w.meaning for w in hard.entries}
    wedged = []
    for page in easy.pages:
        points = [line[2:] for line in page.markdown.split('class="er-words', 1)[0].split("\n") if line.startswith("- ")]
        for before, point in zip(points, points[1:]):
            words = rules.markdown_to_text(point).strip()
            if rules.is_only_a_link(before) and any(words.endswith(m) for m in meanings):
                wedged.append(f"{page.path}: {words}")
    assert wedged == []
    overview = {p.path: p.markdown for p in easy.pages}["easy-read/enablers/index.md"]
    assert "Organisation" in overview.split('class="er-words', 1)[1]
