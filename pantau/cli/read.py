"""``pantau read``: one article to JSON or to a readable text view."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from pantau.cli._common import read_input, user_errors
from pantau.pipeline import Pipeline
from pantau.reader import Reader
from pantau.schema import to_json
from pantau.view import render_article


def read_command(
    path: Annotated[str, typer.Argument(help="A text or HTML file, or - for standard input.")],
    url: Annotated[str | None, typer.Option(help="The article's URL.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date or date-time, ISO 8601.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="The publishing outlet.")] = None,
    text: Annotated[bool, typer.Option("--text", help="A readable view instead of JSON.")] = False,
    compact: Annotated[bool, typer.Option(help="JSON on one line.")] = False,
    reader_only: Annotated[
        bool, typer.Option(help="Only the reader: no entities, actors, places, quotes, events.")
    ] = False,
) -> None:
    """Read one Indonesian news article and print its record as JSON (or --text).

    The record holds every layer: reader fields, entities, actors, places, quotes and events.
    """
    with user_errors():
        content = read_input(path)
        pipeline = Pipeline(reader=Reader()) if reader_only else Pipeline.default()
        article = pipeline.process(content, url=url, published=published, outlet=outlet)
    if text:
        render_article(article, Console(highlight=False, soft_wrap=True))
    else:
        typer.echo(to_json(article, indent=None if compact else 2))
