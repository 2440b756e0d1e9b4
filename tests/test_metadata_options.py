"""What the text does not state: --published, --url, --publisher, --language and NAME.meta.json."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsgraph import api
from newsgraph.cli import main
from newsgraph.model import mint_article_id, mint_id

STORY = (
    "Talks to resume\n\nBy Olga Petrova\n\nMOSCOW (AP) — The Kremlin said on Monday that it was ready "
    "to resume talks with Washington on arms control, a week after the last round ended.\n\n"
    "Putin attends a meeting in Moscow, Russia, Friday, Jan. 5, 2024. Jane Roe/AP\n"
)


def convert(tmp_path: Path, *args: str, text: str = STORY, sidecar: dict | None = None) -> tuple[int, dict, str]:
    src = tmp_path / "story.txt"
    src.write_text(text, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "story.txt.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), *args])
    data = json.loads(result.stdout) if result.exit_code == 0 else {}
    return result.exit_code, data, result.output


def names(data: dict, ids: list[str]) -> list[str]:
    by_id = {a["id"]: a["name"] for a in data["actors"]}
    return [by_id[i] for i in ids]


def test_cli_options_fill_what_the_text_does_not_state(tmp_path: Path) -> None:
    code, data, out = convert(
        tmp_path,
        "--published",
        "2024-01-06T09:30:00Z",
        "--url",
        "https://news.example/a",
        "--publisher",
        "Daily Ledger",
        "--language",
        "en",
    )
    assert code == 0, out
    assert data["published"] == "2024-01-06T09:30:00Z"  # not the caption's date
    assert not any("inferred" in n for n in data["provenance"]["notes"])
    assert (data["url"], data["language"]) == ("https://news.example/a", "en")
    assert data["id"] == mint_article_id("https://news.example/a")
    assert names(data, [data["publisher"]]) == ["Daily Ledger"]
    assert names(data, data["authors"]) == ["Olga Petrova"]


def test_without_options_the_date_is_inferred_and_said_so(tmp_path: Path) -> None:
    code, data, out = convert(tmp_path)
    assert code == 0, out
    assert data["published"] == "2024-01-05"
    assert any("inferred from a photo caption" in n for n in data["provenance"]["notes"])
    assert data.get("publisher") is None


def test_sidecar_fills_in_and_the_command_line_wins(tmp_path: Path) -> None:
    meta = {"published": "2024-01-06", "publisher": "Daily Ledger", "language": "en"}
    code, data, _ = convert(tmp_path, sidecar=meta)
    assert code == 0 and (data["published"], data["language"]) == ("2024-01-06", "en")
    assert names(data, [data["publisher"]]) == ["Daily Ledger"]
    code, data, _ = convert(tmp_path, "--published", "2024-01-07", sidecar=meta)
    assert code == 0 and data["published"] == "2024-01-07"


def test_bad_option_values_are_clear_errors(tmp_path: Path) -> None:
    code, _, out = convert(tmp_path, "--published", "last Tuesday")
    assert code == 2 and "not an ISO 8601 date" in out and "--published" in out
    code, _, out = convert(tmp_path, "--url", "not a url")
    assert code == 2 and "not a URI" in out
    code, _, out = convert(tmp_path, sidecar={"published": "2024-01-06", "author": "X"})
    assert code == 1 and "unknown keys: author" in out


def test_language_other_than_english_skips_the_english_phrase_lists(tmp_path: Path) -> None:
    text = "Gespräche gehen weiter\n\nSkip to content\n\nDer Kreml sagte am Montag, er sei zu Gesprächen bereit.\n"
    code, data, out = convert(tmp_path, "--language", "de", text=text)
    assert code == 0, out
    assert [p["text"] for p in data["body"]][0] == "Skip to content"
    assert any("English" in n for n in data["provenance"]["notes"])


def test_api_takes_the_same_options(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    [article] = api.read(src, published="2024-01-06", publisher="Daily Ledger", url="https://news.example/a")
    done = api.extract(article)
    assert done.published == "2024-01-06"
    assert done.publisher == mint_id("organization", "Daily Ledger")
    assert done.url == "https://news.example/a"
