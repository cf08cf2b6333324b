"""Reliability with real processes: ``kill -9`` in the middle of an ingest, then the same ingest
again; two ingests at once into one SQLite file. Nothing is mocked: the ingests run as
``pantau ingest`` subprocesses, with a slow processor (written below) so that the kill lands
while articles are being written.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import test_store_support as support
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pantau.ingest import ingest, load_factory
from pantau.store import Store

# The store suite's fixtures (SQLite and PostgreSQL), defined in test_store_support.
db = support.db
postgres = support.postgres

TESTS = Path(__file__).resolve().parent
ARTICLES = 60

SLOW_PROCESSOR = textwrap.dedent(
    '''
    """A processor that takes its time and adds two events to each article (tests only)."""
    import dataclasses
    import os
    import time

    from pantau.ingest import ReaderProcessor
    from test_store_support import JAKARTA, STUDENTS, make_event


    class Slow:
        def __init__(self):
            self.inner = ReaderProcessor()
            self.pause = float(os.environ.get("SLOW_SECONDS", "0"))

        def process(self, source, *, url, published, outlet):
            time.sleep(self.pause)
            article = self.inner.process(source, url=url, published=published, outlet=outlet)
            events = (
                make_event(article, 0),
                make_event(article, 1, type="PROTEST", sources=(STUDENTS,), targets=(),
                           place=JAKARTA, acled_type="Protests", acled_subtype=None),
            )
            return dataclasses.replace(article, events=events)


    def factory():
        return Slow()
    '''
)

SENTENCES = (
    "Polisi menangkap dua orang terduga pelaku pembakaran pasar di Poso.",
    "Ribuan warga mengungsi setelah banjir merendam empat kecamatan.",
    "Gubernur meninjau lokasi longsor dan menjanjikan bantuan logistik.",
    "Mahasiswa berunjuk rasa menolak kenaikan biaya kuliah di depan rektorat.",
    "Aparat gabungan menyisir hutan di sekitar kampung yang diserang.",
    "Kepala desa meminta warga tidak terpancing kabar bohong di media sosial.",
    "Tim SAR gabungan masih mencari seorang nelayan yang hilang sejak Senin.",
    "DPRD memanggil kepala dinas untuk menjelaskan keterlambatan bantuan.",
    "Bentrokan antarkelompok pemuda melukai lima orang pada malam hari.",
    "Pemerintah daerah menetapkan status tanggap darurat selama dua pekan.",
)


def write_corpus(path: Path, count: int, *, seed: int, prefix: str) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            body = " ".join(rng.sample(SENTENCES, 5)) + f" Laporan nomor {prefix}{number}."
            out.write(
                json.dumps(
                    {
                        "text": f"Jakarta (ANTARA) - {body}",
                        "url": f"https://{prefix}.example/{number}",
                        "published": "2023-11-15",
                        "outlet": "ANTARA",
                    }
                )
                + "\n"
            )
    return path


def pantau(*args: str, tmp_path: Path, slow: float) -> subprocess.Popen[bytes]:
    (tmp_path / "slowproc.py").write_text(SLOW_PROCESSOR, encoding="utf-8")
    env = dict(
        os.environ, SLOW_SECONDS=str(slow), PYTHONPATH=os.pathsep.join([str(tmp_path), str(TESTS)])
    )
    code = "import sys; from pantau.cli import main; sys.argv[0] = 'pantau'; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def scalar(url: str, query: str) -> int:
    if "://" in url:
        engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    else:
        engine = create_engine(f"sqlite:///{url}")
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(query)).scalar_one())
    finally:
        engine.dispose()


def done(url: str) -> int:
    try:
        return scalar(url, "SELECT count(*) FROM ingest_ledger WHERE status = 'done'")
    except Exception:  # the tables may not exist yet while the subprocess starts
        return 0


ORPHANS = {
    "events without article": "SELECT count(*) FROM events e "
    "LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL",
    "actors without event": "SELECT count(*) FROM event_actors x "
    "LEFT JOIN events e ON e.id = x.event_id WHERE e.id IS NULL",
    "buckets without article": "SELECT count(*) FROM story_buckets b "
    "LEFT JOIN articles a ON a.id = b.article_id WHERE a.id IS NULL",
    "articles without story": "SELECT count(*) FROM articles a "
    "LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL",
    "empty stories": "SELECT count(*) FROM stories s WHERE NOT EXISTS "
    "(SELECT 1 FROM articles a WHERE a.story_id = s.id)",
    "empty clusters": "SELECT count(*) FROM event_clusters c WHERE NOT EXISTS "
    "(SELECT 1 FROM events e WHERE e.cluster_id = c.id)",
    "wrong cluster counts": "SELECT count(*) FROM event_clusters c WHERE c.event_count <> "
    "(SELECT count(*) FROM events e WHERE e.cluster_id = c.id)",
    "wrong story counts": "SELECT count(*) FROM stories s WHERE s.article_count <> "
    "(SELECT count(*) FROM articles a WHERE a.story_id = s.id)",
    "done inputs without article": "SELECT count(*) FROM ingest_ledger g "
    "LEFT JOIN articles a ON a.id = g.article_id WHERE g.status = 'done' AND a.id IS NULL",
    "articles without all their events": "SELECT count(*) FROM articles a WHERE a.event_count <> "
    "(SELECT count(*) FROM events e WHERE e.article_id = a.id)",
}


def assert_whole(url: str, articles: int) -> None:
    assert scalar(url, "SELECT count(*) FROM articles") == articles
    assert scalar(url, "SELECT count(DISTINCT url) FROM articles") == articles
    assert scalar(url, "SELECT count(*) FROM events") == 2 * articles
    assert done(url) == articles
    found = {name: scalar(url, query) for name, query in ORPHANS.items()}
    assert found == dict.fromkeys(ORPHANS, 0)


def test_kill_9_in_the_middle_then_again(db: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", ARTICLES, seed=1, prefix="a")
    Store(db).close()  # create the schema first, so that polling can start at once
    process = pantau(
        "ingest",
        str(corpus),
        "--db",
        db,
        "--workers",
        "1",
        "--batch-size",
        "3",
        "--processor",
        "slowproc:factory",
        "-q",
        tmp_path=tmp_path,
        slow=0.05,
    )
    try:
        deadline = time.monotonic() + 60
        while done(db) < 12:
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the ingest did not start writing"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    interrupted = done(db)
    assert 12 <= interrupted < ARTICLES
    assert scalar(db, "SELECT count(*) FROM articles") == interrupted  # whole articles only

    sys.path.insert(0, str(tmp_path))
    sys.path.insert(0, str(TESTS))
    try:
        with Store(db) as store:
            report = ingest(
                [corpus],
                store=store,
                workers=1,
                batch_size=3,
                processor_factory=load_factory("slowproc:factory"),
            )
    finally:
        sys.path.remove(str(tmp_path))
        sys.path.remove(str(TESTS))
    assert report.skipped == interrupted
    assert report.inserted == ARTICLES - interrupted
    assert report.failed == 0
    assert_whole(db, ARTICLES)


def test_two_ingests_at_once_into_one_sqlite_file(tmp_path: Path) -> None:
    db_path = str(tmp_path / "shared.db")
    shared = write_corpus(tmp_path / "shared.jsonl", 30, seed=2, prefix="s")
    first = write_corpus(tmp_path / "first.jsonl", 20, seed=3, prefix="f")
    second = write_corpus(tmp_path / "second.jsonl", 20, seed=4, prefix="g")
    runs = [
        pantau(
            "ingest",
            str(own),
            str(shared),
            "--db",
            db_path,
            "--workers",
            "1",
            "--batch-size",
            "2",
            "--processor",
            "slowproc:factory",
            "-q",
            tmp_path=tmp_path,
            slow=0.01,
        )
        for own in (first, second)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
    assert_whole(db_path, 70)


@pytest.fixture(autouse=True)
def _no_leftover_modules() -> None:
    sys.modules.pop("slowproc", None)
