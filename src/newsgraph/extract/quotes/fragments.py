"""A learned second look at the quoted stretches the rules drop: the quote-span classifier.

The rules of :mod:`.attribution` keep a quoted stretch as (part of) a quote or drop it as
a scare quote, a title or a name. Some fragments they drop are quotes after a cue that
is no speech verb (*Reyes has long admired the harbour board as "a model of thrift"*).
For each dropped stretch whose clause has a subject that could speak (or only may: a
*weak* subject the word lists do not know, weighed by its :func:`animacy`; a thing never
speaks), a logistic regression over a few features of the stretch, its clause and the
speaker ranker's look at that subject (:data:`FEATURES`, documented in docs/quotes.md)
gives the probability that the stretch is that speaker's quote (issue 18). Its weights
are the data file ``lexicon/data/fragment_classifier.json``, made by
``bench/train_fragments.py`` from PolNeAR train only.

:func:`revise` acts only where it is sure (:data:`ADD_PROBABILITY`): the stretch becomes
a partial quote of the clause that governs it, its subject the speaker (or the ranker's
choice, for a subject that is only a guess). It never removes a quote of the rules: on
dev, no threshold dropped more scare quotes than real quotes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Sequence

from ...lexicon import wordlists
from .attribution import (
    Attribution,
    agentive,
    colon_name,
    describes,
    is_title_like,
    make_cue,
    region_head,
    speaker_of_cue,
)
from .cues import Cue, fragment_cues, inherited_subject, speech_verbs
from .ranker import Candidate, Context, candidates, probabilities

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .attribution import Para
    from .marks import QuoteRegion

__all__ = [
    "ADD_PROBABILITY",
    "FEATURES",
    "Fragment",
    "animacy",
    "candidate",
    "fragments",
    "load_model",
    "probability",
    "revise",
    "speaker",
]

# A stretch the rules dropped becomes a quote when the classifier gives it at least this
# (chosen on dev; 0.45 has the best dev end to end, 0.35 finds more quotes that mix quoted and
# reported words on dev and train for 0.0015 of it: docs/quotes.md).
ADD_PROBABILITY = 0.35
# How sure a quote the classifier added is (as sure as a clause that is no speech verb).
ADDED_CONFIDENCE = 0.5
# How sure a quoted sentence handed over by a colon right after a name is (as the rules'
# colon after a clause: docs/quotes.md)
COLON_NAME_CONFIDENCE = 0.8
_SHORT = 6  # fewer words than the rules ask of a quoted sentence nothing attributes
_MAX_CLIMB = 10  # how far up the parse the governing clause is looked for

_WORD_BINS = ((1, "words:1"), (3, "words:2-3"), (6, "words:4-6"), (12, "words:7-12"))
_BEFORE = ("as", "called", "name_opener", "det", "possessive", "prep", "that", "verb", "punct", "other", "none")
_GOVERNORS = ("speech", "characterising", "claim_noun", "title_noun", "verb", "noun", "none")
_SUBJECTS = ("agentive", "weak", "person", "org", "pronoun", "none")
_SPEAKER_FROM = ("speech", "possessor", "clause", "sentence", "weak", "none")
# how a weak subject (one `agentive` does not know) stands on "can it speak" (animacy.json);
# a thing (the third answer) never speaks, so it is no feature: its stretch is no candidate
_ANIMACY = ("animate", "it", "unknown")
# what the speaker ranker makes of the clause's subject as the speaker of the added quote
_RANKER = ("agrees", "other", "nobody")
# where a speaker found for the stretch is only a guess the ranker may overrule
_GUESSED = frozenset({"speaker:weak", "speaker:sentence"})
_PERSONS = frozenset({"i", "we", "you", "me", "us", "my", "our", "your", "mine", "ours"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her"})
_TERMINAL = frozenset(".!?")
_OWNERS = frozenset({"his", "her", "their", "my", "our"})  # possessive pronouns that can speak
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_WEAK_PRONOUNS = frozenset({"it"})

FEATURES: tuple[str, ...] = (
    "bias",
    *(name for _, name in _WORD_BINS),
    "words:13+",
    "title_case",
    "close:comma",
    "close:stop",
    "sentence_initial",
    "ends_sentence",
    "whole_sentence",
    *(f"before:{b}" for b in _BEFORE),
    *(f"gov:{g}" for g in _GOVERNORS),
    *(f"subject:{s}" for s in _SUBJECTS),
    *(f"speaker:{w}" for w in _SPEAKER_FROM),
    *(f"animacy:{a}" for a in _ANIMACY),
    *(f"ranker:{r}" for r in _RANKER),
    "ranker_probability",
    "person_inside",
    "verb_inside",
    "style:single",
    "unclosed",
    "paragraph_whole",
    "in_subject",
    "dropped:title_like",
    "dropped:short",
)


@dataclass
class Fragment:
    """One quoted stretch, what the rules made of it, and what the classifier reads."""

    para: "Para"
    index: int  # the region's index in its paragraph
    att: Attribution | None  # the rules' quote that holds it, None when they dropped it
    cue: Cue | None  # the clause that governs it, as a cue (its verb and subject)
    features: dict[str, float] = field(default_factory=dict)
    # the name a colon glued to it hands the stretch over from (*Lena Voss: "..."*), if any
    colon: Cue | None = None
    # the mention the speaker ranker prefers to the clause's subject, if another
    second: Candidate | None = None
    second_head: int | None = None  # where its head word starts in its paragraph

    @property
    def region(self) -> "QuoteRegion":
        return self.para.regions[self.index]


@lru_cache(maxsize=1)
def load_model() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The feature names and weights of ``data/fragment_classifier.json`` (read once)."""
    return FEATURES, wordlists.trained_weights("fragment_classifier", FEATURES, "bench/train_fragments.py")


def probability(features: dict[str, float]) -> float:
    """How likely the classifier finds a stretch with these features to be quoted speech."""
    names, weights = load_model()
    z = sum(w * features.get(n, 0.0) for n, w in zip(names, weights))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# --- the governing clause ----------------------------------------------------------------


def _governor(p: "Para", head: "Token") -> "Token | None":
    """The first word outside any quote that the stretch hangs on."""
    tok = head
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            return None
        tok = tok.head
        if p.region_of[tok.i] < 0 and not tok.is_punct:
            return tok
    return None


def _cue(p: "Para", verb: "Token", subj: "Token") -> Cue:
    """The rules' cue for this verb, or the cue of its clause as the rules make it."""
    return p.cue_at(verb.i) or make_cue(p, verb, subj)


def _agent(p: "Para", subj: "Token | None") -> bool:
    return subj is not None and p.region_of[subj.i] < 0 and agentive(subj)


def _owner(p: "Para", poss: "Token | None") -> bool:
    """A possessor that could have said it: one that can speak, or *his*, *her*, *their*
    (*her claim that ...*)."""
    return poss is not None and p.region_of[poss.i] < 0 and (poss.lower_ in _OWNERS or agentive(poss))


def _weak(p: "Para", subj: "Token | None") -> bool:
    """A subject the word lists do not know as a speaker but that may be one: a common noun
    (*the family*, *the leaflet*) or *it* (*it referenced ...*); the classifier weighs it,
    with its animacy."""
    if subj is None or p.region_of[subj.i] >= 0 or agentive(subj):
        return False
    return subj.pos_ == "NOUN" or subj.lower_ in _WEAK_PRONOUNS


def _climb(p: "Para", head: "Token") -> tuple[Cue | None, str, Cue | None, bool]:
    """Up the parse from the stretch: the first clause whose speaker can speak (a speech
    cue, a speaking possessor, a subject `agentive` knows), the first whose subject only may
    (weak), and whether the stretch is in the subject of a reported clause on the way."""
    child, tok = head, head.head
    weak: Cue | None = None
    in_subject = False
    for _ in range(_MAX_CLIMB):
        if tok is child:
            break
        if p.region_of[tok.i] < 0 and child.dep_ in _SUBJECT_DEPS:
            if tok.head is tok:
                return None, "subject", None, True  # (in) the subject of the sentence
            in_subject = True  # *X learned that the "..." was ...*: the clause above may own it
        elif p.region_of[tok.i] < 0:
            speech = p.cue_at(tok.i)
            if speech is not None and speech.speaker is not None:
                return speech, "speech", weak, in_subject
            poss = next((c for c in tok.children if c.dep_ == "poss"), None) if tok.pos_ == "NOUN" else None
            if _owner(p, poss):
                return _cue(p, tok, poss), "possessor", weak, in_subject  # type: ignore[arg-type]  # checked by _owner
            subj = inherited_subject(tok) if tok.pos_ in ("VERB", "AUX") else None
            if _agent(p, subj):
                return _cue(p, tok, subj), "clause", weak, in_subject  # type: ignore[arg-type]  # checked by _agent
            if weak is None and _weak(p, subj):
                weak = _cue(p, tok, subj)  # type: ignore[arg-type]  # checked by _weak
        child, tok = tok, tok.head
    return None, "none", weak, in_subject


def _clause(p: "Para", head: "Token") -> tuple[Cue | None, str, bool]:
    """The clause the stretch belongs to, as a cue with its speaker, where that was found,
    and whether the stretch is in the subject of a clause under it. Found: a speech cue
    reporting it, the nearest clause (or noun with a possessor) with a subject that can
    speak, the main clause of its sentence, failing those the nearest clause whose subject
    only may speak (``weak``); ``(None, "none", ...)`` when nobody in the sentence could
    have said it."""
    cue, found, weak, in_subject = _climb(p, head)
    if cue is not None or found == "subject":
        return cue, found if cue is not None else "none", in_subject
    root = p.doc[p.sent_lo[head.i] : p.sent_hi[head.i] + 1].root if head.i < len(p.sent_lo) else None
    subj = inherited_subject(root) if root is not None and p.region_of[root.i] < 0 else None
    if root is not None and subj is not None and head.i not in {t.i for t in subj.subtree}:
        if _agent(p, subj):
            return _cue(p, root, subj), "sentence", in_subject
        if weak is None and _weak(p, subj):
            weak = _cue(p, root, subj)
    return (weak, "weak", in_subject) if weak is not None else (None, "none", in_subject)


@lru_cache(maxsize=1)
def _animacy() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str], int]:
    table: dict[str, Any] = wordlists.data("animacy")
    return (
        frozenset(table["animate"]),
        frozenset(table["inanimate"]),
        tuple(table["animate_suffixes"]),
        frozenset(table["not_animate_endings"]),
        int(table["min_length"]),
    )


def animacy(tok: "Token") -> str:
    """Can a subject `agentive` does not know speak: ``animate`` (a noun for people or a
    group: *the family*, *organizers*), ``thing`` (*the weather*, *the plan*), ``it``, or
    ``unknown`` (``data/animacy.json``)."""
    if tok.lower_ in _WEAK_PRONOUNS:
        return "it"
    animate, things, suffixes, not_animate, shortest = _animacy()
    lemma = tok.lemma_.lower()
    if lemma in animate:
        return "animate"
    if lemma in things:
        return "thing"
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return "animate"  # a capitalised word the tagger took for a common noun is mostly a name
    if len(lemma) >= shortest and lemma.endswith(suffixes) and not lemma.endswith(tuple(not_animate)):
        return "animate"
    return "unknown"


# --- features ----------------------------------------------------------------------------


def _before(p: "Para", ri: int) -> str:
    """What stands right before the opening mark."""
    r = p.regions[ri]
    if (
        p.text[max(0, r.mark_start - 20) : r.mark_start]
        .rstrip()
        .lower()
        .endswith(tuple(fragment_cues()["name_openers"]))
    ):
        return "name_opener"
    i = p.region_toks[ri][0] - 1
    while i >= 0 and p.doc[i].is_space:
        i -= 1
    if i < 0:
        return "none"
    tok = p.doc[i]
    word = tok.lower_
    if tok.is_punct:
        return "punct"
    if word in ("as", "that"):
        return word
    if tok.lemma_.lower() == "call":
        return "called"
    if tok.tag_ == "POS" or word.endswith(("'s", "\u2019s")) or tok.dep_ == "poss":
        return "possessive"
    if word in _DETERMINERS:
        return "det"
    return {"ADP": "prep", "VERB": "verb", "AUX": "verb"}.get(tok.pos_, "other")


def _governor_class(gov: "Token | None") -> str:
    if gov is None:
        return "none"
    lemma, lists = gov.lemma_.lower(), fragment_cues()
    if gov.pos_ in ("VERB", "AUX"):
        if lemma in lists["characterising"]:
            return "characterising"
        return "speech" if lemma in speech_verbs() else "verb"
    if gov.pos_ in ("NOUN", "PROPN"):
        if lemma in lists["claim_nouns"]:
            return "claim_noun"
        return "title_noun" if lemma in lists["title_nouns"] else "noun"
    return "none"


def _subject_kind(p: "Para", cue: Cue | None) -> list[str]:
    if cue is None or cue.speaker_head is None:
        return ["none"]
    tok = p.doc[cue.speaker_head]
    if not (agentive(tok) or tok.lower_ in _OWNERS):
        kind = animacy(tok)
        return ["weak"] if kind == "thing" else ["weak", f"animacy:{kind}"]
    kinds = ["agentive"]
    if tok.pos_ == "PRON":
        kinds.append("pronoun")
    elif tok.ent_type_ == "PERSON":
        kinds.append("person")
    elif tok.ent_type_ in ("ORG", "NORP", "GPE"):
        kinds.append("org")
    return kinds


def _word_bin(n: int) -> str:
    return next((name for top, name in _WORD_BINS if n <= top), "words:13+")


def _shape(p: "Para", ri: int) -> dict[str, bool]:
    """What the stretch looks like on its own and where it stands in its sentence."""
    r = p.regions[ri]
    words = p.text[r.start : r.end].split()
    toks = [p.doc[i] for i in p.region_toks[ri]]
    last = p.text[r.end - 1]
    after = p.text[r.mark_end : r.mark_end + 3].lstrip()
    initial = not p.text[p.doc[p.sent_lo[toks[0].i]].idx if toks else 0 : r.mark_start].strip(" \u2014-(")
    ends = last in _TERMINAL or after[:1] in _TERMINAL or not after
    return {
        _word_bin(len(words)): True,
        "title_case": is_title_like(p, r),
        "close:comma": last == ",",
        "close:stop": last in _TERMINAL,
        "sentence_initial": initial,
        "ends_sentence": ends,
        "whole_sentence": initial and ends and words[0][:1].isupper(),
        "person_inside": any(w.lower().strip(",.!?;:") in _PERSONS for w in words),
        "verb_inside": any(t.pos_ in ("VERB", "AUX") and r.start <= t.idx < r.end for t in toks),
        "style:single": r.style == "single",
        "unclosed": not r.closed,
        "paragraph_whole": r.end - r.start >= 0.8 * len(p.text.strip()),
    }


def _dropped(p: "Para", ri: int, att: Attribution | None) -> dict[str, bool]:
    """Why the rules dropped the stretch (nothing for one they kept)."""
    if att is not None:
        return {}
    r = p.regions[ri]
    return {"dropped:title_like": is_title_like(p, r), "dropped:short": len(p.text[r.start : r.end].split()) < _SHORT}


def _colon_name(p: "Para", ri: int) -> Cue | None:
    """A quoted sentence the rules dropped that a colon glued to a name hands over (*Ferry
    chief Lena Voss: "We will ..."*, *Continued Voss: "..."*, a digest's *PORTS STAY OPEN -
    Tomas Berg: "..."*, *From the harbour report: "..."*): the name's (the document's) words,
    with the colon as the cue (`attribution.colon_name`, which the rules take only when no
    verb stands before the colon in its sentence)."""
    r = p.regions[ri]
    words = p.text[r.start : r.end].split()
    if len(words) < _SHORT or not words[0][:1].isupper():
        return None
    return colon_name(p, r)


def _fragment(p: "Para", ri: int, att: Attribution | None) -> Fragment:
    head = region_head(p, ri)
    gov = _governor(p, head) if head is not None else None
    cue, found, in_subject = _clause(p, head) if head is not None else (None, "none", False)
    flags: dict[str, bool] = {
        "bias": True,
        **_shape(p, ri),
        f"before:{_before(p, ri)}": True,
        f"gov:{_governor_class(gov)}": True,
        **{k if k.startswith("animacy:") else f"subject:{k}": True for k in _subject_kind(p, cue)},
        f"speaker:{found}": True,
        "in_subject": in_subject,
        **_dropped(p, ri, att),
    }
    frag = Fragment(p, ri, att, cue, {k: 1.0 for k, v in flags.items() if v})
    if att is None:
        frag.colon = _colon_name(p, ri)
    return frag


def _second_look(paras: Sequence["Para"], frag: Fragment, ctx: Context) -> None:
    """What the speaker ranker makes of the clause's subject as the speaker of the quote the
    stretch would become: its probability among the mentions near it, and whether the
    ranker's first choice is that subject, another mention (kept as ``frag.second``) or
    nobody."""
    cands = candidates(paras, _added(frag), ctx)
    if not cands:
        return
    probs = probabilities(cands)
    best = max(range(len(cands)), key=lambda i: (probs[i], -i))
    own = next((pr for c, pr in zip(cands, probs) if c.features.get("rule_choice")), 0.0)
    frag.features["ranker_probability"] = own
    if cands[best].nothing:
        frag.features["ranker:nobody"] = 1.0
    elif cands[best].features.get("rule_choice"):
        frag.features["ranker:agrees"] = 1.0
    else:
        frag.features["ranker:other"] = 1.0
        # its choice stands for a speaker the parse only guesses (a weak subject, the main
        # clause's): never for a speech cue's, a possessor's or the stretch's own clause's
        # subject, as the ranker keeps the subject of the cue the rules linked; and a thing
        # never speaks
        if cands[best].features.get("agentive") and _GUESSED & frag.features.keys():
            frag.second = cands[best]
            frag.second_head = paras[cands[best].paragraph].doc[cands[best].head].idx


def fragments(paras: Sequence["Para"], atts: Sequence[Attribution]) -> list[Fragment]:
    """Every quoted stretch of the body, in reading order, with the rules' quote holding it
    (if any) and its features; a dropped one with a speaker also with the ranker's look at
    that speaker (the ranker's context is made once per article, and only when needed)."""
    held = {(r.paragraph, r.start): att for att in atts for r in att.regions}
    found = [
        _fragment(p, ri, held.get((p.index, r.start)))
        for p in paras
        for ri, r in enumerate(p.regions)
        if p.region_toks[ri]
    ]
    ctx: Context | None = None
    for frag in found:
        if candidate(frag):
            ctx = ctx or Context(paras)
            _second_look(paras, frag, ctx)
    return found


# --- acting on it ------------------------------------------------------------------------


def candidate(frag: Fragment) -> bool:
    """A stretch the classifier decides on: one the rules dropped whose clause has a
    speaker. No subject speaks a short phrase through a copula of its own (*Berg was never
    at the "Three Harbours" summit*: `describes`), a subject the word lists do not know as
    a speaker no stretch at all (*The budget is "a disgrace."*: the budget says nothing),
    and a thing never speaks (*The weather turned the "summer festival" into a washout*)."""
    if frag.att is not None or frag.colon is not None or frag.cue is None or frag.cue.speaker is None:
        return False  # a stretch after a name and its colon is the rule's (`revise`)
    if frag.cue.verb >= 0 and describes(frag.para, frag.para.doc[frag.cue.verb], frag.index):
        return False
    if "subject:weak" not in frag.features:
        return True
    head = frag.cue.speaker_head
    return frag.cue.lemma not in fragment_cues()["copulas"] and (
        head is None or animacy(frag.para.doc[head]) != "thing"
    )


def _added(frag: Fragment) -> Attribution:
    """The partial quote a dropped stretch becomes: its clause's subject the speaker, or
    the mention the speaker ranker prefers to it when that one can speak. It stays a quote
    of its own even when the rules quote the same clause elsewhere: joined, it would
    stretch that quote over the words between the two."""
    cue = frag.cue
    assert cue is not None and cue.speaker is not None  # checked by the caller
    att = Attribution([frag.region], "partial", cue, ADDED_CONFIDENCE, "fragment")
    second = frag.second
    if second is not None:
        att.speaker = second.mention
        att.speaker_head = frag.second_head
        att.antecedent = (second.paragraph, *second.antecedent) if second.antecedent is not None else None
        return att
    speaker_of_cue(att, frag.para)
    return att


def _colon_quote(frag: Fragment) -> Attribution:
    """The direct quote of the name before a colon (`_colon_name`)."""
    cue = frag.colon
    assert cue is not None and cue.speaker is not None  # checked by the caller
    att = Attribution([frag.region], "direct", cue, COLON_NAME_CONFIDENCE, "colon-name")
    speaker_of_cue(att, frag.para)
    return att


def speaker(frag: Fragment) -> tuple[int, int, int] | None:
    """The mention the quote a candidate stretch would become is said by."""
    return _added(frag).speaker if candidate(frag) else None


def revise(paras: Sequence["Para"], atts: list[Attribution]) -> list[Attribution]:
    """The rules' quotes, and the dropped stretches the classifier is sure of as quotes
    of their clause's speaker (the caller puts them in reading order)."""
    added = []
    for frag in fragments(paras, atts):
        if frag.colon is not None:
            added.append(_colon_quote(frag))
        elif candidate(frag) and probability(frag.features) >= ADD_PROBABILITY:
            added.append(_added(frag))
    return [*atts, *added]
