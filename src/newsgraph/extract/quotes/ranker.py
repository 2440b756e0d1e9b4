"""A learned second opinion on who said a quote: the speaker ranker.

The rules of :mod:`.attribution` choose a speaker mention for each quote (or none).
The ranker gathers the other mentions that could have said it — the subjects and
addressees of the speech cues of the quote's paragraph and the one before, the names
(people, organisations, places, groups), the subjects and the pronouns of those
paragraphs — describes each by a few features (the rules' choice and its rule, where the
mention stands from the quote, its grammatical role, what kind of mention it is, how
salient its words are in the article), and scores each with a conditional logistic
regression (a softmax over the quote's candidates) trained on PolNeAR train (``bench/train_speakers.py``; the weights are the data file
``lexicon/data/speaker_ranker.json``).

The rules stay: they make the first candidate and remain the answer unless the ranker is
sure of another mention — at least :data:`MIN_PROBABILITY`, and :data:`MARGIN` above
the rules' choice. One candidate stands for nobody (the words are nobody's in
particular): when it wins, the rules' answer stays. docs/quotes.md lists the features.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, Sequence

from ...lexicon import wordlists
from .attribution import agentive
from .cues import RELATIVE, speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .attribution import Attribution, Para

__all__ = [
    "Candidate",
    "FEATURES",
    "MARGIN",
    "MIN_PROBABILITY",
    "RULES",
    "Context",
    "candidates",
    "kept_by_rules",
    "load_model",
    "probabilities",
    "ranked",
    "rerank",
    "score",
]

# The ranker replaces the rules' speaker only when the mention it prefers is this likely...
MIN_PROBABILITY = 0.3
# ... and at least this much likelier than the rules' choice (0 when the rules found none).
MARGIN = 0.3
# A quote whose speaker the ranker chose is never surer than this, nor less sure than the floor.
CONFIDENCE_CAP = 0.85
CONFIDENCE_FLOOR = 0.5
# Candidates are the mentions within this many characters of the quote in its paragraph...
WINDOW = 600
# ... and in the last this many characters of the paragraph before.
WINDOW_PREVIOUS = 600

# The rules whose choice carries a feature of its own (others count as "other").
RULES = (
    "after",
    "before",
    "content",
    "after-final",
    "after-sentence",
    "predicate",
    "paragraph",
    "colon",
    "label",
    "colon-paragraph",
    "previous-speaker",
    "subject-before",
    "sentence-before",
    "introduced",
    "parenthetical",
    "dashed",
    "signature",
)
_DEPS = ("nsubj", "nsubjpass", "agent", "appos", "poss", "dobj", "pobj", "dative", "conj", "compound")
_TYPES = ("name", "pronoun", "description", "generic")
_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_PERSONAL = frozenset({"he", "she", "they", "it", "we", "i"})
_INDEFINITE = frozenset({"a", "an", "some", "several", "many", "other", "another", "few", "most", "one"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})

FEATURES: tuple[str, ...] = (
    "rule_choice",
    "rule_confidence",
    *(f"rule:{r}" for r in (*RULES, "other")),
    "cue_subject",
    "own_cue_subject",
    "cue_addressee",
    "same_paragraph",
    "same_sentence",
    "before_quote",
    "log_distance",
    "nearest",
    "main_subject",
    "head_is_cue",
    *(f"dep:{d}" for d in (*_DEPS, "other")),
    *(f"type:{t}" for t in _TYPES),
    *(f"ent:{e}" for e in (*_LABELS, "none")),
    "pronoun_it_they",
    "in_quote",
    "earlier_speaker",
    "log_mentions",
    "agentive",
    "partial",
    "nothing",
    "nothing:no_rule_speaker",
    "nothing:no_cue",
    "nothing:partial",
    "nothing:unattributed",
)


@dataclass
class Candidate:
    """A mention that may have said a quote, with what describes it."""

    paragraph: int
    start: int
    end: int
    head: int  # token index of its head word in its paragraph's Doc
    features: dict[str, float] = field(default_factory=dict)
    antecedent: tuple[int, int] | None = None  # what a relative pronoun ("who said") stands for

    @property
    def mention(self) -> tuple[int, int, int]:
        return self.paragraph, self.start, self.end

    @property
    def nothing(self) -> bool:
        """The candidate that stands for no speaker at all (the text names nobody)."""
        return self.paragraph < 0


@lru_cache(maxsize=1)
def load_model() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The feature names and weights of ``data/speaker_ranker.json`` (read once)."""
    return FEATURES, wordlists.trained_weights("speaker_ranker", FEATURES, "bench/train_speakers.py")


@lru_cache(maxsize=1)
def _weight_of() -> dict[str, tuple[int, float]]:
    """Each feature's place in the model and its weight."""
    names, weights = load_model()
    return {n: (i, w) for i, (n, w) in enumerate(zip(names, weights))}


def score(features: dict[str, float]) -> float:
    """The model's score of one candidate: the higher, the likelier it said the quote."""
    # The features the candidate has (a few of the model's), summed in the model's order: the
    # same sum as over every name, to the last bit, since a feature it lacks adds nothing.
    weight_of = _weight_of()
    present = sorted((*weight_of[n], v) for n, v in features.items() if n in weight_of)
    return sum(w * v for _, w, v in present)


def probabilities(cands: Sequence[Candidate]) -> list[float]:
    """How likely each of a quote's candidates is its speaker (they sum to 1: a softmax)."""
    scores = [score(c.features) for c in cands]
    top = max(scores, default=0.0)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


# --- candidates -------------------------------------------------------------------------


def _outside_quotes(p: "Para", tok: "Token") -> bool:
    return p.region_of[tok.i] < 0


def _span_root(p: "Para", start: int, end: int) -> "Token | None":
    span = p.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _rules_choice(paras: Sequence["Para"], att: "Attribution") -> Iterator[tuple[Candidate, str]]:
    if att.speaker is not None:
        p, s, e = att.speaker
        root = _span_root(paras[p], s, e)
        if root is not None:
            ante = att.antecedent[1:] if att.antecedent is not None else None
            yield Candidate(p, s, e, root.i, antecedent=ante), "rule"


_Raw = tuple[int, int, int, int, "tuple[int, int] | None", str]  # paragraph, start, end, head, antecedent, source


def _mentions(para: "Para") -> list[_Raw]:
    """Every mention of a paragraph worth a look, in order of trust (cue speakers first)."""
    k = para.index
    out: list[_Raw] = []
    for cue in para.cues:
        if cue.speaker is not None and cue.speaker_head is not None:
            out.append((k, *cue.speaker, cue.speaker_head, cue.antecedent, "subject"))
        if cue.addressee is not None and (root := _span_root(para, *cue.addressee)) is not None:
            out.append((k, *cue.addressee, root.i, None, "addressee"))
    for ent in para.doc.ents:
        if ent.label_ in _LABELS and _outside_quotes(para, ent.root):
            out.append((k, ent.start_char, ent.end_char, ent.root.i, None, "ent"))
    for tok in para.doc:
        if not _outside_quotes(para, tok) or tok.lower_ in RELATIVE:
            continue
        if tok.lower_ in _PERSONAL and tok.pos_ == "PRON":
            out.append((k, tok.idx, tok.idx + len(tok), tok.i, None, "pronoun"))
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            left = min(t.idx for t in tok.subtree if t.i <= tok.i)
            out.append((k, left, tok.idx + len(tok), tok.i, None, "chunk"))
    return out


class Context:
    """What the ranker reads of the whole article: each paragraph's mentions (made once, so
    that a paragraph with thousands of quotes stays linear) and what is salient before a
    point: earlier speakers, words named often."""

    def __init__(self, paras: Sequence["Para"]) -> None:
        self.paras = paras
        self._mentions: dict[int, tuple[list[int], list[_Raw]]] = {}
        # where each word first heads a cue's speaker
        self.first_speaker: dict[str, tuple[int, int]] = {}
        for p in paras:
            for c in p.cues:
                if c.speaker_head is not None:
                    self.first_speaker.setdefault(p.doc[c.speaker_head].lower_, (p.index, c.start))
        # per word, the paragraph of each time it was named (outside quotes), in order: how
        # often it was named up to a paragraph's end is a bisection (a table per paragraph
        # would grow with paragraphs times words)
        self.named_in: dict[str, list[int]] = {}
        for p in paras:
            # read as one array: a Token object per word of the article costs more than the count
            strings, region_of = p.doc.vocab.strings, p.region_of
            named = {strings["NOUN"], strings["PROPN"]}  # (the part-of-speech symbols' ids)
            for i, (pos, lower) in enumerate(p.doc.to_array(["POS", "LOWER"]).tolist()):
                if pos in named and region_of[i] < 0:
                    self.named_in.setdefault(strings[lower], []).append(p.index)

    def earlier_speaker(self, word: str, paragraph: int, start: int) -> bool:
        return self.first_speaker.get(word, (paragraph, start)) < (paragraph, start)

    def mentions(self, word: str, paragraph: int) -> int:
        return bisect.bisect_right(self.named_in.get(word, []), paragraph) if paragraph < len(self.paras) else 0

    def near(self, k: int, lo: int, hi: int) -> list[_Raw]:
        """The mentions of paragraph ``k`` that start between characters ``lo`` and ``hi``."""
        if k not in self._mentions:
            found = sorted(_mentions(self.paras[k]), key=lambda m: m[1])
            self._mentions[k] = ([m[1] for m in found], found)
        starts, found = self._mentions[k]
        return found[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]


def _raw(ctx: Context, att: "Attribution") -> Iterator[tuple[Candidate, str]]:
    """The rules' choice, then the mentions of the quote's paragraph near it and the end of
    the paragraph before."""
    yield from _rules_choice(ctx.paras, att)
    first = min(att.regions, key=lambda r: (r.paragraph, r.start))
    last_end = max(r.end for r in att.regions if r.paragraph == first.paragraph)
    near = ctx.near(first.paragraph, first.start - WINDOW, last_end + WINDOW)
    if first.paragraph > 0:
        prev = len(ctx.paras[first.paragraph - 1].text)
        near = ctx.near(first.paragraph - 1, prev - WINDOW_PREVIOUS, prev) + near
    mentions = sorted(near, key=lambda m: _TRUST.index(m[5]))  # a cue's subject before a bare name
    for k, start, end, head, ante, source in mentions:
        yield Candidate(k, start, end, head, antecedent=ante), source


_TRUST = ("subject", "addressee", "ent", "pronoun", "chunk")


def candidates(paras: Sequence["Para"], att: "Attribution", ctx: Context) -> list[Candidate]:
    """The mentions that may have said ``att``, each with its features, the rules' choice
    first and "nobody" last."""
    if not att.regions:
        return []
    found: dict[tuple[int, int], Candidate] = {}
    sources: dict[tuple[int, int], set[str]] = {}
    for cand, source in _raw(ctx, att):
        key = (cand.paragraph, cand.head)
        found.setdefault(key, cand)
        sources.setdefault(key, set()).add(source)
    out = list(found.values())
    distances = [_distance(paras, att, c) for c in out]
    order = sorted(range(len(out)), key=lambda i: distances[i])
    for rank, i in enumerate(order, 1):
        c = out[i]
        c.features = _features(paras, att, c, sources[(c.paragraph, c.head)], ctx)
        c.features["log_distance"] = math.log1p(distances[i]) / 5.0
        c.features["nearest"] = 1.0 / rank
    return [*out, _nothing(att)]


def _nothing(att: "Attribution") -> Candidate:
    """No speaker: what PolNeAR gives a quote whose words the text gives nobody."""
    flags = {
        "nothing": True,
        "nothing:no_rule_speaker": att.speaker is None,
        "nothing:no_cue": att.cue is None,
        "nothing:partial": att.kind == "partial",
        "nothing:unattributed": att.rule == "unattributed",
    }
    return Candidate(-1, 0, 0, -1, features={k: 1.0 for k, v in flags.items() if v})


def _distance(paras: Sequence["Para"], att: "Attribution", c: Candidate) -> int:
    """Characters between the mention and the nearest of the quote's stretches."""
    best = 10**6
    for r in att.regions:
        if r.paragraph == c.paragraph:
            best = min(best, max(0, r.start - c.end, c.start - r.end))
        elif r.paragraph > c.paragraph:
            best = min(best, len(paras[c.paragraph].text) - c.end + r.start + 1)
    return best


def _same_sentence(p: "Para", att: "Attribution", head: int) -> bool:
    lo, hi = p.doc[p.sent_lo[head]].idx, p.doc[p.sent_hi[head]].idx + len(p.doc[p.sent_hi[head]])
    return any(r.paragraph == p.index and r.start < hi and r.end > lo for r in att.regions)


def _dep(tok: "Token") -> str:
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return "agent"
    return tok.dep_ if tok.dep_ in _DEPS else "other"


def _kind(tok: "Token", label: str) -> str:
    if tok.pos_ == "PRON":
        return "pronoun"
    if tok.pos_ == "PROPN" or label in ("PERSON", "ORG"):
        return "name"
    dets = {t.lower_ for t in tok.children if t.dep_ == "det"}
    if dets & _INDEFINITE or (tok.tag_ == "NNS" and not dets & _DEFINITE):
        return "generic"
    return "description"


def _features(
    paras: Sequence["Para"], att: "Attribution", c: Candidate, sources: set[str], ctx: Context
) -> dict[str, float]:
    p = paras[c.paragraph]
    tok = p.doc[c.head]
    label = tok.ent_type_ if tok.ent_type_ in _LABELS else "none"
    first = min(att.regions, key=lambda r: (r.paragraph, r.start))
    f: dict[str, float] = {}
    if "rule" in sources:
        f["rule_choice"] = 1.0
        f["rule_confidence"] = att.confidence
        f[f"rule:{att.rule if att.rule in RULES else 'other'}"] = 1.0
    own = att.cue is not None and att.cue.paragraph == c.paragraph and att.cue.speaker_head == c.head
    flags = {
        "cue_subject": "subject" in sources,
        "own_cue_subject": own,
        "cue_addressee": "addressee" in sources,
        "same_paragraph": any(r.paragraph == c.paragraph for r in att.regions),
        "same_sentence": _same_sentence(p, att, c.head),
        "before_quote": (c.paragraph, c.end) <= (first.paragraph, first.start),
        "main_subject": tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT",
        "head_is_cue": tok.head.i in p.cue_verbs or tok.head.lemma_ in speech_verbs(),
        f"dep:{_dep(tok)}": True,
        f"type:{_kind(tok, label)}": True,
        f"ent:{label}": True,
        "pronoun_it_they": tok.lower_ in ("it", "they"),
        "in_quote": p.region_of[c.head] >= 0,
        "agentive": agentive(tok),
        "earlier_speaker": ctx.earlier_speaker(tok.lower_, first.paragraph, first.start),
        "partial": att.kind == "partial",
    }
    f.update({k: 1.0 for k, v in flags.items() if v})
    f["log_mentions"] = math.log1p(ctx.mentions(tok.lower_, c.paragraph)) / 3.0
    return f


# --- choosing ---------------------------------------------------------------------------


def ranked(att: "Attribution") -> bool:
    """Quotes the ranker looks at: quoted words, no relaying outlet (its mention is the source)."""
    return bool(att.regions) and att.kind in ("direct", "partial") and att.via is None


def kept_by_rules(att: "Attribution") -> bool:
    """The subject of the cue the rules linked the quote to stays: the parse says who spoke."""
    cue = att.cue
    if cue is not None and cue.names_only and att.speaker is None:
        return True  # 'a website called "..."': nobody says a name
    return (
        att.speaker is not None
        and cue is not None
        and cue.speaker is not None
        and att.speaker == (cue.paragraph, *cue.speaker)
    )


def _choose(att: "Attribution", cands: list[Candidate]) -> Candidate | None:
    """The candidate the ranker would put in place of the rules' choice, if it is sure enough."""
    if not cands:
        return None
    probs = probabilities(cands)
    # the rules' choice, or "nobody" (last) when they found no speaker
    rule = next((pr for c, pr in zip(cands, probs) if c.features.get("rule_choice")), probs[-1])
    best = max(range(len(cands)), key=lambda i: (probs[i], -i))
    if (
        kept_by_rules(att)
        or cands[best].nothing
        or cands[best].features.get("rule_choice")
        or not cands[best].features.get("agentive")  # a thing never speaks ("The budget passed. '...'")
        or probs[best] < MIN_PROBABILITY
        or probs[best] - rule < MARGIN
    ):
        return None
    cands[best].features["_probability"] = probs[best]
    return cands[best]


def rerank(paras: Sequence["Para"], atts: Sequence["Attribution"]) -> None:
    """Put the ranker's speaker in place of the rules' where it is sure (in place)."""
    ctx = Context(paras)
    for att in atts:
        if not ranked(att) or kept_by_rules(att):
            continue  # (_choose keeps the rules' speaker of such a quote: its candidates are not made)
        chosen = _choose(att, candidates(paras, att, ctx))
        if chosen is None:
            continue
        p = paras[chosen.paragraph]
        att.speaker = chosen.mention
        att.speaker_head = p.doc[chosen.head].idx
        att.antecedent = (chosen.paragraph, *chosen.antecedent) if chosen.antecedent is not None else None
        probability = chosen.features.pop("_probability")
        att.confidence = round(max(CONFIDENCE_FLOOR, min(CONFIDENCE_CAP, probability)), 2)
        att.rule = "ranker"
