"""Link quoted stretches to the speech cues that attribute them.

Input: per paragraph, its spaCy Doc, its quote regions (marks.py) and its cues
(cues.py). Output: :class:`Attribution` records — one per quote, holding its regions
(a quote broken by "he said" or running over paragraphs has several), its kind, its
cue and how sure the link is. Who the speaker *is* (an actor) is decided later, in
speakers.py; here only the words naming them are found.

The rules for each quoted stretch, in the order they are tried (link_paragraph):

1. the frame right after it: ``"...," he said`` / ``"...," said X`` (not for a fragment a
   cue before it reports when the cue after relays, ``the AP reported``, or reports a
   clause of its own, ``..., she insisted they had not spoken since``; nor for a fragment
   inside its sentence when the cue after hands over to the next quote, ``Remarking on her
   "steady hand," Berg said, "..."``);
2. the frame right before it: ``X said: "..."`` / ``X said "..."`` / ``X told Y, "..."``;
3. a signature after it (``"..." ― Name``), or a colon or verb handing over to it
   without a speech verb (``Donald Trump: "..."``, ``she then boomed, "..."``);
4. a parenthetical cue in its sentence (``..., he said, ...``, ``As X put it, ...``);
5. a cue whose reported clause holds it: a partial quote (``Putin described
   relations as "quite productive"``), given to the outermost speaker;
6. ``, X said.`` closing its sentence, or a cue after it whose clause holds it;
7. ``"Finished sentence." X said.``;
8. any clause with a person or organisation as subject whose object holds it
   (``Bolton thought the buzz was "artificial"``), but not a short phrase in a copula
   with its own subject (``Berg is "no sailor"``: the subject is what the words describe,
   :func:`describes`) unless another clause reports it (``Lund said the pier was "a
   monument to waste"``, ``Berg told the Post he was "..."``).

Then, across the article (attribute): quoted sentences next to an attributed quote
join it (``"A," he said. "B."`` is one quote); a colon ending the sentence or
paragraph before a quote introduces it; a paragraph that opens a quote and attributes
nothing continues the quote the previous paragraph ended with, or the speaker of the
reported speech that ended it (its outer speaker when that report holds another: 'Berg
said some sailors had been predicting ...' is Berg's); a full quoted sentence left over is a quote without a
known speaker, and a short quoted phrase left over is a scare quote: not a quote.
Titles (``KXT's "Week in Review"``) and names (``the so-called "reform"``) are
never quotes. Last, *what he called* is the clause subject's (_what_it_called) and a
restrictive *which*/*who* in someone's object is theirs (_relative_in_object).
reported_speech() adds the indirect quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Callable, Sequence

from ...lexicon import wordlists
from ...lexicon.names import given_name_gender, honorific, title_gender
from .cues import (
    RELATIVE,
    Cue,
    antecedent_of,
    find_cues,
    fragment_cues,
    inherited_subject,
    naming_verbs,
    noun_phrase,
    speech_verbs,
    span_of,
    token_at,
    transcript_label,
)
from .marks import QuoteRegion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TERMINATORS = frozenset({".", "!", "?", ";", "…", "..."})
_OPEN_END = frozenset(",?!—–-…:;")
# Dependency labels by which a quoted stretch may hang below a cue and still be what
# the cue reports (not a circumstance like "said on KXT's 'Week in Review'").
_CONTENT_DEPS = frozenset(
    {
        "ccomp",
        "xcomp",
        "dobj",
        "oprd",
        "attr",
        "acomp",
        "advcl",
        "dep",
        "parataxis",
        "conj",
        "npadvmod",
        "pcomp",
        "dative",
        "appos",
    }
)
_CONTENT_PREPS = frozenset({"as", "about", "of", "that", "with", "like", "to", "for"})
_MIN_UNATTRIBUTED_WORDS = 6
# Bounds (in tokens) on the frames and sentences searched around a quote, so that a
# paragraph without punctuation costs linear time, not quadratic.
_MAX_FRAME = 80
_MAX_SENTENCE = 150


@dataclass
class Para:
    """One paragraph with everything the linker reads."""

    index: int
    text: str
    doc: "Doc"
    regions: list[QuoteRegion]
    region_of: list[int]  # token index -> region index, -1 outside quotes
    cues: list[Cue]
    label: tuple[int, int] | None = None  # a transcript speaker label, "TRUMP:"
    # Clauses standing in for a cue ('Bolton thought ... "..."'), by verb token.
    predicates: dict[int, Cue] = field(default_factory=dict)
    region_toks: list[list[int]] = field(default_factory=list)  # tokens of each region
    sent_lo: list[int] = field(default_factory=list)  # per token: first token of its sentence
    sent_hi: list[int] = field(default_factory=list)  # per token: last token of its sentence
    cue_verbs: list[int] = field(default_factory=list)  # verb token of each cue, in order
    region_index: dict[tuple[int, int], int] = field(default_factory=dict)  # (start, end) -> region

    def cue_at(self, token: int) -> Cue | None:
        k = bisect.bisect_left(self.cue_verbs, token)
        return self.cues[k] if k < len(self.cues) and self.cue_verbs[k] == token else None


@dataclass
class Attribution:
    """A quote as found in the text: its regions, kind, cue and confidence."""

    regions: list[QuoteRegion]
    kind: str  # direct | partial | indirect
    cue: Cue | None
    confidence: float
    rule: str
    content: tuple[int, int, int] | None = None  # (paragraph, start, end) for indirect
    speaker: tuple[int, int, int] | None = None  # (paragraph, start, end) of the mention
    antecedent: tuple[int, int, int] | None = None  # what a relative pronoun mention stands for
    via: tuple[int, int, int] | None = None  # the relaying outlet's mention
    speaker_head: int | None = None  # character where the speaker mention's head word starts


# A transcript line quoted whole: '"WALLACE: Let's start with ...' (the label is the
# speaker, the words after it the quote).
_QUOTED_LABEL_RE = re.compile(r"^\s*[\"\u201c\u201d]\s*([A-Z][A-Z.'\- ]{1,40}[A-Z.]):\s+(?=\S)")


def _quoted_label(text: str, regions: list[QuoteRegion]) -> tuple[list[QuoteRegion], tuple[int, int] | None]:
    """The paragraph's transcript label, moved out of its first quote when the quote
    opens with it."""
    m = _QUOTED_LABEL_RE.match(text)
    if m is None or not regions or regions[0].start != m.start(1) or regions[0].end <= m.end():
        return regions, transcript_label(text)
    first = replace(regions[0], start=m.end())
    return [first, *regions[1:]], (m.start(1), m.end(1))


def build_para(index: int, text: str, doc: "Doc", regions: list[QuoteRegion]) -> Para:
    regions, label = _quoted_label(text, regions)
    # One sweep: regions and tokens are both in reading order.
    region_of = [-1] * len(doc)
    region_toks: list[list[int]] = [[] for _ in regions]
    ri = 0
    for tok in doc:
        while ri < len(regions) and regions[ri].mark_end <= tok.idx:
            ri += 1
        if ri < len(regions) and regions[ri].mark_start <= tok.idx:
            region_of[tok.i] = ri
            region_toks[ri].append(tok.i)
    quoted = [ri >= 0 and _token_in_content(doc[i], regions[ri]) for i, ri in enumerate(region_of)]
    cues = find_cues(doc, index, quoted)
    para = Para(index, text, doc, regions, region_of, cues, label)
    para.region_toks = region_toks
    _sentences(para)
    para.cue_verbs = [c.verb for c in cues]
    para.region_index = {(r.start, r.end): ri for ri, r in enumerate(regions)}
    return para


def _token_in_content(tok: "Token", region: QuoteRegion) -> bool:
    return region.start <= tok.idx < region.end


# --- frames --------------------------------------------------------------------------


def _is_terminator(tok: "Token") -> bool:
    return tok.text in _TERMINATORS or (tok.is_punct and tok.text.endswith((".", "!", "?")) and len(tok.text) <= 3)


# The last characters of every token that _is_terminator or _abbreviation_before_quote may
# take for a sentence's end: a token ending otherwise is neither (told apart per token cheaply).
_END_CHARS = frozenset(".!?") | {t[-1] for t in _TERMINATORS}


def _region_tokens(p: Para, ri: int) -> list[int]:
    return p.region_toks[ri]


def _before_frame(p: Para, ri: int) -> list[int]:
    toks = _region_tokens(p, ri)
    if not toks:
        return []
    i = toks[0] - 1
    frame: list[int] = []
    while (
        i >= 0
        and p.region_of[i] < 0
        and not _is_terminator(p.doc[i])
        and not _abbreviation_before_quote(p, p.doc[i])
        and len(frame) < _MAX_FRAME
    ):
        frame.append(i)
        i -= 1
    frame.reverse()
    return frame


def _after_frame(p: Para, ri: int) -> list[int]:
    toks = _region_tokens(p, ri)
    if not toks:
        return []
    i = toks[-1] + 1
    frame: list[int] = []
    while i < len(p.doc) and p.region_of[i] < 0 and len(frame) < _MAX_FRAME:
        frame.append(i)
        if _is_terminator(p.doc[i]):
            break
        i += 1
    return frame


def _sentence_bounds(p: Para, ri: int) -> tuple[int, int]:
    """First and last token of the sentence the quote stands in, other quotes included
    (at most _MAX_SENTENCE tokens either side of the quote)."""
    toks = _region_tokens(p, ri)
    if not toks:
        return 0, -1
    return max(p.sent_lo[toks[0]], toks[0] - _MAX_SENTENCE), min(p.sent_hi[toks[-1]], toks[-1] + _MAX_SENTENCE)


def _sentences(p: Para) -> None:
    """Per token, where its sentence starts and ends; only a terminator outside quotes
    ends a sentence. Two linear passes."""
    n = len(p.doc)
    region_of = p.region_of
    ends = [
        region_of[i] < 0 and t.text[-1:] in _END_CHARS and (_is_terminator(t) or _abbreviation_before_quote(p, t))
        for i, t in enumerate(p.doc)
    ]
    lo, hi = [0] * n, [n - 1] * n
    start = 0
    for i in range(n):
        lo[i] = start
        if ends[i]:
            start = i + 1
    end = n - 1
    for i in range(n - 1, -1, -1):
        if ends[i]:
            end = i
        hi[i] = end
    p.sent_lo, p.sent_hi = lo, hi


def _abbreviation_before_quote(p: Para, t: "Token") -> bool:
    """'The polls closed at 6 a.m. "Turnout was high," ...': an abbreviation's full stop
    ends its sentence when a quoted sentence opens right after it."""
    doc = p.doc
    if not (len(t.text) > 1 and t.text.endswith(".") and t.i + 2 < len(doc)):
        return False
    mark, first = doc[t.i + 1], doc[t.i + 2]
    return mark.is_quote and p.region_of[first.i] >= 0 and first.text[:1].isupper()


def _open_ended(p: Para, r: QuoteRegion) -> bool:
    """Does the sentence go on after the quote ('"...," he said')?"""
    last = p.text[r.end - 1]
    after = p.text[r.mark_end : r.mark_end + 2].lstrip()
    if last in _OPEN_END or (after[:1] in (",", "—", "–")):
        return True
    return last.isalnum() or last in ")]’'\""


def _sentence_like(p: Para, r: QuoteRegion) -> bool:
    content = p.text[r.start : r.end].lstrip(".…[( ")
    return bool(content) and (content[0].isupper() or content[0].isdigit())


def _words(p: Para, r: QuoteRegion) -> int:
    return len(p.text[r.start : r.end].split())


def _ancestors(tok: "Token", limit: int = 12) -> list["Token"]:
    out: list["Token"] = []
    while tok.head is not tok and len(out) < limit:
        out.append(tok)
        tok = tok.head
    out.append(tok)
    return out


def region_head(p: Para, ri: int) -> "Token | None":
    """The quoted token that governs the others (its head lies outside the quote)."""
    toks = [p.doc[i] for i in _region_tokens(p, ri) if not p.doc[i].is_punct]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head is t]
    return heads[0] if heads else toks[0]


def _governed_by(p: Para, ri: int, cue: Cue) -> bool:
    """Is the quoted stretch part of what the cue reports (not its subject, not a
    circumstance)?"""
    head = region_head(p, ri)
    if head is None or cue.lemma == "according to":
        return False
    verb = p.doc[cue.verb]
    if cue.speaker_head is not None and head.i in {t.i for t in p.doc[cue.speaker_head].subtree}:
        return False
    chain = _ancestors(head)
    if verb not in chain:
        return False
    below = chain[chain.index(verb) - 1] if chain.index(verb) > 0 else None
    if below is None:
        return False
    if below.dep_ in ("nsubj", "nsubjpass", "agent", "punct", "mark", "aux", "neg", "advmod"):
        return False
    if below.dep_ == "prep":
        return below.lower_ in _CONTENT_PREPS
    return below.dep_ in _CONTENT_DEPS or below.dep_ == "pobj"


def _adjacent_before(p: Para, frame: list[int], cue: Cue, r: QuoteRegion) -> bool:
    """'X said: "...' / 'X said, "...' / 'X said "...' / 'said X, "...'."""
    after_cue = [i for i in frame if i > max(cue.tokens)]
    if not after_cue:
        return True
    last = p.doc[after_cue[-1]]
    if last.text in (":", ",", "\u2014", "\u2013", "-", "--"):
        # Only circumstances between the cue and the comma: no new clause. A colon or
        # a dash introduces the quote whatever stands before it.
        verbs = [i for i in after_cue if p.doc[i].pos_ in ("VERB", "AUX") and p.doc[i].i not in cue.tokens]
        return not verbs or last.text != ","
    return last.lower_ == "that" and last.i - 1 in cue.tokens


# --- linking -------------------------------------------------------------------------


class Strength(Enum):
    """How much a link says that a quote is speech rather than a title or a name."""

    STRONG = "strong"  # the cue governs or frames the quote
    UNLESS_EMBEDDED = "unless embedded"  # strong for a whole sentence, not a fragment
    WEAK = "weak"


@dataclass(frozen=True)
class Rule:
    """A named way of linking a quote to its cue, with the confidence it gives."""

    name: str
    confidence: float
    strength: Strength = Strength.WEAK


# The rules of link_paragraph, article-level linking and reported speech: names and
# confidences as data. A rule's ``find`` (the table below) tells whether it applies.
AFTER = Rule("after", 0.95, Strength.UNLESS_EMBEDDED)
BEFORE = Rule("before", 0.95, Strength.STRONG)
SIGNATURE = Rule("signature", 0.85)
INTRODUCED = Rule("introduced", 0.7)
DASHED = Rule("dashed", 0.7)  # a quoted sentence set off by dashes after a name or clause
PARENTHETICAL = Rule("parenthetical", 0.8)
CONTENT = Rule("content", 0.8, Strength.STRONG)
AFTER_FINAL = Rule("after-final", 0.85, Strength.STRONG)
CONTENT_AFTER = Rule("content", 0.75, Strength.STRONG)
AFTER_SENTENCE = Rule("after-sentence", 0.8, Strength.UNLESS_EMBEDDED)
# 'According to X, ... "..." ...': the sentence is X's account, quoted words and all
# (named "content" as the other reported-clause links, for the speaker ranker)
ACCORDING_BEFORE = Rule("content", 0.75, Strength.STRONG)
PREDICATE = Rule("predicate", 0.5)
PARAGRAPH = Rule("paragraph", 0.85)  # a cap: never surer than the quote it joins
COLON = Rule("colon", 0.85)
LABEL = Rule("label", 0.85)
COLON_PARAGRAPH = Rule("colon-paragraph", 0.8)
PREVIOUS_SPEAKER = Rule("previous-speaker", 0.6)
SUBJECT_BEFORE = Rule("subject-before", 0.5)  # a quoted sentence after one whose subject is a person
SENTENCE_BEFORE = Rule("sentence-before", 0.7)  # the reported speech just before a quoted sentence
SIGNATURE_LINE = Rule("signature", 0.8)  # '- Bernie Sanders' on a line of its own
UNATTRIBUTED = Rule("unattributed", 0.3)
REPORTED = Rule("reported", 0.7)
REPORTED_ACCORDING = Rule("reported", 0.65)  # "according to X": the reporter's summary

# A quote whose speaker the text does not name is at most this sure.
NO_SPEAKER_CAP = 0.5


def capped(confidence: float, has_speaker: bool) -> float:
    """A quote's confidence, at most NO_SPEAKER_CAP when no speaker mention was found."""
    return confidence if has_speaker else min(confidence, NO_SPEAKER_CAP)


CONTINUED_CAP = 0.8  # a quote running on into the next paragraph
JOINED_PENALTY = 0.05  # a stretch that shares its neighbour's cue
_MIN_CONTINUED_FRAGMENT_WORDS = 2  # a fragment a quote paragraph can go on from


@dataclass
class _Link:
    cue: Cue | None
    rule: Rule
    embedded: bool
    confidence: float
    joined: bool = False  # shares its neighbour's cue ("A" and "B")

    @property
    def name(self) -> str:
        return self.rule.name + ("+joined" if self.joined else "")

    @property
    def strong(self) -> bool:
        if self.rule.strength is Strength.UNLESS_EMBEDDED:
            return not self.embedded
        return self.rule.strength is Strength.STRONG


def _link(rule: Rule, cue: Cue | None, embedded: bool) -> _Link:
    return _Link(cue, rule, embedded, rule.confidence)


def _embedded(p: Para, ri: int, cue: Cue | None, before: list[int]) -> bool:
    """Is the quote a fragment of a longer sentence (a partial quote)?"""
    r = p.regions[ri]
    if before and p.doc[before[-1]].text == ":":
        return False  # 'He cited three topics: "The tension ..."' starts afresh
    toks = [p.doc[i] for i in before if not p.doc[i].is_punct and not p.doc[i].is_space]
    if cue is not None and any(i in cue.tokens for i in before):
        # Only what stands between the cue (with its speaker) and the quote counts: an
        # addressee or a circumstance is fine, a clause ("said the US is") is not.
        last = max(i for i in before if i in cue.tokens)
        toks = [t for t in toks if t.i > last]
        if any(t.pos_ in ("VERB", "AUX") for t in toks):
            return True
        return not _sentence_like(p, r)
    if toks:
        return True
    return not _sentence_like(p, r) and _words(p, r) < 8


def _bare_lead(p: Para, after: list[int], cue: Cue) -> bool:
    """Only the cue's speaker and small words stand between the quote and the cue
    ('"...," Putin said' / '"...," said Putin' / '"...," he later told reporters')."""
    for i in after:
        if i >= cue.verb:
            break
        t = p.doc[i]
        if t.is_punct or t.is_space or i in cue.tokens:
            continue
        if i not in cue.tokens and (t.tag_ == "WRB" or t.dep_ == "mark") and i < min(cue.tokens):
            return False  # '"...," when Lund blasted him': a clause of its own, not the quote's attribution
        if t.dep_ in ("aux", "auxpass", "neg", "advmod") or t.pos_ in ("ADV", "AUX", "PART"):
            continue
        return False
    return True


def _final_attribution(p: Para, cue: Cue) -> bool:
    """', X said.' closing a sentence: everything before it is what X said."""
    first = min(cue.tokens)
    if first == 0:
        return False
    prev = p.doc[first - 1]
    if not (prev.text in (",", "\u2014", "\u2013", "--") or prev.is_quote):
        return False
    verb = p.doc[cue.verb]
    return not any(c.dep_ == "ccomp" and c.i > verb.i and not p.region_of[c.i] >= 0 for c in verb.children)


def _clausal_after(p: Para, cue: Cue) -> bool:
    """Does the cue report a clause of its own after it ('he said he would')?"""
    return _clause_after(p, cue) is not None


def _clause_after(p: Para, cue: Cue) -> "Token | None":
    """The verb of the clause with a subject of its own the cue reports after it, if any."""
    verb = p.doc[cue.verb]
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and p.region_of[c.i] < 0 and c.i not in cue.tokens:
            if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
                return c
    return None


@dataclass
class _Stretch:
    """One quoted stretch with what the linking rules read around it."""

    p: Para
    ri: int
    before: list[int]  # the frame before the quote, up to a terminator
    after: list[int]  # the frame after it, to a terminator
    after_cues: list[Cue]  # cues in the frame after, in reading order
    before_cues: list[Cue]  # cues in the frame before, nearest first
    in_sentence: list[Cue]  # cues of the quote's sentence
    governing: Cue | None  # a cue before the quote whose clause holds it
    open_end: bool  # the sentence goes on after the quote
    embedded: bool  # the quote is a fragment of a longer sentence

    @property
    def region(self) -> QuoteRegion:
        return self.p.regions[self.ri]

    @property
    def first(self) -> int:
        return self.p.region_toks[self.ri][0]

    @property
    def after_cue(self) -> Cue | None:
        return self.after_cues[0] if self.after_cues else None


def _stretch(p: Para, ri: int) -> _Stretch:
    before, after = _before_frame(p, ri), _after_frame(p, ri)
    before_set, after_set = set(before), set(after)
    first_tok = _region_tokens(p, ri)[0]
    near = p.cues[
        bisect.bisect_left(p.cue_verbs, before[0] if before else first_tok) : bisect.bisect_right(
            p.cue_verbs, after[-1] if after else first_tok
        )
    ]
    lo, hi = _sentence_bounds(p, ri)
    in_sentence = p.cues[bisect.bisect_left(p.cue_verbs, lo) : bisect.bisect_right(p.cue_verbs, hi)]
    # A partial quote inside a clause governed by a cue before it: that cue
    # ('Putin described relations as "quite productive," the AP reported').
    governing = next((c for c in reversed(in_sentence) if c.verb < first_tok and _governed_by(p, ri, c)), None)
    return _Stretch(
        p,
        ri,
        before,
        after,
        [c for c in near if c.verb in after_set],
        [c for c in reversed(near) if c.verb in before_set],
        in_sentence,
        governing,
        _open_ended(p, p.regions[ri]),
        _embedded(p, ri, None, before),
    )


Found = tuple[Cue, bool] | None  # the cue a rule links the stretch to, and whether embedded


def _after(s: _Stretch) -> Found:
    """'"...," X said': the frame right after the quote."""
    c = s.after_cue
    if (
        c is not None
        and s.open_end
        and _bare_lead(s.p, s.after, c)
        and not _passive(s.p, c)
        and not (s.embedded and s.governing is not None and (c.reporting or _clausal_after(s.p, c)))
        and not (s.embedded and c.speaker is not None and c.speaker[1] <= s.region.mark_start)
        and not (s.embedded and _hands_over(s.p, s.ri, c))
    ):
        # (a fragment before '..., adding' whose speaker stands before the fragment is
        # the words of its own clause: 'told X it was "overblown," adding that ...'; a
        # cue after a governed fragment with a clause of its own reports that clause:
        # 'conceded that they had "been close," she insisted they had not spoken')
        return c, s.embedded
    return None


def _hands_over(p: Para, ri: int, cue: Cue) -> bool:
    """'Remarking on her "steady hand," Berg said, "She never once panicked."', '... to chants of
    "Lund! Lund!," the mayor said the race was "far from over."': the cue after the stretch
    introduces the next quote: right after it (not a title: *she wrote in her memoir, "..."*),
    or in a clause of its own it reports (not one a participle after it reports: *Berg
    added, saying it was "..."*)."""
    if ri + 1 >= len(p.regions) or not p.region_toks[ri + 1]:
        return False
    if p.region_toks[ri + 1][0] <= max(cue.tokens):
        return False
    frame, nxt = _before_frame(p, ri + 1), p.regions[ri + 1]
    between = [p.doc[i] for i in frame if i > max(cue.tokens)]
    if cue.verb in frame and not any(t.pos_ in ("VERB", "AUX") for t in between):
        return _adjacent_before(p, frame, cue, nxt) and not is_title_like(p, nxt)
    clause, head = _clause_after(p, cue), region_head(p, ri + 1)
    return clause is not None and head is not None and clause in _ancestors(head)


def _before(s: _Stretch) -> Found:
    """'X said: "..."' / 'X said "..."' / 'X told Y, "..."'."""
    adjacent = next(
        (
            c
            for c in s.before_cues
            if _adjacent_before(s.p, s.before, c, s.region) and not _object_taken(s.p, c, s.region)
        ),
        None,
    )
    if adjacent is None:
        return None
    embedded = _embedded(s.p, s.ri, adjacent, s.before)
    # a fragment quoted inside another speaker's reported clause is that speaker's
    # ('Obama said he expected voters to say "no"'); a whole quote stays the adjacent cue's
    return (_outermost(s.p, adjacent) if embedded else _outer_for_pronoun(s.p, adjacent)), embedded


def _signed(s: _Stretch) -> Found:
    """'"..." ― Sonya Herridge': a signature after the paragraph's last quote."""
    r = s.region
    signed = _signature(s.p, s.p.text[r.mark_end :], r.mark_end)
    return (signed, False) if signed is not None and s.ri == len(s.p.regions) - 1 else None


_DASHES = frozenset({"--", "\u2014", "\u2013", "-"})


def _dashed(s: _Stretch) -> Found:
    """'... including the former mayor Ada Lund -- "We cannot hide it" -- and ...': a
    quoted sentence set off by dashes is the words of the name right before it, or of
    the subject of the clause it interrupts."""
    p = s.p
    words = [i for i in s.before if not p.doc[i].is_space]
    after = [i for i in s.after if not p.doc[i].is_space]
    if len(words) < 2 or not after or p.doc[words[-1]].text not in _DASHES or p.doc[after[0]].text not in _DASHES:
        return None
    if not p.text[s.region.start].isupper():
        return None
    dash, name = p.doc[words[-1]], p.doc[words[-2]]
    if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG", ""):
        return make_cue(p, dash, name), False
    for i in reversed(words[:-1]):
        if p.doc[i].pos_ in ("VERB", "AUX"):
            subj = inherited_subject(p.doc[i])
            if subj is not None and p.region_of[subj.i] < 0 and agentive(subj):
                return make_cue(p, p.doc[i], subj), False
            return None
    return None


def _introduced(s: _Stretch) -> Found:
    """'Donald Trump: "..."' / 'she then boomed, "..."' / 'X is shown lecturing: "..."'."""
    introducer = _introducer(s.p, s.before, s.region)
    return (introducer, False) if introducer is not None else None


def _parenthesis(s: _Stretch) -> Found:
    """', he said,' / 'As X put it,' in the middle of the sentence; one after the quote
    gives way to a cue whose clause holds the quote."""
    paren = next((c for c in s.in_sentence if _parenthetical(s.p, c)), None)
    if paren is not None and not (s.governing is not None and paren.verb > s.first):
        return paren, s.embedded
    return None


def _content(s: _Stretch) -> Found:
    """A cue before the quote whose reported clause holds it."""
    return (_outermost(s.p, s.governing), True) if s.governing is not None else None


def _after_final(s: _Stretch) -> Found:
    """', X said.' at the end of the sentence the quote is part of; not a sentence of its
    own after a finished quoted sentence that reports something else ('"We are ready."
    She noted a meeting on Saturday.')."""
    c = s.after_cue
    if c is None or _clausal_after(s.p, c) or (not s.open_end and _own_object(s.p, c)):
        return None
    return (c, s.embedded) if _final_attribution(s.p, c) or c.lemma == "according to" else None


def _content_after(s: _Stretch) -> Found:
    """A reported clause around the quote, its cue after it."""
    cue = next((c for c in s.after_cues if _governed_by(s.p, s.ri, c)), None)
    return (_outermost(s.p, cue), True) if cue is not None else None


def _according_before(s: _Stretch) -> Found:
    """'According to a board memo, two ferries were moved to the "reserve" list': an
    *according to* set off by a comma before the quote, in its sentence, is the source
    of the whole sentence."""
    for c in s.in_sentence:
        if c.lemma != "according to" or c.speaker is None or c.verb >= s.first:
            continue
        last = max(c.tokens)
        if any(s.p.doc[i].text == "," for i in range(last + 1, s.first)):
            return c, True
    return None


def _after_sentence(s: _Stretch) -> Found:
    """'"Finished sentence." X said.' (no comma before the closing mark)."""
    c, p = s.after_cue, s.p
    if (
        c is not None
        and not s.open_end
        and _bare_lead(p, s.after, c)
        and not _clausal_after(p, c)
        and not _has_object(p, c)
        and not _passive(p, c)
    ):
        return c, s.embedded
    return None


def _predicate(s: _Stretch) -> Found:
    """'Bolton thought the buzz was "artificially nourished"': the words are quoted as
    someone's, and the clause says whose."""
    if s.embedded and not is_title_like(s.p, s.region):
        pred = _predicate_cue(s.p, s.ri)
        if pred is not None:
            return _outermost(s.p, pred), True
    return None


# The linking rules for one quoted stretch, in the order they are tried: the first that
# finds a cue links it.
LINK_RULES: tuple[tuple[Rule, Callable[[_Stretch], Found]], ...] = (
    (AFTER, _after),
    (DASHED, _dashed),
    (BEFORE, _before),
    (SIGNATURE, _signed),
    (INTRODUCED, _introduced),
    (PARENTHETICAL, _parenthesis),
    (CONTENT, _content),
    (AFTER_FINAL, _after_final),
    (CONTENT_AFTER, _content_after),
    (ACCORDING_BEFORE, _according_before),
    (AFTER_SENTENCE, _after_sentence),
    (PREDICATE, _predicate),
)


def _first_link(s: _Stretch) -> _Link | None:
    for rule, find in LINK_RULES:
        found = find(s)
        if found is not None:
            return _link(rule, *found)
    return None


def link_paragraph(p: Para) -> list[_Link | None]:
    """The link of each quoted stretch of ``p`` (None: no rule applies)."""
    links: list[_Link | None] = [None] * len(p.regions)
    for ri in range(len(p.regions)):
        if _region_tokens(p, ri):  # none: beyond the parsed part of a very long paragraph
            links[ri] = _first_link(_stretch(p, ri))
    _link_within_sentences(p, links)
    return links


_AGENT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})


def agentive(tok: "Token") -> bool:
    """Can this subject be the source of words (a person, a group, a document)?"""
    if tok.lower_ in _AGENT_PRONOUNS:
        return True
    if tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "NOUN" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
        return True  # 'His former partner at the yard, Ola Dahl,'
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        table = wordlists.data("speaker_descriptions")
        return (
            lemma in table["person"]
            or lemma in table["organization"]
            or lemma in table["indefinite"]
            or lemma in wordlists.word_set("speaker_documents")
        )
    return False


def describes(p: Para, verb: "Token", ri: int) -> bool:
    """'Berg is "no sailor"', 'Lund became a "lender of last resort"': a copula with a
    subject of its own says what that subject is, so a quoted phrase shorter than a
    sentence in it is nobody's words, as a scare quote (a longer stretch is someone's
    quote, if not the subject's; a subject it inherits is not what the words describe:
    'dismissed the port as being "a relic"')."""
    return (
        verb.lemma_.lower() in fragment_cues()["copulas"]
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and _words(p, p.regions[ri]) < _MIN_UNATTRIBUTED_WORDS
    )


def _predicate_cue(p: Para, ri: int) -> Cue | None:
    """The clause a quoted fragment belongs to, as a cue: its verb and its subject."""
    head = region_head(p, ri)
    if head is None:
        return None
    child, tok = head, head.head
    for _ in range(8):
        if tok is child:
            return None
        if p.region_of[tok.i] < 0:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return None  # the quote is (in) the subject
            if tok.pos_ == "NOUN" and child.dep_ in ("acl", "ccomp", "prep", "appos"):
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                if poss is not None and agentive(poss):
                    named = _characterised(p, tok, child) or _judged(p, tok) or _reported_possessor(p, tok)
                    return named or make_cue(p, tok, poss)  # "her remark that ..."
            if tok.pos_ in ("VERB", "AUX"):
                subj = inherited_subject(tok)
                if subj is not None and p.region_of[subj.i] < 0:
                    if not agentive(subj):
                        return None  # (dropped: the quote-span classifier's to take)
                    owner = _complement_owner(p, tok)
                    if owner is not None:
                        return make_cue(p, *owner)
                    told = _told_pronoun(p, subj)
                    if told is not None:
                        return told
                    return None if describes(p, tok, ri) else make_cue(p, tok, subj)
                if tok.dep_ not in ("acl", "ccomp", "xcomp", "relcl", "advcl"):
                    return None
        child, tok = tok, tok.head
    return None


# A pronoun this many words or fewer after a speech cue's verb may open what it reports.
_MAX_TOLD_GAP = 8
_GENDERED = frozenset({"he", "she"})


def _told_pronoun(p: Para, pron: "Token") -> Cue | None:
    """'Berg told the Herald he was "still far from ready"', 'with Lund telling reporters she
    viewed him as "responsible"': a pronoun right after a speech cue (only its object and
    circumstances between) opens the clause the cue reports, whatever the parser hung it
    on (often a clause of its own), so the words are the cue's speaker's (PolNeAR
    annotates the teller, whoever the pronoun stands for)."""
    if pron.lower_ not in _GENDERED:
        return None
    k = bisect.bisect_left(p.cue_verbs, pron.i) - 1
    if k < 0:
        return None
    cue = p.cues[k]
    verb = p.doc[cue.verb]
    if cue.speaker_head is None or cue.reporting or pron.i - verb.i > _MAX_TOLD_GAP:
        return None
    between = p.doc[verb.i + 1 : pron.i]
    if any(t.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ") or p.region_of[t.i] >= 0 for t in between):
        return None
    speaker = p.doc[cue.speaker_head]
    if speaker.lower_ in _PRONOUNS or speaker.lower_ in RELATIVE:
        return None
    return cue


# How a characterised noun hangs on the verb that characterises it ("called Berg's
# remarks "racist"": the parser makes the remarks the object or the object predicate).
_CHARACTERISED_DEPS = frozenset({"dobj", "oprd"})


def _characterised(p: Para, noun: "Token", child: "Token") -> Cue | None:
    """'Lund called Berg's remarks "racist"', 'credited Dahl's victory to "a closed
    primary"': the fragment says what the subject of a naming verb makes of someone's
    words or deeds, so it is that subject's, not the possessor's. Not when the fragment is
    what the noun holds ('Berg's claim that the port was "safe"')."""
    verb = noun.head
    if child.dep_ in ("acl", "ccomp") or noun.dep_ not in _CHARACTERISED_DEPS or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in naming_verbs():
        return None
    subj = inherited_subject(verb)
    if subj is None or p.region_of[subj.i] >= 0 or not agentive(subj):
        return None
    return make_cue(p, verb, subj)


def _judged(p: Para, noun: "Token") -> Cue | None:
    """'The union welcomed Dahl's promise of "a fair wage"', 'voters prefer Dahl's call for
    "renewal"': someone's words as the object of a verb taking a stance on them
    (stance_verbs.txt) are quoted by that verb's subject (PolNeAR's source), as with a
    naming verb (see :func:`_characterised`), whatever the noun's words hang on."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _stance_verbs():
        return None
    subj = inherited_subject(verb)
    if subj is None or p.region_of[subj.i] >= 0 or not agentive(subj):
        return None
    return make_cue(p, verb, subj)


def _stance_verbs() -> frozenset[str]:
    return wordlists.word_set("stance_verbs")


def _reported_possessor(p: Para, noun: "Token") -> Cue | None:
    """'The fact-checkers ruled that Berg's claim about "record crowds" was "true"': someone's
    words as the subject of a clause another speaker reports are quoted by that speaker
    (PolNeAR annotates the outer one, as for a subject inside a reported clause)."""
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or clause.pos_ not in ("VERB", "AUX") or clause.dep_ != "ccomp":
        return None
    owner = _complement_owner(p, clause)
    return make_cue(p, *owner) if owner is not None else None


# The words a clause climbs through to the clause it is the complement of ("found that
# the fleet is ...", "implied a judge was ...", "the view that he is ...").
_COMPLEMENT_PATH = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl", "pcomp", "pobj", "prep", "dobj", "advmod"})


def _noun_complement(clause: "Token") -> bool:
    """'the view that he is ...': a clause with *that* completing a noun."""
    return clause.dep_ == "acl" and clause.head.pos_ == "NOUN" and any(c.dep_ == "mark" for c in clause.children)


def _complement_owner(p: Para, verb: "Token") -> "tuple[Token, Token] | None":
    """'Lund found that the board was "asleep"': the clause holding a quoted fragment,
    whose subject could speak, is the complement of a clause whose subject can speak,
    outside quotes; the outermost such clause says whose words they are (PolNeAR annotates
    that subject), or a noun's possessor on the way ('her claim that he was "...")."""
    best = None
    child, complement = verb, False
    for _ in range(_MAX_CLIMB):
        if child.dep_ not in _COMPLEMENT_PATH or child.head is child:
            break
        complement = complement or child.dep_ == "ccomp" or _noun_complement(child)
        tok = child.head
        if p.region_of[tok.i] >= 0:
            break
        poss = next((c for c in tok.children if c.dep_ == "poss"), None) if tok.pos_ == "NOUN" else None
        if poss is not None and agentive(poss):
            return (tok, poss) if complement or child.dep_ in ("acl", "ccomp") else None  # "Lund's claim that ..."
        if tok.pos_ in ("VERB", "AUX") and complement and tok.i < verb.i:  # "X found that ...", not a clause before it
            subj = inherited_subject(tok)
            if subj is not None and p.region_of[subj.i] < 0 and agentive(subj):
                best = (tok, subj)
        child = tok
    return best


def make_cue(p: Para, verb: "Token", subj: "Token") -> Cue:
    """The cue of a clause that is no speech cue: its verb, its subject as the speaker
    (made once a verb, kept in ``p.predicates``)."""
    known = p.predicates.get(verb.i)
    if known is not None:
        return known
    np = noun_phrase(subj)
    cue = Cue(p.index, verb.i, verb.idx, verb.idx + len(verb.text), verb.text, verb.lemma_.lower())
    cue.speaker, cue.speaker_head = span_of(np), subj.i
    cue.tokens = {verb.i} | {t.i for t in np}
    if subj.lower_ in RELATIVE:
        cue.antecedent = antecedent_of(subj)
    p.predicates[verb.i] = cue
    return cue


_SIGNATURE_RE = re.compile(
    r"^\s*[\u2015\u2014\u2013-]{1,2}\s*(@?[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|de|da|van|von|del|la)){0,5})[\s.,]*$"
)


def _signature(p: Para, tail: str, offset: int) -> Cue | None:
    """'― Sonya Herridge' / '- Bernie Sanders' closing a quote: its author."""
    m = _SIGNATURE_RE.match(tail)
    if not m:
        return None
    start, end = offset + m.start(1), offset + m.end(1)
    dash = token_at(p.doc, offset + len(tail) - len(tail.lstrip()))
    if dash is None:
        return None
    key = -1 - start  # signatures have no verb token of their own
    known = p.predicates.get(key)
    if known is not None:
        return known
    cue = Cue(p.index, dash.i, dash.idx, dash.idx + len(dash.text), dash.text, "signature")
    cue.speaker = (start, end)
    cue.tokens = set(range(dash.i, dash.i + 1 + sum(1 for t in p.doc[dash.i + 1 :] if t.idx < end)))
    p.predicates[key] = cue
    return cue


_TITLE_PREPS = frozenset({"on", "in", "at", "from", "of", "for", "titled", "entitled", "named", "called"})


def _title_context(p: Para, r: QuoteRegion) -> bool:
    """A Title Cased name after a possessive or a preposition: "KXT's 'Week in
    Review'", "on 'Meet the Press'", "her book 'The Salt of the Shore'"; or of two words or
    more after an article, a year between them or not: "the 2008 'Tour Down Under'"."""
    if not is_title_like(p, r):
        return False
    before = p.text[max(0, r.mark_start - 30) : r.mark_start].rstrip()
    m = re.search(r"([\w'\u2019]+)$", before)
    if not m:
        return False
    word = m.group(1).lower()
    named = len(p.text[r.start : r.end].split()) >= 2 and re.search(r"\b(?:the|a|an)(?:\s+\d{4})?$", before, re.I)
    return (
        bool(named)
        or word.endswith(("'s", "\u2019s", "s'", "s\u2019"))
        or word in _TITLE_PREPS
        or word
        in ("book", "show", "film", "movie", "song", "album", "program", "programme", "series", "novel", "memoir")
    )


def _nickname(p: Para, r: QuoteRegion) -> bool:
    """'Marcia "Cia" Price': a nickname inside a name."""
    words = p.text[r.start : r.end].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    before = re.search(r"([A-Z][\w.]*)\s*$", p.text[max(0, r.mark_start - 30) : r.mark_start])
    after = re.match(r"\s*[A-Z]", p.text[r.mark_end : r.mark_end + 3])
    return bool(before and after)


def _so_called(p: Para, r: QuoteRegion) -> bool:
    """'the so-called "rebels"', 'known as "Harbour Hawk"': a name, not anyone's words."""
    if _nickname(p, r):
        return True
    before = p.text[max(0, r.mark_start - 20) : r.mark_start].lower()
    return bool(re.search(r"(?:so-? ?called|known as|dubbed|nicknamed|billed as|titled|entitled|named)\s*$", before))


# A name before a colon that hands a quote over (colon_name): what spaCy calls a name that
# can speak, the characters of '(R-Texas)' between it and the colon, the words that label a
# line and speak for nobody, and the documents that speak for their author.
_COLON_NAME_ENTS = frozenset({"PERSON", "ORG", ""})
_MAX_PARENTHESIS = 30
_LABELS = "headline_labels"
_DOCUMENTS = "speaker_documents"


def _word_before_colon(p: Para, r: QuoteRegion) -> "tuple[Token, int] | None":
    """The word glued to a colon right before the opening mark (*Lena Voss: "..."*, *Rep.
    Ada Lund (D-Maine):"..."*: the word before the brackets), and where it ends."""
    before = p.text[: r.mark_start].rstrip()
    if len(before) < 2 or before[-1] != ":" or before[-2].isspace():
        return None
    end = len(before) - 1
    if before[end - 1] == ")":  # a party and state, a post-nominal: the name is before it
        opening = before.rfind("(", max(0, end - _MAX_PARENTHESIS), end)
        end = len(before[:opening].rstrip()) if opening > 0 else 0
    after = token_at(p.doc, end)
    tok = p.doc[-1] if after is None else p.doc[after.i - 1] if after.i > 0 else None
    if tok is None or not tok.idx < end <= tok.idx + len(tok.text) or p.region_of[tok.i] >= 0:
        return None
    return tok, end


def _a_name(p: Para, tok: "Token", end: int) -> bool:
    """A word spaCy calls a name, or a capitalised noun inside its sentence (it tags a surname
    alone as a noun: *Continued Voss:*), that is no label (*The Latest:*,
    ``headline_labels.txt``)."""
    if not tok.text[:1].isupper() or tok.ent_type_ not in _COLON_NAME_ENTS:
        return False
    if tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and not tok.is_sent_start):
        return False
    label = p.text[p.doc[p.sent_lo[tok.i]].idx : end].strip().casefold()
    return label not in wordlists.word_set(_LABELS)


def _from_document(p: Para, tok: "Token") -> "Token | None":
    """*From the report: "..."*, *From Lund's blog post: "..."*: a document that a sentence of
    its own, opened by *from*, names before the colon speaks, or its possessor for it."""
    if tok.lemma_.lower() not in wordlists.word_set(_DOCUMENTS):
        return None
    words = p.doc[p.sent_lo[tok.i] : tok.i]
    if not len(words) or words[0].lower_ != "from" or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return next((c for c in tok.children if c.dep_ == "poss"), tok)


def colon_name(p: Para, r: QuoteRegion) -> Cue | None:
    """A quote a colon glued to a name hands over (*Donald Trump: "..."*, *Ferry chief Lena
    Voss (D-Maine): "..."*, *Continued Voss: "..."*, *From the harbour report: "..."*): the
    name's (the document's) words, with the colon as the cue. Rule 3 takes it when no verb
    stands before the colon in its sentence; the quote-span classifier's pass
    (fragments._colon_name) a quoted sentence the rules dropped."""
    found = _word_before_colon(p, r)
    if found is None:
        return None
    tok, end = found
    name = tok if _a_name(p, tok, end) else _from_document(p, tok)
    if name is None:
        return None
    colon = p.text.rindex(":", 0, r.mark_start)
    key = -1 - colon  # no verb token of its own, as a signature
    known = p.predicates.get(key)
    if known is not None:
        return known
    cue = Cue(p.index, name.i, colon, colon + 1, ":", ":")
    phrase = noun_phrase(name)
    while len(phrase) > 1 and phrase[0].pos_ in ("VERB", "AUX"):
        phrase = phrase[1:]  # *Continued Voss:*: the verb before the name is no part of it
    cue.speaker = (phrase[0].idx, min(end, span_of(phrase)[1]))  # a glued colon is no part of it
    cue.speaker_head = name.i
    cue.tokens = {t.i for t in phrase}
    p.predicates[key] = cue
    return cue


def _introducer(p: Para, before: list[int], r: QuoteRegion) -> Cue | None:
    """A clause that hands over to the quote with a colon (or a verb and a comma)
    without a speech verb: its subject is the speaker."""
    words = [i for i in before if not p.doc[i].is_space]
    if not words:
        return None
    last = p.doc[words[-1]]
    if last.text == ":":
        verbs = [i for i in words[:-1] if p.doc[i].pos_ in ("VERB", "AUX")]
        for i in reversed(verbs):
            subj = inherited_subject(p.doc[i])
            if subj is not None and p.region_of[subj.i] < 0 and agentive(subj):
                # 'Dahl said he hoped that Berg wins: "..."': the clause that hands over is
                # what someone says, so the words are theirs
                owner = _complement_owner(p, p.doc[i])
                if owner is not None and p.cue_at(owner[0].i) is not None:
                    return make_cue(p, *owner)
                return make_cue(p, p.doc[i], subj)
        return colon_name(p, r) if not verbs else None  # "Donald Trump: ..."
    if last.text == "," and len(words) >= 2 and _sentence_like(p, r):
        verb = p.doc[words[-2]]
        if verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            subj = inherited_subject(verb)
            if subj is not None and p.region_of[subj.i] < 0 and agentive(subj):
                return make_cue(p, verb, subj)  # "she then boomed, '...'"
    return None


def _object_taken(p: Para, cue: Cue, r: QuoteRegion) -> bool:
    """'he wrote his first column on it, "..."': a cue with an object of its own (not
    an addressee) does not introduce the quote that follows."""
    verb = p.doc[cue.verb]
    if cue.lemma in ("tell", "ask", "inform", "assure", "urge", "warn", "remind", "advise", "put"):
        return False
    for c in verb.children:
        if (
            c.dep_ == "dobj"
            and c.i > verb.i
            and p.region_of[c.i] < 0
            and c.pos_ in ("NOUN", "PROPN")
            and c.i not in cue.tokens
        ):
            return True
    return False


def _outermost(p: Para, cue: Cue) -> Cue:
    """'Lindqvist said Moreau was right to ask members "to hold firm"': a cue inside what
    another speaker says is reported by that speaker; an outlet that merely relays
    ('the AP reported') does not take the quote over, nor does a cue the inner one
    only hangs on ('Fiorina said ..., adding that'; but a time clause whose speaker is the
    outer speaker's pronoun is still theirs: _same_person_when), nor does one above a relative clause
    with a pronoun of its own as subject ('... a bill, which he called "..."': see
    _after_relative).
    """
    verb = p.doc[cue.verb]
    best = cue
    if cue.speaker is not None and _own_statement(verb):
        return cue  # '... he was "behind" it, while O'Gorman said his party would "..."'
    own_pronoun = _after_relative(p, cue)
    child, tok = verb, verb
    for _ in range(8):
        if tok.head is tok:
            break
        if own_pronoun and tok.dep_ == "relcl":
            break  # 'which he called "..."': PolNeAR gives the words to the pronoun
        child, tok = tok, tok.head
        outer = p.cue_at(tok.i)
        if outer is None:
            continue
        if child.dep_ not in ("ccomp", "xcomp", "dobj", "csubj", "oprd") and not _same_person_when(
            p, cue, child, outer
        ):
            break  # the inner cue hangs on the outer one ("said ..., adding")
        if outer.speaker is not None and not outer.reporting and not outer.naming and outer.lemma in _outer_lemmas():
            best = outer
    return best if best.speaker is not None else cue


_TIME_MARKS = frozenset({"before", "after", "when", "as", "once", "until", "since"})


def _same_person_when(p: Para, cue: Cue, clause: "Token", outer: Cue) -> bool:
    """'Lund told the paper before she spoke to the board that she believed ...': a time
    clause whose speaker is a pronoun for the outer speaker is still what the outer one
    tells."""
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children):
        return False
    if cue.speaker_head is None or outer.speaker_head is None:
        return False
    pron, name = p.doc[cue.speaker_head], p.doc[outer.speaker_head]
    return pron.lower_ in _GENDERED and name.pos_ == "PROPN" and _fits(pron, name)


def _after_relative(p: Para, cue: Cue) -> bool:
    """Is the cue's speaker a personal pronoun right after a relative one ('which he
    called', 'whom she described as'; not 'what he called', the third round's rule), with
    no quoted words of its sentence outside the relative clause (PolNeAR makes '"A" ...,
    which he called "B"' one quote of the outer speaker)?"""
    if cue.speaker_head is None:
        return False
    pron = p.doc[cue.speaker_head]
    if pron.lower_ not in _PRONOUNS or pron.i == 0 or p.doc[pron.i - 1].lower_ not in RELATIVE:
        return False
    clause = p.doc[cue.verb]
    lo, hi = clause.left_edge.i, clause.right_edge.i
    sentence = {p.region_of[i] for i in range(p.sent_lo[pron.i], p.sent_hi[pron.i] + 1)}
    inside = {p.region_of[i] for i in range(lo, hi + 1)}
    # a name or a title in quote marks ('known as "Harbour Hawk"', 'on "Morning Tide"') is nobody's words
    return all(r < 0 or r in inside or _so_called(p, p.regions[r]) or _title_context(p, p.regions[r]) for r in sentence)


# A cue that opens a clause of its own beside the outer one reports its own speaker's
# words: 'while X said' (a contrast, not a time: 'when he said' is still what the outer
# speaker tells), 'and X said' with a name of its own.
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def _outer_lemmas() -> frozenset[str]:
    return wordlists.word_set("outer_speech_verbs")


def _own_statement(verb: "Token") -> bool:
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in verb.children)
    if verb.dep_ in ("conj", "parataxis"):
        return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)
    return False


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _outer_for_pronoun(p: Para, cue: Cue) -> Cue:
    """'Lazar said he welcomed it and added, "..."': an adjacent cue whose speaker is
    only a pronoun, inside what another speaker says, is that speaker's."""
    if cue.speaker is not None and p.text[cue.speaker[0] : cue.speaker[1]].lower() not in _PRONOUNS:
        return cue
    outer = _outermost(p, cue)
    return outer


def _passive(p: Para, cue: Cue) -> bool:
    """'"birther" was mentioned by anchors': the quote is what was mentioned."""
    return cue.lemma not in ("quote", "cite") and any(c.dep_ == "auxpass" for c in p.doc[cue.verb].children)


def _has_object(p: Para, cue: Cue) -> bool:
    verb = p.doc[cue.verb]
    return any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and p.region_of[c.i] < 0 and c.i not in cue.tokens for c in verb.children
    )


def _own_object(p: Para, cue: Cue) -> bool:
    """Does the cue's verb take an object of its own, not its addressee and not a pronoun
    pointing back at the quote ('noted a planned rally', not 'told reporters', 'said this')?"""
    return any(
        c.dep_ == "dobj"
        and c.pos_ != "PRON"
        and p.region_of[c.i] < 0
        and c.i not in cue.tokens
        and c.i not in cue.addressee_tokens
        for c in p.doc[cue.verb].children
    )


def _parenthetical(p: Para, cue: Cue) -> bool:
    """', he said,' / 'Instead, Halvorsen told KXT, her plan ...' / 'As X put it,': a cue
    set off by commas inside the sentence it attributes."""
    if cue.speaker is None:
        return False
    toks = sorted(cue.tokens)
    first, last = toks[0], max(toks + sorted(cue.addressee_tokens))
    while last + 1 < len(p.doc) and p.doc[last + 1].dep_ in ("npadvmod", "advmod") and p.doc[last + 1].i - last < 3:
        last += 1  # "he said Tuesday,"
    if first == 0 or last + 1 >= len(p.doc) or last - first > 10:
        return False
    before = p.doc[first - 1]
    as_clause = before.lower_ == "as" and (first - 1 == 0 or p.doc[first - 2].is_punct)
    if as_clause:
        if last + 1 < len(p.doc) and p.doc[last + 1].lower_ == "it" and p.doc[last + 1].head.i == cue.verb:
            last += 1  # the "it" of "put it"
        last = _circumstances_end(p, cue, last)  # "As X put it in a letter in May,"
    after = p.doc[last + 1] if last + 1 < len(p.doc) else None
    if after is None or not (after.text == "," or (as_clause and _is_terminator(after))):
        return False  # ", he said," / "As X put it," / "..., as X put it."
    if before.text != "," and not as_clause:
        return False
    verb = p.doc[cue.verb]
    return not any(c.dep_ in ("ccomp", "dobj") and c.i > last for c in verb.children)


# How far prepositional phrases after an "as X put it" may run before its comma.
_MAX_CIRCUMSTANCE_TOKENS = 12


def _circumstances_end(p: Para, cue: Cue, last: int) -> int:
    """The last token of the prepositional phrases right after the cue ("in a letter to
    the board in May"), or ``last`` when there are none or they run long."""
    verb = p.doc[cue.verb]
    end = last
    for c in verb.children:
        if c.dep_ == "prep" and c.i == end + 1:
            sub_end = max(t.i for t in c.subtree)
            if sub_end - last > _MAX_CIRCUMSTANCE_TOKENS or any(p.region_of[t.i] >= 0 for t in c.subtree):
                return last
            end = sub_end
    return end


def _link_within_sentences(p: Para, links: list[_Link | None]) -> None:
    """Quoted stretches joined only by words like "and" share their neighbour's cue."""
    for ri in range(len(p.regions) - 1, -1, -1):
        if links[ri] is not None:
            continue
        after = _after_frame(p, ri)
        nxt = ri + 1
        if (
            nxt < len(p.regions)
            and links[nxt] is not None
            and after
            and not any(_is_terminator(p.doc[i]) for i in after)
            and len(after) <= 3
        ):
            link = links[nxt]
            assert link is not None  # checked above
            links[ri] = _Link(link.cue, link.rule, link.embedded, link.confidence - JOINED_PENALTY, joined=True)


def is_title_like(p: Para, r: QuoteRegion) -> bool:
    """'Week in Review', 'Salt Marsh': a short Title Cased name, not speech."""
    words = p.text[r.start : r.end].rstrip(",.").split()
    if not words or len(words) > 7:
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or", "is", "from"}
    caps = [w for w in words if w.lower() not in small]
    return (
        bool(caps)
        and all(w[:1].isupper() or not w[:1].isalpha() for w in caps)
        and not any(w.lower() in ("i", "we", "you", "my", "our") for w in words)
        and not re.search(r"[!?]$", p.text[r.start : r.end].rstrip(","))
        and len(caps) >= 1
    )


# --- article level ---------------------------------------------------------------------


def _starts_sentence(p: Para, ri: int) -> bool:
    before = _before_frame(p, ri)
    return not any(not p.doc[i].is_punct and not p.doc[i].is_space for i in before)


def _colon_cue(p: Para, upto: int) -> Cue | None:
    """The cue of the sentence just before token ``upto`` when it ends with a colon."""
    i = upto - 1
    while i >= 0 and (p.doc[i].is_space or (p.region_of[i] < 0 and p.doc[i].text in ("\u2014", "-"))):
        i -= 1
    if i < 0 or p.doc[i].text != ":":
        return None
    sent_start = i
    while sent_start > 0 and not _is_terminator(p.doc[sent_start - 1]) and p.region_of[sent_start - 1] < 0:
        sent_start -= 1
    cues = [c for c in p.cues if sent_start <= c.verb < i and c.speaker is not None]
    return cues[-1] if cues else None


def _last_speaker_cue(p: Para) -> Cue | None:
    """The cue of the paragraph's last sentence, when it reports speech with a named
    (or pronoun) speaker."""
    if not p.cues or not len(p.doc):
        return None
    last = p.cues[-1]
    if last.speaker is None or last.lemma not in _INDIRECT_LEMMAS or p.regions:
        return None
    if p.sent_lo[last.verb] != p.sent_lo[len(p.doc) - 1]:
        return None  # not in the last sentence
    return _outermost(p, last)


def _last_colon_cue(p: Para) -> Cue | None:
    return _colon_cue(p, len(p.doc))


def attribute(paras: Sequence[Para]) -> list[Attribution]:
    """Every quote of the article, in reading order."""
    links = [link_paragraph(p) for p in paras]
    for p, pl in zip(paras, links):
        _link_within_paragraph(p, pl)
        _link_by_colon_or_label(p, pl)
    collector = _Collector(paras)
    for k, (p, pl) in enumerate(zip(paras, links)):
        collector.paragraph(k, p, pl)
    for att in collector.atts:
        att.cue = _what_it_called(paras, att.cue)
        att.cue = _relative_in_object(paras, att)
        _fill_speaker(paras, att)
        att.via = _relay(paras, att)
    return collector.atts


# 'known as', with one word between them or none ('mockingly known as', 'known online as',
# not 'known to voters as': those voters are named), then the name in quote marks.
_KNOWN_AS_REACH = 40  # characters before the opening mark where 'known as' is looked for
_KNOWN_AS = re.compile(r"\bknown(?:\s+[a-z]+)?\s+as\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE)


def known_as_names(paras: Sequence[Para], atts: list[Attribution]) -> list[Attribution]:
    """'hundreds of piers, several of them mockingly known as "goat docks"': what something
    is known as is a name nobody in particular says, so the quote keeps no speaker, as for
    a naming participle ('a podcast called "..."'), whichever rule or the quote-span
    classifier found it. PolNeAR gives such names no source (train: 6 of the 8 direct
    quotes right after *known as*); an outlet's report keeps its relay ('the AP reported
    that ... a shed known as the "net loft"')."""
    for att in atts:
        cue = att.cue
        if not att.regions or att.via is not None or (cue is not None and cue.reporting):
            continue
        r = att.regions[0]
        if not _KNOWN_AS.search(paras[r.paragraph].text[max(0, r.mark_start - _KNOWN_AS_REACH) : r.mark_start]):
            continue
        if cue is not None:
            att.cue = replace(cue, speaker=None, speaker_head=None, antecedent=None, names_only=True)
        att.speaker = att.speaker_head = att.antecedent = None
    return atts


_WHAT_WORDS = frozenset({"what"})
_MAX_CLIMB = 8


def _what_it_called(paras: Sequence[Para], cue: Cue | None) -> Cue | None:
    """'Lund lashed out at what he calls the "harbour club"': the pronoun of *what
    he calls* stands for the subject of the clause around it, and the quote is that
    subject's (PolNeAR annotates the name, not the pronoun): a cue of the clause's verb
    with that subject. Only for a naming verb whose speaker is a personal pronoun right
    after *what*, and an outer subject that could speak."""
    if cue is None or cue.speaker is None or not cue.naming or cue.speaker_head is None:
        return cue
    p = paras[cue.paragraph]
    pron = p.doc[cue.speaker_head]
    if pron.lower_ not in _PRONOUNS or pron.i == 0 or p.doc[pron.i - 1].lower_ not in _WHAT_WORDS:
        return cue
    tok = p.doc[cue.verb]
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            return cue
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = inherited_subject(tok)
        if subj is None or subj.i == pron.i or p.region_of[subj.i] >= 0:
            continue
        if subj.lower_ == pron.lower_:
            return make_cue(p, tok, subj)  # 'It is denouncing what it calls ...': the same "it"
        if subj.lower_ in _PRONOUNS or subj.lower_ in RELATIVE or not agentive(subj) or not _fits(pron, subj):
            return cue
        return make_cue(p, tok, subj)
    return cue


def _relative_in_object(paras: Sequence[Para], att: Attribution) -> Cue | None:
    """'The board voted for the motion which said the town "rejects ..."', 'the mayor
    disowned the words of an aide who said sailors should not "..."': a fragment
    whose speaker is a restrictive relative pronoun (no comma before it) standing for a
    common noun inside the object of another clause is part of what that clause's subject
    puts forward (PolNeAR annotates the whole object phrase as its content), so it is that
    subject's. A name with *, who said* keeps *who* (the fourth round)."""
    cue = att.cue
    if cue is None or cue.speaker_head is None or att.kind != "partial":
        return cue
    p = paras[cue.paragraph]
    rel = p.doc[cue.speaker_head]
    if rel.lower_ not in RELATIVE or rel.i == 0 or p.doc[rel.i - 1].is_punct:
        return cue
    verb = p.doc[cue.verb]
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return cue
    tok = verb.head
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            return cue
        child, tok = tok, tok.head
        if tok.pos_ in ("VERB", "AUX"):
            if child.dep_ in ("nsubj", "nsubjpass"):
                return cue  # the noun is the subject ('a spokesman who said'): no object
            subj = inherited_subject(tok)
            if subj is None or p.region_of[subj.i] >= 0 or subj.lower_ in RELATIVE or subj.lower_ in _PRONOUNS:
                return cue
            return make_cue(p, tok, subj) if agentive(subj) else cue
    return cue


def _fits(pron: "Token", subj: "Token") -> bool:
    """Does the subject's gender, where its words say one (an honorific, a given name, a
    gendered title), fit a gendered pronoun? 'he' is not *Mrs. Clinton*."""
    fit = wordlists.data("speaker_pronouns").get(pron.lower_) or {}
    want = fit.get("gender")
    if not want:
        return True
    for t in noun_phrase(subj):
        h = honorific(t.text.rstrip("."))
        gender = (h or {}).get("gender") or given_name_gender(t.text) or title_gender(t.text)
        if gender and gender != want:
            return False
    return True


def _link_by_colon_or_label(p: Para, pl: list[_Link | None]) -> None:
    """A colon ending the sentence before a quote introduces it; in a transcript, the
    speaker label of the paragraph says it."""
    for ri in range(len(p.regions)):
        if pl[ri] is not None:
            continue
        toks = _region_tokens(p, ri)
        colon = _colon_cue(p, toks[0]) if toks else None
        reported = _reported_sentence_before(p, ri, toks[0]) if toks and colon is None else None
        if colon is not None:
            pl[ri] = _link(COLON, colon, False)
        elif reported is not None:
            pl[ri] = _link(SENTENCE_BEFORE, reported, False)
        elif p.label is not None:
            pl[ri] = _link(LABEL, None, False)
        elif toks and (actor := _subject_sentence_before(p, ri, toks[0])) is not None:
            pl[ri] = _link(SUBJECT_BEFORE, actor, False)


def _reported_sentence_before(p: Para, ri: int, first: int) -> Cue | None:
    """'The ferries will run, Rinde said. "The harbour is safe."': a quoted sentence that
    nothing attributes, right after a sentence of reported speech without quotes, is the
    same speaker's."""
    bounds = _previous_sentence(p, ri, first)
    if bounds is None:
        return None
    lo, prev_end = bounds
    if any(p.region_of[i] >= 0 for i in range(lo, prev_end + 1)):
        return None  # that sentence has quotes of its own: the other rules read it
    cues = [c for c in p.cues if lo <= c.verb <= prev_end and c.speaker is not None and c.lemma in _INDIRECT_LEMMAS]
    return _outermost(p, cues[-1]) if cues else None


# Quoted words in the sentence before that still leave it the reporter's (a show's title).
_MAX_TITLE_WORDS = 4


def _previous_sentence(p: Para, ri: int, first: int) -> tuple[int, int] | None:
    """The tokens of the sentence right before a quoted sentence, in its paragraph."""
    if not _starts_sentence(p, ri) or first == 0:
        return None
    prev_end = first - 1
    while prev_end > 0 and (p.doc[prev_end].is_space or p.doc[prev_end].is_punct and p.region_of[prev_end] == ri):
        prev_end -= 1
    return p.sent_lo[prev_end], prev_end


def _subject_sentence_before(p: Para, ri: int, first: int) -> Cue | None:
    """'Senator Ann Berg blamed the deadlock on both parties. "The young are tired of
    it."': a quoted sentence that nothing attributes, right after a sentence whose
    subject could speak (a person, a group, a document), is that subject's: a guess, so
    the weakest link but one."""
    r = p.regions[ri]
    if not _sentence_like(p, r) or _words(p, r) < _MIN_UNATTRIBUTED_WORDS:
        return None  # a short quoted phrase is a scare quote or a title, as when unlinked
    bounds = _previous_sentence(p, ri, first)
    if bounds is None:
        return None
    lo, hi = bounds
    quoted = {p.region_of[i] for i in range(lo, hi + 1) if p.region_of[i] >= 0}
    if any(_words(p, p.regions[q]) > _MAX_TITLE_WORDS for q in quoted):
        return None  # that sentence has quotes of its own: the other rules read it
    root = next((t for t in p.doc[lo : hi + 1] if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if root is None:
        return None
    own = p.cue_at(root.i)
    if own is not None and own.speaker is not None and own.naming:
        return own  # 'His former partner called him a master at deals. "..."': the namer's
    subj = inherited_subject(root)
    if subj is None or p.region_of[subj.i] >= 0 or not agentive(subj) or subj.lower_ in RELATIVE:
        return None
    return make_cue(p, root, subj)


def _fill_speaker(paras: Sequence[Para], att: Attribution) -> None:
    if att.cue is not None:
        speaker_of_cue(att, paras[att.cue.paragraph])


def speaker_of_cue(att: Attribution, p: Para) -> None:
    """The speaker of ``att``'s cue (in paragraph ``p``) as the quote's: its mention, head
    and antecedent, when the quote has no speaker yet."""
    cue = att.cue
    if att.speaker is None and cue is not None and cue.speaker is not None:
        att.speaker = (cue.paragraph, *cue.speaker)
        if cue.speaker_head is not None:
            att.speaker_head = p.doc[cue.speaker_head].idx
        if cue.antecedent is not None:
            att.antecedent = (cue.paragraph, *cue.antecedent)


class _Collector:
    """Gathers the links of the article, paragraph by paragraph, into attributions: one
    per cue, a quote running on into the next paragraph joining the one before."""

    def __init__(self, paras: Sequence[Para]) -> None:
        self.paras = paras
        self.atts: list[Attribution] = []
        self.by_cue: dict[object, Attribution] = {}
        self.by_verb: dict[tuple[int, int], Attribution] = {}  # the first quote of each cue verb
        self.last_direct: Attribution | None = None  # the quote the previous paragraph ended with

    def paragraph(self, k: int, p: Para, pl: list[_Link | None]) -> None:
        prev_para = self.paras[k - 1] if k > 0 else None
        last_direct = self.last_direct
        ended_with: Attribution | None = None
        if (
            not p.regions
            and last_direct is not None
            and (
                last_direct.cue is None or last_direct.rule == SUBJECT_BEFORE.name  # only a guess
            )
        ):
            signed = _signature(p, p.text, 0)
            if signed is not None:  # '- Bernie Sanders' on a line of its own
                last_direct.cue, last_direct.rule = signed, SIGNATURE_LINE.name
                last_direct.confidence = SIGNATURE_LINE.confidence
        for ri, r in enumerate(p.regions):
            link = pl[ri]
            if (
                link is None
                and last_direct is not None
                and (ended_with is last_direct or (ended_with is None and ri == 0))
                and _goes_on(p, ri, prev_para, last_direct)
            ):
                last_direct.regions.append(r)
                last_direct.confidence = min(last_direct.confidence, CONTINUED_CAP)
                ended_with = last_direct
                continue
            if link is None and ri == 0 and prev_para is not None and _starts_sentence(p, ri):
                link = _from_previous_paragraph(p, r, prev_para)
            att = self._unlinked(p, ri) if link is None else self._linked(k, p, ri, link)
            ended_with = att or ended_with
        self.last_direct = (
            ended_with
            if ended_with is not None
            and _ends_with_quote(p)
            and (ended_with.kind == "direct" or _quote_ends_paragraph(p) or _attributed_at_end(p, ended_with))
            else None
        )

    def _direct_of_same_verb(self, cue: Cue | None) -> Attribution | None:
        """A direct quote linked to another cue the rules made for the same verb: '"A," said
        Berg, speaking of X, "and b."' is one quote, though the clause rule made a cue of
        its own for the fragment (fragments of a partial quote stay as the rules part them)."""
        twin = self.by_verb.get(_cue_key(cue)) if cue is not None else None
        return twin if twin is not None and twin.kind == "direct" else None

    def _unlinked(self, p: Para, ri: int) -> Attribution | None:
        """A full quoted sentence is a quote without a known speaker; a short quoted
        phrase is a scare quote or a title: not a quote."""
        r = p.regions[ri]
        if _sentence_like(p, r) and _words(p, r) >= _MIN_UNATTRIBUTED_WORDS and _starts_sentence(p, ri):
            before = self.atts[-1] if self.atts else None
            if before is not None and before.rule == UNATTRIBUTED.name and _short_frame_between(p, before, ri):
                before.regions.append(r)  # '"A?" Berg pressed. "B?"': one speaker the cues miss
                return before
            att = Attribution([r], "direct", None, UNATTRIBUTED.confidence, UNATTRIBUTED.name)
            self.atts.append(att)
            return att
        return None

    def _linked(self, k: int, p: Para, ri: int, link: _Link) -> Attribution | None:
        r = p.regions[ri]
        if (not link.strong or link.embedded) and _title_context(p, r):
            return None  # 'on KXT's "Week in Review"': a title, not speech
        if _so_called(p, r) or (not link.strong and is_title_like(p, r)):
            return None  # 'the so-called "rebels"': a name, not speech
        if _names_its_speaker(p, r, link.cue):
            return None  # 'According to "The Harbour Years: A Memoir,"': the source's name
        key: object = id(link.cue) if link.cue is not None else -(k + 1)
        att = self.by_cue.get(key) or self._direct_of_same_verb(link.cue)
        if att is not None and link.embedded and _in_another_clause(p, att, ri, link.cue):
            # 'described X as a "disgrace" after she blamed it on "bias"': the second
            # fragment is the words of another clause, so another quote (of that clause)
            own = _predicate_cue(p, ri)
            key = id(own) if own is not None and own is not link.cue else (k, ri)
            link = replace(link, cue=own or link.cue)
            att = self.by_cue.get(key)
        if att is None:
            att = Attribution([], "partial" if link.embedded else "direct", link.cue, link.confidence, link.name)
            if link.cue is None and p.label is not None:
                att.speaker = (p.index, *p.label)
            self.by_cue[key] = att
            if link.cue is not None:
                self.by_verb.setdefault(_cue_key(link.cue), att)
            self.atts.append(att)
        elif link.embedded and not (link.name == BEFORE.name and att.rule == AFTER.name and att.kind == "direct"):
            # ('"A," said X, "b."' stays direct: its second half starts mid-sentence)
            att.kind = "partial"
        att.regions.append(r)
        return att


_MAX_FRAME_WORDS = 8  # words of a short sentence between two quoted sentences of one speaker


def _short_frame_between(p: Para, att: Attribution, ri: int) -> bool:
    """'"Will fares rise?" Berg pressed. "Could the council hold them?"': quoted sentence
    ``ri`` right after the quote ``att`` ended with, in the same paragraph, with only a short
    sentence between them (a verb the cues do not know) that names no other quote."""
    prev = att.regions[-1]
    if prev.paragraph != p.index or ri == 0 or p.regions[ri - 1].start != prev.start:
        return False
    between = p.text[prev.mark_end : p.regions[ri].mark_start]
    return len(between.split()) <= _MAX_FRAME_WORDS and between.rstrip()[-1:] in _END_CHARS


def _cue_key(cue: Cue) -> tuple[int, int]:
    return cue.paragraph, cue.verb


def _names_its_speaker(p: Para, r: QuoteRegion, cue: Cue | None) -> bool:
    """Whether the cue's speaker lies inside the quoted words: then they name the source
    (a book's title and subtitle after *according to*), they are not its words."""
    if cue is None or cue.speaker is None or cue.paragraph != p.index:
        return False
    return r.start <= cue.speaker[0] and cue.speaker[1] <= r.end


def _clause_verb(p: Para, ri: int) -> "Token | None":
    """The nearest verb outside the quote that the quoted stretch hangs on."""
    head = region_head(p, ri)
    if head is None:
        return None
    for tok in _ancestors(head)[1:]:
        if p.region_of[tok.i] < 0 and tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


# How a clause hangs on the cue's verb when it is a clause of its own (a second
# predicate, a circumstance), not part of what the cue reports.
_SIBLING_CLAUSE_DEPS = frozenset({"conj", "advcl"})


def _in_another_clause(p: Para, att: Attribution, ri: int, cue: Cue | None) -> bool:
    """Is a further quoted stretch of a quote in a clause of its own, between the two
    stretches, that is not what the cue reports? ('called the plan "reckless" and called
    for it to be "scrapped"', '"A," X said, asking questions, including, "B?"'; not 'said
    talks were "working" and ties "stable"')."""
    prev = att.regions[-1] if att.regions else None
    if cue is None or prev is None or prev.paragraph != p.index:
        return False
    prev_ri = p.region_index.get((prev.start, prev.end))
    if prev_ri is None:
        return False
    r = p.regions[ri]
    v1, v2 = _clause_verb(p, prev_ri), _clause_verb(p, ri)
    if v2 is None or v2 is v1 or v2.idx < prev.end:
        return False
    chain = _ancestors(v2)
    verb = p.doc[cue.verb]
    if att.kind == "direct" and not (
        p.text[r.start].isupper() and _sentence_like(p, r) and _words(p, r) >= _MIN_UNATTRIBUTED_WORDS
    ):
        # '"A," she said, referring to X, "and b."': one quote going on; a title; but
        # '"A," the board said, reasoning that the pier "b"': the words of the participle
        return _participle_between(p, verb, prev, r)
    if _saying_between(p, chain, verb, prev.end, r.start):
        return True
    if verb not in chain:
        return False
    at = chain.index(verb)
    if at == 0 or chain[at - 1].dep_ not in _SIBLING_CLAUSE_DEPS:
        return False
    # a subject that cannot speak ('and the talks were "stable"') makes the clause more
    # of what was reported, whatever the parser hung it on
    # a clause with a subject of its own ('said there is "love" in the city, which he
    # called "evil"'; 'and the talks were "stable"') is more often still what the cue
    # reports, whatever the parser hung it on
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v2.children)


def _participle_between(p: Para, verb: "Token", prev: QuoteRegion, r: QuoteRegion) -> bool:
    """A participle set off by a comma after the cue of a direct quote, with a quoted
    fragment inside its own clause: the fragment is what the participle says (*"A," the
    board said, reasoning that the pier "b"*; *said, mentioning the album is "c"*), a
    quote apart in PolNeAR; a fragment right after a comma goes on with the quote (*"A,"
    she said, referring to X, "and b."*). The cue follows the quote with no verb of
    its own between (*"A" to win votes, she said, citing "b"* is one quote going on)."""
    if p.text[: r.mark_start].rstrip()[-1:] in _CONTINUING_PUNCT:
        return False
    doc = p.doc
    if any(t.pos_ == "VERB" and prev.mark_end <= t.idx for t in doc[max(verb.i - 12, 0) : verb.i]):
        return False
    for tok in doc[verb.i + 1 :]:
        if tok.idx >= r.mark_start or _is_terminator(tok) or p.region_of[tok.i] >= 0:
            return False
        if tok.tag_ == "VBG" and tok.i > 0 and doc[tok.i - 1].text == ",":
            return True
    return False


_CONTINUING_PUNCT = frozenset(",:;\u2014\u2013-")


def _saying_between(p: Para, chain: list["Token"], verb: "Token", lo: int, hi: int) -> bool:
    """A verb of saying or judging of its own between two quoted stretches, without a
    subject of its own, that the second hangs on: the second is what that verb reports,
    however the parser hung the verb (*told the board the pier was "safe" and questioned
    how it had "lost the plot"*, *before claiming that the old one was "falling apart"*)."""
    saying = speech_verbs() | fragment_cues()["characterising"]
    for tok in chain:
        if tok is verb:
            return False
        if (
            lo <= tok.idx < hi
            and tok.pos_ == "VERB"
            and p.region_of[tok.i] < 0
            and tok.lemma_.lower() in saying
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            return True
    return False


def _from_previous_paragraph(p: Para, r: QuoteRegion, prev_para: Para) -> _Link | None:
    """A quote opening a paragraph, introduced by the paragraph before: its closing
    colon, or the speaker of the reported speech it ended with."""
    colon = _last_colon_cue(prev_para)
    if colon is not None:
        return _link(COLON_PARAGRAPH, colon, False)
    if _sentence_like(p, r) and not p.cues:
        # 'Biden defended the decision, arguing ...' then a quote paragraph
        # with no cue: the speaker of the reported speech goes on.
        last = _last_speaker_cue(prev_para)
        if last is not None:
            return _link(PREVIOUS_SPEAKER, last, False)
        subject = _last_sentence_subject(prev_para)
        if subject is not None and _words(p, r) >= _MIN_UNATTRIBUTED_WORDS and _whole_paragraph(p, r):
            # 'Lund would speak of closing the port only as a far-off idea.' then a
            # quote paragraph: the person the paragraph ended on, as after a sentence
            return _link(SUBJECT_BEFORE, subject, False)
    return None


def _whole_paragraph(p: Para, r: QuoteRegion) -> bool:
    """Is the paragraph nothing but this quote ('"...," reacted Lund' is not)?"""
    return not p.text[: r.mark_start].strip() and not any(ch.isalnum() for ch in p.text[r.mark_end :])


def _last_sentence_subject(p: Para) -> Cue | None:
    """The clause of a paragraph's last sentence whose subject could speak, in a sentence
    without quotes."""
    if not len(p.doc):
        return None
    last = len(p.doc) - 1
    lo = p.sent_lo[last]
    if any(p.region_of[i] >= 0 for i in range(lo, last + 1)):
        return None  # the sentence has quotes: whose they are is for the other rules
    root = next((t for t in p.doc[lo : last + 1] if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if root is None:
        return None
    subj = inherited_subject(root)
    if subj is None or not agentive(subj) or subj.lower_ in RELATIVE:
        return None
    return make_cue(p, root, subj)


def _relay(paras: Sequence[Para], att: Attribution) -> tuple[int, int, int] | None:
    """The outlet a quote reached us through: 'according to Tass' or 'the AP reported'
    in the sentence of the quote, naming someone other than its speaker."""
    cue = att.cue
    if cue is None:
        return None
    if cue.via is not None:
        return (cue.paragraph, *cue.via)
    if cue.reporting:
        return None
    p = paras[cue.paragraph]
    bounds = [(cue.verb, cue.verb)]
    index = p.region_index
    for r in att.regions:
        if r.paragraph == cue.paragraph and (r.start, r.end) in index:
            bounds.append(_sentence_bounds(p, index[(r.start, r.end)]))
    lo, hi = min(b[0] for b in bounds), max(b[1] for b in bounds)
    nearby = p.cues[bisect.bisect_left(p.cue_verbs, lo) : bisect.bisect_right(p.cue_verbs, hi)]
    for other in nearby:
        if (
            other is cue
            or not other.reporting
            or other.speaker is None
            or not any(lo <= other.verb <= hi for lo, hi in bounds)
        ):
            continue
        if cue.speaker is not None and other.speaker == cue.speaker:
            continue
        if other.lemma != "according to" and not (_wraps(p, other, cue) or _reports_after(p, att, other)):
            continue
        if _sentence_between(p, att, other) or _inside_report(p, att, other):
            continue
        return (other.paragraph, *other.speaker)
    return None


def _reports_after(p: Para, att: Attribution, other: Cue) -> bool:
    """'He said ... he was "...," the Gazette reported.': a report whose subject comes right
    after the quote's closing mark relays it, however the parser hung the two verbs."""
    if other.speaker is None or p.doc[other.verb].idx < other.speaker[1]:
        return False
    ends = [r.mark_end for r in att.regions if r.paragraph == p.index and r.mark_end <= other.speaker[0]]
    return bool(ends) and not p.text[max(ends) : other.speaker[0]].strip(" ,")


# A full stop inside the closing mark, then a new sentence: '... "without delay." Lund will ...'
_STOP_INSIDE_MARK = re.compile(r"[.!?][\"'\u201d\u2019]+\s+[A-Z]")


def _sentence_between(p: Para, att: Attribution, other: Cue) -> bool:
    """Does a sentence end between the quote and the relay after it? A stop inside a
    closing mark does not end a sentence for the linking rules (a quote may go on with
    its attribution), but 'according to X' in the next sentence relays nothing of it."""
    ends = [r.end for r in att.regions if r.paragraph == p.index and r.mark_end <= other.start]
    if not ends:
        return False
    cue = att.cue
    # after the quote's own cue: '"... in?" Lund said, according to X' is one sentence
    after_cue = cue.end if cue is not None and cue.paragraph == p.index else 0
    return _STOP_INSIDE_MARK.search(p.text, max(max(ends) - 1, after_cue), other.start) is not None


def _inside_report(p: Para, att: Attribution, other: Cue) -> bool:
    """'Lund said that according to its count the vote was "...": an 'according to' between
    the quote's cue and the quote is inside what the cue reports, no relay of it."""
    cue = att.cue
    firsts = [r.mark_start for r in att.regions if r.paragraph == p.index]
    return (
        other.lemma == "according to"
        and cue is not None
        and cue.paragraph == p.index
        and bool(firsts)
        and cue.end <= other.start < min(firsts)
    )


def _wraps(p: Para, outer: Cue, inner: Cue) -> bool:
    """Is the inner cue's clause what the outer cue reports ('X said ..., the AP
    reported')?"""
    tok = p.doc[inner.verb]
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.i == outer.verb:
            return True
    return False


def _ends_with_quote(p: Para) -> bool:
    """Does the paragraph's last sentence hold a quote (so the next may go on with it)?"""
    if not p.regions:
        return False
    last = p.regions[-1]
    tail = p.text[last.mark_end :]
    return not re.search(r"[.!?]\s+[A-Z]", tail)


def _attributed_at_end(p: Para, att: Attribution) -> bool:
    """'Ports need leaders "who know the sea," Voss said.': a fragment (not a single word,
    'like "maybe," he said') whose cue comes right after it and ends the paragraph; a quote
    paragraph after it goes on with her words."""
    last = p.regions[-1]
    return (
        att.rule == AFTER.name
        and bool(att.regions)
        and att.regions[-1].paragraph == p.index
        and att.regions[-1].start == last.start
        and _words(p, last) >= _MIN_CONTINUED_FRAGMENT_WORDS
    )


def _quote_ends_paragraph(p: Para) -> bool:
    return bool(p.regions) and not any(ch.isalnum() for ch in p.text[p.regions[-1].mark_end :])


def _goes_on(p: Para, ri: int, prev: Para | None, last: Attribution) -> bool:
    """Does quoted stretch ``ri`` go on with the quote the previous paragraph ended with?
    After a fragment, only in the same marks (a single-quoted subheading is no more of it)."""
    same_marks = last.kind == "direct" or p.regions[ri].style == last.regions[-1].style
    return same_marks and _continues_speaker(p, ri, prev, last)


def _continues_speaker(p: Para, ri: int, prev: Para | None, last: Attribution) -> bool:
    """A paragraph opening with a quote and attributing nothing continues the last
    speaker's quote."""
    if prev is None or not _starts_sentence(p, ri):
        return False
    r = p.regions[ri]
    if ri == 0 and r.mark_start > len(p.text) - len(p.text.lstrip()) + 1:
        return False
    if any(c.speaker is not None for c in p.cues) and ri == 0:
        # the paragraph names a speaker of its own; only a quote running on continues
        prev_last = prev.regions[-1] if prev.regions else None
        return bool(prev_last is not None and prev_last.continues)
    return True


def _link_within_paragraph(p: Para, links: list[_Link | None]) -> None:
    """'"A," he said. "B."': a quoted sentence without a cue of its own belongs to the
    quote next to it in the same paragraph."""
    for ri, r in enumerate(p.regions):
        if links[ri] is not None or not _starts_sentence(p, ri) or not _sentence_like(p, r):
            continue
        chosen = None
        for j in range(ri - 1, -1, -1):
            link = links[j]
            if link is None or (link.name.startswith("content") and is_title_like(p, p.regions[j])):
                continue
            between = link.cue is not None and p.regions[j].mark_end <= p.doc[link.cue.verb].idx < r.mark_start
            if not link.embedded or between:
                chosen = link
            break
        if chosen is None:
            chosen = next(
                (link for link in links[ri + 1 : len(p.regions)] if link is not None and not link.embedded), None
            )
        if chosen is not None:
            own = _cue_between(p, chosen.cue, ri)
            if own is not None:  # '"A," he said, adding that ... "B."': B is the words of "adding"
                chosen = _Link(own, PARAGRAPH, False, PARAGRAPH.confidence)
            links[ri] = _Link(chosen.cue, PARAGRAPH, False, min(chosen.confidence, PARAGRAPH.confidence))


def _cue_between(p: Para, cue: Cue | None, ri: int) -> Cue | None:
    """A speech cue with a speaker after ``cue`` and before quoted sentence ``ri``, in the
    words since the quote before it: '"A," Lund said, adding that the budget was tight.
    "B."' makes B the words of *adding* (PolNeAR annotates them apart), '"A," she
    said, before her deputy broke in. "B."' the deputy's, and any speech cue in a sentence
    of its own ('"A," says Ruiz. She says X. "B."') the words of that cue."""
    if cue is None or cue.paragraph != p.index or ri == 0:
        return None
    lo = max(p.regions[ri - 1].mark_end, p.doc[cue.verb].idx + 1)
    hi = p.regions[ri].mark_start
    handover = wordlists.word_set("handover_cues")
    between = [
        c
        for c in p.cues
        if lo <= p.doc[c.verb].idx < hi
        and c.speaker is not None
        and c is not cue
        and not _infinitive(p, c)
        and (c.lemma in handover or _cue_of_its_own_sentence(p, cue, c))
    ]
    return between[-1] if between else None


def _infinitive(p: Para, cue: Cue) -> bool:
    """'... noting that the board chose to insist on an audit': a speech verb in an
    infinitive is part of what someone else reports, it hands nothing over."""
    verb = p.doc[cue.verb]
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _cue_of_its_own_sentence(p: Para, cue: Cue, other: Cue) -> bool:
    """A speech cue, not negated, in a sentence after the one of ``cue``: '"A," says Lund,
    a net maker. She says the ferries should run at night. "B."' makes B hers again."""
    doc = p.doc
    if any(c.dep_ == "neg" for c in doc[other.verb].children):
        return False
    # a stop the parse also ends a sentence with ('said Capt. Voss, who said ...' is one)
    return any(_is_terminator(t) and doc[t.i + 1].is_sent_start for t in doc[cue.verb + 1 : other.verb])


# --- reported speech -------------------------------------------------------------------

# Cues that report what someone said in the reporter's words ("X said (that) ...",
# "according to X, ..."). Naming verbs ("called it") and questions ("asked whether")
# report no content of their own.
_INDIRECT_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "warn",
        "insist",
        "claim",
        "argue",
        "explain",
        "announce",
        "acknowledge",
        "admit",
        "deny",
        "suggest",
        "write",
        "report",
        "according to",
        "state",
        "declare",
        "assert",
        "contend",
        "maintain",
        "predict",
        "promise",
        "pledge",
        "vow",
        "confirm",
        "reveal",
        "disclose",
        "concede",
        "stress",
        "emphasize",
        "emphasise",
        "reiterate",
        "allege",
        "assure",
        "caution",
        "complain",
        "tweet",
        "post",
        "recall",
        "remark",
        "reply",
        "respond",
        "agree",
        "observe",
        "point out",
        "counter",
        "signal",
        "hint",
        "testify",
    }
)


def reported_speech(paras: Sequence[Para], atts: Sequence[Attribution]) -> list[Attribution]:
    """Indirect quotes: cues with a reported clause that no quotation mark attributes."""
    used = {id(a.cue) for a in atts if a.cue is not None}
    found: list[Attribution] = []
    for p in paras:
        for cue in p.cues:
            if id(cue) in used or cue.speaker is None:
                continue
            lemma = "point out" if cue.lemma == "point" else cue.lemma
            if lemma not in _INDIRECT_LEMMAS:
                continue
            content = _according_content(p, cue) if cue.lemma == "according to" else cue.content
            if content is None or content[1] - content[0] < 8:
                continue
            if cue.lemma == "according to" and any(
                other is not cue
                and other.speaker is not None
                and other.lemma in _INDIRECT_LEMMAS
                and content[0] <= p.doc[other.verb].idx < content[1]
                for other in p.cues
            ):
                continue  # "X confirmed that ..., according to Z": X's words, relayed by Z
            if any(r.mark_start < content[1] and content[0] < r.mark_end for r in p.regions):
                continue  # quoted words in it: a direct or partial quote has it already
            rule = REPORTED_ACCORDING if cue.lemma == "according to" else REPORTED
            att = Attribution([], "indirect", cue, rule.confidence, rule.name, content=(p.index, *content))
            att.speaker = (p.index, *cue.speaker)
            if cue.speaker_head is not None:
                att.speaker_head = p.doc[cue.speaker_head].idx
            if cue.antecedent is not None:
                att.antecedent = (p.index, *cue.antecedent)
            att.via = _relay(paras, att)
            found.append(att)
    return found


def _according_content(p: Para, cue: Cue) -> tuple[int, int] | None:
    """'According to X, Y did Z' / 'Y did Z, according to X': the clause, without the
    'according to' phrase."""
    according = p.doc[cue.verb]
    head = according.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "... and sets up a committee, according to X": the whole clause
    if head is according or head.pos_ not in ("VERB", "AUX"):
        return None
    skip = {t.i for t in according.subtree}
    toks = [t for t in head.subtree if t.i not in skip and p.region_of[t.i] < 0]
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
