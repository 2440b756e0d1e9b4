"""Date expressions found by pattern in a text: what is written, before anything is resolved.

The words come from ``data/date_words.json``; this module builds regular expressions from them
and turns each match into an :class:`Expr` that names the parts it saw (a weekday, a day
number, a month, "last", "about three months ago"). Resolution against the publication
date and the verb's tense is :mod:`.resolve`'s job, so everything here is pure text
work and can be tested without a parser.

Ages, durations and counts ("71", "5-year", "for three months", "175,000 troops") have no
pattern: a bare number is a date only when it is a plausible year in a date's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Literal

from ...lexicon.wordlists import data

ExprKind = Literal["date", "weekday", "calendar", "deictic", "ago", "ahead", "decade"]

# A predicate the caller may give: is text[start:end] a date according to the parser?
# Bare years without a date word before them are kept only when it says so.
IsDateEntity = Callable[[int, int], bool]


@dataclass(frozen=True)
class Expr:
    """One date expression: its place in the text and the parts it names."""

    start: int
    end: int
    text: str
    kind: ExprKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # "June 14-15"
    weekday: int | None = None  # 0 = Monday
    relative: int | None = None  # last -1, this 0, next +1
    unit: str | None = None  # day, week, weekend, fortnight, month, year, decade
    count: int | None = None  # "three" in "three months ago"
    part: str | None = None  # early, mid, late, before ("earlier this"), after ("later this")
    approximate: bool = False  # hedged ("about") or vague ("a few")
    rolling: bool = False  # "the past week": the days up to publication, not a calendar week


def _alt(words: Iterable[str], *, dot: bool = False) -> str:
    # Longest first, so that "the day before yesterday" wins over "yesterday".
    items = sorted(words, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in items)
    return f"(?:{body})" + (r"\.?" if dot else "")


# A pattern is tried on a text only when the text has one of its anchor words (or, for
# the patterns that need a year, four digits in a row: YEAR): most paragraphs name no
# month, no weekday, no year and no "ago", and trying every pattern at every word cost
# more than all the other rules of the pass together.
_WORD = re.compile(r"[^\W\d_]+")
_FOUR_DIGITS = re.compile(r"\d{4}")
YEAR = "0000"


def _anchors(*lists: Iterable[object]) -> frozenset[str]:
    return frozenset(w for items in lists for item in items for w in _WORD.findall(str(item).casefold()))


def words_of(text: str) -> frozenset[str]:
    """What :func:`find` compares with the anchors: the text's words, casefolded, and YEAR."""
    found = set(_WORD.findall(text.casefold()))
    if _FOUR_DIGITS.search(text):
        found.add(YEAR)
    return frozenset(found)


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]
    words: dict


# Pieces of the patterns below that no word list changes.
_B = r"(?<![\w\-])"  # no word or hyphen just before: "mid-June" is matched whole
_E = r"(?![\w])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*[-\u2013]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>1\d{3}|20\d\d|21\d\d)(?![\d\w])"


def _anchor_sets(w: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Per pattern, the words one of which a text must hold for the pattern to be tried."""
    months = _anchors(w["months"], w["month_abbreviations"])
    years = frozenset({YEAR})
    return {
        "iso": years,
        "mdy": months,
        "dmy": months,
        "month_year": months,
        "weekday": _anchors(w["weekdays"]),
        "month_rel": months,
        "month": months,
        "decade": years,
        "year_part": years,
        "year_ctx": years,
        "year": years,
        "calendar": _anchors(w["calendar_units"]),
        "weekend": _anchors(["weekend"]),
        "deictic": _anchors(w["deictic"]),
        "ago": _anchors(["ago"]),
        "ahead": _anchors(w["units"]),
    }


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    w = data("date_words")
    wd = _alt(w["weekdays"])
    wda = _alt(w["weekday_abbreviations"], dot=True)
    mon = _alt(w["months"])
    mona = _alt(w["month_abbreviations"], dot=True)
    num = _alt(w["numbers"])
    vague = _alt(w["vague_numbers"])
    hedge = _alt(w["hedges"])
    units = _alt(w["units"])
    parts = _alt(w["parts"])
    rel = _alt(w["relative"])
    cal = _alt(w["calendar_units"])
    tod = _alt(w["times_of_day"])
    deictic = _alt(w["deictic"])
    mctx = _alt(w["month_context"])
    yctx = _alt(w["year_context"])
    count = rf"(?P<count>{num}|\d{{1,3}}|{vague})"
    i = "(?i:{})".format
    anchors = _anchor_sets(w)
    patterns = [
        ("iso", rf"{_B}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?![\w\-])"),
        (
            "mdy",
            rf"{_B}(?:(?P<wd>{wd}|{wda}),?\s+)?(?P<mon>{mon}|{mona})\s+{_DAY}{_DAY2}"
            rf"(?:,?\s+{_YEAR})?(?![\d\w]|,\d)",
        ),
        (
            "dmy",
            rf"{_B}(?:(?P<wd>{wd}|{wda}),?\s+)?(?:{i('the')}\s+)?{_DAY}{_DAY2}\s+(?:of\s+)?"
            rf"(?P<mon>{mon}|{mona})(?:,?\s+{_YEAR})?{_E}",
        ),
        ("month_year", rf"{_B}(?:(?P<part>{i(parts)})\s*)?(?P<mon>{mon}),?\s+{_YEAR}"),
        (
            "weekday",
            rf"{_B}(?:(?P<rel>{i(rel)})\s+)?(?:(?P<part>{i('early|late')})\s+)?(?P<wd>{wd})"
            rf"(?:\s+(?P<tod>{i(tod)}))?(?:\s*\((?P<daynum>[0-3]?\d)\))?{_E}",
        ),
        (
            "month_rel",
            rf"{_B}(?:(?P<rel>{i('last|next|this')})\s+|(?P<part>{i(parts)})\s*)"
            rf"(?P<mon>{mon}){_E}(?!\s+\d)",
        ),
        ("month", rf"{_B}{i(mctx)}\s+(?P<core>(?P<mon>{mon})){_E}(?!\s*\d)"),
        ("decade", rf"{_B}(?:(?P<part>{i('early|mid|late')})[\s\-]?)?(?P<decade>1[89]\d0|20\d0)(?:'s|s){_E}"),
        ("year_part", rf"{_B}(?P<part>{i(parts)})\s+{_YEAR}(?![\-\u2013]\d)"),
        ("year_ctx", rf"{_B}{i(yctx)}\s+(?P<core>{_YEAR})(?![\-\u2013]\d)"),
        ("year", rf"(?<![\w$\u20ac\u00a3#.,\-]){_YEAR}(?![%\-\u2013]|,\d|\.\d)"),
        ("calendar", rf"{_B}(?:(?P<part>{i(parts)})\s+)?(?P<rel>{i(rel + '|past')})\s+(?P<unit>{i(cal)}){_E}"),
        ("weekend", rf"{_B}{i('the')}\s+(?P<core>(?P<unit>{i('weekend')})){_E}"),
        ("deictic", rf"{_B}(?P<word>{i(deictic)})(?:\s+(?P<tod>{i(tod)}))?{_E}"),
        ("ago", rf"{_B}(?:(?P<hedge>{i(hedge)})\s+)?(?:{i(count)}\s+)?(?P<unit>{i(units)})\s+{i('ago')}{_E}"),
        (
            "ahead",
            rf"{_B}{i('in')}\s+(?:(?P<hedge>{i(hedge)})\s+)?{i(count)}\s+(?P<unit>{i(units)})"
            rf"(?:'s|')?(?:\s+{i('time')})?{_E}",
        ),
        ("ahead", rf"{_B}(?:(?P<hedge>{i(hedge)})\s+)?{i(count)}\s+(?P<unit>{i(units)})\s+{i('from now')}{_E}"),
    ]
    return _Grammar(tuple((name, re.compile(rx), anchors[name]) for name, rx in patterns), w)


def _lookup(table: dict[str, int], word: str | None) -> int | None:
    if not word:
        return None
    word = word.rstrip(".")
    if word in table:
        return table[word]
    folded = {k.casefold(): v for k, v in table.items()}
    return folded.get(word.casefold())


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"'\u201c\u201d\u2018\u2019(-\u2013\u2014"


@dataclass(frozen=True)
class _Hit:
    """One pattern's match, with what every builder reads from it."""

    name: str
    m: re.Match[str]
    text: str
    is_date: IsDateEntity | None
    words: dict[str, Any]  # the date words (data/date_words.json)
    start: int
    end: int

    @property
    def written(self) -> str:
        return self.text[self.start : self.end]

    def get(self, key: str) -> str:
        # A group that did not take part is None: "" reads the same in every test below.
        return self.m.groupdict().get(key) or ""

    @property
    def month(self) -> int | None:
        return _lookup({**self.words["months"], **self.words["month_abbreviations"]}, self.get("mon"))

    @property
    def weekday(self) -> int | None:
        return _lookup({**self.words["weekdays"], **self.words["weekday_abbreviations"]}, self.get("wd"))

    @property
    def year(self) -> int | None:
        return int(self.get("year")) if self.get("year") else None

    @property
    def part(self) -> str | None:
        return self.words["parts"].get(self.get("part").casefold()) if self.get("part") else None


def _iso(h: _Hit) -> Expr | None:
    return Expr(h.start, h.end, h.written, "date", year=h.year, month=int(h.get("month")), day=int(h.get("day")))


def _day_month(h: _Hit) -> Expr | None:
    day_end = int(h.get("day2")) if h.get("day2") else None
    return Expr(
        h.start,
        h.end,
        h.written,
        "date",
        year=h.year,
        month=h.month,
        day=int(h.get("day")),
        day_end=day_end,
        weekday=h.weekday,
    )


def _month(h: _Hit) -> Expr | None:
    relative = h.words["relative"][h.get("rel").casefold()] if h.get("rel") else None
    return Expr(h.start, h.end, h.written, "date", year=h.year, month=h.month, relative=relative, part=h.part)


def _weekday(h: _Hit) -> Expr | None:
    relative = _lookup(h.words["relative"], h.get("rel"))
    if h.get("rel") and h.get("rel").casefold() == "past":
        relative = -1
    day = int(h.get("daynum")) if h.get("daynum") else None
    return Expr(h.start, h.end, h.written, "weekday", weekday=h.weekday, relative=relative, day=day)


def _decade(h: _Hit) -> Expr | None:
    return Expr(h.start, h.end, h.written, "decade", year=int(h.get("decade")), part=h.part)


def _year(h: _Hit) -> Expr | None:
    if h.name == "year" and (h.is_date is None or not h.is_date(h.start, h.end)):
        return None  # a bare number is a year only where the parser says it is a date
    return Expr(h.start, h.end, h.written, "date", year=h.year, part=h.part)


def _calendar(h: _Hit) -> Expr | None:
    word = (h.get("rel") or "").casefold()
    rolling = word == "past" or (word == "last" and h.text[max(0, h.start - 4) : h.start].casefold() == "the ")
    relative = -1 if word == "past" else h.words["relative"].get(word)
    unit = h.get("unit").casefold()
    return Expr(h.start, h.end, h.written, "calendar", unit=unit, relative=relative, part=h.part, rolling=rolling)


def _deictic(h: _Hit) -> Expr | None:
    if h.written[:1].isupper() and not _sentence_start(h.text, h.start):
        return None  # "Russia Today", "USA Today": a name
    return Expr(h.start, h.end, h.written, "deictic", count=h.words["deictic"][h.get("word").casefold()])


def _span_of_time(h: _Hit) -> Expr | None:
    g = h.words
    raw = (h.get("count") or "").casefold()
    vague = raw in g["vague_numbers"] or not raw
    n = g["vague_numbers"].get(raw, 3) if vague else (int(raw) if raw.isdigit() else g["numbers"][raw])
    unit = g["units"][h.get("unit").casefold()]
    kind: ExprKind = "ago" if h.name == "ago" else "ahead"
    return Expr(h.start, h.end, h.written, kind, unit=unit, count=n, approximate=vague or bool(h.get("hedge")))


# What each pattern of _grammar() becomes.
BUILDERS: dict[str, Callable[[_Hit], Expr | None]] = {
    "iso": _iso,
    "mdy": _day_month,
    "dmy": _day_month,
    "month_year": _month,
    "month": _month,
    "month_rel": _month,
    "weekday": _weekday,
    "decade": _decade,
    "year_ctx": _year,
    "year": _year,
    "year_part": _year,
    "calendar": _calendar,
    "weekend": _calendar,
    "deictic": _deictic,
    "ago": _span_of_time,
    "ahead": _span_of_time,
}


def _build(name: str, m: re.Match[str], text: str, is_date: IsDateEntity | None) -> Expr | None:
    start, end = (m.start("core"), m.end("core")) if m.groupdict().get("core") else m.span()
    return BUILDERS[name](_Hit(name, m, text, is_date, _grammar().words, start, end))


def find(text: str, is_date: IsDateEntity | None = None) -> list[Expr]:
    """Every date expression in ``text``, in reading order, none overlapping another.

    Where patterns overlap, the longest match starting first wins ("Sunday, January 24"
    over "Sunday"). ``is_date`` confirms bare years ("the 2014 coup") that no date word
    announces; without it they are left out.
    """
    found: list[Expr] = []
    present = words_of(text)
    for name, pattern, anchors in _grammar().patterns:
        if anchors.isdisjoint(present):
            continue
        for m in pattern.finditer(text):
            expr = _build(name, m, text, is_date)
            if expr is not None:
                found.append(expr)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    chosen: list[Expr] = []
    for expr in found:
        if chosen and expr.start < chosen[-1].end:
            continue
        chosen.append(expr)
    return chosen
