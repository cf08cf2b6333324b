"""Tests of :mod:`pantau.dates`: publication headers and body dates.

The texts are ours, written in the style of Indonesian outlets.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.article import DateMention
from pantau.dates import CalendarWords, DateResolver, weekday_matches


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver()


def zone(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# ---------------------------------------------------------------------------- headers

HEADERS = [
    ("Kamis, 16 November 2023 | 21:03 WIB", dt.datetime(2023, 11, 16, 21, 3, tzinfo=zone(7))),
    ("Kompas.com - 27/03/2024, 06:16 WIB", dt.datetime(2024, 3, 27, 6, 16, tzinfo=zone(7))),
    ("Sabtu, 23 April 2022 - 08:31 WIB", dt.datetime(2022, 4, 23, 8, 31, tzinfo=zone(7))),
    ("Rabu 06 Sep 2017 22:40 WIB", dt.datetime(2017, 9, 6, 22, 40, tzinfo=zone(7))),
    ("10 April 2023 16:26 WIB", dt.datetime(2023, 4, 10, 16, 26, tzinfo=zone(7))),
    ("Senin, 5 Februari 2024 09:15 WITA", dt.datetime(2024, 2, 5, 9, 15, tzinfo=zone(8))),
    ("Diterbitkan: 12/01/2025 pukul 19.10 WIT", dt.datetime(2025, 1, 12, 19, 10, tzinfo=zone(9))),
    ("Selasa, 7 Mei 2024 10:00 wita", dt.datetime(2024, 5, 7, 10, 0, tzinfo=zone(8))),
    ("Jum'at, 3 Nop 2023 | 13:30 Wib", dt.datetime(2023, 11, 3, 13, 30, tzinfo=zone(7))),
    ("Jum’at, 3 Nopember 2023 13:30 WIB", dt.datetime(2023, 11, 3, 13, 30, tzinfo=zone(7))),
    ("Ahad, 4 Pebruari 2024 07:05 WIB", dt.datetime(2024, 2, 4, 7, 5, tzinfo=zone(7))),
    ("Min, 18 Agu 2024 18:00 WIB", dt.datetime(2024, 8, 18, 18, 0, tzinfo=zone(7))),
    ("18 Agt 2024 18:00 WIB", dt.datetime(2024, 8, 18, 18, 0, tzinfo=zone(7))),
    ("18 Ags 2024 18:00 WIB", dt.datetime(2024, 8, 18, 18, 0, tzinfo=zone(7))),
    ("Kamis, 12 Sept 2024 08:00 WIT", dt.datetime(2024, 9, 12, 8, 0, tzinfo=zone(9))),
    ("Sabtu, 23 April 2022 - 08:31", dt.datetime(2022, 4, 23, 8, 31)),
    ("  Rabu, 15 Mei 2024  ", dt.date(2024, 5, 15)),
    ("Senin, 5 Februari 2024", dt.date(2024, 2, 5)),
    ("27/03/2024", dt.date(2024, 3, 27)),
    ("Admin - Senin, 19 Maret 2018 - 08:31 WIB", dt.datetime(2018, 3, 19, 8, 31, tzinfo=zone(7))),
    ("Diperbarui: Kamis, 16 November 2023 21.03 WIB",
     dt.datetime(2023, 11, 16, 21, 3, tzinfo=zone(7))),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), HEADERS)
def test_parse_header(resolver: DateResolver, line: str, expected: dt.datetime | dt.date) -> None:
    parsed = resolver.parse_header(line)
    assert parsed == expected
    assert type(parsed) is type(expected)
    if isinstance(expected, dt.datetime):
        assert isinstance(parsed, dt.datetime)
        assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("line", "name"), [("10 April 2023 16:26 WIB", "WIB"), ("10 April 2023 16:26 wita", "WITA")]
)
def test_header_zone_keeps_its_name(resolver: DateResolver, line: str, name: str) -> None:
    parsed = resolver.parse_header(line)
    assert isinstance(parsed, dt.datetime)
    assert parsed.tzname() == name


NOT_HEADERS = [
    "Polisi menangkap tersangka pada Kamis, 16 November 2023 pukul 21.03 WIB di rumahnya.",
    "Rapat digelar 10 April 2023 16:26 WIB dan dihadiri menteri.",
    "Kamis, 16 November 2023 | 21:03 WIB | Dibaca 2.145 kali oleh pembaca setia kami",
    "31/02/2024 10:00 WIB",
    "Senin, 30 Februari 2024",
    "16 November 2023 25:61 WIB",
    "Jakarta (ANTARA) - Pemerintah menyiapkan bantuan.",
    "",
    "Kamis",
    "16 Brumaire 2023",
    "12 Januari 1850",
]


@pytest.mark.parametrize("line", NOT_HEADERS)
def test_lines_that_are_not_headers(resolver: DateResolver, line: str) -> None:
    assert resolver.parse_header(line) is None


# ------------------------------------------------------------------------ body dates

FEB_19_2017 = dt.date(2017, 2, 19)  # a Sunday: the reference article's dateline date

# text, anchor, mention text, date, precision, weekday, time_of_day
BODY = [
    pytest.param("Pasukan menyerbu kota itu pada Senin (20/2).", FEB_19_2017,
                 "Senin (20/2)", dt.date(2017, 2, 20), "day", "Senin", None, id="weekday-dd-m"),
    pytest.param("Ledakan terjadi Rabu (15/11/2023) malam di pasar.", FEB_19_2017,
                 "Rabu (15/11/2023) malam", dt.date(2023, 11, 15), "day", "Rabu", "malam",
                 id="weekday-full-year-time-of-day-after"),
    pytest.param("Ahad (18/3) massa berkumpul di alun-alun.", dt.date(2018, 3, 20),
                 "Ahad (18/3)", dt.date(2018, 3, 18), "day", "Ahad", None, id="ahad"),
    pytest.param("Rapat digelar Selasa (06/05) di gedung DPR.", dt.date(2025, 5, 8),
                 "Selasa (06/05)", dt.date(2025, 5, 6), "day", "Selasa", None, id="zero-padded"),
    pytest.param("Serangan terjadi Jumat malam (22/4) di perbatasan.", dt.date(2022, 4, 23),
                 "Jumat malam (22/4)", dt.date(2022, 4, 22), "day", "Jumat", "malam",
                 id="time-of-day-between"),
    pytest.param("Warga mengungsi Senin petang (7/7) setelah banjir.", dt.date(2025, 7, 8),
                 "Senin petang (7/7)", dt.date(2025, 7, 7), "day", "Senin", "petang",
                 id="petang"),
    pytest.param("Demo berakhir Minggu (14/12/2025) sore tanpa insiden.", None,
                 "Minggu (14/12/2025) sore", dt.date(2025, 12, 14), "day", "Minggu", "sore",
                 id="explicit-year-needs-no-anchor"),
    pytest.param("Jum'at (5/1) dini hari api padam.", dt.date(2024, 1, 6),
                 "Jum'at (5/1) dini hari", dt.date(2024, 1, 5), "day", "Jum'at", "dini hari",
                 id="jum-at-dini-hari"),
    pytest.param("Putusan dibacakan pada Rabu, 5 November 2025, di Jakarta.", None,
                 "Rabu, 5 November 2025", dt.date(2025, 11, 5), "day", "Rabu", None,
                 id="full-with-weekday"),
    pytest.param("Gempa mengguncang pada 5 November 2025 dini hari.", None,
                 "5 November 2025", dt.date(2025, 11, 5), "day", None, None, id="full"),
    pytest.param("Kontrak diteken 12 Nop. 2019 di Surabaya.", None,
                 "12 Nop. 2019", dt.date(2019, 11, 12), "day", None, None,
                 id="full-abbreviated-month"),
    pytest.param("Kericuhan terjadi pada 7 Oktober lalu di stadion.", dt.date(2023, 11, 2),
                 "7 Oktober", dt.date(2023, 10, 7), "day", None, None, id="day-month-lalu"),
    pytest.param("Serangan terjadi pada 7 Oktober 2023 pagi.", FEB_19_2017,
                 "7 Oktober 2023", dt.date(2023, 10, 7), "day", None, None,
                 id="day-month-year"),
    pytest.param("Anggaran disahkan Maret 2024 oleh DPRD.", None,
                 "Maret 2024", dt.date(2024, 3, 1), "month", None, None, id="month-year"),
    pytest.param("Konflik itu pecah pada 2019 dan belum selesai.", None,
                 "2019", dt.date(2019, 1, 1), "year", None, None, id="year-after-pada"),
    pytest.param("Lembaga itu berdiri sejak tahun 1998 di Medan.", None,
                 "tahun 1998", dt.date(1998, 1, 1), "year", None, None, id="year-after-tahun"),
    pytest.param("“Kami menolak,” kata dia di Jakarta, Rabu.", dt.date(2024, 3, 7),
                 "Rabu", dt.date(2024, 3, 6), "day", "Rabu", None, id="antara-weekday-alone"),
    pytest.param("Massa membubarkan diri pada Kamis malam setelah negosiasi.", dt.date(2024, 3, 9),
                 "Kamis malam", dt.date(2024, 3, 7), "day", "Kamis", "malam",
                 id="weekday-after-pada"),
    pytest.param("Ia ditangkap hari Sabtu di rumahnya.", dt.date(2024, 3, 9),
                 "Sabtu", dt.date(2024, 3, 9), "day", "Sabtu", None, id="weekday-on-anchor"),
    pytest.param("Sidang lanjutan digelar pada Senin depan.", dt.date(2024, 3, 4),
                 "Senin", dt.date(2024, 3, 11), "day", "Senin", None,
                 id="weekday-next-week"),
    pytest.param("Bentrokan terjadi pada Senin lalu.", dt.date(2024, 3, 4),
                 "Senin", dt.date(2024, 2, 26), "day", "Senin", None,
                 id="weekday-last-week"),
    pytest.param("Pemilu ulang digelar 20 Mei mendatang.", dt.date(2024, 5, 25),
                 "20 Mei", dt.date(2025, 5, 20), "day", None, None,
                 id="day-month-mendatang"),
    pytest.param("Laporan itu terbit Rabu, 15/11/2023 lalu.", None,
                 "Rabu, 15/11/2023", dt.date(2023, 11, 15), "day", "Rabu", None,
                 id="numeric-with-weekday"),
    pytest.param("KPU menetapkan hasil pada Kamis, 21 Maret lalu.", dt.date(2024, 3, 25),
                 "Kamis, 21 Maret", dt.date(2024, 3, 21), "day", "Kamis", None,
                 id="weekday-day-month"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "anchor", "mention", "date", "precision", "weekday", "time_of_day"), BODY
)
def test_body_forms(
    resolver: DateResolver,
    text: str,
    anchor: dt.date | None,
    mention: str,
    date: dt.date | None,
    precision: str,
    weekday: str | None,
    time_of_day: str | None,
) -> None:
    found = resolver.find(text, published=anchor, dateline_date=None)
    assert [m.text for m in found] == [mention]
    (m,) = found
    assert text[m.start : m.end] == mention
    assert (m.date, m.precision, m.weekday, m.time_of_day) == (
        date,
        precision,
        weekday,
        time_of_day,
    )


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # the year that puts the day closest before or on the anchor ...
        ("Senin (20/2)", dt.date(2017, 2, 19), dt.date(2017, 2, 20)),  # 1 day ahead: a plan
        ("Senin (26/2)", dt.date(2017, 2, 19), dt.date(2017, 2, 26)),  # 7 days ahead: still
        ("Senin (27/2)", dt.date(2017, 2, 19), dt.date(2016, 2, 27)),  # 8 days ahead: last year
        ("Rabu (31/12)", dt.date(2025, 1, 2), dt.date(2024, 12, 31)),  # across new year
        ("Jumat (3/1)", dt.date(2024, 12, 30), dt.date(2025, 1, 3)),  # plan across new year
        ("Kamis (29/2)", dt.date(2025, 3, 10), dt.date(2024, 2, 29)),  # a leap day
        ("pada 7 Oktober lalu", dt.date(2023, 10, 5), dt.date(2022, 10, 7)),  # lalu: never ahead
        ("pada 7 Oktober", dt.date(2023, 10, 5), dt.date(2023, 10, 7)),
        ("pada 7 Oktober mendatang", dt.date(2023, 10, 8), dt.date(2024, 10, 7)),
        # ... a bare weekday: the latest on or before the anchor
        ("di Jakarta, Rabu.", dt.date(2024, 3, 6), dt.date(2024, 3, 6)),  # anchor is a Wednesday
        ("di Jakarta, Kamis.", dt.date(2024, 3, 6), dt.date(2024, 2, 29)),
        ("pada Rabu lalu", dt.date(2024, 3, 6), dt.date(2024, 2, 28)),
        ("pada Rabu mendatang", dt.date(2024, 3, 6), dt.date(2024, 3, 13)),
    ],
)
def test_year_and_weekday_resolution(
    resolver: DateResolver, text: str, anchor: dt.date, expected: dt.date
) -> None:
    (m,) = resolver.find(text, published=anchor, dateline_date=None)
    assert m.date == expected
    assert m.anchor == "published"


def test_dateline_date_is_the_anchor_before_the_publication_date(resolver: DateResolver) -> None:
    text = "Pasukan menyerbu pada Senin (20/2)."
    (m,) = resolver.find(
        text, published=dt.datetime(2018, 2, 19, 9, 0), dateline_date=dt.date(2017, 2, 19)
    )
    assert (m.date, m.anchor) == (dt.date(2017, 2, 20), "dateline")
    (m,) = resolver.find(text, published=dt.datetime(2018, 2, 19, 9, 0), dateline_date=None)
    assert (m.date, m.anchor) == (dt.date(2018, 2, 20), "published")


def test_explicit_dates_are_anchored_explicitly(resolver: DateResolver) -> None:
    found = resolver.find(
        "Rabu (15/11/2023), 5 November 2025, Maret 2024, pada 2019",
        published=None,
        dateline_date=dt.date(2017, 2, 19),
    )
    assert [(m.text, m.anchor) for m in found] == [
        ("Rabu (15/11/2023)", "explicit"),
        ("5 November 2025", "explicit"),
        ("Maret 2024", "explicit"),
        ("2019", "explicit"),
    ]


def test_without_anchor_relative_dates_are_unresolved(resolver: DateResolver) -> None:
    found = resolver.find(
        "Senin (20/2), 7 Oktober lalu dan di Jakarta, Rabu.", published=None, dateline_date=None
    )
    assert [(m.text, m.date, m.precision, m.anchor) for m in found] == [
        ("Senin (20/2)", None, "day", "none"),
        ("7 Oktober", None, "day", "none"),
        ("Rabu", None, "day", "none"),
    ]


@pytest.mark.parametrize(
    ("text", "mention", "clock"),
    [
        ("Senin (20/2) pukul 10.00 WIB massa tiba.", "Senin (20/2)",
         dt.time(10, 0, tzinfo=zone(7))),
        ("Senin (20/2) sekitar Pukul 17.00 Wita api padam.",
         "Senin (20/2)", dt.time(17, 0, tzinfo=zone(8))),
        ("Rabu (22/2) malam, pukul 19.10 WIT, listrik padam.",
         "Rabu (22/2) malam", dt.time(19, 10, tzinfo=zone(9))),
        ("pada Selasa pkl. 08.15 warga berkumpul", "Selasa", dt.time(8, 15)),
        ("Rabu (15/2) lalu pukul 08.00 WIB", "Rabu (15/2)", dt.time(8, 0, tzinfo=zone(7))),
        ("5 November 2025 jam 21:30 WIB", "5 November 2025",
         dt.time(21, 30, tzinfo=zone(7))),
    ],
)  # fmt: skip
def test_clock_time_of_the_adjacent_date_fills_time(
    resolver: DateResolver, text: str, mention: str, clock: dt.time
) -> None:
    (m,) = resolver.find(text, published=dt.date(2017, 2, 22), dateline_date=None)
    assert m.text == mention
    assert m.precision == "minute"
    assert m.time == clock
    assert m.time is not None and m.time.utcoffset() == clock.utcoffset()


def test_clock_time_alone_is_not_a_date(resolver: DateResolver) -> None:
    text = "Api padam pukul 10.00 WIB setelah tiga jam."
    assert resolver.find(text, published=dt.date(2024, 3, 4), dateline_date=None) == []


def test_clock_time_not_adjacent_is_not_attached(resolver: DateResolver) -> None:
    text = "Senin (4/3) warga berkumpul dan pukul 10.00 WIB mereka bubar."
    (m,) = resolver.find(text, published=dt.date(2024, 3, 4), dateline_date=None)
    assert (m.text, m.time, m.precision) == ("Senin (4/3)", None, "day")


NO_DATES = [
    "Senin (31/2) tidak ada.",  # impossible day
    "Selasa (31/4) juga tidak.",
    "Rabu (12/13) bukan tanggal.",
    "Kamis (0/5) bukan tanggal.",
    "Tanggal 31 Februari tidak pernah ada.",
    "Warga berkumpul setiap Senin di balai desa.",  # a habit, not a date
    "Minggu lalu, harga cabai naik.",  # "last week"
    "Dalam dua minggu terakhir hujan turun.",
    "Sebanyak 2019 orang mengungsi.",  # a count, not a year
    "Harga naik 1.500 rupiah per 12 bulan.",
    "Skor akhir 3-1 untuk tuan rumah.",
    "Rabu adalah hari pasar di desa itu.",  # sentence-initial weekday, no cue
    "Kode pos 12950 berada di Jakarta Selatan.",
    "Lagu April karya musisi itu populer.",
    "",
]


@pytest.mark.parametrize("text", NO_DATES)
def test_no_date_mentions(resolver: DateResolver, text: str) -> None:
    assert resolver.find(text, published=dt.date(2024, 3, 4), dateline_date=None) == []


def test_several_mentions_in_order(resolver: DateResolver) -> None:
    text = (
        "Bentrokan pecah Senin (4/3) malam. Polisi menahan 12 orang pada Selasa, "
        "kata juru bicara di Bogor, Rabu. Sidang digelar 20 Maret mendatang."
    )
    found = resolver.find(text, published=dt.date(2024, 3, 6), dateline_date=None)
    assert [(m.text, m.date) for m in found] == [
        ("Senin (4/3) malam", dt.date(2024, 3, 4)),
        ("Selasa", dt.date(2024, 3, 5)),
        ("Rabu", dt.date(2024, 3, 6)),
        ("20 Maret", dt.date(2024, 3, 20)),
    ]


# ---------------------------------------------------------------------- weekday check


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Senin (20/2)", dt.date(2017, 2, 19), True),  # 20 Feb 2017 was a Monday
        ("Selasa (20/2)", dt.date(2017, 2, 19), False),
        ("Ahad (19/2)", dt.date(2017, 2, 19), True),
        ("Minggu (19/2)", dt.date(2017, 2, 19), True),
        ("Jum’at (24/2)", dt.date(2017, 2, 24), True),
        ("Rabu, 5 November 2025", None, True),
        ("Kamis, 5 November 2025", None, False),
        ("5 November 2025", None, None),  # no weekday written
        ("Senin (20/2)", None, None),  # no date
    ],
)
def test_weekday_matches(
    resolver: DateResolver, text: str, anchor: dt.date | None, expected: bool | None
) -> None:
    (m,) = resolver.find(text, published=anchor, dateline_date=None)
    assert weekday_matches(m) is expected
    assert resolver.weekday_matches(m) is expected


def test_weekday_matches_needs_day_precision() -> None:
    month = DateMention("Maret 2024", 0, 10, dt.date(2024, 3, 1), "month", weekday="Jumat")
    assert weekday_matches(month) is None


# ------------------------------------------------------------------- calendar words


@pytest.fixture(scope="module")
def words() -> CalendarWords:
    return CalendarWords()


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Januari", 1), ("Pebruari", 2), ("februari", 2), ("Maret", 3), ("Mei", 5),
        ("Agustus", 8), ("Agu", 8), ("Agt", 8), ("Ags", 8), ("Sep", 9), ("Sept", 9),
        ("Sept.", 9), ("Okt", 10), ("Nopember", 11), ("Nop", 11), ("Nov", 11), ("Des", 12),
        ("DESEMBER", 12), ("Brumaire", None), ("", None),
    ],
)  # fmt: skip
def test_month_number(words: CalendarWords, name: str, number: int | None) -> None:
    assert words.month_number(name) == number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Senin", 0), ("Selasa", 1), ("Rabu", 2), ("Kamis", 3), ("Jumat", 4), ("Jum'at", 4),
        ("Jum’at", 4), ("JUMAT", 4), ("Sabtu", 5), ("Minggu", 6), ("Ahad", 6), ("Pekan", None),
    ],
)  # fmt: skip
def test_weekday_number(words: CalendarWords, name: str, number: int | None) -> None:
    assert words.weekday_number(name) == number


# ------------------------------------------------------------------------- properties

ANCHORS = st.one_of(
    st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(2024, 2, 29)])
)
DATEISH = st.lists(
    st.sampled_from(
        [
            *"0123456789/(),. -:",
            *("Senin", "Rabu", "Jum'at", "Ahad", "Maret", "Nop", "Mei", "pada", "pukul", "WIB"),
            *("lalu", "depan", "malam", "tahun", "2019", "31/2", "(20/2)", " 5 Juni ", "é", "\n"),
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=300), DATEISH), published=ANCHORS, dateline=ANCHORS)
def test_find_never_raises_and_spans_hold(
    resolver: DateResolver, text: str, published: dt.date | None, dateline: dt.date | None
) -> None:
    found = resolver.find(text, published=published, dateline_date=dateline)
    end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert end <= m.start < m.end
        end = m.end


@settings(max_examples=200, deadline=None)
@given(line=st.one_of(st.text(max_size=80), DATEISH))
def test_parse_header_never_raises(resolver: DateResolver, line: str) -> None:
    resolver.parse_header(line)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2080, 12, 31)))
def test_generated_weekday_parenthesis_dates_resolve_to_themselves(
    resolver: DateResolver, words: CalendarWords, day: dt.date
) -> None:
    weekday = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"][day.weekday()]
    text = f"Peristiwa itu terjadi {weekday} ({day.day}/{day.month}) malam."
    (m,) = resolver.find(text, published=day + dt.timedelta(days=3), dateline_date=None)
    assert m.date == day
    assert weekday_matches(m, words=words) is True
