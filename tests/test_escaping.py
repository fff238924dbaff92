"""Text from options is text: the organisation's name shows as typed on pages and in PDFs."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from pypdf import PdfReader

from conftest import copy_project, mkdocs_build
from involvement_kit.paper.typesetting import curly_quotes
from test_branding import OWN_ENABLER, OWN_STATEMENTS

pytestmark = pytest.mark.build

# Markdown, HTML and Typst would each read something in this as markup.
NAME = "St Mary's Carers & Friends <Leeds> *North* _East_ #1 $5 @home [x]"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("escaping"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    quoted = NAME.replace("'", "''")
    (project / "mkdocs.yml").write_text(config.replace('    organisation: ""', f"""    organisation: '{quoted}'
    own_records: our-kit
    switched_off: [fashion-and-rhetoric]"""), encoding="utf-8")
    (project / "our-kit").mkdir()
    (project / "our-kit" / "enablers.yml").write_text(OWN_ENABLER, encoding="utf-8")
    (project / "our-kit" / "statements.yml").write_text(OWN_STATEMENTS, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def seen(path) -> str:
    """The page as a person reads it: tags dropped, entities read, spaces joined."""
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.parametrize("page", ["index.html", "enablers/peer-mentors.html", "barriers/fashion-and-rhetoric.html"])
def test_the_name_shows_as_typed_on_pages(site, page):
    html = (site / page).read_text(encoding="utf-8")
    assert NAME in seen(site / page)
    assert "<leeds>" not in html.lower() and "<em>North</em>" not in html and "<em>East</em>" not in html


def test_the_glossary_leaves_the_name_alone(site):
    # "Carers" is a glossary term: explained in the kit's text, never inside the organisation's name.
    html = (site / "enablers" / "peer-mentors.html").read_text(encoding="utf-8")
    added = re.search(r"Added by (?!your organisation)(.*?)</p>", html, re.S)
    assert added and "<abbr" not in added.group(1)
    assert htmllib.unescape(added.group(1)).startswith(NAME)


def test_the_name_shows_as_typed_in_pdfs(site):
    # Print sets every straight quote curly (typesetting.curly_quotes): "St Mary’s" is the name as typed,
    # and every character Typst reads as markup still shows as itself.
    printed = curly_quotes(NAME)
    assert printed == NAME.replace("'", "\u2019")
    for name in ("cards-a4.pdf", "scoring-full-a4.pdf"):
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(site / "downloads" / name).pages)
        assert printed in text, name
