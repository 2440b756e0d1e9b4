"""NewsML-G2 2.35: one Article as a ``newsItem``, many as one ``newsMessage``.

Everything the model holds is carried, so that reading the item back gives the same
Article (see :mod:`newsgraph.readers.newsml`):

- itemMeta: ``ninat:text``, the publisher as ``provider``, dates, title, generator,
  associated media as ``link``s; provenance in an ``ng:provenance`` extension element;
- contentMeta: ``contentCreated``/``contentModified``, authors as ``creator``, credited
  agencies as ``infoSource``, language, topics as ``keyword`` (or ``subject`` with their
  code and URI), one ``subject`` per actor,
  place and event (``cpnat:`` natures), headline and kicker, dateline, the standfirst as
  ``description role="drol:summary"``, the section as an extension property;
- one ``assert`` per actor, place and event with its details (names, titles,
  affiliation, identifiers as ``sameAs``, event dates, status, place, participants);
- one ``partMeta`` per quote (kind, speaker as the part's ``creator``, text, cue, ...);
- the body as NITF in ``inlineXML``: ``<p>``/``<hl2>``/``<bq>``/``<ul>``/``<note>`` by
  paragraph role, with ``<person>``, ``<org>``, ``<location>``, ``<event>`` and ``<q>``
  around every mention and quote span.

Output is deterministic. The one value the model cannot supply, ``versionCreated`` of
an article without any date (and ``sent`` of a newsMessage), is the export time, read
from ``$SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

from lxml import etree

from .. import version
from ..errors import ExportError, UsageError
from ..inline import Element as MarkNode
from ..inline import Mark, Node, nest, to_elements
from ..model import FORBIDDEN_CHARACTERS, Actor, Article, Event, Media, Paragraph, Place, Quote, Span, Topic
from ..newsml_terms import (
    REL_SPAN,
    CPNAT_EVENT,
    CPNAT_OF_ACTOR,
    CPNAT_OF_PLACE,
    CPNAT_OF_PLACE_DEFAULT,
    DROL_CAPTION,
    DROL_SUMMARY,
    GENDER_URIS,
    IPTC_CATALOG,
    IPTC_CATALOG_ALIASES,
    NAR,
    NG,
    NITF,
    NITF_MEDIA_TYPE,
    NITF_TAG_EVENT,
    NITF_TAG_OF_ACTOR,
    NITF_TAG_PLACE,
    NITF_TAG_QUOTE,
    NOT_NORMALIZED,
    QCODE_IDENTIFIERS,
    QCODE_RE,
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
    SCHEME_NAMES,
    SCHEMES,
    STANDARD,
    STANDARD_VERSION,
    XML_LANG,
    XML_SPACE,
    nar,
    ng,
    nitf,
)
from .base import ExportOptions

# A newsMessage is streamed item by item (memory stays flat however many articles): its
# chunks are not documents, so render_many validates each item, as a message of its own.
VALIDATE_CHUNKS = False

_NSMAP = {None: NAR, "ng": NG}


class _Tags(dict[str, str]):
    """Qualified tag names, made once: building them is a measurable part of an export."""

    def __init__(self, qualify: Callable[[str], str]) -> None:
        super().__init__()
        self.qualify = qualify

    def __missing__(self, name: str) -> str:
        tag = self[name] = self.qualify(name)
        return tag


_NAR = _Tags(nar)
_NITF = _Tags(nitf)
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SubElement = etree.SubElement

# Elements whose content is text with inline markup: never indented.
_TEXT_BLOCKS = frozenset({_NITF["p"], _NITF["hl2"], _NITF["li"]})


# --- entry points -------------------------------------------------------------------


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    """One article as a NewsML-G2 newsItem document."""
    return serialize(_checked_item(article, options), pretty=options.pretty)


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    """Many articles as one newsMessage, streamed: the bytes of the message built whole, but
    one item at a time in memory. Each item is serialized (and validated) as a message of
    one item, whose text around the item is the same for every item. Sent: the clock when
    --timestamp asks for it, else the first item's version time (the same input, the same
    bytes; a streamed message cannot wait for its last item to say when it was sent)."""
    sent: str | None = None
    tail = ""
    for n, article in enumerate(articles):
        item = _checked_item(article, options)
        if sent is None:
            stamp = next(item.iter(_NAR["versionCreated"]), None)
            sent = export_time(options.timestamp) if options.timestamp or stamp is None else stamp.text or ""
        message = etree.Element(_NAR["newsMessage"], nsmap=_NSMAP)
        header = _SubElement(message, _NAR["header"])
        _SubElement(header, _NAR["sent"]).text = sent
        _SubElement(message, _NAR["itemSet"]).append(item)
        text = serialize(message, pretty=options.pretty)
        if options.validate:
            from .. import formats
            from .base import check

            check(formats.get("newsml"), text, options, article.provenance.source if article.provenance else None)
        start, end = text.index("<newsItem"), text.rindex("</newsItem>") + len("</newsItem>")
        # Between items, what precedes the first: its indentation (pretty) or nothing.
        lead = text[text.rindex(">", 0, start) + 1 : start]
        yield (text[:start] if n == 0 else lead) + text[start:end]
        tail = text[end:]
    if tail:  # a message needs at least one item; no articles, no document
        yield tail


def serialize(root: etree._Element, *, pretty: bool = True) -> str:
    if pretty:
        # lxml indents the metadata (fast, in C) but would also put white space into
        # paragraphs whose text starts with markup; the bodies are set aside meanwhile.
        bodies = [(inline, inline[0]) for inline in root.iter(_NAR["inlineXML"]) if len(inline)]
        for inline, doc in bodies:
            inline.remove(doc)
        etree.indent(root)
        for inline, doc in bodies:
            level = sum(1 for _ in inline.iterancestors())
            inline.text = "\n" + "  " * (level + 1)
            inline.append(doc)
            doc.tail = "\n" + "  " * level
            _indent(doc, level + 1)
    return _DECLARATION + etree.tostring(root, encoding="unicode") + "\n"


def _checked_item(article: Article, options: ExportOptions) -> etree._Element:
    try:
        return news_item(article, options)
    except ValueError as err:
        # lxml refuses characters XML 1.0 cannot carry (NUL, most control characters).
        bad = next(
            (m.group() for text in _strings(article.model_dump()) if (m := FORBIDDEN_CHARACTERS.search(text))), None
        )
        what = f"the character U+{ord(bad):04X}" if bad else "a character"
        raise ExportError(
            f"the article holds {what}, which XML 1.0 cannot carry ({err})",
            "remove control characters from the input and convert again",
            source=article.provenance.source if article.provenance else None,
        ) from None


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


# --- the clock and dates ---------------------------------------------------------


def export_time(timestamp: str | None) -> str:
    """The version time of an undated item, as an xs:dateTime in UTC.

    None: ``$SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention), else the
    Unix epoch, so that the same input gives the same bytes. ``"now"``: the clock (or
    ``$SOURCE_DATE_EPOCH``). Anything else: an ISO 8601 date-time given by the user.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if timestamp not in (None, "now"):
        assert timestamp is not None
        if not _ISO.match(timestamp) or "T" not in timestamp:
            raise UsageError(
                f"--timestamp {timestamp!r} is not an ISO 8601 date-time",
                "write --timestamp now or e.g. --timestamp 2025-03-03T12:00:00Z",
            )
        return zoned(timestamp)
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time", "set it to whole seconds since 1970, or unset it"
            ) from None
    elif timestamp == "now":
        moment = datetime.now(timezone.utc).replace(microsecond=0)
    else:
        moment = datetime.fromtimestamp(0, timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_MAX_ZONE_MINUTES = 14 * 60  # xs:dateTime time zones stop at +/-14:00


def xsd_date(value: str) -> str:
    """The model's ISO 8601 text as an xs:date or xs:dateTime (seconds and zone colon added)."""
    match = _ISO.match(value)
    if not match:  # the model guarantees the shape; keep anything else visible
        return value
    day, hours_minutes, seconds, zone = match.groups()
    if hours_minutes is None:
        return day
    text = f"{day}T{hours_minutes}{seconds or ':00'}"
    if zone and zone != "Z":
        hh, mm = int(zone[1:3]), int(zone[-2:])
        zone = f"{zone[0]}{zone[1:3]}:{zone[-2:]}"
        if hh * 60 + mm > _MAX_ZONE_MINUTES:  # the same instant, in UTC
            moment = datetime.fromisoformat(text + zone).astimezone(timezone.utc)
            return moment.isoformat().replace("+00:00", "Z")
    return text + (zone or "")


def zoned(value: str) -> str:
    """A model date as the zoned xs:dateTime item times need (firstCreated, versionCreated...).

    The documented rule for what the model leaves open: a date alone is midnight UTC, a
    time without a zone is UTC. (The exact text travels in ng:value.)
    """
    text = xsd_date(value)
    if "T" not in text:
        return text + "T00:00:00Z"
    return text if _ZONE.search(text) else text + "Z"


_ZONE = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


def _stamp(parent: etree._Element, tag: str, value: str, derived: str | None = None) -> etree._Element:
    """An item time (zoned); ``derived`` names the model field it was taken from, if not its own."""
    el = _SubElement(parent, _NAR[tag])
    el.text = zoned(value)
    if el.text != value:
        el.set(ng("value"), value)
    if derived:
        el.set(ng("derived"), derived)
    return el


def _date(parent: etree._Element, tag: str, value: str) -> etree._Element:
    """A date property holding a model date: the XSD's form, and the exact text if it differs."""
    el = _SubElement(parent, _NAR[tag])
    el.text = xsd_date(value)
    if el.text != value:
        el.set(ng("value"), value)  # the exact text as the model holds it
    return el


# --- small builders --------------------------------------------------------------


def _text(
    parent: etree._Element, tag: str, value: str, attrib: dict[str, str] | None = None, *, normalized: bool = False
) -> etree._Element:
    """A text element; ``normalized`` types (g2normalizedString) get an exact ng:value when needed."""
    el = _SubElement(parent, tag, attrib or {})
    if normalized and NOT_NORMALIZED.search(value):
        el.text = NOT_NORMALIZED.sub(" ", value)
        el.set(ng("value"), value)
    else:
        el.text = value
    return el


def _name(parent: etree._Element, value: str, role: str | None = None) -> etree._Element:
    return _text(parent, _NAR["name"], value, {"role": role} if role else None, normalized=True)


def _party(parent: etree._Element, tag: str, actor: Actor) -> etree._Element:
    el = _SubElement(parent, _NAR[tag], {"uri": actor.id})
    _name(el, actor.name)
    return el


def _ext(
    parent: etree._Element,
    tag: str,
    rel: str,
    *,
    value: str | None = None,
    uri: str | None = None,
    qcode: str | None = None,
) -> etree._Element:
    attrib = {"rel": f"ngrel:{rel}"}
    if qcode is not None:
        attrib["qcode"] = qcode
    if uri is not None:
        attrib["uri"] = uri
    if value is not None:
        attrib["value"] = value
    return _SubElement(parent, _NAR[tag], attrib)


def _confidence(el: etree._Element, confidence: float) -> None:
    """IPTC's confidence is a whole percentage; the exact value goes in ng:confidence."""
    percent = round(confidence * 100)
    el.set("confidence", str(percent))
    if percent / 100 != confidence:
        el.set(ng("confidence"), repr(confidence))


# --- the item ----------------------------------------------------------------------


def news_item(article: Article, options: ExportOptions = ExportOptions()) -> etree._Element:
    """The newsItem element of one article."""
    item = etree.Element(_NAR["newsItem"], nsmap=_NSMAP)
    item.set("guid", article.id)
    item.set("version", "1")
    item.set("standard", STANDARD)
    item.set("standardversion", STANDARD_VERSION)
    item.set("conformance", "power")
    if article.language:
        item.set(XML_LANG, article.language)
    _SubElement(item, _NAR["catalogRef"], {"href": IPTC_CATALOG})
    _catalog(item, _topic_schemes(article))
    _rights_info(item, article, options)
    _item_meta(item, article, options)
    _content_meta(item, article)
    for quote in article.quotes:
        _part_meta(item, article, quote)
    for actor in article.actors:
        _actor_assert(item, article, actor)
    for place in article.places:
        _place_assert(item, place)
    for event in article.events:
        _event_assert(item, article, event)
    _content_set(item, article)
    return item


def _catalog(item: etree._Element, topic_schemes: dict[str, str]) -> None:
    catalog = _SubElement(item, _NAR["catalog"])
    _SubElement(catalog, _NAR["title"]).text = "newsgraph schemes"
    for alias, uri in SCHEMES.items():
        scheme = _SubElement(catalog, _NAR["scheme"], {"alias": alias, "uri": uri})
        _SubElement(scheme, _NAR["name"]).text = SCHEME_NAMES[alias]
    for alias, uri in topic_schemes.items():
        _SubElement(catalog, _NAR["scheme"], {"alias": alias, "uri": uri})


def _topic_schemes(article: Article) -> dict[str, str]:
    """The schemes of topic codes outside IPTC's catalog whose URI the topic's own URI
    gives (``uri`` = scheme URI + code): declared, so that their codes can be QCodes."""
    found: dict[str, str] = {}
    for topic in article.topics:
        if topic.code is None or topic.uri is None or not QCODE_RE.match(topic.code):
            continue
        alias, _, value = topic.code.partition(":")
        if alias in IPTC_CATALOG_ALIASES or alias in SCHEMES or alias in found:
            continue
        if topic.uri.endswith(value) and len(topic.uri) > len(value):
            found[alias] = topic.uri[: -len(value)]
    return found


def _rights_info(item: etree._Element, article: Article, options: ExportOptions) -> None:
    """rightsInfo: the holder (the article's, else the publisher), the notice (the article's,
    else --copyright) and the usage terms."""
    rights = article.rights
    publisher = article.actor(article.publisher) if article.publisher else None
    holder = rights.holder if rights and rights.holder else None
    notice = rights.notice if rights and rights.notice else None
    usage = rights.usage if rights else None
    if holder is None and publisher is None and notice is None and usage is None and not options.copyright:
        return
    info = _SubElement(item, _NAR["rightsInfo"])
    if holder is not None:
        _name(_SubElement(info, _NAR["copyrightHolder"], {"literal": _literal(holder)}), holder)
    elif publisher is not None:
        el = _SubElement(info, _NAR["copyrightHolder"], {"uri": publisher.id, ng("derived"): "publisher"})
        _name(el, publisher.name)
    if notice is not None:
        _text(info, _NAR["copyrightNotice"], notice)
    elif options.copyright:
        _text(info, _NAR["copyrightNotice"], options.copyright, {ng("derived"): "option"})
    if usage is not None:
        _text(info, _NAR["usageTerms"], usage)


def _literal(value: str) -> str:
    # A literal is an xs:token-like code: the name, its white space collapsed.
    return " ".join(value.split())


def _item_meta(item: etree._Element, article: Article, options: ExportOptions) -> None:
    meta = _SubElement(item, _NAR["itemMeta"])
    _SubElement(meta, _NAR["itemClass"], {"qcode": "ninat:text"})
    publisher = article.actor(article.publisher) if article.publisher else None
    if publisher is not None:
        _party(meta, "provider", publisher)
    else:
        # provider is required; with no publisher known, the party that made this item.
        _name(_SubElement(meta, _NAR["provider"], {"literal": "newsgraph"}), "newsgraph")
    # The item's version time: the article's newest date; an undated article's is fixed
    # (see export_time), so that the same input gives the same bytes.
    for value, field in (
        (article.modified, "modified"),
        (article.published, "published"),
        (article.created, "created"),
    ):
        if value:
            _stamp(meta, "versionCreated", value, field)
            break
    else:
        _stamp(meta, "versionCreated", export_time(options.timestamp), "none")
    if article.created:
        _stamp(meta, "firstCreated", article.created)
    elif article.published:
        _stamp(meta, "firstCreated", article.published, "published")
    if article.embargoed:
        _stamp(meta, "embargoed", article.embargoed)
    _SubElement(meta, _NAR["pubStatus"], {"qcode": "stat:usable"})
    _SubElement(meta, _NAR["generator"], {"versioninfo": version.__version__}).text = "newsgraph"
    if article.headline:
        _text(meta, _NAR["title"], article.headline)
    for media in article.media:
        if media.url:  # a link needs a target; media without one go in ng:media below
            _media_link(_SubElement(meta, _NAR["link"], {"rel": f"ngmedia:{media.kind}", "href": media.url}), media)
    if article.provenance is not None or any(m.url is None for m in article.media):
        _provenance(meta, article)


def _media_link(link: etree._Element, media: Media) -> None:
    if media.caption is not None:
        _text(link, _NAR["description"], media.caption, {"role": f"drol:{DROL_CAPTION}"})
    if media.credit is not None:
        _text(link, _NAR["creditline"], media.credit, normalized=True)


def _provenance(meta: etree._Element, article: Article) -> None:
    prov = article.provenance
    el = _SubElement(meta, ng("provenance"))
    if prov is None:
        el.set("absent", "true")  # only here to hold media without a target
    else:
        for attr, value in (
            ("source", prov.source),
            ("sha256", prov.sha256),
            ("reader", prov.reader),
            ("newsgraph-version", prov.newsgraph_version),
        ):
            if value is not None:
                el.set(attr, value)
        for removed in prov.removed:
            r = _SubElement(el, ng("removed"), {"reason": removed.reason})
            if removed.offset is not None:
                r.set("offset", str(removed.offset))
            r.text = removed.text
        for note in prov.notes:
            _SubElement(el, ng("note")).text = note
    for position, media in enumerate(article.media):
        if media.url is None:
            # No link without a target (IPTC: a link has an href or a residref).
            _media_link(_SubElement(el, ng("media"), {"kind": media.kind, "position": str(position)}), media)


def _content_meta(item: etree._Element, article: Article) -> None:
    meta = _SubElement(item, _NAR["contentMeta"])
    if article.urgency is not None:
        _SubElement(meta, _NAR["urgency"]).text = str(article.urgency)
    if article.published:
        _date(meta, "contentCreated", article.published)
    if article.modified:
        _date(meta, "contentModified", article.modified)
    located = _dateline_place(article)
    if located is not None:
        el = _SubElement(meta, _NAR["located"], {"type": f"cpnat:{_place_nature(located)}", "uri": located.id})
        _name(el, located.name)
    for ref in article.sources:
        _party(meta, "infoSource", _actor(article, ref))
    for ref in article.authors:
        _party(meta, "creator", _actor(article, ref))
    if article.language:
        _SubElement(meta, _NAR["language"], {"tag": article.language})
    if article.genre is not None:
        _name(_SubElement(meta, _NAR["genre"], {"literal": _literal(article.genre)}), article.genre)
    for topic in article.topics:
        _topic(meta, topic)
    _subjects(meta, article)
    if article.slugline is not None:
        _text(meta, _NAR["slugline"], article.slugline, normalized=True)
    if article.headline is not None:
        _text(meta, _NAR["headline"], article.headline)
    if article.kicker is not None:
        _text(meta, _NAR["headline"], article.kicker, {"role": f"ngrole:{ROLE_KICKER}"})
    if article.dateline is not None:
        _text(meta, _NAR["dateline"], article.dateline)
    _credits(meta, article)
    if article.subheadline is not None:
        _text(meta, _NAR["description"], article.subheadline, {"role": f"drol:{DROL_SUMMARY}"})
    if article.section is not None:
        _ext(meta, "contentMetaExtProperty", REL_SECTION, value=article.section)


def _subjects(meta: etree._Element, article: Article) -> None:
    """What the story is about: never a credited party (author, publisher, agency) it does
    not mention, never an agency or publisher at all, never a generic group ("reporters")."""
    agencies = set(article.sources) | ({article.publisher} if article.publisher else set())
    for actor in article.actors:
        if actor.kind == "group" or actor.id in agencies:
            continue
        if actor.mentions or actor.id not in article.authors:
            subject = _SubElement(
                meta, _NAR["subject"], {"type": f"cpnat:{CPNAT_OF_ACTOR[actor.kind]}", "uri": actor.id}
            )
            _name(subject, actor.name)
    for place in article.places:
        subject = _SubElement(meta, _NAR["subject"], {"type": f"cpnat:{_place_nature(place)}", "uri": place.id})
        _name(subject, place.name)
    for event in article.events:
        subject = _SubElement(meta, _NAR["subject"], {"type": f"cpnat:{CPNAT_EVENT}", "uri": event.id})
        if event.confidence != 1.0:
            _confidence(subject, event.confidence)
        _name(subject, event.label)


def _credits(meta: etree._Element, article: Article) -> None:
    """by (the byline, else the authors' names) and creditline (as printed, else the
    credited agencies); a value made from other fields is marked ng:derived."""
    if article.byline is not None:
        _text(meta, _NAR["by"], article.byline)
    elif article.authors:
        names = [_actor(article, ref).name for ref in article.authors]
        _text(meta, _NAR["by"], join_names(names), {ng("derived"): "authors"})
    if article.creditline is not None:
        _text(meta, _NAR["creditline"], article.creditline, normalized=True)
    elif article.sources:
        names = [_actor(article, ref).name for ref in article.sources]
        _text(meta, _NAR["creditline"], join_names(names), {ng("derived"): "sources"}, normalized=True)


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C': names as a byline prints them."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _dateline_place(article: Article) -> Place | None:
    """The place the dateline names first ('OTTAWA, March 3 (Reuters)' -> Ottawa)."""
    if not article.dateline:
        return None
    head = article.dateline.casefold()
    found = [
        (head.find(name.casefold()), place)
        for place in article.places
        for name in (place.name, *place.aliases)
        if name.casefold() in head
    ]
    return min(found, key=lambda t: t[0])[1] if found else None


def _actor(article: Article, ref: str) -> Actor:
    actor = article.actor(ref)
    assert actor is not None, ref  # the model guarantees every reference resolves
    return actor


def _place_nature(place: Place) -> str:
    return CPNAT_OF_PLACE.get(place.kind, CPNAT_OF_PLACE_DEFAULT)


# --- quotes ---------------------------------------------------------------------------


def _part_meta(item: etree._Element, article: Article, quote: Quote) -> None:
    part = _SubElement(item, _NAR["partMeta"], {ng("quote"): quote.id})
    _SubElement(part, _NAR["role"], {"qcode": f"ngquote:{quote.kind}"})
    if quote.speaker:
        _party(part, "creator", _actor(article, quote.speaker))
    _text(part, _NAR["description"], quote.text, {"role": f"ngrole:{ROLE_QUOTE_TEXT}"})
    ext = "partMetaExtProperty"
    if quote.cue is not None:
        _ext(part, ext, REL_CUE, value=quote.cue)
    if quote.addressee:
        _ext(part, ext, REL_ADDRESSEE, uri=quote.addressee)
    if quote.via:
        _ext(part, ext, REL_VIA, uri=quote.via)
    if quote.event:
        _ext(part, ext, REL_EVENT, uri=quote.event)
    if quote.speaker_mention is not None:
        _ext(part, ext, REL_SPEAKER_MENTION, value=_span_value(quote.speaker_mention))
    if quote.via_mention is not None:
        _ext(part, ext, REL_VIA_MENTION, value=_span_value(quote.via_mention))
    # Spans in the headline or standfirst: those stay plain text (the IPTC NewsML-G2
    # library reads a headline with inline markup as its text before the first child).
    for s in quote.spans:
        if not s.in_body:
            _ext(part, ext, REL_SPAN, value=_span_value(s))
    if quote.confidence != 1.0:
        _ext(part, ext, REL_CONFIDENCE, value=repr(quote.confidence))


def _span_value(s: Span) -> str:
    """'3:10:24' in body paragraph 3; 'headline:0:0:13' in the headline."""
    where = f"{s.part}:" if s.part is not None else ""
    return f"{where}{s.paragraph}:{s.start}:{s.end}"


# --- asserts: the details of actors, places and events --------------------------------


def _topic(meta: etree._Element, topic: Topic) -> None:
    """A name-only topic as a ``keyword``; one with a code or URI as a ``subject`` keeping
    them (the code as ``qcode``, or ``literal`` when it is not one; the scheme in
    ``ng:scheme`` where the qcode's alias does not say it)."""
    if topic.code is None and topic.uri is None:
        if topic.name:
            _text(meta, _NAR["keyword"], topic.name, normalized=True)
        return
    attrib = {"type": "cpnat:abstract"}
    alias = None
    if topic.code is not None and QCODE_RE.match(topic.code) and _declared(topic.code, topic.uri):
        attrib["qcode"], alias = topic.code, topic.code.partition(":")[0]
    elif topic.code is not None:
        attrib["literal"] = NOT_NORMALIZED.sub(" ", topic.code)
        if attrib["literal"] != topic.code:
            attrib[ng("code")] = topic.code
    if topic.uri is not None:
        attrib["uri"] = topic.uri
    if topic.scheme != alias:
        attrib[ng("scheme")] = topic.scheme or ""
    subject = _SubElement(meta, _NAR["subject"], attrib)
    if topic.name is not None:
        _name(subject, topic.name)


def _declared(qcode: str, uri: str | None) -> bool:
    """Whether a QCode's alias is in IPTC's catalog or declared by :func:`_topic_schemes`."""
    alias, _, value = qcode.partition(":")
    if alias in SCHEMES:
        return False  # newsgraph's own aliases mean newsgraph's concepts
    return alias in IPTC_CATALOG_ALIASES or (uri is not None and uri.endswith(value) and len(uri) > len(value))


def _names(el: etree._Element, name: str, aliases: list[str]) -> None:
    _name(el, name)
    for alias in aliases:
        _name(el, alias, f"ngrole:{ROLE_ALIAS}")


def _identifiers(el: etree._Element, identifiers: dict[str, str]) -> None:
    for key, value in identifiers.items():
        if key in QCODE_IDENTIFIERS and QCODE_RE.match(f"{key}:{value}"):
            _SubElement(el, _NAR["sameAs"], {"qcode": f"{key}:{value}"})
            continue
        same = _SubElement(el, _NAR["sameAs"], {ng("key"): key})
        if NOT_NORMALIZED.search(value):
            same.set(ng("value"), value)
        else:
            same.set("literal", value)


def _actor_assert(item: etree._Element, article: Article, actor: Actor) -> None:
    el = _SubElement(item, _NAR["assert"], {"uri": actor.id})
    _SubElement(el, _NAR["type"], {"qcode": f"ngactor:{actor.kind}"})
    _names(el, actor.name, actor.aliases)
    if actor.description is not None:
        _text(el, _NAR["definition"], actor.description)
    for title in actor.titles:
        related = _SubElement(el, _NAR["related"], {"rel": f"ngrel:{REL_TITLE}"})
        _name(related, title)
    if actor.gender:
        _SubElement(el, _NAR["related"], {"rel": f"ngrel:{REL_GENDER}", "uri": GENDER_URIS[actor.gender]})
    _identifiers(el, actor.identifiers)
    if actor.affiliation:
        affiliation = _actor(article, actor.affiliation)
        details = {
            "person": "personDetails",
            "organization": "organisationDetails",
            "group": "organisationDetails",
        }.get(actor.kind)
        if details:
            holder = _SubElement(el, _NAR[details])
            _party(holder, "affiliation", affiliation)
        else:  # a country: geoArea details have no affiliation
            related = _SubElement(el, _NAR["related"], {"rel": f"ngrel:{REL_AFFILIATION}", "uri": affiliation.id})
            _name(related, affiliation.name)


def _place_assert(item: etree._Element, place: Place) -> None:
    el = _SubElement(item, _NAR["assert"], {"uri": place.id})
    _SubElement(el, _NAR["type"], {"qcode": f"ngplace:{place.kind}"})
    _names(el, place.name, place.aliases)
    if place.country is not None:
        broader = _SubElement(el, _NAR["broader"], {"type": "ngplace:country"})
        _name(broader, place.country)
    _identifiers(el, place.identifiers)


def _event_assert(item: etree._Element, article: Article, event: Event) -> None:
    el = _SubElement(item, _NAR["assert"], {"uri": event.id})
    _SubElement(el, _NAR["type"], {"qcode": f"ngevent:{event.kind}"})
    _name(el, event.label)
    place = article.place(event.location) if event.location else None
    participants = [_actor(article, ref) for ref in event.participants]
    date = event.date
    if date is not None and date.start:
        # eventDetails needs a start date; events without one use related properties.
        details = _SubElement(el, _NAR["eventDetails"])
        dates = _SubElement(details, _NAR["dates"])
        start = _date(dates, "start", date.start)
        if date.text is not None:
            start.set(ng("text"), date.text)
        if date.precision is not None:
            start.set(ng("precision"), date.precision)
        if date.end:
            _date(dates, "end", date.end)
        _SubElement(details, _NAR["eventStatus"], {"qcode": f"ngstatus:{event.status}"})
        if place is not None:
            location = _SubElement(details, _NAR["location"], {"uri": place.id})
            _name(location, place.name)
        for actor in participants:
            _party(details, "participant", actor)
        return
    _SubElement(el, _NAR["related"], {"rel": f"ngrel:{REL_STATUS}", "qcode": f"ngstatus:{event.status}"})
    if place is not None:
        related = _SubElement(el, _NAR["related"], {"rel": f"ngrel:{REL_LOCATION}", "uri": place.id})
        _name(related, place.name)
    for actor in participants:
        related = _SubElement(el, _NAR["related"], {"rel": f"ngrel:{REL_PARTICIPANT}", "uri": actor.id})
        _name(related, actor.name)
    if date is not None:
        # A date known only as written ("next month"), or by its end: no NewsML-G2 home.
        ng_date = _SubElement(el, ng("date"))
        for attr, value in (("end", date.end), ("text", date.text), ("precision", date.precision)):
            if value is not None:
                ng_date.set(attr, value)


# --- the body -----------------------------------------------------------------------


def _content_set(item: etree._Element, article: Article) -> None:
    content_set = _SubElement(item, _NAR["contentSet"])
    inline = _SubElement(content_set, _NAR["inlineXML"], {"contenttype": NITF_MEDIA_TYPE})
    if article.word_count is not None:  # the source's count, as it stated it
        inline.set("wordcount", str(article.word_count))
    inline.append(nitf_body(article))
    if article.url:
        _SubElement(
            content_set,
            _NAR["remoteContent"],
            {"href": article.url, "contenttype": "text/html", "rendition": "rnd:web"},
        )


def nitf_body(article: Article) -> etree._Element:
    """The NITF document of the body, with every mention and quote span marked."""
    doc = etree.Element(_NITF["nitf"], nsmap={None: NITF})
    body = _SubElement(doc, _NITF["body"])
    # Paragraphs inside one <block>, as agencies write NITF (and as Superdesk reads it).
    content = _SubElement(_SubElement(body, _NITF["body.content"], {XML_SPACE: "preserve"}), _NITF["block"])
    marks = _marks(article)
    context = _MarkContext(article)
    group: etree._Element | None = None
    group_role: str | None = None
    for index, paragraph in enumerate(article.body):
        role = paragraph.role
        if role == "body":
            block = _SubElement(content, _NITF["p"])
        elif role == "subheading":
            block = _SubElement(content, _NITF["hl2"])
        else:
            if role != group_role or group is None:
                group = _open_group(content, role)
            block = _SubElement(group, _NITF["li" if role == "list_item" else "p"])
        group_role = role
        _fill(block, paragraph, marks.get(index, []), context)
    return doc


def _open_group(content: etree._Element, role: str) -> etree._Element:
    """The element that holds a run of paragraphs of one role: bq/block, ul, note/body.content."""
    if role == "blockquote":
        return _SubElement(_SubElement(content, _NITF["bq"]), _NITF["block"])
    if role == "list_item":
        return _SubElement(content, _NITF["ul"])
    return _SubElement(_SubElement(content, _NITF["note"]), _NITF["body.content"])  # "note"


def _marks(article: Article) -> dict[int, list[Mark]]:
    spans: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for actor in article.actors:
        tag = NITF_TAG_OF_ACTOR[actor.kind]
        for s in actor.mentions:
            spans[s.paragraph].append((s.start, s.end, tag, actor.id))
    for place in article.places:
        for s in place.mentions:
            spans[s.paragraph].append((s.start, s.end, NITF_TAG_PLACE, place.id))
    for event in article.events:
        for s in event.mentions:
            spans[s.paragraph].append((s.start, s.end, NITF_TAG_EVENT, event.id))
    for quote in article.quotes:
        for s in quote.spans:
            if s.in_body:  # headline spans travel in the quote's partMeta (_part_meta)
                spans[s.paragraph].append((s.start, s.end, NITF_TAG_QUOTE, quote.id))
    return {
        p: [Mark(start, end, tag, ref, key) for key, (start, end, tag, ref) in enumerate(items)]
        for p, items in spans.items()
    }


class _MarkContext:
    """What the inline elements need to know about the things they mark."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.quotes = {q.id: q for q in article.quotes}
        self.events = {e.id: e for e in article.events}
        self.split: set[int] = set()

    def make(self, parent: etree._Element, node: MarkNode) -> etree._Element:
        mark = node.mark
        assert mark.ref is not None
        el = _SubElement(parent, _NITF[mark.kind])
        if mark.kind == NITF_TAG_QUOTE:
            el.set(ng("quote"), mark.ref)
            speaker = self.quotes[mark.ref].speaker
            if speaker:
                el.set("quote-source", _actor(self.article, speaker).name)
                el.set(ng("speaker"), speaker)
        elif mark.kind == "location":
            el.set("location-code", mark.ref)
        else:
            el.set("value", mark.ref)
            event = self.events.get(mark.ref)
            if event is not None and event.date is not None:
                if event.date.start:
                    el.set("start-date", event.date.start)
                if event.date.end:
                    el.set("end-date", event.date.end)
        if mark.key in self.split:
            # The pieces of a mark split where it crosses another share this number.
            el.set(ng("part"), str(mark.key))
        return el


def _fill(block: etree._Element, paragraph: Paragraph, marks: list[Mark], context: _MarkContext) -> None:
    if paragraph.offset is not None:
        block.set(ng("offset"), str(paragraph.offset))
    if not marks:
        block.text = paragraph.text
        return
    nodes = nest(paragraph.text, marks)
    context.split = _split_keys(nodes)
    to_elements(block, nodes, context.make)


def _split_keys(nodes: list[Node]) -> set[int]:
    keys: set[int] = set()
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            continue
        if node.continued:
            keys.add(node.mark.key)
        stack.extend(node.children)
    return keys


# --- layout ---------------------------------------------------------------------------


def _indent(el: etree._Element, level: int) -> None:
    """Indent element-only content; text blocks keep their exact characters."""
    if len(el) == 0 or el.tag in _TEXT_BLOCKS or not isinstance(el.tag, str):
        return
    inner = "\n" + "  " * (level + 1)
    el.text = inner
    child = None
    for child in el:
        _indent(child, level + 1)
        child.tail = inner
    assert child is not None
    child.tail = "\n" + "  " * level
