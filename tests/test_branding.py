"""An organisation makes the kit its own: name, colour, own records, switched-off records."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.build

OWN_ENABLER = """- id: peer-mentors
  title: Peer mentors
  summary: People who have used our services train and support new members.
  source: organisation
  report_section: none
  user_question: "When did you last see something change here because users asked?"
  findings:
    - Our peer mentors made new members feel welcome.
  opening_question: Who welcomed you when you first came?
  questions:
    - What would a peer mentor need from us?
    - How do we pay mentors fairly?
  related: [presence-of-users]
"""
OWN_STATEMENTS = """- id: peer-mentors-trained
  area: peer-mentors
  text: People who use our services are trained and paid to mentor new members.
  level_0: No mentoring by people who use services.
  level_1: Staff choose mentors and set what they do.
  level_2: Mentors shape the scheme and are paid for their time.
  source: organisation
- id: peer-mentors-heard
  area: peer-mentors
  text: What mentors learn changes how we run our services.
  level_0: Mentors' views are not collected.
  level_1: Mentors are asked, on our terms.
  level_2: Mentors' priorities change our plans.
  source: organisation
"""


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("branded"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace('    organisation: ""', """    organisation: Riverside Advice
    colour: "#1f4e79"
    own_records: our-kit
    switched_off: [fashion-and-rhetoric]""")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    own = project / "our-kit"
    own.mkdir()
    (own / "enablers.yml").write_text(OWN_ENABLER, encoding="utf-8")
    if (project / "kit" / "statements.yml").exists():
        (own / "statements.yml").write_text(OWN_STATEMENTS, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")
    return project / "site"


def test_name_and_colour_are_on_the_site(branded):
    home = (branded / "index.html").read_text(encoding="utf-8")
    assert "Riverside Advice" in home
    assert "#1f4e79" in (branded / "assets" / "kit" / "brand.css").read_text(encoding="utf-8")
    assert "assets/kit/brand.css" in home


def test_own_record_has_a_labelled_page(branded):
    page = (branded / "enablers" / "peer-mentors.html").read_text(encoding="utf-8")
    assert "Added by your organisation" in page and "Riverside Advice" in page


def test_switched_off_record_keeps_only_a_short_page_out_of_the_navigation(branded):
    # Hand-written pages and earlier printed cards may still point here: no dead link.
    stub = re.sub(r"<[^>]+>", "", (branded / "barriers" / "fashion-and-rhetoric.html").read_text(encoding="utf-8"))
    assert "has chosen not to use this barrier" in stub and "Riverside Advice" in stub
    for name in ("index.html", "barriers/index.html", "barriers/glass-ceilings.html"):
        assert "fashion-and-rhetoric.html" not in (branded / name).read_text(encoding="utf-8"), name


def test_switched_off_record_keeps_a_short_easy_read_page_and_no_note_about_it(branded):
    stub = re.sub(r"<[^>]+>", "", (branded / "easy-read" / "barriers" / "fashion-and-rhetoric.html")
                  .read_text(encoding="utf-8"))
    assert "The group that gave you this kit does not use this part of it." in stub
    assert "fashion-and-rhetoric.html" not in (branded / "easy-read" / "barriers" / "index.html").read_text(
        encoding="utf-8")
    log = (branded.parent / "build.log").read_text(encoding="utf-8")
    assert "not included in the" not in log and "fashion-and-rhetoric" not in log


def test_own_card_is_in_the_deck(branded):
    decks = sorted((branded / "downloads").glob("cards-*.pdf"))
    assert decks, "no card decks were built"
    text = "".join(page.extract_text() for page in PdfReader(decks[0]).pages)
    assert "Peer mentors" in text and "Fashion and rhetoric" not in text


def test_outputs_switched_off_leave_no_dead_link(tmp_path):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace('    organisation: ""', "    outputs: [cards]"),
                                        encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "DeprecationWarning" not in result.stderr
    site = project / "site"
    assert not list((site / "downloads").glob("scoring-*.pdf")) and not (site / "downloads" / "packs").exists()
    for page in site.rglob("*.html"):
        for target in re.findall(r'\shref="([^"#]+\.pdf)"', page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().is_file(), f"{page.name} links {target}"


def test_name_and_own_records_are_in_a_deck_and_a_sheet(branded):
    deck = " ".join(p.extract_text() for p in PdfReader(branded / "downloads" / "cards-a4.pdf").pages)
    assert "Riverside Advice" in deck and "Peer mentors" in deck and "Added by your organisation" in deck
    sheet = " ".join(p.extract_text() for p in PdfReader(branded / "downloads" / "scoring-full-a4.pdf").pages)
    sheet = " ".join(sheet.split())
    assert "Riverside Advice" in sheet
    assert "People who use our services are trained and paid to mentor new members." in sheet
    assert "Fashion and rhetoric" not in sheet
