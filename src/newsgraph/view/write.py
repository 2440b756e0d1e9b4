"""`newsgraph view`: read an input in any format, extract when due, write its pages."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from .. import api
from ..errors import InputError, UsageError
from ..inputs import STDIN
from ..model import Article
from ..output import atomic_write
from .page import render_article


def load(source: str, options: api.ConvertOptions = api.ConvertOptions()) -> list[Article]:
    """The articles of one input, read and (raw text and web pages) extracted."""
    articles = list(api.iter_articles([source], options=options))
    if not articles:
        raise InputError("holds no article", "check that it is the file you meant", source=source)
    return articles


def _page_names(source: str, count: int) -> list[str]:
    stem = "article" if source == STDIN else Path(source).name.split(".")[0] or "article"
    return [f"{stem}.html"] if count == 1 else [f"{stem}-{n}.html" for n in range(1, count + 1)]


def write_views(
    source: str, output: str | None, *, options: api.ConvertOptions = api.ConvertOptions(), stdout: TextIO | None = None
) -> list[str]:
    """Write the page of every article of ``source``; returns where each went.

    ``output`` None or '-' prints the one article's page; an existing folder or a path
    ending in '/' gets one page per article; anything else is the page of the one article.
    Nothing is written unless every page could be made.
    """
    articles = load(source, options)
    pages = [render_article(a) for a in articles]
    to_folder = output not in (None, STDIN) and (Path(str(output)).is_dir() or str(output).endswith(("/", "\\")))
    if output in (None, STDIN) or not to_folder:
        if len(pages) > 1:
            raise UsageError(
                f"it holds {len(pages)} articles, and one page holds one",
                "write one page per article into a folder: -o pages/",
                source=source,
            )
        if output in (None, STDIN):
            assert stdout is not None
            stdout.write(pages[0])
            return ["<stdout>"]
        target = Path(str(output))
        api.refuse_overwriting_inputs(target, [source])
        atomic_write(target, pages)
        return [str(target)]
    folder = Path(str(output))
    api.check_writable_folder(folder)
    written = []
    for name, page in zip(_page_names(source, len(pages)), pages):
        api.refuse_overwriting_inputs(folder / name, [source])
        atomic_write(folder / name, [page])
        written.append(str(folder / name))
    return written
