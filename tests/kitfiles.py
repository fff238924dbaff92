"""Make kit folders for tests: the basic fixture, with one file changed."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASIC = FIXTURES / "kit-basic"


def make_kit(dest: Path, changes: dict[str, str | bytes | None] | None = None, base: Path = BASIC) -> Path:
    """Copy a fixture kit to `dest`, then replace (text or bytes) or delete (None) the named files."""
    shutil.copytree(base, dest, dirs_exist_ok=True)
    for name, content in (changes or {}).items():
        path = dest / name
        if content is None:
            path.unlink()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return dest


def replace_in(name: str, old: str, new: str, base: Path = BASIC) -> dict[str, str]:
    """The fixture file `name` with one piece of text replaced; fails loudly if it is not there."""
    text = (base / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    return {name: text.replace(old, new, 1)}
