"""Who a speaker mention means: an actor of the article, found or made.

A mention that overlaps an actor's mention is that actor. A pronoun (he, she, they) or
a description (the president, the Russian leader, the spokesman, the Kremlin) means the
nearest actor before it that fits: gender and number for pronouns, kind (person or
organisation) and titles for descriptions. A name that no actor has yet becomes a new
actor. Generic mentions ("a source", "officials", "critics") name nobody in particular:
the quote keeps its ``speaker_mention`` and its ``speaker`` stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from ..model import Actor, Article, Span, mint_id, normalise_name
from . import wordlists

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Mention = tuple[int, int, int]  # paragraph, start, end

_NAME_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group", "FAC": "organization"}
_HONORIFIC_GENDER = {"mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female",
                     "miss": "female", "sir": "male", "lady": "female", "lord": "male"}
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_INDEFINITE_DETS = frozenset({"a", "an", "some", "several", "many", "one", "two", "three", "other", "another",
                              "few", "most", "multiple", "numerous", "various"})


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, dict]:
    return {k: v for k, v in wordlists.data("speaker_pronouns").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, frozenset[str]]:
    table = wordlists.data("speaker_descriptions")
    return {k: frozenset(v) for k, v in table.items() if not k.startswith("_")}


@dataclass
class Resolution:
    actor: str | None
    created: bool = False


class SpeakerResolver:
    """Resolves mentions in reading order; actors it makes are added to the article."""

    def __init__(self, article: Article, docs: Sequence["Doc"], id_base: str) -> None:
        self.article = article
        self.docs = docs
        self.id_base = id_base
        # Copies: the pass returns a new article and leaves its input alone.
        self.actors: list[Actor] = [a.model_copy(deep=True) for a in article.actors]
        self.new_actors: list[Actor] = []
        self.speakers: list[tuple[Mention, str]] = []  # resolved speaker mentions so far

    # --- public -------------------------------------------------------------------

    def resolve(self, mention: Mention, allow_create: bool = True) -> str | None:
        p, s, e = mention
        text = self.article.body[p].text[s:e]
        toks = self._tokens(mention)
        if not toks:
            return None
        actor = self._overlapping(mention)
        if actor is not None:
            self.speakers.append((mention, actor.id))
            return actor.id
        low = text.lower().strip()
        if low in _pronouns():
            found = self._antecedent(mention, _pronouns()[low])
        elif self._generic(toks):
            return None
        elif self._description(toks) is not None:
            found = self._described(mention, toks)
        elif any(t.pos_ == "PROPN" for t in toks) or any(t.ent_type_ for t in toks):
            found = self._named(mention, toks, allow_create)
        else:
            found = None
        if found is not None:
            self.speakers.append((mention, found))
        return found

    def group(self, name: str, mention: Mention | None) -> str:
        """An actor for a group named by a common noun: 'reporters'."""
        return self._make("group", name, mention, []).id

    def organization(self, mention: Mention) -> str | None:
        """An outlet or organisation named by a mention (``via``, addressees)."""
        actor = self._overlapping(mention)
        if actor is not None:
            return actor.id
        toks = self._tokens(mention)
        if not toks:
            return None
        name_toks = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE")]
        if not name_toks:
            return None
        return self._named(mention, toks, True, default_kind="organization")

    # --- helpers ----------------------------------------------------------------------

    def _tokens(self, mention: Mention) -> list["Token"]:
        p, s, e = mention
        if p >= len(self.docs):
            return []
        return [t for t in self.docs[p] if t.idx >= s and t.idx + len(t.text) <= e]

    def _all_mentions(self) -> Iterable[tuple[Span, Actor]]:
        for a in self.actors:
            for m in a.mentions:
                yield m, a

    def _overlapping(self, mention: Mention) -> Actor | None:
        p, s, e = mention
        best, best_ov = None, 0
        for m, a in self._all_mentions():
            if m.paragraph == p:
                ov = min(e, m.end) - max(s, m.start)
                if ov > best_ov:
                    best, best_ov = a, ov
        return best

    def _before(self, mention: Mention) -> list[tuple[Span, Actor]]:
        p, s, _ = mention
        found = [(m, a) for m, a in self._all_mentions() if (m.paragraph, m.start) < (p, s)]
        found.sort(key=lambda x: (x[0].paragraph, x[0].start), reverse=True)
        return found

    def _antecedent(self, mention: Mention, fit: dict) -> str | None:
        kinds = set(fit["kinds"])
        gender = fit.get("gender")
        p = mention[0]
        # The last speaker is the likeliest antecedent of a speaker pronoun: news
        # writing keeps its subject ("Putin said ... he said").
        by_id = {a.id: a for a in self.actors}
        candidates: list[tuple[int, Actor]] = []
        for m, a in self._before(mention):
            if a.kind not in kinds or (gender and a.gender and a.gender != gender):
                continue
            if fit.get("number") == "plural" and a.kind == "person":
                continue
            candidates.append((m.paragraph, a))
        for (mp, _ms, _me), aid in reversed(self.speakers):
            a = by_id.get(aid)
            if a is None or a.kind not in kinds or (gender and a.gender and a.gender != gender):
                continue
            if fit.get("number") == "plural" and a.kind == "person":
                continue
            # Prefer the previous speaker unless another fitting actor was named since.
            newer = [c for c in candidates if c[0] > mp]
            if not newer or (gender and newer[0][1].gender is None and a.gender == gender):
                return aid
            break
        if candidates:
            # Known gender beats unknown within the same paragraph distance.
            if gender:
                for dist_para, a in candidates:
                    if a.gender == gender and p - dist_para <= 2:
                        return a.id
            return candidates[0][1].id
        return None

    def _generic(self, toks: list["Token"]) -> bool:
        words = [t for t in toks if not t.is_punct]
        if not words:
            return True
        head = words[-1]
        first = words[0].lower_
        if any(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON",) for t in words):
            return False
        if first in _INDEFINITE_DETS:
            return True
        if head.lemma_.lower() in _descriptions()["indefinite"] and head.tag_ in ("NNS",) and first not in _DETERMINERS \
                and not any(t.dep_ == "poss" for t in words):
            return True  # "officials said", "sources said"
        return False

    def _description(self, toks: list["Token"]) -> str | None:
        words = [t for t in toks if not t.is_punct]
        if not words or words[0].lower_ not in _DETERMINERS:
            return None
        if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in words):
            return None
        joined = " ".join(t.lower_ for t in words[1:])
        for kind in ("person", "organization"):
            heads = _descriptions()[kind]
            if words[-1].lemma_.lower() in heads or words[-1].lower_ in heads or joined in heads:
                return kind
        return None

    def _described(self, mention: Mention, toks: list["Token"]) -> str | None:
        kind = self._description(toks)
        words = [t for t in toks if not t.is_punct][1:]
        head = words[-1].lower_
        modifiers = {t.lower_ for t in words[:-1]}
        kinds = {"person"} if kind == "person" else {"organization", "country", "group"}
        best = None
        for m, a in self._before(mention):
            if a.kind not in kinds:
                continue
            titles = " ".join(a.titles + [a.name] + a.aliases).lower()
            if head in titles or (modifiers and modifiers & set(re.findall(r"\w+", titles))):
                return a.id
            if best is None:
                best = a
        if kind == "organization":
            # "the Kremlin said", "the White House said": the name is the description.
            return self._named(mention, toks, True, default_kind="organization")
        # No title matched: the most recent speaker of that kind, else the nearest actor.
        by_id = {a.id: a for a in self.actors}
        for _m, aid in reversed(self.speakers):
            a = by_id.get(aid)
            if a is not None and a.kind in kinds:
                return aid
        return best.id if best is not None else None

    def _named(self, mention: Mention, toks: list["Token"], allow_create: bool,
               default_kind: str = "person") -> str | None:
        name_toks = _name_tokens(toks)
        if not name_toks:
            return None
        name = _join(name_toks)
        key = normalise_name(name)
        for a in self.actors:
            names = [a.name] + a.aliases
            if any(normalise_name(n) == key for n in names):
                self._add_mention(a, mention)
                return a.id
        # A surname alone ("Putin") means the person named in full before.
        if len(name_toks) == 1:
            for a in self.actors:
                if a.kind == "person" and normalise_name(a.name).split("-")[-1] == key:
                    self._add_mention(a, mention)
                    return a.id
        if not allow_create:
            return None
        kind = _kind_of(name_toks, default_kind)
        titles = [_join(t for t in toks if t not in name_toks and not t.is_punct and t.lower_ not in _DETERMINERS)]
        titles = [t for t in titles if t]
        actor = self._make(kind, name, mention, titles)
        honorific = next((t.lower_ for t in toks if t.lower_ in _HONORIFIC_GENDER), None)
        if honorific and actor.kind == "person" and actor.gender is None:
            actor.gender = _HONORIFIC_GENDER[honorific]  # type: ignore[assignment]
        return actor.id

    def _make(self, kind: str, name: str, mention: Mention | None, titles: list[str]) -> Actor:
        aid = mint_id(kind, name, self.id_base)
        for a in self.actors:
            if a.id == aid:
                if mention is not None:
                    self._add_mention(a, mention)
                return a
        actor = Actor(id=aid, kind=kind, name=name, titles=titles,  # type: ignore[arg-type]
                      mentions=[Span(paragraph=mention[0], start=mention[1], end=mention[2])] if mention else [])
        self.actors.append(actor)
        self.new_actors.append(actor)
        return actor

    def _add_mention(self, actor: Actor, mention: Mention) -> None:
        p, s, e = mention
        if not any(m.paragraph == p and m.start < e and s < m.end for m in actor.mentions):
            actor.mentions = sorted([*actor.mentions, Span(paragraph=p, start=s, end=e)],
                                    key=lambda m: (m.paragraph, m.start, m.end))


def _name_tokens(toks: list["Token"]) -> list["Token"]:
    """The name inside a mention: 'Russian government spokesman Dmitri Peskov' -> the
    last run of proper nouns ('Dmitri Peskov')."""
    words = [t for t in toks if not t.is_punct or t.text in (".", "-")]
    run: list["Token"] = []
    for t in reversed(words):
        if t.pos_ == "PROPN" or (t.ent_type_ in _NAME_KIND and t.pos_ != "DET" and t.text[:1].isupper()):
            run.append(t)
        elif run and t.tag_ == "POS":
            break
        elif run:
            break
    run.reverse()
    while run and run[0].lower_ in _HONORIFIC_GENDER:
        run = run[1:]
    return run


def _join(toks: Iterable["Token"]) -> str:
    out = ""
    for t in toks:
        out += t.text_with_ws
    return out.strip()


def _kind_of(name_toks: list["Token"], default: str) -> str:
    labels = [t.ent_type_ for t in name_toks if t.ent_type_]
    if labels:
        return _NAME_KIND.get(max(set(labels), key=labels.count), default)
    return default
