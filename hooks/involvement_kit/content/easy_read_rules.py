"""The easy-read rules the build can check, and the hard-words list they use.

Checked here, for the records' easy-read points and for every easy-read page:

- a sentence has at most 15 words (16 to 20 words: a warning; more than 20: a mistake);
- a point has at most 5 sentences;
- every point has a picture, with alt text;
- no emphasis by italics, underline or capitals (Markdown `*word*` or `_word_`, HTML
  <em>, <i>, <u>, <ins>, or a word of more than 3 letters in capitals);
- every hard word (kit/hard-words.yml) used on a page is explained on that page, in its
  "Words to know" box, with the meaning from the list.

Rules that need people to judge them (one idea a sentence, an adult tone, pictures that
fit) are in the reviewers' checklist, docs/easy-read/reviewers.md, not here.

Warnings go to the logger `mkdocs.hooks.kit`, so `mkdocs build --strict` fails on them too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import KitError, Problem
from .model import Activity, Entry, Record, Statement
from .schema import PICTURE_PATTERN
from .yamlsource import Source, read_source

log = logging.getLogger("mkdocs.hooks.kit")

HARD_WORDS_FILE = "hard-words.yml"
JARGON_FILE = "easy-read-jargon.yml"
WARN_WORDS = 15          # more than this: a warning
MAX_WORDS = 20           # more than this: a mistake
MAX_SENTENCES = 5        # in one point
CAPS_LETTERS = 3         # a word in capitals longer than this is shouting

# --- text --------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_ICON = re.compile(r":([a-z0-9]+(?:-[a-z0-9]+)+):(\{[^}\n]*\})?")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)(\{[^}\n]*\})?")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)[^)]*\)(\{[^}\n]*\})?")
_ATTRS = re.compile(r"\{[:#.][^}\n]*\}|\{\s*[.#][^}\n]*\}|\{\s*[a-z-]+=[^}\n]*\}")
_TAG = re.compile(r"<[^>\n]+>")
_HTML_EMPHASIS = re.compile(r"<\s*(em|i|u|ins|cite)(\s[^>]*)?>", re.I)
_ITALIC_STAR = re.compile(r"(?<![*\w\\])\*(?![\s*])([^*\n]+?)(?<![\s\\*])\*(?![*\w])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![_\w\\])_(?![\s_])([^_\n]+?)(?<![\s\\_])_(?![_\w])")
_UNDERLINE = re.compile(r"(?<!\^)\^\^[^^\n]+\^\^|\+\+[^+\n]+\+\+")
_CAPS = re.compile(rf"\b[A-Z]{{{CAPS_LETTERS + 1},}}\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
_ARIA_LABEL = re.compile(r"aria-label=\"([^\"]*)\"")


def markdown_to_text(text: str) -> str:
    """What a reader reads: link text kept; pictures, attributes, tags and markers dropped."""
    text = _ICON.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _ATTRS.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """The sentences of plain text. A heading or list line without a full stop is one sentence."""
    text = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def emphasis(raw: str) -> list[str]:
    """What in a piece of Markdown or HTML is emphasis by italics, underline or capitals."""
    # Addresses and picture names may hold underscores and capitals; they are not read.
    text = _IMAGE.sub(" ", raw)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _ICON.sub(" ", text)
    found = []
    for match in _HTML_EMPHASIS.finditer(text):
        found.append(f"<{match.group(1).lower()}> (italics or underline)")
    text = _TAG.sub(" ", text)
    text = _ATTRS.sub(" ", text)
    bare = text.replace("**", "").replace("__", "")
    for match in _ITALIC_STAR.finditer(bare):
        found.append(f"*{match.group(1)}* (italics)")
    for match in _ITALIC_UNDERSCORE.finditer(bare):
        found.append(f"_{match.group(1)}_ (italics)")
    for match in _UNDERLINE.finditer(text):
        found.append(f"{match.group(0)} (underline)")
    for match in _CAPS.finditer(text):
        found.append(f"{match.group(0)} (capitals)")
    return found


# --- the hard-words list --------------------------------------------------------------

@dataclass(frozen=True)
class HardWord:
    word: str
    forms: tuple[str, ...]
    meaning: str
    picture: str = ""
    alt: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.word,) + self.forms


def _terms_pattern(terms: list[str] | tuple[str, ...]) -> str:
    """Any of `terms` as a whole word (the first that matches where several do). The word
    boundaries stand once outside the alternatives: inside each, the matcher tested every
    boundary at every position for every term, several times as long."""
    return (r"(?<![A-Za-z0-9\-])(?:" + "|".join(r"\s+".join(re.escape(part) for part in term.split()) for term in terms)
            + r")(?![A-Za-z0-9])")


class HardWords:
    """The list, and a finder for its words in text (longer spellings first)."""

    def __init__(self, entries: tuple[HardWord, ...] = ()):
        self.entries = tuple(entries)
        spellings = sorted(((s, e) for e in self.entries for s in e.spellings), key=lambda p: -len(p[0]))
        self._owner = {s.lower(): e for s, e in spellings}
        self._pattern = re.compile(_terms_pattern([s for s, _ in spellings]), re.I) if spellings else None
        self._found: dict[str, tuple[HardWord, ...]] = {}

    def used_in(self, text: str) -> list[HardWord]:
        """The hard words in `text`, in the order they first appear."""
        if self._pattern is None:
            return []
        # The checks ask about the same page text once for each word on it.
        if (found := self._found.get(text)) is None:
            seen: dict[str, HardWord] = {}
            for match in self._pattern.finditer(text):
                entry = self._owner[re.sub(r"\s+", " ", match.group(0)).lower()]
                seen.setdefault(entry.word, entry)
            found = self._found[text] = tuple(seen.values())
        return list(found)

    def find(self, entry: HardWord, text: str) -> tuple[int, int] | None:
        """Where `entry` (in any of its spellings) is first used in `text`, outside bold, links' addresses
        and attributes; None if it is not."""
        pattern = re.compile(_terms_pattern(sorted(entry.spellings, key=len, reverse=True)), re.I)
        for match in pattern.finditer(text):
            before = text[:match.start()]
            if before.count("**") % 2 or before.count("(") > before.count(")") or before.count("{") > before.count("}"):
                continue
            return match.start(), match.end()
        return None

    def get(self, word: str) -> HardWord | None:
        return self._owner.get(word.lower())


def _list_file(kit_dir: Path, file: str, label: str, expected: str) -> tuple[Source, list[Any], str] | None:
    """A kit file that holds one YAML list: its source, the list and its name for messages; None when the
    file is not there (an empty list)."""
    path = Path(kit_dir) / file
    name = f"{label}/{file}"
    if not path.exists():
        return None
    source = read_source(path, name)
    if not isinstance(source.data, list):
        raise KitError([Problem(name, expected, line=source.line())])
    return source, source.data, name


def load_hard_words(kit_dir: Path, label: str = "kit") -> HardWords:
    """Read and check kit/hard-words.yml. A missing file means an empty list."""
    read = _list_file(kit_dir, HARD_WORDS_FILE, label,
                      "expected a list of hard words, each with word, forms and meaning")
    if read is None:
        return HardWords()
    source, data, name = read
    problems: list[Problem] = []
    entries: list[HardWord] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(data):
        entry = _hard_word(item, index, name, source, seen, problems)
        if entry is not None:
            entries.append(entry)
    hard = HardWords(tuple(entries))
    # A meaning must itself be easy: the sentence rules, and no other hard word.
    for entry in entries:
        problems.extend(check_text(entry.meaning, file=name, record=entry.word, field="meaning"))
        others = [w.word for w in hard.used_in(entry.meaning) if w.word != entry.word]
        if others:
            problems.append(Problem(name, f"the meaning uses other hard words ({', '.join(others)}); "
                                    "explain it without them", record=entry.word, field="meaning"))
    if problems:
        raise KitError(problems)
    return hard


def _hard_word(item: object, index: int, name: str, source: Source, seen: dict[str, str],
               problems: list[Problem]) -> HardWord | None:
    """One checked entry of the list; `seen` maps each spelling so far to its word."""
    line = source.line(index)
    if not isinstance(item, dict):
        problems.append(Problem(name, f"entry {index + 1} should have word, forms and meaning", line=line))
        return None
    word = item.get("word")
    label_ = word if isinstance(word, str) and word.strip() else f"entry {index + 1}"
    for key in item:
        if key not in ("word", "forms", "meaning", "picture", "alt"):
            problems.append(Problem(name, "unknown field; expected word, forms, meaning, picture and alt",
                                    record=label_, field=str(key), line=source.line(index, key)))
    if not isinstance(word, str) or not word.strip():
        problems.append(Problem(name, "give the hard word as text", record=label_, field="word", line=line))
        return None
    forms = item.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        problems.append(Problem(name, "expected a list of other forms of the word, such as [trustees], "
                                "or [] for none", record=label_, field="forms",
                                line=source.line(index, "forms")))
        forms = []
    meaning = item.get("meaning")
    if not isinstance(meaning, str) or not meaning.strip():
        problems.append(Problem(name, "say what the word means, in easy words", record=label_,
                                field="meaning", line=line))
        return None
    for spelling in [word] + forms:
        key = spelling.strip().lower()
        if key in seen:
            problems.append(Problem(name, f"'{spelling}' is already on the list (under '{seen[key]}')",
                                    record=label_, line=line))
        seen[key] = word.strip()
    picture, alt = item.get("picture") or "", item.get("alt") or ""
    if not isinstance(picture, str) or not isinstance(alt, str) or bool(picture) != bool(alt) or (
            picture and not PICTURE_PATTERN.match(picture)) or (picture and is_theme_icon(picture)):
        problems.append(Problem(name, "give a picture (a symbol such as images/symbols/talk-4.svg) and its alt "
                                "text, or neither", record=label_, field="picture", line=source.line(index)))
        picture = alt = ""
    return HardWord(word.strip(), tuple(f.strip() for f in forms), " ".join(meaning.split()), picture, alt)


# --- the rules ------------------------------------------------------------------------

def check_text(raw: str, *, file: str, record: str | None = None, field: str | None = None,
               line: int | None = None, point: bool = False) -> list[Problem]:
    """Sentence length, sentences per point and emphasis, for one piece of text.

    Returns the mistakes; logs a warning for each sentence of 16 to 20 words.
    """
    problems = []
    for what in emphasis(raw):
        problems.append(Problem(file, f"emphasis: {what}; easy read uses plain words, with no italics, "
                                "underline or capitals (bold is allowed for a key word)",
                                record=record, field=field, line=line))
    found = sentences(markdown_to_text(raw))
    for sentence in found:
        count = len(words(sentence))
        if count > MAX_WORDS:
            problems.append(Problem(file, f"sentence of {count} words (at most {WARN_WORDS}): {sentence!r}; "
                                    "split it", record=record, field=field, line=line))
        elif count > WARN_WORDS:
            log.warning(str(Problem(file, f"easy read: sentence of {count} words (aim for at most "
                                    f"{WARN_WORDS}): {sentence!r}", record=record, field=field, line=line)))
    if point and len(found) > MAX_SENTENCES:
        problems.append(Problem(file, f"{len(found)} sentences in one point (at most {MAX_SENTENCES}); "
                                f"split it into two points: {found[0]!r} ...", record=record, field=field,
                                line=line))
    return problems


def check_records(records: Sequence[Entry | Statement],
                  line_of: Callable[..., int | None] = lambda record, *path: None,
                  jargon: Jargon | None = None) -> list[Problem]:
    """The easy-read points of every record, and the easy questions of every statement.

    `line_of(record, *path)`: the line of a field, as the loader read it.
    """
    problems: list[Problem] = []
    statements = [r for r in records if isinstance(r, Statement)]
    for record in (r for r in records if not isinstance(r, Statement)):
        if jargon is not None and isinstance(record, Record | Activity) and record.easy_read:
            field = "easy_title" if record.easy_title else "title"
            found = jargon.problem(record.plain_title, file=record.file, record=record.id, field=field,
                                   line=line_of(record, field))
            if found and field == "title":
                found = [replace(p, message=p.message + "; give the record an easy_title") for p in found]
            problems.extend(found)
        for i, point in enumerate(getattr(record, "easy_read", ())):
            field = f"easy_read[{i + 1}]"
            line = line_of(record, "easy_read", i, "text")
            problems.extend(check_text(point.text, file=record.file, record=record.id, field=f"{field}.text",
                                       line=line, point=True))
            if not point.picture.strip():
                problems.append(Problem(record.file, "every point needs a picture", field=f"{field}.picture",
                                        record=record.id, line=line))
            if not point.alt.strip():
                problems.append(Problem(record.file, "the picture needs alt text: say what it shows",
                                        field=f"{field}.alt", record=record.id, line=line))
            else:
                problems.extend(check_text(point.alt, file=record.file, record=record.id, field=f"{field}.alt",
                                           line=line))
    for statement in statements:
        problems.extend(_check_questions(statement, line_of))
    return problems


def _check_questions(statement: Statement, line_of: Callable[..., int | None]) -> list[Problem]:
    problems: list[Problem] = []
    # The older one-line form (loader._older_easy_read); a field that is not there gives the record's line.
    older = line_of(statement, "easy_read") if line_of(statement, "easy_read") != line_of(statement) else None

    def where(i: int, name: str) -> tuple[str, int | None]:
        if older is not None:
            return "easy_read", older
        return f"easy_questions[{i + 1}].{name}", line_of(statement, "easy_questions", i, name)

    for i, question in enumerate(statement.easy_questions):
        for name in ("text", "level_0", "level_1", "level_2", "alt"):
            field, line = where(i, name)
            problems.extend(check_text(getattr(question, name), file=statement.file, record=statement.id,
                                       field=field, line=line, point=name != "alt"))
        if WE.search(question.text):
            field, line = where(i, "text")
            problems.append(Problem(statement.file, "'we' or 'our' would read as the reader's own group; "
                                    "name the organisation instead ('Does the organisation ...')",
                                    field=field, record=statement.id, line=line))
    return problems


# In the easy-read scorer the reader is 'you'; 'we' would mean the organisation without saying so.
WE = re.compile(r"\b(we|our|us|ours|ourselves)\b", re.I)


# --- report words in titles and headings ----------------------------------------------


@dataclass(frozen=True)
class Jargon:
    """The report's words that an easy-read title or heading must not use (kit/easy-read-jargon.yml)."""

    terms: tuple[str, ...] = ()

    def found_in(self, text: str) -> list[str]:
        """The terms `text` uses, whole words only, a plural in -s or -es counting too."""
        return [term for term in self.terms
                if re.search(rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])", text, re.I)]

    def problem(self, text: str, *, file: str, record: str | None, field: str, line: int | None) -> list[Problem]:
        found = self.found_in(text)
        if not found:
            return []
        return [Problem(file, f"'{text}' uses the report's word{'s' if len(found) > 1 else ''} "
                        f"{', '.join(repr(t) for t in found)}; an easy-read title or heading says the idea in "
                        "plain words (the words to avoid are in " + JARGON_FILE + ")",
                        record=record, field=field, line=line)]


_TITLE_LINE = re.compile(r"^title:\s*(.*?)\s*$")
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_FENCE_LINE = re.compile(r"^ {0,3}(```|~~~)")


def check_headings(markdown: str, jargon: Jargon, *, file: str) -> list[Problem]:
    """A hand-written easy-read page's title (front matter) and headings, checked for the
    report's words as the made pages' titles and headings are; each problem names its line."""
    problems: list[Problem] = []
    lines = markdown.split("\n")
    front_end = 0
    if lines and lines[0].strip() == "---":
        front_end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    fenced = False
    for number, line in enumerate(lines, start=1):
        if number - 1 <= front_end and front_end:
            title = _TITLE_LINE.match(line)
            if title:
                text = title.group(1).strip("\"'").removesuffix(" (easy read)")
                problems.extend(jargon.problem(text, file=file, record=None, field="title", line=number))
            continue
        if _FENCE_LINE.match(line):
            fenced = not fenced
            continue
        heading = None if fenced else _HEADING_LINE.match(line)
        if heading:
            problems.extend(jargon.problem(markdown_to_text(heading.group(1)).strip(), file=file, record=None,
                                           field="heading", line=number))
    return problems


def load_jargon(kit_dir: Path, label: str = "kit") -> Jargon:
    """Read kit/easy-read-jargon.yml: a list of words and phrases. A missing file means an empty list."""
    read = _list_file(kit_dir, JARGON_FILE, label, "expected a list of words, one a line starting with '- '")
    if read is None:
        return Jargon()
    source, data, name = read
    problems = [Problem(name, f"item {i + 1} should be a word or phrase", line=source.line(i))
                for i, item in enumerate(data) if not isinstance(item, str) or not item.strip()]
    if problems:
        raise KitError(problems)
    return Jargon(tuple(item.strip() for item in data))


# --- pictures -----------------------------------------------------------------------------

# A theme icon is a software glyph (a share sign, an exit sign) that the reader must decode; a point's
# picture is a symbol made for people who use pictures (docs/images/symbols/) or the organisation's own.
THEME_ICON = ("is a theme icon; a point's picture shows the idea of its line: use a symbol from "
              "images/symbols/ (see its CREDIT.txt) or your own image file in docs/")
# No one picture stands for many different lines; a small kit may still use a picture twice.
MOST_SHARE = 0.04
MOST_ALWAYS = 2


@dataclass(frozen=True)
class PictureUse:
    """Where one point uses a picture, for a message that names the place."""

    picture: str
    file: str
    record: str | None
    field: str
    line: int | None


def is_theme_icon(picture: str) -> bool:
    return "." not in picture


def picture_problem(picture: str, expected: str, picture_exists: Callable[[str], bool] | None) -> str | None:
    """What is wrong with a point's picture, or None: a bad name, a missing file, a theme icon."""
    if not PICTURE_PATTERN.match(picture):
        return f"'{picture}' is not a picture name; expected {expected}"
    if picture_exists is not None and not picture_exists(picture):
        return (f"no picture called '{picture}' was found; check the name or the image file in docs/; "
                "the site's page 'Pictures for easy read' (pictures.html) lists every name with a preview")
    if is_theme_icon(picture):
        return f"'{picture}' {THEME_ICON}"
    return None


def theme_icons_on_page(markdown: str, *, file: str) -> list[Problem]:
    """An easy-read page's points may not use a theme icon as their picture, as records and
    kit/easy-read-pages.yml may not (the loader checks those); each problem names its line."""
    body = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    body = _SKIP_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    problems = []
    for block in _blocks(body):
        icon = _ICON.match(block.text.lstrip()) if block.kind == "point" else None
        if icon and not _in_words_box(body, block.line):
            problems.append(Problem(file, f"':{icon.group(1)}:' {THEME_ICON}, for example "
                                    "![A mobile phone](../images/symbols/mobile-phone.svg){ .er-picture }",
                                    line=block.line))
    return problems


def overused_pictures(uses: Sequence[PictureUse]) -> list[Problem]:
    """One problem for each picture used for more than 4% of all points, at its first use over the limit."""
    limit = max(MOST_ALWAYS, int(len(uses) * MOST_SHARE))
    seen: dict[str, int] = {}
    total = {u.picture: 0 for u in uses}
    for use in uses:
        total[use.picture] += 1
    problems = []
    for use in uses:
        seen[use.picture] = seen.get(use.picture, 0) + 1
        if seen[use.picture] == limit + 1:
            problems.append(Problem(use.file, f"the picture '{use.picture}' is used for {total[use.picture]} of the "
                                    f"{len(uses)} easy-read points; at most {limit} (4%) may share one picture, "
                                    "so each shows the idea of its own line", record=use.record,
                                    field=use.field, line=use.line))
    return problems


# --- pages ------------------------------------------------------------------------------

WORDS_BOX = re.compile(r"<div[^>]*class=\"[^\"]*\ber-words\b[^\"]*\"[^>]*>(.*?)</div>", re.S)
_SKIP_BLOCK = re.compile(r"<(script|style)\b.*?</\1>|<!--.*?-->", re.S | re.I)
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")


@dataclass
class _Block:
    kind: str       # 'point', 'text' or 'heading'
    text: str
    line: int


def _blocks(markdown: str) -> list[_Block]:
    """The page's points (list items), paragraphs and headings, with their first line."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        stripped = line.strip()
        item = _LIST_ITEM.match(line)
        if not stripped or stripped.startswith("<") or stripped.startswith("!!!") or stripped.startswith("```"):
            current = None
            if stripped.startswith("<") and not stripped.startswith("<!--"):
                # A line of HTML: only its text between tags counts, as a paragraph of its own.
                inner = _TAG.sub(" ", stripped).strip()
                if _WORD.search(inner):
                    blocks.append(_Block("text", stripped, number))
            continue
        if stripped.startswith(":") and not _ICON.match(stripped):
            # A definition (the meaning in a Words to know box) is a block of its own.
            current = _Block("text", stripped[1:].strip(), number)
            blocks.append(current)
        elif stripped.startswith("#"):
            blocks.append(_Block("heading", re.sub(r"\{[^}]*\}\s*$", "", stripped.lstrip("#")).strip(), number))
            current = None
        elif item:
            current = _Block("point", item.group(2), number)
            blocks.append(current)
        elif current is not None and (line.startswith("  ") or current.kind == "text"):
            current.text += " " + stripped
        else:
            current = _Block("text", stripped, number)
            blocks.append(current)
    return blocks


def _has_picture(point: str) -> tuple[bool, bool]:
    """(has a picture at the start, the picture has alt text)."""
    head = point.lstrip()
    icon = _ICON.match(head)
    if icon:
        label = _ARIA_LABEL.search(icon.group(2) or "")
        return True, bool(label and label.group(1).strip())
    image = _IMAGE.match(head)
    if image:
        return True, bool(image.group(1).strip())
    return False, False


def words_box(markdown: str) -> dict[str, str]:
    """Terms and their meanings in a page's "Words to know" boxes (Markdown definition lists)."""
    found: dict[str, str] = {}
    for box in WORDS_BOX.finditer(markdown):
        term = None
        for line in box.group(1).split("\n"):
            if line.startswith(":"):
                if term is not None:
                    meaning = " ".join(line[1:].split())
                    found[term] = (found.get(term, "") + " " + meaning).strip()
            elif line.startswith("    ") and term is not None and term in found:
                found[term] += " " + " ".join(line.split())
            elif line.strip() and not line.strip().startswith("<"):
                term = markdown_to_text(line).strip().lower()
    return found


def check_page(markdown: str, hard: HardWords, *, file: str, record: str | None = None) -> list[Problem]:
    """Every rule, on the Markdown of one easy-read page (made by the build or written by hand)."""
    problems: list[Problem] = []
    body = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    body = _SKIP_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    box = words_box(body)
    for block in _blocks(body):
        problems.extend(check_text(block.text, file=file, record=record, line=block.line,
                                   point=block.kind == "point"))
        if block.kind == "point" and not _in_words_box(body, block.line):
            picture, alt = _has_picture(block.text)
            text = markdown_to_text(block.text)
            if not picture:
                problems.append(Problem(file, f"this point has no picture: {text!r}; start it with an icon "
                                        "(:material-name:{ .er-picture role=\"img\" aria-label=\"...\" }) or an "
                                        "image (![what it shows](images/x.png){ .er-picture })", record=record,
                                        line=block.line))
            elif not alt:
                problems.append(Problem(file, f"the picture of this point has no alt text: {text!r}",
                                        record=record, line=block.line))
    points = [b for b in _blocks(body) if b.kind == "point" and not _in_words_box(body, b.line)]
    for entry in used_hard_words(markdown, hard):
        problems.extend(_explained_where_used(entry, points, hard, file, record))
        explained = box.get(entry.word.lower())
        if explained is None:
            problems.append(Problem(file, f"the hard word '{entry.word}' is used but not explained on the page; "
                                    f"add it to the Words to know box: {entry.word}: {entry.meaning!r}",
                                    record=record))
        elif " ".join(markdown_to_text(explained).split()) != entry.meaning:
            problems.append(Problem(file, f"the Words to know box explains '{entry.word}' differently from "
                                    f"kit/{HARD_WORDS_FILE}; use: {entry.meaning!r}", record=record))
    return problems


# A point that is only a link (a list of pages to go to) is not where a hard word is explained: a
# meaning between two links breaks the list, and the page the link leads to explains its own words.
# The Words to know box still lists the word.
_ONLY_A_LINK = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|:[a-z0-9-]+:)(?:\{[^}\n]*\})?\s*\[[^\]]*\]\([^)]*\)\.?\s*$")


def is_only_a_link(point: str) -> bool:
    """The point's words are one link and nothing else (after its picture)."""
    return bool(_ONLY_A_LINK.match(point.strip()))


def _explained_where_used(entry: HardWord, points: Sequence[_Block], hard: HardWords, file: str,
                          record: str | None) -> list[Problem]:
    """A hard word is in bold at its first use in a point, and its meaning is in that point or the next."""
    points = [b for b in points if not is_only_a_link(b.text)]
    for i, block in enumerate(points):
        words = markdown_to_text(block.text)
        if entry not in hard.used_in(words):
            continue
        if not re.search(r"\*\*[^*]*" + _term_pattern_any(entry) + r"[^*]*\*\*", block.text, re.I):
            return [Problem(file, f"the hard word '{entry.word}' is first used here but not in bold; "
                            f"write it as **{entry.word}** and explain it in this point or the next",
                            record=record, line=block.line)]
        # The next point, or the next few when this point brings in several hard words at once.
        near = " ".join(markdown_to_text(b.text) for b in points[i:i + 1 + len(hard.used_in(words))])
        if entry.meaning not in " ".join(near.split()):
            return [Problem(file, f"the hard word '{entry.word}' is not explained where it is first used; "
                            f"say what it means in this point or the next: {entry.meaning!r}",
                            record=record, line=block.line)]
        return []
    return []


def _term_pattern_any(entry: HardWord) -> str:
    return "(?:" + _terms_pattern(sorted(entry.spellings, key=len, reverse=True)) + ")"


def _in_words_box(body: str, line: int) -> bool:
    for box in WORDS_BOX.finditer(body):
        first = body.count("\n", 0, box.start()) + 1
        last = body.count("\n", 0, box.end()) + 1
        if first <= line <= last:
            return True
    return False


def check_all(pages: Iterable[tuple[str, str | None, str]],
              hard: HardWords) -> list[Problem]:
    """`pages`: (file label, record id or None, markdown) for each easy-read page."""
    problems: list[Problem] = []
    for file, record, markdown in pages:
        problems.extend(check_page(markdown, hard, file=file, record=record))
    return problems


def used_hard_words(markdown: str, hard: HardWords) -> list[HardWord]:
    """The hard words a page uses outside its "Words to know" box, in order of first use."""
    body = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    body = _SKIP_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    outside = WORDS_BOX.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    return hard.used_in("\n".join(markdown_to_text(b.text) for b in _blocks(outside)))
