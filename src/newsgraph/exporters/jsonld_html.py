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

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TAGS = {"body": "p", "subheading": "h2", "blockquote": "blockquote", "list_item": "p", "note": "aside"}


def script_json(document: dict[str, Any], pretty: bool = True) -> str:
    """JSON text that is safe to place between <script> and </script>."""
    text = json.dumps(document, indent=2 if pretty else None, sort_keys=True, ensure_ascii=False,
                      separators=None if pretty else (",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(c, c) for c in text)


def _article_html(article: Article) -> str:
    lines = ["<article>"]
    if article.kicker:
        lines.append(f"<p>{escape(article.kicker)}</p>")
    if article.headline:
        lines.append(f"<h1>{escape(article.headline)}</h1>")
    if article.subheadline:
        lines.append(f"<p><strong>{escape(article.subheadline)}</strong></p>")
    for p in article.body:
        tag = _TAGS[p.role]
        lines.append(f"<{tag}>{escape(p.text)}</{tag}>")
    lines.append("</article>")
    return "\n".join(lines)


def page(articles: list[Article], documents: list[dict[str, Any]], pretty: bool = True) -> str:
    """A minimal HTML5 page: the JSON-LD of each article in <head>, its text in <body>."""
    language = next((a.language for a in articles if a.language), None)
    title = next((a.headline for a in articles if a.headline), "Articles")
    lang = f' lang="{escape(language)}"' if language else ""
    scripts = "\n".join(f'<script type="application/ld+json">\n{script_json(d, pretty)}\n</script>'
                        for d in documents)
    bodies = "\n".join(_article_html(a) for a in articles)
    return (f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n{scripts}\n</head>\n<body>\n{bodies}\n</body>\n</html>\n")


def page_chunks(articles: Iterable[Article], document: Callable[[Article], dict[str, Any]],
                pretty: bool = True) -> Iterator[str]:
    """Many articles as one page, streamed: each article's JSON-LD block beside its text in
    <body>, so that one article at a time is in memory. The page's language and title are the
    first article's. Every chunk holds one JSON-LD block (and the last the page's end), so that
    each is validated as it is written."""
    items = iter(articles)
    current = next(items, None)
    if current is None:
        return
    lang = f' lang="{escape(current.language)}"' if current.language else ""
    text = (f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(current.headline or 'Articles')}</title>\n</head>\n<body>\n")
    while current is not None:
        following = next(items, None)
        text += (f'<script type="application/ld+json">\n{script_json(document(current), pretty)}\n</script>\n'
                 f"{_article_html(current)}\n")
        if following is None:
            text += "</body>\n</html>\n"
        yield text
        text, current = "", following

