"""``pantau read``: one article to JSON or to a readable text view."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from pantau.cli._common import read_input, user_errors
from pantau.reader import read
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
) -> None:
    """Read one Indonesian news article and print its record as JSON (or --text)."""
    with user_errors():
        article = read(read_input(path), url=url, published=published, outlet=outlet)
    if text:
        render_article(article, Console(highlight=False, soft_wrap=True))
    else:
        typer.echo(to_json(article, indent=None if compact else 2))
