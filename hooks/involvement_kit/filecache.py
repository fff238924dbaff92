"""Files made from inputs, kept under a hash of those inputs (outside site/).

Every PDF renderer works the same way: hash everything that shapes the files; if the
files for that hash exist, use them; otherwise make them in a private work folder and
move them into place in one step, so a reader (or a second build running beside this
one) never sees half a set. Older entries are outputs of old inputs and are removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path
from typing import Callable, Iterable


class Fingerprint:
    """A hash of labelled inputs. Lengths are hashed too, so no two inputs can run together."""

    def __init__(self):
        self._digest = hashlib.sha256()

    def add(self, label: str, value: bytes | str) -> "Fingerprint":
        value = value.encode() if isinstance(value, str) else value
        self._digest.update(label.encode() + b"\0" + len(value).to_bytes(8, "big") + value)
        return self

    def add_files(self, label: str, paths: Iterable[Path]) -> "Fingerprint":
        for path in paths:
            self.add(f"{label}:{Path(path).name}", Path(path).read_bytes())
        return self

    def hexdigest(self, length: int = 20) -> str:
        return self._digest.hexdigest()[:length]


def cached_files(root: Path, key: str, names: list[str], make: Callable[[Path], None]) -> dict[str, Path]:
    """The files `names` (paths relative to the entry) for `key`, made by `make(work)` if missing.

    `make` writes every name into the work folder it is given; anything else it writes there
    is thrown away.
    """
    root = Path(root)
    entry = root / key
    files = {name: entry / name for name in names}
    if all(path.is_file() for path in files.values()):
        return files
    work = root / f".work-{key}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        make(work)
        staged = work / ".out"
        for name in names:
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).rename(staged / name)
        try:
            staged.rename(entry)
        except OSError:
            # Another build with the same inputs (`mkdocs serve` beside `make site`) got there first.
            if not all(path.is_file() for path in files.values()):
                shutil.rmtree(entry, ignore_errors=True)
                staged.rename(entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for old in root.iterdir():
        if old.name != key and not old.name.startswith(".work-"):
            shutil.rmtree(old, ignore_errors=True)
    return files
