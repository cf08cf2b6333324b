"""An article turned into the rows the store writes: a pure function, run in ingest workers.

The record is kept as JSON (:func:`pantau.schema.compact_json`) without its two texts, which have
their own columns (``text`` and ``source_text``); loading puts them back, so the record read from
the store equals the one written. Events get one row each, with the columns the filters use, the
evidence sentence as text and the event's own JSON.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pantau.article import Article, Event
from pantau.merge import MergeKey, merge_key, period
from pantau.schema import compact_json, event_json
from pantau.store.errors import UnstorableArticleError
from pantau.stories import MinHasher, to_bytes

VERSION_FIELDS = ("pipeline", "model", "codebook", "gazetteer")


@dataclass(frozen=True, slots=True)
class Versions:
    """What produced a record: stamped on every stored article."""

    pipeline: str | None = None
    model: str | None = None
    codebook: str | None = None
    gazetteer: str | None = None

    @classmethod
    def of(cls, value: Versions | Mapping[str, Any] | None) -> Versions:
        """From a :class:`Versions`, a mapping with some of its field names, or nothing."""
        if value is None:
            return cls()
        if isinstance(value, Versions):
            return value
        return cls(**{k: str(v) for k, v in value.items() if k in VERSION_FIELDS and v})


@dataclass(frozen=True, slots=True)
class PreparedEvent:
    row: dict[str, Any]
    actors: tuple[dict[str, Any], ...]
    key: MergeKey


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """Everything the store writes for one article, computed without the database."""

    id: str
    url: str | None
    row: dict[str, Any]
    events: tuple[PreparedEvent, ...] = ()
    buckets: tuple[int, ...] = field(default=())


def fold(value: str | None) -> str | None:
    """The case- and space-insensitive form used by filters."""
    return " ".join(value.casefold().split()) if value else None


def prepare(
    article: Article, *, hasher: MinHasher, versions: Versions | None = None
) -> PreparedArticle:
    """The rows of ``article``. Raises :class:`UnstorableArticleError` for NUL characters."""
    stamp = versions or Versions()
    encoded = compact_json(article, without_texts=True)
    record = encoded.decode("utf-8")
    digest = hashlib.sha256(encoded)
    digest.update(b"\x00" + article.text.encode("utf-8"))
    signature = hasher.signature(article.text)
    codebook = stamp.codebook or next((e.codebook_version for e in article.events), None)
    published = article.published
    row: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "original_outlets": json.dumps(list(article.original_outlets), ensure_ascii=False),
        "title": article.title,
        "author": article.author,
        "published": published.isoformat() if published else None,
        "published_date": published.date() if isinstance(published, dt.datetime) else published,
        "language": article.language.code if article.language else None,
        "text": article.text,
        "source_text": article.source_text,
        "record": record,
        "record_hash": digest.hexdigest(),
        "minhash": to_bytes(signature) if signature is not None else None,
        "event_count": len(article.events),
        "schema_version": article.schema_version,
        "pipeline_version": article.pipeline_version or stamp.pipeline,
        "model_version": stamp.model,
        "codebook_version": codebook,
        "gazetteer_version": stamp.gazetteer,
    }
    _check_nul(article.id, row)
    events = tuple(
        _event(article, event, position) for position, event in enumerate(article.events)
    )
    buckets = hasher.buckets(signature) if signature is not None else ()
    return PreparedArticle(article.id, article.url, row, events, buckets)


def _event(article: Article, event: Event, position: int) -> PreparedEvent:
    place = event.place
    bounds = period(event.date, event.date_precision)
    originals = article.original_outlets
    source = fold(originals[0] if originals else article.outlet) or f"article:{article.id}"
    key = merge_key(event)
    row: dict[str, Any] = {
        "id": event.id,
        "article_id": article.id,
        "position": position,
        "type": event.type,
        "mode": event.mode,
        "acled_type": event.acled_type,
        "acled_subtype": event.acled_subtype,
        "date": event.date,
        "date_start": bounds[0] if bounds else None,
        "date_end": bounds[1] if bounds else None,
        "date_precision": event.date_precision if event.date else None,
        "country": place.country.upper() if place else None,
        "admin1": place.admin1 if place else None,
        "admin1_key": fold(place.admin1) if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "gazetteer_id": place.gazetteer_id if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else None,
        "modality": event.modality,
        "background": event.background,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "claim_source": event.claim_source,
        "claim_kind": event.claim_kind,
        "confidence": event.confidence,
        "source_outlet": article.outlet,
        "source_outlet_key": fold(article.outlet),
        "source_key": source,
        "actor_key": key.actor_key,
        "evidence": article.text[event.evidence_start : event.evidence_end],
        "record": event_json(event).decode("utf-8"),
        "codebook_version": event.codebook_version,
    }
    _check_nul(event.id, row)
    actors = tuple(
        {
            "event_id": event.id,
            "role": role,
            "position": i,
            "actor_id": actor.actor_id,
            "name": actor.name,
            "name_key": fold(actor.name) or "",
        }
        for role, group in (("source", event.sources), ("target", event.targets))
        for i, actor in enumerate(group)
    )
    return PreparedEvent(row, actors, key)


def _check_nul(record_id: str, row: Mapping[str, Any]) -> None:
    for column, value in row.items():
        if isinstance(value, str) and "\x00" in value:
            raise UnstorableArticleError(
                f"{record_id}: {column} holds a NUL character, which PostgreSQL cannot store; "
                "read the article with pantau.read, which removes control characters"
            )
