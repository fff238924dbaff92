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
to finance only, and the payment letter, which is about one person and goes only to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..vocabulary import (
    DISCLOSURE_THRESHOLD,
    DONT_KNOW,
    EASY_READ_SYMBOLS,
    EASY_READ_TEMPLATES,
    SCALE,
    SESSION_TEMPLATES,
    SYMBOLS,
)
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
        {"kind": "fields", "items": ["Session", "Date", "Start and finish times (doors open earlier for tea)",
                                     "Place, and how to get there", "Who will be there (roles)"]},
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


def _payment_letter() -> tuple[Block, ...]:
    # What the guide's "Payments and benefits" asks for (review finding 21): what was paid, when,
    # how and why, fee and expenses apart. It states facts the organisation knows and no view of
    # the law; the person gets the advice.
    return (
        {"kind": "fields", "items": ["From (the organisation)", "Address", "Address and postcode",
                                     "Date of this letter"]},
        _para("To whom it may concern, for example the benefits office or the council"),
        {"kind": "fields", "items": ["About (name of the person who took part)"]},
        _heading("What they took part in"),
        _para("The person named above took part in service user involvement with us. We asked for their "
              "views, as someone who uses services, to help us plan and improve what we do."),
        {"kind": "fields", "items": ["Date they took part, and what it was (for example, a user group meeting)"]},
        _heading("What we paid, when and how"),
        {"kind": "table", "columns": ["Payment", "Amount", "Date paid", "How (cash, bank, voucher)"],
         "rows": [["Fee for their time", "", "", ""],
                  ["Expenses paid back (travel, care, support), against receipts", "", "", ""]], "blank": 0},
        _heading("Why we paid it"),
        _para("The fee thanks them for their time and their expertise as a person who uses services. The "
              "expenses only pay back what it cost them to take part. This was not employment. They chose "
              "whether to take part and whether to accept a payment. We did not employ them and there was no "
              "contract of employment."),
        {"kind": "fields", "items": ["Signed for the organisation (name and role)"]},
        _heading("For the person who took part"),
        _para("Keep a copy. Report the payment as service user involvement. The rules differ by benefit and "
              "change, often each April: check current guidance and get independent welfare-rights advice."),
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
        "payment-letter": _payment_letter(),
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


# --- easy read ------------------------------------------------------------------------------
# The templates users read or fill in, in easy read (review finding 27), as plain blocks too. They
# say what the standard ones say, to the reader as "you", one idea a point, each point with a
# Mulberry symbol that shows it, so the easy-read file, the packs and the .docx copies agree:
#
# - {"kind": "point", "text", "picture", "alt"}: a picture on the left, the words beside it;
# - {"kind": "write", "text", "picture", "alt", "lines": n}: a point, then a box to write in;
# - {"kind": "answer", "text", "picture", "alt", "options": [point, ...]}: a question and a box to
#   tick under each answer's picture (faces for the feedback form);
# - {"kind": "tally", "items": [point, ...]}: a box to mark beside each role, for the sign-in sheet;
# - {"kind": "rows", "columns": [...], "blank": n}: a table of n empty rows to fill in.


def _symbol(name: str, alt: str) -> tuple[str, str]:
    return f"{SYMBOLS}/{name}.svg", alt


def _point(text: str, picture: tuple[str, str], kind: str = "point", **more: Any) -> Block:
    return {"kind": kind, "text": text, "picture": picture[0], "alt": picture[1], **more}


LETTER = _symbol("post-letter", "A hand posting a letter")
CALENDAR = _symbol("calendar", "A calendar")
CLOCK = EASY_READ_SYMBOLS["time"]
PLACE = _symbol("room", "An empty room with a door")
NO_NAME = _symbol("mistake-no-wrong", "A cross")
WRITE = _symbol("write", "A hand writing")
ASK = _symbol("talk-1", "A person talking")
CHANGE_MIND = _symbol("change-mind", "A person changing their mind")
# The faces of the feedback form, and the two answers of the consent slip.
FACES = (_point("Yes", _symbol("happy-lady", "A happy person")),
         _point("Not sure", _symbol("confused-man", "A person who is not sure")),
         _point("No", _symbol("sad-man", "A sad person")))
YES_NO = (_point("Yes", _symbol("good", "A thumb up")), _point("No", _symbol("bad", "A thumb down")))
# The roles of the sign-in sheet, by the option's words; a role of the organisation's own gets WHO.
ROLE_PICTURES = {
    "person using services": EASY_READ_SYMBOLS["you"],
    "carer": _symbol("family", "A family"),
    "staff": EASY_READ_SYMBOLS["staff"],
    "senior manager": EASY_READ_SYMBOLS["manager"],
    "manager": EASY_READ_SYMBOLS["manager"],
    "trustee": EASY_READ_SYMBOLS["trustee"],
    "volunteer": _symbol("help", "Two hands helping"),
}
WHO = _symbol("who", "A question mark and a person")


def _from(options: Options) -> Block:
    if options.organisation:
        return _point(f"This letter is from {options.organisation}.", LETTER)
    return _point("This letter is from:", LETTER, "write", lines=1)


def _easy_invitation(options: Options) -> tuple[Block, ...]:
    return (
        _from(options),
        _point("We would like you to come to a meeting.", EASY_READ_SYMBOLS["user group"]),
        _point("At the meeting, you can say what you think. You can say what should change here.",
               EASY_READ_SYMBOLS["talking"]),
        _point("Day and date:", CALENDAR, "write", lines=1),
        _point("Time:", CLOCK, "write", lines=1),
        _point("Place:", PLACE, "write", lines=1),
        _point("We pay for your travel. We pay you for your time too. You can say no to the money.",
               EASY_READ_SYMBOLS["money"]),
        _point("Money can change your benefits. Ask us who can help you check first.",
               _symbol("help", "Two hands helping")),
        _point("If you give a score, you do it on your own. Nobody in the room sees your score.",
               _symbol("order-1", "A form with ticks and a pencil")),
        _point("What help do you need to come? Tick what you need.", _symbol("ask", "A question in a speech bubble"),
               "answer", options=[
                   _point("Help to get there", _symbol("bus", "A bus")),
                   _point("Someone to come with me", _symbol("hold-hands", "One hand holding another hand")),
                   _point("Easy read papers", _symbol("read-2", "A person reading")),
                   _point("Someone to sign or speak my language", _symbol("communicate", "A mouth and hands talking")),
               ]),
        _point("Other help I need:", WRITE, "write", lines=2),
        _point("We keep what you tell us about your needs safe. We throw it away after the meeting.",
               _symbol("save", "A save sign")),
        _point("Please tell us by:", _symbol("calendar-month", "A calendar page"), "write", lines=1),
        _point("Who to ask:", ASK, "write", lines=1),
    )


def _easy_agenda() -> tuple[Block, ...]:
    return (
        _point("Day and date:", CALENDAR, "write", lines=1),
        _point("Place:", PLACE, "write", lines=1),
        _point("This page shows what we do at the meeting, and when.",
               _symbol("worksheet", "A plan on paper, with a pencil")),
        _point("There is a break. You can go out of the room at any time.",
               _symbol("take-a-work-break", "People having a break")),
        {"kind": "rows", "columns": ["Time", "What we do"], "blank": 7},
    )


def _easy_sign_in(options: Options) -> tuple[Block, ...]:
    return (
        _point("Please do not write your name.", NO_NAME),
        _point("Find who you are. Put a mark in the box next to it.", WRITE),
        {"kind": "tally", "items": [_point(role, ROLE_PICTURES.get(role.lower(), WHO))
                                    for role in (*options.roles, "Someone else")]},
        _point("This shows how many people came. It does not show who you are.", _symbol("look", "Two eyes looking")),
    )


def _easy_expenses() -> tuple[Block, ...]:
    # The one easy-read form that asks a name, because a payment needs one (finding 27d). It says
    # why, and that the form stays apart from anything said or scored in the meeting.
    bank = _symbol("cash-point", "A cash machine")
    return (
        _point("Fill in this form to get your money.", EASY_READ_SYMBOLS["money"]),
        _point("Day and date of the meeting:", CALENDAR, "write", lines=1),
        _point("We need your name to pay you. Write your name here:", WRITE, "write", lines=1),
        _point("Only the people who pay you see this form. We keep it apart from your scores and what you said.",
               _symbol("save", "A save sign")),
        _point("We pay back what it cost you to come. This money is called expenses.",
               _symbol("receive", "A hand taking an apple from another hand")),
        _point("What did you pay for? Tick what you paid for.", _symbol("what", "A question mark"), "answer",
               options=[_point("Bus, train or taxi", _symbol("bus", "A bus")),
                        _point("Someone to help me", _symbol("hold-hands", "One hand holding another hand")),
                        _point("Someone to look after my family", _symbol("family", "A family")),
                        _point("Something else", WHO)]),
        {"kind": "rows", "columns": ["What you paid for", "How much"], "blank": 4},
        _point("Please give us your tickets and receipts. A receipt is the paper that shows what you paid.",
               _symbol("pen-and-paper", "Paper and a pen")),
        _point("We pay you for your time too. What money do you want for your time?", CLOCK, "answer",
               options=[_point("All of it", EASY_READ_SYMBOLS["money"]),
                        _point("Some of it", _symbol("some", "A few squares")),
                        _point("None of it", _symbol("empty", "An empty glass"))]),
        _point("Money can change your benefits. Ask us who can help you check first.",
               _symbol("help", "Two hands helping")),
        _point("How do you want the money?", _symbol("ask", "A question in a speech bubble"), "answer",
               options=[_point("Cash on the day", EASY_READ_SYMBOLS["money"]),
                        _point("Into my bank", bank),
                        _point("A cheque", _symbol("post-letter", "A hand posting a letter"))]),
        _point("For money into your bank, write your bank details here:", bank, "write", lines=2),
        _point("Sign here:", _symbol("pencil-and-paper", "A pencil and paper"), "write", lines=1),
        _point("You can ask us for a letter for the benefits office. It says what we paid you, when and why.",
               LETTER),
        _point("Who to ask about money:", ASK, "write", lines=1),
    )


def _easy_consent() -> tuple[Block, ...]:
    return (
        _point("Please do not write your name.", NO_NAME),
        _point("Number:", _symbol("one", "The number 1"), "write", lines=1),
        _point("Keep the small paper with the same number. Show it to us if you change your mind.", CHANGE_MIND),
        _point("Can we write down what you say? We will not write your name.", WRITE, "answer", options=list(YES_NO)),
        _point("Can we use your words? We will check them with you first.", _symbol("talk-2", "A person speaking"),
               "answer", options=list(YES_NO)),
        _point("Can we take photos of the papers on the wall?", _symbol("pen-and-paper", "Paper and a pen"),
               "answer", options=list(YES_NO)),
        _point("Can we take photos of you?", _symbol("hello", "A person waving hello"), "answer", options=list(YES_NO)),
        _point("You can wear a coloured strap round your neck. It means: no photos of me, please.", NO_NAME),
    )


def _easy_feedback() -> tuple[Block, ...]:
    faces = list(FACES)
    return (
        _point("Please do not write your name. Tick one face for each question.", NO_NAME),
        _point("Did you feel listened to?", _symbol("hear", "An ear"), "answer", options=faces),
        _point("Could you say what you wanted?", _symbol("talk-2", "A person speaking"), "answer", options=faces),
        _point("Do you think anything will change?", _symbol("change", "A square changing into a circle"), "answer",
               options=faces),
        _point("Were the room and the time right for you?", PLACE, "answer", options=faces),
        _point("Did we pay you, as we said we would?", EASY_READ_SYMBOLS["money"], "answer", options=faces),
        _point("What should we do better next time?", _symbol("lightbulb", "A light bulb"), "write", lines=3),
        _point("Put this paper in the box. Or post it back to us.", LETTER),
    )


def _easy_follow_up(options: Options) -> tuple[Block, ...]:
    return (
        _from(options),
        _point("Thank you for coming to the meeting on:", _symbol("clap-hands", "Two hands clapping"), "write",
               lines=1),
        _point("You told us what you think. This letter says what we did about it.",
               _symbol("talk-3", "Two people talking together")),
        {"kind": "rows", "columns": ["You said", "We did", "If we did not, why not"], "blank": 4},
        _point("We will check these things again on:", _symbol("calendar-month", "A calendar page"), "write",
               lines=1),
        _point("The next meeting is on:", CALENDAR, "write", lines=1),
        _point("Who to ask about this letter:", ASK, "write", lines=1),
    )


def easy_read_templates(options: Options) -> tuple[SessionTemplate, ...]:
    """Every template of EASY_READ_TEMPLATES in easy read, in that order."""
    blocks: dict[str, tuple[Block, ...]] = {
        "invitation": _easy_invitation(options),
        "agenda": _easy_agenda(),
        "sign-in": _easy_sign_in(options),
        "expenses-claim": _easy_expenses(),
        "consent-slip": _easy_consent(),
        "feedback-form": _easy_feedback(),
        "follow-up-letter": _easy_follow_up(options),
    }
    return tuple(SessionTemplate(name, title, blocks[name]) for name, title in EASY_READ_TEMPLATES.items())


def easy_read_text(template: SessionTemplate) -> list[str]:
    """Every piece of text a reader sees in an easy-read template, in order: for the hard-word list
    and the easy-read rules."""
    found = [template.title]
    for block in template.blocks:
        found += [block["text"]] if "text" in block else []
        found += [item["text"] for item in block.get("options", []) + block.get("items", [])]
        found += list(block.get("columns", []))
    return found
