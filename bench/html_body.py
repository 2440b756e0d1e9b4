"""Web pages: body F1 and headlines on the Article Extraction Benchmark's DEV pages.

    .venv/bin/python bench/html_body.py [--pages DIR] [--limit N] [--no-extract] [-v]

Reads every page of ``../shared/realworld/html-benchmark/`` (gzipped HTML and
``ground-truth.json``) as ``newsgraph convert`` does (the HTML reader, then extraction),
and the same pages with plain ``trafilatura.extract``, in the same run. Both are scored
by the benchmark's own metric, ``score_html_body.py`` beside the pages (4-token
shingles, F1 of page-averaged precision and recall). Headlines: the share of pages whose
headline is the page's ``<h1>`` or its ``og:title`` without a site suffix (" | Site",
" - Site"), and the pages where it is neither.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = next(
    (b / "shared" for b in (ROOT.parent, ROOT.parent.parent) if (b / "shared").is_dir()), ROOT.parent / "shared"
)
BENCHMARK = SHARED / "realworld" / "html-benchmark"
SCORER = SHARED / "realworld" / "score_html_body.py"
_SPACE = re.compile(r"\s+")
# How titles end in a site's name: "Headline | ZDNet", "Headline - TechCrunch".
_SUFFIX = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+(?:(?!\s[-|–—»·:]+\s).){1,80}$")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_html_body", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(folder: Path = BENCHMARK, limit: int | None = None) -> dict[str, bytes]:
    files = sorted((folder / "html").glob("*.html.gz"))[:limit]
    return {f.name.removesuffix(".html.gz"): gzip.decompress(f.read_bytes()) for f in files}


def truth(folder: Path = BENCHMARK) -> dict[str, str]:
    data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in data.items()}


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def right_headlines(html: bytes, url: str = "") -> set[str]:
    """What a page's headline may be: an <h1>, or og:title without its site suffix.

    A suffix (" | Site", " - Site") counts as the site's when it names og:site_name, the
    site's domain, or is how the page's <title> ends too.
    """
    import lxml.html

    page = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    found = {_norm(h.text_content()) for h in page.iter("h1")}
    sites = {_key(str(s)) for s in page.xpath('//meta[@property="og:site_name"]/@content')}
    domain = re.sub(r"^www\d?\.", "", re.sub(r"^https?://", "", url).split("/")[0]).split(".")[0]
    sites |= {_key(domain)} if domain else set()
    titles = [str(t) for t in page.xpath("//title/text()")]
    for title in page.xpath('//meta[@property="og:title"]/@content') or titles[:1]:
        title = str(title)
        found.add(_norm(title))
        suffix = _SUFFIX.search(title)
        if suffix:
            tail = _key(re.sub(r"^\s*\S+\s+", "", suffix.group()))
            ends_title = any(t.strip().endswith(suffix.group().strip()) and t.strip() != title.strip() for t in titles)
            if tail and (any(s and (s in tail or tail in s) for s in sites) or ends_title):
                found.discard(_norm(title))
                found.add(_norm(title[: suffix.start()]))
    return {f for f in found if f}


def newsgraph_pages(html: dict[str, bytes], extract: bool = True) -> dict[str, tuple[str, str | None]]:
    """Page id -> (body text, headline) as newsgraph converts the page."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.extract import pipeline
    from newsgraph.extract.pipeline import ExtractOptions
    from newsgraph.readers.base import ReadOptions
    from newsgraph.readers.html import read

    found: dict[str, tuple[str, str | None]] = {}
    for pid, data in html.items():
        try:
            article = next(read(data, ReadOptions(source=f"{pid}.html")))
            if extract:
                article = pipeline.run(article, ExtractOptions())
        except NewsgraphError:
            continue
        found[pid] = ("\n".join(p.text for p in article.body), article.headline)
    return found


def trafilatura_pages(html: dict[str, bytes]) -> dict[str, str]:
    import trafilatura

    return {pid: trafilatura.extract(data) or "" for pid, data in html.items()}


def measure(limit: int | None = None, extract: bool = True) -> dict[str, Any]:
    score = scorer()
    html = pages(limit=limit)
    gold = {k: v for k, v in truth().items() if k in html}
    started = time.perf_counter()
    ours = newsgraph_pages(html, extract)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = trafilatura_pages(html)
    theirs_seconds = time.perf_counter() - started
    urls = {k: v.get("url") or "" for k, v in json.loads((BENCHMARK / "ground-truth.json").read_text()).items()}
    wrong = {
        pid: ours[pid][1]
        for pid in ours
        if _norm(ours[pid][1] or "") not in right_headlines(html[pid], urls.get(pid, ""))
    }
    return {
        "pages": len(gold),
        "newsgraph": score.evaluate(gold, {k: v[0] for k, v in ours.items()}),
        "trafilatura": score.evaluate(gold, theirs),
        "refused": sorted(set(gold) - set(ours)),
        "headlines_right": 1 - (len(wrong) + len(set(gold) - set(ours))) / max(1, len(gold)),
        "wrong_headlines": wrong,
        "seconds_ratio": ours_seconds / max(theirs_seconds, 1e-9),
        "page_f1": {
            pid: (score.page_f1(gold[pid], ours.get(pid, ("", None))[0]), score.page_f1(gold[pid], theirs.get(pid, "")))
            for pid in gold
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--no-extract", action="store_true", help="the reader alone, without extraction")
    ap.add_argument("-v", "--verbose", action="store_true", help="pages where newsgraph trails, worst first")
    args = ap.parse_args(argv)
    m = measure(args.limit, not args.no_extract)
    print(f"{m['pages']} pages of {BENCHMARK}")
    for name in ("newsgraph", "trafilatura"):
        s = m[name]
        print(
            f"  {name:<12} body F1 {s['f1']:.3f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"accuracy {s['accuracy']:.3f}"
        )
    print(
        f"  headlines right: {m['headlines_right']:.1%} ({len(m['wrong_headlines'])} wrong, "
        f"{len(m['refused'])} pages refused)"
    )
    print(
        f"  time: newsgraph / trafilatura = {m['seconds_ratio']:.1f}x (newsgraph also reads metadata"
        f"{'' if args.no_extract else ' and extracts'})"
    )
    if args.verbose:
        worst = sorted(m["page_f1"].items(), key=lambda kv: kv[1][0] - kv[1][1])
        for pid, (ours, theirs) in worst[:20]:
            print(f"    {ours:.3f} vs {theirs:.3f}  {pid[:12]}")
        for pid, headline in m["wrong_headlines"].items():
            print(f"    headline {pid[:12]}: {headline!r}")
        for pid in m["refused"]:
            print(f"    refused {pid[:12]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
