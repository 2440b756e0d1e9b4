"""IPTC ninjs 3.x (or 2.x): one news item per article, valid against the official schema.

What goes where (docs/ninjs.md has the full table):

- ``uri`` the article id; ``type`` "text"; ``standard`` names the ninjs version and schema.
- ``headlines`` with roles ``main``, ``subhead`` (standfirst) and ``kicker``; ``by`` the
  authors' names; ``located`` the dateline; ``language``; ``firstCreated`` /
  ``versionCreated`` the publication and modification dates (RFC 3339).
- ``bodies[0]`` the body as HTML (:mod:`.html_body`): paragraphs by role, and every
  mention, quote and speaker as an element with the ids in data- attributes.
- ``people`` (persons) and ``organisations`` (organisations, countries and groups acting
  as parties) with ``rel`` "author" for authors; ``places`` with the country in
  ``contactInfo``; ``events``; ``subjects`` for topics and the section (``rel``
  "section"); ``infoSources`` for the publisher and credited agencies; ``renditions``
  for the article's web page; ``associations`` for photos and videos.
- What ninjs has no property for (actor titles, aliases, affiliations, identifiers; place
  and event details; quote cues and addressees; paragraph offsets; provenance) goes into
  one ``descriptions`` entry with role ``newsgraph`` and content type
  :data:`DETAILS_TYPE`, holding only what the rest of the document cannot say. ninjs 2.2
  and 3.1 allow no properties of one's own, so this is the one place the schema leaves.

The reader (:mod:`newsgraph.readers.ninjs`) reads this back into the same Article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator
from urllib.parse import quote as url_quote

from jsonschema import Draft202012Validator

from ..countries import iso3166_alpha2
from ..errors import ExportError, UsageError
from ..model import Article, Topic, local_id
from ..topics import ninjs_subject, topic_of_subject
from .. import html_body
from .base import ExportOptions
from ..ninjs_terms import (
    ACTOR_DEFAULTS,
    AGENCY_FIELDS,
    AUTHOR_REL,
    BODY_ROLE,
    BODY_TYPE,
    CAPTION_ROLE,
    DETAILS_ROLE,
    DETAILS_TYPE,
    DETAILS_VERSION,
    EVENT_DEFAULTS,
    HEADLINE_ROLES,
    MEDIA_RENDITION,
    MEDIA_TYPES,
    MENTION_REL,
    NATIVE_ACTOR_KINDS,
    PLACE_DEFAULTS,
    PUBLISHER_ROLE,
    QUOTE_DEFAULTS,
    SECTION_REL,
    SOURCE_ROLE,
    SUMMARY_ROLE,
    WEB_RENDITION,
    is_listed_place,
    native_actor_order,
    native_quote_order,
    outside_body,
    quote_text,
    read_dates,
    rfc3339,
    write_dates,
)

# JSON Lines chunks are each a whole ninjs document, so each is checked.
VALIDATE_CHUNKS = True

DEFAULT_VERSION = 3


@dataclass(frozen=True)
class Version:
    major: int
    number: str  # the schema version written in "standard"
    schema_url: str


VERSIONS: dict[int, Version] = {
    3: Version(3, "3.1", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"),
    2: Version(2, "2.2", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"),
    1: Version(1, "1.6", "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json"),
}


@lru_cache(maxsize=4096)
def _is_uri(value: str) -> bool:
    return bool(Draft202012Validator.FORMAT_CHECKER.conforms(value, "uri"))


def _encode_uri(value: str) -> str:
    """An id the model accepts but RFC 3986 does not (an IRI: non-ASCII letters), escaped."""
    base, hash_, fragment = value.partition("#")
    safe = ":/?@!$&'()*+,;=-._~%"
    return url_quote(base, safe=safe) + hash_ + url_quote(fragment, safe=safe)


def _subject(topic: Topic) -> dict[str, str]:
    """A topic as a ninjs subject, its URI encoded as ninjs needs (see newsgraph.topics)."""
    uri = topic.uri if topic.uri is None or _is_uri(topic.uri) else _encode_uri(topic.uri)
    return ninjs_subject(topic, uri)


# --- the document --------------------------------------------------------------------


class _Writer:
    def __init__(self, article: Article, version: Version, copyright: str | None = None) -> None:
        self.article = article
        self.version = version
        self.copyright = copyright
        self.ids: dict[str, str] = {}  # native uri -> model id, where they differ

    def uri(self, value: str) -> str:
        if _is_uri(value):
            return value
        encoded = _encode_uri(value)
        if not _is_uri(encoded):
            raise ExportError(
                f"the id {value!r} cannot be written as a URI",
                "give the article, actors and places ids like 'urn:newsgraph:...'",
            )
        self.ids[encoded] = value
        return encoded

    def document(self) -> dict[str, Any]:
        a = self.article
        doc: dict[str, Any] = {
            "standard": {"name": "ninjs", "version": self.version.number, "schema": self.version.schema_url},
            "uri": self.uri(a.id),
            "type": "text",
        }
        if a.language:
            doc["language"] = a.language
        doc.update(write_dates(a.published, a.modified, utc=self.version.major == 1))
        if a.embargoed:
            doc["embargoedUntil"] = rfc3339(a.embargoed, utc=self.version.major == 1)
        if a.urgency is not None:
            doc["urgency"] = a.urgency
        doc.update(self.rights())
        headlines = [
            {"role": HEADLINE_ROLES[f], "value": getattr(a, f)} for f in HEADLINE_ROLES if getattr(a, f) is not None
        ]
        if headlines:
            doc["headlines"] = headlines
        authors = [a.actor(i) for i in a.authors]
        if authors:
            doc["by"] = _names([x.name for x in authors if x is not None])
        if a.slugline is not None:
            doc["slugline"] = a.slugline
        if a.dateline is not None:
            doc["located"] = a.dateline
        if a.body:
            text = [p.text for p in a.body]
            doc["bodies"] = [
                {
                    "role": BODY_ROLE,
                    "contentType": BODY_TYPE,
                    "charCount": sum(len(t) for t in text),
                    "wordCount": sum(len(t.split()) for t in text),
                    "value": html_body.render(a),
                },
                {  # the plain text beside the markup, for consumers that show text
                    "role": BODY_ROLE,
                    "contentType": "text/plain",
                    "value": a.text,
                },
            ]
        doc.update(self.entities())
        subjects = [_subject(t) for t in a.topics if t.name or t.code or t.uri]
        if a.section is not None:
            subjects.append({"name": a.section, "rel": SECTION_REL})
        if subjects:
            doc["subjects"] = subjects
        sources = self.info_sources()
        if sources:
            doc["infoSources"] = sources
        if a.url:
            doc["renditions"] = [{"name": WEB_RENDITION, "href": self.uri(a.url), "contentType": "text/html"}]
        if a.media:
            doc["associations"] = self.associations()
        if a.genre is not None:
            doc["genres"] = [{"name": a.genre}]
        # The standfirst first: consumers show descriptions[0] as the item's abstract.
        summary = (
            [{"role": SUMMARY_ROLE, "contentType": "text/plain", "value": a.subheadline}]
            if a.subheadline is not None
            else []
        )
        doc["descriptions"] = summary + [
            {
                "role": DETAILS_ROLE,
                "contentType": DETAILS_TYPE,
                "value": json.dumps(self.details(), sort_keys=True, ensure_ascii=False, separators=(",", ":")),
            }
        ]
        if self.version.major == 3:
            return doc
        return _lower_keys(doc) if self.version.major == 2 else to_v1(_lower_keys(doc))

    def rights(self) -> dict[str, str]:
        """copyrightHolder (the article's, else the publisher), copyrightNotice (the
        article's, else --copyright), usageTerms."""
        a, out = self.article, {}
        rights = a.rights
        publisher = a.actor(a.publisher) if a.publisher else None
        holder = (rights.holder if rights else None) or (publisher.name if publisher else None)
        notice = (rights.notice if rights else None) or self.copyright
        for key, value in (
            ("copyrightHolder", holder),
            ("copyrightNotice", notice),
            ("usageTerms", rights.usage if rights else None),
        ):
            if value is not None:
                out[key] = value
        return out

    def entities(self) -> dict[str, list[dict[str, Any]]]:
        a = self.article
        authors = set(a.authors)

        def entry(id_: str, name: str, author: bool, mentioned: bool) -> dict[str, Any]:
            item: dict[str, Any] = {"name": name}
            rel = AUTHOR_REL if author else MENTION_REL if mentioned else None
            if rel:
                item["rel"] = rel
            item["uri"] = self.uri(id_)
            return item

        out: dict[str, list[dict[str, Any]]] = {}
        people = [entry(x.id, x.name, x.id in authors, bool(x.mentions)) for x in a.actors if x.kind == "person"]
        credited = set(a.authors) | set(a.sources) | {a.publisher}
        orgs = [
            entry(x.id, x.name, x.id in authors, bool(x.mentions))
            for x in a.actors
            if x.kind != "person" and not is_listed_place(x, credited)
        ]
        # Countries are places in ninjs, whether they act or are where things happen; each
        # with its ISO 3166-1 alpha-2 code as the literal. (One credited as an author,
        # publisher or source stays among the organisations, where those are found.)
        places = [
            self.country(entry(x.id, x.name, x.id in authors, bool(x.mentions)), x.name, *x.aliases)
            for x in a.actors
            if is_listed_place(x, credited)
        ]
        for p in a.places:
            item = entry(p.id, p.name, False, bool(p.mentions))
            if p.kind == "country":
                self.country(item, p.name, *p.aliases)
            if p.country is not None:
                item["contactInfo"] = [{"address": {"country": p.country}}]
            places.append(item)
        events = [entry(e.id, e.label, False, bool(e.mentions)) for e in a.events]
        for key, items in (("people", people), ("organisations", orgs), ("places", places), ("events", events)):
            if items:
                out[key] = items
        return out

    def country(self, item: dict[str, Any], *names: str) -> dict[str, Any]:
        code = iso3166_alpha2(*names)
        if code is not None:
            item["literal"] = code
        return item

    def info_sources(self) -> list[dict[str, Any]]:
        a = self.article
        out = []
        for role, ids in ((PUBLISHER_ROLE, [a.publisher] if a.publisher else []), (SOURCE_ROLE, a.sources)):
            for actor_id in ids:
                actor = a.actor(actor_id)
                if actor is not None:
                    out.append({"name": actor.name, "role": role, "uri": self.uri(actor.id)})
        return out

    def associations(self) -> list[dict[str, Any]]:
        a = self.article
        base = self.uri(a.id)
        out = []
        for n, media in enumerate(a.media, start=1):
            item: dict[str, Any] = {
                "name": f"media-{n}",
                "uri": local_id(base, "media", n),
                "type": MEDIA_TYPES[media.kind],
            }
            if media.credit is not None:
                item["by"] = media.credit
            if media.caption is not None:
                item["descriptions"] = [{"role": CAPTION_ROLE, "value": media.caption}]
            if media.url:
                item["renditions"] = [{"name": MEDIA_RENDITION, "href": self.uri(media.url)}]
            out.append(item)
        return out

    def details(self) -> dict[str, Any]:
        """What the native properties cannot carry, as field values keyed by model id."""
        a = self.article
        out: dict[str, Any] = {}
        article: dict[str, Any] = {}
        utc = self.version.major == 1
        if read_dates(*_date_values(write_dates(a.published, a.modified, utc))) != (a.published, a.modified):
            article["published"], article["modified"] = a.published, a.modified
        # The agency fields, exactly (their native properties are written from them too,
        # with defaults a reader could not tell from the article's own values).
        article.update(a.model_dump(mode="json", include=set(AGENCY_FIELDS), exclude_none=True))
        authors = set(a.authors)
        credited = authors | set(a.sources) | {a.publisher}
        native_authors = [i for i in native_actor_order(a.actors, credited) if i in authors]
        if native_authors != a.authors:
            article["authors"] = a.authors
        # Always written, null included: a reader must not invent the provenance of a
        # round trip, and the description's presence marks the item as newsgraph's own.
        article["provenance"] = (
            a.provenance.model_dump(mode="json", exclude_none=True) if a.provenance is not None else None
        )
        out["article"] = article
        native = [topic_of_subject(_subject(t)) for t in a.topics if t.name or t.code or t.uri]
        # 1.x subjects have no literal: a code or URI travels in the details.
        coded = utc and any(t.code or t.uri for t in a.topics)
        if coded or native != [t.model_dump(exclude_none=True) for t in a.topics]:
            out["topics"] = [t.model_dump(exclude_none=True) for t in a.topics]
        if any(p.offset is not None for p in a.body):
            out["offsets"] = [p.offset for p in a.body]
        order: dict[str, list[str]] = {}
        if native_actor_order(a.actors, credited) != [x.id for x in a.actors]:
            order["actors"] = [x.id for x in a.actors]
        lines = {q.id for q in a.quotes if outside_body(q)}
        if lines or native_quote_order((q.id, q.spans[0]) for q in a.quotes) != [q.id for q in a.quotes]:
            order["quotes"] = [q.id for q in a.quotes]
        if order:
            out["order"] = order
        actors = {x.id: _changed(x, ACTOR_DEFAULTS, kind=x.kind not in NATIVE_ACTOR_KINDS) for x in a.actors}
        places = {p.id: _changed(p, PLACE_DEFAULTS) for p in a.places}
        events = {e.id: _changed(e, EVENT_DEFAULTS) for e in a.events}
        texts = [p.text for p in a.body]
        quotes = {
            q.id: (
                q.model_dump(mode="json", exclude_none=True, exclude={"id"})
                if q.id in lines
                else _changed(q, QUOTE_DEFAULTS, text=q.text != quote_text(texts, q.spans))
            )
            for q in a.quotes
        }
        for key, table in (("actors", actors), ("places", places), ("events", events), ("quotes", quotes)):
            table = {k: v for k, v in table.items() if v}
            if table:
                out[key] = table
        if self.ids:
            out["ids"] = dict(sorted(self.ids.items()))
        out["newsgraph"] = DETAILS_VERSION
        return out


def _changed(item: Any, defaults: dict[str, Any], **also: bool) -> dict[str, Any]:
    """The fields of ``item`` that differ from the native defaults, plus those named in ``also``."""
    data = item.model_dump(mode="json")
    out = {k: data[k] for k, default in defaults.items() if data[k] != default}
    out.update({k: data[k] for k, wanted in also.items() if wanted})
    return out


def _date_values(fields: dict[str, str]) -> tuple[str | None, str | None]:
    return fields.get("firstCreated"), fields.get("versionCreated")


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _lower_keys(value: Any) -> Any:
    # ninjs 2.x spells every property we write as the 3.x name in lower case, but one.
    if isinstance(value, dict):
        return {_V2_NAMES.get(k, k.lower()): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


# --- ninjs 1.x ---------------------------------------------------------------------------

# 2.x lists that 1.x names in the singular; their entries carry the URI as ``code``.
_V1_LISTS = {
    "people": "person",
    "organisations": "organisation",
    "places": "place",
    "events": "event",
    "subjects": "subject",
    "infosources": "infosource",
}
_V1_HEADLINES = {"main": "headline", "subhead": "headline_subhead", "kicker": "headline_kicker"}
_V1_BODIES = {"text/html": "body_html", "text/plain": "body_text"}
_V1_DESCRIPTIONS = {SUMMARY_ROLE: "description_text"}


def to_v1(doc: dict[str, Any]) -> dict[str, Any]:
    """A 2.x document (lower-case names) in the 1.x shape: ``headline``, ``body_html``,
    ``byline``, singular entity lists, renditions and associations keyed by name, and
    newsgraph's details in ``description_newsgraph`` (1.x's own place for extra text)."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "standard":
            out["$standard"] = value
        elif key == "headlines":
            out.update((_V1_HEADLINES[h["role"]], h["value"]) for h in value)
        elif key == "bodies":
            for body in value:
                out[_V1_BODIES[body["contenttype"]]] = body["value"]
                if body["contenttype"] == "text/html":
                    out["charcount"], out["wordcount"] = body["charcount"], body["wordcount"]
        elif key == "by":
            out["byline"] = value
        elif key in _V1_LISTS:
            out[_V1_LISTS[key]] = [_v1_entity(e, key == "subjects") for e in value]
        elif key == "renditions":
            out["renditions"] = {r["name"]: _v1_rendition(r) for r in value}
        elif key == "associations":
            out["associations"] = {a["name"]: to_v1({k: v for k, v in a.items() if k != "name"}) for a in value}
        elif key == "descriptions":
            out.update((_V1_DESCRIPTIONS.get(d["role"], f"description_{d['role']}"), d["value"]) for d in value)
        elif key == "genres":
            out["genre"] = [{"name": g["name"]} for g in value]
        else:
            out[key] = value
    return out


def _v1_entity(entry: dict[str, Any], subject: bool = False) -> dict[str, Any]:
    out = {k: v for k, v in entry.items() if k not in ("uri", "role", "literal")}  # 1.x: no literal
    if subject and "literal" in entry:  # a topic's code (a QCode): what consumers file subjects by
        out["code"] = entry["literal"]
    elif "uri" in entry:
        out["code"] = entry["uri"]
    if "role" in entry:  # infoSources: 1.x has no role; rel says the same
        out["rel"] = entry["role"]
    return out


def _v1_rendition(rendition: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in rendition.items() if k in ("href", "title", "height", "width")}
    if rendition.get("contenttype"):
        out["mimetype"] = rendition["contenttype"]
    return out


_V2_NAMES = {"embargoedUntil": "embargoed"}


# --- the exporter interface ------------------------------------------------------------


def version_of(options: ExportOptions) -> Version:
    try:
        return VERSIONS[int(options.ninjs_version)]
    except (KeyError, TypeError, ValueError):
        raise UsageError(
            f"ninjs version {options.ninjs_version!r} cannot be written", "choose --ninjs-version 1, 2 or 3"
        ) from None


def to_data(article: Article, options: ExportOptions = ExportOptions()) -> dict[str, Any]:
    """The ninjs document of one article as plain data."""
    return _Writer(article, version_of(options), options.copyright).document()


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    data = to_data(article, options)
    if options.pretty:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    """ninjs has no container for many items: one document per line (JSON Lines)."""
    for article in articles:
        yield json.dumps(to_data(article, options), ensure_ascii=False, separators=(",", ":")) + "\n"
