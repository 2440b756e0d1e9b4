"""The web profile of --embed-html pages: what search engines and link previews read.

Google's documented Article properties (structured data for Article: headline, image,
datePublished, dateModified, author with a name, publisher with a name), each wherever
the article supplies it; the canonical link, meta description, OpenGraph and Twitter tags;
and two real consumers, extruct and trafilatura, finding the NewsArticle, its authors and
its site name.
"""

from __future__ import annotations

import json

import extruct
import html5lib
import pytest
import trafilatura
from click.testing import CliRunner

from conftest import SAMPLES, STANDARDS
from newsgraph import Article, ExportOptions, UsageError
from newsgraph.cli import main
from newsgraph.exporters import jsonld as exporter
from newsgraph.validators import jsonld as validator

PAGE = ExportOptions(embed_html=True)


def _page(article: Article, options: ExportOptions = PAGE) -> str:
    return exporter.render(article, options)


def _head(page: str) -> dict[str, list[str]]:
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found.setdefault(key, []).append(meta.get("content", ""))
    for link in tree.iter("link"):
        found.setdefault(f"link:{link.get('rel')}", []).append(link.get("href", ""))
    return found


def _news_article(page: str) -> dict:
    [document] = extruct.extract(page, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert document["@type"] == "NewsArticle"
    return document


def test_pages_default_to_the_web_profile_and_full_keeps_the_graph(kitchen_sink: Article) -> None:
    assert "@graph" not in _news_article(_page(kitchen_sink))
    assert "@graph" in json.loads(exporter.render(kitchen_sink))  # a plain export: the whole graph
    full = _page(kitchen_sink, ExportOptions(embed_html=True, jsonld_profile="full"))
    assert '"@graph"' in full
    web = exporter.render(kitchen_sink, ExportOptions(jsonld_profile="web"))
    assert json.loads(web) == exporter.web_document(kitchen_sink)
    with pytest.raises(UsageError, match="profile"):
        exporter.render(kitchen_sink, ExportOptions(jsonld_profile="mobile"))


def test_googles_article_properties_are_there_for_everything_the_input_supplies(kitchen_sink: Article) -> None:
    doc = _news_article(_page(kitchen_sink))
    assert doc["@context"] == "https://schema.org"
    assert doc["headline"] == kitchen_sink.headline
    image = doc["image"]
    assert image["@type"] == "ImageObject" and image["url"] == kitchen_sink.media[0].url
    assert (doc["datePublished"], doc["dateModified"]) == (kitchen_sink.published, kitchen_sink.modified)
    assert doc["author"] == {"@type": "Person", "@id": kitchen_sink.authors[0], "name": "Maria Lopez"}
    assert doc["publisher"]["@type"] == "Organization" and doc["publisher"]["name"] == "Northern Ledger"
    assert doc["inLanguage"] == "en" and doc["url"] == kitchen_sink.url
    assert doc["mainEntityOfPage"] == {"@type": "WebPage", "@id": kitchen_sink.url}
    assert doc["description"] == kitchen_sink.subheadline


def test_an_article_without_a_date_or_picture_claims_none(kitchen_sink: Article) -> None:
    bare = kitchen_sink.model_copy(update={"media": [], "published": None, "modified": None, "url": None})
    doc = _news_article(_page(bare))
    assert not {"image", "datePublished", "dateModified", "url", "mainEntityOfPage"} & set(doc)
    head = _head(_page(bare))
    assert "link:canonical" not in head and "og:image" not in head
    assert head["twitter:card"] == ["summary"]


def test_head_has_canonical_link_description_opengraph_and_twitter_tags(kitchen_sink: Article) -> None:
    head = _head(_page(kitchen_sink))
    assert head["link:canonical"] == [kitchen_sink.url]
    assert head["description"] == head["og:description"] == [kitchen_sink.subheadline]
    assert head["og:type"] == ["article"] and head["og:title"] == [kitchen_sink.headline]
    assert head["og:url"] == [kitchen_sink.url] and head["og:image"] == [kitchen_sink.media[0].url]
    assert head["og:site_name"] == ["Northern Ledger"]
    assert head["article:published_time"] == [kitchen_sink.published]
    assert head["article:author"] == ["Maria Lopez"] and head["author"] == ["Maria Lopez"]
    assert head["twitter:card"] == ["summary_large_image"]
    assert head["twitter:title"] == [kitchen_sink.headline]


def test_extruct_finds_the_article_its_authors_and_its_site(kitchen_sink: Article) -> None:
    data = extruct.extract(_page(kitchen_sink), syntaxes=["json-ld", "opengraph"], uniform=True)
    [doc] = data["json-ld"]
    assert doc["@type"] == "NewsArticle"
    assert doc["author"]["name"] == "Maria Lopez"
    assert doc["publisher"]["name"] == "Northern Ledger"
    [og] = data["opengraph"]
    assert og["og:site_name"] == "Northern Ledger" and og["og:title"] == kitchen_sink.headline


def test_trafilatura_finds_the_author_the_site_and_the_text(kitchen_sink: Article) -> None:
    page = _page(kitchen_sink)
    meta = trafilatura.extract_metadata(page)
    assert meta.author == "Maria Lopez"
    assert meta.sitename == "Northern Ledger"
    assert meta.title == kitchen_sink.headline
    assert meta.url == kitchen_sink.url
    text = trafilatura.extract(page) or ""
    assert kitchen_sink.body[0].text in text


@pytest.mark.skipif(not (STANDARDS / "schemaorg").is_dir(), reason="needs ../shared/standards/schemaorg")
def test_the_web_page_validates(kitchen_sink: Article) -> None:
    assert validator.check(_page(kitchen_sink).encode("utf-8"), strict=True) == []


def test_cli_profile_option(tmp_path) -> None:
    out = tmp_path / "page.html"
    args = ["convert", str(SAMPLES / "kitchen_sink.json"), "--to", "jsonld", "--embed-html", "-o", str(out)]
    assert CliRunner().invoke(main, [*args, "--jsonld-profile", "full"]).exit_code == 0
    assert '"@graph"' in out.read_text(encoding="utf-8")
    assert CliRunner().invoke(main, args).exit_code == 0
    assert '"@graph"' not in out.read_text(encoding="utf-8")
    wrong = CliRunner().invoke(main, ["convert", str(SAMPLES / "kitchen_sink.json"), "--jsonld-profile", "web"])
    assert wrong.exit_code != 0 and "--to jsonld" in wrong.output
