"""List every actor, place and quote speaker that extraction finds in real files, to read by eye.

    .venv/bin/python bench/actors_sweep.py                       # ../shared/realworld, every folder
    .venv/bin/python bench/actors_sweep.py DIR ... -o sweep.tsv  # other folders (a held-out set)

Each file's articles are read as ``newsgraph convert --extract`` reads them (HTML pages may be
gzipped) and listed one row per actor (``A``), place (``P``) and quote speaker (``Q``): kind,
name, number of mentions and the text around the first one; a ``#`` row names the file and
its publisher. Compare two listings with ``diff`` before and after a change. The counts at the
end are of shapes that were wrong before (suspects, not errors: read the rows): roads and
estates as people, names joined by "and", capitals in brackets or desks' headings as actors,
a person named by the second half of a compound, a product as speaker, a section as publisher,
a given name cut from its surname by a hard line break, a place after a place's cue ("in",
"the island of", "the capital,") as a person, a pitcher's record in a listing as an actor, and
a brief's dateline ("PERTH - ...") that is no place.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

from newsgraph import api, read_bytes
from newsgraph.errors import NewsgraphError
from newsgraph.lexicon.gazetteer import gazetteer
from newsgraph.lexicon.names import is_given_name, product_shaped
from newsgraph.lexicon.outlets import is_section_name
from newsgraph.model import Article, Span
from newsgraph.readers.base import ReadOptions

ROOT = Path(__file__).resolve().parents[1]
REALWORLD = ROOT.parent / "shared" / "realworld"
SKIP = {".md", ".tsv", ".py"}
NOT_NEWS = {"ground-truth.json"}  # the HTML benchmark's answers
CONTEXT = 30  # characters either side of a first mention


def articles(path: Path) -> list[Article]:
    data = path.read_bytes()
    fmt = None
    if path.suffix == ".gz":
        data, fmt = gzip.decompress(data), "html"
    try:
        found = read_bytes(data, format=fmt, options=ReadOptions(source=str(path)))
        return [api.extract(a) for a in found]
    except NewsgraphError as err:
        print(f"# {path}: {err}", file=sys.stderr)
        return []


def around(article: Article, spans: list[Span]) -> str:
    if not spans or spans[0].paragraph >= len(article.body):
        return ""
    m, text = spans[0], article.body[spans[0].paragraph].text
    return text[max(0, m.start - CONTEXT) : m.end + CONTEXT].replace("\n", " ").replace("\t", " ")


def rows(article: Article) -> list[tuple[str, ...]]:
    by_id = {a.id: a for a in article.actors}
    out: list[tuple[str, ...]] = [("#", article.provenance.source or "", article.publisher or "")]
    out += [("A", a.kind, a.name, str(len(a.mentions)), around(article, a.mentions)) for a in article.actors]
    out += [("P", p.kind, p.name, str(len(p.mentions)), around(article, p.mentions)) for p in article.places]
    for q in article.quotes:
        speaker = by_id.get(q.speaker) if q.speaker else None
        if speaker is not None:
            out.append(("Q", speaker.kind, speaker.name, "", q.text[:60]))
    return out


_BEFORE_PLACE = re.compile(r"\b(?:in|near|off|outside|island of|capital,)\s+$")
_RECORD_AFTER = re.compile(r"\s+\d{1,3}[-–]\d{1,3}\)")
_BRIEF_DATELINE = re.compile(r"([A-Z]{3,}(?: [A-Z]{3,})*) [-–—] ")


def _wire_suspects(article: Article) -> Counter[str]:
    """The shapes of agency copy: see the module's docstring."""
    found: Counter[str] = Counter()
    for a in article.actors:
        if not a.mentions or " " in a.name or a.mentions[0].paragraph >= len(article.body):
            continue
        m = a.mentions[0]
        text = article.body[m.paragraph].text
        if a.kind == "person" and is_given_name(a.name) and re.match(r" {2,}[A-Z]", text[m.end :]):
            found["given name cut from its surname by a line break"] += 1
        if a.kind == "person" and _BEFORE_PLACE.search(text[: m.start]):
            found["place after a place's cue as a person"] += 1
        if text[: m.start].endswith("(") and _RECORD_AFTER.match(text, m.end):
            found["record in a listing as an actor"] += 1
    g = gazetteer()
    for k, para in enumerate(article.body):
        head = _BRIEF_DATELINE.match(para.text)
        if head and g.place(head.group(1)):
            named = any(s.paragraph == k and s.start == 0 for p in article.places for s in p.mentions)
            found["brief's dateline no place"] += int(not named)
    return found


def suspects(article: Article) -> Counter[str]:
    """Shapes that were wrong in a sweep before they were fixed (see the module's docstring)."""
    found: Counter[str] = Counter()
    g = gazetteer()
    people = [a for a in article.actors if a.kind == "person"]
    surnames = {a.name.split()[-1] for a in people if " " in a.name}
    names = {a.name for a in article.actors} | surnames
    found["surname as a place"] += sum(1 for p in article.places if p.name in surnames)
    found["road or estate as a person"] += sum(1 for a in people if g.street_shaped(a.name))
    for a in article.actors:
        if " and " in a.name and (a.kind == "person" or all(side in names for side in a.name.split(" and ", 1))):
            found["names joined by 'and'"] += 1
        if a.kind in ("organization", "person") and a.name.isupper() and is_section_name(a.name):
            found["desk's heading as an actor"] += 1
    for p in people:
        text = [around(article, [m]) for m in p.mentions[:1]]
        if " " not in p.name and any(re.search(rf"[a-z][A-Z]\w* {re.escape(p.name)}\b", t) for t in text):
            found["second half of a compound as a person"] += 1
    by_id = {a.id: a for a in article.actors}
    found["product as a speaker"] += sum(
        1 for q in article.quotes if q.speaker and product_shaped(by_id[q.speaker].name if q.speaker in by_id else "")
    )
    publisher = by_id.get(article.publisher or "")
    found["section as publisher"] += int(publisher is not None and is_section_name(publisher.name))
    return found + _wire_suspects(article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, default=[REALWORLD])
    parser.add_argument("-o", "--output", type=Path, help="the listing (default: standard output)")
    args = parser.parse_args()
    files = sorted(
        f for d in args.dirs for f in d.rglob("*") if f.is_file() and f.suffix not in SKIP and f.name not in NOT_NEWS
    )
    total: Counter[str] = Counter()
    lines = []
    for path in files:
        for article in articles(path):
            lines += ["\t".join(r) for r in rows(article)]
            total += suspects(article)
    listing = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(listing, encoding="utf-8")
    else:
        sys.stdout.write(listing)
    for shape, n in sorted(total.items()):
        print(f"{n:5d}  {shape}", file=sys.stderr)


if __name__ == "__main__":
    main()
