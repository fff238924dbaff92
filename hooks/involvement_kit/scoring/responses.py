"""Read people's answers from files: the scorer's JSON and CSV exports, and a CSV grid of
paper sheets typed in (one row per person, one column per statement).

Every bad cell is reported by file, row and column, and nothing is guessed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from ..errors import KitError, Problem
from ..outputs import HistoryEntry
from .compare import Response
from .history import chain, version_key

FILE_KIND = "user-involvement-kit/scores"
FILE_FORMAT = 1
DONT_KNOW = {"?", "dk", "don't know", "dont know", "don’t know"}
MAX_NOTE = 2000
EXPORT_HEADER = "Kit version"

# Old statement id -> its id now (None: removed since).
IdMap = dict[str, str | None]
# A statement id now; None: removed since; False: never a statement of this kit.
Place = str | Literal[False] | None
# 0, 1, 2; None: don't know; '': not answered; False: not a valid answer.
Cell = int | Literal["", False] | None


def read_answers(paths: list[Path], statements: Mapping[str, str], roles: list[str], version: str,
                 history: Sequence[HistoryEntry]) -> list[Response]:
    """All responses in `paths` (.json and .csv). Raises KitError listing every bad cell."""
    problems: list[Problem] = []
    responses: list[Response] = []
    for path in paths:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Problem(path.name, "is not UTF-8 text; save it as CSV UTF-8 or JSON"))
            continue
        reader = _read_json if path.suffix.lower() == ".json" else _read_csv
        responses.extend(reader(text, path.name, statements, roles, version, history, problems))
    if problems:
        raise KitError(problems)
    return responses


def _mapping(version: object, name: str, current: str, history: Sequence[HistoryEntry],
             problems: list[Problem]) -> IdMap | None:
    if not isinstance(version, str) or version.count(".") != 2:
        problems.append(Problem(name, "does not say which version of the kit made it", field="version"))
        return None
    try:
        if version_key(version) > version_key(current):
            problems.append(Problem(name, f"was made with version {version}, newer than this kit ({current})",
                                    field="version"))
            return None
    except ValueError:
        problems.append(Problem(name, f"'{version}' is not a kit version", field="version"))
        return None
    if version == current:
        return {}
    if version not in {e["version"] for e in history}:
        problems.append(Problem(name, f"was made with version {version}, which this kit ({current}) "
                                "cannot map", field="version"))
        return None
    return chain(history, version)


def _read_json(text: str, name: str, statements: Mapping[str, str], roles: Sequence[str], version: str,
               history: Sequence[HistoryEntry], problems: list[Problem]) -> list[Response]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(name, f"is not valid JSON ({exc.msg})", line=exc.lineno))
        return []
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND or data.get("format") != FILE_FORMAT:
        problems.append(Problem(name, "is not a file of answers exported from the kit's scorer"))
        return []
    mapping = _mapping(data.get("version"), name, version, history, problems)
    if mapping is None:
        return []
    role = data.get("role")
    if role is not None and role not in roles:
        problems.append(Problem(name, f"'{role}' is not one of the roles: {', '.join(roles)}", field="role"))
    answers = {}
    raw_answers, raw_notes = data.get("answers"), data.get("notes") or {}
    if not isinstance(raw_answers, dict) or not isinstance(raw_notes, dict):
        problems.append(Problem(name, "has no answers in the expected form", field="answers"))
        return []
    for key, value in raw_answers.items():
        target = _place(key, mapping, statements)
        if target is False:
            problems.append(Problem(name, f"answers '{key}', which is not a statement of this kit",
                                    field=f"answers.{key}"))
        elif value is not None and (isinstance(value, bool) or value not in (0, 1, 2)):
            problems.append(Problem(name, f"{value!r} is not 0, 1, 2 or null (don't know)", field=f"answers.{key}"))
        elif target:
            answers[target] = value
    notes = _notes(raw_notes, mapping, statements, name, problems)
    return [Response(role, answers, notes, origin=name)]


def _notes(raw_notes: dict[str, object], mapping: IdMap, statements: Mapping[str, str], name: str,
           problems: list[Problem]) -> dict[str, str]:
    notes = {}
    for key, note in raw_notes.items():
        target = _place(key, mapping, statements)
        if not isinstance(note, str) or len(note) > MAX_NOTE:
            problems.append(Problem(name, f"is not text of at most {MAX_NOTE} characters", field=f"notes.{key}"))
        elif target and note.strip():
            notes[target] = note
    return notes


def _place(key: str, mapping: IdMap, statements: Mapping[str, str]) -> Place:
    """Statement id for `key` now: None if removed since, False if never known."""
    if key in mapping:
        return mapping[key]
    return key if key in statements else False


def _read_csv(text: str, name: str, statements: Mapping[str, str], roles: Sequence[str], version: str,
              history: Sequence[HistoryEntry], problems: list[Problem]) -> list[Response]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not rows[0]:
        problems.append(Problem(name, "is empty"))
        return []
    if rows[0][0].strip() == EXPORT_HEADER:
        return _read_export_csv(rows, name, statements, roles, version, history, problems)
    columns = _grid_columns(rows[0], name, statements, problems)
    if columns is None:
        return []
    responses = []
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        role = row[0].strip() if row else ""
        if role and role not in roles:
            problems.append(Problem(name, f"'{role}' is not one of the roles: {', '.join(roles)}",
                                    field=f"row {row_number}, column A"))
        answers = {}
        for number, cell in enumerate(row[1:], start=2):
            if number - 2 >= len(columns):
                if cell.strip():
                    problems.append(Problem(name, "has a value in a column with no statement id",
                                            field=f"row {row_number}, column {_column(number)}"))
                continue
            value = _cell(cell)
            if value is False:
                problems.append(Problem(name, f"'{cell.strip()[:20]}' is not 0, 1, 2, ? (don't know) or blank",
                                        field=f"row {row_number}, column {_column(number)} ({columns[number - 2]})"))
            elif value != "":
                answers[columns[number - 2]] = value
        responses.append(Response(role or None, answers, origin=f"{name}, row {row_number}"))
    return responses


def _grid_columns(first_row: list[str], name: str, statements: Mapping[str, str],
                  problems: list[Problem]) -> list[str] | None:
    """The statement id of each column after 'role'; None when the grid has no 'role' column first."""
    header = [cell.strip() for cell in first_row]
    if header[0].lower() != "role":
        problems.append(Problem(name, "the first column should be 'role', then one column per statement id",
                                field="row 1, column A"))
        return None
    columns = []
    for number, cell in enumerate(header[1:], start=2):
        if cell not in statements:
            problems.append(Problem(name, f"'{cell}' is not a statement id of this kit",
                                    field=f"row 1, column {_column(number)}"))
        columns.append(cell)
    return columns


def _read_export_csv(rows: list[list[str]], name: str, statements: Mapping[str, str], roles: Sequence[str],
                     version: str, history: Sequence[HistoryEntry], problems: list[Problem]) -> list[Response]:
    header = rows[0]
    try:
        at = {key: header.index(key) for key in ("Kit version", "Role", "Statement id", "Answer", "Note")}
    except ValueError as exc:
        problems.append(Problem(name, f"looks like a scorer export but is missing a column ({exc})"))
        return []
    answers, notes, role, mapping = {}, {}, None, None
    for row_number, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip() or row[0] == "Area":
            break  # the area totals that follow are derived, not answers
        if mapping is None:
            mapping = _mapping(row[at["Kit version"]], name, version, history, problems)
            if mapping is None:
                return []
            role = row[at["Role"]].strip() or None
            if role and role not in roles:
                problems.append(Problem(name, f"'{role}' is not one of the roles",
                                        field=f"row {row_number}, column {_column(at['Role'] + 1)}"))
        key = row[at["Statement id"]].strip()
        target = _place(key, mapping, statements)
        if target is False:
            problems.append(Problem(name, f"'{key}' is not a statement of this kit",
                                    field=f"row {row_number}, column {_column(at['Statement id'] + 1)}"))
            continue
        value = _cell(row[at["Answer"]])
        if value is False:
            problems.append(Problem(name, f"'{row[at['Answer']][:20]}' is not 0, 1, 2 or Don't know",
                                    field=f"row {row_number}, column {_column(at['Answer'] + 1)}"))
        elif value != "" and target:
            answers[target] = value
        note = row[at["Note"]].removeprefix("'") if len(row) > at["Note"] else ""
        if note.strip() and target:
            notes[target] = note
    return [Response(role, answers, notes, origin=name)]


def _cell(cell: str) -> Cell:
    """0, 1, 2, None (don't know), '' (not answered) or False (not a valid answer)."""
    text = cell.strip().lower()
    if text == "":
        return ""
    if text in DONT_KNOW:
        return None
    return int(text) if text in ("0", "1", "2") else False


def _column(number: int) -> str:
    """Spreadsheet column letter for a 1-based column number."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
