"""Read people's answers from files: the scorer's JSON and CSV exports, and a CSV grid of
paper sheets typed in (one row per person, one column per statement).

Every bad cell is reported by file, row and column, and nothing is guessed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from ..errors import KitError, Problem
from ..outputs import HistoryEntry
from ..vocabulary import MAX_DATE_CHARS, MAX_DEPTH, MAX_FILE_CHARS, MAX_NOTE_CHARS, SETS
from .answer_code import RESPONSE_ID, code_id
from .compare import Response
from .history import chain, version_key

FILE_KIND = "user-involvement-kit/scores"
FILE_FORMAT = 1
DONT_KNOW = {"?", "dk", "don't know", "dont know", "don’t know"}
MAX_NOTE = MAX_NOTE_CHARS
EXPORT_HEADER = "Kit version"
# The same pattern as scoring-core.js: an ISO 8601 time as browsers write it (the response id's
# is RESPONSE_ID in answer_code.py).
DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?", re.ASCII)
# The scorer's CSV puts an apostrophe before a note a spreadsheet would run as a formula
# (scoring-core.js csvCell), and before a note that already starts with apostrophes and
# then such a character; only an apostrophe followed by that is taken off again.
FORMULA_GUARD = re.compile(r"'+[=+\-@\t\r]")

# Old statement id -> its id now (None: removed since).
IdMap = dict[str, str | None]
# A statement id now; None: removed since; False: never a statement of this kit.
Place = str | Literal[False] | None
# 0, 1, 2; None: don't know; '': not answered; False: not a valid answer.
Cell = int | Literal["", False] | None


def read_answers(paths: list[Path], statements: Mapping[str, str], roles: list[str], version: str,
                 history: Sequence[HistoryEntry], quick: Collection[str] | None = None,
                 also: Sequence[Response] = ()) -> list[Response]:
    """All responses in `paths` (.json and .csv). Raises KitError listing every bad cell.

    With `quick` (the quick check's statement ids), a file made on the quick check counts
    only its quick-check answers and notes: exactly what the person saw. The same answers
    loaded twice (the same response id, or the same content for a file from before ids)
    are refused, naming both files; so is a file from someone already in `also` (answer codes).
    """
    problems: list[Problem] = []
    responses: list[Response] = []
    for path in paths:
        raw = path.read_bytes()
        if len(raw) > MAX_FILE_CHARS * 4:
            problems.append(Problem(path.name, "is too large to be a file of answers from the kit"))
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Problem(path.name, "is not UTF-8 text; save it as CSV UTF-8 or JSON"))
            continue
        reader = _read_json if path.suffix.lower() == ".json" else _read_csv
        read = reader(text, path.name, statements, roles, version, history, problems)
        responses.extend(_in_set(r, quick) for r in read)
    problems += once([*also, *responses])
    if problems:
        raise KitError(problems)
    return responses


def once(responses: Sequence[Response]) -> list[Problem]:
    """A problem for each response whose identity came earlier (the same response id, in a
    file or an answer code, or the same content for a file from before ids), naming both."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for response in responses:
        if not response.identity:
            continue
        if response.identity in seen:
            problems.append(Problem(response.origin, f"holds the same answers as {seen[response.identity]}, and "
                                    "each person counts once; leave one of them out"))
        else:
            seen[response.identity] = response.origin
    return problems


def _in_set(response: Response, quick: Collection[str] | None) -> Response:
    if quick is None or response.set != "quick":
        return response
    return Response(response.role, {k: v for k, v in response.answers.items() if k in quick},
                    {k: v for k, v in response.notes.items() if k in quick}, response.origin, response.identity,
                    response.set)


def nesting_depth(text: str) -> int:
    """How deeply JSON text nests arrays and objects, read without parsing it (so text
    nested thousands deep is refused before the parser would run out of stack)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _identity(file_id: str | None, date: object, role: object, set_name: str, answers: Mapping[str, object],
              notes: Mapping[str, str]) -> str:
    """As scoring-core.js identity(): the response id (as far as an answer code holds it, so a
    file and a code from the same answers meet), or everything in a file from before ids."""
    if file_id:
        return "id:" + code_id(file_id)
    return "content:" + json.dumps([date, role, set_name, sorted(answers.items()), sorted(notes.items())],
                                   ensure_ascii=False, separators=(",", ":"))


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


def _parse(text: str, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    """The file as an object of the scorer's kind, or None (and a problem) if it is not one."""
    if len(text) > MAX_FILE_CHARS:
        problems.append(Problem(name, "is too large to be a file of answers from the kit"))
        return None
    if nesting_depth(text) > MAX_DEPTH:
        problems.append(Problem(name, "is nested more deeply than a file of answers from the kit ever is"))
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(name, f"is not valid JSON ({exc.msg})", line=exc.lineno))
        return None
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND or data.get("format") != FILE_FORMAT:
        problems.append(Problem(name, "is not a file of answers exported from the kit's scorer"))
        return None
    return data


def _about(set_name: object, date: object, file_id: object, name: str, problems: list[Problem],
           where: Mapping[str, str | None]) -> tuple[bool, str | None]:
    """Check the set, date and response id the way the browser does: whether the set is
    one of the kit's, and the id if it is one the scorer makes."""
    if date not in (None, "") and not (isinstance(date, str) and len(date) <= MAX_DATE_CHARS
                                       and DATE.fullmatch(date)):
        problems.append(Problem(name, "is not a date", field=where["date"]))
    good_id = None
    if file_id not in (None, ""):
        if isinstance(file_id, str) and RESPONSE_ID.fullmatch(file_id):
            good_id = file_id
        else:
            problems.append(Problem(name, "is not a response id the kit's scorer makes", field=where["id"]))
    if set_name not in SETS:
        problems.append(Problem(name, f"should say {' or '.join(repr(s) for s in SETS)} for the set of statements",
                                field=where["set"]))
        return False, good_id
    return True, good_id


def _read_json(text: str, name: str, statements: Mapping[str, str], roles: Sequence[str], version: str,
               history: Sequence[HistoryEntry], problems: list[Problem]) -> list[Response]:
    data = _parse(text, name, problems)
    if data is None:
        return []
    mapping = _mapping(data.get("version"), name, version, history, problems)
    if mapping is None:
        return []
    role = data.get("role")
    if role is not None and role not in roles:
        problems.append(Problem(name, f"'{str(role)[:60]}' is not one of the roles: {', '.join(roles)}", field="role"))
    set_name, date = data.get("set", "quick"), data.get("date")
    known_set, file_id = _about(set_name, date, data.get("id"), name, problems,
                                {"date": "date", "id": "id", "set": "set"})
    if not known_set:
        return []
    answers = {}
    raw_answers, raw_notes = data.get("answers"), data.get("notes") or {}
    if not isinstance(raw_answers, dict):
        problems.append(Problem(name, "has no answers in the expected form", field="answers"))
        return []
    if not isinstance(raw_notes, dict):
        problems.append(Problem(name, "the notes are not in the expected form", field="notes"))
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
    identity = _identity(file_id, date, role, set_name, answers, notes)
    return [Response(role, answers, notes, origin=name, identity=identity, set=set_name)]


def _notes(raw_notes: dict[str, object], mapping: IdMap, statements: Mapping[str, str], name: str,
           problems: list[Problem]) -> dict[str, str]:
    notes = {}
    for key, note in raw_notes.items():
        target = _place(key, mapping, statements)
        if target is False:
            problems.append(Problem(name, f"has a note on '{key[:60]}', which is not a statement of this kit",
                                    field=f"notes.{key[:60]}"))
        elif not isinstance(note, str) or len(note) > MAX_NOTE:
            problems.append(Problem(name, f"is not text of at most {MAX_NOTE} characters", field=f"notes.{key}"))
        elif target and note:
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
    optional: dict[str, int] = {key: header.index(key) for key in ("Date", "Set", "Response id") if key in header}
    answers, notes, role, mapping = {}, {}, None, None
    date: str | None = None
    set_name, file_id = "quick", None
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
            date, set_name, raw_id = (_optional(row, optional, key) for key in ("Date", "Set", "Response id"))
            set_name = set_name or "quick"
            cells = {short: f"row {row_number}, column {_column(optional.get(key, 0) + 1)}"
                     for short, key in (("date", "Date"), ("set", "Set"), ("id", "Response id"))}
            known_set, file_id = _about(set_name, date, raw_id, name, problems, cells)
            if not known_set:
                return []
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
        note = _csv_note(row, at["Note"], f"row {row_number}, column {_column(at['Note'] + 1)}", name, problems)
        if note and target:
            notes[target] = note
    identity = _identity(file_id, date or None, role, set_name, answers, notes)
    return [Response(role, answers, notes, origin=name, identity=identity, set=set_name)]


def _csv_note(row: list[str], column: int, where: str, name: str, problems: list[Problem]) -> str:
    """A note from the scorer's CSV, with only our own formula guard taken off."""
    note = row[column] if len(row) > column else ""
    if FORMULA_GUARD.match(note):
        note = note[1:]
    if len(note) > MAX_NOTE:
        problems.append(Problem(name, f"is not text of at most {MAX_NOTE} characters", field=where))
        return ""
    return note


def _optional(row: list[str], at: Mapping[str, int], key: str) -> str:
    return row[at[key]].strip() if key in at and len(row) > at[key] else ""


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
