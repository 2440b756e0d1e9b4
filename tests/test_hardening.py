"""Hostile and broken input: never a crash, a hang, a network request or lost data.

The tests walk the format registry, so every reader and exporter is covered as it lands.
"""

from __future__ import annotations

import codecs
import json
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import newsgraph
from newsgraph import InputError, NewsgraphError, formats, read_bytes
from newsgraph.extract import nlp, pipeline
from newsgraph.inputs import MAX_DOCUMENT_BYTES

from conftest import SAMPLES, NetworkUsed

READABLE = [f.name for f in formats.FORMATS if f.readable]
WRITABLE = [f.name for f in formats.FORMATS if f.writable]


def test_socket_guard_works(no_network: None) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))


@pytest.mark.parametrize("name", WRITABLE)
def test_every_exporter_and_its_reader_work_offline(name: str, no_network: None, kitchen_sink) -> None:
    text = newsgraph.export(kitchen_sink, to=name)  # validated against its official schema
    assert newsgraph.validate(text.encode(), format=name) == []
    assert read_bytes(text.encode(), format=name)  # every format we write, we read


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_reading_and_extraction_work_offline(path: Path, no_network: None) -> None:
    [article] = newsgraph.read(path)
    newsgraph.extract(article)


@pytest.mark.parametrize("name", READABLE)
@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_give_a_newsgraph_error_or_articles(name: str, data: bytes) -> None:
    try:
        articles = read_bytes(data, format=name)
    except NewsgraphError as err:
        assert err.what and err.fix, err  # every message says what and how to fix
    else:
        assert all(isinstance(a, newsgraph.Article) for a in articles)


@pytest.mark.parametrize("name", [n for n in READABLE if n in ("json", "jsonl", "ninjs", "jsonld")])
@settings(max_examples=60, deadline=2000)
@given(doc=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                        lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.sampled_from(["id", "body", "text", "uri", "headline", "@context",
                                                           "@graph", "@type", "headlines", "actors", "quotes"]),
                                          inner, max_size=5), max_leaves=20))
def test_wrong_json_documents_give_a_newsgraph_error(name: str, doc: object) -> None:
    try:
        read_bytes(json.dumps(doc).encode(), format=name)
    except NewsgraphError:
        pass


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        read_bytes(b"[" * 100_000 + b"]" * 100_000, format="json")


def test_duplicate_json_keys_are_refused() -> None:
    with pytest.raises(InputError, match="duplicate key 'id'"):
        read_bytes(b'{"id": "urn:a", "id": "urn:b"}', format="json")


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    with pytest.raises(InputError, match="100 MiB, more than the 64 MiB"):
        newsgraph.read(big)


def test_a_json_lines_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    good = json.dumps({"text": "Headline\n\nBody text here."})
    with open(path, "w") as f:
        f.write(good + "\n")
        f.write('{"text": "' + "x" * (MAX_DOCUMENT_BYTES + 10) + '"}\n')
        f.write(good + "\n")
    report = newsgraph.convert([path], tmp_path / "out/", options=newsgraph.ConvertOptions(workers=1))
    assert [o.ok for o in report.outcomes] == [True, False, True]
    assert "more than the 64 MiB" in str(report.failed[0].error)


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    line = ("word " * 200_000).strip()
    [article] = read_bytes(f"Headline\n\n{line}".encode(), format="text")
    assert len(article.body[0].text) == len(line)
    assert len(nlp.parseable(line)) <= nlp.MAX_PARSE_CHARS and nlp.is_truncated(line)
    pipeline.run(article)  # bounded: the parser sees at most MAX_PARSE_CHARS


@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
], ids=["utf-16-le-bom", "utf-16-be-bom", "utf-8-bom"])
def test_marked_encodings_read(encode) -> None:
    [a] = read_bytes(encode("Überschrift\r\n\r\nErster Absatz.\nZweiter Absatz.\r\n"), format="text")
    assert a.headline == "Überschrift" and [p.text for p in a.body] == ["Erster Absatz.", "Zweiter Absatz."]


@pytest.mark.parametrize("data, message", [
    ("Überschrift\n\nText".encode("utf-16-le"), "binary"),  # UTF-16 without BOM: NUL bytes
    ("Caf\u00e9\n\nCr\u00e8me br\u00fbl\u00e9e".encode("latin-1"), "not valid UTF-8"),
])
def test_unmarked_foreign_encodings_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_bytes(data, format="text")
    assert info.value.fix


def test_mixed_line_endings_keep_offsets() -> None:
    text = "Headline\r\n\r\nOne.\nTwo.\rThree.\r\n"
    [a] = read_bytes(text.encode(), format="text")
    assert [p.text for p in a.body] == ["One.", "Two.", "Three."]
    assert all(text[p.offset:p.offset + len(p.text)] == p.text for p in a.body)
