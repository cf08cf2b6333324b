"""The CLI is a thin shell: JSON out, one ``Error:`` line and a non-zero exit on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pantau.cli import app
from pantau.version import __version__

runner = CliRunner()


def test_read_prints_json(seed_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_bytes)
    result = runner.invoke(app, ["read", str(path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema_version"] == "1.0"
    assert record["dateline"]["agency"] == "MINA"
    assert record["dateline"]["date"] == "2017-02-19"
    assert record["provenance"][0]["outlet"] == "The New Arab"


def test_read_from_stdin_compact(seed_bytes: bytes) -> None:
    result = runner.invoke(app, ["read", "-", "--compact"], input=seed_bytes)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["dateline"]["place"] == "Washington"


def test_read_text_view(seed_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_bytes)
    result = runner.invoke(app, ["read", str(path), "--text"])
    assert result.exit_code == 0, result.output
    assert "The New Arab" in result.stdout
    assert "1438-05-21 H (consistent)" in result.stdout
    assert "11  ISIS juga menghadapi operasi militer" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (b"<html><body></body></html>", "no article text"),
    ],
)
def test_bad_files_give_one_error_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["read", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["read", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: No such file or directory")
    folder = runner.invoke(app, ["read", str(tmp_path)])
    assert folder.exit_code == 1
    assert "is a directory" in folder.stderr


def test_bad_published_option(seed_bytes: bytes) -> None:
    result = runner.invoke(app, ["read", "-", "--published", "19/02/2017"], input=seed_bytes)
    assert result.exit_code == 1
    assert "ISO 8601" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.stdout.strip() == f"pantau {__version__}"


def test_demo_reads_every_sample(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--jsonl", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    assert all(r["sentences"] for r in records)
    assert all(r["dateline"] for r in records)


def test_schema_command_prints_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Article"
    assert "dateline" in schema["properties"]
