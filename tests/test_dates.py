"""Dates: the grammar, the calendar arithmetic, the pass over whole articles, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import Article, DateInfo, Paragraph
from newsgraph.extract import dates
from newsgraph.extract.dates import grammar as dategrammar
from newsgraph.extract.dates.grammar import Expr
from newsgraph.extract.dates.resolve import CONF_PROBLEM, add_months, resolve
from newsgraph.extract.options import ExtractOptions
from newsgraph.model import mint_article_id

from strategies import articles


def article(*paragraphs: str, published: str | None = "2021-06-13") -> Article:
    return Article(
        id=mint_article_id("|".join(paragraphs)), published=published, body=[Paragraph(text=p) for p in paragraphs]
    )


def resolved(text: str, published: str | None = "2021-06-13") -> list[tuple[str, str | None, str | None, str | None]]:
    """(text as written, start, end, precision) of every date found in ``text``."""
    found = dates.find(article(text, published=published))
    return [(f.date.text, f.date.start, f.date.end, f.date.precision) for _, f in found]


# --- grammar: what is a date expression and what is not --------------------------------


@pytest.mark.parametrize(
    "text, written",
    [
        ("The minister spoke on Sunday, January 24, in Brussels.", "Sunday, January 24"),
        ("Photo taken Wednesday, October 13, 2021. Credit: Agency", "Wednesday, October 13, 2021"),
        ("It rained Monday (6) in the capital.", "Monday (6)"),
        ("They talk again this Tuesday (7).", "this Tuesday (7)"),
        ("He quit about three months ago.", "about three months ago"),
        ("The vote comes later this month.", "later this month"),
        ("She arrived on the 16th of June 2021.", "the 16th of June 2021"),
        ("Prices peaked in mid-June 2021.", "mid-June 2021"),
        ("The deal lapses on Oct. 13, 2021.", "Oct. 13, 2021"),
        ("Talks ran June 14-15 in Oslo.", "June 14-15"),
        ("It was signed 2021-06-16.", "2021-06-16"),
        ("The office closed earlier this week.", "earlier this week"),
        ("The pact ended at the end of last year.", "the end of last year"),
        ("A few days ago the port reopened.", "A few days ago"),
    ],
)
def test_grammar_finds_the_expression_as_written(text: str, written: str) -> None:
    assert [x.text for x in dategrammar.find(text)] == [written]


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov, 71, a retired teacher, disagreed.",  # an age
        "Anna Sokolova, 28, works nights.",
        "The court handed down a 2\u00bd-year sentence.",  # a duration as a modifier
        "They asked for a 5-year extension.",
        "Some 175,000 troops and 1,500 tanks massed on the border.",  # counts
        "He served for three months and spent days in hospital.",  # durations
        "Inflation was the highest in three years.",  # duration, no future verb
        "Russia Today and USA Today ran the story.",  # names, not 'today'
        "Officials may meet the envoy soon.",  # 'may' is a verb, not the month
        "The Group of 20 summit opened.",
    ],
)
def test_ages_durations_counts_and_names_are_not_dates(text: str) -> None:
    assert resolved(text) == []


def test_a_bare_year_needs_the_parser_or_a_date_word() -> None:
    assert [x.text for x in dategrammar.find("the 2014 election")] == ["2014"]  # "the" announces it
    assert dategrammar.find("2014 delegates came") == []  # nothing says it is a year
    assert [x.text for x in dategrammar.find("2014 delegates came", lambda s, e: True)] == ["2014"]


# --- resolution against the publication day, with the tense -----------------------------

# 2021-06-13 is a Sunday.


@pytest.mark.parametrize(
    "text, expected",
    [
        # weekdays: the tense decides which way to look
        ("The envoy met the minister on Wednesday.", ("Wednesday", "2021-06-09", None, "day")),
        ("The envoy will meet the minister on Wednesday.", ("Wednesday", "2021-06-16", None, "day")),
        ("The envoys are scheduled to meet on Wednesday.", ("Wednesday", "2021-06-16", None, "day")),
        ("The governor said Sunday that the roads were closed.", ("Sunday", "2021-06-13", None, "day")),
        ("The mayor resigned last Friday.", ("last Friday", "2021-06-11", None, "day")),
        ("The mayor will resign next Monday.", ("next Monday", "2021-06-21", None, "day")),  # next week's
        # relative spans
        (
            "The ambassador was recalled about three months ago.",
            ("about three months ago", "2021-03-13", None, "approximate"),
        ),
        ("Parliament voted two weeks ago.", ("two weeks ago", "2021-05-30", "2021-06-05", "week")),
        ("The ministers met last week.", ("last week", "2021-06-06", "2021-06-12", "week")),  # weeks start on Sunday
        ("The summit opens later this month.", ("later this month", "2021-06-13", "2021-06-30", "month")),
        ("Sales fell earlier this month.", ("earlier this month", "2021-06-01", "2021-06-13", "month")),
        ("Elections are due next year.", ("next year", "2022-01-01", "2022-12-31", "year")),
        ("Exports fell last year.", ("last year", "2020-01-01", "2020-12-31", "year")),
        ("The talks resume in two weeks.", ("in two weeks", "2021-06-27", "2021-07-03", "week")),
        ("The border reopened yesterday.", ("yesterday", "2021-06-12", None, "day")),
        # months: the nearest one, pulled by the tense
        ("Sanctions were imposed in April.", ("April", "2021-04-01", "2021-04-30", "month")),
        ("Sanctions will be imposed in April.", ("April", "2022-04-01", "2022-04-30", "month")),
        ("The party congress takes place in July.", ("July", "2021-07-01", "2021-07-31", "month")),
        ("The treaty was signed last June.", ("last June", "2020-06-01", "2020-06-30", "month")),
        # absolute dates, with or without a year
        ("The court ruled on June 16, 2020.", ("June 16, 2020", "2020-06-16", None, "day")),
        ("The accord expires on July 5.", ("July 5", "2021-07-05", None, "day")),
        ("The vote was held on November 3.", ("November 3", "2020-11-03", None, "day")),
        ("It was announced on Sunday, June 13.", ("Sunday, June 13", "2021-06-13", None, "day")),
        ("The war ended in 1995.", ("1995", "1995-01-01", "1995-12-31", "year")),
        ("Reforms began in the 1990s.", ("1990s", "1990-01-01", "1999-12-31", "year")),
    ],
)
def test_resolution(text: str, expected: tuple) -> None:
    assert resolved(text) == [expected]


def test_earlier_this_week_on_its_first_day_is_the_week_just_gone() -> None:
    # 2021-06-13 is a Sunday, the first day of its week: nothing of "this week" has gone by
    assert resolved("The donor met the mayor earlier this week.") == [
        ("earlier this week", "2021-06-06", "2021-06-12", "week")
    ]
    # on a Wednesday, the days of this week up to it
    assert resolved("The donor met the mayor earlier this week.", published="2021-06-16") == [
        ("earlier this week", "2021-06-13", "2021-06-16", "week")
    ]


def test_a_weekday_with_its_day_number() -> None:
    # 2021-12-06 is a Monday
    assert resolved(
        "The ministry spoke on Monday (6) and will meet again this Tuesday (7).", published="2021-12-06"
    ) == [("Monday (6)", "2021-12-06", None, "day"), ("this Tuesday (7)", "2021-12-07", None, "day")]


def test_a_month_ahead_read_through_a_noun_is_the_next_one() -> None:
    # the tense of "warned" reaches "January" only through nouns: nearness wins
    [(text, start, _, _)] = resolved("Officials warned of a possible offensive in January.", published="2021-12-06")
    assert (text, start) == ("January", "2022-01-01")


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    found = resolved(
        "The envoy met the minister on Wednesday, three days ago, and again on June 16, 2021.", published=None
    )
    assert found == [
        ("Wednesday", None, None, "day"),
        ("three days ago", None, None, "day"),
        ("June 16, 2021", "2021-06-16", None, "day"),
    ]
    a = article("He left last week.", published=None)
    assert any("--published" in n for n in dates.notes(a, dates.find(a)))


def test_a_date_after_a_dateline_hangs_on_the_story() -> None:
    a = article("HELSINKI (AP) \u2014 The envoys met on Tuesday.").model_copy(update={"dateline": "HELSINKI"})
    found = [(f.date.text, f.date.start, f.date.precision) for _, f in dates.find(a)]
    assert found == [("Tuesday", "2021-06-08", "day")]


# --- bad input: kept as written, unresolved, low confidence, never an exception ----------


@pytest.mark.parametrize(
    "text, why",
    [
        ("The contract ends on February 30.", "not a real date"),
        ("The contract ended on February 30, 2021.", "not a real date"),
        ("The vote was on Tuesday, January 24, 2021.", "is a Sunday"),  # contradictory weekday
        ("It happened on Monday (9).", "no Monday"),  # no Monday the 9th near publication
        ("The colony will be founded on June 16, 2091.", "implausibly far"),
        ("The colony will be founded in 2191.", "implausibly far"),
        ("He was born on June 35.", "not a real date"),
    ],
)
def test_bad_dates_are_kept_unresolved_with_low_confidence(text: str, why: str) -> None:
    a = article(text)
    found = dates.find(a)
    [(_, d)] = found
    assert d.date.text and d.date.text in text
    assert d.date.start is None and d.date.end is None
    assert d.confidence <= CONF_PROBLEM
    assert any(why in n and "unresolved" in n for n in dates.notes(a, found))


def test_notes_are_replaced_not_repeated_when_run_twice() -> None:
    a = dates.run(article("The contract ends on February 30."), ExtractOptions())
    again = dates.run(a, ExtractOptions())
    assert again.provenance.notes == a.provenance.notes and len(a.provenance.notes) == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_goes_through(a: Article) -> None:
    for i, f in dates.find(a):
        assert a.body[i].text[f.expr.start : f.expr.end] == f.date.text
        DateInfo.model_validate(f.date.model_dump())  # ISO dates, in order


_day = st.integers(0, 40)
_words = st.sampled_from(
    [
        "on",
        "last",
        "next",
        "this",
        "about",
        "ago",
        "in",
        "Monday",
        "Friday",
        "(",
        ")",
        "February",
        "June",
        "30",
        "31",
        "6",
        "2021",
        "1850",
        "2400",
        "week",
        "month",
        "year",
        "days",
        "three",
        "a",
        "few",
        "early",
        "later",
        "the",
        "end",
        "of",
        ",",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_words, min_size=1, max_size=10).map(" ".join),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)) | st.none(),
    st.sampled_from([None, "past", "present", "future"]),
    st.booleans(),
)
def test_resolution_never_raises_and_orders_its_dates(text: str, anchor: date | None, direction, strong: bool) -> None:
    for x in dategrammar.find(text, lambda s, e: True):
        r = resolve(x, anchor, direction, strong)
        if r is not None and r.start is not None and r.end is not None:
            assert r.start <= r.end


_grammar_words = st.sampled_from(
    [
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "morning",
        "from",
        "now",
        "weekend",
        "Sept.",
        "Dec",
        "Tues",
        "mid-June",
        "1990s",
        "2019-03-04",
        "\u0662\u0660\u0661\u0669",
        "previous",
        "coming",
        "decades",
        "weeks",
        "some",
        "time",
        "'s",
        "-",
        "\u2013",
        "day",
        "before",
        "after",
        "May",
        "may",
        "MONDAY",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_words | _grammar_words, min_size=1, max_size=12).map(" ".join) | st.text(max_size=60))
def test_anchor_words_never_hide_a_date(text: str) -> None:
    # the same expressions as trying every pattern on every text
    every = frozenset().union(*(anchors for _, _, anchors in dategrammar._grammar().patterns))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dategrammar, "words_of", lambda _text: every)
        reference = dategrammar.find(text, lambda s, e: True)
    assert dategrammar.find(text, lambda s, e: True) == reference


def test_add_months_clips_the_day() -> None:
    assert add_months(date(2021, 3, 31), -1) == date(2021, 2, 28)
    assert add_months(date(2020, 1, 15), -13) == date(2018, 12, 15)


def test_resolve_is_pure_and_needs_no_parser() -> None:
    x = Expr(0, 9, "Wednesday", "weekday", weekday=2)
    r = resolve(x, date(2021, 6, 13), "future", True)
    assert r is not None and r.start == date(2021, 6, 16)
    assert resolve(Expr(0, 14, "in three years", "ahead", unit="year", count=3), date(2021, 6, 13), "past") is None
