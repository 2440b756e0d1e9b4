"""The service's web page: paste or upload an article, see its view, download each export."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .. import formats, version

_ASSETS = Path(__file__).parent / "assets"


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_ASSETS),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("index.html.j2")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def index_page(*, api_key: bool) -> str:
    """The page; ``api_key`` adds a field for the key the API wants."""
    return _template().render(
        readable=[f for f in formats.FORMATS if f.readable],
        writable=[f for f in formats.FORMATS if f.writable],
        api_key=api_key,
        version=version.__version__,
        css=_asset("page.css"),
        script=_asset("page.js"),
    )
