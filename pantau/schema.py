"""JSON form of the records: serialisation, parsing and the JSON Schema.

The typed records stay plain dataclasses; pydantic is used here only, at the edge, to turn them
into JSON and back and to describe them as a JSON Schema (``pantau schema`` prints it,
``docs/article.schema.json`` holds the committed copy that a test keeps in step).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from pantau.article import SCHEMA_VERSION, Article, Event


@cache
def _adapter() -> TypeAdapter[Article]:
    return TypeAdapter(Article)


@cache
def _event_adapter() -> TypeAdapter[Event]:
    return TypeAdapter(Event)


def to_dict(article: Article) -> dict[str, Any]:
    """The article as JSON-ready data (dates as ISO strings)."""
    data: dict[str, Any] = _adapter().dump_python(article, mode="json")
    return data


def to_json(article: Article, *, indent: int | None = None) -> str:
    """The article as one JSON document (``indent=None``: one line, for JSONL)."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)


def compact_json(article: Article, *, without_texts: bool = False) -> bytes:
    """The article as compact UTF-8 JSON (no spaces, nothing escaped but what JSON must), made
    by pydantic in one step; ``without_texts`` leaves out ``text`` and ``source_text`` (the store
    keeps them in columns of their own). Equal to ``json.dumps(to_dict(article),
    ensure_ascii=False, separators=(",", ":"))``, at about a third of the cost."""
    exclude = {"text", "source_text"} if without_texts else None
    return _adapter().dump_json(article, exclude=exclude)


def event_json(event: Event) -> bytes:
    """One event as compact UTF-8 JSON, as it stands in :func:`compact_json`."""
    return _event_adapter().dump_json(event)


def from_json(document: str | bytes) -> Article:
    """Parse an article written by :func:`to_json`."""
    return _adapter().validate_json(document)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an article record."""
    schema = _adapter().json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://pantau.invalid/schema/article/{SCHEMA_VERSION}"
    schema["description"] = (
        "An Indonesian news article read by pantau. Spans are [start, end) code-point offsets: "
        "dateline, boilerplate and paragraph source_start into source_text; everything else "
        "into text."
    )
    return schema
