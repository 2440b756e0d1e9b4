"""The corpus on disk: one SQLite file, checked before anything is written to it.

SQLite is the embedded default: nothing to install or start, one file to copy. Every
article is added in one ``BEGIN IMMEDIATE`` transaction, so two ``corpus add`` runs on
the same file take turns (the other waits on SQLite's lock, up to ``BUSY_SECONDS``)
and nothing is lost; an article half-added is rolled back. The file is recognised by
its application id and a ``newsgraph_corpus`` table: another SQLite database or a
damaged file is refused before a byte of it changes.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError, NewsgraphError, OutputError

__all__ = ["SCHEMA_VERSION", "Store", "database_error", "use_wal"]

APPLICATION_ID = 0x4E47_4331  # "NGC1": a newsgraph corpus
SCHEMA_VERSION = 1
BUSY_SECONDS = 600.0  # how long a writer waits for another one before giving up
WAL_RETRY_SECONDS = 0.05  # between two tries of the switch to WAL (use_wal)
SQLITE_HEADER = b"SQLite format 3\x00"
CREATE_HINT = "give a corpus made by 'newsgraph corpus add', or a new path to create one"

SCHEMA = """
CREATE TABLE newsgraph_corpus (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT, published TEXT,
    headline TEXT, publisher TEXT, publisher_id TEXT, json BLOB NOT NULL);
CREATE TABLE entities (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, space TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT NOT NULL, mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
    profile TEXT NOT NULL);
CREATE INDEX entities_rank ON entities (space, articles DESC, mentions DESC);
CREATE TABLE entity_keys (key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY (key, entity)) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (entity);
CREATE TABLE mentions (
    article INTEGER NOT NULL, local_id TEXT NOT NULL, entity INTEGER NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL, spans INTEGER NOT NULL, PRIMARY KEY (article, local_id)) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity, article);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, label TEXT NOT NULL,
    start TEXT, end TEXT, place INTEGER, articles INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_kind_place ON events (kind, place);
CREATE INDEX events_kind_start ON events (kind, start);
CREATE INDEX events_start ON events (start);
CREATE TABLE event_mentions (
    article INTEGER NOT NULL, local_id TEXT NOT NULL, event INTEGER NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (article, local_id)) WITHOUT ROWID;
CREATE INDEX event_mentions_event ON event_mentions (event);
CREATE TABLE participants (
    event INTEGER NOT NULL, entity INTEGER NOT NULL, article INTEGER NOT NULL,
    PRIMARY KEY (event, entity, article)) WITHOUT ROWID;
CREATE INDEX participants_entity ON participants (entity);
CREATE TABLE quotes (
    article INTEGER NOT NULL, local_id TEXT NOT NULL, speaker INTEGER, text TEXT NOT NULL,
    kind TEXT NOT NULL, cue TEXT, date TEXT, event INTEGER, via INTEGER,
    PRIMARY KEY (article, local_id)) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker, date);
"""


def database_error(err: sqlite3.Error, path: Path) -> NewsgraphError:
    """A SQLite failure as one of ours: a damaged file says so, a full disk says so."""
    text = str(err)
    if isinstance(err, sqlite3.OperationalError) and "locked" in text:
        return NewsgraphError(
            f"the corpus stayed locked by another run for {BUSY_SECONDS:.0f}s",
            "wait for the other 'corpus add' to finish and run again",
            source=str(path),
        )
    if isinstance(err, sqlite3.OperationalError) and "readonly" in text.replace("-", "").replace(" ", ""):
        return OutputError(
            "the corpus cannot be written: it is read-only",
            "make the file and its folder writable, or add to another corpus",
            source=str(path),
        )
    if isinstance(err, sqlite3.OperationalError) and "disk" in text and "full" in text:
        return NewsgraphError("the disk is full", "free some space and run again", source=str(path))
    return InputError(f"the corpus file is damaged ({text})", CREATE_HINT, source=str(path))


def use_wal(db: sqlite3.Connection) -> None:
    """Switch the file to WAL, so that readers (show, export) never block a writer (add),
    nor the other way round. The switch needs the file to itself, and while another
    connection holds the write lock SQLite refuses it at once ("database is locked")
    rather than wait on the busy handler, which could deadlock: two 'corpus add' runs
    making the same new corpus met so. It is tried again until ``BUSY_SECONDS``."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


class Store:
    """An open corpus file. ``create``: make it when it does not exist (or is empty)."""

    def __init__(
        self, path: str | Path, *, create: bool = False, readonly: bool = False, id_base: str | None = None
    ) -> None:
        self.path = Path(path)
        fresh = self._check_file(create)
        mode = "ro" if readonly and not fresh else "rwc"
        try:
            self.db = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode={mode}", uri=True, timeout=BUSY_SECONDS, isolation_level=None
            )
        except sqlite3.Error as err:
            raise database_error(err, self.path) from None
        self.db.row_factory = sqlite3.Row
        try:
            if fresh:
                self._create(id_base)
            self._check_corpus()
            self.db.execute("PRAGMA foreign_keys = OFF")
            self.db.execute("PRAGMA synchronous = NORMAL")
        except NewsgraphError:
            self.db.close()
            raise
        except sqlite3.Error as err:
            self.db.close()
            raise database_error(err, self.path) from None
        self.meta = {row["key"]: row["value"] for row in self.db.execute("SELECT key, value FROM newsgraph_corpus")}

    def _check_file(self, create: bool) -> bool:
        """Whether the corpus is still to be made; refuse a file that is not SQLite at all."""
        if not self.path.exists() or (self.path.is_file() and self.path.stat().st_size == 0):
            if not create:
                raise InputError(
                    "there is no corpus here",
                    f"add articles first: newsgraph corpus add INPUT... --db {self.path}",
                    source=str(self.path),
                )
            return True
        if not self.path.is_file():
            raise InputError("is not a file", CREATE_HINT, source=str(self.path))
        with self.path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise InputError(
                "is not a SQLite database (a damaged corpus or another kind of file)",
                CREATE_HINT,
                source=str(self.path),
            )
        return False

    def _create(self, id_base: str | None) -> None:
        with self.writing():
            # Another run may have made it between our check and our lock: then it is made.
            if self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                return
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.executemany(
                "INSERT INTO newsgraph_corpus VALUES (?, ?)",
                [
                    ("format", "newsgraph-corpus"),
                    ("schema", str(SCHEMA_VERSION)),
                    ("id_base", id_base or "urn:newsgraph:corpus:"),
                ],
            )
        use_wal(self.db)

    def _check_corpus(self) -> None:
        app = self.db.execute("PRAGMA application_id").fetchone()[0]
        tables = [r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if app != APPLICATION_ID or "newsgraph_corpus" not in tables:
            listed = ", ".join(tables[:5]) or "no tables"
            raise InputError(
                f"is a SQLite database, but not a newsgraph corpus (it holds {listed})",
                CREATE_HINT,
                source=str(self.path),
            )
        row = self.db.execute("SELECT value FROM newsgraph_corpus WHERE key = 'schema'").fetchone()
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise InputError(
                f"is a newsgraph corpus of another version (schema {row[0] if row else '?'}, "
                f"this newsgraph reads {SCHEMA_VERSION})",
                "add its articles to a new corpus",
                source=str(self.path),
            )

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction that holds the write lock from its start: all of it or none of it."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise database_error(err, self.path) from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as err:
            self.db.execute("ROLLBACK")
            raise database_error(err, self.path) from None

    def rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows of a query, one at a time (exports stream), damage reported as an error."""
        try:
            cursor = self.db.execute(sql, params)
            while True:
                batch = cursor.fetchmany(256)
                if not batch:
                    return
                yield from batch
        except sqlite3.Error as err:
            raise database_error(err, self.path) from None

    def one(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> sqlite3.Row | None:
        return next(self.rows(sql, params), None)

    def close(self) -> None:
        self.db.close()
