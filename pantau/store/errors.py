"""Exceptions of the store and of ingest.

::

    PantauError                       (pantau.errors)
    ├── StoreError                    the store cannot do what was asked
    │   ├── DatabaseError             the database cannot be opened, reached or migrated
    │   ├── ArticleNotFoundError      no article with that id (also a KeyError)
    │   └── UnstorableArticleError    the article cannot be stored as it is (NUL characters)
    ├── IngestError                   an ingest run cannot go on (a worker process died)
    └── InputError                    (pantau.errors)
        └── FetchError                a URL could not be fetched (after retries)
            └── RobotsDisallowedError robots.txt forbids it

Messages name the bad value and say how to fix it.
"""

from __future__ import annotations

from pantau.errors import InputError, PantauError


class StoreError(PantauError):
    """The store cannot do what was asked."""


class DatabaseError(StoreError):
    """The database cannot be opened, reached or migrated."""


class ArticleNotFoundError(StoreError, KeyError):
    """No stored article has that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnstorableArticleError(StoreError, ValueError):
    """The article cannot be stored as it is."""


class IngestError(PantauError):
    """An ingest run cannot go on (a worker process died, the processor cannot be built)."""


class FetchError(InputError):
    """A URL could not be fetched."""


class RobotsDisallowedError(FetchError):
    """The site's robots.txt forbids fetching the URL."""
