"""Cross-article event merging: the rules (pure) and the store's clusters with source counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import test_store_support as support
from test_store_support import (
    JAKARTA,
    NEAR_PAPUA,
    OTHER,
    STUDENTS,
    TNI,
    TPNPB,
    WIRE,
    copy_of,
    make_event,
    news,
)

from pantau.article import Event, EventActor
from pantau.errors import ConfigurationError
from pantau.merge import (
    MergeConfig,
    actor_key,
    cluster_events,
    haversine_km,
    merge_key,
    period,
    same_event,
)
from pantau.reader import Reader
from pantau.store import Store

# The store suite's fixtures (SQLite and PostgreSQL), defined in test_store_support.
db = support.db
postgres = support.postgres
shared_reader = support.shared_reader
store = support.store

D = dt.date(2023, 11, 14)


@pytest.fixture(scope="module")
def base(shared_reader: Reader) -> Event:
    return make_event(news(shared_reader, WIRE))


def change(event: Event, **fields: object) -> Event:
    return dataclasses.replace(event, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "merged"),
    [
        ({}, True),
        ({"date": D + dt.timedelta(days=1)}, True),
        ({"date": D - dt.timedelta(days=1)}, True),
        ({"date": D + dt.timedelta(days=2)}, False),
        ({"date": dt.date(2023, 11, 1), "date_precision": "month"}, True),
        ({"date": dt.date(2023, 10, 1), "date_precision": "month"}, False),
        ({"date": dt.date(2023, 11, 13), "date_precision": "week"}, True),
        ({"date": dt.date(2023, 1, 1), "date_precision": "year"}, True),
        ({"date": None, "date_precision": None}, False),
        ({"type": "COERCE"}, False),
        ({"sources": (TNI,), "targets": (TPNPB,)}, False),
        ({"sources": (TPNPB, TNI)}, False),
        ({"place": NEAR_PAPUA}, True),  # 9 km away
        ({"place": JAKARTA}, False),
        ({"place": None}, False),
    ],
)
def test_same_event(base: Event, fields: dict[str, object], merged: bool) -> None:
    other = change(base, **fields)
    assert same_event(merge_key(base), merge_key(other), MergeConfig()) is merged


def test_window_and_radius_are_configurable(base: Event) -> None:
    later = change(base, date=D + dt.timedelta(days=3))
    assert same_event(merge_key(base), merge_key(later), MergeConfig(window_days=3))
    near = change(base, place=NEAR_PAPUA)
    assert not same_event(merge_key(base), merge_key(near), MergeConfig(radius_km=5))
    with pytest.raises(ConfigurationError):
        MergeConfig(window_days=-1)


def test_actors_are_compared_by_id_else_by_name() -> None:
    assert actor_key(TNI) == "tni"
    assert actor_key(EventActor("Mahasiswa  UI", "x", 0, 1)) == "name:mahasiswa ui"


def test_periods_and_distance() -> None:
    assert period(dt.date(2024, 2, 1), "month") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period(D, "week") == (D, D + dt.timedelta(days=6))
    assert period(None, "day") is None
    assert haversine_km(-6.2, 106.82, -6.2, 106.82) == 0
    assert 650 < haversine_km(-6.2, 106.82, -7.25, 112.75) < 680  # Jakarta to Surabaya


def test_cluster_events_in_memory(base: Event) -> None:
    a, b = base, change(base, id="x-1", date=D + dt.timedelta(days=1))
    c = change(base, id="x-2", type="PROTEST", sources=(STUDENTS,), targets=())
    assert [[e.id for e in cluster] for cluster in cluster_events([a, b, c])] == [
        [a.id, b.id],
        [c.id],
    ]


def test_store_merges_reports_from_several_outlets(store: Store, shared_reader: Reader) -> None:
    antara = news(shared_reader, WIRE, url="https://a.example/1", outlet="ANTARA", events=1)
    tempo = news(
        shared_reader,
        copy_of(WIRE, "Tempo"),
        url="https://t.example/1",
        outlet="Tempo",
        events=1,
        date=D + dt.timedelta(days=1),
    )
    again = news(
        shared_reader,
        copy_of(WIRE, "Kumparan"),
        url="https://k.example/1",
        outlet="Tempo",
        events=1,
        place=NEAR_PAPUA,
    )
    protest = news(
        shared_reader,
        OTHER,
        url="https://a.example/2",
        outlet="ANTARA",
        events=1,
        type="PROTEST",
        sources=(STUDENTS,),
        targets=(),
        place=JAKARTA,
        acled_type="Protests",
        acled_subtype="Peaceful protest",
    )
    for article in (antara, tempo, again, protest):
        store.put(article)
    records = store.event_records()
    clusters = {r.cluster_id for r in records}
    assert len(clusters) == 2
    assault = [r for r in records if r.event.type == "ASSAULT"]
    assert {r.cluster_id for r in assault} == {antara.events[0].id}
    assert assault[0].source_count == 2  # ANTARA and Tempo (Tempo twice)
    assert assault[0].article_count == 3
    assert set(assault[0].cluster_articles) == {antara.id, tempo.id, again.id}
    merged = store.event_records(_merged())
    assert len(merged) == 2
    assert store.stats().clusters == 2


def test_original_outlet_counts_as_the_source(store: Store, shared_reader: Reader) -> None:
    own = news(shared_reader, WIRE, url="https://a.example/1", outlet="MINA", events=1)
    quoted = news(
        shared_reader,
        copy_of(WIRE, "MINA") + " Demikian Al Jazeera memberitakan.",
        url="https://m.example/1",
        outlet="MINA",
        events=1,
    )
    store.put(own)
    store.put(quoted)
    assert quoted.original_outlets == ("Al Jazeera",)
    (first, second) = store.event_records()
    assert first.cluster_id == second.cluster_id
    assert first.source_count == 2  # MINA's own report and MINA quoting Al Jazeera


def _merged():  # type: ignore[no-untyped-def]
    from pantau.query import EventFilter

    return EventFilter(merged=True)
