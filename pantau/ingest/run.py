"""An ingest run: inputs found, done ones skipped, the rest processed on every core, written.

::

    discover ─► skip done (ledger) ─► fetch URLs ─► worker processes ─► parent writes batches
    (lazy)       256 keys a query      (politely)    (process + rows)    (one transaction each)

Results are written in input order, ``batch_size`` articles a transaction (or every two
seconds when inputs come slowly), each with its ledger row. A run killed at any point leaves
whole articles only; the next run skips what the ledger says is done.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from pantau.ingest.fetch import Fetcher
from pantau.ingest.processor import ProcessorFactory, default_processor_factory
from pantau.ingest.sources import Discovered, discover
from pantau.ingest.tasks import ContentTask, Task, UrlTask
from pantau.ingest.worker import Worker, init_worker, run_chunk
from pantau.store.errors import FetchError, IngestError
from pantau.store.store import Store
from pantau.store.writer import Failed, Item, Written
from pantau.stories import MinHasher, StoryConfig

logger = logging.getLogger(__name__)

_LEDGER_CHUNK = 256
_FLUSH_SECONDS = 2.0
_KEPT_FAILURES = 1000
_SMALL_RUN = 32
"""Fewer tasks than this are processed in this process, without a pool."""


@dataclass(slots=True)
class IngestProgress:
    """Counts so far, handed to the progress callback after every write."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    """Inputs the ledger says are done (same content): not processed again."""
    failed: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def processed(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.failed

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Inputs processed per second."""
        seconds = self.seconds
        return self.processed / seconds if seconds > 0 else 0.0


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a run did."""

    inserted: int
    updated: int
    unchanged: int
    skipped: int
    failed: int
    seconds: float
    workers: int
    failures: tuple[Written, ...]
    """The failed inputs with their reasons (the first thousand; all are in the store)."""

    @property
    def processed(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.failed

    @property
    def ok(self) -> bool:
        return self.failed == 0


def ingest(
    sources: Iterable[str | os.PathLike[str]],
    *,
    store: Store,
    processor_factory: ProcessorFactory = default_processor_factory,
    workers: int | None = None,
    batch_size: int = 50,
    fetcher: Fetcher | None = None,
    on_progress: Callable[[IngestProgress], None] | None = None,
    force: bool = False,
) -> IngestReport:
    """Ingest files, folders, JSONL, WARC, feeds, sitemaps and URLs into ``store``.

    ``workers``: processes that read and process articles (``None``: one per core; ``1``: in
    this process). ``processor_factory`` builds the processor once per worker; it must be
    picklable (a module-level function or class) when ``workers > 1``. ``force``: process
    inputs the ledger says are done too (after an upgrade of the pipeline: what changed is
    updated, the rest is unchanged).
    """
    if batch_size < 1:
        raise IngestError(f"batch_size must be positive, not {batch_size}")
    count = workers or os.cpu_count() or 1
    fetcher = fetcher or Fetcher()
    progress = IngestProgress()
    failures: list[Written] = []
    buffer: list[Item] = []
    last_flush = time.monotonic()

    def flush() -> None:
        nonlocal last_flush
        for result in store.write(buffer):
            if result.status == "failed":
                progress.failed += 1
                if len(failures) < _KEPT_FAILURES:
                    failures.append(result)
            else:
                setattr(progress, result.status, getattr(progress, result.status) + 1)
        buffer.clear()
        last_flush = time.monotonic()
        if on_progress:
            on_progress(progress)

    def collect(items: list[Item]) -> None:
        buffer.extend(items)
        if len(buffer) >= batch_size or time.monotonic() - last_flush > _FLUSH_SECONDS:
            flush()

    chunk_size = max(1, min(batch_size, 16))
    in_flight: deque[Future[list[Item]]] = deque()
    discovered = discover(sources, fetcher=fetcher)
    units = _units(discovered, None if force else store, progress, fetcher, chunk_size)
    head, units = _peek(units, _SMALL_RUN)
    if count > 1 and head < _SMALL_RUN:
        count = 1  # a few inputs: starting worker processes would take longer than the work
    # Chunks kept in flight: enough for the workers to go on while the parent writes a batch.
    ahead = 2 * count + 2 * batch_size // chunk_size
    with _executor(count, processor_factory, store.story_config) as executor:
        try:
            for unit in units:
                if isinstance(unit, Failed):
                    collect([unit])
                    continue
                in_flight.append(executor.submit(unit))
                while in_flight and (len(in_flight) > ahead or in_flight[0].done()):
                    collect(in_flight.popleft().result())
            while in_flight:
                collect(in_flight.popleft().result())
        except BrokenProcessPool as e:
            raise IngestError(
                "a worker process died (see the error above); the processor factory may fail "
                "to build, or the machine ran out of memory"
            ) from e
        except KeyboardInterrupt:
            buffer.extend(item for f in in_flight if f.done() for item in f.result())
            flush()
            raise
        flush()
    if on_progress:
        on_progress(progress)
    return IngestReport(
        inserted=progress.inserted,
        updated=progress.updated,
        unchanged=progress.unchanged,
        skipped=progress.skipped,
        failed=progress.failed,
        seconds=progress.seconds,
        workers=count,
        failures=tuple(failures),
    )


def _units(
    discovered: Iterator[Discovered],
    store: Store | None,
    progress: IngestProgress,
    fetcher: Fetcher,
    chunk_size: int,
) -> Iterator[list[Task] | Failed]:
    """Chunks of tasks still to do (and failures), in input order (all: no ``store``)."""
    chunk: list[Task] = []
    todo = discovered if store is None else _not_done(discovered, store, progress)
    for item in todo:
        if isinstance(item, UrlTask):
            item = _fetch(item, fetcher)
        if isinstance(item, Failed):
            yield item
            continue
        chunk.append(item)
        if len(chunk) >= chunk_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _peek(
    units: Iterator[list[Task] | Failed], tasks: int
) -> tuple[int, Iterator[list[Task] | Failed]]:
    """How many tasks the first units hold (up to ``tasks``), and the units, unconsumed."""
    head: list[list[Task] | Failed] = []
    seen = 0
    for unit in units:
        head.append(unit)
        seen += 0 if isinstance(unit, Failed) else len(unit)
        if seen >= tasks:
            break
    return seen, itertools.chain(head, units)


def _not_done(
    discovered: Iterator[Discovered], store: Store, progress: IngestProgress
) -> Iterator[Discovered]:
    pending: list[Discovered] = []

    def drain() -> Iterator[Discovered]:
        keys = {i.key: i.fingerprint for i in pending if not isinstance(i, Failed)}
        done = store.done_inputs(keys) if keys else set()
        for item in pending:
            if not isinstance(item, Failed) and item.key in done:
                progress.skipped += 1
            else:
                yield item
        pending.clear()

    for item in discovered:
        pending.append(item)
        if len(pending) >= _LEDGER_CHUNK:
            yield from drain()
    yield from drain()


def _fetch(task: UrlTask, fetcher: Fetcher) -> ContentTask | Failed:
    try:
        page = fetcher.get(task.url)
    except FetchError as e:
        if task.fallback:
            logger.info("%s: %s; using the feed entry's own content", task.url, e)
            return ContentTask(task.key, task.fingerprint, task.fallback, task.url, task.published)
        return Failed(task.key, task.fingerprint, str(e), "fetch")
    return ContentTask(task.key, task.fingerprint, page.content, page.url, task.published)


class _InProcess:
    """The executor of ``workers=1``: runs each chunk at once, in this process."""

    def __init__(self, factory: ProcessorFactory, stories: StoryConfig) -> None:
        self.worker = Worker(factory(), MinHasher(stories))

    def submit(self, tasks: list[Task]) -> Future[list[Item]]:
        future: Future[list[Item]] = Future()
        future.set_result([self.worker.run(task) for task in tasks])
        return future

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Pool:
    """Worker processes (spawned: no state shared by accident), one processor each."""

    def __init__(self, workers: int, factory: ProcessorFactory, stories: StoryConfig) -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(factory, stories),
        )

    def submit(self, tasks: list[Task]) -> Future[list[Item]]:
        return self.pool.submit(run_chunk, tasks)

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.pool.shutdown(wait=kind is None, cancel_futures=True)


def _executor(workers: int, factory: ProcessorFactory, stories: StoryConfig) -> _InProcess | _Pool:
    if workers <= 1:
        return _InProcess(factory, stories)
    return _Pool(workers, factory, stories)
