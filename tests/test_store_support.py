"""Fixtures and builders of the store's test suite, imported by its test modules.

The store suite runs against SQLite and PostgreSQL alike: the ``db`` fixture is parametrized
over both. PostgreSQL is the server on 127.0.0.1:5432 (``$PANTAU_TEST_POSTGRES`` to change it)
that ``scripts/services.sh`` starts; a database ``pantau_test_<pid>`` is created for the test
session and dropped after. When the server cannot be reached the tests fail, never skip.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from pantau.article import Article, Event, EventActor, Place
from pantau.reader import Reader
from pantau.store import Store
from pantau.store import tables as t

POSTGRES = os.environ.get("PANTAU_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", "postgresql"]
_DATABASES: dict[str, str] = {}
"""The session's PostgreSQL database, shared by every module that imports the fixture."""


def postgres_database() -> str:
    """URL of this session's PostgreSQL test database (created on first use)."""
    if "url" in _DATABASES:
        return _DATABASES["url"]
    name = f"pantau_test_{os.getpid()}"
    admin = create_engine(
        make_url(POSTGRES).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as e:
        pytest.fail(
            f"PostgreSQL is not reachable at {POSTGRES} ({e.orig}). The store suite runs against "
            "PostgreSQL too: start it with scripts/services.sh (make test does), or point "
            "$PANTAU_TEST_POSTGRES at a server.",
            pytrace=False,
        )
    finally:
        admin.dispose()
    _DATABASES["name"] = name
    _DATABASES["url"] = make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    return _DATABASES["url"]


def drop_postgres_database() -> None:
    if "name" not in _DATABASES:
        return
    admin = create_engine(
        make_url(POSTGRES).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{_DATABASES["name"]}" WITH (FORCE)'))
    admin.dispose()
    _DATABASES.clear()


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    yield postgres_database()
    drop_postgres_database()


def empty(url: str) -> None:
    """Delete every row of the store at ``url`` (a fresh store, without migrating again)."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    with engine.begin() as connection:
        names = ", ".join(table.name for table in t.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's location: a SQLite file, or the session's PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url = request.getfixturevalue("postgres")
    Store(url).close()  # migrated once per session; emptied for every test
    empty(url)
    return url


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with Store(db) as opened:
        yield opened


@pytest.fixture(scope="session")
def shared_reader() -> Reader:
    return Reader()


# builders

PAPUA = Place(
    text="Sugapa",
    start=0,
    end=6,
    gazetteer_id="id-9106",
    name="Sugapa",
    latitude=-3.73,
    longitude=137.03,
    country="ID",
    admin1="Papua Tengah",
    admin2="Intan Jaya",
    kind="district",
    precision=2,
)
NEAR_PAPUA = dataclasses.replace(
    PAPUA, gazetteer_id="id-9106-x", name="Bilogai", latitude=-3.80, longitude=137.08
)
JAKARTA = Place(
    text="Jakarta",
    start=0,
    end=7,
    gazetteer_id="id-3171",
    name="Jakarta",
    latitude=-6.2,
    longitude=106.82,
    country="ID",
    admin1="DKI Jakarta",
    admin2=None,
    kind="province",
    precision=3,
)
TNI = EventActor("TNI", "TNI", 0, 3, actor_id="tni", type="state_military", country="ID")
TPNPB = EventActor("TPNPB", "TPNPB", 0, 5, actor_id="tpnpb", type="rebel_group", country="ID")
STUDENTS = EventActor("mahasiswa", "mahasiswa", 0, 9, type="civilians", country="ID")


def make_event(
    article: Article,
    number: int = 0,
    *,
    type: str = "ASSAULT",
    date: dt.date | None = dt.date(2023, 11, 14),
    precision: str | None = "day",
    place: Place | None = PAPUA,
    sources: tuple[EventActor, ...] = (TPNPB,),
    targets: tuple[EventActor, ...] = (TNI,),
    acled_type: str | None = "Battles",
    acled_subtype: str | None = "Armed clash",
    modality: str = "asserted",
    background: bool = False,
    fatalities: int | None = None,
    confidence: float = 0.8,
) -> Event:
    """An event of ``article``, its evidence the article's first sentence."""
    sentence = article.sentences[0] if article.sentences else None
    start, end = (sentence.start, sentence.end) if sentence else (0, len(article.text))
    return Event(
        id=f"{article.id}-{number}",
        type=type,
        mode=None,
        contexts=(),  # type: ignore[arg-type]
        acled_type=acled_type,
        acled_subtype=acled_subtype,
        sources=sources,
        targets=targets,
        place=place,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        date_basis="body" if date else "none",
        modality=modality,  # type: ignore[arg-type]
        background=background,
        fatalities=fatalities,
        injured=None,
        claim_source=article.outlet or "?",
        claim_kind="outlet",
        trigger=article.text[start : start + 4],
        trigger_start=start,
        trigger_end=start + 4,
        sentence=0,
        evidence_start=start,
        evidence_end=end,
        supporting_sentences=(0,),
        confidence=confidence,
        codebook_version="test-1",
    )


def news(
    reader: Reader,
    body: str,
    *,
    url: str | None = None,
    outlet: str | None = "ANTARA",
    published: str | None = "2023-11-15",
    events: int = 0,
    **event_fields: object,
) -> Article:
    """An article read from ``body``, with ``events`` events built by :func:`make_event`."""
    article = reader.read(body, url=url, outlet=outlet, published=published)
    built = tuple(make_event(article, n, **event_fields) for n in range(events))  # type: ignore[arg-type]
    return dataclasses.replace(article, events=built)


WIRE = (
    "Jayapura (ANTARA) - Kontak tembak terjadi antara aparat gabungan TNI-Polri dan kelompok "
    "bersenjata di Distrik Sugapa, Kabupaten Intan Jaya, Papua Tengah, Selasa (14/11). "
    "Kepala Penerangan Kodam XVII/Cenderawasih mengatakan situasi kini telah kondusif dan "
    "aparat masih bersiaga di sekitar bandara. Warga diminta tetap tenang dan tidak "
    "terpancing isu yang beredar di media sosial. Aktivitas di pasar Sugapa kembali berjalan "
    "normal pada sore hari, sementara sekolah diliburkan hingga Kamis. "
)
"""A wire story (written by us) republished by several outlets in the tests."""


def copy_of(story: str, agency: str) -> str:
    """The story as another outlet republishes it: its own dateline agency."""
    return story.replace("(ANTARA)", f"({agency})", 1)


OTHER = (
    "Jakarta (ANTARA) - Ribuan mahasiswa menggelar aksi unjuk rasa di depan gedung DPR, "
    "Jakarta, Rabu (15/11), menolak rencana kenaikan harga bahan bakar minyak. Koordinator "
    "aksi menyatakan mahasiswa akan kembali turun ke jalan jika tuntutan tidak dipenuhi. "
    "Polisi mengerahkan ratusan personel untuk mengamankan jalannya aksi yang berlangsung "
    "tertib hingga sore hari."
)
