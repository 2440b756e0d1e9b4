"""ninjs conventions that the ninjs exporter writes and the ninjs reader reads back.

Neutral ground, like newsml_terms.py: readers never import exporters, so what both must
agree on (roles, rels, the details block, date and quote conventions) lives here.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import AbstractSet, Any, Iterable

from .model import Actor, Quote, Span

__all__ = [
    "ACTOR_DEFAULTS",
    "AGENCY_FIELDS",
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
    "SUMMARY_ROLE",
    "WEB_RENDITION",
    "is_listed_place",
    "native_actor_order",
    "native_quote_order",
    "outside_body",
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
SUMMARY_ROLE = "summary"
# Model fields the details always carry when set (see _Writer.details).
AGENCY_FIELDS = (
    "created",
    "embargoed",
    "byline",
    "creditline",
    "slugline",
    "genre",
    "urgency",
    "word_count",
    "rights",
)
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
QUOTE_DEFAULTS: dict[str, Any] = {
    "cue": None,
    "addressee": None,
    "via": None,
    "via_mention": None,
    "event": None,
    "confidence": 1.0,
}
NATIVE_ACTOR_KINDS = ("person", "organization")

_TIME = re.compile(r"^(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def rfc3339(value: str, utc: bool = False) -> str:
    """An ISO 8601 date of the model as the RFC 3339 date-time ninjs requires.

    A date alone becomes midnight UTC and a time without a zone is taken as UTC; the
    exact original travels in the details (see :func:`write_dates`). ``utc``: the same
    instant in UTC with a "Z" (ninjs 1.x, as its consumers parse it).
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
    text = f"{day}T{hhmm}{seconds or ':00'}{zone}"
    if utc and zone != "Z":
        moment = datetime.fromisoformat(text).astimezone(timezone.utc)
        return moment.isoformat().replace("+00:00", "Z")
    return text


def write_dates(published: str | None, modified: str | None, utc: bool = False) -> dict[str, str]:
    """The ninjs 3 date properties for the article's dates: versionCreated is the newest
    date known (the publication when the article was not modified)."""
    out = {}
    if published:
        out["firstCreated"] = rfc3339(published, utc)
    if modified or published:
        out["versionCreated"] = rfc3339(modified or published or "", utc)
    return out


def read_dates(first_created: str | None, version_created: str | None) -> tuple[str | None, str | None]:
    """Publication and modification dates from ninjs: a lone versionCreated is the
    publication, and so is one equal to firstCreated."""
    if first_created:
        return first_created, (version_created if version_created != first_created else None)
    return version_created, None


def is_listed_place(actor: Actor, credited: AbstractSet[str | None]) -> bool:
    """Whether ninjs lists this actor among the places: a country not credited."""
    return actor.kind == "country" and actor.id not in credited


def native_actor_order(actors: Iterable[Actor], credited: AbstractSet[str | None] = frozenset()) -> list[str]:
    """Actor ids in the order ninjs lists them: people, organisations, then the countries
    listed in ``places``."""
    actors = list(actors)
    return (
        [a.id for a in actors if a.kind == "person"]
        + [a.id for a in actors if a.kind != "person" and not is_listed_place(a, credited)]
        + [a.id for a in actors if is_listed_place(a, credited)]
    )


def native_quote_order(firsts: Iterable[tuple[str, Span]]) -> list[str]:
    """Quote ids in the order the body shows them: by their first span."""
    return [qid for qid, _ in sorted(firsts, key=lambda t: (t[1].order(), t[0]))]


def quote_text(article_body: list[str], spans: list[Span]) -> str:
    """The text of a quote as its spans show it (what a reader sees without the details)."""
    return " ".join(article_body[s.paragraph][s.start : s.end] for s in spans if s.in_body)


def outside_body(quote: Quote) -> bool:
    """Whether a quote points into the headline or standfirst, which ninjs writes as plain
    text: such a quote travels whole in newsgraph's details, spans and all."""
    mention = quote.speaker_mention
    return any(not s.in_body for s in quote.spans) or (mention is not None and not mention.in_body)
