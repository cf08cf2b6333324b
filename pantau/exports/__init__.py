"""Exports of events: JSON, JSONL, CSV, Parquet, GeoJSON, an ACLED column profile, PLOVER JSON.

>>> from pantau.exports import Exporter
>>> exporter = Exporter()                                            # doctest: +SKIP
>>> exporter.write(store.event_records(), "csv", "events.csv", bom=True)  # doctest: +SKIP

``to_arrow`` / ``to_pandas`` give the same columns as CSV and Parquet in memory (pandas is
optional). Formats and their columns are documented in ``docs/store.md``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import pyarrow.parquet as pq
from pydantic import TypeAdapter

from pantau.article import Event
from pantau.errors import ConfigurationError
from pantau.exports.acled import COLUMNS as ACLED_COLUMNS
from pantau.exports.acled import acled_rows
from pantau.exports.flat import COLUMNS, flat_row, guard, to_arrow, to_pandas, write_csv
from pantau.exports.geojson import write_geojson
from pantau.exports.plover import plover_event
from pantau.exports.profiles import Profiles
from pantau.query import EventRecord

Format = Literal["json", "jsonl", "csv", "parquet", "geojson", "acled", "plover"]
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "parquet", "geojson", "acled", "plover")
SUFFIXES = {
    "json": ".json",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "parquet": ".parquet",
    "geojson": ".geojson",
    "acled": ".csv",
    "plover": ".jsonl",
}

__all__ = [
    "ACLED_COLUMNS",
    "COLUMNS",
    "FORMATS",
    "ExportResult",
    "Exporter",
    "guard",
    "to_arrow",
    "to_pandas",
]


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    written: int
    left_out: int = 0
    """Events a format cannot hold (no coordinates for GeoJSON, no ACLED type for ACLED)."""
    note: str | None = None


class Exporter:
    """Writes event records in every export format. Build once (it loads the profiles)."""

    def __init__(self) -> None:
        self.profiles = Profiles()
        self._event = TypeAdapter(Event)

    def record(self, record: EventRecord) -> dict[str, Any]:
        """The JSON form of one record: the event, its article and its merged event."""
        return {
            "event": self._event.dump_python(record.event, mode="json"),
            "evidence": record.evidence,
            "article": {
                "id": record.article_id,
                "url": record.url,
                "outlet": record.outlet,
                "original_outlets": list(record.original_outlets),
                "title": record.title,
                "published": record.published,
                "language": record.language,
                "story_id": record.story_id,
            },
            "merged": {
                "id": record.cluster_id,
                "source_count": record.source_count,
                "article_count": record.article_count,
                "articles": list(record.cluster_articles),
            },
            "stored_at": record.stored_at.isoformat(),
        }

    def write(
        self,
        records: Iterable[EventRecord],
        format: str,
        output: str | os.PathLike[str] | IO[str] | None = None,
        *,
        bom: bool = False,
    ) -> ExportResult:
        """Write ``records`` to ``output`` (a path, a text stream, or ``None`` for stdout)."""
        if format not in FORMATS:
            raise ConfigurationError(
                f"unknown export format {format!r}: use one of {', '.join(FORMATS)}"
            )
        if bom and format not in ("csv", "acled"):
            raise ConfigurationError("--bom applies to the CSV formats (csv, acled) only")
        if format == "parquet":
            if output is None or not isinstance(output, str | os.PathLike):
                raise ConfigurationError("Parquet is binary: give a file with --output")
            table = to_arrow(records)
            pq.write_table(table, os.fspath(output))
            return ExportResult(format, table.num_rows)
        with _text(output) as out:
            return self._write_text(records, format, out, bom=bom)

    def _write_text(
        self, records: Iterable[EventRecord], format: str, out: IO[str], *, bom: bool
    ) -> ExportResult:
        if format == "csv":
            return ExportResult(format, write_csv(map(flat_row, records), COLUMNS, out, bom=bom))
        if format == "acled":
            no_type = [0]
            rows = acled_rows(records, self.profiles, no_type)
            written = write_csv(rows, ACLED_COLUMNS, out, bom=bom)
            note = f"{no_type[0]} events without an ACLED event type left out"
            return ExportResult(format, written, no_type[0], note if no_type[0] else None)
        if format == "geojson":
            placed, unplaced = write_geojson(records, out)
            note = f"{unplaced} events without coordinates left out"
            return ExportResult(format, placed, unplaced, note if unplaced else None)
        if format == "json":
            out.write("[")
            count = 0
            for record in records:
                out.write(("," if count else "") + "\n" + _dumps(self.record(record)))
                count += 1
            out.write("\n]\n")
            return ExportResult(format, count)
        convert = self.record if format == "jsonl" else self._plover
        count = 0
        for record in records:
            out.write(_dumps(convert(record)) + "\n")
            count += 1
        return ExportResult(format, count)

    def _plover(self, record: EventRecord) -> dict[str, Any]:
        return plover_event(record, self.profiles)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


@contextmanager
def _text(output: str | os.PathLike[str] | IO[str] | None) -> Iterator[IO[str]]:
    if output is None or output == "-":
        yield sys.stdout
    elif isinstance(output, str | os.PathLike):
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        # newline="" : the CSV writer's own \r\n line ends go through untouched
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield output
