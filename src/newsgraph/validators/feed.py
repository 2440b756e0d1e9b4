"""Atom 1.0 and RSS 2.0: the rules feed validators (W3C's, feedvalidator.org) enforce.

Neither format has an official schema a validator could load; these are the rules of
RFC 4287 and the RSS 2.0 specification that those validators report as errors:

Atom: the root is ``atom:feed``; a feed and each entry have exactly one ``id`` (an
absolute IRI), ``title`` and ``updated`` (an RFC 3339 date-time); every entry has an
author, or the feed does; ids are unique within the feed; ``published`` is RFC 3339;
every link has an absolute ``href``; an entry without ``content`` has an alternate link;
a category has a ``term``, and its ``scheme`` is an absolute IRI.

RSS 2.0: the root is ``rss`` version 2.0 with one ``channel`` holding ``title``,
``link`` (an absolute URL) and ``description``; an item has a title or a description;
``pubDate`` and ``lastBuildDate`` are RFC 822 dates; links are absolute URLs; a
permalink ``guid`` is one; guids are unique; an ``enclosure`` has ``url``, a whole
number ``length`` and a ``type``, and an item has at most one.

Each rule reads one element, so the exporters check every entry as they write it.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from .. import xmlsafe
from ..errors import InputError
from ..feed_rules import (
    ATOM,
    HTTP_URL,
    atom_date_problems,
    atom_entry_problems,
    count,
    exactly_one,
    rss_date_problems,
    rss_item_problems,
)
from .problem import Problem

__all__ = ["check_atom", "check_rss", "atom_entry_problems", "rss_item_problems"]


def _parse(data: bytes) -> etree._Element | Problem:
    try:
        return xmlsafe.parse(data, what="feed")
    except InputError as err:
        return Problem(err.message)


def _check(data: bytes, rules: Callable[[etree._Element], list[Problem]]) -> list[Problem]:
    root = _parse(data)
    if isinstance(root, Problem):
        return [root]
    return rules(root)


def check_atom(data: bytes, *, strict: bool = False) -> list[Problem]:
    """Problems of an Atom 1.0 document; [] if it keeps every rule above."""
    return _check(data, _atom_rules)


def check_rss(data: bytes, *, strict: bool = False) -> list[Problem]:
    """Problems of an RSS 2.0 document; [] if it keeps every rule above."""
    return _check(data, _rss_rules)


def _atom_rules(root: etree._Element) -> list[Problem]:
    if root.tag != ATOM + "feed":
        return [Problem(f"the root element is <{root.tag}>, not Atom's <feed>")]
    problems = [
        Problem(p, line=root.sourceline)
        for p in exactly_one(root, "the feed", ("id", "title", "updated")) + atom_date_problems(root, "the feed")
    ]
    has_author = bool(count(root, ATOM + "author"))
    seen: set[str] = set()
    for entry in root.iterfind(ATOM + "entry"):
        problems += [Problem(p, line=entry.sourceline) for p in atom_entry_problems(entry, has_author)]
        eid = (entry.findtext(ATOM + "id") or "").strip()
        if eid in seen:
            problems.append(Problem(f"two entries have the id {eid!r}", line=entry.sourceline))
        seen.add(eid)
    return problems


def _rss_rules(root: etree._Element) -> list[Problem]:
    if root.tag != "rss" or root.get("version") != "2.0":
        return [
            Problem(
                f"the root element is <{root.tag}> (version {root.get('version')!r}), "
                'not RSS 2.0\'s <rss version="2.0">'
            )
        ]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [Problem(f"an RSS feed has exactly one <channel> (has {len(channels)})")]
    channel = channels[0]
    problems = [
        Problem(f"the channel needs a <{n}>", line=channel.sourceline)
        for n in ("title", "link", "description")
        if channel.find(n) is None
    ]
    problems += [
        Problem(f"the channel <link> is not an absolute URL: {link.text!r}", line=link.sourceline)
        for link in channel.findall("link")
        if not HTTP_URL.match((link.text or "").strip())
    ]
    problems += [
        Problem(p, line=channel.sourceline)
        for p in rss_date_problems(channel, "the channel", ("pubDate", "lastBuildDate"))
    ]
    seen: set[str] = set()
    for item in channel.iterfind("item"):
        problems += [Problem(p, line=item.sourceline) for p in rss_item_problems(item)]
        guid = (item.findtext("guid") or "").strip()
        if guid and guid in seen:
            problems.append(Problem(f"two items have the guid {guid!r}", line=item.sourceline))
        seen.add(guid)
    return problems
