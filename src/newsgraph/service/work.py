"""The work of a request, run in the pool: read, extract when due, export or draw.

Plain functions of bytes and names, so that they run the same in a worker process (the
pool forks after spaCy is loaded) and in the server's own thread. A NewsgraphError is
raised detached from its context, so that it crosses the process boundary whole.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from .. import api, formats, worker
from ..errors import InputError, NewsgraphError, UsageError
from ..exporters.base import ExportOptions
from ..jobs import Job
from ..model import Article

T = TypeVar("T")
NAME = "request body"  # how messages name the input


def _guarded(fn: Callable[[], T]) -> T:
    try:
        return fn()
    except NewsgraphError as err:
        raise err.at(NAME).detached() from None
    except RecursionError:
        raise InputError("the document is nested too deeply", "flatten it", source=NAME) from None


def _jobs(data: bytes, fmt: str) -> list[Job]:
    if fmt != "jsonl":
        return [Job(0, NAME, "request", data=data, format=fmt)]
    lines = [(n, line) for n, line in enumerate(data.splitlines(), 1) if line.strip()]
    return [Job(i, f"{NAME}:{n}", "request", data=line, format="jsonl", line=n) for i, (n, line) in enumerate(lines)]


def load(data: bytes, fmt: str, extract: bool | None = None) -> list[Article]:
    """The articles of a body whose format is known, read and (when due) extracted."""

    def run() -> list[Article]:
        settings = worker.Settings(extract=extract)
        articles = [a for job in _jobs(data, fmt) for a in worker.load(job, settings)]
        if not articles:
            raise InputError("holds no article", "send an article in the body")
        return articles

    return _guarded(run)


def convert(data: bytes, fmt: str, to: str, extract: bool | None = None) -> tuple[str, int]:
    """The body's articles as one document of ``to`` (a stream of them for several), and their count."""
    target = formats.get(to)
    if not target.writable:
        raise UsageError(f"newsgraph cannot write {to}", f"writable formats: {', '.join(formats.writable_names())}")
    articles = load(data, fmt, extract)
    text = _guarded(
        lambda: api.export(articles[0] if len(articles) == 1 else articles, to, options=ExportOptions(pretty=True))
    )
    return text, len(articles)


def extract_json(data: bytes, fmt: str, extract: bool | None = None) -> tuple[str, int]:
    """The JSON model of the body's article (a JSON Lines stream for several)."""
    return convert(data, fmt, "json", extract)


def view(data: bytes, fmt: str, extract: bool | None = None) -> str:
    """The article's page (newsgraph view)."""
    from ..view import render_article

    articles = load(data, fmt, extract)
    if len(articles) > 1:
        raise UsageError(f"the body holds {len(articles)} articles, and a page shows one", "send one article at a time")
    return _guarded(lambda: render_article(articles[0]))


def warm() -> str:
    """Run once in each worker as the pool starts: spaCy is there (loaded before the fork)."""
    from ..extract import nlp

    nlp.load()
    return nlp.DEFAULT_MODEL
