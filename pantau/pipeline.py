"""The pipeline: the reader, then small named components over one :class:`Article`.

A component is any object with a ``name``, the article fields it ``requires`` and ``provides``,
and ``__call__(article) -> article`` (a new, frozen record). The pipeline checks the order when
it is built: every field a component requires is provided by the reader or by a component
before it. Components hold their resources (models, dictionaries, gazetteer), loaded once in
their constructors; the same pipeline object serves the CLI, the web API and a distributed
worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from pantau.article import Article
from pantau.errors import ConfigurationError, PantauError
from pantau.reader import Reader

logger = logging.getLogger(__name__)

READER_PROVIDES = frozenset(
    {
        "source_text",
        "text",
        "title",
        "published",
        "dateline",
        "paragraphs",
        "sentences",
        "dates",
        "boilerplate",
        "provenance",
        "language",
    }
)


@runtime_checkable
class Component(Protocol):
    """One named step over an article."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True, slots=True)
class Source:
    """One input of a batch: the raw article and what is known about it."""

    content: str | bytes
    url: str | None = None
    published: dt.datetime | dt.date | str | None = None
    outlet: str | None = None
    key: str | None = None
    """The caller's name for the input (a path, a line number), echoed in failures."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, and why."""

    key: str | None
    error: str
    """The exception's class name."""
    message: str


class Pipeline:
    """The reader followed by components; build once, then :meth:`process` or :meth:`pipe`."""

    def __init__(self, components: Sequence[Component] = (), *, reader: Reader | None = None):
        self.reader = reader or Reader()
        self.components = tuple(components)
        check_order(self.components)

    @classmethod
    def default(cls) -> Pipeline:
        """The reader with every shipped component: entities, actors, places, quotes, events."""
        from pantau.components import default_components

        return cls(default_components())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def process(
        self,
        source: str | bytes,
        *,
        url: str | None = None,
        published: dt.datetime | dt.date | str | None = None,
        outlet: str | None = None,
    ) -> Article:
        """Read one article and run every component over it."""
        article = self.reader.read(source, url=url, published=published, outlet=outlet)
        for component in self.components:
            article = component(article)
        return article

    def pipe(self, sources: Iterable[Source]) -> Iterator[Article | Failure]:
        """Process many inputs in order; one bad input gives a :class:`Failure`, not an exception.

        A batch never dies on one article: bad input (pantau's own errors) is a failure with its
        reason; an unexpected error is a failure too, logged with its traceback so that the bug
        is seen.
        """
        for source in sources:
            try:
                yield self.process(
                    source.content, url=source.url, published=source.published, outlet=source.outlet
                )
            except PantauError as e:
                logger.info("input %s failed: %s", source.key, e)
                yield Failure(source.key, type(e).__name__, str(e))
            except Exception as e:
                logger.exception("input %s failed unexpectedly", source.key)
                yield Failure(source.key, type(e).__name__, f"internal error: {e}")


def check_order(components: Sequence[Component]) -> None:
    """Raise :class:`ConfigurationError` when a component comes before what it needs."""
    available = set(READER_PROVIDES)
    names: set[str] = set()
    for component in components:
        if component.name in names:
            raise ConfigurationError(f"component {component.name!r} appears twice in the pipeline")
        names.add(component.name)
        missing = component.requires - available
        if missing:
            raise ConfigurationError(
                f"component {component.name!r} needs {', '.join(sorted(missing))}, which no "
                "earlier component provides: put the components that provide them before it"
            )
        available |= component.provides
