"""A crude check that text is English, for passes whose models and word lists are English.

No dependency: the share of very common English words (``data/english_function_words.txt``)
is around 40% in English prose and near 0% in most other languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .wordlists import word_set

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20  # below this the share says too little: assume English
MIN_SHARE = 0.12


def english_share(text: str, limit: int = 5000) -> tuple[float, int]:
    """(share of English function words, number of words looked at)."""
    return _share(text[: limit * 12], limit)


# The pipeline, the clean and the actors stages all ask about one article's text; the
# key is the part looked at, never the whole text (which may be tens of MB).
@lru_cache(maxsize=8)
def _share(head: str, limit: int) -> tuple[float, int]:
    words = _WORD.findall(head)[:limit]
    if not words:
        return 0.0, 0
    common = word_set("english_function_words")
    hits = sum(1 for w in words if w.casefold() in common)
    return hits / len(words), len(words)


def english_evidence(text: str) -> str | None:
    """What shows the text is English, or None when nothing does (too few words to tell,
    or too few common English words): a language is stated only on evidence."""
    share, n = english_share(text)
    if n >= MIN_WORDS and share >= MIN_SHARE:
        return f"{share:.0%} of its first {n} words are common English words"
    return None


# A source that states English for text with fewer common English words than this is
# wrong (a page template's lang="en" around German text); English prose is near 40%.
MIN_STATED_SHARE = 0.04
MIN_WORDS_TO_DOUBT = 100


def non_english_reason(text: str, declared: str | None, *, forced: bool = False) -> str | None:
    """Why the text should not go through English extraction, or None if it may.

    ``forced``: the caller declared the language (``--language``), which is never doubted;
    English stated by the source is, when the text plainly is not (``MIN_STATED_SHARE``)."""
    if declared:
        if declared.split("-")[0].casefold() != "en":
            return f"the article's language is {declared!r}, and extraction knows only English"
        if not forced:
            share, n = english_share(text)
            if n >= MIN_WORDS_TO_DOUBT and share < MIN_STATED_SHARE:
                return (
                    f"the article's language is given as {declared!r}, but only {share:.0%} of its first "
                    f"{n} words are common English words (give --language en to force extraction)"
                )
        return None
    share, n = english_share(text)
    if n >= MIN_WORDS and share < MIN_SHARE:
        return (
            f"the text does not look like English ({share:.0%} common English words; "
            "give --language en to force extraction)"
        )
    return None
