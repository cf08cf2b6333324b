"""Hijri (Islamic) calendar: Indonesian month names and the Umm al-Qura conversion.

Indonesian news writes Hijri months in many spellings (``Jumadil Awwal``, ``Jumadal Ula``,
``Jumadilawal``, Javanese ``Jumadilawal``); the spellings live in
``pantau/data/hijri_months.toml``. A name is matched ignoring case, apostrophes, hyphens and
white space. Conversion uses :mod:`hijridate` (the Umm al-Qura calendar, valid for
1343-1500 AH); Indonesia fixes months by sighting or its own reckoning, so a date one or two
days off the Umm al-Qura date is still consistent.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from hijridate import Hijri

from pantau.article import HijriDate
from pantau.datafiles import read_toml
from pantau.errors import ResourceError

__all__ = ["MAX_DIFFERENCE_DAYS", "HijriCalendar", "HijriCheck", "normalize_month_name"]

MAX_DIFFERENCE_DAYS = 2
"""Largest ``|difference|`` in days between a Hijri date and its Gregorian date still consistent."""

_IGNORED = re.compile(r"[\s'’‘`ʼʻ´\-‐‑–.]+")


def normalize_month_name(name: str) -> str:
    """The lookup key of a month name: case folded, apostrophes, hyphens and spaces removed."""
    return _IGNORED.sub("", name).casefold()


class HijriCheck(NamedTuple):
    """A Hijri date cross-checked against the Gregorian date written beside it."""

    as_gregorian: dt.date | None
    """The Hijri date on the Umm al-Qura calendar; ``None`` outside 1343-1500 AH or invalid."""
    difference_days: int | None
    """``gregorian - as_gregorian`` in days (positive: the written Gregorian date is later)."""
    consistent: bool | None
    """``|difference_days| <= 2``; ``None`` when the Hijri date could not be converted."""


class HijriCalendar:
    """Month names and conversion of the Hijri calendar. Build once, use many times."""

    __slots__ = ("_names", "_numbers")

    def __init__(self) -> None:
        data = read_toml("hijri_months.toml")[1]
        numbers: dict[str, int] = {}
        names: dict[int, str] = {}
        for entry in data.get("month", []):
            number = entry.get("number")
            if not isinstance(number, int) or not 1 <= number <= 12:
                raise ResourceError(
                    f"hijri_months.toml: month number {number!r} is not an integer 1-12"
                )
            if number in names:
                raise ResourceError(f"hijri_months.toml: month {number} is listed twice")
            names[number] = str(entry["name"])
            for spelling in [entry["name"], *entry.get("spellings", [])]:
                key = normalize_month_name(str(spelling))
                if not key:
                    raise ResourceError(f"hijri_months.toml: empty spelling {spelling!r}")
                if numbers.get(key, number) != number:
                    raise ResourceError(
                        f"hijri_months.toml: spelling {spelling!r} names month {numbers[key]} "
                        f"and month {number}: keep it under one month only"
                    )
                numbers[key] = number
        if sorted(names) != list(range(1, 13)):
            missing = sorted(set(range(1, 13)) - set(names))
            raise ResourceError(f"hijri_months.toml: months {missing} are missing")
        self._numbers = numbers
        self._names = names

    def month_number(self, name: str) -> int | None:
        """The month number (1-12) of a Hijri month name in any known spelling, else ``None``."""
        return self._numbers.get(normalize_month_name(name))

    def month_name(self, number: int) -> str:
        """The canonical Indonesian media spelling of month ``number`` (1-12)."""
        try:
            return self._names[number]
        except KeyError as e:
            raise ValueError(f"Hijri month number {number!r} is not in 1-12") from e

    def to_gregorian(self, hijri: HijriDate) -> dt.date | None:
        """The Umm al-Qura Gregorian date of ``hijri``; ``None`` if out of range or invalid."""
        try:
            converted = Hijri(hijri.year, hijri.month, hijri.day).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return dt.date(converted.year, converted.month, converted.day)

    def check(self, hijri: HijriDate, gregorian: dt.date) -> HijriCheck:
        """Compare ``hijri`` with the ``gregorian`` date written beside it."""
        if isinstance(gregorian, dt.datetime):
            gregorian = gregorian.date()
        as_gregorian = self.to_gregorian(hijri)
        if as_gregorian is None:
            return HijriCheck(None, None, None)
        difference = (gregorian - as_gregorian).days
        return HijriCheck(as_gregorian, difference, abs(difference) <= MAX_DIFFERENCE_DAYS)
