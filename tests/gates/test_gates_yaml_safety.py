"""The YAML reader survives hostile input: it answers quickly with a KitError, never hangs or crashes.

Found by the bad-input corpus (tests/bad_inputs): before the fix in yamlsource._walk an
anchor bomb hung the build, and an alias inside its own anchor or a list used as a key
ended in a Python traceback.
"""

from __future__ import annotations

import time

import pytest

from involvement_kit.errors import KitError
from involvement_kit.loader import load_kit
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


def error_for_appended(tmp_path, text: str) -> str:
    barriers = (BASIC / "barriers.yml").read_text(encoding="utf-8") + "\n" + text
    started = time.monotonic()
    with pytest.raises(KitError) as caught:
        load_kit(make_kit(tmp_path / "kit", {"barriers.yml": barriers}))
    assert time.monotonic() - started < 2, "the loader took too long"
    return str(caught.value)


def test_anchor_bomb_is_answered_at_once(tmp_path):
    message = error_for_appended(tmp_path, BOMB)
    assert "kit/barriers.yml, line 11: record 'bomb', field 'summary': expected text, found a list" in message


def test_alias_inside_its_own_anchor(tmp_path):
    message = error_for_appended(tmp_path, "- &loop [*loop]\n")
    assert "kit/barriers.yml, line 8: item 2 should be a record" in message


def test_a_list_as_a_key(tmp_path):
    message = error_for_appended(tmp_path, "- id: odd\n  title: Odd\n  ? [a, b]\n  : c\n")
    assert "kit/barriers.yml, line 10: a key must be a single name such as 'title', found a list" in message


def test_nesting_too_deep(tmp_path):
    message = error_for_appended(tmp_path, "- id: deep\n  title: " + "[" * 3000 + "]" * 3000 + "\n")
    assert "kit/barriers.yml" in message and "nest" in message
