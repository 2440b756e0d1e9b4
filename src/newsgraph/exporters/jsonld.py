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

from ..errors import ExportError, UsageError
from ..model import Actor, Article, Event, Media, Paragraph, Place, Quote, Span, local_id
from .. import identifiers
from ..schemaorg import CONTEXT, MAPPING, SCHEMA_HTTP, VOCAB
from .base import ExportOptions

# Each chunk of render_many is a whole document (a line, or a whole HTML page).
VALIDATE_CHUNKS = True

ACTOR_TYPES = {"person": "Person", "organization": "Organization", "country": "Country", "group": "Organization"}
# A country that acts (meets, speaks, employs a minister) is its government as much as its
# territory: typed both, it is in the range of attendee, affiliation, memberOf, creator and
# spokenByCharacter (Organization) as well as of the place properties.
COUNTRY_ACTOR_TYPES = ["Country", "GovernmentOrganization"]
PLACE_TYPES = {
    "city": "City",
    "country": "Country",
    "region": "AdministrativeArea",
    "venue": "EventVenue",
    "address": "Place",
    "other": "Place",
}
MEDIA_TYPES = {"image": "ImageObject", "graphic": "ImageObject", "video": "VideoObject", "audio": "AudioObject"}
GENDERS = {"female": SCHEMA_HTTP + "Female", "male": SCHEMA_HTTP + "Male"}
EVENT_SCHEDULED = SCHEMA_HTTP + "EventScheduled"

# additionalType values: VOCAB + "<what>:<value>".
PARAGRAPH_ROLE = "paragraph-role"
ACTOR_KIND = "actor-kind"
PLACE_KIND = "place-kind"
EVENT_KIND = "event-kind"
EVENT_STATUS = "event-status"
QUOTE_KIND = "quote-kind"
MEDIA_KIND = "media-kind"
KICKER = VOCAB + "kicker"
LINE_PARTS = {"headline": VOCAB + "headline", "subheadline": VOCAB + "subheadline"}
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

    def __init__(self, article: Article, options: ExportOptions = ExportOptions()) -> None:
        self.article = article
        self.options = options
        self.observations: dict[str, list[dict[str, Any]]] = {}  # subject id -> its observations
        self.paragraphs: list[dict[str, Any]] = []
        self._links: dict[int | str, list[tuple[Span, str, str]]] | None = None
        self._minted: set[str] = set()
        self._taken = {
            article.id,
            *(a.id for a in article.actors),
            *(p.id for p in article.places),
            *(q.id for q in article.quotes),
            *(e.id for e in article.events),
        }

    def mint(self, kind: str, n: int | None = None) -> str:
        """An id for a node that the model does not name (paragraph, media, source)."""
        iri = local_id(self.article.id, kind, n) if n is not None else f"{self.article.id.split('#', 1)[0]}#{kind}"
        if iri in self._taken or iri in self._minted:
            raise ExportError(
                f"the id {iri!r} is needed for a {kind} node but is already used",
                "rename the quote or event that uses it",
            )
        self._minted.add(iri)
        return iri

    def observe(self, subject: str, variable: str, value: Any) -> None:
        """A value with no schema.org property: an Observation about its node."""
        self.observations.setdefault(subject, []).append(
            {"@type": "Observation", "variableMeasured": variable, "value": value}
        )

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
        # sourceOrganization takes organisations only: a person credited as a source (rare)
        # makes the whole list travel as Observations of ids, in order.
        if all(self.article.actor(x).kind != "person" for x in a.sources):  # type: ignore[union-attr]  # sources are actors (the model checks)
            _put(node, "sourceOrganization", [ref(x) for x in a.sources])
        else:
            for x in a.sources:
                self.observe(a.id, "sources", x)
        _put(node, "url", a.url)
        _put(node, "inLanguage", a.language)
        _put(node, "datePublished", a.published)
        _put(node, "dateModified", a.modified)
        _put(node, "dateCreated", a.created)
        _put(node, "dateline", a.dateline)
        _put(node, "creditText", a.creditline)
        _put(node, "genre", a.genre)
        _put(node, "wordCount", a.word_count)
        self.rights(node)
        # No schema.org property: the byline as printed, the slug, urgency and embargo.
        for variable, value in (
            ("byline", a.byline),
            ("slugline", a.slugline),
            ("urgency", a.urgency),
            ("embargoed", a.embargoed),
        ):
            if value is not None:
                self.observe(a.id, variable, value)
        _put(node, "articleSection", a.section)
        _put(node, "keywords", [t.name for t in a.topics if t.name])
        if any(t.code or t.scheme or t.uri or not t.name for t in a.topics):
            # schema.org keywords are names: topics with codes are observed whole, in order.
            for t in a.topics:
                self.observe(
                    a.id, "topic", json.dumps(t.model_dump(exclude_none=True), ensure_ascii=False, sort_keys=True)
                )
        if a.body:
            node["articleBody"] = a.text
        parts = []
        if a.kicker is not None:
            parts.append(
                {"@id": self.mint("kicker"), "@type": "CreativeWork", "additionalType": KICKER, "text": a.kicker}
            )
        parts += self.lines()
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

    def rights(self, node: dict[str, Any]) -> None:
        """copyrightHolder (a named party: schema.org expects a Person or Organization),
        copyrightNotice, and the usage terms as conditionsOfAccess."""
        rights = self.article.rights
        if rights is None:
            return
        if rights.holder is not None:
            node["copyrightHolder"] = {"@type": "Organization", "name": rights.holder}
        _put(node, "copyrightNotice", rights.notice)
        _put(node, "conditionsOfAccess", rights.usage)

    def lines(self) -> list[dict[str, Any]]:
        """The headline and standfirst as parts of their own, with their text fragments,
        when a quote span points into them (``headline`` itself is plain text)."""
        a = self.article
        parts = []
        for part, text in (("headline", a.headline), ("subheadline", a.subheadline)):
            fragments = self.fragments(part, text) if text is not None else []
            if fragments:
                parts.append(
                    {
                        "@id": self.mint(part),
                        "@type": "CreativeWork",
                        "additionalType": LINE_PARTS[part],
                        "text": text,
                        "hasPart": fragments,
                    }
                )
        return parts

    def paragraph(self, index: int, p: Paragraph) -> dict[str, Any]:
        pid = self.mint("paragraph", index + 1)
        node: dict[str, Any] = {
            "@id": pid,
            "@type": "CreativeWork",
            "additionalType": vocab(PARAGRAPH_ROLE, p.role),
            "position": index + 1,
            "text": p.text,
        }
        _put(node, "hasPart", self.fragments(index, p.text))
        if p.offset is not None:
            self.observe(pid, "offset", p.offset)
        return node

    def _links_by_paragraph(self) -> dict[int | str, list[tuple[Span, str, str]]]:
        """Every span of the article as (span, relation, target), grouped by paragraph (or
        by line: "headline", "subheadline") once: looking them all up again for each
        paragraph made long articles quadratic."""
        found: dict[int | str, list[tuple[Span, str, str]]] = {}
        a = self.article
        things: list[Actor | Place | Event] = [*a.actors, *a.places, *a.events]
        for thing in things:
            for span in thing.mentions:
                found.setdefault(span.paragraph, []).append((span, "mentions", thing.id))
        for q in a.quotes:
            for span in q.spans:
                found.setdefault(span.part or span.paragraph, []).append((span, "isPartOf", q.id))
            if (m := q.speaker_mention) is not None:
                found.setdefault(m.part or m.paragraph, []).append((m, "about", q.id))
            if (v := q.via_mention) is not None:  # the words naming the relay cite the quote
                found.setdefault(v.part or v.paragraph, []).append((v, "citation", q.id))
        return found

    def fragments(self, index: int | str, text: str) -> list[dict[str, Any]]:
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
            fragment: dict[str, Any] = {"@type": "CreativeWork", "position": start, "text": text[start:end]}
            for relation in ("mentions", "isPartOf", "about", "citation"):
                _put(fragment, relation, rels.get(relation, []))
            fragments.append(fragment)
        return fragments

    def media(self, index: int, m: Media) -> dict[str, Any]:
        node: dict[str, Any] = {
            "@id": self.mint("media", index + 1),
            "@type": MEDIA_TYPES[m.kind],
            "position": index + 1,
        }
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
        types: str | list[str] = COUNTRY_ACTOR_TYPES if x.kind == "country" else ACTOR_TYPES[x.kind]
        node: dict[str, Any] = {"@id": x.id, "@type": types, "name": x.name}
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
            target = self.article.actor(x.affiliation)
            if target is not None and target.kind == "person":
                # affiliation and memberOf take organisations: a person is data here.
                self.observe(x.id, "affiliation", x.affiliation)
            elif person:
                node["affiliation"] = ref(x.affiliation)
            else:  # organisations, groups and countries (as GovernmentOrganization)
                node["memberOf"] = ref(x.affiliation)
        _put(node, "description", x.description)
        # Gender is what extraction inferred from pronouns and titles: published only when
        # asked for (--infer-gender), never as a fact by default.
        if x.gender is not None and self.options.infer_gender:
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
        node: dict[str, Any] = {"@id": x.id, "@type": "Event", "additionalType": _one_or_many(kinds), "name": x.label}
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
        node: dict[str, Any] = {
            "@id": x.id,
            "@type": "Quotation",
            "additionalType": vocab(QUOTE_KIND, x.kind),
            "text": x.text,
            "isPartOf": ref(self.article.id),
        }
        if x.speaker is not None:
            node["spokenByCharacter"] = ref(x.speaker)
            node["creator"] = ref(x.speaker)
        _put(node, "recordedAt", ref(x.event) if x.event else None)
        _put(node, "publisher", ref(x.via) if x.via else None)
        if x.cue is not None:
            self.observe(x.id, "cue", x.cue)
        if x.addressee is not None:
            # Observation.value holds data, not things: the addressee's id as text.
            self.observe(x.id, "addressee", x.addressee)
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


def to_document(article: Article, options: ExportOptions = ExportOptions()) -> dict[str, Any]:
    """The JSON-LD document of one article: our context and one @graph."""
    return {"@context": CONTEXT, "@graph": _Graph(article, options).build()}


# --- the web profile ------------------------------------------------------------------

PROFILES = ("full", "web")
# What a page needs for search engines: Google's documented Article properties, each only
# where the article supplies it (https://developers.google.com/search/docs/appearance/
# structured-data/article): headline, image, datePublished, dateModified, author (with a
# name), publisher; plus url, mainEntityOfPage, inLanguage and description.
WEB_CONTEXT = "https://schema.org"


def profile_of(options: ExportOptions) -> str:
    profile = options.jsonld_profile or ("web" if options.embed_html else "full")
    if profile not in PROFILES:
        raise UsageError(f"JSON-LD profile {profile!r} is unknown", "choose --jsonld-profile full or web")
    return profile


def web_document(article: Article) -> dict[str, Any]:
    """The NewsArticle as search engines read it: every value inline, no graph to resolve."""
    a = article
    node: dict[str, Any] = {"@context": WEB_CONTEXT, "@type": "NewsArticle", "@id": a.id}
    _put(node, "headline", a.headline)
    _put(node, "description", a.subheadline)
    _put(node, "image", [_web_image(m) for m in a.media if m.url and MEDIA_TYPES[m.kind] == "ImageObject"])
    _put(node, "datePublished", a.published)
    _put(node, "dateModified", a.modified or a.published)
    _put(node, "author", [_web_party(x) for x in (a.actor(ref) for ref in a.authors) if x is not None])
    publisher = a.actor(a.publisher) if a.publisher else None
    if publisher is not None:
        node["publisher"] = _web_party(publisher)  # an Organization (a person when the model says so)
    _put(node, "inLanguage", a.language)
    if a.url:
        node["url"] = a.url
        node["mainEntityOfPage"] = {"@type": "WebPage", "@id": a.url}
    _put(node, "articleSection", a.section)
    _put(node, "keywords", [t.name for t in a.topics if t.name])
    _put(node, "dateline", a.dateline)
    _put(node, "creditText", a.creditline)
    if a.rights is not None and a.rights.notice is not None:
        node["copyrightNotice"] = a.rights.notice
    return node


def _web_image(m: Media) -> dict[str, Any]:
    image: dict[str, Any] = {"@type": "ImageObject", "url": m.url, "contentUrl": m.url}
    _put(image, "caption", m.caption)
    _put(image, "creditText", m.credit)
    return image


def _web_party(x: Actor) -> dict[str, Any]:
    party: dict[str, Any] = {"@type": "Person" if x.kind == "person" else "Organization", "@id": x.id, "name": x.name}
    same_as = [u for u in (identifiers.to_url(k, v) for k, v in x.identifiers.items()) if u]
    _put(party, "sameAs", same_as)
    return party


def dumps(document: dict[str, Any], pretty: bool) -> str:
    if pretty:
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def document(article: Article, options: ExportOptions = ExportOptions()) -> dict[str, Any]:
    """The document of the profile the options ask for (``full`` or ``web``)."""
    return web_document(article) if profile_of(options) == "web" else to_document(article, options)


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    if options.embed_html:
        from .jsonld_html import page

        return page(article, document(article, options), pretty=options.pretty)
    return dumps(document(article, options), options.pretty)


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    if options.embed_html:
        from .jsonld_html import page_chunks

        yield from page_chunks(articles, lambda a: document(a, options), pretty=options.pretty)  # flat memory
        return
    for article in articles:
        yield dumps(document(article, options), pretty=False)
