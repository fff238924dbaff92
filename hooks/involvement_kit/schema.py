"""The content model: which fields each kind of record has, and what each field accepts.

This table is the single statement of the schema. The loader enforces it, and
`kit/README.md` documents it for content editors (a test keeps the two in step).
Word limits on card fields keep cards legible; the print layout checks the real fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Raw HTML in content would reach pages, cards and exports unescaped; content is text or Markdown only.
HTML_TAG = re.compile(r"<\s*[/!?]?[a-zA-Z]")
SOURCES = ("report", "kit", "organisation")
PICTURE_PATTERN = re.compile(r"^(?:[a-z0-9-]+/[a-z0-9-]+|[\w./-]+\.(?:png|jpg|jpeg|svg|webp))$")


@dataclass(frozen=True)
class Field:
    """One field of a record.

    kind: 'id', 'text' (one plain line), 'markdown' (prose), 'texts' (list of plain lines),
    'ids' (list of record ids), 'choice', 'easy_read' (list of points), 'review'.
    """

    name: str
    kind: str
    required: bool = False
    max_words: int | None = None
    max_chars: int = 400
    min_items: int = 0
    max_items: int | None = None
    choices: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of record: where its records live and which fields they have."""

    name: str
    label: str
    plural: str
    file: str
    folder: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


_COMMON = (
    Field("id", "id", required=True, max_chars=60,
          help="Stable address of the record: lower-case words joined by hyphens. Never change it once published."),
    Field("title", "text", required=True, max_words=8, max_chars=70,
          help="Short name, shown as the heading of the page and the card."),
    Field("summary", "text", required=True, max_words=25, max_chars=200,
          help="One sentence saying what this is; shown on overview pages and the card front."),
    Field("source", "choice", required=True, choices=SOURCES,
          help="Where the content comes from: 'report' (a research finding), 'kit' (our suggestion) "
               "or 'organisation' (added by the organisation using the kit)."),
    Field("report_section", "text", required=True, max_words=20, max_chars=160,
          help="The part of the report this comes from, for example 'Factors promoting user involvement: "
               "quality of dialogue'. Write 'none' for records that do not come from the report."),
    Field("body", "markdown", max_chars=8000,
          help="What the study found, in our own words (Markdown)."),
    Field("findings", "texts", max_words=22, max_chars=180, max_items=3,
          help="At most three short points of what the study found; printed on the back of the card."),
    Field("opening_question", "text", max_words=20, max_chars=160,
          help="One question that opens discussion; printed on the card front."),
    Field("questions", "texts", max_words=20, max_chars=160, min_items=0, max_items=3,
          help="Two or three discussion questions; printed on the back of the card and on the page."),
    Field("related", "ids",
          help="Ids of related enablers, barriers or leader behaviours."),
    Field("easy_read", "easy_read",
          help="The easy-read version: a list of points, each with `text`, `picture` and `alt`."),
    Field("easy_read_review", "review",
          help="Who checked the easy-read version with people with learning disabilities, and when. "
               "Leave `checked_by` and `date` empty until that has really happened."),
)

_GUIDANCE = (
    Field("why_it_matters", "markdown", max_chars=4000,
          help="Why this matters for an organisation (Markdown)."),
    Field("in_practice", "texts", max_words=45, max_chars=320, max_items=8,
          help="What it can look like in practice: the kit's suggestions."),
    Field("warning_signs", "texts", max_words=45, max_chars=320, max_items=8,
          help="Signs that this is missing or going wrong: the kit's suggestions."),
)

ENABLER = Kind("enabler", "Enabler", "Enablers", "enablers.yml", "enablers", _COMMON + _GUIDANCE)
BARRIER = Kind("barrier", "Barrier", "Barriers", "barriers.yml", "barriers", _COMMON + _GUIDANCE)
LEADER_BEHAVIOUR = Kind("leader_behaviour", "Leader behaviour", "Leader behaviours",
                        "leader-behaviours.yml", "leadership", _COMMON)

KINDS: tuple[Kind, ...] = (ENABLER, BARRIER, LEADER_BEHAVIOUR)

EASY_READ_POINT_FIELDS = {
    "text": "one or two short sentences",
    "picture": "an icon name such as 'material/account-group', or an image file in docs/",
    "alt": "what the picture shows, for people who cannot see it",
}
REVIEW_FIELDS = {
    "checked_by": "who checked the easy-read text (a group, not a person's private details)",
    "date": "when it was checked, as YYYY-MM-DD",
}
