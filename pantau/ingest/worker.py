"""The worker side of ingest: a processor built once per process, tasks in, prepared rows out.

Workers do the CPU work (reading, the pipeline, MinHash, the rows and JSON of the record); the
parent process only writes to the database. :func:`init_worker` runs once in each worker process
of the pool and keeps that process's :class:`Worker` in ``_STATE`` (state of the worker process,
never set in the parent).
"""

from __future__ import annotations

import logging

from pantau.errors import PantauError
from pantau.ingest.processor import Processor, ProcessorFactory, versions_of
from pantau.ingest.tasks import Task
from pantau.store.rows import prepare
from pantau.store.writer import Failed, Item, Stored
from pantau.stories import MinHasher, StoryConfig

logger = logging.getLogger(__name__)

_STATE: dict[str, Worker] = {}


class Worker:
    """Runs tasks with one processor. Never raises for a bad input: it returns a failure."""

    def __init__(self, processor: Processor, hasher: MinHasher) -> None:
        self.processor = processor
        self.hasher = hasher
        self.versions = versions_of(processor)

    def run(self, task: Task) -> Item:
        try:
            raw = task.load()
        except (PantauError, OSError, ValueError) as e:
            return Failed(task.key, task.fingerprint, _reason(e), "read")
        try:
            article = self.processor.process(
                raw.content, url=raw.url, published=raw.published, outlet=raw.outlet
            )
        except PantauError as e:
            return Failed(task.key, task.fingerprint, _reason(e), "read")
        except Exception as e:  # a bug in a component must not stop the batch; it is logged
            logger.exception("unexpected error on %s", task.key)
            return Failed(task.key, task.fingerprint, f"{type(e).__name__}: {e}", "read")
        try:
            prepared = prepare(article, hasher=self.hasher, versions=self.versions)
        except PantauError as e:
            return Failed(task.key, task.fingerprint, _reason(e), "store")
        return Stored(task.key, task.fingerprint, prepared)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error) or type(error).__name__


def init_worker(factory: ProcessorFactory, stories: StoryConfig) -> None:
    """Pool initializer: build this process's processor once."""
    _STATE["worker"] = Worker(factory(), MinHasher(stories))


def run_chunk(tasks: list[Task]) -> list[Item]:
    """Run a chunk of tasks in a pool worker."""
    worker = _STATE["worker"]
    return [worker.run(task) for task in tasks]
