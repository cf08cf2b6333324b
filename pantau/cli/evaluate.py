"""``pantau evaluate``: quality scores on the gold corpora, checked against pinned floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.cli._common import EXIT_GATE, fail, user_errors
from pantau.evaluation import check_floors, evaluate_reader, raise_floors

DEFAULT_FLOORS = Path("tests/eval_baseline.json")


def evaluate_command(
    corpus: Annotated[Path, typer.Option(help="Folder with gold.json and the articles.")] = Path(
        "tests/corpus/reader"
    ),
    floors: Annotated[Path, typer.Option(help="Pinned floors (JSON).")] = DEFAULT_FLOORS,
    check: Annotated[
        bool, typer.Option(help="Exit non-zero when a score is below its floor.")
    ] = False,
    update_floors: Annotated[bool, typer.Option(help="Pin the scores as the new floors.")] = False,
    allow_lower: Annotated[
        bool, typer.Option(help="With --update-floors: allow lowering.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    misses: Annotated[bool, typer.Option(help="List every miss.")] = False,
) -> None:
    """Score the reader on its gold corpus (dateline, boilerplate, sentences, dates, …)."""
    with user_errors():
        evaluation = evaluate_reader(corpus)
        below = check_floors(evaluation, floors) if check and floors.exists() else []
        if update_floors:
            raise_floors(evaluation, floors, allow_lower=allow_lower)
    if as_json:
        typer.echo(json.dumps({evaluation.name: evaluation.scores}, indent=2))
    else:
        table = Table(title=f"reader on {corpus} ({evaluation.documents} articles)")
        table.add_column("metric")
        table.add_column("score", justify="right")
        for metric, score in evaluation.scores.items():
            table.add_row(metric, f"{score:.4f}")
        Console().print(table)
    if misses:
        for miss in evaluation.misses:
            typer.echo(f"{miss.file}\t{miss.metric}\texpected {miss.expected!r}\tgot {miss.got!r}")
    if below:
        raise fail("scores below their floors: " + "; ".join(below), EXIT_GATE)
