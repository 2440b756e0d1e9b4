"""Real consumers of our JSON-LD: extruct finds the NewsArticle in a page, rdflib loads the graph."""

from __future__ import annotations

import extruct
import pytest
import rdflib
from pyld import jsonld
from rdflib.namespace import RDF

from newsgraph import Article, ExportOptions, api
from newsgraph.exporters import jsonld as exporter

SCHEMA = rdflib.Namespace("http://schema.org/")  # the official context's IRIs
pytestmark = [
    pytest.mark.usefixtures("no_network"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]


def expected_triples(document: dict) -> int:
    """What a JSON-LD processor says the document holds: pyld's N-Quads, one per line."""

    def refuse(url: str, options: dict) -> dict:
        raise AssertionError(f"pyld tried to load {url}")

    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": refuse})
    return len(set(nquads.splitlines()))


def test_extruct_finds_the_news_article_of_a_full_graph_page(kitchen_sink: Article) -> None:
    page = exporter.render(kitchen_sink, ExportOptions(embed_html=True, jsonld_profile="full"))
    found = extruct.extract(page, syntaxes=["json-ld"], uniform=False)["json-ld"]
    [document] = found
    [article] = [n for n in document["@graph"] if n.get("@type") == "NewsArticle"]
    assert article["headline"] == kitchen_sink.headline
    assert article["author"] == {"@id": kitchen_sink.authors[0]}


def test_rdflib_loads_the_graph_with_the_expected_triple_count(kitchen_sink: Article) -> None:
    document = exporter.to_document(kitchen_sink)
    graph = rdflib.Graph().parse(data=exporter.render(kitchen_sink), format="json-ld")
    assert len(graph) == expected_triples(document) > 100
    article = rdflib.URIRef(kitchen_sink.id)
    assert (article, RDF.type, SCHEMA.NewsArticle) in graph
    assert graph.value(article, SCHEMA.headline) == rdflib.Literal(kitchen_sink.headline)
    fortier = rdflib.URIRef("urn:newsgraph:person:anne-fortier")
    assert (fortier, SCHEMA.jobTitle, rdflib.Literal("Canadian Trade Minister")) in graph
    assert set(graph.objects(rdflib.URIRef("urn:newsgraph:country:canada"), SCHEMA.sameAs)) == {
        rdflib.URIRef("https://www.wikidata.org/entity/Q16")
    }


def test_graphs_of_many_articles_merge_on_actor_ids(kitchen_sink: Article) -> None:
    follow_up = kitchen_sink.model_copy(
        update={
            "id": "urn:newsgraph:article:follow-up",
            "headline": "Steel talks open in Monterrey",
            "quotes": [],
            "events": [],
            "media": [],
        }
    )
    graph = rdflib.Graph()
    for line in api.export([kitchen_sink, follow_up], to="jsonld").splitlines():
        graph.parse(data=line, format="json-ld")
    articles = set(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    assert articles == {rdflib.URIRef(kitchen_sink.id), rdflib.URIRef(follow_up.id)}
    fortier = rdflib.URIRef("urn:newsgraph:person:anne-fortier")
    assert len(list(graph.objects(fortier, SCHEMA.name))) == 1
    assert set(graph.subjects(SCHEMA.mentions, fortier)) >= articles
