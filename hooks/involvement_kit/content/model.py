"""Validated content as plain, immutable data. Renderers read these, never YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from ..vocabulary import record_page
from .schema import Kind


@dataclass(frozen=True)
class EasyReadPoint:
    text: str
    picture: str
    alt: str


@dataclass(frozen=True)
class EasyQuestion:
    """One question of the easy-read scorer: a statement in easy words, or one half of a statement
    that asks two things, with easy wording for each level of the same scale."""

    text: str
    level_0: str
    level_1: str
    level_2: str
    picture: str
    alt: str

    @property
    def levels(self) -> tuple[str, str, str]:
        return (self.level_0, self.level_1, self.level_2)


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
    user_question: str = ""
    related: tuple[str, ...] = ()
    easy_title: str = ""
    easy_read: tuple[EasyReadPoint, ...] = ()
    easy_read_review: Review = field(default_factory=Review)
    why_it_matters: str = ""
    in_practice: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    key_enabler: bool = False

    @property
    def page(self) -> str:
        """Path of the record's page in the docs tree (leader behaviours are sections of one page)."""
        return record_page(self.kind.name, self.kind.folder, self.id)

    @property
    def plain_title(self) -> str:
        """The title the easy read shows: the plain one, or the report's when none is given."""
        return self.easy_title or self.title


@dataclass(frozen=True)
class Statement:
    """One scoring statement, scored on the report's axis (see schema.SCALE)."""

    kind: Kind
    id: str
    area: str
    text: str
    level_0: str
    level_1: str
    level_2: str
    source: str
    file: str
    quick: bool = False
    easy_questions: tuple[EasyQuestion, ...] = ()

    @property
    def levels(self) -> tuple[str, str, str]:
        return (self.level_0, self.level_1, self.level_2)

    @property
    def easy_read(self) -> str:
        """The first easy question's words ('' when the statement has none)."""
        return self.easy_questions[0].text if self.easy_questions else ""

    def easy_ids(self) -> tuple[str, ...]:
        """The easy-read scorer's id for each easy question: the statement's own id when there is one
        question, so its answer is the statement's answer; 'id.1', 'id.2' when the statement is split
        (a dot never appears in a statement id, so these never clash)."""
        if len(self.easy_questions) == 1:
            return (self.id,)
        return tuple(f"{self.id}.{n}" for n in range(1, len(self.easy_questions) + 1))


@dataclass(frozen=True)
class Activity:
    """A workshop activity card: what the group does, why, for how long, with whom."""

    kind: Kind
    id: str
    title: str
    summary: str
    source: str
    report_section: str
    purpose: str
    minutes: int
    people: str
    steps: tuple[str, ...]
    file: str
    materials: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    easy_title: str = ""
    easy_read: tuple[EasyReadPoint, ...] = ()
    easy_read_review: Review = field(default_factory=Review)
    invitation: str = ""
    debrief: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    variations: tuple[str, ...] = ()
    output: str = ""
    examples: tuple[str, ...] = ()
    output_picture: str = ""
    output_alt: str = ""

    @property
    def plain_title(self) -> str:
        """The title the easy read shows: the plain one, or the report's when none is given."""
        return self.easy_title or self.title

    @property
    def page(self) -> str:
        return record_page(self.kind.name, self.kind.folder, self.id)


@dataclass(frozen=True)
class Step:
    title: str
    minutes: int
    cards: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    notes: str = ""
    type: str = "step"
    shows: tuple[str, ...] = ()
    collated_by: str = ""
    if_short: str = ""
    if_wrong: str = ""

    @property
    def is_break(self) -> bool:
        return self.type == "break"


@dataclass(frozen=True)
class Attendance:
    """At least this many of one group come: what a step may show without picking anyone out."""

    group: str
    at_least: int


@dataclass(frozen=True)
class SessionPlan:
    kind: Kind
    id: str
    title: str
    summary: str
    source: str
    report_section: str
    purpose: str
    outcomes: tuple[str, ...]
    invite: tuple[str, ...]
    room: tuple[str, ...]
    steps: tuple[Step, ...]
    file: str
    pre_work: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()
    input: str = ""
    output: str = ""
    follows: str = ""
    arrival: int = 0
    attendance: tuple[Attendance, ...] = ()
    materials: tuple[str, ...] = ()

    def at_least(self, group: str) -> int:
        """How many of a group the plan asks for ('everyone': all groups together)."""
        if group == "everyone":
            return sum(a.at_least for a in self.attendance)
        return sum(a.at_least for a in self.attendance if a.group == group)

    def longest_stretch(self) -> tuple[int, int]:
        """(minutes, index of the step that ends it): the longest run of steps without a break."""
        best, best_end, run = 0, 0, 0
        for index, step in enumerate(self.steps):
            run = 0 if step.is_break else run + step.minutes
            if run > best:
                best, best_end = run, index
        return best, best_end

    @property
    def minutes(self) -> int:
        """The session's length: always added up from its steps, never typed."""
        return sum(step.minutes for step in self.steps)

    @property
    def page(self) -> str:
        return f"{self.kind.folder}/{self.id}.md"


@dataclass(frozen=True)
class ScheduledStep:
    number: int
    step: Step
    start: int
    end: int
    cards: tuple[Record | Activity, ...]


# What Kit.records holds: every kind with a page of its own (statements are kept apart).
Entry = Record | Activity | SessionPlan
_E = TypeVar("_E", Record, Activity, SessionPlan)


@dataclass(frozen=True)
class Kit:
    records: tuple[Entry, ...]
    statements: tuple[Statement, ...] = ()
    version: str = "0.0.0"
    # Records the organisation switched off: only a short page is left at their address.
    switched_off: tuple[Record, ...] = ()
    # The easy-read pages not about one record (kit/easy-read-pages.yml), in the vocabulary's order.
    easy_read_pages: tuple[EasyReadPage, ...] = ()

    def of_kind(self, kind_name: str) -> tuple[Record, ...]:
        """The enablers, barriers or leader behaviours (RECORD_KINDS); activities and sessions have their own."""
        return self._of(kind_name, Record)

    def _of(self, kind_name: str, model: type[_E]) -> tuple[_E, ...]:
        # The loader makes each kind with one model, so the type check only tells mypy what it is.
        return tuple(r for r in self.records if r.kind.name == kind_name and isinstance(r, model))

    @property
    def enablers(self) -> tuple[Record, ...]:
        return self.of_kind("enabler")

    @property
    def barriers(self) -> tuple[Record, ...]:
        return self.of_kind("barrier")

    @property
    def leader_behaviours(self) -> tuple[Record, ...]:
        return self.of_kind("leader_behaviour")

    @property
    def activities(self) -> tuple[Activity, ...]:
        return self._of("activity", Activity)

    @property
    def sessions(self) -> tuple[SessionPlan, ...]:
        return self._of("session", SessionPlan)

    @property
    def areas(self) -> tuple[Record, ...]:
        """What the scoring covers: every enabler and barrier, in that order."""
        return self.enablers + self.barriers

    def statements_for(self, area_id: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.area == area_id)

    @property
    def quick_check(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.quick)

    def get(self, record_id: str) -> Record:
        """An enabler, barrier or leader behaviour by id (what `related` may name)."""
        for record in self.records:
            if record.id == record_id and isinstance(record, Record):
                return record
        raise KeyError(record_id)

    def cards_by_id(self) -> dict[str, Record | Activity]:
        """Everything a session step can name as a card: records and activities."""
        return {r.id: r for r in self.records if isinstance(r, Record)} | {a.id: a for a in self.activities}

    def plan_cards(self, plan: SessionPlan) -> list[Record | Activity]:
        """The records and activities the plan's steps use, in order of first use, each once."""
        by_id = self.cards_by_id()
        seen: set[str] = set()
        out: list[Record | Activity] = []
        for step in plan.steps:
            for card_id in step.cards:
                if card_id not in seen and card_id in by_id:
                    seen.add(card_id)
                    out.append(by_id[card_id])
        return out

    def sequence(self, plan: SessionPlan) -> tuple[SessionPlan | None, tuple[SessionPlan, ...]]:
        """The plan this one starts from (its `follows`), and the plans that start from it."""
        before = next((p for p in self.sessions if p.id == plan.follows), None) if plan.follows else None
        return before, tuple(p for p in self.sessions if p.follows == plan.id)

    def schedule(self, plan: SessionPlan) -> list[ScheduledStep]:
        """Each step with its start and end, counted from 0 minutes, and the cards it uses."""
        by_id = self.cards_by_id()
        rows, start = [], 0
        for number, step in enumerate(plan.steps, 1):
            rows.append(ScheduledStep(number, step, start, start + step.minutes,
                                      tuple(by_id[c] for c in step.cards if c in by_id)))
            start += step.minutes
        return rows



# --- the easy-read pages not about one record (kit/easy-read-pages.yml) --------------------


@dataclass(frozen=True)
class EasyReadPagePoint(EasyReadPoint):
    """A point of an easy-read page. `when`: a condition (content.easy_read_pages.WHEN), or ''."""

    when: str = ""


@dataclass(frozen=True)
class EasyReadSection:
    """One heading and its points. The web page and the booklet print the very same point objects."""

    heading: str = ""
    level: int = 2
    anchor: str = ""
    points: tuple[EasyReadPoint, ...] = ()
    when: str = ""
    screen_only: bool = False
    print_only: bool = False
    # What only the website can add when it renders: 'easy-read-pages' (the hand-written pages).
    add: str = ""
    # Labelled spaces to write or draw in, after the points.
    write_in: tuple[str, ...] = ()
    # The scoring scale's own list: the easy-read scorer copies its pictures.
    scale: bool = False


@dataclass(frozen=True)
class EasyReadPage:
    id: str
    path: str
    title: str
    description: str
    twin: str
    sections: tuple[EasyReadSection, ...]
    file: str


@dataclass(frozen=True)
class Run:
    """A stretch of briefing text: plain, bold, or the words of a link (`link` is the address as written)."""

    text: str
    strong: bool = False
    link: str = ""


@dataclass(frozen=True)
class BriefingBlock:
    """One block of the trustee briefing.

    kind: 'paragraph', 'suggestion' (a line marking what follows as the kit's suggestion),
    'list', 'numbered', 'box' (a framed list with an optional title) or 'more' (a
    "More: ..." pointer to another page, shown on screen only).
    """

    kind: str
    runs: tuple[Run, ...] = ()
    items: tuple[tuple[Run, ...], ...] = ()
    title: str = ""

    @property
    def screen_only(self) -> bool:
        return self.kind == "more"


@dataclass(frozen=True)
class BriefingSection:
    heading: str
    blocks: tuple[BriefingBlock, ...]


@dataclass(frozen=True)
class Briefing:
    """The briefing for trustees (kit/trustee-briefing.yml): one source for its web page and its PDF."""

    title: str
    description: str
    intro: tuple[BriefingBlock, ...]
    sections: tuple[BriefingSection, ...]
    file: str
