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
from junk import JUNK, damaged

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
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_give_a_newsgraph_error_or_articles(name: str, data: bytes) -> None:
    try:
        articles = read_bytes(data, format=name)
    except NewsgraphError as err:
        assert err.what and err.fix, err  # every message says what and how to fix
    else:
        assert all(isinstance(a, newsgraph.Article) for a in articles)


@pytest.mark.parametrize("name", [n for n in READABLE if n in ("json", "jsonl", "ninjs", "jsonld")])
@settings(max_examples=60, deadline=None)
@given(
    doc=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "body",
                        "text",
                        "uri",
                        "headline",
                        "@context",
                        "@graph",
                        "@type",
                        "headlines",
                        "actors",
                        "quotes",
                    ]
                ),
                inner,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
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
    seen: list = []
    report = newsgraph.convert(
        [path], tmp_path / "out/", options=newsgraph.ConvertOptions(workers=1), on_outcome=seen.append
    )
    assert [o.ok for o in seen] == [True, False, True] and (report.converted, report.inputs) == (2, 3)
    assert "more than the 64 MiB" in str(report.failed[0].error)


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    line = ("word " * 200_000).strip()
    [article] = read_bytes(f"Headline\n\n{line}".encode(), format="text")
    assert len(article.body[0].text) == len(line)
    assert all(len(piece) <= nlp.MAX_PARSE_CHARS for _, piece in nlp.pieces(line))
    # the parser sees pieces of at most PIECE_CHARS, joined into one Doc of the whole text
    # (all of it: the time of the 1 MB case, linear, is bench_scaling's "extract long paragraph")
    part = line[:60_000]
    [doc] = nlp.parse([part])
    assert doc.text == part and len(doc) == 12_000
    [short] = read_bytes(f"Headline\n\n{part}".encode(), format="text")
    pipeline.run(short)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    ],
    ids=["utf-16-le-bom", "utf-16-be-bom", "utf-8-bom"],
)
def test_marked_encodings_read(encode) -> None:
    [a] = read_bytes(encode("Überschrift\r\n\r\nErster Absatz.\nZweiter Absatz.\r\n"), format="text")
    assert a.headline == "Überschrift" and [p.text for p in a.body] == ["Erster Absatz.", "Zweiter Absatz."]


@pytest.mark.parametrize(
    "data, message",
    [
        ("Überschrift\n\nText".encode("utf-16-le"), "binary"),  # UTF-16 without BOM: NUL bytes
        ("Caf\u00e9\n\nCr\u00e8me br\u00fbl\u00e9e".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_unmarked_foreign_encodings_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_bytes(data, format="text")
    assert info.value.fix


def test_mixed_line_endings_keep_offsets() -> None:
    text = "Headline\r\n\r\nOne.\nTwo.\rThree.\r\n"
    [a] = read_bytes(text.encode(), format="text")
    assert [p.text for p in a.body] == ["One.", "Two.", "Three."]
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in a.body)


@pytest.mark.parametrize("name", [f.name for f in formats.FORMATS if f.many_extension and f.readable])
def test_json_lines_split_at_line_feeds_only(name: str, kitchen_sink) -> None:
    # U+2028, U+2029, NEL and friends stay unescaped in JSON strings; str.splitlines() would
    # cut an article in two at each of them.
    odd = "\u2028 \u2029 \x85"
    body = [kitchen_sink.body[0].model_copy(update={"text": kitchen_sink.body[0].text + odd}), *kitchen_sink.body[1:]]
    article = newsgraph.Article.model_validate(kitchen_sink.model_copy(update={"body": body}).model_dump())
    stream = newsgraph.export([article, article], to=name)
    assert stream.count("\n") == 2 and "\u2028" in stream
    assert read_bytes(stream.encode(), format=name) == [article, article]
    assert read_bytes(stream.replace("\n", "\r\n").encode(), format=name) == [article, article]


# --- well-formed but wrong documents of every format: a NewsgraphError or good articles ------


def read_or_clear_error(data: bytes, name: str) -> list[newsgraph.Article]:
    """What every reader must do with any input: articles that export, or a clear error.
    And `validate` must report problems (or raise a NewsgraphError), never crash."""
    try:
        problems = newsgraph.validate(data, format=name)
        assert all(p.message for p in problems)
    except NewsgraphError:
        pass
    try:
        articles = read_bytes(data, format=name)
    except NewsgraphError as err:
        assert err.what and err.fix, err  # every message says what and how to fix
        assert "root:x:0:0" not in str(err)  # nothing of a local file leaks into messages
        return []
    for article in articles:
        assert isinstance(article, newsgraph.Article)
        # Whatever a reader accepts is a valid model that newsgraph can write back out.
        assert newsgraph.Article.model_validate(article.model_dump()) == article
        newsgraph.export(article, to="json")
    return articles


def test_every_readable_format_has_junk_and_damage_strategies() -> None:
    # A new reader must come with its own junk (tests/junk.py) to be fuzzed at all.
    assert set(READABLE) <= set(JUNK)


@pytest.mark.parametrize("name", READABLE)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_wrong_documents_of_every_format_give_a_newsgraph_error_or_articles(name: str, data: st.DataObject) -> None:
    read_or_clear_error(data.draw(JUNK[name], label="document"), name)


@pytest.mark.parametrize("name", READABLE)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_documents_of_every_format_give_a_newsgraph_error_or_articles(name: str, data: st.DataObject) -> None:
    read_or_clear_error(data.draw(damaged(name), label="document"), name)


@pytest.mark.parametrize("name", READABLE)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_readers_never_touch_the_network(name: str, data: st.DataObject, no_network: None) -> None:
    read_or_clear_error(data.draw(st.one_of(JUNK[name], damaged(name)), label="document"), name)


_REMOTE = "http://127.0.0.1:9/ctx"


@pytest.mark.parametrize(
    "doc",
    [
        {"@context": [{"@import": _REMOTE}], "@type": "NewsArticle", "headline": "x"},
        {"@context": {"@import": _REMOTE, "@vocab": "https://schema.org/"}, "@type": "NewsArticle"},
        {"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@context": {"@import": _REMOTE}}},
        {
            "@context": {"@vocab": "https://schema.org/", "author": {"@id": "author", "@context": _REMOTE}},
            "@type": "NewsArticle",
            "author": {"name": "A"},
        },
        {
            "@context": {"@vocab": "https://schema.org/", "Person": {"@id": "Person", "@context": _REMOTE}},
            "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "A"},
        },
        {"@context": "https://schema.org", "@type": "NewsArticle", "@included": [{"@context": _REMOTE}]},
    ],
    ids=["import", "import-with-vocab", "nested-import", "property-scoped", "type-scoped", "included"],
)
def test_a_remote_context_anywhere_is_refused_not_fetched(doc: dict, no_network: None) -> None:
    # JSON-LD 1.1 can name contexts in many places; every one is found before expansion.
    with pytest.raises(InputError, match=f"remote URL '{_REMOTE}', which newsgraph does not fetch"):
        read_bytes(json.dumps(doc).encode(), format="jsonld")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_whole_pipeline_on_hostile_text(data: st.DataObject) -> None:
    """Raw text read, extracted by every pass, written in every format and read back."""
    from strategies import hostile_text, text as plain_text

    paragraphs = data.draw(st.lists(st.one_of(plain_text, hostile_text()), min_size=2, max_size=6))
    try:
        [article] = read_bytes("\n\n".join(paragraphs).encode("utf-8"), format="text")
        extracted = newsgraph.extract(article)
    except NewsgraphError as err:  # e.g. nothing but page furniture
        assert err.what and err.fix
        return
    for name in WRITABLE:
        text = newsgraph.export(extracted, to=name)
        back = read_bytes(text.encode("utf-8"), format=name)
        if name in formats.lossless_names():
            assert back == [extracted]
        else:  # a feed carries what feeds can (tests/test_output_safety.py checks the text)
            assert [a.id for a in back] == [extracted.id]
