"""News outlets by name: which words name an agency or outlet, and its canonical name.

The canonical name decides the actor id (``mint_id("organization", name)``), so that
"AP", "the Associated Press" and "The Associated Press" in one article, and a publisher
given as "Rappler" with a sign-off "– Rappler.com", become one actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import normalise_name
from .wordlists import data, word_set


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str  # agency | broadcaster | newspaper | site | unknown
    aliases: tuple[str, ...] = ()


# A capitalised name of up to eight words, digits allowed ("KVIA ABC 7"), with the few
# lower-case joiners outlet names have ("Voice of America").
# An outlet's name starts where a word does: tried at every capital of a long word (a base64
# blob), the pattern was quadratic.
OUTLET_PATTERN = (
    r"(?<![\w&'’.-])(?:[A-Z][\w&'’.-]*[\w]|[A-Z])"
    r"(?:[ ](?:[A-Z0-9][\w&'’.-]*[\w]|[A-Z0-9]|of|de|and|&|für|del|la)){0,7}"
)

_TLD = re.compile(r"\.(?:com|org|net|co|info|news|ph|uk|us|ca|au|in|de|fr|ru|io|tv)(?:\.[a-z]{2})?$", re.I)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LOWER_THE = re.compile(r"^the\s+")  # "the Daily Ledger": the article, not the name


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Outlet], dict[str, Outlet], tuple[str, ...]]:
    raw = data("outlets")
    exact: dict[str, Outlet] = {}  # case-sensitive: short all-caps aliases ("AP", "PA")
    folded: dict[str, Outlet] = {}  # case-insensitive: longer names
    for entry in raw["outlets"]:
        outlet = Outlet(entry["name"], entry["kind"], tuple(entry.get("aliases", ())))
        for form in (outlet.name, *outlet.aliases):
            exact.setdefault(form, outlet)
            if not (_ACRONYM.match(form) or len(form) <= 4):
                folded.setdefault(form.casefold(), outlet)
    return exact, folded, tuple(raw["outlet_suffixes"])


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The first words, folded, of the listed outlets' names of two words or more ("usa" of
    USA TODAY): a quick test before a lookup of the words after them."""
    _, folded, _ = _table()
    return frozenset(k.split()[0] for k in folded if " " in k)


def lookup(text: str) -> Outlet | None:
    """The listed outlet that ``text`` names exactly ("the AP" -> Associated Press), or None."""
    exact, folded, _ = _table()
    name = text.strip().strip(".,;:")
    for form in (name, _LEADING_THE.sub("", name)):
        hit = exact.get(form) or folded.get(form.casefold())
        if hit:
            return hit
    bare = _TLD.sub("", name)
    if bare != name:
        return exact.get(bare) or folded.get(bare.casefold())
    return None


def looks_like_outlet(text: str) -> bool:
    """A name shaped like an outlet's: listed, 'X News'/'X Times', a domain, or an acronym."""
    name = _LEADING_THE.sub("", text.strip())
    if lookup(name):
        return True
    if _TLD.search(name) and " " not in name:
        return True
    if _ACRONYM.match(name):
        return True
    _, _, suffixes = _table()
    return any(name.endswith(" " + s) for s in suffixes) and name[:1].isupper()


def resolve(text: str) -> Outlet | None:
    """The outlet ``text`` names, listed or merely outlet-shaped, with its canonical name.

    An unlisted outlet keeps its name as written ("The Daily Ledger", but "the" in lower
    case is not part of it); a bare domain keeps its domain ("Antiwar.com") because for
    many sites the domain is the brand.
    """
    hit = lookup(text)
    if hit:
        return hit
    if not looks_like_outlet(text):
        return None
    name = _LOWER_THE.sub("", text.strip().strip(".,;:"))
    return Outlet(name, "unknown")


def trim_to_outlet(words: str) -> Outlet | None:
    """The outlet named by the longest tail of ``words`` ("Meanwhile CNN" -> CNN)."""
    parts = words.split()
    for i in range(len(parts)):
        hit = resolve(" ".join(parts[i:]))
        if hit:
            return hit
    return None


def same_outlet(a: str, b: str) -> bool:
    """Whether two outlet names are one outlet: 'Rappler' and 'Rappler.com', 'The Hill' and 'Hill'."""

    def key(name: str) -> str:
        hit = lookup(name)
        return normalise_name(_TLD.sub("", _LEADING_THE.sub("", hit.name if hit else name)))

    return key(a) == key(b)


# "Latest Technology News", "Top Sports Stories": a section's name dressed for a feed's title.
_SECTION_DRESS = re.compile(r"^(?:(?:latest|top|breaking|daily)\s+)?(.+?)(?:\s+(?:news|headlines|stories))?$")


def is_section_name(text: str) -> bool:
    """A section's or desk's name ("Technology", "SPORT", "Latest Sports News":
    ``section_names.txt``), which titles a feed of that section or heads a wire's list, and
    names no outlet."""
    name = " ".join(text.strip().strip(".,;:").casefold().split())
    sections = word_set("section_names")
    if name in sections:
        return True
    m = _SECTION_DRESS.match(name)
    return m is not None and m.group(1) in sections


# "SPORT  MELBOURNE - ...": capitals before a dateline's place in capitals and its dash.
_HEADED_DATELINE = re.compile(r"((?:[A-Z]+\s+)+?)([A-Z][A-Z.'’]*(?: [A-Z][A-Z.'’]*){0,2})\s+[—–―_-]{1,2}\s")


def section_heading_end(text: str) -> int:
    """Where a desk's heading in capitals ("NATIONAL", "GENERAL NEWS": ``section_names.txt``)
    that an agency's list of highlights glues before an item's dateline ends ("NATIONAL
    SYDNEY - ..." -> 9), the spaces after it included; 0 when none opens ``text``. Only before
    a place the gazetteer knows, for a heading word may start a place's name ("NATIONAL CITY")."""
    from .gazetteer import gazetteer

    m = _HEADED_DATELINE.match(text)
    if not m or not all(is_section_name(w) for w in m.group(1).split()):
        return 0
    place = m.group(2)
    g = gazetteer()
    known = g.place(place) or g.country(place) or g.capital(place)
    return m.end(1) if known and not g.place(text[: m.end(2)]) else 0
