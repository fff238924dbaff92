"""Files made from inputs, kept under a hash of those inputs (outside site/).

Hash everything that shapes the files; if the files for that hash exist, use them;
otherwise make them in a private work folder and move them into place in one step, so a
reader (or a second build running beside this one) never sees half a set. Older entries
are outputs of old inputs and are removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path


class Fingerprint:
    """A hash of labelled inputs. Lengths are hashed too, so no two inputs can run together."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def add(self, label: str, value: bytes | str) -> Fingerprint:
        data = value.encode() if isinstance(value, str) else value
        self._digest.update(label.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
        return self

    def add_files(self, label: str, paths: Iterable[Path]) -> Fingerprint:
        for path in paths:
            self.add(f"{label}:{Path(path).name}", Path(path).read_bytes())
        return self

    def hexdigest(self, length: int = 20) -> str:
        return self._digest.hexdigest()[:length]


def kept(root: Path, key: str, names: Iterable[str]) -> dict[str, Path] | None:
    """The files of entry `key`, when every one of them is there."""
    files = {name: Path(root) / key / name for name in names}
    return files if all(path.is_file() for path in files.values()) else None


def work_folder(root: Path, key: str) -> Path:
    """A private, empty folder to make entry `key` in."""
    work = Path(root) / f".work-{key}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return work


def keep(root: Path, key: str, names: Iterable[str], work: Path) -> dict[str, Path]:
    """Move `names` from `work` into entry `key` in one step; drop the work folder and older entries."""
    root, names = Path(root), list(names)
    entry = root / key
    try:
        staged = work / ".out"
        for name in names:
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).rename(staged / name)
        try:
            staged.rename(entry)
        except OSError:
            # Another build with the same inputs (`mkdocs serve` beside `make site`) got there first.
            if kept(root, key, names) is None:
                shutil.rmtree(entry, ignore_errors=True)
                staged.rename(entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for old in root.iterdir():
        if old.name != key and not old.name.startswith(".work-"):
            shutil.rmtree(old, ignore_errors=True)
    return {name: entry / name for name in names}
