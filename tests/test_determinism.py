"""The same input gives the same bytes in every format, undated articles included.

Two separate processes, a second apart and with no $SOURCE_DATE_EPOCH, export the samples
and an undated article to every format and version; their outputs must be identical.
Wall-clock time enters an export only when asked for (--timestamp now): tested too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from conftest import GOLDEN, ROOT

SCRIPT = """
import hashlib, json, sys
import newsgraph
from newsgraph import ExportOptions as E
paths = sys.argv[1:]
articles = [newsgraph.read(open(p, "rb").read(), format="json")[0] for p in paths]
undated = articles[0].model_copy(update={"published": None, "modified": None, "created": None,
                                         "embargoed": None})
articles.append(undated)
variants = {"json": ("json", E()), "newsml": ("newsml", E()), "ninjs3": ("ninjs", E()),
            "ninjs2": ("ninjs", E(ninjs_version=2)), "ninjs1": ("ninjs", E(ninjs_version=1)),
            "jsonld": ("jsonld", E()), "page": ("jsonld", E(embed_html=True)),
            "page-full": ("jsonld", E(embed_html=True, jsonld_profile="full"))}
out = {}
for name, (to, options) in variants.items():
    for n, article in enumerate(articles):
        out[f"{name}/{n}"] = hashlib.sha256(newsgraph.export(article, to=to, options=options).encode()).hexdigest()
    out[f"{name}/many"] = hashlib.sha256(newsgraph.export(articles, to=to, options=options).encode()).hexdigest()
print(json.dumps(out))
"""


def _run(*extra_env: tuple[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(extra_env)
    paths = [str(p) for p in sorted((GOLDEN / "json").glob("*.json"))]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *paths],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    return json.loads(done.stdout)


def test_two_runs_give_identical_bytes_in_every_format() -> None:
    first = _run()
    time.sleep(1.1)  # a second later: any clock reading would differ
    assert _run() == first
    assert {key.split("/")[0] for key in first} == {
        "json",
        "newsml",
        "ninjs3",
        "ninjs2",
        "ninjs1",
        "jsonld",
        "page",
        "page-full",
    }


def test_the_clock_enters_only_when_asked_for(monkeypatch) -> None:
    from newsgraph import ExportOptions, export
    from conftest import load_kitchen_sink

    undated = load_kitchen_sink().model_copy(update={"published": None, "modified": None, "created": None})
    asked = ExportOptions(timestamp="now")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = export(undated, to="newsml", options=asked)
    time.sleep(1.1)
    assert export(undated, to="newsml", options=asked) != first  # the time of export, as asked
    assert export(undated, to="newsml") == export(undated, to="newsml")
