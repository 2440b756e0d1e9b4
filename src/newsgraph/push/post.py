"""What an article becomes in WordPress: the fields of a post, before any id is looked up.

Pure functions of the article (no network), so that what is pushed can be tested and
shown (``--dry-run``) without a site. The structured data goes into post meta as JSON
text: WordPress stores a string byte for byte, while array-typed meta would need a full
JSON Schema per key and silently drops whatever the schema does not name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html import escape
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from .. import api
from .. import html_body
from ..exporters.base import ExportOptions
from ..exporters.jsonld_html import script_json
from ..model import Article, normalise_name

META_KEYS = (
    "newsgraph_id",
    "newsgraph_actors",
    "newsgraph_quotes",
    "newsgraph_events",
    "newsgraph_newsml_guid",
    "newsgraph_ninjs",
    "newsgraph_jsonld",
)
SLUG_MAX = 80
# Actor kinds whose names make good tags; a group is a tag only when it is named
# ("Hamas"), not described ("reporters", "protesters").
TAG_KINDS = ("person", "organization", "country")


@dataclass
class PostFields:
    """A post as WordPress's REST API takes it, with names where WordPress needs ids."""

    title: str
    content: str
    excerpt: str
    slug: str
    date_gmt: str | None = None  # UTC, 'YYYY-MM-DDTHH:MM:SS'
    date: str | None = None  # the site's local time, for a published time without a zone
    author: str | None = None  # the first author's name
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def post_fields(article: Article, *, options: ExportOptions = ExportOptions(), embed_jsonld: bool = True) -> PostFields:
    """The post for ``article``; ``embed_jsonld`` puts the JSON-LD in the body as well as in meta."""
    jsonld = api.export(article, to="jsonld", options=options)
    ninjs = api.export(article, to="ninjs", options=options)
    newsml = api.export(article, to="newsml", options=options)
    # The body with every span marked up (quotes as <q data-quote>, mentions as
    # <span data-actor> ...), as in ninjs: a CMS, a theme or a later `newsgraph` run can
    # read the structure back out of the post (html_body.parse).
    content = html_body.render(article)
    if embed_jsonld:
        content += "\n" + jsonld_script(jsonld)
    fields = PostFields(
        title=escape(article.headline or "", quote=False),
        content=content,
        excerpt=escape(article.subheadline or "", quote=False),
        slug=slug_for(article),
        author=_first_author(article),
        tags=tag_names(article),
        categories=[article.section] if article.section and storable_term(article.section) else [],
        meta={
            "newsgraph_id": article.id,
            "newsgraph_actors": _json([a.model_dump(mode="json", exclude_none=True) for a in article.actors]),
            "newsgraph_quotes": _json([q.model_dump(mode="json", exclude_none=True) for q in article.quotes]),
            "newsgraph_events": _json([e.model_dump(mode="json", exclude_none=True) for e in article.events]),
            "newsgraph_newsml_guid": newsml_guid(newsml),
            "newsgraph_ninjs": _compact(ninjs),
            "newsgraph_jsonld": _compact(jsonld),
        },
    )
    fields.date_gmt, fields.date = post_dates(article.published)
    return fields


# --- body --------------------------------------------------------------------------


def jsonld_script(jsonld: str) -> str:
    """JSON-LD in a <script> element that no text inside it can close (one line, so that
    WordPress's paragraph filter has no line break to turn into <br>)."""
    return f'<script type="application/ld+json">{script_json(json.loads(jsonld), pretty=False)}</script>'


# --- fields --------------------------------------------------------------------------


_URL_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def slug_for(article: Article) -> str:
    """The publisher's own slug when the URL ends in one, else one made from the headline."""
    if article.url:
        last = urlsplit(article.url).path.rstrip("/").rsplit("/", 1)[-1]
        last = re.sub(r"\.(?:html?|php|aspx?)$", "", last.lower())
        if _URL_SLUG.match(last):
            return _cut(last)
    if article.headline and article.headline.strip():
        slug = _cut(normalise_name(article.headline))
        # WordPress reads the slug "0" as no slug (PHP's empty("0")), and numbers alone
        # as possible date archives: a number alone is never a post's slug.
        return f"article-{slug}" if slug.isdigit() else slug
    # No headline: the id's own distinctive part keeps slugs of different articles apart.
    return _cut("article-" + normalise_name(article.id.rsplit(":", 1)[-1].rsplit("/", 1)[-1]))


def _cut(slug: str) -> str:
    if len(slug) <= SLUG_MAX:
        return slug
    cut = slug[:SLUG_MAX]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def tag_names(article: Article) -> list[str]:
    """Tags: the names of the actors the article is about, then its topics; each once."""
    roles = set(article.authors) | set(article.sources) | {article.publisher}
    names: list[str] = []
    for actor in article.actors:
        if actor.id in roles and not actor.mentions:
            continue  # a byline or a credit, not a subject of the story
        if actor.kind in TAG_KINDS or (actor.kind == "group" and actor.name[:1].isupper()):
            names.append(actor.name)
    names.extend(t.name for t in article.topics if t.name)
    seen: set[str] = set()
    unique = []
    for name in (n.strip() for n in names):
        if storable_term(name) and name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique


_TAG_LIKE = re.compile(r"<[^>]*>?")


def storable_term(name: str) -> bool:
    """Whether WordPress can keep ``name`` as a tag or category name.

    WordPress strips markup from term names and then refuses an empty one, and PHP's
    empty() calls "0" empty too: "<b>" or "0" would fail the whole article.
    """
    visible = " ".join(_TAG_LIKE.sub("", name).split())
    return visible not in ("", "0")


def _first_author(article: Article) -> str | None:
    for ref in article.authors:
        actor = article.actor(ref)
        if actor is not None:
            return actor.name
    return None


def post_dates(published: str | None) -> tuple[str | None, str | None]:
    """(date_gmt, date): a zoned time in UTC; a time without a zone as the site's local time."""
    if not published:
        return None, None
    if "T" not in published:
        return f"{date.fromisoformat(published).isoformat()}T00:00:00", None
    when = datetime.fromisoformat(published.replace("Z", "+00:00"))
    if when.tzinfo is None:
        return None, when.replace(microsecond=0).isoformat()
    return when.astimezone(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat(), None


def newsml_guid(newsml: str) -> str:
    """The guid of the (first) newsItem of a NewsML-G2 document."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(newsml.encode("utf-8"), parser)
    if root.get("guid"):
        return str(root.get("guid"))
    for element in root.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname == "newsItem" and element.get("guid"):
            return str(element.get("guid"))
    return ""


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _compact(text: str) -> str:
    return _json(json.loads(text))
