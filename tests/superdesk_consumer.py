"""Run Superdesk's own NewsML-G2 and ninjs feed parsers over files; print what they read.

Runs under .venv-superdesk (scripts/setup-superdesk.sh): superdesk-core installed without
its framework. Its parsers' modules are the real ones; only what they import from the
framework (Flask's app, Eve's resource services, the parser registry, Superdesk's error
and metadata helpers) is stubbed here, with the values Superdesk itself defines. The
configuration is Superdesk's default (QCODE_MISSING_VOC "continue"; no vocabularies).

    python superdesk_consumer.py newsml|ninjs FILE...   ->   one JSON object per file
"""

from __future__ import annotations

import enum
import importlib.util
import json
import sys
import types
from datetime import datetime
from pathlib import Path
from typing import Any


def _module(name: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    sys.modules[name] = module
    return module


def _real(name: str, path: Path, source: str | None = None) -> types.ModuleType:
    """Superdesk's own module ``name`` from its installed file (optionally cut short)."""
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    code = source if source is not None else path.read_text(encoding="utf-8")
    exec(compile(code, str(path), "exec"), module.__dict__)
    return module


class _App:
    """Flask's current_app as the parsers use it: the configuration and the subject codes
    (IPTC's subject code names, from the table superdesk-core ships and registers at start)."""

    config = {"QCODE_MISSING_VOC": "continue", "HTML_TAGS_WHITELIST": None}

    def __init__(self, subjects: dict[str, str]) -> None:
        self.subjects = subjects


class _Vocabularies:
    def find_one(self, req: object, _id: str) -> None:
        return None  # no vocabulary installed: Superdesk's default keeps the name


def install_stubs() -> None:
    spec = importlib.util.find_spec("superdesk")
    assert spec is not None and spec.submodule_search_locations, "superdesk-core is not installed"
    root = Path(list(spec.submodule_search_locations)[0])
    app = _App(json.loads((root / "io" / "data" / "subject_codes.json").read_text(encoding="utf-8")))
    _module("flask", current_app=app)
    config = _module(
        "superdesk.config",
        HTML_TAGS_WHITELIST=(
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "figure",
            "ul",
            "ol",
            "li",
            "div",
            "p",
            "em",
            "strong",
            "i",
            "b",
            "a",
            "span",
            "br",
            "pre",
            "table",
            "tr",
            "td",
            "th",
        ),
    )
    sd = _module(
        "superdesk", __path__=[str(root)], app=app, config=config, get_resource_service=lambda name: _Vocabularies()
    )
    import lxml.html.clean  # noqa: F401  # lxml 4 made it an attribute on import of lxml.html

    sd.etree = _real("superdesk.etree", root / "etree.py")

    class ParserError(Exception):
        @classmethod
        def newsmlTwoParserError(cls, exception: Exception | None = None, provider: object = None) -> Exception:
            return exception or cls()

    _module("superdesk.errors", ParserError=ParserError, SkipValue=type("SkipValue", (Exception,), {}))
    _module("superdesk.utils", SuperdeskBaseEnum=enum.Enum)
    _module("superdesk.io", __path__=[str(root / "io")])
    _module("superdesk.io.registry", register_feed_parser=lambda name, parser: None)
    _module("superdesk.metadata", __path__=[str(root / "metadata")])

    class Priority(enum.Enum):
        Flash = 1
        Urgent = 2
        Three_Paragraph = 3
        Screen_Finance = 4
        Continuous_News = 5
        Ordinary = 6

    content_type = types.SimpleNamespace(
        TEXT="text",
        PREFORMATTED="preformatted",
        AUDIO="audio",
        VIDEO="video",
        PICTURE="picture",
        GRAPHIC="graphic",
        COMPOSITE="composite",
        EVENT="event",
    )
    _module(
        "superdesk.metadata.item",
        ITEM_TYPE="type",
        CONTENT_TYPE=content_type,
        Priority=Priority,
        GUID_TAG="tag",
        GUID_FIELD="guid",
        GUID_NEWSML="newsml",
    )
    _real("superdesk.metadata.utils", root / "metadata" / "utils.py")
    _real("superdesk.utc", root / "utc.py")
    # The package's own base classes, without the imports of its every other parser.
    init = (root / "io" / "feed_parsers" / "__init__.py").read_text(encoding="utf-8")
    cut = init.index("from superdesk.io.feed_parsers.anpa import")
    package = _real("superdesk.io.feed_parsers", root / "io" / "feed_parsers" / "__init__.py", init[:cut])
    package.__path__ = [str(root / "io" / "feed_parsers")]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def parse(kind: str, path: Path) -> list[dict[str, Any]]:
    if kind == "newsml":
        from lxml import etree

        from superdesk.io.feed_parsers.newsml_2_0 import NewsMLTwoFeedParser

        parser = NewsMLTwoFeedParser()
        root = etree.fromstring(path.read_bytes())
        assert parser.can_parse(root), f"Superdesk's parser does not take {path}"
        return [_plain(item) for item in parser.parse(root)]
    from superdesk.io.feed_parsers.ninjs import NINJSFeedParser

    parser = NINJSFeedParser()
    assert parser.can_parse(str(path)), f"Superdesk's parser does not take {path}"
    return [_plain(item) for item in parser.parse(str(path))]


def main(argv: list[str]) -> int:
    install_stubs()
    kind, files = argv[0], argv[1:]
    for name in files:
        try:
            items = parse(kind, Path(name))
            print(json.dumps({"file": name, "items": items}, ensure_ascii=False))
        except Exception as err:  # what Superdesk would log as a failed ingest
            print(json.dumps({"file": name, "error": f"{type(err).__name__}: {err}"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
