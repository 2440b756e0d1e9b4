"""IPTC ninjs 1.x, 2.x and 3.x in: each news item becomes an Article.

The version is read from ``standard`` (``$standard`` in 1.x) when it names ninjs, else
from the property names (3.x writes camelCase, 1.x has ``headline``/``body_*`` and
singular entity lists). Every version is first brought to one shape, the 2.x names in
lower case, and read from there.

Items newsgraph wrote come back as the same Article: spans from the body markup, and what
ninjs has no property for from the ``newsgraph`` description (see
:mod:`newsgraph.exporters.ninjs`). Other publishers' items give what they state:
headlines, dates, byline, body, people, organisations, places, events, subjects, media.
Values the model cannot hold (a language tag that is not BCP 47, a date that is not ISO
8601) are left out and named in ``provenance.notes``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any, Iterator, Sequence

import lxml.html
from lxml import etree

from ..errors import InputError, ModelError
from ..lexicon import outlets
from ..lexicon.bylines import author_field, is_author_code
from ..lexicon.names import is_given_name, is_org_word
from .. import html_body
from .. import ninjs_terms as conv
from pydantic import TypeAdapter, ValidationError

from ..model import (
    URI_PATTERN,
    Article,
    ISODate,
    LanguageTag,
    Paragraph,
    Span,
    article_from_data,
    local_id,
    mint_article_id,
    mint_id,
)
from ..topics import QCODE, topic_of_subject
from ..xmlsafe import local_name, parse
from .base import ReadOptions, Sanitiser, apply_options, decode_text, prepare_xml, provenance, sanitise
from .newsml_body import body_paragraphs
from .native import iter_json_documents
from .plaintext import paragraphs as text_paragraphs

KNOWN_MAJORS = (1, 2, 3)
_URI = re.compile(URI_PATTERN)
# The model's own checks of dates and language tags, used to leave out what it would refuse.
_ISO_DATE: TypeAdapter[str] = TypeAdapter(ISODate)
_LANGUAGE: TypeAdapter[str] = TypeAdapter(LanguageTag)


def _valid(adapter: TypeAdapter[str], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


_SCHEMA_URL = re.compile(r"ninjs-schema_(\d+)((?:\.\d+)*)\.json", re.I)
_VERSION = re.compile(r"^\s*v?(\d+)((?:\.\d+)*)\s*$")

# Property names that only one generation of ninjs has.
_V3_ONLY = frozenset(
    {
        "versionCreated",
        "firstCreated",
        "contentCreated",
        "embargoedUntil",
        "pubStatus",
        "copyrightHolder",
        "copyrightNotice",
        "usageTerms",
        "edNote",
        "representationType",
        "altIds",
        "infoSources",
        "trustIndicators",
        "rightsInfo",
        "digitalSourceType",
        "eventDetails",
        "plannedCoverage",
        "contentType",
        "charCount",
        "wordCount",
        "contactInfo",
        "geoJSON",
        "sizeInBytes",
    }
)
_V2_ONLY = frozenset(k.lower() for k in _V3_ONLY) - {"embargoeduntil", "eventdetails", "plannedcoverage"}
_V1_ONLY = frozenset(
    {
        "headline",
        "byline",
        "person",
        "organisation",
        "place",
        "subject",
        "event",
        "object",
        "infosource",
        "genre",
        "altid",
        "trustindicator",
        "$standard",
        "mimetype",
    }
)
_V1_PREFIXES = ("headline_", "body_", "description_")
_V1_PLURALS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "subject": "subjects",
    "event": "events",
    "object": "objects",
    "infosource": "infosources",
    "genre": "genres",
    "trustindicator": "trustindicators",
    "altid": "altids",
}

_SUBHEAD_ROLES = frozenset({"subhead", "sub", "subheadline", "subtitle", "standfirst", "dek", "deck"})
_KICKER_ROLES = frozenset({"kicker", "overline", "supertitle", "flag", "rubric"})
_SUMMARY_ROLES = frozenset({"", "summary", "abstract", "text", "teaser", "lead", "standfirst", "description"})


def _is_xml(body: dict) -> bool:
    """A body in NITF or another XML vocabulary (HTML ones are read as HTML)."""
    kind = str(body.get("contenttype") or "").lower()
    return "nitf" in kind or kind.endswith(("/xml", "+xml")) or body["value"].lstrip().startswith(("<?xml", "<nitf"))


_TEXT_RENDITIONS = frozenset({"nitf", "anpa", "text", "story", "main"})
_HTML_BODY_ROLES = frozenset({"html", "html5", "xhtml", "richtext", "richhtml", "richhtml5"})
_MEDIA_KINDS = {v: k for k, v in conv.MEDIA_TYPES.items()}
_BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|por|av|door|di|da)\s+", re.I)
_BYLINE_SPLIT = re.compile(r"\s*(?:[,;&/]|\band\b|\bund\b|\bet\b|\boch\b|\bog\b)\s*", re.I)


# --- version ---------------------------------------------------------------------------


def detect_version(doc: Any, source: str | None = None) -> int:
    """The major ninjs version of an item: 1, 2 or 3; InputError for anything else."""
    if not isinstance(doc, dict):
        raise InputError(
            f"expected a JSON object for a ninjs item, found {type(doc).__name__}",
            "give one ninjs object per file, an array of them, or JSON Lines",
            source=source,
        )
    std = doc.get("standard", doc.get("$standard"))
    if isinstance(std, dict):
        major = _stated_major(std, source)
        if major is not None:
            return major
    keys = _all_keys(doc)
    if keys & _V3_ONLY:
        return 3
    if (
        keys & _V1_ONLY
        or any(k.startswith(_V1_PREFIXES) for k in doc)
        or isinstance(doc.get("renditions"), dict)
        or isinstance(doc.get("associations"), dict)
    ):
        return 1
    if keys & _V2_ONLY:
        return 2
    return 3  # only properties 2.x and 3.x share: both read the same


def _stated_major(std: dict, source: str | None) -> int | None:
    """The version a ``standard`` object states, if it speaks of IPTC ninjs itself."""
    schema, name = str(std.get("schema") or ""), str(std.get("name") or "")
    version = str(std.get("version") or "")
    match = _SCHEMA_URL.search(schema) if "iptc.org" in schema.lower() else None
    if match:
        major, label = int(match.group(1)), match.group(1) + match.group(2)
    elif name.strip().lower() == "ninjs" and version:
        vm = _VERSION.match(version)
        if not vm:
            raise InputError(
                f"ninjs version {version!r} is not a version number", 'write standard.version like "3.1"', source=source
            )
        major, label = int(vm.group(1)), version.strip()
    else:
        return None  # a provider's own profile (e.g. TTNINJS): judge by the properties
    if major not in KNOWN_MAJORS:
        raise InputError(
            f"ninjs version {label} is not supported",
            "newsgraph reads ninjs 1.x, 2.x and 3.x; convert the item to one of them",
            source=source,
        )
    return major


def _all_keys(value: Any, found: set[str] | None = None) -> set[str]:
    found = set() if found is None else found
    if isinstance(value, dict):
        for k, v in value.items():
            found.add(k)
            if k not in ("geoJSON", "geojson"):
                _all_keys(v, found)
    elif isinstance(value, list):
        for v in value:
            _all_keys(v, found)
    return found


def normalise(doc: dict, major: int) -> dict:
    """Any version as the 2.x shape with lower-case property names."""
    return _lower_keys(_from_v1(doc) if major == 1 else doc)


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.setdefault(str(k).lower(), _lower_keys(v))
        return out
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def _from_v1(doc: dict) -> dict:
    out: dict[str, Any] = {}
    headlines: list[dict] = []
    bodies: list[dict] = []
    descriptions: list[dict] = []
    for key, value in doc.items():
        lower = key.lower()
        if lower == "headline":
            headlines.insert(0, {"role": "main", "value": value})
        elif lower.startswith("headline_"):
            headlines.append({"role": key[9:], "value": value})
        elif lower.startswith("body_"):
            bodies.append({"role": key[5:], "contenttype": _v1_type(key[5:]), "value": value})
        elif lower == f"description_{conv.DETAILS_ROLE}":  # newsgraph's own details (ninjs 1.x)
            descriptions.append({"role": conv.DETAILS_ROLE, "contenttype": conv.DETAILS_TYPE, "value": value})
        elif lower.startswith("description_"):
            descriptions.append({"role": key[12:], "contenttype": _v1_type(key[12:]), "value": value})
        elif lower == "byline":
            out["by"] = value
        elif lower == "$standard":
            out["standard"] = value
        elif lower == "infosource" and isinstance(value, list):
            # 1.x has no role for an information source; its rel says "publisher" or "source".
            out["infosources"] = [{"role": v.get("rel"), **_v1_entity(v)} for v in value if isinstance(v, dict)]
        elif lower in _V1_PLURALS and isinstance(value, list):
            out[_V1_PLURALS[lower]] = [_v1_entity(v) for v in value if isinstance(v, dict)]
        elif lower == "associations" and isinstance(value, dict):
            out["associations"] = [{**_from_v1(v), "name": name} for name, v in value.items() if isinstance(v, dict)]
        elif lower == "renditions" and isinstance(value, dict):
            out["renditions"] = [
                {**v, "name": name, "contenttype": v.get("mimetype")}
                for name, v in value.items()
                if isinstance(v, dict)
            ]
        else:
            out[key] = value
    for key, items in (("headlines", headlines), ("bodies", bodies), ("descriptions", descriptions)):
        if items:
            out[key] = items
    return out


def _v1_type(suffix: str) -> str | None:
    suffix = suffix.lower()
    if suffix == "text":
        return "text/plain"
    if "html" in suffix or suffix in ("richtext", "xhtml"):
        return "text/html"
    return None


def _v1_entity(entry: dict) -> dict:
    out = {k: v for k, v in entry.items() if k not in ("scheme", "code")}
    code, scheme = entry.get("code"), entry.get("scheme")
    if isinstance(code, str) and code:
        # A QCode under a scheme URI ("medtop:20000570" of .../mediatopic/): the URI ends in its value.
        qcode = QCODE.match(code) and "://" not in code and not code.startswith(("urn:", "tag:"))
        value = code.partition(":")[2] if qcode and isinstance(scheme, str) and "://" in scheme else code
        if _URI.match(code) and not scheme:
            out["uri"] = code
        elif isinstance(scheme, str) and scheme and _URI.match(scheme) and _URI.match(scheme + value):
            out["uri"] = scheme + value
            if value != code:
                out["literal"] = code  # the code as written, beside the URI
        else:  # a code of a scheme named by a word ("fuzo", "topic"): kept as code and scheme
            out["literal"] = code
            if isinstance(scheme, str) and scheme:
                out["scheme"] = scheme
    return out


# --- reading ---------------------------------------------------------------------------


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    text = decode_text(data, options.source)
    duplicates: list[str] = []
    for line, document in iter_json_documents(text, options.source, duplicates):
        if identity := [k for k in duplicates if k.lower() in ("uri", "guid", "id")]:
            # Which of two ids names the item cannot be guessed: that one stays an error.
            raise InputError(
                f"JSON object has a duplicate key {identity[0]!r}", "keep one value per key", source=options.source
            )
        for where, doc in items_of(document, options.source):
            # Another publisher's control characters become spaces, noted (spans stay exact).
            sanitiser = Sanitiser()
            doc = sanitiser.document(doc)
            notes = [n for n in [sanitiser.note()] if n]
            if duplicates:
                notes.append(
                    f"the JSON repeats the key(s) {', '.join(map(repr, duplicates))}; the last value of each was read"
                )
            if where:
                notes.append(f"read from {where} of the document's envelope")
            try:
                article = article_from_ninjs(doc, options, data, notes)
            except (InputError, ModelError) as err:
                at = " ".join(x for x in (f"line {line}" if line else "", where or "") if x)
                if at:
                    err.what = f"{at}: {err.what}"
                raise err.at(options.source)
            yield apply_options(article, options)


_ITEM_KEYS = frozenset({"uri", "guid", "headline", "headlines", "body_html", "body_text", "bodies", "type"})


def items_of(document: Any, source: str) -> list[tuple[str | None, Any]]:
    """The ninjs items a document holds: itself, or every item of an API envelope
    (AP Media API ``{"data": {"item"}}`` / ``{"data": {"items": [{"item"}]}}``) or of a
    feed wrapper (``{"total", "item": [...]}``, ``{"items": [...]}``, ``{"results": [...]}``,
    ``{"data": [...]}``)."""
    if not isinstance(document, dict) or _ITEM_KEYS & set(document):
        return [(None, document)]
    holder, path = document, ""
    if isinstance(document.get("data"), dict):
        holder, path = document["data"], "data."
        if isinstance(holder.get("item"), dict):
            return [(f"{path}item", holder["item"])]
    for key in ("items", "item", "results", "data"):
        entries = holder.get(key)
        if isinstance(entries, list):
            if not entries:
                raise InputError(
                    f"the envelope's {path}{key} list is empty: it holds no news item",
                    "give a feed or API response that holds items",
                    source=source,
                )
            return [
                (f"{path}{key}[{i}]", e["item"] if isinstance(e, dict) and isinstance(e.get("item"), dict) else e)
                for i, e in enumerate(entries)
            ]
    return [(None, document)]


def article_from_ninjs(
    doc: Any, options: ReadOptions = ReadOptions(), data: bytes = b"", notes: Sequence[str] = ()
) -> Article:
    """One ninjs item (parsed JSON of any version) as an Article; ``notes`` go to provenance."""
    major = detect_version(doc, options.source)
    reader = _ItemReader(normalise(doc, major), options, data)
    reader.notes.extend(notes)
    return reader.article()


def _byline_kind(name: str) -> str:
    """A byline's name as a person or an organisation: an agency or an outlet-shaped name
    ('AAP', 'The Anti-Doping Database', 'Reuters'), a one-word name that is no known given
    name, or a name with an organisation word is an organisation; else a person."""
    words = name.split()
    if outlets.lookup(name) or outlets.looks_like_outlet(name) or words[0].casefold() == "the":
        return "organization"
    if any(is_org_word(w) for w in words) or (len(words) == 1 and not is_given_name(name)):
        return "organization"
    return "person"


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _dicts(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


class _ItemReader:
    def __init__(self, doc: dict, options: ReadOptions, data: bytes) -> None:
        self.doc = doc
        self.options = options
        self.data = data
        self.notes: list[str] = []
        self.taken: set[str] = set()
        self.details = self._details()
        self.byline_sources: list[str] = []  # organisations the byline credits
        ids = self.details.get("ids")
        self.ids: dict[str, str] = ids if isinstance(ids, dict) else {}

    # -- helpers --

    def id_of(self, uri: Any) -> str | None:
        """The model id a native uri stands for, if it can be one."""
        if not isinstance(uri, str) or not uri:
            return None
        value = self.ids.get(uri, uri)
        return value if isinstance(value, str) and _URI.match(value) else None

    def claim(self, candidate: str | None, kind: str, name: str) -> str | None:
        """A unique id for a new entity: its own, else one minted from its name."""
        if candidate is None or candidate in self.taken:
            candidate = mint_id(kind, name, self.options.id_base)
        if candidate in self.taken:
            return None  # the same entity listed twice: keep the first
        self.taken.add(candidate)
        return candidate

    def date(self, value: Any, what: str) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        if not _valid(_ISO_DATE, value):
            self.notes.append(f"{what} {value!r} is not an ISO 8601 date; left out")
            return None
        return value

    def _details(self) -> dict[str, Any]:
        for item in _dicts(self.doc.get("descriptions")):
            if item.get("role") == conv.DETAILS_ROLE and item.get("contenttype") == conv.DETAILS_TYPE:
                try:
                    details = json.loads(item.get("value") or "")
                except (TypeError, json.JSONDecodeError) as err:
                    raise InputError(
                        f"its newsgraph description is not valid JSON ({err})",
                        "remove that description or re-export the item with newsgraph",
                    ) from None
                if not isinstance(details, dict):
                    raise InputError(
                        "its newsgraph description is not a JSON object",
                        "remove that description or re-export the item with newsgraph",
                    )
                if details.get("newsgraph") != conv.DETAILS_VERSION:
                    raise InputError(
                        f"its newsgraph description has version {details.get('newsgraph')!r}; "
                        f"this newsgraph reads version {conv.DETAILS_VERSION}",
                        "upgrade newsgraph, or remove that description",
                    )
                return details
        return {}

    # -- the article --

    def article(self) -> Article:
        doc = self.doc
        uri = _str(doc.get("uri"))
        if not uri and _str(doc.get("guid")):
            uri = _str(doc.get("guid"))  # the Superdesk dialect: a guid and no uri
            self.notes.append(f"the item has no uri; its id was made from its guid {uri!r}")
        if not uri:
            raise InputError('the ninjs item has no "uri" (nor "guid")', "every ninjs item needs one (it is its id)")
        article_id = self.id_of(uri) or mint_article_id(uri, self.options.id_base)
        data: dict[str, Any] = {"id": article_id}
        data.update(self.headlines())
        markup = self.body(data["headline"])
        if not markup.paragraphs:
            self.text_elsewhere()
        data["body"] = [p.model_dump() for p in markup.paragraphs]
        texts = [p.text for p in markup.paragraphs]

        self.countries: list[dict[str, Any]] = []
        actors = self.actors(markup)
        places = self.places(markup)
        actors += self.countries  # countries acting as parties, listed among the places
        events = self.events(markup, places, article_id)
        quotes = self.quotes(markup, texts, {a["id"] for a in actors})
        data["authors"] = self.authors(actors)
        self.labelled(markup.labels, data, actors)
        data["publisher"], data["sources"] = self.info_sources(actors)
        data.update(actors=actors, places=places, events=events, quotes=quotes)

        language = _str(doc.get("language"))
        if language and _valid(_LANGUAGE, language):
            data["language"] = language
        elif language:
            self.notes.append(f"language {language!r} is not a BCP 47 tag; left out")
        published, modified = conv.read_dates(
            self.date(doc.get("firstcreated"), "firstCreated"), self.date(doc.get("versioncreated"), "versionCreated")
        )
        data["published"], data["modified"] = published, modified
        data["dateline"] = _str(doc.get("located")) or markup.labels.get("dateline")
        data["url"] = self.url()
        data["section"], data["topics"] = self.subjects()
        data["media"] = self.media()
        data.update(self.agency_fields())
        self.apply_details(data)
        if "provenance" not in data or (data["provenance"] is None and self.notes):
            data["provenance"] = provenance(self.data, "ninjs", self.options.source).model_dump()
        if self.notes:
            data["provenance"]["notes"] = list(data["provenance"].get("notes") or []) + self.notes
        return article_from_data(data)

    def labelled(self, labels: dict[str, str], data: dict[str, Any], actors: list[dict[str, Any]]) -> None:
        """A row of labels above an HTML body (TT's category and agency): the kicker and
        the credited agency, kept apart from the story."""
        if labels.get("kicker") and not data.get("kicker"):
            data["kicker"] = labels["kicker"]
        source = labels.get("source")
        hit = outlets.lookup(source) if source else None
        actor = self._byline_actor(actors, hit.name, "organization") if hit else None
        if actor is not None and actor["id"] not in self.byline_sources:
            self.byline_sources.append(actor["id"])

    def text_elsewhere(self) -> None:
        """A text item without a body whose story is a rendition (AP's NITF, fetched
        separately) is an error naming it, never an empty article: nothing is fetched."""
        if self.details or str(self.doc.get("type") or "text").lower() != "text":
            return
        for item in _dicts(self.doc.get("renditions")):
            kind = str(item.get("contenttype") or "").lower()
            name = str(item.get("name") or "")
            if ("xml" in kind or "nitf" in kind or kind == "text/plain" or name.lower() in _TEXT_RENDITIONS) and (
                "html" not in kind
            ):
                raise InputError(
                    f"the text item has no body: its story is the rendition {name!r}"
                    f" ({item.get('href') or kind or 'no href'}), which newsgraph does not fetch",
                    "download that rendition and convert it; NITF is read with --from nitf",
                    source=self.options.source,
                )

    def headlines(self) -> dict[str, str | None]:
        found: dict[str, str | None] = {"headline": None, "subheadline": None, "kicker": None}
        by_role = {
            "main": "headline",
            **{r: "subheadline" for r in _SUBHEAD_ROLES},
            **{r: "kicker" for r in _KICKER_ROLES},
        }
        loose: list[str] = []
        for item in _dicts(self.doc.get("headlines")):
            value = _str(item.get("value"))
            if value is None:
                continue
            if "html" in str(item.get("contenttype") or ""):
                value = _html_text(value)
            role = str(item.get("role") or "").lower()
            field = by_role.get(role)
            if field and found[field] is None:
                found[field] = value
            elif not field:
                loose.append(value)
        if found["headline"] is None:
            found["headline"] = loose[0] if loose else _str(self.doc.get("title"))
        if found["subheadline"] is None and not self.details:
            for item in _dicts(self.doc.get("descriptions")):
                role = str(item.get("role") or "").lower()
                value = _str(item.get("value"))
                if value and role in _SUMMARY_ROLES:
                    found["subheadline"] = _html_text(value) if "html" in str(item.get("contenttype") or "") else value
                    break
        return found

    def body(self, headline: str | None) -> html_body.BodyMarkup:
        bodies = [b for b in _dicts(self.doc.get("bodies")) if isinstance(b.get("value"), str)]
        if not bodies:
            return html_body.BodyMarkup()

        def is_html(b: dict) -> bool:
            kind = str(b.get("contenttype") or "").lower()
            role = str(b.get("role") or "").lower()
            return "html" in kind or role in _HTML_BODY_ROLES or (not kind and b["value"].lstrip().startswith("<"))

        html = next((b for b in bodies if is_html(b)), None)
        if html is not None:
            sanitiser = Sanitiser()
            markup = html_body.parse(
                html["value"], exact=bool(self.details), sanitiser=sanitiser, labels=not self.details
            )
            if sanitiser:
                self.notes.append(f"the HTML body: {sanitiser.note()}")
            first = markup.paragraphs[0] if markup.paragraphs else None
            if not self.details and first and first.role == "subheading" and first.text == headline:
                markup = markup.without(0)  # a page's <h1> repeating the headline is not body text
            return markup
        xml = next((b for b in bodies if _is_xml(b)), None)
        if xml is not None:
            return html_body.BodyMarkup(paragraphs=self.xml_body(xml, bodies.index(xml)))
        plain = next((b for b in bodies if str(b.get("contenttype") or "text/plain").startswith("text/")), bodies[0])
        return html_body.BodyMarkup(
            paragraphs=[Paragraph(text=p.text, role=p.role) for p in text_paragraphs(plain["value"])]
        )

    def xml_body(self, body: dict, index: int) -> list[Paragraph]:
        """A NITF (or other XML) body: its paragraphs, read as the NITF reader reads body.content."""
        data, notes = prepare_xml(body["value"].strip().encode("utf-8"))
        what = f"bodies[{index}] ({body.get('contenttype') or 'XML'})"
        root = parse(data, self.options.source, what=what)
        self.notes += [f"{what}: {n}" for n in notes]
        # BodyParagraph roles are the model's (newsml_body names only those); validated here.
        found = [
            Paragraph.model_validate({"text": p.text, "role": p.role}) for p in body_paragraphs(root) if p.text.strip()
        ]
        if not found:
            raise InputError(
                f"{what} holds <{local_name(root)}> with no text newsgraph can turn into paragraphs",
                "give the body as NITF, HTML or plain text",
                source=self.options.source,
            )
        return found

    # -- entities --

    def actors(self, markup: html_body.BodyMarkup) -> list[dict[str, Any]]:
        out = []
        for key, kind in (("people", "person"), ("organisations", "organization")):
            for entry in _dicts(self.doc.get(key)):
                name = _str(entry.get("name")) or _str(entry.get("literal"))
                if not name or not name.strip():
                    continue
                actor_id = self.claim(self.id_of(entry.get("uri")), kind, name)
                if actor_id is None:
                    continue
                out.append(
                    {
                        "id": actor_id,
                        "kind": kind,
                        "name": name,
                        "mentions": _spans(markup.actors.get(actor_id)),
                        "_rel": str(entry.get("rel") or "").lower(),
                    }
                )
        return out

    def places(self, markup: html_body.BodyMarkup) -> list[dict[str, Any]]:
        """The places; a country our details name as an actor goes to ``self.countries``."""
        out = []
        acting = self.details.get("actors") if isinstance(self.details.get("actors"), dict) else {}
        # A place that acts: our details say so, or the body marks it as an actor or speaker.
        marked = set(markup.actors) | {q.speaker for q in markup.quotes.values() if q.speaker}
        for entry in _dicts(self.doc.get("places")):
            name = _str(entry.get("name")) or _str(entry.get("literal"))
            if not name or not name.strip():
                continue
            own = self.id_of(entry.get("uri"))
            if own is not None and (acting.get(own, {}).get("kind") == "country" if acting else own in marked):
                actor_id = self.claim(own, "country", name)
                if actor_id is not None:
                    self.countries.append(
                        {
                            "id": actor_id,
                            "kind": "country",
                            "name": name,
                            "mentions": _spans(markup.actors.get(actor_id)),
                            "_rel": str(entry.get("rel") or "").lower(),
                        }
                    )
                continue
            place_id = self.claim(own, "place", name)
            if place_id is None:
                continue
            country = next(
                (
                    _str(c.get("address", {}).get("country"))
                    for c in _dicts(entry.get("contactinfo"))
                    if isinstance(c.get("address"), dict) and _str(c["address"].get("country"))
                ),
                None,
            )
            out.append(
                {"id": place_id, "name": name, "country": country, "mentions": _spans(markup.places.get(place_id))}
            )
        return out

    def events(self, markup: html_body.BodyMarkup, places: list[dict], article_id: str) -> list[dict[str, Any]]:
        out = []
        entries = _dicts(self.doc.get("events"))
        for n, entry in enumerate(entries, start=1):
            name = _str(entry.get("name")) or _str(entry.get("literal"))
            if not name or not name.strip():
                continue
            event_id = self.id_of(entry.get("uri"))
            if event_id is None or event_id in self.taken:
                event_id = local_id(article_id, "event", n)
            if event_id in self.taken:
                continue
            self.taken.add(event_id)
            out.append(
                {"id": event_id, "kind": "other", "label": name, "mentions": _spans(markup.events.get(event_id))}
            )
        if self.doc.get("type") == "event":
            out.append(self.event_item(places, article_id, len(entries) + 1))
        return out

    def event_item(self, places: list[dict], article_id: str, n: int) -> dict[str, Any]:
        """A ninjs event item (3.x): the event itself becomes the article's event."""
        details: dict[str, Any] = _dict(self.doc.get("eventdetails"))
        dates: dict[str, Any] = _dict(details.get("dates"))
        start = _str(dates.get("startdate")) or _str(dates.get("expectedstartdate"))
        end = _str(dates.get("enddate")) or _str(dates.get("expectedenddate"))
        event_id = local_id(article_id, "event", n)
        self.taken.add(event_id)
        label = _str(self.doc.get("title")) or next(
            (_str(h.get("value")) for h in _dicts(self.doc.get("headlines")) if _str(h.get("value"))), None
        )
        event: dict[str, Any] = {"id": event_id, "kind": "other", "label": label or "event"}
        date = _date_info(start, end)
        if date:
            event["date"] = date
        if places:
            event["location"] = places[0]["id"]
        return event

    def quotes(self, markup: html_body.BodyMarkup, texts: list[str], actor_ids: set[str]) -> list[dict[str, Any]]:
        firsts = [(qid, q.spans[0]) for qid, q in markup.quotes.items() if q.spans]
        out = []
        for qid in conv.native_quote_order(firsts):
            q = markup.quotes[qid]
            if not _URI.match(qid) or qid in self.taken:
                continue
            self.taken.add(qid)
            out.append(
                {
                    "id": qid,
                    "kind": q.kind if q.kind in ("direct", "partial", "indirect") else "direct",
                    "text": conv.quote_text(texts, q.spans),
                    "speaker": q.speaker if q.speaker in actor_ids else None,
                    "speaker_mention": asdict(q.speaker_mention) if q.speaker_mention else None,
                    "spans": _spans(q.spans),
                }
            )
        return out

    def authors(self, actors: list[dict[str, Any]]) -> list[str]:
        """The people who wrote the item: those the item says are authors; else Superdesk's
        ``authors`` list; else the names of the byline (``by``), where an organisation
        ('The Anti-Doping Database', 'AAP') is a credited source, not an author."""
        stated = [a["id"] for a in actors if a["_rel"] == conv.AUTHOR_REL]
        if stated or self.details:
            return stated
        listed = [_str(a.get("name")) for a in _dicts(self.doc.get("authors"))]
        names: dict[str, str] = {}  # name -> kind
        for raw in (n.strip() for n in listed if n and n.strip()):
            field = author_field(raw)  # "futurezone/KN": an outlet, and an editor's initials
            names.update({o: "organization" for o in field.outlets})
            names.update({p: "person" for p in field.people})
        if not names:
            byline = _str(self.doc.get("by"))
            parts = _BYLINE_SPLIT.split(_BYLINE_PREFIX.sub("", byline)) if byline else []
            for part in (p.strip(" ._") for p in parts):  # "A3576/_Jane Doe": a code, a CMS's underscore
                if part and not is_author_code(part):
                    names[part] = _byline_kind(part)
        authors: list[str] = []
        for name, kind in names.items():
            actor = self._byline_actor(actors, name, kind)
            if actor is None:
                continue
            target = authors if actor["kind"] == "person" else self.byline_sources
            if actor["id"] not in target:
                target.append(actor["id"])
        return authors

    def _byline_actor(self, actors: list[dict[str, Any]], name: str, kind: str) -> dict[str, Any] | None:
        """The actor of that name, made if the item names none."""
        actor = next((a for a in actors if a["name"].casefold() == name.casefold()), None)
        if actor is None:
            actor_id = self.claim(None, kind, name)
            if actor_id is None:
                return None
            actor = {"id": actor_id, "kind": kind, "name": name, "mentions": [], "_rel": ""}
            actors.append(actor)
        return actor

    def info_sources(self, actors: list[dict[str, Any]]) -> tuple[str | None, list[str]]:
        by_id = {a["id"]: a for a in actors}
        by_name = {a["name"].casefold(): a for a in actors}
        publisher, sources = None, list(self.byline_sources)
        for entry in _dicts(self.doc.get("infosources")):
            name = _str(entry.get("name")) or _str(entry.get("literal"))
            own = self.id_of(entry.get("uri"))
            actor = by_id.get(own or "") or (by_name.get(name.casefold()) if name else None)
            if actor is None:
                if not name or not name.strip():
                    continue
                actor_id = self.claim(own, "organization", name)
                if actor_id is None:
                    continue
                actor = {"id": actor_id, "kind": "organization", "name": name, "mentions": [], "_rel": ""}
                actors.append(actor)
                by_id[actor_id] = actor
                by_name[name.casefold()] = actor
            if conv.PUBLISHER_ROLE in str(entry.get("role") or "").lower():
                publisher = publisher or actor["id"]
            elif actor["id"] not in sources:
                sources.append(actor["id"])
        return publisher, sources

    # -- article properties --

    def url(self) -> str | None:
        for item in _dicts(self.doc.get("renditions")):
            href = self.id_of(item.get("href"))
            if href and (item.get("name") == conv.WEB_RENDITION or "html" in str(item.get("contenttype") or "")):
                return href
        return None

    def subjects(self) -> tuple[str | None, list[dict[str, str]]]:
        section, topics = None, []
        for entry in _dicts(self.doc.get("subjects")):
            if str(entry.get("rel") or "").lower() == conv.SECTION_REL and section is None:
                section = _str(entry.get("name")) or _str(entry.get("literal"))
                if section is not None:
                    continue
            topic = topic_of_subject(entry)
            if entry.get("uri") and "uri" not in topic:
                self.notes.append(f"subject uri {entry.get('uri')!r} is not an absolute URI; left out")
            if topic and (self.details or topic not in topics):
                topics.append(topic)
        return section, topics

    def media(self) -> list[dict[str, Any]]:
        out = []
        kind = _MEDIA_KINDS.get(str(self.doc.get("type") or ""))
        if kind is not None and not self.details:
            # A picture, video, audio or graphic item: the item itself is the media.
            self.notes.append(f"a ninjs {self.doc.get('type')} item: read as an article holding that media")
            out.append(self.media_entry(self.doc, kind))
        for item in _dicts(self.doc.get("associations")):
            kind = _MEDIA_KINDS.get(str(item.get("type") or ""))
            if kind is None:
                continue  # related articles and packages: no place in the model
            out.append(self.media_entry(item, kind))
        return out

    def media_entry(self, item: dict[str, Any], kind: str) -> dict[str, Any]:
        url = next(
            (self.id_of(r.get("href")) for r in _dicts(item.get("renditions")) if self.id_of(r.get("href"))), None
        )
        descriptions = _dicts(item.get("descriptions"))
        caption = next((d for d in descriptions if d.get("role") == conv.CAPTION_ROLE), None) or next(
            iter(descriptions), None
        )
        caption_text = _str(caption.get("value")) if caption else None
        if caption_text is not None and caption is not None and "html" in str(caption.get("contenttype") or ""):
            caption_text = _html_text(caption_text)
        return {"kind": kind, "url": url, "caption": caption_text, "credit": _str(item.get("by"))}

    def agency_fields(self) -> dict[str, Any]:
        """What agencies state beyond the article's core: urgency, byline as printed,
        slugline, genre, rights, embargo (other providers' items; ours carry none yet)."""
        doc = self.doc
        if self.details:
            return {}
        urgency = doc.get("urgency")
        genres = [
            g
            for g in _dicts(doc.get("genres")) + _dicts(doc.get("genre"))
            if _str(g.get("name")) or _str(g.get("literal")) or _str(g.get("code"))
        ]
        genre = (
            (_str(genres[0].get("name")) or _str(genres[0].get("literal")) or _str(genres[0].get("code")))
            if genres
            else _str(doc.get("genre"))
        )
        credit = next(
            (
                _str(d.get("value"))
                for d in _dicts(doc.get("descriptions"))
                if str(d.get("role") or "").lower() == "creditline"
            ),
            None,
        )
        rights = {
            k: _str(doc.get(key))
            for k, key in (("holder", "copyrightholder"), ("notice", "copyrightnotice"), ("usage", "usageterms"))
        }
        rights = {k: v for k, v in rights.items() if v and v.strip()}
        embargo = doc.get("embargoeduntil") or doc.get("embargoed")
        by = _str(doc.get("by")) or next(
            (_str(b.get("by")) for b in _dicts(doc.get("bylines")) if _str(b.get("by"))), None
        )  # AP: bylines[].by
        return {
            "urgency": urgency if isinstance(urgency, int) and 1 <= urgency <= 9 else None,
            "byline": by if by and by.strip() else None,
            "slugline": _str(doc.get("slugline")) or None,
            "genre": genre or None,
            "creditline": credit or _str(doc.get("creditline")) or None,
            "rights": rights or None,
            "embargoed": self.date(embargo, "embargoed") if isinstance(embargo, str) else None,
        }

    # -- what only newsgraph writes --

    def apply_details(self, data: dict[str, Any]) -> None:
        d = self.details
        for actor in data["actors"]:
            actor.pop("_rel", None)
        if not d:
            return
        for key in ("actors", "places", "events", "quotes"):
            table = d.get(key)
            if not isinstance(table, dict):
                continue
            known = {item["id"] for item in data[key]}
            for item in data[key]:
                extra = table.get(item["id"])
                if isinstance(extra, dict):
                    item.update({k: v for k, v in extra.items() if k not in ("id", "mentions", "spans")})
                    if key == "quotes" and isinstance(extra.get("spans"), list):
                        item["spans"] = extra["spans"]  # spans in the headline: the details hold them all
            if key == "quotes":  # a quote only in the headline: no body markup names it
                data[key] += [
                    {**extra, "id": qid}
                    for qid, extra in table.items()
                    if qid not in known and isinstance(extra, dict) and isinstance(extra.get("spans"), list)
                ]
        order: dict[str, Any] = _dict(d.get("order"))
        for key in ("actors", "quotes"):
            wanted = order.get(key)
            if isinstance(wanted, list):
                rank = {v: i for i, v in enumerate(wanted) if isinstance(v, str)}
                data[key].sort(key=lambda item: rank.get(item["id"], len(rank)))
        if isinstance(d.get("topics"), list):
            data["topics"] = d["topics"]
        offsets = d.get("offsets")
        if isinstance(offsets, list):
            for paragraph, offset in zip(data["body"], offsets):
                paragraph["offset"] = offset
        article: dict[str, Any] = _dict(d.get("article"))
        if "published" in article or "modified" in article:
            exact = (article.get("published"), article.get("modified"))
            published, modified = _str(exact[0]), _str(exact[1])
            stated = [conv.write_dates(published, modified, utc=utc) for utc in (False, True)]
            actual = {
                k: v
                for k, v in (
                    ("firstCreated", self.doc.get("firstcreated")),
                    ("versionCreated", self.doc.get("versioncreated")),
                )
                if v
            }
            if actual in stated:  # the native dates were not edited since: the exact ones hold
                data["published"], data["modified"] = exact
        for field in conv.AGENCY_FIELDS:  # created, embargoed, byline, rights...
            if field in article:
                data[field] = article[field]
        authors = article.get("authors")
        if isinstance(authors, list) and sorted(map(str, authors)) == sorted(data["authors"]):
            data["authors"] = authors
        if "provenance" in article:  # null too: the article had none
            prov = article["provenance"]
            data["provenance"] = dict(prov) if isinstance(prov, dict) else None


def _spans(spans: list[Span] | None) -> list[dict[str, int]]:
    return [asdict(s) for s in spans or []]


def _html_text(value: str) -> str:
    try:
        text = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        return value
    # '&#1;' in the markup is a character the model refuses: a space, like the body's.
    return " ".join(sanitise(text)[0].split())


def _date_info(start: str | None, end: str | None) -> dict[str, Any] | None:
    """An event's dates as ninjs states them: full or truncated (2023, 2023-07)."""
    if not start and not end:
        return None
    info: dict[str, Any] = {"text": " / ".join(v for v in (start, end) if v)}
    full = [v if v and _valid(_ISO_DATE, v) else None for v in (start, end)]
    if full[0]:
        info["start"] = full[0]
    if full[1] and not (full[0] and full[1][:10] < full[0][:10]):
        info["end"] = full[1]
    shown = start or end or ""
    info["precision"] = (
        "time" if "T" in shown else "day" if len(shown) >= 10 else "month" if len(shown) >= 7 else "year"
    )
    return info


def _dict(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else."""
    return value if isinstance(value, dict) else {}
