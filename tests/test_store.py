"""The store: round trips, idempotency, updates, versions, migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import test_store_support as support
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text
from test_store_support import OTHER, WIRE, copy_of, news

from pantau.reader import Reader
from pantau.store import ArticleNotFoundError, DatabaseError, Store, Stored, UnstorableArticleError
from pantau.store import tables as t
from pantau.store.database import resolve_url
from pantau.store.rows import prepare

# The store suite's fixtures (SQLite and PostgreSQL), defined in test_store_support.
db = support.db
postgres = support.postgres
shared_reader = support.shared_reader
store = support.store


def count(store: Store, table: object) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_round_trip_with_events(store: Store, shared_reader: Reader) -> None:
    article = news(shared_reader, WIRE, url="https://a.example/1", events=2)
    assert store.put(article) == "inserted"
    assert store.article(article.id) == article
    assert store.article(article.id[:8]) == article
    assert [e.id for e in store.events()] == [e.id for e in article.events]


def test_same_article_twice_changes_nothing(store: Store, shared_reader: Reader) -> None:
    article = news(shared_reader, WIRE, url="https://a.example/1", events=1)
    store.put(article)
    with store.engine.connect() as connection:
        before = connection.execute(select(t.articles.c.updated_at)).scalar_one()
    assert store.put(article) == "unchanged"
    with store.engine.connect() as connection:
        assert connection.execute(select(t.articles.c.updated_at)).scalar_one() == before
    stats = store.stats()
    assert (stats.articles, stats.events, stats.clusters, stats.stories) == (1, 1, 1, 1)


def test_changed_page_at_the_same_url_replaces_the_old_one(
    store: Store, shared_reader: Reader
) -> None:
    old = news(shared_reader, WIRE, url="https://a.example/1", events=2)
    new = news(
        shared_reader, WIRE + " Pembaruan: dua warga terluka.", url="https://a.example/1", events=1
    )
    store.put(old)
    assert store.put(new) == "updated"
    assert [a.id for a in store.articles()] == [new.id]
    with pytest.raises(ArticleNotFoundError):
        store.article(old.id)
    assert [e.id for e in store.events()] == [new.events[0].id]
    assert count(store, t.event_actors) == 2  # one source, one target: none left of the old
    assert count(store, t.event_clusters) == 1
    assert count(store, t.stories) == 1


def test_new_pipeline_output_for_the_same_text_updates_records(
    store: Store, shared_reader: Reader
) -> None:
    first = news(shared_reader, WIRE, events=1)
    second = dataclasses.replace(news(shared_reader, WIRE, events=3), pipeline_version="9.9")
    store.put(first)
    with store.engine.connect() as connection:
        created = connection.execute(select(t.articles.c.created_at)).scalar_one()
    assert store.put(second) == "updated"
    assert store.article(first.id) == second
    assert len(store.events()) == 3
    with store.engine.connect() as connection:
        assert connection.execute(select(t.articles.c.created_at)).scalar_one() == created


def test_versions_are_stamped(store: Store, shared_reader: Reader) -> None:
    article = news(shared_reader, WIRE, events=1)
    store.put(article, versions={"model": "ner-2", "gazetteer": "gaz-7", "codebook": None})
    with store.engine.connect() as connection:
        row = connection.execute(select(t.articles)).one()
    assert row.pipeline_version == article.pipeline_version
    assert (row.model_version, row.gazetteer_version) == ("ner-2", "gaz-7")
    assert row.codebook_version == "test-1"  # from the events
    assert row.created_at is not None and row.updated_at is not None


def test_delete_article_recounts(store: Store, shared_reader: Reader) -> None:
    a = news(shared_reader, WIRE, url="https://a.example/1", outlet="ANTARA", events=1)
    b = news(
        shared_reader, copy_of(WIRE, "Tempo"), url="https://b.example/1", outlet="Tempo", events=1
    )
    store.put(a)
    store.put(b)
    assert store.stats().clusters == 1
    store.delete_article(b.id)
    (record,) = store.event_records()
    assert record.source_count == 1
    assert record.article_count == 1
    with pytest.raises(ArticleNotFoundError):
        store.delete_article(b.id)


def test_one_batch_sees_its_own_articles(store: Store, shared_reader: Reader) -> None:
    first = news(shared_reader, WIRE, url="https://a.example/1", outlet="ANTARA", events=1)
    copy = news(shared_reader, copy_of(WIRE, "Tempo"), url="https://t.example/1", outlet="Tempo",
                events=1)  # fmt: skip
    changed = news(shared_reader, OTHER, url="https://a.example/1", outlet="ANTARA")
    items = [
        Stored(f"in-{n}", None, prepare(a, hasher=store.hasher))
        for n, a in enumerate([first, first, copy, changed])
    ]
    results = store.write(items)
    assert [r.status for r in results] == ["inserted", "unchanged", "inserted", "updated"]
    assert {a.id for a in store.articles()} == {copy.id, changed.id}
    assert store.stats().events == 1  # the first article's event went with it
    again = store.write(items[:3])
    assert [r.status for r in again] == ["updated", "unchanged", "unchanged"]  # the URL again
    (record, other) = store.event_records()
    assert record.cluster_id == other.cluster_id and record.source_count == 2
    assert {a.story_id for a in store.articles()} == {first.id}  # the story outlived it
    assert store.stats().articles == 2


def test_article_not_found_message(store: Store) -> None:
    with pytest.raises(ArticleNotFoundError, match="no article with id 'feedfeedfeed'"):
        store.article("feedfeedfeed")


def test_nul_characters_are_refused_with_a_reason(store: Store, shared_reader: Reader) -> None:
    article = dataclasses.replace(news(shared_reader, OTHER), title="a\x00b")
    with pytest.raises(UnstorableArticleError, match="NUL"):
        store.put(article)
    assert store.stats().articles == 0


def test_migrations_match_the_tables(db: str) -> None:
    with Store(db) as opened, opened.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), t.metadata)
    assert differences == []


def test_reopening_keeps_data_and_story_settings(db: str, shared_reader: Reader) -> None:
    from pantau.stories import StoryConfig

    with Store(db, stories=StoryConfig(threshold=0.7)) as first:
        first.put(news(shared_reader, OTHER))
    with Store(db) as second:
        assert second.stats().articles == 1
        assert second.story_config.threshold == 0.7


def test_sqlite_is_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db") as opened, opened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_memory_store(shared_reader: Reader) -> None:
    with Store(":memory:") as opened:
        opened.put(news(shared_reader, OTHER))
        assert opened.stats().articles == 1


def test_two_processes_open_a_new_database_at_once(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    code = f"from pantau.store import Store; Store({str(path)!r}).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


def test_opening_a_new_database_waits_while_another_connection_writes_it(tmp_path: Path) -> None:
    # what made the test above fail now and then: the other process is still creating the
    # file (rollback journal, a write lock) when this one asks for the write-ahead log, and
    # SQLite refuses that at once, without waiting out the busy timeout
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, other.execute, ["COMMIT"])
    release.start()
    try:
        with Store(path) as store:
            assert store.stats().articles == 0
    finally:
        release.join()
        other.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgres://h/db", "postgresql+psycopg://h/db"),
        (":memory:", "sqlite://"),
    ],
)
def test_resolve_url(value: str, expected: str) -> None:
    assert resolve_url(value) == expected


def test_resolve_url_of_a_file_and_of_bad_values(tmp_path: Path) -> None:
    assert resolve_url(tmp_path / "a" / "b.db") == f"sqlite:///{tmp_path / 'a' / 'b.db'}"
    assert (tmp_path / "a").is_dir()
    with pytest.raises(DatabaseError, match="is a folder"):
        resolve_url(tmp_path)
    with pytest.raises(DatabaseError, match="unsupported database 'mysql'"):
        resolve_url("mysql://h/db")


def test_default_store_location_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setenv("PANTAU_DB", str(tmp_path / "env.db"))
    with Store() as opened:
        assert opened.location == str(tmp_path / "env.db")


def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot open the database"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_public_api_is_pinned() -> None:
    import pantau.exports
    import pantau.ingest
    import pantau.store

    assert sorted(pantau.store.__all__) == sorted(
        ["ArticleNotFoundError", "ArticleSummary", "DatabaseError", "Failed", "FetchError",
         "LedgerEntry", "RobotsDisallowedError", "Store", "StoreError", "StoreStats", "Stored",
         "UnstorableArticleError", "Versions", "WriteStatus", "Written", "default_db_path"]
    )  # fmt: skip
    assert sorted(pantau.ingest.__all__) == sorted(
        ["USER_AGENT", "Fetcher", "IngestProgress", "IngestReport", "Page", "Processor",
         "ProcessorFactory", "ReaderProcessor", "default_processor_factory", "ingest",
         "load_factory", "reader_processor"]
    )  # fmt: skip
    assert sorted(pantau.exports.__all__) == sorted(
        ["ACLED_COLUMNS", "COLUMNS", "FORMATS", "ExportResult", "Exporter", "guard", "to_arrow",
         "to_pandas"]
    )  # fmt: skip
    for module in (pantau.store, pantau.ingest, pantau.exports):
        assert all(hasattr(module, name) for name in module.__all__)
