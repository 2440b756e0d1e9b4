"""A huge article extracted in windows of paragraphs, so that memory stays bounded in its length.

Every stage that parses reads the spaCy Docs of the whole body at once (about 56 bytes a
character of text, more with the stages' own tables): an article at the 64 MiB input limit
would need gigabytes. An article whose body is longer than :data:`WINDOW_CHARS` (or has more
than :data:`WINDOW_PARAGRAPHS` paragraphs) therefore goes through those stages one window of
paragraphs at a time; each window's Docs are dropped before the next is parsed, and the
windows' results are merged into the article:

- spans go back to the article's paragraphs (a paragraph longer than a window is cut after a
  sentence into pieces, each a paragraph of its window, and its spans shifted back);
- actors and places with the same id (ids are minted from kind and name) are one, their
  mentions, aliases and titles joined;
- quotes and events are numbered again in reading order; an event of a later window with the
  same kind, label, date and place as an earlier one is that event (mentions and
  participants joined);
- notes are kept once, the paragraphs they name counted in the article.

What a window cannot see is the trade-off, for huge articles only: a pronoun or a bare
surname at the start of a window does not reach back to the person named in the window
before, a quote's speaker named only in the window before is not found, and the headline,
standfirst, captions and dateline are read with the first window only (the main event comes
from there). Articles within both limits are extracted whole, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from ..model import Actor, Article, Event, Paragraph, ParagraphRole, Place, Provenance, Quote, Span, local_id
from . import nlp
from .events import main
from .options import ExtractOptions

__all__ = ["WINDOW_CHARS", "WINDOW_PARAGRAPHS", "Piece", "extract", "needed", "windows"]

# An article whose body is longer than this is extracted in windows of at most this many
# characters: a window's Docs and tables stay near those of a long article (1 MB: about
# 110 MB over the spaCy model), whatever the article's length.
WINDOW_CHARS = 1_000_000
# Nor more paragraphs than this in one window: nlp.parse keeps 4,096 Docs, and a window
# whose Docs it had to drop would be parsed again by every stage.
WINDOW_PARAGRAPHS = 2_000

# A later window starts with these notes, so that the events stage reads no lead there: the
# main event is what the article's headline and lead report (read with the first window),
# not what a window's first paragraph says (events/main.py takes no note, nor a paragraph of
# fewer than MIN_LEAD_WORDS words, for the lead, and the other stages read no note).
_NO_LEAD_TEXT = "\u2026"

StageRun = Callable[[Article, ExtractOptions], Article]


@dataclass(frozen=True)
class Piece:
    """A paragraph of a window: all of a paragraph of the article, or a piece of a long one."""

    paragraph: int  # its index in the article's body (-1: a note that only starts a window)
    shift: int  # where it starts in that paragraph's text
    text: str
    role: ParagraphRole


def needed(article: Article) -> bool:
    """Whether ``article`` is too long to be extracted whole (see the module's note)."""
    return len(article.body) > WINDOW_PARAGRAPHS or sum(len(p.text) for p in article.body) > WINDOW_CHARS


def windows(body: Sequence[Paragraph]) -> Iterator[list[Piece]]:
    """The body in windows of whole paragraphs, in order; a paragraph longer than a window
    is cut after a sentence (else at white space) into pieces of its own."""
    chars, paragraphs = WINDOW_CHARS, WINDOW_PARAGRAPHS  # read at the call: a test lowers them
    window: list[Piece] = []
    size = 0
    for n, para in enumerate(body):
        for shift, text in nlp.pieces(para.text, chars) if len(para.text) > chars else [(0, para.text)]:
            if window and (size + len(text) > chars or len(window) >= paragraphs):
                yield window
                window, size = [], 0
            window.append(Piece(n, shift, text, para.role))
            size += len(text)
    if window:
        yield window


def extract(article: Article, stages: Sequence[StageRun], options: ExtractOptions) -> Article:
    """``article`` through ``stages`` window by window, the results merged (see the module's note)."""
    merged = _Merged(article)
    for n, window in enumerate(windows(article.body)):
        if n:
            window = [Piece(-1, 0, _NO_LEAD_TEXT, "note")] * (main.LEAD_PARAGRAPHS + 2) + window
        part = _window_article(article, window, merged if n else None)
        try:
            for stage in stages:
                part = stage(part, options)
            # checked here, where it is small: the merge keeps what a window's rules guarantee
            part = Article.model_validate(part.model_dump())
        finally:
            nlp.forget()  # this window's Docs and readings: the next window parses its own
        merged.add(part, window)
    return merged.article()


def _window_article(article: Article, window: list[Piece], before: "_Merged | None") -> Article:
    """The article as a window sees it: its paragraphs, the actors and places the article had
    with the mentions that fall in it, those the windows ``before`` found (without their
    mentions: a name seen before means the same actor); the headline and what goes with it
    in the first window only."""
    where: dict[int, list[int]] = {}
    for i, piece in enumerate(window):
        where.setdefault(piece.paragraph, []).append(i)
    actors = [a.model_copy(update={"mentions": _into(a.mentions, window, where)}) for a in article.actors]
    places = [p.model_copy(update={"mentions": _into(p.mentions, window, where)}) for p in article.places]
    update: dict[str, object] = {
        "body": [Paragraph(text=p.text, role=p.role) for p in window],
        "quotes": [],
        "events": [],
    }
    if before is not None:
        had = {a.id for a in article.actors} | {p.id for p in article.places}
        actors += [a.model_copy(update={"mentions": []}) for a in before.actors.values() if a.id not in had]
        places += [p.model_copy(update={"mentions": []}) for p in before.places.values() if p.id not in had]
        update.update(headline=None, kicker=None, subheadline=None, dateline=None, media=[])
    update.update(actors=actors, places=places)
    return article.model_copy(update=update)


def _into(spans: list[Span], window: list[Piece], where: dict[int, list[int]]) -> list[Span]:
    """The spans that fall in ``window`` (``where``: its pieces of each paragraph), counted in its paragraphs."""
    out = []
    for s in spans:
        for i in where.get(s.paragraph, ()):
            p = window[i]
            if p.shift <= s.start and s.end <= p.shift + len(p.text):
                out.append(Span(paragraph=i, start=s.start - p.shift, end=s.end - p.shift))
    return out


def _back(span: Span, window: list[Piece]) -> Span:
    """A span of a window's paragraph, counted in the article's (a span in the headline or
    standfirst stays as it is: only the first window sees them, whole)."""
    if not span.in_body:
        return span
    p = window[span.paragraph]
    return Span(paragraph=p.paragraph, start=span.start + p.shift, end=span.end + p.shift)


_NOTE_PARAGRAPH = re.compile(r"\bparagraph (\d+)\b")


@dataclass
class _Merged:
    """The windows' results, joined into the article."""

    base: Article
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    event_keys: dict[tuple[str, str, str | None, str | None], int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, part: Article, window: list[Piece]) -> None:
        for a in part.actors:
            a = a.model_copy(update={"mentions": [_back(s, window) for s in a.mentions]})
            self.actors[a.id] = self.actors[a.id].filled_from(a) if a.id in self.actors else a
        for p in part.places:
            p = p.model_copy(update={"mentions": [_back(s, window) for s in p.mentions]})
            self.places[p.id] = _join_place(self.places[p.id], p) if p.id in self.places else p
        event_ids = {e.id: self._event(e, window) for e in part.events}
        for q in part.quotes:
            self.quotes.append(
                q.model_copy(
                    update={
                        "id": local_id(self.base.id, "quote", len(self.quotes) + 1),
                        "spans": [_back(s, window) for s in q.spans],
                        "speaker_mention": _back(q.speaker_mention, window) if q.speaker_mention else None,
                        "via_mention": _back(q.via_mention, window) if q.via_mention else None,
                        "event": event_ids.get(q.event) if q.event else None,
                    }
                )
            )
        self._notes(part, window)

    def _event(self, e: Event, window: list[Piece]) -> str:
        """The id ``e`` has in the article: its own new one, or that of the same event before."""
        e = e.model_copy(update={"mentions": [_back(s, window) for s in e.mentions]})
        key = (e.kind, e.label, e.date.model_dump_json() if e.date else None, e.location)
        if key in self.event_keys:
            n = self.event_keys[key]
            old = self.events[n]
            self.events[n] = old.model_copy(
                update={
                    "mentions": [*old.mentions, *e.mentions],
                    "participants": [*old.participants, *(x for x in e.participants if x not in old.participants)],
                    "confidence": max(old.confidence, e.confidence),
                }
            )
            return old.id
        self.event_keys[key] = len(self.events)
        self.events.append(e.model_copy(update={"id": local_id(self.base.id, "event", len(self.events) + 1)}))
        return self.events[-1].id

    def _notes(self, part: Article, window: list[Piece]) -> None:
        had = set(self.base.provenance.notes) if self.base.provenance else set()
        for note in part.provenance.notes if part.provenance else []:
            if note not in had:
                note = _NOTE_PARAGRAPH.sub(lambda m: _article_paragraph(m, window), note)
                if note not in self.notes:
                    self.notes.append(note)

    def article(self) -> Article:
        prov = self.base.provenance or Provenance()
        update: dict[str, object] = {
            "actors": list(self.actors.values()),
            "places": list(self.places.values()),
            "quotes": self.quotes,
            "events": self.events,
        }
        if self.notes or self.base.provenance:
            update["provenance"] = prov.model_copy(update={"notes": [*prov.notes, *self.notes]})
        return self.base.model_copy(update=update)


def _article_paragraph(m: re.Match[str], window: list[Piece]) -> str:
    """'paragraph 3' of a window's note as the article counts it (a number that is no
    paragraph of the window is left as written)."""
    n = int(m.group(1))
    return f"paragraph {window[n].paragraph}" if n < len(window) and window[n].paragraph >= 0 else m.group()


def _join_place(old: Place, new: Place) -> Place:
    return old.model_copy(
        update={
            "mentions": [*old.mentions, *new.mentions],
            "aliases": [*old.aliases, *(x for x in new.aliases if x not in old.aliases and x != old.name)],
            "country": old.country or new.country,
        }
    )
