"""Speech cues in a parsed paragraph: "said", "told", "according to", "was quoted as
saying", and who they name as speaker, addressee and relaying outlet.

A cue is found on the spaCy parse of the paragraph (quoted words excluded: a "said"
inside a quote belongs to the quote). Its speaker is the verb's subject, taken from the
verb it hangs on when it has none of its own ("..., adding that" / "who said"), or from
after the verb ("said Chilean navy spokeswoman Ana Ferrer"); an apposition that no
comma closes before the verb is the speaker of a parenthetical report ('Lund, a senior aide
said, "is calm"': the aide).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

from ...lexicon import wordlists
from ...lexicon.names import is_post_nominal, is_title_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CharSpan = tuple[int, int]

# Dependents that make up the noun phrase naming a speaker; the others (appositions,
# relative clauses, prepositional phrases) describe them and are left out of the span.
_NP_DEPS = frozenset(
    {"compound", "amod", "det", "poss", "case", "nmod", "nummod", "flat", "quantmod", "predet", "nn", "prt"}
)
RELATIVE = frozenset({"who", "that", "which", "whom"})
# Nouns that stand for their author: "a statement from the White House said".
_DOCUMENT_NOUNS_FILE = "speaker_documents"
# Nouns for a recording: "footage of X saying" is X's.
_RECORDING_NOUNS_FILE = "speaker_recordings"
_SENDING_VERBS_FILE = "sending_verbs"


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return wordlists.word_set("speech_verbs")


@lru_cache(maxsize=1)
def fragment_cues() -> dict[str, frozenset[str]]:
    """The word lists of ``data/fragment_cues.json`` (name openers, characterising verbs,
    claim and title nouns), read once for the rules and the quote-span classifier."""
    table: dict[str, list[str]] = wordlists.data("fragment_cues")
    return {k: frozenset(v) for k, v in table.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def naming_verbs() -> frozenset[str]:
    return wordlists.word_set("naming_verbs")


@lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    return wordlists.word_set("report_verbs")


@lru_cache(maxsize=1)
def phrasal_verbs() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in wordlists.words("phrasal_speech_verbs"):
        verb, _, particle = line.partition(" ")
        table.setdefault(verb, set()).add(particle)
    return {k: frozenset(v) for k, v in table.items()}


@dataclass
class Cue:
    """One speech cue in one paragraph; spans are character spans in that paragraph."""

    paragraph: int
    verb: int  # token index of the cue word ("said", "according")
    start: int  # characters of the cue words
    end: int
    text: str  # as written: "said", "told", "according to"
    lemma: str  # "say", "tell", "according to", ":"
    speaker: CharSpan | None = None
    speaker_head: int | None = None  # token index of the speaker's head word
    addressee: CharSpan | None = None
    via: CharSpan | None = None
    content: CharSpan | None = None  # reported clause (its characters), if any
    antecedent: CharSpan | None = None  # what a relative pronoun speaker ("who said") stands for
    tokens: set[int] = field(default_factory=set)  # tokens of the cue and its speaker
    addressee_tokens: set[int] = field(default_factory=set)
    names_only: bool = False  # 'a website called "..."': a name nobody says, so no speaker

    @property
    def naming(self) -> bool:
        return self.lemma in naming_verbs()

    @property
    def reporting(self) -> bool:
        return self.lemma in report_verbs() or self.lemma == "according to"


def token_at(doc: "Doc", char: int) -> "Token | None":
    """The token starting at or after character ``char``."""
    # bisection: each doc[i] makes a Token object, so a scan would make one per word
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return doc[lo] if lo < len(doc) else None


def span_of(tokens: Sequence["Token"]) -> CharSpan:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _name_hyphen(tok: "Token") -> bool:
    """The hyphen inside a name ("Jean-Pierre", "Okafor-Bello", "Secretary-General"): the
    parser hangs it as punctuation, and without it the name would lose its first part."""
    doc = tok.doc
    return (
        tok.text in ("-", "\u2010", "\u2011")
        and not tok.whitespace_
        and 0 < tok.i < len(doc) - 1
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 1].text[:1].isupper()
        and doc[tok.i + 1].text[:1].isupper()
    )


def noun_phrase(head: "Token") -> list["Token"]:
    """The tokens naming ``head``: its compounds, determiners, possessors, titles."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ in _NP_DEPS or _name_hyphen(c)]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(
            c
            for c in t.children
            if c.dep_ in _NP_DEPS or c.dep_ in ("pobj", "prep") and t.dep_ == "poss" or _name_hyphen(c)
        )
    keep.sort(key=lambda t: t.i)
    # Contiguous around the head: a stray far token would make a span of half the sentence.
    lo = hi = keep.index(head)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    span = keep[lo : hi + 1]
    while span and span[0].is_punct:
        span = span[1:]
    while span and span[-1].is_punct and span[-1].text not in ("’", "'"):
        span = span[:-1]
    return span or [head]


def _conjuncts_span(head: "Token") -> list["Token"]:
    """'Trump and Pence said': the whole coordination names the speakers."""
    np = noun_phrase(head)
    conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if not conj:
        return np
    last = noun_phrase(conj[-1])
    doc = head.doc
    return list(doc[np[0].i : last[-1].i + 1])


def _subject(verb: "Token", quoted: Sequence[bool] | None = None) -> "Token | None":
    for c in verb.children:
        if quoted is not None and quoted[c.i]:
            continue  # a word of the quote is never its speaker
        if c.is_punct:
            continue  # a dash the tagger took for a noun ('― Berg boasted')
        if c.dep_ in ("nsubj", "csubj", "expl"):
            return None if c.dep_ == "expl" else _unclosed_apposition(verb, c)
    return None


def _unclosed_apposition(verb: "Token", subj: "Token") -> "Token":
    """'Lund, a senior aide said, "is calm"': an apposition with no comma closing it before
    the verb is the speaker of a parenthetical report, not a description of the subject."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not (doc[verb.i + 1].is_punct or doc[verb.i + 1].is_quote):
        return subj
    for a in subj.children:
        if a.dep_ == "appos" and subj.i < a.i < verb.i and a.right_edge.i + 1 == verb.i:
            if doc[subj.i + 1].text == "," and doc[a.left_edge.i - 1].text == ",":
                return a
    return subj


# Clauses whose subject is that of the verb they hang on ("adding that", "and said").
_HANGING_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "ccomp", "pcomp", "parataxis"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})


def inherited_subject(verb: "Token", depth: int = 0, quoted: Sequence[bool] | None = None) -> "Token | None":
    """The subject of a verb, or of the verb it hangs on when it has none: "adding
    that", "and said", "who said" (the relative pronoun), "noting ..., said"."""
    subj = _subject(verb, quoted)
    if subj is None and depth > 0:
        # "A lawsuit was filed ..., alleging that": the passive subject does the alleging
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None:
        return subj
    if depth > 3:
        return None
    if verb.dep_ == "relcl":
        return None if quoted is not None and quoted[verb.head.i] else verb.head
    if verb.dep_ in _HANGING_DEPS and verb.head is not verb:
        return _subject_from_head(verb, depth, quoted)
    return None


def _subject_from_head(verb: "Token", depth: int, quoted: Sequence[bool] | None) -> "Token | None":
    """The subject a hanging clause takes from the word it hangs on."""
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ in _NOMINAL:
        return _noun_clause_subject(verb, depth, quoted)
    if head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
        # "responded by calling him 'dopey' and accusing him"
        return inherited_subject(head.head, depth + 1, quoted)
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBN":
        return None  # "Asked about it, she said": the participle's subject is its object
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if _dashed_aside(head, verb) and head.head is not head:
        # 'marched past the stadium - where the club played - while chanting': the
        # clause between the dashes is an aside; the chanting is the marchers'
        return inherited_subject(head.head, depth + 1, quoted)
    outer = _report_over(verb) if depth == 0 else None
    if outer is not None:
        # "Byrne wrote the agents knew it, saying ...": Byrne is saying it
        return inherited_subject(outer, depth + 1, quoted)
    if depth == 0 and _second_report(verb):
        # "Byrne said the deal was signed and said, ...": the deal says nothing
        return inherited_subject(head.head, depth + 1, quoted)
    return inherited_subject(head, depth + 1, quoted)


def _noun_clause_subject(verb: "Token", depth: int, quoted: Sequence[bool] | None) -> "Token | None":
    """A clause on a noun: "ended the debate with a reference to X, remarking" (the
    subject remarks), or "a message reading" (the message, or who posted it)."""
    head = verb.head
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and prev is not None and prev.text == "," and head.head.pos_ in ("VERB", "AUX"):
        return inherited_subject(head.head, depth + 1, quoted)
    return _recorded(head) or _sender(head) or _document_owner(head)


def _sender(noun: "Token") -> "Token | None":
    """'emailed supporters saying', 'sent a message to supporters saying': the addressees
    of words sent do not say them; who sent them does."""
    if noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() in wordlists.word_set(_SENDING_VERBS_FILE):
        return _subject(noun.head)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to":
        return None
    documents = wordlists.word_set(_DOCUMENT_NOUNS_FILE)
    sent = prep.head  # "an email to supporters", or "sent (an email) to supporters"
    if sent.pos_ == "NOUN" and sent.lemma_.lower() in documents:
        owner = _document_owner(sent)
        return owner if owner is not sent else _document_author(sent)
    if sent.pos_ == "VERB" and (
        sent.lemma_.lower() in wordlists.word_set(_SENDING_VERBS_FILE)
        or any(c.dep_ == "dobj" and c.lemma_.lower() in documents for c in sent.children)
    ):
        return _subject(sent)
    return None


def _recorded(noun: "Token") -> "Token | None":
    """'footage of Lund saying': the one recorded speaks, not the recording."""
    if noun.lemma_.lower() not in wordlists.word_set(_RECORDING_NOUNS_FILE):
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.text[:1].isupper()):
                return pobj
    return None


_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})


def _dashed_aside(head: "Token", verb: "Token") -> bool:
    """Is the clause ``verb`` hangs on set off by dashes, and ``verb`` after the closing one?"""
    doc = head.doc
    opening = head.left_edge.i - 1
    if head.dep_ not in ("advcl", "relcl", "ccomp") or opening < 0 or doc[opening].text not in _DASHES:
        return False
    return any(t.text in _DASHES for t in doc[head.i + 1 : verb.i])


def _report_over(verb: "Token") -> "Token | None":
    """', saying' on the clause a speech verb reports: the speech verb, whose speaker says
    it. The reported clause may run on through verbs it hands to ('Byrne said Lund will
    have to choose, saying': *choose* hangs on *have*, which *said* reports)."""
    if verb.tag_ != "VBG" or not _after_comma(verb) or verb.head.lemma_.lower() in speech_verbs():
        return None  # 'Lund added, saying': whoever adds it says it
    head = verb.head
    while head.dep_ == "xcomp" and head.head is not head:
        head = head.head
    outer = head.head
    if head.dep_ == "ccomp" and outer is not head and outer.lemma_.lower() in speech_verbs():
        return outer
    return None


def _second_report(verb: "Token") -> bool:
    """'Byrne said the deal was signed and said, ...': a speech verb joined to the clause
    another speech verb reports is a second report of that verb's speaker (the parse
    hangs it on the reported clause)."""
    head = verb.head
    outer = head.head
    return (
        verb.dep_ == "conj"
        and verb.lemma_.lower() in speech_verbs()
        and head.dep_ == "ccomp"
        and outer is not head
        and outer.lemma_.lower() in speech_verbs()
    )


_CLOSING_MARKS = frozenset({'"', "\u201d", "\u2019", "'", "''"})


def _after_comma(tok: "Token") -> bool:
    """A comma right before the word, or inside the quote mark right before it
    ('could be "messy," adding')."""
    i = tok.i - 1
    while i > 0 and tok.doc[i].text in _CLOSING_MARKS:
        i -= 1
    return i >= 0 and i < tok.i and tok.doc[i].text == ","


def _named_apposition(head: "Token", quoted: Sequence[bool]) -> "Token | None":
    """The name in apposition to a described speaker ('the spokesman, Dmitry Peskov';
    'The Home Secretary, Ann Lee,': a capitalised title the tagger makes a proper noun)."""
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and is_title_head(head.text)):
        return None
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and not quoted[c.i] and c.i - head.i <= 8:
            return _before_post_nominal(c)
    return None


def antecedent_of(pronoun: "Token") -> CharSpan | None:
    """'letters that called him ...': the noun a relative pronoun stands for."""
    doc = pronoun.doc
    if pronoun.lower_ == "who" and pronoun.i >= 2 and doc[pronoun.i - 1].text == ",":
        # "comments from Nuland, who said": the name just before the comma, whatever
        # the parser attached the clause to
        name = doc[pronoun.i - 2]
        if name.pos_ == "PROPN":
            return span_of(noun_phrase(name))
    tok = pronoun.head
    for _ in range(4):
        if tok.dep_ == "relcl":
            return span_of(noun_phrase(tok.head))
        if tok.head is tok:
            break
        tok = tok.head
    return None


def _relative_document(pronoun: "Token") -> "Token":
    """'released a letter that says ...', 'a video that said': a relative *that* or
    *which* standing for a document speaks for who released it (the subject of the verb
    it is the object of), else for its author ('from X', 'X's'), else for the document
    itself, as a document does when it is the subject."""
    if pronoun.lower_ not in ("that", "which"):
        return pronoun
    tok = pronoun.head
    for _ in range(4):
        if tok.dep_ == "relcl":
            noun = tok.head
            if noun.lemma_.lower() not in wordlists.word_set(_DOCUMENT_NOUNS_FILE):
                return pronoun
            owner = _document_owner(noun)
            return owner if owner is not noun else _document_author(noun)
        if tok.head is tok:
            break
        tok = tok.head
    return pronoun


def _document_owner(noun: "Token") -> "Token":
    """'Trump posted a message reading "..."': the message speaks for who posted it (or
    for who the verb takes its subject from: 'is planning to reprint an editorial that')."""
    if noun.lemma_.lower() in wordlists.word_set(_DOCUMENT_NOUNS_FILE) and noun.dep_ == "dobj":
        owner = inherited_subject(noun.head)
        if owner is not None:
            return owner
    return noun


def _left_subject(verb: "Token", quoted: Sequence[bool]) -> "Token | None":
    """When the parse gives a verb no subject ('Clinton, exasperated, responded:'), the
    nearest subject before it in its sentence, outside quotes."""
    aside = _before_relative_aside(verb, quoted)
    if aside is not None:
        return aside
    start = verb.sent.start
    for i in range(verb.i - 1, start - 1, -1):
        t = verb.doc[i]
        if quoted[i]:
            break  # the quote it reports: the name just before the verb may still be there
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj") and t.tag_ in ("VBD", "VBZ", "VBP"):
            break  # another finite clause in between
    # "Capt. Nora J. Bell, a harbour spokeswoman in Gdansk, said": the name the
    # phrase just before the verb describes, however it was attached.
    j = verb.i - 1
    while j >= start and (verb.doc[j].is_punct or verb.doc[j].pos_ == "ADV"):
        j -= 1
    if j < start or quoted[j]:
        return None
    tok = verb.doc[j]
    for _ in range(6):
        if tok.i < verb.i and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG"):
            return tok
        if tok.head is tok or tok.head.i >= verb.i or tok.head.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
    return _name_after_quote(verb, quoted)


def _before_relative_aside(verb: "Token", quoted: Sequence[bool]) -> "Token | None":
    """'One dock worker, who like the rest asked not to be named, said': the parser
    often makes the aside the clause the verb reports, and leaves the verb no subject;
    the speaker is the noun before ', who' (past an adverb: 'Lund, meanwhile, who'), or
    before ', whose' ('Lund, whose firm builds ferries for the port, said')."""
    doc, start = verb.doc, verb.sent.start
    if verb.i - 1 <= start or doc[verb.i - 1].text != ",":
        return None
    for i in range(verb.i - 2, start + 1, -1):
        if quoted[i]:
            return None
        if doc[i].lower_ in ("who", "whose") and doc[i - 1].text == ",":
            k = i - 2
            while k > start and (doc[k].text == "," or doc[k].pos_ == "ADV"):
                k -= 1
            noun = doc[k]
            return noun if noun.pos_ in ("NOUN", "PROPN") and not quoted[k] else None
    return None


# How far a described name may stand before its verb: "'...,' Ms. Ilves, now 74 and
# living in Tartu, Estonia, said".
_MAX_DESCRIBED_NAME_GAP = 25


def _name_after_quote(verb: "Token", quoted: Sequence[bool]) -> "Token | None":
    """The name that opens the words between a quote and its verb, set off by a comma
    ("'...,' Mr. Dane, now 81 and retired, said"), with no finite verb in between."""
    doc = verb.doc
    i = verb.i - 1
    while i > verb.sent.start and not quoted[i - 1] and verb.i - i < _MAX_DESCRIBED_NAME_GAP:
        i -= 1
    while i < verb.i and (doc[i].is_punct or doc[i].is_quote):
        i += 1
    name: "Token | None" = None
    while i < verb.i and doc[i].pos_ == "PROPN":
        name, i = doc[i], i + 1
    if name is None or i >= verb.i or doc[i].text != "," or not quoted[max(verb.sent.start, name.i - 8)]:
        return None
    # a clause of its own in between ("Dane, Lund said") makes another speaker; a
    # description ("now 81 and retired", "who had won") does not
    for t in doc[i : verb.i]:
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if t.pos_ in ("VERB", "AUX") and subj is not None and subj.lower_ not in RELATIVE and subj.i != name.i:
            return None
    return name


# Inflected forms that are speech verbs even when the tagger calls them nouns ("the
# email read.", "..., Smith says.").
_VERB_FORMS = {
    "said": "say",
    "says": "say",
    "read": "read",
    "reads": "read",
    "tweeted": "tweet",
    "wrote": "write",
    "writes": "write",
    "told": "tell",
    "tells": "tell",
    "adds": "add",
    "added": "add",
    "notes": "note",
    "noted": "note",
    "asks": "ask",
    "asked": "ask",
    "asking": "ask",
    "saying": "say",
    "telling": "tell",
}
# Speech verbs only when they take no object: 'she continued, "..."' but not 'continued
# the talks'.
_INTRANSITIVE_ONLY = frozenset({"continue", "go", "conclude", "speak", "answer", "respond"})


def cue_lemma(tok: "Token") -> str:
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return tok.lemma_.lower()
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    after_name = prev is not None and prev.pos_ in ("PROPN", "PRON") and prev.tag_ != "PRP$"
    if tok.dep_ in ("ROOT", "conj", "ccomp", "appos") or after_name:
        if tok.lower_ in _VERB_FORMS:
            return _VERB_FORMS[tok.lower_]
        # "..., Bozell answers.": a verb the tagger took for a plural noun
        if after_name and tok.lower_.endswith("s") and tok.text[0].islower() and tok.tag_ in ("NNS", "NN", "VBZ"):
            for stem in (tok.lower_[:-1], tok.lower_[:-2]):
                if stem in speech_verbs():
                    return stem
    return tok.lemma_.lower()


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    return speech_verbs() | frozenset(phrasal_verbs())


# _may_be_speech_verb's answers by (lemma, lower-case form) hashes: the answer depends on the
# word only. Emptied when it holds this many words (a huge article's vocabulary).
_may_memo: dict[tuple[int, int], bool] = {}
_MAY_MEMO_SIZE = 50_000


def _may_be_speech_verb(tok: "Token") -> bool:
    """False when no lemma that :func:`cue_lemma` can give ``tok`` is in the speech-verb lists
    (its lemma, its form in _VERB_FORMS, its stem without -s or -es): almost every token, told
    apart here at the cost of a lookup per word rather than a walk of the parse per token."""
    key = (tok.lemma, tok.lower)
    found = _may_memo.get(key)
    if found is None:
        if len(_may_memo) >= _MAY_MEMO_SIZE:
            _may_memo.clear()
        words, low = _cue_words(), tok.lower_
        found = (
            tok.lemma_.lower() in words
            or low in _VERB_FORMS
            or (low.endswith("s") and (low[:-1] in words or low[:-2] in words))
        )
        _may_memo[key] = found
    return found


def _verb_like(tok: "Token", lemma: str) -> bool:
    """Tagged as a verb, or a verb form the tagger took for a noun ("..., Smith says.")."""
    return (
        tok.pos_ in ("VERB", "AUX")
        or tok.tag_.startswith("VB")
        or lemma != tok.lemma_.lower()
        or (tok.lower_ in _VERB_FORMS and lemma == _VERB_FORMS[tok.lower_])
    )


def _possessed_noun(tok: "Token", lemma: str, quoted: Sequence[bool]) -> bool:
    """'Trump's remarks': a noun after a possessive."""
    return tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("POS", "PRP$") and tok.tag_ in ("VBZ", "NNS")


def _transitive_use(tok: "Token", lemma: str, quoted: Sequence[bool]) -> bool:
    """'continued the talks': a verb that is a speech verb only without an object."""
    return lemma in _INTRANSITIVE_ONLY and (
        tok.tag_ not in _FINITE or any(c.dep_ in ("dobj", "xcomp", "attr") and not quoted[c.i] for c in tok.children)
    )


def _call_for(tok: "Token", lemma: str, quoted: Sequence[bool]) -> bool:
    """'called for', 'called on': a demand, not a quotation."""
    return lemma == "call" and any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "off", "up", "in") and c.i == tok.i + 1
        for c in tok.children
    )


def _so_called(tok: "Token", lemma: str, quoted: Sequence[bool]) -> bool:
    """'so-called': a name, nobody's words."""
    return lemma == "call" and tok.i > 0 and bool(re.search(r"\bso[- ]?$", tok.doc.text[max(0, tok.idx - 4) : tok.idx]))


# Uses of a verb-like word that are not speech, tried in order before the word lists.
NOT_SPEECH_RULES: tuple[tuple[str, Callable[["Token", str, Sequence[bool]], bool]], ...] = (
    ("possessed noun", _possessed_noun),
    ("transitive use of an intransitive cue", _transitive_use),
    ("call for / call on", _call_for),
    ("so-called", _so_called),
)


def _is_speech_verb(tok: "Token", quoted: Sequence[bool]) -> bool:
    if not _may_be_speech_verb(tok):
        return False
    lemma = cue_lemma(tok)
    # (the word lists first: most words are in neither, and the rules below walk the parse)
    particles = phrasal_verbs().get(lemma) if lemma not in speech_verbs() else None
    if lemma not in speech_verbs() and not particles:
        return False
    if not _verb_like(tok, lemma) or any(rule(tok, lemma, quoted) for _, rule in NOT_SPEECH_RULES):
        return False
    if particles:
        return bool(_particles(tok) & particles)
    return True


def _particles(tok: "Token") -> set[str]:
    """The words after a verb that may be its particle: a preposition with an object of its
    own is none ('the council goes on recess' is no *go on*)."""
    return {
        c.lower_
        for c in tok.children
        if c.dep_ in ("prt", "dobj", "advmod") or (c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children))
    }


_NAME_RUN_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM"})


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_INVERTIBLE_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _after_quote(prev: "Token", quoted: Sequence[bool]) -> bool:
    return prev.is_quote or prev.text in ("''", "\u201d", '"') or (prev.is_punct and quoted[prev.i])


def _may_invert(verb: "Token", quoted: Sequence[bool]) -> bool:
    """A finite speech verb right after a quote, a comma or a dash, that does not take a
    clause of its own after a comma ('..., said China has ...')."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc):
        return False
    if verb.tag_ not in _FINITE and verb.lower_ not in _VERB_FORMS:
        return False
    prev = doc[verb.i - 1]
    if _after_quote(prev, quoted):
        return True
    if prev.text not in (",", "\u2014", "\u2013", "--"):
        return False
    return not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _run_step(t: "Token", run: list["Token"]) -> str:
    """What a token does to the name run after an inverted verb: 'take' it, take it and
    'last' (a pronoun ends the run), or 'stop'."""
    doc = t.doc
    if t.ent_type_ in ("DATE", "TIME"):
        return "stop"
    if t.pos_ in _NAME_RUN_POS or (t.tag_ == "POS" and run) or (t.text in (".", "-") and run and t.whitespace_ == ""):
        return "take"
    if t.dep_ == "amod" and t.tag_ in ("VBN", "VBG"):
        return "take"  # "said retired surgeon Bo Lind"
    if t.lower_ == "of" and run and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper():
        return "take"  # Secretary of State John Kerry
    if t.pos_ == "PRON" and not run and t.lower_ in _INVERTIBLE_PRONOUNS:
        return "last"
    return "stop"


def _name_run(verb: "Token", quoted: Sequence[bool]) -> list["Token"]:
    """The words after the verb that may name its speaker, up to a quote, a date, a
    second determiner or a word that names nobody."""
    doc = verb.doc
    run: list["Token"] = []
    for i in range(verb.i + 1, len(doc)):
        t = doc[i]
        step = "stop" if quoted[i] else _run_step(t, run)
        if step == "stop":
            break
        run.append(t)
        if step == "last":
            break
        if t.pos_ == "DET" and len(run) > 1:
            run.pop()
            break
    while run and run[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        run.pop()
    return run


def inverted_speaker(verb: "Token", quoted: Sequence[bool]) -> list["Token"] | None:
    """'"...," said Chilean navy spokeswoman Ana Ferrer': after a quote or a
    comma, the noun phrase right after a finite speech verb is its speaker, however
    the parser attached it — unless it starts a clause ('said China has ...')."""
    if not _may_invert(verb, quoted):
        return None
    run = _name_run(verb, quoted)
    if not run:
        return None
    doc = verb.doc
    nxt = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("VERB", "AUX") or nxt.lower_ == "that") and nxt.dep_ != "appos":
        return None  # "said China has established": the subject of what was said
    return run


def _speaker_of(verb: "Token", quoted: Sequence[bool]) -> "Token | None":
    """The speaker's head token, from the parse."""
    lemma = cue_lemma(verb)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and not quoted[passive.i]:
        if lemma in ("quote", "cite"):
            return passive
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return pobj
        return None  # "she was told that": the subject heard it
    subj = inherited_subject(verb, quoted=quoted)
    if (subj is None or quoted[subj.i]) and verb.tag_ in _FINITE:
        # no subject, or the parser took words of a quoted title for it ('Flynn, a top
        # surrogate, said on "Fox and Friends."')
        subj = _left_subject(verb, quoted)
    if subj is not None and not quoted[subj.i]:
        return _before_post_nominal(subj)
    return None


def _before_post_nominal(head: "Token") -> "Token":
    """'Tom Day MP said': the parser heads the phrase with the letters after the name."""
    if head.i > 0 and head.is_upper and is_post_nominal(head.text):
        name = head.doc[head.i - 1]
        if name.pos_ == "PROPN" and name.ent_type_ == "PERSON":
            return name
    return head


def _document_author(head: "Token") -> "Token":
    """'a statement from the White House said' names the White House."""
    if head.lemma_.lower() not in wordlists.word_set(_DOCUMENT_NOUNS_FILE):
        return head
    for c in head.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                return pobj
    return _filed_by(head) or head


def _filed_by(head: "Token") -> "Token | None":
    """'a court document filed by the county attorney': who filed, wrote or released it."""
    for c in head.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def _addressee_of(verb: "Token") -> CharSpan | None:
    lemma = verb.lemma_.lower()
    objs = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if lemma in ("tell", "inform", "assure", "ask", "urge", "warn", "remind", "advise", "text", "email"):
        if objs:
            first, last = objs[0], objs[-1]
            toks = noun_phrase(first) + ([] if last is first else noun_phrase(last))
            toks.sort(key=lambda t: t.i)
            return span_of(list(verb.doc[toks[0].i : toks[-1].i + 1]))
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to" and lemma in ("say", "speak", "write", "explain", "complain", "talk"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return span_of(noun_phrase(pobj))
    return None


def _content_of(verb: "Token") -> CharSpan | None:
    """The reported clause: the verb's clausal complement with a subject of its own
    ("said (that) the talks failed"; not "agreed to go")."""
    for c in verb.children:
        if (
            c.dep_ == "ccomp"
            and c.i > verb.i
            and c.pos_ in ("VERB", "AUX")
            and any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in c.children)
        ):
            toks = [t for t in c.subtree]
            while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
                toks = toks[1:]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if toks:
                return span_of(toks)
    return None


def _via_of(verb: "Token") -> CharSpan | None:
    """'was quoted ... by Interfax news agency'."""
    if verb.lemma_.lower() in ("quote", "cite"):
        for c in verb.subtree:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return span_of(noun_phrase(pobj))
    return None


def find_cues(doc: "Doc", paragraph: int, quoted: Sequence[bool]) -> list[Cue]:
    """Every speech cue of one paragraph outside its quotes, in reading order: for each
    token, the first of :data:`CUE_RULES` that makes a cue of it."""
    finder = _CueFinder(doc, paragraph, quoted)
    cues: list[Cue] = []
    for tok in doc:
        if quoted[tok.i]:
            continue
        for _, rule in _rules_for(tok):  # (a loop, not next() over a generator: this runs per token)
            cue = rule(finder, tok)
            if cue is not None:
                cues.append(cue)
                break
    _share_participle_speakers(cues, doc)
    return cues


@dataclass
class _CueFinder:
    doc: "Doc"
    paragraph: int
    quoted: Sequence[bool]
    skip: set[int] = field(default_factory=set)  # "saying" of a "quoted as saying" already taken


def _according_to(f: _CueFinder, tok: "Token") -> Cue | None:
    """'according to X': X is the speaker (or the document's author)."""
    doc = f.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None and tok.i + 2 < len(doc):
        pobj = doc[tok.i + 2] if doc[tok.i + 2].pos_ in ("PROPN", "NOUN", "PRON") else None
    cue = Cue(f.paragraph, tok.i, tok.idx, to.idx + len(to.text), "according to", "according to")
    cue.tokens = {tok.i, to.i}
    if pobj is not None:
        author = _document_author(pobj)
        np = noun_phrase(author)
        named = _named_apposition(author, f.quoted)
        if named is not None:  # "the Russian news agency Tass"
            np = list(doc[np[0].i : noun_phrase(named)[-1].i + 1])
            author = named
        cue.speaker, cue.speaker_head = span_of(np), author.i
        cue.tokens |= {t.i for t in pobj.subtree}
    return cue


def _quoted_as(f: _CueFinder, tok: "Token") -> Cue | None:
    """'Peskov was quoted as saying': one cue, whose "saying" is not another."""
    if tok.i in f.skip:
        return None
    quoted_as = _quoted_as_saying(tok)
    if quoted_as is None:
        return None
    f.skip.add(quoted_as.i)
    return _quoted_as_cue(tok, quoted_as, f.paragraph, f.quoted)


def _speech_verb(f: _CueFinder, tok: "Token") -> Cue | None:
    """A speech verb ("said", "told", "tweeted"), its speaker by the first of
    :data:`SPEAKER_RULES` that finds one, its addressee, relay and reported clause."""
    if tok.i in f.skip or not _is_speech_verb(tok, f.quoted):
        return None
    lemma = cue_lemma(tok)
    if lemma in ("ask", "tell") and tok.tag_ == "VBN" and not any(c.dep_ in ("aux",) for c in tok.children):
        if _subject(tok) is None:
            return None  # "Asked about it, she said": not her speech
    cue = Cue(f.paragraph, tok.i, tok.idx, tok.idx + len(tok.text), tok.text, lemma)
    cue.tokens = {tok.i}
    for _, find_speaker in SPEAKER_RULES:
        if find_speaker(f, tok, cue):
            break
    cue.addressee = _addressee_of(tok)
    if cue.addressee is not None:
        cue.addressee_tokens = {t.i for t in tok.subtree if cue.addressee[0] <= t.idx < cue.addressee[1]}
    cue.via = _via_of(tok)
    cue.content = _content_of(tok)
    if cue.content and cue.speaker and cue.content[0] <= cue.speaker[0] < cue.content[1]:
        cue.content = None  # the parser took the speaker for a clause
    return cue


def _inverted(f: _CueFinder, tok: "Token", cue: Cue) -> bool:
    """'"...," said X': the speaker after the verb (not for verbs whose object is the addressee)."""
    run = inverted_speaker(tok, f.quoted) if cue.lemma not in _OBJECT_VERBS else None
    if run is None:
        return False
    head = next((t for t in reversed(run) if t.pos_ in ("PROPN", "NOUN", "PRON")), run[-1])
    cue.speaker, cue.speaker_head = span_of(run), head.i
    cue.tokens |= {t.i for t in run}
    return True


def _subject_speaker(f: _CueFinder, tok: "Token", cue: Cue) -> bool:
    """The verb's subject, or the named apposition of a document's author."""
    head = _speaker_of(tok, f.quoted)
    if head is None:
        return False
    head = _poll_of_share(tok, _relative_document(head))
    author = _document_author(head)
    np = _conjuncts_span(author)
    named = _named_apposition(author, f.quoted)
    if named is not None:
        # "the port authority's deputy director, Ola Dahl, said": the name
        name_np = noun_phrase(named)
        np = list(f.doc[np[0].i : name_np[-1].i + 1])
        author = named
    cue.speaker, cue.speaker_head = span_of(np), author.i
    cue.tokens |= {t.i for t in np} | {head.i}
    if head.lower_ in RELATIVE:
        cue.antecedent = antecedent_of(head)
    return True


_SHARE_WORDS = frozenset({"percent", "percentage", "%", "half", "third", "quarter", "majority", "minority"})


def _poll_of_share(verb: "Token", head: "Token") -> "Token":
    """'In a poll released on Monday, 40 percent said ...', 'The survey finds that 12
    percent say ...': a share of respondents speaks for the poll (poll_nouns.txt) that
    counted it, in the verb's *in* phrase or as the subject of the clause it reports."""
    if not (head.like_num or head.lower_ in _SHARE_WORDS):
        return head
    polls = wordlists.word_set("poll_nouns")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            poll = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in polls), None)
            if poll is not None:
                return poll
    if verb.dep_ == "ccomp":
        outer = _subject(verb.head)
        if outer is not None and outer.lemma_.lower() in polls:
            return outer
    return head


def _quote_follows(f: _CueFinder, tok: "Token") -> bool:
    """The name in quotes comes right after the participle ('called "...', 'called the "...')."""
    doc = f.doc
    i = tok.i + 1
    if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    return i < len(doc) and (f.quoted[i] or doc[i].is_quote)


def _naming_participle(f: _CueFinder, tok: "Token", cue: Cue) -> bool:
    """'a website called "Harbour Watch"', 'a podcast, dubbed "Tide Talk"': a naming verb
    as a participle on a noun, with no 'by X', names the noun; nobody says the name, so
    the cue has no speaker (and the later rules are not tried). PolNeAR gives such names no
    source (train: 5 quotes set right, none set wrong; docs/quotes.md, the sixth round)."""
    cue.names_only = (
        cue.lemma in naming_verbs()
        and tok.tag_ == "VBN"
        and tok.dep_ == "acl"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and all(t.is_punct for t in f.doc[tok.head.i + 1 : tok.i])  # right after its noun
        and tok.head.i < tok.i
        and _quote_follows(f, tok)  # 'one lawmaker called Berg "..."': an active verb misparsed
        and not any(
            c.dep_ in ("agent", "dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children
        )  # 'X, who ..., called Trump's remarks "..."' is X's, a misparsed active verb
    )
    return cue.names_only


def _fused_noun_phrase(f: _CueFinder, tok: "Token", cue: Cue) -> bool:
    """ "the email read.": the tagger made a noun phrase of subject and verb."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    left = [c for c in tok.children if c.i < tok.i and c.dep_ in _NP_DEPS and not f.quoted[c.i]]
    if not left:
        return False
    lo = min(t.i for c in left for t in c.subtree)
    np = [t for t in f.doc[lo : tok.i] if not t.is_punct]
    if not np:
        return False
    head = next((t for t in reversed(np) if t.pos_ in ("PROPN", "NOUN", "PRON")), np[-1])
    cue.speaker, cue.speaker_head = span_of(np), head.i
    cue.tokens |= {t.i for t in np}
    return True


# What makes a token a cue, in the order tried ("according to" is looked at even where
# a "quoted as saying" took the token).
CUE_RULES: tuple[tuple[str, Callable[[_CueFinder, "Token"], Cue | None]], ...] = (
    ("according to", _according_to),
    ("quoted as saying", _quoted_as),
    ("speech verb", _speech_verb),
)

# What a rule of CUE_RULES needs of the word itself (its lemma and form) to make a cue of it
# at all, by rule name: find_cues tries a rule only on the words its gate lets through,
# worked out once per word (_rules_for), where calling every rule on every token cost
# about 5% of the extraction's own time. A rule without a gate is tried on every token.
# (A gate must say True wherever its rule could find a cue: tests/test_speed_shortcuts.py.)
CUE_GATES: dict[str, Callable[["Token"], bool]] = {
    "according to": lambda tok: tok.lower_ == "according",
    "quoted as saying": lambda tok: tok.lemma_.lower() in ("quote", "cite"),
    "speech verb": lambda tok: _may_be_speech_verb(tok),
}
_rules_memo: dict[tuple[int, int], tuple[tuple[str, Callable[[_CueFinder, "Token"], Cue | None]], ...]] = {}
_rules_memo_of: list[object] = [None]  # the CUE_RULES the memo was worked out for


def _rules_for(tok: "Token") -> tuple[tuple[str, Callable[[_CueFinder, "Token"], Cue | None]], ...]:
    """The rules of CUE_RULES, in order, that may make a cue of ``tok``'s word."""
    if _rules_memo_of[0] is not CUE_RULES:  # rules set anew (a test, a caller): worked out again
        _rules_memo.clear()
        _rules_memo_of[0] = CUE_RULES
    key = (tok.lemma, tok.lower)
    rules = _rules_memo.get(key)
    if rules is None:
        if len(_rules_memo) >= _MAY_MEMO_SIZE:
            _rules_memo.clear()
        rules = tuple((name, rule) for name, rule in CUE_RULES if name not in CUE_GATES or CUE_GATES[name](tok))
        _rules_memo[key] = rules
    return rules


# Who a speech verb's speaker is, in the order tried: the first that finds one wins.
SPEAKER_RULES: tuple[tuple[str, Callable[[_CueFinder, "Token", Cue], bool]], ...] = (
    ("naming participle", _naming_participle),
    ("inverted", _inverted),
    ("subject", _subject_speaker),
    ("fused noun phrase", _fused_noun_phrase),
)


def _quoted_as_saying(tok: "Token") -> "Token | None":
    """'Peskov was quoted as saying' / 'Tass quoted Putin as saying': the "saying"."""
    if tok.lemma_.lower() not in ("quote", "cite") or tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.lower_ == "as":
            saying = next((g for g in c.children if g.lemma_.lower() in ("say", "tell", "write")), None)
            if saying is not None:
                return saying
    return None


def _quoted_as_cue(verb: "Token", saying: "Token", paragraph: int, quoted: Sequence[bool]) -> Cue:
    doc = verb.doc
    cue = Cue(
        paragraph,
        verb.i,
        verb.idx,
        saying.idx + len(saying.text),
        doc.text[verb.idx : saying.idx + len(saying.text)],
        "quote",
    )
    cue.tokens = {verb.i, saying.i}
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass" and not quoted[c.i]), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and not quoted[c.i]), None)
    speaker = passive or obj
    if speaker is not None:
        np = noun_phrase(speaker)
        cue.speaker, cue.speaker_head = span_of(np), speaker.i
        cue.tokens |= {t.i for t in np}
    if passive is None:
        relay = _subject(verb)
        if relay is not None and not quoted[relay.i]:
            cue.via = span_of(noun_phrase(relay))  # "Tass quoted Putin as saying"
    if cue.via is None:
        cue.via = _via_of(verb)
    return cue


# Verbs whose following noun phrase is their object, never an inverted speaker.
_OBJECT_VERBS = frozenset(
    {
        "tell",
        "inform",
        "assure",
        "urge",
        "remind",
        "advise",
        "call",
        "describe",
        "label",
        "dub",
        "term",
        "brand",
        "characterize",
        "characterise",
        "accuse",
        "praise",
        "blast",
        "slam",
        "criticize",
        "criticise",
        "mock",
        "thank",
        "hail",
        "question",
        "quote",
        "cite",
    }
)


def _share_participle_speakers(cues: list[Cue], doc: "Doc") -> None:
    """'saying ... and calling him "a feminist"': a participle cue without a speaker of
    its own shares the one of the participle cue before it in the sentence."""
    for k, cue in enumerate(cues):
        if cue.speaker is not None or doc[cue.verb].tag_ != "VBG":
            continue
        for prev in reversed(cues[:k]):
            if doc[prev.verb].sent.start != doc[cue.verb].sent.start:
                break
            if prev.speaker is not None and doc[prev.verb].tag_ == "VBG":
                cue.speaker, cue.speaker_head = prev.speaker, prev.speaker_head
                break


_LABEL_RE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{1,40}[A-Z.]):\s+\S")


def transcript_label(text: str) -> CharSpan | None:
    """'TRUMP: We will win' — the speaker label of a transcript line."""
    m = _LABEL_RE.match(text)
    if m and any(ch.isalpha() for ch in m.group(1)):
        return m.start(1), m.end(1)
    return None
