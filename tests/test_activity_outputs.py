"""A drawing of each activity's finished output (facilitator review, finding 17): every activity
has one, the file exists and is drawn by hand, it says what it shows, the activities page shows
it at 1280 and 320 px, and a missing or unexplained drawing is a mistake the loader names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from involvement_kit.content.options import Options
from involvement_kit.outputs import Pictures
from involvement_kit.web.sessions import render_session_pages
from kitfiles import icon_dirs, problems_after_edit
from test_cards import PUBLIC_URL, kit_folder, load

DOCS = ROOT / "docs"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def real_kit(tmp_path_factory):
    return load(kit_folder(tmp_path_factory.mktemp("real") / "kit", source=ROOT / "kit"))


def test_every_activity_has_a_drawing_that_exists_and_alt_text(real_kit):
    assert len(real_kit.activities) >= 5
    for activity in real_kit.activities:
        assert activity.output_picture.startswith("images/outputs/"), activity.id
        path = DOCS / activity.output_picture
        assert path.is_file(), path
        assert len(activity.output_alt.split()) >= 10, activity.id
        # Drawn by hand for the kit: shapes and words only, nothing fetched or copied in.
        svg = path.read_text(encoding="utf-8")
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg" and root.get("viewBox"), path
        assert not list(root.iter(f"{SVG}image")), path
        assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "") and "https://" not in svg, path
        # Large text: at 320 px the 560-unit drawing is about half size, so no word under 28 units.
        sizes = [float(t.get("font-size") or root.get("font-size")) for t in root.iter(f"{SVG}text")]
        assert sizes and min(sizes) >= 28, path


def test_every_word_in_a_drawing_is_in_its_alt_text(real_kit):
    for activity in real_kit.activities:
        root = ET.fromstring((DOCS / activity.output_picture).read_text(encoding="utf-8"))
        for text in root.iter(f"{SVG}text"):
            words = (text.text or "").strip()
            if len(words) > 1:
                assert words.lower() in activity.output_alt.lower(), (activity.id, words)


def test_the_activities_page_shows_each_drawing_with_its_alt_text(real_kit):
    pages = {p.path: p.markdown for p in render_session_pages(real_kit, Options(public_url=PUBLIC_URL))}
    text = pages["activities/index.md"]
    for activity in real_kit.activities:
        section = text.split(f"{{ #{activity.id} }}", 1)[1].split("\n## ", 1)[0]
        assert f"](../{activity.output_picture}){{ .kit-output-picture" in section, activity.id


def _pictures_exist():
    return Pictures(icon_dirs(), DOCS).exists


def test_a_missing_drawing_names_file_record_field_and_line(tmp_path):
    problems = problems_after_edit(tmp_path, "activities.yml", "images/outputs/presence-audit.svg",
                                   "images/outputs/no-such-drawing.svg", picture_exists=_pictures_exist())
    assert len(problems) == 1, problems
    line = next(n for n, row in enumerate((ROOT / "kit" / "activities.yml").read_text().splitlines(), 1)
                if "images/outputs/presence-audit.svg" in row)
    assert problems[0].startswith(f"kit/activities.yml, line {line}: record 'presence-audit', field 'output_picture'")
    assert "no picture called 'images/outputs/no-such-drawing.svg'" in problems[0]


def test_a_drawing_without_alt_text_is_refused(tmp_path):
    problems = problems_after_edit(tmp_path, "activities.yml", "  output_alt: \"A drawing of the finished grid",
                                   "  # output_alt: \"A drawing of the finished grid", picture_exists=_pictures_exist())
    assert len(problems) == 1 and "record 'presence-audit', field 'output_picture'" in problems[0], problems
    assert "output_alt" in problems[0]


def test_a_theme_icon_is_not_a_drawing(tmp_path):
    problems = problems_after_edit(tmp_path, "activities.yml", "images/outputs/presence-audit.svg",
                                   "material/grid", picture_exists=_pictures_exist())
    assert any("field 'output_picture'" in p and "theme icon" in p for p in problems), problems


@pytest.mark.parametrize("width", [1280, 320])
def test_the_built_page_shows_each_drawing_readable_at_its_width(page, site_url, built_site: Path, real_kit, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}/activities/index.html")
    for activity in real_kit.activities:
        image = page.locator(f'img[src$="{activity.output_picture.rsplit("/", 1)[1]}"]')
        image.first.scroll_into_view_if_needed(timeout=60_000)
        assert image.count() == 1, activity.id
        assert image.get_attribute("alt") == activity.output_alt
        # Loaded, inside the column, and no smaller than half its drawn size (text of 28 units stays >= 14 px).
        loaded = image.evaluate("img => img.complete && img.naturalWidth > 0")
        assert loaded, activity.id
        box = image.bounding_box()
        assert box and box["width"] <= width and box["width"] >= min(560, width - 80), (activity.id, box)
        assert (built_site / "activities" / image.get_attribute("src")).resolve().is_file()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
