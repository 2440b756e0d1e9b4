"""Wire copy: IPTC 7901 and ANPA 1312 transmissions, as agencies' teleprinter feeds send them.

A transmission is framed by control characters: SOH (``\\x01``, after SYN SYN in ANPA)
opens the header, STX (``\\x02``) the text, ETX (``\\x03``) ends it; a trailer follows.

- IPTC 7901 (dpa and others): the header line holds the service and sequence number,
  priority, category, word count and source; keyword lines follow ("Switzerland/migration/UN/").
  After STX, short capitalised lines (REFILE, 1ST LEAD) mark the version, then come the
  headline and a byline ending in "="; paragraphs are hard-wrapped and blank-line separated;
  a "not intended for publication" block (editorial contacts) may close the text; the
  trailer after ETX gives the time of transmission ("212322 GMT Nov 18": the 21st, 23:22 GMT).
  Tools that strip control characters leave the header lines, then the text: such a file is
  recognised by its first line's shape (:func:`parse` without SOH and STX).
- ANPA 1312 (AP): the header holds the service, priority and category letters, the slug
  ("BC-BKN--Heat-Hawks"), version, date and word count. After STX, head lines start with
  "^" and end with "<": the slug again, the headline, "AP Photo" and "Eds:" notes, an
  editor's note, the byline lines ending in "="; paragraphs are tab-indented lines; the
  sign-off after the last ETX gives the time of transmission ("AP-WF-11-13-13 0745GMT").

:func:`parse` finds these parts with exact offsets into the decoded text, so that the body
keeps offsets into the input and what is not story (headers, notes, trailers) is recorded
as removed text rather than lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ..lexicon.written_dates import month_number
from .plaintext import lines_with_offsets

__all__ = ["FRAME_SEARCH", "WireCopy", "parse"]

SOH, STX, ETX = "\x01", "\x02", "\x03"
FRAME_SEARCH = 16  # SOH comes first, after SYN SYN at most

_IPTC_HEADER = re.compile(
    r"^(?P<service>\S+?)(?P<sequence>\d*)\s+(?P<priority>\d)\s+(?P<category>[A-Za-z]{1,3})\s+"
    r"(?P<words>\d+)\s*(?P<rest>.*?)\s*$"
)
# The same header where no SOH marks it: a source and message number, priority, category and
# word count, strictly, so that a story's first line is never taken for one.
_BARE_IPTC_HEADER = re.compile(r"^[A-Za-z]{1,6}\d{2,5} [1-9] [A-Za-z]{1,3} \d{1,5}(?: .*)?$")
_KEYWORD_LINE = re.compile(r"^[^\s/][^/]*(?:/[^/]*)*/$")  # "Switzerland/migration/UN/"
_ANPA_FIRST = re.compile(r"^(?P<service>[A-Za-z])(?P<sequence>\d{4})\s*(?P<selector>\S*)")
_ANPA_HEADER = re.compile(
    r"^(?P<priority>[a-z])\s+(?P<category>[a-z])[\x00-\x1f\s]*(?P<slug>\S+)\s*"
    r"(?P<version>.*?)\s+(?P<date>\d\d-\d\d)(?:\s+(?P<words>\d{3,4}))?\s*$"
)
_ANPA_PRIORITY = {"f": 1, "b": 2, "u": 3, "r": 4, "d": 6, "a": 7, "s": 5}
_VERSION_LINE = re.compile(
    r"^(?:REFILE|URGENT|CORRECTION|CORRECTS?|CORRECTED|REPEAT|KILL|WITHDRAWAL|"
    r"\d+(?:ST|ND|RD|TH) (?:LEAD|ADD|WRITETHRU)|LEAD|ADVISORY|EILT|EILMELDUNG)\b[A-Z0-9 .,-]*$"
)
_EDITORS = re.compile(r"^\(?(?:AP Photos?|Eds?:|EDITOR'?S NOTE|Editor'?s note|With AP Photos|AP Video)", re.I)
_SLUG_REPEAT = re.compile(r"^BC-\S+")
_NOT_FOR_PUBLICATION = re.compile(r"not (?:intended )?for publication|nicht zur veröffentlichung", re.I)
# The last lines of a story that are not story: the agency and its editors' initials
# ("dpa al rmo"), a rights line ("(c) dpa 2026", "Copyright 2026 The Associated Press").
_SIGN_OFF = re.compile(r"^[a-z][a-z-]{1,11}(?: [a-z]{2,4}){1,6}$")
_RIGHTS = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
_SIGN_OFF_LINES = 3
_HEADLINE_LINES = 3  # a headline wrapped before its byline takes a few lines at most
_SEPARATOR = re.compile(r"^\s*(?:\*\s*){3,}$")
# Times of transmission: IPTC 7901's trailer (day, hour, minute; month and year) and ANPA's
# sign-off (agency, desk, month-day-year, hour and minute).
_IPTC_TRAILER = re.compile(
    r"(?<!\d)(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d)\s+(?:(?P<zone>GMT|UTC)\s+)?"
    r"(?P<month>[A-Z][a-z]{2})\s+(?P<year>\d\d)\b"
)
_ANPA_SIGNOFF = re.compile(
    r"\b[A-Z]{2,5}-[A-Z]{1,3}-(?P<month>\d\d)-(?P<day>\d\d)-(?P<year>\d\d)\s+"
    r"(?P<hour>\d\d)(?P<minute>\d\d)\s*(?P<zone>GMT|UTC)?"
)


@dataclass
class WireCopy:
    """The parts of one transmission; offsets index the decoded text."""

    standard: str  # "IPTC 7901" or "ANPA 1312"
    body_start: int
    body_end: int
    headline: str | None = None
    byline: str | None = None
    summary: str | None = None
    slugline: str | None = None
    urgency: int | None = None
    category: str | None = None
    word_count: int | None = None
    service: str | None = None  # the source and channel ("eca"), ANPA's service level ("W")
    sequence: str | None = None  # the message number of the service ("0003")
    version: str | None = None  # "1stLd-Writethru", "REFILE 1ST LEAD"
    transmitted: str | None = None  # ISO 8601, from the trailer
    framed: bool = True  # False: the control characters were stripped
    removed: list[tuple[int, str, str]] = field(default_factory=list)  # offset, text, reason

    def remove(self, offset: int, text: str, reason: str) -> None:
        if text.strip():
            self.removed.append((offset, text, reason))


def parse(text: str) -> WireCopy | None:
    """The parts of a wire transmission, or None when ``text`` is not one: framed by SOH
    and STX, or an IPTC 7901 header by its shape when the control characters were stripped."""
    soh = text.find(SOH, 0, FRAME_SEARCH)
    stx = text.find(STX, max(soh, 0))
    if soh < 0 or stx < 0:
        return _unframed(text)
    etx = text.rfind(ETX)
    end = etx if etx > stx else len(text)
    anpa = text[:soh].startswith("\x16") or "\x1f" in text[soh:stx] or "\x13" in text[soh:stx]
    wire = WireCopy("ANPA 1312" if anpa else "IPTC 7901", stx + 1, end)
    _header(wire, text, soh + 1, stx, anpa)
    if end < len(text):
        wire.remove(end, text[end:], "wire trailer")
        wire.transmitted = _transmitted(text[end:], anpa)
    (_anpa_head if anpa else _iptc_head)(wire, text)
    _not_for_publication(wire, text)
    _sign_off(wire, text)
    return wire


def _unframed(text: str) -> WireCopy | None:
    """IPTC 7901 whose control characters were stripped (all, or STX and ETX only): the
    header line (by its shape), keyword lines ending in '/', then the text; a closing
    trailer line gives the time."""
    opening = text.lstrip().partition("\n")[0]
    if not _BARE_IPTC_HEADER.match(_clean(opening)):
        return None  # most text: decided by its first line, without splitting the rest
    lines = _lines(text, 0, len(text))
    first = next((i for i, (_, line) in enumerate(lines) if line.strip()), None)
    if first is None or not _BARE_IPTC_HEADER.match(_clean(lines[first][1])):
        return None
    start = end = lines[first][0]
    for offset, line in lines[first:]:
        clean = _clean(line)
        if clean and offset != start and not _KEYWORD_LINE.match(clean):
            break
        end = offset + len(line)
    body_end = len(text)
    for offset, line in reversed(lines):
        if _clean(line):
            if _IPTC_TRAILER.fullmatch(_clean(line)):
                body_end = offset
            break
    wire = WireCopy("IPTC 7901", end, body_end, framed=False)
    _header(wire, text, start, end, anpa=False)
    if body_end < len(text):
        wire.remove(body_end, text[body_end:], "wire trailer")
        wire.transmitted = _transmitted(text[body_end:], anpa=False)
    _iptc_head(wire, text)
    _not_for_publication(wire, text)
    _sign_off(wire, text)
    return wire if text[wire.body_start : wire.body_end].strip() else None


def _transmitted(trailer: str, anpa: bool) -> str | None:
    """The time of transmission the trailer states, as ISO 8601 (no zone unless stated)."""
    found = (_ANPA_SIGNOFF if anpa else _IPTC_TRAILER).search(trailer)
    if found is None:
        return None
    parts = found.groupdict()
    month = int(parts["month"]) if anpa else month_number(parts["month"])
    year = int(parts["year"])
    year += 1900 if year >= 70 else 2000  # two digits: wire copy since the 1970s
    try:
        moment = datetime(year, month or 0, int(parts["day"]), int(parts["hour"]), int(parts["minute"]))
    except ValueError:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M") + ("Z" if parts["zone"] else "")


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(start + offset, line) for offset, line in lines_with_offsets(text[start:end])]


def _clean(line: str) -> str:
    """A line without control characters and ANPA's '^' start and '<' end marks."""
    line = re.sub(r"[\x00-\x1f\x7f]", " ", line).strip()
    if line.startswith("^"):
        line = line[1:]
    return line[:-1].rstrip() if line.endswith("<") else line


def _header(wire: WireCopy, text: str, start: int, end: int, anpa: bool) -> None:
    wire.remove(start, text[start:end], "wire transmission header")
    keywords = []
    for _, line in _lines(text, start, end):
        clean = _clean(line)
        if not clean:
            continue
        match = (_ANPA_HEADER if anpa else _IPTC_HEADER).match(clean)
        first = _ANPA_FIRST.match(clean) if anpa and wire.service is None else None
        if match and wire.category is None:
            priority = match.group("priority")
            wire.urgency = _ANPA_PRIORITY.get(priority) if anpa else (int(priority) or None)
            wire.category = match.group("category")
            wire.word_count = int(match.group("words")) if match.group("words") else None
            if anpa:
                wire.slugline = match.group("slug")
                wire.version = match.group("version").strip() or None
            else:
                wire.service, wire.sequence = match.group("service"), match.group("sequence") or None
        elif first and wire.category is None:
            wire.service, wire.sequence = first.group("service"), first.group("sequence")
        elif not anpa and wire.category is not None:
            keywords.append(clean)
    if keywords and wire.slugline is None:
        wire.slugline = " ".join(keywords)


def _iptc_head(wire: WireCopy, text: str) -> None:
    """The block before the first blank line of the text: version lines (REFILE, 1ST LEAD),
    the headline (on one line, or wrapped over a few before the byline), the byline lines
    ending in "="."""
    block: list[tuple[int, str, str]] = []
    for offset, line in _lines(text, wire.body_start, wire.body_end):
        clean = _clean(line)
        if clean:
            block.append((offset, line, clean))
        elif block:
            break
    versions = 0
    while versions < len(block) and _VERSION_LINE.match(block[versions][2]):
        versions += 1
    rest = block[versions:]
    signed = next((i for i, (_, _, clean) in enumerate(rest) if clean.endswith("=")), None)
    heads = rest[:signed] if signed is not None and signed <= _HEADLINE_LINES else rest[:1]
    bylines = []
    for entry in rest[len(heads) :]:
        if not entry[2].endswith("="):
            break
        bylines.append(entry)
    for offset, line, clean in block[:versions]:
        wire.version = " ".join(filter(None, [wire.version, clean]))
        wire.remove(offset, line, "wire version line")
    if heads:
        wire.headline = " ".join(clean for _, _, clean in heads)
    for offset, line, _ in heads:
        wire.remove(offset, line, "headline")
    for offset, line, clean in bylines:
        wire.byline = " ".join(filter(None, [wire.byline, clean.rstrip("= ").strip()]))
        wire.remove(offset, line, "byline")
    taken = block[: versions + len(heads) + len(bylines)]
    if taken:
        wire.body_start = taken[-1][0] + len(taken[-1][1])


def _anpa_head(wire: WireCopy, text: str) -> None:
    """The '^' head lines: slug again, headline, summary, photo and editors' notes, byline
    ("By ...=" and the lines ending in "=" right after it)."""
    bylines: list[str] = []
    in_byline = False
    for offset, line in _lines(text, wire.body_start, wire.body_end):
        raw = line.lstrip("\x00\x01\x02\x03\x16\x1f")
        if not raw.startswith("^"):
            if raw.strip():
                break
            wire.body_start = offset + len(line)
            continue
        clean = _clean(raw)
        signed = clean.endswith("=")
        in_byline = signed and (clean.casefold().startswith("by ") or in_byline)
        if _SLUG_REPEAT.match(clean):
            wire.remove(offset, line, "wire slug line")
        elif _EDITORS.match(clean):
            wire.remove(offset, line, "editors' note")
        elif in_byline:
            bylines.append(clean.rstrip("= ").strip())
            wire.remove(offset, line, "byline")
        elif wire.headline is None:
            wire.headline = clean.rstrip("= ").strip()
            wire.remove(offset, line, "headline")
        elif wire.summary is None and not signed:
            wire.summary = clean
            wire.remove(offset, line, "summary")
        else:
            wire.remove(offset, line, "wire head line")
        wire.body_start = offset + len(line)
    if bylines:
        wire.byline = ", ".join(bylines)


def _sign_off(wire: WireCopy, text: str) -> None:
    """Editors' initials and a rights line closing the text leave the body (kept as removed)."""
    for _ in range(_SIGN_OFF_LINES):
        lines = [(offset, line) for offset, line in _lines(text, wire.body_start, wire.body_end) if _clean(line)]
        if len(lines) < 2:
            return
        offset, line = lines[-1]
        clean = " ".join(_clean(line).split())
        if _SIGN_OFF.match(clean):
            wire.remove(offset, line, "wire sign-off (editors' initials)")
        elif _RIGHTS.match(clean):
            wire.remove(offset, line, "rights notice")
        elif clean == "END":  # ANPA's end of a table or take ("^END<")
            wire.remove(offset, line, "wire end mark")
        else:
            return
        wire.body_end = offset


def _not_for_publication(wire: WireCopy, text: str) -> None:
    """A closing block the agency marks as not for publication ends the story."""
    lines = _lines(text, wire.body_start, wire.body_end)
    for i, (offset, line) in enumerate(lines):
        if _NOT_FOR_PUBLICATION.search(line):
            cut = lines[i - 1][0] if i and _SEPARATOR.match(lines[i - 1][1]) else offset
            wire.remove(cut, text[cut : wire.body_end], "not for publication")
            wire.body_end = cut
            return
