"""``pantau demo``: the main job on the bundled sample articles."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

import typer
from rich.console import Console
from rich.rule import Rule

from pantau.cli._common import user_errors
from pantau.reader import Reader
from pantau.schema import to_json
from pantau.view import render_article


def demo_command(
    json_lines: Annotated[
        bool, typer.Option("--jsonl", help="Print each record as one JSON line instead.")
    ] = False,
) -> None:
    """Read the sample articles bundled with pantau and print their records."""
    console = Console(highlight=False, soft_wrap=True)
    samples = sorted(
        (p for p in files("pantau.samples").iterdir() if p.name.endswith((".txt", ".html"))),
        key=lambda p: p.name,
    )
    with user_errors():
        reader = Reader()
        for sample in samples:
            article = reader.read(sample.read_bytes())
            if json_lines:
                typer.echo(to_json(article))
                continue
            console.print(Rule(sample.name))
            render_article(article, console)
    if not json_lines:
        console.print(Rule())
        console.print(f"{len(samples)} sample articles read.")
