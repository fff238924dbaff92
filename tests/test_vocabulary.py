"""The scale's labels and the source labels are spelled once, in vocabulary.py.

Every other file that shows them (Python, Jinja and Typst templates, the browser's scripts)
gets them from there: the templates as globals or JSON data, the scripts from the generated
scoring-data.js. So a label changed in vocabulary.py changes everywhere, and this test fails
if any of those files spells one on its own.

The match is exact and case-sensitive on each label as vocabulary.py spells it: the short
and long wording of every level (don't know included), every source label and the names of the
two sets of statements. Hand-written
prose is not a label and is not searched: the Markdown pages in docs/ and the records in kit/
may say "management-centred" in a sentence, as the report does.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from involvement_kit import vocabulary

VOCABULARY = ROOT / "hooks" / "involvement_kit" / "vocabulary.py"
SEARCHED = (ROOT / "hooks", ROOT / "docs" / "javascripts")
TEXT_FILES = {".py", ".j2", ".typ", ".js", ".css", ".md", ".html", ".json", ".yml"}


def labels() -> list[str]:
    levels = (*vocabulary.SCALE, vocabulary.DONT_KNOW)
    return [*(level.short for level in levels), *(level.long for level in levels),
            *vocabulary.SOURCE_LABELS.values(), *vocabulary.SETS.values()]


def spelled(roots, base: Path = ROOT, skip: Path | None = None) -> list[str]:
    """'path: label' for every label written out in a text file under roots."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path == skip or path.suffix not in TEXT_FILES or "__pycache__" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(base)}: {label!r}" for label in labels() if label in text]
    return found


def test_the_labels_are_spelled_only_in_the_vocabulary():
    assert spelled(SEARCHED, skip=VOCABULARY) == []


def test_a_label_spelled_elsewhere_is_found(tmp_path):
    # The canary: the search sees each kind of label, so the empty result above means something.
    planted = {
        "a.js": f'var x = "{vocabulary.SCALE[1].short}";',
        "b.typ": f"[{vocabulary.SCALE[2].long}]",
        "c.j2": f"*{vocabulary.SOURCE_LABELS['kit']}, going beyond the report.*",
        "d.py": f"LABEL = {vocabulary.DONT_KNOW.short!r}",
        "e.md.j2": "moved towards " + vocabulary.SCALE[2].short.lower(),  # prose in lower case is not a label
    }
    for name, text in planted.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = spelled([tmp_path], base=tmp_path)
    assert sorted({line.split(":")[0] for line in found}) == ["a.js", "b.typ", "c.j2", "d.py"]
