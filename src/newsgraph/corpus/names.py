"""Name keys of corpus resolution: what a surface form says about who it names.

Everything here is a pure function of a name and the word lists in ``lexicon/data/corpus_names.json``:
'President Joe Biden' -> a person named joe (first) biden (last); 'Mrs. Clinton' -> a
woman whose surname is clinton; 'U.S.' and 'America' -> the key of 'United States'.
Resolution (resolve.py) compares these, block by block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon.names import family_first
from ..lexicon.wordlists import data
from ..model import normalise_name

# Names parsed are kept for the next article (the same names come back), up to this many.
CACHED_NAMES = 4096

__all__ = ["PersonName", "given_compatible", "middles_compatible", "name_key", "org_keys", "parse_person"]


def _data() -> dict[str, Any]:
    """lexicon/data/corpus_names.json (read once by lexicon.wordlists)."""
    result: dict[str, Any] = data("corpus_names")
    return result


@lru_cache(maxsize=None)
def _same_names() -> dict[str, str]:
    """Every variant full name -> its canonical key ('america' -> 'united-states')."""
    table: dict[str, str] = {}
    for canonical, variants in _data()["same_names"].items():
        if canonical.startswith("_"):
            continue
        table[canonical] = canonical
        for variant in variants:
            table[variant] = canonical
    return table


@lru_cache(maxsize=None)
def _given_groups() -> dict[str, frozenset[int]]:
    """A given name -> the groups it belongs to ('ted' is Edward and Rafael)."""
    groups: dict[str, set[int]] = {}
    for n, group in enumerate(_data()["given_name_groups"]):
        for name in group:
            groups.setdefault(name, set()).add(n)
    return {k: frozenset(v) for k, v in groups.items()}


@lru_cache(maxsize=CACHED_NAMES)
def name_key(name: str) -> str:
    """The key of a full name: folded, variants mapped ('U.S.' -> 'united-states', 'Kiev' -> 'kyiv')."""
    key = normalise_name(name)
    return _same_names().get(key, _same_names().get(key.removeprefix("the-"), key.removeprefix("the-")))


def org_keys(name: str) -> set[str]:
    """Keys of an organisation's name: its folded name, without a leading 'U.S.' as well
    ('U.S. Senate' is the 'Senate'), and initials: 'acrL:fbi' for a name of three or more
    words, 'acrS:fbi' for a short upper-case name. A long name is looked up by the short
    keys and the other way round (see resolve.py); a name the variant table knows
    ('DNC' -> 'democratic-national-committee') needs no initials.
    """
    return set(_org_keys(name))


@lru_cache(maxsize=CACHED_NAMES)
def _org_keys(name: str) -> frozenset[str]:
    key = name_key(name)
    keys = {key}
    for qualifier in _data()["org_qualifiers"]:
        rest = key.removeprefix(qualifier + "-")
        if rest != key and rest:
            keys.add(name_key(rest))
    words = [w for w in key.split("-") if w not in _data()["org_stop_words"]]
    if len(words) >= 3:
        keys.add("acrL:" + "".join(w[0] for w in words))
    elif key == normalise_name(name) and name.isupper() and 2 <= len(name) <= 6 and "-" not in key:
        keys.add("acrS:" + key)
    return frozenset(keys)


@lru_cache(maxsize=None)
def _given_names() -> frozenset[str]:
    """Given names newsgraph knows: extraction's list and the variant groups."""
    table = data("given_names")
    names = {normalise_name(n) for gender in ("male", "female") for n in table[gender]}
    return frozenset(names | {n for group in _data()["given_name_groups"] for n in group})


@dataclass(frozen=True)
class PersonName:
    """A person's name as parts: given name, middle names or initials, surname (all folded).

    A given name written alone ('Hillary') has ``last`` '' and is ``first_only``.
    """

    last: str
    first: str | None = None
    middle: tuple[str, ...] = ()
    gender: str | None = None  # from an honorific: 'Mrs. Clinton' is a woman
    suffix: str | None = None  # 'jr', 'iii': Donald Trump Jr. is not his father
    known_given: bool = False  # the given name is one newsgraph knows ('Carly', not 'Crooked')

    @property
    def full(self) -> bool:
        return self.first is not None and bool(self.last)

    @property
    def first_only(self) -> bool:
        return self.first is not None and not self.last


@lru_cache(maxsize=CACHED_NAMES)
def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name, its leading titles and honorifics dropped; None if none is left."""
    data = _data()
    tokens = [t for t in normalise_name(name).split("-") if t]
    gender = None
    titles = set(data["leading_titles"])
    while len(tokens) > 1 and tokens[0] in titles:
        gender = data["honorifics"].get(tokens[0], gender)
        tokens.pop(0)
    suffix = None
    while len(tokens) > 1 and tokens[-1] in data["name_suffixes"]:
        suffix = tokens.pop()
    if not tokens or tokens == ["unnamed"]:
        return None
    given = _given_names()
    if len(tokens) >= 3 and tokens[0] not in given and tokens[1] in given:
        tokens.pop(0)  # an epithet before the name: 'Crooked Hillary Clinton'
    if len(tokens) == 1 and tokens[0] in given:
        return PersonName(last="", first=tokens[0], gender=gender, suffix=suffix, known_given=True)
    words = name.split()
    while len(words) > 1 and normalise_name(words[0]) in titles:
        words.pop(0)
    if len(tokens) >= 2 and family_first(words):
        # 'Xi Jinping', 'Moon Jae-in': the family name first, the given name after it
        return PersonName(last=tokens[0], first="-".join(tokens[1:]), gender=gender, suffix=suffix)
    last = data["surname_variants"].get(tokens[-1], tokens[-1])
    if len(tokens) == 1:
        return PersonName(last=last, gender=gender, suffix=suffix)
    return PersonName(
        last=last,
        first=tokens[0],
        middle=tuple(tokens[1:-1]),
        gender=gender,
        suffix=suffix,
        known_given=tokens[0] in given,
    )


def given_compatible(one: str, other: str) -> bool:
    """Whether two given names can be the same person's: equal, variants, nicknames or an initial."""
    if one == other:
        return True
    if len(one) == 1 or len(other) == 1:
        return one[0] == other[0]
    groups = _given_groups()
    return bool(groups.get(one, frozenset()) & groups.get(other, frozenset()))


def middles_compatible(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Middle names agree unless both are given and differ ('George W.' is not 'George H. W.')."""
    if not one or not other:
        return True
    a, b = "".join(one), "".join(other)
    if a == b:
        return True
    # An initial stands for the name it begins ('Hillary R. Clinton', 'Hillary Rodham Clinton').
    initials_a, initials_b = "".join(m[0] for m in one), "".join(m[0] for m in other)
    if len(one) == 1 and len(other) == 1:
        return (len(a) == 1 or len(b) == 1) and a[0] == b[0]
    # 'H.W.' (one token, folded to 'hw') for 'Herbert Walker'
    return (len(one) == 1 and a == initials_b) or (len(other) == 1 and b == initials_a)
