"""A paragraph of any length within the input limit is read whole: spaCy parses it in
bounded pieces cut at sentence-like boundaries and joined into one Doc with exact offsets
(extract/nlp.py), so quotes, actors and events after the first pieces are found."""

from __future__ import annotations

import pytest

from newsgraph import api
from newsgraph.extract import nlp


def _paragraph(n: int) -> str:
    out = []
    for i in range(n):
        if i % 3 == 2:
            out.append(f"\u201cThe ferry to island {i} runs again,\u201d Mayor Edda Lunde said.")
        else:
            out.append(f"Crews in district {i % 41} repaired the quay number {i} on Tuesday.")
    return " ".join(out)


def test_pieces_cover_the_text_and_cut_after_sentences() -> None:
    text = _paragraph(900)
    cuts = list(nlp.pieces(text, nlp.PIECE_CHARS))
    assert "".join(c for _, c in cuts) == text
    assert all(len(c) <= nlp.PIECE_CHARS for _, c in cuts)
    assert all(c.rstrip().endswith(".") for _, c in cuts[:-1])
    [doc] = nlp.parse([text])
    assert doc.text == text
    assert [t.idx for t in doc][:3] == [0, 6, 9]


def test_kept_docs_carry_no_tensor_but_every_annotation() -> None:
    # An article's Docs stay in memory while its stages run: tok2vec's tensor, which no
    # stage reads, is dropped from short paragraphs and from a long one's joined pieces.
    short = "Mayor Edda Lunde opened the new quay in Tromso on Tuesday."
    long = _paragraph(900)
    for doc in nlp.parse([short, long]):
        assert doc.tensor.size == 0
        assert all(doc.has_annotation(attr) for attr in ("TAG", "POS", "DEP", "LEMMA", "ENT_IOB"))
        assert doc.ents and all(t.lemma_ for t in doc)
    nlp.forget()


@pytest.mark.slow
def test_every_quote_of_a_48000_character_paragraph_is_found() -> None:
    paragraph = _paragraph(810)
    assert len(paragraph) > 48_000
    [article] = api.read(f"Ferries run again\n\n{paragraph}\n".encode(), format="text", published="2024-05-08")
    article = api.extract(article)
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) == 270
    last = direct[-1]
    assert article.span_text(last.spans[0]).startswith("The ferry to island 809 runs again")
    assert article.actor(last.speaker).name == "Edda Lunde"
    assert article.span_text(last.speaker_mention).endswith("Edda Lunde")
    lunde = next(a for a in article.actors if a.name == "Edda Lunde")
    assert len(lunde.mentions) == 270
