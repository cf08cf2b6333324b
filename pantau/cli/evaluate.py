"""``pantau evaluate``: quality scores on the gold corpora, checked against pinned floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.cli._common import EXIT_GATE, fail, user_errors
from pantau.evaluation import SUITES, check_floors, raise_floors, run_suite

DEFAULT_FLOORS = Path("tests/eval_baseline.json")


def evaluate_command(
    suites: Annotated[
        list[str] | None,
        typer.Argument(help=f"Suites to run ({', '.join(SUITES)}); all when none is given."),
    ] = None,
    root: Annotated[Path, typer.Option(help="Repository root holding the gold corpora.")] = Path(),
    floors: Annotated[Path, typer.Option(help="Pinned floors (JSON).")] = DEFAULT_FLOORS,
    check: Annotated[
        bool, typer.Option(help="Exit non-zero when a score is below its floor.")
    ] = False,
    update_floors: Annotated[bool, typer.Option(help="Pin the scores as the new floors.")] = False,
    allow_lower: Annotated[
        bool, typer.Option(help="With --update-floors: allow lowering a floor.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    misses: Annotated[bool, typer.Option(help="List every miss.")] = False,
) -> None:
    """Score pantau's layers on their gold corpora (reader, places, quotes, …)."""
    names = suites or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise fail(f"unknown suite {', '.join(unknown)}: choose from {', '.join(SUITES)}", 2)
    results = {}
    below: list[str] = []
    with user_errors():
        for name in names:
            evaluation = run_suite(name, root)
            results[name] = evaluation
            if check and floors.exists():
                below.extend(check_floors(evaluation, floors))
            if update_floors:
                raise_floors(evaluation, floors, allow_lower=allow_lower)
    if as_json:
        typer.echo(json.dumps({n: e.scores for n, e in results.items()}, indent=2))
    else:
        console = Console()
        for name, evaluation in results.items():
            table = Table(title=f"{name} on {SUITES[name]} ({evaluation.documents} documents)")
            table.add_column("metric")
            table.add_column("score", justify="right")
            for metric, score in evaluation.scores.items():
                table.add_row(metric, f"{score:.4f}")
            console.print(table)
    if misses:
        for name, evaluation in results.items():
            for miss in evaluation.misses:
                typer.echo(
                    f"{name}\t{miss.file}\t{miss.metric}\t"
                    f"expected {miss.expected!r}\tgot {miss.got!r}"
                )
    if below:
        raise fail("scores below their floors: " + "; ".join(below), EXIT_GATE)
