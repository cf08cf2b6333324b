"""An ACLED-compatible column profile: ACLED's export columns, filled with what pantau has.

Only events with an ACLED event type are written (ACLED has no row for a CONSULT); the others
are counted. Unknown numbers stay empty (ACLED writes 0 for fatalities; pantau does not claim a
number the text does not state). The mapping of each column is in ``docs/store.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pantau.article import EventActor
from pantau.exports.flat import SEPARATOR
from pantau.exports.profiles import Profiles
from pantau.query import EventRecord

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def _inter(actors: tuple[EventActor, ...], profiles: Profiles) -> str | None:
    if not actors or actors[0].type is None:
        return None
    return profiles.interaction.get(actors[0].type)


def acled_row(record: EventRecord, profiles: Profiles) -> dict[str, Any] | None:
    """The ACLED row of an event, or ``None`` when it has no ACLED event type."""
    e = record.event
    if not e.acled_type:
        return None
    place = e.place
    country = profiles.country(place.country if place else None)
    inter1, inter2 = _inter(e.sources, profiles), _inter(e.targets, profiles)
    tags = []
    if e.modality != "asserted":
        tags.append(f"modality: {e.modality}")
    if e.background:
        tags.append("background")
    tags.append(f"claimed by: {e.claim_source}")
    tags.append(f"merged event: {record.cluster_id} ({record.source_count} sources)")
    return {
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}-{e.id}",
        "event_date": e.date.isoformat() if e.date else None,
        "year": e.date.year if e.date else None,
        "time_precision": profiles.time_precision.get(e.date_precision or "") if e.date else None,
        "disorder_type": profiles.disorder_type.get(e.acled_type),
        "event_type": e.acled_type,
        "sub_event_type": e.acled_subtype,
        "actor1": e.sources[0].name if e.sources else None,
        "assoc_actor_1": SEPARATOR.join(a.name for a in e.sources[1:]) or None,
        "inter1": inter1,
        "actor2": e.targets[0].name if e.targets else None,
        "assoc_actor_2": SEPARATOR.join(a.name for a in e.targets[1:]) or None,
        "inter2": inter2,
        "interaction": "-".join(x for x in (inter1, inter2) if x) or None,
        "civilian_targeting": "Civilians targeted"
        if e.acled_type == "Violence against civilians"
        else None,
        "iso": country.numeric if country else None,
        "region": None,
        "country": country.name if country else (place.country if place else None),
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": round(place.latitude, 4) if place else None,
        "longitude": round(place.longitude, 4) if place else None,
        "geo_precision": profiles.acled_geo_precision.get(place.precision) if place else None,
        "source": SEPARATOR.join(
            dict.fromkeys(o for o in (record.outlet, *record.original_outlets) if o)
        )
        or None,
        "source_scale": None,
        "notes": record.evidence,
        "fatalities": e.fatalities,
        "tags": SEPARATOR.join(tags),
        "timestamp": int(record.stored_at.timestamp()),
    }


def acled_rows(
    records: Iterable[EventRecord], profiles: Profiles, left_out: list[int]
) -> Iterator[dict[str, Any]]:
    """ACLED rows; ``left_out[0]`` counts the events without an ACLED type."""
    for record in records:
        row = acled_row(record, profiles)
        if row is None:
            left_out[0] += 1
        else:
            yield row
