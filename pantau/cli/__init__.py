"""The ``pantau`` command: a thin shell over the library, one command per module."""

from __future__ import annotations

import typer

from pantau.cli.articles import articles_app
from pantau.cli.benchmark import benchmark_command
from pantau.cli.benchmark_ingest import benchmark_ingest_command
from pantau.cli.demo import demo_command
from pantau.cli.evaluate import evaluate_command
from pantau.cli.events import events_command
from pantau.cli.ingest import ingest_command
from pantau.cli.read import read_command
from pantau.cli.schema import schema_command
from pantau.version import __version__

app = typer.Typer(
    name="pantau",
    help="Indonesian news in, verifiable political and conflict event data out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("read")(read_command)
app.command("demo")(demo_command)
app.command("schema")(schema_command)
app.command("evaluate")(evaluate_command)
app.command("benchmark")(benchmark_command)
app.command("ingest")(ingest_command)
app.command("events")(events_command)
app.add_typer(articles_app, name="articles")
app.command("benchmark-ingest")(benchmark_ingest_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pantau {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Indonesian news in, verifiable political and conflict event data out."""


def main() -> None:
    app()
