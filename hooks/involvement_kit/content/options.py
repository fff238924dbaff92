"""The kit's options, read from `extra.kit` in mkdocs.yml and checked like content.

Every option has one entry in `OPTIONS`: a small checker for its kind of value (modelled on
MkDocs' config_options, without importing MkDocs), saying what it expects. A wrong value
stops the build with a message naming the option and what was expected; options naming
files or folders must stay inside the project, so a build never reads or publishes
anything from outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KitError, Problem
from ..vocabulary import DEFAULT_ROLES, OUTPUTS, PAPERS, THRESHOLD_RANGE, html_page

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


# Logged by every build whose `public_url` is empty: print then carries no QR code and no web
# address (the card id and kit version remain). Information, not a warning: a default build
# must pass `mkdocs build --strict`.
NO_PUBLIC_URL = ("Warning: extra.kit.public_url is not set in mkdocs.yml, so the cards, sheets and packs carry no "
                 "QR codes and no web address. Once you know where the site will live, set it, for example "
                 "`public_url: https://kit.your-organisation.org.uk` (see docs/publishing.md).")


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
    def pack_papers(self) -> tuple[str, ...]:
        """A pack is made on the organisation's own paper only: it bundles files that exist in both
        sizes, and each pack is the slowest thing the build makes."""
        return (self.paper,)

    @property
    def feedback_link(self) -> str:
        return f"mailto:{self.feedback}" if _EMAIL.match(self.feedback) else self.feedback


@dataclass(frozen=True)
class Folders:
    """Where paths in options are read from: the folder of mkdocs.yml, and its docs folder."""

    project: Path
    docs: Path


class Invalid(Exception):
    """A value an option does not accept; the message says why, when 'is not allowed' is not enough."""

    def __init__(self, reason: str = "", *, complete: bool = False):
        super().__init__(reason)
        self.reason = reason
        # A complete reason already says what to write, so the option's "expected ..." is not added.
        self.complete = complete


class Option:
    """One kind of option. `validate` returns the value in its checked form, or raises Invalid."""

    def __init__(self, expected: str):
        self.expected = expected

    def validate(self, value: object, folders: Folders) -> object:
        raise NotImplementedError

    @staticmethod
    def text(value: object) -> str:
        if not isinstance(value, str):
            raise Invalid()
        return value.strip()


class Text(Option):
    def validate(self, value: object, folders: Folders) -> str:
        return self.text(value)


class Url(Option):
    def validate(self, value: object, folders: Folders) -> str:
        value = self.text(value)
        if not _URL.match(value):
            raise Invalid()
        return value


class Choice(Option):
    """One of a few words, in any case: 'Letter' is 'letter'."""

    def __init__(self, choices: tuple[str, ...], expected: str):
        super().__init__(expected)
        self.choices = choices

    def validate(self, value: object, folders: Folders) -> str:
        value = self.text(value).lower()
        if value not in self.choices:
            raise Invalid()
        return value


class Names(Option):
    """A list of names, none repeated (in any case); with `choices`, each must be one of them."""

    def __init__(self, expected: str, choices: tuple[str, ...] = ()):
        super().__init__(expected)
        self.choices = choices

    def validate(self, value: object, folders: Folders) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise Invalid()
        items = tuple(v.strip() for v in value)
        if len({v.lower() for v in items}) != len(items):
            raise Invalid()
        if self.choices and not set(items) <= set(self.choices):
            raise Invalid()
        return items


class Count(Option):
    def __init__(self, low: int, high: int, expected: str):
        super().__init__(expected)
        self.low, self.high = low, high

    def validate(self, value: object, folders: Folders) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise Invalid()
        return value


class Colour(Option):
    """#rrggbb, dark enough to carry white text at the given contrast."""

    def __init__(self, contrast: float, expected: str):
        super().__init__(expected)
        self.contrast = contrast

    def validate(self, value: object, folders: Folders) -> str:
        value = self.text(value)
        if re.fullmatch(r"[A-Za-z][A-Za-z -]*", value):
            raise Invalid(f"{value!r} is a colour name; the kit needs a colour code: a # and six letters or digits, "
                          'in double quotes, such as colour: "#1f4e79" (a dark blue). Drawing programs and online '
                          "colour pickers show the code of any colour", complete=True)
        if not _COLOUR.match(value):
            raise Invalid()
        ratio = contrast_with_white(value)
        if ratio < self.contrast:
            raise Invalid(f"{value!r} is too light: white text on it has a contrast of {ratio:.1f} to 1, and it needs "
                          f"at least {self.contrast:g} to 1 to be easy to read. A darker shade of the same colour that "
                          f'is dark enough: colour: "{darker_shade(value, self.contrast)}"', complete=True)
        return value.lower()


class Feedback(Option):
    """An email address or a web address."""

    def validate(self, value: object, folders: Folders) -> str:
        value = self.text(value)
        if not (_URL.match(value) or _EMAIL.match(value)):
            raise Invalid()
        return value


def _inside(value: str, base: Path, base_name: str) -> Path:
    """The path `value` names under `base`, refused when it is absolute or leads out of `base`.

    Resolved, so a symbolic link pointing out of the folder is caught as well as '../'.
    """
    if Path(value).is_absolute() or value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
        raise Invalid(f"{value!r} is an absolute path; give a path inside {base_name}")
    base = base.resolve()
    path = (base / value).resolve()
    if path != base and base not in path.parents:
        raise Invalid(f"{value!r} is outside {base_name}")
    return path


class ProjectFolder(Option):
    """A folder inside the project (the folder of mkdocs.yml), given relative to it."""

    def validate(self, value: object, folders: Folders) -> str:
        value = self.text(value)
        path = _inside(value, folders.project, "the project (the folder of mkdocs.yml)")
        if path.exists() and not path.is_dir():
            raise Invalid(f"{value!r} is a file, not a folder")
        return value


class DocsFile(Option):
    """An existing file inside docs/, with one of the given endings."""

    def __init__(self, suffixes: tuple[str, ...], expected: str):
        super().__init__(expected)
        self.suffixes = suffixes

    def validate(self, value: object, folders: Folders) -> str:
        value = self.text(value)
        path = _inside(value, folders.docs, f"{folders.docs.name}/")
        if path.suffix.lower() not in self.suffixes:
            raise Invalid(f"{value!r} is not an image file ({', '.join(self.suffixes)})")
        if not path.is_file():
            raise Invalid(f"{value!r} was not found in {folders.docs.name}/")
        return value


# The strict table: every option, its kind and what it expects. Nothing else is accepted.
OPTIONS: dict[str, Option] = {
    "public_url": Url("the address where the site is published, starting with https://"),
    "organisation": Text("the name of the organisation using the kit"),
    "kit_dir": ProjectFolder("the folder holding the kit records, relative to mkdocs.yml"),
    "roles": Names("a list of the roles people choose from when scoring, such as [Trustee, Staff]"),
    "own_records": ProjectFolder("the folder holding your organisation's own records, relative to mkdocs.yml"),
    "switched_off": Names("a list of the ids of the kit's records you do not want, such as [fashion-and-rhetoric]"),
    "paper": Choice(PAPERS, "the default paper size: a4 or letter"),
    "outputs": Names(f"a list of what to print, from: {', '.join(OUTPUTS)}", choices=OUTPUTS),
    "logo": DocsFile(IMAGE_SUFFIXES, "an image file in docs/, such as images/logo.svg"),
    "colour": Colour(4.5, "the main colour as #rrggbb, dark enough for white text on it (4.5:1)"),
    "feedback": Feedback("an email address or a form address (https://...) for 'tell us if this is hard to read'"),
    "threshold": Count(*THRESHOLD_RANGE, "the smallest group whose scores are shown on their own: a whole number "
                       f"from {THRESHOLD_RANGE[0]} to {THRESHOLD_RANGE[1]}"),
}


def read_options(raw: object, *, project_dir: Path, docs_dir: Path, file: str = "mkdocs.yml") -> Options:
    """The checked options. `project_dir` is the folder of mkdocs.yml; `docs_dir` its docs folder.

    Raises KitError naming every wrong option at once.
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise KitError([Problem(file, "expected a set of options under extra.kit", field="extra.kit")])
    folders = Folders(Path(project_dir), Path(docs_dir))
    problems = []
    for key in raw:
        if key not in OPTIONS:
            problems.append(Problem(file, f"unknown option; expected one of: {', '.join(OPTIONS)}",
                                    field=f"extra.kit.{key}"))
    # Each option's checked value has its own type, matched to its Options field by name.
    values: dict[str, Any] = {}
    for key, option in OPTIONS.items():
        value = raw.get(key)
        if value is None or value == "":
            continue
        try:
            values[key] = option.validate(value, folders)
        except Invalid as wrong:
            reason = wrong.reason or f"{value!r} is not allowed"
            message = reason if wrong.complete else f"{reason}; expected {option.expected}"
            problems.append(Problem(file, message, field=f"extra.kit.{key}"))
    if "colour" in raw and raw["colour"] is None and (lost := _colour_read_as_a_note(Path(project_dir) / file)):
        line, colour = lost
        problems.append(Problem(file, "YAML reads everything after # as a note, so the colour is lost: put it in "
                                f'double quotes, colour: "{colour}"', field="extra.kit.colour", line=line))
    if problems:
        raise KitError(problems)
    return Options(**values)


def _colour_read_as_a_note(path: Path) -> tuple[int, str] | None:
    """The line and colour of `colour: #0b6e4f` written without quotes, which YAML reads as an empty value."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if match := re.match(r"^\s*colour:\s+(#[0-9A-Za-z]+)", line):
            return number, match.group(1)
    return None


def darker_shade(colour: str, contrast: float) -> str:
    """The same hue, darkened just enough for white text to reach `contrast`."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    for step in range(100, -1, -1):
        shade = "#" + "".join(f"{round(c * step / 100):02x}" for c in (r, g, b))
        if contrast_with_white(shade) >= contrast:
            return shade
    return "#000000"


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on `colour` (#rrggbb)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)
