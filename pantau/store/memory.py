"""What the writer remembers between batches: story and cluster candidates
(:mod:`pantau.store.candidates`) and the makings of the counts (:mod:`pantau.store.tallies`).

It is valid while nobody else writes. The database may change behind the writer's back: another
process ingests into the same file, an article is deleted through another store object. So every
write transaction stamps a new random *generation* in ``pantau_meta``, and a writer that finds
another generation than the one it wrote last forgets everything. It forgets too when a
transaction fails, when it deletes an article and when it writes a batch's rows before the batch
ends (both rare). Forgetting is always safe: what is not in memory is asked of the database.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, select

from pantau.merge import MergeConfig
from pantau.store import tables as t
from pantau.store.candidates import ClusterCandidates, StoryCandidates
from pantau.store.tallies import Tallies
from pantau.stories import StoryConfig

GENERATION = "write_generation"
"""Key in ``pantau_meta`` of the random token each write transaction stamps."""
MAX_BUCKETS = 500_000
"""Buckets kept in memory at most (tens of MB); beyond, the writer starts afresh."""
MAX_EVENT_KEYS = 100_000
"""Event types and actor sets kept in memory at most."""
MAX_TALLIES = 500_000
"""Stories and clusters counted in memory at most."""


class Memory:
    """Candidates and tallies, with the generation they are valid for."""

    def __init__(self, stories: StoryConfig, merge: MergeConfig) -> None:
        self.stories = StoryCandidates(stories)
        self.clusters = ClusterCandidates(merge)
        self.tallies = Tallies()
        self._generation: str | None = None
        self._stamped: str | None = None
        m = t.meta
        self._read = select(m.c.value).where(m.c.key == GENERATION)

    def forget(self) -> None:
        """Drop everything: what is needed next is asked of the database."""
        self.stories.forget()
        self.clusters.forget()
        self.tallies.forget()
        self._generation = None

    def begin(self, connection: Connection) -> None:
        """At the start of a write transaction: forget if another writer wrote since."""
        stored = connection.execute(self._read).scalar_one_or_none()
        too_big = (
            len(self.stories.buckets) > MAX_BUCKETS
            or len(self.clusters.events) > MAX_EVENT_KEYS
            or len(self.tallies.stories) + len(self.tallies.clusters) > MAX_TALLIES
        )
        if stored is None or stored != self._generation or too_big:
            self.forget()
        self._stamped = None

    def stamp(self) -> dict[str, str]:
        """At the end of a write transaction: the ``pantau_meta`` row of a new generation,
        ours once the transaction commits."""
        self._stamped = uuid.uuid4().hex
        return {"key": GENERATION, "value": self._stamped}

    def committed(self) -> None:
        """The transaction committed: what is in memory is what the database holds."""
        self._generation = self._stamped
