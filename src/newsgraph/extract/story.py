"""The body's paragraphs as every pass parses them.

A dateline leading the first paragraph ("HELSINKI (Reuters) —") is parsed apart from the
story that follows it and the two Docs joined, so that the parser does not take the city
for the subject of the story's first sentence, yet the Doc still covers the paragraph's
text exactly (offsets unchanged) and the dateline's places are still recognised. Every pass
asks for these same Docs, so each paragraph is parsed once per article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon.outlets import section_heading_end
from ..model import Article
from . import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DATELINE_DASH = re.compile(r"\s[\u2014\u2013\u2015_-]{1,2}\s|\)\s*:\s|/\w{2,12}/:?\s")  # "(NTB): ", "/ritzau/: "
_DATELINE_COLON = re.compile(r":\s+")
DATELINE_PARAGRAPHS = 6  # a dateline opens one of the first paragraphs (the structure stage's head)


def dateline_at(article: Article) -> tuple[int, int]:
    """(paragraph, where its story starts) of the dateline opening one of the first
    paragraphs ("HELSINKI (Reuters) —"; after a second headline, "CHARLOTTE - "), else (0, 0)."""
    head = (article.dateline or "").split(",")[0].strip()
    if not head:
        return 0, 0
    for i, para in enumerate(article.body[:DATELINE_PARAGRAPHS]):
        skip = section_heading_end(para.text)  # "NATIONAL SYDNEY - ": a list's heading first
        if para.text.startswith(head, skip):
            m = _DATELINE_COLON.match(para.text, skip + len(head)) or _DATELINE_DASH.search(para.text, skip, skip + 120)
            return (i, m.end()) if m else (0, 0)
    return 0, 0


def dateline_end(article: Article) -> int:
    """Where the story starts in the first paragraph when a dateline leads it (else 0)."""
    at, end = dateline_at(article)
    return end if at == 0 else 0


def outside_body(article: Article) -> list[str]:
    """Texts outside the body that still tell of events: kicker, headline, standfirst, captions."""
    texts = [article.kicker, article.headline, article.subheadline, *(m.caption for m in article.media)]
    return [t for t in texts if t and t.strip()]


def docs(article: Article, model: str = nlp.DEFAULT_MODEL) -> list["Doc"]:
    """One Doc per body paragraph (see :func:`nlp.parse` for paragraphs too long to parse whole).

    The texts of :func:`outside_body` are parsed in the same batch, for the passes that
    read them later (`nlp.parse` finds them in its cache): each call to spaCy costs a few
    milliseconds however short its texts.
    """
    texts = [p.text for p in article.body]
    extra = outside_body(article)
    at, cut = dateline_at(article)
    if not cut or cut == len(texts[at]):
        return nlp.parse(texts + extra, model)[: len(texts)]
    parsed = nlp.parse([*texts[:at], texts[at][:cut], texts[at][cut:], *texts[at + 1 :], *extra], model)
    from spacy.tokens import Doc

    return [*parsed[:at], Doc.from_docs([parsed[at], parsed[at + 1]]), *parsed[at + 2 : len(texts) + 1]]
