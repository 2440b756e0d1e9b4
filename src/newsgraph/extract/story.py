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

from ..model import Article
from . import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DATELINE_DASH = re.compile(r"\s[\u2014\u2013-]{1,2}\s")


def dateline_end(article: Article) -> int:
    """Where the story starts in the first paragraph when a dateline leads it (else 0)."""
    if not article.dateline or not article.body:
        return 0
    text = article.body[0].text
    head = article.dateline.split(",")[0].strip()
    if not head or not text.startswith(head):
        return 0
    m = _DATELINE_DASH.search(text, 0, 120)
    return m.end() if m else 0


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
    cut = dateline_end(article)
    if not cut or cut == len(texts[0]):
        return nlp.parse(texts + extra, model)[: len(texts)]
    dateline, story, *rest = nlp.parse([texts[0][:cut], texts[0][cut:], *texts[1:], *extra], model)
    from spacy.tokens import Doc

    return [Doc.from_docs([dateline, story]), *rest[: len(texts) - 1]]
