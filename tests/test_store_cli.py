"""The store's commands: ``pantau demo``, ``pantau articles`` and ``pantau events``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_store_support import OTHER, WIRE, copy_of, news
from typer.testing import CliRunner

from pantau.cli import app
from pantau.reader import Reader
from pantau.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "cli.db")
    reader = Reader()
    with Store(db) as store:
        store.put(news(reader, WIRE, url="https://a.example/1", outlet="ANTARA", events=1))
        store.put(
            news(
                reader, copy_of(WIRE, "Tempo"), url="https://t.example/1", outlet="Tempo", events=1
            )
        )
        store.put(
            news(
                reader,
                OTHER,
                url="https://a.example/2",
                outlet="ANTARA",
                events=1,
                place=None,
                type="PROTEST",
                acled_type="Protests",
            )
        )
    return db


def test_demo_into_a_given_store(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    reader = ["--processor", "pantau.ingest:reader_processor"]
    first = runner.invoke(app, ["demo", "--db", db, *reader])
    assert first.exit_code == 0, first.output
    assert "4 new" in first.stderr
    assert "4 articles" in first.stdout
    second = runner.invoke(app, ["demo", "--db", db, "--jsonl", *reader])
    assert second.exit_code == 0, second.output
    assert "4 unchanged" in second.stderr  # read again, stored records the same
    records = [json.loads(line) for line in second.stdout.splitlines()]
    assert len(records) == 4 and all(r["dateline"] for r in records)


def test_articles_list_and_show(filled: str) -> None:
    listed = runner.invoke(app, ["articles", "--db", filled])
    assert listed.exit_code == 0, listed.output
    assert "Tempo" in listed.stdout and "3 of 3 articles" in listed.stderr
    assert "2 stories" in listed.stderr and "3 events (2 merged)" in listed.stderr
    article_id = Store(filled).articles(outlet="tempo")[0].id
    shown = runner.invoke(app, ["articles", "show", article_id[:7], "--db", filled])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["id"] == article_id
    text = runner.invoke(app, ["articles", "--db", filled, "show", article_id, "--text"])
    assert "events" in text.stdout and "ASSAULT" in text.stdout
    missing = runner.invoke(app, ["articles", "show", "abcdef0123", "--db", filled])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no article")


def test_events_table_and_filters(filled: str) -> None:
    table = runner.invoke(app, ["events", "--db", filled])
    assert table.exit_code == 0, table.output
    assert "ASSAULT" in table.stdout and "3 events." in table.stderr
    merged = runner.invoke(app, ["events", "--db", filled, "--merged", "--type", "assault"])
    assert "1 events." in merged.stderr
    none = runner.invoke(app, ["events", "--db", filled, "--country", "MY"])
    assert none.exit_code == 0 and "0 events." in none.stderr


def test_events_exports(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    result = runner.invoke(app, ["events", "--db", filled, "-f", "csv", "-o", str(out), "--bom"])
    assert result.exit_code == 0, result.output
    assert "3 events written" in result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    geo = runner.invoke(app, ["events", "--db", filled, "-f", "geojson"])
    assert "Warning: 1 events without coordinates left out." in geo.stderr
    assert len(json.loads(geo.stdout)["features"]) == 2
    acled = runner.invoke(
        app, ["events", "--db", filled, "-f", "acled", "--source-outlet", "Tempo"]
    )
    (row,) = csv.DictReader(io.StringIO(acled.stdout))
    assert row["source"] == "Tempo"
    plover = runner.invoke(app, ["events", "--db", filled, "-f", "plover", "--limit", "1"])
    assert json.loads(plover.stdout)["event"] == ["ASSAULT"]
    parquet = runner.invoke(
        app, ["events", "--db", filled, "-f", "parquet", "-o", str(tmp_path / "e.parquet")]
    )
    assert parquet.exit_code == 0 and (tmp_path / "e.parquet").stat().st_size > 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "xls"], "unknown format 'xls'"),
        (["--near", "Jayapura"], "LAT,LON"),
        (["--since", "kemarin"], "YYYY-MM-DD"),
        (["--type", "RIOT"], "unknown PLOVER type"),
        (["-f", "parquet"], "--output"),
        (["-f", "json", "--bom"], "CSV formats"),
        (["--output", "x.txt"], "give --format"),
    ],
)
def test_events_bad_options(filled: str, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["events", "--db", filled, *arguments])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
