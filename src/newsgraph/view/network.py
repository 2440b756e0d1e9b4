"""The corpus's actor network, laid out by networkx and drawn as SVG shapes.

Who meets whom (actors in one meeting, summit, call...), who is quoted by whom (a
speaker and the outlet that relays the quote) and who is quoted about whom (a speaker
and each actor their quoted words mention), from the corpus's GraphML export, read by
networkx; a spring layout with a fixed seed places the actors, so the same corpus draws
the same picture. Meeting and relaying are drawn as straight lines between two actors;
quoted-about has a direction, so it is a curved arrow from the speaker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

LINES = ("meets", "quoted-by")  # drawn as one straight line between the two actors
ARROWS = ("quoted-about",)  # drawn as a curved arrow from the speaker
RELATIONS = LINES + ARROWS  # actor-to-actor edges of the corpus graph
BEND = 0.18  # how far an arrow's curve bows out, as a share of its length
WIDTH, HEIGHT, MARGIN = 960, 640, 70
LAYOUT_SEED = 20
# Labels are 12px (site.css .node text): an average glyph's width and a line's height, to
# keep labels apart without a browser to measure them.
GLYPH_WIDTH, LINE_HEIGHT = 6.6, 14.0
LABEL_GAP = 4.0  # between a circle and its label


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
    label: "Label | None" = None  # where its name is written; None: only in its tooltip

    @property
    def anchor(self) -> str:
        """Where its label hangs: labels near an edge of the drawing grow inwards."""
        return "end" if self.x > WIDTH - 120 else "start" if self.x < 120 else "middle"


@dataclass(frozen=True)
class Label:
    """A node's name as drawn: the text's anchor point, its alignment and its width."""

    x: float
    y: float  # the baseline
    anchor: str  # SVG text-anchor
    width: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The left, top, right and bottom of what the text covers."""
        left = self.x - {"start": 0.0, "end": self.width, "middle": self.width / 2}[self.anchor]
        return left, self.y - LINE_HEIGHT * 0.8, left + self.width, self.y + LINE_HEIGHT * 0.2

    def overlaps(self, other: tuple[float, float, float, float]) -> bool:
        left, top, right, bottom = self.box
        return left < other[2] and other[0] < right and top < other[3] and other[1] < bottom


@dataclass
class Link:
    source: str
    target: str
    relations: dict[str, int] = field(default_factory=dict)
    about: dict[str, int] = field(default_factory=dict)  # quoted-about, by speaker: speaker id -> quotes

    @property
    def weight(self) -> int:
        return sum(self.relations.values())

    @property
    def kind(self) -> str | None:
        """The straight line's style: one relation, 'both', or None when only arrows join them."""
        drawn = [r for r in LINES if r in self.relations]
        return None if not drawn else "both" if len(drawn) > 1 else drawn[0]

    @property
    def line_weight(self) -> int:
        return sum(self.relations.get(r, 0) for r in LINES)


@dataclass
class Arrow:
    """A quoted-about arrow: a quadratic curve from the speaker's circle to the other's."""

    speaker: str
    about: str
    quotes: int
    path: str


@dataclass
class Network:
    nodes: list[Node]
    links: list[Link]
    width: int = WIDTH
    height: int = HEIGHT

    def node(self, ident: str) -> Node:
        return next(n for n in self.nodes if n.id == ident)

    def arrows(self, link: Link) -> list[Arrow]:
        """The link's quoted-about arrows, one each way at most; each bows to its own side."""
        return [
            Arrow(speaker, other, n, _curve(self.node(speaker), self.node(other)))
            for speaker, n in sorted(link.about.items())
            for other in (link.target if speaker == link.source else link.source,)
        ]


def _curve(a: Node, b: Node) -> str:
    """From the edge of a's circle to the edge of b's (where the arrowhead sits), bowed to the left."""
    dx, dy = b.x - a.x, b.y - a.y
    cx, cy = a.x + dx / 2 - dy * BEND, a.y + dy / 2 + dx * BEND
    start, end = _towards(a, cx, cy, a.r + 2), _towards(b, cx, cy, b.r + 3)
    return f"M{start[0]:.1f},{start[1]:.1f} Q{cx:.1f},{cy:.1f} {end[0]:.1f},{end[1]:.1f}"


def _towards(node: Node, x: float, y: float, distance: float) -> tuple[float, float]:
    """The point ``distance`` from the node's centre in the direction of (x, y)."""
    dx, dy = x - node.x, y - node.y
    length = math.hypot(dx, dy) or 1.0
    return node.x + dx / length * distance, node.y + dy / length * distance


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
        if relation in ARROWS:
            link.about[source] = link.about.get(source, 0) + 1
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
    _label(nodes)


def _label(nodes: list[Node]) -> None:
    """Names placed so that none covers another name or a circle: the most mentioned
    first, each above its circle, else below, right or left of it; a name that fits
    nowhere is left to its circle's tooltip (and the table under the drawing)."""
    circles = [(n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r) for n in nodes]
    placed: list[Label] = []
    for node in sorted(nodes, key=lambda n: (-n.mentions, n.name, n.id)):
        own = (node.x - node.r, node.y - node.r, node.x + node.r, node.y + node.r)
        node.label = next(
            (
                label
                for label in _label_spots(node)
                if _inside(label.box)
                and not any(label.overlaps(p.box) for p in placed)
                and not any(label.overlaps(c) for c in circles if c != own)
            ),
            None,
        )
        if node.label is not None:
            placed.append(node.label)


def _label_spots(node: Node) -> list[Label]:
    """Above and below the circle (aligned as ``Node.anchor`` says), then right and left of it."""
    width = GLYPH_WIDTH * len(node.name)
    reach = node.r + LABEL_GAP
    x = {"start": node.x + node.r, "end": node.x - node.r}.get(node.anchor, node.x)
    side = node.y + LINE_HEIGHT * 0.3
    return [
        Label(x, node.y - reach, node.anchor, width),
        Label(x, node.y + reach + LINE_HEIGHT * 0.8, node.anchor, width),
        Label(node.x + reach, side, "start", width),
        Label(node.x - reach, side, "end", width),
    ]


def _inside(box: tuple[float, float, float, float]) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT


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
