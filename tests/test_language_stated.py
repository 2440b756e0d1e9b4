"""An article that states no language is English in the outputs only when something shows it.

The English extraction checks the text before it runs (lexicon/language.py): when the
check finds English, the article says so (``language`` "en", with a note in provenance),
and NewsML-G2, ninjs and JSON-LD carry it. Without extraction (``--no-extract``), or on text
too short to tell, no language is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

import newsgraph
from newsgraph import ExtractOptions
from newsgraph.cli import main
from newsgraph.lexicon.language import english_evidence

from conftest import SAMPLES

G2 = "{http://iptc.org/std/nar/2006-10-01/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _convert(path: Path, to: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["convert", str(path), "--to", to, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _text(text: str) -> newsgraph.Article:
    [article] = newsgraph.read_bytes(text.encode("utf-8"), format="text")
    return article


def test_extracted_english_text_is_stated_as_english_in_every_format() -> None:
    sample = SAMPLES / "water_summit.txt"  # states no language (no .meta.json)
    article = json.loads(_convert(sample, "json"))
    assert article["language"] == "en"
    assert any(n.startswith("language en: detected") for n in article["provenance"]["notes"])
    item = etree.fromstring(_convert(sample, "newsml").encode())
    assert item.get(XML_LANG) == "en" and item.find(f".//{G2}language").get("tag") == "en"
    assert json.loads(_convert(sample, "ninjs"))["language"] == "en"
    graph = json.loads(_convert(sample, "jsonld"))["@graph"]
    assert [n.get("inLanguage") for n in graph if "NewsArticle" in str(n.get("@type"))] == ["en"]


def test_without_extraction_no_language_is_invented() -> None:
    sample = SAMPLES / "water_summit.txt"
    assert json.loads(_convert(sample, "json", "--no-extract")).get("language") is None
    item = etree.fromstring(_convert(sample, "newsml", "--no-extract").encode())
    assert item.get(XML_LANG) is None and item.find(f".//{G2}language") is None
    assert "language" not in json.loads(_convert(sample, "ninjs", "--no-extract"))


def test_short_text_says_too_little_to_state_a_language() -> None:
    article = _text("Harbour reopens.\n\nThe quay reopened on Monday.")
    assert english_evidence(article.text) is None
    assert newsgraph.extract(article).language is None


def test_a_stated_or_declared_language_wins() -> None:
    text = (SAMPLES / "water_summit.txt").read_text(encoding="utf-8")
    stated = _text(text).model_copy(update={"language": "en-KE"})
    assert newsgraph.extract(stated).language == "en-KE"
    declared = newsgraph.extract(_text(text), options=ExtractOptions(language="en-GB"))
    assert declared.language == "en-GB"
    assert any("as declared" in n for n in declared.provenance.notes)  # type: ignore[union-attr]  # provenance is set once extraction ran


def test_text_in_another_language_is_not_stated_as_english() -> None:
    text = (
        "O conselho do porto reuniu-se na terça-feira à noite e decidiu reabrir o cais norte aos barcos "
        "de pesca depois de três semanas de obras no paredão. As obras custaram mais do que o previsto e a "
        "câmara será chamada a cobrir a diferença na próxima reunião, em abril, segundo o presidente."
    )
    assert english_evidence(text) is None
    assert newsgraph.extract(_text(text)).language is None
