"""Event filters in the vocabulary analysts know from ACLED, and the records a query returns.

>>> from pantau.query import EventFilter
>>> EventFilter(since=dt.date(2024, 1, 1), country="id", types=("PROTEST",)).country
'ID'

The store applies a filter (``Store.events(filter)``, ``Store.event_records(filter)``); the same
dataclass backs ``pantau events``. Semantics:

- ``since`` / ``until``: the event's date period overlaps ``[since, until]`` (a month-precise
  event of March matches ``since=2024-03-15``); an event without a date never matches a range.
- ``country`` (ISO 3166-1 alpha-2), ``admin1``: the event's place; ``admin1`` ignores case.
- ``near`` and ``radius_km``: great-circle distance from the point to the event's coordinates.
- ``types`` (PLOVER), ``acled_types`` (event type or sub-event type): any of the given ones.
- ``actors``: an actor id, or a name (case-insensitive), among the sources or the targets.
- ``source_outlets``: the publishing outlet or one of the original outlets (case-insensitive).
- ``min_precision``: geographic precision at least this good (1 exact place … 4 country);
  ``min_date_precision``: day, week, month or year.
- background and denied events are left out unless asked for.
- ``merged``: one record per merged event (cluster), its most confident report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import get_args

from pantau.article import DatePrecision, Event, PloverType
from pantau.errors import ConfigurationError

PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query returns (every field optional; see the module's documentation)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    near: tuple[float, float] | None = None
    """(latitude, longitude)."""
    radius_km: float = 50.0
    types: tuple[str, ...] = ()
    acled_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    source_outlets: tuple[str, ...] = ()
    min_precision: int | None = None
    min_date_precision: DatePrecision | None = None
    include_background: bool = False
    include_denied: bool = False
    merged: bool = False
    article_id: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ConfigurationError(f"since ({self.since}) is after until ({self.until})")
        if self.country is not None:
            if len(self.country) != 2 or not self.country.isalpha():
                raise ConfigurationError(
                    f"country must be an ISO 3166-1 alpha-2 code such as ID, not {self.country!r}"
                )
            object.__setattr__(self, "country", self.country.upper())
        if self.near is not None:
            lat, lon = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ConfigurationError(f"near must be a latitude,longitude pair, not {self.near}")
        if self.radius_km <= 0:
            raise ConfigurationError(f"radius_km must be positive, not {self.radius_km}")
        types = tuple(t.upper() for t in self.types)
        unknown = [t for t in types if t not in PLOVER_TYPES]
        if unknown:
            raise ConfigurationError(
                f"unknown PLOVER type {', '.join(unknown)}: use one of {', '.join(PLOVER_TYPES)}"
            )
        object.__setattr__(self, "types", types)
        if self.min_precision is not None and self.min_precision not in (1, 2, 3, 4):
            raise ConfigurationError(
                f"min_precision is a geographic precision 1 (exact place) to 4 (country), "
                f"not {self.min_precision}"
            )
        if self.min_date_precision is not None and self.min_date_precision not in DATE_PRECISIONS:
            raise ConfigurationError(
                f"min_date_precision must be one of {', '.join(DATE_PRECISIONS)}, "
                f"not {self.min_date_precision!r}"
            )
        if self.limit is not None and self.limit < 1:
            raise ConfigurationError(f"limit must be positive, not {self.limit}")


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event with what an analyst needs beside it: its article, its story and its cluster."""

    event: Event
    article_id: str
    url: str | None
    outlet: str | None
    original_outlets: tuple[str, ...]
    title: str | None
    published: str | None
    """The article's publication date or date-time, ISO 8601."""
    language: str | None
    story_id: str | None
    cluster_id: str
    source_count: int
    """Independent sources of the merged event (distinct original or publishing outlets)."""
    article_count: int
    evidence: str
    """The evidence sentence(s): ``text[evidence_start:evidence_end]`` of the article."""
    stored_at: dt.datetime
    cluster_articles: tuple[str, ...] = field(default=())
    """Every article supporting the merged event."""


def parse_point(value: str) -> tuple[float, float]:
    """``"LAT,LON"`` → ``(lat, lon)``."""
    try:
        lat_text, lon_text = value.split(",")
        return float(lat_text), float(lon_text)
    except ValueError as e:
        raise ConfigurationError(
            f"--near takes LAT,LON in decimal degrees such as -2.53,140.70, not {value!r}"
        ) from e


def parse_date(value: str, option: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigurationError(f"{option} takes a date YYYY-MM-DD, not {value!r}") from e
