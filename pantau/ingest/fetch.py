"""Fetching pages politely: a user agent, robots.txt, a rate limit, timeouts and retries.

Only ingest of a URL (a page, a feed, a sitemap) uses the network; files never do. The
:class:`Fetcher` keeps its state (robots.txt per site, the time of the last request per host) in
the object, so one fetcher serves one ingest run.

robots.txt follows RFC 9309: a missing file (4xx) allows everything; a server error disallows
everything for the run; a site whose robots.txt cannot be reached at all is not fetched. A
``Crawl-delay`` longer than the rate limit's interval is honoured. Retries (``retries`` more
attempts, exponential back-off, ``Retry-After`` honoured up to a minute) are for connection
errors, timeouts, 429 and 5xx; any other 4xx fails at once.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from pantau.store.errors import FetchError, RobotsDisallowedError
from pantau.version import __version__

logger = logging.getLogger(__name__)

USER_AGENT = f"pantau/{__version__}"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    """The final URL, after redirects."""
    content: bytes
    content_type: str | None


class Fetcher:
    """Fetches URLs for one ingest run. ``rate``: requests per second per host."""

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = 20.0,
        retries: int = 2,
        backoff: float = 1.0,
        rate: float = 1.0,
        respect_robots: bool = True,
        max_bytes: int = 10_000_000,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0:
            raise FetchError(f"rate must be positive (requests per second), not {rate}")
        self.user_agent = user_agent
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.interval = 1.0 / rate
        self.respect_robots = respect_robots
        self.max_bytes = max_bytes
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, RobotFileParser | FetchError | None] = {}
        self._last: dict[str, float] = {}
        self._opener = urllib.request.build_opener()
        self.requests = 0

    def get(self, url: str) -> Page:
        """The page at ``url``. Raises :class:`FetchError` (or :class:`RobotsDisallowedError`)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"not an http(s) URL: {url!r}")
        if self.respect_robots and not self.allowed(url):
            raise RobotsDisallowedError(f"robots.txt of {parts.netloc} disallows {url}")
        status, content, headers = self._request(url, retry=True)
        if status >= 400:
            raise FetchError(f"HTTP {status} for {url}")
        return Page(headers.get("X-Final-URL", url), content, headers.get("Content-Type"))

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets pantau fetch ``url``; :class:`FetchError` if the site is down."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        if isinstance(parser, FetchError):
            raise FetchError(f"{parser} (robots.txt could not be read; nothing fetched there)")
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser | FetchError | None:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            status, content, _ = self._request(origin + "/robots.txt", retry=True)
        except FetchError as e:
            return e
        if 400 <= status < 500:
            return None
        if status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        parser.parse(content.decode("utf-8", errors="replace").splitlines())
        return parser

    def _crawl_delay(self, origin: str) -> float:
        parser = self._robots.get(origin)
        delay = parser.crawl_delay(self.user_agent) if isinstance(parser, RobotFileParser) else None
        return max(self.interval, float(delay or 0.0))

    def _wait(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc
        interval = self._crawl_delay(f"{parts.scheme}://{host}")
        last = self._last.get(host)
        if last is not None:
            pause = last + interval - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last[host] = self._clock()

    def _request(self, url: str, *, retry: bool) -> tuple[int, bytes, Message]:
        attempts = 1 + (self.retries if retry else 0)
        delay = self.backoff
        for attempt in range(1, attempts + 1):
            self._wait(url)
            self.requests += 1
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    content = response.read(self.max_bytes + 1)
                    if len(content) > self.max_bytes:
                        raise FetchError(f"{url} is larger than {self.max_bytes:,} bytes")
                    headers = response.headers
                    headers["X-Final-URL"] = response.geturl()
                    return response.status, content, headers
            except urllib.error.HTTPError as e:
                if e.code not in _RETRY_STATUS or attempt == attempts:
                    return e.code, b"", e.headers
                pause = _retry_after(e.headers, delay)
            except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
                if attempt == attempts:
                    reason = getattr(e, "reason", e)
                    raise FetchError(f"cannot fetch {url}: {reason}") from e
                pause = delay
            logger.info("retrying %s in %.1f s (attempt %d of %d)", url, pause, attempt, attempts)
            self._sleep(pause)
            delay *= 2
        raise FetchError(f"cannot fetch {url}")  # not reached: the loop returns or raises


def _retry_after(headers: Message, default: float) -> float:
    value = headers.get("Retry-After") if headers else None
    if value and value.strip().isdigit():
        return min(60.0, float(value))
    return default
