"""Date expressions found by pattern in a text: what is written, before anything is resolved.

The words come from ``data/date_words.json``; this module builds regular expressions from them
and turns each match into an :class:`Expr` that names the parts it saw (a weekday, a day
number, a month, "last", "about three months ago"). Resolution against the publication
date and the verb's tense is :mod:`.dateresolve`'s job, so everything here is pure text
work and can be tested without a parser.

Ages, durations and counts ("71", "5-year", "for three months", "175,000 troops") have no
pattern: a bare number is a date only when it is a plausible year in a date's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Literal

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


def _alt(words: object, *, dot: bool = False) -> str:
    # Longest first, so that "the day before yesterday" wins over "yesterday".
    items = sorted(words, key=lambda w: (-len(w), w))  # type: ignore[arg-type]
    body = "|".join(re.escape(w) for w in items)
    return f"(?:{body})" + (r"\.?" if dot else "")


# A pattern is tried on a text only when the text has one of its anchor words (or, for
# the patterns that need a year, four digits in a row: YEAR): most paragraphs name no
# month, no weekday, no year and no "ago", and trying every pattern at every word cost
# more than all the other rules of the pass together.
_WORD = re.compile(r"[^\W\d_]+")
YEAR = "0000"


def _anchors(*lists: object) -> frozenset[str]:
    return frozenset(w for items in lists for item in items for w in _WORD.findall(str(item).casefold()))  # type: ignore[attr-defined]


def words_of(text: str) -> frozenset[str]:
    """What :func:`find` compares with the anchors: the text's words, casefolded, and YEAR."""
    found = set(_WORD.findall(text.casefold()))
    if re.search(r"\d{4}", text):
        found.add(YEAR)
    return frozenset(found)


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]
    words: dict


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
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?:\s*[-\u2013]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    year = r"(?P<year>1\d{3}|20\d\d|21\d\d)(?![\d\w])"
    count = rf"(?P<count>{num}|\d{{1,3}}|{vague})"
    b = r"(?<![\w\-])"  # no word or hyphen just before: "mid-June" is matched whole
    e = r"(?![\w])"
    i = "(?i:{})".format
    months = _anchors(w["months"], w["month_abbreviations"])
    years = frozenset({YEAR})
    anchors = {"iso": years, "mdy": months, "dmy": months, "month_year": months, "weekday": _anchors(w["weekdays"]),
               "month_rel": months, "month": months, "decade": years, "year_part": years, "year_ctx": years,
               "year": years, "calendar": _anchors(w["calendar_units"]), "weekend": _anchors(["weekend"]),
               "deictic": _anchors(w["deictic"]), "ago": _anchors(["ago"]), "ahead": _anchors(w["units"])}
    patterns = [
        ("iso", rf"{b}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?![\w\-])"),
        ("mdy", rf"{b}(?:(?P<wd>{wd}|{wda}),?\s+)?(?P<mon>{mon}|{mona})\s+{day}{day2}"
                rf"(?:,?\s+{year})?(?![\d\w]|,\d)"),
        ("dmy", rf"{b}(?:(?P<wd>{wd}|{wda}),?\s+)?(?:{i('the')}\s+)?{day}{day2}\s+(?:of\s+)?"
                rf"(?P<mon>{mon}|{mona})(?:,?\s+{year})?{e}"),
        ("month_year", rf"{b}(?:(?P<part>{i(parts)})\s*)?(?P<mon>{mon}),?\s+{year}"),
        ("weekday", rf"{b}(?:(?P<rel>{i(rel)})\s+)?(?:(?P<part>{i('early|late')})\s+)?(?P<wd>{wd})"
                    rf"(?:\s+(?P<tod>{i(tod)}))?(?:\s*\((?P<daynum>[0-3]?\d)\))?{e}"),
        ("month_rel", rf"{b}(?:(?P<rel>{i('last|next|this')})\s+|(?P<part>{i(parts)})\s*)"
                      rf"(?P<mon>{mon}){e}(?!\s+\d)"),
        ("month", rf"{b}{i(mctx)}\s+(?P<core>(?P<mon>{mon})){e}(?!\s*\d)"),
        ("decade", rf"{b}(?:(?P<part>{i('early|mid|late')})[\s\-]?)?(?P<decade>1[89]\d0|20\d0)(?:'s|s){e}"),
        ("year_part", rf"{b}(?P<part>{i(parts)})\s+{year}(?![\-\u2013]\d)"),
        ("year_ctx", rf"{b}{i(yctx)}\s+(?P<core>{year})(?![\-\u2013]\d)"),
        ("year", rf"(?<![\w$\u20ac\u00a3#.,\-]){year}(?![%\-\u2013]|,\d|\.\d)"),
        ("calendar", rf"{b}(?:(?P<part>{i(parts)})\s+)?(?P<rel>{i(rel + '|past')})\s+(?P<unit>{i(cal)}){e}"),
        ("weekend", rf"{b}{i('the')}\s+(?P<core>(?P<unit>{i('weekend')})){e}"),
        ("deictic", rf"{b}(?P<word>{i(deictic)})(?:\s+(?P<tod>{i(tod)}))?{e}"),
        ("ago", rf"{b}(?:(?P<hedge>{i(hedge)})\s+)?(?:{i(count)}\s+)?(?P<unit>{i(units)})\s+{i('ago')}{e}"),
        ("ahead", rf"{b}{i('in')}\s+(?:(?P<hedge>{i(hedge)})\s+)?{i(count)}\s+(?P<unit>{i(units)})"
                  rf"(?:'s|')?(?:\s+{i('time')})?{e}"),
        ("ahead", rf"{b}(?:(?P<hedge>{i(hedge)})\s+)?{i(count)}\s+(?P<unit>{i(units)})\s+{i('from now')}{e}"),
    ]
    return _Grammar(tuple((name, re.compile(rx), anchors[name]) for name, rx in patterns), w)


def _lookup(table: dict[str, int], word: str | None) -> int | None:
    if word is None:
        return None
    word = word.rstrip(".")
    if word in table:
        return table[word]
    folded = {k.casefold(): v for k, v in table.items()}
    return folded.get(word.casefold())


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"'\u201c\u201d\u2018\u2019(-\u2013\u2014"


def _build(name: str, m: re.Match[str], text: str, is_date: IsDateEntity | None) -> Expr | None:
    g = _grammar().words
    groups = m.groupdict()
    start, end = (m.start("core"), m.end("core")) if groups.get("core") else m.span()
    written = text[start:end]
    get = lambda key: groups.get(key)  # noqa: E731
    month = _lookup({**g["months"], **g["month_abbreviations"]}, get("mon"))
    weekday = _lookup({**g["weekdays"], **g["weekday_abbreviations"]}, get("wd"))
    year = int(get("year")) if get("year") else None
    part = g["parts"].get(get("part").casefold()) if get("part") else None

    if name == "iso":
        return Expr(start, end, written, "date", year=year, month=int(get("month")), day=int(get("day")))
    if name in ("mdy", "dmy"):
        return Expr(start, end, written, "date", year=year, month=month, day=int(get("day")),
                    day_end=int(get("day2")) if get("day2") else None, weekday=weekday)
    if name in ("month_year", "month", "month_rel"):
        relative = g["relative"][get("rel").casefold()] if get("rel") else None
        return Expr(start, end, written, "date", year=year, month=month, relative=relative, part=part)
    if name == "weekday":
        relative = _lookup(g["relative"], get("rel"))
        if get("rel") and get("rel").casefold() == "past":
            relative = -1
        return Expr(start, end, written, "weekday", weekday=weekday, relative=relative,
                    day=int(get("daynum")) if get("daynum") else None)
    if name == "decade":
        d = int(get("decade"))
        return Expr(start, end, written, "decade", year=d, part=part)
    if name in ("year_ctx", "year", "year_part"):
        if name == "year" and (is_date is None or not is_date(start, end)):
            return None
        return Expr(start, end, written, "date", year=year, part=part)
    if name in ("calendar", "weekend"):
        word = (get("rel") or "").casefold()
        rolling = word == "past" or (word == "last" and text[max(0, start - 4):start].casefold() == "the ")
        relative = -1 if word == "past" else g["relative"].get(word)
        return Expr(start, end, written, "calendar", unit=get("unit").casefold(), relative=relative,
                    part=part, rolling=rolling)
    if name == "deictic":
        if written[:1].isupper() and not _sentence_start(text, start):
            return None  # "Russia Today", "USA Today": a name
        return Expr(start, end, written, "deictic", count=g["deictic"][get("word").casefold()])
    if name in ("ago", "ahead"):
        raw = (get("count") or "").casefold()
        vague = raw in g["vague_numbers"] or not raw
        n = g["vague_numbers"].get(raw, 3) if vague else (int(raw) if raw.isdigit() else g["numbers"][raw])
        unit = g["units"][get("unit").casefold()]
        return Expr(start, end, written, name, unit=unit, count=n,
                    approximate=vague or bool(get("hedge")))
    raise AssertionError(f"pattern {name} has no builder")


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
