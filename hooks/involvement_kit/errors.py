"""Content mistakes, reported for people rather than as tracebacks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in one place: the file, the record, the field, and what was expected."""

    file: str
    message: str
    record: str | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        parts = []
        if self.record:
            parts.append(f"record '{self.record}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        what = ", ".join(parts)
        return f"{where}: {what + ': ' if what else ''}{self.message}"


class KitError(Exception):
    """The kit's content cannot be built. Carries every problem found, so one run shows them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        count = len(self.problems)
        head = "The kit content has a mistake" if count == 1 else f"The kit content has {count} mistakes"
        return head + ":\n" + "\n".join(f"  - {p}" for p in self.problems)
