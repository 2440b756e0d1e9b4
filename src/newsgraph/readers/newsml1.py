"""IPTC NewsML 1.x (AFP, ANA-MPE, Business Wire, ...) -> one Article per NewsItem.

A NewsItem's ``NewsComponent`` tree is read as its providers fill it:

- ``Identification``: ``PublicIdentifier`` (a ``urn:newsml:`` URN) is the id;
- ``NewsManagement``: ``FirstCreated`` (published), ``ThisRevisionCreated`` (modified);
- ``NewsLines``: ``HeadLine``, ``SubHeadLine``, ``ByLine``, ``DateLine``, ``CreditLine``,
  ``CopyrightLine`` (rights), ``SlugLine``;
- ``DescriptiveMetadata``: ``Language``, ``Genre``, ``SubjectCode`` (IPTC subject codes,
  named from the item's ``TopicSet`` where it names them);
- the envelope's ``Priority``: urgency;
- the text: the richest text ``ContentItem`` (NITF, XHTML or HTML, or plain text in its
  ``DataContent``), skipping components whose ``Role`` is not the story (style sheets,
  logos, contacts, the headline again).

An item with no text is an error naming what it holds instead, never an empty article.
"""

from __future__ import annotations

from typing import Any, Iterator

from lxml import etree

from ..errors import InputError
from ..lexicon.written_dates import only_a_date
from ..model import Article, mint_article_id
from ..xmlsafe import collapsed_text, local_name, parse
from .base import ReadOptions, prepare_xml, provenance
from .newsml_body import BodyParagraph, body_paragraphs, html_paragraphs, text_paragraphs, without_furniture
from .nitf import NitfReader, nitf_date, validated

__all__ = ["read"]

_SKIPPED_ROLES = frozenset(
    {"stylesheet", "logo", "contact", "headline", "caption", "photo", "image", "video", "audio", "graphic", "metadata"}
)
_TEXT_MEDIA = frozenset({"text", ""})
_SUBJECT_SCHEMES = {"iptcsubjectcodes": "http://cv.iptc.org/newscodes/subjectcode/"}
_LINES = {
    "HeadLine": "headline",
    "SubHeadLine": "subheadline",
    "ByLine": "byline",
    "DateLine": "dateline",
    "CreditLine": "creditline",
    "SlugLine": "slugline",
}


def _all(el: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if el is None else [d for d in el.iter() if local_name(d) == name]


def _first(el: etree._Element | None, name: str) -> etree._Element | None:
    found = _all(el, name)
    return found[0] if found else None


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    data, notes = prepare_xml(data)
    root = parse(data, options.source, what="NewsML 1.x")
    if local_name(root) != "NewsML":
        raise InputError(
            f"not a NewsML 1.x document: the root element is <{local_name(root)}>",
            "give a NewsML 1.x document (root element <NewsML>)",
            source=options.source,
        )
    items = _all(root, "NewsItem")
    if not items:
        raise InputError(
            "the NewsML document holds no NewsItem", "give a NewsML document with a NewsItem", source=options.source
        )
    urgency = _urgency(_first(_first(root, "NewsEnvelope"), "Priority"))
    for item in items:
        reader = _ItemReader(item, options)
        found = reader.article_data()
        found.setdefault("urgency", urgency)
        found["provenance"] = {
            **provenance(data, "newsml1", options.source).model_dump(exclude_none=True),
            "notes": notes + reader.notes,
            "removed": reader.removed,
        }
        yield validated(found, options)


def _urgency(el: etree._Element | None) -> int | None:
    value = (el.get("FormalName") or "").strip() if el is not None else ""
    return int(value) if value.isdigit() and 1 <= int(value) <= 9 else None


class _ItemReader:
    def __init__(self, item: etree._Element, options: ReadOptions) -> None:
        self.item, self.options, self.source = item, options, options.source
        self.notes: list[str] = []
        self.removed: list[dict[str, str]] = []

    def article_data(self) -> dict[str, Any]:
        article_id = self.article_id()
        lines = {field: collapsed_text(_first(self.item, tag)) for tag, field in _LINES.items()}
        if lines["dateline"] and only_a_date(lines["dateline"]):
            self.notes.append(f"DateLine {lines['dateline']!r} states only a date, no place; left out")
            lines["dateline"] = None
        copyright_line = collapsed_text(_first(self.item, "CopyrightLine"))
        management = _first(self.item, "NewsManagement")
        published = self.date(_first(management, "FirstCreated"), "FirstCreated")
        modified = self.date(_first(management, "ThisRevisionCreated"), "ThisRevisionCreated")
        data: dict[str, Any] = {
            "id": article_id,
            **lines,
            "published": published,
            "modified": modified if modified != published else None,
            "language": self.language(),
            "genre": self.formal_name(_first(self.item, "Genre")),
            "rights": {"notice": copyright_line} if copyright_line else None,
            "topics": self.topics(),
        }
        nitf, paras = self.content()
        if nitf is not None:
            reader = NitfReader(nitf, self.options)
            from_nitf = reader.article_data(article_id)
            self.removed += reader.removed
            for key, value in from_nitf.items():
                if data.get(key) in (None, []) and value not in (None, []):
                    data[key] = value
        else:
            paras, furniture = without_furniture(paras)
            self.removed += [{"text": t, "reason": r} for t, r in furniture.removed]
            data["byline"] = data["byline"] or furniture.byline
            data["body"] = [{"text": p.text, "role": p.role} for p in paras]
        return data

    def article_id(self) -> str:
        public = collapsed_text(_first(self.item, "PublicIdentifier"))
        if public and public.startswith("urn:"):
            return public
        item_id = collapsed_text(_first(self.item, "NewsItemId")) or collapsed_text(_first(self.item, "NameLabel"))
        if not item_id:
            raise InputError(
                "the NewsItem has no PublicIdentifier or NewsItemId",
                "give each NewsItem its Identification",
                source=self.source,
            )
        return mint_article_id(item_id, self.options.id_base)

    def date(self, el: etree._Element | None, what: str) -> str | None:
        value = collapsed_text(el)
        if value is None:
            return None
        found = nitf_date(value)
        if found is None:
            self.notes.append(f"{what} {value!r} is not a date; left out")
        return found

    @staticmethod
    def formal_name(el: etree._Element | None) -> str | None:
        value = (el.get("FormalName") or "").strip() if el is not None else ""
        return value or None

    def language(self) -> str | None:
        value = self.formal_name(_first(self.item, "Language"))
        return value.lower() if value and value.isalpha() and 2 <= len(value) <= 3 else None

    def topics(self) -> list[dict[str, str]]:
        names: dict[str, str] = {}
        for topic in _all(self.item, "Topic"):
            code = collapsed_text(_first(topic, "FormalName"))
            descriptions = [d for d in _all(topic, "Description") if d.get("Variant", "Name") == "Name"]
            english = [
                d for d in descriptions if (d.get("{http://www.w3.org/XML/1998/namespace}lang") or "").startswith("en")
            ]
            name = collapsed_text((english or descriptions or [None])[0])
            if code and name:
                names[code] = name
        topics: list[dict[str, str]] = []
        for subject_code in _all(self.item, "SubjectCode"):
            for el in subject_code:
                code = self.formal_name(el)
                if not code:
                    continue
                scheme = _SUBJECT_SCHEMES.get((el.get("Scheme") or "").casefold()) or el.get("Scheme")
                topic = {
                    "name": names.get(code),
                    "code": code,
                    "scheme": scheme,
                    "uri": scheme + code if scheme and scheme.startswith("http") else None,
                }
                topic = {k: v for k, v in topic.items() if v}
                if topic not in topics:
                    topics.append(topic)
        return topics

    def content(self) -> tuple[etree._Element | None, list[BodyParagraph]]:
        """The NITF document holding the story, or the story's paragraphs."""
        best: list[BodyParagraph] = []
        held: list[str] = []
        for component in _all(self.item, "NewsComponent"):
            role = (self.formal_name(_first_child(component, "Role")) or "").casefold()
            if role in _SKIPPED_ROLES:
                continue
            for content_item in [c for c in component if local_name(c) == "ContentItem"]:
                media = (self.formal_name(_first_child(content_item, "MediaType")) or "").casefold()
                data = _first_child(content_item, "DataContent")
                if media not in _TEXT_MEDIA:
                    held.append(media)
                    continue
                if data is None:
                    continue
                nitf = next((d for d in data.iter() if local_name(d) == "nitf"), None)
                if nitf is not None:
                    return nitf, []
                paras = self.paragraphs(content_item, data)
                if sum(len(p.text) for p in paras) > sum(len(p.text) for p in best):
                    best = paras
        if not best:
            what = f"only {', '.join(dict.fromkeys(held))} content" if held else "no text in its DataContent"
            raise InputError(
                f"the NewsItem {self.article_id()} holds {what}",
                "newsgraph reads NewsItems whose ContentItem holds text (NITF, XHTML, HTML or plain text)",
                source=self.source,
            )
        return None, best

    def paragraphs(self, content_item: etree._Element, data: etree._Element) -> list[BodyParagraph]:
        if any(isinstance(c.tag, str) for c in data):
            return [p for p in body_paragraphs(data) if p.text.strip()]
        text = data.text or ""
        form = (self.formal_name(_first_child(content_item, "Format")) or "").casefold()
        if "html" in form or "nitf" in form or "<p" in text.casefold():
            return [p for p in html_paragraphs(text) if p.text.strip()]
        if "css" in form or "style" in form:
            return []
        return text_paragraphs(text)


def _first_child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if local_name(c) == name), None)
