"""``pantau events``: query and export events with ACLED's filter vocabulary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from pantau.cli._common import user_errors
from pantau.cli.ingest import DB_HELP
from pantau.errors import ConfigurationError
from pantau.query import EventFilter, parse_date, parse_point

if TYPE_CHECKING:
    from pantau.query import EventRecord

FORMATS = ("json", "jsonl", "csv", "parquet", "geojson", "acled", "plover")
"""The same as ``pantau.exports.FORMATS`` (a test keeps them in step), without importing it."""

_EVIDENCE_CHARS = 160


def _many(values: Sequence[str] | None) -> tuple[str, ...]:
    """Repeated options, each possibly comma-separated."""
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def render_events(records: Sequence[EventRecord], console: Console) -> None:
    """Each event in two lines: what, who, where, how many sources; then its evidence."""
    for r in records:
        e = r.event
        date = "undated"
        if e.date:
            date = (
                str(e.date) if e.date_precision in (None, "day") else f"{e.date} {e.date_precision}"
            )
        kind = e.type + (f" · {e.acled_subtype or e.acled_type}" if e.acled_type else "")
        if e.modality != "asserted" or e.background:
            kind += f" ({e.modality}{', background' if e.background else ''})"
        who = ", ".join(a.name for a in e.sources) or "?"
        whom = ", ".join(a.name for a in e.targets)
        where = ", ".join(x for x in (e.place.name, e.place.country) if x) if e.place else "—"
        sources = f"{r.source_count} source{'s' if r.source_count != 1 else ''}"
        console.print(
            f"[bold]{date}[/bold]  {escape(kind)}  {escape(who)}"
            + (f" → {escape(whom)}" if whom else "")
            + f"  [cyan]{escape(where)}[/cyan]  {sources}"
        )
        evidence = r.evidence
        if len(evidence) > _EVIDENCE_CHARS:
            evidence = evidence[:_EVIDENCE_CHARS] + "…"
        console.print(
            f"    [dim]“{escape(evidence)}” ({escape(r.outlet or '?')}, {r.article_id})[/dim]"
        )


def events_command(
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    since: Annotated[str | None, typer.Option(help="From this date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code, e.g. ID.")] = None,
    admin1: Annotated[str | None, typer.Option(help="Province (first-level area).")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON: events around this point.")] = None,
    radius_km: Annotated[float, typer.Option(min=0.001, help="Radius of --near.")] = 50.0,
    type: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER type(s), e.g. PROTEST,ASSAULT.")
    ] = None,
    acled_type: Annotated[
        list[str] | None, typer.Option(help="ACLED event or sub-event type(s).")
    ] = None,
    actor: Annotated[list[str] | None, typer.Option(help="Actor id or name.")] = None,
    source_outlet: Annotated[
        list[str] | None, typer.Option(help="Publishing or original outlet.")
    ] = None,
    min_precision: Annotated[
        int | None,
        typer.Option(min=1, max=4, help="Geographic precision at least: 1 place … 4 country."),
    ] = None,
    min_date_precision: Annotated[
        str | None, typer.Option(help="Date precision at least: day, week, month or year.")
    ] = None,
    include_background: Annotated[
        bool, typer.Option(help="Also events older than the article's news.")
    ] = False,
    include_denied: Annotated[bool, typer.Option(help="Also denied events.")] = False,
    merged: Annotated[
        bool, typer.Option(help="One row per merged event (its most confident report).")
    ] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="table, " + ", ".join(FORMATS) + ".")
    ] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file [default: stdout].")
    ] = None,
    bom: Annotated[bool, typer.Option(help="CSV: start with a UTF-8 byte-order mark.")] = False,
) -> None:
    """List or export events: filters as in ACLED, formats for every tool."""
    from pantau.exports import Exporter
    from pantau.store import Store

    err = Console(stderr=True, highlight=False)
    with user_errors():
        if format != "table" and format not in FORMATS:
            raise ConfigurationError(
                f"unknown format {format!r}: use table or one of {', '.join(FORMATS)}"
            )
        query = EventFilter(
            since=parse_date(since, "--since") if since else None,
            until=parse_date(until, "--until") if until else None,
            country=country,
            admin1=admin1,
            near=parse_point(near) if near else None,
            radius_km=radius_km,
            types=_many(type),
            acled_types=_many(acled_type),
            actors=_many(actor),
            source_outlets=_many(source_outlet),
            min_precision=min_precision,
            min_date_precision=min_date_precision,  # type: ignore[arg-type]
            include_background=include_background,
            include_denied=include_denied,
            merged=merged,
            limit=limit,
        )
        with Store(db) as store:
            records = store.event_records(query)
        if format == "table":
            if output is not None:
                raise ConfigurationError("the table is for the terminal: give --format to export")
            if records:
                render_events(records, Console(highlight=False))
            err.print(f"{len(records):,} events.")
            return
        result = Exporter().write(records, format, output, bom=bom)
    if result.note:
        err.print(f"Warning: {result.note}.")
    if output is not None:
        err.print(f"{result.written:,} events written to {output} ({format}).")
