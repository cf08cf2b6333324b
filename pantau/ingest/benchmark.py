"""End-to-end ingest throughput into SQLite and PostgreSQL (``pantau benchmark-ingest``).

The articles come from :func:`pantau.benchmark.generate` (about 3 KB each, built from the
bundled samples' paragraphs, or from those of other articles: ``sources``, as for
``pantau benchmark --paragraphs``), written as one JSONL file with a URL, a publication time and an
outlet per line. Each target database is new: a temporary SQLite file, or a temporary database
created on the PostgreSQL server of the URL given (and dropped after). Timed: the whole
``ingest`` call, worker start-up included. Size: the SQLite file after a checkpoint, or
``pg_database_size``, per 1,000 articles. Memory: peak resident set of this process and of the
largest worker.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pantau.benchmark import generate, sample_paragraphs
from pantau.ingest.processor import ProcessorFactory, default_processor_factory
from pantau.ingest.run import ingest
from pantau.store.database import display_url, resolve_url
from pantau.store.store import Store

_OUTLETS = ("ANTARA", "Kompas.com", "detikcom", "Tempo", "MINA")


@dataclass(frozen=True, slots=True)
class IngestFigures:
    target: str
    articles: int
    stored: int
    failed: int
    seconds: float
    workers: int
    bytes_per_1000: float
    parent_cpu: float = 0.0
    """CPU seconds of this process (reading the input, writing the database)."""
    workers_cpu: float = 0.0
    """CPU seconds of the worker processes (the pipeline, the rows), start-up included."""

    @property
    def per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def per_core(self) -> float:
        return self.per_second / max(1, self.workers)

    @property
    def cpu_ms_per_article(self) -> tuple[float, float]:
        """CPU milliseconds per stored article in this process and in the workers."""
        count = max(1, self.stored)
        return self.parent_cpu / count * 1000, self.workers_cpu / count * 1000


def write_corpus(path: Path, count: int, *, seed: int = 0, sources: Sequence[Path] = ()) -> Path:
    """``count`` generated articles as JSONL, made of the paragraphs of ``sources`` (by
    default the bundled samples')."""
    pool = sample_paragraphs(sources)
    with path.open("w", encoding="utf-8") as out:
        for number, article in enumerate(generate(count, seed=seed, paragraphs=pool)):
            day = 1 + number % 28
            out.write(
                json.dumps(
                    {
                        "text": article,
                        "url": f"https://benchmark.invalid/berita/{number}",
                        "published": f"2024-03-{day:02d}T10:00:00+07:00",
                        "outlet": _OUTLETS[number % len(_OUTLETS)],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


@contextmanager
def temporary_database(target: str, folder: Path) -> Iterator[str]:
    """A new, empty database for ``target`` (``sqlite`` or a PostgreSQL server URL)."""
    if target == "sqlite":
        yield str(folder / "benchmark.db")
        return
    url = make_url(resolve_url(target))
    name = f"pantau_bench_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def database_bytes(store: Store) -> int:
    if store.dialect == "sqlite":
        raw = store.engine.raw_connection()  # outside a transaction: a checkpoint needs that
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        path = Path(store.engine.url.database or "")
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    with store.engine.connect() as connection:
        return int(
            connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        )


def run(
    *,
    articles: int,
    targets: list[str],
    workers: int | None = None,
    batch_size: int = 100,
    processor_factory: ProcessorFactory = default_processor_factory,
    sources: Sequence[Path] = (),
    progress: Callable[[str], None] | None = None,
) -> list[IngestFigures]:
    say = progress or (lambda _: None)
    results = []
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        folder = Path(tmp)
        say(f"generating {articles:,} articles")
        corpus = write_corpus(folder / "articles.jsonl", articles, sources=sources)
        for target in targets:
            with temporary_database(target, folder) as db:
                say(f"ingesting into {display_url(resolve_url(db))}")
                store = Store(db)
                own, children = _cpu()
                start = time.perf_counter()
                report = ingest(
                    [corpus],
                    store=store,
                    workers=workers,
                    batch_size=batch_size,
                    processor_factory=processor_factory,
                )
                seconds = time.perf_counter() - start
                own_after, children_after = _cpu()
                stored = report.inserted + report.updated + report.unchanged
                size = database_bytes(store)
                store.close()
            results.append(
                IngestFigures(
                    target=store.dialect,
                    articles=articles,
                    stored=stored,
                    failed=report.failed,
                    seconds=seconds,
                    workers=report.workers,
                    bytes_per_1000=size / max(1, stored) * 1000,
                    parent_cpu=own_after - own,
                    workers_cpu=children_after - children,
                )
            )
    return results


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children: the pool's
    workers are joined when ``ingest`` returns, so their time is counted then."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident set (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children
