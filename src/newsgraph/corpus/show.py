"""Looking inside a corpus: the most mentioned actors, an actor's quotes over time, events.

``overview`` gathers what is asked as plain data (the ``--json`` output); ``render`` prints
it as rich tables. Filters: an actor (any name or corpus id), a kind (an actor kind filters
the actors, an event kind the events), a date range (quotes and events).
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from ..errors import UsageError
from ..model import ACTOR_KINDS, EVENT_KINDS, PLACE_KINDS

if TYPE_CHECKING:
    from .library import Corpus

__all__ = ["KINDS", "overview", "render"]

KINDS = tuple(dict.fromkeys((*ACTOR_KINDS, *PLACE_KINDS, *EVENT_KINDS)))
QUOTE_WIDTH = 160  # characters of a quote shown in a table (--json has them whole)


def overview(
    corpus: "Corpus",
    *,
    actor: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> dict[str, Any]:
    """What ``corpus show`` shows, as data."""
    for value, name in ((since, "--since"), (until, "--until")):
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise UsageError(f"{name} {value!r} is not a date", "write a date as 2021-06-16") from None
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}", f"an actor, place or event kind: {', '.join(KINDS)}")
    entity_kind = kind if kind in (*ACTOR_KINDS, *PLACE_KINDS) else None
    event_kind = kind if kind in EVENT_KINDS and kind not in (*ACTOR_KINDS, *PLACE_KINDS) else None
    data: dict[str, Any] = {"corpus": str(corpus.path), "counts": corpus.stats()}
    found = None
    if actor is not None:
        found = corpus.resolve(actor)
        if found is None:
            raise UsageError(
                f"no actor of the corpus is called {actor!r}",
                "run 'newsgraph corpus show' to list the most mentioned ones",
            )
        data["actor"] = dataclasses.asdict(found)
        data["aliases"] = corpus.aliases(found.id)
        data["quotes"] = [dataclasses.asdict(q) for q in corpus.quotes_by(found.id, since=since, until=until)]
    else:
        data["actors"] = [dataclasses.asdict(e) for e in corpus.entities(kind=entity_kind, limit=limit)]
    if entity_kind is None:
        events = corpus.events(kind=event_kind, actor=found.id if found else None, since=since, until=until)
        # an actor's events are all shown; the corpus's timeline is cut at the limit
        data["events"] = [dataclasses.asdict(e) for e in (events if found else itertools.islice(events, limit))]
    return data


def render(data: dict[str, Any], console: Console) -> None:
    counts = data["counts"]
    console.print(
        f"[bold]{data['corpus']}[/]: {counts['articles']} articles, {counts['entities']} entities, "
        f"{counts['quotes']} quotes, {counts['events']} events"
    )
    if "actors" in data:
        table = Table(title="Most mentioned")
        for column in ("name", "kind", "articles", "mentions", "also written", "id"):
            table.add_column(column, justify="right" if column in ("articles", "mentions") else "left")
        for e in data["actors"]:
            others = [f for f in e["forms"] if f != e["name"]]
            table.add_row(e["name"], e["kind"], str(e["articles"]), str(e["mentions"]), ", ".join(others[:4]), e["id"])
        console.print(table)
    if "actor" in data:
        a = data["actor"]
        console.print(
            f"[bold]{a['name']}[/] ({a['kind']}, {a['id']}): {a['articles']} articles, "
            f"{a['mentions']} mentions; written {', '.join(a['forms'])}"
        )
        table = Table(title=f"Quotes of {a['name']} over time")
        for column in ("date", "quote", "article"):
            table.add_column(column)
        for q in data["quotes"]:
            text = q["text"] if len(q["text"]) <= QUOTE_WIDTH else q["text"][: QUOTE_WIDTH - 1] + "…"
            table.add_row(q["date"] or "undated", text, q["headline"] or q["article"])
        console.print(table)
    if "events" in data:
        table = Table(title="Events")
        for column in ("date", "kind", "event", "place", "participants", "articles"):
            table.add_column(column, justify="right" if column == "articles" else "left")
        for e in data["events"]:
            when = e["start"] or "undated"
            if e["end"] and e["end"] != e["start"]:
                when += f" – {e['end']}"
            table.add_row(
                when,
                e["kind"],
                e["label"],
                e["place_name"] or "",
                ", ".join(e["participant_names"][:5]),
                str(e["articles"]),
            )
        console.print(table)
