"""Who a speaker mention means: an actor of the article, found or made.

A mention whose head word lies in an actor's mention is that actor ("Russian President
Vladimir Putin" -> Putin; "Putin's adviser, Yuri Ushakov" -> Ushakov). A pronoun (he,
she, they, it) or a description (the president, the Russian leader, the spokesman, the
company) means an actor named before it that fits — gender and number for pronouns,
kind and titles for descriptions — preferring the *salient* ones: the subjects of main
clauses and the speakers of earlier cues, which is whom news writing goes on about.
Names inside quotes are never antecedents of the words around the quote.

A name no actor has yet becomes a new actor. Generic mentions ("a source",
"officials", "critics") name nobody in particular: the quote keeps its
``speaker_mention`` and its ``speaker`` stays empty.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ...lexicon import wordlists
from ...lexicon.gazetteer import gazetteer
from ...lexicon.lines import QUOTE_CHARS
from ...lexicon.names import given_name_gender, honorific, is_title_head, product_shaped, title_gender
from ...model import Actor, Article, Span, mint_id, normalise_name
from .cues import token_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Mention = tuple[int, int, int]  # paragraph, start, end

_NAME_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group", "FAC": "organization"}
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_INDEFINITE_DETS = frozenset(
    {
        "a",
        "an",
        "some",
        "several",
        "many",
        "one",
        "two",
        "three",
        "other",
        "another",
        "few",
        "most",
        "multiple",
        "numerous",
        "various",
    }
)
# Common nouns that name a relaying outlet by its proper name ("Interfax news agency").
_OUTLET_NOUNS = frozenset(
    {
        "agency",
        "newspaper",
        "paper",
        "network",
        "channel",
        "broadcaster",
        "outlet",
        "magazine",
        "wire",
        "service",
        "daily",
        "tabloid",
        "station",
        "website",
        "site",
    }
)
_MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis"})
# A speaker actor's name is a name: quote marks glued to it by the text ('"a farce."Syria')
# are no part of it, and a phrase with a year or a lower-case word ("mid-2019 refresh") is none.
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_BASED = re.compile(r"(?:,\s*[A-Z][\w.'’ ]*)?[-‑]based\b")
_BASED_REACH = 40
_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "al", "el", "bin", "ibn"}
)
# How far back (in paragraphs) an unknown-gender antecedent may be passed over for one
# whose gender is known to fit.
_GENDER_LOOKBACK = 2
# How far back (in paragraphs) a description with no fitting title may reach.
_DESCRIPTION_LOOKBACK = 2


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, dict]:
    return {k: v for k, v in wordlists.data("speaker_pronouns").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, frozenset[str]]:
    table = wordlists.data("speaker_descriptions")
    return {k: frozenset(v) for k, v in table.items() if not k.startswith("_")}


@dataclass(frozen=True)
class _Ref:
    """An actor mention as an antecedent: where, whom, and whether it is salient."""

    paragraph: int
    start: int
    end: int
    actor: str
    salient: bool


class SpeakerResolver:
    """Resolves mentions in reading order; actors it makes are added to ``actors``.

    ``quoted`` gives, per paragraph, the character ranges inside quotation marks;
    ``salient`` the mentions that are speakers of cues (they count as salient
    antecedents whether or not their actor was resolved yet).
    """

    def __init__(
        self,
        article: Article,
        docs: Sequence["Doc"],
        id_base: str,
        quoted: Sequence[Sequence[tuple[int, int]]] = (),
        salient: Iterable[Mention] = (),
    ) -> None:
        self.article = article
        self.docs = docs
        self.id_base = id_base
        self.quoted = [sorted(q) for q in quoted] + [[] for _ in range(len(article.body) - len(quoted))]
        self._quoted_starts = [[s for s, _ in q] for q in self.quoted]
        self._salient: dict[int, list[tuple[int, int]]] = {}
        for p, s, e in sorted(set(salient)):
            self._salient.setdefault(p, []).append((s, e))
        # Copies: the pass returns a new article and leaves its input alone. Shallow ones: the
        # resolver assigns an actor's fields anew (mentions, gender) and changes no list or
        # dict of one in place, and a deep copy of every actor cost about 4% of the stages' time.
        self.actors: list[Actor] = [a.model_copy() for a in article.actors]
        # Every actor mention outside quotes, in reading order (kept sorted as mentions
        # are added), and the mentions of each paragraph.
        self._refs: list[_Ref] = []
        self._ref_keys: list[tuple[int, int]] = []
        self._by_para: dict[int, list[tuple[int, int, Actor]]] = {}
        self._vocabs: dict[tuple[str, int, int], frozenset[str]] = {}
        for a in self.actors:
            for m in a.mentions:
                self._index(a, m)

    # --- public -------------------------------------------------------------------

    def resolve(self, mention: Mention, head: int | None = None) -> str | None:
        """The actor id ``mention`` means, or None; ``head`` is the character where
        the mention's head word starts (its last word when not given)."""
        toks = self._tokens(mention)
        if not toks:
            return None
        words = [t for t in toks if not t.is_punct]
        if not words:
            return None
        said = _Said(mention, words, head if head is not None else words[-1].idx)
        for _, rule in RESOLUTION_RULES:
            found = rule(self, said)
            if found is not None:
                return found.actor
        return None

    def organization(self, mention: Mention) -> str | None:
        """An outlet or organisation named by a mention (``via``, addressees):
        'the Russian news agency Tass', 'NBC News', 'the US embassy in Moscow'."""
        toks = self._tokens(mention)
        words = [t for t in toks if not t.is_punct]
        if not words:
            return None
        actor = self._containing(mention[0], words[-1].idx, mention)
        if actor is not None:
            return actor.id
        if words[-1].lower_ in _OUTLET_NOUNS:
            # "Interfax news agency", "the NTB news agency": the outlet is the name
            names = [t for t in words if t.pos_ == "PROPN"]
            if names:
                inner = self._containing(mention[0], names[-1].idx, mention)
                if inner is not None and inner.kind == "organization":
                    return inner.id
                return self._make("organization", _join(_name_tokens(words) or names), mention, []).id
        if words[-1].pos_ == "NOUN" and any(t.pos_ == "PROPN" for t in words):
            # "the US embassy": a common noun named by its owner is an organisation
            name = _join(t for t in words if t.lower_ not in _DETERMINERS)
            return self._make("organization", name, mention, []).id
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE") for t in words):
            return None
        return self._named(mention, words, default_kind="organization")

    # --- antecedents --------------------------------------------------------------------

    def _tokens(self, mention: Mention) -> list["Token"]:
        p, s, e = mention
        if p >= len(self.docs):
            return []
        first = token_at(self.docs[p], s)
        if first is None:
            return []
        out = []
        for t in self.docs[p][first.i :]:
            if t.idx + len(t.text) > e:
                break
            out.append(t)
        return out

    def _in_quote(self, p: int, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts[p], pos) - 1 if p < len(self.quoted) else -1
        return k >= 0 and pos < self.quoted[p][k][1]

    def _index(self, actor: Actor, m: Span) -> None:
        self._by_para.setdefault(m.paragraph, []).append((m.start, m.end, actor))
        if m.paragraph >= len(self.docs) or self._in_quote(m.paragraph, m.start):
            return
        key = (m.paragraph, m.start)
        k = bisect.bisect_right(self._ref_keys, key)
        self._ref_keys.insert(k, key)
        self._refs.insert(k, _Ref(m.paragraph, m.start, m.end, actor.id, self._is_salient(m)))

    def _before(self, p: int, s: int) -> list[_Ref]:
        """Antecedent candidates: mentions before (p, s), nearest first."""
        k = bisect.bisect_left(self._ref_keys, (p, s))
        return self._refs[:k][::-1]

    def _containing(self, p: int, head_char: int, mention: Mention) -> Actor | None:
        """The actor with a mention holding the head word (else none)."""
        best, best_len = None, 0
        for start, end, a in self._by_para.get(p, ()):
            if start <= head_char < end:
                ov = min(mention[2], end) - max(mention[1], start)
                if ov > best_len:
                    best, best_len = a, ov
        return best

    def _is_salient(self, m: Span) -> bool:
        """Is the mention a cue's speaker or the subject of a main clause?"""
        for s, e in self._salient.get(m.paragraph, ()):
            if s < m.end and m.start < e:
                return True
        for t in self._tokens((m.paragraph, m.start, m.end)):
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in _MAIN_DEPS:
                return True
        return False

    def _fits(self, actor: Actor, fit: dict) -> bool:
        if actor.kind not in fit["kinds"]:
            return False
        if fit.get("gender") and actor.gender and actor.gender != fit["gender"]:
            return False
        if fit.get("number") == "plural" and actor.kind == "person":
            return False
        if fit.get("number") == "singular" and actor.kind == "group":
            return False
        return True

    def _antecedent(self, mention: Mention, fit: dict) -> str | None:
        by_id = {a.id: a for a in self.actors}
        p, s, _ = mention
        fitting = [r for r in self._before(p, s) if r.actor in by_id and self._fits(by_id[r.actor], fit)]
        # The subject of the sentence the pronoun stands in ("The United States ...
        # condemned what it called ...").
        sentence_start = self._sentence_start(mention)
        same = [r for r in fitting if r.paragraph == p and r.start >= sentence_start and r.salient]
        if same:
            return same[-1].actor
        for pool in ([r for r in fitting if r.salient], fitting):
            chosen = self._prefer_gender(pool, by_id, fit.get("gender"))
            if chosen is not None:
                return chosen
        return None

    def _prefer_gender(self, pool: list[_Ref], by_id: dict[str, Actor], gender: str | None) -> str | None:
        if not pool:
            return None
        first = pool[0]
        if not gender or by_id[first.actor].gender == gender:
            return first.actor
        for r in pool[1:]:
            if first.paragraph - r.paragraph > _GENDER_LOOKBACK:
                break
            if by_id[r.actor].gender == gender:
                return r.actor
        return first.actor

    def _sentence_start(self, mention: Mention) -> int:
        p, s, _ = mention
        t = token_at(self.docs[p], s)
        return t.sent.start_char if t is not None else 0

    # --- descriptions, generic mentions, names --------------------------------------

    def _generic(self, words: list["Token"]) -> bool:
        head = words[-1]
        first = words[0].lower_
        if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in words):
            return False
        if first in _INDEFINITE_DETS:
            return True
        return (
            head.lemma_.lower() in _descriptions()["indefinite"]
            and head.tag_ == "NNS"
            and first not in _DETERMINERS
            and not any(t.dep_ == "poss" for t in words)
        )

    def _description(self, words: list["Token"]) -> str | None:
        if len(words) == 2 and words[0].lower_ == "the" and _one_of_a_people(words[1]):
            return "person"  # "The Australian claimed": the person just named
        listed = words[-1].lower_ in _descriptions()["person"] or words[-1].lower_ in _descriptions()["organization"]
        if words[-1].pos_ == "PROPN" and not listed:
            return None  # "the Putin government" is described; "the Kremlin" is listed
        if words[0].lower_ not in _DETERMINERS and not any(t.dep_ == "poss" for t in words):
            return None
        joined = " ".join(t.lower_ for t in words[1:])
        head = words[-1]
        for kind in ("person", "organization"):
            heads = _descriptions()[kind]
            if head.lemma_.lower() in heads or head.lower_ in heads or joined in heads:
                return kind
        return None

    def _described(self, mention: Mention, words: list["Token"], kind: str) -> str | None:
        by_id = {a.id: a for a in self.actors}
        head = words[-1].lower_
        modifiers = {t.lower_ for t in words[:-1] if t.lower_ not in _DETERMINERS and t.dep_ != "poss"}
        kinds = {"person"} if kind == "person" else {"organization", "country", "group"}
        if kind == "organization" and any(t.pos_ == "PROPN" for t in words[:-1]):
            # "the Biden government", "the Trump campaign": an organisation of its own
            name = _join(t for t in words if t.lower_ not in _DETERMINERS)
            return self._make("organization", name, mention, []).id
        p, s, _ = mention
        before = [r for r in self._before(p, s) if by_id[r.actor].kind in kinds]

        def titled(r: _Ref) -> bool:
            vocab = self._vocab(by_id[r.actor])
            return head in vocab or bool(modifiers and modifiers & vocab and head in _descriptions()["person"])

        for pool in ([r for r in before if r.salient], before):
            match = next((r for r in pool if titled(r)), None)
            if match is not None:
                return match.actor
        if kind == "organization":
            # "the Kremlin said", "the White House said": the name is the description.
            return self._named(mention, words, default_kind="organization")
        if words[-1].tag_ in ("NNS", "NNPS"):
            return None  # "the researchers": no one person
        # No title fits: the actor the text is about just now, if it is near.
        near = [r for r in before if r.salient and p - r.paragraph <= _DESCRIPTION_LOOKBACK]
        return near[0].actor if near else None

    def _vocab(self, a: Actor) -> frozenset[str]:
        """The words of an actor's name, aliases and titles ('Russian', 'President')."""
        key = (a.id, len(a.titles), len(a.aliases))
        found = self._vocabs.get(key)
        if found is None:
            described = " ".join(a.titles + ([a.description] if a.description else []) + a.aliases + [a.name])
            found = frozenset(re.findall(r"\w+", described.lower()))
            self._vocabs[key] = found
        return found

    def _named(self, mention: Mention, words: list["Token"], default_kind: str = "person") -> str | None:
        name_toks = _name_tokens(words)
        if not name_toks:
            return None
        named = self._name_of(name_toks, mention)
        if named is None:
            return None
        name, mention = named
        if words[0].lower_ in _DETERMINERS and product_shaped(name):
            return None  # "the iPod was an irresistible product": a thing says nothing
        key = normalise_name(name)
        for a in self.actors:
            if any(normalise_name(n) == key for n in [a.name, *a.aliases]):
                self._add_mention(a, mention)
                return a.id
        if len(name_toks) == 1:
            # A surname alone ("Putin") means the person named in full before.
            for a in self.actors:
                if a.kind == "person" and normalise_name(a.name).split("-")[-1] == key:
                    self._add_mention(a, mention)
                    return a.id
        kind, name = _kind_of(name_toks, default_kind, name)
        title = _join(t for t in words if t not in name_toks and t.lower_ not in _DETERMINERS and t.tag_ != "POS")
        actor = self._make(kind, name, mention, [title] if title else [])
        if actor.kind == "person" and actor.gender is None:
            # the same evidence the actors pass uses: Mr/Ms, gendered titles, given names
            gender = next((h["gender"] for t in words if (h := honorific(t.text)) and h.get("gender")), None)
            actor.gender = gender or (title_gender(title) if title else None) or given_name_gender(name_toks[0].text)  # type: ignore[assignment]  # the word lists hold "female"/"male"
        return actor.id

    def _name_of(self, name_toks: list["Token"], mention: Mention) -> tuple[str, Mention] | None:
        """The speaker's name and mention without quote marks glued to them; None when the
        words are no name, or name where a company is based ("the Harlow, Pennsylvania-based
        company said": a place, not the speaker)."""
        name = _join(name_toks).strip(QUOTE_CHARS)
        text = self.article.body[mention[0]].text
        if not _is_name(name) or _BASED.match(text[mention[2] : mention[2] + _BASED_REACH]):
            return None
        return name, _without_quote_marks(mention, text)

    def _make(self, kind: str, name: str, mention: Mention | None, titles: list[str]) -> Actor:
        aid = mint_id(kind, name, self.id_base)
        for a in self.actors:
            if a.id == aid:
                if mention is not None:
                    self._add_mention(a, mention)
                return a
        actor = Actor(
            id=aid,
            kind=kind,  # type: ignore[arg-type]  # an ActorKind: the kinds this module passes
            name=name,
            titles=titles,
            mentions=[Span(paragraph=mention[0], start=mention[1], end=mention[2])] if mention else [],
        )
        self.actors.append(actor)
        for m in actor.mentions:
            self._index(actor, m)
        return actor

    def _add_mention(self, actor: Actor, mention: Mention) -> None:
        p, s, e = mention
        if not any(m.paragraph == p and m.start < e and s < m.end for m in actor.mentions):
            span = Span(paragraph=p, start=s, end=e)
            actor.mentions = sorted([*actor.mentions, span], key=lambda m: (m.paragraph, m.start, m.end))
            self._index(actor, span)


@dataclass(frozen=True)
class _Said:
    """A speaker mention as the resolution rules read it."""

    mention: Mention
    words: list["Token"]  # its words, punctuation left out
    head_char: int  # where its head word starts


@dataclass(frozen=True)
class _Resolved:
    actor: str | None  # None: the rule decides that the mention names no actor


def _by_actor_mention(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """An actor mention of the actors stage holds the mention's head word."""
    actor = r._containing(said.mention[0], said.head_char, said.mention)
    return _Resolved(actor.id) if actor is not None else None


_TITLE_PREPOSITIONS = frozenset({"of", "for", "in", "at"})  # "leader in the Senate Shabnam Gilani"


def _by_titled_name(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """'Minister of Electricity Kgosientsho Ramokgopa told': the parse made the title
    the subject and hung the name on it after a preposition; the person so named speaks."""
    head = said.words[-1]
    if not is_title_head(head.text):
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _TITLE_PREPOSITIONS:
            continue
        for t in prep.subtree:
            if t.pos_ != "PROPN":
                continue
            p = said.mention[0]
            actor = r._containing(p, t.idx, (p, t.idx, t.idx + len(t)))
            if actor is not None and actor.kind == "person":
                return _Resolved(actor.id)
    return None


def _by_pronoun(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """'he', 'she', 'they': the antecedent that fits."""
    low = " ".join(t.lower_ for t in said.words)
    return _Resolved(r._antecedent(said.mention, _pronouns()[low])) if low in _pronouns() else None


def _by_represented(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """'a spokesman for Network Rail', 'a Downing Street spokeswoman', 'an ANC
    spokesperson': the organisation (or country) a nameless spokesperson speaks for."""
    head = said.words[-1]
    if head.lemma_.lower() not in _descriptions()["speaks_for"] and head.lower_ not in _descriptions()["speaks_for"]:
        return None
    named = [t for t in said.words[:-1] if t.pos_ == "PROPN"]
    if not named:
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        named = [t for t in pobj.subtree if t.pos_ == "PROPN"] if pobj is not None else []
    if not named:
        return None
    p = said.mention[0]
    where = (p, named[0].idx, named[-1].idx + len(named[-1]))
    actor = r._containing(p, named[-1].idx, where)
    if actor is not None and actor.kind in ("organization", "country", "group"):
        return _Resolved(actor.id)
    return _Resolved(r._named(where, named, default_kind="organization")) if actor is None else None


def _generic_speaker(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """'a source', 'officials': nobody in particular."""
    return _Resolved(None) if r._generic(said.words) else None


def _by_description(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """'the spokesman', 'the ministry': the actor so described."""
    kind = r._description(said.words)
    return _Resolved(r._described(said.mention, said.words, kind)) if kind is not None else None


def _by_name(r: SpeakerResolver, said: _Said) -> _Resolved | None:
    """A name the actors stage did not mark: its actor, made if need be."""
    if any(t.pos_ == "PROPN" for t in said.words) or any(t.ent_type_ in _NAME_KIND for t in said.words):
        return _Resolved(r._named(said.mention, said.words))
    return None


# Who a speaker mention means, in the order tried: the first rule that decides wins.
RESOLUTION_RULES: tuple[tuple[str, Callable[[SpeakerResolver, _Said], _Resolved | None]], ...] = (
    ("actor mention", _by_actor_mention),
    ("name after a title", _by_titled_name),
    ("pronoun", _by_pronoun),
    ("represented", _by_represented),
    ("generic", _generic_speaker),
    ("description", _by_description),
    ("name", _by_name),
)


def _name_tokens(words: list["Token"]) -> list["Token"]:
    """The name inside a mention: 'Russian government spokesman Dmitri Peskov' -> the
    last run of proper nouns ('Dmitri Peskov')."""
    run: list["Token"] = []
    for t in reversed(words):
        if t.pos_ == "PROPN" or (t.ent_type_ in _NAME_KIND and t.pos_ != "DET" and t.text[:1].isupper()):
            run.append(t)
        elif run:
            break
    run.reverse()
    # "Senator Maria Lopez": titles and honorifics go before the name, not in it.
    while len(run) > 1 and (honorific(run[0].text) or is_title_head(run[0].text)):
        run = run[1:]
    return run


def _is_name(name: str) -> bool:
    """Whether a speaker's words are a name: no quote mark inside, no year, every word
    capitalised (or a particle such as 'al' in 'al-Assad', or a brand such as 'eBay')."""
    if not name or any(ch in name for ch in '"“”„«»') or _YEAR.search(name):
        return False
    return all(any(ch.isupper() for ch in w) or w.casefold().split("-")[0] in _NAME_PARTICLES for w in name.split())


def _without_quote_marks(mention: Mention, text: str) -> Mention:
    """The mention without the quote marks glued to its ends."""
    p, s, e = mention
    while s < e and text[s] in QUOTE_CHARS:
        s += 1
    while e > s and text[e - 1] in QUOTE_CHARS:
        e -= 1
    return (p, s, e)


def _join(toks: Iterable["Token"]) -> str:
    """The words as written; a hyphen dropped between two of them ("Jean-Pierre") put back."""
    out: list[str] = []
    prev: "Token | None" = None
    for t in toks:
        if prev is not None and not prev.whitespace_:
            gap = prev.doc[prev.i + 1 : t.i]
            if len(gap) and all(g.text in ("-", "\u2010", "\u2011") and not g.whitespace_ for g in gap):
                out.append(gap.text)
        out.append(t.text_with_ws)
        prev = t
    return "".join(out).strip()


def _one_of_a_people(word: "Token") -> bool:
    """'Australian', 'Frenchman': one person of a people, named by the demonym."""
    return word.text[:1].isupper() and not word.text.endswith("s") and gazetteer().demonym(word.text) is not None


def _kind_of(name_toks: list["Token"], default: str, name: str) -> tuple[str, str]:
    """The kind of actor a name is, and its name: a country the actors pass did not find
    ("Syria said", "Oslo said" for its government) under the country's name."""
    state = gazetteer().country(name) or gazetteer().capital(name)
    if state is not None:
        return "country", state.name
    return _label_kind(name_toks, default), name


def _label_kind(name_toks: list["Token"], default: str) -> str:
    labels = [t.ent_type_ for t in name_toks if t.ent_type_ in _NAME_KIND]
    if not labels:
        return default
    kind = _NAME_KIND[max(sorted(set(labels)), key=labels.count)]
    if kind == "country" and not gazetteer().country(_join(name_toks)):
        # every country is in the gazetteer: a speaker the model calls a place and the
        # gazetteer does not know ("Ofwat said") is an institution
        return "organization"
    return kind
