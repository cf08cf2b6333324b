"""The candidates of a new article's story and of a new event's cluster, found in memory.

Asked of SQL, the look-ups cost one query per article and one per event, and on a corpus of
republished stories the event query returns every earlier report of the same actors: the cost
grows with the store. Instead the writer loads, a few queries per batch, the LSH buckets and the
stored events that the batch needs, keeps them for the next batches (while they are valid: see
:mod:`pantau.store.memory`), and adds what it writes.

The answers are those of the SQL look-ups they replace: story candidates are the articles with
most shared buckets, then the lowest article id; cluster members count in the order of their
creation time, then event id (the first cluster to reach the most agreeing members wins).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, select

from pantau.merge import MergeConfig, MergeKey, same_date, same_event, same_place
from pantau.store import tables as t
from pantau.store.reading import as_utc
from pantau.stories import Signature, StoryConfig, from_bytes

_CHUNK = 500
Rank = TypeVar("Rank", tuple[dt.datetime, str], int)
"""Where a member stands: an :data:`Order` (stored) or a position in the batch (pending)."""

Order = tuple[dt.datetime, str]
"""Where a stored event stands among the others: creation time, then event id."""
Facts = MergeKey
"""What merging compares of a stored event beyond its type and actors (which are the same as
the new event's: the look-up is by both): the :class:`MergeKey` without actors."""


def facts(
    type: str,
    gazetteer_id: str | None,
    latitude: float | None,
    longitude: float | None,
    date: dt.date | None,
    precision: Any,
) -> Facts:
    return MergeKey(type, frozenset(), frozenset(), gazetteer_id, latitude, longitude, date,
                    precision)  # fmt: skip


def _chunks(values: Sequence[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


class StoryCandidates:
    """The LSH buckets of stored, indexed articles, with the signature and story of each."""

    def __init__(self, config: StoryConfig) -> None:
        self.config = config
        self.buckets: dict[int, list[str]] = {}
        """Bucket → indexed articles (every loaded bucket, empty ones too)."""
        self.articles: dict[str, tuple[Signature, str] | None] = {}
        """Article id → signature and story (``None``: neither is stored)."""
        self.indexed: dict[str, int] = {}
        """Story → ``indexed_count`` as stored."""
        a, b, s = t.articles, t.story_buckets, t.stories
        self._buckets = select(b.c.bucket, b.c.article_id).where(
            b.c.bucket.in_(bindparam("buckets", expanding=True))
        )
        self._details = (
            select(a.c.id, a.c.minhash, a.c.story_id, s.c.indexed_count)
            .select_from(a.join(s, s.c.id == a.c.story_id))
            .where(a.c.id.in_(bindparam("ids", expanding=True)))
        )
        self._indexed = select(s.c.id, s.c.indexed_count).where(
            s.c.id.in_(bindparam("ids", expanding=True))
        )

    def forget(self) -> None:
        self.buckets.clear()
        self.articles.clear()
        self.indexed.clear()

    def prefetch(self, connection: Connection, buckets: Iterable[tuple[int, ...]]) -> None:
        """Load what the articles with these buckets will look up: two or three queries."""
        wanted = {bucket for article in buckets for bucket in article}
        self._load(connection, wanted)
        self._load_details(connection, {a for bucket in wanted for a in self.buckets[bucket]})

    def candidates(
        self, connection: Connection, buckets: tuple[int, ...]
    ) -> list[tuple[str, Signature, str]]:
        """The stored articles sharing most buckets with ``buckets`` (then by id), at most
        ``max_candidates``, with their signature and story."""
        self._load(connection, set(buckets))
        top = self._top(buckets)
        self._load_details(connection, top)
        found = []
        for article in top:
            details = self.articles[article]
            if details is not None:
                found.append((article, *details))
        return found

    def indexed_count(self, connection: Connection, story: str) -> int:
        """How many articles of ``story`` the stored index holds (0 for a story not stored)."""
        if story not in self.indexed:
            self._load_indexed(connection, [story])
            self.indexed.setdefault(story, 0)
        return self.indexed[story]

    def add(self, article_id: str, signature: Signature, story: str, bucket: int) -> None:
        """An article just written into the index under ``bucket``."""
        self.articles[article_id] = (signature, story)
        if bucket in self.buckets:  # a bucket not in memory is loaded whole when needed
            self.buckets[bucket].append(article_id)

    def recounted(self, story: str, indexed: int | None) -> None:
        """The ``indexed_count`` just written for ``story`` (``None``: deleted)."""
        if indexed is None:
            self.indexed.pop(story, None)
        else:
            self.indexed[story] = indexed

    def _top(self, buckets: Iterable[int]) -> list[str]:
        """The articles sharing most buckets, then the lowest ids, at most ``max_candidates``."""
        lists = (self.buckets.get(bucket, ()) for bucket in set(buckets))
        shared = Counter(chain.from_iterable(lists))
        limit = self.config.max_candidates
        ranked = list(shared.items())
        if len(ranked) > limit:  # sort only those sharing as many buckets as the last one kept
            least = sorted(shared.values(), reverse=True)[limit - 1]
            ranked = [(article, count) for article, count in ranked if count >= least]
        ranked.sort(key=lambda item: (-item[1], item[0]))
        return [article for article, _ in ranked[:limit]]

    def _load(self, connection: Connection, buckets: set[int]) -> None:
        missing = sorted(b for b in buckets if b not in self.buckets)
        for bucket in missing:
            self.buckets[bucket] = []
        for chunk in _chunks(missing):
            for bucket, article in connection.execute(self._buckets, {"buckets": chunk}):
                self.buckets[bucket].append(article)

    def _load_details(self, connection: Connection, articles: Iterable[str]) -> None:
        missing = sorted(a for a in set(articles) if a not in self.articles)
        for article in missing:
            self.articles[article] = None
        for chunk in _chunks(missing):
            for row in connection.execute(self._details, {"ids": chunk}):
                self.indexed[row.story_id] = row.indexed_count
                if row.minhash is not None:
                    self.articles[row.id] = (from_bytes(row.minhash), row.story_id)

    def _load_indexed(self, connection: Connection, stories: Sequence[str]) -> None:
        for chunk in _chunks(stories):
            for story, count in connection.execute(self._indexed, {"ids": chunk}):
                self.indexed[story] = count


@dataclass(slots=True)
class _StoredEvents:
    """The stored events of one type and set of actors whose periods overlap ``first`` to
    ``last`` (and maybe others), grouped by their facts: per group, each cluster's number of
    members and its earliest member."""

    first: dt.date
    last: dt.date
    groups: dict[Facts, dict[str, tuple[int, Order]]] = field(default_factory=dict)

    def covers(self, first: dt.date, last: dt.date) -> bool:
        return self.first <= first and last <= self.last

    def add(self, event: Facts, cluster: str, order: Order) -> None:
        clusters = self.groups.setdefault(event, {})
        count, earliest = clusters.get(cluster, (0, order))
        clusters[cluster] = (count + 1, min(earliest, order))


class ClusterCandidates:
    """Stored events with a date, by type and actors (``actor_key``), for merging."""

    def __init__(self, config: MergeConfig) -> None:
        self.config = config
        self.events: dict[tuple[str, str], _StoredEvents] = {}
        e = t.events
        self._members = select(
            e.c.actor_key, e.c.cluster_id, e.c.gazetteer_id, e.c.latitude, e.c.longitude,
            e.c.date, e.c.date_precision, e.c.created_at, e.c.id,
        ).where(
            e.c.type == bindparam("type"),
            e.c.actor_key.in_(bindparam("actor_keys", expanding=True)),
            e.c.date_start <= bindparam("last"),
            e.c.date_end >= bindparam("first"),
        )  # fmt: skip

    def forget(self) -> None:
        self.events.clear()

    def window(self, key: MergeKey) -> tuple[dt.date, dt.date] | None:
        """The days a stored event must overlap to merge with ``key`` (``None``: no date)."""
        span = key.period
        if span is None:
            return None
        days = dt.timedelta(days=self.config.window_days)
        return span[0] - days, span[1] + days

    def prefetch(self, connection: Connection, keys: Iterable[tuple[str, str, MergeKey]]) -> None:
        """Load the stored events that events of these ``(type, actor_key, key)`` merge with:
        one query per type."""
        wanted: dict[str, dict[str, tuple[dt.date, dt.date]]] = {}
        for type, actor_key, key in keys:
            window = self.window(key)
            if window is None:
                continue
            of_type = wanted.setdefault(type, {})
            known = of_type.get(actor_key)
            of_type[actor_key] = _hull(known, window) if known else window
        for type, windows in wanted.items():
            self._load(connection, type, windows)

    def choose(
        self,
        connection: Connection,
        key: MergeKey,
        actor_key: str,
        pending: Mapping[MergeKey, Mapping[str, tuple[int, int]]],
    ) -> str | None:
        """The cluster an event with ``key`` (and a date) joins: the one with most agreeing
        members, stored or ``pending`` (the batch's: merge key → cluster → count and position
        of the first); on a tie the one whose first agreeing member came first, stored ones
        (by :data:`Order`) before pending ones (by position). ``None``: no member agrees."""
        window = self.window(key)
        if window is None:
            return None
        stored = self.events.get((key.type, actor_key))
        if stored is None or not stored.covers(*window):
            self._load(connection, key.type, {actor_key: window})
            stored = self.events[(key.type, actor_key)]
        votes: dict[str, int] = {}
        earliest: dict[str, Order] = {}
        for event, clusters in stored.groups.items():
            if same_date(key, event, self.config) and same_place(key, event, self.config):
                _tally(clusters, votes, earliest)
        later: dict[str, int] = {}
        for other, members in pending.items():
            if same_event(key, other, self.config):
                _tally(members, votes, later)
        if not votes:
            return None
        most = max(votes.values())
        tied = [cluster for cluster, count in votes.items() if count == most]
        if stored_tied := [cluster for cluster in tied if cluster in earliest]:
            return min(stored_tied, key=earliest.__getitem__)
        return min(tied, key=later.__getitem__)

    def add(self, key: MergeKey, actor_key: str, cluster: str, order: Order) -> None:
        """An event just written."""
        stored = self.events.get((key.type, actor_key))
        if stored is not None and key.date is not None:  # else loaded whole when needed
            event = facts(key.type, key.gazetteer_id, key.latitude, key.longitude, key.date,
                          key.precision)  # fmt: skip
            stored.add(event, cluster, order)

    def _load(
        self, connection: Connection, type: str, windows: dict[str, tuple[dt.date, dt.date]]
    ) -> None:
        """Load the stored events of ``type`` whose periods overlap the windows (one query for
        the hull of every window)."""
        missing = {}
        for actor_key, window in windows.items():
            stored = self.events.get((type, actor_key))
            if stored is None:
                missing[actor_key] = window
            elif not stored.covers(*window):
                missing[actor_key] = _hull((stored.first, stored.last), window)
        if not missing:
            return
        first = min(w[0] for w in missing.values())
        last = max(w[1] for w in missing.values())
        for actor_key in missing:
            self.events[(type, actor_key)] = _StoredEvents(first, last)
        for chunk in _chunks(sorted(missing)):
            rows = connection.execute(
                self._members, {"type": type, "actor_keys": chunk, "first": first, "last": last}
            )
            for row in rows:
                event = facts(type, row.gazetteer_id, row.latitude, row.longitude, row.date,
                              row.date_precision)  # fmt: skip
                order = (as_utc(row.created_at), row.id)
                self.events[(type, row.actor_key)].add(event, row.cluster_id, order)


def _tally(
    clusters: Mapping[str, tuple[int, Rank]], votes: dict[str, int], earliest: dict[str, Rank]
) -> None:
    """Add agreeing members (cluster → count and first member's place) to the votes."""
    for cluster, (count, first) in clusters.items():
        votes[cluster] = votes.get(cluster, 0) + count
        if cluster not in earliest or first < earliest[cluster]:
            earliest[cluster] = first


def _hull(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    return min(a[0], b[0]), max(a[1], b[1])
