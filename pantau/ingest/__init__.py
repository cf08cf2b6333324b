"""Ingest: files, folders, JSONL, WARC, feeds, sitemaps and URLs into a store, on every core.

>>> from pantau.ingest import ingest
>>> from pantau.store import Store
>>> report = ingest(["pantau/samples"], store=Store(":memory:"), workers=1)  # doctest: +SKIP

See :mod:`pantau.ingest.run` for the flow, :mod:`pantau.ingest.sources` for the inputs and
:mod:`pantau.ingest.processor` for what turns an input into an article.
"""

from __future__ import annotations

from pantau.ingest.fetch import USER_AGENT, Fetcher, Page
from pantau.ingest.processor import (
    Processor,
    ProcessorFactory,
    ReaderProcessor,
    default_processor_factory,
    load_factory,
    reader_processor,
)
from pantau.ingest.run import IngestProgress, IngestReport, ingest

__all__ = [
    "USER_AGENT",
    "Fetcher",
    "IngestProgress",
    "IngestReport",
    "Page",
    "Processor",
    "ProcessorFactory",
    "ReaderProcessor",
    "default_processor_factory",
    "ingest",
    "load_factory",
    "reader_processor",
]
