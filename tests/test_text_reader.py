"""The raw-text reader: headline first, paragraphs with exact offsets, clear decoding errors."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, strategies as st

from newsgraph import InputError, read_bytes
from newsgraph.model import FORBIDDEN_CHARACTERS
from newsgraph.readers.text import paragraphs

from conftest import SAMPLES, SEEDS


def read_text(data: bytes):
    [article] = read_bytes(data, format="text")
    return article


def assert_offsets_exact(text: str, article) -> None:
    for p in article.body:
        assert text[p.offset : p.offset + len(p.text)] == p.text


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_samples_keep_exact_offsets(path) -> None:
    data = path.read_bytes()
    article = read_text(data)
    assert article.headline and article.body
    assert_offsets_exact(data.decode("utf-8"), article)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_seeds_keep_exact_offsets() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        assert_offsets_exact(data.decode("utf-8"), read_text(data))


def test_headline_is_the_first_line_and_blank_lines_split() -> None:
    article = read_text(b"\n\n  Headline here  \n\nFirst paragraph.\nSecond paragraph.\n\n\nThird.")
    assert article.headline == "Headline here"
    assert [p.text for p in article.body] == ["First paragraph.", "Second paragraph.", "Third."]


def test_hard_wrapped_prose_is_joined_with_exact_offsets() -> None:
    text = "Title\n\nThe minister said the plan would\nbe ready by the end of\nthe year.\nNext paragraph."
    article = read_text(text.encode())
    assert [p.text for p in article.body] == [
        "The minister said the plan would be ready by the end of the year.",
        "Next paragraph.",
    ]
    assert_offsets_exact(text.replace("\n", " "), article)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings(newline: str) -> None:
    text = newline.join(["Headline", "", "One.", "Two."])
    article = read_text(text.encode())
    assert [p.text for p in article.body] == ["One.", "Two."]
    assert_offsets_exact(text, article)


def test_utf8_bom_is_skipped_and_utf16_with_bom_reads() -> None:
    assert read_text(codecs.BOM_UTF8 + "Headline\n\nBody.".encode()).headline == "Headline"
    article = read_text(codecs.BOM_UTF16_LE + "Überschrift\n\nText.".encode("utf-16-le"))
    assert article.headline == "Überschrift"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n \t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_input_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_bytes(data, format="text")
    assert "(" in str(info.value)  # every message says how to fix it


def test_provenance_and_id() -> None:
    a = read_text(b"Headline\n\nBody.")
    b = read_text(b"Headline\n\nBody.")
    assert a.id == b.id and a.provenance and a.provenance.reader == "text"
    assert a.provenance.sha256 and len(a.provenance.sha256) == 64


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_paragraphs_never_lose_their_place(text: str) -> None:
    # Joining hard-wrapped lines turns the gap between them (line break and indentation)
    # into spaces; every other character stays where it was.
    for p in paragraphs(text):
        assert p.text.strip() == p.text and p.text
        original = text[p.offset : p.offset + len(p.text)]
        assert len(original) == len(p.text)
        # (characters no format can carry become spaces too)
        assert all(
            a == b or ((a.isspace() or FORBIDDEN_CHARACTERS.match(a)) and b == " ") for a, b in zip(original, p.text)
        )


def test_wrapped_line_with_odd_white_space() -> None:
    [p] = paragraphs("0\n\x85a")
    assert p.text == "0  a" and p.offset == 0
