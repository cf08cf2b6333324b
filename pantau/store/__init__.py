"""The store: articles with their records, events, merged events, stories and the ingest ledger.

>>> from pantau.store import Store
>>> with Store(":memory:") as store:
...     store.stats().articles
0

SQLite by default (one file, WAL), PostgreSQL by URL; see ``docs/store.md``.
"""

from __future__ import annotations

from pantau.store.database import default_db_path
from pantau.store.errors import (
    ArticleNotFoundError,
    DatabaseError,
    FetchError,
    RobotsDisallowedError,
    StoreError,
    UnstorableArticleError,
)
from pantau.store.rows import Versions
from pantau.store.store import ArticleSummary, LedgerEntry, Store, StoreStats
from pantau.store.writer import Failed, Stored, WriteStatus, Written

__all__ = [
    "ArticleNotFoundError",
    "ArticleSummary",
    "DatabaseError",
    "Failed",
    "FetchError",
    "LedgerEntry",
    "RobotsDisallowedError",
    "Store",
    "StoreError",
    "StoreStats",
    "Stored",
    "UnstorableArticleError",
    "Versions",
    "WriteStatus",
    "Written",
    "default_db_path",
]
