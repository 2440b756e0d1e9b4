"""Quoted fragments of reported speech that are quotes of their own clause (issue 18, the
fifth round: mixed quotes). Our own sentences.

* Two quoted fragments, the second reported by a verb of saying or judging of its own
  (*questioned*, *claiming*, *likened*) that has no subject of its own, are two quotes,
  however the parser hung that verb (on the first fragment's clause, or on a word inside
  the first quote).
* Fragments inside one reported clause stay one quote.
"""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from quote_helpers import extract_story


_extract = extract_story


def _texts(article: Article) -> list[str]:
    return [q.text for q in article.quotes]


SPLIT = [
    (
        'Lund told the council the harbour was "perfectly safe" and questioned how the board had "lost the plot."\n',
        "perfectly safe",
        "lost the plot.",
    ),
    (
        'Berg said the new pier has "kept the town safe" on Monday before claiming that the old one was '
        '"falling apart."\n',
        "kept the town safe",
        "falling apart.",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), SPLIT)
def test_a_fragment_a_verb_of_its_own_reports_is_a_quote_of_its_own(text: str, first: str, second: str) -> None:
    article = _extract(text)
    texts = _texts(article)
    assert first in texts and second in texts
    for q in article.quotes:
        assert q.kind == "partial"
        assert q.speaker_mention is not None and article.span_text(q.speaker_mention) in ("Lund", "Berg")


JOINED = [
    ('Moss said relations were "working" and the talks were "stable."\n', "working stable."),
    ('Moss said the harbour was "calm" and "quiet" all summer.\n', "calm quiet"),
]


@pytest.mark.parametrize(("text", "joined"), JOINED)
def test_fragments_of_one_reported_clause_stay_one_quote(text: str, joined: str) -> None:
    assert _texts(_extract(text)) == [joined]
