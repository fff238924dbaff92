"""The ONE place for Nu HTML Checker messages the kit accepts, each with its reason.

Prefer a repair in hooks/involvement_kit/html_fixes.py or overrides/ to a filter here.
Each entry: (a regular expression matched against the checker's message, why it is
accepted). Only messages of type "error" fail the gate; "info" messages (warnings such as
"Trailing slash on void elements") are counted but do not fail it.

Currently empty: every error Material's markup caused is repaired in html_fixes.py
(autocomplete on check boxes, empty tabindex, a label for a control not on the page).
"""

from __future__ import annotations

import re

FILTERS: list[tuple[str, str]] = []


def accepted(message: dict) -> str | None:
    """The reason `message` is accepted, or None if it counts."""
    for pattern, reason in FILTERS:
        if re.search(pattern, message.get("message", "")):
            return reason
    return None
