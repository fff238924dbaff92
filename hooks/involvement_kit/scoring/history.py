"""What changed in the scoring statements between kit versions, so older exports still load.

`kit/statement-history.yml` lists every earlier released version of the kit, oldest first.
Each entry says what happened to the statements in the release that followed it:

    - version: 0.1.0
      renamed: {old-id: new-id}   # answers to old-id now count for new-id
      removed: [gone-id]          # answers to gone-id are dropped (and listed to the person)

The scorer reads the same list (scoring-core.js `migrate`): a file from a version in the
list is brought up to date by applying that entry and every later one in turn; a file
from a version that is neither the current one nor in the list is refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..content.model import Kit
from ..content.schema import ID_PATTERN
from ..content.yamlsource import Source, read_source
from ..errors import KitError, Problem
from ..outputs import HistoryEntry

FILE = "statement-history.yml"
VERSION_PATTERN = re.compile(r"^\d+\.\d+\.\d+$")
_KEYS = {"version", "renamed", "removed"}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_history(kit_dir: Path, kit: Kit, *, label: str = "kit") -> list[HistoryEntry]:
    """The checked history as plain data: [{"version", "renamed", "removed"}], oldest first.

    A missing file is an empty history. Raises KitError naming the entry and field.
    """
    path = Path(kit_dir) / FILE
    if not path.exists():
        return []
    name = f"{label}/{FILE}"
    source = read_source(path, name)
    data = source.data
    if data is None:
        return []
    if not isinstance(data, list):
        raise KitError([Problem(name, "expected a list of earlier versions (each starting with '- version:')",
                                line=source.line())])
    problems: list[Problem] = []
    entries: list[HistoryEntry] = []
    for index, item in enumerate(data):
        entry = _entry(item, index, name, source, problems, kit.version)
        if entry is not None:
            entries.append(entry)
    versions = [e["version"] for e in entries]
    if versions != sorted(versions, key=version_key) or len(set(versions)) != len(versions):
        problems.append(Problem(name, "list each version once, oldest first", field="version"))
    if not problems:
        current = {s.id for s in kit.statements}
        for entry in entries:
            for old, new in chain(entries, entry["version"]).items():
                if new is not None and new not in current:
                    problems.append(Problem(name, f"an answer to '{old}' from version {entry['version']} would "
                                            f"end up on '{new}', which is not a statement now",
                                            record=entry["version"], field="renamed"))
    if problems:
        raise KitError(problems)
    return entries


def _entry(item: object, index: int, name: str, source: Source, problems: list[Problem],
           current_version: str) -> HistoryEntry | None:
    def problem(message: str, field: str | None = None, *path: str | int) -> None:
        problems.append(Problem(name, message, record=str(item.get("version", f"item {index + 1}"))
                                if isinstance(item, dict) else f"item {index + 1}", field=field,
                                line=source.line(index, *((field,) if field else ()), *path)))

    if not isinstance(item, dict):
        problem("expected 'version', 'renamed' and 'removed'")
        return None
    before = len(problems)
    for key in item:
        if key not in _KEYS:
            problem(f"unknown field; expected one of: {', '.join(sorted(_KEYS))}", str(key))
    version = item.get("version")
    if not isinstance(version, str) or not VERSION_PATTERN.match(version):
        problem("expected a version such as '0.1.0' (in quotes)", "version")
    elif version_key(version) >= version_key(current_version):
        problem(f"version {version} is not older than the kit's version {current_version}", "version")
    renamed = item.get("renamed") or {}
    removed = item.get("removed") or []
    if not isinstance(renamed, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and ID_PATTERN.match(k) and ID_PATTERN.match(v)
            for k, v in renamed.items()):
        problem("expected old ids mapped to new ids, such as {old-id: new-id}", "renamed")
    if not isinstance(removed, list) or not all(isinstance(i, str) and ID_PATTERN.match(i) for i in removed):
        problem("expected a list of statement ids, such as [old-id]", "removed")
    if len(problems) > before:
        return None
    # Checked above: a version string, ids mapped to ids, a list of ids.
    assert isinstance(version, str) and isinstance(renamed, dict) and isinstance(removed, list)
    return {"version": version, "renamed": dict(renamed), "removed": list(removed)}


def chain(entries: Sequence[HistoryEntry], from_version: str) -> dict[str, str | None]:
    """Where each id named from `from_version` on ends up now (None: removed)."""
    result: dict[str, str | None] = {}
    for entry in entries:
        if version_key(entry["version"]) < version_key(from_version):
            continue
        for old, target in list(result.items()):
            if target in entry["renamed"]:
                result[old] = entry["renamed"][target]
            elif target in entry["removed"]:
                result[old] = None
        for old, new in entry["renamed"].items():
            result.setdefault(old, new)
        for old in entry["removed"]:
            result.setdefault(old, None)
    return result

