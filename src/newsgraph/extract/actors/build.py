"""The actors pass: people, organisations, countries, groups and places, each mention a Span.

spaCy proposes names (:mod:`.entities`); this module decides what each name is, once
per article, and merges the ways an article names one actor:

1. Known names win over the model's label (:mod:`newsgraph.lexicon.gazetteer`): countries and their
   aliases (US, U.S., United States, America), seats of government (Kremlin), well-known
   organisations (Tass, Twitter), cities and regions. A capital is the country's
   government when it acts ("Moscow denies") and a city otherwise (:mod:`.places`).
2. Every other name gets one kind for the whole article (``KIND_RULES``, in order): an
   organisation word or cue ("newspaper Novaya Gazeta", "Ministry of Water", "Kestrel, a
   startup that ...") makes it an organisation; a road's or an estate's name ("Fox Run") an address; a one-word name
   whose every mention follows a place's cue ("in Tuscany", "the island of Giglio", "the
   capital, Pierre": ``place_cues.json``) a place; else a PERSON label
   anywhere, or a known given name, makes it a person; else the label most often given. A
   company's name with its suffix and without it ("Acme Co.", "Acme") is one name, and so
   is a political action committee's with its head and without it ("Our Principles PAC",
   "Our Principles"); products written like "the iPod" are no names at all, nor is a
   company's product named right after it that the model took for a person ("Google's
   Stadia", "Google Stadia") unless a mention says person or body; two organisations run together over "and" are split
   where the article names both sides alone, each ends in an organisation word, or the
   pair ends a list ("HGTV, Food Network and Travel Channel").
3. People: two people the model ran together over "and" are split first, and a surname
   it tagged alone as a city after a given name it never saw ("Ahanu Dallas" ...
   "Dallas said") takes the given name back; full names that share a surname and a
   compatible given name are one person (Dmitry/Dmitri Peskov); a surname alone
   ("Putin", even when tagged as a place) is the person of that surname mentioned last. Titles come from the words before a
   name and from an apposition after it, never from the name; the affiliation from the
   title ("Kremlin spokesman" -> Kremlin); gender from honorifics, gendered titles and
   the pronouns next to the person's mentions.
4. Every later occurrence of a name found once is a mention too, also where spaCy
   missed it; nothing in a photo credit is a mention, and nobody credited for a photo
   becomes an actor.

Actors the structure pass made (authors, agencies, publisher) are kept and merged with.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Literal, cast

from ...lexicon import outlets
from ...lexicon.gazetteer import gazetteer, key
from ...lexicon.language import non_english_reason
from ...lexicon.wordlists import data, word_set
from ...lexicon.written_dates import only_a_date
from ...lexicon.names import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    compatible_given,
    given_name_gender,
    honorific,
    is_given_name,
    is_org_cue,
    is_org_word,
    is_title_head,
    product_shaped,
    similar,
    surname,
    title_gender,
)
from ...model import Actor, ActorKind, Article, Place, PlaceKind, Provenance, Span, mint_id
from ..options import ExtractOptions
from ..story import dateline_at
from .entities import (
    COMPANY_SUFFIXES,
    MATCH_SCORE,
    POSSESSIVE,
    Candidate,
    Segment,
    candidates,
    given_name_before,
    make,
    segments,
    spelled_by,
    title_after,
    title_before,
)
from .places import capital_is_government, place_of

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# A match's score ("2-0", "115-111"), not a date's or a vote's digits run on.
# How alike two surnames must be to be one (Peskov, Peskow): difflib ratio.
SURNAME_SIMILARITY = 0.85

_LABEL_KIND = {
    "ORG": "organization",
    "PERSON": "person",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
_NAME_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "du",
        "del",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "dos",
        "das",
        "ter",
        "ten",
        "y",
    }
)

Gender = Literal["female", "male"]


@dataclass
class _Entity:
    kind: str  # an actor kind, or "place"
    name: str
    place_kind: str = "other"
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    mentions: dict[tuple[int, int, int], Candidate | None] = field(default_factory=dict)
    gender: Counter = field(default_factory=Counter)
    stated: bool = False  # a place the source states (its dateline), mentioned or not

    def add(self, c: Candidate, alias: str | None = None) -> None:
        self.mentions.setdefault((c.para, c.start, c.end), c)
        written = alias if alias is not None else c.text
        if written != self.name and written not in self.aliases:
            self.aliases.append(written)

    @property
    def first(self) -> tuple[int, int]:
        return min(((p, s) for p, s, _ in self.mentions), default=(1 << 30, 0))


class _Book:
    """The entities of one article, by (kind, name)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], _Entity] = {}

    def get(self, kind: str, name: str) -> _Entity:
        k = (kind, name)
        if k not in self.items:
            self.items[k] = _Entity(kind, name)
        return self.items[k]

    def place(self, name: str, kind: str, country: str | None) -> _Entity:
        e = self.get("place", name)
        if e.place_kind == "other" or (e.place_kind == "city" and kind != "city"):
            e.place_kind = kind
        e.country = e.country or country
        return e


# --- the pass ----------------------------------------------------------------------


def run(article: Article, options: ExtractOptions) -> Article:
    if not any(p.text.strip() for p in article.body):
        return _note(article, "actors: the body is empty, so no actors or places were extracted")
    reason = non_english_reason(article.text, options.language or article.language, forced=bool(options.language))
    if reason:  # the dateline's city is written the same in every language
        book = _Book()
        _dateline_place(article, book)
        if not book.items:
            return _note(article, f"actors: actors and places not extracted: {reason}")
        return _note(_build(article, book, options), f"actors: only the dateline's place extracted: {reason}")
    segs = segments(article, options.spacy_model)
    credited = _credited_names(article)
    cands = [
        c for s in segs for c in candidates(s) if not s.in_credit(c.start, c.end) and (not s.weak or _known(c.text))
    ]
    _as_the_source_states(cands, article)
    cands = _committees_named_short(_given_names_missed(_bodies_split(_pairs_split(cands))), segs)
    common = _common_nouns(cands, segs) | _products(cands) | _company_products(cands)
    common |= _made_things(cands) | _genera(cands) | _listed_titles(cands)
    cands = [c for c in cands if c.text not in common]
    acronyms = _acronyms(cands)
    book = _Book()
    unresolved = _resolve_known(cands, book)
    people = _resolve_names(unresolved, book, credited)
    _acronym_aliases(book, acronyms)
    _more_mentions(segs, book, people)
    _dateline_place(article, book)
    _drop_overlaps(book)
    _genders(segs, book)
    return _build(article, book, options)


def _as_the_source_states(cands: list[Candidate], article: Article) -> None:
    """A name of an organisation the source states (its provider, agency or publisher:
    'Automated Insights') is that organisation in the text too, whatever the model says."""
    bodies = {key(a.name) for a in article.actors if a.kind == "organization"}
    for c in cands:
        if c.label == "PERSON" and key(c.text) in bodies:
            c.label = "ORG"


def _pairs_split(cands: list[Candidate]) -> list[Candidate]:
    """ "starter Goff and Mahomes, whose ...", "Ama Owusu and Bram Visser": two people the
    model ran into one name over "and". Split where both sides are people the article names
    in full elsewhere (or their surnames), or where the model called the pair a person and
    each side is a full name; not "Procter and Gamble", whose sides nobody is."""
    people = {key(c.text) for c in cands if c.label == "PERSON" and len(c.text.split()) >= 2}
    people |= {key(surname(c.text)) for c in cands if c.label == "PERSON" and len(c.text.split()) >= 2}
    out: list[Candidate] = []
    for c in cands:
        doc = c.seg.doc
        k = next((t.i for t in doc[c.i + 1 : c.j - 1] if t.lower_ == "and"), None)
        if k is None:
            out.append(c)
            continue
        left, right = doc[c.i : k].text, doc[k + 1 : c.j].text
        full = c.label == "PERSON" and min(len(left.split()), len(right.split())) >= 2
        known = key(left) in people and key(right) in people
        if (full or known) and _name_shaped(left) and _name_shaped(right):
            out += [make(c.seg, c.i, k, "PERSON"), make(c.seg, k + 1, c.j, "PERSON")]
        else:
            out.append(c)
    return out


def _two_bodies(c: Candidate, alone: set[str], listed: bool) -> int | None:
    """The index of the "and" between two organisations the model ran into one name, or None:
    each side is a name, the whole is not a known one, and either the article names both
    sides alone ("Falcon Heavy and Starship"), or each ends in an organisation word, or the
    pair ends a list of names and each side has two words or more ("HGTV, Food Network and
    Travel Channel"). Not where only the right side ends in an organisation word
    ("Securities and Exchange Commission": the left is part of it), and not "Procter and
    Gamble", whose sides nobody is."""
    if c.label != "ORG" or "and" not in c.text.lower().split():
        return None
    doc = c.seg.doc
    k = next((t.i for t in doc[c.i + 1 : c.j - 1] if t.lower_ == "and"), None)
    if k is None or gazetteer().knows(c.text):
        return None
    left, right = doc[c.i : k].text, doc[k + 1 : c.j].text
    if not (_name_shaped(left) and _name_shaped(right)):
        return None
    if is_org_word(right.split()[-1]) and not is_org_word(left.split()[-1]):
        return None
    both_alone = key(left) in alone and key(right) in alone
    both_bodies = is_org_word(left.split()[-1]) and is_org_word(right.split()[-1])
    in_a_list = listed and min(len(left.split()), len(right.split())) >= 2
    return k if both_alone or both_bodies or in_a_list else None


def _next_to_and(c: Candidate) -> bool:
    """Whether ``c`` holds or touches an "and": "Customs" of a "Customs and Border
    Protection" the model cut in two is not that name used alone."""
    doc = c.seg.doc
    if c.i >= 1 and doc[c.i - 1].lower_ == "and" or c.j < len(doc) and doc[c.j].lower_ == "and":
        return True
    return "and" in c.text.lower().split()


def _bodies_split(cands: list[Candidate]) -> list[Candidate]:
    """ "HGTV, Food Network and Travel Network", "the Falcon Heavy and Starship": two
    organisations the model ran into one name over "and" are split (:func:`_two_bodies`)."""
    alone = {key(c.text) for c in cands if not _next_to_and(c)}
    ends = {(id(c.seg), c.j) for c in cands}
    out: list[Candidate] = []
    for c in cands:
        listed = c.i >= 2 and c.seg.doc[c.i - 1].text == "," and (id(c.seg), c.i - 1) in ends
        k = _two_bodies(c, alone, listed)
        if k is None:
            out.append(c)
        else:
            out += [make(c.seg, c.i, k, "ORG"), make(c.seg, k + 1, c.j, "ORG")]
    return out


def _says(c: Candidate) -> bool:
    """ "Dallas said", "said Dallas": the name is the subject of a verb of saying."""
    doc, speech = c.seg.doc, word_set("speech_verbs")
    return (c.j < len(doc) and doc[c.j].lemma_ in speech) or (c.i >= 1 and doc[c.i - 1].lemma_ in speech)


def _with_given_name(c: Candidate, speakers: set[str]) -> Candidate:
    """``c`` with the given name before it ("Dallas" -> "Ahanu Dallas"), or, for a given
    name tagged alone whose untagged next word is a surname that speaks ("Nuvola" of
    "Nuvola Ostrander"), with that surname; else ``c``."""
    if c.label == "NORP":
        return c
    if key(c.text) in speakers and given_name_before(c):
        return make(c.seg, c.i - 1, c.j, "PERSON")
    doc = c.seg.doc
    after = doc[c.j] if c.j < len(doc) and c.j - c.i == 1 else None
    if (
        after is not None
        and not after.ent_type
        and key(after.text) in speakers
        and given_name_before(make(c.seg, c.j, c.j + 1, ""))
    ):
        return make(c.seg, c.i, c.j + 1, "PERSON")
    return c


def _given_names_missed(cands: list[Candidate]) -> list[Candidate]:
    """ "Ahanu Dallas, who runs a boatyard, ..." and later "Dallas said": the model tagged only
    the surname, as a city or a body, and left a given name it never saw untagged. A one-word
    name that the article has speak alone, after an untagged name word, is a person's surname
    there, and the two words the person's name (so that "Dallas said" is that person too)."""
    speakers = {key(c.text) for c in cands if len(c.text.split()) == 1 and _says(c)}
    if not speakers:
        return cands
    joined = [_with_given_name(c, speakers) for c in cands]
    starts = {(c.para, c.start) for c, old in zip(joined, cands) if c is not old}
    return [c for c in joined if (c.para, c.start) not in starts or c.label == "PERSON" and " " in c.text]


def _surnames_in_full(cands: list[Candidate]) -> set[str]:
    """The last words of the names the model tagged as people of two words or more ("Rice" of
    "Susan Rice"): a name alone that is one of them is that person's."""
    return {c.text.split()[-1] for c in cands if c.label == "PERSON" and len(c.text.split()) >= 2}


def _titled_or_known(c: Candidate) -> bool:
    """A title or an honorific right before the name, or a name the gazetteer knows."""
    before = c.seg.doc[c.i - 1].text if c.i >= 1 else ""
    return is_title_head(before) or honorific(before) is not None or gazetteer().knows(c.text)


def _common_nouns(cands: list[Candidate], segs: list[Segment]) -> set[str]:
    """'Plague', 'Duvet', 'Benchmark', 'Street': one capitalised word the model took for a
    person, a body or a place that the article also writes in lower case is a noun at the
    start of a sentence or a heading. Not a known name, an outlet, a given name, nor a surname the article
    gives in full ('Rice' of 'Susan Rice')."""
    g = gazetteer()
    surnames = _surnames_in_full(cands)
    words = {
        c.text
        for c in cands
        if c.label in ("PERSON", "ORG", "GPE", "LOC")
        and c.text.isalpha()
        and c.text.istitle()
        and c.text not in surnames
        and not (g.knows(c.text) or outlets.lookup(c.text) or is_given_name(c.text))
    }
    if not words:
        return set()
    text = "\n".join(s.text for s in segs)
    return {w for w in words if re.search(rf"\b{re.escape(w.casefold())}\b", text)}


_PRODUCT_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "my", "your", "our", "new", "first"})


def _products(cands: list[Candidate]) -> set[str]:
    """ "the iPod was an irresistible product", "Apple's iPad": a name written like a
    product's ("iPod", "eReader") that the article puts after an article, a possessive or
    "new" is a thing, not an actor, nor a quote's speaker (a company so written, "eBay",
    never takes "the"; a known organisation stays)."""
    found = set()
    for c in cands:
        if not product_shaped(c.text) or gazetteer().org(c.text) or outlets.lookup(c.text):
            continue
        doc = c.seg.doc
        before = doc[c.i - 1] if c.i >= 1 else None
        after = doc[c.j] if c.j < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN"):
            continue  # "the eBay auction": the name of whoever runs it, before the thing
        if before is not None and (before.lower_ in _PRODUCT_DETERMINERS or before.tag_ == "POS"):
            found.add(c.text)
    return found


def _a_known_company(c: Candidate) -> bool:
    """Whether ``c`` names a company that may own a product glued to it: a known organisation
    or outlet (before a possessive, any name the model tagged as a body, not a country, may)."""
    return bool(gazetteer().org(c.text) or outlets.lookup(c.text))


def _after_a_company(c: Candidate, owners: set[tuple[int, int]], glued: set[tuple[int, int]]) -> bool:
    """ "Google's Stadia", "Google Stadia", "the Verge's Stadia review": ``c`` right after a
    company's name, through a possessive or glued to it (or in one name with it)."""
    doc, words = c.seg.doc, c.text.split()
    if c.label == "PERSON" and len(words) >= 2 and gazetteer().org(words[0]) and not is_given_name(words[1]):
        return True  # "Google Lumora" tagged as one person
    where = id(c.seg)
    owned = c.i >= 1 and doc[c.i - 1].text in POSSESSIVE and (where, c.i - 1) in owners
    return owned or (where, c.i) in glued


def _an_actor_sign(c: Candidate, surnames: set[str]) -> bool:
    """What says a name is a person's or a body's, not a product's (see :func:`_company_products`)."""
    words = c.text.split()
    full_name = c.label == "PERSON" and len(words) >= 2 and not gazetteer().org(words[0])
    if full_name or is_given_name(words[0]) or c.text in surnames:
        return True
    # One that speaks is kept: the quotes pass makes a speaker of a cue's subject anyway
    # ("Alphabet's Wemble said"), and from the words with the possessive if no actor is there.
    if _org_evidence(c) or _says(c):
        return True  # "defence firm Samsung Techwin" is a unit of Samsung, no product
    return _titled_or_known(c)


def _company_products(cands: list[Candidate]) -> set[str]:
    """ "Google's Stadia will be the Netflix of games", "Google Stadia launches": a name the
    article puts right after a company's, through a possessive or glued to a known one, and
    that the model takes for a person, is the company's product or service, no actor and
    no quote's speaker (one it takes for a body, "NASA's Jet Propulsion Laboratory", is
    left alone: schools, units and subsidiaries are written so too); unless a mention
    says person or body (:func:`_an_actor_sign`): a full name tagged a person, a given name
    first, the surname of someone named in full, an organisation word or cue, a title or an
    honorific before it, a verb of saying ("Alphabet's Wemble said"), a known name."""
    glued = {(id(c.seg), c.j) for c in cands if _a_known_company(c)}
    owners = glued | {(id(c.seg), c.j) for c in cands if c.label == "ORG" and not gazetteer().country(c.text)}
    found = {c.text for c in cands if _after_a_company(c, owners, glued)}
    found &= {c.text for c in cands if c.label == "PERSON"}  # a body's unit or site is left as the model read it
    if not found:
        return set()
    surnames = _surnames_in_full(cands)
    signed = {c.text for c in cands if c.text in found and _an_actor_sign(c, surnames)}
    return found - signed


def _genus(c: Candidate) -> str | None:
    """The genus of a Latin species name at ``c``, the name or its first word ("Yersinia" of
    "the bacteria Yersinia pestis", "the Yersinia pestis bacterium"): a capitalised word,
    its species after it in lower case, and a noun of living kinds (``taxon_nouns``) right
    before or after the pair."""
    doc, k = c.seg.doc, c.i + 1
    if k >= len(doc) or not (doc[k].is_lower and doc[k].is_alpha and len(doc[k]) >= 3) or c.j > k + 1:
        return None
    taxa = word_set("taxon_nouns")
    before = doc[c.i - 1].lower_ if c.i >= 1 else ""
    after = doc[k + 1].lower_ if k + 1 < len(doc) else ""
    return doc[c.i].text if before in taxa or after in taxa else None


def _genera(cands: list[Candidate]) -> set[str]:
    """ "the bacteria Yersinia pestis ... Yersinia pestis also causes": a genus the article
    names next to a noun of living kinds once (:func:`_genus`) is no place and no actor
    anywhere in it, alone or with its species."""
    found = {g for c in cands if (g := _genus(c))}
    return {c.text for c in cands if c.text.split()[0] in found}


_LIST_SPLIT = re.compile(r"\s*(?:[,;:]\s*(?:and\s+|or\s+)?|\s+and\s+)")
_NUMBERED_TITLE = re.compile(r"[A-Z].*\s\d{1,4}")  # "Farm Tycoon 2021", "Racer 3"
_PLAIN_TITLE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)*")  # "Moss", "Castlewood"
_TITLES_NUMBERED = 3  # items with a year or a sequel's number that make a list one of titles
_NUMBERS = re.compile(r"\d+")


def _may_list_titles(text: str) -> bool:
    """Whether a paragraph may hold a list of titles: three numbers, and the separators of four
    items (a cheap test first: most paragraphs hold none)."""
    return sum(text.count(s) for s in ",;:") >= 2 and len(_NUMBERS.findall(text)) >= _TITLES_NUMBERED


def _titles_listed(sent: str) -> frozenset[str]:
    """The items of a list of titles in ``sent``: one that runs at least three items ending
    in a year or a sequel's number ("Farm Tycoon 2021, Moss, Racer 3, Jumbo, Dance Party
    2020") among others without one; a line of results, every item numbered ("Portland 5,
    Toledo 3, Omaha 7"), is none."""
    items = [i.strip(" .") for i in _LIST_SPLIT.split(sent) if i.strip(" .")]
    numbered = [i for i in items if _NUMBERED_TITLE.fullmatch(i)]
    plain = [i for i in items if _PLAIN_TITLE.fullmatch(i) and not _NUMBERED_TITLE.fullmatch(i)]
    if len(numbered) < _TITLES_NUMBERED or not plain:
        return frozenset()
    return frozenset(numbered + plain)


def _listed_titles(cands: list[Candidate]) -> set[str]:
    """ "They include: Farm Tycoon 2021, Moss, Racer 3, Jumbo, Dance Party 2020 and Rally 4": a
    name that is an item of a list of games', books' or shows' titles (:func:`_titles_listed`),
    or opens one ("Dance Party" of "Dance Party 2020"), is a title, no actor and no place;
    not a name the gazetteer or the outlets know."""
    found: set[str] = set()
    lists: dict[int, list[tuple[int, int, frozenset[str]]]] = {}  # a segment's lists, read once
    for c in cands:
        if not c.label:
            continue
        if id(c.seg) not in lists:
            lists[id(c.seg)] = _title_lists(c.seg)
        for start, end, items in lists[id(c.seg)]:
            if start <= c.i < end and any(c.text == i or i.startswith(c.text + " ") for i in items):
                found.add(c.text)
    return {t for t in found if not (gazetteer().knows(t) or outlets.lookup(t))}


def _title_lists(seg: Segment) -> list[tuple[int, int, frozenset[str]]]:
    """The sentences of a segment that hold a list of titles (their token bounds) and its items;
    most paragraphs fail the cheap test on their text first (:func:`_may_list_titles`)."""
    if not _may_list_titles(seg.text):
        return []
    found = [(sent.start, sent.end, _titles_listed(sent.text)) for sent in seg.doc.sents]
    return [f for f in found if f[2]]


def _a_made_thing(c: Candidate) -> bool:
    """ "the Chrome browser", "the 737 Max jet": right before a noun of a made thing
    (``made_things``); "the lunar Gateway": after an article and an adjective in lower case,
    ending the phrase."""
    doc = c.seg.doc
    after = doc[c.j] if c.j < len(doc) else None
    if _before_a_made_noun(c):
        return True
    if c.j - c.i != 1 or c.i < 2 or (after is not None and after.pos_ in ("NOUN", "PROPN")):
        return False
    return doc[c.i - 1].is_lower and doc[c.i - 1].pos_ == "ADJ" and doc[c.i - 2].lower_ in ("the", "a", "an")


def _a_person_sign(c: Candidate, surnames: set[str]) -> bool:
    """What says a name is a person's after all (see :func:`_made_things`)."""
    if c.label == "PERSON" and len(c.text.split()) >= 2 or c.text in surnames or _says(c):
        return True
    return _titled_or_known(c)


def _made_things(cands: list[Candidate]) -> set[str]:
    """ "the Chrome browser", "the lunar Gateway": a name the model took for a person that the
    article puts before a noun of a made thing, or after an article and an adjective at the
    end of a phrase (:func:`_a_made_thing`), is a product or a machine, no actor; unless a
    mention says person (:func:`_a_person_sign`: a full name, the surname of someone named
    in full, a verb of saying, a title or honorific before it, a known name), or, after an
    adjective, the name is a given name ("the young Andrew")."""
    found = {c.text for c in cands if c.label == "PERSON" and _a_made_thing(c)}
    if not found:
        return set()
    surnames = _surnames_in_full(cands)
    signed = {c.text for c in cands if c.text in found and _a_person_sign(c, surnames)}
    before_a_noun = {c.text for c in cands if c.text in found and _before_a_made_noun(c)}
    given = {t for t in found - before_a_noun if is_given_name(t.split()[0])}
    return found - signed - given


def _before_a_made_noun(c: Candidate) -> bool:
    """ "the Chrome browser": right before a noun of a made thing (``made_things``)."""
    doc = c.seg.doc
    return c.j < len(doc) and doc[c.j].is_lower and doc[c.j].lower_ in word_set("made_things")


def _acronyms(cands: list[Candidate]) -> dict[int, str]:
    """'the Kenya Ports Authority (KPA)': the letters in brackets after a name are that
    name; every mention of them is renamed to it. Returns the renamed mentions' letters
    by candidate id, for the aliases."""
    long: dict[str, Candidate] = {}
    for a in cands:
        doc = a.seg.doc
        if a.j + 2 < len(doc) and doc[a.j].text == "(" and doc[a.j + 2].text == ")":
            letters = doc[a.j + 1].text  # a name of its own or not: the model often leaves it untagged
            if spelled_by(a.text, letters):
                long.setdefault(key(letters), a)
    renamed: dict[int, str] = {}
    for c in cands:
        if key(c.text) in long:
            renamed[id(c)] = c.text
            c.text, c.label = long[key(c.text)].text, long[key(c.text)].label  # "ISIL" is no place
    return renamed


def _acronym_aliases(book: _Book, renamed: dict[int, str]) -> None:
    for e in book.items.values():
        for c in e.mentions.values():
            letters = renamed.get(id(c)) if c is not None else None
            if letters and letters not in e.aliases and letters != e.name:
                e.aliases.append(letters)


def _note(article: Article, note: str) -> Article:
    prov = article.provenance or Provenance()
    if note in prov.notes:
        return article
    return article.model_copy(update={"provenance": prov.model_copy(update={"notes": [*prov.notes, note]})})


def _known(name: str) -> bool:
    """On a heading or furniture line only names the gazetteer knows are trusted."""
    return gazetteer().knows(name)


def _credited_names(article: Article) -> set[str]:
    """Everyone named in a media credit ('Lena Hofbauer/Pool/Keystone via Getty Images')."""
    names: set[str] = set()
    for m in article.media:
        for part in re.split(r"/|,|;|\bvia\b|\band\b|\bfor\b", m.credit or "", flags=re.I):
            part = re.sub(r"\b(?:photo|photos|pool|file|handout)\b", "", part, flags=re.I).strip(" .:-")
            if part:
                names.add(key(part))
    return names


# --- kinds -------------------------------------------------------------------------


def _country_surname_clash(cands: list[Candidate]) -> set[str]:
    """Surnames of people in the article ('Jordan' of 'Michael Jordan') are not places."""
    g = gazetteer()
    out = set()
    for c in cands:
        words = c.text.split()
        if c.label == "PERSON" and len(words) >= 2 and not g.country(c.text) and not g.org(c.text):
            out.add(key(surname(c.text)))
    return out


def _a_side(c: Candidate) -> bool:
    """'Arsenal beat Chelsea 2-0', 'Leeds drew with Everton 1-1', 'a win over Fulham': a
    name that a verb of a match result (``match_results.json``) joins to the other side, in
    a sentence with a score, or that follows a noun of a result and its preposition, is a
    team. Not a person's full name ('Ana Sol beat Eva Roth' is a match of two), nor one word
    the model calls a person without a score ('Biden lost to Trump')."""
    doc = c.seg.doc
    words = c.text.split()
    if len(words) >= 2 and c.label == "PERSON" or is_given_name(words[0]):
        return False
    results = data("match_results")
    after = doc[c.j].lower_ if c.j < len(doc) else ""
    before = doc[c.i - 1].lower_ if c.i >= 1 else ""
    word = doc[c.i - 2].lower_ if c.i >= 2 else ""
    if before in results["prepositional"].get(word, ()) and word in results["nouns"] and c.label != "PERSON":
        return True  # "a win over Fulham"
    if after in results["verbs"] or after in results["prepositional"]:
        joined = c.j + 1 < len(doc) and (
            doc[c.j + 1].text[:1].isupper() or doc[c.j + 1].lower_ in ("to", "with", "the")
        )
    elif before in results["verbs"] or before in results["prepositional"].get(word, ()):
        joined = c.i >= 2 and (doc[c.i - 2].text[:1].isupper() or word in results["prepositional"])
    else:
        return False
    return joined and MATCH_SCORE.search(doc[c.i].sent.text) is not None


_STANDINGS_ROW = re.compile(r"\s+\d{1,3}\s+\d{1,3}\s+\.\d{3}\b")  # "Cleveland   73   52   .584"
_SIDE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_RESULT_FIRST = re.compile(rf"\s+\d{{1,3}}\s*,\s*{_SIDE}\s+\d{{1,3}}\b")  # "Oakland| 8, Houston 4"
_RESULT_SECOND = re.compile(rf"{_SIDE}\s+\d{{1,3}}\s*,\s*$")  # "Oakland 8, |Houston| 4"
_POINTS = re.compile(r"\s+\d{1,3}\b")
_PITCHER = r"(?:\s+\([^()]*\))?"  # "Tampa Bay (McKay 2-2)": the game's pitcher and record
_HOME_SIDE = re.compile(rf"{_PITCHER},\s+\d{{1,2}}:\d{{2}}")  # "Omaha at |Portland|, 7:05 p.m."
_AWAY_SIDE = re.compile(rf"{_PITCHER}\s+at\s+{_SIDE}{_PITCHER},\s+\d{{1,2}}:\d{{2}}")  # "|Omaha| at ..."
_AT_BEFORE = re.compile(rf"{_SIDE}{_PITCHER}\s+at\s+$")


def _in_standings(c: Candidate) -> bool:
    """ "Cleveland   73   52   .584": a name before its wins, losses and share of wins, a
    row of a league's standings; "Oakland 8, Houston 4": a side of a results line (each
    name, then its points); "Omaha at Portland, 7:05 p.m.": a side of a schedule's line
    (each with its pitcher in brackets or not, then the time)."""
    text, at = c.seg.text, c.end - c.seg.offset
    before = text[: c.start - c.seg.offset]
    if _STANDINGS_ROW.match(text, at) or _RESULT_FIRST.match(text, at) or _AWAY_SIDE.match(text, at):
        return True
    if _HOME_SIDE.match(text, at) and _AT_BEFORE.search(before):
        return True
    return _POINTS.match(text, at) is not None and _RESULT_SECOND.search(before) is not None


def _teams(cands: list[Candidate]) -> set[str]:
    """The names the article uses as sides of a match (:func:`_a_side`) or as rows of a
    league's standings (:func:`_in_standings`), whatever else they are."""
    return {key(c.text) for c in cands if _a_side(c) or _in_standings(c)}


def _resolve_known(cands: list[Candidate], book: _Book) -> list[Candidate]:
    """Put gazetteer names into the book; return the candidates still to be decided."""
    g = gazetteer()
    clash = _country_surname_clash(cands)
    teams = _teams(cands)
    rest: list[Candidate] = []
    for c in cands:
        t = c.text
        k = key(t)
        if k in clash and len(t.split()) == 1:
            rest.append(c)
            continue
        country = g.country(t)
        if country:
            book.get("country", country.name).add(c, _plain(t))
            continue
        if k in teams:  # "Leeds drew with Everton": a city the team is named after
            c.label = "ORG"
            rest.append(c)
            continue
        org = g.org(t)
        if org:
            e = book.get("organization", org.name)
            e.add(c, _plain(t))
            if org.country:
                e.affiliations.append(org.country)
            continue
        capital = g.capital(t)
        if capital and c.label != "PERSON" or capital and k not in clash:
            if capital_is_government(c):
                book.get("country", capital.name).add(c)
            else:
                name, kind, where = place_of(c, c.label)
                book.place(name, kind, where).add(c)
            continue
        known_place = g.place(t)
        if known_place:
            book.place(*known_place).add(c)
            continue
        if c.label == "NORP":
            _group(c, book)
            continue
        rest.append(c)
    return rest


def _plain(text: str) -> str:
    return re.sub(r"^the\s+", "", text, flags=re.I)


def _group(c: Candidate, book: _Book) -> None:
    """'Ukrainians are divided' is a group; 'Russian diplomats' names nobody."""
    root = c.tokens.root
    if root.tag_ not in ("NNS", "NNPS") and not (c.text.endswith("s") and root.dep_ not in ("amod", "compound")):
        return
    if root.dep_ in ("amod", "compound"):
        return
    e = book.get("group", c.text)
    e.add(c)
    dem = gazetteer().demonym(c.text)
    if dem:
        e.affiliations.append(dem.name)


_APPOSITION_WORDS = 5  # how far the head of an apposition after a name is looked for


def _org_apposition(c: Candidate) -> bool:
    """ "Skyloft, a delivery company that flies drones", "Norvik, a group co-founded by ...":
    an apposition after the name whose head noun is an organisation's cue. Not where the cue
    only qualifies the head ("a company spokesman") or owns it ("the group's leader"), nor
    after a full name the model calls a person ("Gene Sperling, a longtime policy maker")."""
    doc, k = c.seg.doc, c.j
    if (
        c.label == "PERSON"
        and " " in c.text
        or k + 2 >= len(doc)
        or doc[k].text != ","
        or doc[k + 1].lower_ not in ("a", "an", "the")
    ):
        return False
    head = None
    for t in doc[k + 2 : k + 2 + _APPOSITION_WORDS]:
        if t.tag_ == "POS":
            return False
        if t.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV", "NUM"):
            break
        head = t if t.pos_ == "NOUN" else head
    return head is not None and head.is_lower and is_org_cue(head.text)


def _org_evidence(c: Candidate) -> bool:
    words = c.text.split()
    if len(words) >= 2 and (is_org_word(words[-1]) or is_org_word(words[0])):
        return True
    doc = c.seg.doc
    k = c.i - 1
    # "independent Russian newspaper Novaya Gazeta", "Norway's financial regulator, Finanstilsynet"
    if k >= 1 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].is_lower and is_org_cue(doc[k].text) or _org_apposition(c)


def _person_evidence(cs: list[Candidate]) -> bool:
    if any(c.label == "PERSON" for c in cs):
        return True
    words = cs[0].text.split()
    return 2 <= len(words) <= 4 and is_given_name(words[0]) and _name_shaped(cs[0].text)


def _name_shaped(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 5:
        return False
    for w in words:
        if w.casefold() in _NAME_PARTICLES:
            continue
        if not (w[:1].isupper() and re.fullmatch(r"[^\W\d_][\w.'’-]*", w)):
            return False
    return True


def _resolve_names(rest: list[Candidate], book: _Book, credited: set[str]) -> list[_Entity]:
    """Give each remaining name one kind; cluster people; return the people."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in rest:
        by_key[key(c.text)].append(c)
    _company_without_suffix(by_key)
    kinds = {k: _kind(cs) for k, cs in by_key.items()}
    _surname_said_alone(by_key, kinds)
    _given_names_alone(by_key, kinds)
    people = _people(by_key, kinds, credited)
    for p in people:
        _canonical(p)
        book.items[("person", p.name)] = p
        for mention in p.mentions.values():
            if mention is not None:
                title_before(mention)
                title_after(mention)
                _take_titles(p, mention)
    for k, cs in by_key.items():
        if kinds[k] != "person":
            _file(book, kinds[k], cs)
    return people


def _committee_bare(name: str) -> str | None:
    """ "Our Principles" of "Our Principles PAC" or "Our Principles Super PAC": a committee's
    name without its head (``committees.json``), where two words or more are left."""
    words = data("committees")
    parts = name.split()
    if len(parts) < 3 or parts[-1].casefold() not in words["heads"]:
        return None
    parts = parts[:-1]
    if parts[-1].casefold() in words["modifiers"]:
        parts = parts[:-1]
    return " ".join(parts) if len(parts) >= 2 else None


def _head_follows(doc: "Doc", j: int) -> bool:
    """Whether a committee's head ("PAC", "Super PAC") follows token ``j``."""
    words = data("committees")
    if j < len(doc) and doc[j].lower_ in words["modifiers"]:
        j += 1
    return j < len(doc) and doc[j].lower_ in words["heads"]


def _committees_named_short(cands: list[Candidate], segs: list[Segment]) -> list[Candidate]:
    """ "Our Principles PAC" and later "Our Principles said": the committee's name without
    its head is the committee too, where the model made a person of "Principles" with a
    title "Our" (its other names overlapping it are dropped)."""
    bare = {b for c in cands if c.label == "ORG" and (b := _committee_bare(c.text))}
    if not bare:
        return cands
    found: list[Candidate] = []
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(b) for b in sorted(bare, key=len, reverse=True)) + r")(?![\w-])"
    )
    for seg in segs:
        for m in pattern.finditer(seg.text if not seg.weak else ""):
            span = seg.doc.char_span(m.start(), m.end())
            if span is not None and not _head_follows(seg.doc, span.end):
                found.append(make(seg, span.start, span.end, "ORG"))
    if not found:
        return cands

    def overlaps(c: Candidate) -> bool:
        return any(f.seg is c.seg and f.i < c.j and c.i < f.j for f in found)

    return [c for c in cands if not overlaps(c)] + found


def _company_without_suffix(by_key: dict[str, list[Candidate]]) -> None:
    """'DiamondRock Hospitality Co.' and later 'DiamondRock Hospitality': one company, its
    name written with the suffix first and without it after; likewise a committee with and
    without its head ('Our Principles PAC', 'Our Principles')."""
    for k in list(by_key):
        words = by_key[k][0].text.split() if by_key.get(k) else []
        short = _committee_bare(" ".join(words))
        if short is None and len(words) >= 2 and words[-1].casefold().rstrip(".") in COMPANY_SUFFIXES:
            short = " ".join(words[:-1]).rstrip(",")
        bare = key(short) if short else None
        if bare is not None and bare != k and bare in by_key:
            by_key[k].extend(by_key.pop(bare))


def _a_person_alone(c: Candidate) -> bool:
    """A one-word name tagged a person, or the subject of a verb of saying ('Persson said')."""
    doc = c.seg.doc
    return c.label == "PERSON" or (c.j < len(doc) and doc[c.j].lemma_ in word_set("speech_verbs"))


def _surname_said_alone(by_key: dict[str, list[Candidate]], kinds: dict[str, str]) -> None:
    """'Mason Rudolph' tagged as a body while 'Rudolph' alone is tagged a person: a name of
    two words shaped like a person's, with no organisation word, whose last word the
    article uses alone for a person, is that person."""
    alone = {
        k
        for k, cs in by_key.items()
        if len(cs[0].text.split()) == 1 and any(_a_person_alone(c) for c in cs) and _by_plural_after_the(cs) is None
    }
    for k, cs in by_key.items():
        words = cs[0].text.split()
        if (
            kinds[k] == "organization"
            and len(words) == 2
            and key(words[-1]) in alone
            and _name_shaped(cs[0].text)
            and not _by_org_evidence(cs)
            and not _by_outlet(cs)
        ):
            kinds[k] = "person"


def _after_a_relation(c: Candidate) -> bool:
    """ "his wife, Theresa", "my friend Helen": a noun of kin or company right before."""
    doc, k = c.seg.doc, c.i - 1
    if k >= 1 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].is_lower and doc[k].lower_ in word_set("relation_nouns")


def _a_place_here(c: Candidate) -> bool:
    """ "in Warren", "Marion, Ohio": a place's preposition before, or a region after a comma."""
    doc = c.seg.doc
    if c.i >= 1 and doc[c.i - 1].lower_ in data("place_cues")["prepositions"]:
        return True
    return c.j + 1 < len(doc) and doc[c.j].text == "," and gazetteer().place(doc[c.j + 1].text) is not None


def _given_names_alone(by_key: dict[str, list[Candidate]], kinds: dict[str, str]) -> None:
    """ "Carly Fiorina ... Touché, Carly", "his wife, Theresa": a known given name alone that
    the model took for a body or a place is a person where the article names someone in full
    with that given name, or puts it right after a noun of kin or company; not where a
    mention reads as a place ("in Warren", "Marion, Ohio")."""
    given = {key(cs[0].text.split()[0]) for k, cs in by_key.items() if kinds[k] == "person" and " " in cs[0].text}
    for k, cs in by_key.items():
        name = cs[0].text
        if kinds[k] == "person" or " " in name or not is_given_name(name) or any(_a_place_here(c) for c in cs):
            continue
        if _by_org_evidence(cs) is None and (k in given or any(_after_a_relation(c) for c in cs)):
            kinds[k] = "person"


def _by_org_evidence(cs: list[Candidate]) -> str | None:
    return "organization" if any(_org_evidence(c) for c in cs) else None


def _by_outlet(cs: list[Candidate]) -> str | None:
    """'Reuters', 'Yahoo News': a news outlet the lexicon lists is an organisation, whatever
    the model called it."""
    return "organization" if outlets.lookup(cs[0].text) is not None else None


def _by_term_of_office(cs: list[Candidate]) -> str | None:
    """ "the Trump administration's rules", "the Nolan presidency": a one-word name, not in
    capitals, right before a noun of a leader's term (``person_offices``) is a person's."""
    name = cs[0].text
    if " " in name or name.isupper() or not name.isalpha():
        return None
    offices = word_set("person_offices")
    for c in cs:
        doc = c.seg.doc
        if c.j < len(doc) and doc[c.j].lower_ in offices:
            return "person"
    return None


def _by_plural_after_the(cs: list[Candidate]) -> str | None:
    """'the Rams', 'the Steelers': one plural capitalised word after 'the', the head of its
    phrase, names a team or a band, not a person (not 'the Williams family')."""
    words = cs[0].text.split()
    if len(words) != 1 or not words[0].endswith("s") or words[0].isupper() or not words[0].isalpha():
        return None
    for c in cs:
        doc = c.seg.doc
        after = doc[c.j] if c.j < len(doc) else None
        if (
            c.i > 0
            and doc[c.i - 1].lower_ == "the"
            and doc[c.i].dep_ not in ("compound", "amod", "poss")
            and not (after is not None and (after.pos_ in ("NOUN", "PROPN") or after.text == "("))
        ):
            return "organization"
    return None


def _based_in(c: Candidate) -> bool:
    """'the Fort Washington, Pennsylvania-based company', 'a Leeds-based firm': where a
    company is based is a place."""
    doc, k = c.seg.doc, c.j
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].text[:1].isupper():
        k += 2  # the state or country between the city and '-based'
    return k + 1 < len(doc) and doc[k].text in ("-", "\u2011") and doc[k + 1].lower_ == "based"


def _by_base(cs: list[Candidate]) -> str | None:
    return "place" if any(_based_in(c) for c in cs) and not any(c.label == "PERSON" for c in cs) else None


def _by_team_of_a_player(cs: list[Candidate]) -> str | None:
    """'Rams quarterback Jared Goff', 'the Harriers coach': one plural capitalised word right
    before a player's position or a coach is the team."""
    words = cs[0].text.split()
    if len(words) != 1 or not words[0].endswith("s") or words[0].isupper() or not words[0].isalpha():
        return None
    for c in cs:
        doc = c.seg.doc
        if c.j + 1 < len(doc) and is_title_head(doc[c.j].text) and doc[c.j + 1].text[:1].isupper():
            return "organization"
    return None


def _by_street_name(cs: list[Candidate]) -> str | None:
    """ "the shores of Oceanview", "Fox Run is harder to reach": a name shaped like a road's
    or an estate's (``street_words`` of ``places.json``) is an address, not the person the
    model took it for; not when a given name opens it ("Grace Street"), nor when it has a title or
    honorific before it, says something ("Ridge said") or is described as a person
    ("Moana Ridge, who ...")."""
    if not gazetteer().street_shaped(cs[0].text) or is_given_name(cs[0].text.split()[0]):
        return None
    for c in cs:
        doc = c.seg.doc
        before = doc[c.i - 1].text if c.i >= 1 else ""
        if is_title_head(before) or honorific(before) or _says(c) or _described_as_a_person(c):
            return None
    return "place"


def _described_as_a_person(c: Candidate) -> bool:
    """ "Moana Ridge, who lives ...", "Marcus Way, 51,": a relative 'who' or an age after the name."""
    doc, k = c.seg.doc, c.j
    return k + 1 < len(doc) and doc[k].text == "," and (doc[k + 1].lower_ == "who" or doc[k + 1].like_num)


def _by_person_evidence(cs: list[Candidate]) -> str | None:
    return "person" if _person_evidence(cs) else None


def _by_venue_word(cs: list[Candidate]) -> str | None:
    words = [w.casefold() for w in cs[0].text.split()]
    venues = gazetteer().venue_words
    return "place" if words[0] in venues or words[-1] in venues else None


def _by_area_word(cs: list[Candidate]) -> str | None:
    """ "a densely packed Chelsea neighborhood": a name before an area word is a place."""
    area = gazetteer().area_words
    return "place" if any(c.j < len(c.seg.doc) and c.seg.doc[c.j].lower_ in area for c in cs) else None


def _after_place_cue(c: Candidate) -> bool:
    """Whether words that name a place stand right before ``c`` (``place_cues.json``)."""
    doc, k = c.seg.doc, c.i
    if c.j < len(doc) and doc[c.j].text in POSSESSIVE:
        return False  # "in Maris's view": the name is the possessor, not where
    cues = data("place_cues")
    if k > 0 and doc[k - 1].lower_ in cues["prepositions"] and not is_given_name(c.text):
        return True
    if k > 0 and doc[k - 1].text == ",":
        k -= 1
    before = " ".join(t.lower_ for t in doc[max(0, k - 2) : k])
    return any(before == p or before.endswith(" " + p) for p in cues["phrases"])


def _by_place_cue(cs: list[Candidate]) -> str | None:
    """ "a courtroom in Tuscany", "near the island of Giglio", "the capital, Pierre": a
    one-word name with no title or honorific, every mention after a place's cue, is a place."""
    if " " in cs[0].text or any(c.titles or c.honorific_gender for c in cs):
        return None
    return "place" if all(_after_place_cue(c) for c in cs) else None


def _next_to_a_person(c: Candidate) -> bool:
    """ "Aryavir Kumar and Margarita Kuritsyna": joined by 'and' to a name tagged a person."""
    doc = c.seg.doc
    after = doc[c.j + 1] if c.j + 1 < len(doc) and doc[c.j].lower_ == "and" else None
    before = doc[c.i - 2] if c.i >= 2 and doc[c.i - 1].lower_ == "and" else None
    return any(t is not None and t.ent_type_ == "PERSON" for t in (after, before))


def _by_coordinated_person(cs: list[Candidate]) -> str | None:
    """A name shaped like a person's ('Aryavir Kumar'), in a pair with a person."""
    if len(cs[0].text.split()) < 2 or not _name_shaped(cs[0].text):
        return None
    return "person" if any(_next_to_a_person(c) for c in cs) else None


def _by_hometown(cs: list[Candidate]) -> str | None:
    """ "Margaret Holt, 71, from Headingley": where someone is from, after their age."""
    for c in cs:
        doc, i = c.seg.doc, c.i
        if i >= 4 and doc[i - 1].lower_ == "from" and doc[i - 2].text == "," and doc[i - 3].like_num:
            return "place"
    return None


def _by_label_vote(cs: list[Candidate]) -> str | None:
    labels = Counter(c.label for c in cs)
    label = max(labels, key=lambda lab: (labels[lab], lab == "PERSON", lab))
    return _LABEL_KIND.get(label, "organization")


# The kind of a name not in the gazetteer, one for the whole article: the first rule
# that decides wins (the label vote always does).
KIND_RULES: tuple[tuple[str, Callable[[list[Candidate]], str | None]], ...] = (
    ("a news outlet", _by_outlet),
    ("where a company is based", _by_base),
    ("organisation word or cue", _by_org_evidence),
    ("before a leader's term of office", _by_term_of_office),
    ("a plural after 'the'", _by_plural_after_the),
    ("a team before its player", _by_team_of_a_player),
    ("a road's or estate's name", _by_street_name),
    ("after a place's cue", _by_place_cue),
    ("person label or given name", _by_person_evidence),
    ("in a pair with a person", _by_coordinated_person),
    ("venue word", _by_venue_word),
    ("area word after it", _by_area_word),
    ("hometown after an age", _by_hometown),
    ("label most often given", _by_label_vote),
)


def _kind(cs: list[Candidate]) -> str:
    return next(kind for _, rule in KIND_RULES if (kind := rule(cs)) is not None)


def _people(by_key: dict[str, list[Candidate]], kinds: dict[str, str], credited: set[str]) -> list[_Entity]:
    """People with a full name are the anchors; a lone surname joins one of them."""
    people: list[_Entity] = []
    full = [k for k in by_key if kinds[k] == "person" and len(by_key[k][0].text.split()) >= 2]
    for k in sorted(full, key=lambda k: _first(by_key[k])):
        cs = by_key[k]
        if k in credited or not _name_shaped(cs[0].text):
            continue
        target = next((p for p in people if _same_person(p.name, cs[0].text)), None)
        if target is None:
            target = _Entity("person", cs[0].text)
            people.append(target)
        for c in cs:
            target.add(c)
    singles = [k for k in by_key if len(by_key[k][0].text.split()) == 1]
    for k in singles:
        cs = by_key[k]
        matches = [p for p in people if similar(surname(p.name), cs[0].text, SURNAME_SIMILARITY)]
        matches = matches or _by_given_name(people, cs[0].text, kinds[k])
        if matches:
            for c in cs:
                _nearest(matches, c).add(c)
            kinds[k] = "person"
        elif kinds[k] == "person" and k not in credited and _name_shaped(cs[0].text):
            e = _Entity("person", cs[0].text)
            for c in cs:
                e.add(c)
            people.append(e)
    return people


def _by_given_name(people: list[_Entity], name: str, kind: str) -> list[_Entity]:
    """ "Carly" after "Carly Fiorina": a given name alone, kept as a person, is the one
    person named in full with it (none where two share it)."""
    if kind != "person" or not is_given_name(name):
        return []
    found = [p for p in people if " " in p.name and key(p.name.split()[0]) == key(name)]
    return found if len(found) == 1 else []


def _file(book: _Book, kind: str, cs: list[Candidate]) -> None:
    """Names of one kind other than a person into the book: places with their kind and
    country, groups, organisations with the country they belong to."""
    if kind == "place":
        for c in cs:
            name, pkind, where = place_of(c, c.label)
            book.place(name, pkind, where).add(c)
    elif kind == "group":
        for c in cs:
            book.get("group", c.text).add(c)
    else:
        for c in cs:
            e = book.get("organization", _plain(cs[0].text))
            e.add(c, _plain(c.text))
            if c.possessor:
                owner = gazetteer().country(c.possessor)
                e.affiliations.append(owner.name if owner else c.possessor)
            # "U.S. Embassy", "Russian Foreign Ministry": the country it belongs to.
            first = c.text.split()[0]
            owner = gazetteer().country(first) or gazetteer().demonym(first)
            if owner and len(c.text.split()) > 1:
                e.affiliations.append(owner.name)


def _first(cs: list[Candidate]) -> tuple[int, int]:
    return min((c.para, c.start) for c in cs)


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if not similar(surname(a), surname(b), SURNAME_SIMILARITY):
        return False
    return compatible_given(wa[0], wb[0])


def _nearest(people: list[_Entity], c: Candidate) -> _Entity:
    """The person of this surname mentioned last before ``c`` (else the first one)."""
    best, best_pos = people[0], (-1, -1)
    for p in people:
        for para, start, _end in p.mentions:
            if (para, start) < (c.para, c.start) and (para, start) > best_pos:
                best, best_pos = p, (para, start)
    return best


def _canonical(p: _Entity) -> None:
    """The fullest name as first written is the name; the other forms are aliases."""
    forms = [c.text for c in sorted((c for c in p.mentions.values() if c is not None), key=lambda c: (c.para, c.start))]
    if not forms:
        return
    longest = max(len(f.split()) for f in forms)
    p.name = next(f for f in forms if len(f.split()) == longest)
    p.aliases = [f for f in dict.fromkeys(forms) if f != p.name]


def _take_titles(p: _Entity, c: Candidate) -> None:
    for t in c.titles:
        if t.casefold() not in (x.casefold() for x in p.titles):
            p.titles.append(t)
        g = title_gender(t)
        if g:
            p.gender[g] += 3
    p.affiliations.extend(c.affiliations)
    if c.honorific_gender:
        p.gender[c.honorific_gender] += 5


# --- more mentions -----------------------------------------------------------------


def _more_mentions(segs: list[Segment], book: _Book, people: list[_Entity]) -> None:
    """Find every other occurrence of a name the article uses (where spaCy missed it)."""
    forms: dict[str, _Entity] = {}
    surnames = Counter(surname(p.name) for p in people)
    for e in book.items.values():
        if not e.mentions:
            continue
        names = [e.name, *e.aliases]
        if e.kind == "person" and surnames[surname(e.name)] == 1:
            names.append(surname(e.name))
        for n in names:
            if len(n) >= 2 and n[:1].isupper() and gazetteer().capital(n) is None:
                forms.setdefault(n, e)
    if not forms:
        return
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(f).replace("\\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
        + r")(?!\w)"
    )
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for e in book.items.values():
        for p, s, en in e.mentions:
            taken[p].append((s, en))
    for seg in segs:
        for m in pattern.finditer(seg.text):
            s, en = seg.offset + m.start(), seg.offset + m.end()
            if seg.in_credit(s, en) or any(s < b and en > a for a, b in taken[seg.para]):
                continue
            e = forms[re.sub(r"\s+", " ", m.group())]
            span = seg.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            if e.kind == "person" and _common_word(span):
                continue  # a surname that is also a word ("May", "He") counts only as a name ("Ms He")
            c = make(seg, span.start, span.end, "")
            c.start, c.end = s, en
            e.add(c)
            taken[seg.para].append((s, en))
            if e.kind == "person":
                title_before(c)
                _take_titles(e, c)


def _common_word(span: "SpacySpan") -> bool:
    """A one-word surname read as a common word ('May', 'He'), unless an honorific stands
    before it ('Ms He')."""
    if len(span) != 1 or span[0].pos_ == "PROPN":
        return False
    doc, k = span.doc, span.start - 1
    if k >= 1 and doc[k].text == ".":
        k -= 1
    return not (k >= 0 and honorific(doc[k].text) is not None)


def _dateline_place(article: Article, book: _Book) -> None:
    """The dateline's city is a place ("HEMPSTEAD, N.Y. ―", "MIDWAY ATOLL -"), whatever the
    parser made of its capitals: a mention where it opens the story. A dateline the source
    states in a field of its own ("Unnao", "Strasbourg, 10 juil 2024 (AFP)") names a place
    too, where the story does not open with it (a place without a mention)."""
    city = (article.dateline or "").split(",")[0].split("(")[0].strip()
    at, end = dateline_at(article)
    if not city or not city[:1].isupper() or only_a_date(city):
        return
    if not end:
        known = gazetteer().place(city)
        name, kind, country = known or (city, "city", None)
        book.place(name, kind, country).stated = True
        return
    skip = outlets.section_heading_end(article.body[at].text)  # "NATIONAL SYDNEY - ": a list's heading
    for k, e in list(book.items.items()):
        for m in [m for m in e.mentions if m[0] == at and m[1] < skip + len(city)]:
            _unmention(e, m)  # the dateline is no person's or organisation's name
        if not e.mentions and e.kind != "place":
            del book.items[k]
    known = gazetteer().place(city)
    name, kind, country = known or (city, "city", None)
    name = name.title() if name.isupper() and len(name) > 3 else name  # as places.place_of writes it
    place = book.place(name, kind, country)
    place.place_kind = "city" if place.place_kind == "venue" and not known else place.place_kind  # "FORT WASHINGTON"
    place.mentions[(at, skip, skip + len(city))] = None


def _unmention(e: _Entity, m: tuple[int, int, int]) -> None:
    """Take mention ``m`` from ``e``, and from a person or body the alias only it wrote
    ("KINGSTON" of Rachel Kingston, where the dateline is the city)."""
    c = e.mentions.pop(m)
    if e.kind == "place" or c is None or any(o is not None and o.text == c.text for o in e.mentions.values()):
        return
    e.aliases = [a for a in e.aliases if a != c.text]


def _drop_overlaps(book: _Book) -> None:
    """One entity per stretch of text: a longer name beats a shorter one inside it."""
    spans = sorted(
        ((p, s, en, e) for e in book.items.values() for (p, s, en) in e.mentions),
        key=lambda x: (x[0], x[1], -(x[2] - x[1])),
    )
    last: tuple[int, int] = (-1, -1)
    for p, s, en, e in spans:
        if p == last[0] and s < last[1]:
            e.mentions.pop((p, s, en), None)
            continue
        last = (p, en)


# --- gender ------------------------------------------------------------------------


def _genders(segs: list[Segment], book: _Book) -> None:
    """He/she in the sentence of a person's mention (and the next one) when no other person
    is named there; then the given name. One walk over the sentences for all the people
    (a walk per person grew with people times text)."""
    people = {e.name: e for e in book.items.values() if e.kind == "person"}
    starts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for e in people.values():
        for para, s, _en in e.mentions:
            starts[para].append((s, e.name))
    for seg in segs:
        marks = sorted(starts.get(seg.para, ()))
        if marks:
            _pronoun_votes(seg, marks, people)
    for p in people.values():
        given = given_name_gender(p.name.split()[0]) if len(p.name.split()) > 1 else None
        if given:
            p.gender[given] += 1


def _pronoun_votes(seg: Segment, marks: list[tuple[int, str]], people: dict[str, _Entity]) -> None:
    """Pronoun votes of one segment: ``marks`` are (start, name) of the people's mentions
    in its paragraph, sorted."""
    positions = [s for s, _ in marks]
    sents = list(seg.doc.sents)
    named = []
    for sent in sents:
        lo = bisect_left(positions, seg.offset + sent.start_char)
        hi = bisect_left(positions, seg.offset + sent.end_char)
        named.append({name for _, name in marks[lo:hi]})
    # each token's word read once (a sentence's tokens are built anew each time it is walked)
    lower = [t.lower_ for t in seg.doc] if any(len(names) == 1 for names in named) else []
    for n, sent in enumerate(sents):
        if len(named[n]) != 1:
            continue
        window = [sent] if n + 1 == len(sents) or named[n + 1] else [sent, sents[n + 1]]
        votes = Counter(
            "male" if w in MALE_PRONOUNS else "female"
            for s in window
            for w in lower[s.start : s.end]
            if w in MALE_PRONOUNS or w in FEMALE_PRONOUNS
        )
        people[next(iter(named[n]))].gender.update(votes)


def _decide_gender(votes: Counter) -> Gender | None:
    male, female = votes["male"], votes["female"]
    if male > 2 * female:
        return "male"
    if female > 2 * male:
        return "female"
    return None


# --- output ------------------------------------------------------------------------


def _build(article: Article, book: _Book, options: ExtractOptions) -> Article:
    base = options.id_base
    ids: dict[tuple[str, str], str] = {}
    for (kind, name), e in book.items.items():
        if kind != "place":
            ids[(kind, name)] = mint_id(kind, name, base)
    actors = _Actors(article.actors)
    for e, own, aff in _pending(book, ids, base):
        actors.add(e, own, aff)
    places = _places(book, base)
    kept = [p for p in article.places if p.id not in places]
    data = article.model_dump()
    data["actors"] = [a.model_dump() for a in actors.all()]
    data["places"] = [p.model_dump() for p in kept + list(places.values())]
    # Validating again puts merged mentions in reading order and checks every reference.
    return Article.model_validate(data)


def _affiliation_id(book: _Book, ids: dict[tuple[str, str], str], base: str, e: _Entity, own: str) -> str | None:
    """The id of the first affiliation of ``e`` that is an actor (not ``e`` itself); a
    country named only as an affiliation becomes an actor."""
    for name in e.affiliations:
        country = gazetteer().country(name) or gazetteer().demonym(name)
        org = gazetteer().org(name)
        for kind, canon in (
            ((("country", country.name),) if country else ())
            + ((("organization", org.name),) if org else ())
            + (("organization", name),)
        ):
            if (kind, canon) in ids and ids[(kind, canon)] != own:
                return ids[(kind, canon)]
        if country:
            ids[("country", country.name)] = mint_id("country", country.name, base)
            book.get("country", country.name)
            return ids[("country", country.name)]
    return None


def _pending(book: _Book, ids: dict[tuple[str, str], str], base: str) -> list[tuple[_Entity, str, str | None]]:
    """(entity, its id, its affiliation's id) in reading order; countries that only
    affiliations named come last."""
    order = sorted((e for e in list(book.items.values()) if e.kind != "place"), key=lambda e: (e.first, e.name))
    pending = []
    for e in order:
        if not e.mentions and e.kind == "person":
            continue
        own = ids[(e.kind, e.name)]
        pending.append((e, own, _affiliation_id(book, ids, base, e, own)))
    for (kind, name), e in book.items.items():
        if (
            kind != "place"
            and not e.mentions
            and ids.get((kind, name))
            and all(own != ids[(kind, name)] for _, own, _ in pending)
        ):
            pending.append((e, ids[(kind, name)], None))
    return pending


class _Actors:
    """The article's actors: those it had, merged with what this stage found, then the new."""

    def __init__(self, existing: list[Actor]) -> None:
        self.existing = list(existing)
        self.by_name: dict[str, int] = {}
        for n, a in enumerate(self.existing):
            for name in (a.name, *a.aliases):
                self.by_name.setdefault(f"{a.kind}:{key(name)}", n)
                self.by_name.setdefault(key(name), n)
        self.merged: dict[int, Actor] = {}
        self.new: dict[str, Actor] = {}

    def _existing(self, e: _Entity, own: str) -> int | None:
        hit = self.by_name.get(f"{e.kind}:{key(e.name)}")
        if hit is None:
            hit = next((self.by_name[k] for k in (own,) if k in self.by_name), None)
        if hit is None:
            hit = next((n for n, a in enumerate(self.existing) if a.id == own), None)
        return hit

    def add(self, e: _Entity, own: str, aff: str | None) -> None:
        mentions = [Span(paragraph=p, start=s, end=en) for (p, s, en) in e.mentions]
        hit = self._existing(e, own)
        if hit is not None:
            a = self.merged.get(hit, self.existing[hit])
            self.merged[hit] = a.model_copy(
                update={
                    "mentions": [*a.mentions, *mentions],
                    "aliases": [*a.aliases, *(x for x in [e.name, *e.aliases] if x != a.name and x not in a.aliases)],
                    "titles": [*a.titles, *(t for t in e.titles if t not in a.titles)],
                    "gender": a.gender or _decide_gender(e.gender),
                    "affiliation": a.affiliation or (aff if aff != a.id else None),
                }
            )
        elif own in self.new:
            a = self.new[own]
            self.new[own] = a.model_copy(update={"mentions": [*a.mentions, *mentions]})
        else:
            self.new[own] = Actor(
                id=own,
                kind=cast(ActorKind, e.kind),
                name=e.name,
                aliases=list(e.aliases),
                titles=_tidy_titles(e.titles),
                affiliation=aff if aff != own else None,
                gender=_decide_gender(e.gender) if e.kind == "person" else None,
                mentions=mentions,
            )

    def all(self) -> list[Actor]:
        """Every actor; an affiliation to an actor that is not there is dropped."""
        actors = [self.merged.get(n, a) for n, a in enumerate(self.existing)] + list(self.new.values())
        known_ids = {a.id for a in actors}
        return [
            a if a.affiliation is None or a.affiliation in known_ids else a.model_copy(update={"affiliation": None})
            for a in actors
        ]


def _places(book: _Book, base: str) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for e in sorted(
        (e for e in book.items.values() if e.kind == "place" and (e.mentions or e.stated)),
        key=lambda e: (e.first, e.name),
    ):
        pid = mint_id("place", e.name, base)
        mentions = [Span(paragraph=p, start=s, end=en) for (p, s, en) in e.mentions]
        if pid in places:
            old = places[pid]
            places[pid] = old.model_copy(update={"mentions": [*old.mentions, *mentions]})
            continue
        places[pid] = Place(
            id=pid,
            name=e.name,
            kind=cast(PlaceKind, e.place_kind),
            country=e.country,
            aliases=list(e.aliases),
            mentions=mentions,
        )
    return places


def _tidy_titles(titles: list[str]) -> list[str]:
    """Drop a title that a longer one holds ('President' beside 'Russian President')."""
    out: list[str] = []
    for t in titles:
        words = t.casefold().split()
        if any(len(o.split()) > len(words) and o.casefold().split()[-len(words) :] == words for o in titles):
            continue
        if t.casefold() not in (o.casefold() for o in out):
            out.append(t)
    return out
