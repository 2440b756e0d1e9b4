"""Shared by the NewsML-G2 tests: the official XSD, and what IPTC's own library sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from newsgraph import Article, standards
from newsgraph.readers.base import ReadOptions
from newsgraph.readers.newsml import read
from newsgraph.validators import newsml as newsml_validate

NAR = "http://iptc.org/std/nar/2006-10-01/"


def require_xsd() -> None:
    """Skip (saying why) when the official XSD is not on the standards search path."""
    if standards.find(standards.NEWSML_XSD) is None:
        pytest.skip(
            f"{standards.NEWSML_XSD} is not installed (CI has ../shared/standards; locally set $NEWSGRAPH_STANDARDS)"
        )


def examples_dir() -> Path:
    xsd = standards.find(standards.NEWSML_XSD)
    if xsd is None or not (xsd.parent / "examples").is_dir():
        pytest.skip("the official NewsML-G2 examples are not installed beside the XSD")
    return xsd.parent / "examples"


def assert_xsd_valid(xml: str | bytes) -> None:
    """Validate with lxml against the official XSD, independently of newsgraph's validator."""
    require_xsd()
    xsd_path = standards.find(standards.NEWSML_XSD)
    assert xsd_path is not None
    schema = etree.XMLSchema(etree.parse(str(xsd_path)))
    data = xml.encode() if isinstance(xml, str) else xml
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert schema.validate(doc), "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
    assert newsml_validate.check(data) == []


def read_back(xml: str) -> list[Article]:
    return list(read(xml.encode(), ReadOptions(source="roundtrip.newsml.xml")))


def expected_subjects(article: Article) -> list[tuple[str, str | None, str]]:
    """(type, uri, name) of the subjects newsgraph writes, in order (see the exporter)."""
    agencies = set(article.sources) | {article.publisher}
    nature = {"person": "cpnat:person", "organization": "cpnat:organisation", "country": "cpnat:geoArea"}
    # Topics with a code or URI come first, where their keywords would be.
    subjects = [("cpnat:abstract", t.uri, t.name or "") for t in article.topics if t.code or t.uri]
    # Never a group ("reporters"), an agency or the publisher; an author only if mentioned.
    subjects += [
        (nature[a.kind], a.id, a.name)
        for a in article.actors
        if a.kind != "group" and a.id not in agencies and (a.mentions or a.id not in article.authors)
    ]
    subjects += [
        ("cpnat:poi" if p.kind in ("venue", "address") else "cpnat:geoArea", p.id, p.name) for p in article.places
    ]
    subjects += [("cpnat:event", e.id, e.label) for e in article.events]
    return subjects


def consumer_view(item: Any) -> dict[str, object]:
    """What IPTC's newsmlg2 library (untyped) sees in a parsed newsItem."""
    meta = item.contentmeta
    headlines = [h for h in meta.headline if h.role is None]
    return {
        "guid": item.guid,
        "headline": str(headlines[0]) if headlines else None,
        "creators": [(c.uri, str(c.name)) for c in meta.creator],
        "subjects": [(s.type, s.uri, str(s.name) if len(s.name) else "") for s in meta.subject],
    }


def our_view(article: Article) -> dict[str, object]:
    return {
        "guid": article.id,
        # newsmlg2 collapses white space in text, as XML consumers of labels may.
        "headline": " ".join(article.headline.split()) if article.headline and article.headline.strip() else None,
        "creators": [(ref, " ".join(article.actor(ref).name.split())) for ref in article.authors],  # type: ignore[union-attr]  # missing fails the test
        "subjects": [(t, u, " ".join(n.split())) for t, u, n in expected_subjects(article)],
    }
