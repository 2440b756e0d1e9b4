"""The events pass: what happened or will happen, when, where, with whom.

Runs after actors, quotes and dates, and dates its events with
:func:`newsgraph.extract.dates.find`. Trigger words give mentions
(:mod:`.mentions`), mentions of one event are grouped (:mod:`.merge`), and
each group becomes an :class:`~newsgraph.model.Event` with a kind, a readable label
("Biden–Putin summit in Geneva"), participants, a place, a date, a status and its
mentions. The headline, the standfirst and the photo captions are read too: they have
no spans, but they often hold the full date, the venue or the gist ("The US and Russia
held talks in Moscow this week"). Quotes said at an event are pointed to it by the next
stage (:mod:`.link`), which shares this stage's :class:`Reading`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable, cast

from ...model import Article, DateInfo, Event, Span, local_id
from .. import nlp, story
from ..dates import finder as dates_pass
from ..dates.resolve import CONF_PROBLEM
from .mentions import DateRef, Mention, family, read, words
from . import main
from .merge import Cluster, cluster, inherit_locations
from .references import Refs

if TYPE_CHECKING:
    from pydantic.main import IncEx
    from spacy.tokens import Doc

    from ..options import ExtractOptions

_DASH = "\u2013"  # "Biden–Putin summit"
_MAX_NAMES = 3
# A publication date found in a caption may be a day or two before the story's events:
# within this gap, a verb in the past tense outweighs the calendar.
_ANCHOR_SLACK = timedelta(days=2)


def _body_dates(article: Article, found: list[tuple[int, dates_pass.Found]]) -> list[list[DateRef]]:
    per: list[list[DateRef]] = [[] for _ in article.body]
    for i, f in found:
        per[i].append(DateRef(f.expr.start, f.expr.end, f.date, f.confidence))
    return per


def mentions_of(
    article: Article, docs: list["Doc"], refs: Refs, body_dates: list[tuple[int, dates_pass.Found]]
) -> list[Mention]:
    """Every event mention in the body, then in the headline, standfirst and captions
    (these give dates, places and participants but no spans)."""
    per = _body_dates(article, body_dates)
    found: list[Mention] = []
    for i, doc in enumerate(docs[: len(article.body)]):
        found += read(doc, i, refs, per[i])
    day = dates_pass.anchor_of(article)
    for doc in docs[len(article.body) :]:
        refs_dates = [
            DateRef(f.expr.start, f.expr.end, f.date, f.confidence) for f in dates_pass.in_text(doc.text, doc, day)
        ]
        found += read(doc, None, refs, refs_dates)
    return found


# --- one event from one group of mentions ---------------------------------------------


def _noun(c: Cluster) -> str:
    w = words()
    kind = c.kind
    said = " ".join(m.words.casefold() for m in c.mentions)
    if kind == "call":
        return "video call" if "video" in said else "phone call" if "phone" in said else "call"
    if kind == "press_conference":
        return "press conference" if "press" in said and "news" not in said else "news conference"
    if kind == "other":
        lemma = c.mentions[0].trigger.lemma_.casefold()
        return w["other_labels"].get(lemma, lemma)
    if kind == "trial":
        nouns = [m.words.casefold() for m in c.mentions if m.trigger.pos_ in ("NOUN", "PROPN")]
        return (
            next((n for n in nouns if "trial" not in n), nouns[0])
            if nouns and not any("trial" in n for n in nouns)
            else "trial"
        )
    return w["labels"][kind]


@dataclass
class _Said:
    """What a label is made of."""

    c: Cluster
    names: list[str]  # the parties as the event was introduced
    noun: str
    detail: str | None
    agents: list[str]
    targets: list[str]


def _deadline_base(x: _Said) -> str:
    return f"{x.detail or x.c.name or 'deadline'} {x.noun}"


def _named_base(x: _Said) -> str:
    c = x.c
    assert c.name is not None  # chosen only for named events
    return c.name if c.kind != "award" or not x.names else f"{c.name} to {x.names[0]}"


def _measure_base(x: _Said) -> str:
    """ "US sanctions on Russia", "Russia expulsion of 10 US diplomats"."""
    base = " ".join([*x.agents[:1], x.noun])
    tail = x.detail or ", ".join(x.targets[:_MAX_NAMES])
    if tail:
        base += f" {'on' if x.c.kind == 'sanctions' else 'of'} {tail}"
    return base


def _other_base(x: _Said) -> str:
    return f"{x.noun} of {', '.join(x.names[:_MAX_NAMES])}" if x.names else x.noun


def _award_base(x: _Said) -> str:
    return f"{x.noun} to {x.names[0]}" if x.names else x.noun


def _parties_base(x: _Said) -> str:
    return f"{_DASH.join(x.names[:_MAX_NAMES])} {x.noun}".strip()


def _written_base(x: _Said) -> str:
    """The parties and the noun as first written ("Dahl trial", "Nordic ministers' forum")."""
    nouns = [m.words.casefold() for m in x.c.mentions if m.trigger.pos_ in ("NOUN", "PROPN")]
    noun = x.noun if x.c.kind == "trial" else (nouns[0] if nouns else x.noun)
    return f"{_DASH.join(x.names[:_MAX_NAMES])} {noun}".strip()


_PARTIES_FIRST = ("interview", "press_conference", "visit", "protest", "election")
# How an event's label begins, by the first rule that applies.
_LABEL_RULES: tuple[tuple[Callable[[Cluster], bool], Callable[[_Said], str]], ...] = (
    (lambda c: c.kind == "deadline", _deadline_base),
    (lambda c: bool(c.name), _named_base),
    (lambda c: c.kind in ("sanctions", "expulsion"), _measure_base),
    (lambda c: c.kind == "other", _other_base),
    (lambda c: c.kind == "award", _award_base),
    (lambda c: family(c.kind) == "meeting" or c.kind in _PARTIES_FIRST, _parties_base),
    (lambda c: True, _written_base),
)


def label(c: Cluster, refs: Refs, location: str | None) -> str:
    """A readable name: "Biden–Putin summit in Geneva", "US sanctions on Russia"."""
    # the parties as the event was introduced: the first mention naming two or more
    named = next((m.participants for m in c.mentions if len(m.participants) >= 2), c.participants)
    said = _Said(
        c=c,
        names=list(dict.fromkeys(refs.short_name(p) for p in named)),
        noun=_noun(c),
        detail=next((m.detail for m in c.mentions if m.detail), None),
        agents=[refs.short_name(a) for a in c.agents],
        targets=[refs.short_name(p) for p in c.participants if p not in c.agents],
    )
    base = next(make(said) for applies, make in _LABEL_RULES if applies(c))
    if location:
        place = refs.places[location].name
        if place not in base:
            base += f" {'to' if c.kind == 'visit' else 'in'} {place}"
    return base[:1].upper() + base[1:]


def _status(c: Cluster, anchor: date | None) -> str:
    w = c.when
    if w is not None and anchor is not None:
        if w.end < anchor:
            return "past"
        if w.start > anchor:
            # "sentenced on Tuesday (7)" counted from a caption of Monday the 6th: done
            recent = w.start - anchor <= _ANCHOR_SLACK
            if recent and any(m.direction == "past" and m.strong and not m.planned for m in c.mentions):
                return "past"
            return "planned"
    planned = any(m.planned for m in c.mentions)
    past = any(m.direction == "past" and not m.planned for m in c.mentions)
    strong_past = any(m.direction == "past" and m.strong and not m.planned for m in c.mentions)
    if planned and not strong_past:
        return "planned"
    if past:
        return "past"
    if any(m.direction == "present" and m.trigger.tag_ == "VBG" for m in c.mentions):
        return "ongoing"
    if w is not None and anchor is not None:
        return "ongoing"  # the dates cover the publication day and nothing says otherwise
    return "unknown"


def _date(c: Cluster) -> DateInfo | None:
    w = c.when
    if w is not None:
        info = w.ref.info
        start, end = w.start.isoformat(), (w.end.isoformat() if w.end != w.start else None)
        if not w.shifted and (start, end) == (info.start, info.end):
            return info
        if not w.shifted:
            # several days, or a length the text gives ("a two-day visit" from Monday)
            return DateInfo(start=start, end=end, precision="day", text=info.text)
        # "on the eve of the meeting" on Monday: the meeting is on Tuesday
        return DateInfo(start=start, end=end, precision="day", text=f"the day after {info.text}" if info.text else None)
    written = next((d.info for m in c.mentions for d in m.dates), None)
    return written  # unresolved, kept as written


# How sure an event is: a base, what supports it and what speaks against it, between a
# floor and a cap.
CONFIDENCE = {
    "base": 0.5,
    "per further mention": 0.1,  # at most MAX_FURTHER_MENTIONS count
    "two or more parties": 0.1,
    "dated": 0.1,
    "placed": 0.05,
    "date not believed": 0.3,  # subtracted: a date the dates stage could not believe
    "only inside quotes": 0.1,  # subtracted: someone's words, not the reporter's
    "floor": 0.1,
    "cap": 0.95,
}
MAX_FURTHER_MENTIONS = 2


def _confidence(c: Cluster, location: str | None) -> float:
    w = CONFIDENCE
    score = w["base"] + w["per further mention"] * min(MAX_FURTHER_MENTIONS, len(c.mentions) - 1)
    if len(c.participants) >= 2:
        score += w["two or more parties"]
    if c.when is not None:
        score += w["dated"]
    if location:
        score += w["placed"]
    if any(d.confidence <= CONF_PROBLEM for m in c.mentions for d in m.dates):
        score -= w["date not believed"]
    if all(m.quote is not None for m in c.mentions):
        score -= w["only inside quotes"]
    return round(min(w["cap"], max(w["floor"], score)), 2)


def build(article: Article, clusters: list[Cluster], refs: Refs, anchor: date | None) -> list[Event]:
    inherited = inherit_locations(clusters, refs)
    events = []
    for n, c in enumerate(clusters, 1):
        location = c.location(refs) or inherited.get(n - 1)
        spans = [
            Span(paragraph=m.paragraph, start=s, end=e)
            for m in c.mentions
            if m.paragraph is not None
            for s, e in m.spans
        ]
        events.append(
            Event(
                id=local_id(article.id, "event", n),
                kind=c.kind,  # type: ignore[arg-type]  # an EventKind: the trigger table's kinds
                label=label(c, refs, location),
                date=_date(c),
                status=_status(c, anchor),  # type: ignore[arg-type]  # an EventStatus: what _status returns
                location=location,
                participants=c.participants,
                mentions=spans,
                confidence=_confidence(c, location),
            )
        )
    return events


# --- the reading the events stage and the quote-linking stage share --------------------


@dataclass(frozen=True)
class Reading:
    """What the events stage works out about an article: its parses, mentions, groups of
    mentions and the events they became. The quote-linking stage reads the same."""

    docs: list["Doc"]
    mentions: list[Mention]
    clusters: list[Cluster]
    events: list[Event]

    def event_of(self) -> dict[int, str]:
        """The event id of each mention that became part of an event, by ``id(mention)``."""
        return {id(m): e.id for c, e in zip(self.clusters, self.events) for m in c.mentions}


# What the reading depends on: everything but what the stages after it write.
_NOT_READ = cast("IncEx", {"events": True, "provenance": True, "quotes": {"__all__": {"event"}}})


def reading(article: Article, options: "ExtractOptions") -> Reading:
    """The events of ``article``, read once per article however many stages ask."""
    key = f"{options.spacy_model}\n{article.model_dump_json(exclude=_NOT_READ)}"
    return nlp.remembered("events", key, lambda: _read(article, options))


def _read(article: Article, options: "ExtractOptions") -> Reading:
    refs = Refs(article)
    day = dates_pass.anchor_of(article)
    body_dates = dates_pass.find(article, options.spacy_model)
    docs = story.docs(article, options.spacy_model) + nlp.parse(story.outside_body(article), options.spacy_model)
    mentions = mentions_of(article, docs, refs, body_dates)
    clusters = cluster(mentions, refs)
    events = build(article, clusters, refs, day)
    # the event the headline and lead report comes first (made anew when no trigger had it)
    events, at = main.put_first(article, events, main.find(article, docs, refs, body_dates), refs, day)
    if events and at is None and len(events) > len(clusters):
        clusters = [Cluster(), *clusters]
    elif at is not None:
        clusters = [clusters[at], *clusters[:at], *clusters[at + 1 :]]
    return Reading(docs, mentions, clusters, events)


def run(article: Article, options: "ExtractOptions") -> Article:
    """Events found in ``article`` (its quotes are linked to them by :mod:`.link`)."""
    return article.model_copy(update={"events": reading(article, options).events})
