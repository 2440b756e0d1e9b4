"""newsgraph.Corpus: many articles, one graph, in one SQLite file.

>>> from newsgraph import Corpus
>>> with Corpus("corpus.sqlite") as corpus:
...     corpus.add(["../shared/seeds/"])
...     biden = corpus.resolve("President Biden")
...     quotes = list(corpus.quotes_by(biden.id))
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from ..errors import InputError, NewsgraphError, UsageError
from ..model import Article, article_from_data
from ..worker import Outcome
from .names import name_key, org_keys, parse_person
from .resolve import Resolver, _person_fits, unpack
from .store import Store, database_error

if TYPE_CHECKING:
    from ..api import ConvertOptions

__all__ = ["AddReport", "Corpus", "CorpusEntity", "CorpusEvent", "CorpusQuote"]

OnOutcome = Callable[[Outcome], None]


@dataclass(frozen=True)
class CorpusEntity:
    """An actor or place of the corpus: one id for all its names in all articles."""

    id: str
    type: str  # 'actor' or 'place'
    kind: str
    name: str
    mentions: int
    articles: int
    forms: tuple[str, ...] = ()  # surface forms, most frequent first
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorpusQuote:
    """A quote, in its article, pointing to the corpus speaker."""

    id: str
    article: str
    headline: str | None
    date: str | None
    text: str
    kind: str
    cue: str | None
    speaker: str | None
    speaker_name: str | None
    event: str | None


@dataclass(frozen=True)
class CorpusEvent:
    """An event of the corpus: the reports of several articles merged."""

    id: str
    kind: str
    label: str
    start: str | None
    end: str | None
    place: str | None
    place_name: str | None
    participants: tuple[str, ...]
    participant_names: tuple[str, ...]
    articles: int


@dataclass
class AddReport:
    """What an add did: articles added, articles the corpus already held, inputs that failed."""

    seconds: float = 0.0
    inputs: int = 0
    added: int = 0
    already: int = 0
    failed: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        text = (
            f"added {self.added} article{'s' if self.added != 1 else ''} from {self.inputs} "
            f"input{'s' if self.inputs != 1 else ''} in {self.seconds:.1f}s"
        )
        if self.already:
            text += f"; {self.already} already in the corpus"
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text


class Corpus:
    """A corpus file: made when it does not exist (unless ``create`` is False)."""

    def __init__(
        self, path: str | Path, *, create: bool = True, readonly: bool = False, id_base: str | None = None
    ) -> None:
        if not isinstance(path, (str, Path)):
            raise UsageError(f"a corpus is a file path, not {type(path).__name__}", "give the path of the .sqlite file")
        self.store = Store(path, create=create and not readonly, readonly=readonly, id_base=id_base)
        self.path = self.store.path
        self.id_base = self.store.meta.get("id_base", "urn:newsgraph:corpus:")

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # --- adding ---------------------------------------------------------------------

    def add(
        self,
        inputs: Sequence[str | Path],
        *,
        options: "ConvertOptions | None" = None,
        on_outcome: OnOutcome | None = None,
    ) -> AddReport:
        """Read and extract ``inputs`` through the batch engine (``options``: api.ConvertOptions,
        its ``workers`` and ``engine``), and add every article; a bad input fails alone."""
        from ..api import ConvertOptions, iter_outcomes

        opts = options if options is not None else ConvertOptions()
        if not isinstance(opts, ConvertOptions):
            raise UsageError("options must be a newsgraph.ConvertOptions", "build one with ConvertOptions(workers=2)")
        report = AddReport()
        started = time.perf_counter()
        for outcome in iter_outcomes(list(inputs), options=opts):
            report.inputs += 1
            if outcome.ok:
                try:
                    self._add_all(outcome.results, outcome.input, report)
                except NewsgraphError as err:
                    if isinstance(err, InputError) and "damaged" in err.what:
                        raise  # the corpus itself, not this input: stop
                    outcome.error = err.at(outcome.input)
                except Exception as err:  # noqa: BLE001 - one input's failure must not stop the batch
                    outcome.error = NewsgraphError(
                        f"internal error: {type(err).__name__}: {err}",
                        "please report this with the input file",
                        source=outcome.input,
                    )
            outcome.results = []  # memory flat: the articles are on disk now
            if not outcome.ok:
                report.failed.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        report.seconds = time.perf_counter() - started
        return report

    def add_articles(self, articles: Iterable[Article], *, source: str | None = None) -> AddReport:
        """Add articles already read and extracted (each in its own transaction)."""
        report = AddReport()
        started = time.perf_counter()
        for article in articles:
            if not isinstance(article, Article):
                raise UsageError(
                    f"expected an Article, got {type(article).__name__}", "read it with newsgraph.read first"
                )
            report.inputs += 1
            self._add_all([article], source, report)
        report.seconds = time.perf_counter() - started
        return report

    def _add_all(self, articles: list[Article], source: str | None, report: AddReport) -> None:
        for article in articles:
            try:
                with self.store.writing() as db:
                    added = Resolver(db, self.id_base).add(article, source)
            except sqlite3.Error as err:
                raise database_error(err, self.path) from None
            if added:
                report.added += 1
            else:
                report.already += 1

    # --- looking up -------------------------------------------------------------------

    def entity(self, ident: str) -> CorpusEntity | None:
        row = self.store.one("SELECT * FROM entities WHERE id = ?", (ident,))
        return _entity(row) if row else None

    def resolve(self, name: str) -> CorpusEntity | None:
        """The corpus entity a name (any surface form, a corpus id) stands for; None if none."""
        if not isinstance(name, str) or not name.strip():
            raise UsageError("give a name or a corpus id to resolve", "e.g. 'President Biden'")
        found = self.entity(name)
        if found:
            return found
        keys = {f"{space}:{name_key(name)}" for space in ("country", "place", "organization", "group")}
        keys |= {f"{space}:{k}" for k in org_keys(name) for space in ("organization", "group")}
        parsed = parse_person(name)
        if parsed is not None:
            keys |= {f"person:first:{parsed.first}"} if parsed.first_only else {f"person:sur:{parsed.last}"}
        marks = ",".join("?" * len(keys))
        rows = list(
            self.store.rows(
                f"SELECT e.* FROM entities e WHERE e.seq IN (SELECT entity FROM entity_keys WHERE key IN ({marks})) "
                "ORDER BY e.articles DESC, e.mentions DESC, e.seq",
                sorted(keys),
            )
        )
        people = [r for r in rows if r["space"] == "person"]
        others = [r for r in rows if r["space"] != "person"]
        if parsed is not None and people:
            from .resolve import Entity

            fits = [
                r
                for r in people
                if _person_fits(
                    parsed,
                    parsed.gender,
                    Entity(
                        r["seq"],
                        r["id"],
                        r["space"],
                        r["kind"],
                        r["name"],
                        r["mentions"],
                        r["articles"],
                        json.loads(r["profile"]),
                    ),
                )
            ]
            if parsed.full:
                fits = [r for r in fits if json.loads(r["profile"]).get("first")] or fits
            if fits and (parsed.full or not others):
                return _entity(fits[0])
        # 'Kiev' is the city before it is an alias of Ukraine: a match on the name comes first.
        others.sort(key=lambda r: name_key(r["name"]) != name_key(name))
        return _entity(others[0]) if others else None

    def entities(
        self, *, kind: str | None = None, type: str | None = None, name: str | None = None, limit: int | None = None
    ) -> Iterator[CorpusEntity]:
        """Entities, the most mentioned first (by articles, then mentions)."""
        where, params = ["1 = 1"], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if type == "actor":
            where.append("space != 'place'")
        elif type == "place":
            where.append("space = 'place'")
        if name:
            where.append("name LIKE ?")
            params.append(f"%{name}%")
        sql = f"SELECT * FROM entities WHERE {' AND '.join(where)} ORDER BY articles DESC, mentions DESC, seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.store.rows(sql, params):
            yield _entity(row)

    def aliases(self, ident: str) -> list[str]:
        """The per-article ids an entity or event of the corpus was made of."""
        rows = self.store.rows(
            "SELECT m.local_id FROM mentions m JOIN entities e ON e.seq = m.entity WHERE e.id = ? "
            "UNION SELECT m.local_id FROM event_mentions m JOIN events e ON e.seq = m.event WHERE e.id = ? "
            "ORDER BY 1",
            (ident, ident),
        )
        return [r[0] for r in rows]

    def quotes_by(self, actor: str, *, since: str | None = None, until: str | None = None) -> Iterator[CorpusQuote]:
        """An actor's quotes (a corpus id or a name) over time, oldest first; undated last."""
        found = self.resolve(actor)
        if found is None:
            return
        where, params = ["s.id = ?"], [found.id]
        if since:
            where.append("q.date >= ?")
            params.append(since)
        if until:
            where.append("q.date <= ?")
            params.append(until)
        for r in self.store.rows(
            "SELECT q.local_id, a.id AS article, a.headline, q.date, q.text, q.kind, q.cue, s.id AS speaker, "
            "s.name AS speaker_name, ev.id AS event FROM quotes q JOIN entities s ON s.seq = q.speaker "
            "JOIN articles a ON a.seq = q.article LEFT JOIN events ev ON ev.seq = q.event "
            f"WHERE {' AND '.join(where)} ORDER BY q.date IS NULL, q.date, a.seq, q.local_id",
            params,
        ):
            yield CorpusQuote(
                r["local_id"],
                r["article"],
                r["headline"],
                r["date"],
                r["text"],
                r["kind"],
                r["cue"],
                r["speaker"],
                r["speaker_name"],
                r["event"],
            )

    def events(
        self, *, kind: str | None = None, actor: str | None = None, since: str | None = None, until: str | None = None
    ) -> Iterator[CorpusEvent]:
        """Events as a timeline: dated ones by date, then undated ones."""
        where, params = ["1 = 1"], []
        if kind:
            where.append("e.kind = ?")
            params.append(kind)
        if since:
            where.append("coalesce(e.end, e.start) >= ?")
            params.append(since)
        if until:
            where.append("e.start <= ?")
            params.append(until)
        if actor:
            found = self.resolve(actor)
            if found is None:
                return
            where.append(
                "e.seq IN (SELECT p.event FROM participants p JOIN entities x ON x.seq = p.entity WHERE x.id = ?)"
            )
            params.append(found.id)
        for r in self.store.rows(
            "SELECT e.*, pl.id AS place_id, pl.name AS place_name FROM events e "
            f"LEFT JOIN entities pl ON pl.seq = e.place WHERE {' AND '.join(where)} "
            "ORDER BY e.start IS NULL, e.start, e.seq",
            params,
        ):
            people = list(
                self.store.rows(
                    "SELECT DISTINCT x.id, x.name FROM participants p JOIN entities x ON x.seq = p.entity "
                    "WHERE p.event = ? ORDER BY x.articles DESC, x.seq",
                    (r["seq"],),
                )
            )
            yield CorpusEvent(
                r["id"],
                r["kind"],
                r["label"],
                r["start"],
                r["end"],
                r["place_id"],
                r["place_name"],
                tuple(p[0] for p in people),
                tuple(p[1] for p in people),
                r["articles"],
            )

    def articles(self) -> Iterator[Article]:
        """Every article as it was added (per-article ids), in the order added."""
        for row in self.store.rows("SELECT json FROM articles ORDER BY seq"):
            yield article_from_data(unpack(row[0]))

    def stats(self) -> dict[str, int]:
        counts = {}
        for table in ("articles", "entities", "mentions", "quotes", "events", "participants"):
            row = self.store.one(f"SELECT count(*) FROM {table}")
            counts[table] = int(row[0]) if row else 0
        return counts

    def export(self, to: str, output: str | Path) -> None:
        """Write the corpus as ``to`` (json, jsonld, graphml, csv) to ``output`` (csv: a folder)."""
        from .exports import export

        export(self, to, Path(output))


def _entity(row: sqlite3.Row) -> CorpusEntity:
    profile = json.loads(row["profile"])
    forms = sorted(profile.get("forms", {}).items(), key=lambda kv: (-kv[1], kv[0]))
    titles = sorted(profile.get("titles", {}).items(), key=lambda kv: (-kv[1], kv[0]))
    return CorpusEntity(
        row["id"],
        "place" if row["space"] == "place" else "actor",
        row["kind"],
        row["name"],
        row["mentions"],
        row["articles"],
        tuple(f for f, _ in forms),
        tuple(t for t, _ in titles),
    )
