"""Near-duplicate articles: MinHash and LSH, in memory and in the store."""

from __future__ import annotations

import pytest
import test_store_support as support
from sqlalchemy import func, select
from test_store_support import OTHER, WIRE, copy_of, news

from pantau.errors import ConfigurationError
from pantau.reader import Reader
from pantau.store import Store
from pantau.store import tables as t
from pantau.stories import MinHasher, StoryConfig, group_stories, shingles, similarity

# The store suite's fixtures (SQLite and PostgreSQL), defined in test_store_support.
db = support.db
postgres = support.postgres
shared_reader = support.shared_reader
store = support.store


def test_shingles() -> None:
    assert shingles("Polisi menangkap dua orang", 3) == {
        "polisi menangkap dua",
        "menangkap dua orang",
    }
    assert shingles("Dua", 3) == {"dua"}
    assert shingles("  ", 3) == set()


def test_signatures_estimate_jaccard() -> None:
    hasher = MinHasher()
    a = hasher.signature(WIRE)
    b = hasher.signature(WIRE.replace("sore hari", "malam hari"))
    c = hasher.signature(OTHER)
    assert a is not None and b is not None and c is not None
    assert similarity(a, a) == 1.0
    assert similarity(a, b) > 0.7
    assert similarity(a, c) < 0.2
    assert hasher.signature("") is None
    assert len(hasher.buckets(a)) == hasher.config.bands


def test_signatures_are_stable_across_instances() -> None:
    first, second = MinHasher().signature(WIRE), MinHasher().signature(WIRE)
    assert first is not None and second is not None
    assert first.tolist() == second.tolist()


@pytest.mark.parametrize(
    "config",
    [
        {"num_perm": 100, "bands": 32},
        {"threshold": 0.0},
        {"shingle_words": 0},
    ],
)
def test_bad_configs(config: dict[str, float]) -> None:
    with pytest.raises(ConfigurationError):
        StoryConfig(**config)  # type: ignore[arg-type]


def test_group_stories_in_memory() -> None:
    stories = group_stories(
        {
            "antara": WIRE,
            "other": OTHER,
            "tempo": copy_of(WIRE, "Tempo") + " Editor: Rina.",
            "cut": WIRE.rsplit(".", 3)[0],
        }
    )
    assert stories == {"antara": "antara", "other": "other", "tempo": "antara", "cut": "antara"}


def test_republished_copies_share_a_story_in_the_store(store: Store, shared_reader: Reader) -> None:
    first = news(shared_reader, WIRE, url="https://antaranews.example/1", outlet="ANTARA")
    second = news(
        shared_reader, copy_of(WIRE, "Tempo"), url="https://tempo.example/9", outlet="Tempo"
    )
    unrelated = news(shared_reader, OTHER, url="https://antaranews.example/2")
    for article in (first, second, unrelated):
        store.put(article)
    by_id = {a.id: a.story_id for a in store.articles()}
    assert by_id[second.id] == by_id[first.id] == first.id
    assert by_id[unrelated.id] == unrelated.id
    stats = store.stats()
    assert (stats.stories, stats.multi_article_stories) == (2, 1)
    assert {a.id for a in store.articles(story_id=first.id)} == {first.id, second.id}


def test_a_story_outlives_its_first_article(store: Store, shared_reader: Reader) -> None:
    first = news(shared_reader, WIRE, url="https://a.example/1")
    second = news(shared_reader, copy_of(WIRE, "Tempo"), url="https://b.example/1")
    third = news(shared_reader, copy_of(WIRE, "MINA"), url="https://c.example/1")
    store.put(first)
    store.put(second)
    store.delete_article(first.id)
    store.put(third)
    assert {a.story_id for a in store.articles()} == {first.id}
    assert store.stats().stories == 1


def test_a_large_story_indexes_its_first_articles_only(db: str, shared_reader: Reader) -> None:
    agencies = ["ANTARA", "Tempo", "MINA", "Kompas", "detik"]
    with Store(db, stories=StoryConfig(max_indexed=2)) as limited:
        for agency in agencies:
            limited.put(news(shared_reader, copy_of(WIRE, agency), url=f"https://{agency}.example"))
        stories = {a.story_id for a in limited.articles()}
        with limited.engine.connect() as connection:
            indexed = connection.execute(
                select(func.count(t.story_buckets.c.article_id.distinct()))
            ).scalar_one()
    assert len(stories) == 1
    assert indexed == 2
