"""``pantau benchmark-ingest``: end-to-end ingest throughput into SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.cli._common import ParagraphsOption, user_errors

DEFAULT_TARGETS = ["sqlite", "postgresql://postgres@127.0.0.1:5432/postgres"]


def benchmark_ingest_command(
    articles: Annotated[int, typer.Option(min=10, help="Generated articles to ingest.")] = 10000,
    db: Annotated[
        list[str] | None,
        typer.Option(
            help="Target: 'sqlite' (a temporary file) or a PostgreSQL server URL (a temporary "
            "database is created there). Repeat for several [default: both, local server].",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(min=0, help="Worker processes; 0: one per core.")] = 0,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 100,
    paragraphs: ParagraphsOption = None,
) -> None:
    """Measure ingest: articles per second (and per core), size per 1,000 articles, memory."""
    from pantau.ingest.benchmark import peak_memory_mb, run

    console = Console(stderr=True)
    with user_errors():
        results = run(
            articles=articles,
            targets=db or DEFAULT_TARGETS,
            workers=workers or None,
            batch_size=batch_size,
            sources=paragraphs or (),
            progress=console.log,
        )
    made_of = "the paragraphs given" if paragraphs else "the samples' paragraphs"
    table = Table(title=f"pantau ingest benchmark ({articles:,} articles made of {made_of})")
    columns = ("database", "stored", "failed", "s", "art./s", "workers", "per core", "MB/1k art.")
    for column in columns:
        if column == "database":
            table.add_column(column, no_wrap=True, min_width=len("postgresql"))
        else:
            table.add_column(column, justify="right")
    for r in results:
        table.add_row(
            r.target,
            f"{r.stored:,}",
            f"{r.failed:,}",
            f"{r.seconds:,.1f}",
            f"{r.per_second:,.0f}",
            str(r.workers),
            f"{r.per_core:,.0f}",
            f"{r.bytes_per_1000 / 1e6:,.2f}",
        )
    cpu = Table(title="CPU milliseconds per article")
    for column in ("database", "parent", "workers"):
        cpu.add_column(column, justify="left" if column == "database" else "right")
    for r in results:
        cpu.add_row(r.target, *(f"{ms:.2f}" for ms in r.cpu_ms_per_article))
    Console().print(table)
    Console().print(cpu)
    Console().print(
        "per core: articles/s over the workers (one per core by default); CPU ms: the parent "
        "reads input and writes the database, the workers run the pipeline (start-up included); "
        "a database server's own CPU is not in either"
    )
    own, worker = peak_memory_mb()
    Console().print(
        f"peak resident memory: {own:,.0f} MB (parent), {worker:,.0f} MB (largest worker)"
    )
