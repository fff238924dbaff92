"""The schema guide for content editors names every field the loader accepts."""

from conftest import ROOT
from involvement_kit.content import easy_read_pages
from involvement_kit.content.schema import KINDS


def test_kit_readme_documents_every_field():
    guide = (ROOT / "kit" / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"`{kind.file}`" in guide, kind.file
        for field in kind.fields:
            assert f"`{field.name}`" in guide, f"{kind.file}: {field.name}"
            for sub in field.item_fields:
                assert f"`{sub.name}`" in guide, f"{kind.file}: {field.name}.{sub.name}"


def test_kit_readme_documents_the_easy_read_pages_file():
    guide = (ROOT / "kit" / "README.md").read_text(encoding="utf-8")
    section = guide.split(f"(`{easy_read_pages.FILE}`)", 1)[1].split("\n## ", 1)[0]
    for fields in (easy_read_pages.PAGE_FIELDS, easy_read_pages.SECTION_FIELDS, easy_read_pages.POINT_FIELDS):
        for name in fields:
            assert f"`{name}`" in section, name
    for value in (*easy_read_pages.WHEN, *easy_read_pages.ADD):
        assert f"`{value}`" in section, value


def test_kit_readme_documents_the_briefing():
    from involvement_kit.content.briefing import BLOCKS, BOX_FIELDS, BRIEFING_FILE, FIELDS

    guide = (ROOT / "kit" / "README.md").read_text(encoding="utf-8")
    section = guide.split(f"(`{BRIEFING_FILE}`)", 1)[1].split("\n## ", 1)[0]
    for name in (*FIELDS, *BLOCKS, *BOX_FIELDS):
        assert f"`{name}`" in section, name
    assert "`**bold words**`" in section and "`[words](page.md)`" in section
