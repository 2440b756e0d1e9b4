"""Spans <-> inline markup, for every format whose body carries marked-up text.

Exporters turn a paragraph and its spans (actor mentions, places, events, quotes) into
properly nested elements with :func:`nest`: where two spans cross, the inner one is
closed and reopened, and each piece carries the mark's ``key`` so that a reader can
join the pieces again. Readers walk the markup back with :func:`flatten`, getting the
plain text and the marks with their offsets; :func:`join_fragments` merges the pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Callable, Iterable, Iterator, Sequence, Union

from lxml import etree


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # what is marked: "person", "organization", "place", "event", "quote", ...
    ref: str | None = None  # id of the actor, place, event or quote
    key: int = 0  # unique within a paragraph; the pieces of one split mark share it


@dataclass
class Element:
    mark: Mark
    continued: bool = False  # a later piece of a mark that had to be split
    children: list["Node"] = field(default_factory=list)


Node = Union[Element, str]


def nest(text: str, marks: Sequence[Mark]) -> list[Node]:
    """The text as a tree of elements, one per mark, nested even where spans cross.

    Longer spans enclose shorter ones that start at the same place; marks are clipped
    to the text.
    """
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, m.key))
    starts: dict[int, list[Mark]] = {}
    for m in ordered:
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})

    root: list[Node] = []
    stack: list[tuple[Mark, Element]] = []

    def open_(mark: Mark, continued: bool) -> None:
        el = Element(mark, continued)
        (stack[-1][1].children if stack else root).append(el)
        stack.append((mark, el))

    pos = 0
    for b in bounds:
        if b > pos:
            (stack[-1][1].children if stack else root).append(text[pos:b])
            pos = b
        if any(m.end == b for m, _ in stack):
            reopen: list[Mark] = []
            while any(m.end == b for m, _ in stack):
                m, _ = stack.pop()
                if m.end != b:
                    reopen.append(m)
            for m in reversed(reopen):
                open_(m, True)
        for m in starts.get(b, ()):
            open_(m, False)
    return root


TagFor = Callable[[Element], tuple[str, dict[str, str]]]


def to_html(nodes: Iterable[Node], tag_for: TagFor) -> str:
    """Serialise a nested tree as escaped HTML/XML text; ``tag_for`` names each element."""
    out: list[str] = []

    def walk(items: Iterable[Node]) -> None:
        for node in items:
            if isinstance(node, str):
                out.append(escape(node, quote=False))
                continue
            tag, attrs = tag_for(node)
            attr_text = "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attrs.items())
            out.append(f"<{tag}{attr_text}>")
            walk(node.children)
            out.append(f"</{tag}>")

    walk(nodes)
    return "".join(out)


def to_elements(
    parent: etree._Element, nodes: Iterable[Node], make: Callable[[etree._Element, Element], etree._Element]
) -> None:
    """Append a nested tree under an lxml element; ``make`` creates each marked child."""
    last: etree._Element | None = None
    for node in nodes:
        if isinstance(node, str):
            if last is None:
                parent.text = (parent.text or "") + node
            else:
                last.tail = (last.tail or "") + node
            continue
        child = make(parent, node)
        to_elements(child, node.children, make)
        last = child


MarkOf = Callable[[etree._Element], "tuple[str, str | None, int] | None"]


def flatten(element: etree._Element, mark_of: MarkOf) -> tuple[str, list[Mark]]:
    """The text of an element and the marks of its marked descendants, with offsets.

    ``mark_of`` says whether an element is a mark, as (kind, ref, key), or None for an
    element whose text simply belongs to the paragraph.
    """
    parts: list[str] = []
    marks: list[Mark] = []
    length = 0

    def walk(el: etree._Element) -> None:
        nonlocal length
        info = mark_of(el) if isinstance(el.tag, str) else None
        start = length
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if info is not None and length > start:
            kind, ref, key = info
            marks.append(Mark(start, length, kind, ref, key))

    walk(element)
    return "".join(parts), marks


def join_fragments(marks: Iterable[Mark]) -> Iterator[Mark]:
    """Merge the pieces of split marks (same kind, ref and key, touching) into one."""
    pending: dict[tuple[str, str | None, int], Mark] = {}
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        k = (m.kind, m.ref, m.key)
        prev = pending.get(k)
        if prev is not None and prev.end == m.start:
            pending[k] = Mark(prev.start, m.end, m.kind, m.ref, m.key)
            continue
        if prev is not None:
            yield prev
        pending[k] = m
    yield from sorted(pending.values(), key=lambda m: (m.start, m.end))
