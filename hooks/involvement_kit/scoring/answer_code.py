"""Answer codes: one person's answers as a short code to read out, type or scan, so a group can
hand answers over without emailing files. docs/javascripts/answer-code.js is the same code for
the browser; tests/vectors/answer-code.json keeps the two identical.

A code holds the set, the kit version, the role and the answers, and never a name or a note.
Layout, in Crockford's base 32 (no I, L, O or U, so nothing reads as another letter):

    head      Q (quick check) or F (full set): also the code's format, so a later format can
              take other letters
    version   three characters: major, minor, patch (each 0 to 31)
    role      0 for none chosen, else 1 + its place in the site's roles
    id        five characters: who answered, as a random number (25 bits). It is the first 25
              bits of the scorer's response id (code_id), so a code and a file from the same
              answer set are one person, and two people in a room of 50 share one about once
              in 27,000 rooms. Decoding gives it back; readers count each id once.
    answers   one character per two statements of the set, in the kit's order: 5 x a + b,
              where each of a, b is 0, 1 or 2, 3 for don't know, 4 for not answered
              (an odd last statement is paired with "not answered")
    check     Luhn mod 32 over everything before it: any one mistyped character is caught

The answers are positional, so a code is read only by a kit of the same version; older codes
are refused with a message that says to use an exported file instead.

Codes from before the id (five characters shorter) are refused too, with their own message.
A code carries no date, so a fingerprint of its content could not tell two people with the
same answers apart (one would be turned away), and without one the same code typed twice
would count twice: asking for a fresh code costs the person a moment, and neither fault
can happen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TypedDict

from ..errors import Problem
from .compare import Response

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BASE = len(ALPHABET)
HEADS = {"Q": "quick", "F": "full"}
SET_HEAD = {name: head for head, name in HEADS.items()}
DONT_KNOW_DIGIT = 3
BLANK_DIGIT = 4
# Longer than any real code with room for spaces and hyphens; anything longer is refused unread.
MAX_TYPED = 120
GROUP = 4
# Letters people type for the digits they look like (Crockford's rule).
ALIASES = {"O": "0", "I": "1", "L": "1"}
IGNORED = " -\t"
ID_CHARS = 5
# The scorer's response id (as responses.RESPONSE_ID and scoring-core.js).
RESPONSE_ID = re.compile(r"[0-9a-f]{16,64}")

Answer = int | None


class Catalogue(TypedDict):
    """What a code is read against: the kit's version, the site's roles, the statements in order."""

    version: str
    roles: Sequence[str]
    statements: Sequence[Mapping[str, object]]


class Decoded(TypedDict):
    set: str
    version: str
    role: str | None
    id: str
    answers: dict[str, Answer]


class AnswerCodeError(ValueError):
    """A code that cannot be read; `reason` is the same word in Python and JavaScript."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def set_ids(catalogue: Catalogue, set_name: str) -> list[str]:
    return [str(s["id"]) for s in catalogue["statements"] if set_name == "full" or s.get("quick")]


def code_id(response_id: str) -> str:
    """The five characters of an answer code that stand for a response id: its first 25 bits.
    scoring-core.js codeId() is the same; identity of a file and of a code both use it."""
    if RESPONSE_ID.fullmatch(response_id):
        number = int(response_id[:7], 16) >> 3
        return "".join(ALPHABET[(number >> (5 * place)) & 31] for place in reversed(range(ID_CHARS)))
    if len(response_id) == ID_CHARS and all(char in ALPHABET for char in response_id):
        return response_id
    raise AnswerCodeError("id", "these answers have no response id to put in an answer code")


def check_character(body: str) -> str:
    """Luhn mod 32: every single-character substitution, and most swaps of neighbours, change it."""
    total, factor = 0, 2
    for char in reversed(body):
        addend = factor * ALPHABET.index(char)
        total += addend // BASE + addend % BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(BASE - total % BASE) % BASE]


def _version_chars(version: str) -> str:
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() and int(p) < BASE for p in parts):
        raise AnswerCodeError("version", f"kit version '{version}' cannot go in an answer code")
    return "".join(ALPHABET[int(p)] for p in parts)


def encode(payload: Mapping[str, object], catalogue: Catalogue) -> str:
    """The code for `payload` (the scorer's export: set, role, answers); notes are never read."""
    set_name = payload.get("set")
    if set_name not in SET_HEAD:
        raise AnswerCodeError("format", f"'{set_name}' is not a set of statements")
    role = payload.get("role")
    roles = list(catalogue["roles"])
    if role is not None and role not in roles:
        raise AnswerCodeError("role", f"'{role}' is not one of the roles")
    role_place = 0 if role is None else roles.index(str(role)) + 1
    if role_place >= BASE:
        raise AnswerCodeError("role", "there are too many roles to put the role in an answer code")
    identity = code_id(str(payload.get("id") or ""))
    answers = payload.get("answers") or {}
    if not isinstance(answers, Mapping):
        raise AnswerCodeError("answer", "the answers are not in the expected form")
    digits = []
    for sid in set_ids(catalogue, str(set_name)):
        if sid not in answers:
            digits.append(BLANK_DIGIT)
            continue
        value = answers[sid]
        if value is None:
            digits.append(DONT_KNOW_DIGIT)
        elif isinstance(value, int) and not isinstance(value, bool) and value in (0, 1, 2):
            digits.append(value)
        else:
            raise AnswerCodeError("answer", f"{value!r} is not 0, 1, 2 or don't know ({sid})")
    if len(digits) % 2:
        digits.append(BLANK_DIGIT)
    body = (SET_HEAD[str(set_name)] + _version_chars(catalogue["version"]) + ALPHABET[role_place] + identity
            + "".join(ALPHABET[5 * a + b] for a, b in zip(digits[::2], digits[1::2], strict=True)))
    return body + check_character(body)


def group(code: str) -> str:
    """The code in groups of four, easier to read out and copy (decode ignores the hyphens)."""
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


def _shown(char: str) -> str:
    return f"'{char}'" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def normalise(typed: str) -> str:
    if len(typed) > MAX_TYPED:
        raise AnswerCodeError("too-long", f"this is {len(typed)} characters long, too long to be an answer code")
    code = ""
    for place, char in enumerate(typed.strip(), start=1):
        if char in IGNORED:
            continue
        upper = char.upper()
        upper = ALIASES.get(upper, upper)
        if len(upper) != 1 or upper not in ALPHABET:
            raise AnswerCodeError("character", f"character {place}, {_shown(char)}, is never in an answer code")
        code += upper
    if not code:
        raise AnswerCodeError("empty", "there is no code here")
    return code


def decode(typed: str, catalogue: Catalogue) -> Decoded:
    """The answers in a typed or scanned code, or AnswerCodeError saying what is wrong with it."""
    code = normalise(typed)
    if len(code) < 7:
        raise AnswerCodeError("length", f"this code has only {len(code)} characters: check you have all of it")
    if check_character(code[:-1]) != code[-1]:
        raise AnswerCodeError("check", "a character is mistyped, missing or extra: check the code against "
                              "the one on the person's screen")
    set_name = HEADS.get(code[0])
    if set_name is None:
        raise AnswerCodeError("format", "this is not an answer code from this kit (it should start with Q or F)")
    version = ".".join(str(ALPHABET.index(c)) for c in code[1:4])
    if version != catalogue["version"]:
        raise AnswerCodeError("version", f"this code was made with version {version} of the kit, and this is "
                              f"version {catalogue['version']}: ask for an exported file instead")
    ids = set_ids(catalogue, set_name)
    want = 5 + ID_CHARS + (len(ids) + 1) // 2 + 1
    if len(code) == want - ID_CHARS:
        raise AnswerCodeError("no-id", "this code comes from before codes said whose answers they hold, so it "
                              "could be counted twice: ask the person to open their results again for a new code")
    if len(code) != want:
        raise AnswerCodeError("length", f"a {'quick-check' if set_name == 'quick' else 'full-set'} code has "
                              f"{want} characters and this one has {len(code)}")
    roles = list(catalogue["roles"])
    role_place = ALPHABET.index(code[4])
    if role_place > len(roles):
        raise AnswerCodeError("role", "the role in this code is not one of this site's roles")
    return {"set": set_name, "version": version, "role": roles[role_place - 1] if role_place else None,
            "id": code[5:5 + ID_CHARS], "answers": _answers(code[5 + ID_CHARS:-1], ids)}


def _answers(chars: str, ids: Sequence[str]) -> dict[str, Answer]:
    digits = []
    for char in chars:
        value = ALPHABET.index(char)
        if value >= 25:
            raise AnswerCodeError("answer", "this code holds an answer that is not 0, 1, 2 or don't know")
        digits += [value // 5, value % 5]
    if len(ids) % 2 and digits[-1] != BLANK_DIGIT:
        raise AnswerCodeError("answer", "this code holds an answer to a statement that is not in the set")
    answers: dict[str, Answer] = {}
    for sid, digit in zip(ids, digits, strict=False):
        if digit == DONT_KNOW_DIGIT:
            answers[sid] = None
        elif digit != BLANK_DIGIT:
            answers[sid] = digit
    return answers



def read_code_file(text: str, name: str, catalogue: Catalogue, problems: list[Problem]) -> list[Response]:
    """The people in a text file of answer codes, one a line (blank lines skipped). Each bad
    line is a problem naming the file and line; the same person twice is left to
    responses.once(), which names both places."""
    responses: list[Response] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            read = decode(line, catalogue)
        except AnswerCodeError as exc:
            problems.append(Problem(name, f"answer code not read: {exc.message}", line=number))
            continue
        responses.append(Response(read["role"], read["answers"], {}, origin=f"{name}, answer code on line {number}",
                                  identity="id:" + read["id"], set=read["set"]))
    return responses
