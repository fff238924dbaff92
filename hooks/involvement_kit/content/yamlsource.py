"""Read a YAML file into plain data while keeping the line of every key and item.

PyYAML throws marks away once it builds Python objects, and it silently keeps the last
of two equal keys. People editing records need both: the line of a mistake, and a
misspelt or repeated key caught rather than lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import KitError, Problem

Path_ = tuple[str | int, ...]  # a path into the data: keys and list indexes
# libyaml's parser when PyYAML was built with it: the same nodes and marks, many times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Source:
    """One YAML file: its data, and the line of each path into it."""

    name: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int | None:
        # A missing field has no line of its own; fall back to the nearest parent.
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def read_source(path: Path, name: str) -> Source:
    """Parse one file. Raises KitError for unreadable bytes, bad YAML, repeated keys or an empty file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KitError([Problem(name, f"cannot be read ({exc.strerror})")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KitError([Problem(name, "is not UTF-8 text; save it with UTF-8 encoding", line=line)]) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise KitError([Problem(name, "is empty; expected a list of records")])

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise KitError([Problem(name, "holds no records; expected a list of records")])
        lines: dict[Path_, int] = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems, name)
        if problems:
            raise KitError(problems)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise KitError([yaml_problem(name, text, exc)]) from None
    except RecursionError:
        # Only the pure-Python parser recurses per level; libyaml stops at its own limit.
        raise KitError([Problem(name, "is not valid YAML for the kit: lists or fields are nested too deeply")
                        ]) from None
    finally:
        loader.dispose()
    return Source(name, data, lines)


CURLY_QUOTES = "\u201c\u201d\u2018\u2019"


def yaml_problem(name: str, text: str, exc: yaml.YAMLError) -> Problem:
    """The parser's complaint, turned into what to type: the usual slips of someone editing by hand."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context = getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc)
    lines = text.splitlines()
    line = mark.line + 1 if mark else None

    def raw(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    if line and ("tab" in reason or "cannot start any token" in reason):
        # The parser stops at or after the tab: look back from there for the line that holds it.
        tabbed = next((n for n in range(min(line, len(lines)), 0, -1) if "\t" in raw(n)), None)
        if tabbed:
            return Problem(name, f"use spaces, not tabs, at line {tabbed}", line=tabbed)
    if "could not find expected ':'" in reason and context is not None:
        # The parser notices only on the next line; the colon is missing where the key began.
        number = context.line + 1
        key, _, rest = raw(number).strip().partition(" ")
        fix = f"{key}: {rest}" if rest else f"{key}:"
        return Problem(name, f"line {number} has no colon after the field name; did you mean '{fix}'?",
                       line=number)
    if "mapping values are not allowed" in reason and line:
        if any(quote in raw(line) for quote in CURLY_QUOTES):
            return Problem(name, "curly quotes (\u201c \u201d) are not quotes to the kit, so the colon inside the "
                           'text looks like a new field: put the whole text in straight double quotes (" ")',
                           line=line)
        return Problem(name, "a colon followed by a space inside a text looks like a new field: put the whole text "
                       'in straight double quotes (" ")', line=line)
    return Problem(name, f"is not valid YAML: {reason}", line=line)


def _walk(root: yaml.Node, root_path: Path_, lines: dict[Path_, int], problems: list[Problem], name: str) -> None:
    """Record the line of every key and item, and catch repeated or non-text keys.

    Iterative, and each node is visited once: an alias (*name) points at a node already
    seen, so a YAML anchor bomb ("billion laughs") or an alias inside its own anchor
    costs one step instead of exponential time or endless recursion.
    """
    walked: set[int] = set()
    stack: list[tuple[yaml.Node, Path_, int | None]] = [(root, root_path, None)]
    while stack:
        node, path, line = stack.pop()
        lines[path] = line if line is not None else node.start_mark.line + 1
        if id(node) in walked:
            continue
        walked.add(id(node))
        children: list[tuple[yaml.Node, Path_, int | None]] = []
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a set of fields"
                    problems.append(Problem(name, f"a key must be a single name such as 'title', found {kind}",
                                            line=line))
                    continue
                key = key_node.value
                if key in seen:
                    problems.append(Problem(name, f"the key '{key}' appears twice (first on line {seen[key]})",
                                            line=line))
                    continue
                seen[key] = line
                children.append((value_node, path + (key,), line))
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, path + (index,), None) for index, item in enumerate(node.value)]
        stack.extend(reversed(children))
