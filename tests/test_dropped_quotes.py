"""Quoted stretches the rules used to drop that are quotes (issue 18, the sixth round: the
train/dev gap). Our own sentences.

* A quoted sentence that a colon glued to a name hands over is that name's words, also
  when a clause stands before the name (*did not surprise analyst Tomas Berg: "..."*), the
  colon is glued to the mark, a party and state stand between name and colon, or the name
  is only a surname the tagger takes for a noun (*Continued Voss: "..."*); so does a
  document a sentence opened by *from* names (*From the harbour report: "..."*: the report;
  *From Lund's blog post:* Lund); a label before the colon (*The Latest:*) and a common noun
  (*its reason:*) name nobody.
* An invisible format character pasted before a mark (a direction embedding) is no word:
  the mark still opens the quote.
* Verbs of shouting and urging are speech verbs (*barked*, *exhorted*).
"""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Quote
from quote_helpers import extract_story


def _extract(text: str) -> Article:
    return extract_story(text, lead="The council met on Monday about the ferries.")


def _quote(article: Article, start: str) -> Quote:
    found = [q for q in article.quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in article.quotes]
    return found[0]


def _mention(article: Article, q: Quote) -> str | None:
    return article.span_text(q.speaker_mention) if q.speaker_mention is not None else None


COLON_NAMES = [
    (
        'The closure did not surprise harbour analyst Tomas Berg: "Towns that lose a ferry in winter '
        'tend to see the loudest protests in spring."\n',
        "Towns that lose a ferry",
        "harbour analyst Tomas Berg",
    ),
    (
        'Ferry captain Ola Dahl:"We have sailed this route for thirty years and we will sail it for thirty more."\n',
        "We have sailed this route",
        "Ferry captain Ola Dahl",
    ),
    (
        'Senator Ada Lund (D-Maine):"I have not heard anyone but the mayor quote that number for the harbour."\n',
        "I have not heard anyone",
        "Senator Ada Lund",
    ),
    (
        'The board will decide in May. From the harbour report: "In general, ports with longer seasons ran '
        'more ferries on time."\n',
        "In general, ports with longer seasons",
        "the harbour report",
    ),
    (
        'Lund backs the plan. From Lund\'s blog post: "For the sake of the town, we must keep the ferries running."\n',
        "For the sake of the town",
        "Lund's",
    ),
    (
        'Continued Voss: "So the harbour is a real worry. The best thing the board can do now is find new money."\n',
        "So the harbour is a real worry.",
        "Voss",
    ),
]


@pytest.mark.parametrize(("text", "start", "mention"), COLON_NAMES)
def test_a_quoted_sentence_after_a_name_and_its_colon_is_that_names(text: str, start: str, mention: str) -> None:
    article = _extract(text)
    q = _quote(article, start)
    assert q.kind == "direct"
    assert q.cue == ":"
    assert _mention(article, q) == mention


def test_a_glued_colon_is_no_part_of_the_speakers_name() -> None:
    article = _extract(COLON_NAMES[1][0])
    q = _quote(article, "We have sailed this route")
    assert q.speaker is not None
    assert ":" not in (article.actor(q.speaker).name or "")


NOT_NAMES = [
    'The Latest: "Three ferries were cancelled on Monday because of the storm in the bay."\n',
    'The board gave only its reason: "The harbour has run out of money for the rest of this year."\n',
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_a_label_or_a_common_noun_before_a_colon_names_nobody(text: str) -> None:
    article = _extract(text)
    for q in article.quotes:
        assert _mention(article, q) not in ("Latest", "The Latest", "its reason", "reason")


def test_a_short_stretch_after_a_name_and_colon_is_left_to_the_rules() -> None:
    # fewer words than a quoted sentence needs: a label or a title as often as a quote
    article = _extract('The poster read Lund: "Harbour First" in red letters on the pier.\n')
    assert all(q.cue != ":" for q in article.quotes)


def test_an_invisible_character_before_a_mark_does_not_hide_the_quote() -> None:
    text = (
        "\u202a\u201dThe ferries must keep running all winter, whatever the council decides!\u201d wrote Ola Dahl.\n\n"
        "\u202a\u201dThe harbour has to stay open. The boats are our lifeline,\u201d said Karin Holm.\n"
    )
    article = _extract(text)
    assert _mention(article, _quote(article, "The ferries must keep running")) == "Ola Dahl"
    assert _mention(article, _quote(article, "The harbour has to stay open.")) == "Karin Holm"


@pytest.mark.parametrize(
    ("text", "start", "mention"),
    [
        (
            '"Go back to your office," Mayor Ada Lund barked, and a guard led the visitor out.\n',
            "Go back",
            "Mayor Ada Lund",
        ),
        (
            '"It is time this town had a harbour that works," exhorted the sailor Ola Dahl.\n',
            "It is time this town",
            "the sailor Ola Dahl",
        ),
    ],
)
def test_verbs_of_shouting_and_urging_are_speech_verbs(text: str, start: str, mention: str) -> None:
    article = _extract(text)
    q = _quote(article, start)
    assert q.cue in ("barked", "exhorted")
    assert _mention(article, q) == mention
