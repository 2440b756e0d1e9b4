"""Leads written here and what their main event must (not) be: shared by the main-event
tests (tests/test_mainevents.py, tests/test_mainevents_train.py)."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import api
from newsgraph.model import Article, Event
from newsgraph.readers.base import ReadOptions


@dataclass(frozen=True)
class Lead:
    """A lead written here, and what its main event must (not) be."""

    text: str
    published: str  # 2021-06-14 is a Monday, 2021-06-17 a Thursday
    kinds: tuple[str, ...] = ()  # any of them; () for any kind
    not_kinds: tuple[str, ...] = ()  # kinds it must not have
    names: tuple[str, ...] = ()  # participants it must have
    not_names: tuple[str, ...] = ()  # actors it must not have
    day: str | None = None  # the day it starts
    place: str | None = None  # the name of its place


def main_event(text: str, published: str) -> tuple[Article, Event | None]:
    """The article a raw text published that day makes, and its first (main) event."""
    [article] = api.read(text.encode("utf-8"), format="text", options=ReadOptions(published=published))
    article = api.extract(article)
    return article, (article.events[0] if article.events else None)


def names(article: Article, event: Event) -> set[str]:
    return {a.name for p in event.participants if (a := article.actor(p))}


def check(lead: Lead) -> None:
    """The lead's main event is what the lead says it must be (no event at all passes
    only a lead that says nothing but what its event must not be)."""
    article, main = main_event(lead.text, lead.published)
    if main is None and not (lead.kinds or lead.names or lead.day or lead.place):
        return
    assert main is not None, "no event"
    assert not lead.kinds or main.kind in lead.kinds, (main.kind, main.label)
    assert main.kind not in lead.not_kinds, (main.kind, main.label)
    found = names(article, main)
    assert set(lead.names) <= found and not set(lead.not_names) & found, found
    if lead.day:
        assert main.date is not None and main.date.start == lead.day, main.date
    if lead.place:
        place = next((p.name for p in article.places if p.id == main.location), None)
        assert place == lead.place, (place, main.location)
