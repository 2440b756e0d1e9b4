"""Raw article text, in the shape users paste from the web: headline first, then paragraphs.

Paragraphs are separated by blank lines or, as pages copied from a browser usually are,
by single line breaks. Hard-wrapped lines are joined back into paragraphs (see
:mod:`newsgraph.readers.plaintext`). Every paragraph keeps ``offset``, its start in the decoded text, so that spans map back
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
from ..model import Article, Paragraph, RemovedText, Topic, mint_article_id
from .base import ReadOptions, apply_options, decode_text, provenance, sanitise
from . import wire
from .plaintext import lines_with_offsets, paragraphs

__all__ = ["lines_with_offsets", "paragraphs", "read"]

# The category letters of a header, as topics of the standard's category scheme.
_CATEGORY_SCHEMES = {"IPTC 7901": "iptc7901-category", "ANPA 1312": "anpa-category"}
_HEADLINE_MAX_WORDS = 40  # longer than any headline: the first paragraph is the story itself
_HEADLINE_SEARCH = 5  # furniture above the headline is a few lines at most
# A wire headline: a short line that does not end a sentence (and is no dateline lead).
_WIRE_HEADLINE = re.compile(r"^(?!.*\((?:AP|dpa|Reuters|AFP)\))(?:\S+\s+){0,15}\S*[^\s.!?:;,]$")


def _headline_index(paras: list[Paragraph]) -> int | None:
    """Which paragraph is the headline: the first that is not furniture, unless it is prose."""
    for i, para in enumerate(paras[:_HEADLINE_SEARCH]):
        if not is_headline_candidate(para.text):
            continue
        if len(para.text.split()) > _HEADLINE_MAX_WORDS:
            return None
        return i
    return None


# Agency transmissions framed by SOH are 8-bit: IPTC 7901 and ANPA 1312 predate UTF-8,
# and agencies send them in Latin-1 or its Windows superset (dpa, AP, ANPA feeds).
_WIRE_8BIT = "cp1252"


def _decoded(data: bytes, options: ReadOptions) -> tuple[str, str | None]:
    """The text, and a note when framed wire copy was read as 8-bit text, not UTF-8."""
    framed = options.encoding is None and data.find(b"\x01", 0, wire.FRAME_SEARCH) >= 0
    notes: list[str] = []
    text = decode_text(data, options.source, options.encoding, legacy=_WIRE_8BIT if framed else None, notes=notes)
    return text, "; ".join(f"wire copy is {n}" for n in notes) or None


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    decoded, decoding = _decoded(data, options)
    wire_copy = wire.parse(decoded)
    # Forbidden characters become spaces: same length, so offsets still index the input.
    text, note = sanitise(decoded)
    if wire_copy is not None:
        yield apply_options(_wire_article(data, text, wire_copy, options, decoding), options)
        return
    paras = paragraphs(text)
    if not paras:
        raise InputError("the file holds only white space", "give a file with an article in it", source=options.source)
    at = _headline_index(paras)
    headline = paras[at].text if at is not None else None
    body = paras[:at] + paras[at + 1 :] if at is not None else paras
    article = Article(
        id=mint_article_id(options.url or text, options.id_base),
        headline=headline,
        body=body,
        provenance=provenance(data, "text", options.source, notes=[note] if note else []),
    )
    yield apply_options(article, options)


def _wire_article(data: bytes, text: str, copy: wire.WireCopy, options: ReadOptions, decoding: str | None) -> Article:
    """An IPTC 7901 or ANPA 1312 transmission: its header read as metadata, its text as
    the body (offsets into the whole input), the rest kept as removed text."""
    body = []
    for para in paragraphs(text[copy.body_start : copy.body_end]):
        value = para.text[:-1].rstrip() if para.text.endswith("<") else para.text  # ANPA's end of line
        if value:
            body.append(Paragraph(text=value, offset=(para.offset or 0) + copy.body_start))
    if not body:
        raise InputError(
            f"the {copy.standard} transmission holds no text after its header",
            "give the whole transmission, text included",
            source=options.source,
        )
    if copy.headline is None and len(body) > 1 and _WIRE_HEADLINE.match(body[0].text):
        # Head lines sent without ANPA's '^' marks: a short first line is the headline.
        copy.headline = body.pop(0).text
    prov = provenance(data, "text", options.source, notes=([decoding] if decoding else []) + _wire_notes(copy))
    for offset, raw, reason in copy.removed:
        exact = text[offset : offset + len(raw)]  # control characters already spaces
        lead = len(exact) - len(exact.lstrip())
        prov.removed.append(RemovedText(text=exact.strip(), offset=offset + lead, reason=reason))
    return Article(
        id=mint_article_id(options.url or text, options.id_base),
        headline=copy.headline,
        subheadline=copy.summary,
        byline=copy.byline,
        slugline=copy.slugline,
        urgency=copy.urgency,
        word_count=copy.word_count,
        published=copy.transmitted,
        topics=[Topic(code=copy.category, scheme=_CATEGORY_SCHEMES[copy.standard])] if copy.category else [],
        body=body,
        provenance=prov,
    )


def _wire_notes(copy: wire.WireCopy) -> list[str]:
    """How the transmission was read, and the header's fields the model has no place for."""
    how = "" if copy.framed else " (without its STX and ETX framing: recognised by its header line)"
    notes = [f"read as {copy.standard} wire copy{how}"]
    fields = [
        f"{name} {value!r}"
        for name, value in (("service", copy.service), ("message number", copy.sequence), ("version", copy.version))
        if value
    ]
    if fields:
        notes.append(f"{copy.standard} header: {', '.join(fields)}")
    if copy.transmitted:
        notes.append(f"published is the time of transmission the trailer states ({copy.transmitted})")
    return notes
