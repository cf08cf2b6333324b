"""Writing prepared articles: idempotent, one transaction per batch, nothing half-written.

For each article, in one transaction with its ledger row:

- the same id and the same record: nothing changes (``unchanged``);
- the same id and another record (a new pipeline version): the article is replaced whole, its
  creation time kept (``updated``);
- a new id for a URL already stored (the page changed): the old article and everything hanging
  from it are deleted, the new one inserted (``updated``);
- else ``inserted``: the article joins the story of its most similar earlier article (or starts
  one), and each event joins the cluster of the same event reported before (or starts one).

Story and cluster counts are refreshed before the transaction commits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import (
    ColumnDefault,
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    insert,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from pantau.merge import MergeConfig
from pantau.store import tables as t
from pantau.store.batch import Known, Pending
from pantau.store.database import writing
from pantau.store.errors import DatabaseError, StoreError, UnstorableArticleError
from pantau.store.memory import Memory
from pantau.store.rows import PreparedArticle, PreparedEvent
from pantau.stories import StoryConfig, best_match, from_bytes

logger = logging.getLogger(__name__)

WriteStatus = Literal["inserted", "updated", "unchanged", "failed"]
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Stored:
    """An input processed into an article, ready to write."""

    key: str | None
    fingerprint: str | None
    article: PreparedArticle


@dataclass(frozen=True, slots=True)
class Failed:
    """An input that could not be processed, and why."""

    key: str
    fingerprint: str | None
    reason: str
    stage: str = "read"
    """Where it failed: ``discover``, ``fetch``, ``read`` or ``store``."""


Item = Stored | Failed


@dataclass(frozen=True, slots=True)
class Written:
    """What became of one input."""

    key: str | None
    article_id: str | None
    status: WriteStatus
    reason: str | None = None


@dataclass(slots=True)
class _Touched:
    stories: set[str] = field(default_factory=set)
    clusters: set[str] = field(default_factory=set)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Writer:
    """Writes batches of :class:`Stored` and :class:`Failed` items into a store's database.

    Each batch costs a few queries: what the database holds of its articles, and the story and
    cluster candidates the writer does not remember (:mod:`pantau.store.memory`); then one
    multi-row insert per table and one multi-row update of the counts per counted table.
    """

    def __init__(self, engine: Engine, *, stories: StoryConfig, merge: MergeConfig) -> None:
        self.engine = engine
        self.stories = stories
        self.merge = merge
        a, s = t.articles, t.stories
        ids: Any = bindparam("ids", expanding=True)
        self._existing = select(a.c.id, a.c.record_hash, a.c.created_at).where(a.c.id.in_(ids))
        self._owners = select(a.c.url, a.c.id).where(a.c.url.in_(bindparam("urls", expanding=True)))
        self._stories_in = select(s.c.id).where(s.c.id.in_(ids))
        self._clusters_in = select(t.event_clusters.c.id).where(t.event_clusters.c.id.in_(ids))
        self._memory = Memory(stories, merge)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One write transaction; what the writer learns in it is remembered if it commits."""
        memory = self._memory
        try:
            with writing(self.engine) as connection:
                memory.begin(connection)
                yield connection
                upsert(connection, t.meta, [memory.stamp()], ["key"])
        except BaseException:
            memory.forget()
            raise
        memory.committed()

    def write(self, items: Sequence[Item]) -> list[Written]:
        """Write ``items`` in one transaction; if it fails, one transaction per item.

        An item whose own transaction fails is recorded as failed (stage ``store``); only a
        database that cannot record even that raises :class:`DatabaseError`.
        """
        if not items:
            return []
        try:
            with self._writing() as connection:
                return self._write_all(connection, items)
        except (SQLAlchemyError, StoreError) as e:
            if len(items) > 1:
                logger.info("batch of %d failed (%s); writing one by one", len(items), e)
                return [w for item in items for w in self.write([item])]
            item = items[0]
            if isinstance(e, OperationalError | InterfaceError) or isinstance(item, Failed):
                raise DatabaseError(f"cannot write to the database: {e}") from e
            if item.key is None:
                raise UnstorableArticleError(f"cannot store article {item.article.id}: {e}") from e
            failed = Failed(item.key, item.fingerprint, f"{type(e).__name__}: {e}", "store")
            try:
                with self._writing() as connection:
                    return self._write_all(connection, [failed])
            except SQLAlchemyError as again:
                raise DatabaseError(f"cannot write to the database: {again}") from again

    def delete(self, article_id: str) -> bool:
        """Delete one article with its events; ``False`` when there is none."""
        with self._writing() as connection:
            a = t.articles
            if connection.execute(select(a.c.id).where(a.c.id == article_id)).first() is None:
                return False
            now, touched = _now(), _Touched()
            self._delete_article(connection, article_id, touched)
            self._refresh(connection, touched, now, [], [])
        return True

    def _write_all(self, connection: Connection, items: Sequence[Item]) -> list[Written]:
        now = _now()
        touched = _Touched()
        pending = Pending()
        articles = [i.article for i in items if isinstance(i, Stored)]
        known = self._known(connection, articles)
        self._prefetch(connection, articles)
        results: list[Written] = []
        for item in items:
            if isinstance(item, Failed):
                results.append(Written(item.key, None, "failed", item.reason))
            else:
                status = self._put(connection, item.article, now, touched, pending, known)
                results.append(Written(item.key, item.article.id, status))
        self._remember(pending, now)
        rows = pending.articles, pending.events  # the flush starts new lists
        self._flush(connection, pending)
        self._refresh(connection, touched, now, *rows)
        self._ledger(connection, items, results, now)
        return results

    def _prefetch(self, connection: Connection, articles: list[PreparedArticle]) -> None:
        """Load the story and cluster candidates of a batch's articles: a few queries."""
        self._memory.stories.prefetch(
            connection, (p.buckets for p in articles if p.buckets and p.row["minhash"] is not None)
        )
        self._memory.clusters.prefetch(
            connection,
            ((e.key.type, e.row["actor_key"], e.key) for p in articles for e in p.events),
        )

    def _remember(self, pending: Pending, now: dt.datetime) -> None:
        """Add the batch's indexed articles and dated events to the candidates."""
        stories = self._memory.stories
        for bucket in pending.buckets:
            article = bucket["article_id"]
            stories.add(article, pending.signatures[article], pending.story_of[article],
                        bucket["bucket"])  # fmt: skip
        clusters = self._memory.clusters
        for row, (cluster, key) in zip(pending.events, pending.event_keys, strict=True):
            clusters.add(key, row["actor_key"], cluster, (now, row["id"]))

    def _known(self, connection: Connection, articles: list[PreparedArticle]) -> Known:
        """What the database holds of the batch's articles, stories and clusters: four queries."""
        known = Known()
        ids = sorted({p.id for p in articles})
        urls = sorted({p.url for p in articles if p.url is not None})
        events = sorted({str(e.row["id"]) for p in articles for e in p.events})
        for chunk in _chunks(ids):
            for row in connection.execute(self._existing, {"ids": chunk}):
                known.existing[row.id] = (row.record_hash, row.created_at)
            known.stories.update(connection.execute(self._stories_in, {"ids": chunk}).scalars())
        for chunk in _chunks(urls):
            for url, owner in connection.execute(self._owners, {"urls": chunk}):
                known.url_owner[url] = owner
        for chunk in _chunks(events):
            known.clusters.update(connection.execute(self._clusters_in, {"ids": chunk}).scalars())
        return known

    def _refreshed(self, connection: Connection, known: Known, article: PreparedArticle) -> None:
        """Ask the database again about one article (after a flush in the middle of a batch)."""
        fresh = self._known(connection, [article])
        known.existing, known.url_owner = fresh.existing, fresh.url_owner
        known.stories |= fresh.stories
        known.clusters |= fresh.clusters

    # articles

    def _put(
        self,
        connection: Connection,
        article: PreparedArticle,
        now: dt.datetime,
        touched: _Touched,
        pending: Pending,
        known: Known,
    ) -> WriteStatus:
        same = pending.record_hash.get(article.id)
        if same == article.row["record_hash"]:
            return "unchanged"  # twice in one batch
        if same is not None or (article.url is not None and article.url in pending.urls):
            self._flush(connection, pending)  # rare: let the database see the batch so far
            self._memory.forget()
            known.stale = True
        if known.stale:
            self._refreshed(connection, known, article)
        status: WriteStatus = "inserted"
        created = now
        existing = known.existing.get(article.id)
        if existing is not None:
            if existing[0] == article.row["record_hash"]:
                return "unchanged"
            # Same source text, another record (a new pipeline): replace it whole.
            created = existing[1]
            self._delete_article(connection, article.id, touched)
            known.forget(article.id)
            status = "updated"
        old = known.url_owner.get(article.url) if article.url is not None else None
        if old is not None and old != article.id:  # the page at this URL changed
            self._delete_article(connection, old, touched)
            known.forget(old)
            status = "updated"
        story, index = self._assign_story(connection, article, now, pending, known)
        touched.stories.add(story)
        pending.articles.append(
            {**article.row, "story_id": story, "indexed": index, "created_at": created,
             "updated_at": now}
        )  # fmt: skip
        pending.record_hash[article.id] = article.row["record_hash"]
        if article.url is not None:
            pending.urls[article.url] = article.id
        pending.story_of[article.id] = story
        if index:
            pending.indexed[story] += 1
            pending.signatures[article.id] = from_bytes(article.row["minhash"])
            for bucket in set(article.buckets):
                pending.buckets.append({"bucket": bucket, "article_id": article.id})
                pending.bucket_index.setdefault(bucket, []).append(article.id)
        for event in article.events:
            cluster = self._assign_cluster(connection, event, now, pending, known)
            touched.clusters.add(cluster)
            pending.add_event({**event.row, "cluster_id": cluster, "created_at": now}, event.key)
            pending.actors.extend(event.actors)
        return status

    def _flush(self, connection: Connection, pending: Pending) -> None:
        """Insert the pending rows (foreign keys first) and start an empty batch."""
        for table, rows in (
            (t.stories, pending.stories),
            (t.articles, pending.articles),
            (t.story_buckets, pending.buckets),
            (t.event_clusters, pending.clusters),
            (t.events, pending.events),
            (t.event_actors, pending.actors),
        ):
            if rows:
                _insert(connection, table, rows)
        pending.reset()

    def _delete_article(self, connection: Connection, article_id: str, touched: _Touched) -> None:
        a, e = t.articles, t.events
        story = connection.execute(select(a.c.story_id).where(a.c.id == article_id)).scalar()
        touched.clusters.update(
            connection.execute(select(e.c.cluster_id).where(e.c.article_id == article_id)).scalars()
        )
        connection.execute(delete(a).where(a.c.id == article_id))  # events, buckets cascade
        self._memory.forget()
        if story is not None:
            touched.stories.add(story)

    # stories

    def _assign_story(
        self,
        connection: Connection,
        article: PreparedArticle,
        now: dt.datetime,
        pending: Pending,
        known: Known,
    ) -> tuple[str, bool]:
        """The article's story, and whether its buckets go into the index."""
        minhash = article.row["minhash"]
        indexable = bool(article.buckets) and minhash is not None
        if indexable:
            signature = from_bytes(minhash)
            stories = self._memory.stories
            story_of: dict[str, str] = {}
            candidates = []
            for other, other_signature, other_story in stories.candidates(
                connection, article.buckets
            ):
                story_of[other] = other_story
                candidates.append((other, other_signature))
            for other in pending.candidates(article.buckets, self.stories.max_candidates):
                story_of[other] = pending.story_of[other]
                candidates.append((other, pending.signatures[other]))
            match = best_match(signature, candidates, self.stories.threshold)
            if match is not None:
                story = story_of[match[0]]
                indexed = stories.indexed_count(connection, story) + pending.indexed[story]
                return story, indexed < self.stories.max_indexed
        if article.id not in known.stories and article.id not in pending.new_stories:
            pending.stories.append(
                {"id": article.id, "article_count": 0, "indexed_count": 0, "created_at": now,
                 "updated_at": now}
            )  # fmt: skip
            pending.new_stories.add(article.id)
            self._memory.tallies.new_story(article.id)
        return article.id, indexable

    # events

    def _assign_cluster(
        self,
        connection: Connection,
        event: PreparedEvent,
        now: dt.datetime,
        pending: Pending,
        known: Known,
    ) -> str:
        key = event.key
        span = key.period
        if span is not None:
            actor_key = event.row["actor_key"]
            chosen = self._memory.clusters.choose(
                connection, key, actor_key, pending.members(key, actor_key)
            )
            if chosen is not None:
                return chosen
        cluster = str(event.row["id"])
        if cluster in known.clusters or cluster in pending.new_clusters:
            cluster += "@" + hashlib.sha1(now.isoformat().encode()).hexdigest()[:8]
        pending.clusters.append(
            {"id": cluster, "type": key.type, "date_start": span[0] if span else None,
             "date_end": span[1] if span else None, "event_count": 0, "article_count": 0,
             "source_count": 0, "story_count": 0, "created_at": now, "updated_at": now}
        )  # fmt: skip
        pending.new_clusters.add(cluster)
        self._memory.tallies.new_cluster(cluster)
        return cluster

    # counts

    def _refresh(
        self,
        connection: Connection,
        touched: _Touched,
        now: dt.datetime,
        articles: list[dict[str, Any]],
        events: list[dict[str, Any]],
    ) -> None:
        """Recount the touched stories and merged events (the batch's last rows, ``articles``
        and ``events``, just inserted); delete the ones left empty."""
        tallies = self._memory.tallies
        tallies.update(connection, stories=touched.stories, clusters=touched.clusters,
                       articles=articles, events=events, now=now)  # fmt: skip
        for story in touched.stories:
            counted = tallies.stories.get(story)
            self._memory.stories.recounted(story, counted.indexed if counted else None)

    # ledger

    def _ledger(
        self,
        connection: Connection,
        items: Sequence[Item],
        results: Sequence[Written],
        now: dt.datetime,
    ) -> None:
        rows: dict[str, dict[str, Any]] = {}
        failures = []
        for item, result in zip(items, results, strict=True):
            if item.key is None:
                continue
            rows[item.key] = {
                "key": item.key,
                "fingerprint": item.fingerprint,
                "status": "failed" if result.status == "failed" else "done",
                "reason": result.reason,
                "article_id": result.article_id,
                "attempts": 1,
                "attempted_at": now,
            }
            if isinstance(item, Failed):
                failures.append(
                    {"key": item.key, "stage": item.stage, "reason": item.reason, "failed_at": now}
                )
        if rows:
            upsert(connection, t.ingest_ledger, list(rows.values()), ["key"], increment="attempts")
        if failures:
            connection.execute(insert(t.failures), failures)


def upsert(
    connection: Connection,
    table: Any,
    rows: list[dict[str, Any]],
    keys: list[str],
    *,
    increment: str | None = None,
) -> None:
    """Insert ``rows``, or update the row with the same ``keys`` (SQLite and PostgreSQL)."""
    dialect = sqlite if connection.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(table)
    updates: dict[str, Any] = {
        name: statement.excluded[name] for name in rows[0] if name not in keys
    }
    if increment:
        updates[increment] = table.c[increment] + 1
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates), rows)


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table``, inside the connection's
    transaction, through the driver: on PostgreSQL with COPY (a third less work for this
    process and for the server than an insert per row), on SQLite with one ``executemany``
    of the values each column's type binds (its own bind processor: dates, times, booleans),
    without SQLAlchemy's per-row parameter handling, which cost as much as SQLite's own
    work. Defaults that are not plain values (none today) send the rows through SQLAlchemy."""
    columns = [c for c in table.columns if c.name in rows[0] or c.default is not None]
    defaults = {c.name: c.default for c in columns if c.name not in rows[0]}
    fill = {n: d.arg for n, d in defaults.items() if isinstance(d, ColumnDefault) and d.is_scalar}
    raw = connection.connection.driver_connection
    dialect = connection.dialect
    if dialect.name not in ("postgresql", "sqlite") or raw is None or len(fill) < len(defaults):
        connection.execute(insert(table), rows)
        return
    names = [c.name for c in columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    if dialect.name == "postgresql":
        copying = f'COPY "{table.name}" ({quoted}) FROM STDIN'
        with raw.cursor() as cursor, cursor.copy(copying) as copy:
            for row in rows:
                copy.write_row([row[name] if name in row else fill[name] for name in names])
        return
    binders = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    values = [[row[name] if name in row else fill[name] for name in names] for row in rows]
    for k, bind in enumerate(binders):
        if bind is not None:
            for value in values:
                value[k] = bind(value[k])
    marks = ", ".join("?" * len(names))
    cursor = raw.cursor()
    try:
        cursor.executemany(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', values)
    finally:
        cursor.close()
