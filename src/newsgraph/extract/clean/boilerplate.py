"""The clean pass: take web page furniture out of the body, and keep it in provenance.

Users paste articles with the page around them: skip links, comment prompts, app and
newsletter prompts, "You May Also Like" blocks, topic and share lines, lone punctuation,
a second copy of the headline. Each such line leaves the body and is recorded in
``provenance.removed`` with its offset and the reason, so nothing is ever lost.

Lines are judged whole: a pattern must match the entire line (see
``data/boilerplate.json``), and a line longer than ``max_words`` is never furniture, so
that article prose is not removed for starting with the wrong words. What a removed line
says about the article (its topics) is kept in the article's fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ...errors import InputError
from ...lexicon.furniture import (
    LONE_PUNCTUATION,
    REPEATED_HEADLINE,
    REPEATED_PARAGRAPH,
    Hit,
    Rule,
    classify,
    is_lone_punctuation,
    normalise_line,
)
from ...lexicon.language import non_english_reason
from ...lexicon.lines import headline_like
from ...model import Article, Topic
from ..bodyedit import BodyEdit
from ..options import ExtractOptions

_LINK_TITLE_WORDS = 20  # a recommended story's title is short and has no full stop
_COMMENT_MAX_WORDS = 80  # a reader's comment; a longer paragraph is the story resuming
_TOPIC_MAX_WORDS = 5
_REPEAT_MIN_WORDS = 3  # a short line said twice ("No.") may be the article's own words
# A repeated line is a second headline only near the top; further down, a live blog or a
# list may repeat a sentence on purpose ("The count closes at nine tonight.").
_HEAD_LINES = 8
_HEADLINE_WORDS = 20
_BULLET = re.compile(r"\s*[•·▪●◦‣∙*–-]\s")
_TOPIC_SPLIT = re.compile(r"\s*(?:[,;|·•/]|\band\b)\s*")


def _key(text: str) -> str:
    """What makes two lines the same line: letters and digits, case folded."""
    return " ".join(re.sub(r"[^\w]+", " ", unicodedata.normalize("NFKC", text)).casefold().split())


def _link_title_like(text: str) -> bool:
    stripped = text.strip()
    return (
        len(stripped.split()) <= _LINK_TITLE_WORDS
        and not stripped.endswith((".", "!", ".”", '."', "…"))
        and not stripped.startswith(("“", '"', "‘", "'"))
    )


def _in_block(block: Rule, text: str) -> bool:
    """Whether a line still belongs to the block above it."""
    if block.to_end:  # readers' comments: everything after the heading, unless it is long prose
        return len(text.split()) <= _COMMENT_MAX_WORDS
    if block.bullets:  # the summary's points below the notice
        return bool(_BULLET.match(text))
    if block.topics_block:  # one topic per line
        return len(text.split()) <= _TOPIC_MAX_WORDS and not text.rstrip().endswith(".")
    return _link_title_like(text)


def _topics(hit: Hit) -> list[str]:
    if hit.match is None or "topics" not in hit.rule.pattern.groupindex:
        return []
    return [t for t in _TOPIC_SPLIT.split(hit.match.group("topics")) if t]


def run(article: Article, options: ExtractOptions) -> Article:
    edit = BodyEdit(article)
    foreign = non_english_reason(
        "\n\n".join(p.text for p in article.body), options.language or article.language, forced=bool(options.language)
    )
    if foreign:
        edit.notes.append(
            f"clean: the boilerplate phrases are English and were not applied ({foreign}); "
            "only lone punctuation and repeated lines were removed"
        )
    cleaner = _Cleaner(
        article,
        edit,
        english=foreign is None,
        topics=[t.name for t in article.topics if t.name],  # names found here join them
        headline_key=_key(article.headline) if article.headline else None,
    )
    for i, para in enumerate(article.body):
        cleaner.line(i, para.text)
    return _finish(article, edit, cleaner.topics)


@dataclass
class _Cleaner:
    """The walk down the body: what the lines above have opened (a block, a protected
    line) and what has been seen (for repeats)."""

    article: Article
    edit: BodyEdit
    english: bool
    topics: list[str]
    headline_key: str | None
    seen: set[str] = field(default_factory=set)
    block: Rule | None = None  # the furniture block the line above belongs to
    protect_next: bool = False
    previous: str | None = None  # the key of the last line kept

    def line(self, i: int, text: str) -> None:
        """The first rule of ``LINE_RULES`` that takes the line decides its fate."""
        for _name, rule in LINE_RULES:
            if rule(self, i, text):
                return

    # --- the line rules, in the order LINE_RULES tries them ------------------------

    def _protected(self, i: int, text: str) -> bool:
        """The author's name after "Author Profile Photo" stays, and ends any block."""
        if not self.protect_next:
            return False
        self.protect_next, self.block = False, None
        return True

    def _lone_punctuation(self, i: int, text: str) -> bool:
        """ "*", "—": nothing to read."""
        if not is_lone_punctuation(text):
            return False
        self.edit.drop(i, LONE_PUNCTUATION)
        return True

    def _furniture(self, i: int, text: str) -> bool:
        """A line a furniture pattern matches whole ("Sign up for our newsletter"); it
        may open a block, or close one of bullets above it."""
        hit = classify(text) if self.english else None
        if not hit:
            return False
        self.edit.drop(i, hit.rule.reason)
        self.topics.extend(t for t in _topics(hit) if t not in self.topics)
        self.protect_next = hit.rule.author_intro
        if hit.rule.block or hit.rule.bullets:
            self.block = hit.rule
        if hit.rule.bullets:  # the summary's points above the notice
            for j in range(i - 1, -1, -1):
                if not self.edit.kept(j) or not _BULLET.match(self.article.body[j].text):
                    break
                self.edit.drop(j, hit.rule.reason)
        return True

    def _block_line(self, i: int, text: str) -> bool:
        """A line of the block opened above ("You May Also Like" and its links); any
        other line closes the block."""
        block = self.block
        if not (block and _in_block(block, text)):
            self.block = None
            return False
        self.edit.drop(i, block.reason)
        topic = normalise_line(text) if block.topics_block else ""
        if topic and topic not in self.topics:
            self.topics.append(topic)
        return True

    def _repeated_headline(self, i: int, text: str) -> bool:
        """The headline again, or a headline-like line near the top said twice (the
        headline pasted twice, the kicker above the first)."""
        key = _key(text)
        again = key in self.seen and len(text.split()) >= _REPEAT_MIN_WORDS and i < _HEAD_LINES
        if not (
            (self.headline_key and key == self.headline_key)
            or (again and headline_like(text, max_words=_HEADLINE_WORDS))
        ):
            return False
        self.edit.drop(i, REPEATED_HEADLINE)
        return True

    def _repeated_paragraph(self, i: int, text: str) -> bool:
        """The same paragraph twice in a row: a paste slip."""
        if not (_key(text) == self.previous and len(text.split()) >= _REPEAT_MIN_WORDS):
            return False
        self.edit.drop(i, REPEATED_PARAGRAPH)
        return True

    def _story(self, i: int, text: str) -> bool:
        """Anything else is the story's: kept, and remembered for repeats."""
        key = _key(text)
        self.seen.add(key)
        self.previous = key
        return True


# What a body line is, in the order the rules are tried: the first that takes the line
# decides. Every rule but the last drops the line (or keeps it, protected) and says so.
LINE_RULES: tuple[tuple[str, Callable[[_Cleaner, int, str], bool]], ...] = (
    ("protected", _Cleaner._protected),
    ("lone punctuation", _Cleaner._lone_punctuation),
    ("furniture", _Cleaner._furniture),
    ("block", _Cleaner._block_line),
    ("repeated headline", _Cleaner._repeated_headline),
    ("repeated paragraph", _Cleaner._repeated_paragraph),
    ("story", _Cleaner._story),
)


def _finish(article: Article, edit: BodyEdit, topics: list[str]) -> Article:
    """The edited article with the topics found; all furniture and no headline is an error."""
    if not any(edit.kept(i) for i in range(len(article.body))) and not article.headline:
        reasons = sorted({r.reason for r in edit.removed})
        raise InputError(
            f"holds only page furniture ({len(edit.removed)} lines: {', '.join(reasons)})",
            "check that the file holds the article text, or convert with --no-extract to keep every line",
        )
    if edit.removed and not any(edit.kept(i) for i in range(len(article.body))):
        edit.notes.append("clean: no body text is left once page furniture is removed")
    named = {t.name for t in article.topics}
    found = [Topic(name=t) for t in topics if t not in named]
    return edit.apply(topics=[*article.topics, *found])
