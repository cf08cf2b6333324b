"""Finding the inputs: files, folders, JSONL, WARC, RSS/Atom feeds, sitemaps and URLs.

:func:`discover` turns what the user named into a lazy stream of tasks (see
:mod:`pantau.ingest.tasks`) and failures. By file name:

- a folder: every file below it, recursively, in name order (hidden ones left out), of a kind
  listed here; other files are skipped;
- ``.txt``, ``.text``, ``.html``, ``.htm``, ``.xhtml``, ``.shtml``: one article (a file named
  explicitly is an article whatever its name, unless it is one of the kinds below);
- ``.jsonl``, ``.ndjson`` (also gzipped): one article per line;
- ``.warc``, ``.warc.gz``: every ``response`` record with an HTML or text payload;
- ``.xml``, ``.rss``, ``.atom`` (also gzipped): a feed or a sitemap, told apart by the root element
  (an XHTML page is an article).

A feed in a file gives its entries' own content (no network); a feed or sitemap given by URL
has its pages fetched. A sitemap lists URLs, so its pages are always fetched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gzip
import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from pantau.ingest.fetch import Fetcher
from pantau.ingest.tasks import ContentTask, FileTask, JsonlTask, UrlTask
from pantau.store.errors import FetchError
from pantau.store.writer import Failed

logger = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
XML_SUFFIXES = (".xml", ".rss", ".atom", ".xml.gz")
_ROOT = re.compile(rb"<([A-Za-z][\w.:-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf"}
_SITEMAP_ROOTS = {b"urlset", b"sitemapindex"}
_MAX_SITEMAP_DEPTH = 3

Discovered = FileTask | ContentTask | JsonlTask | UrlTask | Failed


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def discover(
    sources: Iterable[str | os.PathLike[str]], *, fetcher: Fetcher
) -> Iterator[Discovered]:
    """Tasks and failures for every input named, lazily, in order."""
    for source in sources:
        value = os.fspath(source)
        if is_url(value):
            yield from _url(value, fetcher)
        else:
            yield from _path(Path(value), fetcher)


def kind_of(path: Path, *, explicit: bool) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("xml", XML_SUFFIXES),
        ("article", ARTICLE_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return "article" if explicit else None


def _path(path: Path, fetcher: Fetcher) -> Iterator[Discovered]:
    if path.is_dir():
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                child = Path(folder) / name
                kind = kind_of(child, explicit=False)
                if kind and not name.startswith("."):
                    yield from _file(child, kind, fetcher)
    elif path.exists():
        yield from _file(path, kind_of(path, explicit=True) or "article", fetcher)
    else:
        yield Failed(file_key(path), None, f"no such file or folder: {path}", "discover")


def file_key(path: Path) -> str:
    return path.resolve().as_uri()


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def _hash(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha1(raw).hexdigest()


def _file(path: Path, kind: str, fetcher: Fetcher) -> Iterator[Discovered]:
    key = file_key(path)
    try:
        if kind == "article":
            yield FileTask(key, _fingerprint(path), str(path))
        elif kind == "jsonl":
            yield from _jsonl(path, key)
        elif kind == "warc":
            yield from _warc(path, key)
        else:
            data = _gunzip(path.read_bytes())
            xml = feed_or_sitemap(data)
            if xml is None:
                yield FileTask(key, _fingerprint(path), str(path))
            else:
                yield from _xml(data, xml, key=key, fetcher=fetcher, remote=False)
    except OSError as e:
        yield Failed(key, None, f"cannot read {path}: {e.strerror or e}", "discover")


def _gunzip(data: bytes) -> bytes:
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def _jsonl(path: Path, key: str) -> Iterator[Discovered]:
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield JsonlTask(f"{key}#L{number}", _hash(line), line)


def _warc(path: Path, key: str) -> Iterator[Discovered]:
    records = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio reads anything as old ARC: not ours
                    continue
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                kind = (record.http_headers.get_header("Content-Type") or "text/html").lower()
                if status != "200" or not ("html" in kind or "text/plain" in kind):
                    continue
                headers = record.rec_headers
                payload = record.content_stream().read()
                ident = headers.get_header("WARC-Record-ID") or headers.get_header("WARC-Date")
                digest = headers.get_header("WARC-Payload-Digest") or _hash(payload)
                url = headers.get_header("WARC-Target-URI")
                yield ContentTask(f"{key}#{ident}", digest, payload, url=url)
        except ArchiveLoadFailed as e:
            yield Failed(key, None, f"not a readable WARC file: {e}", "discover")
            return
    if not records:
        yield Failed(key, None, "not a readable WARC file: no WARC record in it", "discover")


def root_tag(data: bytes) -> bytes | None:
    """The lower-cased name of the first element of an XML or HTML document."""
    head = data[:4096]
    for match in _ROOT.finditer(head):
        return match.group(1).lower()
    return None


def feed_or_sitemap(data: bytes) -> str | None:
    """``feed``, ``sitemap``, or ``None`` for any other document (a page)."""
    root = root_tag(data)
    if root in _SITEMAP_ROOTS:
        return "sitemap"
    if root in _FEED_ROOTS:
        return "feed"
    return None


def _xml(
    data: bytes, kind: str, *, key: str, fetcher: Fetcher, remote: bool
) -> Iterator[Discovered]:
    if kind == "sitemap":
        yield from _sitemap(data, key=key, fetcher=fetcher, depth=0)
    else:
        yield from _feed(data, key=key, remote=remote)


def _url(url: str, fetcher: Fetcher) -> Iterator[Discovered]:
    try:
        page = fetcher.get(url)
    except FetchError as e:
        yield Failed(url, None, str(e), "fetch")
        return
    data = _gunzip(page.content)
    xml = feed_or_sitemap(data)
    if xml is not None:
        yield from _xml(data, xml, key=url, fetcher=fetcher, remote=True)
    else:
        yield ContentTask(url, _hash(data), data, url=page.url)


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).isoformat()


def _entry_content(entry: Any) -> str | None:
    for part in entry.get("content") or ():
        if part.get("value", "").strip():
            return str(part["value"])
    summary = entry.get("summary")
    return str(summary) if summary and summary.strip() else None


def _feed(data: bytes, *, key: str, remote: bool) -> Iterator[Discovered]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield Failed(key, None, f"not a readable feed: {reason}", "discover")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        content = _entry_content(entry)
        published = _published(entry)
        if remote and link:
            yield UrlTask(link, None, link, published=published, fallback=content)
        elif content:
            ident = entry.get("id") or link or str(number)
            yield ContentTask(
                f"{key}#{ident}", _hash(content), content, url=link, published=published
            )
        else:
            yield Failed(
                f"{key}#{entry.get('id') or link or number}",
                None,
                "the feed entry has no content of its own; give the feed's URL to fetch its pages",
                "discover",
            )


def _sitemap(data: bytes, *, key: str, fetcher: Fetcher, depth: int) -> Iterator[Discovered]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        yield Failed(key, None, f"not a readable sitemap: {e}", "discover")
        return
    if root is None:
        yield Failed(key, None, "not a readable sitemap: empty document", "discover")
        return
    if etree.QName(root).localname == "sitemapindex":
        for loc in root.iterfind("{*}sitemap/{*}loc"):
            url = (loc.text or "").strip()
            if not url:
                continue
            if depth >= _MAX_SITEMAP_DEPTH:
                yield Failed(url, None, "sitemap index nested too deep", "discover")
                continue
            try:
                page = fetcher.get(url)
            except FetchError as e:
                yield Failed(url, None, str(e), "fetch")
                continue
            yield from _sitemap(_gunzip(page.content), key=url, fetcher=fetcher, depth=depth + 1)
        return
    for node in root.iterfind("{*}url"):
        url = (node.findtext("{*}loc") or "").strip()
        if not url:
            continue
        lastmod = (node.findtext("{*}lastmod") or "").strip() or None
        published = (node.findtext("{*}news/{*}publication_date") or "").strip() or None
        yield UrlTask(url, lastmod, url, published=published)
