"""The store's tables (SQLAlchemy Core). Alembic migrations in ``pantau/migrations`` create them;
a test keeps the two in step.

::

    articles ─┬─< events ─┬─< event_actors
              │           └── event_clusters   (merged events; counts kept up to date)
              ├─< story_buckets                (LSH buckets of the article's MinHash)
              └── stories                      (near-duplicate articles)
    ingest_ledger   one row per input: done or failed, with the reason
    failures        every failure, kept as a log
    pantau_meta     settings stored with the database (the story configuration)
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = Text
"""Article ids are 16 hex digits; event ids add ``-<n>``; room to spare."""

meta = Table(
    "pantau_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_count", Integer, nullable=False, default=0),
    Column("indexed_count", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("original_outlets", Text, nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("published", Text),
    Column("published_date", Date),
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("record_hash", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("indexed", Boolean, nullable=False),
    Column("story_id", ID, ForeignKey("stories.id")),
    Column("event_count", Integer, nullable=False),
    Column("schema_version", Text, nullable=False),
    Column("pipeline_version", Text),
    Column("model_version", Text),
    Column("codebook_version", Text),
    Column("gazetteer_version", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index(None, "url", unique=True),
    Index(None, "published_date"),
    Index(None, "story_id"),
    Index(None, "outlet"),
)

story_buckets = Table(
    "story_buckets",
    metadata,
    Column("bucket", BigInteger, nullable=False),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("bucket", "article_id"),
    Index(None, "article_id"),
)

event_clusters = Table(
    "event_clusters",
    metadata,
    Column("id", ID, primary_key=True),
    Column("type", Text, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("event_count", Integer, nullable=False),
    Column("article_count", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("story_count", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("cluster_id", ID, ForeignKey("event_clusters.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("acled_type", Text),
    Column("acled_subtype", Text),
    Column("date", Date),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("admin1_key", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("gazetteer_id", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", SmallInteger),
    Column("modality", Text, nullable=False),
    Column("background", Boolean, nullable=False),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("claim_source", Text),
    Column("claim_kind", Text),
    Column("confidence", Float),
    Column("source_outlet", Text),
    Column("source_outlet_key", Text),
    # The independent source: the first original outlet, else the outlet, else the article.
    Column("source_key", Text, nullable=False),
    Column("actor_key", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("codebook_version", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "article_id"),
    Index(None, "cluster_id"),
    Index(None, "date"),
    Index(None, "country", "admin1_key"),
    Index(None, "acled_type"),
    Index(None, "source_outlet_key"),
    Index(None, "latitude", "longitude"),
    Index(None, "type", "actor_key", "date_start"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("actor_id", Text),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    PrimaryKeyConstraint("event_id", "role", "position"),
    Index(None, "actor_id"),
    Index(None, "name_key"),
)

ingest_ledger = Table(
    "ingest_ledger",
    metadata,
    Column("key", Text, primary_key=True),
    Column("fingerprint", Text),
    Column("status", Text, nullable=False),
    Column("reason", Text),
    Column("article_id", ID),
    Column("attempts", Integer, nullable=False),
    Column("attempted_at", DateTime(timezone=True), nullable=False),
    Index(None, "status"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    Index(None, "key"),
)
