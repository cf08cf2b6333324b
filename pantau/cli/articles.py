"""``pantau articles``: list stored articles, show one with its records, list failed inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table

from pantau.cli._common import user_errors
from pantau.cli.events import render_events
from pantau.cli.ingest import DB_HELP
from pantau.query import EventFilter
from pantau.schema import to_json
from pantau.view import render_article

if TYPE_CHECKING:
    from pantau.store import Store


def _open(db: str | None) -> Store:
    from pantau.store import Store

    return Store(db)


articles_app = typer.Typer(
    help="Stored articles: list them, show one with its records, list failed inputs.",
    no_args_is_help=False,
    invoke_without_command=True,
)

DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP)]


def _db(ctx: typer.Context, db: str | None) -> str | None:
    return db if db is not None else (ctx.obj or {}).get("db")


@articles_app.callback()
def articles_root(ctx: typer.Context, db: DbOption = None) -> None:
    """Stored articles (``list`` when no command is given)."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is None:
        list_command(ctx)


@articles_app.command("list")
def list_command(
    ctx: typer.Context,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 50,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    story: Annotated[str | None, typer.Option(help="Only this story (near-duplicates).")] = None,
) -> None:
    """List stored articles, newest first."""
    with user_errors(), _open(_db(ctx, db)) as store:
        rows = store.articles(limit=limit, outlet=outlet, story_id=story)
        stats = store.stats()
    table = Table()
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    for column in ("outlet", "title", "events", "story"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            r.id,
            (r.published or "")[:16],
            escape(r.outlet or ""),
            escape(r.title or ""),
            str(r.event_count),
            r.story_id if r.story_id != r.id else "",
        )
    Console(highlight=False).print(table)
    Console(stderr=True, highlight=False).print(
        f"{len(rows):,} of {stats.articles:,} articles; {stats.stories:,} stories, "
        f"{stats.events:,} events ({stats.clusters:,} merged), "
        f"{stats.inputs_failed:,} failed inputs."
    )


@articles_app.command("show")
def show_command(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="Article id (or its first 6+ characters).")],
    db: DbOption = None,
    text: Annotated[bool, typer.Option("--text", help="A readable view instead of JSON.")] = False,
) -> None:
    """Show one stored article with its records (JSON, or --text)."""
    with user_errors(), _open(_db(ctx, db)) as store:
        article = store.article(article_id)
        records = store.event_records(
            EventFilter(article_id=article.id, include_background=True, include_denied=True)
        )
    if not text:
        typer.echo(to_json(article, indent=2))
        return
    console = Console(highlight=False, soft_wrap=True)
    render_article(article, console)
    if records:
        console.print(Rule("events"))
        render_events(records, console)


@articles_app.command("failures")
def failures_command(
    ctx: typer.Context,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 100,
) -> None:
    """List the inputs whose last attempt failed, with the reason."""
    with user_errors(), _open(_db(ctx, db)) as store:
        entries = store.ledger(status="failed", limit=limit)
    for entry in entries:
        typer.echo(f"{entry.key}\t{entry.reason}\t{entry.attempted_at:%Y-%m-%d %H:%M:%S}")
    Console(stderr=True).print(f"{len(entries):,} failed inputs.")
