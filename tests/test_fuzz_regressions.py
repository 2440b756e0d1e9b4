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
    page = (
        b"<html><body><article><h1>Bridge&#1;vote</h1><p>The council approved the new footbridge "
        b"on a vote of seven to two last night, officials said.</p></article></body></html>"
    )
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
    doc = (
        {"id": "urn:x:a", "body": [{"text": "a\u2028b"}]}
        if name == "json"
        else {"uri": "urn:x:a", "bodies": [{"contentType": "text/plain", "value": "a\u2028b"}]}
    )
    line = json.dumps(doc, ensure_ascii=False)
    assert len(read_bytes(f"{line}\n{line}\n".encode(), format=name)) == 2


def test_a_deep_object_in_a_json_file_is_a_clear_error(tmp_path) -> None:
    # Content sniffing (formats._sniff_json) parsed the first line and let RecursionError out:
    # `convert` said "internal error", `validate` crashed with a traceback.
    from click.testing import CliRunner

    from newsgraph.cli import main

    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 3000 + "1" + "}" * 3000)
    for command in (["convert", str(path), "-j", "1"], ["validate", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
        assert "nested too deeply" in result.output and "internal error" not in result.output


def test_a_deep_jsonld_line_in_json_lines_is_a_clear_error(tmp_path) -> None:
    # The batch read JSON Lines records outside the RecursionError guard of other inputs.
    doc: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}
    node = doc
    for _ in range(900):
        node["about"] = {"@type": "Thing", "name": "n"}
        node = node["about"]
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps(doc) + "\n")
    report = newsgraph.convert([path], tmp_path / "out/", options=newsgraph.ConvertOptions(workers=1))
    [failure] = report.failed
    assert "nested too deeply" in str(failure.error) and "internal error" not in str(failure.error)


def test_messages_quoting_a_huge_value_stay_short() -> None:
    # A 1 MB id made a 1 MB error line (and a 1 MB line in --errors files).
    with pytest.raises(newsgraph.ModelError) as info:
        read_bytes(json.dumps({"id": "not a uri " * 100_000, "body": []}).encode(), format="json")
    assert len(str(info.value)) < 1000 and "characters]" in str(info.value)
    [problem] = newsgraph.validate(json.dumps({"id": 5, "topics": ["x" * 10**6]}).encode(), format="json")
    assert len(problem.message) < 1000


@pytest.mark.parametrize("base", ["bad base", "", "urn:a#b"])
def test_an_id_base_that_mints_no_uri_is_a_usage_error(base: str) -> None:
    # Every input failed with "internal error: ValueError: '...' is not a URI".
    from click.testing import CliRunner

    from conftest import SAMPLES
    from newsgraph.cli import main

    result = CliRunner().invoke(main, ["convert", str(SAMPLES / "fraud_trial.txt"), "--id-base", base, "-j", "1"])
    assert result.exit_code == 2 and "internal error" not in result.output
    assert f"error: --id-base {base!r} cannot start an id" in result.output
    with pytest.raises(newsgraph.UsageError):
        newsgraph.read(SAMPLES / "fraud_trial.txt", id_base=base)


def test_standard_input_is_read_up_to_the_limit_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # `convert -` read all of standard input into memory, whatever its size (`cat /dev/zero |`).
    from click.testing import CliRunner

    from newsgraph import inputs
    from newsgraph.cli import main

    monkeypatch.setattr(inputs, "MAX_DOCUMENT_BYTES", 1000)
    result = CliRunner().invoke(
        main, ["convert", "-", "--from", "text", "-j", "1", "-q"], input=b"Headline\n\n" + b"word " * 1000
    )
    assert result.exit_code == 1 and "is more than the 0 MiB" in result.output


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
@pytest.mark.parametrize("name", ["json", "ninjs", "jsonld"])
def test_json_numbers_that_are_not_numbers_are_refused(name: str, number: str) -> None:
    # Python's json reads NaN, Infinity and 1e400 (as inf); pyld's canonicaliser then raised
    # ValueError("Invalid JSON number: -inf") from deep inside JSON-LD expansion.
    doc = {
        "json": '{"id": "urn:x:a", "body": [], "x": %s}',
        "ninjs": '{"uri": "urn:x:a", "x": %s}',
        "jsonld": '{"@context": [{"@version": %s}], "@type": "NewsArticle"}',
    }[name] % number
    with pytest.raises(InputError, match="invalid JSON: .* (is not a JSON number|is too large a number)"):
        read_bytes(doc.encode(), format=name)
    assert newsgraph.validate(doc.encode(), format=name)  # a problem, not a crash


def test_validating_json_ld_with_a_lone_surrogate_in_its_context() -> None:
    # tests/test_hardening.py (damaged jsonld): "\\ud800" in an @vocab made pyld's JSON
    # canonicaliser raise UnicodeEncodeError out of `newsgraph validate`.
    doc = b'{"@context": {"@vocab": "\\ud800https://schema.org/"}, "@type": "NewsArticle", "headline": "x"}'
    problems = newsgraph.validate(doc, format="jsonld")
    assert any("U+D800 at /@context/@vocab" in str(p) for p in problems), problems


@pytest.mark.parametrize("uri", ["urn:newsgraph:place:mo[f-cwspuqgs", "urn:x:a%4", "urn:x:a#b#c"])
def test_an_id_that_xml_schema_refuses_is_no_uri(uri: str) -> None:
    # bench/fuzz.py (ninjs:damaged): a place uri with '[' passed the model's URI check, then
    # the NewsML-G2 export failed the XSD (xs:anyURI) as "a newsgraph bug". The model's
    # check is now as strict as libxml2's anyURI; readers mint an id instead.
    assert not newsgraph.model.is_uri(uri)
    item = {"uri": "urn:x:1", "places": [{"name": "Mof Cwspuqgs", "rel": "mentions", "uri": uri}]}
    [article] = read_bytes(json.dumps(item).encode(), format="ninjs")
    assert [p.name for p in article.places] == ["Mof Cwspuqgs"]
    for to in newsgraph.formats.lossless_names():
        options = newsgraph.ExportOptions(infer_gender=True)  # JSON-LD publishes gender only when asked
        assert read_bytes(newsgraph.export(article, to=to, options=options).encode(), format=to) == [article], to


def test_a_null_language_in_a_context_that_set_none() -> None:
    # bench/fuzz.py (jsonld:junk, 200,000 inputs): '"@language": null' where no default
    # language was set made pyld raise KeyError('@language'): an internal error from read
    # and validate. The null resets nothing there, so it is valid and reads.
    doc = {
        "@context": ["https://schema.org", {"@language": None}],
        "@type": "NewsArticle",
        "@id": "urn:x:1",
        "headline": "Port strike ends",
    }
    data = json.dumps(doc).encode()
    assert [a.headline for a in read_bytes(data, format="jsonld")] == ["Port strike ends"]
    assert newsgraph.validate(data, format="jsonld") == []


def test_a_keyword_redefined_in_a_scoped_context_is_a_clear_error() -> None:
    # the rest of the same fuzz input; pyld's message was shown as a tuple's repr
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "urn:x:1",
        "about": {"@type": "Thing", "@context": {"@language": None, "@set": []}, "name": "x"},
    }
    with pytest.raises(InputError) as caught:
        read_bytes(json.dumps(doc).encode(), format="jsonld")
    assert str(caught.value).endswith(
        "invalid JSON-LD: Invalid JSON-LD syntax; keywords cannot be overridden. "
        "(keyword redefinition) (fix the JSON-LD (the JSON-LD Playground shows the spot))"
    )


# --- blank entries: the model reads them as absent ---------------------------------------
# bench/fuzz.py: newsml:junk, an item with <generator>newsgraph</generator> (read exactly)
# and an empty <keyword/>: topics [''] read, then lost by the ninjs export. ninjs and JSON-LD
# also dropped an empty topic, ninjs an empty section, NewsML-G2 a blank title.


def _blankable() -> list[tuple[type, str, bool]]:
    """(model, field, is a list) of every field where blank means absent."""
    found = []
    for cls in (
        newsgraph.Article,
        newsgraph.Actor,
        newsgraph.Place,
        newsgraph.Media,
        newsgraph.Quote,
        newsgraph.DateInfo,
    ):
        for name, info in cls.model_fields.items():
            for meta in info.metadata:
                if getattr(getattr(meta, "func", None), "__name__", "") in (
                    "_blank_is_none",
                    "_drop_blank",
                    "_topic_entries",
                ):
                    found.append((cls, name, meta.func.__name__ != "_blank_is_none"))
    return found


def test_the_blank_is_absent_fields_are_the_free_texts_of_the_model() -> None:
    names = {f"{cls.__name__}.{name}" for cls, name, _ in _blankable()}
    assert names == {
        "Article.headline",
        "Article.kicker",
        "Article.subheadline",
        "Article.dateline",
        "Article.section",
        "Article.topics",
        "Article.byline",
        "Article.creditline",
        "Article.slugline",
        "Article.genre",
        "Actor.aliases",
        "Actor.titles",
        "Actor.description",
        "Place.country",
        "Place.aliases",
        "Media.caption",
        "Media.credit",
        "Quote.cue",
        "DateInfo.text",
    }


def _with_blanks(data: dict, blank: str) -> dict:
    data = json.loads(json.dumps(data))
    targets = {
        "Article": [data],
        "Actor": data["actors"],
        "Place": data["places"],
        "Media": data["media"],
        "Quote": data["quotes"],
        "DateInfo": [e["date"] for e in data["events"] if e.get("date")],
    }
    for cls, name, many in _blankable():
        for obj in targets[cls.__name__]:
            obj[name] = [blank, *obj.get(name, []), blank] if many else blank
    return data


@pytest.mark.parametrize("blank", ["", " ", "\t\n"])
def test_blank_entries_are_absent_and_every_format_round_trips(blank: str, kitchen_sink) -> None:
    data = _with_blanks(kitchen_sink.model_dump(), blank)
    # the standfirst is blanked too: the quote in it goes with it
    data["quotes"] = [q for q in data["quotes"] if all(s["part"] is None for s in q["spans"])]
    article = newsgraph.Article.model_validate(data)
    for cls, name, many in _blankable():
        if cls is newsgraph.Article:
            value = getattr(article, name)
            assert value is None or (many and blank not in value), name
    assert article.topics == kitchen_sink.topics and article.actors[0].titles == kitchen_sink.actors[0].titles
    for to in newsgraph.formats.lossless_names():
        options = newsgraph.ExportOptions(infer_gender=True)  # JSON-LD publishes gender only when asked
        assert read_bytes(newsgraph.export(article, to=to, options=options).encode(), format=to) == [article], to


def test_the_schema_reports_a_blank_entry_that_reading_drops(kitchen_sink) -> None:
    # validate checks the document as it is; reading repairs it (as for forbidden characters)
    data = kitchen_sink.model_dump(mode="json")
    data["topics"] = [*data["topics"], " "]
    data["section"] = ""
    document = json.dumps(data).encode()
    problems = newsgraph.validate(document, format="json")
    assert {(p.path, p.message) for p in problems} == {
        (path, "is blank: leave it out (reading takes a blank value for an absent one)")
        for path in (f"/topics/{len(kitchen_sink.topics)}", "/section")
    }
    [article] = read_bytes(document, format="json")
    assert article.topics == kitchen_sink.topics and article.section is None


@pytest.mark.parametrize(
    "name, document",
    [
        (
            "ninjs",
            {"uri": "urn:x:1", "headline": " ", "subject": [{"name": ""}, {"name": "Ports"}], "genre": [{"name": ""}]},
        ),
        (
            "jsonld",
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "@id": "urn:x:1",
                "headline": "",
                "keywords": ["", "Ports"],
                "articleSection": " ",
            },
        ),
    ],
)
def test_blank_entries_of_other_publishers_are_dropped(name: str, document: dict) -> None:
    [article] = read_bytes(json.dumps(document).encode(), format=name)
    assert article.headline is None and article.section is None and [t.name for t in article.topics] == ["Ports"]


def test_an_empty_newsml_keyword_is_dropped(kitchen_sink) -> None:
    xml = newsgraph.export(kitchen_sink, to="newsml")
    assert "<keyword" in xml
    xml = xml.replace("<keyword", '<keyword role="x"/><keyword', 1)
    [article] = read_bytes(xml.encode(), format="newsml")
    assert article.topics == kitchen_sink.topics
