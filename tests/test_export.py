"""Exports: CSV (formula guard, BOM), JSON, JSONL, Parquet, GeoJSON, ACLED and PLOVER."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_store_support import JAKARTA, OTHER, STUDENTS, WIRE, make_event, news

from pantau.article import EventActor
from pantau.errors import ConfigurationError
from pantau.exports import ACLED_COLUMNS, COLUMNS, FORMATS, Exporter, guard, to_arrow, to_pandas
from pantau.query import EventRecord
from pantau.reader import Reader


@pytest.fixture(scope="module")
def exporter() -> Exporter:
    return Exporter()


READER: list[Reader] = []


def record(
    event_fields: dict[str, object] | None = None, *, body: str = WIRE, outlet: str = "ANTARA"
) -> EventRecord:
    if not READER:
        READER.append(Reader())
    reader = READER[0]
    article = news(reader, body, url="https://x.example/1", outlet=outlet)
    event = make_event(article, **(event_fields or {}))  # type: ignore[arg-type]
    sentence = article.text[event.evidence_start : event.evidence_end]
    return EventRecord(
        event=event,
        article_id=article.id,
        url=article.url,
        outlet=article.outlet,
        original_outlets=("Al Jazeera",),
        title="Kontak Tembak di Sugapa",
        published="2023-11-15",
        language="id",
        story_id=article.id,
        cluster_id=event.id,
        source_count=2,
        article_count=3,
        evidence=sentence,
        stored_at=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        cluster_articles=(article.id, "b" * 16),
    )


@pytest.fixture(scope="module")
def records() -> list[EventRecord]:
    return [
        record(),
        record(
            {
                "type": "PROTEST",
                "sources": (STUDENTS,),
                "targets": (),
                "place": JAKARTA,
                "acled_type": "Protests",
                "acled_subtype": "Peaceful protest",
            },
            body=OTHER,
        ),
        record(
            {
                "place": None,
                "acled_type": None,
                "acled_subtype": None,
                "type": "CONSULT",
                "date": dt.date(2024, 3, 1),
                "precision": "month",
            }
        ),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 811", "'+62 811"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Polisi", "Polisi"),
        ("", ""),
        (-6.2, -6.2),
    ],
)
def test_formula_guard(value: object, expected: object) -> None:
    assert guard(value) == expected


def test_csv_guards_cells_and_keeps_numbers(exporter: Exporter, tmp_path: Path) -> None:
    evil = record({"sources": (EventActor("=cmd|' /C calc'!A0", "x", 0, 1),)})
    path = tmp_path / "e.csv"
    result = exporter.write([evil], "csv", path, bom=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert result.written == 1
    assert rows[0]["sources"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["longitude"] == "137.03"
    assert rows[0]["latitude"] == "-3.73"
    assert rows[0]["date"] == "2023-11-14"
    assert list(rows[0]) == list(COLUMNS)


def test_csv_without_bom(exporter: Exporter, records: list[EventRecord]) -> None:
    out = io.StringIO()
    exporter.write(records, "csv", out)
    assert out.getvalue().startswith("event_id,")
    assert out.getvalue().count("\r\n") == 4


def test_json_and_jsonl(exporter: Exporter, records: list[EventRecord]) -> None:
    out = io.StringIO()
    exporter.write(records, "json", out)
    data = json.loads(out.getvalue())
    assert [d["event"]["type"] for d in data] == ["ASSAULT", "PROTEST", "CONSULT"]
    assert data[0]["merged"] == {
        "id": records[0].cluster_id,
        "source_count": 2,
        "article_count": 3,
        "articles": list(records[0].cluster_articles),
    }
    lines = io.StringIO()
    exporter.write(records, "jsonl", lines)
    assert [json.loads(x) for x in lines.getvalue().splitlines()] == data


def test_empty_json_is_an_empty_list(exporter: Exporter) -> None:
    out = io.StringIO()
    exporter.write([], "json", out)
    assert json.loads(out.getvalue()) == []


def test_geojson_rfc7946(exporter: Exporter, records: list[EventRecord]) -> None:
    out = io.StringIO()
    result = exporter.write(records, "geojson", out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    assert [f["geometry"] for f in data["features"]] == [
        {"type": "Point", "coordinates": [137.03, -3.73]},  # longitude first
        {"type": "Point", "coordinates": [106.82, -6.2]},
    ]
    assert data["features"][0]["properties"]["type"] == "ASSAULT"
    assert (result.written, result.left_out) == (2, 1)
    assert result.note == "1 events without coordinates left out"


def test_acled_profile(exporter: Exporter, records: list[EventRecord]) -> None:
    out = io.StringIO()
    result = exporter.write(records, "acled", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert (result.written, result.left_out) == (2, 1)
    battle, protest = rows
    assert battle["event_id_cnty"] == f"IDN-{records[0].event.id}"
    assert battle["event_date"] == "2023-11-14"
    assert (battle["year"], battle["time_precision"]) == ("2023", "1")
    assert battle["disorder_type"] == "Political violence"
    assert (battle["event_type"], battle["sub_event_type"]) == ("Battles", "Armed clash")
    assert (battle["actor1"], battle["inter1"]) == ("TPNPB", "Rebel group")
    assert (battle["actor2"], battle["inter2"]) == ("TNI", "State forces")
    assert battle["interaction"] == "Rebel group-State forces"
    assert (battle["country"], battle["iso"]) == ("Indonesia", "360")
    assert (battle["admin1"], battle["admin2"], battle["location"]) == (
        "Papua Tengah",
        "Intan Jaya",
        "Sugapa",
    )
    assert (battle["latitude"], battle["longitude"], battle["geo_precision"]) == (
        "-3.73",
        "137.03",
        "2",
    )
    assert battle["source"] == "ANTARA; Al Jazeera"
    assert battle["notes"] == records[0].evidence
    assert battle["fatalities"] == ""  # unknown stays unknown
    assert battle["timestamp"] == "1704164645"
    assert protest["disorder_type"] == "Demonstrations"
    assert protest["inter1"] == "Civilians"


def test_plover_json(exporter: Exporter, records: list[EventRecord]) -> None:
    out = io.StringIO()
    exporter.write(records, "plover", out)
    first, _, monthly = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["id"] == records[0].event.id
    assert first["date"] == "2023-11-14" and first["enddate"] is None
    assert first["event"] == ["ASSAULT"] and first["quad_code"] == 4
    assert first["actor"] == [
        {
            "code": "IDN",
            "sector": "REB",
            "entity_text": "TPNPB",
            "identifier_id": "tpnpb",
            "identifier_text": "TPNPB",
        }
    ]
    assert first["recipient"][0]["sector"] == "MIL"
    assert first["event_loc"]["lon"] == 137.03 and first["event_loc"]["resolution"] == 3
    assert first["event_loc"]["country_code"] == "IDN"
    assert first["event_text"] == [records[0].evidence]
    assert first["link"] == records[0].cluster_id
    assert first["size"] == {"dead": None, "injured": None}
    assert first["cite_info"]["publication"] == "ANTARA"
    assert monthly["date"] == "2024-03-01" and monthly["enddate"] == "2024-03-31"
    assert monthly["event_loc"] is None and monthly["quad_code"] == 1


def test_parquet_and_arrow(exporter: Exporter, records: list[EventRecord], tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    assert exporter.write(records, "parquet", path).written == 3
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.column("date").to_pylist()[0] == dt.date(2023, 11, 14)
    assert to_arrow(records).equals(table)
    with pytest.raises(ConfigurationError, match="--output"):
        exporter.write(records, "parquet", io.StringIO())  # type: ignore[arg-type]


def test_pandas_is_optional(records: list[EventRecord]) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigurationError, match="pip install pandas"):
            to_pandas(records)
    else:
        assert len(to_pandas(records)) == 3


def test_bad_format_and_bom(exporter: Exporter, records: list[EventRecord]) -> None:
    with pytest.raises(ConfigurationError, match="unknown export format 'xls'"):
        exporter.write(records, "xls", io.StringIO())
    with pytest.raises(ConfigurationError, match="CSV formats"):
        exporter.write(records, "json", io.StringIO(), bom=True)


def test_cli_knows_every_format() -> None:
    from pantau.cli import events

    assert events.FORMATS == FORMATS


def test_docs_describe_every_column() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "store.md").read_text(encoding="utf-8")
    missing = [c for c in (*COLUMNS, *ACLED_COLUMNS) if f"`{c}`" not in docs]
    assert missing == []
