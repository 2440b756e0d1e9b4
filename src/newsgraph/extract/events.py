"""The events pass: what happened or will happen, when, where, with whom.

Runs after actors and quotes, and dates its events itself (:mod:`.dates`, whose notes
on dates it cannot believe go to ``provenance.notes``). Trigger words give mentions
(:mod:`.eventmentions`), mentions of one event are grouped (:mod:`.eventmerge`), and
each group becomes an :class:`~newsgraph.model.Event` with a kind, a readable label
("Biden–Putin summit in Geneva"), participants, a place, a date, a status and its
mentions. The headline, the standfirst and the photo captions are read too: they have
no spans, but they often hold the full date, the venue or the gist ("The US and Russia
held talks in Moscow this week"). Quotes said at an event point to it (``Quote.event``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..model import Article, DateInfo, Event, Provenance, Quote, Span, local_id
from . import dates as dates_pass
from . import nlp, story
from .eventmentions import DateRef, Mention, family, governing, occasion_of, read, words
from .eventmerge import Cluster, cluster, inherit_locations
from .eventrefs import Refs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline import ExtractOptions

_DASH = "\u2013"  # "Biden–Putin summit"
_MAX_NAMES = 3
# A publication date found in a caption may be a day or two before the story's events:
# within this gap, a verb in the past tense outweighs the calendar.
_ANCHOR_SLACK = timedelta(days=2)
_VERB_REACH = 40  # characters after a quote in which its speech verb is looked for


def _body_dates(article: Article, found: list[tuple[int, dates_pass.Found]]) -> list[list[DateRef]]:
    per: list[list[DateRef]] = [[] for _ in article.body]
    for i, f in found:
        per[i].append(DateRef(f.expr.start, f.expr.end, f.date, f.confidence))
    return per


def mentions_of(article: Article, docs: list["Doc"], refs: Refs,
                body_dates: list[tuple[int, dates_pass.Found]]) -> list[Mention]:
    """Every event mention in the body, then in the headline, standfirst and captions
    (these give dates, places and participants but no spans)."""
    per = _body_dates(article, body_dates)
    found: list[Mention] = []
    for i, doc in enumerate(docs[:len(article.body)]):
        found += read(doc, i, refs, per[i])
    day = dates_pass.anchor_of(article)
    for doc in docs[len(article.body):]:
        refs_dates = [DateRef(f.expr.start, f.expr.end, f.date, f.confidence)
                      for f in dates_pass.in_text(doc.text, doc, day)]
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
        return next((n for n in nouns if "trial" not in n), nouns[0]) if nouns and not any(
            "trial" in n for n in nouns) else "trial"
    return w["labels"][kind]


def label(c: Cluster, refs: Refs, location: str | None) -> str:
    """A readable name: "Biden–Putin summit in Geneva", "US sanctions on Russia"."""
    # the parties as the event was introduced: the first mention naming two or more
    named = next((m.participants for m in c.mentions if len(m.participants) >= 2), c.participants)
    names = list(dict.fromkeys(refs.short_name(p) for p in named))
    parties = _DASH.join(names[:_MAX_NAMES])
    noun = _noun(c)
    kind = c.kind
    detail = next((m.detail for m in c.mentions if m.detail), None)
    agents = [refs.short_name(a) for a in c.agents]
    targets = [refs.short_name(p) for p in c.participants if p not in c.agents]
    if kind == "deadline":
        base = f"{detail or c.name or 'deadline'} {noun}"
    elif c.name:
        base = c.name if kind != "award" or not names else f"{c.name} to {names[0]}"
    elif kind in ("sanctions", "expulsion"):
        base = " ".join([*agents[:1], noun])
        tail = detail or ", ".join(targets[:_MAX_NAMES])
        if tail:
            base += f" {'on' if kind == 'sanctions' else 'of'} {tail}"
    elif kind == "other":
        base = f"{noun} of {', '.join(names[:_MAX_NAMES])}" if names else noun
    elif kind == "award":
        base = f"{noun} to {names[0]}" if names else noun
    elif family(kind) == "meeting" or kind in ("interview", "press_conference", "visit", "protest", "election"):
        base = f"{parties} {noun}".strip()
    else:
        nouns = [m.words.casefold() for m in c.mentions if m.trigger.pos_ in ("NOUN", "PROPN")]
        base = f"{parties} {noun if kind == 'trial' else (nouns[0] if nouns else noun)}".strip()
    if location:
        place = refs.places[location].name
        if place not in base:
            base += f" {'to' if kind == 'visit' else 'in'} {place}"
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
        return DateInfo(start=start, end=end, precision="day",
                        text=f"the day after {info.text}" if info.text else None)
    written = next((d.info for m in c.mentions for d in m.dates), None)
    return written  # unresolved, kept as written


def _confidence(c: Cluster, location: str | None) -> float:
    score = 0.5 + 0.1 * min(2, len(c.mentions) - 1)
    if len(c.participants) >= 2:
        score += 0.1
    if c.when is not None:
        score += 0.1
    if location:
        score += 0.05
    if any(d.confidence <= 0.2 for m in c.mentions for d in m.dates):
        score -= 0.3  # its date could not be believed
    if all(m.quote is not None for m in c.mentions):
        score -= 0.1
    return round(min(0.95, max(0.1, score)), 2)


def build(article: Article, clusters: list[Cluster], refs: Refs, anchor: date | None) -> list[Event]:
    inherited = inherit_locations(clusters, refs)
    events = []
    for n, c in enumerate(clusters, 1):
        location = c.location(refs) or inherited.get(n - 1)
        spans = [Span(paragraph=m.paragraph, start=s, end=e)
                 for m in c.mentions if m.paragraph is not None for s, e in m.spans]
        events.append(Event(
            id=local_id(article.id, "event", n), kind=c.kind, label=label(c, refs, location),  # type: ignore[arg-type]
            date=_date(c), status=_status(c, anchor), location=location,  # type: ignore[arg-type]
            participants=c.participants, mentions=spans, confidence=_confidence(c, location)))
    return events


# --- quotes said at an event ------------------------------------------------------------


def _speech_verb(article: Article, docs: list["Doc"], q: Quote) -> tuple[int, "object"] | None:
    """(paragraph, verb) that says the quote: the verb of its speaker's name, else the main
    verb of the sentence the quote ends in ("'...,' Biden told reporters at a news
    conference")."""
    sm = q.speaker_mention
    if sm is not None:
        if sm.paragraph >= len(docs):
            return None
        span = docs[sm.paragraph].char_span(sm.start, sm.end, alignment_mode="expand")
        verb = governing(span.root)[0] if span is not None and len(span) else None
        return (sm.paragraph, verb) if verb is not None else None
    last = q.spans[-1]
    if last.paragraph >= len(docs):
        return None
    # no speaker found: the first verb just after the quote ("…,” Biden told reporters)
    after = [t for t in docs[last.paragraph] if last.end <= t.idx < last.end + _VERB_REACH]
    verb = next((t for t in after if t.pos_ == "VERB"), None)
    return (last.paragraph, verb) if verb is not None else None


def link_quotes(article: Article, docs: list["Doc"], mentions: list[Mention],
                event_of: dict[int, str]) -> list[Quote]:
    """Quotes whose speech verb has an event for its occasion ("said after the meeting",
    "told reporters at a news conference") point to that event."""
    quotes = []
    for q in article.quotes:
        event = None
        said = _speech_verb(article, docs, q)
        if said is not None:
            para, verb = said
            for m in mentions:
                if m.paragraph != para or id(m) not in event_of or m.quote == q.id:
                    continue
                occasion = occasion_of(m)
                # "In a clip of an interview aired on Friday, Putin told ...": one clause down
                if occasion is not None and (occasion == verb or (occasion.head == verb and occasion.dep_ == "ccomp")):
                    event = event_of[id(m)]
                    break
        quotes.append(q if q.event == event else q.model_copy(update={"event": event}))
    return quotes


def _with_notes(article: Article, notes: list[str]) -> Provenance | None:
    """The article's provenance with this pass's notes replacing those of an earlier run."""
    provenance = article.provenance
    if provenance is None and not notes:
        return None
    provenance = provenance or Provenance()
    kept = [n for n in provenance.notes if not n.startswith(dates_pass.NOTE_PREFIX)]
    return provenance.model_copy(update={"notes": kept + notes})


def run(article: Article, options: "ExtractOptions") -> Article:
    refs = Refs(article)
    day = dates_pass.anchor_of(article)
    body_dates = dates_pass.find(article, options.spacy_model)
    docs = story.docs(article, options.spacy_model) + nlp.parse(story.outside_body(article), options.spacy_model)
    mentions = mentions_of(article, docs, refs, body_dates)
    clusters = cluster(mentions, refs)
    events = build(article, clusters, refs, day)
    event_of = {id(m): e.id for c, e in zip(clusters, events) for m in c.mentions}
    quotes = link_quotes(article, docs, mentions, event_of)
    return article.model_copy(update={"events": events, "quotes": quotes,
                                      "provenance": _with_notes(article, dates_pass.notes(article, body_dates))})
