"""Every word and name the kit's outputs share, written once.

Pages, cards, sheets, packs, the easy read, the scorer in the browser and the command-line
report all say the same things: what a record's source means, what 0, 1 and 2 mean, what a
kind is called, where a file lives on the site. Each is spelled here and nowhere else. The
Jinja templates get this module as `vocabulary`, the Typst templates get the parts they print
in their JSON data, and the browser gets them in the generated `scoring-data.js`.

This module imports nothing of the kit, so every layer may read it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# --- where content comes from -----------------------------------------------------------

SOURCES = ("report", "kit", "organisation")
SOURCE_LABELS = {
    "report": "Research finding",
    "kit": "The kit's suggestion",
    "organisation": "Added by your organisation",
}
# The organisation's own records are marked wherever the kit's are listed beside them, and never
# listed under what the study found (README: "every output labels them").
OWN_SOURCE = "organisation"
EASY_READ_OWN = "The organisation added this. It is not from the study."
EASY_READ_OWN_QUESTION = "The organisation added this question."
EASY_READ_OWN_HEADING = "Added by the organisation"
EASY_READ_OWN_INTRO = "The organisation added these. They are not from the study."


def kind_with_source(kind_label: str, source: str) -> str:
    """A kind's label, marked for the organisation's own records: 'Enabler · Added by your organisation'."""
    return f"{kind_label} · {SOURCE_LABELS[OWN_SOURCE]}" if source == OWN_SOURCE else kind_label

# --- kinds of record ------------------------------------------------------------------


@dataclass(frozen=True)
class KindWords:
    name: str
    label: str
    plural: str
    file: str
    folder: str


ENABLER = KindWords("enabler", "Enabler", "Enablers", "enablers.yml", "enablers")
BARRIER = KindWords("barrier", "Barrier", "Barriers", "barriers.yml", "barriers")
LEADER_BEHAVIOUR = KindWords("leader_behaviour", "Leader behaviour", "Leader behaviours",
                             "leader-behaviours.yml", "leadership")
STATEMENT = KindWords("statement", "Scoring statement", "Scoring statements", "statements.yml", "scoring")
ACTIVITY = KindWords("activity", "Activity", "Activities", "activities.yml", "activities")
SESSION = KindWords("session", "Session plan", "Session plans", "sessions.yml", "sessions")

# The report's own order of the three kinds of record.
RECORD_KINDS = ("enabler", "barrier", "leader_behaviour")

# --- the scoring scale ------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One point of the report's axis, in each register the kit speaks in."""

    value: int | None  # None: "don't know"
    short: str         # a chart's tick, a sheet's column
    long: str          # a sheet's key, the scorer's legend
    easy: str          # the easy read
    picture: str       # the easy read's picture for it
    alt: str

    @property
    def word(self) -> str:
        """The short label inside a sentence: '1 (management-centred)'."""
        return self.short.lower()


# Nothing, then management-centred, then user-centred involvement (the report's axis).
SCALE = (
    Level(0, "Not happening", "Not happening.",
          "Not happening", "images/symbols/empty.svg", "An empty glass"),
    Level(1, "Management-centred",
          "Management-centred: users take part, but in the organisation's structures and on its agenda.",
          "Users take part in the way staff decide", "images/symbols/half.svg", "A circle, half filled in"),
    Level(2, "User-centred",
          "User-centred: what users want and put first becomes what the organisation wants and puts first.",
          "What users want decides what happens", "images/symbols/full.svg", "A full glass"),
)
DONT_KNOW = Level(None, "Don’t know", "Don’t know: left out of every average, never counted as 0.",
                  "I do not know", "images/symbols/what.svg", "A question mark")
# The scale as a phrase inside a sentence, and one line saying what the numbers mean (reports, charts).
SCALE_RANGE = " ".join(f"{joint} {level.value} ({level.word})"
                       for joint, level in zip(("from", "through", "to"), SCALE, strict=True))
SCALE_SENTENCE = f"Scores run {SCALE_RANGE}."
# What each number means, for someone about to answer.
SCALE_MEANINGS = (f"{SCALE[0].value} means it is {SCALE[0].word}; {SCALE[1].value} means users take part on the "
                  f"organisation's terms ({SCALE[1].word}); {SCALE[2].value} means users' priorities become the "
                  f"organisation's ({SCALE[2].word}).")
QUICK_CHECK_SIZE = (10, 12)

SETS = {"quick": "Quick check", "full": "Full set"}

# --- people -----------------------------------------------------------------------------

DEFAULT_ROLES = ("Trustee", "Senior manager", "Staff", "Volunteer", "Person using services", "Carer")
# The role the easy-read scorer chooses for its reader.
USER_ROLE = "Person using services"
# Roles whose notes a comparison shows as written: the voices the kit exists to carry.
VOICE_ROLES = ("Person using services", "Carer")
NO_ROLE = "No role given"
OTHERS = "Others"
# What a table cell says, and a chart says instead of a bar, when a figure would rest on
# fewer than the threshold's number of answers (scoring/compare.py decides when).
TOO_FEW = "too few answers to show"

# --- limits on answer files, the same in the scorer, the compare page and the command line ---

# The scorer's note box takes this many characters; every reader accepts what it writes.
MAX_NOTE_CHARS = 4000
# The smallest group shown on its own: 1 would show one person; above 20 few groups show at all.
THRESHOLD_RANGE = (2, 20)
# A file of answers is a flat object; anything nested deeper than this is not one of ours.
MAX_DEPTH = 4
MAX_FILE_CHARS = 1000000
# The export's date is an ISO 8601 time from the browser (24 characters, some allow 27).
MAX_DATE_CHARS = 40
# The same limits as the browser gets them (scoring-data.js `limits`).
LIMITS = {"note_chars": MAX_NOTE_CHARS, "threshold": list(THRESHOLD_RANGE), "depth": MAX_DEPTH,
          "file_chars": MAX_FILE_CHARS, "date_chars": MAX_DATE_CHARS, "sets": list(SETS)}

# --- sessions in the room ---------------------------------------------------------------

# The smallest group whose scores may be shown on their own, on a screen, a wall or a chart
# (the compare page's default): below it, people's answers could be picked out.
DISCLOSURE_THRESHOLD = 3
# Who a session plan counts in its `attendance` and may show scores for in a step's `shows`.
# 'everyone' is the whole room's combined result, which is as big as all the groups together.
SESSION_GROUPS = {"users": "people who use services", "carers": "carers", "staff": "staff",
                  "managers": "managers", "trustees": "trustees", "everyone": "everyone in the room"}
# A plan longer than BREAK_CHECK_FROM minutes needs a break at least every BREAK_EVERY minutes.
BREAK_EVERY = 75
BREAK_CHECK_FROM = 90
STEP_TYPES = ("step", "break")
# The printed templates a plan's `materials` may name, by id (a pack puts each in; the ids are
# the names packs, downloads and editable copies share).
SESSION_TEMPLATES = {
    "invitation": "Invitation",
    "agenda": "Agenda with times",
    "sign-in": "Sign-in sheet (counts roles, never names)",
    "expenses-claim": "Expenses and fee claim",
    "payment-letter": "Payment letter for the benefits office",
    "consent-slip": "Consent for notes and photos",
    "action-sheet": "Action sheet",
    "feedback-form": "Feedback form",
    "follow-up-letter": "Follow-up letter: you said, we did",
    "example-slips": "Starter example slips for sorting",
    "sorting-line-labels": "Sorting-line end labels",
    "presence-grid": "Presence-audit grid",
    "spread-chart": "Spread of scores chart, to fill in by hand",
    "structure-chart": "Structure chart: where users sit",
}

# Ground rules to start from, on the facilitator guide's page and a session's slides: the kit's
# suggestion, which each group changes and adds to.
GROUND_RULES = (
    "Everyone's experience counts, and nobody is the expert on someone else's life.",
    "One person speaks at a time, in plain words.",
    "Criticise decisions and systems, not people.",
    "What people say about their own lives stays in the room.",
    "Anyone can ask for a pause, or step out, without giving a reason.",
    "Disagreement is welcome: we do not need to agree on everything today.",
)
# The templates that users read or fill in, made in easy read too (review finding 27): id -> the
# easy-read title, in plain words. They print in one easy-read file and in the packs of plans
# that use easy read.
EASY_READ_TEMPLATES = {
    "invitation": "Come to our meeting",
    "agenda": "What happens at the meeting",
    "sign-in": "Who came to the meeting",
    "expenses-claim": "Money for coming to the meeting",
    "consent-slip": "Notes and photos: you choose",
    "feedback-form": "How was the meeting?",
    "follow-up-letter": "After the meeting: you said, we did",
}

# --- options ----------------------------------------------------------------------------

PAPERS = ("a4", "letter")
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}
OUTPUTS = ("cards", "sheets", "packs", "easy-read")

# --- pictures and icons (theme icon names, 'set/name') -----------------------------------

KIND_ICONS = {
    "enabler": "material/arrow-up-bold-circle-outline",
    "barrier": "material/alert-octagon-outline",
    "leader_behaviour": "material/account-star-outline",
    "activity": "material/puzzle-outline",
    "instructions": "material/information-outline",
    "blank": "material/pencil-outline",
    "session": "material/calendar-clock",
    "index": "material/format-list-numbered",
}
CARD_KINDS = RECORD_KINDS + ("activity", "instructions", "blank", "index")
CARD_LABELS = {"instructions": "How to use the deck", "blank": "Your own card", "index": "Deck index"}
# The two enablers the report's key findings call key (`key_enabler: true`): the overview,
# the page and the card front say so in these words.
KEY_ENABLER = "Key enabler"
KEY_ENABLERS_NOTE = "The report's key findings name two enablers as key."
# Each record's question written to people who use services (`user_question`), from their own
# experience, beside the questions an organisation asks itself: the page and the card head it so.
USER_QUESTION = "Ask people who use services"
# A plan's timetable, printed in its pack and in its editable copy: the last column is left empty
# for the real times of the day (review finding 15e).
TIMETABLE_COLUMNS = ("Step", "What happens", "Minutes", "Clock", "Your times")
# The first point of each easy-read record page says what kind of thing it is.
KIND_PICTURES = {
    "enabler": ("images/symbols/good.svg", "A thumb up"),
    "barrier": ("images/symbols/bad.svg", "A thumb down"),
    "leader_behaviour": ("images/symbols/show-me.svg", "One person showing another"),
}
KIND_SENTENCES = {
    "enabler": "This is one of the things that help users to have a say.",
    "barrier": "This is one of the things that get in the way.",
    "leader_behaviour": "This is one thing that good leaders do.",
}
EASY_READ_PICTURES = {
    "checked": ("images/symbols/correct.svg", "A tick"),
    "not_checked": ("images/symbols/confused-man.svg", "A person who is not sure"),
    "feedback": ("images/symbols/talk-2.svg", "A person speaking"),
    "words": ("images/symbols/dictionary.svg", "A book of words"),
    "computer": ("images/symbols/computer-1.svg", "A computer"),
    "tick": ("images/symbols/correct.svg", "A tick"),
    "list": ("images/symbols/worksheet.svg", "A list on paper, with a pencil"),
    "printer": ("images/symbols/print.svg", "A printer"),
    "handwritten": ("images/symbols/pencil-and-paper.svg", "Paper and a pencil"),
    "own": ("images/symbols/office-block.svg", "An office building"),
    "leader": ("images/symbols/show-me.svg", "One person showing another"),
}

# The easy read's pictures: Mulberry Symbols (CC BY-SA 4.0) copied into docs/images/symbols/.
# One picture for each person or idea that comes up again and again, used the same way everywhere.
SYMBOLS = "images/symbols"
SYMBOL_CREDIT = "Pictures: Mulberry Symbols by Steve Lee, CC BY-SA 4.0 (mulberrysymbols.org)."
# Where the copied symbols sit in docs/: a picture from here carries SYMBOL_CREDIT wherever it prints.
SYMBOLS_FOLDER = "images/symbols/"
EASY_READ_SYMBOLS = {
    "you": (f"{SYMBOLS}/good-person.svg", "A person giving a thumbs up"),
    "user group": (f"{SYMBOLS}/meet.svg", "People coming together"),
    "staff": (f"{SYMBOLS}/care-assistant-2a.svg", "A member of staff"),
    "manager": (f"{SYMBOLS}/secretary-1b.svg", "A manager in a suit, with a paper"),
    "trustee": (f"{SYMBOLS}/head-teacher-2a.svg", "A person in charge, in front of a building"),
    "meeting": (f"{SYMBOLS}/group-work.svg", "People meeting round a table"),
    "money": (f"{SYMBOLS}/money.svg", "Money: notes and coins"),
    "time": (f"{SYMBOLS}/clock.svg", "A clock"),
    "talking": (f"{SYMBOLS}/talk-4.svg", "Two people talking"),
    "deciding": (f"{SYMBOLS}/pick.svg", "A hand picking one square"),
}
# "In the report, this is called ...": the one place a page gives the report's own name.
REPORT_PICTURE = (f"{SYMBOLS}/read.svg", "A person reading a book")


def icon_md(name: str) -> str:
    """A theme icon as Material's Markdown shortcode: 'material/puzzle-outline' -> ':material-puzzle-outline:'."""
    return ":" + name.replace("/", "-") + ":"


# --- addresses on the site (docs paths end in .md; downloads are site paths) ---------------

DOWNLOADS = "downloads"
PICTURES_PAGE = "pictures.md"
# Folders in docs/ whose image files an editor may name as easy-read pictures (listed on PICTURES_PAGE).
PICTURE_FOLDERS = ("assets/symbols", "images")
SCORER_PAGE = "scoring/index.md"
PRINT_PAGE = "print-cards.md"
BRIEFING_PAGE = "trustees.md"
LEADERSHIP_PAGE = "leadership/index.md"
SESSIONS_INDEX = "sessions/index.md"
# A countdown to show on a screen beside a session's slides (hand-written, docs/timer.md).
TIMER_PAGE = "timer.md"
ACTIVITIES_PAGE = "activities/index.md"
SCORING_DATA = "assets/kit/scoring-data.js"
# The QR library (npm qrcode-generator), copied in by the build when npm installed it.
QR_LIBRARY = "assets/kit/qrcode.js"
BRAND_CSS = "assets/kit/brand.css"
PACKS = f"{DOWNLOADS}/packs"
EASY_READ = "easy-read"
EASY_READ_INDEX = f"{EASY_READ}/index.md"
EASY_READ_LEADERSHIP = f"{EASY_READ}/leadership.md"
EASY_READ_MARK = " (easy read)"

# Card decks: layout as the template knows it -> file name stem on the site (with -a4 or -letter).
CARD_LAYOUTS = {
    "two-sided": "cards",
    "fronts": "cards-fronts",
    "fold": "cards-fold",
    "large": "cards-large",
    "align": "cards-test",
}
CARD_FOLDER = "cards"
PREVIEWS = "previews"

# The offline copy (`make offline`); published beside the PDFs only when a build is given it (`make publish`).
OFFLINE_ZIP = "user-involvement-kit-offline.zip"
OFFLINE_ZIP_VARIABLE = "KIT_OFFLINE_ZIP"

BRIEFING_STEMS = {"briefing": "trustee-briefing", "checklist": "leadership-checklist"}
EASY_READ_FILES = {
    "booklet": "easy-read-booklet.pdf",
    "cards": "easy-read-cards.pdf",
    "scoring": "easy-read-scoring.pdf",
    "review": "easy-read-review-sheets.pdf",
    "templates": "easy-read-templates.pdf",
}
EASY_READ_FILE_TITLES = {
    "easy-read-booklet.pdf": "The easy-read booklet (PDF)",
    "easy-read-cards.pdf": "The easy-read cards (PDF)",
    "easy-read-scoring.pdf": "The easy-read scoring sheet (PDF)",
    "easy-read-review-sheets.pdf": "Sheets to check each easy-read page (PDF)",
    "easy-read-templates.pdf": "Letters and forms for a meeting, in easy read (PDF)",
}
# Each easy-read PDF's own picture where a page lists them.
EASY_READ_FILE_PICTURES = {
    "easy-read-booklet.pdf": (f"{SYMBOLS}/read-2.svg", "A person reading"),
    "easy-read-cards.pdf": (f"{SYMBOLS}/index-cards.svg", "A pile of cards"),
    "easy-read-scoring.pdf": (f"{SYMBOLS}/order-1.svg", "A form with ticks and a pencil"),
    "easy-read-review-sheets.pdf": (f"{SYMBOLS}/look.svg", "Two eyes looking"),
    "easy-read-templates.pdf": (f"{SYMBOLS}/post-letter.svg", "A hand posting a letter"),
}

# The easy-read pages not about one record: (path, template, title, description, standard twin).
EASY_READ_PAGES = (
    (EASY_READ_INDEX, "index", "Easy read: about this kit",
     "What this kit is and who it is for, in easy read.", "user-groups.md"),
    (f"{EASY_READ}/involvement.md", "involvement", "What involvement means",
     "What user involvement means, and its two kinds, in easy read.", "what-is-involvement.md"),
    (f"{EASY_READ}/workshops.md", "workshops", "A workshop with the cards",
     "How a workshop with the kit's cards works, in easy read.", "workshops.md"),
    (f"{EASY_READ}/scoring.md", "scoring", "Score your organisation",
     "How the scoring works, and an easy-read scorer, in easy read.", SCORER_PAGE),
    (f"{EASY_READ}/meeting.md", "meeting", "Get ready to meet managers",
     "A sheet to help a group get ready for a meeting with managers, in easy read.", None),
)


def download(name: str) -> str:
    return f"{DOWNLOADS}/{name}"


def overview_page(folder: str) -> str:
    return f"{folder}/index.md"


def record_page(kind_name: str, folder: str, record_id: str) -> str:
    """A record's page (leader behaviours and activities are sections of one page)."""
    if kind_name in ("leader_behaviour", "activity"):
        return f"{folder}/index.md#{record_id}"
    return f"{folder}/{record_id}.md"


def easy_read_page(kind_name: str, folder: str, record_id: str) -> str:
    """A record's easy-read page (leader behaviours share one page)."""
    if kind_name == "leader_behaviour":
        return f"{EASY_READ_LEADERSHIP}#{record_id}"
    return f"{EASY_READ}/{folder}/{record_id}.md"


def deck_pdf(layout: str, paper: str) -> str:
    return f"{CARD_LAYOUTS[layout]}-{paper}.pdf"


def card_pdf(card_id: str) -> str:
    """Site path of one card's own PDF ("print this card")."""
    return f"{DOWNLOADS}/{CARD_FOLDER}/{card_id}.pdf"


def preview_png(layout: str) -> str:
    return f"{DOWNLOADS}/{PREVIEWS}/{CARD_LAYOUTS.get(layout, 'card')}.png"


def briefing_pdf(name: str, paper: str) -> str:
    """'trustee-briefing-a4.pdf': the briefing or the checklist, on the organisation's paper."""
    return f"{BRIEFING_STEMS[name]}-{paper}.pdf"


# A scoring sheet that two people share ("scoring-full-shared-a4.pdf").
SHARED_SHEET = "shared"


def sheet_pdf(set_name: str, paper: str) -> str:
    return f"scoring-{set_name}-{paper}.pdf"


def template_pdf(template_id: str, paper: str) -> str:
    """Site path of a session template (an invitation, a sign-in sheet ...) on one paper."""
    return f"{DOWNLOADS}/session-templates/{template_id}-{paper}.pdf"


def template_docx(name: str) -> str:
    """Site path of an editable copy: a session plan or a template."""
    return f"{DOWNLOADS}/editable/{name}.docx"


def slides_pdf(session_id: str) -> str:
    """Site path of a session's slides for a screen (16:9, so the same file on any paper)."""
    return f"{DOWNLOADS}/slides/{session_id}.pdf"


def pack_pdf(session_id: str, paper: str) -> str:
    """Site path of a session's print pack."""
    return f"{PACKS}/{session_id}-{paper}.pdf"


def html_page(docs_path: str) -> str:
    """'enablers/resources.md#x' -> 'enablers/resources.html#x'."""
    path, _, anchor = docs_path.partition("#")
    if path.endswith(".md"):
        path = path.removesuffix(".md") + ".html"
    return path + (f"#{anchor}" if anchor else "")


def clock(minutes: int) -> str:
    """90 -> '1 h 30 min'; 45 -> '45 min'."""
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" + (f" {mins:02d} min" if mins else "")


def display_score(score: float | None) -> str | None:
    """A score for people: one decimal place, halves rounded up (as scoring-core.js does).

    A mean such as 0.75 can arrive as 0.7499999999999999 after adding floats, so the score
    is first snapped to millionths (every real score is a fraction with a small denominator,
    far from a millionth off a half), then rounded on whole numbers: the same steps in
    JavaScript give the same digits (tests/vectors/scoring.json `rounding`).
    """
    if score is None:
        return None
    millionths = math.floor(score * 1000000 + 0.5)
    tenths = math.floor((millionths + 50000) / 100000)
    return f"{tenths / 10:.1f}"
