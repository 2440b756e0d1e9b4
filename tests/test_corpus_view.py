"""newsgraph corpus view: a static site over newsgraph.Corpus; every link leads somewhere."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import html5lib
import networkx as nx
import pytest
from conftest import SAMPLES

from newsgraph.corpus import Corpus
from newsgraph.model import Actor, Article, Paragraph, Quote, Span
from newsgraph.view.corpus_site import build_site, write_site
from newsgraph.view import network
from newsgraph.view.network import HEIGHT, WIDTH

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script>\u201d\u201d\u201d'


HOSTILE_ORG = '"><b onmouseover="alert(2)">Plan</b>'


def hostile_article() -> Article:
    """A hostile speaker quoted about a hostile organisation: both names in the network too."""
    said = f"{HOSTILE} said "
    text = f"{said}{HOSTILE_ORG} was fine."
    n, m = len(HOSTILE), len(said)
    actor = Actor(
        id="urn:newsgraph:person:hostile", kind="person", name=HOSTILE, mentions=[Span(paragraph=0, start=0, end=n)]
    )
    org = Actor(
        id="urn:newsgraph:organization:hostile",
        kind="organization",
        name=HOSTILE_ORG,
        mentions=[Span(paragraph=0, start=m, end=m + len(HOSTILE_ORG))],
    )
    quote = Quote(
        id="urn:newsgraph:article:hostile#quote-1",
        text=f"{HOSTILE_ORG} was fine",
        kind="indirect",
        speaker=actor.id,
        spans=[Span(paragraph=0, start=m, end=len(text) - 1)],
    )
    return Article(
        id="urn:newsgraph:article:hostile",
        headline=HOSTILE,
        published="2024-02-03",
        body=[Paragraph(text=text)],
        actors=[actor, org],
        quotes=[quote],
    )


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    with Corpus(path) as corpus:
        report = corpus.add(sorted(str(p) for p in SAMPLES.glob("*.txt")))
        assert report.ok, report.summary()
        corpus.add_articles([hostile_article()])
    return path


@pytest.fixture(scope="module")
def site(corpus_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    write_site(corpus_file, folder)
    return folder


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_site_layout(site: Path, corpus_file: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in pages(site)}
    assert {"index.html", "timeline.html", "speakers/index.html"} <= names
    with Corpus(corpus_file, readonly=True) as corpus:
        articles = corpus.stats()["articles"]
        speakers = {e.id for e in corpus.entities(type="actor") if next(corpus.quotes_by(e.id), None)}
    assert len([n for n in names if n.startswith("articles/")]) == articles
    assert len([n for n in names if re.fullmatch(r"speakers/\d+\.html", n)]) == len(speakers)


def test_every_link_leads_to_a_page_and_an_anchor(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    docs = {p: html5lib.parse(p.read_text(encoding="utf-8")) for p in pages(site)}
    for path, doc in docs.items():
        ids[path] = {e.get("id") for e in doc.iter() if e.get("id")}
    checked = 0
    for path, doc in docs.items():
        for link in doc.iter():
            href = link.get("href")
            if href is None or link.tag not in (f"{NS}a", f"{SVG}a"):
                continue
            assert not re.match(r"^[a-z]+:", href) or href.startswith(("http://", "https://")), href
            if href.startswith(("http://", "https://")):
                continue
            target, anchor = urldefrag(href)
            target_path = (path.parent / target).resolve() if target else path
            assert target_path in ids, f"{path.name}: {href}"
            assert not anchor or anchor in ids[target_path], f"{path.name}: {href}"
            checked += 1
    assert checked > 20


def test_network_is_drawn_and_deterministic(corpus_file: Path) -> None:
    first, again = build_site(corpus_file, limit=12), build_site(corpus_file, limit=12)
    assert first == again
    doc = html5lib.parse(first["index.html"])
    svg = next(e for e in doc.iter(f"{SVG}svg") if e.get("class") == "network")
    circles = svg.findall(f".//{SVG}circle")
    assert 2 <= len(circles) <= 12
    for c in circles:
        assert 0 <= float(c.get("cx")) <= WIDTH and 0 <= float(c.get("cy")) <= HEIGHT
    points = {(c.get("cx"), c.get("cy")) for c in circles}
    lines = svg.findall(f".//{SVG}line")
    for line in lines:
        assert (line.get("x1"), line.get("y1")) in points and (line.get("x2"), line.get("y2")) in points
    arrows = [p for p in svg.findall(f".//{SVG}path") if p.get("class") == "edge edge-quoted-about"]
    assert arrows, "the samples hold a quote about other actors"
    centres = {g.get("data-actor"): g.find(f"{SVG}circle") for g in svg.iter(f"{SVG}g")}
    # every actor is named in its circle's tooltip, drawn label or not
    assert all(c.find(f"{SVG}title") is not None for c in centres.values())
    for arrow in arrows:
        start, end = _arrow_ends(arrow.get("d"))
        assert _gap(start, centres[arrow.get("data-speaker")]) == pytest.approx(2, abs=0.2)
        assert _gap(end, centres[arrow.get("data-about")]) == pytest.approx(3, abs=0.2)
        assert arrow.get("marker-end") == "url(#arrowhead)"
    # A text alternative: the same links as a table, one row for each pair of actors.
    rows = doc.findall(f".//{NS}details//{NS}tbody/{NS}tr")
    assert len(rows) == len(_pairs_by_actor(svg))
    about = [cell for row in rows for cell in ["".join(row[4].itertext())] if cell != "0"]
    assert len(about) >= 1 and all(" about " in cell for cell in about)


def _arrow_ends(d: str) -> tuple[tuple[float, float], tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return (numbers[0], numbers[1]), (numbers[4], numbers[5])


def _gap(point: tuple[float, float], circle) -> float:
    """How far the point lies outside the circle's edge."""
    dx, dy = point[0] - float(circle.get("cx")), point[1] - float(circle.get("cy"))
    return float((dx * dx + dy * dy) ** 0.5 - float(circle.get("r")))


def _pairs_by_actor(svg) -> set[frozenset[str]]:
    """Every pair of actors the drawing joins, by a line or an arrow."""
    at = {
        (g.find(f"{SVG}circle").get("cx"), g.find(f"{SVG}circle").get("cy")): g.get("data-actor")
        for g in svg.iter(f"{SVG}g")
    }
    pairs = {
        frozenset((at[(line.get("x1"), line.get("y1"))], at[(line.get("x2"), line.get("y2"))]))
        for line in svg.iter(f"{SVG}line")
    }
    return pairs | {
        frozenset((p.get("data-speaker"), p.get("data-about")))
        for p in svg.iter(f"{SVG}path")
        if p.get("class") == "edge edge-quoted-about"
    }


def test_speaker_pages_hold_their_quotes_over_time(site: Path, corpus_file: Path) -> None:
    index = html5lib.parse((site / "speakers" / "index.html").read_text(encoding="utf-8"))
    with Corpus(corpus_file, readonly=True) as corpus:
        for link in index.iter(f"{NS}a"):
            if not re.fullmatch(r"\d+\.html", link.get("href", "")):
                continue
            page = html5lib.parse((site / "speakers" / link.get("href")).read_text(encoding="utf-8"))
            name = "".join(page.find(f".//{NS}h1").itertext()).removesuffix(": quotes")
            entity = corpus.resolve(name) if name != HOSTILE else next(corpus.entities(name="script"))
            shown = ["".join(q.itertext()) for q in page.iter(f"{NS}blockquote")]
            assert shown == [q.text for q in corpus.quotes_by(entity.id)]


def test_hostile_names_are_text_everywhere(site: Path) -> None:
    seen = 0
    for path in pages(site):
        doc = html5lib.parse(path.read_text(encoding="utf-8"))
        scripts = list(doc.iter(f"{NS}script"))
        assert len(scripts) == (1 if path.parent.name == "articles" else 0), path
        seen += HOSTILE in "".join(doc.itertext())
        assert not list(doc.iter(f"{NS}b")) and not [e for e in doc.iter() if "onmouseover" in e.attrib], path
    assert seen >= 3  # the article, its speaker page, the speakers' list
    # In the network's drawing: names as text, and the arrow from one to the other.
    index = html5lib.parse((site / "index.html").read_text(encoding="utf-8"))
    svg = next(e for e in index.iter(f"{SVG}svg") if e.get("class") == "network")
    labels = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert HOSTILE in labels and HOSTILE_ORG in labels
    titles = ["".join(t.itertext()) for t in svg.iter(f"{SVG}title")]
    assert f"{HOSTILE} quoted about {HOSTILE_ORG} ×1" in titles


def test_cli_corpus_view(tmp_path: Path, corpus_file: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "corpus", "view", str(corpus_file), "-o", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    with Corpus(tmp_path / "empty.sqlite"):
        pass
    for bad in (junk, tmp_path / "missing.sqlite", tmp_path / "empty.sqlite"):
        run = subprocess.run(
            [sys.executable, "-m", "newsgraph.cli", "corpus", "view", str(bad), "-o", str(tmp_path / "bad")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 1 and bad.name in run.stderr, run.stderr
        assert not (tmp_path / "bad").exists()


def test_network_labels_cover_neither_each_other_nor_a_circle() -> None:
    # A crowded network: a hub that meets forty actors with long names, as a big corpus gives.
    graph = nx.MultiDiGraph()
    names = [f"Minister of Regional Affairs No. {i}" for i in range(40)]
    graph.add_node("hub", type="actor", label="Hub Person", kind="person", mentions=50)
    for i, name in enumerate(names):
        graph.add_node(f"a{i}", type="actor", label=name, kind="person", mentions=1 + i % 5)
        graph.add_edge("hub", f"a{i}", relation="meets")
    net = network.build(graph, limit=41)

    above = [network._label_spots(n)[0] for n in net.nodes]
    assert any(a.overlaps(b.box) for a, b in itertools.combinations(above, 2)), "the old placement overlapped"
    labels = [n.label for n in net.nodes if n.label is not None]
    assert net.node("hub").label is not None and len(labels) >= len(net.nodes) // 2
    for a, b in itertools.combinations(labels, 2):
        assert not a.overlaps(b.box)
    for node in net.nodes:
        circle = (node.x - node.r, node.y - node.r, node.x + node.r, node.y + node.r)
        assert all(not label.overlaps(circle) for label in labels if label is not node.label)
    for label in labels:
        assert 0 <= label.box[0] and label.box[2] <= WIDTH and 0 <= label.box[1] and label.box[3] <= HEIGHT
