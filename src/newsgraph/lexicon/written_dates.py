"""Full calendar dates as articles write them, and lines that state when a story appeared.

Only dates that name a day, a month and a year are read here ("Wednesday, October 13,
2021", "13 Oct 2021", "2021-10-13"): enough to date an article from a photo caption or
a "Published" line. Relative dates ("on Tuesday") are the dates pass's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .wordlists import data

_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[aApP]\.?[mM]\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*))?)?"
)


@dataclass(frozen=True)
class WrittenDate:
    start: int
    end: int
    iso: str  # YYYY-MM-DD


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {k.casefold(): int(v) for k, v in data("dates")["months"].items()}


def month_number(name: str) -> int | None:
    """1-12 for an English month's name or abbreviation ("Nov", "november"), else None."""
    return _months().get(name.casefold())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = "|".join(sorted(_months(), key=len, reverse=True))
    m = rf"(?P<month>(?i:{month}))\.?"
    return (
        re.compile(rf"\b{_WEEKDAY}{m}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
        re.compile(rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{m},?\s+(?P<year>\d{{4}})\b"),
        re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    )


def full_dates(text: str) -> list[WrittenDate]:
    """Every real calendar date in ``text`` that names day, month and year, in order."""
    found: dict[tuple[int, int], WrittenDate] = {}
    for pattern in _patterns():
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["mon"]) if groups.get("mon") else _months()[groups["month"].casefold()]
            try:
                day = date(int(groups["year"]), month, int(groups["day"]))
            except ValueError:  # "February 30, 2021" is not a date
                continue
            found.setdefault((m.start(), m.end()), WrittenDate(m.start(), m.end(), day.isoformat()))
    return [found[k] for k in sorted(found)]


@lru_cache(maxsize=1)
def _line_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    raw = data("dates")
    result = []
    for key, field in (("modified_words", "modified"), ("published_words", "published")):
        words = "|".join(re.escape(w) for w in sorted(raw[key], key=len, reverse=True))
        result.append((re.compile(rf"(?i:{words})\s*(?:on|at)?\s*:?\s*(?P<rest>.+)"), field))
    return tuple(result)


_SEGMENT = re.compile(r"\s*[|·•]\s*")
_RELATIVE = re.compile(
    r"(?i:(?:updated|published|posted)?\s*(?:\d+|an?|one)\s*"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|\d+\s*min(?:ute)?s?\s+read)"
)


def date_line(line: str) -> tuple[str, str] | None:
    """A line that only states a date: ``("published" | "modified", ISO date)``, else None.

    "Published: Oct. 13, 2021 10:32 AM EDT", "Updated 13 October 2021", a bare
    "October 13, 2021" and "March 14, 2025 · 5:32 PM GMT · Updated 2 hours ago" qualify;
    a sentence that merely contains a date does not.
    """
    text = line.strip().strip("|·•").strip()
    if not text or len(text) > 120:
        return None
    segments = [s for s in _SEGMENT.split(text) if s]
    if len(segments) > 1:
        found = [_date_segment(s) for s in segments]
        dated = [f for f in found if f]
        if dated and all(
            f or re.fullmatch(_TIME, s.strip()) or _RELATIVE.fullmatch(s.strip()) for f, s in zip(found, segments)
        ):
            return dated[0]
        return None
    return _date_segment(text)


def _date_segment(text: str) -> tuple[str, str] | None:
    field, rest = "published", text
    for pattern, name in _line_patterns():
        m = pattern.fullmatch(text)
        if m:
            field, rest = name, m.group("rest")
            break
    dates = full_dates(rest)
    if len(dates) != 1:
        return None
    d = dates[0]
    leftover = (rest[: d.start] + rest[d.end :]).strip()
    if re.fullmatch(_TIME, leftover.strip(" ,.|-–")):
        return field, d.iso
    return None


# What a date or time may hold besides numbers, names of months and days and punctuation:
# time zones and the half of the day ("GMT+00:00", "15:53 EDT", "10 a.m.").
_ZONE = re.compile(r"^(?:GMT|UTC|Z|T|[A-Z]{1,3}[SD]?T|[aApPmM]\.?|[aApP]\.?[mM]\.?)$")
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")


def only_a_date(text: str) -> bool:
    """Whether ``text`` states a date or time and nothing else, no place ("2014-07-16
    15:53:10 GMT+00:00", "MARCH 04, 2013", "July 16"), as some agencies fill a dateline:
    a month's name, a clock time or an ISO date, and nothing but numbers, days and zones."""
    words = [w.rstrip(".") for w in re.findall(r"[^\W\d_]+\.?", text)]
    months = [w for w in words if month_number(w)]
    if not re.search(r"\d", text) or not (months or _CLOCK.search(text)):
        return False
    dates = data("date_words")
    weekdays = {w.casefold() for w in (*dates["weekdays"], *dates["weekday_abbreviations"])}
    return all(month_number(w) or w.casefold() in weekdays or _ZONE.match(w + ".") or _ZONE.match(w) for w in words)
