"""One article as one self-contained, accessible HTML page.

The page needs nothing from the network: its styles and script are inline, images are
named by their captions and links rather than loaded, and a Content-Security-Policy
forbids any fetch. Every value from the input is escaped by the template engine
(autoescape), links are written only for http(s) URLs, so hostile text shows as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from .. import version
from ..model import Article, Event, Quote
from .body import Keys, render_line, render_paragraphs, speaker_name

_HERE = Path(__file__).parent
SAFE_SCHEMES = ("http://", "https://")
# Legend of what the highlights mean: (css class, label). Data, so the page and docs agree.
ACTOR_KIND_LABELS: dict[str, str] = {
    "person": "person",
    "organization": "organisation",
    "country": "country",
    "group": "group",
}
QUOTE_KIND_LABELS: dict[str, str] = {
    "direct": "direct quote",
    "partial": "partial quote",
    "indirect": "indirect (reported) speech",
}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["names_of"] = lambda ids, names: [names[i] for i in ids if i in names]
    return env


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """An inline asset (CSS or script) of the page, read once."""
    return (_HERE / "assets" / name).read_text(encoding="utf-8")


def safe_url(url: str | None) -> str | None:
    """The URL when a browser may follow it as a plain link; None for javascript:, data:..."""
    return url if url and url.lower().startswith(SAFE_SCHEMES) else None


@dataclass
class ActorRow:
    key: str
    name: str
    kind: str
    titles: list[str]
    affiliation: str | None
    description: str | None
    mentions: int
    quotes: int
    role: str | None  # "author", "publisher", "source"


@dataclass
class EventRow:
    key: str
    event: Event
    place: str | None
    participants: list[tuple[str, str]]  # (actor key, name)
    mentions: list[str]  # element ids of its mentions


@dataclass
class QuoteRow:
    key: str
    quote: Quote
    speaker: str
    speaker_key: str | None
    anchor: str


@dataclass
class Block:
    """A block of the body: a paragraph by its role, or a list of consecutive list items."""

    tag: str  # p, h3, blockquote, ul
    role: str
    html: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class PageData:
    article: Article
    blocks: list[Block]
    actors: list[ActorRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    headline: str | None = None  # the headline's HTML when a quote is marked in it
    standfirst: str | None = None  # the same for the standfirst


def _roles(article: Article) -> dict[str, str]:
    roles = {a: "author" for a in article.authors}
    roles.update({a: "source" for a in article.sources})
    if article.publisher:
        roles[article.publisher] = "publisher"
    return roles


def _actor_rows(article: Article, keys: Keys) -> list[ActorRow]:
    names = {a.id: a.name for a in article.actors}
    places = {p.id: p.name for p in article.places}
    quoted: dict[str, int] = {}
    for q in article.quotes:
        if q.speaker:
            quoted[q.speaker] = quoted.get(q.speaker, 0) + 1
    roles = _roles(article)
    rows = [
        ActorRow(
            keys.actors[a.id],
            a.name,
            a.kind,
            list(a.titles),
            names.get(a.affiliation or "") or places.get(a.affiliation or ""),
            a.description,
            len(a.mentions),
            quoted.get(a.id, 0),
            roles.get(a.id),
        )
        for a in article.actors
    ]
    # Most present first: who the article is about leads the panel.
    return sorted(rows, key=lambda r: (-(r.mentions + r.quotes), r.name.lower()))


def _event_rows(article: Article, keys: Keys) -> list[EventRow]:
    names = {a.id: a.name for a in article.actors}
    places = {p.id: p.name for p in article.places}
    return [
        EventRow(
            keys.events[e.id],
            e,
            places.get(e.location or ""),
            [(keys.actors[p], names[p]) for p in e.participants if p in names],
            [f"{keys.events[e.id]}-{n}" for n, s in enumerate(e.mentions) if s.paragraph < len(article.body)],
        )
        for e in article.events
    ]


def _quote_rows(article: Article, keys: Keys) -> list[QuoteRow]:
    return [
        QuoteRow(
            keys.quotes[q.id],
            q,
            speaker_name(article, q.speaker),
            keys.actors.get(q.speaker or ""),
            f"{keys.quotes[q.id]}-0",
        )
        for q in article.quotes
    ]


# paragraph role -> block element of the page (the headline is the page's h1).
ROLE_TAGS: dict[str, str] = {
    "body": "p",
    "subheading": "h3",
    "blockquote": "blockquote",
    "list_item": "ul",
    "note": "p",
}


def _blocks(article: Article, paragraphs: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for paragraph, html in zip(article.body, paragraphs):
        tag = ROLE_TAGS.get(paragraph.role, "p")
        if tag == "ul":
            if not blocks or blocks[-1].tag != "ul":
                blocks.append(Block("ul", paragraph.role))
            blocks[-1].items.append(html)
        else:
            blocks.append(Block(tag, paragraph.role, html))
    return blocks


def page_data(article: Article) -> PageData:
    keys = Keys.of(article)
    return PageData(
        article,
        _blocks(article, render_paragraphs(article, keys)),
        _actor_rows(article, keys),
        _event_rows(article, keys),
        _quote_rows(article, keys),
        render_line(article, keys, "headline"),
        render_line(article, keys, "subheadline"),
    )


def render_article(article: Article, *, links: dict[str, str] | None = None) -> str:
    """The article's page as HTML text. ``links`` adds navigation ({label: relative URL})."""
    data = page_data(article)
    names = {a.id: a.name for a in article.actors}
    return (
        environment()
        .get_template("article.html.j2")
        .render(
            page=data,
            a=article,
            names=names,
            links=links or {},
            actor_kinds=ACTOR_KIND_LABELS,
            quote_kinds=QUOTE_KIND_LABELS,
            css=asset("view.css"),
            script=asset("view.js"),
            version=version.__version__,
            title=article.headline or _first_words(article) or "Untitled article",
        )
    )


def _first_words(article: Article, limit: int = 80) -> str | None:
    for p in article.body:
        if p.text.strip():
            text = " ".join(p.text.split())
            return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
    return None


def template_globals() -> dict[str, Any]:
    """What other pages built on the view (the service's page, the corpus site) reuse."""
    return {"css": asset("view.css"), "version": version.__version__}
