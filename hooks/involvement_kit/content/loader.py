"""Load `kit/` and check it against the schema, collecting every problem before giving up."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from ..errors import KitError, Problem
from ..vocabulary import EASY_READ_SYMBOLS, QUICK_CHECK_SIZE, SCALE
from .easy_read_pages import load_pages
from .easy_read_rules import (
    WE,
    Jargon,
    PictureUse,
    check_records,
    is_theme_icon,
    load_jargon,
    overused_pictures,
    picture_problem,
)
from .model import (
    Activity,
    Attendance,
    EasyQuestion,
    EasyReadPoint,
    Entry,
    Kit,
    Record,
    Review,
    SessionPlan,
    Statement,
    Step,
)
from .plan_checks import check_plans
from .schema import (
    EASY_READ_POINT_FIELDS,
    HTML_TAG,
    ID_PATTERN,
    KINDS,
    PICTURE_PATTERN,
    REVIEW_FIELDS,
    STATEMENT,
    Field,
    Kind,
)
from .yamlsource import Source, read_source

PictureCheck = Callable[[str], bool]
# Everything one kit folder holds.
Loaded = Entry | Statement
LineOf = Callable[..., int | None]
MODELS: dict[str, type[Loaded]] = {"statement": Statement, "activity": Activity, "session": SessionPlan}
ITEM_MODELS: dict[str, type[Step] | type[EasyQuestion] | type[Attendance]] = {
    "steps": Step, "easy_questions": EasyQuestion, "attendance": Attendance}
# A field's values, checked against the schema one by one; each model takes them by name.
Values = dict[str, Any]


class Report(Protocol):
    """Adds a problem with one field; `path` leads from the field to the item or key at fault."""

    def __call__(self, field_name: str, message: str, *path: str | int) -> None: ...

# Kinds a kit can do without (a kit without scoring still has pages and cards).
OPTIONAL_FILES = {"statement", "activity", "session"}


# noqa: C901 below: the stages (read, references, easy read, switch off, scoring) run in a fixed order, each on
# the last one's results; split up, they would pass half a dozen lists between them.
def load_kit(kit_dir: Path, *, version: str = "0.0.0",  # noqa: C901
             picture_exists: PictureCheck | None = None,
             label: str | None = None, own_dir: Path | None = None, own_label: str | None = None,
             switched_off: tuple[str, ...] = ()) -> Kit:
    """Read every kind's file in `kit_dir`, then an organisation's own records in `own_dir`.

    Records named in `switched_off` are left out after checking (see `_switch_off`).
    Raises KitError naming file, record, field and line.
    """
    kit_dir = Path(kit_dir)
    folders = [(kit_dir, label if label is not None else kit_dir.name, False)]
    if own_dir is not None:
        folders.append((Path(own_dir), own_label or Path(own_dir).name, True))
    problems: list[Problem] = []
    records: list[Loaded] = []
    where: dict[int, tuple[Source, int]] = {}
    # Ids of records that failed validation still count as existing, so one mistake
    # does not cascade into "does not exist" messages elsewhere.
    broken_ids: set[str] = set()
    # Likewise a file that cannot be read at all: its ids are unknown, so no reference is
    # reported as missing until it reads again (else one typo there gives dozens of messages).
    complete = True
    for folder, folder_label, own in folders:
        if own and not folder.is_dir():
            problems.append(Problem(folder_label, "the folder for your own records does not exist",
                                    field="extra.kit.own_records"))
            continue
        if own and (unknown := _unknown_files(folder, folder_label)):
            # Its records are unread, so references to them are not reported as missing.
            problems.extend(unknown)
            complete = False
        for kind in KINDS:
            path = folder / kind.file
            name = f"{folder_label}/{kind.file}"
            if not path.exists():
                if own or kind.name in OPTIONAL_FILES:
                    continue
                problems.append(Problem(name, f"is missing; expected a list of {kind.plural.lower()}"))
                complete = False
                continue
            try:
                source = read_source(path, name)
            except KitError as exc:
                problems.extend(exc.problems)
                complete = False
                continue
            for index, record in _records(kind, source, problems, picture_exists, broken_ids):
                if own and record.source != "organisation":
                    problems.append(Problem(name, f"records of your own must say 'source: organisation', "
                                            f"found '{record.source}'", record=record.id, field="source",
                                            line=source.line(index, "source")))
                records.append(record)
                where[id(record)] = (source, index)

    def line_of(record: Loaded, *path: str | int) -> int | None:
        source, index = where[id(record)]
        return source.line(index, *path)

    # Where each point's picture is used, before switching off (the 4% rule counts the kit as written).
    page_uses: list[PictureUse] = []
    uses = [PictureUse(p.picture, r.file, r.id, f"easy_read[{i + 1}].picture", line_of(r, "easy_read", i, "picture"))
            for r in records if isinstance(r, Record | Activity) for i, p in enumerate(r.easy_read)]
    problems.extend(_check_references(records, line_of, broken_ids, complete))
    if not problems:
        try:
            jargon = load_jargon(kit_dir, folders[0][1])
        except KitError as exc:
            problems.extend(exc.problems)
            jargon = Jargon()
        problems.extend(check_records(records, line_of, jargon))
    if not problems:
        problems.extend(check_plans(records, line_of))
    # The kit's quick check is sized before anything is switched off or added.
    base_statements = f"{folders[0][1]}/{STATEMENT.file}"
    quick = [r for r in records if isinstance(r, Statement) and r.quick and r.file == base_statements]
    removed: list[Loaded] = []
    if not problems:
        records, removed = _switch_off(records, switched_off, problems)
    statements = tuple(r for r in records if isinstance(r, Statement))
    if statements and not problems:
        problems.extend(_check_scoring(records, statements, base_statements, len(quick), line_of))
    easy_read_pages, more = load_pages(kit_dir, folders[0][1], records, picture_exists,
                                       load_jargon(kit_dir, folders[0][1]) if not problems else None, page_uses)
    problems.extend(more)
    if not problems:
        # The fixed pages first, so the message names the record whose point tipped a picture over.
        problems.extend(overused_pictures(page_uses + uses))
    if problems:
        raise KitError(problems)
    return Kit(tuple(r for r in records if not isinstance(r, Statement)), statements, version=version,
               switched_off=tuple(r for r in removed if isinstance(r, Record)), easy_read_pages=easy_read_pages)


def _unknown_files(folder: Path, folder_label: str) -> list[Problem]:
    """A records file the kit would not read (`barrier.yml` for `barriers.yml`) is a mistake, not a silence."""
    allowed = [kind.file for kind in KINDS]
    problems = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".yml", ".yaml") and path.name not in allowed:
            hint = _closest(path.name, allowed)
            problems.append(Problem(
                f"{folder_label}/{path.name}",
                "is not a file the kit reads" + (f"; did you mean {hint}?" if hint else "")
                + f" The files for your own records are: {', '.join(allowed)}"))
    return problems


def _switch_off(records: list[Loaded], switched_off: tuple[str, ...],
                problems: list[Problem]) -> tuple[list[Loaded], list[Loaded]]:
    """Leave out switched-off records without leaving a dead link anywhere.

    The rule: a switched-off record has no card, no sheet row, no place in the navigation
    or overviews; other records' `related` lists drop it; its scoring statements are
    switched off with it. Its address keeps a short page saying so, because hand-written
    pages and cards printed earlier may still point to it.
    """
    ids = {r.id for r in records}
    for record_id in switched_off:
        if record_id not in ids:
            hint = _closest(record_id, ids)
            problems.append(Problem("mkdocs.yml", f"'{record_id}' is not a record"
                                    + (f"; did you mean '{hint}'?" if hint else ""), field="extra.kit.switched_off"))
    off = set(switched_off)
    kept, removed = [], []
    for record in records:
        if record.id in off or (isinstance(record, Statement) and record.area in off):
            removed.append(record)
            continue
        if isinstance(record, Record | Activity) and off.intersection(record.related):
            record = replace(record, related=tuple(r for r in record.related if r not in off))
        if isinstance(record, SessionPlan):
            record = replace(record, steps=tuple(replace(step, cards=tuple(c for c in step.cards if c not in off))
                                                 for step in record.steps))
        kept.append(record)
    return kept, removed


def _records(kind: Kind, source: Source, problems: list[Problem], picture_exists: PictureCheck | None,
             broken_ids: set[str]) -> list[tuple[int, Loaded]]:
    if not isinstance(source.data, list):
        problems.append(Problem(source.name, f"expected a list of {kind.plural.lower()} "
                                f"(each starting with '- id:'), found {_type_name(source.data)}",
                                line=source.line()))
        return []
    records = []
    for index, item in enumerate(source.data):
        record = _record(kind, source, index, item, problems, picture_exists)
        if record is not None:
            records.append((index, record))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            broken_ids.add(item["id"])
    return records


def _record(kind: Kind, source: Source, index: int, item: object, problems: list[Problem],
            picture_exists: PictureCheck | None) -> Loaded | None:
    if not isinstance(item, dict):
        problems.append(Problem(source.name, f"item {index + 1} should be a record (a set of 'field: value' "
                                f"lines), found {_type_name(item)}", line=source.line(index)))
        return None
    raw_id = item.get("id")
    record_name = raw_id if isinstance(raw_id, str) and raw_id else f"item {index + 1}"
    before = len(problems)

    def problem(field_name: str, message: str, *path: str | int) -> None:
        # 'steps[2].minutes' is reported by that name, and found in the file at steps, 1, minutes.
        root = field_name.split("[")[0].split(".")[0]
        problems.append(Problem(source.name, message, record=record_name, field=field_name,
                                line=source.line(index, root, *path)))

    known = {f.name for f in kind.fields}
    misspelt = set()  # a misspelt key already explains the missing field it was meant to be
    for key in item:
        if key not in known:
            hint = _closest(str(key), known)
            misspelt.add(hint)
            problem(str(key), "unknown field" + (f"; did you mean '{hint}'?" if hint else "")
                    + f" Expected one of: {', '.join(sorted(known))}")
    values: Values = {}
    for spec in kind.fields:
        if spec.name not in item or item[spec.name] is None:
            if spec.required and spec.name not in misspelt:
                problem(spec.name, f"is required ({spec.help.split('.')[0].lower()})")
            continue
        values[spec.name] = _value(spec, item[spec.name], problem, picture_exists)
    if kind.name == "statement" and "easy_read" in values:
        _older_easy_read(values, problem)
    if kind.name == "activity":
        _output_picture(values, problem)
    if isinstance(values.get("user_question"), str):
        _check_user_question(values["user_question"], problem)
    if len(problems) > before:
        return None
    return MODELS.get(kind.name, Record)(kind=kind, file=source.name, **values)


def _output_picture(values: Values, problem: Report) -> None:
    """A drawing of an activity's finished output is an image file, and says what it shows."""
    picture, alt = values.get("output_picture"), values.get("output_alt")
    if picture and is_theme_icon(str(picture)):
        problem("output_picture", f"'{picture}' is a theme icon; expected a drawing, an image file in docs/ "
                "such as 'images/outputs/sort-the-examples.svg'")
    if picture and not alt:
        problem("output_picture", "has no 'output_alt'; add one saying what the drawing shows")
    if alt and not picture:
        problem("output_alt", "describes no drawing; add 'output_picture', or remove this")


def _check_user_question(text: str, problem: Report) -> None:
    """The twin of the organisation's questions: asked of people who use services, so 'we' or 'our' would
    speak for the organisation to them, and a statement would not invite their answer."""
    if found := WE.search(text):
        problem("user_question", f"says '{found.group(0)}', which speaks for the organisation; write to people "
                "who use services as 'you' and name the organisation ('here', 'this organisation')")
    if text.strip() and not text.rstrip().endswith("?"):
        problem("user_question", "should be a question to people who use services, ending with '?'")


def _older_easy_read(values: Values, problem: Report) -> None:
    """A statement from before easy_questions (an organisation's own, kept through an update) still
    reaches the easy-read scorer: its one easy sentence becomes one question on the scale's easy words."""
    text = values.pop("easy_read")
    if "easy_questions" in values:
        problem("easy_read", "give easy_questions or easy_read, not both (easy_read is the older, shorter form)")
        return
    if text:
        picture, alt = EASY_READ_SYMBOLS["talking"]
        values["easy_questions"] = (EasyQuestion(text, SCALE[0].easy, SCALE[1].easy, SCALE[2].easy, picture, alt),)


def _value(spec: Field, value: object, problem: Report,  # noqa: C901 - one branch per field kind
           picture_exists: PictureCheck | None) -> object:
    name = spec.name
    if spec.kind in ("id", "text", "markdown", "choice"):
        if not isinstance(value, str):
            problem(name, f"expected text, found {_type_name(value)}")
            return None
        _check_text(spec, value, problem)
        if spec.kind == "id" and not ID_PATTERN.match(value):
            problem(name, f"'{value}' is not a valid id; expected lower-case letters and digits joined by hyphens")
        if spec.kind == "choice" and value not in spec.choices:
            problem(name, f"'{value}' is not allowed; expected one of: {', '.join(spec.choices)}")
        return value.strip()
    if spec.kind == "ref":
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            problem(name, f"expected the id of a record, found {_type_name(value)} {value!r}")
            return None
        return value
    if spec.kind == "flag":
        if not isinstance(value, bool):
            problem(name, f"expected true or false, found {_type_name(value)}")
            return False
        return value
    if spec.kind in ("texts", "ids"):
        if not isinstance(value, list):
            problem(name, f"expected a list (lines starting with '- '), found {_type_name(value)}")
            return ()
        if len(value) < spec.min_items or (spec.max_items is not None and len(value) > spec.max_items):
            most = f"at most {spec.max_items}" if spec.max_items is not None else "any number of"
            problem(name, f"has {len(value)} items; expected at least {spec.min_items} and {most}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                problem(name, f"item {i + 1} should be text, found {_type_name(item)}", i)
                continue
            if spec.kind == "ids" and not ID_PATTERN.match(item):
                problem(name, f"item {i + 1} '{item}' is not a valid id", i)
            _check_text(spec, item, problem, f"item {i + 1} ", i)
            out.append(item.strip())
        return tuple(out)
    if spec.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int):
            problem(name, f"expected a whole number, found {_type_name(value)}")
            return None
        if not spec.min_items <= value <= (spec.max_items or value):
            problem(name, f"is {value}; expected a number from {spec.min_items} to {spec.max_items}")
        return value
    if spec.kind == "picture":
        if not isinstance(value, str):
            problem(name, f"expected a picture, found {_type_name(value)}")
            return None
        if not PICTURE_PATTERN.match(value):
            problem(name, f"'{value}' is not a picture name; expected {EASY_READ_POINT_FIELDS['picture']}")
        elif picture_exists is not None and not picture_exists(value):
            problem(name, f"no picture called '{value}' was found; "
                    "check the icon name (see kit/README.md) or the image file in docs/")
        return value
    if spec.kind == "items":
        return tuple(ITEM_MODELS[spec.name](**v) for v in _items(spec, value, problem, picture_exists))
    if spec.kind == "easy_read":
        return _easy_read(value, problem, picture_exists)
    if spec.kind == "review":
        return _review(value, problem)
    raise AssertionError(f"schema field {name} has unknown kind {spec.kind}")


def _items(spec: Field, value: object, problem: Report, picture_exists: PictureCheck | None) -> tuple[Values, ...]:
    """A list of small records (such as the steps of a session), each checked field by field."""
    if not isinstance(value, list) or not value:
        problem(spec.name, f"expected a list of items, each with: {', '.join(f.name for f in spec.item_fields)}")
        return ()
    if spec.max_items is not None and len(value) > spec.max_items:
        problem(spec.name, f"has {len(value)} items; expected at most {spec.max_items}")
    known = {f.name: f for f in spec.item_fields}
    out = []
    for i, item in enumerate(value):
        failed: list[str] = []

        def sub(field_name: str, message: str, *path: str | int, _i: int = i, _failed: list[str] = failed) -> None:
            _failed.append(field_name)
            problem(f"{spec.name}[{_i + 1}].{field_name}", message, _i, field_name, *path)
        if not isinstance(item, dict):
            problem(f"{spec.name}[{i + 1}]", f"expected fields ({', '.join(known)}), found {_type_name(item)}", i)
            continue
        for key in item:
            if key not in known:
                hint = _closest(str(key), known)
                sub(str(key), "unknown field" + (f"; did you mean '{hint}'?" if hint else "")
                    + f" Expected one of: {', '.join(known)}")
        values: Values = {}
        for sub_spec in spec.item_fields:
            if item.get(sub_spec.name) is None:
                if sub_spec.required:
                    sub(sub_spec.name, "is required")
                continue
            values[sub_spec.name] = _value(sub_spec, item[sub_spec.name], sub, picture_exists)
        if not failed:
            out.append(values)
    return tuple(out)


# A Markdown link or link definition whose address would run code or smuggle a page in,
# just as raw HTML could: [text](javascript:...), [label]: data:...
UNSAFE_LINK = re.compile(r"(?:\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:\s*<?)\s*(javascript|vbscript|data)\s*:", re.I | re.M)
# Control characters (other than tab and line breaks) cannot be shown, and make pages invalid HTML.
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_text(spec: Field, text: str, problem: Report, prefix: str = "", *path: str | int) -> None:
    if not text.strip():
        problem(spec.name, f"{prefix}is empty; write some text or remove the field", *path)
    if tag := HTML_TAG.search(text):
        problem(spec.name, f"{prefix}contains HTML ('{tag.group(0)}...'); "
                "write plain text or Markdown instead", *path)
    if link := UNSAFE_LINK.search(text):
        problem(spec.name, f"{prefix}links to a '{link.group(1).lower()}:' address; "
                "link only to web pages (https://...), e-mail addresses or pages of the kit", *path)
    if control := CONTROL_CHAR.search(text):
        problem(spec.name, f"{prefix}contains an invisible control character "
                f"(U+{ord(control.group(0)):04X}); delete it", *path)
    # The guide states limits in words, so a text too long is reported in words; the characters
    # limit (room on the card) is named only when the words are within limit but long.
    words = len(text.split())
    if spec.max_words is not None and words > spec.max_words:
        problem(spec.name, f"{prefix}has {words} {plural(words, 'word')}; expected at most {spec.max_words}", *path)
    elif len(text) > spec.max_chars and spec.max_words is not None:
        problem(spec.name, f"{prefix}has {words} {plural(words, 'word')}, within the limit of {spec.max_words}, but "
                f"they are long words: {len(text)} letters and spaces, where the card has room for "
                f"{spec.max_chars}; use shorter words", *path)
    elif len(text) > spec.max_chars:
        problem(spec.name, f"{prefix}is {len(text)} characters long; expected at most {spec.max_chars}", *path)


def _easy_read(value: object, problem: Report, picture_exists: PictureCheck | None) -> tuple[EasyReadPoint, ...]:
    if not isinstance(value, list):
        problem("easy_read", f"expected a list of points, found {_type_name(value)}")
        return ()
    points = []
    for i, point in enumerate(value):
        where = f"easy_read[{i + 1}]"
        if not isinstance(point, dict):
            problem("easy_read", f"point {i + 1} should have text, picture and alt; found {_type_name(point)}", i)
            continue
        ok = True
        for key in point:
            if key not in EASY_READ_POINT_FIELDS:
                problem(f"{where}.{key}", f"unknown field; expected one of: {', '.join(EASY_READ_POINT_FIELDS)}",
                        i, key)
                ok = False
        for key, expected in EASY_READ_POINT_FIELDS.items():
            text = point.get(key)
            if not isinstance(text, str) or not text.strip():
                problem(f"{where}.{key}", f"is required: {expected}", i, key)
                ok = False
            elif HTML_TAG.search(text):
                problem(f"{where}.{key}", "contains HTML; write plain text", i, key)
                ok = False
        if not ok:
            continue
        picture = point["picture"]
        wrong = picture_problem(picture, EASY_READ_POINT_FIELDS["picture"], picture_exists)
        if wrong:
            problem(f"{where}.picture", wrong, i, "picture")
        else:
            points.append(EasyReadPoint(point["text"].strip(), picture, point["alt"].strip()))
    return tuple(points)


def _review(value: object, problem: Report) -> Review:
    if not isinstance(value, dict):
        problem("easy_read_review", f"expected 'checked_by' and 'date', found {_type_name(value)}")
        return Review()
    for key in value:
        if key not in REVIEW_FIELDS:
            problem(f"easy_read_review.{key}", f"unknown field; expected one of: {', '.join(REVIEW_FIELDS)}", key)
    checked_by, date = value.get("checked_by") or "", value.get("date") or ""
    if not isinstance(checked_by, str):
        problem("easy_read_review.checked_by", f"expected text, found {_type_name(checked_by)}", "checked_by")
        checked_by = ""
    date = str(date)
    if date and not _is_date(date):
        problem("easy_read_review.date", f"'{date}' is not a date; write it as YYYY-MM-DD", "date")
    if bool(checked_by) != bool(date):
        problem("easy_read_review", "give both 'checked_by' and 'date', or leave both empty", "checked_by")
    return Review(checked_by, date)


def _is_date(text: str) -> bool:
    try:
        return datetime.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _check_references(records: list[Loaded], line_of: LineOf, broken_ids: set[str],
                      complete: bool = True) -> list[Problem]:
    problems = []
    first: dict[str, Loaded] = {}
    for record in records:
        if record.id in first:
            other = first[record.id]
            problems.append(Problem(record.file, f"the id '{record.id}' is already used by a "
                                    f"{other.kind.label.lower()} in {other.file}; ids must be unique",
                                    record=record.id, field="id", line=line_of(record, "id")))
        else:
            first[record.id] = record
    for record in records:
        for field_name, path, spec, refs in _references(record):
            for ref in refs:
                message = _reference_problem(record, ref, spec, first, broken_ids, complete)
                if message:
                    problems.append(Problem(record.file, message, record=record.id, field=field_name,
                                            line=line_of(record, *path)))
    return problems


def _references(record: Loaded) -> Iterator[tuple[str, tuple[str | int, ...], Field, tuple[str, ...]]]:
    """(field name, path in the file, field, ids) for every field of a record that names others."""
    for spec in record.kind.fields:
        if spec.kind in ("ids", "ref"):
            value = getattr(record, spec.name)
            if spec.kind == "ref":
                value = (value,) if value else ()
            yield spec.name, (spec.name,), spec, value
        elif spec.kind == "items":
            for i, item in enumerate(getattr(record, spec.name)):
                for sub in spec.item_fields:
                    if sub.kind == "ids":
                        yield (f"{spec.name}[{i + 1}].{sub.name}", (spec.name, i, sub.name), sub,
                               getattr(item, sub.name))


def _reference_problem(record: Loaded, ref: str, spec: Field, first: dict[str, Loaded], broken_ids: set[str],
                       complete: bool = True) -> str | None:
    if ref == record.id:
        return "a record cannot be related to itself"
    if ref in broken_ids or (ref not in first and not complete):
        return None
    if ref not in first:
        hint = _closest(ref, first)
        return f"refers to '{ref}', which does not exist" + (f"; did you mean '{hint}'?" if hint else "")
    target = first[ref].kind
    if spec.refers_to and target.name not in spec.refers_to:
        allowed = " or ".join(k.replace("_", " ") for k in spec.refers_to)
        return f"refers to '{ref}', which is a {target.label.lower()}; expected the id of an {allowed}"
    return None


def _check_scoring(records: list[Loaded], statements: tuple[Statement, ...], base_statements: str,
                   quick: int, line_of: LineOf | None = None) -> list[Problem]:
    """Every area gets two or three statements, and the quick check has a 15-minute size."""
    problems = []
    for area in (r for r in records if r.kind.name in ("enabler", "barrier")):
        count = sum(1 for s in statements if s.area == area.id)
        if not 2 <= count <= 3:
            problems.append(Problem(area.file, f"has {count} scoring {plural(count, 'statement')}; it needs two "
                                    f"or three, in {STATEMENT.file} with 'area: {area.id}'", record=area.id, field="id",
                                    line=line_of(area, "id") if line_of else None))
    low, high = QUICK_CHECK_SIZE
    if not low <= quick <= high:
        problems.append(Problem(base_statements, f"{quick} statements are marked 'quick: true'; the quick check "
                                f"needs {low} to {high}", field="quick"))
    return problems


def plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _closest(word: str, options: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.7)
    return match[0] if match else None


def _type_name(value: object) -> str:
    return {dict: "a set of fields", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "nothing"}.get(type(value), type(value).__name__)
