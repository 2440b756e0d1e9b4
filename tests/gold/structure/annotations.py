"""The gold annotations, by line number; writes the offset-only gold files next to this script.

    .venv/bin/python tests/gold/structure/annotations.py

Annotations are made by reading each article (line numbers are 1-based, as in
``cat -n``); this script turns them into character ranges, so that the seeds' gold holds
offsets and names only. Run it again after an input changes (a sample reworded), then
review what it prints: each range's first words, for checking, never written to a file.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.readers.text import lines_with_offsets  # noqa: E402  # after sys.path takes the checkout's src/


def line_range(text: str, n: int, cut: str | None = None) -> list[int]:
    """Line ``n`` without its surrounding white space; with ``cut``, only what precedes it."""
    off, line = list(lines_with_offsets(text))[n - 1]
    start = off + len(line) - len(line.lstrip())
    end = off + len(line.rstrip())
    if cut:  # a sign-off at the end of the line ("... Washington. – Rappler.com")
        end = start + line.strip().rfind(cut)
        while text[end - 1].isspace():
            end -= 1
    return [start, end]


def cut_range(text: str, n: int, cut: str) -> list[int]:
    """The sign-off part of line ``n``: from ``cut`` to the end of the line."""
    start, end = line_range(text, n)
    return [start + text[start:end].rfind(cut), end]


def caption_credit(text: str, n: int, credit_starts: str, caption_ends_before: str | None = None) -> dict:
    """A caption line ending in its credit, split where the credit starts."""
    start, end = line_range(text, n)
    line = text[start:end]
    k = line.rfind(credit_starts)
    cap_end = start + (line.rfind(caption_ends_before) if caption_ends_before else k)
    while text[cap_end - 1].isspace():
        cap_end -= 1
    return {"caption": [start, cap_end], "credit": [start + k, end]}


def media_entry(text: str, where: int | tuple[int, int], how: str | tuple[str, str] | None) -> dict:
    if isinstance(where, tuple):  # caption and credit on lines of their own
        return {"caption": line_range(text, where[0]), "credit": line_range(text, where[1])}
    if isinstance(how, tuple):
        return caption_credit(text, where, *how)
    return caption_credit(text, where, how or "")


def gold(
    path: str,
    out: str,
    *,
    headline: int,
    body: list[int],
    furniture: list[int],
    kicker: int | None = None,
    subheadline: int | None = None,
    authors: tuple | list = (),
    sources: tuple | list = (),
    publisher: str | None = None,
    dateline: str | None = None,
    topics: tuple | list = (),
    published: str | None = "?",
    media: tuple | list = (),
    subheadings: tuple | list = (),
    cuts: dict[int, str] | None = None,
) -> None:
    """Write one gold file; ``published="?"`` leaves the date unscored."""
    if not Path(path).is_file():
        print("skipped (missing):", path)
        return
    cuts = cuts or {}
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8")
    g = {
        "file": Path(path).name,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "headline": line_range(text, headline),
        "kicker": line_range(text, kicker) if kicker else None,
        "subheadline": line_range(text, subheadline) if subheadline else None,
        "authors": list(authors),
        "sources": list(sources),
        "publisher": publisher,
        "dateline": dateline,
        "topics": list(topics),
        "body": [line_range(text, n, cuts.get(n)) for n in body],
        "subheadings": [line_range(text, n) for n in subheadings],
        "furniture": [line_range(text, n) for n in furniture] + [cut_range(text, n, c) for n, c in cuts.items()],
        "media": [media_entry(text, where, how) for where, how in media],
    }
    if published != "?":
        g["published"] = published
    dumped = json.dumps(g, indent=1, ensure_ascii=False)
    Path(out).write_text(re.sub(r"\[\s*(\d+),\s*(\d+)\s*\]", r"[\1, \2]", dumped) + "\n")
    # For review on screen only: the first words of each range.
    print("==", g["file"])
    for key in ("headline", "kicker", "subheadline"):
        if g[key]:
            print(f"  {key}: {text[g[key][0] : g[key][1]][:80]!r}")
    for s, e in g["furniture"]:
        print("  OUT", repr(text[s:e][:70]))
    for m in g["media"]:
        print(
            "  MEDIA",
            repr(text[m["caption"][0] : m["caption"][1]][-40:]),
            "|",
            repr(text[m["credit"][0] : m["credit"][1]]),
        )
    for s, e in g["body"]:
        print("  BODY", repr(text[s : s + 40]), "...", repr(text[e - 25 : e]))


SEEDS = str(ROOT.parent / "shared" / "seeds") + "/"
G = str(HERE) + "/"
gold(
    SEEDS + "000_7b066688713f17ab.txt",
    G + "seeds/000_7b066688713f17ab.json",
    headline=1,
    subheadline=3,
    body=[5, 7, 9, 11, 13, 15, 17, 19],
    furniture=[21, 23],
    authors=["Dave DeCamp"],
    publisher="Antiwar.com",
    published=None,
)
gold(
    SEEDS + "001_fc44d5087ada8752.txt",
    G + "seeds/001_fc44d5087ada8752.json",
    headline=1,
    body=[3, 5, 7, 9, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36],
    furniture=[11, 13, 14, 38, 39],
    sources=["Associated Press"],
    published="2021-10-13",
    media=[(14, "Mikhail Metzel/"), (39, "Peter Klaunzer/")],
)
gold(
    SEEDS + "002_cc6ae9df85b9806a.txt",
    G + "seeds/002_cc6ae9df85b9806a.json",
    headline=3,
    body=list(range(5, 36, 2)),
    furniture=[1, 37, 39, 41, 43, 45, 47, 49, 51, 53],
    sources=["CNN"],
    publisher="KVIA ABC 7",
    topics=["Politics"],
    published=None,
)
gold(
    SEEDS + "003_1dddb36903ad9802.txt",
    G + "seeds/003_1dddb36903ad9802.json",
    kicker=1,
    headline=3,
    subheadline=15,
    body=list(range(17, 34, 2)),
    furniture=[5, 7, 9, 11, 13, 35, 37, 39, 41, 43, 45, 46],
    cuts={33: "–"},
    sources=["Reuters", "Rappler"],
    publisher="Rappler",
    published=None,
    media=[((11, 13), None)],
)
gold(
    SEEDS + "004_c060e1f03afb770b.txt",
    G + "seeds/004_c060e1f03afb770b.json",
    headline=1,
    body=list(range(5, 32, 2)),
    furniture=[3, 33, 35, 37, 39],
    published=None,
)

S = str(ROOT / "samples") + "/"
gold(
    S + "fraud_trial.txt",
    G + "samples/fraud_trial.json",
    headline=1,
    subheadline=5,
    body=[7, 9, 11, 13, 15, 17, 21, 23],
    furniture=[3, 19, 25, 27, 29, 31],
    authors=["Tomás Herrera", "Ingrid Solberg"],
    sources=["NTB"],
    topics=["Courts"],
    media=[(19, "Pool/NTB")],
)
gold(
    S + "harbour_strike.txt",
    G + "samples/harbour_strike.json",
    kicker=3,
    headline=5,
    subheadline=11,
    body=[13, 15, 17, 21, 23, 25, 27, 29, 31, 33, 37],
    subheadings=[29],
    furniture=[1, 7, 9, 19, 35, 39, 41, 43],
    authors=["Maria Lopez"],
    sources=["Reuters", "Financial Times"],
    publisher="Harbour Times",
    dateline="ROTTERDAM, Netherlands",
    topics=["Shipping", "Labour", "Netherlands"],
    published="2025-03-13",
    media=[(35, "Jan Vermeer/")],
)
gold(
    S + "rate_decision.txt",
    G + "samples/rate_decision.json",
    kicker=1,
    headline=3,
    subheadline=7,
    body=[9, 11, 13, 17, 21, 23, 27],
    furniture=[5, 15, 19, 25, 29],
    sources=["Rappler"],
    publisher="Rappler",
    dateline="MANILA",
    published="2025-12-11",
    media=[(25, "Jes Aznar/")],
)
gold(
    S + "water_summit.txt",
    G + "samples/water_summit.json",
    headline=1,
    body=[7, 9, 11, 13, 15, 17, 21, 23, 25],
    furniture=[3, 5, 19, 27, 29, 31],
    sources=["Associated Press"],
    dateline="NAIROBI, Kenya",
    published="2025-10-05",
    media=[(19, "Brian Otieno/")],
)

F = str(ROOT / "tests" / "fixtures" / "structure") + "/"
gold(
    F + "ap_wire.txt",
    G + "fixtures/ap_wire.json",
    kicker=5,
    headline=7,
    body=[13, 15, 19, 23, 25, 27],
    furniture=[1, 3, 9, 11, 17, 21, 29],
    authors=["Sofia Ramirez", "Daniel Krause"],
    sources=["Associated Press"],
    publisher=None,
    dateline="SANTIAGO, Chile",
    published="2025-03-03",
    media=[(17, "(AP Photo")],
)
gold(
    F + "local_tv.txt",
    G + "fixtures/local_tv.json",
    headline=5,
    body=[11, 13, 15, 17, 19, 21],
    subheadings=[15],
    furniture=[1, 3, 7, 9, 23, 25, 27, 29, 31, 33, 35],
    authors=["Rachel Moore"],
    sources=["CNN"],
    dateline="Washington",
    published="2025-06-08",
)
gold(
    F + "wire_site.txt",
    G + "fixtures/wire_site.json",
    kicker=1,
    headline=5,
    body=[11, 13, 15, 17],
    furniture=[3, 7, 9, 19, 21, 23, 25, 27, 29],
    authors=["Anna Kowalska", "Tom Becker"],
    sources=["Reuters"],
    dateline="BRUSSELS, March 14",
    published="2025-03-14",
    publisher=None,
    topics=["Europe", "Belarus", "Sanctions"],
)
gold(
    F + "opinion_blog.txt",
    G + "fixtures/opinion_blog.json",
    kicker=1,
    headline=3,
    subheadline=5,
    body=[13, 15, 17, 19, 21, 25],
    subheadings=[19],
    furniture=[7, 9, 11, 23, 27, 29, 31, 33, 35, 37],
    authors=["Priya Natarajan"],
    publisher="The Valley Ledger",
    topics=["Education", "Rural schools"],
    published=None,
)
gold(
    F + "plain_story.txt",
    G + "fixtures/plain_story.json",
    headline=1,
    body=[3, 5, 7, 9, 11, 13, 14, 15, 16, 18, 20],
    subheadings=[11],
    furniture=[],
    publisher=None,
    published=None,
    dateline=None,
)

gold(
    F + "bio_signed.txt",
    G + "fixtures/bio_signed.json",
    headline=1,
    body=[5, 7, 9],
    furniture=[3, 11],
    authors=["Kyle Anzalone"],
    publisher="Antiwar.com",
    published=None,
    dateline=None,
)
gold(
    F + "magazine_wire.txt",
    G + "fixtures/magazine_wire.json",
    headline=1,
    body=[3, 5, 12, 14, 16],
    furniture=[7, 9, 10],
    sources=["Reuters"],
    publisher=None,
    published="2022-02-11",
    dateline=None,
    media=[(10, ("Sergei Supinsky/", "Photo by"))],
)
gold(
    F + "local_cnn.txt",
    G + "fixtures/local_cnn.json",
    headline=3,
    body=[9, 11, 13, 15],
    furniture=[1, 5, 7, 17, 19, 21, 23, 25, 27],
    authors=["Kevin Liptak"],
    sources=["CNN"],
    publisher="KTVZ News Channel 21",
    topics=["National Politics"],
    dateline=None,
    published=None,
)
gold(
    F + "ai_summary_site.txt",
    G + "fixtures/ai_summary_site.json",
    headline=1,
    body=[13, 15, 17],
    cuts={17: "–"},
    furniture=[3, 5, 7, 9, 11, 19, 21, 23],
    sources=["Agence France-Presse", "Reuters", "Rappler"],
    dateline="WASHINGTON, USA",
    published="2023-05-01",
    media=[((9, 11), None)],
)
gold(
    F + "sponsored_tail.txt",
    G + "fixtures/sponsored_tail.json",
    headline=1,
    body=[5, 7, 9],
    furniture=[3, 11, 13, 15, 17, 19, 21],
    publisher=None,
    published=None,
    dateline=None,
)
