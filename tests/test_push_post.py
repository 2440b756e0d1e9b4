"""What an article becomes in WordPress, without a site: fields, slug, tags, dates, body, JSON-LD."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings

from newsgraph.model import Article
from newsgraph.push.post import (
    META_KEYS,
    jsonld_script,
    newsml_guid,
    post_dates,
    post_fields,
    slug_for,
    tag_names,
)
from strategies import articles

WP_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def make(**fields: object) -> Article:
    data: dict[str, object] = {"id": "urn:newsgraph:article:abc123", "body": [{"text": "One."}]}
    data.update(fields)
    return Article.model_validate(data)


def test_kitchen_sink_fields(kitchen_sink: Article) -> None:
    f = post_fields(kitchen_sink)
    assert f.title == "Canada and Mexico agree to resume steel talks after Ottawa meeting"
    assert f.excerpt == kitchen_sink.subheadline
    assert f.slug == "canada-mexico-steel-talks"  # the publisher's own slug, from the URL
    assert f.date_gmt == "2025-03-03T14:20:00" and f.date is None
    assert f.author == "Maria Lopez"
    assert f.categories == ["Business"]
    # Subjects of the story, not its byline (Maria Lopez), credit (Reuters) or publisher.
    assert f.tags[:4] == ["Anne Fortier", "Luis Ortega", "Canada", "Mexico"]
    assert "Maria Lopez" not in f.tags and "Reuters" not in f.tags and "Northern Ledger" not in f.tags
    assert "reporters" not in f.tags  # a group described, not named
    # Topics, each name once: WordPress tag names ignore case, so the subject code's
    # "trade dispute" is the "Trade dispute" already there.
    assert f.tags[-6:] == [
        "trade",
        "steel",
        "Canada-Mexico relations",
        "economy, business and finance",
        "Trade dispute",
        "iron and steel",
    ]
    assert set(f.meta) == set(META_KEYS)
    assert f.meta["newsgraph_id"] == kitchen_sink.id


def test_meta_holds_the_structured_data_losslessly(kitchen_sink: Article) -> None:
    meta = post_fields(kitchen_sink).meta
    data = kitchen_sink.model_dump(mode="json", exclude={"actors", "quotes", "events"})
    data.update(
        actors=json.loads(meta["newsgraph_actors"]),
        quotes=json.loads(meta["newsgraph_quotes"]),
        events=json.loads(meta["newsgraph_events"]),
    )
    assert Article.model_validate(data) == kitchen_sink


def test_markup_in_headline_and_standfirst_is_text_not_html() -> None:
    f = post_fields(make(headline="AT&T <b>wins</b>", subheadline="5 < 6 & more"))
    assert f.title == "AT&amp;T &lt;b&gt;wins&lt;/b&gt;"
    assert html.unescape(f.title) == "AT&T <b>wins</b>"
    assert f.excerpt == "5 &lt; 6 &amp; more"


@pytest.mark.parametrize(
    "url,headline,expected",
    [
        ("https://example.org/world/2025/03/03/peace-talks-resume", "Anything", "peace-talks-resume"),
        ("https://example.org/world/peace-talks-resume.html", "Anything", "peace-talks-resume"),
        ("https://example.org/story.php?id=12", "Talks in Genève: what’s next?", "talks-in-geneve-whats-next"),
        ("https://example.org/a/123456", "Talks resume", "talks-resume"),
        (None, "Talks resume", "talks-resume"),
        (None, "0", "article-0"),
        (None, "2025", "article-2025"),
    ],
)
def test_slug(url: str | None, headline: str, expected: str) -> None:
    assert slug_for(make(url=url, headline=headline)) == expected


def test_long_slug_is_cut_at_a_word() -> None:
    slug = slug_for(make(headline=" ".join(["negotiations"] * 20)))
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("negotiations")


def test_slug_without_headline_comes_from_the_id() -> None:
    assert slug_for(make()) == "article-abc123"


@pytest.mark.parametrize(
    "published,expected",
    [
        (None, (None, None)),
        ("2025-03-03", ("2025-03-03T00:00:00", None)),
        ("2025-03-03T14:20:00Z", ("2025-03-03T14:20:00", None)),
        ("2025-03-03T18:05:00-05:00", ("2025-03-03T23:05:00", None)),
        ("2025-03-03T23:30:00.123+02:00", ("2025-03-03T21:30:00", None)),
        ("2025-03-03T09:30", (None, "2025-03-03T09:30:00")),  # no zone: the site's local time
    ],
)
def test_post_dates(published: str | None, expected: tuple[str | None, str | None]) -> None:
    assert post_dates(published) == expected


def test_names_wordpress_cannot_store_are_not_tags_or_categories() -> None:
    article = make(topics=["0", "<bytes>", "  ", "<b>x</b>", "2 < 3"], section="<i>")
    assert tag_names(article) == ["<b>x</b>", "2 < 3"]
    assert post_fields(article).categories == []


def test_tags_are_unique_ignoring_case() -> None:
    article = make(
        actors=[
            {"id": "urn:newsgraph:organization:nato", "kind": "organization", "name": "NATO"},
            {"id": "urn:newsgraph:group:hamas", "kind": "group", "name": "Hamas"},
        ],
        topics=["nato", "Defence", "defence "],
    )
    assert tag_names(article) == ["NATO", "Hamas", "Defence"]


def test_body_is_the_marked_up_html_body(kitchen_sink: Article) -> None:
    from newsgraph import html_body

    content = post_fields(kitchen_sink, embed_jsonld=False).content
    assert content == html_body.render(kitchen_sink)
    assert '<q data-quote="urn:newsgraph:article:407c2b58d7a4ad432b61#quote-1"' in content
    assert "<h2>What comes next</h2>" in content
    # The structure can be read back out of the post.
    assert html_body.apply(html_body.parse(content), kitchen_sink) == kitchen_sink


def test_jsonld_script_cannot_be_closed_from_inside() -> None:
    script = jsonld_script(
        json.dumps({"@context": "https://schema.org", "headline": "</script><script>alert(1)</script> & co"})
    )
    assert script.startswith('<script type="application/ld+json">') and script.endswith("</script>")
    inner = script[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner)["headline"] == "</script><script>alert(1)</script> & co"


def test_newsml_guid_of_an_item_and_of_a_message() -> None:
    item = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:2025:1"/>'
    message = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        '<newsItem guid="urn:newsml:example.org:2025:2"/></itemSet></newsMessage>'
    )
    assert newsml_guid(item) == "urn:newsml:example.org:2025:1"
    assert newsml_guid(message) == "urn:newsml:example.org:2025:2"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_makes_a_valid_post(article: Article) -> None:
    f = post_fields(article, embed_jsonld=False)
    assert WP_SLUG.match(f.slug) and len(f.slug) <= 80
    assert html.unescape(f.title) == (article.headline or "")
    assert len({t.casefold() for t in f.tags}) == len(f.tags)
    # The body says exactly what the paragraphs say, in order.
    text = [
        html.unescape(re.sub(r"<[^>]+>", "", line)) for line in f.content.split("\n") if line not in ("<ul>", "</ul>")
    ]
    assert text == [p.text for p in article.body]
    assert json.loads(f.meta["newsgraph_quotes"]) == [
        q.model_dump(mode="json", exclude_none=True) for q in article.quotes
    ]
