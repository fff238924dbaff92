"""Pictures that carry the idea (issue 17 item 1): Mulberry symbols copied into the project with their
licence, one picture per recurring idea, no theme icon as a point's picture, none for more than 4%."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from kitfiles import problems_after_edit
from involvement_kit.content.loader import load_kit
from involvement_kit.errors import KitError
from involvement_kit.vocabulary import EASY_READ_SYMBOLS, SYMBOL_CREDIT

KIT = load_kit(ROOT / "kit", label="kit")
SYMBOLS = ROOT / "docs" / "images" / "symbols"


def all_points():
    for record in (*KIT.enablers, *KIT.barriers, *KIT.leader_behaviours, *KIT.activities):
        yield from record.easy_read
    for page in KIT.easy_read_pages:
        for section in page.sections:
            yield from section.points


def test_symbols_are_in_the_project_with_their_licence_and_credit():
    assert "creativecommons.org/licenses/by-sa/4.0" in (SYMBOLS / "LICENSE.txt").read_text(encoding="utf-8")
    credit = (SYMBOLS / "CREDIT.txt").read_text(encoding="utf-8")
    assert "Mulberry Symbols" in credit and "CC BY-SA 4.0" in credit
    assert "Mulberry" in SYMBOL_CREDIT and "CC BY-SA 4.0" in SYMBOL_CREDIT


def test_every_point_uses_a_symbol_file_that_exists():
    for point in all_points():
        assert point.picture.startswith("images/symbols/"), point
        assert (ROOT / "docs" / point.picture).is_file(), point.picture


def test_only_symbols_the_kit_uses_are_copied():
    used = {p.picture for p in all_points()}
    used |= {q.picture for s in KIT.statements for q in s.easy_questions}
    from involvement_kit import vocabulary as v
    used |= {pic for pic, _ in (*v.KIND_PICTURES.values(), *v.EASY_READ_PICTURES.values(),
                                *v.EASY_READ_SYMBOLS.values(), *v.EASY_READ_FILE_PICTURES.values(),
                                v.REPORT_PICTURE)}
    for page in (ROOT / "docs" / "easy-read").glob("*.md"):
        used |= set(re.findall(r"\.\./(images/symbols/[\w.-]+\.svg)", page.read_text(encoding="utf-8")))
    from involvement_kit.paper.easy_read import REVIEW_PICTURES
    used |= set(REVIEW_PICTURES.values())
    copied = {f"images/symbols/{p.name}" for p in SYMBOLS.glob("*.svg")}
    assert copied - used == set()


def test_one_picture_for_each_recurring_person_or_idea():
    assert set(EASY_READ_SYMBOLS) >= {"you", "user group", "staff", "manager", "trustee", "meeting", "money",
                                      "time", "talking", "deciding"}
    pictures = [p for p, _ in EASY_READ_SYMBOLS.values()]
    assert len(set(pictures)) == len(pictures)
    for picture in pictures:
        assert (ROOT / "docs" / picture).is_file()


def test_no_picture_is_used_for_more_than_4_percent_of_points():
    points = list(all_points())
    counts = Counter(p.picture for p in points)
    assert max(counts.values()) <= int(len(points) * 0.04), counts.most_common(3)


def _broken(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    return problems_after_edit(tmp_path, file, old, new)


def test_a_theme_icon_as_a_records_point_picture_is_refused(tmp_path):
    problems = _broken(tmp_path, "barriers.yml", "picture: images/symbols/walk-upstairs.svg",
                       "picture: material/stairs")
    assert len(problems) == 1
    assert problems[0].startswith("kit/barriers.yml, line ")
    assert "record 'glass-ceilings', field 'easy_read[1].picture'" in problems[0] and "theme icon" in problems[0]


def test_a_theme_icon_on_an_easy_read_page_is_refused(tmp_path):
    problems = _broken(tmp_path, "easy-read-pages.yml", "picture: images/symbols/hug.svg", "picture: material/heart")
    assert len(problems) == 1 and "kit/easy-read-pages.yml, line " in problems[0]
    assert "record 'involvement'" in problems[0] and "theme icon" in problems[0]


def test_a_picture_for_more_than_4_percent_of_points_is_refused(tmp_path):
    kit_dir = tmp_path / "kit"
    shutil.copytree(ROOT / "kit", kit_dir)
    path = kit_dir / "barriers.yml"
    text = path.read_text(encoding="utf-8")
    # 'ask' already shows 4 points; glass ceilings' 4 points make it 8 of 151, over 6.
    for picture in ("walk-upstairs", "work-2", "head-teacher-2a", "it-assistant-1a"):
        text = text.replace(f"picture: images/symbols/{picture}.svg", "picture: images/symbols/ask.svg")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_kit(kit_dir, label="kit")
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1, problems
    assert "the picture 'images/symbols/ask.svg' is used for" in problems[0] and "at most 6 (4%)" in problems[0]
    assert ", line " in problems[0] and "field 'easy_read[" in problems[0]


def test_every_hard_word_has_its_own_mulberry_picture_in_the_words_to_know_box():
    from involvement_kit.content.easy_read_rules import check_text, load_hard_words
    hard = load_hard_words(ROOT / "kit")
    assert len(hard.entries) > 20
    for entry in hard.entries:
        assert entry.picture.startswith("images/symbols/"), f"'{entry.word}' has no symbol"
        assert (ROOT / "docs" / entry.picture).is_file(), entry.picture
        assert entry.alt.strip() and not check_text(entry.alt, file="kit/hard-words.yml", record=entry.word,
                                                    field="alt", line=None), entry.word
