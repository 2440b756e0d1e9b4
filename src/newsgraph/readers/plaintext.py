"""Plain text -> paragraphs with exact offsets: what every reader of text bodies shares.

Paragraphs are separated by blank lines or, as pages copied from a browser usually are,
by single line breaks. Lines are joined back into one paragraph where they are one:

- prose broken mid-sentence (a line not ending a sentence, the next starting in lower case);
- hard-wrapped text, as wire services and e-mail send it: when most lines of the text
  end near one width (at most ``WRAP_MAX`` characters), a line that reaches that width
  continues on the next one, unless the next is indented deeper (a new paragraph in
  wire copy), is a list item, or the line ends in a wire mark ("=" after a byline, "<").

Joined lines keep their offsets exact: the line break and indentation between them
become spaces, so ``text[offset + i]`` is the input's character or white space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Paragraph
from .base import sanitise

__all__ = ["WRAP_MAX", "lines_with_offsets", "paragraphs", "wrap_width"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
_BULLET = re.compile(r"^(?:[*\u2022\u2013\u2014+]|-(?!\d)|\d{1,2}[.)])\s")
_WIRE_MARK = re.compile(r"[=<]\s*$")

WRAP_MAX = 100  # hard wraps are at terminal widths; longer lines are paragraphs of their own
_WRAP_MIN = 30
_FULL = 0.7  # a line this near the width was wrapped, not ended
_WRAPPED_SHARE = 0.3  # the share of lines that must reach the width for text to count as wrapped
_WRAPPED_LINES = 4


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Each line without its line break, and where it starts."""
    pos = 0
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.group() == "":
            break
        yield pos, m.group().rstrip("\r\n")
        pos = m.end()


@dataclass(frozen=True)
class _Wrap:
    width: int  # 0: the text is not hard-wrapped

    def continues(self, prev: str, prev_indent: int, line: str, indent: int) -> bool:
        """Whether ``line`` continues the paragraph whose last line is ``prev``."""
        if prev and not _ENDS_SENTENCE.search(prev) and line[:1].islower():
            return True
        if not self.width or indent > prev_indent or _BULLET.match(line) or _WIRE_MARK.search(prev):
            return False
        return len(prev) >= _FULL * self.width


def wrap_width(lines: list[str]) -> int:
    """The width text was hard-wrapped at, or 0 when it was not."""
    lengths = sorted((len(s.strip()) for s in lines if s.strip()), reverse=True)
    if len(lengths) < _WRAPPED_LINES:
        return 0
    width = lengths[len(lengths) // 10]  # the longest lines but a few outliers
    if not _WRAP_MIN <= width <= WRAP_MAX:
        return 0
    full = sum(1 for n in lengths if n >= _FULL * width)
    return width if full >= _WRAPPED_SHARE * len(lengths) else 0


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs with offsets; whitespace-only lines separate them.

    Characters no format can carry become spaces (callers that report them sanitise first).
    """
    text = sanitise(text)[0]
    lines = list(lines_with_offsets(text))
    wrap = _Wrap(wrap_width([line for _, line in lines]))
    result: list[tuple[int, str]] = []
    joinable, prev_indent, last = False, 0, ""
    for offset, line in lines:
        stripped = line.strip()
        if not stripped:
            joinable = False
            continue
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        lead = len(line) - len(line.lstrip())
        if joinable and result and wrap.continues(last, prev_indent, stripped, indent):
            start, prev = result[-1]
            # Keep offsets exact: the gap between the two lines becomes spaces.
            gap = offset + lead - (start + len(prev))
            result[-1] = (start, prev + " " * gap + stripped)
        else:
            result.append((offset + lead, stripped))
        joinable, last, prev_indent = True, stripped, indent
    return [Paragraph(text=t, offset=o) for o, t in result]
