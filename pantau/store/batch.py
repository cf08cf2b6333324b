"""What one write transaction holds before it inserts: the pending rows of a batch of articles,
and what the store already had of them (looked up once per batch, not once per article).

Later articles of a batch must see the earlier ones (a republished copy two lines further down
joins their story; the same event reported twice merges), so the batch indexes its pending
articles' LSH buckets and signatures and its pending events' merge keys in memory; what was
written before the batch is found by :mod:`pantau.store.candidates`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from pantau.merge import MergeKey
from pantau.stories import Signature


@dataclass(slots=True)
class Pending:
    """Rows to insert at the end of the batch, in foreign-key order, and their indexes."""

    stories: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    buckets: list[dict[str, Any]] = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    record_hash: dict[str, str] = field(default_factory=dict)
    """Article id → record hash of the articles in the batch."""
    urls: dict[str, str] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    signatures: dict[str, Signature] = field(default_factory=dict)
    bucket_index: dict[int, list[str]] = field(default_factory=dict)
    new_stories: set[str] = field(default_factory=set)
    indexed: Counter[str] = field(default_factory=Counter)
    """Story → articles of the batch added to its index."""
    new_clusters: set[str] = field(default_factory=set)
    event_keys: list[tuple[str, MergeKey]] = field(default_factory=list)
    """Cluster and merge key of each pending event (in the order of ``events``)."""
    by_actors: dict[tuple[str, str], dict[MergeKey, dict[str, tuple[int, int]]]] = field(
        default_factory=dict
    )
    """Type and actor key → merge key → cluster → how many pending events with that merge key
    it has, and the position of the first one (events with equal keys merge alike)."""

    def reset(self) -> None:
        """Empty the batch (its rows were inserted)."""
        fresh = Pending()
        for f in fields(self):
            setattr(self, f.name, getattr(fresh, f.name))

    def candidates(self, buckets: tuple[int, ...], limit: int) -> list[str]:
        """Pending articles sharing most buckets with ``buckets`` (at most ``limit``)."""
        shared = Counter(a for b in set(buckets) for a in self.bucket_index.get(b, ()))
        return [article for article, _ in shared.most_common(limit)]

    def add_event(self, row: dict[str, Any], key: MergeKey) -> None:
        """An event row to insert (with its ``cluster_id``) and its merge key."""
        cluster = row["cluster_id"]
        position = len(self.event_keys)
        self.events.append(row)
        self.event_keys.append((cluster, key))
        clusters = self.by_actors.setdefault((key.type, row["actor_key"]), {}).setdefault(key, {})
        count, first = clusters.get(cluster, (0, position))
        clusters[cluster] = (count + 1, first)

    def members(self, key: MergeKey, actor_key: str) -> dict[MergeKey, dict[str, tuple[int, int]]]:
        """Pending events that could merge with ``key`` (same type and ``actor_key``), grouped
        (see ``by_actors``)."""
        return self.by_actors.get((key.type, actor_key), {})


@dataclass(slots=True)
class Known:
    """What the database held of a batch's ids and URLs when the batch started.

    Deleting an article is recorded here; once pending rows have been flushed mid-batch the
    answers are ``stale`` and the writer asks the database again.
    """

    existing: dict[str, tuple[str, dt.datetime]] = field(default_factory=dict)
    """Article id → (record hash, creation time)."""
    url_owner: dict[str, str] = field(default_factory=dict)
    stories: set[str] = field(default_factory=set)
    clusters: set[str] = field(default_factory=set)
    stale: bool = False

    def forget(self, article_id: str) -> None:
        self.existing.pop(article_id, None)
        for url in [u for u, owner in self.url_owner.items() if owner == article_id]:
            del self.url_owner[url]
