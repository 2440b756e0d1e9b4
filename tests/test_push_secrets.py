"""Secrets come from a file, standard input or the environment, and a missing one says where to put it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsgraph.errors import UsageError
from newsgraph.push.secrets import load_secret

ENV = "NEWSGRAPH_TEST_SECRET"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.delenv(f"{ENV}_FILE", raising=False)


def load(file: str | None = None, required: bool = True) -> str | None:
    return load_secret(file, ENV, what="application password", option="--app-password-file", required=required)


def test_file_wins_and_is_stripped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "pw"
    secret.write_text("abcd efgh ijkl\n", encoding="utf-8")
    monkeypatch.setenv(ENV, "from-env")
    assert load(str(secret)) == "abcd efgh ijkl"


def test_file_named_in_the_environment_then_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "pw"
    secret.write_text("from-file", encoding="utf-8")
    monkeypatch.setenv(ENV, "from-env")
    assert load() == "from-env"
    monkeypatch.setenv(f"{ENV}_FILE", str(secret))
    assert load() == "from-file"


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("piped\n"))
    assert load("-") == "piped"


@pytest.mark.parametrize("content,message", [(None, "does not exist"), ("  \n", "is empty")])
def test_bad_files_say_what_is_wrong(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "pw"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load(str(path))


def test_missing_secret_names_every_way_to_give_it() -> None:
    with pytest.raises(UsageError) as info:
        load()
    assert "no application password given" in info.value.message
    assert "--app-password-file" in info.value.message and f"${ENV}_FILE" in info.value.message
    assert load(required=False) is None
