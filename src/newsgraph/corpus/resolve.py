"""Resolution across articles: each article's actors, places and events become corpus entities.

An article arrives already resolved inside itself (extraction made 'Putin' an alias of
'Vladimir Putin'); here each of its actors is matched against the corpus entities that
share one of its name keys (the blocking: surname for people, folded name and initials
for organisations, folded name for countries and places). Only that block is read, so
adding an article costs a few index look-ups, whatever the size of the corpus: n log n in
mentions overall. Existing entities are never renamed in id or merged with each other,
so corpus ids stay stable as the corpus grows.

Within a block, people are told apart by given names (with variants and nicknames),
middle names and initials, gender (Mrs. Clinton is not Bill), and, when a surname alone
is written, by titles, affiliation and the actors they appear with.
"""

from __future__ import annotations

import json
import math
import sqlite3
import zlib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Iterable

from ..model import Actor, Article, Event, Place, normalise_name
from .names import (
    PersonName,
    given_compatible,
    middles_compatible,
    name_key,
    org_keys,
    parse_person,
)

__all__ = ["CONFIDENCE", "Resolver"]

# Named weights of the choice among several candidates of one block (see _score).
CONFIDENCE = {
    "title": 3.0,  # a shared title word ('secretary', 'president')
    "affiliation": 3.0,  # the same organisation or country
    "together": 2.0,  # per actor of this article the candidate appeared with before
    "together_cap": 4,  # at most this many co-occurring actors count
    "prominence": 0.5,  # times log(1 + articles): the better known of two namesakes
    "gender": -2.0,  # the article's pronouns say the other gender
}
PROFILE_CAP = 48  # co-occurring actors, titles and forms kept per entity (the most frequent)
BLOCK_CAP = 64  # candidates read per look-up: the cost of a look-up does not grow with the corpus
EVENT_WINDOW_DAYS = 31  # an event found by date is looked for this far before the start
TITLE_STOP = frozenset(
    {
        "former",
        "late",
        "then",
        "of",
        "the",
        "us",
        "russian",
        "vice",
        "first",
        "state",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mister",
        "sir",
        "dame",
        "madam",
        "madame",
        "lady",
    }
)


@dataclass
class Entity:
    """A corpus entity while an article is being added (written back when it is done)."""

    seq: int
    id: str
    space: str
    kind: str
    name: str
    mentions: int
    articles: int
    profile: dict[str, Any]
    dirty: bool = False
    counted: bool = False  # its article count already holds the article being added
    keys: set[str] = field(default_factory=set)


def _bump(table: dict[str, int], key: str, by: int = 1) -> None:
    table[key] = table.get(key, 0) + by
    if len(table) > PROFILE_CAP * 2:
        keep = sorted(table.items(), key=lambda kv: -kv[1])[:PROFILE_CAP]
        table.clear()
        table.update(keep)


def _title_words(titles: Iterable[str]) -> set[str]:
    from .names import _data  # the same list that strips titles off names

    heads = set(_data()["leading_titles"]) - TITLE_STOP
    return {w for t in titles for w in normalise_name(t).split("-") if w in heads}


def pack(article: Article) -> bytes:
    """An article as stored: its JSON, compressed (a corpus of 100,000 articles stays small)."""
    return zlib.compress(article.model_dump_json(exclude_none=True).encode("utf-8"), 6)


def unpack(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


class Resolver:
    """Adds articles to an open corpus, inside the caller's transaction."""

    def __init__(self, db: sqlite3.Connection, id_base: str) -> None:
        self.db = db
        self.id_base = id_base
        self.cache: dict[int, Entity] = {}

    # --- one article ---------------------------------------------------------------

    def add(self, article: Article, source: str | None = None) -> bool:
        """Add one article; False when the corpus already holds it (same article id)."""
        if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            return False
        found = article.actor(article.publisher) if article.publisher else None
        publisher = found.name if found else None
        seq = self.db.execute(
            "INSERT INTO articles (id, source, published, headline, publisher, publisher_id, json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                source,
                (article.published or "")[:10] or None,
                article.headline,
                publisher,
                article.publisher,
                pack(article),
            ),
        ).lastrowid
        assert seq is not None
        self.cache = {}
        actors = self._actors(seq, article)
        places = self._places(seq, article)
        self._together(article, actors)
        events = self._events(seq, article, actors, places)
        self._quotes(seq, article, actors, events)
        self._flush()
        return True

    def _actors(self, seq: int, article: Article) -> dict[str, int]:
        # Organisations and countries first, then full names, then surnames alone: a bare
        # 'Clinton' is then judged with everything else the article names already known.
        def order(actor: Actor) -> int:
            if actor.kind != "person":
                return 0
            parsed = _person_name(actor)
            return 1 if parsed is not None and parsed.full else 2

        local: dict[str, int] = {}
        for actor in sorted(article.actors, key=order):
            affiliation = local.get(actor.affiliation or "")
            entity = self._resolve_actor(actor, set(local.values()), affiliation)
            self._mention(seq, actor.id, entity, actor.name, actor.kind, len(actor.mentions))
            local[actor.id] = entity.seq
        for actor in article.actors:
            if actor.affiliation in local:
                entity = self.cache[local[actor.id]]
                _bump(entity.profile.setdefault("affiliations", {}), str(local[actor.affiliation]))
        return local

    def _places(self, seq: int, article: Article) -> dict[str, int]:
        local: dict[str, int] = {}
        for place in article.places:
            entity = self._resolve_place(place)
            self._mention(seq, place.id, entity, place.name, place.kind, len(place.mentions))
            local[place.id] = entity.seq
        return local

    def _mention(self, article: int, local_id: str, entity: Entity, name: str, kind: str, spans: int) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
            (article, local_id, entity.seq, name, kind, spans),
        )
        entity.mentions += max(spans, 1)
        if not entity.counted:
            entity.articles += 1
            entity.counted = True
        _bump(entity.profile.setdefault("forms", {}), name)
        entity.dirty = True

    def _together(self, article: Article, actors: dict[str, int]) -> None:
        present = sorted(set(actors.values()))
        if len(present) > 64:  # a list of names, not a story: co-occurrence says little
            return
        for seq in present:
            table = self.cache[seq].profile.setdefault("with", {})
            for other in present:
                if other != seq:
                    _bump(table, str(other))

    # --- matching --------------------------------------------------------------------

    def _resolve_actor(self, actor: Actor, context: set[int], affiliation: int | None) -> Entity:
        parsed = _person_name(actor)
        names = [actor.name, *actor.aliases]
        if actor.kind == "country":
            keys = {f"country:{name_key(n)}" for n in names}
            return self._pick_or_make(keys, keys, "country", "country", actor.name)
        if parsed is not None and (actor.kind == "person" or _looks_like_a_person(parsed)):
            # Kinds are evidence, not walls: 'Bernie Sanders' taken for an organisation by
            # one article is still the senator; a 'person' called 'Twitter' the company.
            if (
                actor.kind == "person"
                and not parsed.known_given
                and not parsed.gender
                and not self._person_candidates(parsed, None)
            ):
                org = self._existing_org(names)
                if org is not None:
                    return org
            return self._resolve_person(actor, parsed, context, affiliation)
        kind = actor.kind if actor.kind != "person" else "organization"
        stored, wanted = _org_keys(kind, names)
        return self._pick_or_make(stored, wanted, kind, kind, actor.name)

    def _existing_org(self, names: list[str]) -> Entity | None:
        """An organisation or group of the corpus by exactly one of these names, if any."""
        for space in ("organization", "group"):
            keys = {f"{space}:{name_key(n)}" for n in names}
            found = self._best(self._block(keys, space), set(), set(), None)
            if found is not None:
                return found
        return None

    def _person_candidates(self, parsed: PersonName, gender: str | None) -> list[Entity]:
        if parsed.first_only:
            # 'Hillary' alone: the best known person of that given name, or a new one
            fits = [
                e for e in self._block({f"person:first:{parsed.first}"}, "person") if _person_fits(parsed, gender, e)
            ]
            return [e for e in fits if not e.profile.get("first_only")] or fits
        fits = [e for e in self._block({f"person:sur:{parsed.last}"}, "person") if _person_fits(parsed, gender, e)]
        if parsed.full:
            fits = (
                [e for e in fits if e.profile.get("first")]
                or fits
                or [
                    e
                    for e in self._block({f"person:first:{parsed.first}"}, "person")
                    if e.profile.get("first_only") and _person_fits(parsed, gender, e)
                ]
            )
        return fits

    def _resolve_person(self, actor: Actor, parsed: PersonName, context: set[int], affiliation: int | None) -> Entity:
        titles = _title_words(actor.titles) | _title_words([actor.name])
        keys = _person_keys(parsed)
        fits = self._person_candidates(parsed, parsed.gender)
        best = self._best(fits, titles, context, affiliation, actor.gender)
        if best is None:
            best = self._make("person", "person", actor.name, keys)
            if parsed.first_only:
                best.profile["first_only"] = True
            if parsed.suffix:
                best.profile["suffix"] = parsed.suffix
        elif keys - best.keys and not parsed.first_only:
            self._add_keys(best, keys - best.keys)
            best.profile.pop("first_only", None)
        profile = best.profile
        if parsed.full or (parsed.first_only and not profile.get("first")):
            firsts = profile.setdefault("first", [])
            if parsed.first not in firsts:
                firsts.append(parsed.first)
            if parsed.middle and list(parsed.middle) not in profile.setdefault("middle", []):
                profile["middle"].append(list(parsed.middle))
        gender = parsed.gender or actor.gender
        if gender:
            _bump(profile.setdefault("genders", {}), gender)
        if parsed.gender and not profile.get("gender"):
            profile["gender"] = parsed.gender
        for word in titles:
            _bump(profile.setdefault("titles", {}), word)
        best.dirty = True
        return best

    def _resolve_place(self, place: Place) -> Entity:
        names = [place.name, *place.aliases]
        if place.kind == "country":
            keys = {f"country:{name_key(n)}" for n in names}
            return self._pick_or_make(keys, keys, "country", "country", place.name)
        keys = {f"place:{name_key(n)}" for n in names}
        country = name_key(place.country) if place.country else None
        fits = [
            e
            for e in self._block(keys, "place")
            if not (country and e.profile.get("country") and e.profile["country"] != country)
        ]
        best = self._best(fits, set(), set(), None)
        if best is None:
            best = self._make("place", place.kind, place.name, keys)
        if country and not best.profile.get("country"):
            best.profile["country"] = country
            best.dirty = True
        return best

    def _pick_or_make(self, stored: set[str], wanted: set[str], space: str, kind: str, name: str) -> Entity:
        best = self._best(self._block(wanted, space), set(), set(), None)
        if best is None:
            return self._make(space, kind, name, stored)
        # New names join the entity; initials do not (an 'RNC' that matched the Committee
        # must not make the Convention match it too).
        new = {k for k in stored - best.keys if ":acr" not in k}
        if new:
            self._add_keys(best, new)
        return best

    def _best(
        self,
        candidates: list[Entity],
        titles: set[str],
        context: set[int],
        affiliation: int | None,
        gender: str | None = None,
    ) -> Entity | None:
        if not candidates:
            return None
        return max(candidates, key=lambda e: (_score(e, titles, context, affiliation, gender), -e.seq))

    # --- the store -------------------------------------------------------------------

    def _block(self, keys: set[str], space: str) -> list[Entity]:
        marks = ",".join("?" * len(keys))
        # A block holds its best known entities only: 'John' alone need not read every John.
        seqs = [
            r[0]
            for r in self.db.execute(
                f"SELECT DISTINCT e.seq, e.articles FROM entity_keys k CROSS JOIN entities e ON e.seq = k.entity "
                f"WHERE k.key IN ({marks}) AND e.space = ? ORDER BY e.articles DESC, e.seq LIMIT {BLOCK_CAP}",
                [*sorted(keys), space],
            )
        ]
        return [self._load(s) for s in seqs]

    def _load(self, seq: int) -> Entity:
        if seq not in self.cache:
            row = self.db.execute(
                "SELECT seq, id, space, kind, name, mentions, articles, profile FROM entities WHERE seq = ?", (seq,)
            ).fetchone()
            keys = {r[0] for r in self.db.execute("SELECT key FROM entity_keys WHERE entity = ?", (seq,))}
            self.cache[seq] = Entity(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]), keys=keys
            )
        return self.cache[seq]

    def _make(self, space: str, kind: str, name: str, keys: set[str]) -> Entity:
        ident = self._unique_id(
            f"{self.id_base}{'place' if space == 'place' else kind}:{normalise_name(name)}", "entities"
        )
        seq = self.db.execute(
            "INSERT INTO entities (id, space, kind, name, profile) VALUES (?, ?, ?, ?, '{}')",
            (ident, space, kind, name),
        ).lastrowid
        assert seq is not None
        entity = Entity(seq, ident, space, kind, name, 0, 0, {}, dirty=True)
        self.cache[seq] = entity
        self._add_keys(entity, keys)
        return entity

    def _add_keys(self, entity: Entity, keys: set[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?)", [(k, entity.seq) for k in sorted(keys)])
        entity.keys |= keys

    def _unique_id(self, ident: str, table: str) -> str:
        candidate, n = ident, 1
        while self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{ident}-{n}"
        return candidate

    def _flush(self) -> None:
        for e in self.cache.values():
            if e.dirty:
                e.name = _display_name(e)
                self.db.execute(
                    "UPDATE entities SET name = ?, mentions = ?, articles = ?, profile = ? WHERE seq = ?",
                    (e.name, e.mentions, e.articles, json.dumps(e.profile, sort_keys=True), e.seq),
                )
        self.cache = {}

    # --- events and quotes --------------------------------------------------------------

    def _events(self, seq: int, article: Article, actors: dict[str, int], places: dict[str, int]) -> dict[str, int]:
        local: dict[str, int] = {}
        for event in article.events:
            parts = {actors[p] for p in event.participants if p in actors}
            place = places.get(event.location or "")
            start, end = _dates(event)
            found = self._match_event(event.kind, start, end, place, parts)
            if found is None:
                slug = normalise_name(event.label)[:60].strip("-")
                ident = self._unique_id(f"{self.id_base}event:{slug}{'-' + start if start else ''}", "events")
                found = self.db.execute(
                    "INSERT INTO events (id, kind, label, start, end, place) VALUES (?, ?, ?, ?, ?, ?)",
                    (ident, event.kind, event.label, start, end, place),
                ).lastrowid
            else:
                # What a later article knows (the date, the place) fills in what was missing.
                self.db.execute(
                    "UPDATE events SET start = coalesce(start, ?), end = coalesce(end, ?), "
                    "place = coalesce(place, ?) WHERE seq = ?",
                    (start, end, place, found),
                )
            assert found is not None
            if found not in local.values():
                self.db.execute("UPDATE events SET articles = articles + 1 WHERE seq = ?", (found,))
            local[event.id] = found
            self.db.execute(
                "INSERT OR IGNORE INTO event_mentions VALUES (?, ?, ?, ?)", (seq, event.id, found, event.label)
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO participants VALUES (?, ?, ?)", [(found, p, seq) for p in sorted(parts)]
            )
        return local

    def _match_event(
        self, kind: str, start: str | None, end: str | None, place: int | None, parts: set[int]
    ) -> int | None:
        rows: dict[int, sqlite3.Row] = {}
        if place is not None:
            for r in self.db.execute(
                "SELECT seq, start, end, place FROM events WHERE kind = ? AND place = ?", (kind, place)
            ):
                rows[r[0]] = r
        if start is not None:
            since = (date.fromisoformat(start) - timedelta(days=EVENT_WINDOW_DAYS)).isoformat()
            for r in self.db.execute(
                "SELECT seq, start, end, place FROM events WHERE kind = ? AND start BETWEEN ? AND ?",
                (kind, since, end or start),
            ):
                rows[r[0]] = r
        best, best_shared = None, -1
        for seq, row in sorted(rows.items()):
            theirs = {r[0] for r in self.db.execute("SELECT DISTINCT entity FROM participants WHERE event = ?", (seq,))}
            shared = len(parts & theirs)
            if _events_agree(start, end, place, row, shared) and shared > best_shared:
                best, best_shared = seq, shared
        return best

    def _quotes(self, seq: int, article: Article, actors: dict[str, int], events: dict[str, int]) -> None:
        day = (article.published or "")[:10] or None
        self.db.executemany(
            "INSERT OR IGNORE INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    seq,
                    q.id,
                    actors.get(q.speaker or ""),
                    q.text,
                    q.kind,
                    q.cue,
                    day,
                    events.get(q.event or ""),
                    actors.get(q.via or ""),
                )
                for q in article.quotes
            ],
        )


def _events_agree(start: str | None, end: str | None, place: int | None, row: sqlite3.Row, shared: int) -> bool:
    """Same kind (asked already); dates that do not clash; and place or participants in common.

    Two dated reports agree on the place or on a participant; when a date is missing on
    either side, both the place and a participant must agree (a 'summit in Geneva' of Biden
    and Putin, undated in one article, is the dated one of another).
    """
    their_start, their_end, their_place = row[1], row[2], row[3]
    if place is not None and their_place is not None and place != their_place:
        return False
    same_place = place is not None and place == their_place
    if start and their_start:
        if start > (their_end or their_start) or their_start > (end or start):
            return False
        return same_place or shared >= 1
    return same_place and shared >= 1


def _dates(event: Event) -> tuple[str | None, str | None]:
    if event.date is None or event.date.start is None:
        return None, None
    start = event.date.start[:10]
    end = (event.date.end or event.date.start)[:10]
    return start, max(start, end)


def _person_name(actor: Actor) -> PersonName | None:
    """The fullest parse of an actor's name and aliases."""
    parses = [p for p in (parse_person(n) for n in [actor.name, *actor.aliases]) if p is not None]
    if not parses:
        return None
    main = parses[0]
    full = [p for p in parses if p.full and p.last == main.last]
    best = max(full, key=lambda p: len(p.middle)) if full and not main.full else main
    gender = next((p.gender for p in parses if p.gender), None)
    return replace(best, gender=gender)


def _person_keys(parsed: PersonName) -> set[str]:
    keys = {f"person:first:{parsed.first}"} if parsed.first else set()
    return keys | ({f"person:sur:{parsed.last}"} if parsed.last else set())


def _person_name_full(name: str) -> bool:
    parsed = parse_person(name)
    return parsed is not None and parsed.full


def _person_fits(parsed: PersonName, gender: str | None, entity: Entity) -> bool:
    """Whether a name can be this person's: gender (from an honorific), suffix, given and middle names."""
    profile = entity.profile
    if gender and profile.get("gender") and gender != profile["gender"]:
        return False
    if (parsed.suffix or None) != profile.get("suffix") and (parsed.full or parsed.first_only):
        return False
    firsts = profile.get("first") or []
    if not (parsed.full or parsed.first_only) or not firsts:
        return True
    assert parsed.first is not None
    if not any(given_compatible(parsed.first, f) for f in firsts):
        return False
    return all(middles_compatible(parsed.middle, tuple(m)) for m in profile.get("middle", []))


def _looks_like_a_person(parsed: PersonName) -> bool:
    """A known given name, alone or before a surname: 'Carly Fiorina' whatever kind it was given."""
    return parsed.known_given and (parsed.first_only or len(parsed.middle) <= 1)


def _display_name(entity: Entity) -> str:
    """The most written form (for people, of those with a given name): 'Joe Biden', not 'Biden'."""
    forms: dict[str, int] = entity.profile.get("forms", {})
    if not forms:
        return entity.name
    if entity.space == "person":
        full = {f: n for f, n in forms.items() if _person_name_full(f)}
        forms = full or forms
    return min(forms, key=lambda f: (-forms[f], len(f), f))


def _org_keys(kind: str, names: list[str]) -> tuple[set[str], set[str]]:
    """Keys to store and keys to look up: long initials find short ones and the other way round."""
    stored: set[str] = set()
    wanted: set[str] = set()
    swap = {"acrL": "acrS", "acrS": "acrL"}
    for name in names:
        for key in org_keys(name):
            stored.add(f"{kind}:{key}")
            head, _, rest = key.partition(":")
            wanted.add(f"{kind}:{swap[head]}:{rest}" if head in swap else f"{kind}:{key}")
    return stored, wanted


def _score(
    entity: Entity, titles: set[str], context: set[int], affiliation: int | None, gender: str | None = None
) -> float:
    profile = entity.profile
    genders = profile.get("genders", {})
    if gender and genders and max(genders, key=genders.get) != gender:
        # extraction's gender (from pronouns) is evidence, not proof
        return CONFIDENCE["gender"] + _score(entity, titles, context, affiliation)
    score = CONFIDENCE["title"] * len(titles & set(profile.get("titles", {})))
    together = profile.get("with", {})
    shared = sum(1 for c in context if str(c) in together)
    score += CONFIDENCE["together"] * min(shared, CONFIDENCE["together_cap"])
    if affiliation is not None and str(affiliation) in profile.get("affiliations", {}):
        score += CONFIDENCE["affiliation"]
    return score + CONFIDENCE["prominence"] * math.log1p(entity.articles)
