"""Units of ingest work: small picklable records a worker process turns into an article.

Each has a ledger ``key`` (what the input is: ``file:///…``, ``file:///…#L12`` for a JSONL line,
``file:///…#<WARC-Record-ID>``, a page URL) and a ``fingerprint`` (what it contains: size and
modification time of a file, a hash of a line or payload), so a rerun skips inputs done with
the same content and redoes changed ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pantau.errors import InputError


@dataclass(frozen=True, slots=True)
class Raw:
    """An input's content and what is known about it, ready for the processor."""

    content: str | bytes
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class FileTask:
    """A text or HTML file, read by the worker."""

    key: str
    fingerprint: str | None
    path: str

    def load(self) -> Raw:
        return Raw(Path(self.path).read_bytes())


@dataclass(frozen=True, slots=True)
class ContentTask:
    """Content already in hand: a WARC record, a feed entry, a fetched page."""

    key: str
    fingerprint: str | None
    content: str | bytes
    url: str | None = None
    published: str | None = None
    outlet: str | None = None

    def load(self) -> Raw:
        return Raw(self.content, self.url, self.published, self.outlet)


@dataclass(frozen=True, slots=True)
class JsonlTask:
    """One line of a JSONL file: ``{"text"|"html": …, "url": …, "published": …, "outlet": …}``."""

    key: str
    fingerprint: str | None
    line: bytes

    def load(self) -> Raw:
        try:
            data = json.loads(self.line.decode("utf-8-sig"))
        except UnicodeDecodeError as e:
            raise InputError(f"the line is not UTF-8 ({e.reason} at byte {e.start})") from e
        except json.JSONDecodeError as e:
            raise InputError(f"the line is not JSON: {e.msg} at column {e.colno}") from e
        if not isinstance(data, dict):
            raise InputError('a JSONL line must be an object with "text" or "html"')
        content = data.get("html") if data.get("html") is not None else data.get("text")
        if not isinstance(content, str):
            raise InputError('the line has no "text" or "html" string')
        fields = {}
        for name in ("url", "published", "outlet"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError(f'"{name}" must be a string, not {type(value).__name__}')
            fields[name] = value
        return Raw(content, **fields)


@dataclass(frozen=True, slots=True)
class UrlTask:
    """A page to fetch (in the parent process, politely) before processing."""

    key: str
    fingerprint: str | None
    url: str
    published: str | None = None
    fallback: str | None = None
    """Content to use when the page cannot be fetched (a feed entry's own content)."""


Task = FileTask | ContentTask | JsonlTask
