"""The :class:`Store`: articles, events, stories and the ingest ledger in one database."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import func, insert, select

from pantau.article import Article, Event
from pantau.merge import MergeConfig
from pantau.query import EventFilter, EventRecord
from pantau.schema import from_json
from pantau.store import tables as t
from pantau.store.database import create, display_url, migrate, reading, resolve_url, writing
from pantau.store.errors import ArticleNotFoundError
from pantau.store.reading import as_utc, event_records
from pantau.store.rows import Versions, prepare
from pantau.store.writer import Item, Stored, Writer, WriteStatus, Written
from pantau.stories import MinHasher, StoryConfig

_STORY_CONFIG = "story_config"


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    events: int
    clusters: int
    """Merged events."""
    stories: int
    multi_article_stories: int
    """Stories with more than one article (republished copies)."""
    inputs_done: int
    inputs_failed: int


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    story_id: str | None
    event_count: int
    pipeline_version: str | None
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    key: str
    status: str
    reason: str | None
    article_id: str | None
    attempts: int
    attempted_at: dt.datetime


class Store:
    """A pantau database: SQLite by default, PostgreSQL by URL.

    ``db`` is a file path (created with its folder), ``":memory:"``, a ``sqlite:///`` or a
    ``postgresql://`` URL, or ``None`` for the per-user default
    (:func:`~pantau.store.database.default_db_path`). Opening applies the schema migrations.
    ``stories`` is stored with a new database and read back from an existing one; ``merge``
    applies to the events written through this object.
    """

    def __init__(
        self,
        db: str | os.PathLike[str] | None = None,
        *,
        merge: MergeConfig | None = None,
        stories: StoryConfig | None = None,
        busy_timeout: float = 60.0,
    ) -> None:
        self.url = resolve_url(db)
        self.engine = create(self.url, busy_timeout=busy_timeout)
        self.revision = migrate(self.engine)
        self.story_config = self._story_config(stories or StoryConfig())
        self.merge_config = merge or MergeConfig()
        self.hasher = MinHasher(self.story_config)
        self._writer = Writer(self.engine, stories=self.story_config, merge=self.merge_config)
        self._events = TypeAdapter(Event)

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    @property
    def location(self) -> str:
        """The SQLite file's path, or the URL without its password."""
        if self.dialect == "sqlite":
            return self.engine.url.database or ":memory:"
        return display_url(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _story_config(self, default: StoryConfig) -> StoryConfig:
        m = t.meta
        with reading(self.engine) as connection:
            stored = connection.execute(
                select(m.c.value).where(m.c.key == _STORY_CONFIG)
            ).scalar_one_or_none()
        if stored is not None:
            return StoryConfig.from_dict(json.loads(stored))
        with writing(self.engine) as connection:
            stored = connection.execute(
                select(m.c.value).where(m.c.key == _STORY_CONFIG)
            ).scalar_one_or_none()
            if stored is not None:
                return StoryConfig.from_dict(json.loads(stored))
            connection.execute(
                insert(m).values(key=_STORY_CONFIG, value=json.dumps(default.to_dict()))
            )
        return default

    # writing

    def put(
        self, article: Article, *, versions: Versions | Mapping[str, Any] | None = None
    ) -> WriteStatus:
        """Store one article with its records: ``inserted``, ``updated`` or ``unchanged``."""
        prepared = prepare(article, hasher=self.hasher, versions=Versions.of(versions))
        (written,) = self._writer.write([Stored(None, None, prepared)])
        return written.status

    def write(self, items: Iterable[Item]) -> list[Written]:
        """Write processed inputs and failures (what ingest does), ledger rows included."""
        return self._writer.write(list(items))

    def delete_article(self, article_id: str) -> None:
        """Delete an article with its events; stories and merged events are recounted."""
        if not self._writer.delete(article_id):
            raise ArticleNotFoundError(f"no article with id {article_id!r} in {self}")

    # reading

    def article(self, article_id: str) -> Article:
        """The stored article with every record, equal to the one stored.

        ``article_id`` may be a unique prefix of at least 6 characters.
        """
        a = t.articles
        with reading(self.engine) as connection:
            rows = connection.execute(
                select(a.c.id, a.c.record, a.c.text, a.c.source_text)
                .where(
                    a.c.id.startswith(article_id, autoescape=True)
                    if len(article_id) >= 6
                    else a.c.id == article_id
                )
                .limit(2)
            ).all()
        if not rows:
            raise ArticleNotFoundError(f"no article with id {article_id!r} in {self}")
        if len(rows) > 1:
            exact = [r for r in rows if r.id == article_id]
            if not exact:
                raise ArticleNotFoundError(
                    f"{article_id!r} is the start of several article ids: give more characters"
                )
            rows = exact
        row = rows[0]
        document = (
            row.record[:-1]
            + ',"text":'
            + json.dumps(row.text, ensure_ascii=False)
            + ',"source_text":'
            + json.dumps(row.source_text, ensure_ascii=False)
            + "}"
        )
        return from_json(document)

    def articles(
        self,
        *,
        limit: int | None = 50,
        offset: int = 0,
        outlet: str | None = None,
        story_id: str | None = None,
    ) -> list[ArticleSummary]:
        """Stored articles, newest publication first."""
        a = t.articles
        query = select(
            a.c.id,
            a.c.url,
            a.c.outlet,
            a.c.title,
            a.c.published,
            a.c.story_id,
            a.c.event_count,
            a.c.pipeline_version,
            a.c.updated_at,
        )
        if outlet:
            query = query.where(func.lower(a.c.outlet) == outlet.casefold())
        if story_id:
            query = query.where(a.c.story_id == story_id)
        query = query.order_by(
            a.c.published_date.is_(None), a.c.published_date.desc(), a.c.id
        ).offset(offset)
        if limit:
            query = query.limit(limit)
        with reading(self.engine) as connection:
            return [
                ArticleSummary(
                    r.id,
                    r.url,
                    r.outlet,
                    r.title,
                    r.published,
                    r.story_id,
                    r.event_count,
                    r.pipeline_version,
                    as_utc(r.updated_at),
                )
                for r in connection.execute(query)
            ]

    def events(self, filter: EventFilter | None = None) -> list[Event]:
        """The events matching ``filter`` as typed records, by date."""
        return [r.event for r in self.event_records(filter)]

    def event_records(self, filter: EventFilter | None = None) -> list[EventRecord]:
        """The events matching ``filter`` with their article, story and merged event."""
        with reading(self.engine) as connection:
            return event_records(connection, filter or EventFilter(), self._events)

    def stats(self) -> StoreStats:
        with reading(self.engine) as connection:

            def count(table: Any, *where: Any) -> int:
                return int(
                    connection.execute(
                        select(func.count()).select_from(table).where(*where)
                    ).scalar_one()
                )

            ledger = t.ingest_ledger
            return StoreStats(
                articles=count(t.articles),
                events=count(t.events),
                clusters=count(t.event_clusters),
                stories=count(t.stories),
                multi_article_stories=count(t.stories, t.stories.c.article_count > 1),
                inputs_done=count(ledger, ledger.c.status == "done"),
                inputs_failed=count(ledger, ledger.c.status == "failed"),
            )

    def ledger(self, *, status: str | None = None, limit: int | None = None) -> list[LedgerEntry]:
        """Ingest ledger entries (``status``: ``done`` or ``failed``), latest attempt first."""
        g = t.ingest_ledger
        query = select(g).order_by(g.c.attempted_at.desc(), g.c.key)
        if status:
            query = query.where(g.c.status == status)
        if limit:
            query = query.limit(limit)
        with reading(self.engine) as connection:
            return [
                LedgerEntry(
                    r.key, r.status, r.reason, r.article_id, r.attempts, as_utc(r.attempted_at)
                )
                for r in connection.execute(query)
            ]

    def done_inputs(self, keys: Mapping[str, str | None]) -> set[str]:
        """Which of ``keys`` (key → fingerprint) are done with the same fingerprint."""
        g = t.ingest_ledger
        done: set[str] = set()
        names = list(keys)
        with reading(self.engine) as connection:
            for start in range(0, len(names), 500):
                chunk = names[start : start + 500]
                for key, fingerprint in connection.execute(
                    select(g.c.key, g.c.fingerprint).where(g.c.key.in_(chunk), g.c.status == "done")
                ):
                    if keys[key] is None or keys[key] == fingerprint:
                        done.add(key)
        return done
