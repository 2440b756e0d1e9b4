"""The article's main event: what its headline and lead report comes first.

News leads with one event — a debate, a rally, a speech, an interview, a poll, a ruling,
an endorsement, a statement — and the events stage's trigger words alone miss most of
them (a statement has no trigger; "Poll:" is a headline's word). This module reads the
headline and the first sentences of the body (``data/main_events.json``):

1. Triggers: an event noun ("during the first presidential debate", "a Bloomberg poll"),
   an event verb ("endorsed", "voted"), a court's verb ("the judge rejected"). Triggers
   in a hypothetical or negated clause ("if elected", "would negotiate", "did not vote")
   or inside a quotation are not events.
2. The main one: a kind the headline names, found in the lead, first; else the trigger
   nearest the lead's main clause (its subject or object before a circumstance, before a
   subordinate clause); else the lead's speech verb (a statement, an interview when a
   show or interview is named); else the headline's own trigger or speech verb. These
   are candidates in that order: the first that something is said of is the main event.
3. What surrounds it: participants (the verb's subject and objects, the trigger's
   modifiers, "between X and Y"; a description or a pronoun as the actor the lead names
   for it; the people of the headline for a debate), the date attached to it in the
   sentence (or one the lead gives the same occasion or the same actor elsewhere, the
   story's first sentence for a summary above it, a dated act just before an undated one;
   else the publication day for what was said or is told in the present), the place ("in
   Flint", else the dateline's city).

The event found is put first: an event of the stage that holds the trigger is moved
there and completed, else a new one is made. Ids are then numbered in the new order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import TYPE_CHECKING, Iterator

from ...lexicon import outlets
from ...lexicon.wordlists import data
from ...lexicon.written_dates import month_number, only_a_date
from ...model import Article, DateInfo, Event, Span, local_id, normalise_name
from ..dates import finder as dates_pass
from ..story import dateline_at
from ..tense import reporting_verb, tense_of
from .mentions import is_phase
from .references import Refs

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

__all__ = ["MainEvent", "find", "put_first"]

LEAD_PARAGRAPHS = 3  # body paragraphs read for the lead
LEAD_SENTENCES = 4  # sentences of the lead read for its event
PLACE_SENTENCES = 6  # sentences read for where the same occasion took place ("a conclave held in X")
PLACE_PARAGRAPHS = 8  # and the paragraphs they may come from (an abstract may stand above the story)
MIN_LEAD_WORDS = 6  # shorter paragraphs ("ABSTRACT.", "7 p.m.") are not the lead
MAX_RANK = 3  # a trigger deeper in its sentence than this is a circumstance
# How sure the main event is, by how it was found.
CONFIDENCE = {"lead trigger": 0.8, "headline trigger": 0.7, "lead statement": 0.7, "headline statement": 0.6}
# Kinds the events stage reads more closely than a lead does (a "video call" is a call):
# an event of the stage with one of these keeps it when it becomes the main event.
_KEEP_KINDS = frozenset(
    {
        "meeting",
        "summit",
        "talks",
        "call",
        "press_conference",
        "visit",
        "sanctions",
        "expulsion",
        "agreement",
        "deadline",
        "award",
        "trial",
        "protest",
    }
)
_QUOTE_CHARS = "\"\u201c\u201d\u2018\u2019'\u00ab\u00bb"


def words() -> dict:
    return data("main_events")


@dataclass
class MainEvent:
    """What the headline and lead report, with the token it was read from."""

    kind: str
    how: str  # a key of CONFIDENCE
    paragraph: int | None  # None: the headline
    token: "Token"
    participants: list[str]
    date: DateInfo | None
    location: str | None
    direction: str | None  # "past", "future", ... from the tense of its verb
    dated_by: "Token | None" = None  # the word whose date it took (itself, or the lead's verb)
    place_said: bool = False  # its place is said in the lead or headline (not only the dateline's)


# --- triggers ------------------------------------------------------------------------------


def _verb_of(tok: "Token") -> "Token":
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


def _negative_subject(verb: "Token") -> bool:
    neg = set(words()["negative_subjects"])
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in neg or any(d.lower_ in neg for d in c.children))
        for c in verb.children
    )


def _circumstance_of(tok: "Token", verb: "Token") -> bool:
    """ "rejected the argument [in a ruling]": the event is how the verb was done."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.head == verb and prep.lower_ in words()["circumstance_preps"]


def _hypothetical(tok: "Token") -> bool:
    """In a clause that says it may not happen: "if elected", "would negotiate", "did not
    vote", "no one released"; or a side mention: "the upcoming debates"."""
    w = words()
    hypo, side = set(w["hypothetical"]), set(w["not_main"])
    if any(c.lower_ in side for c in tok.children if c.dep_ in ("amod", "advmod", "compound")):
        return True
    if _within_subject(tok) or _told_done(tok):
        return False  # "One of the claims of Obama's speech does not stand up": the claim, not the speech
    t = _verb_of(tok)
    if t is not tok and t.lemma_.casefold() in data("event_triggers")["cancel_verbs"] and not _circumstance_of(tok, t):
        return True  # "rejected talks", "cancelled the rally"; not "rejected it in a ruling"
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.dep_ in ("aux", "mark") and c.lower_ in hypo) for c in t.children):
            return True
        if _negative_subject(t):
            return True
        if t.dep_ not in ("xcomp", "conj", "advcl") or t.head is t:
            return False
        if t.dep_ == "xcomp" and t.head.lemma_.casefold() in data("event_triggers")["cancel_verbs"]:
            return True  # "refused to meet", "declined to endorse"
        t = t.head
    return False


def _told_done(tok: "Token") -> bool:
    """ "A megamerger announced Monday would turn Pfizer into ...": a subject its own participle
    says happened; the verb's "would" is about what follows from it."""
    return tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children)


def _within_subject(tok: "Token") -> bool:
    """An event told in a phrase inside the subject of its verb ("the claims of his speech"),
    which what the verb says of the subject does not negate."""
    t, nested = tok, False
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            nested = True
        if t.dep_ in ("nsubj", "nsubjpass"):
            return nested and t.head.pos_ in ("VERB", "AUX")
        t = t.head
    return False


def _hyphenated(tok: "Token") -> str | None:
    """ "fund-raiser" for its last part "raiser" (lower case), else None."""
    if tok.i < 2 or tok.nbor(-1).text != "-" or tok.nbor(-1).whitespace_ or tok.nbor(-2).whitespace_:
        return None
    return f"{tok.nbor(-2).lower_}-{tok.lower_}"


def trigger_kind(tok: "Token") -> str | None:
    """The main-event kind a word names, or None."""
    if tok.pos_ in ("NOUN", "PROPN") or _misread_noun(tok):
        return _noun_kind(tok)
    if tok.pos_ == "VERB" and not _imperative(tok) and (staff := personnel_key(tok)) is not None:
        return words()["personnel_verbs"][staff]  # "was fired", "laid off 200 staffers"
    if tok.pos_ != "VERB" or any(c.dep_ == "nsubjpass" for c in tok.children):
        return None  # "the program is being debated": talk, not an event
    if _imperative(tok):
        return None  # "SIGN UP FOR OUR NEWSLETTER": a call to the reader
    return _verb_kind(tok, tok.lemma_.casefold())


def _imperative(verb: "Token") -> bool:
    """A sentence's verb in its bare form with no subject: an order, no event."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in verb.children)


def _verb_kind(tok: "Token", lemma: str) -> str | None:
    """The main-event kind an active verb names, or None."""
    w = words()
    if lemma in w["court_verbs"] and any(
        c.dep_ == "nsubj" and c.lemma_.casefold() in w["court_subjects"] for c in tok.children
    ):
        return "ruling"
    if lemma in w["legislature_verbs"] and _legislature_acts(tok):
        return "vote"  # "Senate Democrats blocked a funding package"
    if lemma in w["outlet_visits"] and any(
        _outlet(o) for c in tok.children if c.dep_ == "dobj" for o in (c, *c.children)
    ):
        return w["outlet_visits"][lemma]  # "visited NBC's Today": an interview
    if lemma in w["person_verbs"] and any(c.dep_ == "nsubj" and _named_person(c) for c in tok.children):
        return w["person_verbs"][lemma]  # "Sanders was rallying for Kingson": a rally, not a protest
    if lemma in w["object_verbs"] and not any(c.dep_ == "dobj" for c in tok.children):
        return None  # "when interviewed by a newspaper": the occasion of what was said
    if lemma in w["clause_object_verbs"] and _clause_object(tok):
        return None  # "endorse putting solar panels on schools": an opinion
    if lemma in w["verb_objects"] and any(
        c.dep_ == "dobj" and c.lemma_.casefold() not in w["verb_objects"][lemma] for c in tok.children
    ):
        return None  # "signed an executive order": no agreement
    return w["verbs"].get(lemma)


def _misread_noun(tok: "Token") -> bool:
    """A word of ``nouns`` the tagger took for an adjective or adverb: "Poll precedes battle",
    "won the Harbour Greens primary on Sunday" (not "the primary reason", "is primary")."""
    if tok.pos_ not in ("ADJ", "ADV") or tok.lower_ not in words()["nouns"]:
        return False
    if tok.dep_ in words()["misread_noun_deps"]:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.dep_ == "amod" or (tok.dep_ in ("acomp", "oprd") and tok.head.lemma_ == "be"):
        return False  # "the primary reason", "is primary"
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        return False
    for t in reversed(tok.doc[max(0, tok.i - 4) : tok.i]):  # "the Harbour Greens primary"
        if t.pos_ == "DET":
            return True
        if t.pos_ not in ("PROPN", "NOUN", "ADJ", "ADV"):
            return False
    return False


def _legislature_acts(verb: "Token") -> bool:
    """The subject is a legislature or its members ("the Senate", "House Republicans", "lawmakers")."""
    bodies = set(words()["legislature_subjects"])
    return any(
        s.dep_ == "nsubj" and any(t.lemma_.casefold() in bodies for t in (s, *s.children) if t.dep_ != "poss")
        for s in verb.children
    )


def _noun_kind(tok: "Token") -> str | None:
    """The main-event kind a noun names, or None."""
    w = words()
    lemma = tok.lemma_.casefold()
    if tok.dep_ == "compound" or (tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN")):
        return None  # "video call", "mass shooting victims": the noun it modifies names what it is
    if (whole := _hyphenated(tok)) is not None:
        return w["nouns"].get(whole)  # "fund-raiser", "face-off": spaCy cuts them at the hyphen
    if tok.i > 0 and (pair := f"{tok.nbor(-1).lower_} {lemma}") in w["nouns"]:
        return w["nouns"][pair]
    if _verb_like(tok):
        return None  # "Reyes talks to a host about ...": the verb, not negotiations
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "a town hall in March": a month, not a march
    if tok.ent_type_ == "ORG" and lemma in w["org_name_nouns"]:
        return None  # "the Harbor Caucus" (an organisation): a name
    if tok.pos_ == "PROPN" and tok.dep_ in w["name_part_deps"] and tok.head.pos_ == "PROPN" and tok.head.i < tok.i:
        return None  # "a Rock the Vote survey": the last word of a name
    if (by_prep := w["prep_nouns"].get(lemma)) is not None:
        # "a guest on Hannity": an interview; "a guest at the dinner": none
        return next((by_prep[c.lower_] for c in tok.children if c.dep_ == "prep" and c.lower_ in by_prep), None)
    if lemma in w["day_nouns"]:
        # "Sunday's election", "the election on Sunday": one; "the election", "the 2016 election": a season
        return w["day_nouns"][lemma] if _given_a_day(tok) else None
    return w["nouns"].get(tok.lower_) or w["nouns"].get(lemma)  # "emails" a release, "email" a letter


def _given_a_day(tok: "Token") -> bool:
    """A day is said of the noun: a weekday or "today" as its possessor or under its preposition."""
    days = {d.casefold() for d in data("date_words")["weekdays"]} | {"today", "yesterday", "tonight"}
    near = [c for c in tok.children if c.dep_ == "poss"]
    near += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
    return any(t.lower_ in days for t in near)


def _verb_like(tok: "Token") -> bool:
    """A noun followed by the preposition its verb takes ("talks to"): a verb parsed as a noun."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == words()["verb_like_nouns"].get(tok.lower_)


def _clause_object(verb: "Token") -> bool:
    """ "endorse putting cameras on police": what is endorsed is an act, not someone."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    return bool(objs) and all(o.pos_ in ("VERB", "AUX") or o.tag_ == "VBG" for o in objs)


def personnel_key(verb: "Token") -> str | None:
    """The key of ``personnel_verbs`` a verb is ("fire", "lay off"), or None: a phrasal verb
    of its own ("fired back") or, for a verb that needs one, no person acted on ("fired a shot")."""
    w = words()
    lemma = verb.lemma_.casefold()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    key = f"{lemma} {particles[0]}" if particles else lemma
    if key not in w["personnel_verbs"]:
        return None
    if key in w["personnel_passive"]["verbs"]:
        return key if _removed_from_post(verb) else None
    if key in w["personnel_objects"]:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return key if any(_person_word(o) for o in objs) else None
    return key


def _removed_from_post(verb: "Token") -> bool:
    """ "was dismissed on Monday as campaign manager", "was ousted from his post": a person, passive,
    and the post (not "was dismissed as a joke")."""
    w = words()["personnel_passive"]
    posts = set(w["posts"]) | set(data("speaker_descriptions")["person"])
    return any(c.dep_ == "nsubjpass" and (_person_word(c) or c.pos_ == "PROPN") for c in verb.children) and any(
        p.dep_ == "prep" and p.lower_ in w["preps"] and o.dep_ == "pobj" and o.lemma_.casefold() in posts
        for p in verb.children
        for o in p.children
    )


def _person_word(t: "Token") -> bool:
    """A person by name, pronoun or description ("Vale", "him", "an anchor", "staffers")."""
    return (
        t.ent_type_ == "PERSON"
        or (t.pos_ == "PRON" and t.lower_ in ("him", "her", "them", "he", "she", "they"))
        or t.lemma_.casefold() in data("speaker_descriptions")["person"]
    )


def _outlet(t: "Token") -> bool:
    """A listed news outlet ("NBC's", "CNN")."""
    return t.pos_ == "PROPN" and outlets.lookup(t.text) is not None


def _named_person(t: "Token") -> bool:
    """A person by name, or a title standing for one ("the senator")."""
    return t.ent_type_ == "PERSON" or t.lemma_.casefold() in data("speaker_descriptions")["person"]


def _depth(tok: "Token", sent: "DocSpan") -> int:
    """How far from the sentence's main clause: 0 its verb, subject or object; each
    preposition or subordinate clause on the way down adds one."""
    rank = words()["rank"]
    if _source_of_sentence(tok) or _first_to(tok):
        return 0
    t, extra = tok, 0
    while t.head is not t and t.head != sent.root:
        if t.dep_ in ("relcl", "advcl", "acl", "prep"):
            extra += 1
        t = t.head
    return rank.get(t.dep_, 2) + extra if t is not sent.root else 0


def _first_to(tok: "Token") -> bool:
    """ "became the first mayors to endorse X": the infinitive is what they did."""
    if (
        tok.tag_ != "VB"
        or tok.dep_ not in ("advcl", "acl", "relcl")
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        return False
    held = tok.head if tok.dep_ == "advcl" else tok.head.head
    firsts = set(words()["first_to_words"])
    return any(
        a.dep_ == "amod" and a.lower_ in firsts and a.head.dep_ in ("attr", "dobj") and a.head.head == held
        for a in held.subtree
    )


def _source_of_sentence(tok: "Token") -> bool:
    """ "..., according to a new poll from X": the poll or report is where what the sentence
    says comes from, as near its main clause as a reporting verb's subject ("a poll shows");
    one with no maker named ("according to the analysis after the debate") is only talk about it."""
    if tok.dep_ != "pobj" or tok.lemma_.casefold() not in words()["source_nouns"]:
        return False
    prep = tok.head
    return f"{prep.head.lower_} {prep.lower_}" in words()["source_preps"] and bool(_makers(tok, "poll"))


def _quoted(tok: "Token", sent: "DocSpan") -> bool:
    text = sent.doc.text  # (spaCy joins its tokens again at each call: once here)
    before = text[sent.start_char : tok.idx]
    if sum(before.count(c) for c in '"\u201c\u201d') % 2 == 1 or before.count("\u2018") > before.count("\u2019"):
        return True
    # a transcript's paragraph ('"LUTZ: ... They each blamed a video ...'): a quotation opened
    # in an earlier sentence of the paragraph and not closed
    if sum(text.count(c, 0, sent.start_char) for c in '"\u201c\u201d') % 2 == 1:
        return True
    # "I'll publish my own soon," Reyes told ...: a sentence that opens inside a quotation
    after = text[tok.idx : sent.end_char]
    close, reopen = after.find("\u201d"), after.find("\u201c")
    return "\u201c" not in before and close >= 0 and (reopen < 0 or close < reopen)


def _tally(tok: "Token") -> bool:
    """ "31 endorsements", "zero such endorsements": a count of events, not one; but "three
    polls, including one from X released Thursday" singles one out, and that one is told."""
    tally = set(words()["tally_words"])
    if _singled_out(tok) is not None:
        return False
    return any(
        (c.dep_ == "nummod" and c.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")) or c.lower_ in tally
        for c in tok.children
    )  # "a $40 billion merger" is one


def _singled_out(tok: "Token") -> "Token | None":
    """ "four fresh polls, including one from X": the "one" that stands for the event told."""
    w = words()["singled_out"]
    return next(
        (
            o
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in w["preps"]
            for o in c.children
            if o.dep_ == "pobj" and o.lower_ in w["words"]
        ),
        None,
    )


def _word_part(tok: "Token") -> bool:
    """ "vote-rich": the first part of a hyphenated word describes, it names no event."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and not tok.whitespace_ and nxt.text == "-" and not nxt.whitespace_


def _generic(tok: "Token") -> bool:
    """ "nationwide surveys", "mass shootings": a plural with no determiner, possessive or
    number names a kind of event, not one ("talks", "remarks" are words of their own)."""
    if tok.tag_ != "NNS" or tok.lower_ in words()["nouns"]:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _person(t: "Token") -> bool:
    return t.ent_type_ == "PERSON" or (t.pos_ == "PRON" and t.lower_ in ("he", "she", "his", "her", "they", "their"))


def _in_words(tok: "Token") -> bool:
    """ "his attack that Clinton is unqualified", "political attacks", "an attack he leveled
    at Clinton", "attacks on Sanders": an attack in words, not an event."""
    w = words()
    if tok.lemma_.casefold() not in w["word_attacks"]:
        return False
    for c in tok.children:
        if (c.dep_ == "poss" and _person(c)) or (c.dep_ == "amod" and c.lower_ in w["word_attack_modifiers"]):
            return True
        if c.dep_ == "relcl" and any(s.dep_ == "nsubj" and _person(s) for s in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in w["word_attack_preps"] and any(_person(o) for o in c.children):
            return True
    return False


def _reacted_to(tok: "Token") -> bool:
    """ "Trump addresses Munich attack", "reacted to a shooting": what a reaction is about."""
    verbs = words()["reaction_verbs"]
    topic = words()["topic_clause_verbs"]  # "discuss what he called ...": the clause is the topic
    if any(c.dep_ == "compound" and _form_of(c.lower_, verbs) for c in tok.children):
        return True  # a Title Case headline parsed as one name: "Trump Addresses Munich Attack"
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on") else tok.head
    if tok.dep_ in ("dobj", "pobj") and head.pos_ == "VERB" and head.lemma_.casefold() in verbs:
        return True
    if _reacted_for(tok, verbs):
        return True
    # "dismissed Sanders' accusations that the campaign broke the law through its agreement":
    # inside what the reaction takes as its object (a noun the parse may hang as a clause)
    return any(
        (a.dep_ == "dobj" or (a.dep_ == "ccomp" and (a.pos_ == "NOUN" or a.head.lemma_.casefold() in topic)))
        and a.head.pos_ == "VERB"
        and a.head.lemma_.casefold() in verbs
        for a in tok.ancestors
    )


def _reacted_for(tok: "Token", verbs: list[str]) -> bool:
    """ "blasts Trump for skipping debate", "slams Brenner over rally": what the reaction is for, the
    object of its preposition or of the verb that is (not a circumstance further down: "for promoting
    X on Monday's show"). A Title Case headline may make the reaction verb a noun and hang the
    preposition on its object."""
    t = tok
    while t.dep_ in ("dobj", "pobj", "pcomp", "conj") and t.head.i != t.i:
        t = t.head
        if t.dep_ == "prep" and t.lower_ not in words()["reaction_preps"]:
            return False
        if t.dep_ == "prep":
            return any(v.lemma_.casefold() in verbs or _form_of(v.lower_, verbs) for v in t.ancestors)
    return False


def _form_of(word: str, verbs: list[str]) -> bool:
    """ "addresses", "slammed": a form of one of ``verbs``."""
    return any(word in (v, v + "s", v + "es", v + "d", v + "ed") for v in verbs)


def _side_mention(tok: "Token") -> bool:
    """Not an event of its own: a tally, part of a hyphenated word, a kind of event, words,
    what a reaction is about."""
    if tok.pos_ not in ("NOUN", "PROPN") and not _misread_noun(tok):
        return False
    counted = _tally(tok) and _noun_kind(tok) not in words()["season_kinds"]  # "in five primaries Tuesday"
    return (
        counted
        or _word_part(tok)
        or _generic(tok)
        or _in_words(tok)
        or _reacted_to(tok)
        or _said_topic(tok)
        or _said_to_be(tok)
        or _talked_about(tok)
    )


def _talked_about(tok: "Token") -> bool:
    """ "when she brought up last year's harbor bombing", "cited the verdict": what is talked about."""
    if tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
        return False
    verb = tok.head
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    said = {verb.lemma_.casefold(), *(f"{verb.lemma_.casefold()} {p}" for p in particles)}
    return bool(said & set(words()["topic_verbs"]))


def _said_to_be(tok: "Token") -> bool:
    """ "Lutz is reaffirming that the inquiry is free of pressure", "told ... that the inquiry is
    run by detectives": the subject of what a named speaker says it is or how it is done, what
    the statement is about, not the news (also where the
    parse hangs the clause on its subject: "that the probe ... is free" as a noun clause)."""
    if tok.dep_ == "ccomp" and tok.pos_ == "NOUN":
        verb = tok.head
    elif tok.head.dep_ == "ccomp" and (
        tok.dep_ == "nsubjpass" or (tok.dep_ == "nsubj" and tok.head.lemma_ == "be")
    ):  # "... is free of pressure", "... is run by career detectives"
        verb = tok.head.head
    else:
        return False
    speakers = [c for c in verb.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in ("he", "she"))]
    return verb.lemma_.casefold() in words()["speech"] and bool(speakers)


def _said_topic(tok: "Token") -> bool:
    """ "called the governor's remarks unfair", "a jab at Brenner's statement", "his remarks
    were a gift to his rivals", "says his remarks were misread": what someone said, talked
    about, not an event."""
    if tok.lower_ not in words()["said_words"]:
        return False
    owned = any(c.dep_ == "poss" for c in tok.children)
    if tok.dep_ in ("dobj", "pobj"):
        return owned
    if tok.dep_ != "nsubj":
        return False
    head = tok.head
    if head.dep_ in ("ccomp", "xcomp", "oprd") and head.head.lemma_.casefold() in words()["speech"]:
        return True  # a clause someone says of the words
    # "his remarks were a gift", "called Brenner's remarks unfair" (parsed as a small clause)
    return owned and (head.lemma_ == "be" or head.pos_ != "VERB" or head.dep_ in ("ccomp", "xcomp", "oprd"))


def _anchored(tok: "Token", preps: str = "anchor_preps") -> bool:
    """ "days before the party's gathering", "ahead of the vote" (or, in a headline, "After Court Ruling"):
    a point in time or an example for something else."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in words()[preps] or f"{prep.head.lower_} {prep.lower_}" in words()[preps]


def _argument(tok: "Token", kind: str) -> bool:
    """ "a debate about how to pay for dams", "the debate over tolls": a public argument."""
    preps = words()["topic_preps"].get(kind, [])
    if any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children):
        return True
    # "waded into the Brexit debate", "weighed in on the debate": one joins an argument
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    entries = words()["argument_entries"].get(kind, [])
    # (the lemmatizer makes "waded" "wad": the form is asked too)
    return verb.pos_ == "VERB" and (verb.lemma_.casefold() in entries or _form_of(verb.lower_, entries))


def _season(tok: "Token", kind: str) -> bool:
    """ "the party primaries": a season; "the Montana caucuses", "Tuesday's primaries", "five
    primaries" are events."""
    if kind not in words()["season_kinds"] or tok.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(
        c.dep_ in ("poss", "nummod") or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "GPE")
        for c in tok.children
    )


def _standing(tok: "Token", kind: str) -> bool:
    """ "trailing in the polls": a standing, not a poll."""
    preps = words()["standing_preps"].get(kind, [])
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ == "pobj" and tok.head.lower_ in preps


def _written(tok: "Token", kind: str) -> bool:
    """ "wrote the speech", "penned the remarks": a text someone wrote, not the speaking."""
    return (
        kind in ("speech", "statement") and tok.dep_ == "dobj" and tok.head.lemma_.casefold() in words()["work_verbs"]
    )


def _not_news(tok: "Token", kind: str) -> bool:
    """A trigger that is no event of its own (:func:`_side_mention` and the rules of kind)."""
    return (
        _side_mention(tok)
        or _anchored(tok)
        or _argument(tok, kind)
        or _season(tok, kind)
        or _standing(tok, kind)
        or _written(tok, kind)
        or _addressee(tok)
        or _participle_of(tok)
    )


def _participle_of(tok: "Token") -> bool:
    """ "an interview with a magazine published online Wednesday", "a poll released Friday": a
    participle that tells of an event noun it hangs on (and dates it) is no event of its own ("the
    plan released Tuesday" is the release)."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBN", "VBD"):
        return False
    if tok.dep_ == "acl":
        return tok.tag_ == "VBN" and _noun_kind(tok.head) is not None
    # the parser may make it the root: "In an interview with The Coastal Times published online
    # Wednesday, Reyes was asked": no subject, right after the opening phrase of an event noun
    opening = tok.sent[0]
    held = [c for c in opening.children if c.dep_ == "pobj"] if opening.dep_ == "prep" and opening.head == tok else []
    return (
        tok.dep_ == "ROOT"
        and tok.i > tok.sent.start
        and tok.nbor(-1).dep_ == "pobj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(_noun_kind(o) is not None for o in held)
    )


def _addressee(tok: "Token") -> bool:
    """ "told a nurses' union gathering in Denver she will ...", "Weber told the Fjord Dialogue, a
    naval forum in Bergen": whom words are told to, not the news; the telling is."""
    if tok.dep_ == "appos":
        tok = tok.head  # "the Dialogue, a regional security forum"
    verb = tok.head
    if tok.dep_ not in ("dobj", "dative") or verb.pos_ != "VERB":
        return False
    if verb.lemma_.casefold() not in words()["addressee_verbs"]:
        return False
    quoted = any(c in verb.sent.text for c in _QUOTE_CHARS)
    return quoted or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _triggers(sent: "DocSpan") -> Iterator[tuple[int, "Token", str]]:
    for tok in sent:
        kind = trigger_kind(tok)
        if kind and not _hypothetical(tok) and not _quoted(tok, sent) and not _not_news(tok, kind):
            yield _depth(tok, sent), tok, kind


def _speech_verb(sent: "DocSpan") -> "Token | None":
    """The sentence's reporting verb: its root, or the root's clause's verb ("..., X said")."""
    speech = set(words()["speech"])
    root = sent.root
    text = sent.text  # (a Span joins its tokens' text each time it is asked)
    quoted = any(c in text for c in _QUOTE_CHARS)
    # "..., saying that": a participle telling what the subject said
    said = [c for c in root.children if c.dep_ == "advcl" and c.tag_ == "VBG" and _controller(c)]
    if root.lemma_.casefold() in words()["platform_verbs"]:
        # "went to the statehouse stairs on Monday to assail X": what was gone there for
        said += [c for c in root.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"]
    for t in (root, *[c for c in root.children if c.dep_ in ("ccomp", "conj")], *said):
        if (
            t.pos_ == "VERB"
            and t.lemma_.casefold() in speech
            and not _hypothetical(t)
            and (
                quoted
                or any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
                or _calls_on(t)
                or _announces(t)
                or _targets(t)
            )
        ):
            return t  # reported speech: a clause or a quotation ("defended the decision" is not)
    return None


def _calls_on(verb: "Token") -> bool:
    """ "called on Dean to apologize": the infinitive may hang on the object; "is calling for
    Dean to be barred": a clause of its own, opened by "for"."""
    if any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        and any(a.tag_ == "TO" for a in c.children)
        for c in verb.children
    ):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in verb.children
    ) and any(t.tag_ == "TO" for t in verb.subtree)


def _targets(verb: "Token") -> bool:
    """ "blasted her rival Hal Brenner on Monday over ...": a reaction aimed at someone named
    is a statement of its own."""
    if verb.lemma_.casefold() not in words()["reaction_verbs"]:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if any(x.ent_type_ in ("PERSON", "ORG") for o in objs for x in o.subtree):
        return True
    # "praised the work of a donor to Sen. Reyes": the parse may hang the one aimed at on the verb
    return bool(objs) and any(
        o.dep_ == "pobj" and o.ent_type_ in ("PERSON", "ORG")
        for p in verb.children
        if p.dep_ == "prep"
        for o in p.children
    )


def _announces(verb: "Token") -> bool:
    """ "announced plans to expand", "announced another step": what is announced is said."""
    return verb.lemma_.casefold() in words()["object_speech"] and any(c.dep_ == "dobj" for c in verb.children)


def _speech_kind(verb: "Token") -> str:
    w = words()
    cues, in_prep = set(w["interview_cues"]), set(w["prep_interview_cues"])
    for t in verb.sent:
        lemma = t.lemma_.casefold()
        if lemma in cues and (lemma not in in_prep or (t.dep_ == "pobj" and t.tag_ != "NNS")):
            return "interview"  # "on his radio show"; not "expand programs"
    return "statement"


# --- the lead ------------------------------------------------------------------------------


def _lead(article: Article, docs: list["Doc"], sentences: int, paragraphs: int) -> list[tuple[int, "DocSpan"]]:
    """(paragraph, sentence) of the first sentences of the body worth reading (not the dateline)."""
    out: list[tuple[int, "DocSpan"]] = []
    at, dateline = dateline_at(article)
    for p, (para, doc) in enumerate(zip(article.body[:paragraphs], docs)):
        if para.role == "note" or len(para.text.split()) < MIN_LEAD_WORDS:
            continue
        if p == at and _roundup(article):
            continue  # "The Latest on ... two contests Saturday": what the roundup covers, not its news
        for sent in doc.sents:
            if p == at and sent.end_char <= dateline:
                continue
            if len(out) < sentences and sum(1 for t in sent if t.is_alpha) >= MIN_LEAD_WORDS // 2:
                out.append((p, sent))
    return out


def _summary(article: Article, paragraphs: int) -> range:
    """Paragraphs of a summary kept above the story ("ABSTRACT. ... FULL TEXT."): it tells the
    news undated ("an official said"); the story's own first sentence dates it."""
    opening, closing = words()["abstract_marks"]
    marks = [para.text.strip().rstrip(".").casefold() for para in article.body[:paragraphs]]
    if opening in marks and closing in marks[marks.index(opening) :]:
        start = marks.index(opening)
        return range(start, marks.index(closing, start))
    return range(0)


Candidate = tuple[str, "int | None", "Token", str]  # (kind, paragraph, token, how)


def _lead_statements(lead: list[tuple[int, "DocSpan"]]) -> list[tuple[int, Candidate]]:
    """(sentence number, candidate) of the lead's reported speech."""
    out: list[tuple[int, Candidate]] = []
    for n, (p, sent) in enumerate(lead):
        if (verb := _speech_verb(sent)) is not None:
            out.append((n, (_speech_kind(verb), p, verb, "lead statement")))
    return out


def _adverbial(tok: "Token") -> bool:
    """In an adverbial clause of what came before or after ("..., an hour after the court
    struck down the toll"; not one of the same moment, "said as she read the verdict", nor the
    clause a verb reports, "says an internal review found")."""
    marks = set(words()["background_marks"])
    return any(
        a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in a.children)
        for a in (tok, *tok.ancestors)
    )


def _main_clause(verb: "Token") -> bool:
    """The sentence's root, or a verb joined to it or under it ("X blasted Y" under a misparsed
    first word)."""
    if verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.casefold() in words()["platform_verbs"]:
        verb = verb.head  # "went to the statehouse stairs to assail X"
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp") and verb.head.dep_ == "ROOT")


def _in_relative(tok: "Token") -> bool:
    return any(a.dep_ == "relcl" for a in tok.ancestors)


def _said_back(tok: "Token") -> bool:
    """ "His words came a day after ...": a later sentence's words of someone the lead has
    already told speaking, not an event before what the first sentence reports."""
    return tok.lower_ in words()["said_words"] and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _waiting(found: list[tuple], said_first: bool) -> tuple[list[tuple], list[tuple]]:
    """The lead's triggers that wait: (after the first sentence's reported speech, after all of
    it). Still to come, told in a relative clause ("..., which an audit later called
    reckless") or someone's words told again ("Her remarks came ..."): after what the first
    sentence reports was said; so is a trigger in a subordinate clause of a first sentence
    whose main clause reports speech ("Ortiz blasted Brenner on Monday ..., an hour after the
    court struck down the toll"). Told in an adverbial clause of a later sentence ("Brenner
    lashed out at her after she gave a speech"): background, after all the lead's speech."""
    later = [
        x
        for x in found
        if (x[1] > 0 and (tense_of(x[4]).direction == "future" or _in_relative(x[4]) or _said_back(x[4])))
        or (said_first and x[1] == 0 and (_adverbial(x[4]) or _in_relative(x[4])))
    ]
    last = [x for x in found if x[1] > 0 and x not in later and _adverbial(x[4])]
    return later, last


def _caused(first: list[Candidate], found: list[tuple]) -> list[tuple]:
    """The later sentences' past events that wait behind what the first sentence has someone
    saying now ("A lawmaker is calling for X to be barred ... At a rally on Thursday, X said"):
    that is the news, they are its cause."""
    if not any(_present(c[2]) and c[2].tag_ == "VBG" for c in first):
        return []
    return [x for x in found if x[1] > 0 and tense_of(x[4]).direction == "past"]


def _lead_candidates(
    lead: list[tuple[int, "DocSpan"]], found: list[tuple], said_in_headline: bool = False
) -> Iterator[Candidate]:
    """The lead's triggers nearest their main clause, earlier sentences first; then its
    reported speech. What a later sentence says is still to come ("are scheduled to
    gather in December") waits until after what the first sentence reports was said."""
    statements = _lead_statements(lead)
    said_first = any(n == 0 and _main_clause(c[2]) for n, c in statements)
    later, last = _waiting(found, said_first)
    first = [c for n, c in statements if n == 0 and _main_clause(c[2])]
    later += _caused(first, [x for x in found if x not in later and x not in last])
    now = [x for x in found if x not in later and x not in last]
    if said_in_headline and not any(x[1] == 0 for x in now):
        # "Rep. Graham slams Trump" over "Graham on Friday pummeled Trump ... Her remarks came": a
        # first sentence that reports speech and no event tells the news the headline does
        yield from first
    for _, _, _, p, t, k in now:
        yield k, p, t, "lead trigger"
    yield from (c for n, c in statements if n == 0)
    for _, _, _, p, t, k in later:
        yield k, p, t, "lead trigger"
    yield from (c for n, c in statements if n > 0)
    for _, _, _, p, t, k in last:
        yield k, p, t, "lead trigger"


def _reacted_kinds(sent: "DocSpan") -> set[str]:
    """Kinds of what the sentence's reaction is about ("Reyes criticized the river accord")."""
    return {k for t in sent if (k := trigger_kind(t)) and _reacted_to(t)}


def _quote_speech(article: Article, paragraph: int, sent: "DocSpan") -> "Token | None":
    """The cue of a quote the quotes stage gave a named speaker in the sentence ("Tuesday on a
    radio show, while discussing a post ..., Mayor Lena Ortiz said '...'"), where the parse
    hides the reporting verb under the quotation."""
    for q in article.quotes:
        m = q.speaker_mention
        if not (q.speaker and q.cue and m and m.in_body and m.paragraph == paragraph):
            continue
        if not sent.start_char <= m.start < sent.end_char:
            continue
        cue = q.cue.split()[0].casefold()
        for t in sent:
            if t.lower_ == cue and t.pos_ == "VERB" and not _quoted(t, sent) and not _hypothetical(t):
                return t
    return None


def _headline_triggers(headline: "Doc | None", about: set[str]) -> list[tuple[int, "Token", str]]:
    """(depth, token, kind) of the headline's triggers near its main clause, but not what the
    lead's reaction is about nor a circumstance ("... After Court Ruling")."""
    if headline is None:
        return []
    return [
        (d, t, k)
        for sent in headline.sents
        for d, t, k in _triggers(sent)
        if (d <= words()["headline_rank"] or _headline_occasion(t, d))
        and k not in about
        and not _anchored(t, "headline_anchor_preps")
    ]


def _headline_occasion(tok: "Token", depth: int) -> bool:
    """ "Lund scolds Berg and praises Vale at news conference": where the headline's acts
    took place, one step below its main clause."""
    return (
        depth <= words()["headline_rank"] + 1
        and tok.dep_ == "pobj"
        and tok.head.lower_ in words()["occasion_preps_headline"]
        and tok.head.head.pos_ == "VERB"
    )


def _misread_reaction(headline: "Doc") -> bool:
    """ "Union Chief Praises Reyes Donor's Billboards", "Lund pillories Berg's record": a headline
    whose verb of reaction (present tense, after a name) the parser reads as a noun reports speech."""
    verbs = set(words()["reaction_verbs"]) & set(words()["speech"])
    return any(
        t.pos_ in ("PROPN", "NOUN")
        and t.nbor(-1).pos_ == "PROPN"
        and any(t.lower_ in (v + "s", v + "es", v[:-1] + "ies") for v in verbs)
        for t in headline[1:]
    )


def _in_reported_clause(tok: "Token") -> bool:
    """Inside the clause a sentence's main reporting verb reports ("stated that the story on X's
    emails has moved")."""
    verb = _speech_verb(tok.sent)
    return (
        verb is not None
        and _main_clause(verb)
        and any(a.dep_ == "ccomp" and a.head == verb for a in (tok, *tok.ancestors))
    )


def _speaker_colon(headline: "Doc", article: Article | None) -> bool:
    """ "Reyes: No deal on the dam": a headline that gives a person's words after the name
    (a person of the article's actors, when the tagger does not know the name)."""
    colon = next((t for t in headline if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return False
    name = headline[: colon.i]
    if not all(t.pos_ == "PROPN" or t.is_title for t in name):  # the tagger may call "Lutz" an adjective
        return False
    people = [a.name.split()[-1] for a in (article.actors if article else []) if a.kind == "person"]
    return name[-1].ent_type_ == "PERSON" or name[-1].text in people


def _lead_triggers(lead: list[tuple[int, "DocSpan"]], about: set[str], quoted: bool) -> list[tuple]:
    """(depth, sentence, index, paragraph, token, kind) of the lead's triggers, nearest the main
    clause first, but not what the first sentence's reaction is about."""
    every = sorted(
        ((d, n, t.i, p, t, k) for n, (p, sent) in enumerate(lead) for d, t, k in _triggers(sent) if k not in about),
        key=lambda x: x[:3],
    )
    if quoted:
        # "Reyes: port email story has run its course" over "Reyes stated that the story on Brenner's
        # emails has run its course": the headline gives his words, so what the first sentence has him say is no event
        every = [x for x in every if not (x[1] == 0 and _in_reported_clause(x[4]))]
    return every


def _headline_says(headline: "Doc") -> bool:
    """The headline reports speech: a verb of speech with its clause, or one the parser misread."""
    return _misread_reaction(headline) or any(_speech_verb(sent) is not None for sent in headline.sents)


def _candidates(
    lead: list[tuple[int, "DocSpan"]], headline: "Doc | None", article: Article | None = None
) -> Iterator[Candidate]:
    """(kind, paragraph, token, how) of what may be the main event, best first (the
    module's order): the first one that says something of itself is the main event."""
    # "criticized the river accord ... The agreement sets limits": the reaction is the news
    about = _reacted_kinds(lead[0][1]) if lead else set()
    quoted = headline is not None and _speaker_colon(headline, article)
    # "Lutz: No meddling in dam inquiry": the inquiry is in her words, not the headline's news
    head = [] if quoted else _headline_triggers(headline, about)
    every = _lead_triggers(lead, about, quoted)
    found = [x for x in every if x[0] <= words()["kind_max_rank"].get(x[5], MAX_RANK)]
    head_kinds = [k for _, _, k in sorted(head, key=lambda x: x[0])]
    for kind in head_kinds:
        # the kind the headline names, however deep the lead tells it ("held forth on topics in
        # his year-end news conference")
        match = next((x for x in every if x[5] == kind), None)
        if match is not None:
            yield kind, match[3], match[4], "lead trigger"
    if head_kinds:
        d, t, k = min(head, key=lambda x: x[0])
        yield k, None, t, "headline trigger"
    said = headline is not None and (quoted or _headline_says(headline))
    yield from _lead_candidates(lead, found, said)
    if article is not None:
        for p, sent in lead:
            if (cue := _quote_speech(article, p, sent)) is not None:
                yield _speech_kind(cue), p, cue, "lead statement"
    if headline is not None:
        for sent in headline.sents:
            if (verb := _speech_verb(sent)) is not None:
                yield "statement", None, verb, "headline statement"


# --- what surrounds it ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return frozenset(data("speaker_descriptions")["person"]) | frozenset(words()["role_nouns"])


def _role_of_another(t: "Token") -> bool:
    """ "Obama's former campaign strategist", "Connecticut's tax commissioner": a person
    described through someone else, who is not the one named."""
    return (
        t.pos_ == "NOUN"
        and t.lemma_.casefold() in _role_nouns()
        and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in t.children)
    )


def _actors_of(tok: "Token", paragraph: int | None, refs: Refs) -> list[str]:
    """Actors a noun phrase names: its head with what stands left of it, and its conjuncts."""
    out: list[str] = []
    for t in (tok, *[c for c in tok.subtree if c.dep_ == "conj" and c.head == tok]):
        if t.pos_ == "PRON" or _role_of_another(t):
            continue
        named = [c for c in t.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if named and t.pos_ == "NOUN" and t.lemma_.casefold() in _role_nouns():
            t = named[0]  # "former Lund pollster Ada Berg": Berg, not whom she polled for
        left = _name_start(t)
        start, end = left.idx, t.idx + len(t.text)
        text = t.doc.text[start:end]
        found = refs.actors_at(paragraph, start, end, text) if paragraph is not None else []
        out += found or _named_unmarked(t, text, paragraph, refs)
    return out


def _name_start(t: "Token") -> "Token":
    """Where the name a head ends begins: what stands left of it, after a role ("Hal Brenner
    pollster Ann Lutz": Lutz)."""
    left = t.left_edge if t.left_edge.i <= t.i else t
    roles = [x for x in t.doc[left.i : t.i] if x.pos_ == "NOUN" and x.lemma_.casefold() in _role_nouns()]
    return t.doc[roles[-1].i + 1] if roles and t.ent_type_ == "PERSON" else left


def _named_unmarked(t: "Token", text: str, paragraph: int | None, refs: Refs) -> list[str]:
    """Actors named by ``text`` (a headline's words; in the body, a name the actors stage left
    unmarked there, "Sanders praises Obama" above the story, when it names one actor only)."""
    if paragraph is None:
        return refs.actors_at(None, 0, 0, text)
    if not (t.pos_ == "PROPN" or t.text[:1].isupper()):
        return []
    named_by = refs.actors_at(None, 0, 0, text)
    return named_by if len(named_by) == 1 else []


def _arguments(tok: "Token", verb: "Token", kind: str) -> list["Token"]:
    """The words that may name the main event's participants."""
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "dobj", "dative")]
    args += _controller(verb)
    # "voted to hold Bryan Pagliano in contempt": the object of the clause it decides
    args += [c for x in verb.children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "dobj"]
    args += [c for c in verb.children if c.dep_ == "agent" for c in c.children]
    if tok is not verb:
        args += [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod") and c.pos_ == "PROPN"]
        # "emails released by the port authority": who did what the participle says
        args += [
            o for c in tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent" for o in a.children
        ]
    return args + _prep_arguments(tok, verb, kind)


def _prep_arguments(tok: "Token", verb: "Token", kind: str) -> list["Token"]:
    """ "between/with/against/to/by X" on the verb or the trigger; the kind's own prepositions
    ("the endorsement of X") also on the verb's object ("endorsed the re-election of X")."""
    own = set(words()["kind_participant_preps"].get(kind, []))
    preps = set(words()["participant_preps"]) | own
    args = [
        c
        for prep in (*verb.children, *tok.children)
        if prep.dep_ == "prep" and prep.lower_ in preps
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    objects = [c for c in verb.children if c.dep_ == "dobj" and c is not tok]
    return args + [o for x in objects for p in x.children if p.dep_ == "prep" and p.lower_ in own for o in p.children]


def _controller(verb: "Token") -> list["Token"]:
    """The subject of a verb that has none of its own: "Trump, speaking at a rally" (the noun
    the participle hangs on), "took a detour Wednesday to meet Obama", "took a swipe at X,
    saying" (the subject of the verb it hangs on)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or verb.tag_ not in ("VBG", "VB", "VBN"):
        return []
    if verb.dep_ in ("acl", "advcl") and verb.head.pos_ in ("PROPN", "NOUN"):
        return [verb.head]  # the parser hangs "Trump, speaking at a rally, warned" on either
    if verb.dep_ in ("advcl", "xcomp"):
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    if verb.dep_ == "pcomp" and verb.head.lower_ in words()["time_preps"] and verb.head.head.pos_ == "VERB":
        return [c for c in verb.head.head.children if c.dep_ == "nsubj"]  # "after writing an op-ed, Okafor ..."
    return []


def _participants(
    tok: "Token", paragraph: int | None, refs: Refs, lead: list[tuple[int, "DocSpan"]], kind: str = ""
) -> list[str]:
    verb = _verb_of(tok)
    # "pictures from his rally on the quay": whose it is, the person the lead has just named
    owners = [x for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" for x in _stood_for(c, verb, lead, refs)]
    out: list[str] = list(owners) if paragraph is not None else []
    if kind in words()["maker_kinds"] and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("dobj", "nsubjpass"):
        made = _made_by(tok, verb, paragraph, refs, kind)  # "a new poll shows Ortiz ahead": not Ortiz
        return list(dict.fromkeys(made + [p for a in made for p in _partners(a, refs)]))
    for a in _arguments(tok, verb, kind):
        if a.dep_ == "nsubj" and a.lower_ in words()["relative_pronouns"] and verb.dep_ == "relcl":
            out += _actors_of(verb.head, paragraph, refs)  # "the opera, which opens in Lyon"
            continue
        found = _actors_of(a, paragraph, refs)
        if not found and a.dep_ in ("nsubj", "nsubjpass") and paragraph is not None and not owners:
            found = _stood_for(a, verb, lead, refs)
        out += found
    if not out and verb.dep_ == "ccomp" and verb.head.lemma_.casefold() in words()["speech"]:
        # "the port auditor says a new audit finds": the speaker's
        out = _participants(verb.head, paragraph, refs, lead)
    if kind in words()["maker_kinds"]:
        out += [p for a in out for p in _partners(a, refs)]
    return list(dict.fromkeys(out))


def _made_by(tok: "Token", verb: "Token", paragraph: int | None, refs: Refs, kind: str) -> list[str]:
    """Who made a poll or report (who it shows is not who made it); "X wrote in a Sun op-ed": X."""
    makers = _makers(tok, kind)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head == verb and _speaks(verb):
        makers = [c for c in verb.children if c.dep_ == "nsubj"] + makers
    return list(dict.fromkeys(a for m in makers for a in _actors_of(m, paragraph, refs)))


def _partners(ref: str, refs: Refs) -> list[str]:
    """ "the Coastal Post-Morning Consult poll", read as one organisation: the organisations of
    the article each part names (a poll made by two)."""
    actor = refs.article.actor(ref)
    if actor is None or actor.kind == "person":
        return []
    parts = {normalise_name(p) for p in re.split(r"(?<=\w)[-/](?=[A-Z])", actor.name)}
    if len(parts) < 2:
        return []
    return [
        a.id
        for a in refs.article.actors
        if a.id != ref and a.kind != "person" and {normalise_name(n) for n in [a.name, *a.aliases]} & parts
    ]


def _speaks(verb: "Token") -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.casefold() in words()["speech"]


def _makers(tok: "Token", kind: str) -> list["Token"]:
    """Who made a poll or report: its name modifiers ("a Harbor Times poll", "the AP's report"), "by X"
    on it or on a participle it carries ("a poll conducted by X")."""
    preps = set(words()["participant_preps"]) | set(words()["kind_participant_preps"].get(kind, []))
    out = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod") and c.pos_ == "PROPN"]
    one = _singled_out(tok)  # "three polls, including one from X": X made the one told
    for h in (tok, *[c for c in tok.children if c.dep_ == "acl"], *([one] if one is not None else [])):
        for prep in (c for c in h.children if c.dep_ in ("prep", "agent")):
            if prep.dep_ == "agent" or prep.lower_ in preps:
                out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _stood_for(subject: "Token", verb: "Token", lead: list[tuple[int, "DocSpan"]], refs: Refs) -> list[str]:
    """Who a subject that names no one stands for: a pronoun, the subject of the sentence
    before ("Politifact did a fact-check ... they published"); a description, the named
    subject of the same act later in the lead ("A county magistrate has dismissed ... Magistrate
    Ilse Varga dismissed"), else the organisation of the next sentence ("A House panel")."""
    at = next((n for n, (_, s) in enumerate(lead) if s.doc is subject.doc and s.start <= subject.i < s.end), None)
    if at is None:
        return []
    if subject.pos_ == "PRON":
        if subject.lower_ not in words()["personal_pronouns"]:
            return []  # ("his rally": a possessive's too)
        if verb.dep_ == "conj" and (joined := _joined_subject(verb, lead[at][0], refs)):
            return joined  # "Clinton on Monday hit Sanders ..., and she claimed that ...": Clinton
        if verb.dep_ == "ccomp" and _speaks(verb.head) and (speaker := _joined_subject(verb.head, lead[at][0], refs)):
            return speaker  # "Vale said on Friday he met Ortiz": Vale
        if at == 0:
            return []
        p, before = lead[at - 1]
        return [a for s in before.root.children if s.dep_ in ("nsubj", "nsubjpass") for a in _actors_of(s, p, refs)]
    if subject.pos_ != "NOUN":
        return []
    return _same_act(verb, lead[at + 1 :], refs) or _named_next(subject, lead, refs)


def _joined_subject(verb: "Token", paragraph: int, refs: Refs) -> list[str]:
    """The named subject of the first verb a verb is joined to in its sentence ("X hit Y, and she
    claimed": X)."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # the parse may hang the first clause under the second ("X on Monday hit Y, she hit him ...")
    clauses = [first, *(c for c in first.children if c.dep_ in ("ccomp", "conj") and c.i < first.i)]
    subjects = [c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"]
    named = [a for s in subjects for a in _actors_of(s, paragraph, refs)]
    # "Green Party donor Tom Vale": the person, not the party his title names
    return [a for a in named if refs.actors[a].kind == "person"][:1] or named[:1]


def _same_act(verb: "Token", later: list[tuple[int, "DocSpan"]], refs: Refs) -> list[str]:
    """The actors named in the subject of a later verb of the same lemma or main-event kind
    (or of the verb whose object names that kind: "made his ruling")."""
    kind = trigger_kind(verb)
    for p, sent in later:
        for t in sent:
            if kind and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and trigger_kind(t) == kind:
                # "The ruling, in which Judge Horvat pointed to ..., answered": the person it names
                start, end = t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
                if people := [a for a in refs.actors_at(p, start, end) if refs.actors[a].kind == "person"]:
                    return people[:1]
            if kind and t.dep_ == "dobj" and t.pos_ == "NOUN" and trigger_kind(t) == kind:
                t = t.head  # "Judge Sullivan made his ruling"
            elif t.pos_ != "VERB" or not (t.lemma_ == verb.lemma_ or (kind and trigger_kind(t) == kind)):
                continue
            for s in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")):
                start, end = s.left_edge.idx, s.right_edge.idx + len(s.right_edge.text)
                found = refs.actors_at(p, start, end, s.doc.text[start:end])
                if found:
                    return found
    return []


def _named_next(subject: "Token", lead: list[tuple[int, "DocSpan"]], refs: Refs) -> list[str]:
    """The organisation a description stands for, named in the lead's next sentence ("A
    state panel voted ... The Senate Rules and Ethics Committee voted 7-4")."""
    at = next((n for n, (_, s) in enumerate(lead) if s.doc is subject.doc and s.start <= subject.i < s.end), None)
    if at is None or at + 1 >= len(lead):
        return []
    p, nxt = lead[at + 1]
    found = refs.actors_at(p, nxt.start_char, nxt.end_char)
    return [a for a in found if refs.actors[a].kind == "organization"][:1]


def _token_at(doc: "Doc", char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _same_occasion(clause: "Token", end: int, tok: "Token", verb: "Token") -> bool:
    """Whether a date on the verb ``clause`` dates the event of ``tok`` (its verb ``verb``):
    "a poll released Friday", "this weekend he would" (words before the reported clause's
    subject are the reporting verb's), "Obama, dedicating the museum on Saturday, said", "In
    a video clip shared Friday, Okafor said"; not "said Thursday that ... when he said
    Wednesday"."""
    if clause.dep_ in ("acl", "relcl") and clause.head == tok:
        return True
    if clause.dep_ == "advcl" and clause.head in (tok, verb) and _same_moment(clause):
        return True  # "painted a dire portrait as he accepted the nomination Thursday night"
    if reporting_verb(clause, end) in (tok, verb):
        return True
    if verb.head == clause and verb.dep_ == "advcl" and _controller(verb):
        return True  # "suspended his campaign Wednesday, telling supporters": told then
    if _step_of(verb) == clause:
        return True  # "on Monday started the process of laying off staff": laid off then
    # "claim that there have been shootings this year": a clause with a subject of its own
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") or c.tag_ == "VBP" for c in clause.children)
    if clause.tag_ in ("VBG", "VBN") and clause.dep_ in ("advcl", "acl") and not own_subject:
        holder = clause.head
        if holder in (tok, verb) or (holder.head == verb and holder.dep_ in ("nsubj", "pobj")):
            return True
        return holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.head in (tok, verb)
    return False


def _step_of(verb: "Token") -> "Token | None":
    """The verb whose object a gerund spells out ("started the process of laying off", "took the step
    of announcing"), or None."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "of" or prep.head.dep_ != "dobj":
        return None
    return prep.head.head if prep.head.lemma_.casefold() in words()["step_nouns"] else None


def _same_moment(clause: "Token") -> bool:
    marks = set(words()["same_moment_marks"])
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in clause.children)


def _attached(f: dates_pass.Found, tok: "Token", verb: "Token") -> bool:
    span = tok.doc.char_span(f.expr.start, f.expr.end, alignment_mode="expand")
    if span is None or span.root.head.lower_ in data("event_triggers")["bound_preps"]:
        return False  # "until 2030": a bound, not when it happens
    for a in span.root.ancestors:
        if a == tok or (a == verb and not is_phase(verb)):
            return True
        if a == verb or _anchored(a):
            # "The agreement will take effect next year": not when it was made; "flyers before
            # the June 9 runoff": the day of the point in time, not of the ads
            return False
        if a.pos_ in ("VERB", "AUX") and a.ent_type_ != "WORK_OF_ART":
            # a show's title read as a verb ("told CBS' Face the Nation" with a day after it) is no clause
            return _same_occasion(a, span.end, tok, verb)
    return False


def _date(tok: "Token", paragraph: int | None, found: list[tuple[int, dates_pass.Found]]) -> DateInfo | None:
    """The resolved date attached to the event's verb or trigger in its sentence, else the nearest."""
    if paragraph is None:
        return None
    sent, verb = tok.sent, _verb_of(tok)
    here = [
        f
        for p, f in found
        if p == paragraph
        and sent.start_char <= f.expr.start < sent.end_char
        and f.date.start
        and not _quoted(tok.doc[_token_at(tok.doc, f.expr.start)], sent)
    ]
    if not here:
        return None

    hits = [f for f in here if _attached(f, tok, verb)]
    return min(hits, key=lambda f: abs(f.expr.start - tok.idx)).date if hits else None


def _objects(tok: "Token", kind: str) -> list["Token"]:
    """Words that may name where ``tok`` happens: "in/at X" on it, on its verb or on a
    participle it carries ("a conclave held in Lisbon"), one step into that object ("at
    the party's dinner in Denver"); for a visit also "to X" and what is visited."""
    verb = _verb_of(tok)
    preps = set(words()["place_preps"]) | set(words()["kind_place_preps"].get(kind, []))
    heads = [tok, verb, *[c for c in tok.children if c.dep_ == "acl"]]
    objs = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children]
    if kind == "visit" and verb.lemma_.casefold() == "visit":
        objs += [c for c in verb.children if c.dep_ == "dobj"]
    return [o for o in [*objs, *_inner(tok, verb, objs, preps)] if o.dep_ in ("pobj", "dobj")]


def _inner(tok: "Token", verb: "Token", objs: list["Token"], preps: set[str]) -> list["Token"]:
    """One step into the objects: "at the party's dinner in Denver"; through those it was given
    to ("an address to fishermen in Bergen") or held with ("spoke at a picnic with farmers in
    Denver"), where they were."""
    who = set(words()["participant_preps"]) - preps

    def under(heads: list["Token"], allowed: set[str]) -> list["Token"]:
        return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in allowed for o in p.children]

    via = (under([tok], who) if tok is not verb else []) + under(objs, who)
    return under([*objs, *via], preps)


def _place_on(tok: "Token", paragraph: int | None, refs: Refs, kind: str) -> str | None:
    """The place the words around ``tok`` give it (:func:`_objects`, a place modifier: "the
    Montana primary"), if a place of the article."""
    for mod in (c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"):
        start, end = mod.left_edge.idx, mod.idx + len(mod.text)
        if hit := refs.place_at(paragraph, start, end, mod.doc.text[start:end] if paragraph is None else mod.text):
            return hit
    for obj in _objects(tok, kind):
        start, end = obj.left_edge.idx, obj.idx + len(obj.text)
        hit = refs.place_at(paragraph, start, end, obj.doc.text[start:end] if paragraph is None else obj.text)
        if hit:
            return hit
    return None


def _paragraph_of(tok: "Token", lead: list[tuple[int, "DocSpan"]]) -> int | None:
    return next((p for p, s in lead if s.doc is tok.doc and s.start <= tok.i < s.end), None)


def _occasion_place(
    tok: "Token", kind: str, lead: list[tuple[int, "DocSpan"]], headline: "Doc | None", refs: Refs
) -> str | None:
    """Where the lead's other sentences or the headline put the same occasion ("part of a
    conclave held in Lisbon", "Prime minister's visit to Oslo")."""
    group = next((g for g in words()["occasions"] if kind in g), [kind])
    sents = [(p, sent) for p, sent in lead] + [(None, sent) for sent in (headline.sents if headline else [])]
    for p, sent in sents:
        for _, t, k in _triggers(sent):
            if t is not tok and k in group and (hit := _place_on(t, p, refs, k)):
                return hit
    return None


def _place(
    main: tuple[str, "Token", int | None, "Token"],
    article: Article,
    refs: Refs,
    lead: list[tuple[int, "DocSpan"]],
    headline: "Doc | None",
) -> str | None:
    """Where the main event (kind, trigger, paragraph, the word it took its date from)
    happens: said of it or of the word that dated it, else of the same occasion elsewhere
    in the lead or the headline (the dateline's city is the caller's last resort)."""
    kind, tok, paragraph, dated_by = main
    hit = _place_on(tok, paragraph, refs, kind)
    if hit is None and dated_by is not tok:
        hit = _place_on(dated_by, _paragraph_of(dated_by, lead), refs, kind)
    return hit or _occasion_place(tok, kind, lead, headline, refs)


def _speaker_place(
    article: Article, tok: "Token", speaker: str, lead: list[tuple[int, "DocSpan"]], refs: Refs
) -> str | None:
    """Where the lead has the speaker of a statement speak ("Mr. Reyes said on Saturday at
    the party's dinner in Denver"; "'...,' the nominee said at a rally in Denver", the quotes
    stage giving the nominee's name)."""
    for p, sent in lead:
        verb = _speech_verb(sent)
        if verb is None or verb is tok:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        named = any(speaker in _actors_of(s, p, refs) for s in subjects) or speaker in _quoted_by(article, p, sent)
        if named and (hit := _place_on(verb, p, refs, "statement")):
            return hit
    return None


def _quoted_by(article: Article, paragraph: int, sent: "DocSpan") -> set[str]:
    """The speakers the quotes stage gave the quotes whose speaker is named in the sentence."""
    return {
        q.speaker
        for q in article.quotes
        if q.speaker
        and (m := q.speaker_mention) is not None
        and m.in_body
        and m.paragraph == paragraph
        and sent.start_char <= m.start < sent.end_char
    }


def _roundup(article: Article) -> bool:
    """ "WASHINGTON (AP) — The Latest on ...": a roundup of items, each its own news."""
    at, end = dateline_at(article)
    story = article.body[at].text[end:].casefold() if end else ""
    return any(story.startswith(w) for w in words()["roundup_openings"])


def _dateline_place(article: Article) -> str | None:
    """The dateline's city; none for a roundup's ("WASHINGTON (AP) — The Latest on ...":
    its items happen anywhere)."""
    if _roundup(article):
        return None
    city = (article.dateline or "").split(",")[0].split("(")[0].strip()
    if only_a_date(city):
        return None  # "Dec 29 (Reuters) -": a dateline of a day only
    key = normalise_name(city)
    return next((p.id for p in article.places if normalise_name(p.name) == key), None) if key else None


def _possessor_place(tok: "Token", paragraph: int | None, refs: Refs) -> str | None:
    """ "Norway's port auditor says a new audit finds", "a judge in Oslo ruled": the
    place whose official acts (of the event's verb, or of the verb reporting it)."""
    verb = _verb_of(tok)
    verbs = [verb, verb.head] if verb.dep_ == "ccomp" else [verb]
    for v in verbs:
        for subj in (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")):
            # "A judge in Oslo handed down a ruling": where the one acting is
            where = [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children]
            for poss in (c for c in [*subj.children, *where] if c.dep_ in ("poss", "pobj") and c.pos_ == "PROPN"):
                if paragraph is not None and (hit := refs.place_at(paragraph, poss.idx, poss.idx + len(poss.text))):
                    return hit
    return None


# --- the main event ------------------------------------------------------------------------


def _speakers(article: Article, tok: "Token", paragraph: int | None) -> list[str]:
    """Speakers of the quotes said with the event's verb (the quotes stage resolved "he",
    "the chairman"), else of the first quotes of the lead."""
    if paragraph is None:
        return []
    sent = tok.sent
    said = [
        q.speaker
        for q in article.quotes
        if q.speaker
        and q.speaker_mention
        and q.speaker_mention.in_body
        and q.speaker_mention.paragraph == paragraph
        and sent.start_char <= q.speaker_mention.start < sent.end_char
    ]
    near = [
        q.speaker
        for q in article.quotes
        if q.speaker
        and q.speaker_mention
        and q.speaker_mention.in_body
        and paragraph <= q.speaker_mention.paragraph <= paragraph + 1
    ]
    return said or near[:1]


def _from_headline(headline: "Doc", kind: str, refs: Refs) -> list[str]:
    """A debate's people as the headline names them; else the headline's subject."""
    if kind == "debate":
        text = "".join(c if c.isalnum() or c in "-'" else " " for c in headline.text)  # "Over Kaine."
        return [a for a in refs.actors_at(None, 0, 0, text) if refs.actors[a].kind == "person"]
    out: list[str] = []
    for sent in headline.sents:
        for _, t, k in _triggers(sent):
            if k == kind:  # "Harbor Times editorial: ..."
                out += [a for m in _makers(t, kind) for a in _actors_of(m, None, refs)]
    if out:
        return list(dict.fromkeys(out))
    for sent in headline.sents:
        for subj in (c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")):
            out += _actors_of(subj, None, refs)
    return out


def _later_date(
    tok: "Token", kind: str, lead: list[tuple[int, "DocSpan"]], body_dates: list[tuple[int, dates_pass.Found]]
) -> DateInfo | None:
    """A date the lead gives the same occasion in another sentence ("during the rally Monday")."""
    group = next((g for g in words()["occasions"] if kind in g), [kind])
    for p, sent in lead:
        for _, t, k in _triggers(sent):
            if t is not tok and k in group and (when := _date(t, p, body_dates)) is not None:
                return when
    return None


def _opened_by(tok: "Token", lead: list[tuple[int, "DocSpan"]]) -> tuple[int, "Token"] | None:
    """(paragraph, root) of the lead's first sentence when the event is the occasion a
    later sentence opens with ("Obama responded to a mother Wednesday night ... During a
    CNN town hall, Houchins asked"): what the first sentence tells happened there."""
    if not lead or tok.dep_ != "pobj" or tok.head.lower_ not in words()["occasion_preps"]:
        return None
    p, first = lead[0]
    if first.doc is tok.doc and first.start <= tok.i < first.end:
        return None
    return (p, first.root) if first.root.pos_ == "VERB" else None


def _who(
    article: Article,
    kind: str,
    tok: "Token",
    paragraph: int | None,
    refs: Refs,
    lead: list[tuple[int, "DocSpan"]],
    headline: "Doc | None",
) -> list[str]:
    """The main event's participants: its clause's, a statement's speakers, the headline's."""
    participants = _participants(tok, paragraph, refs, lead, kind)
    if (first := _opened_by(tok, lead)) is not None:
        p, root = first
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        participants = list(dict.fromkeys([a for s in subjects for a in _actors_of(s, p, refs)] + participants))
    if kind in ("statement", "interview"):
        participants = list(dict.fromkeys(_speakers(article, tok, paragraph) + participants))
    if kind == "interview":
        participants = list(dict.fromkeys(participants + _told(participants, lead, refs)))
    if not participants:
        participants = _occasion_participants(tok, kind, lead, refs)
    if headline is not None and paragraph is not None:
        # "Harbor Radio fires Vale" over "Vale was fired from the station": the headline's
        # trigger of the same kind names who took part too
        heads = [
            t for sent in headline.sents for d, t, k in _triggers(sent) if k == kind and d <= words()["headline_rank"]
        ]
        participants = list(
            dict.fromkeys(
                participants
                + [a for t in heads[:1] if t.pos_ == "VERB" for a in _participants(t, None, refs, [], kind)]
            )
        )
    if headline is not None and kind in words()["personnel_verbs"].values():
        participants = list(dict.fromkeys(participants + _misread_personnel(headline, refs)))
    if headline is not None and (kind == "debate" and len(participants) < 2 or not participants):
        participants = list(dict.fromkeys(participants + _from_headline(headline, kind, refs)))
    return participants


def _misread_personnel(headline: "Doc", refs: Refs) -> list[str]:
    """ "Coastline News Fires Vale Over a Post": who a headline's personnel verb, which the tagger
    read as a noun after a name, has fire or hire whom (the names in title case either side)."""
    verbs = {v + "s" for v in words()["personnel_objects"]}
    for t in headline[1:-1]:
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in verbs and t.nbor(-1).pos_ == "PROPN":
            start, end = t.i, t.i + 1
            while start > 0 and (headline[start - 1].is_title or headline[start - 1].is_upper):
                start -= 1
            while end < len(headline) and headline[end].is_title and headline[end].pos_ != "ADP":
                end += 1
            named = (headline[start : t.i].text, headline[t.i + 1 : end].text)
            return [a for text in named for a in refs.actors_at(None, 0, 0, text)]
    return []


def _told(participants: list[str], lead: list[tuple[int, "DocSpan"]], refs: Refs) -> list[str]:
    """The one an interview was given to: whom the lead has its speaker tell ("Vale tells radio
    host Ann Lutz that ...")."""
    out: list[str] = []
    for p, sent in lead:
        verb = _speech_verb(sent)
        if verb is None or verb.lemma_.casefold() != "tell":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if any(a in participants for s in subjects for a in _subject_actors(s, p, refs)):
            out += [a for c in verb.children if c.dep_ in ("dobj", "dative") for a in _actors_of(c, p, refs)]
    return out


def _occasion_participants(tok: "Token", kind: str, lead: list[tuple[int, "DocSpan"]], refs: Refs) -> list[str]:
    """Who another lead sentence has take part in an event of the same kind ("according to a
    new poll ... In the Harbor Times poll released Monday")."""
    for p, sent in lead:
        if sent.doc is tok.doc and sent.start <= tok.i < sent.end:
            continue
        for _, t, k in _triggers(sent):
            if k == kind and (found := _participants(t, p, refs, lead, k)):
                return found
    return []


def _said_later(
    tok: "Token",
    participants: list[str],
    lead: list[tuple[int, "DocSpan"]],
    body_dates: list[tuple[int, dates_pass.Found]],
    refs: Refs,
) -> tuple[DateInfo, "Token"] | None:
    """The day another lead sentence gives one of the main event's doers doing or saying
    what the lead tells: "Okafor is backing Lind ... In a video clip shared Friday,
    Okafor said", "Member of city council says ... Moreau told a morning podcast on Wednesday",
    "Trump and Clinton vied ... Wednesday ... during a forum"; or a group one of them leads:
    "A panel led by Lutz agreed Tuesday ... Vale, Lutz and Berg argued")."""
    if not participants:
        return None
    who = _doers(tok, participants, lead, refs)
    for p, sent in lead:
        if sent.doc is tok.doc and sent.start <= tok.i < sent.end:
            continue
        verb = _speech_verb(sent) or sent.root
        # "nobody was surprised Thursday, when Lutz dropped the script": the clause on the day
        acts = [(verb, verb), *((t, sent.root) for t in sent if _when_clause(t))]
        for act, dated in acts:
            if act.pos_ != "VERB":
                continue
            subjects = [c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")] or _controller(act)
            if any(_did(s, p, who, refs) for s in subjects) and (when := _date(dated, p, body_dates)):
                return when, dated
    return None


def _when_clause(t: "Token") -> bool:
    """A clause on a day of its sentence's root ("Thursday, when X dropped the script"): it tells
    what happened that day."""
    return (
        t.dep_ == "relcl"
        and t.head.ent_type_ in ("DATE", "TIME")
        and t.head.head == t.sent.root
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in t.children)
    )


def _described(subject: "Token", who: str, refs: Refs) -> bool:
    """ "On Thursday, the presumptive nominee laid a wreath": a definite description of a
    person's role that the actors stage left unlinked is the person the lead is about."""
    actor = refs.actors.get(who)
    return (
        actor is not None
        and actor.kind == "person"
        and subject.pos_ == "NOUN"
        and subject.lemma_.casefold() in _role_nouns()
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        and not any(c.dep_ in ("poss", "appos", "compound") for c in subject.children)
    )


def _doer(tok: "Token", participants: list[str], lead: list[tuple[int, "DocSpan"]], refs: Refs) -> str:
    """The participant who does what the trigger's verb says ("Vale is supporting Reyes,
    giving Reyes his first endorsement": Vale, not the one given it), else the first."""
    return _doers(tok, participants, lead, refs)[0]


def _doers(tok: "Token", participants: list[str], lead: list[tuple[int, "DocSpan"]], refs: Refs) -> list[str]:
    """The participants who do what the trigger's verb says (all of "Berg, Lutz and Vale
    argued"), else the first."""
    verb, paragraph = _verb_of(tok), _paragraph_of(tok, lead)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _controller(verb)
    doers = [a for sub in subjects for a in _subject_actors(sub, paragraph, refs)] if paragraph is not None else []
    return [a for a in participants if a in doers] or participants[:1]


def _did(subject: "Token", paragraph: int, who: list[str], refs: Refs) -> bool:
    """Whether a subject is one of ``who``: named, described by role, or a group one of them
    leads ("a board of auditors led by Lutz agreed Saturday": Lutz too)."""
    if any(a in who for a in _subject_actors(subject, paragraph, refs)) or any(
        _described(subject, a, refs) for a in who
    ):
        return True
    leaders = words()["leader_verbs"]
    return any(
        a in who
        for acl in subject.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.casefold() in leaders
        for agent in acl.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj"
        for a in _actors_of(obj, paragraph, refs)
    )


def _subject_actors(subject: "Token", paragraph: int, refs: Refs) -> list[str]:
    """The actors a subject names; for "he" or "she", the one person the sentence names
    before it ("while Trump's past statements ... have caused concern, he offered promises
    Monday"), or the speaker the quotes stage gave it."""
    if subject.pos_ != "PRON":
        return _actors_of(subject, paragraph, refs)
    if subject.lower_ not in ("he", "she"):
        return []
    if said := refs.actors_at(paragraph, subject.idx, subject.idx + len(subject.text)):
        return said
    sent = subject.sent
    before = refs.actors_at(paragraph, sent.start_char, subject.idx)
    people = [a for a in before if refs.actors[a].kind == "person"]
    return people if len(people) == 1 else []


def _present(tok: "Token") -> bool:
    """Told in the present ("Trump tells supporters at a rally", "is endorsing", "has scored"):
    news of the day; "there is talk of a deal" is none."""
    verb = _verb_of(tok)
    if any(c.dep_ == "expl" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return True  # "has scored a win": the news of the day too
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(c.lower_ in ("is", "are") for c in verb.children))


def _when(
    article: Article,
    kind: str,
    tok: "Token",
    paragraph: int | None,
    lead: list[tuple[int, "DocSpan"]],
    body_dates: list[tuple[int, dates_pass.Found]],
    participants: list[str],
    refs: Refs,
) -> tuple[DateInfo | None, "Token"]:
    """The main event's date, and the token it was read from."""
    when, dated_by = _date(tok, paragraph, body_dates), tok
    if (
        when is None
        and lead
        and paragraph is not None
        and any(c.lower_ in ("the", "this", "that") for c in tok.children)
    ):
        # "The agreement guarantees ...": what the lead's first sentence reported, on its day
        root = lead[0][1].root
        for dated_by in (*[c for c in root.children if c.dep_ == "ccomp"], root):  # "X agreed on Thursday, Y said"
            if (when := _date(dated_by, lead[0][0], body_dates)) is not None:
                break
    when = when or _later_date(tok, kind, lead, body_dates)
    if when is None and (first := _opened_by(tok, lead)) is not None:
        when, dated_by = _date(first[1], first[0], body_dates), first[1]
        dated_by = dated_by if when is not None else tok
    if when is None and (said := _said_later(tok, participants, lead, body_dates, refs)) is not None:
        when, dated_by = said
    if when is None and (story := _story_date(article, paragraph, lead, body_dates)) is not None:
        when, dated_by = story
    if when is None:
        when, dated_by = _undated(article, kind, tok, lead, body_dates)
    return when, dated_by


def _undated(
    article: Article,
    kind: str,
    tok: "Token",
    lead: list[tuple[int, "DocSpan"]],
    body_dates: list[tuple[int, dates_pass.Found]],
) -> tuple[DateInfo | None, "Token"]:
    """The day of a main event the lead gives none: the dated act just before it, the wire
    dateline's day, else for what was said (or is told in the present) the day the story ran."""
    if kind not in ("statement", "interview") and (before := _told_before(tok, lead, body_dates)):
        return before
    if tense_of(tok).direction != "future" and (filed := _dateline_day(article)) is not None:
        return filed, tok  # "WASHINGTON, June 24 (UPI) -- Clinton unveiled her first ad": the day it was filed
    if article.published and (kind in ("statement", "interview") or _present(tok)):
        # what a story reports was said (or is told in the present), without a day, was
        # said the day it ran
        return DateInfo(start=article.published[:10], precision="day"), tok
    return None, tok


_DATELINE_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})\b")


def _dateline_day(article: Article) -> DateInfo | None:
    """The day a wire dateline gives ("WASHINGTON, June 24 (UPI) --"), in the publication's year
    (the year before for a December dateline on a January story)."""
    at, end = dateline_at(article)
    if not end or not article.published:
        return None
    m = _DATELINE_DAY.search(article.body[at].text[:end])
    month = month_number(m.group(1)) if m else None
    if m is None or month is None:
        return None
    published = date.fromisoformat(article.published[:10])
    try:
        day = date(published.year, month, int(m.group(2)))
    except ValueError:
        return None
    if day > published and month == 12 and published.month == 1:
        day = day.replace(year=day.year - 1)
    if day > published:
        return None  # a dateline after the day the story is said to have run: trust neither
    return DateInfo(text=m.group(0), start=day.isoformat(), precision="day")


def _told_before(
    tok: "Token", lead: list[tuple[int, "DocSpan"]], body_dates: list[tuple[int, dates_pass.Found]]
) -> tuple[DateInfo, "Token"] | None:
    """ "Efforts to fund the work failed Tuesday ... Senate Democrats blocked the package": an
    undated past act the lead tells right after a dated one tells how that happened, that day.
    (Not a statement: what is said without a day was said the day the story ran.)"""
    verb = _verb_of(tok)
    at = next((i for i, (_, sent) in enumerate(lead) if sent.doc is tok.doc and sent.start <= tok.i < sent.end), 0)
    if at == 0 or verb.tag_ != "VBD":
        return None
    p, before = lead[at - 1]
    root = before.root
    # the root, or the last of the past acts joined to it ("hasn't said ..., and he insisted at a
    # rally Wednesday that ... But he laid off 200 staffers")
    for act in (*reversed([c for c in root.children if c.dep_ == "conj"]), root):
        if act.tag_ == "VBD" and (when := _date(act, p, body_dates)) is not None:
            return when, act
    return None


def _story_date(
    article: Article,
    paragraph: int | None,
    lead: list[tuple[int, "DocSpan"]],
    body_dates: list[tuple[int, dates_pass.Found]],
) -> tuple[DateInfo, "Token"] | None:
    """For an event read from a summary above the story: the day the story's first sentence
    after it gives its main clause (it tells the same news)."""
    summary = _summary(article, PLACE_PARAGRAPHS)
    if paragraph not in summary:
        return None
    story = next(((p, sent) for p, sent in lead if p >= summary.stop), None)
    if story is None or (when := _date(story[1].root, story[0], body_dates)) is None:
        return None
    return when, story[1].root


def find(
    article: Article, docs: list["Doc"], refs: Refs, body_dates: list[tuple[int, dates_pass.Found]]
) -> MainEvent | None:
    """The event the headline and lead report, or None when they report none."""
    body = docs[: len(article.body)]
    headline = next((d for d in docs[len(article.body) :] if article.headline and d.text == article.headline), None)
    wide = _lead(article, body, PLACE_SENTENCES, PLACE_PARAGRAPHS)
    # the lead: the wide lead's first sentences of its first paragraphs (PLACE_* >= LEAD_*)
    lead = [(p, sent) for p, sent in wide if p < LEAD_PARAGRAPHS + 2][:LEAD_SENTENCES]
    background = held = None
    for candidate in _candidates(lead, headline, article):
        found = _complete(article, candidate, refs, (lead, wide), headline, body_dates)
        if found is not None and (found.how.endswith("statement") or not _background(found, article.published)):
            if held is not None and not _in_first(found, lead, "lead statement"):
                return held  # it gives way to the first sentence's speech only
            if held is None and _nobody_later(found, lead):
                held = found
                continue
            return found
        background = background or found
    return held or background


def _in_first(found: MainEvent, lead: list[tuple[int, "DocSpan"]], how: str | None = None) -> bool:
    """Read from the lead's first sentence (and so, when ``how`` is given)."""
    first = lead[0][1] if lead else None
    if first is None or (how is not None and found.how != how):
        return False
    return first.doc is found.token.doc and first.start <= found.token.i < first.end


def _nobody_later(found: MainEvent, lead: list[tuple[int, "DocSpan"]]) -> bool:
    """An event of a later lead sentence with no one named in it ("The police released a video
    of the news conference"): it waits behind what the first sentence reports someone said."""
    if found.participants or found.how != "lead trigger" or not lead or _in_first(found, lead):
        return False
    return any(n == 0 and _main_clause(c[2]) for n, c in _lead_statements(lead[:1]))


def _background(found: MainEvent, published: str | None) -> bool:
    """Dated long before the story ran: told as background, not its news. (A statement's
    date may be its reported clause's: "said that in 1998, ...", so statements are not asked.)"""
    if not published or found.date is None or not found.date.start:
        return False
    end = date.fromisoformat((found.date.end or found.date.start)[:10])
    return (date.fromisoformat(published[:10]) - end).days > words()["background_days"]


def _complete(
    article: Article,
    candidate: Candidate,
    refs: Refs,
    leads: tuple[list[tuple[int, "DocSpan"]], list[tuple[int, "DocSpan"]]],
    headline: "Doc | None",
    body_dates: list[tuple[int, dates_pass.Found]],
) -> MainEvent | None:
    """The candidate with who, when and where; None when nothing is said of it. ``leads``:
    the lead, and the longer lead read for the place."""
    kind, paragraph, tok, how = candidate
    lead, wide = leads
    participants = _who(article, kind, tok, paragraph, refs, lead, headline)
    if how.endswith("statement") and not participants:
        return None  # "officials said": a statement is an event of someone named
    when, dated_by = _when(article, kind, tok, paragraph, lead, body_dates, participants, refs)
    said = _place((kind, tok, paragraph, dated_by), article, refs, wide, headline)
    if said is None and kind in words()["spoken_kinds"] and participants:
        said = _speaker_place(article, tok, participants[0], wide, refs)
    direction = tense_of(tok).direction
    ahead = direction == "future" or bool(when and when.start and article.published and when.start > article.published)
    # a dateline says where what was reported happened, not where what is still to come will
    place = said or (None if ahead else _dateline_place(article)) or _possessor_place(tok, paragraph, refs)
    if not (participants or when or place):
        return None  # nothing said of it: "there is talk of a deal"
    return MainEvent(kind, how, paragraph, tok, participants, when, place, direction, dated_by, said is not None)


def _status(main: MainEvent, anchor: date | None) -> str:
    if main.date is not None and main.date.start and anchor is not None:
        start = date.fromisoformat(main.date.start[:10])
        end = date.fromisoformat((main.date.end or main.date.start)[:10])
        if end < anchor:
            return "past"
        if start > anchor:
            return "planned"
    said = main.dated_by or main.token
    if said.tag_ == "VBD" or _verb_of(said).tag_ == "VBD":
        return "past"
    return {"past": "past", "future": "planned", "present": "ongoing"}.get(main.direction or "", "unknown")


def _label(main: MainEvent, refs: Refs) -> str:
    names = [refs.short_name(p) for p in main.participants[:2]]
    noun = words()["labels"].get(main.kind, main.kind)
    if main.kind == "other" and main.token.pos_ == "VERB" and (staff := personnel_key(main.token)):
        noun = words()["personnel_labels"][staff]  # "ESPN–Schilling firing"
    base = f"{'–'.join(names)} {noun}".strip()
    if main.location and main.location in refs.places and refs.places[main.location].name not in base:
        base += f" in {refs.places[main.location].name}"
    return base[:1].upper() + base[1:]


def _reads_closer(old: Event, main: MainEvent) -> bool:
    """Whether the main event's kind replaces the stage's: not for what the stage reads more
    closely (a "video call" stays a call) nor for a statement about it; a visit to a
    broadcaster is an interview (`overrides`)."""
    if main.kind in words()["overrides"].get(old.kind, []):
        return True
    return not (old.kind in _KEEP_KINDS or main.how.endswith("statement"))


def _holds(event: Event, main: MainEvent) -> bool:
    """The event has the main event's trigger among its mentions; for a statement, any
    mention in its sentence ("Chile announced that it was sanctioning ...": the sanctions)."""
    if main.paragraph is None:
        return False
    if not main.how.endswith("statement"):
        lo, hi = main.token.idx, main.token.idx + 1
        return any(s.paragraph == main.paragraph and s.start < hi and lo < s.end for s in event.mentions)
    doc, sent = main.token.doc, main.token.sent
    return any(
        s.paragraph == main.paragraph
        and sent.start_char <= s.start < sent.end_char
        and _said(doc[_token_at(doc, s.start)], main.token)
        and not _reacted_to(_root_at(doc, s.start, s.end))  # "criticized the accord": what it is about
        for s in event.mentions
    )


def _root_at(doc: "Doc", start: int, end: int) -> "Token":
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else doc[_token_at(doc, start)]


def _said(tok: "Token", verb: "Token") -> bool:
    """``tok`` is what ``verb`` says ("announced that it was sanctioning Russia"), not a
    circumstance of it ("new hires meant to lift its candidate in the general election")."""
    if _addressee(tok):
        return False  # "told a gathering that ...": whom it was told to
    t = tok
    while t.i != verb.i and t.head.i != t.i:  # spaCy makes a new Token each time: compare places
        if t.dep_ in ("prep", "relcl", "acl", "advcl"):
            return False
        t = t.head
    return t.i == verb.i


def _location(old: Event, main: MainEvent) -> str | None:
    """The place of the main event made from the stage's ``old``: the one the lead says,
    else the stage's, else the dateline's unless the event is still to come."""
    if main.place_said or old.location:
        return main.location if main.place_said else old.location
    return None if old.status == "planned" else main.location


def put_first(
    article: Article, events: list[Event], main: MainEvent | None, refs: Refs, anchor: date | None
) -> tuple[list[Event], int | None]:
    """``events`` with the main event first and ids numbered in the new order; and the
    index in ``events`` of the event it was made from (None: a new one)."""
    if main is None:
        return events, None
    at = next((i for i, e in enumerate(events) if _holds(e, main)), None)
    tok = main.token
    mention = (
        [Span(paragraph=main.paragraph, start=tok.idx, end=tok.idx + len(tok.text))]
        if main.paragraph is not None
        else []
    )
    if at is None:
        first = Event(
            id=local_id(article.id, "event", 1),
            kind=main.kind,  # type: ignore[arg-type]  # a kind of data/main_events.json, all in EVENT_KINDS
            label=_label(main, refs),
            date=main.date,
            status=_status(main, anchor),  # type: ignore[arg-type]  # one of EVENT_STATUSES
            location=main.location,
            participants=main.participants,
            mentions=mention,
            confidence=CONFIDENCE[main.how],
        )
        rest = events
    else:
        old = events[at]
        overridden = main.kind in words()["overrides"].get(old.kind, [])  # its label named the old kind
        first = old.model_copy(
            update={
                "kind": main.kind if _reads_closer(old, main) else old.kind,
                "label": _label(main, refs) if overridden else old.label,
                "participants": list(dict.fromkeys(main.participants + old.participants)),
                "date": old.date if old.date and old.date.start else main.date or old.date,
                "location": _location(old, main),
            }
        )  # its confidence: the stage knows what it doubted
        rest = events[:at] + events[at + 1 :]
    ordered = [first, *rest]
    return [e.model_copy(update={"id": local_id(article.id, "event", n)}) for n, e in enumerate(ordered, 1)], at
