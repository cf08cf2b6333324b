"""The first schema: articles, events, clusters, stories, ledger, failures.

Revision ID: 0001
Revises:
Create Date: 2024-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
ID = sa.Text()


def upgrade() -> None:
    op.create_table(
        "pantau_meta",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_pantau_meta"),
    )
    op.create_table(
        "stories",
        sa.Column("id", ID, nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("indexed_count", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "articles",
        sa.Column("id", ID, nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("original_outlets", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.Text()),
        sa.Column("published_date", sa.Date()),
        sa.Column("language", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("record_hash", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("indexed", sa.Boolean(), nullable=False),
        sa.Column("story_id", ID),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("schema_version", sa.Text(), nullable=False),
        sa.Column("pipeline_version", sa.Text()),
        sa.Column("model_version", sa.Text()),
        sa.Column("codebook_version", sa.Text()),
        sa.Column("gazetteer_version", sa.Text()),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name="fk_articles_story_id_stories"),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_url", "articles", ["url"], unique=True)
    op.create_index("ix_articles_published_date", "articles", ["published_date"])
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])

    op.create_table(
        "story_buckets",
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_story_buckets_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("bucket", "article_id", name="pk_story_buckets"),
    )
    op.create_index("ix_story_buckets_article_id", "story_buckets", ["article_id"])

    op.create_table(
        "event_clusters",
        sa.Column("id", ID, nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("story_count", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_clusters"),
    )
    op.create_table(
        "events",
        sa.Column("id", ID, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("cluster_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text()),
        sa.Column("acled_type", sa.Text()),
        sa.Column("acled_subtype", sa.Text()),
        sa.Column("date", sa.Date()),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.Text()),
        sa.Column("country", sa.Text()),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin1_key", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("location", sa.Text()),
        sa.Column("gazetteer_id", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.SmallInteger()),
        sa.Column("modality", sa.Text(), nullable=False),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.Column("fatalities", sa.Integer()),
        sa.Column("injured", sa.Integer()),
        sa.Column("claim_source", sa.Text()),
        sa.Column("claim_kind", sa.Text()),
        sa.Column("confidence", sa.Float()),
        sa.Column("source_outlet", sa.Text()),
        sa.Column("source_outlet_key", sa.Text()),
        sa.Column("source_key", sa.Text(), nullable=False),
        sa.Column("actor_key", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("codebook_version", sa.Text()),
        sa.Column("created_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_events_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["event_clusters.id"], name="fk_events_cluster_id_event_clusters"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_article_id", "events", ["article_id"])
    op.create_index("ix_events_cluster_id", "events", ["cluster_id"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_country_admin1_key", "events", ["country", "admin1_key"])
    op.create_index("ix_events_acled_type", "events", ["acled_type"])
    op.create_index("ix_events_source_outlet_key", "events", ["source_outlet_key"])
    op.create_index("ix_events_latitude_longitude", "events", ["latitude", "longitude"])
    op.create_index(
        "ix_events_type_actor_key_date_start", "events", ["type", "actor_key", "date_start"]
    )

    op.create_table(
        "event_actors",
        sa.Column("event_id", ID, nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Text()),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_actors_event_id_events", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "role", "position", name="pk_event_actors"),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_index("ix_event_actors_name_key", "event_actors", ["name_key"])

    op.create_table(
        "ingest_ledger",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text()),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("article_id", ID),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("attempted_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_ingest_ledger"),
    )
    op.create_index("ix_ingest_ledger_status", "ingest_ledger", ["status"])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
    )
    op.create_index("ix_failures_key", "failures", ["key"])


def downgrade() -> None:
    for table in (
        "failures",
        "ingest_ledger",
        "event_actors",
        "events",
        "event_clusters",
        "story_buckets",
        "articles",
        "stories",
        "pantau_meta",
    ):
        op.drop_table(table)
