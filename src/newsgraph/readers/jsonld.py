"""schema.org JSON-LD in: our own exports back to the same Article, other publishers'
NewsArticle markup as well as it allows.

Documents are expanded offline (pyld; the schema.org context is known locally, any
other remote context is refused), so every way of writing the same data reads the
same: a single object or a @graph, arrays or single values, http or https schema.org,
authors as strings or objects. An HTML page is read by its JSON-LD blocks (``--from
jsonld``). A document written by newsgraph (schemaVersion
``urn:newsgraph:vocab:jsonld:1``) is read strictly and restores every detail of the
model; anything else is read leniently, and what could not be used is listed in
``provenance.notes``.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from pydantic import TypeAdapter, ValidationError

from .. import identifiers
from ..lexicon import bylines, outlets
from ..errors import InputError, ModelError
from ..model import (
    ISODate,
    LanguageTag,
    URI,
    Article,
    DateInfo,
    article_from_data,
    local_id,
    mint_article_id,
    mint_id,
)
from ..schemaorg import (
    MAPPING,
    SCHEMA,
    VOCAB,
    is_schemaorg_context,
    reading_expander,
    remote_context_error,
    remote_contexts,
)
from . import datestamps
from .base import ReadOptions, Sanitiser, apply_options, decode_text, provenance
from .html import fragment as html_fragment
from .jsonld_graph import Graph, Literal, Node
from .native import iter_json_documents, parse_json
from .text import paragraphs as split_paragraphs

NEWS_ARTICLE_TYPES = (
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
)
# Every schema.org Article type: publishers mark news up as any of them (Yoast writes
# Article, blogs BlogPosting, live pages LiveBlogPosting).
ARTICLE_TYPES = NEWS_ARTICLE_TYPES + (
    "Article",
    "AdvertiserContentArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
)
_PLACE_KINDS = {
    "City": "city",
    "Country": "country",
    "AdministrativeArea": "region",
    "State": "region",
    "EventVenue": "venue",
    "CivicStructure": "venue",
    "GovernmentBuilding": "venue",
    "StadiumOrArena": "venue",
    "LandmarksOrHistoricalBuildings": "venue",
    "Place": "other",
    "Continent": "other",
    "Landform": "other",
    "TouristAttraction": "other",
}
_ORGANIZATION_TYPES = {
    "Organization",
    "Corporation",
    "NGO",
    "PoliticalParty",
    "SportsTeam",
    "PerformingGroup",
    "Consortium",
    "Project",
    "Airline",
    "LocalBusiness",
    "OnlineBusiness",
    "LibrarySystem",
    "WorkersUnion",
    "CollegeOrUniversity",
}
_MEDIA_KINDS = {
    "ImageObject": "image",
    "Barcode": "image",
    "VideoObject": "video",
    "AudioObject": "audio",
    "MusicVideoObject": "video",
}
_GENDERS = {SCHEMA + "Female": "female", SCHEMA + "Male": "male", "female": "female", "male": "male"}

_uri = TypeAdapter(URI)
_date = TypeAdapter(ISODate)
_language = TypeAdapter(LanguageTag)


def _valid(adapter: TypeAdapter[Any], value: Any) -> bool:
    try:
        adapter.validate_python(value)
        return True
    except ValidationError:
        return False


def _count(value: str | None) -> int | None:
    """schema.org wordCount: a whole number of words; anything else is left out."""
    text = (value or "").strip().removesuffix(".0")
    return int(text) if text.isdigit() else None


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    text = decode_text(data, options.source)
    notes: list[str] = []
    try:
        docs = documents(text, options.source)
    except InputError as err:
        lenient = _lenient_documents(text) if "Invalid control character" in err.what else None
        if lenient is None:
            raise
        docs = lenient
        notes.append(LENIENT_NOTE)
    for document in docs:
        # Forbidden characters become spaces: noted in others' documents, refused in ours.
        sanitiser = Sanitiser()
        document = normalise_vocab(sanitiser.document(document))
        for url in remote_contexts(document):
            if not is_schemaorg_context(url):
                raise remote_context_error(url).at(options.source)
        try:
            expanded = reading_expander()(document)
        except InputError as err:
            raise err.at(options.source)
        yield from articles_from_expanded(expanded, data, options, sanitiser, notes)


LENIENT_NOTE = (
    "the JSON-LD holds raw line breaks or tabs inside strings (not strict JSON): "
    "read as search engines' structured-data parsers read it"
)
_SCHEMAORG_VOCAB = re.compile(r"^https?://schema\.org/?$")
_NO_BODY = "the JSON-LD gives no articleBody: the body is empty as in the source (read the page's HTML for its text)"
# An articleBody that holds the page's HTML rather than text: block tags in it.
_ESCAPED_MARKUP = re.compile(r"&lt;/?(?:p|br|div|span|img|a|h[1-6]|ul|ol|li|blockquote|figure|iframe)\b", re.I)
_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote|figure)\b[^>]*>|</(?:p|div|li)>", re.I)


def _lenient_documents(text: str) -> list[Any] | None:
    """One JSON document whose only fault is control characters inside strings, or None."""
    import json

    if text.lstrip().startswith("<"):
        return None

    def refuse(constant: str) -> None:
        raise ValueError(constant)  # NaN and Infinity stay refused

    try:
        return [json.loads(text, strict=False, parse_constant=refuse)]
    except (ValueError, RecursionError):
        return None


def normalise_vocab(document: Any) -> Any:
    """``"@vocab": "http://schema.org"`` (no trailing slash, as pages write it) as the
    vocabulary it means: expanded as written it would make 'http://schema.orgNewsArticle'."""
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, dict):
            vocab = value.get("@vocab")
            if isinstance(vocab, str) and _SCHEMAORG_VOCAB.match(vocab.strip()) and not vocab.endswith("/"):
                value["@vocab"] = vocab.strip() + "/"
            pending.extend(v for k, v in value.items() if isinstance(v, (dict, list)))
    return document


# How an HTML parser finds the end of a script block: the first "</script", whatever
# the JSON inside says.
_SCRIPT = re.compile(r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script", re.I | re.S)


def script_blocks(html: str) -> list[tuple[int, str]]:
    """The JSON-LD <script> blocks of an HTML page, with the line each starts on."""
    return [(html.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in _SCRIPT.finditer(html)]


def documents(text: str, source: str) -> list[Any]:
    """The JSON-LD documents of a file: one document (object or array), one per line, or
    one per JSON-LD block of an HTML page."""
    if text.lstrip().startswith("<"):
        blocks = script_blocks(text)
        if not blocks:
            raise InputError(
                'the HTML page has no <script type="application/ld+json"> block',
                "give a page with JSON-LD, or read it as html",
                source=source,
            )
        return [parse_json(block, source, line=line) for line, block in blocks]
    found = list(iter_json_documents(text, source))
    if all(line is None for line, _ in found):
        # One JSON value: an array is one JSON-LD document, not one per element.
        items = [doc for _, doc in found]
        return [items[0] if len(items) == 1 else items]
    return [doc for _, doc in found]


def articles_from_expanded(
    expanded: list[Any],
    data: bytes,
    options: ReadOptions,
    sanitiser: Sanitiser | None = None,
    notes: list[str] | None = None,
) -> Iterator[Article]:
    """Every article node of an expanded document, as an Article. ``sanitiser`` holds what
    was replaced in the document before expansion (in our own documents, nothing may be)."""
    return articles_from_graph(Graph(expanded), data, options, sanitiser, notes)


def _articles(graph: Graph) -> list[Node]:
    """The graph's article nodes; an article only nested in another one (a WebPage's
    isPartOf, a NewsArticle's isBasedOn) is not one of the page's articles."""
    nodes = graph.of_type(*ARTICLE_TYPES)
    if len(nodes) < 2:
        return nodes
    news = [n for n in nodes if n.is_a(*NEWS_ARTICLE_TYPES)]
    if news:  # a NewsArticle and, say, its Yoast Article twin: the NewsArticle is the story
        nodes = news
    ids = {n.id for n in nodes}
    nested = {
        v.id
        for n in nodes
        for values in n.props.values()
        for v in values
        if isinstance(v, Node) and v.id in ids and v.id != n.id
    }
    return [n for n in nodes if n.id not in nested] or nodes


def articles_from_graph(
    graph: Graph, data: bytes, options: ReadOptions, sanitiser: Sanitiser | None = None, notes: list[str] | None = None
) -> Iterator[Article]:
    nodes = _articles(graph)
    if not nodes:
        found = sorted({t for n in graph for t in n.type_names})
        what = (
            f"its schema.org types are {', '.join(found[:8])}"
            if found
            else "none of its nodes has a schema.org type; is its @context missing?"
        )
        raise InputError(
            f"the JSON-LD holds no schema.org article: {what}",
            "give a document with a node of @type NewsArticle, Article, BlogPosting or another schema.org Article type",
            source=options.source,
        )
    for node in nodes:
        ours = MAPPING in node.iris("schemaVersion")
        try:
            reader = _ArticleReader(graph, node, options, data, ours, single=len(nodes) == 1)
            if sanitiser and ours:
                raise InputError(
                    f"the newsgraph JSON-LD holds characters no output format can carry ({sanitiser.found()})",
                    "the document was altered: regenerate it, or delete those characters",
                )
            if sanitiser:
                reader.notes.append(str(sanitiser.note()))
            reader.notes.extend(notes or [])
            article = reader.read()
        except (InputError, ModelError) as err:
            raise err.at(options.source)
        yield apply_options(article, options)


def _observations(graph: Graph) -> dict[str, dict[str, list[Any]]]:
    """Observation nodes: subject id -> variable -> values, in document order."""
    found: dict[str, dict[str, list[Any]]] = {}
    for obs in graph.of_type("Observation"):
        subject, variable = obs.node("observationAbout"), obs.text("variableMeasured")
        values = obs.values("value")
        if subject is None or variable is None or not values:
            continue
        value = values[0]
        found.setdefault(subject.id, {}).setdefault(variable, []).append(
            value.value if isinstance(value, Literal) else value
        )
    return found


def _marks(node: Node, what: str) -> list[str]:
    """Values of newsgraph's vocabulary in additionalType: 'event-kind' -> ['talks']."""
    prefix = f"{VOCAB}{what}:"
    return [v[len(prefix) :] for v in node.iris("additionalType") if v.startswith(prefix)]


@dataclass
class _Registry:
    """Entities of one kind found so far: node id -> model id, model id -> fields."""

    by_node: dict[str, str] = field(default_factory=dict)
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    pending: list[tuple[Node, str]] = field(default_factory=list)


class _ArticleReader:
    """One NewsArticle node of a graph, and everything it links to, as an Article."""

    def __init__(self, graph: Graph, node: Node, options: ReadOptions, data: bytes, ours: bool, single: bool) -> None:
        self.graph, self.node, self.options, self.data = graph, node, options, data
        self.ours, self.single = ours, single
        self.obs = _observations(graph)
        self.notes: list[str] = []
        self.actors, self.places, self.events = _Registry(), _Registry(), _Registry()
        self.topics: list[str] = []
        self.id = ""

    # --- helpers ---

    def graph_node(self, iri: str) -> Node | None:
        """The node of the graph with this id, if the document describes it."""
        node = self.graph.nodes.get(iri)
        return node if node is not None and not node.bare else None

    def problem(self, what: str) -> None:
        """Our own documents must be exact; for others, note what was left out."""
        if self.ours:
            raise InputError(what, "the newsgraph JSON-LD was altered: regenerate it, or fix the value named")
        if what not in self.notes:
            self.notes.append(what)

    def observed(self, node: Node, variable: str) -> list[Any]:
        return self.obs.get(node.id, {}).get(variable, [])

    def distinct(self, values: list[str], name: str | None = None) -> list[str]:
        """Our lists exactly as written; others' without repeats or the name itself."""
        if self.ours:
            return values
        return [v.strip() for v in dict.fromkeys(values) if v.strip() and v.strip() != name]

    def checked(self, adapter: TypeAdapter[Any], value: str | None, what: str) -> str | None:
        if value is None:
            return None
        value = value.strip() if not self.ours else value
        if _valid(adapter, value):
            return value
        self.problem(f"ignored {what} {value!r}: not valid")
        return None

    def date(self, prop: str) -> str | None:
        """Ours exactly; others' in any common form (RFC 2822, JavaScript's...), as ISO 8601,
        with the original in the notes when it was not ISO; placeholders (year 1) are none."""
        value = self.node.text(prop)
        if value is None or self.ours:
            return self.checked(_date, value, prop)
        found = datestamps.parse(value)
        if found is None:
            self.problem(
                f"ignored {prop} {value!r}: not a date"
                if not datestamps.is_iso(value)
                else f"ignored {prop} {value!r}: a placeholder, not a date"
            )
        elif not datestamps.is_iso(value):
            self.notes.append(f"{prop} as written: {value}")
        return found

    # --- the article ---

    def read(self) -> Article:
        n = self.node
        url = self.url()
        body, paragraph_nodes = self.body()
        self.id = (
            n.id
            if not n.blank and _valid(_uri, n.id)
            else mint_article_id(
                url or "\n\n".join([n.text("headline") or ""] + [p["text"] for p in body]), self.options.id_base
            )
        )

        # The cast first, in the article's own order, so that ids and order are stable.
        for x in n.values("mentions"):
            self.entity(x, country="actor", default=None)
        for x in n.values("contentLocation"):
            self.place(x)
        for x in (*n.values("locationCreated"), *n.values("spatialCoverage")):
            self.place(x)
        for x in n.values("about"):
            self.entity(x, country="place", default="topic")
        agencies = [x for x in n.values("author") if self.names_an_agency(x)]
        authors = self.actor_ids([x for x in n.values("author") if x not in agencies], "person")
        publisher = self.actor_ids(n.values("publisher")[:1], "organization")
        listed = [self.graph_node(i) for i in self.observed(n, "sources") if isinstance(i, str)]
        sources = self.actor_ids(
            [*agencies, *([x for x in listed if x is not None] or n.values("sourceOrganization"))], "organization"
        )
        quotes = self.quotes(body)
        self.fill()
        if paragraph_nodes or self.ours:
            self.spans(paragraph_nodes, body, quotes)
        for q in quotes:
            if not q["spans"]:
                self.problem(f"ignored the quotation {q['text'][:40]!r}: no span of the body marks it")

        headline = n.text("headline") if n.values("headline") or self.ours else n.text("name")
        subheadline = n.text("alternativeHeadline")
        if subheadline is None and not self.ours:
            subheadline = n.text("description")
        data: dict[str, Any] = {
            "id": self.id,
            "headline": headline,
            "kicker": self.kicker(),
            "subheadline": subheadline,
            "authors": authors,
            "publisher": publisher[0] if publisher else None,
            "sources": sources,
            "url": url,
            "language": self.language(),
            "published": self.date("datePublished"),
            "modified": self.date("dateModified"),
            "dateline": n.text("dateline"),
            **self.agency_fields(),
            "section": n.text("articleSection"),
            "body": body,
            "media": self.media(),
            "topics": self.coded_topics() if self.ours and self.observed(n, "topic") else self.keywords(),
            "actors": [self.actors.items[i] for i in self.actors.items],
            "places": [self.places.items[i] for i in self.places.items],
            "quotes": [q for q in quotes if q["spans"]],
            "events": [self.events.items[i] for i in self.events.items],
            "provenance": self.provenance(),
        }
        return article_from_data(data)

    def agency_fields(self) -> dict[str, Any]:
        """First created, credit, genre, rights; byline, slug, urgency and embargo (Observations)."""
        n = self.node
        holder = n.node("copyrightHolder")
        rights = {
            "holder": holder.text("name") if holder is not None else n.text("copyrightHolder"),
            "notice": n.text("copyrightNotice"),
            "usage": n.text("conditionsOfAccess"),
        }
        out: dict[str, Any] = {
            "created": self.checked(_date, n.text("dateCreated"), "dateCreated"),
            "creditline": n.text("creditText"),
            "genre": n.text("genre"),
            "word_count": _count(n.text("wordCount")),
            "rights": rights if any(rights.values()) else None,
        }
        for variable in ("byline", "slugline", "urgency", "embargoed"):
            out[variable] = next(iter(self.observed(n, variable)), None)
        return out

    def url(self) -> str | None:
        candidates = self.node.iris("url")
        if not candidates and not self.ours:
            candidates = self.node.iris("mainEntityOfPage")
        return self.checked(_uri, candidates[0], "url") if candidates else None

    def language(self) -> str | None:
        value = self.node.text("inLanguage")
        lang = self.node.node("inLanguage")
        if lang is not None and not self.ours:
            value = lang.text("alternateName") or value
        if value is not None and not self.ours:
            value = value.replace("_", "-")  # a locale name ('en_US') for a language tag
        return self.checked(_language, value, "inLanguage")

    def kicker(self) -> str | None:
        for part in self.node.nodes("hasPart"):
            if VOCAB + "kicker" in part.iris("additionalType"):
                return part.text("text")
        return None

    def coded_topics(self) -> list[Any]:
        """Our topics with codes, observed whole (see the exporter); kept as written."""
        topics = []
        for value in self.observed(self.node, "topic"):
            try:
                topics.append(json.loads(value) if isinstance(value, str) else value)
            except json.JSONDecodeError:
                self.problem(f"a topic observation is not JSON: {value[:80]!r}")
        return topics

    def keywords(self) -> list[str]:
        found: list[str] = []
        for value in self.node.strings("keywords"):
            parts = [value] if self.ours else [p.strip() for p in value.split(",")]
            found += [p for p in parts if p and p not in found]
        return found + [t for t in self.topics if t not in found]

    # --- body ---

    def body(self) -> tuple[list[dict[str, Any]], list[Node]]:
        parts = [p for p in self.node.nodes("hasPart") if _marks(p, "paragraph-role")]
        if parts:
            parts.sort(key=lambda p: p.integer("position") or 0)
            body = []
            for p in parts:
                offset = self.observed(p, "offset")
                body.append(
                    {
                        "text": p.text("text") or "",
                        "role": _marks(p, "paragraph-role")[0],
                        "offset": offset[0] if offset else None,
                    }
                )
            return body, parts
        text = self.node.text("articleBody")
        if not text:
            # Most pages put only metadata in their JSON-LD: say so rather than look empty.
            if not self.ours:
                self.notes.append(_NO_BODY)
            return [], []
        if not self.ours and _ESCAPED_MARKUP.search(text):
            # the page's HTML escaped a second time ("&lt;div align=&quot;center&quot;&gt;"),
            # between paragraphs of text: each paragraph read for its text
            self.notes.append("the articleBody holds escaped HTML; read for its text")
            return [
                {"text": q.text, "role": q.role}
                for p in split_paragraphs(html.unescape(text))
                for q in (html_fragment(p.text)[0] if _MARKUP.search(p.text) or "<" in p.text else [p])
            ], []
        if not self.ours and _MARKUP.search(text):
            # schema.org's articleBody is text, but publishers put the page's HTML there
            paragraphs, _ = html_fragment(text)
            return [{"text": p.text, "role": p.role} for p in paragraphs], []
        # Offsets would point into the articleBody string, not into the input: drop them.
        return [{"text": p.text, "role": "body"} for p in split_paragraphs(text)], []

    def line_parts(self) -> list[tuple[Node, str, dict[str, Any], str]]:
        """The headline and standfirst parts our exporter writes when a quote points into
        them: (node, text, where a span of it points, its name in messages)."""
        found = []
        for part in self.node.nodes("hasPart"):
            for line in ("headline", "subheadline"):
                if VOCAB + line in part.iris("additionalType"):
                    found.append((part, part.text("text") or "", {"part": line, "paragraph": 0}, f"the {line}"))
        return found

    def spans(self, paragraphs: list[Node], body: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> None:
        """Text fragments back to the mentions and quote spans they mark."""
        quote_by_id = {q["id"]: q for q in quotes}
        texts = [
            (p, body[i]["text"], {"paragraph": i}, f"paragraph {i + 1}") for i, p in enumerate(paragraphs)
        ] + self.line_parts()
        for paragraph, text, where, name in texts:
            for fragment in paragraph.nodes("hasPart"):
                start, covered = fragment.integer("position"), fragment.text("text")
                if start is None or not covered or text[start : start + len(covered)] != covered:
                    self.problem(f"a text fragment of {name} ({covered!r} at {start}) does not match the {name}'s text")
                    continue
                span = {**where, "start": start, "end": start + len(covered)}
                for target in fragment.nodes("mentions"):
                    for registry in (self.actors, self.places, self.events):
                        model_id = registry.by_node.get(target.id)
                        if model_id is not None:
                            registry.items[model_id]["mentions"].append(span)
                            break
                    else:
                        self.problem(
                            f"a text fragment mentions {target.id!r}, which is no actor, place or event of the article"
                        )
                for target in fragment.nodes("isPartOf"):
                    if target.id in quote_by_id:
                        quote_by_id[target.id]["spans"].append(span)
                for target in fragment.nodes("about"):
                    if target.id in quote_by_id:
                        quote_by_id[target.id]["speaker_mention"] = span
                for target in fragment.nodes("citation"):
                    if target.id in quote_by_id:
                        quote_by_id[target.id]["via_mention"] = span

    # --- entities ---

    def entity(self, value: Node | Literal, *, country: str, default: str | None) -> None:
        """Something the article mentions or is about: an actor, place, event or topic."""
        if isinstance(value, Literal):
            if default == "topic" and isinstance(value.value, str) and value.value.strip():
                self.topics.append(value.value.strip())
            return
        if value.is_a("Quotation", "Observation"):
            return
        if _is_event(value):
            self.event(value)
        elif value.is_a("Person") or _is_organization(value) or _marks(value, "actor-kind"):
            self.actor(value, "person")
        elif value.is_a("Country"):
            self.actor(value, "country") if country == "actor" else self.place(value)
        elif any(t in _PLACE_KINDS for t in value.type_names):
            self.place(value)
        elif self.ours:
            self.problem(f"{value.id!r} is listed in the article but is no actor, place or event")
        elif default == "topic" and (name := value.text("name")):
            self.topics.append(name.strip())

    def register(
        self,
        registry: _Registry,
        value: Node | Literal,
        kind: str,
        name: str | None,
        base: dict[str, Any],
        blank_id: Callable[[], str],
    ) -> str | None:
        node_id = value.id if isinstance(value, Node) else None
        if node_id is not None and node_id in registry.by_node:
            return registry.by_node[node_id]
        if node_id is not None and any(node_id in r.by_node for r in (self.actors, self.places, self.events)):
            # e.g. one Country node both in mentions (an actor) and contentLocation (a place)
            self.problem(f"{node_id!r} is used both as an actor and as a place or event; kept as the first")
            return None
        if name is None or not name.strip():
            self.problem(f"ignored a {kind} without a name" + (f" ({node_id})" if node_id else ""))
            return None
        if isinstance(value, Node) and not value.blank and _valid(_uri, value.id):
            model_id = value.id
        else:
            model_id = blank_id()
        if node_id is not None:
            registry.by_node[node_id] = model_id
        if model_id not in registry.items:
            registry.items[model_id] = {
                "id": model_id,
                "name": name if self.ours else name.strip(),
                **base,
                "mentions": [],
            }
            if isinstance(value, Node):
                registry.pending.append((value, model_id))
        return model_id

    def names_an_agency(self, value: Node | Literal) -> bool:
        """An author written as a bare name that is an agency's ('"author": "Reuters"'):
        a source, not a person. Typed authors say what they are; our files, too."""
        if self.ours or not isinstance(value, Literal) or not isinstance(value.value, str):
            return False
        return outlets.lookup(re.sub(r"^by\s+", "", value.value.strip(), flags=re.I)) is not None

    def actor(self, value: Node | Literal, default_kind: str) -> str | None:
        if isinstance(value, Literal):
            name = str(value.value).strip() if isinstance(value.value, str) else None
            if name and default_kind == "person" and name.lower().startswith("by "):
                name = name[3:].strip()
            if name and default_kind == "person" and "," in name:
                name = _without_outlet(name)
            if not name:
                return None
            written = name  # a str from here on, also inside the lambda
            return self.register(
                self.actors,
                value,
                default_kind,
                written,
                {"kind": default_kind},
                lambda: mint_id(default_kind, written, self.options.id_base),
            )
        kind = _actor_kind(value) or default_kind
        name = value.text("name") or _person_name(value)
        if name and kind == "person" and "," in name and not self.ours:
            name = _without_outlet(name)
        return self.register(
            self.actors, value, "actor", name, {"kind": kind}, lambda: mint_id(kind, name or "", self.options.id_base)
        )

    def actor_ids(self, values: list[Node | Literal], default_kind: str) -> list[str]:
        ids: list[str] = []
        for value in values:
            model_id = self.actor(value, default_kind)
            if model_id is not None and model_id not in ids:
                ids.append(model_id)
        return ids

    def place(self, value: Node | Literal) -> str | None:
        if isinstance(value, Literal):
            name = value.value.strip() if isinstance(value.value, str) else None
            return self.register(
                self.places,
                value,
                "place",
                name,
                {"kind": "other"},
                lambda: mint_id("place", name or "", self.options.id_base),
            )
        name = value.text("name")
        return self.register(
            self.places,
            value,
            "place",
            name,
            {"kind": _place_kind(value)},
            lambda: mint_id("place", name or "", self.options.id_base),
        )

    def event(self, value: Node) -> str | None:
        n = len(self.events.items) + 1
        return self.register(self.events, value, "event", value.text("name"), {}, lambda: local_id(self.id, "event", n))

    def fill(self) -> None:
        """Details of every entity found; may find more (affiliations, places of events)."""
        while any(r.pending for r in (self.actors, self.places, self.events)):
            for registry, fill in (
                (self.actors, self.fill_actor),
                (self.places, self.fill_place),
                (self.events, self.fill_event),
            ):
                while registry.pending:
                    node, model_id = registry.pending.pop(0)
                    fill(node, registry.items[model_id])

    def identifiers(self, node: Node) -> dict[str, str]:
        found: dict[str, str] = {}
        for pv in node.nodes("identifier"):
            scheme, value = pv.text("propertyID"), pv.text("value")
            if scheme and value is not None:
                found.setdefault(scheme, value)
        for url in node.iris("sameAs"):
            parsed = identifiers.from_url(url)
            if parsed is not None:
                found.setdefault(*parsed)
        return found

    def fill_actor(self, node: Node, actor: dict[str, Any]) -> None:
        actor["aliases"] = self.distinct(node.strings("alternateName"), actor["name"])
        actor["titles"] = self.distinct(node.strings("jobTitle") + self.observed(node, "titles"))
        affiliation = node.values("affiliation") or node.values("memberOf") or node.values("worksFor")
        if affiliation:
            actor["affiliation"] = self.actor(affiliation[0], "organization")
        else:
            for value in self.observed(node, "affiliation"):
                # A node (newsgraph before 0.2), or an actor's id as text (a person).
                found = value if isinstance(value, Node) else self.graph_node(value) if isinstance(value, str) else None
                actor["affiliation"] = self.actor(found, "organization") if found is not None else None
        if actor.get("affiliation") == actor["id"]:
            actor["affiliation"] = None
        actor["description"] = node.text("description")
        genders = (
            [g.id for g in node.nodes("gender")]
            + [s.lower() for s in node.strings("gender")]
            + self.observed(node, "gender")
        )
        actor["gender"] = next((_GENDERS[g] for g in genders if g in _GENDERS), None)
        actor["identifiers"] = self.identifiers(node)

    def fill_place(self, node: Node, place: dict[str, Any]) -> None:
        place["aliases"] = self.distinct(node.strings("alternateName"), place["name"])
        address = node.node("address")
        country = address.text("addressCountry") if address is not None else None
        if country is None and not self.ours:
            countries = [c for c in node.nodes("containedInPlace") if c.is_a("Country")]
            country = countries[0].text("name") if countries else None
        place["country"] = country
        place["identifiers"] = self.identifiers(node)

    def fill_event(self, node: Node, event: dict[str, Any]) -> None:
        kinds, statuses = _marks(node, "event-kind"), _marks(node, "event-status")
        event["label"] = event.pop("name")
        event["kind"] = kinds[0] if kinds else "other"
        event["status"] = statuses[0] if statuses else "unknown"
        date = {
            "start": self.checked(_date, node.text("startDate"), "startDate"),
            "end": self.checked(_date, node.text("endDate"), "endDate"),
            "text": next(iter(self.observed(node, "date.text")), None),
            "precision": next(iter(self.observed(node, "date.precision")), None),
        }
        if any(v is not None for v in date.values()):
            try:
                DateInfo.model_validate(date)
            except ValidationError:
                self.problem(f"ignored the end date of event {event['label']!r}: it is before its start")
                date["end"] = None
            event["date"] = date
        location = node.values("location")
        event["location"] = self.place(location[0]) if location else None
        people = node.values("attendee") + ([] if self.ours else node.values("performer"))
        event["participants"] = self.actor_ids(people, "person")
        event["confidence"] = next(iter(self.observed(node, "confidence")), 1.0)

    # --- quotes ---

    def quotes(self, body: list[dict[str, Any]]) -> list[dict[str, Any]]:
        quotes: list[dict[str, Any]] = []
        for node in self.graph.of_type("Quotation"):
            part_of = [p.id for p in node.nodes("isPartOf")]
            if self.node.id not in part_of and not (self.single and not part_of):
                continue
            text = node.text("text")
            if not text:
                self.problem(f"ignored the quotation {node.id!r}: it has no text")
                continue
            kinds = _marks(node, "quote-kind")
            speaker = node.values("spokenByCharacter") or node.values("creator") or node.values("author")
            event = node.node("recordedAt")
            via = node.values("publisher")
            # The addressee: a node (newsgraph before 0.2), or an actor's id as text.
            named = [
                a if isinstance(a, Node) else self.graph_node(a)
                for a in self.observed(node, "addressee")
                if isinstance(a, (Node, str))
            ]
            addressee = [a for a in named if a is not None]
            own_id = not node.blank and _valid(_uri, node.id)
            quote: dict[str, Any] = {
                "id": node.id if own_id else local_id(self.id, "quote", len(quotes) + 1),
                "text": text,
                "kind": kinds[0] if kinds else "direct",
                "speaker": self.actor(speaker[0], "person") if speaker else None,
                "cue": next(iter(self.observed(node, "cue")), None),
                "addressee": self.actor(addressee[0], "person") if addressee else None,
                "via": self.actor(via[0], "organization") if via else None,
                "event": self.event(event) if event is not None and _is_event(event) else None,
                "confidence": next(iter(self.observed(node, "confidence")), 1.0),
                "spans": [],
            }
            if not self.ours:
                quote["spans"] = _find(text, body)
            quotes.append(quote)
        return quotes

    # --- media, provenance ---

    def media(self) -> list[dict[str, Any]]:
        n = self.node
        nodes = sorted(n.nodes("associatedMedia"), key=lambda m: m.integer("position") or 0)
        found: list[dict[str, Any]] = []
        seen: set[str] = set()
        for m in nodes:
            seen.add(m.id)
            found.append(self.medium(m))
        if self.ours:
            return found
        for prop, kind in (("image", "image"), ("video", "video"), ("audio", "audio")):
            for value in n.values(prop):
                if isinstance(value, Node):
                    if value.id in seen:
                        continue
                    seen.add(value.id)
                    item = self.medium(value, kind)
                else:
                    item = {"kind": kind, "url": self.checked(_uri, str(value.value), prop)}
                if item.get("url") and any(f.get("url") == item["url"] for f in found):
                    continue
                found.append(item)
        return found

    def medium(self, m: Node, kind: str = "image") -> dict[str, Any]:
        marked = _marks(m, "media-kind")
        typed = [_MEDIA_KINDS[t] for t in m.type_names if t in _MEDIA_KINDS]
        kind = (marked or typed or [kind])[0]
        urls = m.iris("contentUrl") or m.iris("url") or m.iris("embedUrl")
        if not urls and m.bare and not m.blank:
            urls = [m.id]  # "image": "https://..." under a context that makes it an IRI
        return {
            "kind": kind,
            "url": self.checked(_uri, urls[0], "media URL") if urls else None,
            "caption": m.text("caption"),
            "credit": m.text("creditText"),
        }

    def provenance(self) -> dict[str, Any] | None:
        sources = [s for s in self.node.nodes("isBasedOn") if VOCAB + "source" in s.iris("additionalType")]
        source = sources[0] if sources else None
        if source is None:
            if self.ours:
                return None
            made = provenance(self.data, "jsonld", self.options.source)
            return {**made.model_dump(), "notes": self.notes}
        removed = []
        for part in source.nodes("hasPart"):
            removed.append(
                {
                    "text": part.text("text") or "",
                    "offset": part.integer("position"),
                    "reason": part.text("description") or "",
                }
            )
        return {
            "source": source.text("name"),
            "sha256": source.text("sha256"),
            "reader": next(iter(self.observed(source, "reader")), None),
            "newsgraph_version": next(iter(self.observed(source, "newsgraph_version")), None),
            "removed": removed,
            "notes": [*self.observed(source, "notes"), *self.notes],
        }


def _is_event(node: Node) -> bool:
    # Event and most of its subtypes (SportsEvent, BusinessEvent...); a PublicationEvent is
    # when something was broadcast, not news.
    events = [t for t in node.type_names if t.endswith("Event") and t != "PublicationEvent"]
    return bool(events)


def _is_organization(node: Node) -> bool:
    return any(t in _ORGANIZATION_TYPES or t.endswith("Organization") for t in node.type_names)


def _without_outlet(name: str) -> str:
    """ "Troy L. Smith, Cleveland.com": an author written with the outlet after a comma is
    the person alone (a byline's shape; more names than one stay as written)."""
    found = bylines.parse_line(f"By {name}")
    return found.names[0] if found and len(found.names) == 1 and found.outlets else name


def _actor_kind(node: Node) -> str | None:
    if _marks(node, "actor-kind"):
        return _marks(node, "actor-kind")[0]
    if node.is_a("Person"):
        return "person"
    if node.is_a("Country"):
        return "country"
    if _is_organization(node):
        return "organization"
    return None


def _person_name(node: Node) -> str | None:
    parts = [node.text("givenName"), node.text("familyName")]
    name = " ".join(p.strip() for p in parts if p and p.strip())
    return name or next(iter(node.strings("alternateName")), None)


def _place_kind(node: Node) -> str:
    if _marks(node, "place-kind"):
        return _marks(node, "place-kind")[0]
    return next((_PLACE_KINDS[t] for t in node.type_names if t in _PLACE_KINDS), "other")


def _find(text: str, body: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Where another publisher's quotation stands in the body (first occurrence)."""
    needle = text.strip().strip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb").strip()
    if not needle:
        return []
    for index, paragraph in enumerate(body):
        start = paragraph["text"].find(needle)
        if start >= 0:
            return [{"paragraph": index, "start": start, "end": start + len(needle)}]
    return []
