"""Which way in time a word points: the tense of the verb that governs it.

Dates and events need it for the same reason: "Wednesday" after "met" is the Wednesday
before publication, after "will meet" the one after. The answer comes from the spaCy
parse (tags, auxiliaries, the ``Tense`` morphology) and a few word lists in
``data/tense.json``; ``strong`` says whether the word hangs on that verb directly or only
through a noun, where the parse is often wrong and the tense is a weaker hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..lexicon.wordlists import data

if TYPE_CHECKING:
    from spacy.tokens import Token

Direction = Literal["past", "present", "future"]

_VERBS = {"VERB", "AUX"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
_MAX_HOPS = 12  # parses are trees, but a bound keeps a bad one from looping


@dataclass(frozen=True)
class Tense:
    direction: Direction | None  # None: no verb found (a caption, a headline fragment)
    strong: bool = False  # the word hangs on the verb without a noun in between
    verb: "Token | None" = None


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in data("tense").items() if not k.startswith("_")}


def governing_verb(token: "Token") -> tuple["Token | None", bool]:
    """The verb ``token`` depends on, and whether a noun stood between them.

    A verb token governs itself. Climbing stops at the first verb or adjective-headed
    predicate ("due to expire"); nouns passed on the way make the link weak.
    """
    through_noun = False
    t = token
    for _ in range(_MAX_HOPS):
        if t.pos_ in _VERBS and t.tag_ != "MD":
            return t, through_noun
        if t.pos_ == "ADJ" and t.lemma_.casefold() in _words()["prospective"]:
            return t, through_noun
        if t.head is t:
            return None, through_noun
        if t is not token and t.pos_ in _NOMINAL:
            through_noun = True
        t = t.head
    return None, through_noun


def reporting_verb(verb: "Token", end: int) -> "Token":
    """The verb a word ending at token ``end`` really belongs to. In "said on Sunday he
    would hold a summit" the parse hangs "on Sunday" on "hold", but words before the
    clause's subject belong to the reporting verb."""
    if verb.dep_ != "ccomp" or verb.head is verb or verb.head.pos_ not in _VERBS:
        return verb
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subjects and end <= subjects[0].i and verb.head.i < subjects[0].i:
        return verb.head
    return verb


def _aux(verb: "Token") -> list[str]:
    return [c.text.casefold() for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _prospective_head(verb: "Token") -> bool:
    """'plans to address', 'set to attend', 'due to expire', 'is to meet', 'going to meet'."""
    w = _words()
    head = verb.head
    if head is verb or verb.dep_ not in ("xcomp", "advcl", "ccomp", "acl"):
        return False
    lemma = head.lemma_.casefold()
    if lemma in w["prospective"] and verb.dep_ in ("xcomp", "acl"):
        return True
    if lemma == "go" and head.tag_ == "VBG" and verb.dep_ == "xcomp":
        return True
    # "is to meet": the infinitive right after the form of "be", not "was one of the last to"
    return lemma == "be" and verb.dep_ == "xcomp" and any(c.tag_ == "TO" and c.i == head.i + 1 for c in verb.children)


def _auxiliary_direction(verb: "Token", aux: list[str]) -> Direction | None:
    """What the auxiliaries and prospective words say: "will meet", "plans to", "scheduled
    for Tuesday", "could meet", "has met"."""
    w = _words()
    if any(a in w["future_aux"] for a in aux) or _prospective_head(verb):
        return "future"
    if (
        verb.lemma_.casefold() in w["prospective"]
        and verb.tag_ in ("VBN", "JJ")
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    ):
        return "future"  # "scheduled for Tuesday", "set for June"
    if any(a in w["modal_aux"] for a in aux):
        return "future"
    if any(a in w["perfect_aux"] for a in aux):
        return "past" if verb.tag_ == "VBN" or "had" in aux else "present"
    return None


def _participle_direction(verb: "Token", aux: list[str], depth: int) -> Direction | None:
    if verb.dep_ == "acl" and not aux:
        # a reduced relative: "protesters detained at rallies" (done), "talks being held" (going on)
        return "past" if verb.tag_ == "VBN" else "present"
    if any(a in ("was", "were") for a in aux):
        return "past"
    if any(a in ("is", "are", "am", "'s", "'re", "be") for a in aux):
        return "present"
    # a participle without auxiliary ("aired on Friday", "meeting with Nuland") takes
    # the time of the clause it belongs to
    return _inherited(verb, depth)


def _base_direction(verb: "Token", depth: int) -> Direction | None:
    headline = verb.head is verb or (verb.head.pos_ in _NOMINAL and verb.head.dep_ == "ROOT")
    if headline and any(c.tag_ == "TO" for c in verb.children):
        return "future"  # "Ministers to meet in Nairobi": the headline future
    return _inherited(verb, depth)


def _past_form(verb: "Token") -> bool:
    return verb.tag_ == "VBD" or "Past" in verb.morph.get("Tense", []) and "Fin" in verb.morph.get("VerbForm", [])


def direction_of_verb(verb: "Token", depth: int = 0) -> Direction | None:
    """Past, present or future for one verb, from its form and its auxiliaries."""
    if depth > _MAX_HOPS:
        return None
    aux = _aux(verb)
    by_aux = _auxiliary_direction(verb, aux)
    if by_aux is not None:
        return by_aux
    if _past_form(verb):
        return "past"
    if verb.tag_ in ("VBN", "VBG"):
        return _participle_direction(verb, aux, depth)
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VB":
        return _base_direction(verb, depth)
    return None


def _inherited(verb: "Token", depth: int) -> Direction | None:
    head = verb.head
    for _ in range(_MAX_HOPS):
        if head is verb:
            return None
        if head.pos_ in _VERBS and head.tag_ != "MD":
            return direction_of_verb(head, depth + 1)
        verb, head = head, head.head
    return None


def tense_of(token: "Token") -> Tense:
    """The tense that places ``token`` (a date's head, an event's trigger) in time."""
    verb, through_noun = governing_verb(token)
    if verb is None:
        return Tense(None)
    verb = reporting_verb(verb, token.i + 1)
    return Tense(direction_of_verb(verb), strong=not through_noun, verb=verb)
