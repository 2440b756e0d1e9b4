"""Words around and inside personal names: titles, honorifics, given names, gender cues.

All word lists are data files (``data/title_heads.txt``, ``title_modifiers.txt``,
``honorifics.json``, ``given_names.json``, ``org_words.txt``, ``org_cues.txt``,
``not_names.txt``, ``credit_markers.txt``, ``post_nominals.txt``,
``family_first_surnames.txt``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .wordlists import data, word_set

# Between title words: "chief of staff", "ambassador to the US", "minister for trade".
CONNECTORS = frozenset({"of", "for", "to", "on", "at", "and", "&", "-"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    heads: set[str] = set()
    mods: set[str] = set(word_set("title_modifiers"))
    # "prime minister": "prime" is a title word only right before "minister".
    bound: dict[str, set[str]] = {}
    for entry in word_set("title_heads"):
        words = entry.split()
        heads.add(words[-1])
        for a, b in zip(words, words[1:]):
            bound.setdefault(a, set()).add(b)
    return frozenset(heads), frozenset(mods), {k: frozenset(v) for k, v in bound.items()}


def is_title_head(word: str, lemma: str | None = None) -> bool:
    heads = _titles()[0]
    w = word.casefold()
    return w in heads or (lemma is not None and lemma.casefold() in heads) or (w.endswith("s") and w[:-1] in heads)


def is_title_modifier(word: str, next_word: str | None = None) -> bool:
    """A word that may stand before a title's head; 'under' only in 'under secretary'."""
    w = word.casefold()
    if w in _titles()[1]:
        return True
    bound = _titles()[2].get(w)
    if not bound:
        return False
    return next_word is not None and next_word.casefold() in bound


def is_unaffiliated_head(word: str) -> bool:
    """'critic' in 'Kremlin critic': the modifier is not the person's employer."""
    return word.casefold() in word_set("unaffiliated_heads")


def is_event_word(word: str) -> bool:
    return word.casefold() in word_set("event_words")


def honorific(word: str) -> dict | None:
    """{'gender': ..., 'keep': ...} for Mr/Mrs/Dr/Sir..., else None."""
    return data("honorifics")["honorifics"].get(word.casefold())


@lru_cache(maxsize=1)
def _gendered_titles() -> dict[str, str]:
    table = data("honorifics")["gendered_titles"]
    return {w: g for g in ("male", "female") for w in table[g]}


def title_gender(title: str) -> str | None:
    """'spokeswoman' -> female; the last gendered word of a title decides."""
    found = None
    for w in re.findall(r"[\w-]+", title.casefold()):
        found = _gendered_titles().get(w, found)
    return found


@lru_cache(maxsize=1)
def _given() -> dict[str, str]:
    table = data("given_names")
    out = {n.casefold(): "male" for n in table["male"]}
    out.update({n.casefold(): "female" for n in table["female"]})
    return out


def given_name_gender(name: str) -> str | None:
    return _given().get(name.casefold())


def is_given_name(name: str) -> bool:
    return name.casefold() in _given()


def is_post_nominal(word: str) -> bool:
    """Letters after a name that are a title, not part of it ("MP", "QC", "OBE")."""
    return word.rstrip(".").casefold() in word_set("post_nominals")


# "iPod", "eReader": a name that starts in lower case and has a capital after it.
_PRODUCT_SHAPE = re.compile(r"[a-z]{1,2}[A-Z][\w-]*")


def product_shaped(name: str) -> bool:
    """Whether ``name`` is written like a product's ("iPod", "iPhone", "eReader"); a company
    so written ("eBay") is told apart by what stands before it, not by its shape."""
    return _PRODUCT_SHAPE.fullmatch(name) is not None


def is_org_word(word: str) -> bool:
    return word.casefold() in word_set("org_words")


def is_org_cue(word: str) -> bool:
    return word.casefold() in word_set("org_cues")


def is_not_name_word(word: str) -> bool:
    return word.casefold() in word_set("not_names")


@lru_cache(maxsize=1)
def _credit_re() -> re.Pattern[str]:
    words = sorted(word_set("credit_markers"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def looks_like_credit(text: str) -> bool:
    """'Nadia Ferro/Tass, Kremlin Pool Photo via AP': a photo credit, not prose."""
    words = text.split()
    if not words or len(words) > 14:
        return False
    slash = re.search(r"\w/\s?[A-Z]", text) is not None
    return slash or (_credit_re().search(text) is not None and re.search(r"\bvia\b|\bphoto\b", text, re.I) is not None)


# A given name written in the Korean or Taiwanese way: "Jae-in", "Ing-wen".
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def family_first(parts: list[str]) -> bool:
    """Whether a name's words put the family name first ('Xi Jinping', 'Moon Jae-in';
    ``family_first_surnames.txt``)."""
    if len(parts) not in (2, 3) or not parts[0][:1].isupper():
        return False
    return _HYPHENATED_GIVEN.fullmatch(parts[1]) is not None or parts[0].casefold() in word_set("family_first_surnames")


@lru_cache(maxsize=8192)  # the actors stage compares every person's surname with every other name
def surname(name: str) -> str:
    parts = [p for p in name.split() if p.casefold() not in NAME_SUFFIXES]
    if not parts:
        return name
    return parts[0] if family_first(parts) else parts[-1]


def similar(a: str, b: str, threshold: float) -> bool:
    """Spelling variants of one name: Dmitry/Dmitri, Zelensky/Zelenskiy."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= threshold


def compatible_given(a: str, b: str) -> bool:
    """Two first names of one person: equal, a variant spelling, or an initial ('J.')."""
    a, b = a.rstrip(".").casefold(), b.rstrip(".").casefold()
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    if a.startswith(b) or b.startswith(a):  # Joe / Joseph is too far; Alex / Alexander is not
        return True
    return similar(a, b, 0.75)
