"""The content model: which fields each kind of record has, and what each field accepts.

This table is the single statement of the schema. The loader enforces it, and
`kit/README.md` documents it for content editors (a test keeps the two in step).
Word limits on card fields keep cards legible; the print layout checks the real fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocabulary as words
from ..vocabulary import SCALE, SOURCES, KindWords

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Raw HTML in content would reach pages, cards and exports unescaped; content is text or Markdown only.
HTML_TAG = re.compile(r"<\s*[/!?]?[a-zA-Z]|<!--")
PICTURE_PATTERN = re.compile(r"^(?:[a-z0-9-]+/[a-z0-9-]+|[\w./-]+\.(?:png|jpg|jpeg|svg|webp))$")


@dataclass(frozen=True)
class Field:
    """One field of a record.

    kind: 'id', 'text' (one plain line), 'markdown' (prose), 'texts' (list of plain lines),
    'ids' (list of record ids), 'ref' (one record id), 'choice', 'flag' (true or false),
    'number' (a whole number from min_items to max_items), 'items' (a list of small records
    with `item_fields`), 'picture' (an icon name or an image file in docs/), 'easy_read'
    (list of points), 'review'.
    refers_to: for 'ids' and 'ref', the kinds of record the ids may name (empty: any).
    """

    name: str
    kind: str
    required: bool = False
    max_words: int | None = None
    max_chars: int = 400
    min_items: int = 0
    max_items: int | None = None
    choices: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    item_fields: tuple[Field, ...] = ()
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

    @classmethod
    def of(cls, kind: KindWords, fields: tuple[Field, ...]) -> Kind:
        return cls(kind.name, kind.label, kind.plural, kind.file, kind.folder, fields)

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
          help="What the study found, in our own words (Markdown). Say no more than the findings do."),
    Field("findings", "texts", max_words=22, max_chars=180, max_items=3,
          help="At most three short points of what the study found; printed on the back of the card. "
               "Say no more than the findings do."),
    Field("opening_question", "text", max_words=20, max_chars=160,
          help="One question that opens discussion; printed on the card front."),
    Field("questions", "texts", max_words=20, max_chars=160, min_items=0, max_items=3,
          help="Two or three discussion questions; printed on the back of the card and on the page."),
    Field("user_question", "text", required=True, max_words=20, max_chars=160,
          help="One question written to people who use services, about what they have seen for themselves "
               "('When did you last see something change because users asked?'). Speak to them as 'you', never "
               "'we' or 'our' for the organisation, and end with a question mark; printed on the card and the page."),
    Field("related", "ids", refers_to=("enabler", "barrier", "leader_behaviour"),
          help="Ids of related enablers, barriers or leader behaviours."),
    Field("easy_title", "text", max_words=8, max_chars=70,
          help="The title in plain words, for the easy-read page, menu, booklet and cards (for example 'Users "
               "cannot get to the top jobs'). No report words from kit/easy-read-jargon.yml; the page says "
               "once what the report calls it. Without it, the easy read uses `title`."),
    Field("easy_read", "easy_read",
          help="The easy-read version: a list of points, each with `text`, `picture` and `alt`."),
    Field("easy_read_review", "review",
          help="Who checked the easy-read version with people with learning disabilities, and when. "
               "Leave `checked_by` and `date` empty until that has really happened."),
)

_GUIDANCE = (
    Field("why_it_matters", "markdown", max_chars=4000,
          help="Why this matters for an organisation: the kit's own reasoning, not a finding, and labelled "
               "as the kit's on the page (Markdown)."),
    Field("in_practice", "texts", max_words=45, max_chars=320, max_items=8,
          help="What it can look like in practice: the kit's suggestions."),
    Field("warning_signs", "texts", max_words=45, max_chars=320, max_items=8,
          help="Signs that this is missing or going wrong: the kit's suggestions."),
)

# The report's key findings name two enablers as key; a board reading the overview should see which.
_KEY = (
    Field("key_enabler", "flag",
          help="true for the two enablers the report's key findings call key; marked on the overview, "
               "the page and the card."),
)

ENABLER = Kind.of(words.ENABLER, _COMMON + _GUIDANCE + _KEY)
BARRIER = Kind.of(words.BARRIER, _COMMON + _GUIDANCE)
LEADER_BEHAVIOUR = Kind.of(words.LEADER_BEHAVIOUR, _COMMON)

_LEVEL_HELP = "What this statement looks like at level {n} ({name}), in a short phrase of its own."

STATEMENT = Kind.of(words.STATEMENT, (
    Field("id", "id", required=True, max_chars=60,
          help="Stable id of the statement. Never reuse an id for a different statement: saved answers refer to it."),
    Field("area", "ref", required=True, refers_to=("enabler", "barrier"),
          help="The id of the enabler or barrier this statement is about."),
    Field("text", "text", required=True, max_words=30, max_chars=220,
          help="The statement people score. Word barrier statements so that a higher score is always better."),
    Field("level_0", "text", required=True, max_words=20, max_chars=150,
          help=_LEVEL_HELP.format(n=0, name=SCALE[0].short.lower())),
    Field("level_1", "text", required=True, max_words=20, max_chars=150,
          help=_LEVEL_HELP.format(n=1, name=SCALE[1].short.lower())),
    Field("level_2", "text", required=True, max_words=20, max_chars=150,
          help=_LEVEL_HELP.format(n=2, name=SCALE[2].short.lower())),
    Field("quick", "flag",
          help="true if the statement is in the quick check (10 to 12 statements for a 15-minute use)."),
    Field("source", "choice", required=True, choices=SOURCES,
          help="Where the statement comes from: statements are the kit's questions ('kit') built on the "
               "report's findings, or added by your organisation ('organisation')."),
    Field("easy_read", "text", max_words=15, max_chars=120,
          help="The older, shorter form of easy_questions, still read so that statements written for earlier "
               "versions keep working: one question in easy words; the easy-read scorer then gives it the "
               "scale's easy words and a picture of people talking. Give easy_questions or easy_read, not both."),
    Field("easy_questions", "items", max_items=2, item_fields=(
        Field("text", "text", required=True, max_words=15, max_chars=120,
              help="The question in easy words, spoken to the reader ('you'); name the organisation, never 'we'."),
        Field("level_0", "text", required=True, max_words=15, max_chars=100,
              help="What level 0 (not happening) means for this question, in easy words."),
        Field("level_1", "text", required=True, max_words=15, max_chars=100,
              help="What level 1 means: users take part, but in the way staff decide."),
        Field("level_2", "text", required=True, max_words=15, max_chars=100,
              help="What level 2 means: what users want decides what happens."),
        Field("picture", "picture", required=True, max_chars=120,
              help="A symbol in docs/ (such as images/symbols/talk.svg) showing the idea of the question."),
        Field("alt", "text", required=True, max_words=15, max_chars=120, help="What the picture shows."),
    ), help="The statement for the easy-read scorer: one question, or two when the statement asks two things "
            "at once (the statement's answer is then the lower of the two). Each has easy words for 0, 1 and 2, "
            "a picture and its alt text."),
))

_CARD_IDS = ("enabler", "barrier", "leader_behaviour", "activity")

ACTIVITY = Kind.of(words.ACTIVITY, (
    Field("id", "id", required=True, max_chars=60, help="Stable id of the activity card."),
    Field("title", "text", required=True, max_words=8, max_chars=70, help="Short name of the activity."),
    Field("summary", "text", required=True, max_words=25, max_chars=200,
          help="One sentence saying what the group does; the card front."),
    Field("source", "choice", required=True, choices=SOURCES,
          help="Activities are the kit's suggestion ('kit') or your organisation's ('organisation')."),
    Field("report_section", "text", required=True, max_words=20, max_chars=160,
          help="The part of the report the activity builds on, or 'none'."),
    Field("purpose", "text", required=True, max_words=30, max_chars=220,
          help="Why a group would do this activity; the card front."),
    Field("minutes", "number", required=True, min_items=5, max_items=180, help="How long it takes, in minutes."),
    Field("people", "text", required=True, max_words=8, max_chars=60,
          help="Who and how many, for example '4 to 12, users and staff together'."),
    Field("steps", "texts", required=True, max_words=25, max_chars=180, min_items=2, max_items=6,
          help="What the group does, in order; the back of the card."),
    Field("materials", "texts", max_words=10, max_chars=80, max_items=6, help="What to bring."),
    Field("invitation", "text", max_words=30, max_chars=220,
          help="The exact question or task to put to the group, in the words to say."),
    Field("debrief", "texts", max_words=25, max_chars=180, max_items=4,
          help="Questions to close with: what did we notice, so what, now what."),
    Field("tips", "texts", max_words=30, max_chars=220, max_items=4,
          help="Tips and traps for a first-time facilitator."),
    Field("variations", "texts", max_words=30, max_chars=220, max_items=4,
          help="How to run it with a bigger or smaller group, online, or in easy read."),
    Field("output", "text", max_words=50, max_chars=350,
          help="What the finished output looks like, described so a facilitator can picture it."),
    Field("examples", "texts", max_words=30, max_chars=200, max_items=14,
          help="Ready-made examples to print on slips (a starter set); add local ones beforehand."),
    Field("output_picture", "picture", max_chars=120,
          help="A drawing of the finished output, an image file in docs/ (such as images/outputs/x.svg)."),
    Field("output_alt", "text", max_words=60, max_chars=400,
          help="What the drawing of the finished output shows, for people who cannot see it."),
    Field("related", "ids", refers_to=("enabler", "barrier", "leader_behaviour"),
          help="Ids of the enablers, barriers or leader behaviours the activity explores."),
    Field("easy_title", "text", max_words=8, max_chars=70, help="The title in plain words, as for other records."),
    Field("easy_read", "easy_read", help="The easy-read version, as for other records."),
    Field("easy_read_review", "review", help="As for other records."),
))

_STEP_FIELDS = (
    Field("title", "text", required=True, max_words=10, max_chars=80, help="What happens in this step."),
    Field("minutes", "number", required=True, min_items=1, max_items=240, help="How long the step takes."),
    Field("cards", "ids", refers_to=_CARD_IDS, help="Ids of the cards used in this step."),
    Field("materials", "texts", max_words=12, max_chars=100, max_items=8, help="What the step needs."),
    Field("notes", "text", max_words=90, max_chars=650, help="Notes for the facilitator."),
    Field("type", "choice", choices=words.STEP_TYPES,
          help="'break' for a break (the build counts the time between breaks); 'step' otherwise."),
    Field("shows", "texts", max_words=2, max_chars=20, max_items=len(words.SESSION_GROUPS),
          help="Whose scores the step shows the room, on a wall, screen or chart: groups from "
               "the plan's attendance, or 'everyone'. The build refuses a group smaller than the threshold."),
    Field("collated_by", "text", max_words=25, max_chars=180,
          help="Who gathers the privately written scores before anything is shown, and how."),
    Field("if_short", "text", max_words=40, max_chars=280, help="What to cut when time runs short."),
    Field("if_wrong", "text", max_words=50, max_chars=350, help="What to do when the step goes wrong."),
)

_ATTENDANCE_FIELDS = (
    Field("group", "choice", required=True, choices=tuple(words.SESSION_GROUPS),
          help="Which group: people who use services, carers, staff, managers or trustees."),
    Field("at_least", "number", required=True, min_items=0, max_items=200,
          help="How many of them the plan asks for at least."),
)

SESSION = Kind.of(words.SESSION, (
    Field("id", "id", required=True, max_chars=60, help="Stable id of the session plan."),
    Field("title", "text", required=True, max_words=10, max_chars=90, help="Name of the session."),
    Field("summary", "text", required=True, max_words=30, max_chars=220, help="One sentence: what it is for."),
    Field("source", "choice", required=True, choices=SOURCES,
          help="Session plans are the kit's suggestion ('kit') or your organisation's ('organisation')."),
    Field("report_section", "text", required=True, max_words=20, max_chars=160,
          help="The part of the report the session builds on, or 'none'."),
    Field("purpose", "text", required=True, max_words=60, max_chars=420, help="Why hold this session."),
    Field("outcomes", "texts", required=True, max_words=25, max_chars=180, min_items=1, max_items=6,
          help="What the group will have at the end."),
    Field("invite", "texts", required=True, max_words=25, max_chars=180, min_items=1, max_items=8,
          help="Who to invite."),
    Field("pre_work", "texts", max_words=30, max_chars=220, max_items=8, help="What to do beforehand."),
    Field("room", "texts", required=True, max_words=30, max_chars=220, min_items=1, max_items=10,
          help="Room and access needs."),
    Field("sheets", "texts", max_words=6, max_chars=40, max_items=4,
          help="Which scoring sheets the session uses: 'quick' and/or 'full'."),
    Field("input", "text", max_words=40, max_chars=280,
          help="What the session starts from, such as the user group's three priorities."),
    Field("output", "text", max_words=40, max_chars=280, help="What the session hands on to the next one."),
    Field("follows", "ref", refers_to=("session",),
          help="The id of the session whose output this one starts from."),
    Field("arrival", "number", min_items=0, max_items=60,
          help="Minutes the doors open before the start, for arrival and tea; not counted in the total."),
    Field("attendance", "items", max_items=len(words.SESSION_GROUPS), item_fields=_ATTENDANCE_FIELDS,
          help="The least number of each group the plan asks for: what a step may show without "
               "picking anyone out."),
    Field("materials", "texts", max_words=3, max_chars=40, max_items=len(words.SESSION_TEMPLATES),
          help="Ids of the printed templates the session uses (see SESSION_TEMPLATES); the pack includes them."),
    Field("steps", "items", required=True, max_items=20, item_fields=_STEP_FIELDS,
          help="The steps, in order: title, minutes, cards, materials, notes. The total time is "
               "added up from the steps."),
))

KINDS: tuple[Kind, ...] = (ENABLER, BARRIER, LEADER_BEHAVIOUR, STATEMENT, ACTIVITY, SESSION)
KIND_BY_NAME = {k.name: k for k in KINDS}


EASY_READ_POINT_FIELDS = {
    "text": "one or two short sentences",
    "picture": "a symbol such as 'images/symbols/talk-4.svg', or an image file of your own in docs/",
    "alt": "what the picture shows, for people who cannot see it",
}
REVIEW_FIELDS = {
    "checked_by": "who checked the easy-read text (a group, not a person's private details)",
    "date": "when it was checked, as YYYY-MM-DD",
}
