"""Property tests: any article stored and loaded back equals itself (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import test_store_support as support
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau.article import Article, Event, EventActor, Place
from pantau.reader import Reader
from pantau.store import Store

# The store suite's fixtures (SQLite and PostgreSQL), defined in test_store_support.
db = support.db
postgres = support.postgres
shared_reader = support.shared_reader
store = support.store

# Text the database columns can hold: no NUL (PostgreSQL refuses it; the reader removes it).
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
OFFSETS = st.integers(-23 * 60, 23 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
PUBLISHED = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=OFFSETS),
)
PLACES = st.builds(
    Place,
    text=TEXT,
    name=TEXT,
    gazetteer_id=TEXT,
    country=TEXT,
    admin1=st.none() | TEXT,
    admin2=st.none() | TEXT,
    latitude=FLOAT,
    longitude=FLOAT,
    confidence=FLOAT,
)
ACTORS = st.builds(
    EventActor, name=TEXT, text=TEXT, actor_id=st.none() | TEXT, country=st.none() | TEXT
)
EVENTS = st.builds(
    Event,
    id=st.just(""),
    mode=st.none() | TEXT,
    contexts=st.lists(TEXT, max_size=2).map(tuple),
    acled_type=st.none() | TEXT,
    acled_subtype=st.none() | TEXT,
    sources=st.lists(ACTORS, max_size=2).map(tuple),
    targets=st.lists(ACTORS, max_size=2).map(tuple),
    place=st.none() | PLACES,
    date=st.none() | st.dates(),
    claim_source=TEXT,
    trigger=TEXT,
    confidence=FLOAT,
    codebook_version=TEXT,
    fatalities=st.none() | st.integers(0, 10_000),
    injured=st.none() | st.integers(0, 10_000),
)
ARTICLES = st.builds(
    Article,
    source_text=TEXT,
    text=TEXT,
    url=st.none() | TEXT,
    outlet=st.none() | TEXT,
    title=st.none() | TEXT,
    author=st.none() | TEXT,
    published=PUBLISHED,
    events=st.lists(EVENTS, max_size=3).map(tuple),
    pipeline_version=TEXT,
)


def with_ids(article: Article) -> Article:
    """Ids as the reader and the event coder make them: a content hash, ``<article>-<n>``."""
    ident = hashlib.sha256(article.source_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    events = tuple(dataclasses.replace(e, id=f"{ident}-{n}") for n, e in enumerate(article.events))
    return dataclasses.replace(article, id=ident, events=events)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ARTICLES.map(with_ids))
def test_any_article_round_trips(store: Store, article: Article) -> None:
    store.put(article)
    assert store.article(article.id) == article
    assert store.put(article) == "unchanged"
    loaded = {e.id: e for e in store.events(_everything(article.id))}
    assert loaded == {e.id: e for e in article.events}


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(["Polisi", "menangkap", "warga", "di", "Poso,", "Senin", "(20/2)."]),
        min_size=3,
        max_size=40,
    ).map(" ".join)
)
def test_read_articles_round_trip(store: Store, shared_reader: Reader, body: str) -> None:
    article = shared_reader.read("Jakarta (ANTARA) - " + body, url="https://x.example/" + body[:20])
    store.put(article)
    assert store.article(article.id) == article


def _everything(article_id: str):  # type: ignore[no-untyped-def]
    from pantau.query import EventFilter

    return EventFilter(article_id=article_id, include_background=True, include_denied=True)
