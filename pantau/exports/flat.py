"""One flat row per event: the columns of CSV, Parquet, pyarrow and pandas, and GeoJSON's
properties. Lists are joined with ``"; "``.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) get a leading apostrophe; numbers are written as numbers and left alone.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import IO, Any

import pyarrow as pa

from pantau.errors import ConfigurationError
from pantau.query import EventRecord

SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("cluster_id", pa.string()),
        ("source_count", pa.int32()),
        ("article_count", pa.int32()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("contexts", pa.string()),
        ("acled_type", pa.string()),
        ("acled_subtype", pa.string()),
        ("modality", pa.string()),
        ("background", pa.bool_()),
        ("sources", pa.string()),
        ("source_ids", pa.string()),
        ("targets", pa.string()),
        ("target_ids", pa.string()),
        ("location", pa.string()),
        ("gazetteer_id", pa.string()),
        ("admin2", pa.string()),
        ("admin1", pa.string()),
        ("country", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int8()),
        ("fatalities", pa.int32()),
        ("injured", pa.int32()),
        ("claim_source", pa.string()),
        ("claim_kind", pa.string()),
        ("confidence", pa.float64()),
        ("trigger", pa.string()),
        ("evidence", pa.string()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("original_outlets", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("story_id", pa.string()),
        ("cluster_articles", pa.string()),
        ("codebook_version", pa.string()),
    ]
)
COLUMNS: tuple[str, ...] = tuple(SCHEMA.names)


def flat_row(record: EventRecord) -> dict[str, Any]:
    e = record.event
    place = e.place
    return {
        "event_id": e.id,
        "cluster_id": record.cluster_id,
        "source_count": record.source_count,
        "article_count": record.article_count,
        "date": e.date,
        "date_precision": e.date_precision if e.date else None,
        "type": e.type,
        "mode": e.mode,
        "contexts": SEPARATOR.join(e.contexts) or None,
        "acled_type": e.acled_type,
        "acled_subtype": e.acled_subtype,
        "modality": e.modality,
        "background": e.background,
        "sources": SEPARATOR.join(a.name for a in e.sources) or None,
        "source_ids": SEPARATOR.join(a.actor_id or "" for a in e.sources) or None,
        "targets": SEPARATOR.join(a.name for a in e.targets) or None,
        "target_ids": SEPARATOR.join(a.actor_id or "" for a in e.targets) or None,
        "location": place.name if place else None,
        "gazetteer_id": place.gazetteer_id if place else None,
        "admin2": place.admin2 if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else None,
        "fatalities": e.fatalities,
        "injured": e.injured,
        "claim_source": e.claim_source,
        "claim_kind": e.claim_kind,
        "confidence": e.confidence,
        "trigger": e.trigger,
        "evidence": record.evidence,
        "article_id": record.article_id,
        "url": record.url,
        "outlet": record.outlet,
        "original_outlets": SEPARATOR.join(record.original_outlets) or None,
        "title": record.title,
        "published": record.published,
        "story_id": record.story_id,
        "cluster_articles": SEPARATOR.join(record.cluster_articles) or None,
        "codebook_version": e.codebook_version,
    }


def guard(value: Any) -> Any:
    """A cell safe to open in a spreadsheet: text that starts a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return guard(value)


def write_csv(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], out: IO[str], *, bom: bool = False
) -> int:
    """Write rows as CSV (RFC 4180, ``\\r\\n`` line ends); returns the number of rows."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
        count += 1
    return count


def to_arrow(records: Iterable[EventRecord]) -> pa.Table:
    """The events as a pyarrow table (the columns of :data:`SCHEMA`)."""
    return pa.Table.from_pylist([flat_row(r) for r in records], schema=SCHEMA)


def to_pandas(records: Iterable[EventRecord]) -> Any:
    """The events as a pandas DataFrame (pandas is optional: ``pip install pandas``)."""
    try:
        import pandas  # noqa: F401
    except ImportError as e:
        raise ConfigurationError(
            "to_pandas needs pandas, which pantau does not install: pip install pandas "
            "(or use to_arrow)"
        ) from e
    return to_arrow(records).to_pandas()
