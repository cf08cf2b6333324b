"""PLOVER JSON: the event fields of the PLOVER manual's "Data Fields" chapter.

``id``, ``date`` (and ``enddate`` for a week, month or year), ``actor`` and ``recipient`` (entity
objects), ``event``, ``mode``, ``context``, ``quad_code``, ``event_loc`` (location object),
``event_text``, ``text_info``, ``cite_info``, ``link`` (the merged event), ``coder``,
``coded_date``, ``coded_time``, ``size`` (``dead``, ``injured``) and ``comment``; pantau's own
fields beside them (as the manual invites): ``modality``, ``background``, ``claim_source``,
``claim_kind``, ``source_count``, ``acled_event_type``, ``acled_sub_event_type``.
"""

from __future__ import annotations

from typing import Any

from pantau.article import EventActor
from pantau.exports.profiles import Profiles
from pantau.merge import period
from pantau.query import EventRecord
from pantau.version import __version__


def _entity(actor: EventActor, profiles: Profiles) -> dict[str, Any]:
    country = profiles.country(actor.country)
    return {
        "code": country.iso3 if country else None,
        "sector": profiles.sector.get(actor.type) if actor.type else None,
        "entity_text": actor.text,
        "identifier_id": actor.actor_id,
        "identifier_text": actor.name,
    }


def plover_event(record: EventRecord, profiles: Profiles) -> dict[str, Any]:
    e = record.event
    place = e.place
    bounds = period(e.date, e.date_precision)
    location = None
    if place is not None:
        country = profiles.country(place.country)
        location = {
            "extracted_place": place.text,
            "resolved_place": place.name,
            "geonameid": place.gazetteer_id,
            "lat": place.latitude,
            "lon": place.longitude,
            "district": place.admin2,
            "province": place.admin1,
            "country": country.name if country else place.country,
            "country_code": country.iso3 if country else None,
            "resolution": profiles.resolution.get(place.precision),
        }
    comment = f"{e.modality}, claimed by {e.claim_source}"
    if e.background:
        comment += "; background to the article's news"
    return {
        "id": e.id,
        "has_event": True,
        "date": bounds[0].isoformat() if bounds else None,
        "enddate": bounds[1].isoformat() if bounds and bounds[1] != bounds[0] else None,
        "actor": [_entity(a, profiles) for a in e.sources],
        "recipient": [_entity(a, profiles) for a in e.targets],
        "event": [e.type],
        "mode": [e.mode] if e.mode else [],
        "context": list(e.contexts),
        "quad_code": profiles.quad_code.get(e.type),
        "event_loc": location,
        "event_text": [record.evidence],
        "text_info": {"sequence": e.sentence, "start": e.evidence_start, "end": e.evidence_end},
        "cite_info": {
            "url": record.url,
            "title": record.title,
            "language": record.language,
            "publication": record.outlet,
            "coder": f"pantau {__version__}",
            "codebook": f"pantau-{e.codebook_version}",
        },
        "link": record.cluster_id,
        "coder": f"pantau {__version__}",
        "coded_date": record.stored_at.date().isoformat(),
        "coded_time": record.stored_at.time().replace(microsecond=0).isoformat(),
        "size": {"dead": e.fatalities, "injured": e.injured},
        "comment": comment,
        "modality": e.modality,
        "background": e.background,
        "claim_source": e.claim_source,
        "claim_kind": e.claim_kind,
        "source_count": record.source_count,
        "acled_event_type": e.acled_type,
        "acled_sub_event_type": e.acled_subtype,
    }
