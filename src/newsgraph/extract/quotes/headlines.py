"""Quotes in the headline and the subheadline (standfirst).

Headlines quote people in shapes of their own: *Name: Clause With a 'Quoted Bit'*
(the name before the colon said what follows it), *X Calls Y 'Z'*, *X Says Y 'Z'*,
*'...', X Says*, *X: 'Whole Quote'*, mostly in Title Case and with single quote marks.
spaCy's parse of Title Case is weak (every word looks like a name), so each line is
parsed again *sentence-cased*: a capitalised word whose lower-case form the body uses
is lower-cased (the same number of characters, so every offset holds). On that parse
the body's machinery (:mod:`.marks`, :mod:`.cues`, :mod:`.attribution`) links quotes
and cues; the colon shape comes first, as a rule of its own, because the parser reads
the name before the colon as a fragment.

Only quotes that something attributes are kept: a quoted phrase nothing attributes is a
scare quote or a title (*Hall Stages 'The Tempest'*). The speaker is an actor of the
article when the body names one whose name holds the headline's words (*Pence* is
*Mike Pence*); the mention itself points into the headline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ...lexicon import wordlists
from ...model import Actor, Article, Quote, Span, SpanPart, normalise_name
from .. import nlp
from .attribution import PREDICATE, Attribution, attribute, build_para, capped
from .marks import QuoteRegion, scan

# How sure a headline quote is: the colon shape says who speaks outright; the rest take
# the confidence of the body rule that linked them, at most this (a parse of a
# re-cased line is weaker than the parse of a sentence).
COLON_CONFIDENCE = 0.8
MAX_CONFIDENCE = 0.8
# A quoted phrase of this many words or fewer that nothing attributes is a scare quote or
# a title (*City Unveils 'Smart' Benches*); a longer quoted sentence is a quote, speaker
# unknown (as in the body).
SCARE_QUOTE_WORDS = 6
# A name before the colon is short ("Rush Limbaugh:", "Senate Leader Ana Ruiz:").
MAX_COLON_NAME_WORDS = 6
_LABELS_FILE = "headline_labels"

_TITLE_WORD = re.compile(r"(?<![\w\u2019'-])[A-Z][a-z][\w\u2019'-]*")
# A capitalised word inside a sentence: after a lower-case word, a comma or a name.
_INNER_TITLE_WORD = re.compile(r"(?<=[\w,;\u2019\u201d)\"] )[A-Z][a-z][\w\u2019'-]*")
_LOWER_WORD = re.compile(r"(?<![\w\u2019'-])[a-z][\w\u2019'-]*")
_COLON = re.compile(r":\s+")
# What the parse may take for a speaker before a headline's colon without the body naming
# it: a person. An organisation or a country speaks there when it is an actor of the
# article (Title Case makes the parser see organisations and peoples everywhere:
# *Harbour Fever:*).
_SPEAKER_ENTITIES = frozenset({"PERSON"})
# A quoted phrase right after one of these, linked only by a verb that is no speech verb
# (rule ``predicate``), names a show, a work or a slogan: *Eliminated From 'Dance Night'*.
_TITLE_PREPOSITIONS = frozenset({"from", "on", "in", "at", "of", "to", "for", "with", "into", "onto"})
_SCORED_KINDS = ("direct", "partial")


@dataclass(frozen=True)
class _Found:
    """One headline quote before it becomes a Quote: character spans in its line."""

    content: tuple[int, int]
    kind: str
    cue: str
    confidence: float
    speaker: tuple[int, int] | None


def headline_quotes(article: Article, actors: Sequence[Actor], model: str = nlp.DEFAULT_MODEL) -> list[Quote]:
    """The quotes of the headline and subheadline, ids still to be numbered (``#hq-N``)."""
    both: tuple[tuple[SpanPart, str | None], ...] = (
        ("headline", article.headline),
        ("subheadline", article.subheadline),
    )
    lines = [(part, text) for part, text in both if text and text.strip()]
    if not lines:
        return []
    regions = scan([text for _, text in lines])
    todo = [(part, text, r) for (part, text), r in zip(lines, regions) if r]
    if not todo:
        return []
    names = body_names(article)
    cased = [sentence_case(text, names) for _, text, _ in todo]
    docs = nlp.parse(cased, model)
    quotes: list[Quote] = []
    for (part, text, line_regions), line, doc in zip(todo, cased, docs):
        for found in _line_quotes(line, doc, line_regions, actors):
            quotes.append(_quote(article, actors, part, text, found, len(quotes) + 1))
    return quotes


def sentence_case(text: str, names: frozenset[str]) -> str:
    """``text`` with each Title-Case word lower-cased unless the body writes it as a name.

    ``names`` are the words the body capitalises inside its sentences more often than
    it writes them in lower case (:func:`body_names`). The first word stays as it is.
    The result has the same length as ``text``.
    """

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if m.start() == 0 or word in names:
            return word
        return word[0].lower() + word[1:]

    return _TITLE_WORD.sub(fix, text)


def body_names(article: Article) -> frozenset[str]:
    """Words the body capitalises inside a sentence more often than not: names."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for p in article.body:
        capital.update(_INNER_TITLE_WORD.findall(p.text))
        lower.update(_LOWER_WORD.findall(p.text))
    function_words = wordlists.word_set("english_function_words")
    return frozenset(
        w for w, n in capital.items() if n > lower[w[0].lower() + w[1:]] and w.lower() not in function_words
    )


def _line_quotes(line: str, doc: object, regions: list[QuoteRegion], actors: Sequence[Actor]) -> list[_Found]:
    colon = _colon_quote(line, doc, regions, actors)
    if colon is not None:
        return [colon]
    para = build_para(0, line, doc, regions)  # type: ignore[arg-type]  # a spaCy Doc (nlp.parse)
    return [f for f in (_from_attribution(a, line) for a in attribute([para])) if f is not None]


def _colon_quote(line: str, doc: object, regions: list[QuoteRegion], actors: Sequence[Actor]) -> _Found | None:
    """*Name: what they said*, when the words before the colon are a name, not a clause."""
    m = _COLON.search(line)
    if m is None or not any(r.mark_start >= m.end() for r in regions):
        return None
    if any(r.mark_start < m.start() for r in regions):
        return None
    name = _name_before(line, doc, m.start(), actors)
    if name is None:
        return None
    name = _actor_prefix(line, name, actors)
    start, end = m.end(), len(line.rstrip())
    while end > start and line[end - 1] in ".!?":
        end -= 1
    whole = any(r.mark_start == start and r.mark_end >= end for r in regions)
    if whole:  # "X: 'Whole Quote'": the words without their marks
        region = next(r for r in regions if r.mark_start == start)
        start, end = region.start, region.end
    return _Found((start, end), "direct" if whole else "partial", ":", COLON_CONFIDENCE, name)


def _name_before(line: str, doc: object, colon: int, actors: Sequence[Actor]) -> tuple[int, int] | None:
    """The speaker's words before a colon: the line's start up to the first verb or
    preposition (*Obama on Climate Change:* is Obama; the words after the preposition may
    run long: *Voss on Ferry Fares After the Winter Storms:*); None for a label (*Poll:*)
    or a clause (*Warren Hammers Bank Chief:*, which the parse links on its own)."""
    words = line[:colon].split()
    if not words or not words[0][:1].isupper():
        return None
    if line[:colon].strip().casefold() in wordlists.word_set(_LABELS_FILE):
        return None
    end = colon
    tokens = [t for t in doc if t.idx < colon]  # type: ignore[attr-defined]  # a spaCy Doc
    if tokens[0].pos_ in ("DET", "PRON"):
        return None  # "A Lesson From ...:", "Why It Matters:": no name
    for tok in tokens:
        if tok.pos_ in ("VERB", "AUX") and not _names_actor(actors, tok.text):
            return None  # (a name the parse of a short line takes for a verb is still a name)
        if tok.pos_ == "ADP" and tok.i > 0:
            end = tok.idx
            break
    end = len(line[:end].rstrip())
    if end == 0 or len(line[:end].split()) > MAX_COLON_NAME_WORDS:
        return None
    # A proper noun alone is not enough: Title Case makes "Bubonic Plague:" one.
    name = [t for t in tokens if t.idx < end]
    if not (any(t.ent_type_ in _SPEAKER_ENTITIES for t in name) or _names_actor(actors, line[:end])):
        return None
    return (0, end)


def _names_actor(actors: Sequence[Actor], words: str) -> bool:
    return _named_or_titled(actors, words) is not None


def _named_or_titled(actors: Sequence[Actor], words: str) -> Actor | None:
    """The actor of the article the words name: all of them, or (a title before a
    surname: *Port Chief Voss*) their last word a person's."""
    named = actor_named(actors, words)
    if named is not None:
        return named
    last = words.split()[-1] if words.strip() else ""
    person = actor_named(actors, last) if last[:1].isupper() else None
    return person if person is not None and person.kind == "person" else None


def _actor_prefix(line: str, name: tuple[int, int], actors: Sequence[Actor]) -> tuple[int, int]:
    """The longest run of the name's first words that names an actor (*Ana Ruiz Slams
    Board Chair:* is Ana Ruiz), else the whole name."""
    words = list(re.finditer(r"\S+", line[name[0] : name[1]]))
    for last in reversed(words):
        if actor_named(actors, line[name[0] : name[0] + last.end()]) is not None:
            return name[0], name[0] + last.end()
    return name


def _from_attribution(att: Attribution, line: str) -> _Found | None:
    if att.kind not in _SCORED_KINDS or not att.regions:
        return None
    first, last = att.regions[0], att.regions[-1]
    if att.speaker is None and len(line[first.start : last.end].split()) <= SCARE_QUOTE_WORDS:
        return None  # nothing attributes it: a scare quote or a title, not a quote
    if att.rule == PREDICATE.name and _word_before(line, first.mark_start) in _TITLE_PREPOSITIONS:
        return None  # a title after a preposition, not words the subject said
    cue = att.cue.text.lower() if att.cue is not None else ""
    speaker = (att.speaker[1], att.speaker[2]) if att.speaker is not None else None
    return _Found((first.start, last.end), att.kind, cue, min(att.confidence, MAX_CONFIDENCE), speaker)


def _word_before(line: str, at: int) -> str:
    words = line[:at].split()
    return words[-1].casefold() if words else ""


def _quote(article: Article, actors: Sequence[Actor], part: SpanPart, text: str, found: _Found, n: int) -> Quote:
    start, end = found.content
    mention = None
    speaker = None
    if found.speaker is not None:
        mention = Span(part=part, paragraph=0, start=found.speaker[0], end=found.speaker[1])
        speaker = _named_or_titled(actors, text[found.speaker[0] : found.speaker[1]])
    return Quote(
        id=f"{article.id.split('#', 1)[0]}#hq-{n}",
        text=text[start:end],
        kind=found.kind,  # type: ignore[arg-type]  # direct or partial by construction
        speaker=speaker.id if speaker is not None else None,
        speaker_mention=mention,
        cue=found.cue or None,
        spans=[Span(part=part, paragraph=0, start=start, end=end)],
        confidence=round(capped(found.confidence, mention is not None), 2),
    )


def actor_named(actors: Sequence[Actor], words: str) -> Actor | None:
    """The actor a headline's words name: its full name or an alias, else the one actor
    (the most mentioned) whose name holds every word (*Pence*, *Bill Clinton*), else the
    only actor with that title (*Governor*)."""
    key = normalise_name(words)
    exact = [a for a in actors if key in {normalise_name(n) for n in (a.name, *a.aliases)}]
    if exact:
        return exact[0]
    wanted = set(key.split("-"))
    holding = [a for a in actors if wanted <= set(normalise_name(a.name).split("-"))]
    if holding:
        return max(holding, key=lambda a: len(a.mentions))
    title = normalise_name(re.sub(r"^the\s+", "", words.strip(), flags=re.I))
    titled = [a for a in actors if a.kind == "person" and title in {normalise_name(t) for t in a.titles}]
    return titled[0] if len(titled) == 1 else None
