"""JSON-LD embedded in an HTML page (``--embed-html``), safe against any text in any field.

Inside ``<script>`` the HTML parser looks only for ``</script`` (and treats ``<!--``
specially), whatever the JSON says. Escaping ``<``, ``>`` and ``&`` as JSON ``\\u``
escapes leaves the JSON value unchanged while no markup can appear: those characters
occur in JSON only inside strings, where ``\\u003c`` means the same as ``<``. U+2028
and U+2029 are escaped too, for consumers that evaluate the block as JavaScript.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, Callable, Iterable, Iterator

from ..model import Article

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TAGS = {"body": "p", "subheading": "h2", "blockquote": "blockquote", "list_item": "p", "note": "aside"}


def script_json(document: dict[str, Any], pretty: bool = True) -> str:
    """JSON text that is safe to place between <script> and </script>."""
    text = json.dumps(
        document,
        indent=2 if pretty else None,
        sort_keys=True,
        ensure_ascii=False,
        separators=None if pretty else (",", ":"),
    )
    return "".join(_SCRIPT_ESCAPES.get(c, c) for c in text)


def _article_html(article: Article) -> str:
    lines = ["<article>"]
    if article.kicker:
        lines.append(f"<p>{escape(article.kicker)}</p>")
    if article.headline:
        lines.append(f"<h1>{escape(article.headline)}</h1>")
    if article.subheadline:
        lines.append(f"<p><strong>{escape(article.subheadline)}</strong></p>")
    byline = article.byline or _join(_author_names(article))
    if byline:
        lines.append(f'<p class="byline">{escape(byline if article.byline else "By " + byline)}</p>')
    for p in article.body:
        tag = _TAGS[p.role]
        lines.append(f"<{tag}>{escape(p.text)}</{tag}>")
    lines.append("</article>")
    return "\n".join(lines)


def _author_names(article: Article) -> list[str]:
    return [a.name for a in (article.actor(ref) for ref in article.authors) if a is not None]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


DESCRIPTION_LIMIT = 300  # characters of the first paragraph when there is no standfirst


def _description(article: Article) -> str | None:
    if article.subheadline:
        return article.subheadline
    first = next((p.text for p in article.body if p.role == "body" and p.text.strip()), None)
    if first is None:
        return None
    text = " ".join(first.split())
    return text if len(text) <= DESCRIPTION_LIMIT else text[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0] + "…"


def head_meta(article: Article) -> list[str]:
    """What search engines and link previews read from <head>: the canonical link, the meta
    description and author, OpenGraph (og:, article:) and Twitter card tags."""

    def meta(attr: str, key: str, value: str | None) -> None:
        if value:
            tags.append(f'<meta {attr}="{key}" content="{escape(value)}">')

    tags: list[str] = []
    if article.url:
        tags.append(f'<link rel="canonical" href="{escape(article.url)}">')
    description = _description(article)
    publisher = article.actor(article.publisher) if article.publisher else None
    image = next((m.url for m in article.media if m.url and m.kind in ("image", "graphic")), None)
    meta("name", "description", description)
    meta("name", "author", _join(_author_names(article)))
    meta("property", "og:type", "article")
    meta("property", "og:title", article.headline)
    meta("property", "og:description", description)
    meta("property", "og:url", article.url)
    meta("property", "og:image", image)
    meta("property", "og:site_name", publisher.name if publisher else None)
    meta("property", "og:locale", article.language.replace("-", "_") if article.language else None)
    meta("property", "article:published_time", article.published)
    meta("property", "article:modified_time", article.modified)
    for name in _author_names(article):
        meta("property", "article:author", name)
    meta("property", "article:section", article.section)
    for topic in article.topics:
        meta("property", "article:tag", topic.name)
    meta("name", "twitter:card", "summary_large_image" if image else "summary")
    meta("name", "twitter:title", article.headline)
    meta("name", "twitter:description", description)
    meta("name", "twitter:image", image)
    return tags


def page(article: Article, document: dict[str, Any], pretty: bool = True) -> str:
    """An HTML5 page of one article: its JSON-LD, canonical link, description, OpenGraph and
    Twitter tags in <head>, its text in <body> (many articles: :func:`page_chunks`)."""
    title = article.headline or "Articles"
    lang = f' lang="{escape(article.language)}"' if article.language else ""
    scripts = f'<script type="application/ld+json">\n{script_json(document, pretty)}\n</script>'
    meta = "".join(f"{tag}\n" for tag in head_meta(article))
    bodies = _article_html(article)
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n{meta}{scripts}\n</head>\n<body>\n{bodies}\n</body>\n</html>\n"
    )


def page_chunks(
    articles: Iterable[Article], document: Callable[[Article], dict[str, Any]], pretty: bool = True
) -> Iterator[str]:
    """Many articles as one page, streamed: each article's JSON-LD block beside its text in
    <body>, so that one article at a time is in memory. The page's language and title are the
    first article's. Every chunk holds one JSON-LD block (and the last the page's end), so that
    each is validated as it is written."""
    items = iter(articles)
    current = next(items, None)
    if current is None:
        return
    following = next(items, None)
    if following is None:  # one article: the page with its head tags (canonical, OpenGraph...)
        yield page(current, document(current), pretty=pretty)
        return
    lang = f' lang="{escape(current.language)}"' if current.language else ""
    text = (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(current.headline or 'Articles')}</title>\n</head>\n<body>\n"
    )
    while current is not None:
        text += (
            f'<script type="application/ld+json">\n{script_json(document(current), pretty)}\n</script>\n'
            f"{_article_html(current)}\n"
        )
        if following is None:
            text += "</body>\n</html>\n"
        yield text
        text, current, following = "", following, next(items, None) if following is not None else None
