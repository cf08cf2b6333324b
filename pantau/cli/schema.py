"""``pantau schema``: the JSON Schema of the article record."""

from __future__ import annotations

import json

import typer

from pantau.schema import json_schema


def schema_command() -> None:
    """Print the JSON Schema of the article record."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
