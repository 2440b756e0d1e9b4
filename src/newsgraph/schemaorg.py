"""schema.org for JSON-LD: our context, offline JSON-LD expansion, and the official vocabulary.

newsgraph never fetches anything while processing JSON-LD. Our exports carry their
context inline (``CONTEXT``, committed as ``schema/context.jsonld``); the well-known
schema.org context URLs are served from local data; any other remote context is an
error that says so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator

from pyld import ContextResolver, jsonld

from . import standards
from .errors import InputError

SCHEMA = "https://schema.org/"
SCHEMA_HTTP = "http://schema.org/"

# newsgraph's own vocabulary for what schema.org has no class for (event kinds, quote
# kinds, paragraph roles...). Used only as values of schema:additionalType, never as
# properties or @type, so documents stay pure schema.org.
VOCAB = "urn:newsgraph:vocab:"
# schema:schemaVersion of every article we write: marks the mapping (docs/jsonld.md)
# so that the reader knows it may restore newsgraph-only details.
MAPPING = VOCAB + "jsonld:1"

# The terms we write whose values the official schema.org context coerces, with the
# official definitions (a test compares them). Every other term maps through @vocab,
# so a document means the same under this context as under "https://schema.org": the
# same IRIs, http://schema.org/ as the official context and most of the web write them,
# so that triples merge with theirs. (Reading takes either scheme.)
_COERCED: dict[str, str] = {
    "contentUrl": "@id",
    "dateModified": "Date",
    "datePublished": "Date",
    "endDate": "Date",
    "image": "@id",
    "isBasedOn": "@id",
    "isPartOf": "@id",
    "sameAs": "@id",
    "startDate": "Date",
    "url": "@id",
}

CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA_HTTP,
    "schema": SCHEMA_HTTP,
    **{term: {"@id": f"schema:{term}", "@type": kind} for term, kind in sorted(_COERCED.items())},
}


def context_document() -> dict[str, Any]:
    """The JSON-LD context document committed as schema/context.jsonld."""
    return {"@context": CONTEXT}


def context_text() -> str:
    return json.dumps(context_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- IRIs -----------------------------------------------------------------------------


def normalise(iri: str) -> str:
    """schema.org terms under https, whichever scheme a document used."""
    return SCHEMA + iri[len(SCHEMA_HTTP) :] if iri.startswith(SCHEMA_HTTP) else iri


def term(iri: str) -> str | None:
    """'https://schema.org/NewsArticle' -> 'NewsArticle'; None outside schema.org."""
    iri = normalise(iri)
    return iri[len(SCHEMA) :] if iri.startswith(SCHEMA) else None


_SCHEMAORG_CONTEXT_URL = re.compile(
    r"^https?://(www\.)?schema\.org(/|/docs/jsonldcontext\.jsonld?|/docs/jsonldcontext\.json)?$", re.I
)


def is_schemaorg_context(url: str) -> bool:
    """The URLs publishers use for the schema.org context (http or https, with or without /)."""
    return bool(_SCHEMAORG_CONTEXT_URL.match(url.strip()))


# What reading needs from the official context: its vocabulary and its "id"/"type"
# aliases. Readers accept both an IRI and a literal wherever the official context would
# coerce one, so this small stand-in reads every document the same way, installed
# standards or not.
READING_CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA_HTTP,
    "schema": SCHEMA_HTTP,
    "id": "@id",
    "type": "@type",
}


# --- offline expansion ----------------------------------------------------------------


class RemoteContextError(InputError):
    """A @context names a URL newsgraph does not hold locally."""


def remote_context_error(url: str) -> RemoteContextError:
    return RemoteContextError(
        f"its @context points to the remote URL {url!r}, which newsgraph does not fetch",
        'inline the context in the document, or use "https://schema.org", which newsgraph reads offline',
    )


def _loader(documents: dict[str, Any]) -> Callable[[str, dict[str, Any]], dict[str, Any]]:
    def load(url: str, options: dict[str, Any]) -> dict[str, Any]:
        if is_schemaorg_context(url) and "schema.org" in documents:
            return {
                "contentType": "application/ld+json",
                "contextUrl": None,
                "documentUrl": url,
                "document": documents["schema.org"],
            }
        raise remote_context_error(url)

    return load


def official_context() -> dict[str, Any] | None:
    """The official schema.org context document, if installed (looked for at every call,
    read once: one installed while the process runs is found)."""
    path = standards.find(standards.SCHEMAORG_CONTEXT)
    return _json_at(path) if path else None


@lru_cache(maxsize=4)
def _json_at(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


class _Cache(dict):
    """A few resolved contexts; the oldest goes first (a batch has few distinct ones)."""

    SIZE = 32

    def __setitem__(self, key: Any, value: Any) -> None:
        if key not in self and len(self) >= self.SIZE:
            del self[next(iter(self))]
        super().__setitem__(key, value)


@dataclass
class _Expander:
    documents: dict[str, Any]
    # Each expander keeps its own cache of resolved contexts: pyld's shared cache is
    # keyed by URL, and two expanders may serve different documents for one URL.
    cache: _Cache = field(default_factory=_Cache)

    def __call__(self, document: Any, on_drop: Callable[[str | None], Any] | None = None) -> list[Any]:
        loader = _loader(self.documents)
        options = {"documentLoader": loader, "base": None, "contextResolver": ContextResolver(self.cache, loader)}
        try:
            return jsonld.expand(document, options, on_property_dropped=on_drop or jsonld.noop)
        except jsonld.JsonLdError as err:
            cause = _remote_cause(err)
            if cause is not None:
                raise cause from None
            raise InputError(
                f"invalid JSON-LD: {_jsonld_message(err)}", "fix the JSON-LD (the JSON-LD Playground shows the spot)"
            ) from None
        except KeyError as err:
            # pyld deletes the default language that "@language": null resets without
            # checking that one was set: where none was, the null changes nothing.
            if err.args == ("@language",) and _holds_null_language(document):
                return self(_without_null_language(document), on_drop)
            raise _processor_failed(err) from None
        except (TypeError, ValueError, AttributeError, IndexError) as err:
            raise _processor_failed(err) from None


def _processor_failed(err: Exception) -> InputError:
    # A document pyld should have refused with a JsonLdError: still the input's fault.
    return InputError(
        f"invalid JSON-LD: the JSON-LD processor failed on it ({type(err).__name__}: {err})",
        "fix the JSON-LD (the JSON-LD Playground shows the spot)",
    )


def _contexts(doc: Any) -> Iterator[dict[str, Any]]:
    """Every @context object in a document, without recursion (documents may nest deeply)."""
    pending = [doc]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            ctx = value.get("@context")
            for c in ctx if isinstance(ctx, list) else [ctx]:
                if isinstance(c, dict):
                    yield c
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)


def _holds_null_language(doc: Any) -> bool:
    return any("@language" in c and c["@language"] is None for c in _contexts(doc))


def _without_null_language(doc: Any) -> Any:
    copy = json.loads(json.dumps(doc))
    for c in _contexts(copy):
        if "@language" in c and c["@language"] is None:
            del c["@language"]
    return copy


def _remote_cause(err: BaseException) -> RemoteContextError | None:
    seen = 0
    current: BaseException | None = err
    while current is not None and seen < 10:
        if isinstance(current, RemoteContextError):
            return current
        current = current.__cause__ or current.__context__
        seen += 1
    return None


def _jsonld_message(err: Any) -> str:
    # pyld's message is long; its first sentence and error code say enough.
    # str(err) is "('message',)" and several lines of details: the message is args[0].
    message = str(err.args[0] if getattr(err, "args", None) else err).strip().split("\n")[0]
    code = getattr(err, "code", None)
    return f"{message} ({code})" if code else message


def official_expander() -> _Expander:
    """Expansion with the official schema.org context for its URLs (the reading stand-in
    when it is not installed; validators say so)."""
    return _expander_with(standards.find(standards.SCHEMAORG_CONTEXT))


@lru_cache(maxsize=4)
def _expander_with(context: Path | None) -> _Expander:
    ctx = _json_at(context) if context is not None else None
    return _Expander({"schema.org": ctx if ctx is not None else {"@context": READING_CONTEXT}})


@lru_cache(maxsize=1)
def reading_expander() -> _Expander:
    return _Expander({"schema.org": {"@context": READING_CONTEXT}})


def remote_contexts(document: Any) -> list[str]:
    """Every context URL a document names (also nested, imported or in term definitions)."""
    found: list[str] = []

    def contexts(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                contexts(item)
        elif isinstance(value, dict):
            if isinstance(value.get("@import"), str):
                found.append(value["@import"])
            walk(value)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "@context":
                    contexts(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return found


# --- the vocabulary -------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """The terms of the official schema.org release, keyed by full https IRI."""

    classes: frozenset[str]
    properties: dict[str, frozenset[str]]  # property -> its domainIncludes
    members: frozenset[str]  # enumeration members, e.g. https://schema.org/EventScheduled
    parents: dict[str, frozenset[str]]
    pending: frozenset[str]
    superseded: dict[str, str]
    ranges: dict[str, frozenset[str]] = field(default_factory=dict)  # property -> its rangeIncludes

    def ancestors(self, cls: str) -> frozenset[str]:
        return _ancestors(self, cls)

    def allows(self, prop: str, types: list[str]) -> bool:
        """Whether a property is expected on a node of these types (domainIncludes)."""
        domain = self.properties.get(prop, frozenset())
        if not domain or not types:
            return True
        return any(domain & self.ancestors(t) for t in types)

    def accepts(self, prop: str, types: list[str]) -> bool:
        """Whether a node of these types is in the range of a property (rangeIncludes).

        A node whose types are all unknown to schema.org, or a property without a range,
        is not judged; a node fits if one of its types or their ancestors is in the range
        (schema.org: a node may have several types, e.g. Country and GovernmentOrganization).
        A property whose range includes URL takes any IRI.
        """
        expected = self.ranges.get(prop, frozenset())
        known = [t for t in types if t in self.classes]
        if not expected or not known or SCHEMA + "URL" in expected:
            return True  # a URL-valued property takes any IRI, whatever that IRI describes
        return any(expected & self.ancestors(t) for t in known)

    def is_term(self, iri: str) -> bool:
        return iri in self.classes or iri in self.properties or iri in self.members


@lru_cache(maxsize=4096)
def _ancestors(vocab: Vocabulary, cls: str) -> frozenset[str]:
    seen = {cls}
    todo = [cls]
    while todo:
        for parent in vocab.parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(seen)


# Vocabulary objects hash by identity: one per process, built once.
Vocabulary.__hash__ = object.__hash__  # type: ignore[method-assign]  # by identity, not by its (dict) fields


def vocabulary() -> Vocabulary | None:
    """The installed schema.org vocabulary, or None (validators then warn)."""
    path = standards.find(standards.SCHEMAORG_VOCAB)
    return _vocabulary_at(path) if path is not None else None


@lru_cache(maxsize=2)
def _vocabulary_at(path: Path) -> Vocabulary:
    return parse_vocabulary(_json_at(path))


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [i["@id"] if isinstance(i, dict) else i for i in items]


def parse_vocabulary(data: dict[str, Any]) -> Vocabulary:
    def full(curie: str) -> str:
        return SCHEMA + curie[len("schema:") :] if curie.startswith("schema:") else curie

    classes: set[str] = set()
    properties: dict[str, frozenset[str]] = {}
    members: set[str] = set()
    parents: dict[str, frozenset[str]] = {}
    pending: set[str] = set()
    superseded: dict[str, str] = {}
    ranges: dict[str, frozenset[str]] = {}
    for node in data["@graph"]:
        iri = full(node["@id"])
        types = _ids(node.get("@type"))
        if "rdfs:Class" in types:
            classes.add(iri)
            parents[iri] = frozenset(full(p) for p in _ids(node.get("rdfs:subClassOf")))
        elif "rdf:Property" in types:
            properties[iri] = frozenset(full(d) for d in _ids(node.get("schema:domainIncludes")))
            ranges[iri] = frozenset(full(r) for r in _ids(node.get("schema:rangeIncludes")))
        elif any(t.startswith("schema:") for t in types):
            members.add(iri)
        if "https://pending.schema.org" in _ids(node.get("schema:isPartOf")):
            pending.add(iri)
        replaced = _ids(node.get("schema:supersededBy"))
        if replaced:
            superseded[iri] = full(replaced[0])
    return Vocabulary(
        frozenset(classes), properties, frozenset(members), parents, frozenset(pending), superseded, ranges
    )
