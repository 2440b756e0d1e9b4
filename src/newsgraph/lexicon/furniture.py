"""Page furniture: the lines of a web page around an article, told by their words.

Skip links, comment prompts, app and newsletter prompts, "You May Also Like" blocks,
topic and share lines (``data/boilerplate.json``), and lines with a form of their own
(bylines, agency and source lines, date lines, photo credits). The clean pass takes such
lines out of the body; the text reader skips them when it looks for the headline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import bylines, credits
from .wordlists import data
from .written_dates import date_line

LONE_PUNCTUATION = "lone punctuation"
REPEATED_HEADLINE = "repeated headline"
REPEATED_PARAGRAPH = "repeated paragraph"
AUTHOR_PROFILE = "author profile"  # the next line names the author: left to the structure pass


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    block: bool = False  # starts a block of link titles (recommendations, comments)
    to_end: bool = False  # the block runs to the end of the article (comments)
    topics: bool = False  # the group 'topics' lists the article's topics
    topics_block: bool = False  # the block's lines are the article's topics
    bullets: bool = False  # bulleted lines next to it go with it (an AI summary's points)
    author_intro: bool = False  # the next line names the author


@dataclass(frozen=True)
class Hit:
    rule: Rule
    match: re.Match[str] | None


@lru_cache(maxsize=1)
def _rules() -> tuple[int, tuple[Rule, ...]]:
    raw = data("boilerplate")
    rules: list[Rule] = []
    # Block starters first: "Comments" starts a block rather than being one line.
    for group in raw["blocks"]:
        for p in group["patterns"]:
            rules.append(
                Rule(
                    group["reason"],
                    re.compile(p, re.I),
                    block=True,
                    to_end=bool(group.get("to_end")),
                    topics_block=bool(group.get("topics_block")),
                )
            )
    for group in raw["lines"]:
        for p in group["patterns"]:
            rules.append(
                Rule(
                    group["reason"],
                    re.compile(p, re.I),
                    topics=bool(group.get("topics")),
                    author_intro=bool(group.get("author_intro")),
                    bullets=bool(group.get("bullets")),
                )
            )
    return int(raw["max_words"]), tuple(rules)


def normalise_line(text: str) -> str:
    """The line as patterns see it: single spaces, no symbols or punctuation at either end."""
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and _is_edge_char(text[start]):
        start += 1
    while end > start and _is_edge_char(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_char(ch: str) -> bool:
    # Letters, digits and closing brackets of "(3)" stay; arrows, bullets, '!', '?', '.' go.
    return ch.isspace() or (unicodedata.category(ch)[0] in "PS" and ch not in ")]©")


def is_lone_punctuation(text: str) -> bool:
    return bool(text.strip()) and not any(ch.isalnum() for ch in text)


def classify(text: str) -> Hit | None:
    """The furniture rule a whole line matches, or None for article text."""
    max_words, rules = _rules()
    if len(text.split()) > max_words:
        return None
    line = normalise_line(text)
    if not line:
        return None
    for rule in rules:
        m = rule.pattern.fullmatch(line)
        if m:
            return Hit(rule, m)
    return None


def line_reason(text: str) -> str | None:
    """Why a line is page furniture ('skip link', 'lone punctuation', ...), or None."""
    if is_lone_punctuation(text):
        return LONE_PUNCTUATION
    hit = classify(text)
    return hit.rule.reason if hit else None


def is_headline_candidate(text: str) -> bool:
    """Whether a line may be the headline: not page furniture, a byline, a credit or a date."""
    return line_reason(text) is None and not special_line(text)


def special_line(text: str) -> bool:
    """Lines with a form of their own, never a headline or a heading."""
    return bool(
        bylines.parse_line(text)
        or credits.agency_line(text)
        or credits.source_line(text)
        or date_line(text)
        or credits.is_photo_credit(text)
    )
