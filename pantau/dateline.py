"""Datelines: the place, agency and date(s) that open a wire story.

:class:`DatelineParser` looks only at the start of the first body paragraph and knows the
forms of Indonesian outlets (see ``pantau/data/datelines.toml`` and
``shared/reference/indonesian-news-conventions.md``)::

    Jakarta (ANTARA) - …                          place (agency) dash
    Washington, 21 Jumadil Awwal 1438/19 Februari 2017 (MINA) – …
    Jakarta, 5 Maret 2024 (ANTARA) - …            place, date(s) (agency) dash
    JAKARTA, KOMPAS.com - …   Gaza, MINA – …      place, brand dash
    REPUBLIKA.CO.ID, JAKARTA -- …                 brand, place dash
    Jakarta - …   GAZA - …   Aceh (SL) – …        place dash, place (code) dash
    Jakarta: …                                    place colon (Medcom)

Dashes may be ``-``, ``–``, ``—`` or ``--``, with or without spaces. A Hijri date is
converted with :class:`pantau.hijri.HijriCalendar` and cross-checked against the Gregorian
date beside it. Guards against ordinary first sentences: the place is at most five
capitalised words and forty characters, must not open with a word of the stop list, and a
dateline without agency or date needs a spaced dash (or a colon) followed by a capital.
"""

from __future__ import annotations

import datetime as dt
import re

from pantau.article import Dateline, HijriDate
from pantau.datafiles import read_toml
from pantau.dates import CalendarWords, DateResolver, alternation
from pantau.errors import ResourceError
from pantau.hijri import HijriCalendar

__all__ = ["DatelineParser"]

_SP = r"[^\S\n]"
"""White space within a line."""
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
"""A capitalised word (``Jakarta``, ``Al-Quds``, ``DKI``)."""
_DASH = rf"(?P<dash>{_SP}*(?:--?|[–—‒―−]{{1,2}}){_SP}*)"
_DOMAIN = (
    r"(?i:[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*"
    r"\.(?:co\.id|my\.id|web\.id|or\.id|com|id|net|org|tv|co|news))(?![\w.])"
)
_CODE = r"[A-Z][A-Z0-9.&/\-]{0,11}"
"""An unknown parenthesised agency code, kept as written (``SL``)."""
_DATE_NAME = r"[^\W\d_]+(?:(?:[^\S\n]|[-'’‘`ʼ]){1,2}[^\W\d_]+){0,3}"
_MARKER = r"(?:Hijriah|Hijriyah|Masehi|AH|AD|SM|H|M)"


class DatelineParser:
    """Parses the dateline at the start of a paragraph. Build once, call many times."""

    __slots__ = (
        "_acronyms",
        "_agencies",
        "_date_part",
        "_forms",
        "_hijri",
        "_max_chars",
        "_max_words",
        "_resolver",
        "_stopwords",
        "_words",
    )

    def __init__(
        self,
        *,
        words: CalendarWords | None = None,
        hijri: HijriCalendar | None = None,
        dates: DateResolver | None = None,
    ) -> None:
        data = read_toml("datelines.toml")[1]
        self._words = words or (dates.words if dates else CalendarWords())
        self._hijri = hijri or HijriCalendar()
        self._resolver = dates or DateResolver(words=self._words)
        agencies = data.get("agencies", {})
        if not agencies:
            raise ResourceError("datelines.toml: the [agencies] table is empty or missing")
        self._agencies: dict[str, str] = {k.casefold(): str(v) for k, v in agencies.items()}
        place = data.get("place", {})
        self._max_words = place.get("max_words", 5)
        self._max_chars = place.get("max_chars", 40)
        for key, value in (("max_words", self._max_words), ("max_chars", self._max_chars)):
            if not isinstance(value, int) or value < 1:
                raise ResourceError(
                    f"datelines.toml: [place] {key} = {value!r} must be a positive integer"
                )
        self._acronyms = frozenset(place.get("acronyms", []))
        self._stopwords = frozenset(w.casefold() for w in place.get("stopwords", []))
        particles = alternation(place.get("particles", []))
        word = rf"(?:{_CAP}|[a-z]{{1,3}}-{_CAP})"
        place_re = (
            rf"(?P<place>{_CAP}(?:{_SP}+(?:(?:{particles}){_SP}+){{0,2}}{word})"
            rf"{{0,{self._max_words - 1}}})"
        )
        known = rf"(?i:{alternation(agencies)})(?![\w.])"
        brand = rf"(?P<brand>{known}|{_DOMAIN})"
        date_part = (
            rf"(?:(?:{self._words.weekday_any_pattern}){_SP}*,?{_SP}+)?\d{{1,2}}{_SP}+"
            rf"{_DATE_NAME}{_SP}*,?{_SP}+\d{{4}}(?:{_SP}*{_MARKER}(?!\w)\.?)?"
        )
        dated = rf"(?:{_SP}*,{_SP}*(?P<dates>{date_part}(?:{_SP}*/{_SP}*{date_part})?))?"
        lead = rf"{_SP}*"
        self._forms = (
            re.compile(rf"{lead}{brand}{_SP}*,{_SP}*{place_re}{dated}{_DASH}"),
            re.compile(rf"{lead}{place_re}{_SP}*,{_SP}*{brand}{dated}{_DASH}"),
            re.compile(
                rf"{lead}{place_re}{dated}"
                rf"(?:{_SP}*\({_SP}*(?P<paren>{known}|{_DOMAIN}|{_CODE}){_SP}*\))?{_DASH}"
            ),
            re.compile(rf"{lead}{place_re}(?P<colon>:{_SP}+)"),
        )
        self._date_part = re.compile(
            rf"(?:(?P<weekday>{self._words.weekday_any_pattern}){_SP}*,?{_SP}+)?"
            rf"(?P<day>\d{{1,2}}){_SP}+(?P<name>{_DATE_NAME}){_SP}*,?{_SP}+(?P<year>\d{{4}})"
            rf"(?:{_SP}*(?P<marker>{_MARKER})(?!\w)\.?)?"
        )

    def parse(self, paragraph: str, *, offset: int = 0) -> Dateline | None:
        """The dateline that opens ``paragraph``, or ``None``.

        ``start``/``end`` are indices into ``paragraph`` plus ``offset``; ``end`` is where the
        body text begins (after the dash and its white space).
        """
        head = paragraph[:300]
        for form in self._forms:
            m = form.match(head)
            if m is not None and self._acceptable(m, paragraph):
                return self._dateline(m, paragraph, offset)
        return None

    def _acceptable(self, m: re.Match[str], text: str) -> bool:
        place = m["place"]
        words = place.split()
        first = words[0].casefold()
        if len(place) > self._max_chars or first in self._stopwords:
            return False
        if self._words.weekday_number(first) is not None:
            return False
        if self._words.month_number(first, abbreviations=False) is not None:
            return False
        groups = m.groupdict()
        if groups.get("brand") or groups.get("paren") or groups.get("dates"):
            return True
        following = text[m.end() : m.end() + 1]
        if following and not (following[0].isupper() or following[0] in "0123456789\"“‘'(["):
            return False
        if self._resolver.parse_header(text[m.end() :]) is not None:
            return False  # a byline and a publication header: "Admin - Senin, 19 Maret 2018"
        if groups.get("colon"):
            return len(words) <= 3
        # A bare hyphen with no space on either side joins words (``Jakarta-Bandung``).
        return bool(m["dash"] != "-")

    def _dateline(self, m: re.Match[str], paragraph: str, offset: int) -> Dateline:
        groups = m.groupdict()
        start = min(m.start(name) for name in ("brand", "place") if groups.get(name))
        end = m.end()
        agency_text = groups.get("brand") or groups.get("paren")
        agency = None
        if agency_text:
            agency_text = " ".join(agency_text.split())
            agency = self._agencies.get(agency_text.casefold(), agency_text)
        place = m["place"]
        date, hijri = self._dates(groups.get("dates"))
        as_gregorian = difference = consistent = None
        if hijri is not None:
            if date is not None:
                as_gregorian, difference, consistent = self._hijri.check(hijri, date)
            else:
                as_gregorian = self._hijri.to_gregorian(hijri)
        return Dateline(
            text=paragraph[start:end],
            start=start + offset,
            end=end + offset,
            place=place,
            place_normalized=self._normalize_place(place),
            agency=agency,
            date=date,
            hijri=hijri,
            hijri_as_gregorian=as_gregorian,
            hijri_consistent=consistent,
            hijri_difference_days=difference,
        )

    def _dates(self, text: str | None) -> tuple[dt.date | None, HijriDate | None]:
        date: dt.date | None = None
        hijri: HijriDate | None = None
        if not text:
            return None, None
        for part in self._date_part.finditer(text):
            name = " ".join(part["name"].split())
            day, year = int(part["day"]), int(part["year"])
            marker = (part["marker"] or "").casefold()
            gregorian_month = self._words.month_number(name)
            hijri_month = self._hijri.month_number(name)
            is_hijri = hijri_month is not None and (
                marker in {"h", "hijriah", "hijriyah", "ah"} or gregorian_month is None
            )
            if is_hijri and hijri is None and hijri_month is not None:
                hijri = HijriDate(year=year, month=hijri_month, day=day, month_name=name)
            elif gregorian_month is not None and date is None:
                try:
                    date = dt.date(year, gregorian_month, day)
                except ValueError:
                    continue
        return date, hijri

    def _normalize_place(self, place: str) -> str:
        """Title case for an ALL-CAPS place, keeping short acronyms (``DKI``, ``AS``)."""
        place = " ".join(place.split())
        if not any(c.isalpha() for c in place) or place != place.upper():
            return place
        return " ".join(self._title_word(word) for word in place.split(" "))

    def _title_word(self, word: str) -> str:
        letters = sum(c.isalpha() for c in word)
        if letters <= 2 or word in self._acronyms:
            return word
        if letters == 3 and not any(c in "AEIOU" for c in word):
            return word
        return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
