"""Quotes in the headline and the standfirst (issue 18), from our own sentences.

Headlines quote in shapes of their own (*Name: Clause With a 'Quoted Bit'*, *X Calls Y
'Z'*, *X Says Y 'Z'*, *'...', X Says*, *X: 'Whole Quote'*), mostly Title Case with
single quote marks; a Quote's spans then point into the headline (``Span.part``), and
every format carries them back.
"""

from __future__ import annotations

import pytest

from newsgraph import api
from newsgraph.extract import quotes
from newsgraph.extract.options import ExtractOptions
from newsgraph.extract.quotes.headlines import body_names, sentence_case
from newsgraph.model import Actor, Article, Paragraph, Quote, mint_article_id, mint_id

# A body that names the people the headlines quote, in full, with enough sentences for the
# structure pass to take it for body text.
BODY = (
    "BERGEN (Reuters) - Harbour chief Lena Voss said on Tuesday that the ferries would keep "
    "running through the winter storms, whatever the weather brought.",
    "Mayor Tomas Berg, who has fought the harbour authority over its budget for a year, said "
    "the plan was a slow-motion disaster for the city and its taxpayers.",
    "The two will meet again next week, when the council votes on the harbour tax.",
)


def extract(headline: str) -> Article:
    text = "\n\n".join([headline, *BODY]) + "\n"
    [article] = api.read(text.encode("utf-8"), format="text")
    assert article.headline == headline
    return api.extract(article)


def in_headline(article: Article) -> list[Quote]:
    return [q for q in article.quotes if q.spans[0].part == "headline"]


def speaker_name(article: Article, q: Quote) -> str | None:
    actor = article.actor(q.speaker) if q.speaker else None
    return actor.name if actor else None


def mention(article: Article, q: Quote) -> str | None:
    return article.span_text(q.speaker_mention) if q.speaker_mention else None


def test_name_colon_clause_with_a_quoted_bit() -> None:
    article = extract("Lena Voss: Ferries Will Keep Running 'Whatever the Weather'")
    [q] = in_headline(article)
    assert article.span_text(q.spans[0]) == "Ferries Will Keep Running 'Whatever the Weather'"
    assert q.kind == "partial" and q.cue == ":"
    assert mention(article, q) == "Lena Voss" and speaker_name(article, q) == "Lena Voss"
    assert q.speaker_mention is not None and q.speaker_mention.part == "headline"


def test_a_surname_before_the_colon_is_the_actor_the_body_names_in_full() -> None:
    article = extract("Voss: 'We Will Not Close the Port'")
    [q] = in_headline(article)
    assert q.kind == "direct" and q.text == "We Will Not Close the Port"
    assert mention(article, q) == "Voss" and speaker_name(article, q) == "Lena Voss"


def test_x_calls_y_z() -> None:
    article = extract("Tomas Berg Calls Harbour Budget 'A Slow-Motion Disaster'")
    [q] = in_headline(article)
    assert q.text == "A Slow-Motion Disaster" and q.kind == "partial" and q.cue == "calls"
    assert speaker_name(article, q) == "Tomas Berg"


def test_x_says_y_z() -> None:
    article = extract("Berg Says Harbour Tax Is 'Off the Table' for Now")
    [q] = in_headline(article)
    assert q.text == "Off the Table" and q.cue == "says"
    assert mention(article, q) == "Berg" and speaker_name(article, q) == "Tomas Berg"


def test_quote_then_x_says() -> None:
    article = extract("Port Deal Is 'Within Reach', Lena Voss Says")
    [q] = in_headline(article)
    assert q.text == "Within Reach" and speaker_name(article, q) == "Lena Voss"


def test_a_clause_before_the_colon_gives_its_subject() -> None:
    article = extract("Lena Voss Rebukes Council Leaders: 'You Have Failed the Harbour'")
    [q] = in_headline(article)
    assert q.kind == "direct" and q.text == "You Have Failed the Harbour"
    assert speaker_name(article, q) == "Lena Voss"


def test_a_name_then_a_long_topic_before_the_colon_is_the_name() -> None:
    # the words after "on" may run past six; the parse of the short line takes "Voss" for a verb
    article = extract("Voss on Ferry Fares After the Winter Storm Closures: \u2018We Will Not Raise Them\u2019")
    [q] = in_headline(article)
    assert q.kind == "direct" and q.text == "We Will Not Raise Them"
    assert mention(article, q) == "Voss" and speaker_name(article, q) == "Lena Voss"


def test_a_title_before_a_surname_before_the_colon_is_that_person() -> None:
    article = extract("Port Chief Voss: Fares \u2018Will Stay Where They Are\u2019")
    [q] = in_headline(article)
    assert q.kind == "partial" and q.cue == ":"
    assert mention(article, q) == "Port Chief Voss" and speaker_name(article, q) == "Lena Voss"


def test_a_name_after_the_preposition_is_no_speaker_before_the_colon() -> None:
    assert in_headline(extract("Plan on Berg's Desk Before the Vote: Harbour Tax \u2018Off the Table\u2019")) == []


@pytest.mark.parametrize(
    "headline",
    [
        "City Unveils 'Smart' Benches",  # a scare quote nothing attributes
        "Harbour Theatre Stages 'The Tempest' in a Storm",  # a title
        "Council Delays 'Clean Harbour' Plan Again",
        "Tomas Berg Eliminated From 'Island Bake Off' After Week Two",  # a show after a preposition
        "Lena Voss Doubles Down on 'Ferries First, Always' Slogan",  # a slogan after a preposition
        "Swine Flu: Third Case in Bergen Sparks 'Who Is Next' Fears",  # no speaker before the colon
    ],
)
def test_scare_quotes_and_titles_in_headlines_are_no_quotes(headline: str) -> None:
    assert in_headline(extract(headline)) == []


def test_a_long_quoted_sentence_nothing_attributes_is_a_quote_of_nobody_named() -> None:
    article = extract("'We Will Keep the Ferries Running Through Every Storm This Winter'")
    [q] = in_headline(article)
    assert q.text == "We Will Keep the Ferries Running Through Every Storm This Winter"
    assert q.speaker is None and q.confidence <= 0.5


def test_a_label_before_the_colon_is_no_speaker() -> None:
    article = extract("Poll: Most Voters Back 'Clean Harbour' Plan")
    assert all(mention(article, q) != "Poll" for q in in_headline(article))


def test_headline_quotes_come_first_and_body_quotes_stay() -> None:
    plain = extract("Harbour Budget Vote Delayed")
    quoted = extract("Voss: 'We Will Not Close the Port'")
    assert quoted.quotes[0].spans[0].part == "headline"
    body_quotes = [(q.text, q.kind, [(s.paragraph, s.start, s.end) for s in q.spans]) for q in quoted.quotes[1:]]
    assert body_quotes == [(q.text, q.kind, [(s.paragraph, s.start, s.end) for s in q.spans]) for q in plain.quotes]
    assert [q.id for q in quoted.quotes] == [f"{quoted.id}#quote-{n}" for n in range(1, len(quoted.quotes) + 1)]


def test_the_standfirst_is_read_too() -> None:
    article = Article(
        id=mint_article_id("standfirst"),
        headline="Ferries to run all winter",
        subheadline="Lena Voss says the service will continue 'come what may' after the storm.",
        body=[Paragraph(text=t) for t in BODY],
    )
    found = quotes.run(article, ExtractOptions())
    [q] = [q for q in found.quotes if q.spans[0].part == "subheadline"]
    assert q.text == "come what may" and found.span_text(q.speaker_mention) == "Lena Voss"  # type: ignore[arg-type]  # set: asserted by the comparison


def test_sentence_case_keeps_names_and_offsets() -> None:
    article = Article(id=mint_article_id("case"), body=[Paragraph(text=t) for t in BODY])
    names = body_names(article)
    line = "Tomas Berg Calls Harbour Budget 'A Slow-Motion Disaster'"
    cased = sentence_case(line, names)
    assert len(cased) == len(line)
    assert cased.startswith("Tomas Berg calls harbour budget")


@pytest.mark.parametrize("fmt", ["json", "newsml", "ninjs", "jsonld"])
def test_headline_quotes_travel_through_every_format(fmt: str) -> None:
    article = extract("Lena Voss: Ferries Will Keep Running 'Whatever the Weather'")
    assert in_headline(article)
    [back] = api.read_bytes(api.export(article, fmt).encode("utf-8"), format=fmt)
    assert back.quotes == article.quotes


def test_a_bare_title_is_the_one_actor_with_that_title() -> None:
    article = Article(
        id=mint_article_id("title"),
        headline="Ferries to run all winter",
        subheadline="Harbour chief says the service will go on 'come what may'",
        body=[Paragraph(text=t) for t in BODY],
    )
    voss = Actor(id=mint_id("person", "Lena Voss"), kind="person", name="Lena Voss", titles=["Harbour chief"])
    found = quotes.run(article.model_copy(update={"actors": [voss]}), ExtractOptions())
    [q] = [q for q in found.quotes if q.spans[0].part == "subheadline"]
    assert q.text == "come what may" and q.speaker == voss.id
