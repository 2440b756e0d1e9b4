"""Is a place name a place or an actor, and what kind of place is it?

"Moscow denies ..." and "relations between Moscow and Washington" speak of governments
(the country actor); "talks in Moscow" and "recalled from Washington" speak of cities.
A known city or region takes its kind and country from ``data/places.json``; an
unknown one from spaCy's label, its own words ("Marsabit county", "Aberdeenshire",
"West Michigan", "Kingdom of Urartu"), the words before it ("the island of Giglio") and a following
", Country" ("Geneva, Switzerland").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon.gazetteer import gazetteer
from ...lexicon.wordlists import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .entities import Candidate

_SUBJECT = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj"})
# Prepositions whose object is a party, not a location: "between Moscow and Kyiv",
# "talks with Washington", "a defeat for Moscow", "pressure on Beijing".
_PARTY_PREPS = frozenset({"between", "with", "by", "against", "for", "toward", "towards", "on"})
_COUNTRY_AFTER = re.compile(r"^,\s*((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def _governing(t: "Token") -> "Token":
    # "between Moscow and Washington": Washington hangs on Moscow; ask Moscow's role.
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t


def capital_is_government(c: "Candidate") -> bool:
    """True when a capital stands for its government ('Washington has repeated')."""
    doc = c.seg.doc
    head = doc[c.j - 1]
    if c.i == 0 and head.is_upper and len(head) > 2:
        return False  # a dateline: "NAIROBI, Kenya (AP) -"
    if c.j < len(doc) and (doc[c.j].tag_ == "POS" or doc[c.j].text in ("'s", "’s")):
        return True
    t = _governing(head)
    if t.dep_ == "dobj" and t.head.lemma_.casefold() in word_set("motion_verbs"):
        return False  # "left Moscow", "visited Kyiv"
    if t.dep_ in _SUBJECT:
        return True
    if t.dep_ == "pobj" and t.head.lower_ in _PARTY_PREPS:
        return True
    return False


def country_after(c: "Candidate") -> str | None:
    """The country named right after a place: 'Geneva, Switzerland' -> Switzerland."""
    rest = c.seg.text[c.end - c.seg.offset : c.end - c.seg.offset + 60]
    m = _COUNTRY_AFTER.match(rest)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        country = gazetteer().country(" ".join(words[:n]))
        if country:
            return country.name
    return None


def _region_shaped(c: "Candidate") -> bool:
    """An unknown place written like a region (``_region_shapes`` of ``places.json``): a
    county's ending ("Aberdeenshire"), a compass word before a known region or country
    ("West Michigan"), or a region word and "of" before it ("the island of Giglio")."""
    g, doc, words = gazetteer(), c.seg.doc, c.text.split()
    if words[-1].casefold().endswith(g.region_suffixes) and words[-1].casefold() not in g.region_suffixes:
        return True
    rest = " ".join(words[1:])
    if len(words) >= 2 and words[0].casefold() in g.compass_words and (g.country(rest) or g.place(rest)):
        known = g.place(rest)
        return known is None or known[1] == "region"  # "East Chicago" is a city
    return c.i >= 2 and doc[c.i - 1].lower_ == "of" and doc[c.i - 2].lower_ in g.region_words


def place_of(c: "Candidate", label: str) -> tuple[str, str, str | None]:
    """(name, kind, country) of a place candidate."""
    g = gazetteer()
    known = g.place(c.text)
    if known:
        name, kind, country = known
        return (name.title() if name.isupper() and len(name) > 3 else name), kind, country
    doc = c.seg.doc
    words = [t.lower_ for t in c.tokens]
    nxt = doc[c.j].lower_ if c.j < len(doc) else ""
    if g.street_shaped(c.text):
        kind = "address"  # "Fox Run", "Oceanview": a road or an estate
    elif label == "FAC" or words[0] in g.venue_words or words[-1] in g.venue_words:
        kind = "venue"
    elif (
        label == "LOC"
        or words[-1] in g.region_words
        or len(words) >= 3
        and words[0] in g.region_words
        and words[1] == "of"  # "Kingdom of Urartu"
        or nxt in g.region_words
        or nxt in g.area_words
        or _region_shaped(c)
    ):
        kind = "region"
    else:
        kind = "city"
    name = c.text.title() if c.text.isupper() and len(c.text) > 3 else c.text
    return name, kind, country_after(c)
