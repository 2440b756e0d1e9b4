"""The corpus written out, streamed from the store: memory does not grow with the corpus.

- json: JSON Lines, one article a line as ``{"article": ..., "aliases": {corpus id: [per-article ids]}}``;
  the article's actor, place and event ids are the corpus ids (quotes keep theirs: they stay
  in their article).
- jsonld: one schema.org graph: entities and events with ``sameAs`` their per-article ids,
  articles that mention them, quotations by their corpus speaker.
- graphml: actors, places and events as nodes; participates-in, meets, quoted-by and
  quoted-about edges with article and date (Gephi, networkx).
- csv: a folder of tables: articles, actors, mentions, quotes, events, participants.

Every file is written whole or not at all (output.atomic_write).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator
from xml.sax.saxutils import quoteattr

from ..errors import UsageError
from ..model import article_from_data
from ..output import atomic_write
from .resolve import unpack

if TYPE_CHECKING:
    from .library import Corpus
    from .store import Store

__all__ = ["EXPORTS", "export", "quoted_about"]

# Characters that some readers of lines take for a line break: escaped, so one article is one line.
LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
MEETING_KINDS = ("meeting", "summit", "talks", "call", "visit", "interview")
SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "group": "Organization",
    "country": "Country",
    "city": "City",
    "region": "AdministrativeArea",
    "venue": "Place",
    "address": "Place",
    "other": "Place",
}
CONTEXT = {
    "@vocab": "https://schema.org/",
    "sameAs": {"@type": "@id"},
    "location": {"@type": "@id"},
    "attendee": {"@type": "@id"},
    "mentions": {"@type": "@id"},
    "creator": {"@type": "@id"},
    "isPartOf": {"@type": "@id"},
    "about": {"@type": "@id"},
}


def export(corpus: "Corpus", to: str, output: Path) -> None:
    if to not in EXPORTS:
        raise UsageError(f"the corpus cannot be exported as {to!r}", f"choose one of {', '.join(EXPORTS)}")
    if to == "csv":
        _csv_folder(corpus, output)
    else:
        atomic_write(output, EXPORTS[to](corpus))


# --- JSON Lines -------------------------------------------------------------------------


def _jsonl(corpus: "Corpus") -> Iterator[str]:
    store = corpus.store
    for row in store.rows("SELECT seq, json FROM articles ORDER BY seq"):
        ids = {
            r[0]: r[1]
            for r in store.rows(
                "SELECT m.local_id, e.id FROM mentions m JOIN entities e ON e.seq = m.entity WHERE m.article = ? "
                "UNION ALL SELECT m.local_id, v.id FROM event_mentions m JOIN events v ON v.seq = m.event "
                "WHERE m.article = ?",
                (row[0], row[0]),
            )
        }
        data, aliases = with_corpus_ids(unpack(row[1]), ids)
        article = article_from_data(data)  # what is written reads back as an article
        line = json.dumps(
            {"article": article.model_dump(mode="json", exclude_none=True), "aliases": aliases}, ensure_ascii=False
        )
        yield line.translate(LINE_BREAKS) + "\n"


def with_corpus_ids(data: dict[str, Any], ids: dict[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """An article's data with corpus ids for its actors, places and events, and the aliases map.

    Two per-article actors (or events) that are one corpus entity become one, their names,
    titles and mentions joined. A place that is the same country as an actor keeps its
    per-article id (one id cannot name two things of one article).
    """
    aliases: dict[str, list[str]] = {}
    for local, corpus_id in sorted(ids.items()):
        aliases.setdefault(corpus_id, []).append(local)
    data["actors"] = _merged(data.get("actors", []), ids, ("aliases", "titles", "mentions"))
    taken = {a["id"] for a in data["actors"]}
    place_ids = {p["id"]: ids[p["id"]] for p in data.get("places", []) if ids.get(p["id"], "") not in ("", *taken)}
    data["places"] = _merged(data.get("places", []), place_ids, ("aliases", "mentions"))
    data["events"] = _merged(data.get("events", []), ids, ("participants", "mentions"))

    def to(ref: str | None) -> str | None:
        return ids.get(ref, ref) if ref else ref

    for actor in data["actors"]:
        actor["affiliation"] = to(actor.get("affiliation"))
        if actor["affiliation"] == actor["id"]:
            actor["affiliation"] = None
    for event in data["events"]:
        event["participants"] = list(dict.fromkeys(to(p) for p in event.get("participants", [])))
        event["location"] = place_ids.get(event.get("location") or "", event.get("location"))
    for quote in data.get("quotes", []):
        for key in ("speaker", "addressee", "via", "event"):
            quote[key] = to(quote.get(key))
    data["authors"] = list(dict.fromkeys(to(a) for a in data.get("authors", [])))
    data["sources"] = list(dict.fromkeys(to(a) for a in data.get("sources", [])))
    data["publisher"] = to(data.get("publisher"))
    return data, aliases


def _merged(items: list[dict[str, Any]], ids: dict[str, str], lists: tuple[str, ...]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        new_id = ids.get(item["id"], item["id"])
        if new_id not in out:
            out[new_id] = {**item, "id": new_id}
            continue
        kept = out[new_id]
        for key in lists:
            kept[key] = list(itertools.chain(kept.get(key, []), item.get(key, [])))
        if "name" in item and item["name"] != kept.get("name"):
            kept["aliases"] = [*kept.get("aliases", []), item["name"]]
    for kept in out.values():
        for key in ("aliases", "titles", "participants"):
            if key in kept:
                kept[key] = [v for v in dict.fromkeys(kept[key]) if v != kept.get("name")]
    return list(out.values())


# --- JSON-LD ----------------------------------------------------------------------------


def _jsonld(corpus: "Corpus") -> Iterator[str]:
    yield '{"@context": ' + json.dumps(CONTEXT) + ',\n "@graph": [\n'
    first = True
    for node in _jsonld_nodes(corpus):
        yield ("" if first else ",\n") + "  " + json.dumps(node, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def _column(store: Any, sql: str, key: Any) -> list[Any]:
    """The first column of the rows ``sql`` gives for one ``key``."""
    return [r[0] for r in store.rows(sql, (key,))]


def _jsonld_nodes(corpus: "Corpus") -> Iterator[dict[str, Any]]:
    store = corpus.store
    for e in store.rows("SELECT * FROM entities ORDER BY seq"):
        forms = [f for f in json.loads(e["profile"]).get("forms", {}) if f != e["name"]]
        node: dict[str, Any] = {"@id": e["id"], "@type": SCHEMA_TYPES.get(e["kind"], "Thing"), "name": e["name"]}
        if forms:
            node["alternateName"] = sorted(forms)
        node["sameAs"] = _column(store, "SELECT local_id FROM mentions WHERE entity = ? ORDER BY 1", e["seq"])
        yield node
    for v in store.rows(
        "SELECT e.*, p.id AS place_id FROM events e LEFT JOIN entities p ON p.seq = e.place ORDER BY e.seq"
    ):
        node = {"@id": v["id"], "@type": "Event", "name": v["label"], "additionalType": v["kind"]}
        if v["start"]:
            node["startDate"], node["endDate"] = v["start"], v["end"] or v["start"]
        if v["place_id"]:
            node["location"] = v["place_id"]
        node["attendee"] = _column(
            store,
            "SELECT DISTINCT x.id FROM participants p JOIN entities x ON x.seq = p.entity WHERE p.event = ? ORDER BY 1",
            v["seq"],
        )
        node["sameAs"] = _column(store, "SELECT local_id FROM event_mentions WHERE event = ? ORDER BY 1", v["seq"])
        yield node
    for a in store.rows("SELECT seq, id, headline, published FROM articles ORDER BY seq"):
        node = {"@id": a["id"], "@type": "NewsArticle"}
        if a["headline"]:
            node["headline"] = a["headline"]
        if a["published"]:
            node["datePublished"] = a["published"]
        node["mentions"] = _column(
            store,
            "SELECT DISTINCT e.id FROM mentions m JOIN entities e ON e.seq = m.entity WHERE m.article = ? ORDER BY 1",
            a["seq"],
        )
        node["about"] = _column(
            store,
            "SELECT DISTINCT v.id FROM event_mentions m JOIN events v ON v.seq = m.event WHERE m.article = ? ORDER BY 1",
            a["seq"],
        )
        yield node
        for q in store.rows(
            "SELECT q.local_id, q.text, s.id AS speaker FROM quotes q LEFT JOIN entities s "
            "ON s.seq = q.speaker WHERE q.article = ? ORDER BY q.local_id",
            (a["seq"],),
        ):
            quote = {"@id": q["local_id"], "@type": "Quotation", "text": q["text"], "isPartOf": a["id"]}
            if q["speaker"]:
                quote["creator"] = q["speaker"]
            yield quote


# --- GraphML ----------------------------------------------------------------------------

GRAPHML_KEYS = [
    ("node", "type", "string"),
    ("node", "kind", "string"),
    ("node", "label", "string"),
    ("node", "articles", "int"),
    ("node", "mentions", "int"),
    ("node", "start", "string"),
    ("edge", "relation", "string"),
    ("edge", "article", "string"),
    ("edge", "date", "string"),
    ("edge", "text", "string"),
]


def _graphml(corpus: "Corpus") -> Iterator[str]:
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for domain, name, kind in GRAPHML_KEYS:
        yield f'  <key id="{domain[0]}_{name}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n'
    yield '  <graph id="corpus" edgedefault="directed">\n'
    store = corpus.store
    for e in store.rows("SELECT * FROM entities ORDER BY seq"):
        yield _node(
            e["id"],
            type="place" if e["space"] == "place" else "actor",
            kind=e["kind"],
            label=e["name"],
            articles=e["articles"],
            mentions=e["mentions"],
        )
    for v in store.rows("SELECT * FROM events ORDER BY seq"):
        yield _node(v["id"], type="event", kind=v["kind"], label=v["label"], articles=v["articles"], start=v["start"])
    yield from _graphml_edges(corpus)
    yield "  </graph>\n</graphml>\n"


def _graphml_edges(corpus: "Corpus") -> Iterator[str]:
    store = corpus.store
    rows = store.rows(
        "SELECT x.id AS actor, v.id AS event, v.kind, a.id AS article, coalesce(v.start, a.published) AS date, "
        "p.event AS ev, p.article AS art FROM participants p JOIN entities x ON x.seq = p.entity "
        "JOIN events v ON v.seq = p.event JOIN articles a ON a.seq = p.article ORDER BY p.event, p.article"
    )
    for (_, _), group in itertools.groupby(rows, key=lambda r: (r["ev"], r["art"])):
        members = list(group)
        for r in members:
            yield _edge(r["actor"], r["event"], relation="participates-in", article=r["article"], date=r["date"])
        if members[0]["kind"] in MEETING_KINDS:
            for one, other in itertools.combinations(sorted({r["actor"] for r in members}), 2):
                yield _edge(one, other, relation="meets", article=members[0]["article"], date=members[0]["date"])
    # quoted-by: the speaker, quoted by the outlet that relays the quote, else the article's publisher
    for q in store.rows(
        "SELECT s.id AS speaker, coalesce(via.id, pub.id) AS outlet, a.id AS article, q.date, q.text "
        "FROM quotes q JOIN entities s ON s.seq = q.speaker JOIN articles a ON a.seq = q.article "
        "LEFT JOIN entities via ON via.seq = q.via "
        "LEFT JOIN mentions pm ON pm.article = q.article AND pm.local_id = a.publisher_id "
        "LEFT JOIN entities pub ON pub.seq = pm.entity "
        "WHERE coalesce(via.id, pub.id) IS NOT NULL AND coalesce(via.id, pub.id) != s.id "
        "ORDER BY q.article, q.local_id"
    ):
        yield _edge(
            q["speaker"], q["outlet"], relation="quoted-by", article=q["article"], date=q["date"], text=q["text"]
        )
    yield from _quoted_about_edges(store)


def _quoted_about_edges(store: "Store") -> Iterator[str]:
    """quoted-about: the speaker of a quote, to each other actor its words mention.

    Derived from the stored articles when exported (nothing new is stored, so corpora
    made before keep their schema and read as they are); only articles with a quote
    whose speaker is known are unpacked.
    """
    for a in store.rows(
        "SELECT seq, id, published, json FROM articles WHERE seq IN "
        "(SELECT article FROM quotes WHERE speaker IS NOT NULL) ORDER BY seq"
    ):
        ids = {
            r[0]: r[1]
            for r in store.rows(
                "SELECT m.local_id, e.id FROM mentions m JOIN entities e ON e.seq = m.entity WHERE m.article = ?",
                (a["seq"],),
            )
        }
        date = (a["published"] or "")[:10] or None
        for quote, speaker, mentioned in quoted_about(unpack(a["json"])):
            source, target = ids.get(speaker), ids.get(mentioned)
            if source and target and source != target:
                yield _edge(source, target, relation="quoted-about", article=a["id"], date=date, text=quote["text"])


def quoted_about(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(quote, speaker id, mentioned actor id) for each actor mentioned inside a quote's spans.

    An article's data as stored (ids per article); the speaker's own mentions are skipped,
    and each actor counts once per quote however often the quote names it.
    """
    for quote in data.get("quotes", []):
        speaker = quote.get("speaker")
        if not speaker:
            continue
        spans = quote.get("spans", [])
        for actor in data.get("actors", []):
            if actor["id"] != speaker and any(_inside(m, spans) for m in actor.get("mentions", [])):
                yield quote, speaker, actor["id"]


def _inside(mention: dict[str, int], spans: list[dict[str, Any]]) -> bool:
    # Mentions are in the body; a quote span in the headline ("part") holds none of them.
    return any(
        s.get("part") is None
        and s["paragraph"] == mention["paragraph"]
        and s["start"] <= mention["start"]
        and mention["end"] <= s["end"]
        for s in spans
    )


def _data(values: dict[str, Any], prefix: str) -> str:
    return "".join(f'<data key="{prefix}_{k}">{_escape(str(v))}</data>' for k, v in values.items() if v is not None)


def _escape(text: str) -> str:
    return quoteattr(text)[1:-1]


def _node(ident: str, **values: Any) -> str:
    return f"    <node id={quoteattr(ident)}>{_data(values, 'n')}</node>\n"


def _edge(source: str, target: str, **values: Any) -> str:
    return f"    <edge source={quoteattr(source)} target={quoteattr(target)}>{_data(values, 'e')}</edge>\n"


# --- CSV --------------------------------------------------------------------------------

CSV_TABLES: dict[str, tuple[list[str], str]] = {
    "articles": (
        ["article", "published", "headline", "publisher", "source"],
        "SELECT id, published, headline, publisher, source FROM articles ORDER BY seq",
    ),
    "actors": (
        ["id", "type", "kind", "name", "articles", "mentions", "forms"],
        "SELECT id, CASE space WHEN 'place' THEN 'place' ELSE 'actor' END, kind, name, articles, mentions, "
        "profile FROM entities ORDER BY seq",
    ),
    "mentions": (
        ["article", "local_id", "entity", "name", "kind", "spans"],
        "SELECT a.id, m.local_id, e.id, m.name, m.kind, m.spans FROM mentions m JOIN articles a ON a.seq = m.article "
        "JOIN entities e ON e.seq = m.entity ORDER BY m.article, m.local_id",
    ),
    "quotes": (
        ["article", "quote", "speaker", "speaker_name", "date", "kind", "cue", "text", "event"],
        "SELECT a.id, q.local_id, s.id, s.name, q.date, q.kind, q.cue, q.text, v.id FROM quotes q "
        "JOIN articles a ON a.seq = q.article LEFT JOIN entities s ON s.seq = q.speaker "
        "LEFT JOIN events v ON v.seq = q.event ORDER BY q.article, q.local_id",
    ),
    "events": (
        ["id", "kind", "label", "start", "end", "place", "articles"],
        "SELECT v.id, v.kind, v.label, v.start, v.end, p.id, v.articles FROM events v "
        "LEFT JOIN entities p ON p.seq = v.place ORDER BY v.seq",
    ),
    "participants": (
        ["event", "entity", "article"],
        "SELECT v.id, e.id, a.id FROM participants p JOIN events v ON v.seq = p.event "
        "JOIN entities e ON e.seq = p.entity JOIN articles a ON a.seq = p.article "
        "ORDER BY p.event, p.entity, p.article",
    ),
}


def _csv_folder(corpus: "Corpus", folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError("a CSV export is a folder of tables", "give -o a folder (e.g. -o tables/)", source=str(folder))
    for name in CSV_TABLES:
        atomic_write(folder / f"{name}.csv", _csv_table(corpus, name))


def _csv_table(corpus: "Corpus", name: str) -> Iterator[str]:
    header, sql = CSV_TABLES[name]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for n, row in enumerate(corpus.store.rows(sql), start=1):
        values = list(row)
        if name == "actors":  # the surface forms, most frequent first, ' | ' between them
            forms = json.loads(values[-1]).get("forms", {})
            values[-1] = " | ".join(sorted(forms, key=lambda f: (-forms[f], f)))
        writer.writerow(["" if v is None else v for v in values])
        if n % 512 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


EXPORTS: dict[str, Callable[["Corpus"], Iterator[str]]] = {
    "json": _jsonl,
    "jsonld": _jsonld,
    "graphml": _graphml,
    "csv": lambda corpus: iter(()),
}
