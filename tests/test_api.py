"""The public API: everything in __all__ exists, and the library works without the CLI."""

from __future__ import annotations

import io

import pytest

import newsgraph
from newsgraph import Article, ConvertOptions, ReadOptions

from conftest import SAMPLES


def test_all_names_exist_and_cover_the_contract() -> None:
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name
    required = {
        "Article",
        "Actor",
        "Quote",
        "Event",
        "Place",
        "read",
        "extract",
        "export",
        "convert",
        "validate",
        "NewsgraphError",
    }
    assert required <= set(newsgraph.__all__)
    assert len(set(newsgraph.__all__)) == len(newsgraph.__all__)


def test_read_path_bytes_and_stream() -> None:
    path = SAMPLES / "harbour_strike.txt"
    [a] = newsgraph.read(path)
    [b] = newsgraph.read(path.read_bytes(), format="text", name=str(path))
    [c] = newsgraph.read(io.BytesIO(path.read_bytes()), format="text", name=str(path))
    assert a.headline == b.headline == c.headline
    assert a.published == "2025-03-13"  # from the sidecar
    assert b.published is None  # bytes have no sidecar


def test_caller_options_beat_the_sidecar() -> None:
    [a] = newsgraph.read(SAMPLES / "harbour_strike.txt", published="2025-03-14")
    assert a.published == "2025-03-14"
    assert a.actor(a.publisher).name == "Harbour Times"  # type: ignore[arg-type, union-attr]  # the reader sets it; None fails the test


def test_export_and_validate(kitchen_sink: Article) -> None:
    text = newsgraph.export(kitchen_sink, to="json")
    assert newsgraph.validate(text.encode(), format="json") == []
    assert newsgraph.export([kitchen_sink, kitchen_sink]).count("\n") == 2


def test_convert_to_folder_reports_each_input(tmp_path) -> None:
    seen: list = []
    report = newsgraph.convert([SAMPLES], tmp_path / "out", options=ConvertOptions(to="json"), on_outcome=seen.append)
    inputs = len(list(SAMPLES.glob("*.txt"))) + 1
    assert report.ok and report.inputs == report.converted == len(seen) == inputs
    assert report.articles == inputs and report.failed == [] and report.skipped == 0
    assert report.summary().startswith(f"converted {inputs} of {inputs} inputs ({inputs} articles) in ")
    for outcome in seen:
        assert newsgraph.validate(outcome.output) == []
    again = newsgraph.convert([SAMPLES], tmp_path / "out", options=ConvertOptions(to="json", skip_existing=True))
    assert (again.inputs, again.converted, again.skipped, again.articles) == (inputs, 0, inputs, 0)
    assert "skipped (already converted)" in again.summary()


def test_iter_articles_and_read_options(tmp_path) -> None:
    arts = list(newsgraph.iter_articles([SAMPLES / "kitchen_sink.json"]))
    assert len(arts) == 1
    opts = ConvertOptions(read=ReadOptions(language="en-GB"))
    [a] = list(newsgraph.iter_articles([SAMPLES / "water_summit.txt"], options=opts))
    assert a.language == "en-GB"


def test_bad_option_is_reported_as_input_error() -> None:
    with pytest.raises(newsgraph.InputError, match="published"):
        newsgraph.read(SAMPLES / "water_summit.txt", published="last tuesday")


def test_the_validate_function_does_not_shadow_the_validators_package() -> None:
    # the checkers' package was once called `validate`, hidden by this function for
    # `import newsgraph.validate.native as x`
    import newsgraph.validators.native as native

    assert callable(newsgraph.validate) and callable(native.check)
