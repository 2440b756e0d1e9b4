"""Events: rules on small articles written here, quote links, bad input, gold quality gates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from newsgraph import Actor, Article, Paragraph, Place, Quote, Span, api
from newsgraph.extract import dates, events, nlp, pipeline
from newsgraph.extract.options import ExtractOptions
from newsgraph.model import EVENT_KINDS, local_id, mint_article_id, mint_id

from conftest import SAMPLES, SEEDS
from eventscore import Score, load, score_dates, score_events
from strategies import articles

OPTIONS = ExtractOptions()


def _spans(body: list[str], names: list[str]) -> list[Span]:
    found = []
    for i, text in enumerate(body):
        for name in names:
            for m in re.finditer(rf"\b{re.escape(name)}\b", text):
                if not any(s.paragraph == i and s.start <= m.start() < s.end for s in found):
                    found.append(Span(paragraph=i, start=m.start(), end=m.end()))
    return found


def build(
    *body: str,
    published: str | None = "2021-06-13",
    people: dict[str, list[str]] | None = None,
    countries: dict[str, list[str]] | None = None,
    orgs: dict[str, list[str]] | None = None,
    places: dict[str, str] | None = None,
    quotes: list[tuple[str, str, str]] = (),
) -> Article:
    """An article with the actors and places the earlier passes would have marked.

    ``people``/``countries``/``orgs``: name -> other ways the text writes it; ``places``:
    name -> kind; ``quotes``: (quoted words, speaker name, speaker as written).
    """
    actors = []
    for kind, table in (("person", people or {}), ("country", countries or {}), ("organization", orgs or {})):
        for name, other in table.items():
            extra = [name.split()[-1]] if kind == "person" else []
            actors.append(
                Actor(
                    id=mint_id(kind, name),
                    kind=kind,
                    name=name,
                    aliases=other,
                    gender="male" if kind == "person" else None,
                    titles=["President"] if kind == "person" and "President" in " ".join(body) else [],
                    mentions=_spans(list(body), [name, *other, *extra]),
                )
            )
    place_list = [
        Place(id=mint_id("place", name), name=name, kind=kind, mentions=_spans(list(body), [name]))
        for name, kind in (places or {}).items()
    ]
    aid = mint_article_id("|".join(body))
    qs = []
    for n, (words, speaker, written) in enumerate(quotes, 1):
        para = next(i for i, t in enumerate(body) if words in t)
        start = body[para].index(words)
        sp = body[para].index(written, start + len(words))
        qs.append(
            Quote(
                id=local_id(aid, "quote", n),
                text=words,
                kind="direct",
                speaker=next(a.id for a in actors if a.name == speaker),
                speaker_mention=Span(paragraph=para, start=sp, end=sp + len(written)),
                spans=[Span(paragraph=para, start=start, end=start + len(words))],
            )
        )
    article = Article(
        id=aid, published=published, body=[Paragraph(text=t) for t in body], actors=actors, places=place_list, quotes=qs
    )
    return after_quotes(article)


def after_quotes(article: Article) -> Article:
    """The stages after quotes, as the pipeline runs them: dates, events, quote events."""
    return events.link_quotes(events.run(dates.run(article, OPTIONS), OPTIONS), OPTIONS)


def names(article: Article, ids: list[str]) -> list[str]:
    return [article.actor(i).name for i in ids]


def only(article: Article) -> "object":
    assert len(article.events) == 1, [e.label for e in article.events]
    return article.events[0]


# --- one event, its parts ---------------------------------------------------------------


def test_a_meeting_with_its_participants_date_and_status() -> None:
    a = build(
        "Foreign Minister Ana Lima met with her Chilean counterpart Jorge Rojas on Wednesday in Lisbon.",
        people={"Ana Lima": [], "Jorge Rojas": []},
        places={"Lisbon": "city"},
    )
    e = only(a)
    assert (e.kind, e.status, e.label) == ("meeting", "past", "Lima–Rojas meeting in Lisbon")
    assert names(a, e.participants) == ["Ana Lima", "Jorge Rojas"]
    assert e.date is not None and (e.date.start, e.date.text, e.date.precision) == ("2021-06-09", "Wednesday", "day")
    assert a.place(e.location).name == "Lisbon"
    assert [a.span_text(s) for s in e.mentions] == ["met"]


def test_future_tense_and_scheduled_make_it_planned() -> None:
    a = build(
        "The two presidents are scheduled to hold a summit in Vienna on Friday.",
        "President Karl Weber will meet President Ivo Horvat to discuss gas.",
        people={"Karl Weber": [], "Ivo Horvat": []},
        places={"Vienna": "city"},
    )
    # "the two presidents" in the first paragraph names no one yet: only the second names them
    summit = next(e for e in a.events if e.kind == "summit")
    assert summit.status == "planned" and summit.date.start == "2021-06-18"
    assert a.place(summit.location).name == "Vienna"


def test_between_x_and_y_and_the_eve_of() -> None:
    a = build(
        "Tension rose on Monday (14), on the eve of a summit between the presidents Karl Weber and Ivo Horvat.",
        published="2021-06-14",
        people={"Karl Weber": [], "Ivo Horvat": []},
    )
    e = only(a)
    assert names(a, e.participants) == ["Karl Weber", "Ivo Horvat"]
    assert e.status == "planned"
    assert e.date.start == "2021-06-15"  # the day after the eve


def test_a_group_pinned_down_by_a_place_asserts_its_event() -> None:
    # "dockworkers" alone could be any; "dockworkers at the port of Lisbon" are these ones
    placed = build(
        "Dockworkers at the port of Lisbon agreed on Thursday to end a four-day strike.", places={"Lisbon": "city"}
    )
    assert [e.kind for e in placed.events] == ["protest"]
    assert build("Dockworkers agreed on Thursday to end a four-day strike.").events == []


def test_kinds_from_the_vocabulary() -> None:
    cases = {
        "The two leaders held a video call on Tuesday.": "call",
        "Karl Weber spoke by phone with Ivo Horvat.": "call",
        "Karl Weber told a news conference that prices would fall.": "press_conference",
        "Karl Weber gave an interview to the Daily Courier.": "interview",
        "Karl Weber will visit Lisbon next month.": "visit",
        "The ministry expelled three diplomats last week.": "expulsion",
        "The government imposed sanctions on five banks.": "sanctions",
        "Voters cast ballots in a snap election on Sunday.": "election",
        "The court sentenced Karl Weber to two years in prison.": "trial",
        "Thousands joined a protest in Lisbon on Saturday.": "protest",
        "The two countries signed a trade agreement in May.": "agreement",
        "The ceasefire deal is due to expire on July 5.": "deadline",
        "Ivo Horvat won the Nobel Prize for Physics on Monday.": "award",
        "The ambassador was recalled from Lisbon for consultations.": "other",
    }
    for text, kind in cases.items():
        a = build(
            text, people={"Karl Weber": [], "Ivo Horvat": []}, places={"Lisbon": "city"}, orgs={"Daily Courier": []}
        )
        assert kind in [e.kind for e in a.events], (text, [(e.kind, e.label) for e in a.events])
        assert all(e.kind in EVENT_KINDS for e in a.events)


@pytest.mark.parametrize(
    "text",
    [
        "Karl Weber defended his decision not to hold a news conference with Ivo Horvat.",  # negated
        "Officials said they would never meet Karl Weber.",
        "Karl Weber rejected talks with Ivo Horvat.",  # refused: a cancelling verb
        "Air strikes hit the port.",  # not a labour strike
        "Karl Weber criticised Lisbon's election interference.",  # "election" only modifies
        "There is talk of a deal, but nothing is certain.",  # "talk" singular; a deal with nothing said of it
        "Karl Weber called Ivo Horvat a liar.",  # "call" the verb is no phone call
        "He recalled that the city was quiet.",  # "recall" as remembering
        "The visiting minister smiled.",  # a description, not a visit
    ],
)
def test_not_events(text: str) -> None:
    a = build(text, people={"Karl Weber": [], "Ivo Horvat": []}, places={"Lisbon": "city"})
    assert [e.label for e in a.events if e.kind != "agreement"] == [] or text.startswith("There"), [
        (e.kind, e.label) for e in a.events
    ]
    if text.startswith("There"):
        assert a.events == []


# --- one event mentioned many times -----------------------------------------------------


def test_one_event_named_in_many_ways_is_one_event() -> None:
    a = build(
        "President Karl Weber said on Sunday he would hold a summit with President Ivo Horvat in Vienna.",
        "Aides said the summit would focus on gas. Weber wants to meet Horvat because ties are poor.",
        "\u201cThe meeting will be hard,\u201d Weber said.",
        "Weber meets with Horvat on Wednesday.",
        "Critics called their high-stakes meeting premature.",
        people={"Karl Weber": ["Weber"], "Ivo Horvat": ["Horvat"]},
        places={"Vienna": "city"},
    )
    e = only(a)
    assert e.kind == "summit" and e.label == "Weber–Horvat summit in Vienna"
    assert e.date.start == "2021-06-16" and e.status == "planned"
    assert len(e.mentions) == 6


def test_different_days_or_people_are_different_events() -> None:
    a = build(
        "On Tuesday, Ana Lima met with Jorge Rojas. On Wednesday, Lima met with Karl Weber.",
        "Rojas said after meeting with Lima that progress was slow.",
        people={"Ana Lima": [], "Jorge Rojas": [], "Karl Weber": []},
    )
    assert [(names(a, e.participants), e.date.start if e.date else None) for e in a.events] == [
        (["Ana Lima", "Jorge Rojas"], "2021-06-08"),
        (["Ana Lima", "Karl Weber"], "2021-06-09"),
    ]
    assert len(a.events[0].mentions) == 2  # "meeting with Lima" is the Tuesday meeting


def test_who_acts_keeps_sanctions_apart() -> None:
    a = build(
        "Portugal imposed sanctions on Chile in April. In response, Chile announced that it was "
        "sanctioning six Portuguese officials.",
        "After those sanctions, trade fell.",
        countries={"Portugal": [], "Chile": []},
    )
    labels = sorted(e.label for e in a.events)
    assert labels == ["Chile sanctions on six Portuguese officials", "Portugal sanctions on Chile"]


def test_a_caption_gives_the_full_date_and_place() -> None:
    a = build(
        "Karl Weber and Ivo Horvat spoke after their Vienna summit in June.",
        published="2021-10-13",
        people={"Karl Weber": [], "Ivo Horvat": []},
        places={"Vienna": "city"},
    )
    a = a.model_copy(
        update={
            "media": [
                __import__("newsgraph").Media(
                    caption="Weber (L) and Horvat meet during the summit in Vienna on June 16, 2021."
                )
            ]
        }
    )
    a = after_quotes(a)
    e = only(a)
    assert e.date.start == "2021-06-16" and e.status == "past"
    assert [a.span_text(s) for s in e.mentions] == ["Vienna summit"]  # captions have no spans


def test_located_meetings_inherit_the_place_of_the_visit_around_them() -> None:
    a = build(
        "Envoy Ana Lima is in Lisbon this week for talks.",
        "Lima met with Jorge Rojas on Wednesday.",
        published="2021-06-17",
        people={"Ana Lima": [], "Jorge Rojas": []},
        places={"Lisbon": "city"},
    )
    meeting = next(e for e in a.events if e.kind == "meeting")
    assert a.place(meeting.location).name == "Lisbon"


# --- quotes said at an event -------------------------------------------------------------


def test_quotes_said_at_an_event_point_to_it() -> None:
    a = build(
        "\u201cWe made progress,\u201d Ana Lima said after the meeting with Jorge Rojas on Monday.",
        "\u201cPrices will fall,\u201d Karl Weber told reporters at a news conference.",
        "\u201cNothing changes,\u201d Jorge Rojas said.",
        people={"Ana Lima": [], "Jorge Rojas": [], "Karl Weber": []},
        quotes=[
            ("We made progress,", "Ana Lima", "Ana Lima"),
            ("Prices will fall,", "Karl Weber", "Karl Weber"),
            ("Nothing changes,", "Jorge Rojas", "Jorge Rojas"),
        ],
    )
    by_kind = {e.kind: e.id for e in a.events}
    assert [q.event for q in a.quotes] == [by_kind["meeting"], by_kind["press_conference"], None]


def test_quote_linking_reads_the_events_again_when_nothing_is_remembered() -> None:
    """The quote-events stage shares the events stage's reading within one extraction;
    run on its own (the reading forgotten), it reads the events again, to the same links."""
    a = build(
        "\u201cWe made progress,\u201d Ana Lima said after the meeting with Jorge Rojas on Monday.",
        people={"Ana Lima": [], "Jorge Rojas": []},
        quotes=[("We made progress,", "Ana Lima", "Ana Lima")],
    )
    assert a.quotes[0].event == a.events[0].id
    nlp.forget()
    unlinked = a.model_copy(update={"quotes": [q.model_copy(update={"event": None}) for q in a.quotes]})
    assert events.link_quotes(unlinked, OPTIONS).quotes == a.quotes


# --- ids, determinism, bad input ---------------------------------------------------------


def test_ids_are_local_and_deterministic() -> None:
    def make() -> Article:
        return build(
            "Ana Lima met Jorge Rojas on Monday. Lima will visit Lisbon on Friday.",
            people={"Ana Lima": [], "Jorge Rojas": []},
            places={"Lisbon": "city"},
        )

    a, b = make(), make()
    assert [e.id for e in a.events] == [local_id(a.id, "event", n) for n in range(1, len(a.events) + 1)]
    assert a.model_dump_json() == b.model_dump_json()


def test_without_actors_events_have_no_participants_but_still_a_label() -> None:
    article = Article(
        id=mint_article_id("x"),
        published="2021-06-13",
        body=[Paragraph(text="Ministers will meet in Vienna next week for a summit on gas.")],
    )
    a = after_quotes(article)
    # nothing to name: no participant, no place the actors pass found; the date says enough
    assert [(e.kind, e.participants, e.status) for e in a.events] == [("summit", [], "planned")]


def test_an_impossible_date_leaves_the_event_undated_with_low_confidence() -> None:
    a = build("Ana Lima will meet Jorge Rojas on February 30.", people={"Ana Lima": [], "Jorge Rojas": []})
    e = only(a)
    assert e.date is not None and e.date.start is None and e.date.text == "February 30"
    assert e.confidence < 0.5


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    a = build("Ana Lima met Jorge Rojas on Wednesday.", published=None, people={"Ana Lima": [], "Jorge Rojas": []})
    e = only(a)
    assert e.date.text == "Wednesday" and e.date.start is None and e.status == "past"


def test_empty_and_odd_articles_do_not_crash() -> None:
    for body in ([], ["."], ["meet meet meeting summit talks"], ["\u201c" * 50], ["x" * 5000]):
        article = Article(id=mint_article_id(repr(body)), body=[Paragraph(text=t) for t in body])
        after_quotes(article)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_stays_valid(article: Article) -> None:
    out = after_quotes(article)
    Article.model_validate(out.model_dump())
    assert len({e.id for e in out.events}) == len(out.events)


def test_the_pass_is_registered_after_actors_and_quotes() -> None:
    names = [s.name for s in pipeline.STAGES]
    me = names.index("events")
    assert names.index("actors") < me and names.index("quotes") < me and names.index("dates") < me
    assert names.index("quote events") > me and pipeline.STAGES[me].run is events.run


# --- quality gates on gold ----------------------------------------------------------------

# Floors, set a little under what the passes reach (docs/events.md has the numbers).
FLOORS = {
    "samples.json": {
        "date_f1": 0.95,
        "date_resolved": 0.95,
        "event_f1": 0.8,
        "contact_f1": 0.8,
        "participants_f1": 0.7,
        "date_acc": 0.9,
        "place_acc": 0.6,
        "status_acc": 0.9,
    },
    "seeds.json": {
        "date_f1": 0.95,
        "date_resolved": 0.95,
        "event_f1": 0.85,
        "contact_f1": 0.9,
        "participants_f1": 0.8,
        "date_acc": 0.85,
        "place_acc": 0.6,
        "status_acc": 0.85,
    },
    "dev.json": {
        "date_f1": 0.95,
        "date_resolved": 0.95,
        "event_f1": 0.85,
        "contact_f1": 0.9,
        "participants_f1": 0.8,
        "date_acc": 0.85,
        "place_acc": 0.8,
        "status_acc": 0.85,
    },
    # annotated before the passes ever ran on it (docs/events.md gives the first scores)
    "heldout.json": {
        "date_f1": 0.95,
        "date_resolved": 0.95,
        "event_f1": 0.8,
        "contact_f1": 0.9,
        "participants_f1": 0.75,
        "date_acc": 0.8,
        "place_acc": 0.75,
        "status_acc": 0.9,
    },
}
# The held-out articles count the protests of a movement as one event; the passes keep
# last Sunday's march apart from the weekend's protests ahead.
MAX_DUPLICATES = {"heldout.json": 1}
DEV = Path(__file__).resolve().parent / "gold" / "events" / "texts"


def _gate(name: str, root: Path) -> Score:
    total = Score()
    for gold in load(name):
        meta = {"published": gold["published"]} if gold["published"] else {}
        [article] = api.read(root / gold["file"], **meta)
        article = api.extract(article)
        total.add(score_dates(article, gold))
        total.add(score_events(article, gold))
    return total


def _check(name: str, total: Score) -> None:
    rates = total.rates
    low = {k: round(rates[k], 3) for k, floor in FLOORS[name].items() if rates[k] < floor}
    assert not low, f"below the floor: {low}; misses: {total.notes}"
    assert total.duplicates <= MAX_DUPLICATES.get(name, 0), total.notes


def test_quality_on_samples() -> None:
    _check("samples.json", _gate("samples.json", SAMPLES))


def test_quality_on_articles_written_for_these_tests() -> None:
    _check("dev.json", _gate("dev.json", DEV))


def test_quality_on_held_out_articles() -> None:
    _check("heldout.json", _gate("heldout.json", DEV))


def test_quality_on_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip("the seed articles are not here (../shared/seeds)")
    _check("seeds.json", _gate("seeds.json", SEEDS))


def test_gold_holds_offsets_names_and_dates_only() -> None:
    for name in ("seeds.json", "samples.json", "dev.json", "heldout.json"):
        for art in load(name):
            for d in art["dates"]:
                assert len(d) == 5 and all(isinstance(x, int) for x in d[:2])
            for e in art["events"]:
                assert set(e) == {"kind", "participants", "location", "date", "status", "mentions"}
                assert e["kind"] in EVENT_KINDS


@pytest.mark.parametrize(
    "text",
    [
        "If elected, Karl Weber would cut the tax on fuel.",
        "Karl Weber said he would negotiate a new deal with Ivo Horvat if elected.",
    ],
)
def test_hypothetical_mentions_are_not_events(text: str) -> None:
    a = build(text, people={"Karl Weber": [], "Ivo Horvat": []})
    assert [e.kind for e in a.events if e.kind in ("election", "agreement", "talks")] == [], [
        (e.kind, e.label) for e in a.events
    ]


def test_a_relative_clause_dates_its_noun_and_another_phase_does_not() -> None:
    a = build(
        "Trade ministers agreed on Thursday to end the fishing talks that began in February.",
        "The agreement will take effect next year.",
        published="2022-06-17",
    )
    talks = next(e for e in a.events if e.kind == "talks")
    assert talks.date is not None and (talks.date.start, talks.date.end) == ("2022-02-01", "2022-02-28")
    assert talks.status == "past"
    # "take effect next year" is not when the agreement is made
    assert not any(e.kind == "agreement" and e.date and e.date.start == "2023-01-01" for e in a.events), [
        (e.kind, e.date) for e in a.events
    ]


def test_who_meddles_in_an_election_takes_no_part_in_it() -> None:
    a = build(
        "Officials in Kyiv said Lisbon had meddled in the 2016 Moldovan election.",
        countries={"Lisbon": []},
        published="2019-11-20",
    )
    election = next(e for e in a.events if e.kind == "election")
    assert "Lisbon" not in names(a, election.participants), election
