"""What the CLI commands share: turning errors into one ``Error: …`` line and an exit code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from pantau.errors import PantauError

EXIT_INPUT = 1
"""The input could not be read (bad file, not an article)."""
EXIT_SOME_FAILED = 3
"""A batch ran to the end but some of its inputs failed."""
EXIT_GATE = 4
"""A quality score fell below its pinned floor."""

ParagraphsOption = Annotated[
    list[Path] | None,
    typer.Option(
        help="Build the articles from the paragraphs of these articles (.txt/.html files, "
        "folders, JSONL with a text field) instead of the bundled samples. Repeatable."
    ),
]
"""The benchmarks' ``--paragraphs``: what their generated articles are made of."""


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Print pantau's and the file system's errors as one line and exit non-zero."""
    try:
        yield
    except PantauError as e:
        raise fail(str(e)) from e
    except OSError as e:
        name = e.filename if e.filename is not None else ""
        raise fail(f"{e.strerror or e}: {name}".rstrip(": ")) from e


def read_input(path: str) -> bytes:
    """The bytes of ``path``, or of standard input for ``-``."""
    if path == "-":
        return typer.get_binary_stream("stdin").read()
    file = Path(path)
    if file.is_dir():
        raise IsADirectoryError(21, "is a directory, give a file", path)
    return file.read_bytes()
