"""What newsgraph knows about the world without a model: countries, capitals, seats of
government, well-known organisations, cities and regions (all from ``data/``).

The small spaCy model mislabels exactly these names often (Tass as a place, Kiev as a
person, Twitter as a person); a name found here overrides its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import normalise_name
from .wordlists import data

_THE = re.compile(r"^(?:the)\s+", re.I)


@lru_cache(maxsize=1 << 16)  # the actors stage asks for the same few names thousands of times
def key(name: str) -> str:
    """The lookup key of a name: 'the U.S.' -> 'us', 'Élysée' -> 'elysee'."""
    return normalise_name(_THE.sub("", name.strip()))


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class KnownOrg:
    name: str
    country: str | None


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # name or alias key
    demonyms: dict[str, Country] = field(default_factory=dict)
    capitals: dict[str, Country] = field(default_factory=dict)
    orgs: dict[str, KnownOrg] = field(default_factory=dict)
    cities: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, country)
    regions: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # planets and moons: places of kind 'other'
    venue_words: frozenset[str] = frozenset()
    region_words: frozenset[str] = frozenset()
    region_suffixes: tuple[str, ...] = ()
    compass_words: frozenset[str] = frozenset()
    area_words: frozenset[str] = frozenset()  # "the Chelsea neighborhood": the name before is a place
    street_words: frozenset[str] = frozenset()  # "Fox Run", "Maple Crescent": an address
    street_suffixes: tuple[str, ...] = ()  # "Oceanview", "Hillcrest": an address in one word
    abbreviations: dict[str, str] = field(default_factory=dict)  # "Pa." -> "Pennsylvania", as written
    by_name: dict[str, Country] = field(default_factory=dict)  # canonical name -> country

    def country(self, name: str) -> Country | None:
        return self.countries.get(key(name))

    def street_shaped(self, name: str) -> bool:
        """Whether ``name`` is shaped like a road's or an estate's ("Fox Run", "Oceanview")."""
        words = name.casefold().split()
        if len(words) >= 2:
            return words[-1] in self.street_words
        return len(words) == 1 and any(
            words[0].endswith(x) and len(words[0]) >= len(x) + 4 for x in self.street_suffixes
        )

    def knows(self, name: str) -> bool:
        """Whether the name is a country, organisation or place of the gazetteer."""
        return bool(self.country(name) or self.org(name) or self.place(name))

    def demonym(self, word: str) -> Country | None:
        return self.demonyms.get(key(word))

    def capital(self, name: str) -> Country | None:
        return self.capitals.get(key(name))

    def org(self, name: str) -> KnownOrg | None:
        return self.orgs.get(key(name))

    def place(self, name: str) -> tuple[str, str, str | None] | None:
        """(canonical name, kind, country) of a known city, capital or region."""
        written = self.abbreviations.get(name.strip())
        k = key(written or name)
        if k in self.cities:
            city, country = self.cities[k]
            return city, "city", country
        if k in self.capitals:
            c = self.capitals[k]
            return _display(name), "city", c.name
        if k in self.regions:
            region, region_country = self.regions[k]
            return region, "region", region_country
        if k in self.bodies:
            return self.bodies[k], "other", None
        return None


def _display(name: str) -> str:
    return _THE.sub("", name.strip())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    for name, aliases, demonyms, capitals, seats in data("countries")["countries"]:
        c = Country(name, tuple(aliases), tuple(demonyms), tuple(capitals))
        g.by_name[name] = c
        for n in (name, *aliases):
            g.countries.setdefault(key(n), c)
        for d in demonyms:
            g.demonyms.setdefault(key(d), c)
        for cap in capitals:
            g.capitals.setdefault(key(cap), c)
        for seat in seats:
            g.orgs.setdefault(key(seat), KnownOrg(_display(seat), name))
    for row in data("organizations")["organizations"]:
        name, aliases = row[0], row[1]
        country = row[2] if len(row) > 2 else None
        org = KnownOrg(name, country)
        for n in (name, *aliases):
            g.orgs[key(n)] = org
    places = data("places")
    for city, country in places["cities"].items():
        g.cities.setdefault(key(city), (_display(city), country))
    for region, country in places["regions"].items():
        g.regions.setdefault(key(region), (_display(region), country))
    g.bodies = {key(b): b for b in places["celestial_bodies"]}
    g.venue_words = frozenset(w.casefold() for w in places["venue_words"])
    g.region_words = frozenset(w.casefold() for w in places["region_words"])
    g.region_suffixes = tuple(places["region_suffixes"])
    g.compass_words = frozenset(places["compass_words"])
    g.area_words = frozenset(w.casefold() for w in places["area_words"])
    g.street_words = frozenset(w.casefold() for w in places["street_words"])
    g.street_suffixes = tuple(w.casefold() for w in places["street_suffixes"])
    g.abbreviations = dict(places["region_abbreviations"])
    # A capital that is also a country's own name (Singapore, Luxembourg) is the country.
    for k in list(g.capitals):
        if k in g.countries:
            del g.capitals[k]
    return g
