"""Event filters (ACLED's vocabulary) through the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
import test_store_support as support
from test_store_support import (
    BACKENDS,
    JAKARTA,
    OTHER,
    STUDENTS,
    TNI,
    WIRE,
    copy_of,
    empty,
    news,
)

from pantau.article import Place
from pantau.errors import ConfigurationError
from pantau.query import EventFilter, parse_date, parse_point
from pantau.reader import Reader
from pantau.store import Store

# The store suite's fixtures (SQLite and PostgreSQL), defined in test_store_support.
postgres = support.postgres
shared_reader = support.shared_reader

GAZA = Place(
    "Gaza", 0, 4, "ps-gaza", "Gaza", 31.5, 34.47, "PS", "Gaza Strip", None, "populated_place", 1
)

# label: (body, outlet, event fields)
EVENTS = {
    "papua": (WIRE, "ANTARA", {}),
    "jakarta": (
        OTHER,
        "Tempo",
        {
            "type": "PROTEST",
            "sources": (STUDENTS,),
            "targets": (),
            "place": JAKARTA,
            "date": dt.date(2023, 11, 15),
            "acled_type": "Protests",
            "acled_subtype": "Peaceful protest",
        },
    ),
    "background": (
        copy_of(WIRE, "Kompas"),
        "Kompas",
        {"background": True, "date": dt.date(2023, 10, 7)},
    ),
    "denied": (
        copy_of(WIRE, "detik"),
        "detikcom",
        {"type": "COERCE", "modality": "denied", "date": dt.date(2023, 11, 20)},
    ),
    "month": (
        copy_of(OTHER, "Republika"),
        "Republika",
        {
            "type": "PROTEST",
            "place": None,
            "date": dt.date(2024, 3, 1),
            "precision": "month",
            "acled_type": None,
            "acled_subtype": None,
            "sources": (STUDENTS,),
            "targets": (),
        },
    ),
    "gaza": (
        copy_of(WIRE, "MINA") + " Demikian Al Jazeera memberitakan.",
        "MINA",
        {"place": GAZA, "date": dt.date(2024, 1, 24), "sources": (TNI,)},
    ),
}


@pytest.fixture(scope="module", params=BACKENDS)
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, shared_reader: Reader
) -> Iterator[tuple[Store, dict[str, str]]]:
    """One store per backend for the whole module (the queries only read)."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("query") / "query.db")
    else:
        url = request.getfixturevalue("postgres")
        Store(url).close()
        empty(url)
    ids = {}
    with Store(url) as store:
        for number, (label, (body, outlet, fields)) in enumerate(EVENTS.items()):
            article = news(
                shared_reader,
                body,
                url=f"https://x.example/{number}",
                outlet=outlet,
                events=1,
                **fields,
            )
            store.put(article)
            ids[article.events[0].id] = label
        yield store, ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["papua", "jakarta", "gaza", "month"]),
        (
            {"include_background": True, "include_denied": True},
            ["background", "papua", "jakarta", "denied", "gaza", "month"],
        ),
        ({"since": dt.date(2023, 11, 15)}, ["jakarta", "gaza", "month"]),
        ({"until": dt.date(2023, 11, 14)}, ["papua"]),
        ({"since": dt.date(2024, 3, 20), "until": dt.date(2024, 3, 21)}, ["month"]),
        ({"country": "id"}, ["papua", "jakarta"]),
        ({"admin1": "papua tengah"}, ["papua"]),
        ({"near": (-3.75, 137.0), "radius_km": 10}, ["papua"]),
        ({"near": (-6.0, 107.0), "radius_km": 100}, ["jakarta"]),
        ({"near": (-6.0, 107.0), "radius_km": 10}, []),
        ({"types": ("protest",)}, ["jakarta", "month"]),
        ({"types": ("ASSAULT", "PROTEST")}, ["papua", "jakarta", "gaza", "month"]),
        ({"acled_types": ("battles",)}, ["papua", "gaza"]),
        ({"acled_types": ("Peaceful protest",)}, ["jakarta"]),
        ({"actors": ("tpnpb",)}, ["papua"]),
        ({"actors": ("Mahasiswa",)}, ["jakarta", "month"]),
        ({"source_outlets": ("tempo",)}, ["jakarta"]),
        ({"source_outlets": ("Al Jazeera",)}, ["gaza"]),
        ({"min_precision": 2}, ["papua", "gaza"]),
        ({"min_precision": 1}, ["gaza"]),
        ({"min_date_precision": "day"}, ["papua", "jakarta", "gaza"]),
        ({"limit": 2}, ["papua", "jakarta"]),
    ],
)
def test_filters(
    filled: tuple[Store, dict[str, str]], query: dict[str, object], expected: list[str]
) -> None:
    store, labels = filled
    events = store.events(EventFilter(**query))  # type: ignore[arg-type]
    assert [labels[e.id] for e in events] == expected


def test_records_carry_their_article(filled: tuple[Store, dict[str, str]]) -> None:
    store, labels = filled
    (record,) = [r for r in store.event_records() if labels[r.event.id] == "gaza"]
    assert record.outlet == "MINA"
    assert record.original_outlets == ("Al Jazeera",)
    assert record.url == "https://x.example/5"
    assert record.evidence.startswith("Kontak tembak")
    assert record.stored_at.tzinfo is not None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"country": "IDN"}, "alpha-2"),
        ({"types": ("RIOT",)}, "unknown PLOVER type RIOT"),
        ({"since": dt.date(2024, 2, 1), "until": dt.date(2024, 1, 1)}, "after until"),
        ({"near": (95.0, 0.0)}, "latitude,longitude"),
        ({"min_precision": 5}, "geographic precision"),
        ({"min_date_precision": "hour"}, "day, week, month, year"),
        ({"radius_km": 0}, "positive"),
    ],
)
def test_bad_filters(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        EventFilter(**fields)  # type: ignore[arg-type]


def test_parsers() -> None:
    assert parse_point("-2.5,140.7") == (-2.5, 140.7)
    assert parse_date("2024-03-05") == dt.date(2024, 3, 5)
    with pytest.raises(ConfigurationError, match="LAT,LON"):
        parse_point("Jayapura")
    with pytest.raises(ConfigurationError, match="YYYY-MM-DD"):
        parse_date("05/03/2024", "--since")


def test_filter_is_a_frozen_value() -> None:
    query = EventFilter(country="id")
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.country = "MY"  # type: ignore[misc]
