"""Dates of Indonesian news: publication headers and dates written in the body.

:class:`CalendarWords` holds the month, weekday, time-zone and cue words of
``pantau/data/calendar_words.toml``. :class:`DateResolver` uses them to

* parse a publication header line (``Kamis, 16 November 2023 | 21:03 WIB``) with
  :meth:`DateResolver.parse_header`, and
* find body dates with their spans (``Senin (20/2)``, ``Rabu, 5 November 2025``,
  ``7 Oktober lalu``, ``Maret 2024``, ``pada 2019``, ``…, Rabu.``) with
  :meth:`DateResolver.find`, resolving a missing year or a bare weekday against an anchor:
  the dateline date if there is one, else the publication date.

Order is always day/month. A day/month without a year takes the year that puts it closest
before or on the anchor, allowing up to :data:`FUTURE_DAYS` days after it (plans are reported
too); ``lalu`` ("ago") keeps it on or before the anchor, ``mendatang``/``depan`` after it.
A bare weekday is the latest such day on or before the anchor (``depan``: the next one after
it). Impossible dates (``31/2``) give no mention. A clock time right after a day
(``Senin (20/2) pukul 10.00 WIB``) fills the mention's ``time`` (precision ``minute``), but
the span covers only the date as written (``Senin (20/2)``, with its part of day
``malam``/``sore``), without ``lalu``/``mendatang`` and without the clock time. WIB, WITA and
WIT are UTC+7, +8 and +9. Headers without a time zone give naive datetimes.

Everything runs on regular expressions compiled once in the constructors; no call does more
than one linear scan of its text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Any, Literal

from pantau.article import DateMention, Precision
from pantau.datafiles import read_toml
from pantau.errors import ResourceError

__all__ = ["FUTURE_DAYS", "CalendarWords", "DateResolver", "weekday_matches"]

FUTURE_DAYS = 7
"""How many days after the anchor a day/month without a year may fall (announced plans)."""

_APOSTROPHES = "'’‘`ʼ"
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
_LETTER_AFTER = r"(?![^\W\d_])"
"""Negative look-ahead: the word goes no further."""

Anchor = Literal["published", "dateline", "explicit", "none"]
_DAYLIKE = frozenset({"day", "minute"})


def _key(word: str) -> str:
    return _APOSTROPHE_RE.sub("", word).strip().rstrip(".").casefold()


def _char_pattern(char: str) -> str:
    if char == "'":
        return f"[{_APOSTROPHES}]?"
    if char == " ":
        return r"\s+"
    return re.escape(char)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [_char_pattern(c) + _trie_pattern(child) for c, child in node.items() if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body


def alternation(words: Iterable[str]) -> str:
    """Regex source matching any of ``words`` (no flags; ``(?!)`` for none).

    The words are merged into a prefix tree, so a match tries a handful of branches rather
    than every word; apostrophes are optional and interchangeable, spaces stand for any
    white space. A word that is a prefix of another matches the longer one first.
    """
    trie: dict[str, Any] = {}
    for word in sorted(set(words)):
        node = trie
        for char in word.strip():
            key = "'" if char in _APOSTROPHES else " " if char.isspace() else char
            node = node.setdefault(key, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _cased(words: Iterable[str]) -> list[str]:
    """Title-case and upper-case forms of ``words`` (weekdays are matched case-sensitively)."""
    forms: list[str] = []
    for word in words:
        forms += [word, word[:1].upper() + word[1:], word.upper()]
    return forms


class CalendarWords:
    """The calendar vocabulary of ``calendar_words.toml``, with regex sources built from it."""

    __slots__ = (
        "_kinds",
        "_month_names",
        "_months",
        "_weekdays",
        "_zones",
        "future",
        "header_labels",
        "initials",
        "month_abbreviation_pattern",
        "month_name_pattern",
        "month_names",
        "past",
        "time_cue_pattern",
        "time_filler_pattern",
        "time_of_day_pattern",
        "weekday_any_pattern",
        "weekday_cues",
        "weekday_names",
        "weekday_pattern",
        "year_cues",
        "zone_pattern",
    )

    def __init__(self) -> None:
        data = read_toml("calendar_words.toml")[1]
        self._months: dict[str, int] = {}
        self._month_names: dict[str, int] = {}
        names: list[str] = []
        abbreviations: list[str] = []
        for entry in data.get("month", []):
            number = self._number(entry, range(1, 13), "month")
            for name in entry.get("names", []):
                self._month_names[_key(name)] = number
                self._months[_key(name)] = number
                names.append(name)
            for name in entry.get("abbreviations", []):
                self._months[_key(name)] = number
                abbreviations.append(name)
        if sorted(set(self._months.values())) != list(range(1, 13)):
            raise ResourceError("calendar_words.toml: each of the 12 months needs an entry")
        self._weekdays: dict[str, int] = {}
        weekday_names: list[str] = []
        weekday_abbreviations: list[str] = []
        for entry in data.get("weekday", []):
            number = self._number(entry, range(7), "weekday")
            for name in entry.get("names", []):
                self._weekdays[_key(name)] = number
                weekday_names.append(name)
            for name in entry.get("abbreviations", []):
                weekday_abbreviations.append(name)
        if sorted(set(self._weekdays.values())) != list(range(7)):
            raise ResourceError("calendar_words.toml: each of the 7 weekdays needs an entry")
        self._zones: dict[str, dt.timezone] = {}
        for zone, hours in data.get("time_zones", {}).items():
            if not isinstance(hours, int | float) or not -12 <= hours <= 14:
                raise ResourceError(f"calendar_words.toml: time zone {zone}={hours!r} is not hours")
            self._zones[zone.casefold()] = dt.timezone(dt.timedelta(hours=hours), zone.upper())
        words = data.get("words", {})
        self.past = frozenset(_key(w) for w in words.get("past", []))
        self.future = frozenset(_key(w) for w in words.get("future", []))
        self.weekday_cues = frozenset(_key(w) for w in words.get("weekday_cues", []))
        self.year_cues = frozenset(_key(w) for w in words.get("year_cues", []))
        self.header_labels = tuple(words.get("header_labels", []))
        self.month_names = tuple(names)
        self.weekday_names = tuple(weekday_names)
        self.month_name_pattern = alternation(names)
        self.month_abbreviation_pattern = alternation(abbreviations)
        self.weekday_pattern = alternation(_cased(weekday_names))
        self.weekday_any_pattern = alternation(weekday_names + weekday_abbreviations)
        self.time_of_day_pattern = alternation(words.get("times_of_day", []))
        self.time_cue_pattern = alternation(words.get("time_cues", []))
        self.time_filler_pattern = alternation(words.get("time_fillers", []))
        self.zone_pattern = alternation(self._zones)
        self._kinds: dict[str, Literal["weekday", "month"]] = dict.fromkeys(
            self._month_names, "month"
        )
        self._kinds.update(dict.fromkeys(self._weekdays, "weekday"))
        self.initials = "".join(sorted({w[0].upper() for w in names + weekday_names}))
        """Capital letters that may start a weekday or a month name (candidate starts)."""
        if not self.past or not self.future:
            raise ResourceError("calendar_words.toml: [words] needs `past` and `future` lists")

    @staticmethod
    def _number(entry: dict[str, Any], allowed: range, what: str) -> int:
        number = entry.get("number")
        if not isinstance(number, int) or number not in allowed:
            raise ResourceError(
                f"calendar_words.toml: {what} number {number!r} is not in "
                f"{allowed.start}-{allowed.stop - 1}"
            )
        return number

    def month_number(self, name: str, *, abbreviations: bool = True) -> int | None:
        """The month (1-12) of a Gregorian month name (``Pebruari``, ``Agt``, ``Sept.``)."""
        table = self._months if abbreviations else self._month_names
        found = table.get(name.casefold())
        return found if found is not None else table.get(_key(name))

    def weekday_number(self, name: str) -> int | None:
        """``date.weekday()`` of a weekday name (``Senin`` 0 … ``Ahad``/``Minggu`` 6)."""
        found = self._weekdays.get(name.casefold())
        return found if found is not None else self._weekdays.get(_key(name))

    def word_kind(self, word: str) -> Literal["weekday", "month"] | None:
        """Whether ``word`` is a weekday name, a full month name, or neither."""
        return self._kinds.get(word.casefold()) or self._kinds.get(_key(word))

    def timezone(self, name: str) -> dt.timezone | None:
        """The fixed-offset zone of ``WIB``/``WITA``/``WIT`` (any case), else ``None``."""
        return self._zones.get(name.casefold())

    @property
    def modifier_pattern(self) -> str:
        """Regex source of the past/future words after a date (``lalu``, ``mendatang``)."""
        return alternation(self.past | self.future)


@cache
def _default_words() -> CalendarWords:
    """The calendar words behind :func:`weekday_matches`, loaded on first use (read-only)."""
    return CalendarWords()


def weekday_matches(mention: DateMention, *, words: CalendarWords | None = None) -> bool | None:
    """Whether the weekday written in ``mention`` is the weekday of its resolved date.

    ``None`` when there is nothing to compare: no weekday written, no date, or a coarser
    precision than a day.
    """
    if mention.weekday is None or mention.date is None or mention.precision not in _DAYLIKE:
        return None
    number = (words or _default_words()).weekday_number(mention.weekday)
    if number is None:
        return None
    return mention.date.weekday() == number


def _as_date(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


class DateResolver:
    """Finds and resolves dates in headers and body text. Build once, call many times."""

    __slots__ = (
        "_digit_forms",
        "_header",
        "_month_forms",
        "_time",
        "_trigger",
        "_weekday_forms",
        "words",
    )

    def __init__(self, *, words: CalendarWords | None = None) -> None:
        self.words = w = words or CalendarWords()
        wd = f"(?:{w.weekday_pattern}){_LETTER_AFTER}"
        tod = f"(?i:{w.time_of_day_pattern}){_LETTER_AFTER}"
        mod = f"(?i:{w.modifier_pattern}){_LETTER_AFTER}"
        month = f"(?i:{w.month_name_pattern}){_LETTER_AFTER}"
        month_any = (
            f"(?i:(?:{w.month_name_pattern}){_LETTER_AFTER}"
            f"|(?:{w.month_abbreviation_pattern}){_LETTER_AFTER}\\.?)"
        )
        day = r"(?<![\d.,/:])"
        # Each form is one outer named group, so ``Match.lastgroup`` names the form that matched.
        # A: Senin (20/2), Jumat malam (22/4), Minggu (14/12/2025) sore, Kamis (16/11) lalu
        parenthesis = (
            rf"(?P<A>(?P<a_wd>{wd})(?:\s+(?P<a_tod1>{tod}))?\s*,?\s*"
            rf"\(\s*(?P<a_d>\d{{1,2}})\s*/\s*(?P<a_m>\d{{1,2}})"
            rf"(?:\s*/\s*(?P<a_y>\d{{4}}|\d{{2}}))?\s*\)"
            rf"(?:\s+(?P<a_tod2>{tod}))?(?:\s+(?P<a_mod>{mod}))?)"
        )

        def full(prefix: str) -> str:  # B: [Rabu, ]5 November 2025, 5 Nov. 2025
            return (
                rf"(?P<B>{prefix}{day}(?P<b_d>\d{{1,2}})\s+(?P<b_mon>{month_any})"
                rf"(?:\s*,\s*|\s+)(?P<b_y>\d{{4}})(?!\d))"
            )

        def numeric(prefix: str) -> str:  # N: [Rabu, ]15/11/2023
            return (
                rf"(?P<N>{prefix}{day}(?P<n_d>\d{{1,2}})/(?P<n_m>\d{{1,2}})/"
                rf"(?P<n_y>\d{{4}})(?![\d/]))"
            )

        def day_month(prefix: str) -> str:  # C: [Senin, ]7 Oktober[ lalu]
            return (
                rf"(?P<C>{prefix}{day}(?P<c_d>\d{{1,2}})\s+(?P<c_mon>{month})"
                rf"(?:\s+(?P<c_mod>{mod}))?)"
            )

        # Y: 2019, a date only after a cue word (checked in code): "pada 2019", "tahun 2015"
        year = rf"(?P<Y>{day}(?P<y_y>(?:1[89]|20)\d\d)(?!\d|[.,]\d))"
        # W: Rabu, a date only after a cue word or a comma (checked in code): "pada Senin",
        # "…, Rabu."; ``w_close`` records whether punctuation or a clock time follows.
        weekday = (
            rf"(?P<W>(?P<w_wd>{wd})(?:\s+(?P<w_tod>{tod}))?(?:\s+(?P<w_mod>{mod}))?"
            rf"(?P<w_close>(?=\s*(?:[.,;:!?)\"”]|$)"
            rf"|\s+(?i:{w.time_cue_pattern}){_LETTER_AFTER}))?)"
        )
        # M: Maret 2024
        month_year = rf"(?P<M>(?P<m_mon>{month})(?:\s*,\s*|\s+)(?P<m_y>(?:1[89]|20)\d\d)(?!\d))"
        self._digit_forms = re.compile(f"{full('')}|{numeric('')}|{day_month('')}|{year}")
        then = r"\s*,?\s+"
        self._weekday_forms = re.compile(
            f"{parenthesis}"
            f"|{full(f'(?P<b_wd>{wd}){then}')}"
            f"|{numeric(f'(?P<n_wd>{wd}){then}')}"
            f"|{day_month(f'(?P<c_wd>{wd}){then}')}"
            f"|{weekday}"
        )
        self._month_forms = re.compile(month_year)
        # Candidate starts, found by a scan that skips most characters in C: a digit run, or a
        # capitalised word that is a weekday or a month name.
        tails = alternation(name[1:] for name in _cased(w.weekday_names + w.month_names))
        self._trigger = re.compile(
            f"[0-9{re.escape(w.initials)}](?:(?<=[0-9])[0-9]*|(?:{tails}){_LETTER_AFTER})"
        )
        self._time = re.compile(
            rf"\s*,?\s*(?:(?i:{w.time_filler_pattern})\s+)?(?i:{w.time_cue_pattern})\s*"
            rf"(?P<h>\d{{1,2}})[.:](?P<m>\d{{2}})(?!\d)"
            rf"(?:\s*(?P<tz>(?i:{w.zone_pattern})){_LETTER_AFTER})?"
        )
        labels = alternation(w.header_labels)
        self._header = re.compile(
            rf"\s*(?:(?:{labels})\s*:?\s*|[\w.]+(?:\s+[\w.]+){{0,2}}\s*[-–—|:]\s*)?"
            rf"(?:(?P<wd>{w.weekday_any_pattern})\.?\s*,?\s+)?"
            rf"(?:(?P<d>\d{{1,2}})\s+(?P<mon>{w.month_name_pattern}|{w.month_abbreviation_pattern})"
            rf"\.?\s*,?\s+(?P<y>\d{{4}})"
            rf"|(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>\d{{4}}))"
            rf"(?:\s*(?:[,|•·–—-]\s*)?(?:(?:{w.time_cue_pattern})\s*)?"
            rf"(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?"
            rf"(?:\s*(?P<tz>{w.zone_pattern})\b)?)?\s*",
            re.IGNORECASE,
        )

    # ------------------------------------------------------------------ headers

    def parse_header(self, line: str) -> dt.datetime | dt.date | None:
        """The publication date and time of a header line, or ``None`` if it is not one.

        The header must be the whole line (an optional label or outlet name before it):
        a body sentence that merely contains a date gives ``None``. With a time zone
        (WIB, WITA, WIT) the datetime is aware; without one it is naive; without a time the
        result is a :class:`datetime.date`.
        """
        if len(line) > 120:
            return None
        m = self._header.fullmatch(line)
        if m is None:
            return None
        if m["d"] is not None:
            month = self.words.month_number(m["mon"])
            day, year = int(m["d"]), int(m["y"])
        else:
            month, day, year = int(m["nm"]), int(m["nd"]), int(m["ny"])
        if month is None or not 1900 <= year <= 2100:
            return None
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if m["h"] is None:
            return date
        zone = self.words.timezone(m["tz"]) if m["tz"] else None
        try:
            return dt.datetime.combine(
                date, dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0)), tzinfo=zone
            )
        except ValueError:
            return None

    # --------------------------------------------------------------------- body

    def weekday_matches(self, mention: DateMention) -> bool | None:
        """:func:`weekday_matches` with this resolver's calendar words."""
        return weekday_matches(mention, words=self.words)

    def find(
        self,
        text: str,
        *,
        published: dt.date | None,
        dateline_date: dt.date | None,
    ) -> list[DateMention]:
        """Date mentions of ``text``, in order, with spans into ``text``.

        Dates without a year and bare weekdays resolve against ``dateline_date`` if given,
        else ``published``; with neither their ``date`` is ``None`` (``anchor="none"``).
        """
        anchor_date = _as_date(dateline_date)
        anchor: Anchor = "dateline"
        if anchor_date is None:
            anchor_date, anchor = _as_date(published), "published"
        if anchor_date is None:
            anchor = "none"
        mentions: list[DateMention] = []
        kind_of = self.words.word_kind
        pos = 0
        search = self._trigger.search
        while (t := search(text, pos)) is not None:
            pos = t.end()
            token = t.group()
            if token[0].isdigit():
                # Every digit form opens with a day of one or two digits and a space or a
                # slash, or is a four-digit year: other numbers ("240 rumah", "2.000") are
                # no date, and need no match attempt.
                size, following = len(token), text[pos : pos + 1]
                if size != 4 and not (size <= 2 and (following == "/" or following.isspace())):
                    continue
                m = self._digit_forms.match(text, t.start())
            else:
                kind = kind_of(token)
                if kind is None:
                    continue
                forms = self._weekday_forms if kind == "weekday" else self._month_forms
                m = forms.match(text, t.start())
            if m is None:
                continue
            found = self._resolve(m, anchor_date, anchor)
            if found is None:
                continue
            mention = self._build(text, m, *found)
            pos = max(pos, m.end())
            mentions.append(mention)
        return mentions

    def _resolve(
        self, m: re.Match[str], anchor_date: dt.date | None, anchor: Anchor
    ) -> _Found | None:
        """Start, date, precision, weekday, part of day and anchor of a form's match."""
        g = m.group
        form = m.lastgroup
        if form == "A":
            return self._day_month(
                m.start(), g("a_wd"), int(g("a_d")), int(g("a_m")), g("a_y"),
                g("a_tod1") or g("a_tod2"), g("a_mod"), anchor_date, anchor,
            )  # fmt: skip
        if form == "B":
            weekday = g("b_wd") if "b_wd" in m.re.groupindex else None
            month = self.words.month_number(g("b_mon")) or 0
            return self._day_month(
                m.start(), weekday, int(g("b_d")), month, g("b_y"), None, None, anchor_date, anchor
            )
        if form == "N":
            weekday = g("n_wd") if "n_wd" in m.re.groupindex else None
            return self._day_month(
                m.start(), weekday, int(g("n_d")), int(g("n_m")), g("n_y"), None, None,
                anchor_date, anchor,
            )  # fmt: skip
        if form == "C":
            weekday = g("c_wd") if "c_wd" in m.re.groupindex else None
            month = self.words.month_number(g("c_mon")) or 0
            return self._day_month(
                m.start(), weekday, int(g("c_d")), month, None, None, g("c_mod"),
                anchor_date, anchor,
            )  # fmt: skip
        if form == "M":
            number = self.words.month_number(g("m_mon"))
            if number is None:
                return None
            return m.start(), dt.date(int(g("m_y")), number, 1), "month", None, None, "explicit"
        if form == "Y":
            cue = _word_before(m.string, m.start())
            if cue is None or cue[0].casefold() not in self.words.year_cues:
                return None
            # "tahun 2019" keeps its "tahun"; "pada 2019" is just the year.
            start = cue[1] if cue[0].casefold() == "tahun" else m.start()
            return start, dt.date(int(g("y_y")), 1, 1), "year", None, None, "explicit"
        # W: a bare weekday, after a cue word ("pada Senin") or after a comma when a full
        # stop, a comma or a clock time follows ("…, kata dia di Jakarta, Rabu.").
        start = m.start()
        cue = _word_before(m.string, start)
        after_cue = cue is not None and cue[0].casefold() in self.words.weekday_cues
        after_comma = m.string[max(0, start - 2) : start].rstrip()[-1:] == ","
        if not (after_cue or (after_comma and g("w_close") is not None)):
            return None
        return self._weekday(start, g("w_wd"), g("w_tod"), g("w_mod"), anchor_date, anchor)

    def _day_month(
        self,
        start: int,
        weekday: str | None,
        day: int,
        month: int,
        year_text: str | None,
        time_of_day: str | None,
        modifier: str | None,
        anchor_date: dt.date | None,
        anchor: Anchor,
    ) -> _Found | None:
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        if year_text is not None:
            year = int(year_text)
            if len(year_text) == 2:
                year += 2000
            try:
                return start, dt.date(year, month, day), "day", weekday, time_of_day, "explicit"
            except ValueError:
                return None
        try:
            dt.date(2000, month, day)  # a leap year: rejects 31/2 and 31/4, keeps 29/2
        except ValueError:
            return None
        date = None
        if anchor_date is not None:
            try:
                date = _closest_year(day, month, anchor_date, self._direction(modifier))
            except OverflowError:  # an anchor at the end of the calendar
                date = None
        return start, date, "day", weekday, time_of_day, anchor if date is not None else "none"

    def _weekday(
        self,
        start: int,
        weekday: str,
        time_of_day: str | None,
        modifier: str | None,
        anchor_date: dt.date | None,
        anchor: Anchor,
    ) -> _Found | None:
        number = self.words.weekday_number(weekday)
        if number is None:
            return None
        date = None
        if anchor_date is not None:
            direction = self._direction(modifier)
            if direction > 0:
                days = (number - anchor_date.weekday()) % 7 or 7
            else:
                back = (anchor_date.weekday() - number) % 7
                days = -(7 if direction < 0 and back == 0 else back)
            try:
                date = anchor_date + dt.timedelta(days=days)
            except OverflowError:  # an anchor at the end of the calendar
                date = None
        return start, date, "day", weekday, time_of_day, anchor if date is not None else "none"

    def _direction(self, modifier: str | None) -> int:
        if modifier is None:
            return 0
        key = _key(" ".join(modifier.split()))
        if key in self.words.past:
            return -1
        return 1 if key in self.words.future else 0

    def _build(
        self,
        text: str,
        m: re.Match[str],
        start: int,
        date: dt.date | None,
        precision: Precision,
        weekday: str | None,
        time_of_day: str | None,
        anchor: Anchor,
    ) -> DateMention:
        """The mention; a clock time right after it (``pukul 10.00 WIB``) fills ``time``.

        The span covers the date as written, with its part of day (``Senin (20/2) malam``)
        but without the ``lalu``/``mendatang`` that only steered the resolution and without
        the clock time.
        """
        end = m.end()
        clock = None
        if precision == "day" and (t := self._time.match(text, end)) is not None:
            hour, minute = int(t["h"]), int(t["m"])
            if hour <= 24 and minute <= 59:
                zone = self.words.timezone(t["tz"]) if t["tz"] else None
                clock = dt.time(hour % 24, minute, tzinfo=zone)
                precision = "minute"
        form = m.lastgroup or ""
        modifier = f"{form.lower()}_mod"
        if form in _FORMS_WITH_MODIFIER and m.start(modifier) >= 0:
            end = m.start(modifier)
            while end > start and text[end - 1].isspace():
                end -= 1
        if time_of_day is not None:
            time_of_day = " ".join(time_of_day.lower().split())
        return DateMention(
            text[start:end], start, end, date, precision, weekday, time_of_day, clock, anchor
        )


_FORMS_WITH_MODIFIER = frozenset("ACW")
"""Forms whose ``<form>_mod`` group holds a ``lalu``/``mendatang`` kept out of the span."""


_Found = tuple[int, dt.date | None, Precision, str | None, str | None, Anchor]
"""What a form's match resolves to: start, date, precision, weekday, part of day, anchor."""


def _word_before(text: str, index: int) -> tuple[str, int] | None:
    """The word just before ``index`` (separated by white space) and where it starts."""
    if index == 0 or not text[index - 1].isspace():
        return None
    end = index - 1
    while end > 0 and text[end - 1].isspace() and index - end < 4:
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha() and end - start < 20:
        start -= 1
    if start == end or (start > 0 and text[start - 1].isalnum()):
        return None
    return text[start:end], start


def _closest_year(day: int, month: int, anchor: dt.date, direction: int) -> dt.date | None:
    """The date of ``day``/``month`` in the year that fits the anchor best.

    ``direction`` 0: the latest date on or before ``anchor + FUTURE_DAYS``; -1: the latest on
    or before the anchor; +1: the first on or after the anchor. ``None`` if no year within
    eight of the anchor's has that day (29/2 is looked for in leap years).
    """
    if direction > 0:
        years = range(anchor.year, anchor.year + 9)
        limit = anchor
    else:
        years = range(anchor.year + 1, anchor.year - 9, -1)
        limit = anchor if direction < 0 else anchor + dt.timedelta(days=FUTURE_DAYS)
    for year in years:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate >= limit) if direction > 0 else (candidate <= limit):
            return candidate
    return None
