"""What every renderer is given, and what a web renderer gives back.

The pipeline reads the content once into a `BuildContext`; each renderer reads only that
context (the model, the options and a few checked extras) and returns plain data. No
renderer reads another's output, so any one of them can be replaced, or run alone in a test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias, TypedDict

from .content.easy_read_rules import HardWords, Jargon
from .content.model import Briefing, Kit
from .content.options import Options


@dataclass(frozen=True)
class Pictures:
    """Pictures named as records name them: a theme icon ('set/name') or an image file in docs/."""

    icon_dirs: tuple[Path, ...]
    docs_dir: Path

    def file(self, name: str) -> Path | None:
        if "." in name:
            path = self.docs_dir / name
            return path if path.is_file() else None
        icon_set, _, icon = name.partition("/")
        for folder in self.icon_dirs:
            path = folder / icon_set / f"{icon}.svg"
            if path.is_file():
                return path
        return None

    def exists(self, name: str) -> bool:
        return self.file(name) is not None


# An entry of mkdocs.yml's `nav`: a page path, or one title mapped to a path or to a section.
NavItem: TypeAlias = "str | dict[str, str | list[NavItem]]"
# Each generated section's index page -> the (title, page path or subsection) entries listed under it.
NavSections: TypeAlias = "Mapping[str, Sequence[tuple[str, str | list[NavItem]]]]"


class HistoryEntry(TypedDict):
    """One earlier kit version in kit/statement-history.yml, and what its next release changed."""

    version: str
    renamed: dict[str, str]
    removed: list[str]


@dataclass(frozen=True)
class BuildContext:
    kit: Kit
    options: Options
    kit_dir: Path
    docs_dir: Path
    cache_dir: Path
    pictures: Pictures
    hard_words: HardWords = field(default_factory=HardWords)
    # The report's words an easy-read title or heading must not use (kit/easy-read-jargon.yml).
    jargon: Jargon = field(default_factory=Jargon)
    # The checked statement history (how to read older exports), oldest first.
    history: tuple[HistoryEntry, ...] = ()
    # The build date as printed on paper: '26 November 2026'.
    date: str = ""
    # The checked briefing for trustees (kit/trustee-briefing.yml), when the kit has one.
    briefing: Briefing | None = None
    # The organisation's own records folder (extra.kit.own_records), resolved; None when unset.
    own_dir: Path | None = None

    def wants(self, output: str) -> bool:
        return output in self.options.outputs


@dataclass(frozen=True)
class Page:
    path: str
    title: str
    markdown: str
    # False for a page kept only so an old link still works (a switched-off record): out of the menus on purpose.
    in_nav: bool = True


@dataclass(frozen=True)
class Rendered:
    """What a web renderer adds to the site."""

    pages: tuple[Page, ...] = ()
    # For each generated section's index page, the (title, path) entries listed under it.
    nav: NavSections = field(default_factory=dict)
    # (path in the site, text) for generated scripts, data and stylesheets.
    assets: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Branding:
    """An organisation's name, logo and colour, applied to the site."""

    site_name: str | None
    logo: str | None
    stylesheets: tuple[tuple[str, str], ...] = ()  # (path in the site, CSS)
