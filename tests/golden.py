"""Golden files: the expected output of a renderer, committed so a reviewer sees changes in a diff.

Run with UPDATE_GOLDEN=1 to rewrite them after an intended change: each test whose golden
file changed then fails with "rewritten, review the diff", so nothing passes unseen. Read
`git diff tests/golden`, then run again without UPDATE_GOLDEN. With CI=true, UPDATE_GOLDEN=1
is refused: golden files are never rewritten in CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def _read(path: Path, like: str | bytes) -> str | bytes:
    return path.read_bytes() if isinstance(like, bytes) else path.read_text(encoding="utf-8")


def check_golden(relative: str, actual: str | bytes) -> None:
    path = GOLDEN / relative
    if os.environ.get("UPDATE_GOLDEN") == "1":
        if os.environ.get("CI") == "true":
            pytest.fail("UPDATE_GOLDEN=1 with CI=true: golden files are rewritten only on a developer's machine, "
                        "where the diff is read before it is committed", pytrace=False)
        if path.exists() and _read(path, actual) == actual:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual if isinstance(actual, bytes) else actual.encode("utf-8"))
        pytest.fail(f"{relative}: golden file rewritten, review the diff (git diff tests/golden), "
                    "then run again without UPDATE_GOLDEN", pytrace=False)
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 to create it"
    expected = _read(path, actual)
    assert actual == expected, f"{relative} differs from its golden file; if intended, run with UPDATE_GOLDEN=1"
