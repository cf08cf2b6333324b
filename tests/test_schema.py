from __future__ import annotations

import json
from pathlib import Path

from pantau.pipeline import Pipeline
from pantau.reader import Reader
from pantau.schema import compact_json, event_json, from_json, json_schema, to_dict, to_json

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "article.schema.json"


def test_round_trip(reader: Reader, seed_bytes: bytes) -> None:
    article = reader.read(seed_bytes)
    assert from_json(to_json(article)) == article


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "docs/article.schema.json is out of date: run `pantau schema > docs/article.schema.json`"
    )


def test_compact_json_is_the_plain_json_of_the_record(pipeline: Pipeline, seed_text: str) -> None:
    """The store's fast serialisation gives the very text the plain one gives (the stored record
    and its hash must not depend on which made it)."""
    gold = Path(__file__).parent / "gold" / "events.jsonl"
    texts = [seed_text] + [json.loads(line)["text"] for line in gold.read_text().splitlines()[:20]]
    for text in texts:
        article = pipeline.process(text, published="2024-03-05")
        data = to_dict(article)
        compact = (",", ":")
        assert (
            compact_json(article)
            == json.dumps(data, ensure_ascii=False, separators=compact).encode()
        )
        del data["text"], data["source_text"]
        plain = json.dumps(data, ensure_ascii=False, separators=compact)
        assert compact_json(article, without_texts=True).decode() == plain
        for event, event_data in zip(article.events, data["events"], strict=True):
            assert event_json(event).decode() == json.dumps(
                event_data, ensure_ascii=False, separators=compact
            )
    assert any("’" in t or "“" in t for t in texts)  # non-ASCII text is written as is
