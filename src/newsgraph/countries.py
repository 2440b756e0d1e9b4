"""ISO 3166-1 alpha-2 codes of countries by name: what exporters write beside a country.

Neutral knowledge (exporters use it; no reader or extraction internal is involved). The
names are Unicode CLDR's English territory names as Babel ships them, plus the short
forms news copy uses.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

__all__ = ["iso3166_alpha2"]

# Short forms of CLDR's names that news copy uses; CLDR's own names are found as they are.
_ALSO: dict[str, str] = {
    "usa": "US",
    "u.s.": "US",
    "us": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "russian federation": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "the netherlands": "NL",
    "holland": "NL",
    "vatican": "VA",
}


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    names = {
        name.casefold(): code
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO")
    }
    names.update(_ALSO)
    return names


def iso3166_alpha2(*names: str) -> str | None:
    """The code of the first name that is a country's ('Canada' -> 'CA'), else None."""
    codes = _codes()
    for name in names:
        code = codes.get(" ".join(name.split()).casefold())
        if code:
            return code
    return None
