"""Characters no output format can carry: control characters XML 1.0 forbids, U+FFFE/U+FFFF
and lone surrogates.

The policy: the model refuses them in every string field with a ModelError naming the field;
readers of raw or foreign input (text, HTML, other publishers' ninjs, JSON-LD and NewsML)
replace each by a space and say so in provenance.notes; newsgraph's own documents (JSON, and
JSON-LD or NewsML-G2 it wrote) holding them are refused, since something altered them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

import newsgraph
from newsgraph import Article, InputError, ModelError, read_bytes
from newsgraph.cli import main
from newsgraph.model import FORBIDDEN_CHARACTERS, article_from_data
from newsgraph.readers.base import Sanitiser, sanitise, sanitise_xml

from strategies import articles

FORBIDDEN = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))] + [
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
    "\ufffe",
    "\uffff",
]
# Close to the forbidden ones, and allowed: XML 1.0 carries them.
ALLOWED = [
    "\t",
    "\n",
    "\r",
    "\x7f",
    "\x80",
    "\x85",
    "\x9f",
    "\ud7ff",
    "\ue000",
    "\ufffd",
    "\U0001fffe",
    "\U0010ffff",
    "\U0001f600",
]
NOTE = "no output format can carry"


def test_the_pattern_is_exactly_what_xml_1_0_forbids() -> None:
    # XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    def xml_char(c: int) -> bool:
        return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c

    wrong = [c for c in range(0x110000) if bool(FORBIDDEN_CHARACTERS.match(chr(c))) == xml_char(c)]
    assert wrong == []


# --- the model -------------------------------------------------------------------------------


_TYPED = {
    "published",
    "modified",
    "start",
    "end",
    "language",
    "kind",
    "role",
    "precision",
    "status",
    "gender",
    "sha256",
    "part",  # a span's line: "headline" or "subheadline", nothing else
}


def _string_paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place of a dumped article that holds a string: ("body", 0, "text"), keys as ("key", k)."""
    found: list[tuple] = []
    if isinstance(value, str):
        found.append(path)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _string_paths(v, (*path, i))
    elif isinstance(value, dict):
        for k, v in value.items():
            if path and path[-1] == "identifiers":
                found.append((*path, ("key", k)))
            found += _string_paths(v, (*path, k))
    return found


def _insert(data: dict, path: tuple, char: str, at: int) -> None:
    *parents, last = path
    holder: Any = data
    for p in parents:
        holder = holder[p]
    if isinstance(last, tuple):  # a dict key
        key = last[1]
        holder[key[:at] + char + key[at:]] = holder.pop(key)
    else:
        holder[last] = holder[last][:at] + char + holder[last][at:]


@settings(max_examples=60, deadline=None)
@given(article=articles(), data=st.data())
def test_the_model_refuses_them_in_every_string_field(article: Article, data: st.DataObject) -> None:
    dumped = article.model_dump()
    path = data.draw(st.sampled_from(_string_paths(dumped)), label="field")
    char = data.draw(st.sampled_from(FORBIDDEN), label="character")
    # At the end: a URI stays a URI, so this rule, not the URI pattern, is what refuses it.
    _insert(dumped, path, char, 10**6)
    with pytest.raises(ModelError) as info:
        article_from_data(dumped)
    message = info.value.message
    field = next(p for p in reversed(path) if isinstance(p, (str, tuple)))
    assert str(field if isinstance(field, str) else "identifiers") in message  # names the field
    if field not in _TYPED and "is not a URI" not in message:
        # (dates, tags, kinds and URIs holding white space are refused by their own patterns first)
        assert f"U+{ord(char):04X}" in message and NOTE in message
        assert "delete it or replace it with a space" in message


@pytest.mark.parametrize("char", ALLOWED, ids=lambda c: f"U+{ord(c):04X}")
def test_the_characters_next_to_them_are_allowed(char: str) -> None:
    article = article_from_data(
        {"id": "urn:x:a", "headline": f"a{char}b", "body": [{"text": f"x{char}"}], "topics": [char + "t"]}
    )
    assert article.headline == f"a{char}b"


def test_our_json_holding_one_is_a_clear_model_error(tmp_path: Path) -> None:
    source = tmp_path / "altered.json"
    source.write_text(
        json.dumps({"id": "urn:x:a", "headline": "Bell\u0007 rings", "body": [{"text": "Text."}]}), encoding="utf-8"
    )
    out = tmp_path / "out.jsonld"
    result = CliRunner().invoke(main, ["convert", str(source), "--to", "jsonld", "-o", str(out)])
    assert result.exit_code == 1
    assert (
        f"error: {source}: headline holds U+0007 (a control character) at character 4, which {NOTE}: "
        "delete it or replace it with a space"
    ) in result.output
    assert not out.exists()


def test_a_json_lines_line_holding_one_names_the_line() -> None:
    good = json.dumps({"id": "urn:x:a", "body": [{"text": "Fine."}]})
    bad = json.dumps({"id": "urn:x:b", "body": [{"text": "Lone \udc00 surrogate."}]})
    with pytest.raises(ModelError, match=r"line 2: body\.0: text holds U\+DC00 \(a lone surrogate\)"):
        read_bytes(f"{good}\n{bad}\n".encode(), format="json")


def test_validate_reports_them_in_our_formats() -> None:
    doc = json.dumps({"id": "urn:x:a", "headline": "x\u000b", "body": []}).encode()
    [problem] = newsgraph.validate(doc, format="json")
    assert "U+000B" in problem.message


# --- the sanitiser -----------------------------------------------------------------------------


@given(st.text(st.sampled_from(FORBIDDEN + ALLOWED + ["a", " "]), max_size=50))
def test_the_sanitiser_keeps_length_and_allowed_characters(text: str) -> None:
    clean, note = sanitise(text)
    assert len(clean) == len(text) and not FORBIDDEN_CHARACTERS.search(clean)
    assert all(c == d or (d == " " and FORBIDDEN_CHARACTERS.match(c)) for c, d in zip(text, clean))
    assert (note is None) == (clean == text)


def test_the_sanitiser_copies_documents_and_names_places() -> None:
    doc = {"a\x01": ["ok", {"b": "\uffff"}], "c": "fine"}
    sanitiser = Sanitiser()
    assert sanitiser.document(doc) == {"a ": ["ok", {"b": " "}], "c": "fine"}
    assert doc == {"a\x01": ["ok", {"b": "\uffff"}], "c": "fine"}  # the caller's is untouched
    assert sanitiser.count == 2 and sanitiser.note() == (
        f"replaced 2 characters that {NOTE} (control characters, lone surrogates, U+FFFE/U+FFFF) "
        "with spaces: U+0001, U+FFFF at /a\x01, /a /1/b".replace("\x01", " ")
    )


def test_the_sanitiser_walks_deep_documents_without_recursion() -> None:
    doc: Any = "\x01"
    for _ in range(100_000):
        doc = [doc]
    cleaned = Sanitiser().document(doc)
    for _ in range(100_000):
        cleaned = cleaned[0]
    assert cleaned == " "


def test_xml_repair_touches_only_what_is_forbidden() -> None:
    sanitiser = Sanitiser()
    data = b"<x a='&#1;'>&#x1F;&#65;&#xFFFE;\x0b&#999999999;\xef\xbf\xbf&#10;</x>"
    assert sanitise_xml(data, sanitiser) == b"<x a=' '> &#65;  &#999999999; &#10;</x>"
    assert list(sanitiser.characters) == ["U+0001", "U+001F", "U+FFFE", "U+000B", "U+FFFF"]
    utf16 = "<x>\x01</x>".encode("utf-16")
    assert sanitise_xml(utf16, Sanitiser()) == utf16  # not ASCII-based: left to libxml2's error
    shift_jis = b"<?xml version='1.0' encoding='Shift_JIS'?><x>\x0b&#1;</x>"
    assert sanitise_xml(shift_jis, Sanitiser()) == b"<?xml version='1.0' encoding='Shift_JIS'?><x>\x0b </x>"


# --- readers of raw and foreign input replace them -----------------------------------------------


def _noted(article: Article, *codes: str) -> None:
    assert article.provenance is not None
    notes = [n for n in article.provenance.notes if NOTE in n]
    assert notes, article.provenance.notes
    for code in codes:
        assert code in notes[0]


def test_text_reader_replaces_them_and_offsets_stay_exact() -> None:
    # (a NUL within the first 4 KiB means a binary file; further on, it is one more character)
    raw = "Head\x01line\n\nFirst\x0bpara\x0cgraph.\x1f\n\nSecond \ufffe\uffff one.\n\n" + "x " * 2100 + "\x00."
    [article] = read_bytes(raw.encode(), format="text")
    flat = sanitise(raw)[0]
    assert article.headline == "Head line"
    assert [p.text for p in article.body[:2]] == ["First para graph.", "Second    one."]
    assert article.body[2].text.endswith("x  .")
    assert all(flat[p.offset : p.offset + len(p.text)] == p.text for p in article.body)
    _noted(article, "U+0001", "U+000B", "U+FFFE", "U+0000")
    newsgraph.extract(article)  # and extraction takes it from there


def test_text_reader_without_them_adds_no_note() -> None:
    [article] = read_bytes(b"Headline\n\nBody text.", format="text")
    assert article.provenance is not None and article.provenance.notes == []


def test_json_lines_raw_records_are_repaired_in_text_and_id() -> None:
    record = {"text": "Head\u0001\n\nBody \ud800 text.", "id": "corpus:\u0002id"}
    [article] = read_bytes(json.dumps(record).encode(), format="jsonl")
    assert article.headline == "Head" and article.body[0].text == "Body   text."
    _noted(article, "U+0001", "U+D800", "U+0002")


def test_html_reader_replaces_character_references() -> None:
    page = (
        "<html><head><title>Bridge&#1;vote</title><meta name='description' content='A &#xFFFE; "
        "standfirst of several words here'></head><body><article><h1>Bridge&#1;vote</h1>"
        "<p>The council approved the new footbridge&#x1f; on a vote of seven to two.</p>"
        "<p>Work starts in spring and takes &#11; about a year, officials said.</p>"
        "<figure><img src='https://example.org/b.jpg' alt='A&#2;bridge'></figure>"
        "</article></body></html>"
    ).encode()
    [article] = read_bytes(page, format="html")
    assert article.headline == "Bridge vote"
    assert "footbridge on a vote" in article.text
    assert not FORBIDDEN_CHARACTERS.search(article.model_dump_json())
    _noted(article, "U+0001", "U+001F")


def test_html_reader_raw_control_bytes_are_dropped_by_the_parser() -> None:
    page = (
        b"<html><body><article><h1>Head\x01line</h1><p>The council approved the new footbridge"
        b"\x0b on a vote of seven to two last night.</p></article></body></html>"
    )
    [article] = read_bytes(page, format="html")
    assert not FORBIDDEN_CHARACTERS.search(article.model_dump_json())


def test_ninjs_of_another_publisher_is_repaired_with_a_note() -> None:
    item = {
        "uri": "urn:pub:1",
        "headlines": [
            {"role": "main", "value": "Head\u0001line"},
            {"role": "sub", "contenttype": "text/html", "value": "<b>S&#1;ub</b>"},
        ],
        "bodies": [
            {
                "contenttype": "text/html",
                "value": "<p>Body \ud800 &#2; text <span data-actor='urn:p'>Jane\uffffDoe</span>.</p>",
            }
        ],
        "people": [{"name": "Jane\uffffDoe", "uri": "urn:p"}],
        "by": "Jane\u000bDoe",
    }
    [article] = read_bytes(json.dumps(item).encode(), format="ninjs")
    assert article.headline == "Head line" and article.subheadline == "S ub"
    assert article.body[0].text == "Body text Jane Doe."  # white space as a browser shows it
    assert not FORBIDDEN_CHARACTERS.search(article.model_dump_json())
    _noted(article, "U+0001", "U+D800", "U+FFFF")
    assert any("the HTML body" in n and "U+0002" in n for n in article.provenance.notes)


def test_jsonld_of_another_publisher_is_repaired_with_a_note() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Head\u0001line",
        "articleBody": "Body \ud800 text.",
        "author": {"@type": "Person", "name": "Jane \uffff Doe"},
        "keywords": ["a\u0002b"],
    }
    [article] = read_bytes(json.dumps(doc).encode(), format="jsonld")
    assert article.headline == "Head line" and article.body[0].text == "Body   text."
    _noted(article, "U+0001", "U+D800", "U+FFFF", "U+0002")


def test_jsonld_we_wrote_holding_one_was_altered(kitchen_sink: Article) -> None:
    text = newsgraph.export(kitchen_sink, to="jsonld")
    altered = text.replace(kitchen_sink.headline, "\\u0001" + kitchen_sink.headline, 1)
    with pytest.raises(InputError, match=r"holds characters no output format can carry \(U\+0001 at /"):
        read_bytes(altered.encode(), format="jsonld")


def _foreign(xml: str) -> str:
    return re.sub(r"<generator[^<]*</generator>", "", xml)


def test_newsml_of_another_publisher_is_repaired_with_a_note(kitchen_sink: Article) -> None:
    xml = _foreign(newsgraph.export(kitchen_sink, to="newsml"))
    word = kitchen_sink.body[0].text.split()[0]
    damaged = xml.replace(f">{word}", f">&#1;{word}\x0b", 1).replace("<headline>", "<headline>&#xFFFF;", 1)
    [article] = read_bytes(damaged.encode(), format="newsml")
    assert article.headline == kitchen_sink.headline  # (others' white space is collapsed)
    _noted(article, "U+0001", "U+000B", "U+FFFF")


def test_newsml_broken_beyond_those_characters_reports_the_first_problem(kitchen_sink: Article) -> None:
    xml = _foreign(newsgraph.export(kitchen_sink, to="newsml"))
    damaged = xml.replace("<headline>", "<headline>&#1;", 1).replace("</itemMeta>", "", 1)
    with pytest.raises(InputError, match="malformed XML at line .*invalid xmlChar value 1"):
        read_bytes(damaged.encode(), format="newsml")


def test_newsml_we_wrote_holding_one_was_altered(kitchen_sink: Article) -> None:
    xml = newsgraph.export(kitchen_sink, to="newsml")
    damaged = xml.replace("<headline>", "<headline>&#1;", 1)
    with pytest.raises(InputError, match="XML 1.0 does not allow .*U\\+0001.*was altered"):
        read_bytes(damaged.encode(), format="newsml")


def test_validators_still_report_what_readers_repair() -> None:
    # `validate` checks a document as it is; only reading repairs it.
    item = json.dumps({"uri": "urn:pub:1", "headlines": [{"role": "main", "value": "A\u0001"}]}).encode()
    assert any("U+0001" in p.message for p in newsgraph.validate(item, format="ninjs"))
    assert read_bytes(item, format="ninjs")[0].headline == "A "


def test_a_span_line_holding_one_is_refused_naming_the_field() -> None:
    # (found by hypothesis: a span's part is one of two words, refused as such first)
    quote = {
        "id": "urn:x:a#quote-1",
        "kind": "direct",
        "text": "A",
        "spans": [{"part": "headline\x00", "paragraph": 0, "start": 0, "end": 1}],
    }
    with pytest.raises(ModelError) as info:
        article_from_data({"id": "urn:x:a", "headline": "A line", "body": [{"text": "Some text."}], "quotes": [quote]})
    assert "quotes.0.spans.0.part" in info.value.message
