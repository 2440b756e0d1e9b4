"""Raw article text, in the shape users paste from the web: headline first, then paragraphs.

Paragraphs are separated by blank lines or, as pages copied from a browser usually are,
by single line breaks. A block whose lines are hard-wrapped prose (a line not ending a
sentence followed by one starting in lower case) is joined back into one paragraph.
Every paragraph keeps ``offset``, its start in the decoded text, so that spans map back
to the input.

The headline is the first paragraph that is neither page furniture above the article
(a skip link, a lone dot), a byline or credit line, nor prose: such lines stay in the
body, with their offsets, for the extraction passes to record and remove. A first paragraph of prose (an article pasted
without its headline) leaves the headline empty rather than making a sentence of it.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..errors import InputError
from ..lexicon.furniture import is_headline_candidate
from ..model import Article, Paragraph, mint_article_id
from .base import ReadOptions, apply_options, decode_text, provenance, sanitise

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
_HEADLINE_MAX_WORDS = 40  # longer than any headline: the first paragraph is the story itself
_HEADLINE_SEARCH = 5  # furniture above the headline is a few lines at most


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Each line without its line break, and where it starts."""
    pos = 0
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.group() == "":
            break
        yield pos, m.group().rstrip("\r\n")
        pos = m.end()


def _wrapped(prev: str, line: str) -> bool:
    return bool(prev) and not _ENDS_SENTENCE.search(prev) and line[:1].islower()


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs with offsets; whitespace-only lines separate them.

    Characters no format can carry become spaces (callers that report them sanitise first).
    """
    text = sanitise(text)[0]
    result: list[tuple[int, str]] = []
    joinable = False
    for offset, line in lines_with_offsets(text):
        stripped = line.strip()
        if not stripped:
            joinable = False
            continue
        lead = len(line) - len(line.lstrip())
        if joinable and result and _wrapped(result[-1][1], stripped):
            start, prev = result[-1]
            # Keep offsets exact: the gap between the two lines becomes spaces.
            gap = offset + lead - (start + len(prev))
            result[-1] = (start, prev + " " * gap + stripped)
        else:
            result.append((offset + lead, stripped))
        joinable = True
    return [Paragraph(text=t, offset=o) for o, t in result]


def _headline_index(paras: list[Paragraph]) -> int | None:
    """Which paragraph is the headline: the first that is not furniture, unless it is prose."""
    for i, para in enumerate(paras[:_HEADLINE_SEARCH]):
        if not is_headline_candidate(para.text):
            continue
        if len(para.text.split()) > _HEADLINE_MAX_WORDS:
            return None
        return i
    return None


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    # Forbidden characters become spaces: same length, so offsets still index the input.
    text, note = sanitise(decode_text(data, options.source))
    paras = paragraphs(text)
    if not paras:
        raise InputError("the file holds only white space", "give a file with an article in it",
                         source=options.source)
    at = _headline_index(paras)
    headline = paras[at].text if at is not None else None
    body = paras[:at] + paras[at + 1:] if at is not None else paras
    article = Article(
        id=mint_article_id(options.url or text, options.id_base),
        headline=headline,
        body=body,
        provenance=provenance(data, "text", options.source, notes=[note] if note else []),
    )
    yield apply_options(article, options)
