"""The corpus's actor network, laid out by networkx and drawn as SVG shapes.

Who meets whom (actors in one meeting, summit, call...) and who is quoted by whom (a
speaker and the outlet that relays the quote), from the corpus's GraphML export, read
by networkx; a spring layout with a fixed seed places the actors, so the same corpus
draws the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

RELATIONS = ("meets", "quoted-by")  # actor-to-actor edges of the corpus graph
WIDTH, HEIGHT, MARGIN = 960, 640, 70
LAYOUT_SEED = 20


@dataclass
class Node:
    id: str
    name: str
    kind: str
    mentions: int
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0
    href: str | None = None

    @property
    def anchor(self) -> str:
        """Where its label hangs: labels near an edge of the drawing grow inwards."""
        return "end" if self.x > WIDTH - 120 else "start" if self.x < 120 else "middle"


@dataclass
class Link:
    source: str
    target: str
    relations: dict[str, int] = field(default_factory=dict)

    @property
    def weight(self) -> int:
        return sum(self.relations.values())

    @property
    def kind(self) -> str:
        return "both" if len(self.relations) > 1 else next(iter(self.relations))


@dataclass
class Network:
    nodes: list[Node]
    links: list[Link]
    width: int = WIDTH
    height: int = HEIGHT

    def node(self, ident: str) -> Node:
        return next(n for n in self.nodes if n.id == ident)


def actor_links(graph: nx.MultiDiGraph) -> dict[tuple[str, str], Link]:
    """Actor-to-actor links, either direction as one, counted by relation."""
    links: dict[tuple[str, str], Link] = {}
    for source, target, data in graph.edges(data=True):
        relation = data.get("relation")
        if relation not in RELATIONS or source == target:
            continue
        key = (min(source, target), max(source, target))
        link = links.setdefault(key, Link(*key))
        link.relations[relation] = link.relations.get(relation, 0) + 1
    return links


def build(graph: nx.MultiDiGraph, *, limit: int = 60, hrefs: dict[str, str] | None = None) -> Network:
    """The ``limit`` most connected (then most mentioned) actors, their links, and a layout."""
    links = actor_links(graph)
    degree: dict[str, int] = {}
    for link in links.values():
        for end in (link.source, link.target):
            degree[end] = degree.get(end, 0) + link.weight
    actors = [n for n, d in graph.nodes(data=True) if d.get("type") == "actor"]
    # Actors with no link say nothing about the network (the tables list them): leave them out
    # when there are links at all, so that the connected ones get the room.
    actors = [n for n in actors if degree.get(n)] or actors
    ranked = sorted(actors, key=lambda n: (-degree.get(n, 0), -int(graph.nodes[n].get("mentions", 0)), n))[:limit]
    chosen = set(ranked)
    nodes = [
        Node(
            n,
            str(graph.nodes[n].get("label", n)),
            str(graph.nodes[n].get("kind", "")),
            int(graph.nodes[n].get("mentions", 0)),
            href=(hrefs or {}).get(n),
        )
        for n in ranked
    ]
    kept = [link for link in links.values() if link.source in chosen and link.target in chosen]
    _layout(nodes, kept)
    return Network(nodes, sorted(kept, key=lambda k: (k.source, k.target)))


def _layout(nodes: list[Node], links: list[Link]) -> None:
    """Each connected group laid out on its own, in its own cell: the largest on the left."""
    if not nodes:
        return
    graph = nx.Graph()
    graph.add_nodes_from(sorted(n.id for n in nodes))
    graph.add_weighted_edges_from((k.source, k.target, k.weight) for k in links)
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    by_id = {n.id: n for n in nodes}
    for group, cell in zip(groups, _cells(len(groups))):
        positions = nx.spring_layout(
            graph.subgraph(group), seed=LAYOUT_SEED, weight="weight", k=2.0 / math.sqrt(len(group)), iterations=200
        )
        _place([by_id[i] for i in group], positions, cell)
    for node in nodes:
        node.r = round(min(22.0, 5 + 2.2 * math.sqrt(node.mentions)), 1)


Cell = tuple[float, float, float, float]  # x, y, width, height


def _cells(count: int) -> list[Cell]:
    """The drawing cut into ``count`` cells: a large one on the left, a grid of the rest on the right."""
    if count == 1:
        return [(0.0, 0.0, WIDTH, HEIGHT)]
    main_width = WIDTH * 0.6
    rest = count - 1
    cols = 1 if rest <= 3 else 2
    rows = math.ceil(rest / cols)
    w, h = (WIDTH - main_width) / cols, HEIGHT / rows
    return [(0.0, 0.0, main_width, HEIGHT)] + [
        (main_width + (i % cols) * w, (i // cols) * h, w, h) for i in range(rest)
    ]


def _place(group: list[Node], positions: dict, cell: Cell) -> None:
    x0, y0, w, h = cell
    margin_x, margin_y = min(MARGIN, w / 4), min(MARGIN / 2 + 10, h / 3)
    xs = [positions[n.id][0] for n in group]
    ys = [positions[n.id][1] for n in group]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    for node in group:
        px, py = positions[node.id]
        fx = (px - min(xs)) / span_x if span_x else 0.5
        fy = (py - min(ys)) / span_y if span_y else 0.5
        node.x = round(x0 + margin_x + fx * (w - 2 * margin_x), 1)
        node.y = round(y0 + margin_y + fy * (h - 2 * margin_y), 1)
