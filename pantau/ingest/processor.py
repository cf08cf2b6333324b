"""What turns one raw input into an :class:`~pantau.article.Article` during ingest.

Ingest never names the reader: it takes a *factory*, a picklable callable that builds a
:class:`Processor` (once per worker process). The default, :func:`default_processor_factory`, is
decided here and only here: the factory named by ``$PANTAU_PROCESSOR`` if set, else the full
pipeline (``pantau.pipeline.Pipeline.default``: reader, entities, actors, places, quotes, events).
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import os
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from pantau.article import Article
from pantau.errors import ConfigurationError
from pantau.reader import Reader
from pantau.store.rows import Versions
from pantau.version import PIPELINE_VERSION

logger = logging.getLogger(__name__)


class Processor(Protocol):
    """Anything that processes one raw article (``pantau.pipeline.Pipeline`` is one)."""

    def process(
        self,
        source: str | bytes,
        *,
        url: str | None,
        published: dt.datetime | dt.date | str | None,
        outlet: str | None,
    ) -> Article: ...


ProcessorFactory = Callable[[], Processor]


class ReaderProcessor:
    """The reader as a :class:`Processor` (no entities, places or events)."""

    def __init__(self, reader: Reader | None = None) -> None:
        self.reader = reader or Reader()
        self.versions = Versions(pipeline=PIPELINE_VERSION)

    def process(
        self,
        source: str | bytes,
        *,
        url: str | None = None,
        published: dt.datetime | dt.date | str | None = None,
        outlet: str | None = None,
    ) -> Article:
        return self.reader.read(source, url=url, published=published, outlet=outlet)


def reader_processor() -> Processor:
    """Factory of :class:`ReaderProcessor`."""
    return ReaderProcessor()


def default_processor_factory() -> Processor:
    """``$PANTAU_PROCESSOR`` (``MODULE:FACTORY``) if set, else the full pipeline
    (``pantau.pipeline.Pipeline.default``: reader, entities, actors, places, quotes, events)."""
    if spec := os.environ.get("PANTAU_PROCESSOR"):
        return load_factory(spec)()
    from pantau.pipeline import Pipeline

    return Pipeline.default()


def load_factory(spec: str) -> ProcessorFactory:
    """A factory from ``"module:attribute"`` (``pantau.pipeline:Pipeline.default``)."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ConfigurationError(
            f"--processor takes MODULE:FACTORY such as pantau.pipeline:Pipeline.default, "
            f"not {spec!r}"
        )
    try:
        target: Any = importlib.import_module(module_name)
        for part in attribute.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError) as e:
        raise ConfigurationError(f"cannot load the processor factory {spec!r}: {e}") from e
    if not callable(target):
        raise ConfigurationError(f"{spec!r} is not callable: give a function or a class")
    factory: ProcessorFactory = target
    return factory


def versions_of(processor: object) -> Versions:
    """The versions a processor declares (``versions``: a :class:`Versions` or a mapping)."""
    value = getattr(processor, "versions", None)
    if isinstance(value, Versions | Mapping):
        return Versions.of(value)
    return Versions(pipeline=PIPELINE_VERSION)
