"""Publication dates as publishers write them in metadata -> ISO 8601, time and zone kept.

Feeds write RFC 822 (``Tue, 03 Jul 2018 09:03:04 +0000``) or ISO 8601; web pages and
their JSON-LD write ISO, but also RFC 2822 (``19 Nov 2019 07:09 GMT``), JavaScript's
``Date.toString()`` (``Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)``)
and clock-first forms (``01:38:07 PM IST Nov 20, 2019``). :func:`parse` reads them all;
a zone abbreviation counts only when it is in :data:`ZONES` (an unknown one leaves the
time without a zone rather than guessing). Placeholders (year 1, the Unix epoch) are no
date. Readers keep the original in provenance whenever it was not ISO already.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = ["ZONES", "is_iso", "parse", "parse_rfc822", "shift"]

# Zone abbreviations as news sites print them -> hours east of UTC. (IST is India's:
# it is what the pages that print it mean.)
ZONES: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "IST": 5.5,
    "PKT": 5,
    "ICT": 7,
    "WIB": 7,
    "SGT": 8,
    "HKT": 8,
    "AWST": 8,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_JS_DATE = re.compile(r"\s*\([^)]*\)\s*$")  # "(Coordinated Universal Time)"
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)([+-]\d{2}):?(\d{2})\b")
_CLOCK = re.compile(r"\d:\d\d")
_PLACEHOLDER_YEARS = range(1, 1900)


def is_iso(text: str) -> bool:
    return bool(_ISO.match(text.strip()))


def parse(text: str | None) -> str | None:
    """``text`` as an ISO 8601 date or date-time (offset kept), or None if it is none."""
    if not text or not text.strip():
        return None
    value = text.strip()
    found = _iso(value) or parse_rfc822(value) or _free(value)
    if found is None:
        return None
    if isinstance(found, str):
        return found if int(found[:4]) not in _PLACEHOLDER_YEARS else None
    if found.year in _PLACEHOLDER_YEARS or (found.tzinfo and found.timestamp() == 0):
        return None
    if not _CLOCK.search(value):  # "November 19, 2019": a day, not its midnight
        return found.date().isoformat()
    return found.isoformat()


def _iso(value: str) -> str | datetime | None:
    if not _ISO.match(value):
        return None
    if _DATE_ONLY.match(value):
        return value
    fixed = _COMPACT_OFFSET.sub(r"\1:\2", value.replace(" ", "T", 1))
    try:
        found = datetime.fromisoformat(fixed.replace("Z", "+00:00"))
    except ValueError:
        return None
    epoch = found.tzinfo is not None and found.timestamp() == 0
    return found if found.year in _PLACEHOLDER_YEARS or epoch else fixed  # as written, colon added


def parse_rfc822(value: str) -> datetime | None:
    try:
        found = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if found is None:
        return None
    # "-0000" means "UTC, zone unknown" in RFC 2822: the instant is still right.
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def _free(value: str) -> datetime | None:
    from dateutil import parser as dateparser

    cleaned = _JS_DATE.sub("", value)
    cleaned = _GMT_OFFSET.sub(r"\1\2", cleaned)
    zones = {name: int(hours * 3600) for name, hours in ZONES.items()}
    try:
        found = dateparser.parse(cleaned, tzinfos=zones)
    except (ValueError, OverflowError, TypeError):
        return None
    if found is None:
        return None
    if found.tzinfo is not None and found.utcoffset() is None:
        return found.replace(tzinfo=None)
    return found


def shift(iso: str, hours: float) -> str:
    """A naive ISO date-time (a WordPress ``post_date_gmt``) placed in a zone."""
    found = datetime.fromisoformat(iso.replace(" ", "T"))
    return found.replace(tzinfo=timezone(timedelta(hours=hours))).isoformat()
