"""Alembic migrations of the store; :func:`pantau.store.database.migrate` applies them on open."""
