"""Identifiers of actors and places (``{'wikidata': 'Q7747'}``) as the URLs that name them.

Formats that link entities by URL (JSON-LD ``sameAs``, ninjs ``uri``) write an identifier
as its canonical URL when the scheme has one and the value has the scheme's shape, and
read such URLs (in their common variants) back to ``(scheme, value)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Scheme:
    name: str
    value: re.Pattern[str]  # the shape of a valid value
    template: str  # canonical URL, {} for the value
    reads: re.Pattern[str]  # URLs read back; group 1 is the value


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "wikidata",
        re.compile(r"Q[1-9][0-9]*"),
        "https://www.wikidata.org/entity/{}",
        re.compile(r"^https?://(?:www\.|m\.)?wikidata\.org/(?:entity|wiki)/(Q[1-9][0-9]*)/?$"),
    ),
    Scheme(
        "isni",
        re.compile(r"[0-9]{15}[0-9X]"),
        "https://isni.org/isni/{}",
        re.compile(r"^https?://(?:www\.)?isni\.org/isni/([0-9]{15}[0-9X])/?$"),
    ),
    Scheme(
        "orcid",
        re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]"),
        "https://orcid.org/{}",
        re.compile(r"^https?://(?:www\.)?orcid\.org/([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X])/?$"),
    ),
    Scheme(
        "viaf",
        re.compile(r"[1-9][0-9]*"),
        "https://viaf.org/viaf/{}",
        re.compile(r"^https?://(?:www\.)?viaf\.org/viaf/([1-9][0-9]*)/?$"),
    ),
    Scheme(
        "geonames",
        re.compile(r"[1-9][0-9]*"),
        "https://sws.geonames.org/{}/",
        re.compile(r"^https?://(?:sws\.|www\.)?geonames\.org/([1-9][0-9]*)(?:/.*)?$"),
    ),
)

_BY_NAME = {s.name: s for s in SCHEMES}


def to_url(scheme: str, value: str) -> str | None:
    """The canonical URL of an identifier, or None when the scheme or value has none."""
    known = _BY_NAME.get(scheme)
    if known is None or not known.value.fullmatch(value):
        return None
    return known.template.format(value)


def from_url(url: str) -> tuple[str, str] | None:
    """``(scheme, value)`` of an identifier URL, or None for any other URL."""
    for scheme in SCHEMES:
        m = scheme.reads.match(url.strip())
        if m:
            return scheme.name, m.group(1)
    return None
