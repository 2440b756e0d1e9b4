"""What every exporter shares: its options, and validation before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..errors import ExportError
from ..formats import Format
from ..model import Article


@dataclass(frozen=True)
class ExportOptions:
    validate: bool = True  # check every document against its official schema
    strict: bool = False  # a missing official schema is an error, not a warning
    ninjs_version: int = 3
    embed_html: bool = False
    pretty: bool = True
    # The copyright notice to write where the article has none (NewsML-G2 rightsInfo, ninjs).
    copyright: str | None = None
    # Wall-clock time enters an output only when asked for: None keeps every output a
    # function of its input (an undated item's version time is the Unix epoch, or
    # $SOURCE_DATE_EPOCH); "now" is the time of export; an ISO 8601 date-time is itself.
    timestamp: str | None = None
    # JSON-LD: "full" (the whole graph) or "web" (what search engines read; the default
    # for --embed-html pages). None: the default of the output.
    jsonld_profile: str | None = None
    # Publish the gender extraction inferred (from pronouns, titles) as schema.org gender.
    infer_gender: bool = False


def render(fmt: Format, article: Article, options: ExportOptions) -> str:
    """One article as one validated document of ``fmt``."""
    text = fmt.load_exporter().render(article, options)
    if options.validate:
        check(fmt, text, options, article.provenance.source if article.provenance else None)
    return text


def render_many(fmt: Format, articles: Iterable[Article], options: ExportOptions) -> Iterator[str]:
    """Many articles as one stream (JSON Lines, a newsMessage, ...), validated piece by piece."""
    exporter = fmt.load_exporter()
    for chunk in exporter.render_many(articles, options):
        if options.validate and getattr(exporter, "VALIDATE_CHUNKS", False):
            check(fmt, chunk, options, None)
        yield chunk


def check(fmt: Format, text: str, options: ExportOptions, source: str | None) -> None:
    """``text``, just rendered by ``fmt``'s exporter, against its schema: an error is a bug."""
    validator = fmt.load_validator(generated=True)
    if validator is None:
        return
    problems = validator(text.encode("utf-8"), strict=options.strict)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        detail = "; ".join(str(p) for p in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise ExportError(
            f"the {fmt.name} export fails its schema: {detail}{more}",
            "this is a newsgraph bug: please report it with the input file",
            source=source,
        )
