"""Tests of :mod:`pantau.hijri`: Hijri month spellings and the Umm al-Qura cross-check."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.article import HijriDate
from pantau.hijri import HijriCalendar, HijriCheck, normalize_month_name


@pytest.fixture(scope="module")
def calendar() -> HijriCalendar:
    return HijriCalendar()


# Every spelling of the conventions table (shared/reference/indonesian-news-conventions.md §1):
# common media spelling, other spellings seen, KBBI standard and Javanese name.
SPELLINGS_BY_MONTH: dict[int, tuple[str, ...]] = {
    1: ("Muharram", "Muharam", "Muharrom", "Mukarom", "Sura", "Suro"),
    2: ("Safar", "Shafar", "Shofar", "Sapar"),
    3: (
        "Rabiul Awal", "Rabiul Awwal", "Rabi'ul Awal", "Rabi'ul Awwal", "Robi'ul Awwal",
        "Robiul Awal", "Rabi' I", "Rabi al-Awwal", "Rabiulawal", "Mulud",
    ),
    4: (
        "Rabiul Akhir", "Rabi'ul Akhir", "Rabiul Tsani", "Rabi'uts Tsani", "Robi'ul Akhir",
        "Rabiul Sani", "Rabi' II", "Rabiulakhir", "Bakda Mulud",
    ),
    5: (
        "Jumadil Awal", "Jumadil Awwal", "Jumadil Ula", "Jumadal Ula", "Jumada al-Ula",
        "Jumadal-Ula", "Jumadilawal",
    ),
    6: (
        "Jumadil Akhir", "Jumadil Akhirah", "Jumadil Akhiroh", "Jumadil Akhira", "Jumadil Tsani",
        "Jumadal Akhirah", "Jumadal Akhira", "Jumadal Akhir", "Jumadil Tsaniyah", "Jumadilakhir",
        "Jumadilakir",
    ),
    7: ("Rajab", "Rojab", "Rejeb"),
    8: ("Sya'ban", "Syaban", "Sya’ban", "Sha'ban", "Syakban", "Ruwah"),
    9: ("Ramadhan", "Ramadan", "Romadhon", "Ramadlan", "Pasa", "Poso"),
    10: ("Syawal", "Syawwal", "Shawwal", "Sawal"),
    11: (
        "Dzulqa'dah", "Dzulqaidah", "Dzulkaidah", "Dzul Qa'dah", "Dzulqo'dah", "Dzulka'dah",
        "Dzulqodah", "Zulqa'dah", "Zulkaidah", "Sela", "Dulkangidah",
    ),
    12: ("Dzulhijjah", "Dzulhijah", "Dzul Hijjah", "Zulhijjah", "Zulhijah", "Besar"),
}  # fmt: skip
SPELLINGS = [(name, month) for month, names in SPELLINGS_BY_MONTH.items() for name in names]


@pytest.mark.parametrize(("name", "number"), SPELLINGS)
def test_every_spelling_maps_to_its_month(calendar: HijriCalendar, name: str, number: int) -> None:
    assert calendar.month_number(name) == number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Rabi’ul Awwal", 3),  # right single quote
        ("Rabi‘ul Awwal", 3),  # left single quote
        ("Rabi`ul Awwal", 3),  # backtick
        ("Rabiʼul Awwal", 3),  # modifier letter apostrophe
        ("RABIUL AWAL", 3),
        ("rabiul-awal", 3),
        ("Rabiul  Awal", 3),
        ("Jumadil-Awwal", 5),
        ("JUMADILAWWAL", 5),
        ("Jumadal Ula", 5),
        ("jumada al ula", 5),
        ("Dzul-Hijjah", 12),
        ("Dzul Qo’dah", 11),
        ("sya`ban", 8),
        ("Sha’ban", 8),
        ("Rabi’ I", 3),
        ("Rabi’ II", 4),
    ],
)
def test_apostrophes_hyphens_spaces_and_case_are_optional(
    calendar: HijriCalendar, name: str, number: int
) -> None:
    assert calendar.month_number(name) == number


@pytest.mark.parametrize("name", ["Februari", "Rabiul", "Jumadil", "", "   ", "Ramadhanan", "13"])
def test_unknown_names_give_none(calendar: HijriCalendar, name: str) -> None:
    assert calendar.month_number(name) is None


def test_normalize_month_name() -> None:
    assert normalize_month_name("Rabi’ul-Awwal ") == "rabiulawwal"


@pytest.mark.parametrize(
    ("number", "name"), [(1, "Muharram"), (5, "Jumadil Awal"), (8, "Sya'ban"), (12, "Dzulhijjah")]
)
def test_month_name(calendar: HijriCalendar, number: int, name: str) -> None:
    assert calendar.month_name(number) == name


@pytest.mark.parametrize("number", [0, 13, -1])
def test_month_name_rejects_bad_numbers_naming_them(calendar: HijriCalendar, number: int) -> None:
    with pytest.raises(ValueError, match=f"{number}"):
        calendar.month_name(number)


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        (1438, 5, 21, dt.date(2017, 2, 18)),  # the reference article's dateline
        (1445, 9, 1, dt.date(2024, 3, 11)),  # 1 Ramadhan 1445
        (1446, 1, 1, dt.date(2024, 7, 7)),  # 1 Muharram 1446
        (1434, 6, 22, dt.date(2013, 5, 2)),
        (1343, 1, 1, dt.date(1924, 8, 1)),  # first day of the table
    ],
)
def test_to_gregorian(
    calendar: HijriCalendar, year: int, month: int, day: int, expected: dt.date
) -> None:
    assert calendar.to_gregorian(HijriDate(year, month, day, "x")) == expected


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (1342, 12, 29),  # before the Umm al-Qura table
        (1501, 1, 1),  # after it
        (1445, 8, 30),  # Sya'ban 1445 has 29 days
        (1445, 13, 1),
        (1445, 0, 1),
        (1445, 1, 0),
        (1445, 1, 31),
    ],
)
def test_to_gregorian_out_of_range_or_invalid_gives_none(
    calendar: HijriCalendar, year: int, month: int, day: int
) -> None:
    assert calendar.to_gregorian(HijriDate(year, month, day, "x")) is None


@pytest.mark.parametrize(
    ("gregorian", "difference", "consistent"),
    [
        (dt.date(2017, 2, 18), 0, True),
        (dt.date(2017, 2, 19), 1, True),  # the reference article
        (dt.date(2017, 2, 20), 2, True),
        (dt.date(2017, 2, 16), -2, True),
        (dt.date(2017, 2, 21), 3, False),
        (dt.date(2017, 2, 15), -3, False),
        (dt.date(2018, 2, 19), 366, False),
        (dt.datetime(2017, 2, 19, 8, 30), 1, True),
    ],
)
def test_check(
    calendar: HijriCalendar, gregorian: dt.date, difference: int, consistent: bool
) -> None:
    hijri = HijriDate(1438, 5, 21, "Jumadil Awwal")
    result = calendar.check(hijri, gregorian)
    assert result == HijriCheck(dt.date(2017, 2, 18), difference, consistent)
    as_gregorian, difference_days, is_consistent = result
    assert (as_gregorian, difference_days, is_consistent) == (
        dt.date(2017, 2, 18),
        difference,
        consistent,
    )


def test_check_out_of_range_is_unchecked(calendar: HijriCalendar) -> None:
    hijri = HijriDate(1300, 1, 1, "Muharram")
    assert calendar.check(hijri, dt.date(1882, 11, 12)) == HijriCheck(None, None, None)
