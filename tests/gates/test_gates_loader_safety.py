"""The loader survives hostile input: it answers with a KitError, never expands or crashes,
and refuses content that would put code into the pages.

Found by the bad-input corpus (tests/bad_inputs): before the fix in yamlsource._walk an
anchor bomb hung the build, and an alias inside its own anchor or a list used as a key
ended in a Python traceback; and Markdown links to javascript: or data: addresses, or
control characters, went straight into the pages.
"""

from __future__ import annotations

import sys

import pytest

from involvement_kit.errors import KitError
from involvement_kit.content.loader import load_kit
from kitfiles import BASIC, make_kit

BOMB = """
- id: bomb
  title: Bomb
  summary: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
  source: report
  report_section: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  body: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  findings: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  questions: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
  related: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
  in_practice: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
  warning_signs: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
  opening_question: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


class CallCount:
    """Python function calls made inside the block: a measure of the work done that, unlike
    time, is the same on every machine and under any load. Past `ceiling` it stops the work."""

    def __init__(self, ceiling: int | None = None):
        self.calls, self.ceiling = 0, ceiling

    def _trace(self, frame, event, arg):
        self.calls += 1
        if self.ceiling is not None and self.calls > self.ceiling:
            raise RuntimeError(f"stopped after {self.ceiling} Python calls: is something being expanded?")

    def __enter__(self):
        self._previous = sys.gettrace()
        sys.settrace(self._trace)
        return self

    def __exit__(self, *exc):
        sys.settrace(self._previous)


# The most work a hostile file may cause, as a multiple of loading the basic kit as it is.
# (How fast the loader answers is for `make bench`, never for a test.)
WORK_LIMIT = 5


def error_for_appended(tmp_path, text: str) -> str:
    good = make_kit(tmp_path / "good")
    with CallCount() as plain:
        load_kit(good)
    barriers = (BASIC / "barriers.yml").read_text(encoding="utf-8") + "\n" + text
    kit = make_kit(tmp_path / "kit", {"barriers.yml": barriers})
    with CallCount(ceiling=100 * WORK_LIMIT * plain.calls) as hostile, pytest.raises(KitError) as caught:
        load_kit(kit)
    assert hostile.calls <= WORK_LIMIT * plain.calls, \
        f"loading took {hostile.calls} Python calls, the basic kit {plain.calls}: is something expanded?"
    return str(caught.value)


def test_anchor_bomb_is_answered_at_once(tmp_path):
    message = error_for_appended(tmp_path, BOMB)
    assert "kit/barriers.yml, line 12: record 'bomb', field 'summary': expected text, found a list" in message


def test_alias_inside_its_own_anchor(tmp_path):
    message = error_for_appended(tmp_path, "- &loop [*loop]\n")
    assert "kit/barriers.yml, line 9: item 2 should be a record" in message


def test_a_list_as_a_key(tmp_path):
    message = error_for_appended(tmp_path, "- id: odd\n  title: Odd\n  ? [a, b]\n  : c\n")
    assert "kit/barriers.yml, line 11: a key must be a single name such as 'title', found a list" in message


def test_nesting_too_deep(tmp_path):
    message = error_for_appended(tmp_path, "- id: deep\n  title: " + "[" * 3000 + "]" * 3000 + "\n")
    assert "kit/barriers.yml" in message and "nest" in message


RECORD = ("- id: corpus-case\n  title: A corpus case\n  summary: A record right in every way but one.\n"
          "  source: kit\n  report_section: none\n  user_question: Who asked you last?\n")


@pytest.mark.parametrize("body, scheme", [
    ("'See [this](javascript:alert(1)) now.'", "javascript"),
    ("|\n    See [this][x].\n\n    [x]: JavaScript:alert(1)", "javascript"),
    ("'See [this]( data:text/html;base64,PHNjcmlwdD4= )'", "data"),
    ("'See [this](<vbscript:msgbox(1)>)'", "vbscript"),
])
def test_markdown_links_that_would_run_code_are_refused(tmp_path, body, scheme):
    message = error_for_appended(tmp_path, RECORD + f"  body: {body}\n")
    assert f"record 'corpus-case', field 'body': links to a '{scheme}:' address" in message


def test_ordinary_links_are_still_fine(tmp_path):
    text = (BASIC / "barriers.yml").read_text(encoding="utf-8") + "\n" + RECORD + (
        "  body: 'See [the report](https://example.org/data:1), [mail](mailto:a@example.org) "
        "and [a page](../enablers/first-enabler.md).'\n")
    kit = load_kit(make_kit(tmp_path / "kit", {"barriers.yml": text}))
    assert kit.get("corpus-case").body.startswith("See")


def test_control_characters_are_refused(tmp_path):
    message = error_for_appended(tmp_path, RECORD.replace("title: A corpus case", 'title: "A corpus\\0 case"'))
    assert "record 'corpus-case', field 'title': contains an invisible control character (U+0000)" in message


def test_an_unreadable_file_does_not_cascade_into_missing_references(tmp_path):
    # enablers.yml refers to 'only-barrier'; with barriers.yml unreadable, saying that
    # 'only-barrier' does not exist would only bury the one real mistake.
    with pytest.raises(KitError) as caught:
        load_kit(make_kit(tmp_path / "kit", {"barriers.yml": "- id: [broken\n"}))
    assert caught.value.problems[0].file == "kit/barriers.yml"
    assert len(caught.value.problems) == 1, str(caught.value)
