"""``pantau benchmark``: throughput and peak memory on generated 3 KB articles."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.benchmark import BenchmarkResult, peak_memory_mb, run
from pantau.cli._common import ParagraphsOption, user_errors


def benchmark_command(
    articles: Annotated[int, typer.Option(min=10, help="Plain-text articles to read.")] = 2000,
    html: Annotated[int, typer.Option(min=10, help="HTML pages to read.")] = 300,
    pipeline: Annotated[
        int, typer.Option(min=10, help="Articles through the pipeline's layers.")
    ] = 300,
    seed: Annotated[int, typer.Option(help="Seed of the article generator.")] = 0,
    paragraphs: ParagraphsOption = None,
) -> None:
    """Measure articles per second (one core) and peak memory: the reader, then every layer."""
    console = Console(stderr=True)
    with user_errors():
        results = run(
            count=articles, html_count=html, pipeline_count=pipeline, seed=seed,
            sources=paragraphs or (), progress=console.log,
        )  # fmt: skip
    table = Table(title="pantau benchmark (one process, one core, CPU time)")
    for column in ("stage", "articles", "mean chars", "CPU seconds", "articles/s"):
        table.add_column(column, justify="right" if column != "stage" else "left")
    for r in results:
        table.add_row(
            r.name, str(r.articles), f"{r.mean_chars:,.0f}", f"{r.seconds:.2f}",
            f"{r.per_second:,.0f}",
        )  # fmt: skip
    out = Console()
    out.print(table)
    for r in results:
        if r.parts:
            out.print(_parts_table(r))
    out.print(f"peak resident memory: {peak_memory_mb():,.0f} MB")


def _parts_table(result: BenchmarkResult) -> Table:
    """Where the time of one pipeline run goes: each step's CPU time per article and share."""
    table = Table(title=f"{result.name}: each step")
    for column in ("step", "ms per article", "articles/s", "share"):
        table.add_column(column, justify="right" if column != "step" else "left")
    total = sum(seconds for _, seconds in result.parts) or 1.0
    for name, seconds in result.parts:
        per_article = seconds / result.articles
        table.add_row(
            name, f"{per_article * 1000:.2f}",
            f"{1 / per_article:,.0f}" if per_article else "-", f"{seconds / total:.0%}",
        )  # fmt: skip
    return table
