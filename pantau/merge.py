"""Cross-article event merging: the same event reported by several articles becomes one cluster.

Two events are the same event when all four agree:

type
    the same PLOVER type;
actors
    the same set of sources and the same set of targets, an actor compared by its dictionary id
    (``actor_id``) or, without one, by its case-folded name;
place
    both without a place, or the same gazetteer id, or coordinates at most
    :attr:`MergeConfig.radius_km` apart (great-circle distance); a place on one side only
    does not agree;
date
    both day-precise and at most :attr:`MergeConfig.window_days` apart; when either is coarser
    (week, month, year), the two periods overlap (a month-precise event merges with anything in
    that month). An event without a date merges with nothing.

Merging is incremental and single-linkage: a new event joins the cluster with most agreeing
members (the oldest cluster on a tie), else starts its own. Clusters are not joined afterwards
when a later event agrees with two of them. Every member event is kept, with its article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pantau.article import DatePrecision, Event, EventActor
from pantau.errors import ConfigurationError

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class MergeConfig:
    """The merge window."""

    window_days: int = 1
    """Day-precise dates at most this many days apart agree."""
    radius_km: float = 25.0
    """Places at most this far apart agree (when their gazetteer ids differ)."""

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ConfigurationError(f"window_days must be 0 or more, not {self.window_days}")
        if self.radius_km < 0:
            raise ConfigurationError(f"radius_km must be 0 or more, not {self.radius_km}")


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What merging compares of an event."""

    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    gazetteer_id: str | None
    latitude: float | None
    longitude: float | None
    date: dt.date | None
    precision: DatePrecision | None

    @property
    def actor_key(self) -> str:
        """Sources and targets as one sortable string (an index column of the store)."""
        return "s:" + "|".join(sorted(self.sources)) + " t:" + "|".join(sorted(self.targets))

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        return period(self.date, self.precision)


def actor_key(actor: EventActor) -> str:
    """An actor's identity for merging: its dictionary id, else ``name:<case-folded name>``."""
    return actor.actor_id or "name:" + " ".join(actor.name.casefold().split())


def merge_key(event: Event) -> MergeKey:
    place = event.place
    return MergeKey(
        type=event.type,
        sources=frozenset(actor_key(a) for a in event.sources),
        targets=frozenset(actor_key(a) for a in event.targets),
        gazetteer_id=place.gazetteer_id if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        date=event.date,
        precision=event.date_precision if event.date else None,
    )


def period(date: dt.date | None, precision: DatePrecision | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date of this precision stands for (``date`` is the period's start)."""
    if date is None:
        return None
    if precision == "week":
        return date, date + dt.timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=1), date.replace(day=last)
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    return date, date


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def same_date(a: MergeKey, b: MergeKey, config: MergeConfig) -> bool:
    if a.date is None or b.date is None:
        return False
    if a.precision in (None, "day") and b.precision in (None, "day"):
        return abs((a.date - b.date).days) <= config.window_days
    pa, pb = a.period, b.period
    return pa is not None and pb is not None and pa[0] <= pb[1] and pb[0] <= pa[1]


def same_place(a: MergeKey, b: MergeKey, config: MergeConfig) -> bool:
    if a.gazetteer_id is None and b.gazetteer_id is None:
        return True
    if a.gazetteer_id is None or b.gazetteer_id is None:
        return False
    if a.gazetteer_id == b.gazetteer_id:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    distance = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    return distance <= config.radius_km


def same_event(a: MergeKey, b: MergeKey, config: MergeConfig) -> bool:
    """Whether two events are one event (see the module's documentation)."""
    return (
        a.type == b.type
        and a.sources == b.sources
        and a.targets == b.targets
        and same_date(a, b, config)
        and same_place(a, b, config)
    )


def choose_cluster(
    key: MergeKey, members: Iterable[tuple[str, MergeKey]], config: MergeConfig
) -> str | None:
    """The cluster a new event joins: most agreeing members, then the first cluster seen."""
    votes: dict[str, int] = {}
    for cluster, other in members:
        if same_event(key, other, config):
            votes[cluster] = votes.get(cluster, 0) + 1
    if not votes:
        return None
    return max(votes, key=lambda c: votes[c])


def cluster_events(events: Sequence[Event], config: MergeConfig | None = None) -> list[list[Event]]:
    """Merge events in memory, in order (the store does the same incrementally)."""
    config = config or MergeConfig()
    members: list[tuple[str, MergeKey]] = []
    clusters: dict[str, list[Event]] = {}
    for event in events:
        key = merge_key(event)
        cluster = choose_cluster(key, members, config) if key.date else None
        cluster = cluster or event.id
        clusters.setdefault(cluster, []).append(event)
        members.append((cluster, key))
    return list(clusters.values())
