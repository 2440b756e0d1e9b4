"""Every kind of bad input, as a user meets it: `newsgraph convert FILE -o out/`.

One row per kind (the table under "Bad input" in the README): the exit code, the message the user
reads, nothing written for a failed input, no network access (sockets are disabled and a
local server records any request that would have got through), nothing of a local file
leaking into the output.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

from conftest import FETCHED, ROOT, SAMPLES

NAR = "http://iptc.org/std/nar/2006-10-01/"
SECRET = "root:x:0:0:secret-marker"


@dataclass
class Case:
    """One kind of bad input: how to make it, and what the user must see."""

    title: str
    make: Callable[[Path, str], list[str]]  # (folder, server URL) -> the INPUT arguments
    exit_code: int
    message: str | None = None  # a regex the error line must match
    check: Callable[[Path, Path], None] | None = None  # (input folder, output folder) -> asserts
    output: bool = False  # whether a converted file is expected
    extra_args: list[str] = field(default_factory=list)


def _write(folder: Path, name: str, data: bytes | str) -> list[str]:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return [str(path)]


def _secret_file(folder: Path) -> Path:
    secret = folder.parent / "secret.txt"
    secret.write_text(SECRET)
    return secret


def _kitchen_xml(extra: str = "", headline_attr: str = "") -> str:
    # A NewsML-G2 item of another provider (no newsgraph generator), with room for mischief.
    from newsgraph import export, read

    [article] = read(SAMPLES / "kitchen_sink.json")
    xml = re.sub(r"<generator[^<]*</generator>", "", export(article, to="newsml"))
    return xml.replace("<headline>", f"<headline{headline_attr}>{extra}", 1)


def _doctype(body: str) -> str:
    return f"<?xml version='1.0'?>{body}<newsItem xmlns='{NAR}'><x>&e;</x></newsItem>"


_LAUGHS = (
    "<!DOCTYPE lolz [<!ENTITY e 'lol'>"
    + "".join(f"<!ENTITY l{i} '{('&l%d;' % (i - 1) if i > 1 else '&e;') * 10}'>" for i in range(1, 10))
    + "]>"
)
_PAGE = """<!DOCTYPE html><html><head><title>Council approves footbridge</title>
<script>document.write("Breaking: this sentence comes from a script and is not the article at all.")</script>
<script src="{url}/tracker.js"></script><link rel="stylesheet" href="{url}/style.css"></head>
<body><article><h1>Council approves footbridge</h1>
<p>The city council approved the new footbridge over the river on Tuesday by seven votes to two.</p>
<iframe src="{url}/ad.html">An iframe fallback sentence that must never become article text.</iframe>
<script>var x = "A script sentence pretending to be a paragraph of the article body.";</script>
<p>Construction starts in spring and should take about a year, the mayor told reporters.</p>
<img src="{url}/pixel.gif"><noscript><img src="{url}/noscript.gif"></noscript>
</article></body></html>"""


def _no_script_text(folder: Path, out: Path) -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for leaked in ("Breaking", "iframe fallback", "script sentence", "tracker.js", "ad.html"):
        assert leaked not in text
    assert "seven votes to two" in text


def _read_back(expected_headline: str, paragraphs: list[str] | None = None) -> Callable[[Path, Path], None]:
    def check(folder: Path, out: Path) -> None:
        [result] = list(out.iterdir())
        data = json.loads(result.read_text(encoding="utf-8"))
        assert data["headline"] == expected_headline
        if paragraphs is not None:
            assert [p["text"] for p in data["body"]] == paragraphs

    return check


def _mixed_offsets(folder: Path, out: Path) -> None:
    [result] = list(out.iterdir())
    data = json.loads(result.read_text(encoding="utf-8"))
    source = (folder / "mixed.txt").read_text(encoding="utf-8", errors="strict")
    raw = (folder / "mixed.txt").read_bytes().decode("utf-8")
    for p in data["body"]:
        assert raw[p["offset"] : p["offset"] + len(p["text"])] == p["text"], source


def _untouched(name: str, content: bytes) -> Callable[[Path, Path], None]:
    def check(folder: Path, out: Path) -> None:
        assert (folder / name).read_bytes() == content

    return check


def _symlink_escape(folder: Path, url: str) -> list[str]:
    (folder / "a.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    (folder / "escape.txt").symlink_to(_secret_file(folder))
    return [str(folder)]


def _one_megabyte_line(folder: Path, url: str) -> list[str]:
    return _write(folder, "oneline.txt", "Headline\n\n" + ("word " * 200_000).strip())


def _sparse_100mb(folder: Path, url: str) -> list[str]:
    path = folder / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # 100 MB on paper, nothing on disk
    return [str(path)]


def _fifo(folder: Path, url: str) -> list[str]:
    (folder / "b.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    os.mkfifo(folder / "a.txt")  # no writer: opening it would wait forever
    return [str(folder)]


def _errors_file_is_input(folder: Path, url: str) -> list[str]:
    (folder / "story.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    return [str(folder / "story.txt"), str(folder / "missing.txt"), "--errors", str(folder / "story.txt")]


def _output_folder_is_input_folder(folder: Path, url: str) -> list[str]:
    (folder / "story.json").write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    return [str(folder), "-o", str(folder)]


def _output_folder_inside(folder: Path, url: str) -> list[str]:
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    return [str(folder), "-o", str(folder / "zz")]


def _outputs_once(folder: Path, out: Path) -> None:
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert written == ["a.txt", "b.txt", "zz/a.json", "zz/b.json"]  # not zz/zz/a.json


def _overwrite(folder: Path, url: str) -> list[str]:
    path = folder / "story.json"
    path.write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    return [str(path), "-o", str(path)]


def _two_articles() -> str:
    base = json.loads((SAMPLES / "kitchen_sink.json").read_text(encoding="utf-8"))
    return json.dumps([{**base, "id": f"urn:newsgraph:article:two-{i}"} for i in (1, 2)])


def _numbered_name(folder: Path, url: str) -> list[str]:
    (folder / "story.json").write_text(_two_articles(), encoding="utf-8")
    (folder / "story-1.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    return [str(folder)]


def _three_outputs(folder: Path, out: Path) -> None:
    assert len(list(out.iterdir())) == 3  # 3 articles: none replaced another


def _named_input_in_output_folder(folder: Path, url: str) -> list[str]:
    (folder / "a.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    (folder / "a.json").write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    return [str(folder / "a.txt"), str(folder / "a.json"), "-o", f"{folder}/"]


def _errors_file_is_output(folder: Path, url: str) -> list[str]:
    (folder / "story.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    out = folder.parent / "out"
    return [str(folder / "story.txt"), str(folder / "missing.txt"), "-o", str(out), "--errors", str(out / "story.json")]


CASES: dict[str, Case] = {
    "empty": Case(
        "an empty file",
        lambda f, u: _write(f, "empty.txt", b""),
        1,
        r"the file is empty \(give a file with an article in it\)",
    ),
    "binary": Case(
        "a binary file (an image named .txt)",
        lambda f, u: _write(f, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        1,
        r"this looks like a binary file, not text",
    ),
    "utf-16-bom": Case(
        "UTF-16 with a byte order mark",
        lambda f, u: _write(f, "bom.txt", codecs.BOM_UTF16_LE + "Überschrift\r\n\r\nText.".encode("utf-16-le")),
        0,
        check=_read_back("Überschrift", ["Text."]),
        output=True,
    ),
    "utf-16-no-bom": Case(
        "UTF-16 without a byte order mark",
        lambda f, u: _write(f, "nobom.txt", "Überschrift\n\nText.".encode("utf-16-le")),
        1,
        r"binary file, not text \(.*UTF-16 text needs a byte order mark\)",
    ),
    "latin-1": Case(
        "Latin-1 (or any encoding other than UTF-8/16/32)",
        lambda f, u: _write(f, "latin1.txt", "Caf\u00e9\n\nCr\u00e8me br\u00fbl\u00e9e.".encode("latin-1")),
        1,
        r"not valid UTF-8 \(byte 0xe9 at offset 3\) \(name its encoding with --encoding",
    ),
    "mixed-line-endings": Case(
        "mixed line endings (CRLF, LF, CR)",
        lambda f, u: _write(f, "mixed.txt", "Headline\r\n\r\nOne.\nTwo.\rThree.\r\n"),
        0,
        check=_mixed_offsets,
        output=True,
        extra_args=["--no-extract"],
    ),
    "100mb": Case(
        "a 100 MB file",
        _sparse_100mb,
        1,
        r"is 100 MiB, more than the 64 MiB newsgraph reads as one document \(split it",
    ),
    "1mb-line": Case("a 1 MB single line", _one_megabyte_line, 0, output=True),
    "deep-json": Case(
        "deeply nested JSON",
        lambda f, u: _write(f, "deep.json", "[" * 100_000 + "]" * 100_000),
        1,
        r"JSON nested too deeply \(flatten the document\)",
    ),
    "duplicate-keys": Case(
        "JSON with duplicate keys",
        lambda f, u: _write(f, "dup.json", '{"id": "urn:x:a", "id": "urn:x:b", "body": []}'),
        1,
        r"JSON object has a duplicate key 'id' \(keep one value per key\)",
    ),
    "doctype": Case(
        "XML with a DOCTYPE",
        lambda f, u: _write(f, "doctype.xml", _doctype("<!DOCTYPE newsItem>")),
        1,
        r"the XML has a DOCTYPE declaration: DTDs and entity declarations are refused.*"
        r"\(remove the <!DOCTYPE \.\.\.> declaration",
    ),
    "entity-file": Case(
        "an external entity (file://)",
        lambda f, u: _write(f, "xxe.xml", _doctype(f"<!DOCTYPE x [<!ENTITY e SYSTEM 'file://{_secret_file(f)}'>]>")),
        1,
        r"DOCTYPE declaration",
    ),
    "entity-http": Case(
        "an external entity (http://)",
        lambda f, u: _write(f, "xxe-http.xml", _doctype(f"<!DOCTYPE x [<!ENTITY e SYSTEM '{u}/e'>]>")),
        1,
        r"DOCTYPE declaration",
    ),
    "parameter-entity": Case(
        "parameter entities (and an external DTD)",
        lambda f, u: _write(
            f, "pe.xml", _doctype(f"<!DOCTYPE x SYSTEM '{u}/x.dtd' [<!ENTITY % p SYSTEM '{u}/pe'> %p;]>")
        ),
        1,
        r"DOCTYPE declaration",
    ),
    "billion-laughs": Case(
        "a billion-laughs entity bomb",
        lambda f, u: _write(f, "lol.xml", _doctype(_LAUGHS).replace("&e;</x>", "&l9;</x>")),
        1,
        r"DOCTYPE declaration",
    ),
    "xinclude": Case(
        "XInclude (file:// and http://)",
        lambda f, u: _write(
            f,
            "xinclude.xml",
            _kitchen_xml(
                f"<xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='file://{_secret_file(f)}' "
                f"parse='text'/><xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='{u}/x'/>"
            ),
        ),
        0,
        output=True,
    ),
    "huge-attribute": Case(
        "a huge attribute (11 MB)",
        lambda f, u: _write(f, "attr.xml", _kitchen_xml(headline_attr=f" x='{'a' * 11_000_000}'")),
        1,
        r"the XML holds a value over 10 MB .*\(shorten or split it",
    ),
    "xml-bad-utf8": Case(
        "invalid UTF-8 inside XML",
        lambda f, u: _write(f, "badutf8.xml", _kitchen_xml().encode().replace(b"Canada", b"Can\xffada", 1)),
        1,
        r"the XML is not valid in its encoding at line \d+, column \d+ \(re-save it",
    ),
    "html-scripts": Case(
        "HTML with scripts and iframes",
        lambda f, u: _write(f, "page.html", _PAGE.format(url=u)),
        0,
        check=_no_script_text,
        output=True,
    ),
    "huge-page": Case(
        "an HTML page of 60,000 elements",
        lambda f, u: _write(
            f, "huge.html", "<html><body><article>" + "<p>Para.</p>" * 60_000 + "</article></body></html>"
        ),
        1,
        r"the page has 60,\d{3} elements, more than the 50,000 newsgraph reads in one page",
    ),
    "remote-context": Case(
        "JSON-LD whose @context is a remote URL",
        lambda f, u: _write(
            f, "remote.jsonld", json.dumps({"@context": f"{u}/context.jsonld", "@type": "NewsArticle", "headline": "x"})
        ),
        1,
        r"its @context points to the remote URL 'http://127\.0\.0\.1:\d+/context\.jsonld', "
        r"which newsgraph does not fetch",
    ),
    "symlink-escape": Case(
        "a symbolic link pointing outside the input folder",
        _symlink_escape,
        1,
        r"escape\.txt: is a symbolic link pointing outside the input folder "
        r"\(copy the file into the folder, or name it directly\)",
        output=True,
    ),
    "named-pipe": Case(
        "a named pipe in the input folder",
        _fifo,
        1,
        r"a\.txt: is not a regular file \(a named pipe, a socket or a device\) "
        r"\(name it directly to read from it, or remove it from the folder\)",
        output=True,
    ),
    "endless-stream": Case(
        "an endless stream (/dev/zero)",
        lambda f, u: ["/dev/zero", "--from", "text"],
        1,
        r"/dev/zero: is more than the 64 MiB newsgraph reads as one document",
    ),
    "errors-file-is-input": Case(
        "an --errors file that is an input",
        _errors_file_is_input,
        1,
        r"story\.txt: the output would overwrite the input \(choose another -o path\)",
        check=_untouched("story.txt", (SAMPLES / "fraud_trial.txt").read_bytes()),
    ),
    "output-is-input-folder": Case(
        "an output folder that is an input folder",
        _output_folder_is_input_folder,
        2,
        r"in: the output folder is an input folder \(write to another folder",
        check=_untouched("story.json", (SAMPLES / "kitchen_sink.json").read_bytes()),
    ),
    "output-inside-input-folder": Case(
        "an output folder inside an input folder", _output_folder_inside, 0, check=_outputs_once
    ),
    "overwrite-input": Case(
        "an output path that would overwrite an input",
        _overwrite,
        1,
        r"the output would overwrite the input \(choose another -o path\)",
        check=_untouched("story.json", (SAMPLES / "kitchen_sink.json").read_bytes()),
    ),
    "numbered-name": Case(
        "an input named like a numbered output (story-1.txt beside story.json of two articles)",
        _numbered_name,
        0,
        check=_three_outputs,
        output=True,
        extra_args=["--no-extract"],
    ),
    "named-input-in-output-folder": Case(
        "a named input where an output would go (a.txt a.json -o in/)",
        _named_input_in_output_folder,
        1,
        r"a\.txt: its output .*a\.json would overwrite an input "
        r"\(write to another folder with -o\)",
        check=_untouched("a.json", (SAMPLES / "kitchen_sink.json").read_bytes()),
    ),
    "errors-file-is-output": Case(
        "an --errors file that names an output",
        _errors_file_is_output,
        2,
        r"story\.json: the --errors file could replace an output \(give it another name",
    ),
}


@pytest.mark.parametrize("case_id", list(CASES))
def test_bad_input(case_id: str, tmp_path: Path, listening_server: tuple[str, list[str]], no_network: None) -> None:
    case = CASES[case_id]
    server, hits = listening_server
    folder = tmp_path / "in"
    folder.mkdir()
    out = tmp_path / "out"
    args = case.make(folder, server)
    if "-o" not in args:
        args += ["-o", f"{out}/"]
    result = CliRunner().invoke(main, ["convert", *args, "-j", "1", "-q", *case.extra_args])
    output = result.output
    assert result.exit_code == case.exit_code, output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    if case.message:
        [line] = [ln for ln in output.splitlines() if ln.startswith("error:")]
        assert re.search(case.message, line), line
        assert re.match(r"^error: [^:]+: .+ \(.+\)$", line), line  # error: FILE: what (fix)
    else:
        assert "error:" not in output, output
    assert "internal error" not in output and "network access attempted" not in output
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert bool(written) == case.output, written  # a failed input leaves nothing behind
    assert not [p for p in (out.iterdir() if out.exists() else []) if p.name.startswith(".")]  # no temp files
    for path in out.iterdir() if out.exists() else []:
        assert SECRET not in path.read_text(encoding="utf-8", errors="replace")
        assert FETCHED not in path.read_text(encoding="utf-8", errors="replace")
    assert SECRET not in output and FETCHED not in output
    assert hits == []  # nothing was fetched
    if case.check:
        case.check(folder, out)


def test_the_table_in_the_readme_lists_every_case() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Bad input") : readme.index("## Benchmarks")]
    for case_id, case in CASES.items():
        assert f"test_bad_input.py::test_bad_input[{case_id}]" in table, case_id
        assert case.title in table, case.title
