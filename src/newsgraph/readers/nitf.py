"""Standalone NITF 3.x (with or without its namespace) -> one Article.

What agencies put where (AP, AAP, PA, Canadian Press, NTB, Ritzau, IPTC's sample):

- ``head``: ``title`` (the headline when the body has none), ``meta`` (an
  ``anpa-keyword``/``slugline`` is the slugline), ``tobject.subject`` (IPTC subject codes
  become topics with their code), ``docdata``: ``doc-id`` (the id), ``date.issue`` (published),
  ``date.release`` (embargoed, when later), ``urgency``, ``key-list`` (topics),
  ``identified-content`` (people, organisations, places, classifiers), ``doc.copyright``
  (rights), ``management-status`` (said in provenance);
- ``body.head``: ``hedline`` (``hl1`` headline, ``hl2`` subheadline), ``byline`` (as printed,
  each person of its ``person`` an author, its ``byttl`` a source when it names an outlet),
  ``distributor`` (credit line; a source when it names an outlet), ``dateline``, ``abstract``;
- ``body.content``: paragraphs with inline people, organisations, places and quotes
  (see :mod:`newsgraph.readers.newsml_body`); ``body.end``/``tagline`` as a note.

NewsML 1.x items carry NITF too: :func:`article_data` reads an ``nitf`` element for them.
A document with no body text is an error, never an empty article.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from lxml import etree
from pydantic import ValidationError

from ..errors import InputError, ModelError
from ..model import Article, format_validation_error, local_id, mint_article_id, mint_id
from ..xmlsafe import collapsed_text, local_name, parse
from ..lexicon import outlets
from ..lexicon.bylines import split_people
from .base import ReadOptions, Sanitiser, apply_options, prepare_xml, provenance, sanitise_xml
from . import datestamps
from .newsml_body import QUOTE, BodyParagraph, body_paragraphs, without_furniture

__all__ = ["read", "article_data", "nitf_date", "NitfReader"]

_BASIC = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}(?:\.\d+)?))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
# A wire's mark before a headline ("*", "**"): priority, not words of the headline.
_WIRE_MARK = re.compile(r"^\*+\s*")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_SUBJECT_SCHEME = "http://cv.iptc.org/newscodes/subjectcode/"
_SLUG_META = ("anpa-keyword", "slugline", "slug", "keyword")
_ENTITY_KINDS = {"person": "person", "org": "organization"}


def nitf_date(value: str | None) -> str | None:
    """An ISO 8601 date or time from NITF's basic form ('20200703T165136-0400'); None for
    placeholders ('YYYYMMDD000000-HHMM') and anything else."""
    value = (value or "").strip()
    match = _BASIC.match(re.sub(r"^(\d{4}-?\d{2}-?\d{2}) (?=\d)", r"\1T", value))  # "2026-03-01 12:05"
    if not match:
        found = datestamps.parse_rfc822(value) if re.search(r"[A-Za-z]{3}", value) else None  # RFC 822, as some send
        return found.isoformat() if found else None
    year, month, day, hour, minute, second, zone = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{month}-{day}"
    if hour is None:
        return date
    zone = zone or ""
    if len(zone) == 5:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{date}T{hour}:{minute}:{second or '00'}{zone}"


def _kids(el: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if el is None else [c for c in el if local_name(c) == name]


def _kid(el: etree._Element | None, name: str) -> etree._Element | None:
    found = _kids(el, name)
    return found[0] if found else None


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    data, notes = prepare_xml(data)
    sanitiser = Sanitiser()
    try:
        root = parse(data, options.source, what="NITF")
    except InputError:
        repaired = sanitise_xml(data, sanitiser)
        if repaired == data:
            raise
        root = parse(repaired, options.source, what="NITF")
        notes.append(str(sanitiser.note()))
    if local_name(root) != "nitf":
        raise InputError(
            f"not a NITF document: the root element is <{local_name(root)}>",
            "give a NITF 3.x document (root element <nitf>), or choose its format with --from",
            source=options.source,
        )
    reader = NitfReader(root, options)
    reader.notes[:0] = notes
    data_out = reader.article_data()
    data_out["provenance"] = {
        **provenance(data, "nitf", options.source).model_dump(exclude_none=True),
        "notes": reader.notes,
        "removed": reader.removed,
    }
    yield validated(data_out, options)


def validated(data: dict[str, Any], options: ReadOptions) -> Article:
    try:
        return apply_options(Article.model_validate(data), options)
    except ValidationError as err:
        problem = format_validation_error(err)
    raise ModelError(
        f"the document breaks a rule of the model: {problem}",
        "fix the value named in the source document",
        source=options.source,
    )


def article_data(root: etree._Element, options: ReadOptions) -> tuple[dict[str, Any], list[str]]:
    """The plain data of an Article from an ``nitf`` element, and the notes on it."""
    reader = NitfReader(root, options)
    return reader.article_data(), reader.notes


class NitfReader:
    """Reads one ``nitf`` element into the plain data of an Article."""

    def __init__(self, root: etree._Element, options: ReadOptions) -> None:
        self.root, self.options, self.source = root, options, options.source
        self.head = _kid(root, "head")
        self.docdata = _kid(self.head, "docdata")
        body = _kid(root, "body")
        self.body_el = body
        self.body_head = _kid(body, "body.head")
        self.notes: list[str] = []
        self.actors: dict[str, dict[str, Any]] = {}
        self.places: dict[str, dict[str, Any]] = {}
        self.by_name: dict[tuple[str, str], str] = {}
        self.topics: list[dict[str, str]] = []
        self.removed: list[dict[str, str]] = []  # provider furniture taken out of the body
        self.byline_in_body: str | None = None

    def article_data(self, article_id: str | None = None) -> dict[str, Any]:
        article_id = article_id or self.article_id()
        self.entities()
        authors = self.authors()
        paras = self.paragraphs()
        quotes = self.mentions(article_id, paras)
        published = self.date(_kid(self.docdata, "date.issue"), "date.issue") or self.story_date()
        release = self.date(_kid(self.docdata, "date.release"), "date.release")
        status = (self.docdata.get("management-status") if self.docdata is not None else None) or ""
        if status and status.casefold() not in ("usable", ""):
            self.notes.append(f"the document's management status is {status!r}")
        headline, sub = self.hedline()
        return {
            "id": article_id,
            "headline": headline,
            "subheadline": sub or collapsed_text(_kid(self.body_head, "abstract")),
            "authors": authors,
            "sources": self.sources(),
            "language": self.language(),
            "published": published,
            "embargoed": release if release and published and release > published else None,
            "dateline": self.dateline(),
            "byline": collapsed_text(_kid(self.body_head, "byline")) or self.byline_in_body,
            "creditline": collapsed_text(_kid(self.body_head, "distributor")),
            "slugline": self.slugline(),
            "urgency": self.urgency(),
            "rights": self.rights(),
            **self.pubdata(),
            "body": [{"text": p.text, "role": p.role} for p in paras] + self.tagline(),
            "topics": self.subject_topics() + self.topics,
            "actors": list(self.actors.values()),
            "places": list(self.places.values()),
            "quotes": quotes,
        }

    def pubdata(self) -> dict[str, Any]:
        """The section (``position.section``) and the length in words (``item-length`` with
        ``unit-of-measure="word"``) of the first ``pubdata`` stating them."""
        found: dict[str, Any] = {}
        for pubdata in _kids(self.head, "pubdata"):
            section = " ".join((pubdata.get("position.section") or "").split())
            if section and "section" not in found:
                found["section"] = section
            length = (pubdata.get("item-length") or "").strip()
            unit = (pubdata.get("unit-of-measure") or "").strip().casefold()
            if length.isdigit() and unit in ("word", "words") and "word_count" not in found:
                found["word_count"] = int(length)
        return found

    # --- identity and dates ---

    def article_id(self) -> str:
        doc_id = _kid(self.docdata, "doc-id")
        value = (doc_id.get("id-string") or "").strip() if doc_id is not None else ""
        if not value:
            return mint_article_id(etree.tostring(self.root)[:4096].decode("utf-8", "replace"), self.options.id_base)
        return mint_article_id(value, self.options.id_base)

    def date(self, el: etree._Element | None, what: str) -> str | None:
        value = el.get("norm") if el is not None else None
        if not value:
            return None
        found = nitf_date(value)
        if found is None:
            self.notes.append(f"{what} {value!r} is not a date; left out")
        return found

    def story_date(self) -> str | None:
        dateline = _kid(self.body_head, "dateline")
        return self.date(_kid(dateline, "story.date"), "story.date")

    def language(self) -> str | None:
        for el in (self.root, self.body_el):
            if el is None:
                continue
            tag = el.get("baselang") or el.get("{http://www.w3.org/XML/1998/namespace}lang")
            if tag and _LANG.match(tag.replace("_", "-")):
                return tag.replace("_", "-")
        return None

    # --- the body head ---

    def hedline(self) -> tuple[str | None, str | None]:
        hedline = _kid(self.body_head, "hedline")
        headline = collapsed_text(_kid(hedline, "hl1")) or collapsed_text(_kid(self.head, "title"))
        marked = _WIRE_MARK.match(headline or "")
        if headline and marked and marked.end() < len(headline):
            # "*En 41-årig mand ...": the mark a wire puts before a priority story's headline
            self.notes.append(f"the headline's leading {marked.group().strip()!r} (a wire's mark) was left out")
            headline = headline[marked.end() :]
        subs = [t for el in _kids(hedline, "hl2") if (t := collapsed_text(el))]
        return headline, (" ".join(subs) if subs else None)

    def dateline(self) -> str | None:
        """The dateline as written; its parts joined by commas when nothing separates them."""
        dateline = _kid(self.body_head, "dateline")
        if dateline is None:
            return None
        parts = [
            " ".join(el.text.split())
            for el in dateline.iter()
            if local_name(el) != "story.date" and el.text and el.text.strip()
        ]
        pieces = [
            t
            for el in dateline.iter()
            if local_name(el) != "story.date"
            for t in (el.text, el.tail if el is not dateline else None)
            if t
        ]
        # Without its story.date, "Malmo, March 1" leaves a separator behind.
        written = " ".join("".join(pieces).split()).rstrip(" ,;:-\u2013\u2014")
        if "," in written or len(parts) <= 1:
            return written or None
        return ", ".join(parts)

    def authors(self) -> list[str]:
        found = []
        for byline in _kids(self.body_head, "byline"):
            for person in byline.iter():
                if local_name(person) == "person" and (name := collapsed_text(person)):
                    # "<person>Jane Doe and John Roe</person>": two people in one element
                    for each in split_people(name):
                        ref = self.actor("person", each)
                        if ref not in found:
                            found.append(ref)
        return found

    def sources(self) -> list[str]:
        """The agencies credited: a byline's title that names an outlet ('The Canadian
        Press') and the distributor, each once (by the outlet's canonical name)."""
        found: list[str] = []
        titles = [el for byline in _kids(self.body_head, "byline") for el in _kids(byline, "byttl")]
        for el in [*titles, _kid(self.body_head, "distributor")]:
            outlet = outlets.resolve(collapsed_text(el) or "") if el is not None else None
            if outlet is not None and (ref := self.actor("organization", outlet.name)) not in found:
                found.append(ref)
        return found

    def slugline(self) -> str | None:
        for meta in _kids(self.head, "meta"):
            if (meta.get("name") or "").casefold() in _SLUG_META and (meta.get("content") or "").strip():
                return meta.get("content", "").strip()
        du_key = _kid(self.docdata, "du-key")
        return (du_key.get("key") or None) if du_key is not None else None

    def urgency(self) -> int | None:
        for el in (_kid(self.docdata, "urgency"), _kid(self.head, "urgency")):
            value = (el.get("ed-urg") or "").strip() if el is not None else ""
            if value.isdigit() and 1 <= int(value) <= 9:
                return int(value)
        return None

    def rights(self) -> dict[str, str] | None:
        copyright_el = _kid(self.docdata, "doc.copyright")
        if copyright_el is None:
            return None
        holder = (copyright_el.get("holder") or "").strip() or None
        year = (copyright_el.get("year") or "").strip()
        notice = f"© {year} {holder}" if year and holder else None
        rights = {k: v for k, v in (("holder", holder), ("notice", notice)) if v}
        return rights or None

    # --- topics and entities ---

    def subject_topics(self) -> list[dict[str, str]]:
        topics: list[dict[str, str]] = []
        for tobject in _kids(self.head, "tobject"):
            for subject in _kids(tobject, "tobject.subject"):
                code = (subject.get("tobject.subject.refnum") or subject.get("tobject.subject.code") or "").strip()
                name = next(
                    (
                        v.strip()
                        for a in ("tobject.subject.detail", "tobject.subject.matter", "tobject.subject.type")
                        if (v := subject.get(a)) and v.strip()
                    ),
                    None,
                )
                found: dict[str, str | None] = {"name": name, "code": code or None}
                if code.isdigit() and len(code) == 8:  # an IPTC subject code
                    found.update(scheme=_SUBJECT_SCHEME, uri=_SUBJECT_SCHEME + code)
                topic = {k: v for k, v in found.items() if v}
                if topic and topic not in topics:
                    topics.append(topic)
        for keyword in _kids(_kid(self.docdata, "key-list"), "keyword"):
            name = (keyword.get("key") or "").strip() or collapsed_text(keyword)
            if name and {"name": name} not in topics:
                topics.append({"name": name})
        return topics

    def entities(self) -> None:
        for content in _kids(self.docdata, "identified-content"):
            for el in content:
                name = local_name(el)
                value = collapsed_text(el) or (el.get("value") or "").strip()
                if not value:
                    continue
                if name in _ENTITY_KINDS:
                    self.actor(_ENTITY_KINDS[name], value)
                elif name == "location":
                    self.place(value)
                elif name == "classifier":
                    topic = {"name": value, "code": el.get("id-string") or None, "scheme": el.get("type") or None}
                    self.topics.append({k: v for k, v in topic.items() if v})

    def actor(self, kind: str, name: str) -> str:
        key = (kind, name.casefold())
        if key not in self.by_name:
            ref = self._unique(mint_id(kind, name, self.options.id_base))
            self.actors[ref] = {"id": ref, "kind": kind, "name": name, "mentions": []}
            self.by_name[key] = ref
        return self.by_name[key]

    def place(self, name: str) -> str:
        key = ("place", name.casefold())
        if key not in self.by_name:
            ref = self._unique(mint_id("place", name, self.options.id_base))
            self.places[ref] = {"id": ref, "name": name, "mentions": []}
            self.by_name[key] = ref
        return self.by_name[key]

    def _unique(self, candidate: str) -> str:
        base, n = candidate, 2
        while candidate in self.actors or candidate in self.places:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    # --- the body ---

    def paragraphs(self) -> list[BodyParagraph]:
        content = _kid(self.body_el, "body.content")
        paras = [p for p in body_paragraphs(content) if p.text.strip()] if content is not None else []
        if not paras:
            where = "body.content is empty" if content is not None else "it has no body.content"
            raise InputError(
                f"the NITF document holds no body text ({where})",
                "give a NITF document whose body.content holds the story",
                source=self.source,
            )
        paras, furniture = without_furniture(paras)
        self.removed += [{"text": t, "reason": r} for t, r in furniture.removed]
        self.byline_in_body = furniture.byline
        return paras

    def tagline(self) -> list[dict[str, Any]]:
        end = _kid(self.body_el, "body.end")
        lines = (
            [t for el in end.iter() if local_name(el) == "tagline" and (t := collapsed_text(el))]
            if end is not None
            else []
        )
        return [{"text": t, "role": "note"} for t in lines]

    def mentions(self, article_id: str, paras: list[BodyParagraph]) -> list[dict[str, Any]]:
        """Inline people, organisations and places as mentions; ``<q>`` as direct quotes."""
        quotes: list[dict[str, Any]] = []
        for index, para in enumerate(paras):
            for mark in para.marks:
                span = {"paragraph": index, "start": mark.start, "end": mark.end}
                text = " ".join(para.text[mark.start : mark.end].split())
                if not text:
                    continue
                if mark.kind == QUOTE:
                    quotes.append(
                        {
                            "id": local_id(article_id, "quote", len(quotes) + 1),
                            "text": text,
                            "kind": "direct",
                            "spans": [span],
                        }
                    )
                    continue
                tag = mark.kind.partition(":")[2]
                if tag in _ENTITY_KINDS:
                    self.actors[self.actor(_ENTITY_KINDS[tag], text)]["mentions"].append(span)
                elif tag == "location":
                    self.places[self.place(text)]["mentions"].append(span)
        return quotes
