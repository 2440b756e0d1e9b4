"""Event mentions: trigger words in a parsed text, and who, where and when each one names.

A trigger is a verb ("met", "was recalled") or a noun ("summit", "talks", "video call")
from ``data/event_triggers.json``. Around it the parse gives the rest:

- participants: the verb's subject and object, the noun's possessor and name-like
  modifiers ("U.S.-Russia summit"), "with X", "between X and Y", and the subject of a
  verb the noun is the object of or a circumstance to ("held talks", "spoke at the
  conference", "said after the meeting");
- location: "in/at PLACE" on the trigger or that verb, a place modifier ("Geneva
  summit"), "to PLACE" for visits;
- dates: the article's date mentions that hang on the trigger or on that verb;
- status hints: the tense, "scheduled", "upcoming", "on the eve of", "ahead of".

Two triggers of one clause that name one event ("will meet ... in a video call
meeting", "meet during the summit") become one mention. Negated and cancelled events
("the decision not to sign a joint statement") are left out.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ...lexicon.wordlists import data
from ...model import DateInfo
from ..tense import Direction, direction_of_verb, reporting_verb, tense_of
from .references import Refs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_VERBAL = {"VERB", "AUX"}
_NOMINAL = {"NOUN", "PROPN"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_MAX_HOPS = 8
# A date or place on the verb counts for the noun only through these links.
_INHERIT_PREPS = frozenset({"at", "during", "in", "on", "for", "via", "by", "over", "of", "into", "from", "with"})
# Ways one trigger is part of another's clause: "meet during the summit", "meeting via a call".
_FOLD_PREPS = frozenset({"at", "during", "in", "via", "by", "over", "on", "of", "for"})


@lru_cache(maxsize=1)
def words() -> dict:
    w = data("event_triggers")
    sets = {
        k: frozenset(v)
        for k, v in w.items()
        if isinstance(v, list) and not k.startswith("_") and all(isinstance(x, str) for x in v)
    }
    return {**w, **{f"{k}_set": v for k, v in sets.items()}}


def family(kind: str) -> str:
    for group in words()["families"]:
        if kind in group:
            return group[0]
    return kind


def priority(kind: str) -> int:
    order = words()["kind_priority"]
    return order.index(kind) if kind in order else len(order)


@dataclass(frozen=True, eq=False)  # one object per written date: identity is equality
class DateRef:
    """A date written in the same text as a trigger."""

    start: int
    end: int
    info: DateInfo
    confidence: float


@dataclass
class Mention:
    """One place in the text that names an event, with what the words around it say."""

    paragraph: int | None  # None: a photo caption, which has no spans
    spans: list[tuple[int, int]]
    trigger: "Token"
    kind: str
    words: str  # the trigger as written: "video call meeting"
    participants: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)  # who acts: the one who sanctions, expels, visits
    location: str | None = None
    dates: list[DateRef] = field(default_factory=list)
    date_shift: int = 0  # "on the eve of X": X is the day after
    direction: Direction | None = None
    strong: bool = False  # the tense is the trigger's own verb's
    planned: bool = False
    anaphoric: bool = False  # "the meeting", "that meeting", "their summit"
    generic: bool = False  # "a press conference", "one meeting"
    asserted: bool = False  # a clause says it happens: "imposed sanctions", "the ministry expelled"
    quote: str | None = None  # id of the quote it stands in
    name: str | None = None  # "Group of Seven summit", "Russian Energy Week", "New START"
    detail: str | None = None  # "10 Russian diplomats" (expelled), "New START" (expiring)
    days: int = 0  # "a two-day visit": how long it lasts

    @property
    def order(self) -> tuple[int, int]:
        return (self.paragraph if self.paragraph is not None else 1 << 20, self.trigger.idx)


# --- triggers ------------------------------------------------------------------------------


def _passive(kids: list["Token"]) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)


# What a trigger needs around it (data/event_triggers.json "verb_needs", "noun_needs"),
# by name; a need not named here is a word among its dependents, its head or its arguments.
_NEED_TESTS: dict[str, Callable[["Token", list["Token"], "set[int] | frozenset[int]"], bool]] = {
    "plural": lambda tok, kids, dated: tok.tag_ in ("NNS", "NNPS"),
    "singular": lambda tok, kids, dated: tok.tag_ in ("NN", "NNP"),
    "passive": lambda tok, kids, dated: _passive(kids),
    "active": lambda tok, kids, dated: not _passive(kids),
    "intransitive": lambda tok, kids, dated: not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in kids),
    "proper": lambda tok, kids, dated: (
        tok.text[:1].isupper() and any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in kids)
    ),
    "definite": lambda tok, kids, dated: any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids),
    "dated": lambda tok, kids, dated: any(c.i in dated for c in kids),
}


def _word_near(tok: "Token", kids: list["Token"], lemmas: set[str], need: str) -> bool:
    if need in lemmas or (tok.head.lemma_.casefold() == need):
        return True
    # the words of its object or subject: "summoned Ambassador Vasin", "protesters plan to march"
    args = [c for c in kids if c.dep_ == "dobj"] + (_subjects(tok) if tok.pos_ in _VERBAL else [])
    return any(need in {a.lemma_.casefold(), *(g.lemma_.casefold() for g in a.children)} for a in args)


def _need_met(
    tok: "Token", kids: list["Token"], lemmas: set[str], need: str, dated: "set[int] | frozenset[int]"
) -> bool:
    if "+" in need:
        return all(_needs_met(tok, [part], dated) for part in need.split("+"))
    if need.startswith("prep:"):
        return any(c.dep_ == "prep" and c.lower_ == need[5:] for c in kids)
    test = _NEED_TESTS.get(need)
    if test is not None and test(tok, kids, dated):
        return True
    return _word_near(tok, kids, lemmas, need)


def _needs_met(tok: "Token", needs: list[str], dated: "set[int] | frozenset[int]") -> bool:
    kids = list(tok.children)
    lemmas = {c.lemma_.casefold() for c in kids} | {c.lower_ for c in kids}
    return any(_need_met(tok, kids, lemmas, need, dated) for need in needs)


def _medium_call(tok: "Token") -> bool:
    """'spoke by phone', 'talked via video link'."""
    if tok.lemma_.casefold() not in _CALL_VERBS:
        return False
    medium = words()["medium_set"]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "via", "over"):
            if any(p.lemma_.casefold() in medium for p in prep.children if p.dep_ == "pobj"):
                return True
    return False


def _describes(tok: "Token") -> bool:
    """ "visiting U.S. Undersecretary": a verb as a description, not an event."""
    return tok.dep_ == "amod" or (
        tok.tag_ == "VBG"
        and tok.head.pos_ in _NOMINAL
        and tok.dep_ in ("conj", "compound", "nmod")
        and not any(c.dep_ in _SUBJECTS or c.dep_ == "aux" for c in tok.children)
    )


def _verb_kind(tok: "Token", dated: "set[int] | frozenset[int]") -> str | None:
    w = words()
    lemma = tok.lemma_.casefold()
    if _describes(tok):
        return None
    if _medium_call(tok):
        return "call"
    kind = w["verbs"].get(lemma)
    excluded = w["verb_excludes"].get(lemma, ())
    if any(c.dep_ == "dobj" and c.lemma_.casefold() in excluded for c in tok.children):
        return None  # "meet sales targets"
    if kind and (lemma not in w["verb_needs"] or _needs_met(tok, w["verb_needs"][lemma], dated)):
        return kind
    return None


def _pair_kind(tok: "Token") -> str | None:
    """A two-word trigger ending at ``tok``: "phone call", "news conference"."""
    if tok.i == 0:
        return None
    compounds = words()["compounds"]
    before = tok.nbor(-1).lower_
    for key in (f"{before} {tok.lower_}", f"{before} {tok.lemma_.casefold()}"):
        if key in compounds:
            return str(compounds[key])
    return None


def _noun_kind(tok: "Token", dated: "set[int] | frozenset[int]") -> str | None:
    w = words()
    lemma = tok.lemma_.casefold()
    if tok.dep_ == "compound" and tok.head.pos_ in _NOMINAL:
        return None  # a modifier: "election interference", "call" in "video call meeting"
    pair = _pair_kind(tok)
    if pair is not None:
        return pair
    kind = w["nouns"].get(lemma)
    excluded = w["noun_excludes"].get(lemma, ())
    if kind and any(c.lower_ in excluded for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
        return None  # "air strike"
    if kind and (lemma not in w["noun_needs"] or _needs_met(tok, w["noun_needs"][lemma], dated)):
        if lemma == "conference" and any(c.lower_ in ("news", "press") for c in tok.children):
            return "press_conference"
        return kind
    return None


_CALL_VERBS = frozenset({"speak", "talk", "chat", "confer", "meet"})  # "spoke by phone"


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Every word (lemma or as written) that :func:`trigger_kind` can take for a trigger:
    the verbs, the nouns, the last words of two-word triggers, the verbs of a call."""
    w = words()
    return frozenset(w["verbs"]) | frozenset(w["nouns"]) | {k.split()[-1] for k in w["compounds"]} | _CALL_VERBS


# _may_trigger's answers by (lemma, lower-case form) hashes: the answer depends on the word
# only. Emptied when it holds this many words (a huge article's vocabulary).
_may_memo: dict[tuple[int, int], bool] = {}
_MAY_MEMO_SIZE = 50_000


def _may_trigger(tok: "Token") -> bool:
    """Whether ``tok``'s lemma or its word is in :func:`_trigger_words`, remembered per word
    (read asks it of every token)."""
    key = (tok.lemma, tok.lower)
    found = _may_memo.get(key)
    if found is None:
        if len(_may_memo) >= _MAY_MEMO_SIZE:
            _may_memo.clear()
        maybe = _trigger_words()
        found = _may_memo[key] = tok.lemma_.casefold() in maybe or tok.lower_ in maybe
    return found


def trigger_kind(tok: "Token", dated: "set[int] | frozenset[int]" = frozenset()) -> str | None:
    """The event kind ``tok`` names, or None when it is not a trigger here."""
    if tok.pos_ == "VERB":
        return _verb_kind(tok, dated)
    if tok.pos_ not in _NOMINAL:
        return None
    return _noun_kind(tok, dated)


def _compound_kind(tok: "Token", kind: str) -> tuple[str, int]:
    """A trigger noun's kind upgraded by trigger words among its modifiers, and where the
    modifiers begin: "video call meeting" is a call, "summit meeting" a summit."""
    w = words()
    first = tok.i
    for c in tok.children:
        if c.dep_ != "compound" or c.i > tok.i:
            continue
        sub = [c, *(g for g in c.children if g.dep_ == "compound")]
        first = min(first, *(s.i for s in sub))
        for s in sub:
            lemma = s.lemma_.casefold()
            found = w["nouns"].get(lemma)
            if lemma in w["medium_set"]:
                found = "call" if kind in ("meeting", "talks", "call") else None
            if found and priority(found) < priority(kind):
                kind = found
    return kind, first


# --- syntax helpers -------------------------------------------------------------------------


def _subjects(verb: "Token") -> list["Token"]:
    """Who does what ``verb`` says; for infinitives and gerunds, the subject of the verb above.

    The trigger's own passive subject undergoes the event (see :func:`_undergoers`), but a
    passive verb above it gives its subject ("the leaders are scheduled to hold").
    """
    v = verb
    for hop in range(5):
        kids = list(v.children)
        subj = [c for c in kids if c.dep_ in ("nsubj", "csubj") or (hop and c.dep_ == "nsubjpass")]
        if subj:
            return subj
        if hop == 0 and any(c.dep_ == "nsubjpass" for c in kids):
            return []
        if v.dep_ == "conj" and v.head.pos_ in _NOMINAL:
            return [v.head]  # "Biden (L) and Putin meet": the parse hangs the verb on a name
        if v.dep_ == "pcomp":
            v = v.head.head  # "said after meeting with Nuland"
        elif v.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in v.head.children):
            # "urged supporters to visit": the object of the verb above does it
            return [c for c in v.head.children if c.dep_ == "dobj"]
        elif v.dep_ in ("xcomp", "advcl", "conj", "acomp", "ccomp") and v.head is not v:
            v = v.head
        else:
            return []
    return []


def _undergoers(verb: "Token") -> list["Token"]:
    return [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]


def _conjuncts(tok: "Token") -> list["Token"]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in (_NOMINAL | {"PRON"}):
            out.extend(_conjuncts(c))
    return out


def _prep_objects(tok: "Token", preps: frozenset[str]) -> list[tuple[str, "Token"]]:
    """(preposition, object) pairs hanging on ``tok``: "with Putin", "between X and Y"."""
    out: list[tuple[str, "Token"]] = []
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            for o in p.children:
                if o.dep_ == "pobj":
                    out.extend((p.lower_, x) for x in _conjuncts(o))
    return out


def _np_last(tok: "Token") -> "Token":
    """The last word of a noun phrase, clauses and punctuation left out."""
    last = tok
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos") and t is not tok:
            break
        last = t
    return last


def governing(tok: "Token") -> tuple["Token | None", list["Token"]]:
    """The verb a noun trigger belongs to, and the tokens on the way up (preps, nouns)."""
    path: list["Token"] = []
    t = tok
    for _ in range(_MAX_HOPS):
        if t.head is t:
            return None, path
        t = t.head
        if t.pos_ in _VERBAL and t.tag_ != "MD":
            return t, path
        path.append(t)
    return None, path


# --- the pieces of a mention --------------------------------------------------------------


class _Reader:
    """Reads the mentions of one parsed text."""

    def __init__(self, doc: "Doc", paragraph: int | None, refs: Refs, dates: list[DateRef]) -> None:
        self.doc = doc
        self.paragraph = paragraph
        self.refs = refs
        self.dates = dates
        self.kind = ""  # the kind of the mention being read: "their summit" means leaders
        self._visiting: set[int] = set()
        self.date_tokens: dict[int, DateRef] = {}
        # each date's span, found once; in token order, so that a sentence's dates are a slice
        self._date_spans: list[tuple[int, DateRef, "Span"]] = []
        for d in dates:
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.date_tokens[t.i] = d
                if len(span):
                    self._date_spans.append((span.start, d, span))
        self._date_spans.sort(key=lambda x: x[0])
        self._date_starts = [x[0] for x in self._date_spans]

    def actors(self, tok: "Token") -> list[str]:
        """Actors an argument names: the head word, else its apposition or its group."""
        if tok.i in self._visiting:
            return []  # relative pronouns and appositions can lead back to where we started
        self._visiting.add(tok.i)
        try:
            return self._actors(tok)
        finally:
            self._visiting.discard(tok.i)

    def _actors(self, tok: "Token") -> list[str]:
        if tok.i in self.date_tokens or tok.is_space:
            return []
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head is not tok.head:
            return self.actors(tok.head.head)  # "Muratov, who won": the antecedent
        ids: list[str] = []
        for _, rule in ARGUMENT_RULES:
            ids = rule(self, tok)
            if ids:
                break
        return list(dict.fromkeys(ids))

    def _previous_subject(self, tok: "Token") -> list[str]:
        """ "Helga Sigurdardottir will host the meeting. She met Berg": a sentence-initial
        "he"/"she" continues the subject of the sentence before, when that is a person."""
        sent = tok.sent
        if tok.i != sent.start or sent.start == 0:
            return []
        prev = self.doc[sent.start - 1].sent
        refs = self.refs
        for t in prev:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                people = [
                    a
                    for a in refs.actors_at(self.paragraph, t.idx, t.idx + len(t), t.text)
                    if a in refs.actors
                    and refs.actors[a].kind == "person"
                    and refs.actors[a].gender in (None, "male" if tok.lower_ == "he" else "female")
                ]
                return people[:1]
        return []

    def _comma_apposition(self, tok: "Token") -> list[str]:
        """ "her Ethiopian counterpart, Dawit Bekele," where the parse lost the apposition."""
        nxt = _np_last(tok).i + 1
        if nxt + 1 < len(self.doc) and self.doc[nxt].text == ",":
            t = self.doc[nxt + 1]
            return [
                a
                for a in self.refs.actors_at(self.paragraph, t.idx, t.idx + len(t), t.text)
                if a in self.refs.actors and self.refs.actors[a].kind == "person"
            ]
        return []

    def args(self, toks: list["Token"]) -> list[str]:
        out: list[str] = []
        for t in toks:
            for c in _conjuncts(t):
                out.extend(self.actors(c))
        return list(dict.fromkeys(out))

    def place(self, tok: "Token") -> str | None:
        for t in _conjuncts(tok):
            found = self.refs.place_at(self.paragraph, t.idx, t.idx + len(t), t.text)
            if found is None:
                # "at the Villa-Serena guest residence": the place is a modifier of the head
                for c in t.children:
                    if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN":
                        found = self.refs.place_at(self.paragraph, c.idx, c.idx + len(c), c.text)
                        if found:
                            break
            if found is None:
                # "at the central bank headquarters in Manila"
                for _, inner in _prep_objects(t, frozenset({"in"})):
                    found = self.refs.place_at(self.paragraph, inner.idx, inner.idx + len(inner), inner.text)
                    if found:
                        break
            if found:
                return found
        return None

    def places(self, tok: "Token", preps: frozenset[str]) -> str | None:
        for _, obj in _prep_objects(tok, preps):
            found = self.place(obj)
            if found:
                return found
        return None

    def attached_dates(self, head: "Token", triggers: set[int]) -> list[DateRef]:
        """Dates whose way up the parse reaches ``head`` before any other verb or trigger."""
        out = []
        # the way up the parse stays in the head's sentence: only its dates can reach it
        sent = head.sent
        lo, hi = bisect_left(self._date_starts, sent.start), bisect_left(self._date_starts, sent.end)
        for _, d, span in self._date_spans[lo:hi]:
            t = span.root
            if t.head.lower_ in words()["bound_preps_set"]:
                continue  # "until 2030", "since 2014": a bound, not when the event is
            for _ in range(_MAX_HOPS):
                if t.head is t:
                    break
                t = t.head
                if t.i in triggers or (t.pos_ in _VERBAL and t.tag_ != "MD"):
                    break
            t = reporting_verb(t, span.end)
            if t.i == head.i:
                out.append(d)
        return out


# --- who a token names: the first rule that finds an actor wins ----------------------------


def _by_mention(r: _Reader, tok: "Token") -> list[str]:
    """An actor mention of the actors stage; "UK Minister of State for Health Anna Price"
    parsed with "UK" as the head names the person the phrase ends with."""
    refs, para = r.refs, r.paragraph
    ids = refs.actors_at(para, tok.idx, tok.idx + len(tok), tok.text)
    if ids and {refs.actors[a].kind for a in ids if a in refs.actors} <= {"country", "organization"}:
        last = _np_last(tok)
        person = [
            a
            for a in refs.actors_at(para, last.idx, last.idx + len(last), last.text)
            if a in refs.actors and refs.actors[a].kind == "person"
        ]
        ids = person or ids
    return ids


def _by_previous_subject(r: _Reader, tok: "Token") -> list[str]:
    """'he', 'she': the subject of the sentence before."""
    return r._previous_subject(tok) if tok.lower_ in ("he", "she") else []


def _by_pronoun(r: _Reader, tok: "Token") -> list[str]:
    """ "Peru announced that it was suing": the announcer; else what the pronoun
    stands for (the leaders, for a summit)."""
    if tok.pos_ != "PRON":
        return []
    refs = r.refs
    ids: list[str] = []
    if tok.lower_ in ("it", "they") and tok.head.dep_ == "ccomp":
        ids = [
            a
            for s in _subjects(tok.head.head)
            for a in r.actors(s)
            if a in refs.actors and refs.actors[a].kind != "person"
        ]
    if not ids:
        ids = refs.pronoun(r.paragraph, tok, "leader" if r.kind == "summit" else "any")
    return ids


def _by_apposition(r: _Reader, tok: "Token") -> list[str]:
    """ "the former chief executive of Nordvik Bank, Henrik Dahl": the apposition, even
    where the parse hangs it on the bank."""
    refs = r.refs
    ids: list[str] = []
    for c in [*tok.children, *(t for t in tok.subtree if t.dep_ == "appos" and t.head is not tok)]:
        if c.dep_ == "appos":
            ids = [a for a in r.args([c]) if c.head is tok or (a in refs.actors and refs.actors[a].kind == "person")]
            if ids:
                break
    return ids


def _by_group_noun(r: _Reader, tok: "Token") -> list[str]:
    """ "Russian diplomats", "the two leaders": a group actor."""
    group = r.refs.group_noun(tok)
    if group is None:
        return []
    kind, count = group
    nationality = next((c.text for c in tok.children if c.dep_ == "amod" and c.text[:1].isupper()), None)
    return r.refs.group(r.paragraph, tok.idx, kind, count, nationality)


def _by_place(r: _Reader, tok: "Token") -> list[str]:
    """A place that stands for its country ("Moscow expelled")."""
    place = r.refs.place_at(r.paragraph, tok.idx, tok.idx + len(tok), tok.text)
    country = r.refs.country_of_place(place) if place else None
    return [country] if country else []


def _by_comma_apposition(r: _Reader, tok: "Token") -> list[str]:
    return r._comma_apposition(tok) if tok.pos_ in _NOMINAL else []


def _by_compound(r: _Reader, tok: "Token") -> list[str]:
    """ "Kremlin officials", "US diplomats": the organisation or country named by the
    compound stands for them."""
    if tok.pos_ not in _NOMINAL:
        return []
    refs, para = r.refs, r.paragraph
    ids: list[str] = []
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            ids.extend(refs.actors_at(para, c.idx, c.idx + len(c), c.text))
    return ids


# Who an event argument names, in the order tried.
ARGUMENT_RULES: tuple[tuple[str, Callable[[_Reader, "Token"], list[str]]], ...] = (
    ("actor mention", _by_mention),
    ("previous subject", _by_previous_subject),
    ("pronoun", _by_pronoun),
    ("apposition", _by_apposition),
    ("group noun", _by_group_noun),
    ("place for its country", _by_place),
    ("comma apposition", _by_comma_apposition),
    ("compound", _by_compound),
)


def _words_of(doc: "Doc", first: int, tok: "Token") -> str:
    return doc[first : tok.i + 1].text


def _name(reader: _Reader, tok: "Token") -> str | None:
    """A proper name for the event: "Group of Seven summit", "Russian Energy Week", "New START".

    Capitalised words just before the trigger (with "of" and numbers between them) name
    it, unless they only name its people, countries or place ("U.S.-Russia summit",
    "Geneva summit"): the label says those itself.
    """
    doc, refs, para = reader.doc, reader.refs, reader.paragraph
    i = tok.i - 1
    while i >= 0:
        t = doc[i]
        if i in reader.date_tokens or t.dep_ in ("det", "poss", "case", "punct"):
            break
        if not (t.text[:1].isupper() or t.like_num or t.lower_ == "of"):
            break
        i -= 1
    start = i + 1
    while start < tok.i and (doc[start].lower_ == "of" or doc[start].like_num):
        start += 1
    run = list(doc[start : tok.i])

    def plain(t: "Token") -> bool:
        kinds = {refs.actors[a].kind for a in refs.actors_at(para, t.idx, t.idx + len(t), t.text) if a in refs.actors}
        return bool(kinds & {"person", "country"}) or refs.place_at(para, t.idx, t.idx + len(t), t.text) is not None

    if not run or all(plain(t) or not t.text[:1].isupper() for t in run):
        return _known_as(tok) if reader.kind in words()["named_kinds"] else None
    return doc[start : tok.i + 1].text


def _known_as(tok: "Token") -> str | None:
    """'the fishing quota treaty, known as North Cod' / 'the treaty, North Cod,'."""

    def words(head: "Token") -> str:
        first = min([head.i, *(c.i for c in head.children if c.dep_ == "compound")])
        return head.doc[first : head.i + 1].text

    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            return words(c)
        if c.dep_ == "acl" and c.lemma_.casefold() in ("know", "call", "dub", "name"):
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "as":
                    objs = [o for o in p.children if o.dep_ == "pobj"]
                    if objs:
                        return words(objs[0])
                if p.dep_ == "oprd":
                    return words(p)
    return None


def _negated(tok: "Token", verb: "Token | None", path: list["Token"]) -> bool:
    """'did not meet', 'no summit', 'the decision not to hold', 'refused to meet'.

    A negated or cancelling verb negates its arguments, not its circumstances: in "not to
    hold a news conference after their meeting" the meeting still took place.
    """
    w = words()
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    if path:
        return False  # "rejected the claims at the conference": the conference took place
    chain = [verb] if verb is not None and verb is not tok else []
    v = verb if verb is not None else tok
    if any(c.lower_ in ("nor", "neither") for c in v.children):
        return True  # "was not invited to nor told of"
    if v.dep_ in ("xcomp", "acl", "ccomp", "conj") and v.head is not v:
        chain.append(v.head)
    for v in chain:
        if any(c.dep_ == "neg" for c in v.children) or v.lemma_.casefold() in w["cancel_verbs_set"]:
            return True
    return _conditional(verb if verb is not None else tok)


def _conditional(v: "Token") -> bool:
    """'If elected, ...', '... if he wins': a clause under a condition tells of no event."""
    marks = words()["conditional_marks_set"]

    def marked(t: "Token") -> bool:
        return any(c.dep_ == "mark" and c.lower_ in marks for c in t.children)

    if marked(v) or any(c.dep_ == "advcl" and marked(c) for c in v.children):
        return True
    return (
        v.dep_ in ("xcomp", "conj")
        and v.head is not v
        and any(c.dep_ == "advcl" and marked(c) for c in v.head.children)
    )


def _detail(reader: _Reader, tok: "Token", kind: str) -> str | None:
    """What a label needs beyond participants: who is expelled, what expires."""
    if kind in ("expulsion", "sanctions") and tok.pos_ in _VERBAL:
        for c in tok.children:
            if c.dep_ == "dobj" and reader.refs.actors_at(reader.paragraph, c.idx, c.idx + len(c), c.text) == []:
                # "10 Russian diplomats": the words, when they are not simply a name
                first = min(t.i for t in c.subtree)
                return reader.doc[first : c.i + 1].text
    if kind == "deadline":
        if tok.pos_ in _VERBAL:
            subj = _subjects(tok)
            if subj and subj[0].tag_ == "WDT" and subj[0].head.dep_ == "relcl":
                subj = [subj[0].head.head]  # "North Cod, which is set to lapse"
            elif subj and subj[0].head.dep_ == "relcl":
                subj = [subj[0].head.head]
            if subj:
                head = subj[0]
                first = min([head.i, *(c.i for c in head.children if c.dep_ in ("compound", "amod"))])
                return reader.doc[first : head.i + 1].text
        for _, obj in _prep_objects(tok, frozenset({"of"})):
            return obj.text
    return None


def read(doc: "Doc", paragraph: int | None, refs: Refs, dates: list[DateRef]) -> list[Mention]:
    """The event mentions of one parsed text."""
    reader = _Reader(doc, paragraph, refs, dates)
    found: dict[int, Mention] = {}
    dated = set(reader.date_tokens)
    for tok in doc:
        if not _may_trigger(tok):
            continue  # no trigger: a shortcut, as trigger_kind would say
        kind = trigger_kind(tok, dated)
        if kind is None:
            continue
        m = _mention(reader, tok, kind)
        if m is not None:
            found[tok.i] = m
    triggers = set(found)
    for i, m in found.items():
        _attach_dates(reader, m, triggers)
    return _fold(found)


def _mention(reader: _Reader, tok: "Token", kind: str) -> Mention | None:
    """The mention a trigger word makes, or None (negated, or a name that only looks
    like an event). Verbal and nominal triggers read their arguments differently; the
    place falls back through :data:`LOCATION_FALLBACKS`."""
    first = tok.i
    if tok.pos_ in _NOMINAL:
        kind, first = _compound_kind(tok, kind)
    verb, path = (tok, []) if tok.pos_ in _VERBAL else governing(tok)
    if _negated(tok, verb, path):
        return None
    if (
        tok.pos_ in _NOMINAL
        and family(kind) == "meeting"
        and any(
            reader.refs.actors[a].kind == "organization"
            for a in reader.refs.actors_at(reader.paragraph, tok.idx, tok.idx + len(tok), tok.text)
            if a in reader.refs.actors
        )
    ):
        return None  # "the American Action Forum" is an organisation, not a forum held
    reader.kind = kind
    while first >= 2 and reader.doc[first - 1].text == "-" and reader.doc[first - 2].head.i in (first, tok.i):
        first -= 2  # "high-level talks"
    start, end = reader.doc[first].idx, tok.idx + len(tok)
    inside = reader.refs.quote_at(reader.paragraph, tok.idx)
    m = Mention(
        paragraph=reader.paragraph,
        spans=[(start, end)] if reader.paragraph is not None else [],
        trigger=tok,
        kind=kind,
        words=_words_of(reader.doc, first, tok),
        quote=inside[1] if inside else None,
    )
    if tok.pos_ in _VERBAL:
        participants, location = _verbal(reader, m, tok, kind)
    else:
        participants, location = _nominal(reader, m, tok, kind, verb, path)
    _plans(m, tok, verb, path)
    for _, fallback in LOCATION_FALLBACKS:
        if location is not None:
            break
        location = fallback(reader, tok, kind, verb)
    m.participants = list(dict.fromkeys(participants))
    m.location = location
    return m


def _verbal_parties(reader: _Reader, m: Mention, tok: "Token", kind: str) -> tuple[list[str], str | None]:
    """Subjects and agents act, objects undergo; a place object of a visit or a meeting
    is where ("visited Moscow")."""
    participants: list[str] = []
    location: str | None = None
    if kind != "election":  # voters elect: the elected take part, not the electorate
        participants += reader.args(_subjects(tok))
    for c in tok.children:
        if c.dep_ == "agent":
            participants += reader.args([o for o in c.children if o.dep_ == "pobj"])
    m.agents = list(participants)
    for c in _undergoers(tok):
        place = reader.place(c) if kind in ("visit", "meeting") else None
        if place and (kind == "visit" or not reader.actors(c)):
            location = location or place  # "visited Moscow": where, not whom
        elif kind == "visit" and c.pos_ == "PRON":
            continue  # "return to visit it": a place the pronoun stands for, not a party
        else:
            participants += reader.args([c])
    return participants, location


def _verbal_place(reader: _Reader, tok: "Token", kind: str) -> str | None:
    """ "met in Geneva", "visit to Rome", "a court in Oslo sentenced", "visited Moscow
    and met Orlov"."""
    w = words()
    location = reader.places(tok, w["location_preps_set"])
    if kind == "visit":
        location = location or reader.places(tok, w["destination_preps_set"])
    for subj in _subjects(tok):
        location = location or reader.places(subj, w["location_preps_set"])
    if location is None and tok.dep_ == "conj" and tok.head.pos_ in _VERBAL:
        head = tok.head
        location = reader.places(head, w["location_preps_set"]) or next(
            (p for c in head.children if c.dep_ == "dobj" and (p := reader.place(c))), None
        )
    return location


def _verbal(reader: _Reader, m: Mention, tok: "Token", kind: str) -> tuple[list[str], str | None]:
    """'Putin met Biden in Geneva': subjects, agents and objects take part; a place
    object of a visit or a meeting is where; the tense says when."""
    participants, location = _verbal_parties(reader, m, tok, kind)
    preps = words()["participant_preps_set"]
    participants += reader.args([o for p, o in _prep_objects(tok, preps) if p != "of"])
    location = location or _verbal_place(reader, tok, kind)
    tense = tense_of(tok)
    m.direction, m.strong = tense.direction, tense.strong
    m.asserted = _asserted(reader, _subjects(tok) or _undergoers(tok))
    m.detail = _detail(reader, tok, kind)
    return participants, location


def _nominal(
    reader: _Reader, m: Mention, tok: "Token", kind: str, verb: "Token | None", path: list["Token"]
) -> tuple[list[str], str | None]:
    """'the U.S.-Russia summit in Geneva': possessors and proper-noun modifiers name the
    parties or the place; the verb the noun hangs on says who holds it and when."""
    w = words()
    refs, para = reader.refs, reader.paragraph
    participants: list[str] = []
    location: str | None = None
    # the determiner may hang on a modifier: "their [high stakes] meeting"
    modifiers = [*tok.children, *(g for c in tok.children if c.dep_ == "compound" for g in c.children)]
    for c in modifiers:
        if c.dep_ == "poss":
            participants += reader.args([c])
        elif c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i and c.pos_ == "PROPN":
            # "U.S.-Russia summit" names its parties, "Geneva summit" its place
            ids = refs.actors_at(para, c.idx, c.idx + len(c), c.text)
            participants += ids
            if not ids:
                location = location or refs.place_at(para, c.idx, c.idx + len(c), c.text)
    participants += reader.args([o for _, o in _prep_objects(tok, w["participant_preps_set"])])
    location = location or reader.places(tok, w["location_preps_set"])
    if kind == "visit":
        location = location or reader.places(tok, w["destination_preps_set"])
    participants, location = _held_by(reader, m, tok, kind, verb, path, participants, location)
    dets = [c for c in modifiers if c.dep_ in ("det", "poss", "nummod")]
    m.generic = any(c.lower_ in w["generic_determiners_set"] for c in dets)
    m.anaphoric = not m.generic and any(c.lower_ in w["anaphoric_determiners_set"] for c in dets)
    m.detail = _detail(reader, tok, kind)
    m.name = _name(reader, tok)
    m.days = _length_in_days(tok)
    if verb is None and path and path[0].dep_ == "prep" and path[0].head.pos_ in _NOMINAL:
        # a caption without a verb: "Sigurdardottir and Berg at a dinner in Reykjavik"
        participants = reader.args([path[0].head]) + participants
    return participants, location


def _held_link(tok: "Token", kind: str, verb: "Token | None", path: list["Token"]) -> str | None:
    """:func:`_link`, and a kind's own light verbs: "the EU will discuss new sanctions"."""
    link = _link(tok, verb, path)
    if (
        link is None
        and verb is not None
        and not path
        and tok.dep_ in ("dobj", "nsubjpass")
        and verb.lemma_.casefold() in words()["kind_light_verbs"].get(kind, ())
    ):
        return "subject_takes_part"
    return link


def _holders(
    reader: _Reader, m: Mention, verb: "Token", path: list["Token"], location: str | None
) -> tuple[list[str], str | None]:
    """Who holds or attends the event the verb takes part in, and where the verb says."""
    w = words()
    m.asserted = _asserted(reader, _subjects(verb)) and not path
    m.agents = reader.args(_subjects(verb))
    extra: list[str] = []
    if not path:  # "held a video call with her counterpart"
        extra = reader.args([o for p, o in _prep_objects(verb, frozenset({"with", "between"}))])
    location = location or reader.places(verb, w["location_preps_set"])
    motion = verb.head if verb.dep_ in ("advcl", "xcomp") else None
    if location is None and motion is not None and motion.lemma_.casefold() in w["motion_verbs_set"]:
        location = reader.places(motion, w["destination_preps_set"])  # "travel to Rome to attend"
    return extra, location


def _ahead_of(
    reader: _Reader, m: Mention, verb: "Token | None", path: list["Token"], location: str | None
) -> str | None:
    """ "ahead of the summit", "on the eve of the summit": planned; the eve is the day before."""
    w = words()
    heads = {t.lemma_.casefold() for t in path} | {t.lower_ for t in path}
    if heads & w["planned_heads_set"]:
        m.planned, m.strong = True, True
        m.date_shift = 1 if "eve" in heads else 0
        if location is None and verb is not None and m.date_shift:
            # "arriving in Reykjavik on the eve of the summit": where it will be
            for v in _clause_verbs(verb):
                location = location or reader.places(v, w["location_preps_set"])
    return location


def _held_by(
    reader: _Reader,
    m: Mention,
    tok: "Token",
    kind: str,
    verb: "Token | None",
    path: list["Token"],
    participants: list[str],
    location: str | None,
) -> tuple[list[str], str | None]:
    """What the verb a nominal trigger hangs on says: who holds or attends it ("the EU
    will discuss new sanctions", "invited Trump to a meeting"), where, and when."""
    w = words()
    link = _held_link(tok, kind, verb, path)
    if verb is None:
        return participants, _ahead_of(reader, m, verb, path, location)
    if len(path) == 1 and path[0].lower_ == "to" and verb.lemma_.casefold() in w["inviting_verbs_set"]:
        # "Pena Nieto invited Trump to a meeting"
        participants += reader.args(_subjects(verb)) + reader.args([c for c in verb.children if c.dep_ == "dobj"])
    if link in ("subject_takes_part", "object"):
        extra, location = _holders(reader, m, verb, path, location)
        participants = m.agents + participants + extra
    m.direction = direction_of_verb(verb)
    m.strong = link == "subject_takes_part" and verb.lemma_.casefold() in w["light_verbs_set"]
    return participants, _ahead_of(reader, m, verb, path, location)


def _plans(m: Mention, tok: "Token", verb: "Token | None", path: list["Token"]) -> None:
    """Planned or done: "the planned summit", "the last summit", "the negotiations
    scheduled for Tuesday", "will meet"."""
    w = words()
    mods = {c.lemma_.casefold() for c in tok.children if c.dep_ in ("amod", "compound")}
    if mods & w["planned_set"]:
        m.planned, m.strong = True, True
    if tok.pos_ in _NOMINAL and mods & w["previous_words_set"]:
        # "the last Nordic summit": an earlier one, not the one ahead
        m.direction, m.strong, m.planned = "past", True, False
    if tok.pos_ in _NOMINAL and any(c.dep_ == "acl" and direction_of_verb(c) == "future" for c in tok.children):
        m.planned = True  # "the hearings scheduled for this Thursday"
    linked = tok.pos_ in _VERBAL or (
        verb is not None and (_link(tok, verb, path) is not None or tok.dep_ in ("nsubj", "nsubjpass", "dobj"))
    )
    if m.direction == "future" and linked and not m.planned and not (mods & w["previous_words_set"]):
        m.planned = True  # "will meet", "the summit will open"; not "respond to the expulsion"


# --- where, when the trigger's own words do not say -----------------------------------


def _partner_place(reader: _Reader, tok: "Token", kind: str, verb: "Token | None") -> str | None:
    """ "a summit with Horvat in Vienna", "meet Leone in Brussels": the parse hangs the
    place on the partner."""
    partners = [o for _, o in _prep_objects(tok, frozenset({"with", "between", "of"}))]
    if tok.pos_ in _VERBAL and family(kind) == "meeting":
        partners += [c for c in tok.children if c.dep_ == "dobj"]
    location: str | None = None
    for obj in partners:
        location = location or reader.places(obj, words()["location_preps_set"])
    return location


def _where_place(reader: _Reader, tok: "Token", kind: str, verb: "Token | None") -> str | None:
    """A 'where' clause on the governing verb."""
    return _where_clause(reader, verb) if verb is not None else None


def _when_place(reader: _Reader, tok: "Token", kind: str, verb: "Token | None") -> str | None:
    """ "met in Riga, when they signed a deal": the place of the clause above."""
    above = _antecedent_clause(verb, "when") if verb is not None else None
    return reader.places(above, words()["location_preps_set"]) if above is not None else None


def _participle_place(reader: _Reader, tok: "Token", kind: str, verb: "Token | None") -> str | None:
    """ "the last summit, held in Oslo": the place of a participle on the noun."""
    location: str | None = None
    if tok.pos_ in _NOMINAL:
        for c in tok.children:
            if c.dep_ == "acl" and c.pos_ in _VERBAL:
                location = location or reader.places(c, words()["location_preps_set"])
    return location


# Where an event is when its trigger's own arguments name no place, in the order tried.
LOCATION_FALLBACKS: tuple[tuple[str, Callable[[_Reader, "Token", str, "Token | None"], str | None]], ...] = (
    ("partner", _partner_place),
    ("where clause", _where_place),
    ("when clause", _when_place),
    ("participle", _participle_place),
)


def _clause_verbs(verb: "Token") -> list["Token"]:
    """A verb with the verbs of its clause: "began [arriving]", "[is due to] travel"."""
    out = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb:
        out.append(verb.head)
    return out


def _antecedent_clause(verb: "Token", word: str) -> "Token | None":
    """The verb of the clause a "where"/"when" relative clause hangs on: in "travel to
    Tallinn on Thursday, where he will hold talks", "travel"."""
    if verb.dep_ not in ("relcl", "advcl") or not any(c.lower_ == word for c in verb.children):
        return None
    above = verb.head
    if above.pos_ in _VERBAL:
        return above
    found, _ = governing(above)
    return found


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _length_in_days(tok: "Token") -> int:
    """2 for "a two-day summit" or "a 2-day visit"; 0 when it does not say."""
    doc = tok.doc
    for i in range(max(0, tok.i - 4), tok.i):
        if doc[i].lower_ == "day" and i >= 2 and doc[i - 1].text == "-":
            word = doc[i - 2].lower_
            n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
            return n if 1 < n <= 14 else 0
    return 0


def _where_clause(reader: _Reader, verb: "Token") -> str | None:
    """ "Tallinn, where he will hold talks": the place the relative clause hangs on."""
    for _ in range(2):  # "where he is due to hold talks": the clause's verb is one up
        if verb.dep_ in ("xcomp", "acomp") and verb.head is not verb:
            verb = verb.head
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        found = reader.place(verb.head)
        above = _antecedent_clause(verb, "where")
        if found is None and above is not None:
            w = words()
            found = reader.places(above, w["location_preps_set"] | w["destination_preps_set"])
        return found
    return None


def _asserted(reader: _Reader, subjects: list["Token"]) -> bool:
    """Whether a clause reports the event as something that happens to someone in
    particular: a named or definite subject ("the government imposed"), not "one should
    visit" or "peace was negotiated"."""
    generic = words()["generic_subjects_set"]
    for s in subjects:
        if s.lower_ in generic:
            return False
        if (
            reader.actors(s)
            or s.pos_ == "PROPN"
            or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "some") for c in s.children)
        ):
            return True
        if _placed(s):
            return True
    return False


def _placed(noun: "Token") -> bool:
    """A group pinned down by a place or a name: "dockworkers at the port of Rotterdam",
    "residents of Kharkiv"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "of", "from"):
            if any(t.pos_ == "PROPN" for t in prep.subtree):
                return True
    return False


def _light_object(tok: "Token", verb: "Token", preps: list["Token"], nouns: list["Token"]) -> bool:
    """ "held talks", "a meeting was held": the event is a light verb's object."""
    return tok.dep_ in ("dobj", "attr", "nsubjpass") and verb.lemma_.casefold() in words()["light_verbs_set"]


def _attending(tok: "Token", verb: "Token", preps: list["Token"], nouns: list["Token"]) -> bool:
    """ "spoke at the conference", "said after the meeting"."""
    return len(preps) == 1 and not nouns and preps[0].lower_ in words()["attending_preps_set"]


def _split_name(tok: "Token", verb: "Token", preps: list["Token"], nouns: list["Token"]) -> bool:
    """ "attend the Council of Ports summit": the name is split by the parse."""
    w = words()
    if not (all(p.lower_ == "of" for p in preps) and nouns and all(n.text[:1].isupper() for n in nouns)):
        return False
    head = nouns[-1]
    if head.dep_ in ("dobj", "attr") and verb.lemma_.casefold() in w["light_verbs_set"]:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in w["attending_preps_set"]


def _occasion_part(tok: "Token", verb: "Token", preps: list["Token"], nouns: list["Token"]) -> bool:
    """ "speaking during a round table at a farming fair", "on the sidelines of"."""
    w = words()
    attending = w["attending_preps_set"]
    return (
        len(preps) == 2
        and len(nouns) == 1
        and nouns[0].lemma_.casefold() in w["occasion_nouns_set"]
        and all(p.lower_ in attending | {"of"} for p in preps)
        and preps[-1].lower_ in attending
    )


_LinkRule = Callable[["Token", "Token", list["Token"], list["Token"]], bool]
# How a noun trigger's subject takes part, tried in order: with no path between trigger
# and verb; with one.
_DIRECT_LINKS: tuple[_LinkRule, ...] = (_light_object,)
_PATH_LINKS: tuple[_LinkRule, ...] = (_attending, _split_name, _occasion_part)


def _link(tok: "Token", verb: "Token | None", path: list["Token"]) -> str | None:
    """How a noun trigger hangs on its verb, as far as taking part goes.

    "subject_takes_part": the verb's subject attends ("held talks", "spoke at the
    conference", "said after the meeting"); "object": it is the verb's object through a
    name ("attend the Council of Ports summit"); None: the verb only talks about the event.
    """
    if verb is None or verb.lemma_.casefold() in words()["outside_verbs_set"]:
        return None  # "Russia meddled in the election": from outside, no party to it
    preps = [t for t in path if t.dep_ == "prep" or t.pos_ == "ADP"]
    nouns = [t for t in path if t.pos_ in _NOMINAL]
    rules = _PATH_LINKS if path else _DIRECT_LINKS
    return "subject_takes_part" if any(rule(tok, verb, preps, nouns) for rule in rules) else None


def _inherits(tok: "Token", path: list["Token"]) -> bool:
    """Whether dates on the noun's verb date the noun's event too."""
    w = words()
    for t in path:
        if t.lemma_.casefold() in w["planned_heads_set"] or t.lower_ in ("after", "before", "ahead", "since", "until"):
            return False
        if (t.dep_ == "prep" or t.pos_ == "ADP") and t.lower_ not in _INHERIT_PREPS:
            return False
    return tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "npadvmod") or bool(path)


def _relative_of(clause: "Token") -> bool:
    """ "talks that began in February": a relative clause whose subject is the noun."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in clause.children
    )


def is_phase(verb: "Token") -> bool:
    """ "The agreement will take effect next year": the day of another phase of the event
    (data/event_triggers.json "phase_phrases"), not the day it happens."""
    lemma = verb.lemma_.casefold()
    below = {t.lower_ for c in verb.children for t in (c, *c.children)}
    return any(lemma == first and rest in below for first, rest in _phase_phrases())


@lru_cache(maxsize=1)
def _phase_phrases() -> tuple[tuple[str, str], ...]:
    return tuple((p.split()[0], p.split()[-1]) for p in words()["phase_phrases"])


def _verb_dates(reader: _Reader, m: Mention, verb: "Token", path: list["Token"], triggers: set[int]) -> list[DateRef]:
    """The dates of the verb a noun trigger hangs on, as far as they date its event."""
    tok = m.trigger
    dates: list[DateRef] = []
    if _inherits(tok, path) and not is_phase(verb):
        dates += reader.attached_dates(verb, triggers)
        if not path and tok.dep_ in ("nsubj", "nsubjpass"):
            # "the summit is scheduled to open on October 14"
            for x in verb.children:
                if x.dep_ == "xcomp":
                    dates += reader.attached_dates(x, triggers)
    elif m.date_shift:
        # "began arriving on Sunday (9), on the eve of a summit": the clause's day
        for v in _clause_verbs(verb):
            dates += [d for d in reader.attached_dates(v, triggers) if d.info.precision == "day"]
    return dates


def _noun_dates(reader: _Reader, m: Mention, triggers: set[int]) -> list[DateRef]:
    """ "the hearings scheduled for this Thursday", "the summit held on June 16", "talks
    that began in February", the clause a "where"/"when" hangs on, the verb's."""
    tok = m.trigger
    dates: list[DateRef] = []
    for c in tok.children:
        if (c.dep_ == "acl" or _relative_of(c)) and c.pos_ in _VERBAL:
            dates += reader.attached_dates(c, triggers)
    verb, path = governing(tok)
    for word in ("where", "when"):
        # "travel to Tallinn on Thursday, where he will hold talks"; "met in Riga on
        # February 2, when they signed an agreement"
        above = _antecedent_clause(verb, word) if verb is not None else None
        if above is not None and not path:
            dates += reader.attached_dates(above, triggers)
    if verb is not None and verb.i not in triggers:
        dates += _verb_dates(reader, m, verb, path, triggers)
    return dates


def _attach_dates(reader: _Reader, m: Mention, triggers: set[int]) -> None:
    tok = m.trigger
    dates = reader.attached_dates(tok, triggers)
    if not dates and tok.pos_ in _VERBAL and tok.dep_ == "conj" and tok.head.pos_ in _VERBAL:
        # "visited Moscow last week and met Orlov": the first verb's date is the second's
        dates = reader.attached_dates(tok.head, triggers)
    if tok.pos_ not in _VERBAL:
        dates += _noun_dates(reader, m, triggers)
    m.dates = list(dict.fromkeys(dates))


def _outer(m: Mention, found: dict[int, Mention]) -> int | None:
    """The trigger whose clause ``m`` completes: "meet [during the summit]", "attends a
    meeting ... [via a video call]" (the prep may hang on the meeting or on its verb)."""
    t = m.trigger
    if (
        t.pos_ in _VERBAL
        and t.dep_ in ("advcl", "xcomp")
        and t.head.i in found
        and found[t.head.i].kind == "visit"
        and any(c.tag_ == "TO" for c in t.children)
    ):
        return t.head.i  # "will visit the port on Monday to meet workers": the meeting is the visit
    if t.dep_ != "pobj" or t.head.lower_ not in _FOLD_PREPS:
        return None
    host = t.head.head
    if host.i in found and host.i != t.i:
        return host.i
    if host.pos_ in _VERBAL and t.head.lower_ in ("via", "by", "over", "in", "during"):
        for i, other in found.items():
            if i != t.i and other.trigger.dep_ in ("dobj", "nsubjpass") and other.trigger.head.i == host.i:
                return i
    return None


def _fold(found: dict[int, Mention]) -> list[Mention]:
    """Merge triggers of one clause that name one event: the outer one absorbs the inner."""
    parent: dict[int, int] = {}
    for i, m in found.items():
        outer_i = _outer(m, found)
        if outer_i is None:
            continue
        outer = found[outer_i]
        if (
            family(outer.kind) == family(m.kind)
            or outer.kind == "visit"
            or (m.trigger.lower_ == "week" and family(outer.kind) == "meeting")
        ):
            parent[i] = outer_i
    for i in sorted(parent, key=lambda k: -found[k].trigger.i):
        root = parent[i]
        seen = {i}
        while root in parent and root not in seen:
            seen.add(root)
            root = parent[root]
        outer, inner = found[root], found[i]
        if priority(inner.kind) < priority(outer.kind) and outer.kind != "visit":
            outer.kind = inner.kind
            outer.words = inner.words
        outer.spans += inner.spans
        outer.participants = list(dict.fromkeys(outer.participants + inner.participants))
        outer.agents = outer.agents or inner.agents
        outer.location = outer.location or inner.location
        outer.dates = list(dict.fromkeys(outer.dates + inner.dates))
        outer.name = outer.name or inner.name
        outer.planned = outer.planned or inner.planned
        outer.anaphoric = outer.anaphoric and inner.anaphoric
        outer.generic = outer.generic and inner.generic
        outer.asserted = outer.asserted or inner.asserted
        outer.days = outer.days or inner.days
    return [m for i, m in sorted(found.items()) if i not in parent]


def occasion_of(m: Mention) -> "Token | None":
    """The verb a mention's event is the occasion of: "said after the meeting", "told
    reporters at a news conference", "said after meeting with Nuland"."""
    tok = m.trigger
    occasion = words()["occasion_preps_set"]
    if tok.pos_ in _VERBAL:
        return tok.head.head if tok.dep_ == "pcomp" and tok.head.lower_ in occasion else None
    verb, path = governing(tok)
    if verb is None:
        return None
    if len(path) == 1 and path[0].lower_ in occasion:
        return verb
    return verb if _link(tok, verb, path) == "subject_takes_part" else None
