"""The command line for NewsML-G2: validate with line numbers, --strict, standards install."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph import standards
from newsgraph.cli import main
from newsgraph.exporters import newsml
from newsgraph.validators import newsml as newsml_validate

from newsml_support import require_xsd


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def no_standards(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Nowhere to find the official schemas (and none loaded yet in this process)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(standards, "search_path", lambda: [empty])
    monkeypatch.setattr(newsml_validate, "_schema", None)
    return empty


def test_validate_names_the_line_of_each_xsd_error(runner, tmp_path, kitchen_sink) -> None:
    require_xsd()
    xml = newsml.render(kitchen_sink)
    broken = xml.replace("<contentCreated>", "<contentCreated>not a date", 1)
    path = tmp_path / "broken.newsml.xml"
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("not a date")].count("\n") + 1
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"error: {path}: line {line}: " in result.output
    assert "contentCreated" in result.output and "DateTime" in result.output


def test_validate_accepts_a_valid_export(runner, tmp_path, kitchen_sink) -> None:
    require_xsd()
    path = tmp_path / "ok.newsml.xml"
    path.write_text(newsml.render(kitchen_sink), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--strict"])
    assert result.exit_code == 0, result.output
    assert f"ok: {path}" in result.output


def test_a_missing_xsd_is_a_warning_and_an_error_under_strict(runner, tmp_path, kitchen_sink, no_standards) -> None:
    path = tmp_path / "story.newsml.xml"
    path.write_text(newsml.render(kitchen_sink), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert "not checked:" in result.output and "ok:" not in result.output  # (issue 21: never "ok" unchecked)
    assert "not checked against the NewsML-G2 XSD" in result.output
    result = runner.invoke(main, ["validate", str(path), "--strict"])
    assert result.exit_code == 1
    assert "is not installed" in result.output and "newsgraph standards install --from DIR" in result.output


def test_convert_strict_without_the_xsd_fails_and_writes_nothing(runner, tmp_path, kitchen_sink, no_standards) -> None:
    source = tmp_path / "story.json"
    source.write_text(newsgraph.export(kitchen_sink, to="json"), encoding="utf-8")
    target = tmp_path / "story.newsml.xml"
    result = runner.invoke(main, ["convert", str(source), "--to", "newsml", "--strict", "-o", str(target)])
    assert result.exit_code == 1
    assert "standards install" in result.output
    assert not target.exists()
    result = runner.invoke(main, ["convert", str(source), "--to", "newsml", "-o", str(target)])
    assert result.exit_code == 0 and target.is_file()


def _standards_copy(tmp_path: Path) -> Path:
    found = standards.find(standards.NEWSML_XSD)
    if found is None:
        pytest.skip("the official standards folder is not installed")
    source_root = found.parents[1]
    copy = tmp_path / "standards"
    for rel in standards.PINNED:
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_root / rel, copy / rel)
    return copy


def test_standards_install_checks_the_pinned_sums(runner, tmp_path, monkeypatch) -> None:
    source = _standards_copy(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    result = runner.invoke(main, ["standards", "install", "--from", str(source)])
    assert result.exit_code == 0, result.output
    installed = cache / "newsgraph" / "standards" / standards.NEWSML_XSD
    assert installed.is_file() and f"installed: {installed}" in result.output
    # Found from the cache alone, and used for validation.
    monkeypatch.setattr(standards, "search_path", lambda: [standards.cache_dir()])
    monkeypatch.setattr(newsml_validate, "_schema", None)
    assert standards.find(standards.NEWSML_XSD) == installed
    status = runner.invoke(main, ["standards", "status"])
    assert str(installed) in status.output and "missing" not in status.output


def test_standards_install_refuses_an_altered_file(runner, tmp_path, monkeypatch) -> None:
    source = _standards_copy(tmp_path)
    xsd = source / standards.NEWSML_XSD
    xsd.write_bytes(xsd.read_bytes().replace(b"NewsML-G2 2.35", b"NewsML-G2 2.99", 1))
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    result = runner.invoke(main, ["standards", "install", "--from", str(source)])
    assert result.exit_code == 1
    assert "not the pinned" in result.output
    assert not (cache / "newsgraph" / "standards" / standards.NEWSML_XSD).exists()


def test_an_altered_xsd_on_the_search_path_is_not_trusted(tmp_path, monkeypatch, kitchen_sink) -> None:
    source = _standards_copy(tmp_path)
    xsd = source / standards.NEWSML_XSD
    xsd.write_bytes(xsd.read_bytes() + b"\n<!-- edited -->\n")
    monkeypatch.setattr(standards, "search_path", lambda: [source])
    monkeypatch.setattr(newsml_validate, "_schema", None)
    problems = newsgraph.validate(newsml.render(kitchen_sink).encode(), format="newsml")
    assert [p.severity for p in problems] == ["warning"]
    assert "is not the official NewsML-G2 2.35 XSD" in problems[0].message
    with pytest.raises(newsgraph.SchemaMissingError, match="not the official"):
        newsgraph.validate(newsml.render(kitchen_sink).encode(), format="newsml", strict=True)
