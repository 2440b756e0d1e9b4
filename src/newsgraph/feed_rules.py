"""The rules feed validators enforce, entry by entry: Atom 1.0 (RFC 4287) and RSS 2.0.

Neutral ground: the feed exporters check each entry as they stream it, and the feed
validator checks whole documents, with the same rules.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from lxml import etree

__all__ = [
    "ATOM",
    "HTTP_URL",
    "atom_date_problems",
    "atom_entry_problems",
    "count",
    "exactly_one",
    "rss_date_problems",
    "rss_item_problems",
]

ATOM = "{http://www.w3.org/2005/Atom}"
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
HTTP_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_RFC822 = re.compile(
    r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{2,4} \d{2}:\d{2}(?::\d{2})? "
    r"(?:[+-]\d{4}|[A-Z]{1,3})$"
)


def count(el: etree._Element, tag: str) -> int:
    """How many children of ``el`` are ``tag`` elements (Clark notation for namespaced ones)."""
    return sum(1 for c in el if c.tag == tag)


def exactly_one(el: etree._Element, what: str, names: tuple[str, ...]) -> list[str]:
    """A problem for each Atom child in ``names`` that ``el`` (named ``what``) has not exactly once."""
    return [f"{what} needs exactly one <{n}> (has {c})" for n in names if (c := count(el, ATOM + n)) != 1]


def atom_date_problems(el: etree._Element, what: str) -> list[str]:
    """A problem for each Atom ``updated`` / ``published`` child that is no RFC 3339 date-time."""
    return [
        f"{what} <{etree.QName(d).localname}> {d.text!r} is not an RFC 3339 date-time"
        for d in el
        if d.tag in (ATOM + "updated", ATOM + "published") and not _RFC3339.match((d.text or "").strip())
    ]


def atom_entry_problems(entry: etree._Element, feed_has_author: bool = True) -> list[str]:
    """What one ``atom:entry`` breaks."""
    what = "an entry"
    problems = exactly_one(entry, what, ("id", "title", "updated")) + atom_date_problems(entry, what)
    problems += [
        f"{what} has an id that is no absolute IRI: {i.text!r}"
        for i in entry.iter(ATOM + "id")
        if not _IRI.match((i.text or "").strip())
    ]
    if not feed_has_author and not count(entry, ATOM + "author"):
        problems.append(f"{what} has no author and the feed has none")
    problems += [
        f"{what} has an author without a name"
        for a in entry.iter(ATOM + "author")
        if not (a.findtext(ATOM + "name") or "").strip()
    ]
    problems += [
        f"{what} has a link whose href is not absolute: {link.get('href')!r}"
        for link in entry.iter(ATOM + "link")
        if not _IRI.match(link.get("href") or "")
    ]
    if not count(entry, ATOM + "content") and not any(
        (link.get("rel") or "alternate") == "alternate" for link in entry.iter(ATOM + "link")
    ):
        problems.append(f"{what} has neither content nor an alternate link")
    for cat in entry.iter(ATOM + "category"):
        if not (cat.get("term") or "").strip():
            problems.append(f"{what} has a category without a term")
        if cat.get("scheme") is not None and not _IRI.match(cat.get("scheme") or ""):
            problems.append(f"{what} has a category scheme that is no absolute IRI: {cat.get('scheme')!r}")
    return problems


def rss_item_problems(item: etree._Element) -> list[str]:
    """What one RSS 2.0 ``item`` breaks."""
    what = "an item"
    problems = []
    if item.find("title") is None and item.find("description") is None:
        problems.append(f"{what} needs a <title> or a <description>")
    problems += rss_date_problems(item, what, ("pubDate",))
    problems += [
        f"{what} <link> is not an absolute URL: {link.text!r}"
        for link in item.findall("link")
        if not HTTP_URL.match((link.text or "").strip())
    ]
    for guid in item.findall("guid"):
        if (guid.get("isPermaLink") or "true") == "true" and not HTTP_URL.match((guid.text or "").strip()):
            problems.append(f"{what} has a permalink <guid> that is no URL: {guid.text!r}")
        if not (guid.text or "").strip():
            problems.append(f"{what} has an empty <guid>")
    enclosures = item.findall("enclosure")
    if len(enclosures) > 1:
        problems.append(f"{what} has {len(enclosures)} enclosures (RSS 2.0 allows one)")
    for enc in enclosures:
        if not HTTP_URL.match(enc.get("url") or "") or not (enc.get("length") or "").isdigit() or not enc.get("type"):
            problems.append(f"{what} has an <enclosure> without an absolute url, a whole-number length and a type")
    problems += [f"{what} has an empty <category>" for c in item.findall("category") if not (c.text or "").strip()]
    return problems


def rss_date_problems(el: etree._Element, what: str, names: tuple[str, ...]) -> list[str]:
    """A problem for each child in ``names`` that is no RFC 822 date."""
    problems = []
    for name in names:
        for d in el.findall(name):
            text = (d.text or "").strip()
            try:
                ok = bool(_RFC822.match(text)) and parsedate_to_datetime(text) is not None
            except (TypeError, ValueError, IndexError):
                ok = False
            if not ok:
                problems.append(f"{what} <{name}> {text!r} is not an RFC 822 date")
    return problems
