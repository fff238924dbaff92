"""The kit's options, read from `extra.kit` in mkdocs.yml and checked like content."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import KitError, Problem

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


DEFAULT_ROLES = ("Trustee", "Senior manager", "Staff", "Volunteer", "Person using services", "Carer")


@dataclass(frozen=True)
class Options:
    public_url: str = ""
    organisation: str = ""
    kit_dir: str = "kit"
    roles: tuple[str, ...] = DEFAULT_ROLES
    own_records: str = ""
    switched_off: tuple[str, ...] = ()

    def page_url(self, page_path: str) -> str:
        """Address printed on paper for a page: stable, from public_url, never from the dev server."""
        if not self.public_url:
            return ""
        path = page_path.removesuffix(".md") + ".html" if page_path.endswith(".md") else page_path
        path = path.replace(".md#", ".html#")
        return self.public_url.rstrip("/") + "/" + path


_FIELDS = {
    "public_url": "the address where the site is published, starting with https://",
    "organisation": "the name of the organisation using the kit",
    "kit_dir": "the folder holding the kit records, relative to mkdocs.yml",
    "roles": "a list of the roles people choose from when scoring, such as [Trustee, Staff]",
    "own_records": "the folder holding your organisation's own records, relative to mkdocs.yml",
    "switched_off": "a list of the ids of the kit's records you do not want, such as [fashion-and-rhetoric]",
}
_LISTS = {"roles", "switched_off"}


def read_options(raw, file: str = "mkdocs.yml") -> Options:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise KitError([Problem(file, "expected a set of options under extra.kit", field="extra.kit")])
    problems = []
    for key in raw:
        if key not in _FIELDS:
            problems.append(Problem(file, f"unknown option; expected one of: {', '.join(_FIELDS)}",
                                    field=f"extra.kit.{key}"))
    values = {}
    for key, expected in _FIELDS.items():
        value = raw.get(key)
        if value is None:
            continue
        if key in _LISTS:
            if (not isinstance(value, list) or not value
                    or not all(isinstance(v, str) and v.strip() for v in value)):
                problems.append(Problem(file, f"expected {expected}", field=f"extra.kit.{key}"))
            elif len({v.strip().lower() for v in value}) != len(value):
                problems.append(Problem(file, "each item must appear once", field=f"extra.kit.{key}"))
            else:
                values[key] = tuple(v.strip() for v in value)
            continue
        if not isinstance(value, str):
            problems.append(Problem(file, f"expected text: {expected}", field=f"extra.kit.{key}"))
            continue
        values[key] = value.strip()
    url = values.get("public_url", "")
    if url and not _URL.match(url):
        problems.append(Problem(file, f"'{url}' is not an address; expected {_FIELDS['public_url']}",
                                field="extra.kit.public_url"))
    if problems:
        raise KitError(problems)
    return Options(**values)
