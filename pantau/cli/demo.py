"""``pantau demo``: the main job on the bundled sample articles, into a store."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

from pantau.cli._common import EXIT_SOME_FAILED, fail, user_errors
from pantau.cli.events import render_events
from pantau.cli.ingest import DB_HELP, print_failures, summary
from pantau.errors import ResourceError
from pantau.query import EventFilter
from pantau.schema import to_json

SHOWN_EVENTS = 8


def samples_folder() -> Path:
    folder = Path(str(files("pantau.samples")))
    if not folder.is_dir():
        raise ResourceError(f"the sample articles are missing ({folder}): reinstall pantau")
    return folder


def demo_command(
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    json_lines: Annotated[
        bool, typer.Option("--jsonl", help="Print each sample's stored record as one JSON line.")
    ] = False,
    processor: Annotated[
        str | None,
        typer.Option(help="MODULE:FACTORY that builds the processor [default: full pipeline]."),
    ] = None,
) -> None:
    """Ingest the sample articles bundled with pantau into the store; print what it holds."""
    from pantau.ingest import default_processor_factory, ingest, load_factory
    from pantau.store import Store

    console = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False)
    with user_errors():
        folder = samples_folder()
        factory = load_factory(processor) if processor else default_processor_factory
        store = Store(db)
        # force: the samples are read again each time, so the demo shows this pantau's records
        report = ingest([folder], store=store, workers=1, processor_factory=factory, force=True)
        prefix = folder.resolve().as_uri() + "/"
        ids = [
            e.article_id
            for e in sorted(store.ledger(status="done"), key=lambda e: e.key)
            if e.key.startswith(prefix) and e.article_id
        ]
        articles = [store.article(i) for i in dict.fromkeys(ids)]
        stats = store.stats()
        records = store.event_records(EventFilter(limit=SHOWN_EVENTS, merged=True))
        store.close()
    err.print(summary(report, store))
    if json_lines:
        for article in articles:
            typer.echo(to_json(article))
    else:
        console.print(Rule("sample articles"))
        for a in articles:
            place = a.dateline.place_normalized if a.dateline else None
            console.print(
                f"{a.id}  {escape(a.outlet or '?'):<12} {a.published or '—'!s:<26} "
                f"{escape(place or '—'):<12} {escape(a.title or a.text[:60])}"
            )
        console.print(Rule("the store"))
        console.print(
            f"{stats.articles:,} articles, {stats.stories:,} stories "
            f"({stats.multi_article_stories:,} with republished copies), {stats.events:,} events "
            f"({stats.clusters:,} after merging), {stats.inputs_failed:,} failed inputs"
        )
        if records:
            console.print(Rule("a few events (merged)"))
            render_events(records, console)
        else:
            console.print(
                "No events yet: no event extractor is installed, so the reader alone ran. "
                "The articles are stored; `pantau events` lists events once there are some."
            )
    print_failures(report, err)
    if report.failed:
        raise fail(f"{report.failed} sample articles failed", EXIT_SOME_FAILED)
