"""Ingest: files, folders, JSONL, WARC, feeds, sitemaps and URLs (a local server only)."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_store_support import OTHER, WIRE, copy_of
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pantau.cli import app
from pantau.ingest import Fetcher, ReaderProcessor, ingest, load_factory, reader_processor
from pantau.ingest.processor import default_processor_factory, versions_of
from pantau.store import FetchError, RobotsDisallowedError, Store

runner = CliRunner()
READER = "pantau.ingest:reader_processor"


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split(". ") if p)
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Contoh'>"
        f"</head><body><nav>Beranda</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Hak cipta</footer></body></html>"
    )


_SHARED: list[ReaderProcessor] = []


def shared_processor() -> ReaderProcessor:
    """One reader for the whole module (in this process: ``workers=1``)."""
    if not _SHARED:
        _SHARED.append(ReaderProcessor())
    return _SHARED[0]


def run(sources: list[str | Path], store: Store, **options: object):  # type: ignore[no-untyped-def]
    options.setdefault("workers", 1)
    options.setdefault(
        "processor_factory", shared_processor if options["workers"] == 1 else reader_processor
    )
    options.setdefault("fetcher", Fetcher(rate=1000, backoff=0.01))
    return ingest([str(s) for s in sources], store=store, **options)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "ingest.db") as opened:
        yield opened


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "antara.txt").write_text(WIRE, encoding="utf-8")
    (root / "nested" / "tempo.txt").write_text(copy_of(WIRE, "Tempo"), encoding="utf-8")
    (root / "nested" / "deeper" / "demo.html").write_text(page("Demo", OTHER), encoding="utf-8")
    (root / "nested" / "cp1252.txt").write_bytes(copy_of(OTHER, "Kompas").encode("cp1252"))
    (root / "README.md").write_text("# not an article", encoding="utf-8")
    (root / ".hidden.txt").write_text(OTHER, encoding="utf-8")
    return root


def test_folder_recursively_then_idempotent(folder: Path, store: Store) -> None:
    report = run([folder], store)
    assert (report.inserted, report.failed, report.skipped) == (4, 0, 0)
    assert store.stats().multi_article_stories == 2  # WIRE twice, OTHER twice
    again = run([folder], store)
    assert (again.inserted, again.skipped, again.processed) == (0, 4, 0)
    assert store.stats().articles == 4


def test_force_reads_done_inputs_again(folder: Path, store: Store) -> None:
    run([folder], store)
    report = run([folder], store, force=True)
    assert (report.skipped, report.unchanged) == (0, 4)


def test_changed_file_is_ingested_again(folder: Path, store: Store) -> None:
    run([folder], store)
    (folder / "antara.txt").write_text(WIRE + " Kapolres menambahkan keterangan.", "utf-8")
    report = run([folder], store)
    assert (report.inserted, report.skipped) == (1, 3)  # a new text: a new article id
    assert store.stats().articles == 5


def test_jsonl_with_bad_lines(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps(
            {
                "text": WIRE,
                "url": "https://a.example/1",
                "published": "2023-11-15",
                "outlet": "ANTARA",
            }
        ),
        "{not json",
        json.dumps({"html": page("Demo", OTHER), "url": "https://b.example/2"}),
        json.dumps({"url": "https://c.example/3"}),
        "",
        json.dumps({"text": OTHER, "published": "15/11/2023"}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run([path], store)
    assert (report.inserted, report.failed) == (2, 4)
    reasons = {f.key.rsplit("#", 1)[1]: f.reason for f in report.failures}
    assert "not JSON" in reasons["L2"]
    assert 'no "text" or "html"' in reasons["L4"]
    assert "ISO 8601" in reasons["L6"]
    assert "object" in reasons["L7"]
    (stored,) = [a for a in store.articles() if a.url == "https://a.example/1"]
    assert (stored.outlet, stored.published) == ("ANTARA", "2023-11-15")
    failed = store.ledger(status="failed")
    assert len(failed) == 4 and all(f.reason for f in failed)
    # Failed lines are tried again on the next run; done lines are skipped.
    again = run([path], store)
    assert (again.skipped, again.failed) == (2, 4)
    assert {f.attempts for f in store.ledger(status="failed")} == {2}


def test_gzipped_jsonl(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": WIRE}) + "\n").encode()))
    assert run([path], store).inserted == 1


def test_warc(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        def response(
            url: str, body: bytes, kind: str = "text/html", status: str = "200 OK"
        ) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        response("https://a.example/berita/1", page("Kontak tembak", WIRE).encode())
        response("https://a.example/logo.png", b"\x89PNG....", kind="image/png")
        response("https://a.example/hilang", b"<html>404</html>", status="404 Not Found")
        response("https://b.example/berita/2", page("Aksi mahasiswa", OTHER).encode("utf-8"))
    report = run([path], store)
    assert (report.inserted, report.failed) == (2, 0)
    assert {a.url for a in store.articles()} == {
        "https://a.example/berita/1",
        "https://b.example/berita/2",
    }
    assert run([path], store).skipped == 2


def test_bad_warc_is_a_failure(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 3)
    report = run([path], store)
    assert report.failed == 1
    assert "WARC" in report.failures[0].reason  # type: ignore[operator]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Contoh News</title><link>{base}/</link>
<item><title>Kontak tembak</title><link>{base}/berita/1</link><guid>b1</guid>
<pubDate>Wed, 15 Nov 2023 03:00:00 GMT</pubDate>
<content:encoded><![CDATA[{first}]]></content:encoded></item>
<item><title>Aksi mahasiswa</title><link>{base}/berita/2</link><guid>b2</guid>
<description><![CDATA[{second}]]></description></item>
<item><title>Tanpa isi</title><link>{base}/private/3</link><guid>b3</guid></item>
</channel></rss>"""


def rss(base: str) -> str:
    return RSS.format(base=base, first=page("Kontak tembak", WIRE), second=page("Aksi", OTHER))


def test_local_feed_uses_entry_content(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(rss("https://contoh.example"), encoding="utf-8")
    report = run([path], store)
    assert (report.inserted, report.failed) == (2, 1)
    assert "give the feed's URL" in report.failures[0].reason  # type: ignore[operator]
    urls = {a.url: a.published for a in store.articles()}
    assert urls["https://contoh.example/berita/1"] == "2023-11-15T03:00:00+00:00"


def test_atom_feed(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>'
        '<entry><id>urn:1</id><title>T</title><link href="https://x.example/1"/>'
        "<updated>2023-11-15T10:00:00+07:00</updated>"
        f'<content type="html"><![CDATA[{page("T", WIRE)}]]></content></entry></feed>',
        encoding="utf-8",
    )
    assert run([path], store).inserted == 1


class Site:
    """A local web site: pages by path, robots.txt, and a log of what was asked."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []
        self.fail_first: dict[str, int] = {}
        self.base = ""

    def add(
        self,
        path: str,
        body: str | bytes,
        kind: str = "text/html; charset=utf-8",
        status: int = 200,
    ) -> None:
        self.pages[path] = (status, kind, body.encode() if isinstance(body, str) else body)


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            if state.fail_first.get(self.path, 0) > 0:
                state.fail_first[self.path] -= 1
                self.send_response(503)
                self.send_header("Retry-After", "0")
                self.end_headers()
                return
            status, kind, body = state.pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def test_feed_by_url_fetches_pages_politely(site: Site, store: Store) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.add("/feed.xml", rss(site.base), "application/rss+xml")
    site.add("/berita/1", page("Kontak tembak", WIRE))
    site.add("/berita/2", page("Aksi mahasiswa", OTHER))
    site.fail_first["/berita/2"] = 1  # one 503, then the page
    report = run([site.base + "/feed.xml"], store)
    assert (report.inserted, report.failed) == (2, 1)
    assert "robots.txt" in report.failures[0].reason  # type: ignore[operator]
    assert {ua for _, ua in site.requests} == {"pantau/0.1.0"}
    paths = [p for p, _ in site.requests]
    assert paths.count("/robots.txt") == 1
    assert paths.count("/berita/2") == 2
    assert "/private/3" not in paths
    # A second run fetches the feed again, but not the pages it already has.
    site.requests.clear()
    again = run([site.base + "/feed.xml"], store)
    assert (again.skipped, again.inserted) == (2, 0)
    assert [p for p, _ in site.requests if p.startswith("/berita")] == []


def test_sitemap_and_single_page_by_url(site: Site, store: Store, tmp_path: Path) -> None:
    site.add("/robots.txt", "", "text/plain")
    site.add("/berita/1", page("Kontak tembak", WIRE))
    site.add("/berita/2", page("Aksi mahasiswa", OTHER))
    site.add(
        "/sitemap-news.xml.gz",
        gzip.compress(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{site.base}/berita/1</loc><lastmod>2023-11-15</lastmod>"
            "<news:news><news:publication_date>2023-11-15T10:00:00+07:00</news:publication_date>"
            f"</news:news></url><url><loc>{site.base}/hilang</loc></url></urlset>".encode()
        ),
        "application/gzip",
    )
    site.add(
        "/sitemap.xml",
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.base}/sitemap-news.xml.gz</loc></sitemap></sitemapindex>",
        "application/xml",
    )
    report = run([site.base + "/sitemap.xml", site.base + "/berita/2"], store)
    assert (report.inserted, report.failed) == (2, 1)
    assert "HTTP 404" in report.failures[0].reason  # type: ignore[operator]
    published = {a.url: a.published for a in store.articles()}
    assert published[site.base + "/berita/1"] == "2023-11-15T10:00:00+07:00"


def test_fetcher_rate_limit_and_retries(site: Site) -> None:
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 3\n", "text/plain")
    site.add("/a", "a")
    site.fail_first["/b"] = 5
    clock = [100.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(round(seconds, 2))
        clock[0] += seconds

    fetcher = Fetcher(rate=2, retries=2, backoff=0.5, sleep=sleep, clock=lambda: clock[0])
    assert fetcher.get(site.base + "/a").content == b"a"
    assert sleeps == [3.0]  # the crawl delay of robots.txt, longer than 1/rate
    with pytest.raises(FetchError, match="HTTP 503"):
        fetcher.get(site.base + "/b")
    assert fetcher.requests == 2 + 3  # robots.txt, /a, then /b three times
    assert sleeps.count(3.0) == 4


def test_robots_rules(site: Site) -> None:
    site.add(
        "/robots.txt", "User-agent: pantau\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "text/plain"
    )
    fetcher = Fetcher(rate=1000)
    with pytest.raises(RobotsDisallowedError):
        fetcher.get(site.base + "/x")
    site.add("/x", "x")
    assert Fetcher(rate=1000, respect_robots=False).get(site.base + "/x").content == b"x"


def test_unreachable_host_is_a_fetch_error() -> None:
    fetcher = Fetcher(rate=1000, retries=1, backoff=0.01, timeout=2)
    with pytest.raises(FetchError, match="cannot fetch"):
        fetcher.get("http://127.0.0.1:9/nothing")


def test_missing_input_is_a_recorded_failure(tmp_path: Path, store: Store) -> None:
    report = run([tmp_path / "nope.txt"], store)
    assert report.failed == 1
    assert "no such file or folder" in report.failures[0].reason  # type: ignore[operator]


def test_worker_processes(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "many.jsonl"
    lines = (json.dumps({"text": f"{WIRE} Laporan nomor {n}."}) for n in range(40))
    path.write_text("\n".join(lines), encoding="utf-8")
    report = run([path], store, workers=2, batch_size=4)
    assert (report.inserted, report.workers) == (40, 2)


def test_a_few_inputs_need_no_worker_processes(folder: Path, store: Store) -> None:
    assert run([folder], store, workers=2).workers == 1


def test_progress_callback(folder: Path, store: Store) -> None:
    seen: list[int] = []
    run([folder], store, batch_size=1, on_progress=lambda p: seen.append(p.processed))
    assert seen[-1] == 4 and seen == sorted(seen)


def test_default_processor_is_the_pipeline_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from pantau.pipeline import Pipeline

    monkeypatch.setenv("PANTAU_PROCESSOR", READER)
    processor = default_processor_factory()
    assert isinstance(processor, ReaderProcessor)
    assert versions_of(processor).pipeline == "0.1.0"
    monkeypatch.delenv("PANTAU_PROCESSOR")
    pipeline = default_processor_factory()
    assert isinstance(pipeline, Pipeline)
    assert pipeline.names == ("entities", "actors", "places", "quotes", "events")


def test_load_factory() -> None:
    assert load_factory(READER) is reader_processor
    with pytest.raises(Exception, match="MODULE:FACTORY"):
        load_factory("pantau.ingest")
    with pytest.raises(Exception, match="cannot load"):
        load_factory("pantau.nothing:here")


def test_cli_exit_codes(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    ok = runner.invoke(
        app, ["ingest", str(folder), "--db", db, "--workers", "1", "--processor", READER, "-q"]
    )
    assert ok.exit_code == 0, ok.output
    assert "4 new" in ok.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 1}\n', encoding="utf-8")
    some = runner.invoke(
        app, ["ingest", str(bad), "--db", db, "--workers", "1", "--processor", READER, "-q"]
    )
    assert some.exit_code == 3
    assert "1 failed" in some.stderr and '"text" or "html"' in some.stderr
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", db])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: No such file or directory")
    failures = runner.invoke(app, ["articles", "failures", "--db", db])
    assert failures.exit_code == 0 and "bad.jsonl#L1" in failures.stdout
