"""Connecting to the database: SQLite (a file, WAL) or PostgreSQL (a URL, psycopg 3).

SQLite
    one file; write-ahead log (readers never wait for the writer), a busy timeout, foreign keys
    on, ``synchronous=NORMAL`` (a commit survives a killed process). Every write transaction
    starts with ``BEGIN IMMEDIATE``: writers queue on the file lock instead of failing halfway,
    so two ingests into one file take turns.
PostgreSQL
    ``postgresql://user@host/db`` (the ``+psycopg`` driver is added); every write transaction
    takes a transaction-scoped advisory lock, so two writers take turns the same way. Large
    values (an article's texts and record) are compressed with lz4 when the server has it:
    several times less server time than the default pglz, for a few percent more space.

:func:`migrate` applies the Alembic migrations in ``pantau/migrations`` when the database is
not at the newest revision, under the same writer lock.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import StaticPool

from pantau.store.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
WRITER_LOCK = 0x70616E746175
"""PostgreSQL advisory lock key of writers (``pantau`` in ASCII)."""
READONLY = "pantau_readonly"
"""Execution option of a connection that only reads (SQLite: a deferred ``BEGIN``)."""


def default_db_path() -> Path:
    """The per-user default store: ``$PANTAU_DB``, else ``<user data folder>/pantau/pantau.db``."""
    if env := os.environ.get("PANTAU_DB"):
        return Path(env)
    return user_data_path("pantau", appauthor=False) / "pantau.db"


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL for ``db``: a file path, ``:memory:``, or a database URL."""
    if db is None:
        db = default_db_path()
    value = os.fspath(db)
    if value == ":memory:":
        return "sqlite://"
    if "://" not in value:
        path = Path(value).expanduser()
        if path.is_dir():
            raise DatabaseError(f"{value} is a folder: give a file such as {path / 'pantau.db'}")
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path.resolve()}"
    try:
        url = make_url(value)
    except ArgumentError as e:
        raise DatabaseError(f"not a database URL: {value!r} ({e})") from e
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(
            f"unsupported database {url.get_backend_name()!r} in {value!r}: "
            "give a SQLite file path or a postgresql:// URL"
        )
    return url.render_as_string(hide_password=False)


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def create(url: str, *, busy_timeout: float = 60.0) -> Engine:
    """An engine for ``url`` with pantau's connection settings."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        memory = make_url(url).database in (None, "", ":memory:")
        kwargs: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
        engine = create_engine(
            url, connect_args={"timeout": busy_timeout, "check_same_thread": False}, **kwargs
        )
        _sqlite_settings(engine, busy_timeout)
        return engine
    engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    _postgresql_settings(engine)
    return engine


def _sqlite_settings(engine: Engine, busy_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # pantau emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        _journal_wal(cursor, busy_timeout)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        readonly = connection.get_execution_options().get(READONLY, False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def _journal_wal(cursor: sqlite3.Cursor, busy_timeout: float) -> None:
    """Switch the file to the write-ahead log, waiting up to ``busy_timeout`` seconds for the
    lock. SQLite answers "database is locked" at once, without its busy handler, when another
    connection holds the file while this one asks (two processes opening a new file at the
    same moment): so the switch is tried again, every 20 ms, until the timeout."""
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def _postgresql_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings"
                " WHERE name = 'default_toast_compression'"
            )
            row = cursor.fetchone()
            if row and row[0]:
                cursor.execute("SET default_toast_compression = lz4")
        dbapi_connection.commit()


def lock_writer(connection: Connection) -> None:
    """Serialise writers (PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already does)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction, holding the writer lock."""
    with engine.begin() as connection:
        lock_writer(connection)
        yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One read transaction (a consistent snapshot; never waits for a writer on SQLite)."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{READONLY: True})
        with connection.begin():
            yield connection


def migrate(engine: Engine) -> str:
    """Bring the database to the newest schema revision; returns it."""
    # Alembic is imported here, not with the module: it is a fifth of a second that the
    # processes which never open a database (ingest workers, `pantau read`) need not pay.
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    if head is None:
        raise DatabaseError(f"no migration found in {MIGRATIONS}")
    try:
        with reading(engine) as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except OperationalError as e:
        raise DatabaseError(
            f"cannot open the database {display_url(str(engine.url))}: {e.orig}"
        ) from e
    if current == {head}:
        return head
    known = {rev.revision for rev in script.walk_revisions()}
    if current - known:
        raise DatabaseError(
            f"the database is at schema revision {', '.join(sorted(current))}, newer than this "
            f"pantau knows ({head}): upgrade pantau"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return head
