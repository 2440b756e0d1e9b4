"""Who and where a word of the text refers to: actor and place ids for the events pass.

The actors pass marks names (``Actor.mentions``, ``Place.mentions``); the quotes pass
resolves speakers, pronouns included (``Quote.speaker_mention``). Events need more
references than those: "he" as the subject of "meets", "I" inside a quote, "the two
leaders", "their summit", "Moscow and Kiev" as the parties to negotiations. This module
answers them from what the earlier passes found, and nothing else: no new actors.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ...lexicon.names import surname
from ...lexicon.wordlists import data
from ...model import Actor, Article, normalise_name

if TYPE_CHECKING:
    from spacy.tokens import Token

_FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE = frozenset({"he", "him", "his", "himself"})
# Inside a quote, "I" is the speaker, and "we" at least includes them.
_SPEAKER = frozenset({"i", "me", "my", "myself", "mine", "we", "us", "our", "ourselves"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4}


@lru_cache(maxsize=1)
def _words() -> dict:
    return data("event_triggers")


@dataclass(frozen=True)
class _Mark:
    paragraph: int
    start: int
    end: int
    ref: str


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


# Longer than any name: marks starting this far before a span cannot overlap it.
_LONGEST_MARK = 400


def _near(marks: list[_Mark], keys: list[tuple[int, int]], paragraph: int, start: int, end: int) -> list[_Mark]:
    """The marks (sorted by paragraph and start) overlapping [start, end) of a paragraph.

    A bisection, not a scan: a paragraph of any length has its lookups in log time.
    """
    lo = bisect.bisect_left(keys, (paragraph, start - _LONGEST_MARK))
    hi = bisect.bisect_left(keys, (paragraph, end))
    return [m for m in marks[lo:hi] if m.paragraph == paragraph and _overlaps(m.start, m.end, start, end)]


class Refs:
    """Lookups over one article's actors, places and quotes."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.actors = {a.id: a for a in article.actors}
        self.places = {p.id: p for p in article.places}
        self._actor_marks = sorted(
            (_Mark(s.paragraph, s.start, s.end, a.id) for a in article.actors for s in a.mentions),
            key=lambda m: (m.paragraph, m.start),
        )
        self._place_marks = sorted(
            (_Mark(s.paragraph, s.start, s.end, p.id) for p in article.places for s in p.mentions),
            key=lambda m: (m.paragraph, m.start),
        )
        self._speaker_marks = sorted(
            (
                _Mark(q.speaker_mention.paragraph, q.speaker_mention.start, q.speaker_mention.end, q.speaker)
                for q in article.quotes
                if q.speaker and q.speaker_mention and q.speaker_mention.in_body
            ),
            key=lambda m: (m.paragraph, m.start),
        )
        self._quote_marks = [
            (_Mark(s.paragraph, s.start, s.end, q.speaker or ""), q.id)
            for q in article.quotes
            for s in q.spans
            if s.in_body  # a headline quote is no mark in a paragraph
        ]
        self._keys = [(m.paragraph, m.start) for m in self._actor_marks]
        self._speaker_keys = [(m.paragraph, m.start) for m in self._speaker_marks]
        self._place_keys = [(m.paragraph, m.start) for m in self._place_marks]
        self._countries = {
            normalise_name(n): a.id for a in article.actors if a.kind == "country" for n in [a.name, *a.aliases]
        }
        self._place_names = {normalise_name(n): p.id for p in article.places for n in [p.name, *p.aliases]}

    # --- names the earlier passes marked ------------------------------------------------

    def actors_at(self, paragraph: int | None, start: int, end: int, text: str = "") -> list[str]:
        """Actors with a mention overlapping [start, end); by name in captions (no spans)."""
        if paragraph is None:
            return self._named_in(text)
        found = [m.ref for m in _near(self._actor_marks, self._keys, paragraph, start, end)]
        found += [m.ref for m in _near(self._speaker_marks, self._speaker_keys, paragraph, start, end)]
        return list(dict.fromkeys(found))

    def place_at(self, paragraph: int | None, start: int, end: int, text: str = "") -> str | None:
        if paragraph is None:
            hits = [p.id for p in self.article.places if any(n and n in text for n in [p.name, *p.aliases])]
            return hits[0] if hits else None
        for m in _near(self._place_marks, self._place_keys, paragraph, start, end):
            return m.ref
        # a place the article names elsewhere, here taken for its government ("visited Moscow")
        return self._place_names.get(normalise_name(text)) if text else None

    def country_of_place(self, place_id: str) -> str | None:
        """The country actor a place stands for when it acts ("talks between Moscow and Kiev")."""
        place = self.places.get(place_id)
        if place is None:
            return None
        for name in (place.name, *place.aliases):
            if normalise_name(name) in self._countries:
                return self._countries[normalise_name(name)]
        if place.kind == "city" and place.country:
            return self._countries.get(normalise_name(place.country))
        return None

    def _named_in(self, text: str) -> list[str]:
        plain = text.replace("\u2019s", " ").replace("'s", " ")
        words = set(plain.split()) | set(re.split(r"[\s\-\u2013\u2014]+", plain))
        hits = []
        for a in self.article.actors:
            names = [a.name, *a.aliases]
            if a.kind == "person":
                names.append(surname(a.name))
            if any((n in words) if " " not in n else (n in text) for n in names if n):
                hits.append(a.id)
        return hits

    # --- references the names do not cover ---------------------------------------------------

    def quote_at(self, paragraph: int | None, pos: int) -> tuple[str | None, str] | None:
        """(speaker, quote id) of the quote that covers ``pos``, if any."""
        if paragraph is None:
            return None
        for mark, qid in self._quote_marks:
            if mark.paragraph == paragraph and mark.start <= pos < mark.end:
                return (mark.ref or None), qid
        return None

    def _before(self, paragraph: int, pos: int) -> Iterable[_Mark]:
        """Actor mentions before (paragraph, pos), nearest first."""
        i = bisect.bisect_left(self._keys, (paragraph, pos))
        return reversed(self._actor_marks[:i])

    def _possessive(self, m: _Mark) -> bool:
        text = self.article.body[m.paragraph].text
        return text[m.end : m.end + 2] in ("'s", "\u2019s")

    def pronoun(self, paragraph: int | None, token: "Token", plural_kind: str = "any") -> list[str]:
        """The actor(s) a pronoun stands for: the quote's speaker for "I", else the last fit.

        A name in the possessive ("Putin's foe") is passed over while another fits:
        "he" after "Navalny, Putin's most adamant foe, was jailed" is Navalny.
        """
        word = token.lower_
        if paragraph is None:
            return []
        if word in _SPEAKER:
            hit = self.quote_at(paragraph, token.idx)
            return [hit[0]] if hit and hit[0] else []  # outside a quote: the writer
        if word in _PLURAL:
            # "their summit": two people named in this sentence or the one before
            return self.group(paragraph, token.idx, plural_kind, window=self._sentence_window(paragraph, token))
        if word in ("it", "its"):
            for m in self._before(paragraph, token.idx):
                if self.actors[m.ref].kind in ("country", "organization"):
                    return [m.ref]
            return []
        if word not in _MALE and word not in _FEMALE:
            return []
        inside = self.quote_at(paragraph, token.idx)
        speaker = inside[0] if inside else None
        wanted = "male" if word in _MALE else "female"
        known: list[str] = []  # the pronoun's gender, as far as the actors pass knows it
        unknown: list[str] = []
        for m in self._before(paragraph, token.idx):
            actor = self.actors[m.ref]
            if actor.kind != "person" or m.ref == speaker or paragraph - m.paragraph > 2:
                continue  # inside a quote, "he" is someone other than the speaker
            if actor.gender not in (None, wanted):
                continue
            pool = known if actor.gender == wanted else unknown
            if not self._possessive(m) and m.ref not in pool:
                pool.append(m.ref)
        return (known or unknown)[:1]

    def _is_leader(self, actor: Actor, nationality: str | None) -> bool:
        titles = " ".join(actor.titles).casefold()
        if not any(t in titles for t in _words()["leader_titles"]):
            return False
        return nationality is None or nationality.casefold()[:5] in titles

    def _sentence_window(self, paragraph: int, token: "Token") -> tuple[int, int]:
        """(paragraph, offset) where the sentence before ``token``'s sentence starts."""
        sent = token.sent
        prev = token.doc[sent.start - 1].sent if sent.start > 0 else None
        if prev is not None:
            return paragraph, prev.start_char
        return (paragraph - 1, 0) if paragraph > 0 else (paragraph, 0)

    def group(
        self,
        paragraph: int | None,
        pos: int,
        kind: str,
        count: int = 2,
        nationality: str | None = None,
        window: tuple[int, int] | None = None,
    ) -> list[str]:
        """ "the two leaders", "both countries", "their": the last ``count`` fitting actors
        (mentioned after ``window``, a (paragraph, offset), when given)."""
        if paragraph is None:
            return []
        picked: list[str] = []
        fallback: list[str] = []
        for m in self._before(paragraph, pos):
            if window is not None and (m.paragraph, m.start) < window:
                break
            actor = self.actors[m.ref]
            if m.ref in picked or m.ref in fallback:
                continue
            if kind == "country" and actor.kind == "country":
                picked.append(m.ref)
            elif kind in ("leader", "person", "any") and actor.kind == "person":
                if kind != "leader" or self._is_leader(actor, nationality):
                    picked.append(m.ref)
                elif kind == "leader":
                    fallback.append(m.ref)
            if len(picked) == count:
                return self._in_text_order(picked)
        if kind == "leader" and len(picked) < count and len(picked) + len(fallback) >= count:
            return self._in_text_order((picked + fallback)[:count])
        return self._in_text_order(picked) if len(picked) == count else []

    def _in_text_order(self, refs: list[str]) -> list[str]:
        first: dict[str, tuple[int, int]] = {}
        for m in self._actor_marks:
            first.setdefault(m.ref, (m.paragraph, m.start))
        return sorted(refs, key=lambda r: first.get(r, (0, 0)))

    def covers(self, a: str, b: str) -> bool:
        """Whether actor ``a`` stands for ``b`` or belongs to it (Nuland -> US)."""
        seen = set()
        while a and a not in seen:
            if a == b:
                return True
            seen.add(a)
            actor = self.actors.get(a)
            a = actor.affiliation if actor and actor.affiliation else ""
        return False

    def short_name(self, ref: str) -> str:
        """How a label names an actor: a person's surname, a country's shortest name."""
        actor = self.actors.get(ref)
        if actor is None:
            place = self.places.get(ref)
            return place.name if place else ref
        if actor.kind == "person":
            return surname(actor.name)
        if actor.kind == "country":
            # "US", "UK", "EU" read better than "United States"; a capital ("Moscow") does not
            short = [n for n in actor.aliases if 2 <= len(n.replace(".", "")) <= 3 and n.replace(".", "").isupper()]
            return min(short, key=lambda n: (len(n), n)) if short else actor.name
        return actor.name

    def group_noun(self, token: "Token") -> tuple[str, int] | None:
        """("leader", 2) for "the two leaders"; None for nouns that name no group."""
        kind = _words()["group_nouns"].get(token.lemma_.casefold())
        if kind is None:
            return None
        count = next((_NUMBERS[c.lower_] for c in token.children if c.lower_ in _NUMBERS), None)
        if token.tag_ in ("NNS", "NNPS"):
            if count is None and not any(c.lower_ in ("the", "both", "their") for c in token.children):
                return None
            return kind, count or 2
        if kind == "leader" and any(c.lower_ == "the" for c in token.children):
            return kind, 1  # "the Russian leader"; "the state" is too often not a country
        return None
