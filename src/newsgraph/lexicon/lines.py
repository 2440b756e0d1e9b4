"""Shapes of lines: what a sentence, a headline, a subheading or a standfirst looks like.

Shared by the clean and structure passes, which judge lines by their shape as much as
by their words: a headline has no full stop, a subheading is short and sits between
paragraphs of prose, a speaker's turn starts with a name and a colon.
"""

from __future__ import annotations

import re

from .bylines import is_person_name

_PROSE_MIN_WORDS = 5  # "Angela Weber spoke in Vienna." is a story's sentence
_SUBHEADING_MAX_WORDS = 12
_QUESTION_SUBHEADING_WORDS = 6
_STANDFIRST_WORDS = (4, 45)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
QUOTE_MARKS = re.compile(r"[“”\"«»„]|''")
# The quote marks a tokeniser or a page may leave glued to a name ('"Syria', 'a farce."Syria').
QUOTE_CHARS = "\"“”„«»‘’'"
SPEAKER = re.compile(r"^(?:Q|A|[A-Z][\w.'’-]*(?: [A-Za-z][\w.'’-]*){0,3})\s*:")  # "Q:", "TAPPER:", "Editor's note:"


def prose(text: str) -> bool:
    """A sentence of the story: long enough, and ends like a sentence."""
    return len(text.split()) >= _PROSE_MIN_WORDS and bool(SENTENCE_END.search(text.rstrip()))


def headline_like(text: str, min_words: int = 1, max_words: int = 30) -> bool:
    """A headline's shape: a few words, no full stop at the end."""
    return min_words <= len(text.split()) <= max_words and not text.rstrip().endswith(".")


def subheading_like(text: str) -> bool:
    """A short title line: not a sentence, a quote, a speaker's turn, a name or a number."""
    stripped = text.strip()
    words = stripped.split()
    if not 1 <= len(words) <= _SUBHEADING_MAX_WORDS or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    if stripped.endswith((".", ",", ";", ":", "”", '"', "’", "'")) or QUOTE_MARKS.search(stripped):
        return False
    if not re.search(r"[^\W\d_]{2}", stripped) or SPEAKER.match(stripped):
        return False
    if stripped.endswith("?") and len(words) > _QUESTION_SUBHEADING_WORDS and not title_case(stripped):
        return False  # "So what should the town council do next?" is the story asking
    return not is_person_name(stripped)


def standfirst_like(text: str) -> bool:
    """A dek: a few words to a long sentence, not a lead-in to a list (':') or a fragment."""
    stripped = text.strip()
    n = len(stripped.split())
    return (
        _STANDFIRST_WORDS[0] <= n <= _STANDFIRST_WORDS[1]
        and not stripped.endswith(":")
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "“\"'‘")
    )


def title_case(text: str) -> bool:
    """Most longer words capitalised: 'Biden and Putin Relations', 'U.S.-Russia Relations'."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if len(w) > 3]
    if not long_words:
        return text[:1].isupper()
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.75
