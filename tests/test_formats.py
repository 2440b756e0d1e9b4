"""The one registry of formats: consistent, importable, and sniffing what it should."""

from __future__ import annotations

import pytest

from newsgraph import formats
from newsgraph.api import detect_format
from newsgraph.errors import InputError, UsageError


def test_names_and_extensions_are_unique() -> None:
    assert len(set(formats.names())) == len(formats.FORMATS)
    exts = [e for f in formats.FORMATS for e in f.extensions]
    assert len(set(exts)) == len(exts)


@pytest.mark.parametrize("fmt", formats.FORMATS, ids=lambda f: f.name)
def test_every_registered_piece_imports(fmt: formats.Format) -> None:
    if fmt.readable:
        assert callable(fmt.load_reader())
    if fmt.writable:
        exporter = fmt.load_exporter()
        assert callable(exporter.render) and callable(exporter.render_many)
    if fmt.validator:
        assert callable(fmt.load_validator())
    assert fmt.media_type.count("/") == 1 and all(e.startswith(".") for e in fmt.extensions)


def test_unknown_format_lists_the_choices() -> None:
    with pytest.raises(UsageError, match="choose one of: .*json"):
        formats.get("docx")


def test_by_extension_prefers_the_longest_match() -> None:
    assert formats.by_extension("a/b/story.TXT").name == "text"  # type: ignore[union-attr]  # unknown fails the test
    assert formats.by_extension("many.jsonl").name == "jsonl"  # type: ignore[union-attr]  # unknown fails the test
    assert formats.by_extension("x.ninjs.json").name == ("ninjs" if "ninjs" in formats.names() else "json")  # type: ignore[union-attr]  # unknown fails the test
    assert formats.by_extension("notes.docx") is None


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"Headline\n\nBody", "text"),
        (b'{"id": "urn:x", "body": []}', "json"),
        (b'{"id": "urn:x"}\n{"id": "urn:y"}\n', "json"),
        (b'{"@context": "https://schema.org", "@type": "NewsArticle"}', "jsonld"),
        (b'{"uri": "http://x", "type": "text", "headlines": []}', "ninjs"),
        (b'<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">', "newsml"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    ],
)
def test_sniffing(head: bytes, expected: str) -> None:
    fmt = formats.sniff(head)
    registered = expected in formats.names()
    assert (fmt.name if fmt else None) == (expected if registered else None)


def test_json_extension_defers_to_content() -> None:
    assert detect_format(b'{"id": "urn:x"}', "a.json").name == "json"
    if "jsonld" in formats.names():
        assert detect_format(b'{"@context": "https://schema.org"}', "a.json").name == "jsonld"


def test_undetectable_input_says_to_use_from() -> None:
    with pytest.raises(InputError, match="--from"):
        detect_format(b"<svg/>", "drawing")
