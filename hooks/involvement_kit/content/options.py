"""The kit's options, read from `extra.kit` in mkdocs.yml and checked like content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import KitError, Problem
from ..vocabulary import DEFAULT_ROLES, OUTPUTS, PAPERS, html_page

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")



@dataclass(frozen=True)
class Options:
    public_url: str = ""
    organisation: str = ""
    kit_dir: str = "kit"
    roles: tuple[str, ...] = DEFAULT_ROLES
    own_records: str = ""
    switched_off: tuple[str, ...] = ()
    paper: str = "a4"
    outputs: tuple[str, ...] = OUTPUTS
    logo: str = ""
    colour: str = ""
    feedback: str = ""
    threshold: int = 3

    def page_url(self, page_path: str) -> str:
        """Address printed on paper for a page: stable, from public_url, never from the dev server."""
        if not self.public_url:
            return ""
        return self.public_url.rstrip("/") + "/" + html_page(page_path)

    @property
    def papers(self) -> tuple[str, ...]:
        """Both paper sizes, the organisation's default first."""
        return (self.paper,) + tuple(p for p in PAPERS if p != self.paper)

    @property
    def feedback_link(self) -> str:
        return f"mailto:{self.feedback}" if _EMAIL.match(self.feedback) else self.feedback


# name: (what is expected, kind)
_FIELDS = {
    "public_url": ("the address where the site is published, starting with https://", "url"),
    "organisation": ("the name of the organisation using the kit", "text"),
    "kit_dir": ("the folder holding the kit records, relative to mkdocs.yml", "text"),
    "roles": ("a list of the roles people choose from when scoring, such as [Trustee, Staff]", "list"),
    "own_records": ("the folder holding your organisation's own records, relative to mkdocs.yml", "text"),
    "switched_off": ("a list of the ids of the kit's records you do not want, such as [fashion-and-rhetoric]",
                     "list"),
    "paper": ("the default paper size: a4 or letter", "paper"),
    "outputs": (f"a list of what to print, from: {', '.join(OUTPUTS)}", "outputs"),
    "logo": ("an image file in docs/, such as images/logo.svg", "text"),
    "colour": ("the main colour as #rrggbb, dark enough for white text on it (4.5:1)", "colour"),
    "feedback": ("an email address or a form address (https://...) for 'tell us if this is hard to read'",
                 "feedback"),
    "threshold": ("the smallest group whose scores are shown on their own: a whole number from 2 to 20", "count"),
}


def read_options(raw: object, file: str = "mkdocs.yml") -> Options:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise KitError([Problem(file, "expected a set of options under extra.kit", field="extra.kit")])
    problems = []
    for key in raw:
        if key not in _FIELDS:
            problems.append(Problem(file, f"unknown option; expected one of: {', '.join(_FIELDS)}",
                                    field=f"extra.kit.{key}"))
    values: dict[str, Any] = {}  # each checked by _check for its own field of Options
    for key, (expected, kind) in _FIELDS.items():
        value = raw.get(key)
        if value is None or value == "":
            continue
        checked = _check(kind, value)
        if checked is None:
            problems.append(Problem(file, f"{value!r} is not allowed; expected {expected}", field=f"extra.kit.{key}"))
        else:
            values[key] = checked
    if problems:
        raise KitError(problems)
    return Options(**values)


def _check(kind: str, value: object) -> object:
    """The value in its checked form, or None when it does not fit."""
    if kind in ("list", "outputs"):
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            return None
        items = tuple(v.strip() for v in value)
        if len({v.lower() for v in items}) != len(items):
            return None
        if kind == "outputs" and not set(items) <= set(OUTPUTS):
            return None
        return items
    if kind == "count":
        return value if isinstance(value, int) and not isinstance(value, bool) and 2 <= value <= 20 else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if kind == "url":
        return value if _URL.match(value) else None
    if kind == "paper":
        return value.lower() if value.lower() in PAPERS else None
    if kind == "colour":
        return value.lower() if _COLOUR.match(value) and contrast_with_white(value) >= 4.5 else None
    if kind == "feedback":
        return value if _URL.match(value) or _EMAIL.match(value) else None
    return value


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on `colour` (#rrggbb)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)
