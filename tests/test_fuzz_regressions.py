"""Each crash bench/fuzz.py (and the hardening tests) found, as the smallest input that showed it.

docs/hardening.md lists them with the module that was fixed.
"""

from __future__ import annotations

import json

import pytest

import newsgraph
from newsgraph import InputError, read_bytes


def test_an_article_id_in_the_schema_org_namespace_exports_to_jsonld() -> None:
    # ninjs junk with "uri": "https://schema.org/Person" made an article whose JSON-LD nodes
    # (its '#source' provenance node) the validator took for unknown schema.org terms.
    [article] = read_bytes(json.dumps({"uri": "https://schema.org/Person"}).encode(), format="ninjs")
    text = newsgraph.export(article, to="jsonld")
    assert read_bytes(text.encode(), format="jsonld") == [article]


@pytest.mark.parametrize("publisher", [" ", "\t", "\u0001"])
def test_a_blank_or_unusable_publisher_is_an_input_error(publisher: str) -> None:
    # --publisher " " (or such a value in a sidecar or a JSON Lines record) made an Actor with
    # a blank name: a pydantic ValidationError escaped instead of a NewsgraphError.
    with pytest.raises(InputError, match="an option is invalid: name"):
        newsgraph.read(b"Headline\n\nBody text.", format="text", publisher=publisher)


def test_a_json_lines_record_id_with_a_control_character() -> None:
    # The record's id passed the URI check with U+0002 in it, then failed the model: a
    # ValidationError escaped. Record ids are now repaired like the rest of the record.
    record = {"text": "Headline\n\nBody text.", "id": "corpus:\u0002x"}
    [article] = read_bytes(json.dumps(record).encode(), format="jsonl")
    assert article.id.startswith("urn:newsgraph:article:")


def test_a_json_lines_record_text_with_a_lone_surrogate() -> None:
    # text.encode("utf-8") raised UnicodeEncodeError on "\ud800" from a JSON escape.
    [article] = read_bytes(b'{"text": "Head\\ud800line\\n\\nBody."}', format="jsonl")
    assert article.headline == "Head line"


def test_a_character_reference_the_model_refuses_does_not_drop_a_page() -> None:
    # '&#1;' became U+0001 in lxml's tree; trafilatura failed setting it again and the
    # reader said "no article text was found" about a good page.
    page = (b"<html><body><article><h1>Bridge&#1;vote</h1><p>The council approved the new footbridge "
            b"on a vote of seven to two last night, officials said.</p></article></body></html>")
    [article] = read_bytes(page, format="html")
    assert article.headline == "Bridge vote"


def test_a_ninjs_html_body_with_a_character_reference_the_model_refuses() -> None:
    # '<p>a&#1;b</p>' in a body: Paragraph(text="a\x01b") raised a ValidationError.
    item = {"uri": "urn:x:1", "bodies": [{"contentType": "text/html", "value": "<p>a&#1;b</p>"}]}
    [article] = read_bytes(json.dumps(item).encode(), format="ninjs")
    assert article.body[0].text == "a b"


@pytest.mark.parametrize("name", ["json", "ninjs"])
def test_a_line_separator_inside_a_json_lines_string(name: str) -> None:
    # U+2028 is legal unescaped in JSON; str.splitlines() split the line there.
    doc = {"id": "urn:x:a", "body": [{"text": "a\u2028b"}]} if name == "json" else \
        {"uri": "urn:x:a", "bodies": [{"contentType": "text/plain", "value": "a\u2028b"}]}
    line = json.dumps(doc, ensure_ascii=False)
    assert len(read_bytes(f"{line}\n{line}\n".encode(), format=name)) == 2
