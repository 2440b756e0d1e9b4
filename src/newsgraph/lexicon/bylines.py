"""Bylines: who wrote the article, as the text states it.

A byline line ("By Jane Doe and John Roe, Reuters", "Author: Jane Doe", "by" with no
name) is split into person names and credited outlets. Patterns and word lists are data
(``data/bylines.json``); names are checked for the shape of a person's name so that a
sentence starting with "By Tuesday, ..." is never read as a byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import outlets
from .outlets import Outlet
from .wordlists import data

_MAX_WORDS = 16  # a byline is short; a longer line is prose
# ... and so are its characters: 16 words with a handle and a link are far below this. A
# longer line (a base64 blob after the headline) is not looked at, so no pattern runs on it.
_MAX_CHARS = 1000
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*|[A-Z]\.(?:[A-Z]\.)*|Mc[A-Z]\w+|O[’'][A-Z]\w+)$")
_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\s[–—-]\s)\s*")
# An address starts where a word does: '\S+@' tried at every offset of a long word is quadratic.
_HANDLE = re.compile(r"\s*(?:@\w+|(?<!\S)[^\s@]+@[^\s@]+\.\w+|https?://\S+)\s*")
_NOT_NAME_WORDS = frozenset(
    """
the a an this that news photo photos image video by for with from and in on at of to
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today yesterday updated published
staff reporter writer editor correspondent contributor
""".split()
)


@dataclass
class Byline:
    """What one byline line states."""

    names: list[str] = field(default_factory=list)  # person names, as written
    titles: dict[str, str] = field(default_factory=dict)  # name -> job title ("Staff Writer")
    outlets: list[Outlet] = field(default_factory=list)
    place: str | None = None  # "By Jane Doe in Moscow"
    empty: bool = False  # a "by" with no name after it


@dataclass(frozen=True)
class _Patterns:
    prefix: tuple[re.Pattern[str], ...]
    empty: tuple[re.Pattern[str], ...]
    credits_line: tuple[re.Pattern[str], ...]
    bio: tuple[re.Pattern[str], ...]
    bio_follow: tuple[re.Pattern[str], ...]
    follow_author: tuple[re.Pattern[str], ...]
    titles: frozenset[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    raw = data("bylines")

    def compile_all(key: str, flags: int = re.I) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in raw[key])

    return _Patterns(
        prefix=compile_all("prefix"),
        empty=compile_all("empty"),
        credits_line=compile_all("credits_line"),
        bio=compile_all("bio", 0),
        bio_follow=compile_all("bio_follow", 0),
        follow_author=compile_all("follow_author", 0),
        titles=frozenset(t.casefold() for t in raw["title_words"]),
        particles=frozenset(raw["particles"]),
    )


def is_person_name(text: str) -> bool:
    """Whether ``text`` has the shape of a person's name: two to five capitalised words.

    Name particles ("van", "de", "bin") may be lower case; initials count as words.
    A single word ("Reuters", "Putin") is not enough to call a line a byline.
    """
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    particles = _patterns().particles
    capitalised = 0
    for w in words:
        if w in particles:
            continue
        if not _NAME_WORD.match(w) or w.casefold().strip(".") in _NOT_NAME_WORDS:
            return False
        capitalised += 1
    if len(words[-1]) == 1:
        return False  # "Science X": initials come before a surname, never as the last word
    return capitalised >= 2 and not outlets.looks_like_outlet(text) and _desk(text) is None


def _split_title(piece: str) -> tuple[str, str | None]:
    """'Jane Doe Staff Writer' -> ('Jane Doe', 'Staff Writer'), using the title list."""
    titles = _patterns().titles
    words = piece.split()
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        if tail.casefold() in titles:
            return " ".join(words[:i]), tail
    return piece, None


def _split_outlet(piece: str) -> tuple[str, Outlet | None]:
    """'Jane Doe Associated Press' -> ('Jane Doe', Associated Press); a listed outlet only."""
    words = piece.split()
    for i in range(2, len(words)):
        hit = outlets.lookup(" ".join(words[i:]))
        if hit:
            return " ".join(words[:i]), hit
    return piece, None


def _desk(name: str) -> Outlet | None:
    """'AP National Political' (Writer), 'NBC Latino': a desk of an outlet whose short
    name in capitals comes first, not a person."""
    words = name.split()
    first = words[0] if len(words) >= 2 else ""
    if not (first.isalpha() and len(first) <= 4 and first[:1].isupper()):
        return None
    hit = outlets.lookup(first.upper())
    return hit if hit is not None and hit.kind in ("agency", "broadcaster") else None


def split_names(text: str) -> Byline | None:
    """The names and outlets of a byline's name part; None if any piece is neither.

    "Jane Doe and John Roe, Reuters" -> names [Jane Doe, John Roe], outlets [Reuters].
    "Jane Doe, Staff Writer" -> names [Jane Doe], titles {Jane Doe: Staff Writer}.
    """
    if len(text) > _MAX_CHARS:
        return None
    text = _HANDLE.sub(" ", text).strip().strip(".,;:|").strip()
    if not text or len(text.split()) > _MAX_WORDS:
        return None
    result = Byline()
    place = re.search(r"\s+in\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*$", text)
    if place:
        result.place = place.group(1)
        text = text[: place.start()]
    titles = _patterns().titles
    last_name: str | None = None
    for piece in (p.strip() for p in _SPLIT.split(text)):
        if not piece:
            continue
        piece = re.sub(r"^[Bb]y\s+", "", piece)
        name, trailing = _split_outlet(piece)  # "DANIEL KRAUSE Associated Press"
        if trailing and is_person_name(_split_title(name)[0]):
            piece = name
            result.outlets.append(trailing)
        outlet = outlets.lookup(piece) or (outlets.resolve(piece) if not is_person_name(piece) else None)
        if outlet:
            result.outlets.append(outlet)
            continue
        if piece.casefold() in titles and last_name:
            result.titles[last_name] = piece
            continue
        name, title = _split_title(piece)
        staff = (outlets.lookup(name) if title else None) or _desk(name)
        if staff:  # "Reuters Staff"
            result.outlets.append(staff)
            continue
        if not is_person_name(name):
            return None
        if name.isupper():  # "JANE DOE" is written in capitals, not named so
            name = " ".join(
                w.casefold() if w.casefold() in _patterns().particles else w.capitalize() for w in name.split()
            )
        result.names.append(name)
        if title:
            result.titles[name] = title
        last_name = name
    if not (result.names or result.outlets):
        return None
    return result


def split_people(text: str) -> list[str]:
    """The people of a field that holds only people (NITF's ``<person>``): 'Jane Doe and
    John Roe' is two, split at 'and', '&', commas and semicolons when every piece has two
    words or more; otherwise the field is one name ('Smith, John' stays whole). Whatever
    the words look like: 'Jordan Press' is a person there, not an outlet."""
    pieces = [p.strip() for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", text.strip())]
    if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
        return pieces
    return [text.strip()] if text.strip() else []


# An editor's or photographer's code in an author field: letters and digits ("A3576"), or
# initials of two to four capitals ("KN" of "futurezone/KN").
_AUTHOR_CODE = re.compile(r"(?=[A-Z]*\d)[A-Z\d]{2,8}|[A-Z]{2,4}")
_AUTHOR_JUNK = "_*·•|-–—.,;: \t"


@dataclass
class AuthorField:
    """An author field as a feed or CMS fills it, read apart: the people it names, the
    outlets it credits, and whether it needed cleaning (then the raw text is the byline)."""

    people: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    cleaned: bool = False


def author_field(raw: str) -> AuthorField:
    """'futurezone/KN' -> an outlet and an editor's initials (dropped); 'A3576/_Maurizio
    Gambarini' -> a photographer's code (dropped) and a person; '_Jane Doe' -> Jane Doe.
    A field of one part keeps its one name as the person it was given as ('Marion')."""
    found = AuthorField()
    parts = [p.strip(_AUTHOR_JUNK) for p in raw.split("/")]
    parts = [p for p in parts if p]
    found.cleaned = parts != [raw.strip()]
    for part in parts:
        hit = outlets.lookup(part) if len(parts) > 1 else None
        if hit is not None:
            found.outlets.append(hit.name)
            continue
        if len(parts) > 1 and is_author_code(part):
            continue
        if len(parts) == 1 or is_person_name(part):
            found.people.append(part)
        else:
            found.outlets.append(part)
    return found


def is_author_code(part: str) -> bool:
    """Whether a part of an author field is a code ('A3576', 'KN'), not a name or an outlet."""
    return _AUTHOR_CODE.fullmatch(part) is not None and outlets.lookup(part) is None


def parse_line(line: str) -> Byline | None:
    """The byline a whole line states ('By X', 'Author: X', a bare 'by'), else None."""
    text = line.strip()
    if not text or len(text) > _MAX_CHARS or len(text.split()) > _MAX_WORDS + 2:
        return None
    pats = _patterns()
    for p in pats.empty:
        if p.fullmatch(text):
            return Byline(empty=True)
    # End-of-story credits first: "Reporting by X; Editing by Y" also fits "... by <names>".
    for group in (pats.credits_line, pats.prefix):
        for p in group:
            m = p.fullmatch(text)
            found = split_names(m.group("names")) if m else None
            if found:
                return found
    return None


def bare_names(line: str) -> Byline | None:
    """A line of nothing but person names ('Jane Doe and John Roe'); outlets alone do not count."""
    found = split_names(line)
    if found and found.names and not line.rstrip().endswith((".", "!", "?")):
        return found
    return None


@dataclass(frozen=True)
class Bio:
    """An author's biography line: who, and when stated, their title and employer."""

    name: str | None
    title: str | None
    org: str | None


def parse_bio(line: str) -> Bio | None:
    """'Jane Doe is a reporter at The Herald. Follow her on X @jd' -> Bio(Jane Doe, reporter, The Herald)."""
    text = line.strip()
    if len(text.split()) > 60:
        return None
    pats = _patterns()
    for p in pats.bio:
        m = p.fullmatch(text)
        if m and is_person_name(m.group("name")):
            groups = m.groupdict()
            org = groups.get("org")
            return Bio(m.group("name"), groups.get("title"), org.strip() if org else None)
    for p in pats.bio_follow:
        if p.fullmatch(text):
            return Bio(None, None, None)
    return None


def is_journalist_title(title: str | None) -> bool:
    """Whether a bio's title is a newsroom job ('news editor', 'senior reporter')."""
    if not title:
        return False
    words = title.casefold().split()
    titles = _patterns().titles
    return any(" ".join(words[i:]) in titles for i in range(len(words)))


def follow_author(line: str) -> str | None:
    """The person a sign-off asks readers to follow ('Follow Jane Doe on Twitter @jd')."""
    for p in _patterns().follow_author:
        m = p.fullmatch(line.strip())
        if m and is_person_name(m.group("name")):
            return m.group("name")
    return None
