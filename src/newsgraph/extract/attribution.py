"""Link quoted stretches to the speech cues that attribute them.

Input: per paragraph, its spaCy Doc, its quote regions (quote_marks.py) and its cues
(cues.py). Output: :class:`Attribution` records — one per quote, holding its regions
(a quote broken by "he said" or running over paragraphs has several), its kind, its
cue and how sure the link is. Who the speaker *is* (an actor) is decided later, in
speakers.py; here only the words naming them are found.

The rules, in the order they are tried for each quoted stretch:

1. the frame after it in the same sentence: ``"...," he said`` / ``"...," said X``;
2. the frame before it: ``X said: "..."`` / ``X said "..."`` / ``X told Y, "..."``;
3. the reported clause around it: ``Putin described relations as "quite productive"``
   / ``He noted that "an arms race is ongoing"`` (a partial quote);
4. the other quoted stretches of its sentence, then of its paragraph, that have a cue
   (``"A," he said. "B."`` is one quote);
5. a colon ending the sentence or paragraph before it (``X issued a statement:``);
6. the quote of the previous paragraph, when this paragraph opens a quote and
   attributes nothing itself (the speaker goes on);
7. otherwise a full quoted sentence is a quote without a known speaker, and a short
   quoted phrase is a scare quote or a title: not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from . import wordlists
from .cues import RELATIVE, Cue, antecedent_of, find_cues, inherited_subject, noun_phrase, span_of, transcript_label
from .quote_marks import QuoteRegion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TERMINATORS = frozenset({".", "!", "?", ";", "…", "..."})
_OPEN_END = frozenset(",?!—–-…:;")
# Dependency labels by which a quoted stretch may hang below a cue and still be what
# the cue reports (not a circumstance like "said on CNN's 'State of the Union'").
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "advcl", "dep",
                           "parataxis", "conj", "npadvmod", "pcomp", "dative", "appos"})
_CONTENT_PREPS = frozenset({"as", "about", "of", "that", "with", "like", "to", "for"})
_MIN_UNATTRIBUTED_WORDS = 6


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

    def cue_at(self, token: int) -> Cue | None:
        return next((c for c in self.cues if c.verb == token), None)


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
    continued_from: "Attribution | None" = None
    members: list[int] = field(default_factory=list)

    @property
    def paragraph(self) -> int:
        if self.regions:
            return self.regions[0].paragraph
        return self.content[0] if self.content else 0


def build_para(index: int, text: str, doc: "Doc", regions: list[QuoteRegion]) -> Para:
    region_of = [-1] * len(doc)
    for ri, r in enumerate(regions):
        for tok in doc:
            if r.mark_start <= tok.idx < r.mark_end:
                region_of[tok.i] = ri
    quoted = [ri >= 0 and _token_in_content(doc[i], regions[ri]) for i, ri in enumerate(region_of)]
    cues = find_cues(doc, index, quoted)
    return Para(index, text, doc, regions, region_of, cues, transcript_label(text))


def _token_in_content(tok: "Token", region: QuoteRegion) -> bool:
    return region.start <= tok.idx < region.end


# --- frames --------------------------------------------------------------------------


def _is_terminator(tok: "Token") -> bool:
    return tok.text in _TERMINATORS or (tok.is_punct and tok.text.endswith((".", "!", "?")) and len(tok.text) <= 3)


def _region_tokens(p: Para, ri: int) -> list[int]:
    return [i for i, r in enumerate(p.region_of) if r == ri]


def _before_frame(p: Para, ri: int) -> list[int]:
    toks = _region_tokens(p, ri)
    if not toks:
        return []
    i = toks[0] - 1
    frame: list[int] = []
    while i >= 0 and p.region_of[i] < 0 and not _is_terminator(p.doc[i]):
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
    while i < len(p.doc) and p.region_of[i] < 0:
        frame.append(i)
        if _is_terminator(p.doc[i]):
            break
        i += 1
    return frame


def _sentence_tokens(p: Para, ri: int) -> list[int]:
    """The tokens of the sentence the quote stands in, other quotes included."""
    toks = _region_tokens(p, ri)
    if not toks:
        return []
    lo = toks[0]
    while lo > 0 and not (p.region_of[lo - 1] < 0 and _is_terminator(p.doc[lo - 1])):
        lo -= 1
    hi = toks[-1]
    while hi + 1 < len(p.doc) and not (p.region_of[hi] < 0 and _is_terminator(p.doc[hi])):
        hi += 1
    return list(range(lo, hi + 1))


def _open_ended(p: Para, r: QuoteRegion) -> bool:
    """Does the sentence go on after the quote ('"...," he said')?"""
    last = p.text[r.end - 1]
    after = p.text[r.mark_end:r.mark_end + 2].lstrip()
    if last in _OPEN_END or (after[:1] in (",", "—", "–")):
        return True
    return last.isalnum() or last in ")]’'\""


def _sentence_like(p: Para, r: QuoteRegion) -> bool:
    content = p.text[r.start:r.end].lstrip(".…[( ")
    return bool(content) and (content[0].isupper() or content[0].isdigit())


def _words(p: Para, r: QuoteRegion) -> int:
    return len(p.text[r.start:r.end].split())


def _ancestors(tok: "Token", limit: int = 12) -> list["Token"]:
    out = []
    while tok.head is not tok and len(out) < limit:
        out.append(tok)
        tok = tok.head
    out.append(tok)
    return out


def _region_head(p: Para, ri: int) -> "Token | None":
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
    head = _region_head(p, ri)
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


@dataclass
class _Link:
    cue: Cue | None
    rule: str
    embedded: bool
    confidence: float
    para: int = -1


def _embedded(p: Para, ri: int, cue: Cue | None, before: list[int]) -> bool:
    """Is the quote a fragment of a longer sentence (a partial quote)?"""
    r = p.regions[ri]
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
    verb = p.doc[cue.verb]
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and p.region_of[c.i] < 0 and c.i not in cue.tokens:
            if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
                return True
    return False


def link_paragraph(p: Para) -> list[_Link | None]:
    links: list[_Link | None] = [None] * len(p.regions)
    for ri, r in enumerate(p.regions):
        before = _before_frame(p, ri)
        after = _after_frame(p, ri)
        after_cues = [c for c in p.cues if c.verb in after]
        before_cues = [c for c in reversed(p.cues) if c.verb in before]
        open_end = _open_ended(p, r)
        embedded = _embedded(p, ri, None, before)
        # A partial quote inside a clause governed by a cue before it: that cue
        # ('Putin described relations as "quite productive," the AP reported').
        sentence = set(_sentence_tokens(p, ri))
        first_tok = min(_region_tokens(p, ri))
        governing = next((c for c in reversed(p.cues) if c.verb in sentence and c.verb < first_tok
                          and _governed_by(p, ri, c)), None)
        after_cue = after_cues[0] if after_cues else None
        # 1. '"...," X said' — the frame right after the quote
        if after_cue is not None and open_end and _bare_lead(p, after, after_cue) and \
                not _passive(p, after_cue) and not (embedded and governing is not None and after_cue.reporting):
            links[ri] = _Link(after_cue, "after", embedded, 0.95)
            continue
        # 2. 'X said: "..."' / 'X said "..."' / 'X told Y, "..."'
        adjacent = next((c for c in before_cues if _adjacent_before(p, before, c, r) and not _object_taken(p, c, r)), None)
        if adjacent is not None:
            links[ri] = _Link(adjacent, "before", _embedded(p, ri, adjacent, before), 0.95)
            continue
        # 3. ', he said,' / 'As X put it,' in the middle of the sentence
        paren = next((c for c in p.cues if c.verb in sentence and _parenthetical(p, c)), None)
        if paren is not None:
            links[ri] = _Link(paren, "parenthetical", embedded, 0.8)
            continue
        if governing is not None:
            links[ri] = _Link(_outermost(p, governing), "content", True, 0.8)
            continue
        # 3. ', X said.' at the end of the sentence the quote is part of
        if after_cue is not None and not _clausal_after(p, after_cue) and \
                (_final_attribution(p, after_cue) or (after_cue.lemma == "according to")):
            links[ri] = _Link(after_cue, "after-final", embedded, 0.85)
            continue
        # 4. a reported clause around the quote, the cue anywhere in the sentence
        for cue in after_cues:
            if _governed_by(p, ri, cue):
                links[ri] = _Link(_outermost(p, cue), "content", True, 0.75)
                break
        if links[ri] is not None:
            continue
        # 6. '"Finished sentence." X said.' (no comma before the closing mark)
        if after_cue is not None and not open_end and _bare_lead(p, after, after_cue) and \
                not _clausal_after(p, after_cue) and not _has_object(p, after_cue) and not _passive(p, after_cue):
            links[ri] = _Link(after_cue, "after-sentence", embedded, 0.8)
            continue
        # 7. 'Bolton thought the buzz was "artificially nourished"': the words are
        # quoted as someone's, and the clause says whose.
        if embedded and not is_title_like(p, r):
            pred = _predicate_cue(p, ri)
            if pred is not None:
                links[ri] = _Link(pred, "predicate", True, 0.5)
    _link_within_sentences(p, links)
    return links


_AGENT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})


def _agentive(tok: "Token") -> bool:
    """Can this subject be the source of words (a person, a group, a document)?"""
    if tok.lower_ in _AGENT_PRONOUNS:
        return True
    if tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        table = wordlists.data("speaker_descriptions")
        return lemma in table["person"] or lemma in table["organization"] or lemma in table["indefinite"] \
            or lemma in wordlists.word_set("speaker_documents")
    return False


def _predicate_cue(p: Para, ri: int) -> Cue | None:
    """The clause a quoted fragment belongs to, as a cue: its verb and its subject."""
    head = _region_head(p, ri)
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
                if poss is not None and _agentive(poss):
                    return _make_cue(p, tok, poss)  # "her remark that ..."
            if tok.pos_ in ("VERB", "AUX"):
                subj = inherited_subject(tok)
                if subj is None or p.region_of[subj.i] >= 0:
                    return None
                return _make_cue(p, tok, subj) if _agentive(subj) else None
        child, tok = tok, tok.head
    return None


def _make_cue(p: Para, verb: "Token", subj: "Token") -> Cue:
    np = noun_phrase(subj)
    known = p.predicates.get(verb.i)
    if known is not None:
        return known
    cue = Cue(p.index, verb.i, verb.idx, verb.idx + len(verb.text), verb.text, verb.lemma_.lower())
    cue.speaker, cue.speaker_head = span_of(np), subj.i
    cue.tokens = {verb.i} | {t.i for t in np}
    if subj.lower_ in RELATIVE:
        cue.antecedent = antecedent_of(subj)
    p.predicates[verb.i] = cue
    return cue


def _object_taken(p: Para, cue: Cue, r: QuoteRegion) -> bool:
    """'he wrote his first column on it, "..."': a cue with an object of its own (not
    an addressee) does not introduce the quote that follows."""
    verb = p.doc[cue.verb]
    if cue.lemma in ("tell", "ask", "inform", "assure", "urge", "warn", "remind", "advise", "put"):
        return False
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and p.region_of[c.i] < 0 and c.pos_ in ("NOUN", "PROPN") \
                and c.i not in cue.tokens:
            return True
    return False


def _outermost(p: Para, cue: Cue) -> Cue:
    """'Yepez said Perez was right to urge leaders "to stand up"': a cue inside what
    another speaker says is reported by that speaker; an outlet that merely relays
    ('the AP reported') does not take the quote over, nor does a cue the inner one
    only hangs on ('Fiorina said ..., adding that').
    """
    verb = p.doc[cue.verb]
    best = cue
    tok = verb
    for _ in range(8):
        if tok.head is tok:
            break
        child, tok = tok, tok.head
        outer = p.cue_at(tok.i)
        if outer is None:
            continue
        if child.dep_ not in ("ccomp", "xcomp", "dobj", "csubj", "oprd"):
            break
        if outer.speaker is not None and not outer.reporting and not outer.naming \
                and outer.lemma in ("say", "tell", "add", "write", "claim", "argue", "insist", "note"):
            best = outer
    return best if best.speaker is not None else cue


def _passive(p: Para, cue: Cue) -> bool:
    """'"birther" was mentioned by anchors': the quote is what was mentioned."""
    return cue.lemma not in ("quote", "cite") and any(c.dep_ == "auxpass" for c in p.doc[cue.verb].children)


def _has_object(p: Para, cue: Cue) -> bool:
    verb = p.doc[cue.verb]
    return any(c.dep_ in ("dobj", "ccomp", "xcomp") and p.region_of[c.i] < 0 and c.i not in cue.tokens
               for c in verb.children)


def _parenthetical(p: Para, cue: Cue) -> bool:
    """', he said,' / 'Instead, Trump told CNN, his policy ...' / 'As X put it,': a cue
    set off by commas inside the sentence it attributes."""
    if cue.speaker is None:
        return False
    toks = sorted(cue.tokens)
    addressee = [t.i for t in p.doc if cue.addressee and cue.addressee[0] <= t.idx < cue.addressee[1]]
    first, last = toks[0], max(toks + addressee)
    while last + 1 < len(p.doc) and p.doc[last + 1].dep_ in ("npadvmod", "advmod") and p.doc[last + 1].i - last < 3:
        last += 1  # "he said Tuesday,"
    if first == 0 or last + 1 >= len(p.doc) or last - first > 10:
        return False
    before, after = p.doc[first - 1], p.doc[last + 1]
    if after.text != ",":
        return False
    if before.text != "," and not (before.lower_ == "as" and (first - 1 == 0 or p.doc[first - 2].is_punct)):
        return False
    verb = p.doc[cue.verb]
    return not any(c.dep_ in ("ccomp", "dobj") and c.i > last for c in verb.children)


def _link_within_sentences(p: Para, links: list[_Link | None]) -> None:
    """Quoted stretches joined only by words like "and" share their neighbour's cue."""
    for ri in range(len(p.regions) - 1, -1, -1):
        if links[ri] is not None:
            continue
        after = _after_frame(p, ri)
        nxt = ri + 1
        if nxt < len(p.regions) and links[nxt] is not None and after and \
                not any(_is_terminator(p.doc[i]) for i in after) and len(after) <= 3:
            link = links[nxt]
            links[ri] = _Link(link.cue, link.rule + "+joined", link.embedded, link.confidence - 0.05)


def is_title_like(p: Para, r: QuoteRegion) -> bool:
    """'State of the Union', 'Gifted Hands': a short Title Cased name, not speech."""
    words = p.text[r.start:r.end].rstrip(",.").split()
    if not words or len(words) > 7:
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or", "is", "from"}
    caps = [w for w in words if w.lower() not in small]
    return bool(caps) and all(w[:1].isupper() or not w[:1].isalpha() for w in caps) and \
        not any(w.lower() in ("i", "we", "you", "my", "our") for w in words) and \
        not re.search(r"[.!?]$", p.text[r.start:r.end].rstrip(",")) and len(caps) >= 1


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


def _last_colon_cue(p: Para) -> Cue | None:
    return _colon_cue(p, len(p.doc))


def attribute(paras: Sequence[Para]) -> list[Attribution]:
    """Every quote of the article, in reading order."""
    links = [link_paragraph(p) for p in paras]
    for p, pl in zip(paras, links):
        _link_within_paragraph(p, pl)
    # Cross-paragraph: a quote running on, a colon, a speaker going on.
    for k, (p, pl) in enumerate(zip(paras, links)):
        for ri, r in enumerate(p.regions):
            if pl[ri] is not None:
                continue
            toks = _region_tokens(p, ri)
            colon = _colon_cue(p, toks[0]) if toks else None
            if colon is not None:
                pl[ri] = _Link(colon, "colon", False, 0.85)
            elif p.label is not None:
                pl[ri] = _Link(None, "label", False, 0.85)
    atts: list[Attribution] = []
    by_cue: dict[int, Attribution] = {}
    last_direct: Attribution | None = None  # the quote the previous paragraph ended with
    for k, (p, pl) in enumerate(zip(paras, links)):
        prev_para = paras[k - 1] if k > 0 else None
        ended_with: Attribution | None = None
        for ri, r in enumerate(p.regions):
            link = pl[ri]
            if link is None and last_direct is not None and ended_with in (None, last_direct) \
                    and _continues_speaker(p, ri, prev_para, last_direct):
                last_direct.regions.append(r)
                last_direct.confidence = min(last_direct.confidence, 0.8)
                ended_with = last_direct
                continue
            if link is None and ri == 0 and prev_para is not None and _starts_sentence(p, ri):
                colon = _last_colon_cue(prev_para)
                if colon is not None:
                    link = _Link(colon, "colon-paragraph", False, 0.8)
            if link is None:
                if _sentence_like(p, r) and _words(p, r) >= _MIN_UNATTRIBUTED_WORDS and _starts_sentence(p, ri):
                    att = Attribution([r], "direct", None, 0.3, "unattributed")
                    atts.append(att)
                    ended_with = att
                continue  # a scare quote or a title
            if link.cue is not None and link.rule in ("content", "content+joined") and is_title_like(p, r) \
                    and not link.cue.naming:
                continue
            key = id(link.cue) if link.cue is not None else -(k + 1)
            att = by_cue.get(key)
            if att is None:
                att = Attribution([], "partial" if link.embedded else "direct", link.cue, link.confidence, link.rule)
                if link.cue is None and p.label is not None:
                    att.speaker = (p.index, *p.label)
                by_cue[key] = att
                atts.append(att)
            elif link.embedded:
                att.kind = "partial"
            att.regions.append(r)
            ended_with = att
        last_direct = ended_with if ended_with is not None and _ends_with_quote(p) and \
            (ended_with.kind == "direct" or _quote_ends_paragraph(p)) else None
    for att in atts:
        if att.speaker is None and att.cue is not None and att.cue.speaker is not None:
            att.speaker = (att.cue.paragraph, *att.cue.speaker)
            if att.cue.antecedent is not None:
                att.antecedent = (att.cue.paragraph, *att.cue.antecedent)
    return atts


def _ends_with_quote(p: Para) -> bool:
    """Does the paragraph's last sentence hold a quote (so the next may go on with it)?"""
    if not p.regions:
        return False
    last = p.regions[-1]
    tail = p.text[last.mark_end:]
    return not re.search(r"[.!?]\s+[A-Z]", tail)


def _quote_ends_paragraph(p: Para) -> bool:
    return bool(p.regions) and not any(ch.isalnum() for ch in p.text[p.regions[-1].mark_end:])


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
        j = next((j for j in range(ri - 1, -1, -1) if links[j] is not None), None)
        chosen = None
        if j is not None:
            link = links[j]
            assert link is not None
            between = link.cue is not None and p.regions[j].mark_end <= p.doc[link.cue.verb].idx < r.mark_start
            if not link.embedded or between:
                chosen = link
        if chosen is None:
            chosen = next((links[k] for k in range(ri + 1, len(p.regions))
                           if links[k] is not None and not links[k].embedded), None)
        if chosen is not None:
            links[ri] = _Link(chosen.cue, "paragraph", False, min(chosen.confidence, 0.85))
