"""Alembic environment: runs on the connection the store hands over (``config.attributes``).

The store opens its own transaction (and takes the writer lock) before it calls Alembic, so two
processes opening a new database at once migrate it once. Run by hand with a URL::

    alembic -c /dev/null -x url=sqlite:///pantau.db upgrade head   # script_location set by caller
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pantau.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database: alembic -x url=sqlite:///pantau.db upgrade head")
    engine = create_engine(url)
    with engine.begin() as own:
        context.configure(connection=own, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
