"""--embed-html: the JSON-LD <script> block cannot be broken out of, whatever the fields say."""

from __future__ import annotations

import json

import html5lib
import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from conftest import SAMPLES, STANDARDS, load_kitchen_sink
from newsgraph import Article, ExportOptions, api
from newsgraph.cli import main
from newsgraph.exporters import jsonld as exporter
from newsgraph.exporters.jsonld_html import script_json
from newsgraph.readers import jsonld as reader
from newsgraph.readers.base import ReadOptions
from newsgraph.validators import jsonld as validator
from strategies import articles, poisoned

HOSTILE = (
    '</script><script>alert("x")</script><!-- <script> --> &amp; &lt;/script&gt; '
    "</SCRIPT ><\u2028\u2029\\u003c/script>]]> <![CDATA[ ' \" ` \\"
)

# The whole graph, so that the page reads back as the article (the default for pages is
# the web profile: see test_jsonld_web.py).
FULL = ExportOptions(embed_html=True, jsonld_profile="full", infer_gender=True)


def hostile_article() -> Article:
    return poisoned(load_kitchen_sink(), HOSTILE)


def scripts(page: str) -> list[str]:
    """The script elements as a spec-conforming HTML parser sees them."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return [s.text or "" for s in tree.iter("script")]


def test_hostile_strings_in_every_field_stay_inside_the_script() -> None:
    article = hostile_article()
    page = exporter.render(article, FULL)
    [block] = scripts(page)
    assert json.loads(block) == exporter.to_document(article, FULL)
    for marker in ("</script", "</SCRIPT", "<!--", "<script"):
        assert marker not in block
    assert "\u2028" not in block and "\u2029" not in block
    # The title and body are escaped HTML text, not markup.
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert tree.find(".//title").text == article.headline
    assert [p.text for p in tree.iter("h2")] == [p.text for p in article.body if p.role == "subheading"]


@pytest.mark.skipif(not (STANDARDS / "schemaorg").is_dir(), reason="needs ../shared/standards/schemaorg")
def test_hostile_page_validates_and_reads_back() -> None:
    article = hostile_article()
    page = exporter.render(article, FULL)
    assert validator.check(page.encode("utf-8"), strict=True) == []
    assert validator.check(exporter.render(article, ExportOptions(embed_html=True)).encode(), strict=True) == []
    [block] = scripts(page)
    assert list(reader.read(block.encode("utf-8"), ReadOptions(source="x"))) == [article]


@settings(max_examples=30, deadline=None)
@given(articles())
def test_any_article_embeds_safely(article: Article) -> None:
    options = ExportOptions(embed_html=True, pretty=False, jsonld_profile="full")
    page = exporter.render(article, options)
    assert [json.loads(s) for s in scripts(page)] == [exporter.to_document(article, options)]
    web = exporter.render(article, ExportOptions(embed_html=True, pretty=False))
    assert [json.loads(s) for s in scripts(web)] == [exporter.web_document(article)]


def test_script_json_escapes_markup_characters() -> None:
    text = script_json({"a": "<>&\u2028"}, pretty=False)
    assert text == '{"a":"\\u003c\\u003e\\u0026\\u2028"}' and json.loads(text) == {"a": "<>&\u2028"}


def test_many_articles_make_one_page_with_a_block_each(kitchen_sink: Article) -> None:
    other = kitchen_sink.model_copy(update={"id": "urn:newsgraph:article:two"})
    page = api.export([kitchen_sink, other], to="jsonld", options=FULL)
    assert [json.loads(s)["@graph"][0]["@id"] for s in scripts(page)] == [kitchen_sink.id, other.id]
    page = api.export([kitchen_sink, other], to="jsonld", options=ExportOptions(embed_html=True))
    assert [json.loads(s)["@id"] for s in scripts(page)] == [kitchen_sink.id, other.id]


def test_cli_embed_html(tmp_path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["convert", str(SAMPLES / "kitchen_sink.json"), "--to", "jsonld", "--embed-html", "-o", f"{out}/"]
    )
    assert result.exit_code == 0, result.output
    [page] = out.iterdir()
    assert page.name == "kitchen_sink.html"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_embed_html_needs_jsonld() -> None:
    result = CliRunner().invoke(main, ["convert", str(SAMPLES / "kitchen_sink.json"), "--embed-html"])
    assert result.exit_code == 2
    assert "--embed-html works only with --to jsonld" in result.output
