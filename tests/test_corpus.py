"""The corpus: resolution across articles, the SQLite store, the library API and the CLI.

The five seeds are extracted once (through Corpus.add, the batch engine); other tests use
articles written here, actors only, so that they show one rule each.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsgraph
from newsgraph import Actor, Article, ConvertOptions, Corpus, DateInfo, Event, Place
from newsgraph.corpus.names import given_compatible, middles_compatible, name_key, parse_person
from newsgraph.corpus.store import use_wal
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import mint_id

from conftest import SEEDS

NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(newsgraph.__file__).parents[1]))
    return subprocess.run([*NEWSGRAPH, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.sqlite"
    with Corpus(path) as corpus:
        report = corpus.add([SEEDS], options=ConvertOptions(workers=1))
    assert report.ok and report.added == 5, report.summary()
    return path


@pytest.fixture
def seeds(seeds_db: Path, tmp_path: Path) -> Iterator[Corpus]:
    copy = tmp_path / "copy.sqlite"
    with sqlite3.connect(seeds_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Corpus(copy) as corpus:
        yield corpus


def entities_of(corpus: Corpus, surname: str, kind: str) -> dict[str, set[str]]:
    """Corpus id -> the articles in which a per-article actor or place whose name holds ``surname`` is."""
    rows = corpus.store.rows(
        "SELECT e.id, a.id FROM mentions m JOIN entities e ON e.seq = m.entity "
        "JOIN articles a ON a.seq = m.article WHERE m.name LIKE ? AND e.kind = ?",
        (f"%{surname}%", kind),
    )
    found: dict[str, set[str]] = {}
    for entity, article in rows:
        found.setdefault(entity, set()).add(article)
    return found


# --- the seeds --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kind, articles",
    [
        ("Biden", "person", 5),
        ("Putin", "person", 5),
        ("Peskov", "person", 3),
        ("Nuland", "person", 2),
        ("Navalny", "person", 2),
        ("United States", "country", 5),
        ("Russia", "country", 5),
        ("Kremlin", "organization", 5),
    ],
)
def test_the_seeds_resolve_each_actor_to_one_entity_across_articles(
    seeds: Corpus, name: str, kind: str, articles: int
) -> None:
    found = entities_of(seeds, name, kind)
    assert len(found) == 1, found
    [(ident, where)] = found.items()
    assert len(where) == articles
    assert len(set(seeds.aliases(ident))) >= 1


def test_surface_forms_of_the_seeds_are_one_entity(seeds: Corpus) -> None:
    biden, peskov = seeds.resolve("President Biden"), seeds.resolve("Dmitri Peskov")
    assert biden is not None and {"Biden", "Joe Biden"} <= set(biden.forms)
    assert peskov is not None and {"Dmitry Peskov", "Dmitri Peskov"} <= set(peskov.forms)
    assert seeds.resolve("Joe Biden") == biden == seeds.resolve(biden.id)
    us = seeds.resolve("U.S.")
    assert us is not None and us == seeds.resolve("America") == seeds.resolve("United States")
    assert us.kind == "country"


def test_the_geneva_summit_is_one_event_of_two_articles(seeds: Corpus) -> None:
    summits = [e for e in seeds.events(kind="summit") if e.place_name == "Geneva"]
    assert len(summits) == 1
    [summit] = summits
    assert summit.articles == 2 and summit.start == "2021-06-16"
    assert {seeds.resolve("Putin").id, seeds.resolve("Biden").id} <= set(summit.participants)  # type: ignore[union-attr]  # missing fails the test
    assert len({alias.split("#")[0] for alias in seeds.aliases(summit.id)}) == 2


def test_quotes_stay_in_their_article_and_point_to_the_corpus_speaker(seeds: Corpus) -> None:
    quotes = list(seeds.quotes_by("Peskov"))
    peskov = seeds.resolve("Peskov")
    assert peskov is not None and len(quotes) >= 3
    assert {q.speaker for q in quotes} == {peskov.id}
    assert all(q.id.startswith(q.article + "#quote-") for q in quotes)
    assert len({q.article for q in quotes}) == 3


# --- the store ----------------------------------------------------------------------------


def test_the_same_article_twice_is_one_article(seeds: Corpus) -> None:
    before = seeds.stats()
    report = seeds.add_articles(list(seeds.articles()))
    assert (report.added, report.already) == (0, 5)
    assert seeds.stats() == before


def test_adding_later_keeps_existing_corpus_ids(seeds_db: Path, tmp_path: Path) -> None:
    with Corpus(seeds_db, readonly=True) as full:
        articles = list(full.articles())
    with Corpus(tmp_path / "grow.sqlite") as corpus:
        corpus.add_articles(articles[:2])
        first = {
            row[0]: row[1]
            for row in corpus.store.rows(
                "SELECT a.id || ' ' || m.local_id, e.id FROM mentions m JOIN entities e ON e.seq = m.entity "
                "JOIN articles a ON a.seq = m.article"
            )
        }
        ids = {e.id for e in corpus.entities()}
        corpus.add_articles(articles[2:])
        later = {
            row[0]: row[1]
            for row in corpus.store.rows(
                "SELECT a.id || ' ' || m.local_id, e.id FROM mentions m JOIN entities e ON e.seq = m.entity "
                "JOIN articles a ON a.seq = m.article"
            )
        }
        assert ids <= {e.id for e in corpus.entities()}
        assert {k: later[k] for k in first} == first
        assert len(entities_of(corpus, "Biden", "person")) == 1


def _variants(articles: list[Article], numbers: range) -> str:
    lines = []
    for n in numbers:
        article = articles[n % len(articles)]
        data = article.model_dump(mode="json", exclude_none=True)
        data["id"] = f"{article.id}-copy-{n}"
        for quote in data["quotes"]:
            quote["id"] = quote["id"].replace(article.id, data["id"])
            if quote.get("event"):
                quote["event"] = quote["event"].replace(article.id, data["id"])
        for event in data["events"]:
            event["id"] = event["id"].replace(article.id, data["id"])
        lines.append(json.dumps(data))
    return "\n".join(lines) + "\n"


def test_two_adds_at_once_take_turns_and_lose_nothing(seeds_db: Path, tmp_path: Path) -> None:
    with Corpus(seeds_db, readonly=True) as full:
        articles = list(full.articles())
    (tmp_path / "a.jsonl").write_text(_variants(articles, range(0, 40)), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(_variants(articles, range(20, 60)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(newsgraph.__file__).parents[1]))
    runs = [
        subprocess.Popen(
            [*NEWSGRAPH, "corpus", "add", name, "--db", "shared.sqlite", "-j", "1", "-q"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a.jsonl", "b.jsonl")
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    with Corpus(tmp_path / "shared.sqlite", readonly=True) as corpus:
        assert corpus.stats()["articles"] == 60
        assert len(entities_of(corpus, "Putin", "person")) == 1
        assert corpus.resolve("Putin").articles == 60  # type: ignore[union-attr]  # missing fails the test


def test_the_switch_to_wal_waits_for_another_run_s_write_lock(tmp_path: Path) -> None:
    # two adds making the same new corpus: one switches the file to WAL while the other holds
    # the write lock; SQLite refuses the switch at once (no busy wait), so it must be tried again
    path = tmp_path / "shared.sqlite"
    mine = sqlite3.connect(path, timeout=5, isolation_level=None)
    mine.execute("CREATE TABLE t (x)")
    other = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        use_wal(mine)
    finally:
        release.join()
    assert mine.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    mine.close()
    other.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = _digest(path)
    with pytest.raises(InputError, match="is not a SQLite database"):
        Corpus(path)
    result = run_cli("corpus", "add", str(SEEDS / sorted(os.listdir(SEEDS))[0]), "--db", str(path), "-j", "1")
    assert result.returncode == 1 and "is not a SQLite database" in result.stderr
    assert _digest(path) == before and not list(tmp_path.glob("notes.sqlite-*"))


def test_a_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
        db.execute("INSERT INTO orders (item) VALUES ('tea')")
    db.close()
    before = _digest(path)
    result = run_cli("corpus", "show", str(path))
    assert result.returncode == 1 and "not a newsgraph corpus (it holds orders)" in result.stderr
    with pytest.raises(InputError, match="not a newsgraph corpus"):
        Corpus(path)
    assert _digest(path) == before


def test_a_damaged_corpus_is_an_error_not_a_crash(seeds_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    data = bytearray(seeds_db.read_bytes())
    data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)
    path.write_bytes(bytes(data))
    with pytest.raises(NewsgraphError):
        with Corpus(path, readonly=True) as corpus:
            corpus.export("json", tmp_path / "out.jsonl")
            list(corpus.entities())
    assert not (tmp_path / "out.jsonl").exists()


def test_no_corpus_at_a_path_is_said_for_show_and_export(tmp_path: Path) -> None:
    result = run_cli("corpus", "export", str(tmp_path / "none.sqlite"), "--to", "json", "-o", str(tmp_path / "x"))
    assert result.returncode == 1 and "there is no corpus here" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_an_input_that_fails_fails_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "story.txt").write_text(
        (SEEDS / sorted(os.listdir(SEEDS))[0]).read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run_cli("corpus", "add", str(folder), "--db", str(tmp_path / "c.sqlite"), "-j", "1")
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "added 1 article from 2 inputs" in result.stderr
    with Corpus(tmp_path / "c.sqlite") as corpus:
        assert corpus.stats()["articles"] == 1


# --- resolution rules, one article at a time ------------------------------------------------


def person(
    name: str, *aliases: str, titles: tuple[str, ...] = (), gender: str | None = None, ident: str | None = None
) -> Actor:
    return Actor(
        id=ident or mint_id("person", name),
        kind="person",
        name=name,
        aliases=list(aliases),
        titles=list(titles),
        gender=gender,
    )


def article(n: int, *actors: Actor, published: str = "2016-09-01", **parts: list) -> Article:
    return Article(id=f"urn:test:article:{n}", headline=f"story {n}", published=published, actors=list(actors), **parts)


def corpus_of(tmp_path: Path, *articles: Article) -> Corpus:
    corpus = Corpus(tmp_path / "c.sqlite")
    corpus.add_articles(articles)
    return corpus


def ids_for(corpus: Corpus, name: str) -> set[str]:
    return {
        r[0]
        for r in corpus.store.rows(
            "SELECT e.id FROM mentions m JOIN entities e ON e.seq = m.entity WHERE m.name = ?", (name,)
        )
    }


def test_the_clintons_are_two_people_and_their_forms_find_the_right_one(tmp_path: Path) -> None:
    trump = Actor(id="urn:newsgraph:person:donald-trump", kind="person", name="Donald Trump")
    with corpus_of(
        tmp_path,
        article(1, person("Hillary Clinton", "Clinton", titles=("Democratic nominee",)), trump),
        article(2, person("Bill Clinton", "Clinton", titles=("former President",), gender="male")),
        article(3, person("Hillary Rodham Clinton")),
        article(4, person("Mrs. Clinton", ident="urn:newsgraph:person:clinton")),
        article(5, person("Secretary Clinton", titles=("Secretary of State",), ident="urn:newsgraph:person:clinton")),
        article(6, person("Clinton"), trump),
        article(7, person("Hillary Clinton", titles=("Secretary of State",))),
        article(8, person("Clinton", titles=("former President",))),
    ) as corpus:
        hillary = ids_for(corpus, "Hillary Clinton")
        bill = ids_for(corpus, "Bill Clinton")
        assert len(hillary) == 1 and len(bill) == 1 and hillary != bill
        assert ids_for(corpus, "Hillary Rodham Clinton") == hillary
        assert ids_for(corpus, "Mrs. Clinton") == hillary
        assert ids_for(corpus, "Secretary Clinton") == hillary
        surname_only = {
            r[0]: r[1]
            for r in corpus.store.rows(
                "SELECT a.id, e.id FROM mentions m JOIN entities e ON e.seq = m.entity JOIN articles a "
                "ON a.seq = m.article WHERE m.name = 'Clinton'"
            )
        }
        assert surname_only == {"urn:test:article:6": hillary.pop(), "urn:test:article:8": bill.pop()}


def test_the_two_presidents_bush_are_two_people(tmp_path: Path) -> None:
    with corpus_of(
        tmp_path,
        article(1, person("George W. Bush")),
        article(2, person("George H.W. Bush")),
        article(3, person("George Walker Bush", "Bush")),
        article(4, person("Jeb Bush")),
    ) as corpus:
        w, hw, jeb = ids_for(corpus, "George W. Bush"), ids_for(corpus, "George H.W. Bush"), ids_for(corpus, "Jeb Bush")
        assert len(w | hw | jeb) == 3
        assert ids_for(corpus, "George Walker Bush") == w


def test_family_first_names_are_found_by_their_family_name(tmp_path: Path) -> None:
    with corpus_of(
        tmp_path,
        article(1, person("Wang Hailong", "Wang", titles=("Premier",))),
        article(2, person("Wang")),
        article(3, person("Yoon Min-jae")),
        article(4, person("President Yoon Min-jae", "Yoon")),
        article(5, person("Hailong Marsh")),
        article(6, person("Yoon")),
    ) as corpus:
        wang, yoon = ids_for(corpus, "Wang Hailong"), ids_for(corpus, "Yoon Min-jae")
        assert len(wang) == 1 and ids_for(corpus, "Wang") == wang
        assert len(yoon) == 1 and ids_for(corpus, "President Yoon Min-jae") == yoon and ids_for(corpus, "Yoon") == yoon
        assert ids_for(corpus, "Hailong Marsh").isdisjoint(wang)
    assert parse_person("Wang Hailong") == parse_person("President Wang Hailong")


def test_places_and_countries_by_any_name(tmp_path: Path) -> None:
    kiev = Place(id="urn:newsgraph:place:kiev", name="Kiev", kind="city", country="Ukraine")
    kyiv = Place(id="urn:newsgraph:place:kyiv", name="Kyiv", kind="city", country="Ukraine")
    paris_fr = Place(id="urn:newsgraph:place:paris", name="Paris", kind="city", country="France")
    paris_tx = Place(id="urn:newsgraph:place:paris", name="Paris", kind="city", country="United States")
    us = [Actor(id=mint_id("country", n), kind="country", name=n) for n in ("U.S.", "United States", "America", "USA")]
    with corpus_of(
        tmp_path, *(article(n, a, places=[p]) for n, (a, p) in enumerate(zip(us, [kiev, kyiv, paris_fr, paris_tx])))
    ) as corpus:
        assert len(ids_for(corpus, "Kiev") | ids_for(corpus, "Kyiv")) == 1
        assert len(ids_for(corpus, "Paris")) == 2
        assert len(set().union(*(ids_for(corpus, a.name) for a in us))) == 1


def test_events_merge_only_when_kind_date_and_place_or_participants_agree(tmp_path: Path) -> None:
    a, b = person("Joe Biden"), person("Vladimir Putin")
    geneva = Place(id="urn:newsgraph:place:geneva", name="Geneva", kind="city")
    rome = Place(id="urn:newsgraph:place:rome", name="Rome", kind="city")

    def summit(n: int, day: str | None, place: Place | None, kind: str = "summit") -> Event:
        return Event(
            id=f"urn:test:article:{n}#event-1",
            kind=kind,
            label="summit",
            date=DateInfo(start=day) if day else None,
            location=place.id if place else None,
            participants=[a.id, b.id],
        )

    with corpus_of(
        tmp_path,
        article(1, a, b, places=[geneva], events=[summit(1, "2021-06-16", geneva)]),
        article(2, a, b, places=[geneva], events=[summit(2, None, geneva)]),
        article(3, a, b, events=[summit(3, "2021-06-16", None)]),
        article(4, a, b, places=[geneva], events=[summit(4, "2022-06-16", geneva)]),
        article(5, a, b, places=[rome], events=[summit(5, "2021-06-16", rome)]),
        article(6, a, b, places=[geneva], events=[summit(6, "2021-06-16", geneva, "call")]),
    ) as corpus:
        events = {
            r[0]: r[1]
            for r in corpus.store.rows("SELECT m.local_id, v.id FROM event_mentions m JOIN events v ON v.seq = m.event")
        }
        same = events["urn:test:article:1#event-1"]
        assert events["urn:test:article:2#event-1"] == same
        assert events["urn:test:article:3#event-1"] == same
        assert len({events[f"urn:test:article:{n}#event-1"] for n in (1, 4, 5, 6)}) == 4


# --- names --------------------------------------------------------------------------------


def test_name_keys() -> None:
    assert {name_key(n) for n in ("US", "U.S.", "United States", "America", "the United States")} == {"united-states"}
    assert name_key("Kiev") == name_key("Kyiv")
    assert parse_person("President Joe Biden") == parse_person("Joe Biden")
    assert parse_person("Mrs. Clinton").gender == "female"  # type: ignore[union-attr]  # None fails the test
    assert given_compatible("dmitry", "dmitri") and given_compatible("bill", "william")
    assert not given_compatible("bill", "hillary")
    assert not middles_compatible(("w",), ("hw",)) and middles_compatible(("rodham",), ("r",))


@given(st.text(max_size=40), st.text(max_size=40))
def test_name_rules_never_fail_and_are_symmetric(one: str, other: str) -> None:
    a, b = parse_person(one), parse_person(other)
    name_key(one)
    if a and b and a.first and b.first:
        assert given_compatible(a.first, b.first) == given_compatible(b.first, a.first)
        assert middles_compatible(a.middle, b.middle) == middles_compatible(b.middle, a.middle)


def test_a_read_only_corpus_is_said_to_be_read_only(seeds_db: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes every file, whatever its permissions")
    path = tmp_path / "ro.sqlite"
    path.write_bytes(seeds_db.read_bytes())
    path.chmod(0o444)
    result = run_cli("corpus", "add", str(SEEDS), "--db", str(path), "-j", "1")
    assert result.returncode == 1 and "read-only" in result.stderr
