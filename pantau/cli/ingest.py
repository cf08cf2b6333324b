"""``pantau ingest``: files, folders, JSONL, WARC, feeds, sitemaps and URLs into a store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pantau.cli._common import EXIT_SOME_FAILED, fail, user_errors

if TYPE_CHECKING:  # the store's libraries load when a command runs, not for `pantau --help`
    from pantau.ingest import IngestProgress, IngestReport
    from pantau.store import Store

DB_HELP = "SQLite file or postgresql:// URL [default: the per-user store, or $PANTAU_DB]."
SHOWN_FAILURES = 10


def _describe(p: IngestProgress) -> str:
    failed = f"[red]{p.failed:,} failed[/red]" if p.failed else "0 failed"
    return (
        f"{p.processed:,} done, {p.rate:,.0f}/s, {failed} · {p.inserted:,} new, "
        f"{p.updated:,} updated, {p.unchanged:,} unchanged, {p.skipped:,} skipped"
    )


def summary(report: IngestReport, store: Store) -> str:
    rate = report.processed / max(report.seconds, 1e-9)
    return (
        f"Ingested into {store.location}: "
        f"{report.inserted:,} new, {report.updated:,} updated, {report.unchanged:,} unchanged, "
        f"{report.skipped:,} skipped (done before), {report.failed:,} failed "
        f"in {report.seconds:,.1f} s ({rate:,.1f} inputs/s, "
        f"{report.workers} worker{'s' if report.workers > 1 else ''})."
    )


def print_failures(report: IngestReport, console: Console) -> None:
    for failure in report.failures[:SHOWN_FAILURES]:
        console.print(f"  failed  {escape(failure.key or '')}: {escape(failure.reason or '')}")
    more = report.failed - min(report.failed, SHOWN_FAILURES)
    if more:
        console.print(f"  … and {more:,} more: pantau articles failures")


def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, JSONL, WARC, RSS/Atom feeds, sitemaps or URLs."),
    ],
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    workers: Annotated[
        int, typer.Option(min=0, help="Worker processes; 0: one per core; 1: no pool.")
    ] = 0,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 50,
    processor: Annotated[
        str | None,
        typer.Option(help="MODULE:FACTORY that builds the processor [default: full pipeline]."),
    ] = None,
    rate: Annotated[
        float, typer.Option(min=0.01, help="Requests per second per host (URLs only).")
    ] = 1.0,
    timeout: Annotated[float, typer.Option(min=1, help="Seconds per request (URLs only).")] = 20.0,
    retries: Annotated[int, typer.Option(min=0, help="Retries per request (URLs only).")] = 2,
    force: Annotated[
        bool, typer.Option(help="Also inputs done before (after upgrading the pipeline).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest articles into the store: idempotent, resumable, on every core."""
    from pantau.ingest import Fetcher, ingest
    from pantau.ingest.processor import default_processor_factory, load_factory
    from pantau.ingest.sources import is_url
    from pantau.store import Store

    console = Console(stderr=True, highlight=False)
    with user_errors():
        for value in inputs:
            if not is_url(value) and not Path(value).exists():
                raise FileNotFoundError(2, "No such file or directory", value)
        factory = load_factory(processor) if processor else default_processor_factory
        store = Store(db)
        fetcher = Fetcher(rate=rate, timeout=timeout, retries=retries)
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet,
            transient=True,
        ) as bar:
            task = bar.add_task("starting…", total=None)
            report = ingest(
                inputs,
                store=store,
                processor_factory=factory,
                workers=workers or None,
                batch_size=batch_size,
                fetcher=fetcher,
                on_progress=lambda p: bar.update(task, description=_describe(p)),
                force=force,
            )
        store.close()
    console.print(summary(report, store))
    print_failures(report, console)
    if report.failed:
        raise fail(f"{report.failed:,} inputs failed (recorded in the store)", EXIT_SOME_FAILED)
