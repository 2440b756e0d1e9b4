"""Hypothesis strategies for valid Articles: consistent ids, spans inside paragraphs.

Every exporter's round-trip property test draws from ``articles()``. Text avoids control
characters and surrogates (no format can carry those, and the model refuses them: see
tests/test_forbidden_characters.py) but includes markup characters, quotes and non-Latin
scripts. ``hostile_articles()`` fills every free-text field with what could break the markup
around it (tests/test_output_safety.py).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from newsgraph.model import (
    ACTOR_KINDS,
    EVENT_KINDS,
    EVENT_STATUSES,
    PLACE_KINDS,
    QUOTE_KINDS,
    Article,
    mint_article_id,
    mint_id,
    normalise_name,
)

_ALPHABET = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\u00a0\u2028\u2029\ufeff"
)
words = st.text(_ALPHABET, min_size=1, max_size=12).map(str.strip).filter(bool)
text = st.lists(words, min_size=1, max_size=12).map(" ".join)
name = st.lists(st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True), min_size=1, max_size=3).map(" ".join)


@st.composite
def iso_date(draw: st.DrawFn) -> str:
    d = draw(
        st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2035, 12, 31))
    )
    if draw(st.booleans()):
        return d.isoformat()
    hh, mm = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    zone = draw(st.sampled_from(["Z", "+02:00", "-05:00"]))
    return f"{d.isoformat()}T{hh:02d}:{mm:02d}:00{zone}"


@st.composite
def span(draw: st.DrawFn, body: list[str]) -> dict:
    p = draw(st.integers(0, len(body) - 1))
    n = len(body[p])
    start = draw(st.integers(0, n - 1))
    end = draw(st.integers(start + 1, n))
    return {"paragraph": p, "start": start, "end": end}


@st.composite
def line_span(draw: st.DrawFn, lines: list[tuple[str, str]]) -> dict:
    """A span in the headline or subheadline (only quotes and their speakers point there)."""
    part, line = draw(st.sampled_from(lines))
    start = draw(st.integers(0, len(line) - 1))
    end = draw(st.integers(start + 1, len(line)))
    return {"part": part, "paragraph": 0, "start": start, "end": end}


@st.composite
def quote_spans(draw: st.DrawFn, body: list[str], lines: list[tuple[str, str]]) -> list[dict]:
    """One or two spans in the body, or one in a line, or both (a quote the headline
    repeats, or whose speaker it names)."""
    spans = draw(st.lists(span(body), min_size=1, max_size=2))
    if lines and draw(st.booleans()):
        line = draw(line_span(lines))
        spans = [line] if draw(st.booleans()) else [*spans, line]
    return spans


@st.composite
def articles(
    draw: st.DrawFn,
    text: st.SearchStrategy[str] = text,
    words: st.SearchStrategy[str] = words,
    name: st.SearchStrategy[str] = name,
) -> Article:
    """A valid Article; ``text``, ``words`` and ``name`` draw its free text (see hostile_articles)."""
    body = draw(st.lists(text, min_size=1, max_size=4))
    roles = [draw(st.sampled_from(["body", "body", "subheading", "blockquote"])) for _ in body]
    aid = mint_article_id(draw(text))

    def opt(s: st.SearchStrategy[Any]) -> Any:
        return draw(st.none() | s)

    actor_names = draw(st.lists(name, max_size=4, unique_by=normalise_name))
    actors = []
    for i, nm in enumerate(actor_names):
        kind = draw(st.sampled_from(ACTOR_KINDS))
        actors.append(
            {
                "id": mint_id(kind, nm),
                "kind": kind,
                "name": nm,
                "aliases": draw(st.lists(name, max_size=2, unique=True)),
                "titles": draw(st.lists(text, max_size=2, unique=True)),
                "description": opt(text),
                "gender": opt(st.sampled_from(["female", "male"])) if kind == "person" else None,
                "identifiers": draw(
                    st.dictionaries(
                        st.sampled_from(["wikidata", "isni"]),
                        st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True),
                        max_size=1,
                    )
                ),
                "mentions": draw(st.lists(span(body), max_size=3)),
            }
        )
    ids = [a["id"] for a in actors]
    for i, a in enumerate(actors):
        others = [x for x in ids if x != a["id"]]
        a["affiliation"] = draw(st.none() | st.sampled_from(others)) if others else None
    places = [
        {
            "id": mint_id("place", nm),
            "name": nm,
            "kind": draw(st.sampled_from(PLACE_KINDS)),
            "country": opt(name),
            "aliases": draw(st.lists(name, max_size=1)),
            "mentions": draw(st.lists(span(body), max_size=2)),
        }
        for nm in draw(st.lists(name, max_size=3, unique_by=normalise_name))
    ]
    pids = [p["id"] for p in places]
    pick_actor = (st.none() | st.sampled_from(ids)) if ids else st.none()
    events = []
    for n in range(draw(st.integers(0, 2))):
        start = draw(iso_date())
        events.append(
            {
                "id": f"{aid}#event-{n + 1}",
                "kind": draw(st.sampled_from(EVENT_KINDS)),
                "label": draw(text),
                "date": draw(
                    st.none()
                    | st.just(
                        {
                            "start": start[:10],
                            "text": draw(text),
                            "precision": draw(st.sampled_from(["day", "month", "approximate"])),
                        }
                    )
                ),
                "status": draw(st.sampled_from(EVENT_STATUSES)),
                "location": draw(st.none() | st.sampled_from(pids)) if pids else None,
                "participants": draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else [],
                "mentions": draw(st.lists(span(body), max_size=2)),
                "confidence": draw(st.sampled_from([1.0, 0.5, 0.75])),
            }
        )
    eids = [e["id"] for e in events]
    headline, subheadline = opt(text), opt(text)
    lines = [(part, t) for part, t in (("headline", headline), ("subheadline", subheadline)) if t and t.strip()]
    mention = st.one_of(span(body), line_span(lines)) if lines else span(body)
    quotes = []
    for n in range(draw(st.integers(0, 3))):
        quotes.append(
            {
                "id": f"{aid}#quote-{n + 1}",
                "text": draw(text),
                "kind": draw(st.sampled_from(QUOTE_KINDS)),
                "speaker": draw(pick_actor),
                "speaker_mention": opt(mention),
                "cue": opt(st.sampled_from(["said", "told", "according to"])),
                "spans": draw(quote_spans(body, lines)),
                "addressee": draw(pick_actor),
                "via": draw(pick_actor),
                "event": draw(st.none() | st.sampled_from(eids)) if eids else None,
                "confidence": draw(st.sampled_from([1.0, 0.9, 0.5])),
            }
        )
    data = {
        "id": aid,
        "headline": headline,
        "kicker": opt(words),
        "subheadline": subheadline,
        "authors": draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)) if ids else [],
        "publisher": draw(pick_actor),
        "sources": draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)) if ids else [],
        "url": opt(st.from_regex(r"https://example\.org/[a-z]{1,10}(/[a-z0-9-]{1,10}){0,2}", fullmatch=True)),
        "language": opt(st.sampled_from(["en", "en-GB", "de", "fr"])),
        "published": opt(iso_date()),
        "modified": opt(iso_date()),
        "dateline": opt(text),
        "section": opt(words),
        "body": [{"text": t, "role": r, "offset": opt(st.integers(0, 10_000))} for t, r in zip(body, roles)],
        "media": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "kind": st.sampled_from(["image", "video"]),
                        "url": st.none() | st.from_regex(r"https://example\.org/m/[a-z]{1,8}\.jpg", fullmatch=True),
                        "caption": st.none() | text,
                        "credit": st.none() | text,
                    }
                ),
                max_size=2,
            )
        ),
        "topics": draw(st.lists(st.one_of(words, coded_topics), max_size=3, unique_by=str)),
        "actors": actors,
        "places": places,
        "quotes": quotes,
        "events": events,
    }
    return Article.model_validate(data)


# Topics with codes, as agencies send them: an IPTC QCode with its URI, a provider's own
# code without one, a bare subject code named by a scheme URI, a URI alone.
_CODE = st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True)
coded_topics = st.one_of(
    st.builds(
        lambda n, c: {
            "name": n,
            "code": f"medtop:{c}",
            "scheme": "medtop",
            "uri": f"http://cv.iptc.org/newscodes/mediatopic/{c}",
        },
        st.none() | words,
        _CODE,
    ),
    st.builds(
        lambda n, a, c: {"name": n, "code": f"{a}:{c}", "scheme": a},
        words,
        st.sampled_from(["apsubject", "N2", "stt-topics"]),
        _CODE,
    ),
    st.builds(
        lambda n, c: {
            "name": n,
            "code": c,
            "scheme": "http://cv.iptc.org/newscodes/subjectcode/",
            "uri": f"http://cv.iptc.org/newscodes/subjectcode/{c}",
        },
        st.none() | words,
        _CODE,
    ),
    st.builds(lambda n, c: {"name": n, "uri": f"https://topics.example.org/{c}"}, words, _CODE),
)


# --- hostile text: everything a field may hold that could break the markup around it ---------

HOSTILE_PIECES: tuple[str, ...] = (
    # XML and HTML specials, CDATA edges, comments, scripts
    "<",
    ">",
    "&",
    '"',
    "'",
    "]]>",
    "]]",
    "<![CDATA[",
    "<!--",
    "-->",
    "--",
    "<!DOCTYPE x>",
    "</script>",
    "</SCRIPT >",
    "<script>alert(1)</script>",
    "</style>",
    "<?xml version='1.0'?>",
    "<p>",
    "</p>",
    "<b>bold</b>",
    '<q data-quote="urn:x">',
    '<a href="javascript:x">',
    "&amp;",
    "&lt;",
    "&#60;",
    "&#x3C;",
    "&nbsp;",
    "&e;",
    "%p;",
    # JSON and JavaScript
    "\\",
    "\\u003c",
    '"}',
    "{{x}}",
    "${x}",
    "\u2028",
    "\u2029",
    # bidi and invisible characters
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u034f",
    # quotes of every kind
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\u201a",
    "\u2039",
    "\u203a",
    "`",
    "\u00b4",
    "\u300c",
    "\u300d",
    # characters XML allows but that are easily mangled
    "\x7f",
    "\x85",
    "\x9f",
    "\U0001f600",
    "e\u0301",
    "\U0001fffe",
    "\U0010fffd",
    "\ufffd",
    "\u00a0",
    "\u3000",
    # one very long word
    "W" * 2000,
)
# White space inside a value (not at its ends: see hostile_text).
_HOSTILE_GLUE = st.sampled_from(["", " ", " ", "  ", "\t", "\n", "\r\n", "\r"])
_plain = st.text(_ALPHABET, min_size=1, max_size=8)


@st.composite
def hostile_text(draw: st.DrawFn, max_pieces: int = 8) -> str:
    """A non-blank string of hostile pieces and plain words, glued by assorted white space."""
    pieces = draw(st.lists(st.sampled_from(HOSTILE_PIECES) | _plain, min_size=1, max_size=max_pieces))
    out = pieces[0]
    for piece in pieces[1:]:
        out += draw(_HOSTILE_GLUE) + piece
    return out if out.strip() else out + "x"


hostile_words = hostile_text(max_pieces=2)
hostile_names = st.builds(
    lambda lead, rest: lead + rest, st.from_regex(r"[A-Z][a-z]{1,6}", fullmatch=True), hostile_text(max_pieces=3)
)


def hostile_articles() -> st.SearchStrategy[Article]:
    """Valid Articles whose every free-text field is hostile to the markup it is written into."""
    return articles(text=hostile_text(), words=hostile_words, name=hostile_names)


# Free-text fields of the model: everything that is not an id, a date, a URL or a kind.
FREE_TEXT_FIELDS = frozenset(
    {
        "headline",
        "kicker",
        "subheadline",
        "dateline",
        "section",
        "text",
        "name",
        "aliases",
        "titles",
        "description",
        "caption",
        "credit",
        "topics",
        "label",
        "cue",
        "country",
        "source",
        "notes",
        "reason",
        "reader",
        "newsgraph_version",
    }
)


def poisoned(article: Article, suffix: str) -> Article:
    """``article`` with ``suffix`` appended to every free-text field and identifier (appended:
    spans still point at the same characters). The deterministic worst case."""

    def poison(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            if key == "identifiers":
                return {k: v + suffix for k, v in value.items()}
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        if isinstance(value, str) and key in FREE_TEXT_FIELDS:
            return value + suffix
        return value

    data: dict[str, Any] = poison(article.model_dump())
    if data["actors"]:
        data["actors"][0]["identifiers"] = {"wikidata": "Q1" + suffix}
    return Article.model_validate(data)
