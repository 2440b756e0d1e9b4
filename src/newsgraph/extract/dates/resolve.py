"""Calendar arithmetic: a date expression, the publication date and a tense -> real dates.

Pure functions of their arguments, so every rule is testable without a parser:

- a weekday or a month named alone is the occurrence nearest the publication date in the
  direction of the tense ("met Wednesday" looks back, "will meet Wednesday" ahead); a
  tense read only through a noun is a weaker pull;
- "last/this/next week|month|year", "earlier/later this month", "three months ago",
  "in two weeks" count calendar units from the publication date;
- a date with its year needs nothing; without a publication date everything else stays
  unresolved rather than guessed;
- an impossible date ("February 30"), a weekday that contradicts the day number, or a
  date implausibly far from publication is kept unresolved with low confidence and a
  ``problem`` saying why. Nothing here raises on bad input.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

from ...lexicon.wordlists import data
from ..tense import Direction
from .grammar import Expr

V = TypeVar("V")  # what a candidate of _choose is: a year, a day

# How strongly a tense pulls a date its way, in the date's own unit. A strong tense (the
# date hangs on the verb) wins unless it lands this much further away than the other
# reading; a weak one (through a noun: "a possible offensive in January") only tips
# near-ties.
_PULL = {"day": (7, 3), "month": (9, 3), "monthday": (270, 90)}

# Confidence of a resolution, by how much was inferred.
CONF_EXPLICIT = 0.95  # the year is written
CONF_CALENDAR = 0.9  # counted from publication with no choice to make
CONF_CHOSEN = 0.85  # a direction was chosen from a strong tense or a day number
CONF_GUESSED = 0.7  # chosen from a weak tense or by nearness alone
CONF_APPROX = 0.75
CONF_UNANCHORED = 0.5  # relative, and no publication date to count from
CONF_PROBLEM = 0.2  # impossible, contradictory or implausibly far


@dataclass(frozen=True)
class Resolution:
    start: date | None
    end: date | None
    precision: str | None
    confidence: float
    problem: str | None = None  # why it was not resolved, for the article's notes


def _unresolved(precision: str | None, confidence: float, problem: str | None = None) -> Resolution:
    return Resolution(None, None, precision, confidence, problem)


# --- calendar helpers ---------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    """``d`` moved ``n`` calendar months, the day clipped to the month's length."""
    index = d.year * 12 + (d.month - 1) + n
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


@lru_cache(maxsize=1)
def _first_weekday() -> int:
    return int(data("date_words")["week_starts_on"])


def week_start(d: date) -> date:
    """The first day of the calendar week holding ``d`` (see ``week_starts_on``)."""
    return d - timedelta(days=(d.weekday() - _first_weekday()) % 7)


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _part(start: date, end: date, part: str | None, anchor: date | None) -> tuple[date, date, bool]:
    """The piece of [start, end] that 'early', 'mid', 'late', 'earlier', 'later' name.

    Returns the piece and whether it is approximate (early/mid/late are; "earlier this
    month" is exact: from the month's first day to publication).
    """
    if part is None:
        return start, end, False
    if part in ("before", "after") and anchor is not None and start <= anchor <= end:
        return (start, anchor, False) if part == "before" else (anchor, end, False)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        # a year in thirds of months: early = January-April, late = September-December
        first = {"early": 1, "mid": 5, "late": 9}.get(part)
        if first is not None:
            return date(start.year, first, 1), month_end(start.year, first + 3), True
    days = (end - start).days + 1
    third = max(1, days // 3)
    if part == "early":
        return start, start + timedelta(days=third - 1), True
    if part == "mid":
        return start + timedelta(days=third), end - timedelta(days=third), True
    if part == "late":
        return end - timedelta(days=third - 1), end, True
    return start, end, True


def _choose(candidates: list[tuple[int, V]], direction: Direction | None, strong: bool, unit: str) -> tuple[V, float]:
    """The candidate nearest publication, pulled by the tense; ``(distance, value)`` pairs."""
    strong_pull, weak_pull = _PULL[unit]
    pull = (strong_pull if strong else weak_pull) if direction in ("past", "future") else 0

    def cost(item: tuple[int, V]) -> tuple[int, bool]:
        distance, _ = item
        against = (direction == "past" and distance > 0) or (direction == "future" and distance < 0)
        # ties go to the past: news reports what happened more than what will
        return abs(distance) + (pull if against else 0), distance > 0

    best = min(candidates, key=cost)
    confidence = CONF_CHOSEN if pull and strong else CONF_GUESSED
    if best[0] == 0:
        confidence = CONF_CHOSEN
    return best[1], confidence


@lru_cache(maxsize=2)
def _limits(precision: str) -> tuple[int, int]:
    lim = data("date_words")["limits"]["day" if precision == "day" else "other"]
    return int(lim["years_before"]), int(lim["years_after"])


def _plausible(start: date, anchor: date | None, precision: str) -> bool:
    if anchor is None:
        return True
    before, after = _limits(precision)
    return add_months(anchor, -12 * before) <= start <= add_months(anchor, 12 * after)


def _finish(
    start: date, end: date | None, precision: str, confidence: float, anchor: date | None, text: str
) -> Resolution:
    if not _plausible(start, anchor, precision):
        return _unresolved(precision, CONF_PROBLEM, f"{text!r} is implausibly far from the publication date {anchor}")
    return Resolution(start, end if end != start else None, precision, confidence)


# --- the kinds of expression --------------------------------------------------------------


def _full_date(x: Expr, anchor: date | None, direction: Direction | None, strong: bool) -> Resolution:
    assert x.month is not None and x.day is not None
    if not 1 <= x.month <= 12:
        return _unresolved("day", CONF_PROBLEM, f"{x.text!r} has no month {x.month}")
    if x.year is not None:
        real = _real(x.year, x.month, x.day)
        if real is None:
            return _unresolved("day", CONF_PROBLEM, f"{x.text!r} is not a real date")
        start, confidence = real, CONF_EXPLICIT
    else:
        if not any(_real(y, x.month, x.day) for y in (2000, 2001)):  # 2000 has a February 29
            return _unresolved("day", CONF_PROBLEM, f"{x.text!r} is not a real date")
        if anchor is None:
            return _unresolved("day", CONF_UNANCHORED)
        options = [
            (d - anchor).days
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (d := _real(y, x.month, x.day))
        ]
        start, confidence = _choose([(n, anchor + timedelta(days=n)) for n in options], direction, strong, "monthday")
        confidence = max(confidence, CONF_CHOSEN)
    if x.weekday is not None and start.weekday() != x.weekday:
        return _unresolved(
            "day", CONF_PROBLEM, f"{x.text!r}: {start.isoformat()} is a {calendar.day_name[start.weekday()]}"
        )
    end = None
    if x.day_end is not None:
        end = _real(start.year, start.month, x.day_end)
        if end is None or end < start:
            return _unresolved("day", CONF_PROBLEM, f"{x.text!r} is not a real range of days")
    return _finish(start, end, "day", confidence, anchor, x.text)


def _month(x: Expr, anchor: date | None, direction: Direction | None, strong: bool) -> Resolution:
    assert x.month is not None
    if x.year is not None:
        year, confidence = x.year, CONF_EXPLICIT
    elif anchor is None:
        return _unresolved("month", CONF_UNANCHORED)
    else:
        here = anchor.year * 12 + anchor.month - 1
        options = [(y * 12 + x.month - 1 - here, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if x.relative == -1:
            year, confidence = max(y for n, y in options if n < 0), CONF_CALENDAR
        elif x.relative == 1:
            year, confidence = min(y for n, y in options if n > 0), CONF_CALENDAR
        elif x.relative == 0:
            year, confidence = anchor.year, CONF_CALENDAR
        else:
            year, confidence = _choose(options, direction, strong, "month")
    start, end, approximate = _part(date(year, x.month, 1), month_end(year, x.month), x.part, anchor)
    return _finish(
        start,
        end,
        "approximate" if approximate else "month",
        CONF_APPROX if approximate else confidence,
        anchor,
        x.text,
    )


def _year(x: Expr, anchor: date | None) -> Resolution:
    assert x.year is not None
    if x.kind == "decade":
        start, end = date(x.year, 1, 1), date(x.year + 9, 12, 31)
        start, end, approximate = _part(start, end, x.part, anchor)
        return _finish(start, end, "approximate" if approximate else "year", CONF_EXPLICIT, anchor, x.text)
    start, end, approximate = _part(date(x.year, 1, 1), date(x.year, 12, 31), x.part, anchor)
    return _finish(
        start,
        end,
        "approximate" if approximate else "year",
        CONF_APPROX if approximate else CONF_EXPLICIT,
        anchor,
        x.text,
    )


def _weekday(x: Expr, anchor: date | None, direction: Direction | None, strong: bool) -> Resolution:
    assert x.weekday is not None
    if anchor is None:
        return _unresolved("day", CONF_UNANCHORED)
    name = calendar.day_name[x.weekday]
    if x.day is not None:
        # "Monday (6)": the Monday that is a 6th, nearest publication
        found = [
            anchor + timedelta(days=n)
            for n in range(-45, 46)
            if (d := anchor + timedelta(days=n)).day == x.day and d.weekday() == x.weekday
        ]
        if not found:
            return _unresolved("day", CONF_PROBLEM, f"{x.text!r}: no {name} the {x.day}th near {anchor}")
        best = min(found, key=lambda d: abs((d - anchor).days))
        return Resolution(best, None, "day", CONF_EXPLICIT)
    back = (anchor.weekday() - x.weekday) % 7
    ahead = (x.weekday - anchor.weekday()) % 7
    if x.relative == -1:
        return Resolution(anchor - timedelta(days=back or 7), None, "day", CONF_CALENDAR)
    if x.relative == 1:
        # "next Friday" is the Friday of next week: said on a Thursday, not tomorrow
        next_week = week_start(anchor) + timedelta(days=7)
        day = next_week + timedelta(days=(x.weekday - next_week.weekday()) % 7)
        return Resolution(day, None, "day", CONF_GUESSED)
    day, confidence = _choose(
        [(-back, anchor - timedelta(days=back)), (ahead, anchor + timedelta(days=ahead))], direction, strong, "day"
    )
    return Resolution(day, None, "day", confidence)


def _calendar(x: Expr, anchor: date | None, direction: Direction | None) -> Resolution:
    unit, rel = x.unit or "", x.relative
    precision = {"week": "week", "weekend": "day", "month": "month", "year": "year", "decade": "year"}[unit]
    if anchor is None:
        return _unresolved(precision, CONF_UNANCHORED)
    if x.rolling:
        # "the past week": the days up to publication, not a calendar unit
        back = {"week": timedelta(days=7), "weekend": timedelta(days=7)}.get(unit)
        start = anchor - back if back else add_months(anchor, -{"month": 1, "year": 12, "decade": 120}[unit])
        return Resolution(start, anchor, precision, CONF_CALENDAR)
    if unit == "weekend":
        # a Saturday or Sunday publication is inside "this weekend"
        saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5)
        if rel is None:  # "over the weekend": the last one, unless inside it or looking ahead
            rel = 0 if anchor >= saturday or direction == "future" else -1
        elif rel == 0 and anchor < saturday and direction == "past":
            rel = -1  # "told voters this weekend", published on a Monday: the weekend just gone
        start = saturday + timedelta(days=7 * rel)
        return Resolution(start, start + timedelta(days=1), "day", CONF_CALENDAR)
    rel = rel or 0
    if unit == "week":
        start = week_start(anchor) + timedelta(days=7 * rel)
        end = start + timedelta(days=6)
        if rel == 0 and x.part == "before" and anchor == start:
            # "earlier this week" on the week's first day (a Sunday): nothing of it has gone by
            # yet, so the days before publication: the week just gone
            return Resolution(start - timedelta(days=7), anchor - timedelta(days=1), "week", CONF_CALENDAR)
    elif unit == "month":
        first = add_months(anchor.replace(day=1), rel)
        start, end = first, month_end(first.year, first.month)
    elif unit == "year":
        start, end = date(anchor.year + rel, 1, 1), date(anchor.year + rel, 12, 31)
    else:  # decade
        decade = anchor.year - anchor.year % 10 + 10 * rel
        start, end = date(decade, 1, 1), date(decade + 9, 12, 31)
    start, end, approximate = _part(start, end, x.part, anchor)
    return Resolution(
        start, end, "approximate" if approximate else precision, CONF_APPROX if approximate else CONF_CALENDAR
    )


def _offset(x: Expr, anchor: date | None, sign: int) -> Resolution:
    """'three months ago' (sign -1), 'in two weeks' (sign +1)."""
    unit, n = x.unit or "day", (x.count or 1) * sign
    precision = "approximate" if x.approximate else {"fortnight": "week", "decade": "year"}.get(unit, unit)
    if anchor is None:
        return _unresolved(precision, CONF_UNANCHORED)
    if unit in ("day", "week", "fortnight"):
        point = anchor + timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
    else:
        point = add_months(anchor, n * {"month": 1, "year": 12, "decade": 120}[unit])
    if x.approximate:
        return _finish(point, None, precision, CONF_APPROX, anchor, x.text)
    if unit in ("week", "fortnight"):
        start = week_start(point)
        return _finish(start, start + timedelta(days=6), "week", CONF_CALENDAR, anchor, x.text)
    if unit == "month":
        return _finish(point.replace(day=1), month_end(point.year, point.month), "month", CONF_CALENDAR, anchor, x.text)
    if unit in ("year", "decade"):
        return _finish(date(point.year, 1, 1), date(point.year, 12, 31), "year", CONF_CALENDAR, anchor, x.text)
    return _finish(point, None, "day", CONF_CALENDAR, anchor, x.text)


def resolve(
    x: Expr, anchor: date | None, direction: Direction | None = None, strong: bool = False
) -> Resolution | None:
    """What ``x`` means, counted from ``anchor`` (the publication day) when it needs one.

    ``direction`` and ``strong`` are the tense of the verb the expression hangs on. Returns
    None when the words turn out not to be a date at all ("in three years" after a
    past verb, or hanging on a noun, is a duration, not a time).
    """
    if x.kind == "date":
        if x.day is not None:
            return _full_date(x, anchor, direction, strong)
        if x.month is not None:
            return _month(x, anchor, direction, strong)
        return _year(x, anchor)
    if x.kind == "decade":
        return _year(x, anchor)
    if x.kind == "weekday":
        return _weekday(x, anchor, direction, strong)
    if x.kind == "calendar":
        return _calendar(x, anchor, direction)
    if x.kind == "deictic":
        if anchor is None:
            return _unresolved("day", CONF_UNANCHORED)
        return Resolution(anchor + timedelta(days=x.count or 0), None, "day", CONF_CALENDAR)
    if x.kind == "ago":
        return _offset(x, anchor, -1)
    if x.kind == "ahead":
        # "resume in two weeks" points ahead; "the highest in three years" is a duration
        ahead = direction == "future" or (direction == "present" and strong)
        return _offset(x, anchor, +1) if ahead else None
    raise AssertionError(f"unknown expression kind {x.kind}")
