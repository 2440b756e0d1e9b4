"""ninjs conventions that the ninjs exporter writes and the ninjs reader reads back.

Neutral ground, like newsml_terms.py: readers never import exporters, so what both must
agree on (roles, rels, the details block, date and quote conventions) lives here.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .model import Actor, Span

__all__ = [
    "ACTOR_DEFAULTS",
    "AUTHOR_REL",
    "BODY_ROLE",
    "BODY_TYPE",
    "CAPTION_ROLE",
    "DETAILS_ROLE",
    "DETAILS_TYPE",
    "DETAILS_VERSION",
    "EVENT_DEFAULTS",
    "HEADLINE_ROLES",
    "MEDIA_RENDITION",
    "MEDIA_TYPES",
    "MENTION_REL",
    "NATIVE_ACTOR_KINDS",
    "PLACE_DEFAULTS",
    "PUBLISHER_ROLE",
    "QUOTE_DEFAULTS",
    "SECTION_REL",
    "SOURCE_ROLE",
    "WEB_RENDITION",
    "native_actor_order",
    "native_quote_order",
    "quote_text",
    "read_dates",
    "rfc3339",
    "write_dates",
]

DETAILS_ROLE = "newsgraph"
DETAILS_TYPE = "application/vnd.newsgraph.details+json"
DETAILS_VERSION = 1

HEADLINE_ROLES = {"headline": "main", "subheadline": "subhead", "kicker": "kicker"}
BODY_ROLE = "main"
BODY_TYPE = "text/html"
AUTHOR_REL = "author"
MENTION_REL = "mentions"
SECTION_REL = "section"
PUBLISHER_ROLE = "publisher"
SOURCE_ROLE = "source"
WEB_RENDITION = "web"
MEDIA_RENDITION = "original"
CAPTION_ROLE = "caption"
MEDIA_TYPES = {"image": "picture", "video": "video", "audio": "audio", "graphic": "graphic"}

# Native defaults: what the reader assumes when the details do not say otherwise.
ACTOR_DEFAULTS: dict[str, Any] = {
    "titles": [],
    "aliases": [],
    "affiliation": None,
    "description": None,
    "gender": None,
    "identifiers": {},
}
PLACE_DEFAULTS: dict[str, Any] = {"kind": "other", "aliases": [], "identifiers": {}}
EVENT_DEFAULTS: dict[str, Any] = {
    "kind": "other",
    "date": None,
    "status": "unknown",
    "location": None,
    "participants": [],
    "confidence": 1.0,
}
QUOTE_DEFAULTS: dict[str, Any] = {"cue": None, "addressee": None, "via": None, "event": None, "confidence": 1.0}
NATIVE_ACTOR_KINDS = ("person", "organization")

_TIME = re.compile(r"^(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def rfc3339(value: str) -> str:
    """An ISO 8601 date of the model as the RFC 3339 date-time ninjs requires.

    A date alone becomes midnight UTC and a time without a zone is taken as UTC; the
    exact original travels in the details (see :func:`write_dates`).
    """
    day, _, time = value.partition("T")
    if not time:
        return f"{day}T00:00:00Z"
    m = _TIME.match(time)
    if not m:  # the model's pattern guarantees a match; keep the value rather than guess
        return value
    hhmm, seconds, zone = m.groups()
    zone = zone or "Z"
    if zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{hhmm}{seconds or ':00'}{zone}"


def write_dates(published: str | None, modified: str | None) -> dict[str, str]:
    """The ninjs 3 date properties for the article's dates."""
    out = {}
    if published:
        out["firstCreated"] = rfc3339(published)
    if modified:
        out["versionCreated"] = rfc3339(modified)
    return out


def read_dates(first_created: str | None, version_created: str | None) -> tuple[str | None, str | None]:
    """Publication and modification dates from ninjs: a lone versionCreated is the publication."""
    if first_created:
        return first_created, version_created
    return version_created, None


def native_actor_order(actors: Iterable[Actor]) -> list[str]:
    """Actor ids in the order ninjs lists them: people, then organisations."""
    actors = list(actors)
    return [a.id for a in actors if a.kind == "person"] + [a.id for a in actors if a.kind != "person"]


def native_quote_order(firsts: Iterable[tuple[str, Span]]) -> list[str]:
    """Quote ids in the order the body shows them: by their first span."""
    return [qid for qid, _ in sorted(firsts, key=lambda t: (t[1].paragraph, t[1].start, t[1].end, t[0]))]


def quote_text(article_body: list[str], spans: list[Span]) -> str:
    """The text of a quote as its spans show it (what a reader sees without the details)."""
    return " ".join(article_body[s.paragraph][s.start : s.end] for s in spans)
