"""What a writer keeps in memory between batches (``pantau.store.memory``: candidates and
tallies): forgotten when another writer changes the database behind it; the answers and counts
the database would give."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import test_store_support as support
from sqlalchemy import select, text
from test_store_support import JAKARTA, WIRE, copy_of, news

from pantau.reader import Reader
from pantau.store import Store, Stored
from pantau.store import tables as t
from pantau.store.memory import GENERATION
from pantau.store.rows import prepare
from pantau.stories import StoryConfig

db = support.db
postgres = support.postgres
store = support.store
shared_reader = support.shared_reader

D = dt.date(2023, 11, 14)


def clusters_of(store: Store) -> dict[str, str]:
    """Event id → cluster id."""
    with store.engine.connect() as connection:
        return dict(connection.execute(select(t.events.c.id, t.events.c.cluster_id)).all())


def stories_of(store: Store) -> dict[str, str]:
    """Article id → story id."""
    with store.engine.connect() as connection:
        return dict(connection.execute(select(t.articles.c.id, t.articles.c.story_id)).all())


def test_a_writer_sees_what_another_wrote_since_its_last_batch(
    db: str, shared_reader: Reader
) -> None:
    month = news(shared_reader, WIRE, url="https://a.example/1", events=1,
                 date=dt.date(2023, 11, 1), precision="month")  # fmt: skip
    in_jakarta = {"events": 1, "place": JAKARTA}
    second = news(shared_reader, copy_of(WIRE, "Tempo"), url="https://t.example/1",
                  outlet="Tempo", **in_jakarta)  # fmt: skip
    third = news(shared_reader, copy_of(WIRE, "Kumparan"), url="https://k.example/1",
                 outlet="Kumparan", **in_jakarta)  # fmt: skip
    small = StoryConfig(max_indexed=2)
    with Store(db, stories=small) as one, Store(db, stories=small) as other:
        one.put(month)
        other.put(second)  # the same story (its index is now full), another event
        one.put(third)
        assert set(stories_of(one).values()) == {month.id}
        with one.engine.connect() as connection:
            a = t.articles
            indexed = dict(connection.execute(select(a.c.id, a.c.indexed)).all())
        assert indexed == {month.id: True, second.id: True, third.id: False}
        clusters = clusters_of(one)
        assert clusters[third.events[0].id] == clusters[second.events[0].id] != month.events[0].id


def test_a_deletion_by_another_writer_is_seen(db: str, shared_reader: Reader) -> None:
    first = news(shared_reader, WIRE, url="https://a.example/1", events=1)
    copy = news(shared_reader, copy_of(WIRE, "Tempo"), url="https://t.example/1", events=1,
                outlet="Tempo")  # fmt: skip
    with Store(db) as one, Store(db) as other:
        one.put(first)
        other.delete_article(first.id)
        one.put(copy)  # the first article is gone: a story and an event of its own
        assert stories_of(one) == {copy.id: copy.id}
        assert clusters_of(one) == {copy.events[0].id: copy.events[0].id}


def test_each_write_stamps_a_new_generation(store: Store, shared_reader: Reader) -> None:
    def generation() -> str:
        with store.engine.connect() as connection:
            m = t.meta
            return str(connection.execute(select(m.c.value).where(m.c.key == GENERATION)).scalar())

    store.put(news(shared_reader, WIRE, url="https://a.example/1"))
    before = generation()
    store.put(news(shared_reader, copy_of(WIRE, "Tempo"), url="https://t.example/1"))
    assert generation() != before


@pytest.mark.parametrize("batch", [1, 2, 4])
def test_ties_go_to_the_earliest_cluster(store: Store, shared_reader: Reader, batch: int) -> None:
    """A report dated between two clusters a window apart agrees with one member of each: it
    joins the cluster whose member came first, whether in the same batch or before."""
    bodies = [WIRE.replace("Selasa", day) for day in ("Senin", "Rabu", "Kamis", "Jumat")]
    dates = [D, D + dt.timedelta(days=2), D + dt.timedelta(days=1), D + dt.timedelta(days=1)]
    articles = [
        news(
            shared_reader, body + f" Nomor {n}.", url=f"https://x.example/{n}", events=1, date=date
        )
        for n, (body, date) in enumerate(zip(bodies, dates, strict=True))
    ]
    items = [Stored(f"in-{n}", None, prepare(a, hasher=store.hasher))
             for n, a in enumerate(articles)]  # fmt: skip
    for start in range(0, len(items), batch):
        store.write(items[start : start + batch])
    clusters = clusters_of(store)
    first, second, between, again = (a.events[0].id for a in articles)
    assert clusters[first] == first
    assert clusters[second] == second
    assert clusters[between] == first
    assert clusters[again] == first  # two members there now, one in the other


RECOUNT = {
    "event_clusters": "SELECT c.id, c.event_count, c.article_count, c.source_count, c.story_count, "
    "c.date_start, c.date_end FROM event_clusters c ORDER BY c.id",
    "recounted clusters": "SELECT e.cluster_id, count(*), count(DISTINCT e.article_id), "
    "count(DISTINCT e.source_key), count(DISTINCT a.story_id), min(e.date_start), "
    "max(e.date_end) FROM events e JOIN articles a ON a.id = e.article_id "
    "GROUP BY e.cluster_id ORDER BY e.cluster_id",
    "stories": "SELECT s.id, s.article_count, s.indexed_count FROM stories s ORDER BY s.id",
    "recounted stories": "SELECT a.story_id, count(*), "
    "sum(CASE WHEN a.indexed THEN 1 ELSE 0 END) FROM articles a "
    "GROUP BY a.story_id ORDER BY a.story_id",
}


def test_counts_kept_in_memory_equal_a_recount(store: Store, shared_reader: Reader) -> None:
    outlets = ("ANTARA", "Tempo", "Kompas", "Detik")
    articles = [
        news(shared_reader, copy_of(WIRE if n % 4 else support.OTHER, outlet) + f" Laporan {n}.",
             url=f"https://{n}.example/", outlet=outlet, events=1 + n % 2,
             date=D + dt.timedelta(days=n % 3), precision="month" if n == 5 else "day",
             place=JAKARTA if n % 3 == 0 else support.PAPUA)
        for n, outlet in enumerate(outlets * 3)
    ]  # fmt: skip
    items = [Stored(f"in-{n}", None, prepare(a, hasher=store.hasher))
             for n, a in enumerate(articles)]  # fmt: skip
    store.write(items[:3])
    store.write(items[3:7])
    store.delete_article(articles[4].id)
    store.write(items[7:10])
    store.put(dataclasses.replace(articles[8], title="Judul baru"))  # replaced whole
    store.write(items[10:])
    with store.engine.connect() as connection:
        rows = {name: connection.execute(text(sql)).all() for name, sql in RECOUNT.items()}
    assert [tuple(r) for r in rows["event_clusters"]] == [
        tuple(r) for r in rows["recounted clusters"]
    ]
    assert [tuple(r) for r in rows["stories"]] == [tuple(r) for r in rows["recounted stories"]]
    assert len(rows["event_clusters"]) > 1 and len(rows["stories"]) > 1
