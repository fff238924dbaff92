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
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        raise KitError([Problem(name, f"is not valid YAML: {reason}", line=mark.line + 1 if mark else None)]) from None
    except RecursionError:
        # Only the pure-Python parser recurses per level; libyaml stops at its own limit.
        raise KitError([Problem(name, "is not valid YAML for the kit: lists or fields are nested too deeply")
                        ]) from None
    finally:
        loader.dispose()
    return Source(name, data, lines)


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
