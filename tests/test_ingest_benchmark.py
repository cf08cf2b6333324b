"""``pantau benchmark-ingest``: figures of a real ingest into each database, CPU split included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from test_store_support import POSTGRES

from pantau.errors import ConfigurationError
from pantau.ingest.benchmark import run, write_corpus


def test_sqlite_with_worker_processes_counts_their_cpu() -> None:
    # more than ingest's small-run threshold (32), under which it starts no worker process
    (figures,) = run(articles=40, targets=["sqlite"], workers=2, batch_size=5)
    assert (figures.target, figures.stored, figures.failed, figures.workers) == ("sqlite", 40, 0, 2)
    assert figures.seconds > 0 and figures.per_core == figures.per_second / 2
    assert figures.bytes_per_1000 > 0
    parent, workers = figures.cpu_ms_per_article
    assert parent > 0 and workers > 0  # the pipeline ran in the workers, and was counted there


def test_postgresql_in_one_process_and_its_database_is_dropped() -> None:
    (figures,) = run(articles=10, targets=[POSTGRES], workers=1, batch_size=4)
    assert (figures.target, figures.stored, figures.failed, figures.workers) == (
        "postgresql", 10, 0, 1,
    )  # fmt: skip
    parent, workers = figures.cpu_ms_per_article
    assert parent > 0 and workers == 0  # no worker process: everything ran here
    admin = create_engine(make_url(POSTGRES).set(drivername="postgresql+psycopg"))
    with admin.connect() as connection:
        left = connection.execute(
            text("SELECT count(*) FROM pg_database WHERE datname LIKE 'pantau_bench_%'")
        ).scalar_one()
    admin.dispose()
    assert left == 0


def test_articles_made_of_the_paragraphs_given(tmp_path: Path) -> None:
    ours = (
        "Warga Desa Sukamaju menggelar kerja bakti membersihkan saluran air pada Sabtu pagi.",
        "Kepala desa meminta warga menjaga kebersihan lingkungan menjelang musim hujan.",
    )
    source = tmp_path / "source.txt"
    source.write_text("\n".join(ours), encoding="utf-8")
    corpus = write_corpus(tmp_path / "articles.jsonl", 6, sources=[source])
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 6
    # every sentence is one of ours (after a dateline); the rest is the generator's boilerplate
    lines = [line for text in texts for line in text.splitlines() if "." in line]
    assert lines and all(line.endswith(ours) for line in lines)
    (figures,) = run(articles=10, targets=["sqlite"], workers=1, sources=[source])
    assert (figures.stored, figures.failed) == (10, 0)


def test_paragraphs_from_nowhere_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="does not exist"):
        run(articles=10, targets=["sqlite"], workers=1, sources=[tmp_path / "missing"])
