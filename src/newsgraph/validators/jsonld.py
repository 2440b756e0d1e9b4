"""schema.org JSON-LD: expansion drops nothing, every term is schema.org's, the article reads.

The checks, for a document or for each JSON-LD block of an HTML page:

1. JSON-LD expansion (pyld, offline) drops no key: no null values, no key that maps to
   no IRI, no @context that would need the network.
2. Every @type is a schema.org class, every property a schema.org property, every
   schema.org IRI used as a value (EventScheduled, Female) a schema.org term; pending
   terms count. Every node a property holds is in the property's range (rangeIncludes:
   a Country is no Person; a node typed both Country and GovernmentOrganization is an
   Organization as well as a Place). Warnings: a term superseded by another, a property outside the
   domainIncludes of its node's types (schema.org calls domains expected, not required).
3. The document holds a NewsArticle that reads as a valid Article.

A missing official vocabulary or context is a warning (an error under ``strict``).
"""

from __future__ import annotations

from typing import Any, Iterator

from ..errors import InputError, ModelError
from ..readers.base import ReadOptions, Sanitiser
from ..readers.jsonld import articles_from_graph, documents, script_blocks
from ..readers.native import parse_json
from ..readers.jsonld_graph import Graph, Node
from ..schemaorg import (
    SCHEMA,
    Vocabulary,
    is_schemaorg_context,
    official_context,
    official_expander,
    remote_contexts,
    term,
    vocabulary,
)
from ..standards import INSTALL_HINT, SCHEMAORG_CONTEXT, SCHEMAORG_VOCAB
from .problem import Problem


def check(data: bytes, *, strict: bool = False) -> list[Problem]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return [Problem(f"not valid UTF-8 (byte {err.start})")]
    if text.lstrip().startswith("<"):
        return _check_html(text, strict)
    try:
        docs = documents(text, "<document>")
    except InputError as err:
        return [Problem(err.message)]
    problems: list[Problem] = []
    lines = len(docs) > 1
    for n, doc in enumerate(docs, start=1):
        problems += check_document(doc, strict=strict, line=n if lines else None)
    return problems


def _check_html(text: str, strict: bool) -> list[Problem]:
    # A block that a string in it ended early shows up as invalid JSON.
    blocks = script_blocks(text)
    if not blocks:
        return [Problem('the HTML page has no <script type="application/ld+json"> block')]
    problems: list[Problem] = []
    for line, block in blocks:
        if "<!--" in block or "<script" in block.lower():
            problems.append(
                Problem(
                    "the JSON-LD block contains '<!--' or '<script', which changes "
                    "how HTML parsers end it (escape '<' as \\u003c)",
                    line=line,
                )
            )
        try:
            doc = parse_json(block, "<document>", line=line)
        except InputError as err:
            problems.append(
                Problem(
                    f"the JSON-LD block is not valid JSON ({err.what}); text in it may have closed the <script> early",
                    line=line,
                )
            )
            continue
        problems += check_document(doc, strict=strict, line=line)
    return problems


def _missing(what: str, strict: bool, line: int | None) -> Problem:
    return Problem(
        f"{what} is not installed, so {'nothing' if 'vocabulary' in what else 'less'} "
        f"was checked against it ({INSTALL_HINT})",
        line=line,
        severity="error" if strict else "warning",
        unchecked=True,
    )


def check_document(doc: Any, *, strict: bool = False, line: int | None = None) -> list[Problem]:
    """Problems of one parsed JSON-LD document."""
    try:
        return _check_document(doc, strict, line)
    except RecursionError:
        return [Problem("the document is nested too deeply to process (flatten it)", line=line)]


def _check_document(doc: Any, strict: bool, line: int | None) -> list[Problem]:
    problems: list[Problem] = []
    sanitiser = Sanitiser()
    doc = sanitiser.document(doc)  # the JSON-LD processor fails on a lone surrogate
    if sanitiser:
        problems.append(
            Problem(
                f"holds characters that no output format can carry: {sanitiser.found()} "
                "(delete them; reading replaces each with a space)",
                line=line,
            )
        )
    for url in remote_contexts(doc):
        if not is_schemaorg_context(url):
            problems.append(
                Problem(
                    f"@context {url!r} is a remote context: consumers must fetch it, and "
                    "newsgraph never does (inline it, or use https://schema.org)",
                    line=line,
                )
            )
        elif official_context() is None:
            problems.append(_missing(f"the schema.org context ({SCHEMAORG_CONTEXT})", strict, line))
    if problems and any(p.severity == "error" for p in problems):
        return problems
    for path in _nulls(doc):
        problems.append(Problem(f"{path} is null, and JSON-LD expansion drops it (leave the key out)", line=line))

    dropped: list[str | None] = []
    try:
        expanded = official_expander()(doc, on_drop=dropped.append)
    except InputError as err:
        return problems + [Problem(err.message, line=line)]
    for key in dict.fromkeys(dropped):
        problems.append(
            Problem(
                f"JSON-LD expansion drops the key {key!r}: it maps to no IRI "
                "(use a schema.org term, or define it in the @context)",
                line=line,
            )
        )

    graph = Graph(expanded)
    vocab = vocabulary()
    if vocab is None:
        problems.append(_missing(f"the schema.org vocabulary ({SCHEMAORG_VOCAB})", strict, line))
    else:
        seen: set[str] = set()
        for problem in _vocabulary_problems(graph, vocab, line):
            if problem.message not in seen:
                seen.add(problem.message)
                problems.append(problem)

    try:
        list(articles_from_graph(graph, b"", ReadOptions(source="<document>")))
    except (InputError, ModelError) as err:
        problems.append(Problem(err.message, line=line))
    return problems


def _nulls(value: Any, path: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                continue
            where = f"{path}/{key}"
            if item is None:
                yield where
            else:
                yield from _nulls(item, where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if item is None:
                yield f"{path}/{i}"
            else:
                yield from _nulls(item, f"{path}/{i}")


def _name(iri: str) -> str:
    return term(iri) or iri


def _types(node: Node) -> str:
    return " and ".join(_name(t) for t in node.types) or "typeless"


def _vocabulary_problems(graph: Graph, vocab: Vocabulary, line: int | None) -> Iterator[Problem]:
    """Every type, property and schema.org IRI value of every node, against the vocabulary."""
    for node in graph:
        where = "" if node.blank else f" (node {node.id})"
        for t in node.types:
            if t not in vocab.classes:
                yield Problem(f"@type {_name(t)!r} is not a schema.org type{where}", line=line)
            elif t in vocab.superseded:
                yield Problem(
                    f"@type {_name(t)!r} is superseded by {_name(vocab.superseded[t])!r}", line=line, severity="warning"
                )
        types = [t for t in node.types if t in vocab.classes]
        for prop, values in node.props.items():
            if prop not in vocab.properties:
                yield Problem(f"property {_name(prop)!r} is not a schema.org property{where}", line=line)
                continue
            if prop in vocab.superseded:
                newer = _name(vocab.superseded[prop])
                yield Problem(f"property {_name(prop)!r} is superseded by {newer!r}", line=line, severity="warning")
            if not vocab.allows(prop, types):
                yield Problem(
                    f"property {_name(prop)!r} is not expected on "
                    f"{', '.join(_name(t) for t in types)} (schema.org domainIncludes)",
                    line=line,
                    severity="warning",
                )
            for value in values:
                if isinstance(value, Node) and not vocab.accepts(prop, value.types):
                    yield Problem(
                        f"property {_name(prop)!r}{where} holds a {_types(value)} node"
                        f"{'' if value.blank else f' ({value.id})'}, outside its range "
                        f"({', '.join(sorted(_name(r) for r in vocab.ranges[prop]))}; "
                        "schema.org rangeIncludes)",
                        line=line,
                    )
                # A reference to a schema.org IRI must name a term (an enumeration member); a
                # node the document describes may have any IRI, schema.org's included.
                if (
                    isinstance(value, Node)
                    and value.bare
                    and value.id.startswith(SCHEMA)
                    and not vocab.is_term(value.id)
                ):
                    yield Problem(f"{_name(value.id)!r} is not a schema.org term", line=line)
