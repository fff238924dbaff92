"""From the easy-read scorer's answers to the statements' answers, so that a user group's answers sit
beside the standard scorer's in every comparison.

Each easy question keeps its statement's area. A statement with one easy question takes its answer as
it is. A statement that asked two things at once is split into two questions ('id.1', 'id.2'): the
statement holds at a level only where both halves do, so its answer is the lower of the two. A half
left as "don't know" or unanswered says nothing, so the other half's answer stands alone; when neither
half is answered, the statement is "don't know" if either half said so, and absent otherwise.
The browser's easy-read scorer follows the same rules, and both pass tests/vectors/easy.json.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["statement_answers"]

EasyAnswers = Mapping[str, "int | None"]


def statement_answers(parts: Mapping[str, Sequence[str]], answers: EasyAnswers) -> dict[str, int | None]:
    """`parts` maps each statement id to its easy question ids, in order; `answers` maps easy question
    ids to 0, 1, 2 or None (don't know). Returns the statements' answers, as the standard scorer saves them."""
    out: dict[str, int | None] = {}
    for statement, ids in parts.items():
        given = [answers[i] for i in ids if i in answers]
        known = [v for v in given if v is not None]
        if known:
            out[statement] = min(known)
        elif given:
            out[statement] = None
    return out
