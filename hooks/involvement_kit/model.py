"""Validated content as plain, immutable data. Renderers read these, never YAML."""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import KINDS, Kind


@dataclass(frozen=True)
class EasyReadPoint:
    text: str
    picture: str
    alt: str


@dataclass(frozen=True)
class Review:
    checked_by: str = ""
    date: str = ""

    @property
    def done(self) -> bool:
        return bool(self.checked_by and self.date)


@dataclass(frozen=True)
class Record:
    """One enabler, barrier or leader behaviour."""

    kind: Kind
    id: str
    title: str
    summary: str
    source: str
    report_section: str
    file: str
    body: str = ""
    findings: tuple[str, ...] = ()
    opening_question: str = ""
    questions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    easy_read: tuple[EasyReadPoint, ...] = ()
    easy_read_review: Review = field(default_factory=Review)
    why_it_matters: str = ""
    in_practice: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()

    @property
    def page(self) -> str:
        """Path of the record's page in the docs tree (leader behaviours are sections of one page)."""
        if self.kind.name == "leader_behaviour":
            return f"{self.kind.folder}/index.md#{self.id}"
        return f"{self.kind.folder}/{self.id}.md"


@dataclass(frozen=True)
class Kit:
    records: tuple[Record, ...]
    version: str = "0.0.0"

    def of_kind(self, kind_name: str) -> tuple[Record, ...]:
        return tuple(r for r in self.records if r.kind.name == kind_name)

    @property
    def enablers(self) -> tuple[Record, ...]:
        return self.of_kind("enabler")

    @property
    def barriers(self) -> tuple[Record, ...]:
        return self.of_kind("barrier")

    @property
    def leader_behaviours(self) -> tuple[Record, ...]:
        return self.of_kind("leader_behaviour")

    def get(self, record_id: str) -> Record:
        return self._by_id[record_id]

    @property
    def _by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}


KIND_BY_NAME = {k.name: k for k in KINDS}
