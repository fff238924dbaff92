"""The bad-input corpus (tests/bad_inputs) through the real `mkdocs build --strict`.

One copy of the project serves every case: a good build first, then for each case the
real kit is restored, broken as the case says and built again. Every case must stop the
build with exit code 1 and a clear message naming the file and the field, without a
Python traceback, and leave the last good site exactly as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, copy_built_project, mkdocs_build
from gates_site import snapshot

CORPUS = ROOT / "tests" / "bad_inputs"
CASES = sorted(CORPUS.glob("*.yml"))
HOWS = {"append", "replace", "delete", "utf-16"}
MEGABYTE = ("word " * 200_000).strip().ljust(1_000_000, "x")

pytestmark = pytest.mark.build


def read_case(path: Path) -> tuple[dict, bytes]:
    """The header ('# key: value' lines) and the body (bytes, any encoding) of a case file."""
    header: dict = {"expect": []}
    lines = path.read_bytes().splitlines(keepends=True)
    body_start = 0
    for body_start, raw in enumerate(lines):
        text = raw.decode("ascii", errors="replace").rstrip("\r\n")
        key, _, value = text[2:].partition(": ")
        if not text.startswith("# ") or key not in ("file", "how", "field", "expect"):
            break
        if key == "expect":
            header["expect"].append(value)
        else:
            header[key] = value
    else:
        body_start = len(lines)
    return header, b"".join(lines[body_start:]).replace(b"@MEGABYTE@", MEGABYTE.encode())


def test_corpus_is_big_enough_and_well_formed():
    assert len(CASES) >= 25
    for path in CASES:
        header, body = read_case(path)
        assert {"file", "how", "field"} <= header.keys() and header["expect"], f"{path.name}: incomplete header"
        assert header["how"] in HOWS, f"{path.name}: unknown 'how: {header['how']}'"
        assert bool(body.strip()) == (header["how"] in ("append", "replace")) or path.name == "empty-file.yml", \
            f"{path.name}: a body is needed exactly for append and replace"


def break_kit(kit: Path, header: dict, body: bytes) -> None:
    target = kit / header["file"]
    if header["how"] == "append":
        current = target.read_bytes()
        target.write_bytes(current + (b"" if current.endswith(b"\n") else b"\n") + b"\n" + body)
    elif header["how"] == "replace":
        target.write_bytes(body)
    elif header["how"] == "delete":
        target.unlink()
    elif header["how"] == "utf-16":
        target.write_bytes(target.read_text(encoding="utf-8").encode("utf-16"))  # BOM first


@pytest.fixture(scope="module")
def corpus_project(site_build, tmp_path_factory):
    """A copy of the project with a good site built (the run's shared build: its site and
    build cache, as a good `mkdocs build --strict` left them), and the real kit kept to restore."""
    project = copy_built_project(site_build, tmp_path_factory.mktemp("corpus") / "project")
    site = project / "site"
    pristine = tmp_path_factory.mktemp("pristine-kit") / "kit"
    shutil.copytree(project / "kit", pristine)
    yield project, site, snapshot(site), pristine
    restore(project / "kit", pristine)


def restore(kit: Path, pristine: Path) -> None:
    shutil.rmtree(kit)
    shutil.copytree(pristine, kit)


def test_a_good_record_appended_the_same_way_builds(corpus_project, tmp_path):
    """The control: the record the cases break is itself fine, so each case tests one mistake."""
    project, _, _, pristine = corpus_project
    restore(project / "kit", pristine)
    # Leader behaviours: an enabler or barrier would also need its own scoring statements.
    header = {"file": "leader-behaviours.yml", "how": "append"}
    break_kit(project / "kit", header, (b"- id: corpus-case\n  title: A corpus case\n"
                                        b"  summary: A record that is right in every way but one.\n"
                                        b"  source: kit\n  report_section: none\n"
                                        b"  user_question: When did you last see something change here?\n"))
    result = mkdocs_build(project, tmp_path / "control-site")
    restore(project / "kit", pristine)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_bad_input_stops_the_build_clearly_and_keeps_the_site(corpus_project, case):
    project, site, before, pristine = corpus_project
    header, body = read_case(case)
    restore(project / "kit", pristine)
    break_kit(project / "kit", header, body)
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    restore(project / "kit", pristine)

    assert result.returncode == 1, f"exit code {result.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    expected = [f"kit/{header['file']}"] + header["expect"]
    if header["field"] != "-":
        expected.append(f"field '{header['field']}'")
    for part in expected:
        assert part in output, f"{part!r} missing from:\n{output[-3000:]}"
    # The first mistake listed is the case's own, not an echo of it in another file.
    listed = [line for line in output.splitlines() if line.startswith("  - ")]
    assert listed and f"kit/{header['file']}" in listed[0], output[-3000:]
    # The message names the file and the field on one line, the way an editor reads it.
    if header["field"] != "-":
        assert any(f"kit/{header['file']}" in line and f"field '{header['field']}'" in line
                   for line in output.splitlines()), output[-3000:]
    assert snapshot(site) == before, "the last good site was changed"


def test_report_word_in_a_hand_written_easy_read_heading_stops_the_build(corpus_project):
    """Hand-written easy-read pages (docs/easy-read/*.md) are held to the jargon list too."""
    project, site, before, pristine = corpus_project
    restore(project / "kit", pristine)
    page = project / "docs" / "easy-read" / "corpus-case.md"
    good = (project / "docs" / "easy-read" / "who-sees-my-answers.md").read_text(encoding="utf-8")
    lines = good.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("## "))
    lines[heading] = "## The glass ceiling and you"
    page.write_text("\n".join(lines), encoding="utf-8")
    try:
        result = mkdocs_build(project, site)
    finally:
        page.unlink()
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"exit code {result.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    assert any("docs/easy-read/corpus-case.md" in line and f"line {heading + 1}" in line
               and "field 'heading'" in line and "'glass ceiling'" in line
               for line in output.splitlines()), output[-3000:]
    assert snapshot(site) == before, "the last good site was changed"
