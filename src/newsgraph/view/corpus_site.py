"""`newsgraph corpus view`: a static site for a corpus, built on newsgraph.Corpus's public API.

    index.html           the actor network (meets, quoted by) and the corpus at a glance
    timeline.html        the events, on a time axis and as a list, each linked to its articles
    speakers/index.html  everyone quoted; speakers/N.html: one speaker's quotes over time
    articles/N.html      each article's page (newsgraph view), the target of every link

Every page is self-contained (styles inline, nothing fetched) and every value escaped.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .. import version
from ..errors import InputError
from ..model import Article
from ..output import atomic_write
from . import network, timeline
from .body import Keys
from .page import asset, environment, render_article

if TYPE_CHECKING:
    from ..corpus import Corpus, CorpusEntity, CorpusEvent, CorpusQuote


@dataclass
class Site:
    """What the site links to: each article's page, and the anchors of its quotes and events."""

    pages: dict[str, str] = field(default_factory=dict)  # article id -> "articles/0001.html"
    anchors: dict[str, str] = field(default_factory=dict)  # quote or event local id -> page#anchor
    headlines: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> HTML

    def add_article(self, n: int, article: Article) -> None:
        page = f"articles/{n:04d}.html"
        self.pages[article.id] = page
        self.headlines[article.id] = article.headline or article.id
        keys = Keys.of(article)
        for q in article.quotes:
            self.anchors[q.id] = f"{page}#{keys.quotes[q.id]}-0"
        for e in article.events:
            self.anchors[e.id] = f"{page}#event-{keys.events[e.id]}"

    def article_of(self, local_id: str) -> str | None:
        """The article id of a per-article id ('ARTICLE#quote-2')."""
        return local_id.split("#", 1)[0] if local_id.split("#", 1)[0] in self.pages else None


@dataclass
class SpeakerRow:
    entity: "CorpusEntity"
    page: str  # "speakers/0001.html"
    count: int
    dated: int


@dataclass
class QuoteRow:
    quote: "CorpusQuote"
    href: str | None  # the quote in its article's page


@dataclass
class EventRow:
    key: str  # its anchor on the timeline page
    event: "CorpusEvent"
    articles: list[tuple[str, str]]  # (headline, link to the event in that article's page)


NAV = {"Network": "index.html", "Timeline": "timeline.html", "Speakers": "speakers/index.html"}


def _render(template: str, root: str, **values: object) -> str:
    return (
        environment()
        .get_template(template)
        .render(root=root, nav=NAV, css=asset("view.css") + asset("site.css"), version=version.__version__, **values)
    )


def _articles(corpus: "Corpus", site: Site) -> list[Article]:
    articles = list(corpus.articles())
    links = {label: f"../{href}" for label, href in NAV.items()}
    for n, article in enumerate(articles, 1):
        site.add_article(n, article)
    for article in articles:
        site.files[site.pages[article.id]] = render_article(article, links=links)
    return articles


def _speakers(corpus: "Corpus", site: Site) -> list[SpeakerRow]:
    speakers: list[SpeakerRow] = []
    for entity in corpus.entities(type="actor"):
        quotes = list(corpus.quotes_by(entity.id))
        if not quotes:
            continue
        page = f"speakers/{len(speakers) + 1:04d}.html"
        rows = [QuoteRow(q, site.anchors.get(q.id) or site.pages.get(q.article)) for q in quotes]
        speakers.append(SpeakerRow(entity, page, len(quotes), sum(1 for q in quotes if q.date)))
        site.files[page] = _render(
            "site_speaker.html.j2", "../", title=f"{entity.name}: quotes", entity=entity, rows=rows
        )
    return speakers


def _events(corpus: "Corpus", site: Site) -> list[EventRow]:
    rows = []
    for n, event in enumerate(corpus.events(), 1):
        articles = sorted({a for a in map(site.article_of, corpus.aliases(event.id)) if a}, key=lambda a: site.pages[a])
        links = [(site.headlines[a], _event_anchor(site, corpus, event.id, a)) for a in articles]
        rows.append(EventRow(f"event-{n}", event, links))
    return rows


def _event_anchor(site: Site, corpus: "Corpus", event_id: str, article: str) -> str:
    for local in corpus.aliases(event_id):
        if local.startswith(article + "#") and local in site.anchors:
            return site.anchors[local]
    return site.pages[article]


def _network(corpus: "Corpus", speakers: list[SpeakerRow], limit: int) -> network.Network:
    with tempfile.TemporaryDirectory(prefix="newsgraph-site-") as tmp:
        path = Path(tmp) / "corpus.graphml"
        corpus.export("graphml", path)
        graph = nx.read_graphml(path, force_multigraph=True)
    return network.build(graph, limit=limit, hrefs={s.entity.id: s.page for s in speakers})


def build_site(db: str | Path, *, limit: int = 60) -> dict[str, str]:
    """Every page of the site, by relative path; nothing is written."""
    from ..corpus import Corpus

    site = Site()
    with Corpus(db, create=False, readonly=True) as corpus:
        articles = _articles(corpus, site)
        if not articles:
            raise InputError(
                "the corpus holds no article", "add some first: newsgraph corpus add ... --db CORPUS", source=str(db)
            )
        speakers = _speakers(corpus, site)
        events = _events(corpus, site)
        graph = _network(corpus, speakers, limit)
        actors = list(corpus.entities(type="actor", limit=limit))
        stats = corpus.stats()
    pages = {s.entity.id: s.page for s in speakers}
    site.files["index.html"] = _render(
        "site_index.html.j2",
        "",
        title="Corpus",
        stats=stats,
        net=graph,
        actors=actors,
        speaker_pages=pages,
        articles=[(site.pages[a.id], a) for a in articles],
    )
    axis = timeline.axis([(r.key, r.event.kind, r.event.label, r.event.start) for r in events])
    site.files["timeline.html"] = _render("site_timeline.html.j2", "", title="Timeline", events=events, axis=axis)
    site.files["speakers/index.html"] = _render("site_speakers.html.j2", "../", title="Speakers", speakers=speakers)
    return site.files


def write_site(db: str | Path, output: str | Path, *, limit: int = 60) -> list[Path]:
    """Build the whole site, then write it; a corpus that cannot be read writes nothing."""
    if not Path(db).is_file():
        raise InputError("no such corpus file", "give the .sqlite file made by newsgraph corpus add", source=str(db))
    files = build_site(db, limit=limit)
    folder = Path(output)
    from ..api import check_writable_folder

    check_writable_folder(folder)
    written = []
    for relative, text in sorted(files.items()):
        target = folder / relative
        atomic_write(target, [text])
        written.append(target)
    return written


__all__ = ["build_site", "write_site"]
