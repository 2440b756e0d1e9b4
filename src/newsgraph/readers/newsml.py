"""NewsML-G2 ``newsItem``s and ``newsMessage``s -> Articles.

Items newsgraph wrote (``itemMeta/generator`` says so) are read back exactly: every
field of the model has a place in them (see :mod:`newsgraph.exporters.newsml` and
docs/newsml.md), so JSON -> NewsML-G2 -> JSON gives the same article. Other providers'
items (``ninat:`` or ``icls:`` classes) are read as well as the format allows: guid,
headlines by role, dates, byline, credit line, slugline, genre, urgency, rights,
creators, info sources, provider, subjects (people, organisations, places, events; other
subjects become topics keeping code, scheme and URI; keywords name-only topics),
``assert`` details, the richest text rendition (NITF, XHTML or HTML with or without a
namespace, plain text, a file beside the item) with its inline markup, events carried
in ``inlineXML``, and the media of picture/video/audio items. Provider furniture in the
body is kept as removed text; what cannot be taken over (a date that is not ISO 8601, an
end before its start) is named in ``provenance.notes``. A text item whose content is not
text is an error naming the element (docs/providers.md).

Refused, with an error saying what the file is: malformed XML, a DOCTYPE (see
:mod:`newsgraph.xmlsafe`), XML that is not NewsML-G2, another NewsML-G2 item type
(conceptItem, packageItem, ...), a newsItem of a class that is not news content, and an
unknown namespace or major version.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

from lxml import etree
from pydantic import ValidationError

from ..errors import InputError, ModelError
from ..lexicon import outlets
from ..lexicon.written_dates import only_a_date
from ..model import (
    ACTOR_KINDS,
    EVENT_KINDS,
    EVENT_STATUSES,
    ISO_DATE_PATTERN,
    PLACE_KINDS,
    QUOTE_KINDS,
    SPAN_PARTS,
    URI_PATTERN,
    Article,
    Provenance,
    format_validation_error,
    local_id,
    mint_article_id,
    mint_id,
)
from ..newsml_terms import (
    REL_SPAN,
    DESCRIPTION_SKIPPED_ROLES,
    DROL_CAPTION,
    DROL_SUMMARY,
    GENDER_URIS,
    HEADLINE_KICKER_ROLES,
    HEADLINE_SUB_ROLES,
    IPTC_SCHEMES,
    ITEM_CLASS_ALIASES,
    NAR,
    PROVIDER_SCHEMES,
    QCODE_IDENTIFIERS,
    REL_ADDRESSEE,
    REL_AFFILIATION,
    REL_CONFIDENCE,
    REL_CUE,
    REL_EVENT,
    REL_GENDER,
    REL_LOCATION,
    REL_PARTICIPANT,
    REL_SECTION,
    REL_SPEAKER_MENTION,
    REL_VIA_MENTION,
    REL_STATUS,
    REL_TITLE,
    REL_VIA,
    ROLE_ALIAS,
    ROLE_KICKER,
    ROLE_QUOTE_TEXT,
    SCHEMES,
    XML_LANG,
    nar,
    ng,
)
from ..xmlsafe import local_name, namespace, parse
from .base import ReadOptions, Sanitiser, apply_options, provenance, sanitise_xml
from .newsml_body import (
    QUOTE,
    BodyParagraph,
    body_paragraphs,
    html_paragraphs,
    readable,
    sports_paragraphs,
    text_paragraphs,
    without_furniture,
)

_OTHER_ITEMS = {
    "knowledgeItem": "a set of concepts",
    "packageItem": "a package of other items",
    "planningItem": "news coverage planning",
    "catalogItem": "a catalog of schemes",
}
_ARTICLE_CLASSES = {"text", "composite"}
_MEDIA_CLASSES = {"picture": "image", "graphic": "graphic", "video": "video", "audio": "audio"}
_ACCEPTED = ", ".join(f"ninat:{c}" for c in [*_ARTICLE_CLASSES, *_MEDIA_CLASSES])

_URI = re.compile(URI_PATTERN)
_ISO = re.compile(ISO_DATE_PATTERN)
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_NAR_PREFIX = "http://iptc.org/std/nar/"
_GENDER_OF_URI = {uri: gender for gender, uri in GENDER_URIS.items()}
# What a provider writes where it has no value ("No-Data-Available", Reuters): no name.
_PLACEHOLDER = re.compile(r"no[-_ ]?data[-_ ]?available|n/?a|unknown|none|null|tbd|-+", re.I)
_PLACE_KIND_WORDS = {
    "city": "city",
    "town": "city",
    "country": "country",
    "nation": "country",
    "region": "region",
    "state": "region",
    "statprov": "region",
    "province": "region",
    "countryarea": "region",
    "worldarea": "region",
    "continent": "region",
    "venue": "venue",
    "poi": "venue",
    "address": "address",
}


# --- entry points -------------------------------------------------------------------


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    sanitiser = Sanitiser()
    root = _parse(data, options.source, sanitiser)
    yield from articles_from_root(root, options, data, sanitiser)


def _parse(data: bytes, source: str, sanitiser: Sanitiser) -> etree._Element:
    """The root; XML that is malformed only by characters no format can carry (a feed's
    &#1;, a raw control byte) is parsed again with those characters as spaces."""
    try:
        return parse(data, source, what="NewsML-G2")
    except InputError as err:
        repaired = sanitise_xml(data, sanitiser)
        if repaired == data:
            raise
        try:
            return parse(repaired, source, what="NewsML-G2")
        except InputError:
            raise err from None  # broken beyond those characters: the first problem is the one to fix


def articles_from_root(
    root: etree._Element, options: ReadOptions, data: bytes | None = None, sanitiser: Sanitiser | None = None
) -> list[Article]:
    """The articles of a parsed NewsML-G2 document (one per newsItem); ``sanitiser`` holds
    what was replaced before parsing (in newsgraph's own items, nothing may be)."""
    readers = [_ItemReader(item, options, data) for item in _news_items(root, options.source)]
    for reader in readers:
        if sanitiser and reader.ours:
            raise InputError(
                f"the newsgraph NewsML-G2 holds characters XML 1.0 does not allow ({sanitiser.found()})",
                "the document was altered: regenerate it, or delete those characters",
                source=options.source,
            )
        if sanitiser:
            reader.notes.append(str(sanitiser.note()))
    return [reader.article() for reader in readers]


def _not_g2(name: str, ns: str | None, source: str) -> InputError:
    """Why a root outside the NewsML-G2 namespace is refused, and what to do."""
    if ns and ns.startswith(_NAR_PREFIX):
        return InputError(
            f"unknown NewsML-G2 namespace {ns}",
            f"newsgraph reads NewsML-G2 2.x, whose namespace is {NAR}",
            source=source,
        )
    if name == "NewsML":
        return InputError(
            "this is NewsML 1.x, not NewsML-G2",
            "convert it to NewsML-G2 first; newsgraph reads NewsML-G2 2.x",
            source=source,
        )
    if name in ("newsItem", "newsMessage"):
        return InputError(
            f"<{name}> is not in the NewsML-G2 namespace",
            f'declare xmlns="{NAR}" on the root element',
            source=source,
        )
    return InputError(
        f"not a NewsML-G2 document: the root element is <{name}>",
        "give a NewsML-G2 newsItem or newsMessage",
        source=source,
    )


def _news_items(root: etree._Element, source: str) -> list[etree._Element]:
    name, ns = local_name(root), namespace(root)
    if ns != NAR:
        raise _not_g2(name, ns, source)
    if name == "newsItem":
        items = [root]
    elif name == "newsMessage":
        item_set = root.find(nar("itemSet"))
        items = [] if item_set is None else item_set.findall(nar("newsItem"))
        if not items:
            others = [] if item_set is None else [local_name(el) for el in item_set if local_name(el)]
            held = ", ".join(
                f"a {n} ({_OTHER_ITEMS[n]})" if n in _OTHER_ITEMS else f"a {n}" for n in dict.fromkeys(others)
            )
            raise InputError(
                f"the newsMessage holds no newsItem{', only ' + held if held else ''}",
                "newsgraph reads the newsItems of a message (text, or the media of a "
                "picture, video, graphic or audio item); this one has none",
                source=source,
            )
    elif name == "conceptItem":
        items = [root]  # read as an article holding the concept, with no text
    elif name in _OTHER_ITEMS:
        raise InputError(
            f"this NewsML-G2 {name} holds {_OTHER_ITEMS[name]}, not a news article",
            "newsgraph reads newsItem and newsMessage documents",
            source=source,
        )
    else:
        raise InputError(f"<{name}> is not a NewsML-G2 item", "give a NewsML-G2 newsItem or newsMessage", source=source)
    for item in items:
        version = item.get("standardversion", "")
        if version and version.split(".")[0] != "2":
            raise InputError(
                f"NewsML-G2 version {version} is unknown",
                "newsgraph reads NewsML-G2 2.x (2.35 and earlier)",
                source=source,
            )
    return items


# --- one item ---------------------------------------------------------------------------


_TAGS: dict[str, str] = {}


def _tag(name: str) -> str:
    tag = _TAGS.get(name)
    if tag is None:
        tag = _TAGS[name] = nar(name)
    return tag


def _children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if parent is None else parent.findall(_tag(name))


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    return None if parent is None else parent.find(_tag(name))


class _ItemReader:
    """Reads one newsItem into the plain data of an Article, then validates it."""

    def __init__(self, item: etree._Element, options: ReadOptions, data: bytes | None) -> None:
        self.item = item
        self.options = options
        self.data = data
        self.source = options.source
        self.meta = _child(item, "itemMeta")
        self.cmeta = _child(item, "contentMeta")
        self.ours = any((g.text or "").strip() == "newsgraph" for g in _children(self.meta, "generator"))
        self.concept_item = local_name(item) == "conceptItem"
        self.item_class = "text"
        self.schemes = {**PROVIDER_SCHEMES, **IPTC_SCHEMES, **SCHEMES}
        for catalog in _children(item, "catalog"):
            for scheme in _children(catalog, "scheme"):
                if scheme.get("alias") and scheme.get("uri"):
                    self.schemes[scheme.get("alias", "")] = scheme.get("uri", "")
        self.notes: list[str] = []
        self.removed: list[dict[str, str]] = []  # provider furniture taken out of the body
        self.byline_in_body: str | None = None
        self.body_from: etree._Element | None = None  # the rendition the body was read from
        self.actors: dict[str, dict[str, Any]] = {}
        self.places: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.quotes: dict[str, dict[str, Any]] = {}
        self.topics: list[dict[str, str]] = []  # a conceptItem's concept
        self.subject_topics: dict[etree._Element, dict[str, str]] = {}
        self.asserts: dict[str, list[etree._Element]] = {}
        for el in _children(item, "assert"):
            key = _key(el)
            if key:
                self.asserts.setdefault(key, []).append(el)
        self.ids: dict[str, str] = {}  # concept key (uri, qcode, literal) -> id in the article
        self.origins: dict[str, list[etree._Element]] = {}  # id -> the properties that named it
        self._keys_index: dict[str, list[str]] | None = None

    # --- values ---

    def text(self, el: etree._Element | None) -> str | None:
        """The text of a property: exact in our items, white space collapsed in others'."""
        if el is None:
            return None
        exact = el.get(ng("value"))
        if exact is not None:
            return exact
        value = "".join(el.itertext()) if len(el) else (el.text or "")
        return value if self.ours else " ".join(value.split())

    def code(self, el: etree._Element, attr: str, scheme: str) -> str | None:
        """The code of ``attr`` (a QCode, or ``attr+'uri'``) if it is from ``scheme`` (a URI)."""
        codes = self.codes(el, attr, scheme)
        return codes[0] if codes else None

    def codes(self, el: etree._Element, attr: str, scheme: str) -> list[str]:
        found = []
        for qcode in (el.get(attr) or "").split():
            alias, _, value = qcode.partition(":")
            if value and self.schemes.get(alias) == scheme:
                found.append(value)
        for uri in (el.get(attr + "uri") or "").split():
            if uri.startswith(scheme):
                found.append(uri[len(scheme) :])
        return found

    def date(self, el: etree._Element | None, what: str) -> str | None:
        if el is None:
            return None
        value = el.get(ng("value")) or (el.text or "").strip()
        if _ISO.match(value):
            return value
        if value:
            self.notes.append(f"{what} {value!r} is not an ISO 8601 date or time; left out")
        return None

    # --- the article ---

    def article(self) -> Article:
        if self.meta is None:
            raise InputError("the newsItem has no itemMeta", "give a valid NewsML-G2 newsItem", source=self.source)
        item_class = self.item_class = "concept" if self.concept_item else self._item_class()
        article_id = self._article_id()
        self._entities_from_asserts()
        if self.concept_item:
            self._concepts()
        self._subjects()
        publisher = self._publisher()
        creators = _children(self.cmeta, "creator")
        agencies = [el for el in creators if self._names_an_agency(el)]
        authors = [self._actor_ref(el, "person") for el in creators if el not in agencies]
        sources = [self._actor_ref(el, "organization") for el in [*agencies, *_children(self.cmeta, "infoSource")]]
        for located in _children(self.cmeta, "located"):
            self._place_from(located)
        self._quotes()  # before the body, so that quotes keep the order of their partMeta
        body = self._body(article_id)
        for ref in list(self.actors):
            self._actor_details(ref)
        for ref in list(self.places):
            self._place_details(ref)
        for ref in list(self.events):
            self._event_details(ref)
        data: dict[str, Any] = {
            "id": article_id,
            "headline": self._headline(),
            "kicker": self._kicker(),
            "subheadline": self._subheadline(),
            "authors": [a for a in authors if a],
            "publisher": publisher,
            "sources": list(dict.fromkeys(s for s in sources if s)),
            "url": self._url(),
            "language": self._language(),
            "published": self._published(),
            "modified": self._modified(),
            **self._agency_fields(),
            "dateline": self._dateline(),
            "section": self._section(),
            "body": body,
            "media": self._media(item_class),
            "topics": self._topics(),
            "actors": list(self.actors.values()),
            "places": list(self.places.values()),
            "quotes": list(self.quotes.values()),
            "events": list(self.events.values()),
            "provenance": self._provenance(),
        }
        try:
            return apply_options(Article.model_validate(data), self.options)
        except ValidationError as err:
            problem = format_validation_error(err)
        # Raised outside the except block, so that no pydantic error rides along as context.
        raise ModelError(
            f"the newsItem {article_id} breaks a rule of the model: {problem}",
            "fix the item, or report it if newsgraph wrote it",
            source=self.source,
        )

    def _item_class(self) -> str:
        el = _child(self.meta, "itemClass")
        if el is None:
            raise InputError("the newsItem has no itemClass", "give a valid NewsML-G2 newsItem", source=self.source)
        nature = self.code(el, "qcode", IPTC_SCHEMES["ninat"])
        alias, _, value = (el.get("qcode") or "").partition(":")
        if nature is None and alias in ITEM_CLASS_ALIASES:
            nature = value  # a provider's own catalog may give the item nature scheme another URI
        if nature in _ARTICLE_CLASSES or nature in _MEDIA_CLASSES:
            return nature
        shown = el.get("qcode") or el.get("uri") or "(none)"
        raise InputError(
            f"the newsItem is of class {shown}, which is not news content newsgraph reads",
            f"newsgraph reads newsItems of class {_ACCEPTED}",
            source=self.source,
        )

    def _article_id(self) -> str:
        guid = (self.item.get("guid") or "").strip()
        if _URI.match(guid):
            return guid
        if not guid:
            raise InputError("the newsItem has no guid", "give each newsItem its guid", source=self.source)
        try:
            return f"urn:uuid:{uuid.UUID(guid)}"
        except ValueError:
            minted = mint_article_id(guid, self.options.id_base)
            self.notes.append(f"guid {guid!r} is not a URI; the article id was minted from it")
            return minted

    # --- entities ---

    def _entities_from_asserts(self) -> None:
        """Our items declare every actor, place and event in an assert typed by our schemes."""
        for el in _children(self.item, "assert"):
            key = _key(el)
            if not key or key in self.ids:
                continue
            types = _children(el, "type")
            for t in types:
                if (kind := self.code(t, "qcode", SCHEMES["ngactor"])) in ACTOR_KINDS:
                    self._new_actor(key, kind, el)
                elif (kind := self.code(t, "qcode", SCHEMES["ngplace"])) in PLACE_KINDS:
                    self._new_place(key, kind, el)
                elif (kind := self.code(t, "qcode", SCHEMES["ngevent"])) in EVENT_KINDS:
                    self._new_event(key, kind, el)
                else:
                    continue
                break

    def _concepts(self) -> None:
        """A conceptItem's concept becomes the article's one actor, place, event or topic.

        Its details (names, definition, personDetails, sameAs) are those an assert
        carries, so they are read the same way.
        """
        self.notes.append(
            "a NewsML-G2 conceptItem describes a concept, not a story: the article holds the concept and has no text"
        )
        for concept in _children(self.item, "concept"):
            concept_id = _child(concept, "conceptId")
            key = _key(concept_id if concept_id is not None else concept)
            if key:
                self.asserts.setdefault(key, []).append(concept)
            kind = _child(concept, "type")
            nature = self.code(kind, "qcode", IPTC_SCHEMES["cpnat"]) if kind is not None else None
            if self._actor_or_place(key, nature, concept):
                continue
            if nature == "event":
                self._new_event(key, "other", concept)
            elif (name := self._first_name(concept)) and {"name": name} not in self.topics:
                self.topics.append({"name": name})

    def _subjects(self) -> None:
        for el in _children(self.cmeta, "subject"):
            key = _key(el)
            nature = self.code(el, "type", IPTC_SCHEMES["cpnat"])
            if key and key in self.ids:
                ref = self.ids[key]
                if ref in self.events:
                    self._event_confidence(self.events[ref], el)
                continue
            if self._actor_or_place(key, nature, el):
                continue
            if nature == "event":
                event = self._new_event(key, "other", el)
                if event:
                    self._event_confidence(self.events[event], el)
            else:  # topics: IPTC media topics, abstract concepts, untyped subjects
                topic = self._topic(el)
                if topic:
                    self.subject_topics[el] = topic

    def _actor_or_place(self, key: str | None, nature: str | None, el: etree._Element) -> bool:
        """A person, organisation or place concept read as such; False for any other nature."""
        if nature == "person":
            self._new_actor(key, "person", el)
        elif nature == "organisation":
            self._new_actor(key, "organization", el)
        elif nature in ("geoArea", "poi"):
            self._place_from(el, "venue" if nature == "poi" else None)
        else:
            return False
        return True

    def _first_name(self, el: etree._Element) -> str | None:
        for name in _children(el, "name"):
            if not self.codes(name, "role", SCHEMES["ngrole"]):
                value = self.text(name)
                if value and value.strip():
                    return value
        return None

    def _display_name(self, el: etree._Element, key: str | None) -> str | None:
        name = self._first_name(el)
        if name is None:
            for assert_el in self.asserts.get(key or "", []):
                name = self._first_name(assert_el)
                if name:
                    break
        return name or _code_part(key)

    def _mint(self, key: str | None, kind: str, name: str) -> str:
        if key and _URI.match(key):
            candidate = key
        else:
            candidate = mint_id(kind, name, self.options.id_base)
        # Ids are unique across the article's actors, places, events and quotes.
        taken = set(self.actors) | set(self.places) | set(self.events) | set(self.quotes)
        base, n = candidate, 2
        while candidate in taken:
            candidate = f"{base}-{n}"
            n += 1
        return candidate

    def _new_actor(self, key: str | None, kind: str, el: etree._Element) -> str | None:
        return self._new(
            self.actors,
            key,
            kind,
            el,
            lambda ref, name: {
                "id": ref,
                "kind": kind,
                "name": name,
                "aliases": [],
                "titles": [],
                "identifiers": {},
                "mentions": [],
            },
        )

    def _new_place(self, key: str | None, kind: str, el: etree._Element) -> str | None:
        return self._new(
            self.places,
            key,
            "place",
            el,
            lambda ref, name: {"id": ref, "name": name, "kind": kind, "aliases": [], "identifiers": {}, "mentions": []},
        )

    def _new_event(self, key: str | None, kind: str, el: etree._Element) -> str | None:
        return self._new(
            self.events,
            key,
            "event",
            el,
            lambda ref, name: {
                "id": ref,
                "kind": kind,
                "label": name,
                "status": "unknown",
                "participants": [],
                "mentions": [],
            },
        )

    def _new(
        self,
        store: dict[str, dict[str, Any]],
        key: str | None,
        id_kind: str,
        el: etree._Element,
        make: Callable[[str, str], dict[str, Any]],
    ) -> str | None:
        """A new actor, place or event named by ``el``; None when nothing names it."""
        name = self._display_name(el, key)
        if not name:
            return None
        if not self.ours and _PLACEHOLDER.fullmatch(name):
            self.notes.append(f"<{local_name(el)}> {name!r} is a placeholder, not a name; left out")
            return None
        ref = self._mint(key, id_kind, name)
        store[ref] = make(ref, name)
        self._register(key, ref, el)
        return ref

    def _register(self, key: str | None, ref: str, el: etree._Element) -> None:
        if key:
            self._bind(key, ref)
        self.origins.setdefault(ref, []).append(el)

    def _bind(self, key: str, ref: str) -> None:
        self.ids[key] = ref
        self._keys_index = None

    def _place_from(self, el: etree._Element, kind: str | None = None) -> str | None:
        key = _key(el)
        if key and key in self.ids:
            return self.ids[key]
        kind = kind or self._foreign_place_kind(el, key)
        return self._new_place(key, kind, el)

    def _foreign_place_kind(self, el: etree._Element, key: str | None) -> str:
        candidates = [el, *self.asserts.get(key or "", [])]
        words = [el.get("type", "")]
        for c in candidates:
            for t in _children(c, "type"):
                words += [t.get("qcode", ""), self.text(_child(t, "name")) or ""]
            if _child(c, "POIDetails") is not None:
                words.append("poi")
        for word in words:
            kind = _PLACE_KIND_WORDS.get(word.rpartition(":")[2].casefold())
            if kind:
                return kind
        return "other"

    def _actor_ref(self, el: etree._Element, kind: str) -> str | None:
        """The actor a party property (creator, participant, affiliation, ...) refers to;
        in other providers' items one is made from the property when none is known."""
        key = _key(el)
        if key and key in self.ids and self.ids[key] in self.actors:
            return self.ids[key]
        if self.ours:
            return None  # our items declare every actor; anything else is a stand-in
        nature = self.code(el, "type", IPTC_SCHEMES["cpnat"])
        if nature == "organisation":
            kind = "organization"
        elif nature == "person":
            kind = "person"
        # The provider named again as the info source under another code (AP's
        # approviderid:X and apsourceid:X; STT's provider and sttsource:1): one actor.
        name = (self._display_name(el, key) or "").casefold()
        same = next(
            (r for r, a in self.actors.items() if a["kind"] == kind and name and a["name"].casefold() == name), None
        )
        if same is not None:
            return same
        return self._new_actor(key, kind, el)

    def _names_an_agency(self, el: etree._Element) -> bool:
        """A creator of another provider's item that names an agency, not a person
        ('<creator literal="Reuters"/>'): a source. Our own items say what each party is."""
        if self.ours or self.code(el, "type", IPTC_SCHEMES["cpnat"]) is not None:
            return False
        key = _key(el)
        if key and key in self.ids and self.ids[key] in self.actors:
            return self.actors[self.ids[key]]["kind"] == "organization"
        name = self._display_name(el, key) or ""
        # "The Sports Network": a name with an article and an outlet's last word is no person
        return outlets.lookup(name) is not None or (name.startswith("The ") and outlets.looks_like_outlet(name))

    def _publisher(self) -> str | None:
        provider = _child(self.meta, "provider")
        return None if provider is None else self._actor_ref(provider, "organization")

    # --- details from assert blocks ---

    def _asserts_of(self, ref: str) -> list[etree._Element]:
        """The elements that describe an entity: its asserts, and in other providers'
        items also the subject, located or party property it came from."""
        found = [] if self.ours else [el for el in self.origins.get(ref, []) if local_name(el) != "assert"]
        for key in self._keys_of().get(ref, ()):
            found += [el for el in self.asserts.get(key, []) if el not in found]
        return found

    def _keys_of(self) -> dict[str, list[str]]:
        if self._keys_index is None:  # reset by _bind
            self._keys_index = {}
            for key, ident in self.ids.items():
                self._keys_index.setdefault(ident, []).append(key)
        return self._keys_index

    def _names(self, entity: dict[str, Any], field: str, el: etree._Element) -> bool:
        """Take an assert's names; True once the entity's own name has been set from it."""
        named = False
        for name in _children(el, "name"):
            value = self.text(name)
            if value is None:
                continue
            if ROLE_ALIAS in self.codes(name, "role", SCHEMES["ngrole"]):
                entity["aliases"].append(value)
            elif not named and value.strip():
                entity[field] = value
                named = True
            elif not self.ours and value.strip() and value != entity[field] and value not in entity["aliases"]:
                entity["aliases"].append(value)  # other providers' names in other languages
        return named

    def _identifiers(self, entity: dict[str, Any], el: etree._Element) -> None:
        for same in _children(el, "sameAs"):
            key = same.get(ng("key"))
            if key is not None:
                value = same.get(ng("value"), same.get("literal"))
                if value is not None:
                    entity["identifiers"][key] = value
                continue
            for scheme_key, scheme_uri in QCODE_IDENTIFIERS.items():
                value = self.code(same, "qcode", scheme_uri)
                if value is None and (same.get("uri") or "").startswith(scheme_uri):
                    value = same.get("uri", "")[len(scheme_uri) :]
                if value:
                    entity["identifiers"][scheme_key] = value
                    break
            else:
                qcode = same.get("qcode")
                if qcode and not self.ours:
                    alias, _, value = qcode.partition(":")
                    entity["identifiers"].setdefault(alias, value)

    def _actor_details(self, ref: str) -> None:
        actor = self.actors[ref]
        for el in self._asserts_of(ref):
            self._names(actor, "name", el)
            definition = _child(el, "definition")
            if definition is not None and "description" not in actor:
                actor["description"] = self.text(definition)
            for related in _children(el, "related"):
                rel = self.code(related, "rel", SCHEMES["ngrel"])
                if rel == REL_TITLE:
                    title = self._first_name(related)
                    if title is not None:
                        actor["titles"].append(title)
                elif rel == REL_GENDER:
                    gender = _GENDER_OF_URI.get(related.get("uri", ""))
                    if gender:
                        actor["gender"] = gender
                elif rel == REL_AFFILIATION:
                    self._affiliate(actor, related)
            self._identifiers(actor, el)
            for details in ("personDetails", "organisationDetails"):
                for affiliation in _children(_child(el, details), "affiliation"):
                    self._affiliate(actor, affiliation)

    def _affiliate(self, actor: dict[str, Any], el: etree._Element) -> None:
        if actor.get("affiliation"):
            return
        target = self._actor_ref(el, "organization")
        if target and target != actor["id"]:
            actor["affiliation"] = target

    def _place_details(self, ref: str) -> None:
        place = self.places[ref]
        for el in self._asserts_of(ref):
            self._names(place, "name", el)
            for broader in _children(el, "broader"):
                if "country" not in place and self._is_country(broader):
                    country = self._display_name(broader, _key(broader))
                    if country:
                        place["country"] = country
            self._identifiers(place, el)

    def _is_country(self, el: etree._Element) -> bool:
        """Whether a broader concept is a country: by its type, or the type its assert gives."""
        if self.code(el, "type", SCHEMES["ngplace"]) == "country":
            return True
        if self.ours:
            return False
        words = [el.get("type", "")]
        for assert_el in self.asserts.get(_key(el) or "", []):
            for t in _children(assert_el, "type"):
                words += [t.get("qcode", ""), self.text(_child(t, "name")) or ""]
        return any(_PLACE_KIND_WORDS.get(w.rpartition(":")[2].casefold()) == "country" for w in words)

    def _event_confidence(self, event: dict[str, Any], el: etree._Element) -> None:
        exact = _number(el.get(ng("confidence")))
        if exact is not None:
            event["confidence"] = exact
        elif el.get("confidence", "").isdigit():
            event["confidence"] = int(el.get("confidence", "100")) / 100

    def _event_details(self, ref: str) -> None:
        event = self.events[ref]
        for el in self._asserts_of(ref):
            for name in _children(el, "name"):
                value = self.text(name)
                if value and value.strip():
                    event["label"] = value
                    break
            details = _child(el, "eventDetails")
            if details is not None:
                self._event_from_details(event, details)
                continue
            for related in _children(el, "related"):
                rel = self.code(related, "rel", SCHEMES["ngrel"])
                if rel == REL_STATUS:
                    status = self.code(related, "qcode", SCHEMES["ngstatus"])
                    if status in EVENT_STATUSES:
                        event["status"] = status
                elif rel == REL_LOCATION:
                    event["location"] = self._place_from(related)
                elif rel == REL_PARTICIPANT:
                    self._participant(event, related)
            ng_date = el.find(ng("date"))
            if ng_date is not None:
                event["date"] = {k: ng_date.get(k) for k in ("end", "text", "precision") if ng_date.get(k) is not None}

    def _event_from_details(self, event: dict[str, Any], details: etree._Element) -> None:
        dates = _child(details, "dates")
        start_el = _child(dates, "start")
        start = self.date(start_el, f"the start of event {event['label']!r}")
        if start is not None and start_el is not None:
            date: dict[str, Any] = {"start": start}
            end = self.date(_child(dates, "end"), f"the end of event {event['label']!r}")
            if end is not None:
                if end[:10] < start[:10]:
                    self.notes.append(
                        f"event {event['label']!r} ends ({end}) before it starts ({start}); the end was left out"
                    )
                else:
                    date["end"] = end
            if start_el.get(ng("text")) is not None:
                date["text"] = start_el.get(ng("text"))
            precision = start_el.get(ng("precision"))
            if precision is not None:
                date["precision"] = precision
            elif not self.ours:
                date["precision"] = "time" if "T" in start else "day"
            event["date"] = date
        status_el = _child(details, "eventStatus")
        if status_el is not None:
            status = self.code(status_el, "qcode", SCHEMES["ngstatus"])
            if status in EVENT_STATUSES:
                event["status"] = status
        location = _child(details, "location")
        if location is not None:
            event["location"] = self._place_from(location)
        for participant in _children(details, "participant"):
            self._participant(event, participant)

    def _participant(self, event: dict[str, Any], el: etree._Element) -> None:
        ref = self._actor_ref(el, "person")
        if ref and ref not in event["participants"]:
            event["participants"].append(ref)

    # --- the body ---

    def _body(self, article_id: str) -> list[dict[str, Any]]:
        """The richest text rendition of the contentSet; never an empty success when the
        item holds content that is not text newsgraph reads."""
        renditions = [el for el in _children_any(_child(self.item, "contentSet")) if el.get("hascontent") != "false"]
        for el in renditions:
            content = _first_element(el)
            if (
                local_name(el) == "inlineXML"
                and content is not None
                and namespace(content) == NAR
                and local_name(content) == "events"
            ):
                self._inline_events(article_id, content)
                return []
        best: list[BodyParagraph] = []
        refused: list[str] = []
        for el in renditions:
            paras, what = self._rendition(el)
            if what:
                refused.append(what)
            if sum(len(p.text) for p in paras) > sum(len(p.text) for p in best):
                best, self.body_from = paras, el
        if not self.ours:  # an empty <p/> of another provider is layout, not a paragraph
            best, furniture = without_furniture([p for p in best if p.text.strip()])
            self.removed += [{"text": t, "reason": r} for t, r in furniture.removed]
            self.byline_in_body = furniture.byline
        best = self._without_header(best)
        if not best and self.item_class == "text":
            if refused:
                item_class = _child(self.meta, "itemClass")
                shown = "" if item_class is None else f" (class {item_class.get('qcode') or item_class.get('uri')})"
                raise InputError(
                    f"the text item {self.item.get('guid', '')}{shown} holds {refused[0]}, which "
                    "newsgraph cannot turn into body text",
                    "download it beside the item and point remoteContent/@href at the file"
                    if refused[0].startswith("remote content at")
                    else "give the story as NITF, XHTML, HTML or plain text in its contentSet, or as a SportsML article",
                    source=self.source,
                )
            self.notes.append("the item's contentSet holds no text: the body is empty as in the source")
        self._mentions(article_id, best)
        body = []
        for p in best:
            item: dict[str, Any] = {"text": p.text, "role": p.role}
            if p.offset is not None:
                item["offset"] = p.offset
            body.append(item)
        return body

    def _rendition(self, el: etree._Element) -> tuple[list[BodyParagraph], str | None]:
        """One rendition's paragraphs, or what it holds when that is not text."""
        kind, ctype = local_name(el), (el.get("contenttype") or "").lower()
        if kind == "inlineXML":
            content = _first_element(el)
            if content is None:
                return text_paragraphs(el.text or ""), None  # text directly in the element
            if readable(content):
                return body_paragraphs(content), None
            if local_name(content) == "sports-content":
                paras, held = sports_paragraphs(content)
                kind = f"; {ctype}" if ctype else ""
                return paras, held and f"SportsML data in its inlineXML ({held}{kind}) but no article text"
            return [], f"<{local_name(content)}>" + (f" ({ctype})" if ctype else "") + " in its inlineXML"
        if kind == "inlineData":
            text = self._inline_data(el)
            if text is None:
                return [], "inlineData whose base64 encoding does not decode to UTF-8 text"
            if "html" in ctype or "nitf" in ctype:
                return html_paragraphs(text), None
            if not ctype or ctype.startswith("text/"):
                return text_paragraphs(text), None
            return [], f"inlineData of type {ctype}" if text.strip() else None
        if kind == "remoteContent":
            return self._remote(el, ctype)
        return [], None

    def _inline_data(self, el: etree._Element) -> str | None:
        """The text of an inlineData, decoded when its @encoding is base64; None if it does not decode."""
        text = el.text or ""
        if (el.get("encoding") or "").strip().casefold() != "base64":
            return text
        try:
            return base64.b64decode("".join(text.split()), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None

    def _remote(self, el: etree._Element, ctype: str) -> tuple[list[BodyParagraph], str | None]:
        """A remoteContent that is a file beside the item, inside its folder; nothing is fetched."""
        href = (el.get("href") or el.get("residref") or "").strip()
        if "://" in href:  # ours link the article's page: the body, if any, is inline
            return [], None if self.ours else f"remote content at {href} (nothing is fetched from the network)"
        if not href or not self.source or self.source == "<stdin>":
            return [], None
        folder = Path(self.source).resolve().parent
        target = (folder / href).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            self.notes.append(f"remote content {href!r} is not a file inside the item's folder; not read")
            return [], None
        data = target.read_bytes()
        if "xml" in ctype or "html" in ctype or "nitf" in ctype or target.suffix.lower() in (".xml", ".html", ".htm"):
            if "xml" in ctype or target.suffix.lower() == ".xml":
                root = parse(data, str(target), what="NITF or XHTML")
                if readable(root):
                    return body_paragraphs(root), None
                return [], f"<{local_name(root)}> in the remote file {href}"
            return html_paragraphs(data.decode("utf-8", "replace")), None
        try:
            return text_paragraphs(data.decode("utf-8")), None
        except UnicodeDecodeError:
            return [], f"the remote file {href}, which is not UTF-8 text"

    def _without_header(self, paras: list[BodyParagraph]) -> list[BodyParagraph]:
        """The body without the provider's header repeated in it (the headline again)."""
        headline = " ".join((self._headline() or "").split()).casefold()
        if (
            not self.ours
            and paras
            and headline
            and " ".join(paras[0].text.split()).casefold() == headline
            and not paras[0].marks
        ):
            self.notes.append("the body's first paragraph repeated the headline; left out of the body")
            return paras[1:]
        return paras

    def _mentions(self, article_id: str, paras: list[BodyParagraph]) -> None:
        for index, para in enumerate(paras):
            for mark in para.marks:
                span = {"paragraph": index, "start": mark.start, "end": mark.end}
                if mark.kind == QUOTE:
                    self._quote_span(article_id, mark.ref, span, para.text[mark.start : mark.end])
                    continue
                tag = mark.kind.partition(":")[2]
                ref = self.ids.get(mark.ref or "", mark.ref)
                target = self.actors.get(ref or "") or self.places.get(ref or "") or self.events.get(ref or "")
                if target is None:
                    target = self._entity_from_mark(tag, mark.ref, para.text[mark.start : mark.end])
                if target is not None:
                    target["mentions"].append(span)

    def _entity_from_mark(self, tag: str, ref: str | None, text: str) -> dict[str, Any] | None:
        """A person, organisation, place or event marked in another provider's body."""
        name = " ".join(text.split())
        if not name:
            return None
        stand_in = etree.Element(nar("subject"))
        if ref and _URI.match(ref):
            stand_in.set("uri", ref)
        _name_el = etree.SubElement(stand_in, nar("name"))
        _name_el.text = name
        key = ref if ref and _URI.match(ref) else f"{tag}:{name}"
        ident: str | None
        if key in self.ids:
            ident = self.ids[key]
            return self.actors.get(ident) or self.places.get(ident) or self.events.get(ident)
        if tag == "person":
            ident = self._new_actor(key if ref else None, "person", stand_in)
            self._bind(key, ident or "")
            return self.actors.get(ident or "")
        if tag == "org":
            ident = self._new_actor(key if ref else None, "organization", stand_in)
            self._bind(key, ident or "")
            return self.actors.get(ident or "")
        if tag == "location":
            ident = self._new_place(key if ref else None, "other", stand_in)
            self._bind(key, ident or "")
            return self.places.get(ident or "")
        ident = self._new_event(key if ref else None, "other", stand_in)
        self._bind(key, ident or "")
        return self.events.get(ident or "")

    def _quote_span(self, article_id: str, ref: str | None, span: dict[str, int], text: str) -> None:
        if ref and ref in self.quotes:
            self.quotes[ref]["spans"].append(span)
            return
        if ref and self.ours:
            self.quotes[ref] = {"id": ref, "spans": [span]}  # completed from its partMeta
            return
        # Another provider's <q>: a direct quote whose speaker the markup does not name.
        quote_id = local_id(article_id, "quote", len(self.quotes) + 1)
        if text.strip():
            self.quotes[quote_id] = {"id": quote_id, "text": " ".join(text.split()), "kind": "direct", "spans": [span]}

    def _inline_events(self, article_id: str, events: etree._Element) -> None:
        for n, el in enumerate(_children(events, "event"), start=1):
            label = self._first_name(el)
            if not label:
                continue
            ref = self._mint(local_id(article_id, "event", n), "event", label)
            event: dict[str, Any] = {
                "id": ref,
                "kind": "other",
                "label": label,
                "status": "unknown",
                "participants": [],
                "mentions": [],
            }
            self.events[ref] = event
            details = _child(el, "eventDetails")
            if details is not None:
                self._event_from_details(event, details)

    # --- quotes ---

    def _quotes(self) -> None:
        for part in _children(self.item, "partMeta"):
            ref = part.get(ng("quote"))
            if not ref:
                continue
            quote = self.quotes.setdefault(ref, {"id": ref, "spans": []})
            role = _child(part, "role")
            kind = self.code(role, "qcode", SCHEMES["ngquote"]) if role is not None else None
            quote["kind"] = kind if kind in QUOTE_KINDS else "direct"
            creator = _child(part, "creator")
            if creator is not None:
                quote["speaker"] = self._actor_ref(creator, "person")
            for description in _children(part, "description"):
                if ROLE_QUOTE_TEXT in self.codes(description, "role", SCHEMES["ngrole"]):
                    quote["text"] = self.text(description)
            for ext in _children(part, "partMetaExtProperty"):
                rel = self.code(ext, "rel", SCHEMES["ngrel"])
                if rel == REL_CUE:
                    quote["cue"] = ext.get("value")
                elif rel in (REL_ADDRESSEE, REL_VIA, REL_EVENT):
                    quote[rel] = ext.get("uri")
                elif rel == REL_SPEAKER_MENTION:
                    quote["speaker_mention"] = _span(ext.get("value", ""))
                elif rel == REL_VIA_MENTION:
                    quote["via_mention"] = _span(ext.get("value", ""))
                elif rel == REL_SPAN and (span := _span(ext.get("value", ""))) is not None:
                    quote["spans"].append(span)  # in the headline: the body's come from its markup
                elif rel == REL_CONFIDENCE:
                    quote["confidence"] = _number(ext.get("value"))

    # --- article fields ---

    def _dateline(self) -> str | None:
        """The dateline as written. One that holds only a date or time names no place
        (Reuters: "2014-07-16 15:53:10 GMT+00:00"): left out, for the item's own dates say
        when, and the dateline is where (and when) a story was filed."""
        text = self.text(_child(self.cmeta, "dateline"))
        if text and not self.ours and only_a_date(text):
            self.notes.append(f"dateline {text!r} states only a date, no place; left out (the item's dates say when)")
            return None
        return text

    def _agency_fields(self) -> dict[str, Any]:
        """What agencies state beyond the story's core: dates of the item, the byline and
        credit as printed, slugline, genre, urgency, word count, rights. Our own items mark
        what the exporter derived from other fields (ng:derived): not the article's own."""
        return {
            "created": self._created(),
            "embargoed": self.date(_child(self.meta, "embargoed"), "embargoed"),
            "byline": self._joined("by") or self.byline_in_body,
            "creditline": self._joined("creditline"),
            "slugline": self._joined("slugline"),
            "genre": self._genre(),
            "urgency": self._urgency(),
            "word_count": self._word_count(),
            "rights": self._rights(),
        }

    def _headline_role(self, el: etree._Element) -> str:
        """'main', 'sub' or 'kicker': ngrole:kicker in our items, the role's last part in others'."""
        if ROLE_KICKER in self.codes(el, "role", SCHEMES["ngrole"]):
            return "kicker"
        if not self.ours:
            for role in (el.get("role") or "").split():
                part = role.rpartition(":")[2].casefold()
                if part in HEADLINE_KICKER_ROLES:
                    return "kicker"
                if part in HEADLINE_SUB_ROLES:
                    return "sub"
        return "main"

    def _headline_of(self, role: str) -> str | None:
        for el in _children(self.cmeta, "headline"):
            if self._headline_role(el) == role:
                return self.text(el)
        return None

    def _headline(self) -> str | None:
        headline = self._headline_of("main")
        if headline is None and not self.ours:
            return self.text(_child(self.meta, "title"))
        return headline

    def _kicker(self) -> str | None:
        return self._headline_of("kicker")

    def _subheadline(self) -> str | None:
        if not self.ours and (sub := self._headline_of("sub")) is not None:
            return sub
        for el in _children(self.cmeta, "description"):
            if self.ours:
                if DROL_SUMMARY in self.codes(el, "role", IPTC_SCHEMES["drol"]):
                    return self.text(el)
            elif not _role_parts(el) & DESCRIPTION_SKIPPED_ROLES:
                return self.text(el)  # a summary, or a description of no stated role
        return None

    def _joined(self, name: str) -> str | None:
        """A property given once or several times (by, creditline, slugline), as printed;
        ours once, exactly, unless derived."""
        if self.ours:
            return self.text(self._own(self.cmeta, name))
        found = _children(self.cmeta, name)
        values = [v for el in found if (v := self.text(el))]
        if not values:
            return None
        return (found[0].get("separator") or "-" if name == "slugline" else " ").join(values)

    def _genre(self) -> str | None:
        if self.ours:
            genre = _child(self.cmeta, "genre")
            return None if genre is None else (self.text(_child(genre, "name")) or _code_part(_key(genre)))
        for el in _children(self.cmeta, "genre"):
            name = self._first_name(el)
            value = name or el.get("qcode") or el.get("uri") or el.get("literal")
            if value:
                return value
        return None

    def _urgency(self) -> int | None:
        el = _child(self.cmeta, "urgency")
        value = self.text(el) if el is not None else None
        if value is None:
            return None
        if value.strip().isdigit() and 1 <= int(value) <= 9:
            return int(value)
        self.notes.append(f"urgency {value!r} is not a number from 1 to 9; left out")
        return None

    def _rights(self) -> dict[str, str | None] | None:
        info = _child(self.item, "rightsInfo")
        if info is None:
            return None
        holder_el = self._own(info, "copyrightHolder")
        holder = None
        if holder_el is not None and self.ours:
            holder = self.text(_child(holder_el, "name")) or holder_el.get("literal")
        elif holder_el is not None:
            holder = self._first_name(holder_el) or holder_el.get("literal") or _code_part(_key(holder_el))
        rights = {
            "holder": holder,
            "notice": self.text(self._own(info, "copyrightNotice")),
            "usage": self.text(_child(info, "usageTerms")),
        }
        rights = {k: v for k, v in rights.items() if v}
        return rights or None

    def _created(self) -> str | None:
        created = self.date(self._own(self.meta, "firstCreated"), "firstCreated")
        # Ours carry it only when it is the article's own; others' repeat the publication.
        return None if created == self._published() and not self.ours else created

    def _word_count(self) -> int | None:
        """The source's count on the rendition the body came from (inlineXML/@wordcount)."""
        value = (self.body_from.get("wordcount") or "").strip() if self.body_from is not None else ""
        return int(value) if value.isdigit() else None

    def _section(self) -> str | None:
        for el in _children(self.cmeta, "contentMetaExtProperty"):
            if self.code(el, "rel", SCHEMES["ngrel"]) == REL_SECTION:
                return el.get("value")
        return None

    def _topic(self, el: etree._Element) -> dict[str, str]:
        """A subject as a topic: its name, its code (QCode or literal), scheme and URI.

        In other providers' items a QCode of a known scheme also gives the concept's URI.
        """
        qcode = (el.get("qcode") or "").strip() or None
        literal = el.get("literal")
        code = el.get(ng("code")) or qcode or (literal if self.ours else (literal or "").strip() or None)
        alias = qcode.partition(":")[0] if qcode and ":" in qcode else None
        uri = (el.get("uri") or "").strip() or None
        if uri is None and qcode and alias and not self.ours and alias in self.schemes:
            candidate = self.schemes[alias] + qcode.partition(":")[2]
            uri = candidate if _URI.match(candidate) else None
        elif uri is not None and not _URI.match(uri):
            self.notes.append(f"subject uri {uri!r} is not an absolute URI; left out")
            uri = None
        scheme = el.get(ng("scheme"))
        topic = {
            "name": self._first_name(el),
            "code": code,
            "scheme": alias if scheme is None else scheme or None,
            "uri": uri,
        }
        if not (topic["name"] or code or uri):
            return {}
        return {k: v for k, v in topic.items() if v is not None}

    def _topics(self) -> list[dict[str, str]]:
        """Keywords (name-only topics) and subject topics, in document order."""
        topics: list[dict[str, str]] = []
        for el in self.cmeta if self.cmeta is not None else []:
            if el.tag == _tag("keyword"):
                value = self.text(el)
                topic = {"name": value} if value is not None else None
            else:
                topic = self.subject_topics.get(el)
            if topic is not None and (self.ours or (topic.get("name", "x") and topic not in topics)):
                topics.append(topic)
        return topics + [t for t in self.topics if t not in topics]

    def _language(self) -> str | None:
        language = _child(self.cmeta, "language")
        tag = language.get("tag") if language is not None else self.item.get(XML_LANG)
        if tag and _LANG.match(tag):
            return tag
        if tag:
            self.notes.append(f"language {tag!r} is not a BCP 47 tag; left out")
        return None

    def _published(self) -> str | None:
        value = self.date(_child(self.cmeta, "contentCreated"), "contentCreated")
        if value is None and not self.ours:
            value = self.date(_child(self.meta, "firstCreated"), "firstCreated")
        return value

    def _modified(self) -> str | None:
        value = self.date(_child(self.cmeta, "contentModified"), "contentModified")
        if value is None and not self.ours:
            # Another provider's versionCreated is when this version of its item was made.
            value = self.date(_child(self.meta, "versionCreated"), "versionCreated")
        return value

    def _url(self) -> str | None:
        for remote in _children(_child(self.item, "contentSet"), "remoteContent"):
            href = (remote.get("href") or "").strip()
            if (remote.get("contenttype") or "").startswith("text/html") and href:
                if _URI.match(href):
                    return href
                self.notes.append(f"remote content {href!r} is not an absolute URI; left out")
        return None

    def _media(self, item_class: str) -> list[dict[str, Any]]:
        media = []
        for link in _children(self.meta, "link"):
            kind = self.code(link, "rel", SCHEMES["ngmedia"])
            if kind is None:
                continue
            entry: dict[str, Any] = {"kind": kind}
            if link.get("href"):
                entry["url"] = link.get("href")
            for description in _children(link, "description"):
                entry["caption"] = self.text(description)
            credit = _child(link, "creditline")
            if credit is not None:
                entry["credit"] = self.text(credit)
            media.append(entry)
        prov = self.meta.find(ng("provenance")) if self.ours and self.meta is not None else None
        for el in [] if prov is None else prov.findall(ng("media")):
            # Our media without a target: kept beside the links, at their place in the list.
            entry = {"kind": el.get("kind", "image")}
            for description in _children(el, "description"):
                entry["caption"] = self.text(description)
            if _child(el, "creditline") is not None:
                entry["credit"] = self.text(_child(el, "creditline"))
            position = el.get("position", "")
            media.insert(int(position) if position.isdigit() else len(media), entry)
        if item_class in _MEDIA_CLASSES:
            media.append(self._media_item(_MEDIA_CLASSES[item_class]))
        return media

    def _media_item(self, kind: str) -> dict[str, Any]:
        """A picture, graphic, video or audio item: its content is the media."""
        entry: dict[str, Any] = {"kind": kind}
        for remote in _children(_child(self.item, "contentSet"), "remoteContent"):
            href = (remote.get("href") or "").strip()
            if href and _URI.match(href):
                entry["url"] = href
                break
        for description in _children(self.cmeta, "description"):
            if DROL_CAPTION in _role_parts(description):
                entry["caption"] = self.text(description)
        credit = _child(self.cmeta, "creditline")
        if credit is not None:
            entry["credit"] = self.text(credit)
        return entry

    def _own(self, parent: etree._Element | None, name: str) -> etree._Element | None:
        """A property the article holds itself: in our items, one not made from other fields."""
        el = _child(parent, name)
        return None if el is None or (self.ours and el.get(ng("derived"))) else el

    def _provenance(self) -> dict[str, Any] | None:
        if self.ours:
            el = self.meta.find(ng("provenance")) if self.meta is not None else None
            if el is None or el.get("absent") == "true":
                return None
            data: dict[str, Any] = {
                k: el.get(a)
                for k, a in (
                    ("source", "source"),
                    ("sha256", "sha256"),
                    ("reader", "reader"),
                    ("newsgraph_version", "newsgraph-version"),
                )
                if el.get(a) is not None
            }
            data["removed"] = [
                {
                    "text": r.text or "",
                    "reason": r.get("reason", ""),
                    **({"offset": int(r.get("offset", ""))} if (r.get("offset") or "").isdigit() else {}),
                }
                for r in el.findall(ng("removed"))
            ]
            data["notes"] = [n.text or "" for n in el.findall(ng("note"))]
            return data
        if self.data is not None:
            prov = provenance(self.data, "newsml", self.source)
        else:
            prov = Provenance(reader="newsml")
        return {**prov.model_dump(exclude_none=True), "notes": self.notes, "removed": self.removed}


def _children_any(parent: etree._Element | None) -> list[etree._Element]:
    return [] if parent is None else [el for el in parent if isinstance(el.tag, str)]


def _first_element(el: etree._Element) -> etree._Element | None:
    return next((child for child in el if isinstance(child.tag, str)), None)


def _role_parts(el: etree._Element) -> set[str]:
    """The last parts of an element's role codes, lower case ('descRole:caption' -> 'caption')."""
    return {r.rpartition(":")[2].casefold() for r in (el.get("role") or "").split()}


def _key(el: etree._Element) -> str | None:
    """What identifies the concept a property refers to."""
    return el.get("uri") or el.get("qcode") or el.get("literal") or None


def _code_part(key: str | None) -> str | None:
    if not key:
        return None
    code = key.rpartition(":")[2] if not key.startswith(("http:", "https:")) else key
    return code.strip() or None


def _number(value: str | None) -> float | str | None:
    """A float, or the text itself so that the model names what is wrong with it."""
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return value


def _span(value: str) -> dict[str, Any] | None:
    """'3:10:24' (a body paragraph), or 'headline:0:0:13' (a span outside the body)."""
    parts = value.split(":")
    where: dict[str, Any] = {}
    if len(parts) == 4 and parts[0] in SPAN_PARTS:
        where["part"] = parts.pop(0)
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return {**where, "paragraph": int(parts[0]), "start": int(parts[1]), "end": int(parts[2])}
    return None
