"""schema.org JSON-LD: one @graph per article, every node once, linked by @id.

The mapping is written down in docs/jsonld.md. In short: the article is a NewsArticle,
actors are Person / Organization / Country, places Place and its subtypes, events Event,
quotes Quotation; what schema.org has no class for travels as ``additionalType`` values
in newsgraph's vocabulary, character spans as text fragments (CreativeWork parts of
each paragraph with ``position`` and ``text``), and the few remaining values (confidence,
cue, date as written...) as ``Observation`` nodes nested in their subject. Everything is a schema.org term, so
the document passes schema.org validation, and the reader restores the same Article.

Many articles are JSON Lines: one complete JSON-LD document per line. Loaded into one
RDF graph, their actors and places merge, since their ids are stable.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from ..errors import ExportError
from ..model import Actor, Article, Event, Media, Paragraph, Place, Quote, Span, local_id
from .. import identifiers
from ..schemaorg import CONTEXT, MAPPING, SCHEMA, VOCAB
from .base import ExportOptions

# Each chunk of render_many is a whole document (a line, or a whole HTML page).
VALIDATE_CHUNKS = True

ACTOR_TYPES = {"person": "Person", "organization": "Organization", "country": "Country",
               "group": "Organization"}
PLACE_TYPES = {"city": "City", "country": "Country", "region": "AdministrativeArea",
               "venue": "EventVenue", "address": "Place", "other": "Place"}
MEDIA_TYPES = {"image": "ImageObject", "graphic": "ImageObject", "video": "VideoObject",
               "audio": "AudioObject"}
GENDERS = {"female": SCHEMA + "Female", "male": SCHEMA + "Male"}
EVENT_SCHEDULED = SCHEMA + "EventScheduled"

# additionalType values: VOCAB + "<what>:<value>".
PARAGRAPH_ROLE = "paragraph-role"
ACTOR_KIND = "actor-kind"
PLACE_KIND = "place-kind"
EVENT_KIND = "event-kind"
EVENT_STATUS = "event-status"
QUOTE_KIND = "quote-kind"
MEDIA_KIND = "media-kind"
KICKER = VOCAB + "kicker"
SOURCE = VOCAB + "source"

# Kinds that the schema.org type alone does not tell apart, per type.
_MARKED_ACTOR_KINDS = {"group"}
_MARKED_PLACE_KINDS = {"address"}
_MARKED_MEDIA_KINDS = {"graphic"}


def vocab(what: str, value: str) -> str:
    return f"{VOCAB}{what}:{value}"


def ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _one_or_many(values: list[Any]) -> Any:
    # Compact JSON-LD style: a single value is written without its array.
    return values[0] if len(values) == 1 else values


def _put(node: dict[str, Any], key: str, value: Any) -> None:
    """Set a property unless there is nothing to say."""
    if value is None or value == []:
        return
    node[key] = _one_or_many(value) if isinstance(value, list) else value


class _Graph:
    """Builds the @graph of one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.observations: dict[str, list[dict[str, Any]]] = {}  # subject id -> its observations
        self.paragraphs: list[dict[str, Any]] = []
        self._links: dict[int, list[tuple[Span, str, str]]] | None = None
        self._minted: set[str] = set()
        self._taken = {article.id, *(x.id for x in (*article.actors, *article.places,
                                                    *article.quotes, *article.events))}

    def mint(self, kind: str, n: int | None = None) -> str:
        """An id for a node that the model does not name (paragraph, media, source)."""
        iri = local_id(self.article.id, kind, n) if n is not None else \
            f"{self.article.id.split('#', 1)[0]}#{kind}"
        if iri in self._taken or iri in self._minted:
            raise ExportError(f"the id {iri!r} is needed for a {kind} node but is already used",
                              "rename the quote or event that uses it")
        self._minted.add(iri)
        return iri

    def observe(self, subject: str, variable: str, value: Any) -> None:
        """A value with no schema.org property: an Observation about its node."""
        self.observations.setdefault(subject, []).append(
            {"@type": "Observation", "variableMeasured": variable, "value": value})

    def attach_observations(self, nodes: list[dict[str, Any]]) -> None:
        """Each subject lists the Observations about it, as the reverse of observationAbout.

        Nested in their subject they read where they belong, and cost no reference each.
        """
        subjects = {n["@id"]: n for n in nodes}
        subjects.update((p["@id"], p) for p in self.paragraphs)
        for subject, found in self.observations.items():
            subjects[subject]["@reverse"] = {"observationAbout": _one_or_many(found)}

    # --- nodes ---

    def build(self) -> list[dict[str, Any]]:
        a = self.article
        article = self.article_node()
        nodes = [article]
        nodes += [self.actor(x) for x in a.actors]
        nodes += [self.place(x) for x in a.places]
        nodes += [self.event(x) for x in a.events]
        nodes += [self.quote(x) for x in a.quotes]
        if a.provenance is not None:
            nodes.append(self.source(article))
        self.attach_observations(nodes)
        return nodes

    def article_node(self) -> dict[str, Any]:
        a = self.article
        node: dict[str, Any] = {"@id": a.id, "@type": "NewsArticle", "schemaVersion": MAPPING}
        _put(node, "headline", a.headline)
        _put(node, "alternativeHeadline", a.subheadline)
        _put(node, "author", [ref(x) for x in a.authors])
        _put(node, "publisher", ref(a.publisher) if a.publisher else None)
        _put(node, "sourceOrganization", [ref(x) for x in a.sources])
        _put(node, "url", a.url)
        _put(node, "inLanguage", a.language)
        _put(node, "datePublished", a.published)
        _put(node, "dateModified", a.modified)
        _put(node, "dateline", a.dateline)
        _put(node, "articleSection", a.section)
        _put(node, "keywords", [t.name for t in a.topics if t.name])
        if a.body:
            node["articleBody"] = a.text
        parts = []
        if a.kicker is not None:
            parts.append({"@id": self.mint("kicker"), "@type": "CreativeWork",
                          "additionalType": KICKER, "text": a.kicker})
        self.paragraphs = [self.paragraph(i, p) for i, p in enumerate(a.body)]
        _put(node, "hasPart", parts + self.paragraphs)
        media = [self.media(i, m) for i, m in enumerate(a.media)]
        _put(node, "associatedMedia", media)
        _put(node, "image", [ref(m["@id"]) for m in media if m["@type"] == "ImageObject"])
        # The article's cast, in model order: every actor, place and event it names.
        _put(node, "mentions", [ref(x.id) for x in a.actors])
        _put(node, "contentLocation", [ref(x.id) for x in a.places])
        _put(node, "about", [ref(x.id) for x in a.events])
        return node

    def paragraph(self, index: int, p: Paragraph) -> dict[str, Any]:
        pid = self.mint("paragraph", index + 1)
        node: dict[str, Any] = {"@id": pid, "@type": "CreativeWork",
                                "additionalType": vocab(PARAGRAPH_ROLE, p.role),
                                "position": index + 1, "text": p.text}
        _put(node, "hasPart", self.fragments(index, p.text))
        if p.offset is not None:
            self.observe(pid, "offset", p.offset)
        return node

    def _links_by_paragraph(self) -> dict[int, list[tuple[Span, str, str]]]:
        """Every span of the article as (span, relation, target), grouped by paragraph once:
        looking them all up again for each paragraph made long articles quadratic."""
        found: dict[int, list[tuple[Span, str, str]]] = {}
        a = self.article
        for thing in (*a.actors, *a.places, *a.events):
            for span in thing.mentions:
                found.setdefault(span.paragraph, []).append((span, "mentions", thing.id))
        for q in a.quotes:
            for span in q.spans:
                found.setdefault(span.paragraph, []).append((span, "isPartOf", q.id))
            if q.speaker_mention is not None:
                found.setdefault(q.speaker_mention.paragraph, []).append((q.speaker_mention, "about", q.id))
        return found

    def fragments(self, index: int, text: str) -> list[dict[str, Any]]:
        """Every span in paragraph ``index``, one node per stretch of text, with its links."""
        if self._links is None:
            self._links = self._links_by_paragraph()
        links: dict[tuple[int, int], dict[str, list[dict[str, str]]]] = {}
        for span, relation, target in self._links.get(index, []):
            rel = links.setdefault((span.start, span.end), {}).setdefault(relation, [])
            if ref(target) not in rel:
                rel.append(ref(target))
        fragments = []
        for (start, end), rels in sorted(links.items()):
            fragment: dict[str, Any] = {"@type": "CreativeWork", "position": start,
                                        "text": text[start:end]}
            for relation in ("mentions", "isPartOf", "about"):
                _put(fragment, relation, rels.get(relation, []))
            fragments.append(fragment)
        return fragments

    def media(self, index: int, m: Media) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": self.mint("media", index + 1), "@type": MEDIA_TYPES[m.kind],
                                "position": index + 1}
        if m.kind in _MARKED_MEDIA_KINDS:
            node["additionalType"] = vocab(MEDIA_KIND, m.kind)
        _put(node, "contentUrl", m.url)
        _put(node, "caption", m.caption)
        _put(node, "creditText", m.credit)
        return node

    def identified(self, node: dict[str, Any], ids: dict[str, str]) -> None:
        """Identifiers: a sameAs URL where the scheme has one, else a PropertyValue."""
        same_as, other = [], []
        for scheme, value in ids.items():
            url = identifiers.to_url(scheme, value)
            if url is not None:
                same_as.append(url)
            else:
                other.append({"@type": "PropertyValue", "propertyID": scheme, "value": value})
        _put(node, "sameAs", same_as)
        _put(node, "identifier", other)

    def actor(self, x: Actor) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": x.id, "@type": ACTOR_TYPES[x.kind], "name": x.name}
        if x.kind in _MARKED_ACTOR_KINDS:
            node["additionalType"] = vocab(ACTOR_KIND, x.kind)
        _put(node, "alternateName", list(x.aliases))
        person = x.kind == "person"
        if person:
            _put(node, "jobTitle", list(x.titles))
        else:
            for title in x.titles:
                self.observe(x.id, "titles", title)
        if x.affiliation is not None:
            if person:
                node["affiliation"] = ref(x.affiliation)
            elif ACTOR_TYPES[x.kind] == "Organization":
                node["memberOf"] = ref(x.affiliation)
            else:
                self.observe(x.id, "affiliation", ref(x.affiliation))
        _put(node, "description", x.description)
        if x.gender is not None:
            if person:
                node["gender"] = ref(GENDERS[x.gender])
            else:
                self.observe(x.id, "gender", x.gender)
        self.identified(node, x.identifiers)
        return node

    def place(self, x: Place) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": x.id, "@type": PLACE_TYPES[x.kind], "name": x.name}
        if x.kind in _MARKED_PLACE_KINDS:
            node["additionalType"] = vocab(PLACE_KIND, x.kind)
        _put(node, "alternateName", list(x.aliases))
        if x.country is not None:
            node["address"] = {"@type": "PostalAddress", "addressCountry": x.country}
        self.identified(node, x.identifiers)
        return node

    def event(self, x: Event) -> dict[str, Any]:
        kinds = [vocab(EVENT_KIND, x.kind)]
        if x.status != "unknown":
            kinds.append(vocab(EVENT_STATUS, x.status))
        node: dict[str, Any] = {"@id": x.id, "@type": "Event", "additionalType": _one_or_many(kinds),
                                "name": x.label}
        if x.date is not None:
            _put(node, "startDate", x.date.start)
            _put(node, "endDate", x.date.end)
            if x.date.text is not None:
                self.observe(x.id, "date.text", x.date.text)
            if x.date.precision is not None:
                self.observe(x.id, "date.precision", x.date.precision)
        if x.status != "unknown":
            # "taking place or has taken place as scheduled": true of past, ongoing and
            # planned events alike; the additionalType above says which.
            node["eventStatus"] = ref(EVENT_SCHEDULED)
        _put(node, "location", ref(x.location) if x.location else None)
        _put(node, "attendee", [ref(p) for p in x.participants])
        if x.confidence != 1.0:
            self.observe(x.id, "confidence", x.confidence)
        return node

    def quote(self, x: Quote) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": x.id, "@type": "Quotation",
                                "additionalType": vocab(QUOTE_KIND, x.kind), "text": x.text,
                                "isPartOf": ref(self.article.id)}
        if x.speaker is not None:
            node["spokenByCharacter"] = ref(x.speaker)
            node["creator"] = ref(x.speaker)
        _put(node, "recordedAt", ref(x.event) if x.event else None)
        _put(node, "publisher", ref(x.via) if x.via else None)
        if x.cue is not None:
            self.observe(x.id, "cue", x.cue)
        if x.addressee is not None:
            self.observe(x.id, "addressee", ref(x.addressee))
        if x.confidence != 1.0:
            self.observe(x.id, "confidence", x.confidence)
        return node

    def source(self, article: dict[str, Any]) -> dict[str, Any]:
        """Provenance: the input file the article was read from, and how."""
        p = self.article.provenance
        assert p is not None
        sid = self.mint("source")
        article["isBasedOn"] = ref(sid)
        node: dict[str, Any] = {"@id": sid, "@type": "TextObject", "additionalType": SOURCE}
        _put(node, "name", p.source)
        _put(node, "sha256", p.sha256)
        removed = []
        for r in p.removed:
            part: dict[str, Any] = {"@type": "CreativeWork", "text": r.text, "description": r.reason}
            _put(part, "position", r.offset)
            removed.append(part)
        _put(node, "hasPart", removed)
        if p.reader is not None:
            self.observe(sid, "reader", p.reader)
        if p.newsgraph_version is not None:
            self.observe(sid, "newsgraph_version", p.newsgraph_version)
        for note in p.notes:
            self.observe(sid, "notes", note)
        return node


def to_document(article: Article) -> dict[str, Any]:
    """The JSON-LD document of one article: our context and one @graph."""
    return {"@context": CONTEXT, "@graph": _Graph(article).build()}


def dumps(document: dict[str, Any], pretty: bool) -> str:
    if pretty:
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    if options.embed_html:
        from .jsonld_html import page

        return page([article], [to_document(article)], pretty=options.pretty)
    return dumps(to_document(article), options.pretty)


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    if options.embed_html:
        from .jsonld_html import page_chunks

        yield from page_chunks(articles, to_document, pretty=options.pretty)  # flat memory
        return
    for article in articles:
        yield dumps(to_document(article), pretty=False)
