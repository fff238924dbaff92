"""The printed templates around a session, as plain blocks: one source for the PDFs and the editable copies.

Each template is the kit's suggestion. Its blocks are plain data, so the Typst template and the
.docx writer lay out the very same words:

- {"kind": "heading", "text"}; {"kind": "para", "text"};
- {"kind": "fields", "items": [label, ...]}: a label with a line to write on;
- {"kind": "checks", "items": [label, ...]}: a box to tick beside each;
- {"kind": "table", "columns": [...], "rows": [[cell, ...], ...], "blank": n}: rows given, then n empty rows;
- {"kind": "slips", "items": [text, ...], "blank": n}: cut-out slips, then n empty ones;
- {"kind": "labels", "items": [(big, small), ...]}: large labels, one to a half page.

Nothing here asks for a name except the claim form, which needs one to pay a person and goes
to finance only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..vocabulary import DISCLOSURE_THRESHOLD, DONT_KNOW, SCALE, SESSION_TEMPLATES
from .model import Kit
from .options import Options

Block = dict[str, Any]
# The two ends of the sorting line, in the scale's words and in plain words (review finding 19).
LINE_ENDS = ((SCALE[1].short, "The organisation decides what we talk about"),
             (SCALE[2].short, "What users want comes first"))


@dataclass(frozen=True)
class SessionTemplate:
    id: str
    title: str
    blocks: tuple[Block, ...]


def _para(text: str) -> Block:
    return {"kind": "para", "text": text}


def _heading(text: str) -> Block:
    return {"kind": "heading", "text": text}


def _invitation() -> tuple[Block, ...]:
    return (
        {"kind": "fields", "items": ["Session", "Date", "Start time (doors open earlier for tea)",
                                     "Finish time", "Place, and how to get there", "Who will be there (roles)"]},
        _heading("What it is for"),
        _para("We want to hear what you think about how people who use our services have a say here, "
              "and what should change."),
        _heading("Payment"),
        _para("We pay travel, care and support costs, and a fee for your time. You can choose the fee, a "
              "lower fee, expenses only or no payment. Payments can affect some benefits: ask us about "
              "independent advice before you decide. We pay within a week."),
        _heading("Your answers stay private"),
        _para("If we ask you to score anything, you do it alone. One named person gathers the scores and "
              f"the room sees only the combined result. No group smaller than {DISCLOSURE_THRESHOLD} "
              "people is shown."),
        _heading("What would help you take part fully?"),
        {"kind": "checks", "items": ["Step-free access", "A hearing loop or speech-to-text",
                                     "A sign language interpreter", "An interpreter for another language",
                                     "Large print or easy read papers", "A support worker or carer with me",
                                     "Childcare or replacement care", "Help with transport"]},
        {"kind": "fields", "items": ["Anything else", "Please tell us by"]},
        _heading("Privacy"),
        _para("We keep your access needs apart from the sign-in sheet, use them only for this session and "
              "destroy them afterwards. Notes have no names. Ask us what we keep and for how long."),
    )


def _agenda() -> tuple[Block, ...]:
    return (
        {"kind": "fields", "items": ["Session", "Date", "Place"]},
        _para("Breaks are at the times shown. You can step out whenever you need to."),
        {"kind": "table", "columns": ["Clock time", "What happens", "Minutes"], "rows": [], "blank": 12},
    )


def _sign_in(options: Options) -> tuple[Block, ...]:
    return (
        {"kind": "fields", "items": ["Session", "Date"]},
        _para("Please put a mark against your role. We do not ask for names: names for payment go on the "
              "claim form only. This count shows who takes part, without anyone's personal details."),
        {"kind": "table", "columns": ["Role", "Marks", "Total"],
         "rows": [[role, "", ""] for role in (*options.roles, "Other")] + [["Everyone", "", ""]], "blank": 0},
    )


def _expenses() -> tuple[Block, ...]:
    return (
        _para("This form goes to finance only, and is kept as long as finance rules require."),
        {"kind": "fields", "items": ["Session and date", "Name (for payment only)"]},
        {"kind": "table", "columns": ["What", "Amount", "Receipt attached"],
         "rows": [["Travel", "", ""], ["Care or support", "", ""], ["Childcare", "", ""], ["Other", "", ""]],
         "blank": 0},
        _heading("Your time"),
        {"kind": "checks", "items": ["The fee", "A lower fee of", "Expenses only", "No payment"]},
        _heading("How to pay you"),
        {"kind": "checks", "items": ["Cash on the day", "Bank transfer", "Cheque"]},
        {"kind": "fields", "items": ["Bank details, only for a bank transfer", "Signature", "Date"]},
        _para("Ask us for a letter for the benefits office saying what we paid, when and why. Describe it "
              "as service user involvement when you report it."),
    )


def _consent() -> tuple[Block, ...]:
    return (
        {"kind": "fields", "items": ["Slip number (keep the stub with the same number)"]},
        _para("This slip has no name. You can change your mind at any time: show us your stub."),
        {"kind": "table", "columns": ["", "Yes", "No"],
         "rows": [["You may write down what I say, without my name", "", ""],
                  ["You may quote my words, after checking them with me", "", ""],
                  ["You may photograph flip charts and notes", "", ""],
                  ["You may take photos in which I can be seen", "", ""]], "blank": 0},
        _para("On the day, a coloured lanyard means: no photos of me, please."),
    )


def _actions() -> tuple[Block, ...]:
    return (
        {"kind": "fields", "items": ["Session", "Date", "We will review these on"]},
        {"kind": "table", "columns": ["What", "Who", "By when", "How we tell users"], "rows": [], "blank": 10},
    )


def _feedback() -> tuple[Block, ...]:
    return (
        _para("No names. Tick one box on each line, then put the form in the box or post it back."),
        {"kind": "table", "columns": ["", "Yes", "Not sure", "No"],
         "rows": [[q, "", "", ""] for q in ("Did you feel listened to?", "Could you say what you wanted?",
                                           "Do you think anything will change?",
                                           "Were the room and the times right for you?",
                                           "Were you paid as we promised?")], "blank": 0},
        {"kind": "fields", "items": ["What should we change next time?", "Anything else"]},
    )


def _follow_up() -> tuple[Block, ...]:
    return (
        {"kind": "fields", "items": ["To everyone who came to", "Date of the session"]},
        _para("Thank you for coming. Here is what you told us, and what we have done so far. "
              "This letter is also in easy read."),
        {"kind": "table", "columns": ["You said", "We did", "When", "If not, why not"], "rows": [], "blank": 6},
        {"kind": "fields", "items": ["What happens next", "We will check these again on",
                                     "The next meeting is on"]},
    )


def _presence() -> tuple[Block, ...]:
    return (
        _para("List places and roles, never which person goes where. Mark each column with a symbol as "
              "well as a colour: a tick, a question mark or a cross."),
        {"kind": "table", "columns": ["Meeting, event or service", "Present only", "Heard",
                                      "Able to change things"], "rows": [], "blank": 10},
        {"kind": "fields", "items": ["Who never appears on this list?",
                                     "One place to turn from present only into able to change things"]},
    )


def _spread(kit: Kit) -> tuple[Block, ...]:
    columns = ["Statement", *(f"{level.value} {level.short}" for level in SCALE), DONT_KNOW.short]
    rows = [[f"{n}. {s.text}", "", "", "", ""] for n, s in enumerate(kit.quick_check, 1)]
    return (
        _para("Fill this in from the combined result (the compare page, or sheets collected privately and "
              f"tallied by one named person). Mark tallies for everyone together. Never mark one person's "
              f"score, and never show a group of fewer than {DISCLOSURE_THRESHOLD} people on its own."),
        {"kind": "table", "columns": columns, "rows": rows, "blank": 0 if rows else 12},
    )


def session_templates(kit: Kit, options: Options) -> tuple[SessionTemplate, ...]:
    """Every template of SESSION_TEMPLATES, in that order."""
    sort = next((a for a in kit.activities if a.id == "sort-the-examples"), None)
    blocks: dict[str, tuple[Block, ...]] = {
        "invitation": _invitation(),
        "agenda": _agenda(),
        "sign-in": _sign_in(options),
        "expenses-claim": _expenses(),
        "consent-slip": _consent(),
        "action-sheet": _actions(),
        "feedback-form": _feedback(),
        "follow-up-letter": _follow_up(),
        "example-slips": (
            _para("Cut along the lines. Every table uses the same set. Write local examples on the blank "
                  "slips beforehand, with two users."),
            {"kind": "slips", "items": list(sort.examples) if sort else [], "blank": 4},
        ),
        "sorting-line-labels": (
            {"kind": "labels", "items": [list(end) for end in LINE_ENDS]},
        ),
        "presence-grid": _presence(),
        "spread-chart": _spread(kit),
        "structure-chart": (
            _para("Fill in the organisation's levels beforehand, from services up to the board. In the "
                  "session, users mark first where they take part; then draw a line above the highest level "
                  "they reach. Mark roles, never named people."),
            {"kind": "table", "columns": ["Level", "Groups, posts and meetings", "Users take part here",
                                          "What stops users going higher"],
             "rows": [[level, "", "", ""] for level in ("The board", "Board committees", "Senior managers",
                                                        "Staff teams and posts", "Volunteers",
                                                        "Services and user groups")], "blank": 0},
        ),
    }
    return tuple(SessionTemplate(name, title, blocks[name]) for name, title in SESSION_TEMPLATES.items())
