"""Corpus exports read by their real consumers (newsgraph, pyld, networkx, csv), and `corpus show`."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld

import newsgraph
from newsgraph import ConvertOptions, Corpus
from newsgraph.corpus.exports import quoted_about
from newsgraph.errors import UsageError
from newsgraph.model import Actor, Article, Paragraph, Quote, Span, article_from_data

from conftest import SEEDS
from strategies import articles, hostile_articles


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(newsgraph.__file__).parents[1]))
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args], capture_output=True, text=True, env=env, timeout=600
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "seeds.sqlite"
    result = run_cli("corpus", "add", str(SEEDS), "--db", str(path), "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    return path


def test_json_lines_one_article_a_line_with_corpus_ids_and_aliases(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    assert run_cli("corpus", "export", str(db), "--to", "json", "-o", str(out)).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    with Corpus(db, readonly=True) as corpus:
        biden = corpus.resolve("Biden")
        assert biden is not None
        for line in lines:
            record = json.loads(line)
            article = article_from_data(record["article"])  # still a valid article
            ids = {a.id for a in article.actors} | {e.id for e in article.events}
            assert biden.id in ids
            for corpus_id, local in record["aliases"].items():
                assert corpus_id.startswith("urn:newsgraph:corpus:")
                assert set(local) <= set(corpus.aliases(corpus_id))
            for quote in article.quotes:
                assert quote.id.startswith(article.id + "#quote-")
                assert quote.speaker is None or quote.speaker.startswith("urn:newsgraph:corpus:")
    # newsgraph itself reads the articles back
    articles = [article_from_data(json.loads(line)["article"]) for line in lines]
    assert newsgraph.export(articles, to="json")


def test_jsonld_graph_expands_with_same_as_to_per_article_ids(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonld"
    with Corpus(db, readonly=True) as corpus:
        corpus.export("jsonld", out)
        peskov = corpus.resolve("Peskov")
    assert peskov is not None
    expanded = jsonld.expand(json.loads(out.read_text(encoding="utf-8")))
    by_id = {node["@id"]: node for node in expanded}
    node = by_id[peskov.id]
    assert node["@type"] == ["https://schema.org/Person"]
    same = {v["@id"] for v in node["https://schema.org/sameAs"]}
    assert same == {"urn:newsgraph:person:dmitry-peskov", "urn:newsgraph:person:dmitri-peskov"}
    summit = next(
        n
        for n in expanded
        if n["@type"] == ["https://schema.org/Event"] and "Geneva" in n["https://schema.org/name"][0]["@value"]
    )
    assert len(summit["https://schema.org/sameAs"]) == 2
    quotes = [
        n
        for n in expanded
        if n["@type"] == ["https://schema.org/Quotation"]
        and n.get("https://schema.org/creator") == [{"@id": peskov.id}]
    ]
    assert len(quotes) >= 3


def test_graphml_reads_in_networkx_with_its_edges(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.graphml"
    assert run_cli("corpus", "export", str(db), "--to", "graphml", "-o", str(out)).returncode == 0
    graph = nx.read_graphml(out)
    with Corpus(db, readonly=True) as corpus:
        putin, biden = corpus.resolve("Putin"), corpus.resolve("Biden")
        stats = corpus.stats()
    assert putin is not None and biden is not None
    assert graph.number_of_nodes() == stats["entities"] + stats["events"]
    assert graph.nodes[putin.id]["type"] == "actor" and graph.nodes[putin.id]["articles"] == 5
    relations = {d["relation"] for _, _, d in graph.edges(data=True)}
    assert relations == {"participates-in", "meets", "quoted-by", "quoted-about"}
    meets = [d for u, v, d in graph.edges(data=True) if d["relation"] == "meets" and {u, v} == {putin.id, biden.id}]
    assert meets and all(d["article"].startswith("urn:newsgraph:article:") for d in meets)
    assert any(d.get("date") == "2021-06-16" for d in meets)
    # Peskov is quoted (in a seed) on why Putin wanted to meet Biden: arrows to both
    with Corpus(db, readonly=True) as corpus:
        peskov = corpus.resolve("Peskov")
    assert peskov is not None
    about = {v for u, v, d in graph.edges(data=True) if d["relation"] == "quoted-about" and u == peskov.id}
    assert {putin.id, biden.id} <= about


def _quoting_article() -> Article:
    """Ann Lee says Bo Park and Ann Lee herself will talk; Cy Diaz is named outside the quote."""
    text = "Cy Diaz was there. Ann Lee said Bo Park and Ann Lee would talk."
    base = "urn:newsgraph:article:quoting"

    def actor(name: str, *starts: int) -> Actor:
        spans = [Span(paragraph=0, start=s, end=s + len(name)) for s in starts]
        return Actor(
            id=f"urn:newsgraph:person:{name.lower().replace(' ', '-')}", kind="person", name=name, mentions=spans
        )

    ann, bo, cy = actor("Ann Lee", 19, 44), actor("Bo Park", 32), actor("Cy Diaz", 0)
    quote = Quote(
        id=f"{base}#quote-1",
        text="Bo Park and Ann Lee would talk",
        kind="indirect",
        speaker=ann.id,
        spans=[Span(paragraph=0, start=32, end=62)],
    )
    assert text[32:62] == quote.text and text[19:26] == text[44:51] == "Ann Lee"
    return Article(
        id=base, published="2024-05-06T10:00:00Z", body=[Paragraph(text=text)], actors=[ann, bo, cy], quotes=[quote]
    )


def test_quoted_about_is_the_speaker_to_each_actor_the_quote_mentions(tmp_path: Path) -> None:
    article = _quoting_article()
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.add_articles([article])
        corpus.export("graphml", tmp_path / "c.graphml")
        ann, bo = corpus.resolve("Ann Lee"), corpus.resolve("Bo Park")
    assert ann is not None and bo is not None
    graph = nx.read_graphml(tmp_path / "c.graphml", force_multigraph=True)
    about = [(u, v, d) for u, v, d in graph.edges(data=True) if d["relation"] == "quoted-about"]
    # Not to Cy Diaz (named outside the quote), not to Ann Lee herself (the speaker).
    assert [(u, v) for u, v, _ in about] == [(ann.id, bo.id)]
    assert about[0][2] == {
        "relation": "quoted-about",
        "article": article.id,
        "date": "2024-05-06",
        "text": "Bo Park and Ann Lee would talk",
    }


def test_quoted_about_counts_an_actor_once_a_quote() -> None:
    data = _quoting_article().model_dump(mode="json")
    bo = data["actors"][1]
    bo["mentions"].append({"paragraph": 0, "start": 32, "end": 34})  # 'Bo' alone, inside the quote too
    data["quotes"][0]["speaker"] = None
    assert list(quoted_about(data)) == []
    data["quotes"][0]["speaker"] = data["actors"][2]["id"]  # Cy Diaz said it: Ann Lee and Bo Park, once each
    assert [m for _, _, m in quoted_about(data)] == [data["actors"][0]["id"], bo["id"]]


def test_csv_tables_for_data_desks(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    assert run_cli("corpus", "export", str(db), "--to", "csv", "-o", str(folder)).returncode == 0
    tables = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in folder.glob("*.csv")}
    assert set(tables) == {"articles", "actors", "mentions", "quotes", "events", "participants"}
    assert len(tables["articles"]) == 5
    actors = {row["id"] for row in tables["actors"]}
    assert {row["entity"] for row in tables["mentions"]} <= actors
    assert {row["speaker"] for row in tables["quotes"] if row["speaker"]} <= actors
    assert {row["event"] for row in tables["participants"]} <= {row["id"] for row in tables["events"]}
    peskov = next(row for row in tables["actors"] if row["name"] == "Dmitry Peskov")
    assert set(peskov["forms"].split(" | ")) == {"Dmitry Peskov", "Dmitri Peskov"}


def test_an_unknown_export_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    with Corpus(db, readonly=True) as corpus, pytest.raises(UsageError):
        corpus.export("newsml", tmp_path / "x.xml")
    result = run_cli("corpus", "export", str(db), "--to", "csv", "-o", str(db))
    assert result.returncode == 2 and "folder" in result.stderr


def test_show_as_json_and_as_tables(db: Path) -> None:
    result = run_cli("corpus", "show", str(db), "--json", "-n", "5")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["articles"] == 5 and len(data["actors"]) == 5
    assert data["actors"][0]["articles"] == 5
    result = run_cli("corpus", "show", str(db), "--actor", "Mr. Peskov", "--json")
    data = json.loads(result.stdout)
    assert data["actor"]["name"] == "Dmitry Peskov" and len(data["quotes"]) >= 3
    result = run_cli(
        "corpus", "show", str(db), "--kind", "summit", "--since", "2021-06-01", "--until", "2021-06-30", "--json"
    )
    events = json.loads(result.stdout)["events"]
    assert [e["place_name"] for e in events] == ["Geneva"]
    result = run_cli("corpus", "show", str(db), "--actor", "Biden")
    assert result.returncode == 0 and "Quotes of Joe Biden over time" in result.stdout
    result = run_cli("corpus", "show", str(db), "--actor", "Nobody Atall")
    assert result.returncode == 2 and "no actor of the corpus" in result.stderr
    assert run_cli("corpus", "show", str(db), "--since", "June").returncode == 2


def test_add_with_the_batch_engine_on_two_workers(tmp_path: Path) -> None:
    names = sorted(os.listdir(SEEDS))[:2]
    with Corpus(tmp_path / "c.sqlite") as corpus:
        report = corpus.add([SEEDS / n for n in names], options=ConvertOptions(workers=2))
        assert report.ok and report.added == 2


def test_add_on_dask_makes_the_same_corpus(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from importlib.metadata import version as installed

    monkeypatch.setattr(newsgraph.version, "__version__", installed("newsgraph"))
    folder = tmp_path / "articles"
    with Corpus(db, readonly=True) as corpus:
        for n, article in enumerate(corpus.articles()):
            (folder / f"{n}.json").parent.mkdir(exist_ok=True)
            (folder / f"{n}.json").write_text(newsgraph.export(article, to="json"), encoding="utf-8")
    entities = {}
    for engine in ("local", "dask"):
        with Corpus(tmp_path / f"{engine}.sqlite") as corpus:
            report = corpus.add([folder], options=ConvertOptions(engine=engine, workers=2))
            assert report.ok and report.added == 5, report.failed
            entities[engine] = [(e.id, e.articles, e.mentions) for e in corpus.entities()]
    assert entities["dask"] == entities["local"]


# --- any valid articles: the corpus takes them and its exports read back ------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles() | hostile_articles(), min_size=1, max_size=3, unique_by=lambda a: a.id))
def test_any_articles_go_in_and_every_export_reads_back(batch: list) -> None:
    with tempfile.TemporaryDirectory() as tmp, Corpus(Path(tmp) / "c.sqlite") as corpus:
        assert corpus.add_articles(batch).added == len(batch)
        assert corpus.add_articles(batch).already == len(batch)
        corpus.export("json", Path(tmp) / "c.jsonl")
        corpus.export("jsonld", Path(tmp) / "c.jsonld")
        corpus.export("graphml", Path(tmp) / "c.graphml")
        corpus.export("csv", Path(tmp) / "tables")
        lines = (Path(tmp) / "c.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(batch)  # splitlines() breaks at U+2028 too: escaped
        for line, original in zip(lines, batch):
            record = json.loads(line)
            article = article_from_data(record["article"])
            assert article.id == original.id and len(article.quotes) == len(original.quotes)
            aliased = {local for ids in record["aliases"].values() for local in ids}
            assert {a.id for a in original.actors} | {e.id for e in original.events} <= aliased
        json.loads((Path(tmp) / "c.jsonld").read_text(encoding="utf-8"))
        graph = nx.read_graphml(Path(tmp) / "c.graphml")
        assert graph.number_of_nodes() == corpus.stats()["entities"] + corpus.stats()["events"]
