"""The counts of stories and merged events, brought up to date at the end of each batch.

A story counts its articles and its indexed articles; a merged event (cluster) its events, their
articles, sources and stories, and its first and last day. Recounting in SQL reads every member
again, and on a corpus of republished stories clusters grow by the thousand: recounting the
clusters a batch touched took most of the writer's time, more with every batch. So the writer
keeps what each count is made of (:class:`StoryTally`, :class:`ClusterTally`), adds the batch's
rows and writes the results. What it does not hold is recounted in SQL (one grouped query per
table and batch) and then kept. Tallies are valid under the same conditions as the candidates
(see :mod:`pantau.store.memory`): the writer forgets them with the rest.

The results equal the SQL recount they replace: an inserted article is new, so its events add
new articles to their clusters; replacing or deleting an article makes the writer forget, and
what its transaction touched is recounted in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, case, delete, func, select, update

from pantau.store import tables as t

_CHUNK = 500


@dataclass(slots=True)
class StoryTally:
    articles: int = 0
    indexed: int = 0


@dataclass(slots=True)
class ClusterTally:
    events: int = 0
    articles: int = 0
    sources: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, event: dict[str, Any], story: str | None) -> None:
        """One more event (of an article new to this cluster's count: see the caller)."""
        self.events += 1
        self.sources.add(event["source_key"])
        if story is not None:
            self.stories.add(story)
        start, end = event["date_start"], event["date_end"]
        if start is not None:
            self.first = start if self.first is None else min(self.first, start)
        if end is not None:
            self.last = end if self.last is None else max(self.last, end)


class Tallies:
    """Story and cluster tallies, by id."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryTally] = {}
        self.clusters: dict[str, ClusterTally] = {}
        a, e, c, s = t.articles, t.events, t.event_clusters, t.stories
        ids: Any = bindparam("ids", expanding=True)
        self._story_counts = (
            select(
                a.c.story_id,
                func.count(),
                func.coalesce(func.sum(case((a.c.indexed, 1), else_=0)), 0),
            )
            .where(a.c.story_id.in_(ids))
            .group_by(a.c.story_id)
        )
        self._cluster_counts = (
            select(
                e.c.cluster_id,
                func.count(),
                func.count(e.c.article_id.distinct()),
                func.min(e.c.date_start),
                func.max(e.c.date_end),
            )
            .where(e.c.cluster_id.in_(ids))
            .group_by(e.c.cluster_id)
        )
        self._cluster_sources = (
            select(e.c.cluster_id, e.c.source_key).where(e.c.cluster_id.in_(ids)).distinct()
        )
        self._cluster_stories = (
            select(e.c.cluster_id, a.c.story_id)
            .select_from(e.join(a, a.c.id == e.c.article_id))
            .where(e.c.cluster_id.in_(ids), a.c.story_id.is_not(None))
            .distinct()
        )
        self._update_story = (
            update(s)
            .where(s.c.id == bindparam("b_id"))
            .values(
                article_count=bindparam("b_articles"),
                indexed_count=bindparam("b_indexed"),
                updated_at=bindparam("b_now"),
            )
        )
        self._update_cluster = (
            update(c)
            .where(c.c.id == bindparam("b_id"))
            .values(
                event_count=bindparam("b_events"),
                article_count=bindparam("b_articles"),
                source_count=bindparam("b_sources"),
                story_count=bindparam("b_stories"),
                date_start=bindparam("b_first"),
                date_end=bindparam("b_last"),
                updated_at=bindparam("b_now"),
            )
        )

    def forget(self) -> None:
        self.stories.clear()
        self.clusters.clear()

    def new_story(self, story: str) -> None:
        """A story created in this batch: nothing stored yet."""
        self.stories[story] = StoryTally()

    def new_cluster(self, cluster: str) -> None:
        """A cluster created in this batch: nothing stored yet."""
        self.clusters[cluster] = ClusterTally()

    def update(
        self,
        connection: Connection,
        *,
        stories: set[str],
        clusters: set[str],
        articles: Sequence[dict[str, Any]],
        events: Sequence[dict[str, Any]],
        now: dt.datetime,
    ) -> None:
        """Bring the counts of the touched ``stories`` and ``clusters`` up to date, after the
        batch's last rows (``articles``, ``events``: those not flushed before) were inserted;
        delete the stories and clusters left empty."""
        counted_stories = {s for s in stories if s in self.stories}
        counted_clusters = {c for c in clusters if c in self.clusters}
        for row in articles:
            if row["story_id"] in counted_stories:
                tally = self.stories[row["story_id"]]
                tally.articles += 1
                tally.indexed += bool(row["indexed"])
        story_of = {row["id"]: row["story_id"] for row in articles}
        new_articles: dict[str, set[str]] = {}
        for row in events:
            cluster = row["cluster_id"]
            if cluster in counted_clusters:
                self.clusters[cluster].add(row, story_of[row["article_id"]])
                new_articles.setdefault(cluster, set()).add(row["article_id"])
        for cluster, added in new_articles.items():
            self.clusters[cluster].articles += len(added)
        self._recount_stories(connection, sorted(stories - counted_stories))
        self._recount_clusters(connection, sorted(clusters - counted_clusters))
        self._write(connection, stories, clusters, now)

    def _recount_stories(self, connection: Connection, stories: list[str]) -> None:
        for story in stories:
            self.stories[story] = StoryTally()
        for chunk in _chunks(stories):
            for story, articles, indexed in connection.execute(self._story_counts, {"ids": chunk}):
                self.stories[story] = StoryTally(articles, int(indexed))

    def _recount_clusters(self, connection: Connection, clusters: list[str]) -> None:
        for cluster in clusters:
            self.clusters[cluster] = ClusterTally()
        for chunk in _chunks(clusters):
            for cluster, events, articles, first, last in connection.execute(
                self._cluster_counts, {"ids": chunk}
            ):
                tally = self.clusters[cluster]
                tally.events, tally.articles = events, articles
                tally.first, tally.last = first, last
            for cluster, source in connection.execute(self._cluster_sources, {"ids": chunk}):
                self.clusters[cluster].sources.add(source)
            for cluster, story in connection.execute(self._cluster_stories, {"ids": chunk}):
                self.clusters[cluster].stories.add(story)

    def _write(
        self, connection: Connection, stories: set[str], clusters: set[str], now: dt.datetime
    ) -> None:
        story_rows, empty_stories = [], []
        for story in sorted(stories):
            tally = self.stories[story]
            if tally.articles:
                story_rows.append({"b_id": story, "b_articles": tally.articles,
                                   "b_indexed": tally.indexed, "b_now": now})  # fmt: skip
            else:
                empty_stories.append(story)
                del self.stories[story]
        cluster_rows, empty_clusters = [], []
        for cluster in sorted(clusters):
            c = self.clusters[cluster]
            if c.events:
                cluster_rows.append(
                    {"b_id": cluster, "b_events": c.events, "b_articles": c.articles,
                     "b_sources": len(c.sources), "b_stories": len(c.stories),
                     "b_first": c.first, "b_last": c.last, "b_now": now}
                )  # fmt: skip
            else:
                empty_clusters.append(cluster)
                del self.clusters[cluster]
        if story_rows:
            connection.execute(self._update_story, story_rows)
        if cluster_rows:
            connection.execute(self._update_cluster, cluster_rows)
        for chunk in _chunks(empty_clusters):  # before the stories: no foreign key, but tidy
            connection.execute(delete(t.event_clusters).where(t.event_clusters.c.id.in_(chunk)))
        for chunk in _chunks(empty_stories):
            connection.execute(delete(t.stories).where(t.stories.c.id.in_(chunk)))


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])
