from __future__ import annotations

import json
from pathlib import Path

from pantau.reader import Reader
from pantau.schema import from_json, json_schema, to_json

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "article.schema.json"


def test_round_trip(reader: Reader, seed_bytes: bytes) -> None:
    article = reader.read(seed_bytes)
    assert from_json(to_json(article)) == article


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "docs/article.schema.json is out of date: run `pantau schema > docs/article.schema.json`"
    )
