"""Reading from the store: an :class:`~pantau.query.EventFilter` as SQL, rows as records."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import Connection, Select, exists, false, func, or_, select

from pantau.article import Event
from pantau.merge import haversine_km
from pantau.query import DATE_PRECISIONS, EventFilter, EventRecord
from pantau.store import tables as t
from pantau.store.rows import fold

_KM_PER_DEGREE = 111.195


def event_query(f: EventFilter) -> Select[Any]:
    """The SELECT of events matching ``f`` (all but the exact distance, checked afterwards)."""
    e, a, c = t.events, t.articles, t.event_clusters
    query = select(
        e.c.record,
        e.c.article_id,
        e.c.cluster_id,
        e.c.evidence,
        e.c.created_at,
        e.c.confidence,
        e.c.latitude,
        e.c.longitude,
        e.c.date,
        e.c.id,
        a.c.url,
        a.c.outlet,
        a.c.original_outlets,
        a.c.title,
        a.c.published,
        a.c.language,
        a.c.story_id,
        c.c.source_count,
        c.c.article_count,
    ).select_from(e.join(a, a.c.id == e.c.article_id).join(c, c.c.id == e.c.cluster_id))
    where: list[Any] = []
    if f.since:
        where.append(e.c.date_end >= f.since)
    if f.until:
        where.append(e.c.date_start <= f.until)
    if f.country:
        where.append(e.c.country == f.country)
    if f.admin1:
        where.append(e.c.admin1_key == fold(f.admin1))
    if f.near:
        where.extend(_bounding_box(f.near, f.radius_km))
    if f.types:
        where.append(e.c.type.in_(f.types))
    if f.acled_types:
        wanted = [fold(x) for x in f.acled_types]
        where.append(
            or_(func.lower(e.c.acled_type).in_(wanted), func.lower(e.c.acled_subtype).in_(wanted))
        )
    if f.actors:
        ea = t.event_actors
        names = [fold(x) for x in f.actors]
        where.append(
            exists(
                select(ea.c.event_id).where(
                    ea.c.event_id == e.c.id,
                    or_(ea.c.actor_id.in_(f.actors), ea.c.name_key.in_(names)),
                )
            )
        )
    if f.source_outlets:
        outlets = [fold(x) for x in f.source_outlets]
        where.append(or_(e.c.source_outlet_key.in_(outlets), e.c.source_key.in_(outlets)))
    if f.min_precision is not None:
        where.append(e.c.geo_precision <= f.min_precision)
    if f.min_date_precision is not None:
        allowed = DATE_PRECISIONS[: DATE_PRECISIONS.index(f.min_date_precision) + 1]
        where.append(e.c.date_precision.in_(allowed))
    if not f.include_background:
        where.append(e.c.background == false())
    if not f.include_denied:
        where.append(e.c.modality != "denied")
    if f.article_id:
        where.append(e.c.article_id == f.article_id)
    query = query.where(*where).order_by(e.c.date.is_(None), e.c.date, e.c.id)
    if f.limit and not f.near and not f.merged:
        query = query.limit(f.limit)
    return query


def _bounding_box(near: tuple[float, float], radius_km: float) -> list[Any]:
    e = t.events
    lat, lon = near
    dlat = radius_km / _KM_PER_DEGREE
    box = [e.c.latitude.between(lat - dlat, lat + dlat)]
    if abs(lat) + dlat < 89.0:
        dlon = dlat / math.cos(math.radians(abs(lat) + dlat))
        if lon - dlon >= -180.0 and lon + dlon <= 180.0:
            box.append(e.c.longitude.between(lon - dlon, lon + dlon))
    box.append(e.c.longitude.is_not(None))
    return box


def event_records(
    connection: Connection, f: EventFilter, adapter: TypeAdapter[Event]
) -> list[EventRecord]:
    records = []
    for row in connection.execute(event_query(f)):
        if f.near and not (
            row.latitude is not None
            and haversine_km(f.near[0], f.near[1], row.latitude, row.longitude) <= f.radius_km
        ):
            continue
        records.append(
            EventRecord(
                event=adapter.validate_json(row.record),
                article_id=row.article_id,
                url=row.url,
                outlet=row.outlet,
                original_outlets=tuple(json.loads(row.original_outlets)),
                title=row.title,
                published=row.published,
                language=row.language,
                story_id=row.story_id,
                cluster_id=row.cluster_id,
                source_count=row.source_count,
                article_count=row.article_count,
                evidence=row.evidence,
                stored_at=as_utc(row.created_at),
            )
        )
    if f.merged:
        records = _representatives(records)
    if f.limit:
        records = records[: f.limit]
    return _with_cluster_articles(connection, records)


def _representatives(records: Sequence[EventRecord]) -> list[EventRecord]:
    """One record per cluster: the most confident report (the first one on a tie)."""
    best: dict[str, EventRecord] = {}
    for record in records:
        current = best.get(record.cluster_id)
        if current is None or record.event.confidence > current.event.confidence:
            best[record.cluster_id] = record
    chosen = {id(r) for r in best.values()}
    return [r for r in records if id(r) in chosen]


def _with_cluster_articles(connection: Connection, records: list[EventRecord]) -> list[EventRecord]:
    e = t.events
    clusters = sorted({r.cluster_id for r in records})
    members: dict[str, list[str]] = {}
    for start in range(0, len(clusters), 500):
        chunk = clusters[start : start + 500]
        for cluster, article in connection.execute(
            select(e.c.cluster_id, e.c.article_id)
            .where(e.c.cluster_id.in_(chunk))
            .distinct()
            .order_by(e.c.cluster_id, e.c.article_id)
        ):
            members.setdefault(cluster, []).append(article)
    return [replace(r, cluster_articles=tuple(members.get(r.cluster_id, ()))) for r in records]


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite gives naive date-times back; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
