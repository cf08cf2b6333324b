"""The reader: raw text or HTML in, a typed :class:`~pantau.article.Article` out.

Steps, each a small function of the text and the reader's resources:

1. decode and bound the input (:mod:`pantau.source`), extract HTML (:mod:`pantau.page`);
2. normalise to ``source_text`` and split it into lines;
3. the head: title, publication header, captions and chrome before the lead, then the dateline
   (:mod:`pantau.dateline`) at the start of the first body paragraph;
4. the body: every further line is boilerplate (:mod:`pantau.boilerplate`) or a paragraph, with
   editor codes and chrome cut from its ends;
5. sentences (:mod:`pantau.sentences`), body dates (:mod:`pantau.dates`), provenance
   (:mod:`pantau.provenance`) and language (:mod:`pantau.language`) over the clean ``text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pantau.article import (
    Article,
    Boilerplate,
    Dateline,
    DateMention,
    Paragraph,
    ReadWarning,
    Sentence,
)
from pantau.boilerplate import BoilerplateMarkers
from pantau.dateline import DatelineParser
from pantau.dates import DateResolver, weekday_matches
from pantau.errors import ConfigurationError
from pantau.language import LanguageChecker
from pantau.page import Page, extract
from pantau.provenance import ProvenanceFinder
from pantau.sentences import SentenceSplitter
from pantau.source import Limits, decode, normalize
from pantau.version import PIPELINE_VERSION

_HEAD_LINES = 12
"""How many lines before the lead may be title, header, caption or chrome."""
_HEAD_LINE_MAX_CHARS = 160
"""A longer line before the dateline is a body paragraph: the search for the dateline stops."""
_TITLE_MAX_WORDS = 25
_TERMINAL = tuple('.!?"”’)]:;')
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class _Head:
    """What the lines before the lead gave."""

    body_from: int
    """Index of the first body line."""
    dateline: Dateline | None
    title: str | None
    header_published: dt.datetime | dt.date | None
    boilerplate: tuple[Boilerplate, ...]


@dataclass(slots=True)
class _Body:
    paragraphs: list[Paragraph] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, source_start: int) -> None:
        if self.chunks:
            self.chunks.append("\n\n")
            self.length += 2
        self.paragraphs.append(Paragraph(self.length, self.length + len(text), source_start))
        self.chunks.append(text)
        self.length += len(text)


class Reader:
    """Reads articles. Build once (it loads its resources), then call :meth:`read` many times.

    The same object serves the CLI, the web API and a distributed worker; it holds no state that
    changes between calls.
    """

    def __init__(self, *, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._markers = BoilerplateMarkers()
        self._dates = DateResolver()
        self._datelines = DatelineParser(dates=self._dates)
        self._provenance = ProvenanceFinder()
        self._sentences = SentenceSplitter()
        self._language = LanguageChecker()

    def read(
        self,
        source: str | bytes,
        *,
        url: str | None = None,
        published: dt.datetime | dt.date | str | None = None,
        outlet: str | None = None,
    ) -> Article:
        """Read one article from text or HTML (``str`` or ``bytes``).

        Raises :class:`~pantau.errors.InputError` for input that is not an article (empty,
        binary, too large, unparseable HTML). Anything odd but readable becomes a warning in the
        record.
        """
        given_published = _published_argument(published)
        decoded = decode(source, limits=self.limits)
        warnings = [ReadWarning("encoding", message) for message in decoded.warnings]
        page: Page | None = None
        text = decoded.text
        if decoded.format == "html":
            page = extract(text, url=url)
            text = page.text
        source_text = normalize(text)
        if len(source_text) > self.limits.max_text_chars:
            warnings.append(
                ReadWarning(
                    "truncated",
                    f"text of {len(source_text):,} characters cut to "
                    f"{self.limits.max_text_chars:,} (Limits.max_text_chars)",
                )
            )
            source_text = source_text[: self.limits.max_text_chars]

        lines = list(_lines(source_text))
        head = self._head(source_text, lines, page.title if page else None)
        body = self._body(source_text, lines, head)
        clean = "".join(body.chunks)

        sentences = tuple(
            Sentence(start, end, index)
            for index, paragraph in enumerate(body.paragraphs)
            for start, end in self._sentences.split(clean, paragraph.start, paragraph.end)
        )

        chosen, published_source = _choose_published(
            given_published,
            page.published if page else None,
            head.header_published,
            head.dateline.date if head.dateline else None,
        )
        anchor = _as_date(chosen)
        dateline_date = head.dateline.date if head.dateline else None
        dates = tuple(self._dates.find(clean, published=anchor, dateline_date=dateline_date))
        provenance = tuple(self._provenance.find(clean))
        language = self._language.check(clean or source_text)
        warnings.extend(_warnings(head, body, dates, language.code))

        boilerplate = tuple(sorted((*head.boilerplate, *body.boilerplate), key=lambda b: b.start))
        return Article(
            id=hashlib.sha256(source_text.encode("utf-8")).hexdigest()[:16],
            source_text=source_text,
            text=clean,
            input_format=decoded.format,
            url=url or (page.url if page else None),
            outlet=outlet
            or (page.site_name if page else None)
            or (head.dateline.agency if head.dateline else None),
            title=head.title or (page.title if page else None),
            author=page.author if page else None,
            published=chosen,
            published_source=published_source,
            dateline=head.dateline,
            paragraphs=tuple(body.paragraphs),
            sentences=sentences,
            dates=dates,
            boilerplate=boilerplate,
            provenance=provenance,
            language=language,
            warnings=tuple(warnings),
            pipeline_version=PIPELINE_VERSION,
        )

    def _head(self, text: str, lines: list[tuple[int, int]], page_title: str | None) -> _Head:
        """Title, header, captions and chrome before the lead, then the dateline.

        The dateline is looked for in the first ``_HEAD_LINES`` lines, as long as the lines
        before it are short (bylines, outlet names, summary bullets); a long line that is not
        boilerplate is the lead itself, and the article has no dateline.
        """
        boilerplate: list[Boilerplate] = []
        unclassified: list[tuple[int, int]] = []
        title: str | None = None
        header: dt.datetime | dt.date | None = None
        header_start = -1
        for index, (start, end) in enumerate(lines[:_HEAD_LINES]):
            line = text[start:end]
            dateline = self._datelines.parse(line, offset=start)
            if dateline is not None:
                boilerplate.extend(
                    Boilerplate("chrome", text[s:e], s, e, text[s:e], "before-dateline")
                    for s, e in unclassified
                )
                return _Head(index, dateline, title, header, tuple(boilerplate))
            item = self._markers.classify_line(line, offset=start)
            if item is not None:
                boilerplate.append(item)
                continue
            parsed = self._dates.parse_header(line) if header is None else None
            if parsed is not None:
                header, header_start = parsed, start
                boilerplate.append(
                    Boilerplate("publication_header", line, start, end, line, "publication-header")
                )
                continue
            if title is None and not unclassified and _is_title(line, page_title, len(lines)):
                title = line
                boilerplate.append(Boilerplate("title", line, start, end, line, "title"))
                continue
            unclassified.append((start, end))
            if len(line) > _HEAD_LINE_MAX_CHARS:
                break
        if not unclassified:
            # every head line was boilerplate, a header or the title
            return _Head(min(len(lines), _HEAD_LINES), None, title, header, tuple(boilerplate))
        # No dateline: the body starts at the first line that is none of those.
        lead_start = unclassified[0][0]
        lead = next(i for i, (s, _) in enumerate(lines) if s == lead_start)
        return _Head(
            lead,
            None,
            title,
            header if header_start < lead_start else None,
            tuple(b for b in boilerplate if b.start < lead_start),
        )

    def _body(self, text: str, lines: list[tuple[int, int]], head: _Head) -> _Body:
        body = _Body()
        previous: Boilerplate | None = None
        for index in range(head.body_from, len(lines)):
            start, end = lines[index]
            if index == head.body_from and head.dateline is not None:
                start = head.dateline.end
            else:
                # ``previous`` lets a bare "Baca Juga" label claim the headlines listed under it.
                previous = self._markers.classify_line(
                    text[start:end], offset=start, previous=previous
                )
                if previous is not None:
                    body.boilerplate.append(previous)
                    continue
            line = text[start:end]
            cut_start, leading = self._markers.strip_leading(line, offset=start)
            line_end, trailing = self._markers.strip_trailing(
                line[cut_start:], offset=start + cut_start
            )
            body.boilerplate.extend(leading)
            body.boilerplate.extend(trailing)
            paragraph = text[start + cut_start : start + cut_start + line_end].strip()
            if not paragraph:
                continue
            source_start = text.index(paragraph, start + cut_start)
            body.add(paragraph, source_start)
        return body


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines, stripped of surrounding spaces."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


def _is_title(line: str, page_title: str | None, line_count: int) -> bool:
    if page_title and _same_title(line, page_title):
        return True
    return line_count > 1 and not line.endswith(_TERMINAL) and len(line.split()) <= _TITLE_MAX_WORDS


def _same_title(line: str, page_title: str) -> bool:
    a, b = line.casefold().strip(), page_title.casefold().strip()
    return a == b or (len(a) >= 20 and b.startswith(a))


def _published_argument(value: dt.datetime | dt.date | str | None) -> dt.datetime | dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        if len(value.strip()) == 10:
            return dt.date.fromisoformat(value.strip())
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as e:
        raise ConfigurationError(
            f"published={value!r} is not an ISO 8601 date or date-time: "
            "write e.g. 2017-02-19 or 2017-02-19T10:30:00+07:00"
        ) from e


PublishedSource = Literal["argument", "html", "header", "dateline", "none"]


def _choose_published(
    argument: dt.datetime | dt.date | None,
    html: dt.datetime | dt.date | None,
    header: dt.datetime | dt.date | None,
    dateline: dt.date | None,
) -> tuple[dt.datetime | dt.date | None, PublishedSource]:
    candidates: tuple[tuple[dt.datetime | dt.date | None, PublishedSource], ...] = (
        (argument, "argument"),
        (html, "html"),
        (header, "header"),
        (dateline, "dateline"),
    )
    found = [(value, source) for value, source in candidates if value is not None]
    if not found:
        return None, "none"
    value, source = found[0]
    if not isinstance(value, dt.datetime):
        # A day alone gives way to a later source's date-time on the same day.
        for other, other_source in found[1:]:
            if isinstance(other, dt.datetime) and other.date() == value:
                return other, other_source
    return value, source


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _warnings(
    head: _Head, body: _Body, dates: tuple[DateMention, ...], language: str
) -> Iterator[ReadWarning]:
    dateline = head.dateline
    if dateline is None:
        yield ReadWarning("no_dateline", "no dateline found at the start of the article")
    elif dateline.hijri is not None and dateline.hijri_consistent is False:
        yield ReadWarning(
            "hijri_mismatch",
            f"dateline Hijri date {dateline.hijri.year}-{dateline.hijri.month:02d}-"
            f"{dateline.hijri.day:02d} is {dateline.hijri_as_gregorian} on the Umm al-Qura "
            f"calendar, {dateline.hijri_difference_days} day(s) from the Gregorian {dateline.date}",
        )
    elif dateline.hijri is not None and dateline.hijri_as_gregorian is None:
        yield ReadWarning(
            "hijri_unchecked",
            f"dateline Hijri year {dateline.hijri.year} is outside the Umm al-Qura table "
            "(1343-1500 AH): not cross-checked",
        )
    if not body.paragraphs:
        yield ReadWarning(
            "empty_body",
            "no body text: every line is a title, a header, a caption or boilerplate",
        )
    for mention in dates:
        if weekday_matches(mention) is False:
            yield ReadWarning(
                "weekday_mismatch",
                f"{mention.text!r} resolves to {mention.date}, a "
                f"{mention.date.strftime('%A') if mention.date else '?'}: the weekday disagrees",
            )
    if body.paragraphs and language != "id":
        yield ReadWarning(
            "language", f"the text does not read as Indonesian (detected {language!r})"
        )


@cache
def default_reader() -> Reader:
    """The reader behind :func:`read`, built on first use and shared (it is read-only)."""
    return Reader()


def read(
    source: str | bytes,
    *,
    url: str | None = None,
    published: dt.datetime | dt.date | str | None = None,
    outlet: str | None = None,
) -> Article:
    """Read one Indonesian news article (text or HTML) into a typed :class:`Article`.

    A shortcut for ``Reader().read(...)`` that builds the reader once per process; build a
    :class:`Reader` yourself to set :class:`~pantau.source.Limits`.
    """
    return default_reader().read(source, url=url, published=published, outlet=outlet)
