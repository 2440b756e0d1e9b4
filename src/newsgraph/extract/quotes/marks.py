"""Find the stretches of text between quotation marks, paragraph by paragraph.

News text mixes every style: straight and curly double quotes (often mixed in one
pair: “...\"), curly or straight single quotes used as quote marks in headlines and
standfirsts, the two-apostrophe style of some wires (''...''), guillemets. The same
glyphs are apostrophes (it’s, NBC News’ reporter, the ’90s), inch marks and stray
typos. The scanner decides the role of each mark from its neighbours, pairs them
left to right, and never fails: a mark it cannot pair is left alone, an opening mark
without a closing one runs to the end of its paragraph, and such a quote is marked
as continued when the next paragraph opens a quote again (the convention for a
quote running over several paragraphs).

Everything is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

# ``''`` and ``\`\``` are one (double) mark, and so are two curly single marks in a row
# ("...,’’ X said": a double quote typed as two singles; not after an s, where the first
# is a plural's apostrophe: "the players’’"); a lone ' is a single mark.
_MARK_RE = re.compile(
    r"''|``|\u2018\u2018|(?<![sS])\u2019\u2019|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]|['\u2018\u2019\u201b\u2039\u203a]"
)

_DOUBLE_OPEN = frozenset("\u201c\u201e\u201f\u00ab`")
_DOUBLE_CLOSE = frozenset("\u201d\u00bb")
_SINGLE_OPEN = frozenset("\u2018\u201b\u2039")
_SINGLE_CLOSE = frozenset("\u2019\u203a")
_ALL_MARKS = frozenset("\"\u201c\u201d\u201e\u201f\u00ab\u00bb'\u2018\u2019\u201b\u2039\u203a`")

# What may stand right before an opening mark / right after a closing one.
# Invisible format characters pasted from social posts (direction marks and embeddings, a
# zero-width space, a byte-order mark) stand next to a mark as a space would.
_INVISIBLE = frozenset("\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
_BEFORE_OPEN = frozenset("([{<\u2014\u2013-/:;,") | _ALL_MARKS | _INVISIBLE
_AFTER_CLOSE = frozenset(".,;:!?)]}>\u2014\u2013-/\u2026*") | _ALL_MARKS | _INVISIBLE

# Elisions written with a leading apostrophe: 'em, 'til, 'n', 'cause, the '90s.
_ELISION_RE = re.compile(r"(?:(?:em|til|n|cause|bout|twas|tis|nuff)(?![^\W\d_])|\d\ds\b)", re.I)


@dataclass(frozen=True)
class QuoteRegion:
    """The words between one pair of quotation marks in one paragraph.

    ``start``/``end`` delimit the quoted words (marks excluded); ``mark_start`` and
    ``mark_end`` include the marks. ``opened``/``closed`` say whether the marks were
    really there: a quote without a closing mark runs to the end of its paragraph.
    ``continues`` is set when such a quote goes on in the next paragraph.
    """

    paragraph: int
    start: int
    end: int
    mark_start: int
    mark_end: int
    style: str  # "double" | "single"
    opened: bool = True
    closed: bool = True
    continues: bool = False


@dataclass(frozen=True)
class _Mark:
    pos: int
    end: int
    glyph: str
    family: str  # "double" | "single"
    can_open: bool
    can_close: bool
    inch: bool = False


def _is_word(ch: str | None) -> bool:
    return ch is not None and (ch.isalnum())


# Markup left in the text (<tweet author="...">): its attribute quotes are not speech.
# An embed may copy a whole post into an attribute, hence the room; the bound keeps the
# scan linear.
_MAX_TAG_CHARS = 2000
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,%d})?/?>" % _MAX_TAG_CHARS)


def _outside_tags(text: str) -> Iterator[re.Match[str]]:
    """The mark matches of ``text`` that are not inside left-over markup."""
    tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(text)] if "<" in text else []
    t = 0
    for m in _MARK_RE.finditer(text):
        while t < len(tags) and tags[t][1] <= m.start():
            t += 1
        if t < len(tags) and tags[t][0] <= m.start():
            continue
        yield m


def _apostrophe(text: str, end: int, left: str | None, right: str | None, left_free: bool) -> bool:
    """A single mark that is an apostrophe: it’s, O'Brien, the ’90s, rock 'n' roll, 'em."""
    if _is_word(left) and _is_word(right):
        return True
    return left_free and _ELISION_RE.match(text, end) is not None


def _inch(text: str, pos: int, glyph: str, left: str | None) -> bool:
    """6'3" tall, a 17" screen: inches, unless it closes an open quote ("... in 2016")."""
    return (
        glyph == '"' and left is not None and (left.isdigit() or (left == "'" and pos > 1 and text[pos - 2].isdigit()))
    )


def _mark_at(text: str, m: re.Match[str]) -> _Mark | None:
    """The mark a match is, with what its neighbours allow; None for an apostrophe."""
    glyph = m.group()
    pos, end = m.start(), m.end()
    left = text[pos - 1] if pos > 0 else None
    right = text[end] if end < len(text) else None
    family = "double" if (len(glyph) == 2 or glyph in '"\u201c\u201d\u201e\u201f\u00ab\u00bb') else "single"
    left_free = left is None or left.isspace() or left in _BEFORE_OPEN
    right_free = right is None or right.isspace() or right in _AFTER_CLOSE
    if family == "single" and _apostrophe(text, end, left, right, left_free):
        return None
    can_open = left_free and right is not None and not right.isspace()
    can_close = right_free and left is not None and not left.isspace()
    return _Mark(pos, end, glyph, family, can_open, can_close, _inch(text, pos, glyph, left))


def _marks(text: str) -> list[_Mark]:
    return [mark for m in _outside_tags(text) if (mark := _mark_at(text, m)) is not None]


def _role(mark: _Mark) -> int:
    """+1 looks like an opening mark, -1 like a closing one, 0 cannot tell."""
    score = 0
    if mark.glyph in _DOUBLE_OPEN or mark.glyph in _SINGLE_OPEN:
        score += 1
    elif mark.glyph in _DOUBLE_CLOSE or mark.glyph in _SINGLE_CLOSE:
        score -= 1
    if mark.can_open and not mark.can_close:
        score += 2
    elif mark.can_close and not mark.can_open:
        score -= 2
    return (score > 0) - (score < 0)


def _region(
    p: int, text: str, open_m: _Mark | None, close_m: _Mark | None, style: str, end_at: int | None = None
) -> QuoteRegion | None:
    start = open_m.end if open_m else 0
    end = close_m.pos if close_m else (end_at if end_at is not None else len(text))
    # Trim spaces inside the marks: a quote is its words.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return QuoteRegion(
        paragraph=p,
        start=start,
        end=end,
        mark_start=open_m.pos if open_m else start,
        mark_end=close_m.end if close_m else end,
        style=style,
        opened=open_m is not None,
        closed=close_m is not None,
    )


def _sentence_break_before(text: str, pos: int) -> bool:
    """Does a sentence end just before ``pos`` (``... end.  “Next``)?"""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] in ".!?\u2026"


def _pair_doubles(p: int, text: str, marks: list[_Mark]) -> list[QuoteRegion]:
    regions: list[QuoteRegion] = []
    open_m: _Mark | None = None
    seen_any = False
    for m in marks:
        role = _role(m)
        if open_m is None and m.inch:
            continue
        if open_m is None:
            if role >= 0:
                open_m = m
            elif not seen_any:
                # A closing mark before any other: the quote began before this
                # paragraph did (a paragraph broken inside a quote).
                r = _region(p, text, None, m, "double")
                if r:
                    regions.append(r)
            # else: a stray closing mark, ignored
        elif role > 0 and m.pos > open_m.end and _sentence_break_before(text, m.pos):
            # A confident opening mark after a finished sentence while a quote is
            # open: the earlier quote lost its closing mark.
            r = _region(p, text, open_m, None, "double", end_at=m.pos)
            if r:
                regions.append(replace_closed(r, False))
            open_m = m
        elif role > 0 and m.pos == open_m.end:
            open_m = m  # doubled opening mark: keep the later one
        else:
            r = _region(p, text, open_m, m, "double")
            if r:
                regions.append(r)
            open_m = None
        seen_any = True
    if open_m is not None:
        r = _region(p, text, open_m, None, "double")
        if r:
            regions.append(r)
    return regions


def replace_closed(region: QuoteRegion, closed: bool) -> QuoteRegion:
    return QuoteRegion(
        region.paragraph,
        region.start,
        region.end,
        region.mark_start,
        region.mark_end,
        region.style,
        region.opened,
        closed,
        region.continues,
    )


def _outside(marks: list[_Mark], regions: Sequence[QuoteRegion]) -> list[_Mark]:
    """The marks not inside any of ``regions`` (both in reading order)."""
    out, k = [], 0
    for m in marks:
        while k < len(regions) and regions[k].mark_end <= m.pos:
            k += 1
        if not (k < len(regions) and regions[k].mark_start <= m.pos):
            out.append(m)
    return out


def _pair_singles(p: int, text: str, marks: list[_Mark], doubles: list[QuoteRegion]) -> list[QuoteRegion]:
    """Single marks used as quotation marks, outside double quotes (or around them).

    Only closed pairs count: with apostrophes everywhere, an unclosed single mark is
    far more often an apostrophe than a quote running on.
    """
    regions: list[QuoteRegion] = []
    usable = _outside(marks, doubles)
    i = 0
    while i < len(usable):
        m = usable[i]
        if not (m.can_open and _role(m) > 0):
            i += 1
            continue
        close_at = None
        weak_at = None
        for j in range(i + 1, len(usable)):
            c = usable[j]
            if c.can_close and _role(c) < 0:
                prev = text[c.pos - 1]
                nxt = text[c.end : c.end + 2]
                # "the voters’ choice": a plural possessive, not the end of the quote.
                possessive = prev in "sSzZ" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
                if possessive:
                    weak_at = weak_at if weak_at is not None else j
                    continue
                close_at = j
                break
            if c.can_open and _role(c) > 0 and not c.can_close:
                break  # another opening mark first: m was not a quote mark
        chosen = close_at if close_at is not None else weak_at
        if chosen is None:
            i += 1
            continue
        r = _region(p, text, m, usable[chosen], "single")
        if r:
            regions.append(r)
        i = chosen + 1
    return regions


def scan_paragraph(text: str, paragraph: int = 0) -> list[QuoteRegion]:
    """The quoted stretches of one paragraph, outermost only, in reading order."""
    marks = _marks(text)
    doubles = _pair_doubles(paragraph, text, [m for m in marks if m.family == "double"])
    singles = _pair_singles(paragraph, text, [m for m in marks if m.family == "single"], doubles)
    # A single-quoted stretch around double quotes is the outer quote (British style).
    starts = [r.mark_start for r in singles]
    kept_doubles = []
    for d in doubles:
        k = bisect.bisect_left(starts, d.mark_start) - 1
        if k >= 0 and d.mark_end <= singles[k].mark_end:
            continue  # inside a single-quoted stretch: a quote within the quote
        kept_doubles.append(d)
    return sorted(kept_doubles + singles, key=lambda r: r.start)


def _opens_quote(text: str, regions: list[QuoteRegion]) -> bool:
    return bool(regions) and regions[0].opened and regions[0].mark_start == len(text) - len(text.lstrip())


def scan(paragraphs: Sequence[str]) -> list[list[QuoteRegion]]:
    """Quote regions of each paragraph, with ``continues`` set across paragraphs."""
    found = [scan_paragraph(t, i) for i, t in enumerate(paragraphs)]
    for i in range(len(found) - 1):
        if not found[i]:
            continue
        last = found[i][-1]
        if not last.closed and last.style == "double" and _opens_quote(paragraphs[i + 1], found[i + 1]):
            found[i][-1] = QuoteRegion(
                last.paragraph,
                last.start,
                last.end,
                last.mark_start,
                last.mark_end,
                last.style,
                last.opened,
                False,
                True,
            )
    return found
