"""Credits: photo credits on captions, and outlets credited with the reporting.

Patterns are data (``data/credits.json``); this module fills in the name placeholders,
compiles them once, and checks every outlet it captures against :mod:`.outlets` so that
"Biden reported" is not taken for a news organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import outlets
from .outlets import OUTLET_PATTERN, Outlet
from .wordlists import data

# A capitalised name of one to six words as credits write them ("Nadia Ferro",
# "Kremlin Pool Photo", "Getty Images"), with initials and name particles.
_NAME = r"[A-Z][\w'’.&-]*(?:[ ](?:[A-Z][\w'’.&-]*|van|von|de|der|da|di|du|la|le|al|bin|dos)){0,5}"
# Captions are short; a "credit" further than this from the end is part of a sentence.
_MAX_CREDIT = 140
_MAX_CREDIT_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")


@dataclass(frozen=True)
class Credit:
    """An outlet credited in a paragraph, and where its name stands."""

    outlet: Outlet
    start: int
    end: int


def _fill(pattern: str) -> str:
    return (
        pattern.replace("{NAME}", _NAME)
        .replace("{OUTLET}", OUTLET_PATTERN)
        .replace("{AGENCY}", _alternation("photo_agencies"))
        .replace("{PHOTO_ONLY}", _alternation("photo_only"))
    )


@lru_cache(maxsize=None)
def _alternation(key: str) -> str:
    names = sorted(set(data("credits")[key]), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=1)
def _photo() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_fill(p)})" for p in data("credits")["photo_credit"]))


@lru_cache(maxsize=1)
def _source_credit() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_fill(p)) for p in data("credits")["source_credit"])


@lru_cache(maxsize=1)
def _source_line() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_fill(p)) for p in data("credits")["source_line"])


@lru_cache(maxsize=1)
def _signoff() -> re.Pattern[str]:
    return re.compile(_fill(data("credits")["signoff"]))


@lru_cache(maxsize=1)
def _publisher() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_fill(p)) for p in data("credits")["publisher"])


# --- photo credits ------------------------------------------------------------------


def is_photo_credit(text: str) -> bool:
    """Whether the whole of ``text`` is a photo credit ('Name/Agency via AP')."""
    text = text.strip()
    return (
        0 < len(text) <= _MAX_CREDIT and len(text.split()) <= _MAX_CREDIT_WORDS and _photo().fullmatch(text) is not None
    )


_CREDIT_LABEL = re.compile(
    r"^(?:(?:Image|Photo|Picture|Video) (?:source|credit),\s*"
    r"|(?:Photo credit|Image credit|Photograph|Photo|Image|Picture|Credit)s?\s*:\s*"
    r"|(?:Photo|Photograph|Picture)s? by\s+)"
)


def credit_text(credit: str) -> str:
    """A credit without its label: 'Image source, Getty Images' -> 'Getty Images'."""
    return _CREDIT_LABEL.sub("", credit.strip()) or credit.strip()


def split_caption(text: str) -> tuple[str, str] | None:
    """A caption ending in its credit, split: ``(caption, credit)``; None if it has none.

    The credit must follow a sentence end and be the whole rest of the text; of the
    possible splits the longest credit wins ("... 2019. Mara Lindt/Pool/Nordpix via
    Getty Images").
    """
    tail_from = max(0, len(text) - _MAX_CREDIT - 4)
    for m in _SENTENCE_END.finditer(text, tail_from):
        credit = text[m.end() :].strip()
        if credit and is_photo_credit(credit):
            return text[: m.end()].rstrip(), credit_text(credit)
    return None


# --- outlets credited with the reporting ------------------------------------------------


def _outlet_of(m: re.Match[str], group: str = "outlet") -> Credit | None:
    words = m.group(group)
    if not words:
        return None
    hit = outlets.trim_to_outlet(words)
    if hit is None:
        return None
    # Point the span at the words that name the outlet ("CNN" in "Meanwhile CNN").
    kept = _tail_words(words, hit)
    start = m.start(group) + len(words) - len(kept)
    return Credit(hit, start, m.end(group))


def _tail_words(words: str, hit: Outlet) -> str:
    parts = words.split()
    for i in range(len(parts)):
        tail = " ".join(parts[i:])
        if outlets.resolve(tail) == hit:
            return tail
    return words


def source_credits(text: str) -> list[Credit]:
    """Outlets the paragraph credits with reporting ('..., CNN has reported.')."""
    found: list[Credit] = []
    for pattern in _source_credit():
        for m in pattern.finditer(text):
            credit = _outlet_of(m)
            if credit:
                found.append(credit)
    return sorted(set(found), key=lambda c: (c.start, c.end))


def listed_outlets(text: str) -> list[Credit]:
    """The listed outlets a line names anywhere ('Associated Press writer X contributed ...')."""
    found = []
    for m in re.finditer(OUTLET_PATTERN, text):
        words = m.group()
        parts = words.split()
        for i in range(len(parts)):
            for j in range(len(parts), i, -1):
                hit = outlets.lookup(" ".join(parts[i:j]))
                if hit:
                    start = m.start() + len(" ".join(parts[:i])) + (1 if i else 0)
                    found.append(Credit(hit, start, start + len(" ".join(parts[i:j]))))
                    break
            else:
                continue
            break
    return found


def source_line(text: str) -> list[Credit]:
    """The outlets a credit line names ('For more reporting from the AP, see below.')."""
    line = text.rstrip().rstrip(".")
    for pattern in _source_line():
        m = pattern.fullmatch(line)
        if m:
            groups = [g for g in ("outlet", "outlet2") if g in pattern.groupindex]
            credits = [c for c in (_outlet_of(m, g) for g in groups) if c]
            if credits:
                return credits
    return []


def signoff(text: str) -> tuple[int, list[Outlet]] | None:
    """A closing credit ('... Washington.  – Rappler.com', '– with reports from Reuters/Rappler.com'):
    where it starts, and the outlets it credits."""
    tail = text[-_MAX_CREDIT:]
    m = _signoff().search(tail)
    if not m:
        return None
    found = [outlets.resolve(name) for name in re.split(r"\s*(?:/|,|\band\b)\s*", m.group("outlets")) if name]
    if not found or None in found:
        return None
    return len(text) - len(tail) + m.start(), [o for o in found if o is not None]


def agency_line(text: str) -> Outlet | None:
    """The outlet, when a whole line names only an outlet ('Reuters', '– Rappler.com', '(AP)')."""
    line = text.strip().strip("()").strip()
    line = re.sub(r"^[–—-]\s*", "", line)
    if not line or len(line) > 60:
        return None
    hit = outlets.lookup(line)
    if hit:
        return hit
    # An unlisted outlet on a line of its own must look like one ("Rappler.com").
    if re.fullmatch(r"[A-Z][\w-]*(?:\.[A-Za-z]{2,})+", line):
        return outlets.resolve(line)
    return None


@lru_cache(maxsize=1)
def _caption_prefix() -> re.Pattern[str]:
    return re.compile(data("credits")["caption_prefix"])


@lru_cache(maxsize=1)
def _note_lines() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.S) for p in data("credits")["note_line"])


def caption_line(text: str) -> str | None:
    """The caption a line states with a label ('Image caption, Biden speaks ...'), else None."""
    m = _caption_prefix().match(text.strip())
    return text.strip()[m.end() :] or None if m else None


def is_note_line(text: str) -> bool:
    """An editor's note: an update or correction ('Update 6/13/21: This story has been ...')."""
    return any(p.fullmatch(text.strip()) for p in _note_lines())


def publisher_named(text: str) -> str | None:
    """The site's own name, when a line of page furniture states it ('Download the X App')."""
    line = text.strip()
    for pattern in _publisher():
        m = pattern.fullmatch(line)
        if m and m.group("name"):
            name = m.group("name").strip()
            if name.casefold() not in {"our", "the", "this"}:
                return name
    return None
