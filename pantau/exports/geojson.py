"""GeoJSON (RFC 7946): a FeatureCollection of Points, ``[longitude, latitude]``, WGS 84.

Events without coordinates cannot be placed on a map: they are left out and counted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, Any

from pantau.exports.flat import flat_row
from pantau.query import EventRecord


def feature(record: EventRecord) -> dict[str, Any] | None:
    """One Feature, or ``None`` when the event has no coordinates."""
    place = record.event.place
    if place is None:
        return None
    properties = {
        k: v.isoformat() if isinstance(v, dt.date) else v
        for k, v in flat_row(record).items()
        if k not in ("latitude", "longitude")
    }
    return {
        "type": "Feature",
        "id": record.event.id,
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": properties,
    }


def write_geojson(records: Iterable[EventRecord], out: IO[str]) -> tuple[int, int]:
    """Write the FeatureCollection; returns (features written, events left out)."""
    written = left_out = 0
    out.write('{"type":"FeatureCollection","features":[')
    for record in records:
        item = feature(record)
        if item is None:
            left_out += 1
            continue
        out.write(("," if written else "") + "\n" + json.dumps(item, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, left_out
