"""Expanded JSON-LD as a graph of nodes that can be walked: the reader's view of a document.

Expansion (pyld) has already resolved every context; here each node object becomes a
:class:`Node`, merged by @id, whose properties and types are looked up by schema.org
term name ('headline'; http and https schema.org alike) and whose values are either
literals or other nodes. Order is document order: the first place a node is described decides it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Union

from ..schemaorg import SCHEMA, normalise, term

_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True)
class Literal:
    value: Any
    datatype: str | None = None
    language: str | None = None


Value = Union[Literal, "Node"]


@dataclass(eq=False)
class Node:
    id: str
    types: list[str] = field(default_factory=list)  # full IRIs, schema.org ones under https
    props: dict[str, list[Value]] = field(default_factory=dict)  # keyed likewise

    @property
    def blank(self) -> bool:
        """No IRI of its own: a blank node, or one whose @id was relative."""
        return self.id.startswith("_:") or not _ABSOLUTE.match(self.id)

    @property
    def bare(self) -> bool:
        """Only an @id: a reference to something the document does not describe."""
        return not self.types and not self.props

    @property
    def type_names(self) -> list[str]:
        """Its schema.org types by name: ['NewsArticle']."""
        return [name for name in map(term, self.types) if name]

    def is_a(self, *names: str) -> bool:
        return any(SCHEMA + name in self.types for name in names)

    def values(self, prop: str) -> list[Value]:
        """Values of the schema.org property ``prop`` ('headline')."""
        return self.props.get(SCHEMA + prop, [])

    def nodes(self, prop: str) -> list["Node"]:
        return [v for v in self.values(prop) if isinstance(v, Node)]

    def node(self, prop: str) -> "Node | None":
        found = self.nodes(prop)
        return found[0] if found else None

    def strings(self, prop: str) -> list[str]:
        """Text values; a node stands for its name (e.g. a DefinedTerm)."""
        out: list[str] = []
        for v in self.values(prop):
            if isinstance(v, Literal):
                if isinstance(v.value, str):
                    out.append(v.value)
                elif isinstance(v.value, (int, float)) and not isinstance(v.value, bool):
                    out.append(str(v.value))
            else:
                name = v.text("name")
                if name is not None:
                    out.append(name)
        return out

    def text(self, prop: str) -> str | None:
        found = self.strings(prop)
        return found[0] if found else None

    def iris(self, prop: str) -> list[str]:
        """IRI values, whether written as a node reference or as a string."""
        out: list[str] = []
        for v in self.values(prop):
            if isinstance(v, Node):
                if not v.blank:
                    out.append(v.id)
                else:
                    out += v.iris("url")
            elif isinstance(v.value, str):
                out.append(v.value)
        return out

    def integer(self, prop: str) -> int | None:
        for v in self.values(prop):
            if isinstance(v, Literal) and isinstance(v.value, int) and not isinstance(v.value, bool):
                return v.value
            if isinstance(v, Literal) and isinstance(v.value, str) and v.value.strip().isdigit():
                return int(v.value)
        return None


class Graph:
    """Every node of an expanded document, merged by @id, in document order."""

    def __init__(self, expanded: list[Any]) -> None:
        self.nodes: dict[str, Node] = {}
        self._order: list[Node] = []
        self._blank = itertools.count(1)
        for item in expanded:
            if isinstance(item, dict):
                self._add(item)

    def __iter__(self) -> Iterator[Node]:
        return iter(self._order)

    def of_type(self, *names: str) -> list[Node]:
        return [n for n in self._order if n.is_a(*names)]

    def _node(self, iri: str | None) -> Node:
        nid = normalise(iri) if iri else f"_:n{next(self._blank)}"
        node = self.nodes.get(nid)
        if node is None:
            node = self.nodes[nid] = Node(nid)
        return node

    def _add(self, obj: dict[str, Any]) -> Node:
        if "@graph" in obj:
            # A named or nested graph: its nodes belong to this document all the same.
            for item in obj["@graph"]:
                if isinstance(item, dict):
                    self._add(item)
            if set(obj) <= {"@graph", "@id"}:
                return self._node(obj.get("@id"))
        node = self._node(obj.get("@id"))
        described = bool(node.types or node.props)
        for t in map(normalise, obj.get("@type", [])):
            if t not in node.types:
                node.types.append(t)
        for key, values in obj.items():
            if key == "@included":
                for item in values:
                    self._add(item)
            elif key == "@reverse":
                for prop, items in values.items():
                    for item in items:
                        if isinstance(item, dict) and "@value" not in item:
                            self._add(item).props.setdefault(normalise(prop), []).append(node)
            elif not key.startswith("@"):
                slot = node.props.setdefault(normalise(key), [])
                for value in values:
                    slot.extend(self._values(value))
        if not described and (node.types or node.props):
            self._order.append(node)
        return node

    def _values(self, value: Any) -> list[Value]:
        if not isinstance(value, dict):
            return []
        if "@value" in value:
            return [Literal(value["@value"], value.get("@type"), value.get("@language"))]
        if "@list" in value:
            return [v for item in value["@list"] for v in self._values(item)]
        return [self._add(value)]
