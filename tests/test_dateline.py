"""Tests of :mod:`pantau.dateline`: datelines of Indonesian outlets.

The texts are ours, written in the outlets' style; only the reference article is read from
``../shared/seeds``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.article import Dateline, HijriDate
from pantau.dateline import DatelineParser

SEED = Path(__file__).parents[1].parent / "shared" / "seeds" / "000_42d4d4312e1c6563.txt"


@pytest.fixture(scope="module")
def parser() -> DatelineParser:
    return DatelineParser()


def parse_ok(parser: DatelineParser, paragraph: str) -> Dateline:
    dateline = parser.parse(paragraph)
    assert dateline is not None, f"no dateline found in {paragraph!r}"
    assert paragraph[dateline.start : dateline.end] == dateline.text
    return dateline


# One case per outlet style: paragraph, place, place_normalized, agency, body start.
STYLES = [
    pytest.param(
        "Gaza, MINA – Pasukan pendudukan menahan dua pemuda di dekat pos pemeriksaan.",
        "Gaza",
        "Gaza",
        "MINA",
        "Pasukan",
        id="mina-later",
    ),
    pytest.param(
        "Al-Quds, MINA – Ribuan jamaah menunaikan shalat Jumat di kompleks masjid.",
        "Al-Quds",
        "Al-Quds",
        "MINA",
        "Ribuan",
        id="mina-al-quds",
    ),
    pytest.param(
        "Yerusalem, MINA – Puluhan pemukim memasuki halaman masjid.",
        "Yerusalem",
        "Yerusalem",
        "MINA",
        "Puluhan",
        id="mina-yerusalem",
    ),
    pytest.param(
        "Jakarta (ANTARA) - Pemerintah menyiapkan bantuan bagi korban banjir.",
        "Jakarta",
        "Jakarta",
        "ANTARA",
        "Pemerintah",
        id="antara",
    ),
    pytest.param(
        "Kabupaten Bone Bolango (ANTARA) – Warga di tiga desa mulai mengungsi.",
        "Kabupaten Bone Bolango",
        "Kabupaten Bone Bolango",
        "ANTARA",
        "Warga",
        id="antara-regional",
    ),
    pytest.param(
        "Kuala Lumpur (ANTARA News) – Polis Diraja Malaysia menahan empat orang.",
        "Kuala Lumpur",
        "Kuala Lumpur",
        "ANTARA",
        "Polis",
        id="antara-news-old",
    ),
    pytest.param(
        "Surabaya (Antara) – Ratusan buruh berunjuk rasa di depan kantor gubernur.",
        "Surabaya",
        "Surabaya",
        "ANTARA",
        "Ratusan",
        id="antara-mixed-case",
    ),
    pytest.param(
        "JAKARTA, KOMPAS.com - Polisi membubarkan kerumunan di kawasan Tanah Abang.",
        "JAKARTA",
        "Jakarta",
        "Kompas.com",
        "Polisi",
        id="kompas-com",
    ),
    pytest.param(
        "TANGERANG SELATAN, KOMPAS.com – Banjir merendam ratusan rumah warga.",
        "TANGERANG SELATAN",
        "Tangerang Selatan",
        "Kompas.com",
        "Banjir",
        id="kompas-com-two-words",
    ),
    pytest.param(
        "JAKARTA, KOMPAS — Rapat paripurna DPR berlangsung hingga malam.",
        "JAKARTA",
        "Jakarta",
        "Kompas",
        "Rapat",
        id="kompas-print",
    ),
    pytest.param(
        "REPUBLIKA.CO.ID, JAKARTA -- Majelis Ulama Indonesia mengimbau umat tetap tenang.",
        "JAKARTA",
        "Jakarta",
        "Republika",
        "Majelis",
        id="republika",
    ),
    pytest.param(
        "TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi memeriksa tiga saksi.",
        "Jakarta",
        "Jakarta",
        "Tempo",
        "Komisi",
        id="tempo",
    ),
    pytest.param(
        "Jakarta - Bentrokan antarwarga pecah di sebuah kampung di Jakarta Barat.",
        "Jakarta",
        "Jakarta",
        None,
        "Bentrokan",
        id="detik",
    ),
    pytest.param(
        "Jakarta, CNN Indonesia -- Kepolisian menetapkan lima tersangka kerusuhan.",
        "Jakarta",
        "Jakarta",
        "CNN Indonesia",
        "Kepolisian",
        id="cnn-indonesia",
    ),
    pytest.param(
        "Liputan6.com, Jakarta - Badan SAR menghentikan pencarian korban kapal tenggelam.",
        "Jakarta",
        "Jakarta",
        "Liputan6",
        "Badan",
        id="liputan6",
    ),
    pytest.param(
        "TRIBUNNEWS.COM, JAKARTA - Massa membakar dua sepeda motor di depan gedung.",
        "JAKARTA",
        "Jakarta",
        "Tribunnews",
        "Massa",
        id="tribunnews",
    ),
    pytest.param(
        "GAZA - Serangan udara menghantam sebuah sekolah yang menjadi tempat pengungsian.",
        "GAZA",
        "Gaza",
        None,
        "Serangan",
        id="sindonews-okezone-regional",
    ),
    pytest.param(
        "JAKARTA, okezone - Harga beras naik di sejumlah pasar tradisional.",
        "JAKARTA",
        "Jakarta",
        "Okezone",
        "Harga",
        id="okezone-brand",
    ),
    pytest.param(
        "SINDOnews, Jakarta - Presiden melantik dua menteri baru di Istana.",
        "Jakarta",
        "Jakarta",
        "Sindonews",
        "Presiden",
        id="sindonews-brand",
    ),
    pytest.param(
        "Aceh (SL) – Seorang warga ditemukan tewas di kebun miliknya.",
        "Aceh",
        "Aceh",
        "SL",
        "Seorang",
        id="unknown-code-kept",
    ),
    pytest.param(
        "JAKARTA,KHATULISTIWAONLINE.COM – Aparat menertibkan pedagang kaki lima.",
        "JAKARTA",
        "Jakarta",
        "KHATULISTIWAONLINE.COM",
        "Aparat",
        id="unknown-web-brand-kept",
    ),
    pytest.param(
        "Jakarta: Kejaksaan Agung menahan seorang pejabat kementerian.",
        "Jakarta",
        "Jakarta",
        None,
        "Kejaksaan",
        id="medcom-colon",
    ),
    pytest.param(
        "Deir ez-Zor (ANTARA) - Milisi bersenjata menyerang konvoi bahan bakar.",
        "Deir ez-Zor",
        "Deir ez-Zor",
        "ANTARA",
        "Milisi",
        id="place-with-particle",
    ),
    pytest.param(
        "DKI JAKARTA - Gubernur meninjau lokasi kebakaran.",
        "DKI JAKARTA",
        "DKI Jakarta",
        None,
        "Gubernur",
        id="acronym-kept-upper",
    ),
    pytest.param(
        "WASHINGTON DC, KOMPAS.com - Kongres AS menunda pemungutan suara.",
        "WASHINGTON DC",
        "Washington DC",
        "Kompas.com",
        "Kongres",
        id="two-letter-word-kept-upper",
    ),
    pytest.param(
        "NTT (ANTARA) - Hujan deras memicu longsor di dua kabupaten.",
        "NTT",
        "NTT",
        "ANTARA",
        "Hujan",
        id="province-acronym",
    ),
]


@pytest.mark.parametrize(("paragraph", "place", "normalized", "agency", "body"), STYLES)
def test_dateline_styles(
    parser: DatelineParser,
    paragraph: str,
    place: str,
    normalized: str,
    agency: str | None,
    body: str,
) -> None:
    dateline = parse_ok(parser, paragraph)
    assert dateline.place == place
    assert dateline.place_normalized == normalized
    assert dateline.agency == agency
    assert dateline.start == 0
    assert paragraph[dateline.end :].startswith(body)
    assert dateline.date is None
    assert dateline.hijri is None


DASHES = ["-", "–", "—", "--"]
SPACINGS = [("", " "), (" ", " "), (" ", ""), ("  ", "   "), ("\u00a0", "\u00a0")]
DASH_STYLES = [
    "Jakarta (ANTARA){before}{dash}{after}",
    "JAKARTA, KOMPAS.com{before}{dash}{after}",
    "REPUBLIKA.CO.ID, JAKARTA{before}{dash}{after}",
    "Gaza, MINA{before}{dash}{after}",
    "Washington, 21 Jumadil Awwal 1438/19 Februari 2017 (MINA){before}{dash}{after}",
]


@pytest.mark.parametrize("spacing", SPACINGS, ids=repr)
@pytest.mark.parametrize("dash", DASHES)
@pytest.mark.parametrize("style", DASH_STYLES)
def test_every_dash_variant_and_spacing(
    parser: DatelineParser, style: str, dash: str, spacing: tuple[str, str]
) -> None:
    before, after = spacing
    head = style.format(before=before, dash=dash, after=after)
    paragraph = head + "Warga berkumpul di alun-alun."
    dateline = parse_ok(parser, paragraph)
    assert dateline.end == len(head)
    assert paragraph[dateline.end :] == "Warga berkumpul di alun-alun."


@pytest.mark.parametrize("dash", ["–", "—", "--"])
def test_bare_place_accepts_unspaced_long_dashes(parser: DatelineParser, dash: str) -> None:
    dateline = parse_ok(parser, f"GAZA{dash}Pasukan bergerak ke selatan.")
    assert dateline.place == "GAZA"


@pytest.mark.parametrize("dash", ["- ", " -", " - ", "  -  "])
def test_bare_place_accepts_spaced_hyphens(parser: DatelineParser, dash: str) -> None:
    dateline = parse_ok(parser, f"Jakarta{dash}Pasukan bergerak ke selatan.")
    assert dateline.place == "Jakarta"
    assert dateline.agency is None


def test_reference_article_dateline(parser: DatelineParser) -> None:
    if not SEED.is_file():
        pytest.fail(
            f"the reference article is missing: expected it at {SEED} "
            "(the shared folder beside the repository root)"
        )
    text = SEED.read_text(encoding="utf-8")
    paragraph = text.split("\n", 1)[0]
    dateline = parse_ok(parser, paragraph)
    assert dateline.place == "Washington"
    assert dateline.place_normalized == "Washington"
    assert dateline.agency == "MINA"
    assert dateline.date == dt.date(2017, 2, 19)
    assert dateline.hijri == HijriDate(1438, 5, 21, "Jumadil Awwal")
    assert dateline.hijri_as_gregorian == dt.date(2017, 2, 18)
    assert dateline.hijri_difference_days == 1
    assert dateline.hijri_consistent is True
    assert dateline.start == 0
    assert paragraph[dateline.end :].startswith("Juru bicara")


# Dual and single dates inside the dateline:
# paragraph, date, hijri (y, m, d, name), hijri as Gregorian, difference, consistent.
DATED = [
    pytest.param(
        "Jakarta, 22 Jumadil Akhir 1434/2 Mei 2013 (MINA) – Ormas Islam menggelar pertemuan.",
        dt.date(2013, 5, 2),
        (1434, 6, 22, "Jumadil Akhir"),
        dt.date(2013, 5, 2),
        0,
        True,
        id="mina-2013",
    ),
    pytest.param(
        "Gaza, 27 Sha’ban 1435/25 Juni, 2014 (MINA) – Warga menyambut bulan puasa.",
        dt.date(2014, 6, 25),
        (1435, 8, 27, "Sha’ban"),
        dt.date(2014, 6, 25),
        0,
        True,
        id="mina-english-shaban-comma-year",
    ),
    pytest.param(
        "Jakarta, 22 Jumadil Akhir 1434 H/2 Mei 2013 M (MINA) – Ormas Islam berkumpul.",
        dt.date(2013, 5, 2),
        (1434, 6, 22, "Jumadil Akhir"),
        dt.date(2013, 5, 2),
        0,
        True,
        id="hijri-and-masehi-markers",
    ),
    pytest.param(
        "Bandung, 1 Ramadhan 1445H / 12 Maret 2024M (MINA) - Umat Islam mulai berpuasa.",
        dt.date(2024, 3, 12),
        (1445, 9, 1, "Ramadhan"),
        dt.date(2024, 3, 11),
        1,
        True,
        id="glued-markers-spaced-slash",
    ),
    pytest.param(
        "Jakarta, Rabu, 17 Jumadal Ula 1448 H / 28 Oktober 2026 M (MINA) - Santri berkumpul.",
        dt.date(2026, 10, 28),
        (1448, 5, 17, "Jumadal Ula"),
        dt.date(2026, 10, 28),
        0,
        True,
        id="weekday-and-jumadal-ula",
    ),
    pytest.param(
        "Jakarta, 1 Ramadhan 1445/20 Maret 2024 (MINA) – Warga berbuka bersama.",
        dt.date(2024, 3, 20),
        (1445, 9, 1, "Ramadhan"),
        dt.date(2024, 3, 11),
        9,
        False,
        id="hijri-mismatch",
    ),
    pytest.param(
        "Kairo, 5 Rajab 1300/12 Mei 1883 (MINA) – Catatan sejarah dibacakan.",
        dt.date(1883, 5, 12),
        (1300, 7, 5, "Rajab"),
        None,
        None,
        None,
        id="hijri-out-of-table",
    ),
    pytest.param(
        "Jakarta, 5 Maret 2024 (ANTARA) - Harga cabai melonjak menjelang Ramadhan.",
        dt.date(2024, 3, 5),
        None,
        None,
        None,
        None,
        id="antara-gregorian-date",
    ),
    pytest.param(
        "Jakarta, 5 Pebruari 2024 - Hujan deras mengguyur ibu kota.",
        dt.date(2024, 2, 5),
        None,
        None,
        None,
        None,
        id="old-spelling-no-agency",
    ),
    pytest.param(
        "Jakarta, 31 Februari 2024 (ANTARA) - Tanggal ini tidak ada.",
        None,
        None,
        None,
        None,
        None,
        id="impossible-gregorian-date",
    ),
    pytest.param(
        "Yogyakarta, 10 Syawal 1445 H (MINA) - Warga bersilaturahmi.",
        None,
        (1445, 10, 10, "Syawal"),
        dt.date(2024, 4, 19),
        None,
        None,
        id="hijri-only",
    ),
]


@pytest.mark.parametrize(
    ("paragraph", "date", "hijri", "as_gregorian", "difference", "consistent"), DATED
)
def test_dates_in_dateline(
    parser: DatelineParser,
    paragraph: str,
    date: dt.date | None,
    hijri: tuple[int, int, int, str] | None,
    as_gregorian: dt.date | None,
    difference: int | None,
    consistent: bool | None,
) -> None:
    dateline = parse_ok(parser, paragraph)
    assert dateline.date == date
    assert dateline.hijri == (HijriDate(*hijri) if hijri else None)
    assert dateline.hijri_as_gregorian == as_gregorian
    assert dateline.hijri_difference_days == difference
    assert dateline.hijri_consistent is consistent
    assert paragraph[dateline.end] not in " -–—"


def test_offset_shifts_spans(parser: DatelineParser) -> None:
    paragraph = "Jakarta (ANTARA) - Pemerintah menyiapkan bantuan."
    dateline = parser.parse(paragraph, offset=120)
    assert dateline is not None
    assert (dateline.start, dateline.end) == (120, 120 + len("Jakarta (ANTARA) - "))
    assert dateline.text == "Jakarta (ANTARA) - "


def test_leading_white_space_is_not_part_of_the_dateline(parser: DatelineParser) -> None:
    paragraph = "  Jakarta (ANTARA) - Pemerintah menyiapkan bantuan."
    dateline = parse_ok(parser, paragraph)
    assert dateline.start == 2
    assert dateline.text == "Jakarta (ANTARA) - "


NOT_DATELINES = [
    "Presiden Joko Widodo mengatakan - dalam rapat terbatas - bahwa anggaran cukup.",
    "Presiden Joko Widodo - yang didampingi menteri - meninjau lokasi.",
    "Menurut polisi, kerusuhan dipicu oleh kabar bohong.",
    "Baca Juga: Warga Palestina Bebas setelah Puluhan Tahun",
    "Juru bicara Pentagon mengatakan pasukan akan ditarik.",
    "Kereta Cepat Jakarta-Bandung kembali beroperasi normal.",
    "JAKARTA-Bandung ditempuh dalam empat puluh menit.",
    "Jakarta - sebuah kota yang padat - kembali dilanda banjir.",
    "Senin - Pasukan bergerak ke utara.",
    "Maret - Bulan ini penuh peristiwa.",
    "Sebanyak 40 orang ditangkap dalam operasi itu.",
    "“Kami tidak akan mundur,” kata koordinator aksi.",
    "Ini Adalah Sebuah Judul Yang Sangat Panjang Sekali - Isi berita.",
    "Kota Yang Namanya Terlalu Panjang Untuk Sebuah Dateline (ANTARA) - Isi.",
    "Editor: Budi Santoso",
    "Foto: Ilustrasi kerusuhan.",
    "Tanya: Bagaimana situasi di lapangan?",
    "jakarta (ANTARA) - huruf kecil tidak diterima.",
    "",
    "   ",
    "(ANTARA) - Tanpa tempat.",
    "Jakarta, 5 Maret 2024 Pemerintah mengumumkan kebijakan baru.",
    "Admin - Senin, 19 Maret 2018 - 08:31 WIB",  # MINA byline and header
    "Budi Santoso - Kamis, 16 November 2023 | 21:03 WIB",
    "Diterbitkan: 12/01/2025 pukul 19.10 WIT",
    "Kabupaten Kepulauan Sangihe Talaudselatan (ANTARA) - Isi.",  # over 40 characters
]


@pytest.mark.parametrize("paragraph", NOT_DATELINES)
def test_ordinary_first_sentences_are_not_datelines(parser: DatelineParser, paragraph: str) -> None:
    assert parser.parse(paragraph) is None


def test_only_the_start_of_the_paragraph_is_looked_at(parser: DatelineParser) -> None:
    assert parser.parse("Warga berkumpul. Jakarta (ANTARA) - Pemerintah menyiapkan.") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=10_000))
def test_parse_never_raises_and_spans_hold(
    parser: DatelineParser, paragraph: str, offset: int
) -> None:
    dateline = parser.parse(paragraph, offset=offset)
    if dateline is not None:
        assert offset <= dateline.start < dateline.end <= offset + len(paragraph)
        assert paragraph[dateline.start - offset : dateline.end - offset] == dateline.text


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Jakarta (ANTARA)", "GAZA", "JAKARTA, KOMPAS.com", "TEMPO.CO, Jakarta"]),
    st.sampled_from(DASHES),
    st.text(alphabet=" \t\u00a0", max_size=3),
    st.text(alphabet=" \t\u00a0", max_size=3),
)
def test_generated_spacing_around_dashes(
    parser: DatelineParser, head: str, dash: str, before: str, after: str
) -> None:
    if head == "GAZA" and dash == "-" and not before and not after:
        return  # a bare unspaced hyphen joins words (``GAZA-Israel``): not a dateline
    paragraph = f"{head}{before}{dash}{after}Warga berkumpul."
    dateline = parser.parse(paragraph)
    assert dateline is not None
    assert paragraph[dateline.end :] == "Warga berkumpul."
