"""The reader end to end: the reference article field by field, and bad input."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.article import Article
from pantau.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MarkupError,
)
from pantau.reader import Reader, read
from pantau.source import Limits

RELATED = (
    "Warga Palestina Bebas setelah 42 Tahun Mendekam di Penjara Suriah",
    "Faksi-Faksi Palestina di Suriah Bentuk Badan Aksi Nasional Bersama",
    "Agresi Cepat dan Besar Israel di Suriah Saat Assad Digulingkan",
)


@pytest.fixture(scope="module")
def seed(reader: Reader, seed_bytes: bytes) -> Article:
    return reader.read(seed_bytes)


def test_seed_dateline(seed: Article) -> None:
    dateline = seed.dateline
    assert dateline is not None
    assert dateline.place == "Washington"
    assert dateline.agency == "MINA"
    assert dateline.date == dt.date(2017, 2, 19)
    assert dateline.hijri is not None
    assert (dateline.hijri.year, dateline.hijri.month, dateline.hijri.day) == (1438, 5, 21)
    assert dateline.hijri_consistent is True
    assert seed.source_text[dateline.start : dateline.end].startswith("Washington, 21 Jumadil")


def test_seed_boilerplate(seed: Article) -> None:
    assert seed.related_headlines == RELATED
    for headline in RELATED:
        assert headline not in seed.text
    assert "Baca Juga" not in seed.text
    assert seed.editor_codes == ("T/RI-1/P1",)
    assert "T/RI-1/P1" not in seed.text
    assert "News Agency" not in seed.text
    assert any(b.kind == "agency_footer" for b in seed.boilerplate)


def test_seed_provenance_and_dates(seed: Article) -> None:
    assert seed.original_outlets == ("The New Arab",)
    assert seed.published == dt.date(2017, 2, 19)
    assert seed.published_source == "dateline"
    assert seed.outlet == "MINA"


def test_seed_sentences(seed: Article) -> None:
    sentences = [seed.sentence_text(s) for s in seed.sentences]
    assert len(sentences) == 11
    assert sentences[0].startswith("Juru bicara Pentagon")
    assert sentences[-1].endswith("di Aleppo.")
    assert sentences[1].endswith("kata Kapten Davis.")


def test_seed_language_and_warnings(seed: Article) -> None:
    assert seed.language is not None
    assert seed.language.code == "id"
    assert seed.warnings == ()


def test_spans_point_into_their_texts(seed: Article) -> None:
    for paragraph in seed.paragraphs:
        length = paragraph.end - paragraph.start
        source = seed.source_text[paragraph.source_start : paragraph.source_start + length]
        assert seed.text[paragraph.start : paragraph.end] == source
    for item in seed.boilerplate:
        assert seed.source_text[item.start : item.end] == item.text
    for provenance in seed.provenance:
        assert seed.text[provenance.start : provenance.end] == provenance.text
    for sentence in seed.sentences:
        paragraph = seed.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end


def test_read_shortcut_matches_reader(seed: Article, seed_bytes: bytes) -> None:
    assert read(seed_bytes) == seed


def test_arguments_win_over_found_values(reader: Reader, seed_bytes: bytes) -> None:
    article = reader.read(
        seed_bytes, url="https://example.org/a", published="2017-02-20T08:00:00+07:00", outlet="X"
    )
    assert article.published == dt.datetime(
        2017, 2, 20, 8, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert article.published_source == "argument"
    assert article.outlet == "X"
    assert article.url == "https://example.org/a"


def test_no_dateline_is_a_warning(reader: Reader) -> None:
    article = reader.read(
        "Polisi menangkap dua orang yang diduga terlibat pembakaran pos ronda di Poso. "
        "Keduanya kini ditahan di Mapolres Poso untuk diperiksa lebih lanjut."
    )
    assert article.dateline is None
    assert [w.code for w in article.warnings] == ["no_dateline"]
    assert len(article.sentences) == 2


def test_all_boilerplate_is_a_warning(reader: Reader) -> None:
    article = reader.read(
        "Jakarta (ANTARA) - \nBaca juga: Polisi Tangkap Dua Pelaku\nADVERTISEMENT\n"
        "SCROLL TO CONTINUE WITH CONTENT\nEditor: Budi"
    )
    assert article.text == ""
    assert "empty_body" in {w.code for w in article.warnings}


def test_english_text_is_flagged(reader: Reader) -> None:
    article = reader.read(
        "Jakarta (ANTARA) - The police arrested two men on Monday after a fire destroyed a "
        "market in the north of the city, officials said. The men were taken for questioning."
    )
    assert article.language is not None
    assert article.language.code == "en"
    assert "language" in {w.code for w in article.warnings}


def test_hijri_mismatch_is_a_warning(reader: Reader) -> None:
    article = reader.read(
        "Gaza, 21 Jumadil Awwal 1438/19 Maret 2017 (MINA) – Warga Gaza kembali menggelar aksi "
        "damai di dekat pagar perbatasan pada Jumat sore."
    )
    assert article.dateline is not None
    assert article.dateline.hijri_consistent is False
    assert "hijri_mismatch" in {w.code for w in article.warnings}


@pytest.mark.parametrize(
    ("source", "error"),
    [
        (b"", EmptyInputError),
        (b"\x00\x01\x02\x03" * 100, BinaryInputError),
        ("<html><body></body></html>", EmptyInputError),
    ],
)
def test_bad_input_raises_input_errors(reader: Reader, source: bytes | str, error: type) -> None:
    with pytest.raises(error):
        reader.read(source)


def test_deeply_nested_html_is_refused_quickly(reader: Reader) -> None:
    page = "<html><body>" + "<div>" * 10_000 + "<p>Isi.</p>" + "</div>" * 10_000 + "</body></html>"
    with pytest.raises((MarkupError, EmptyInputError)):
        reader.read(page)


def test_limits_are_configurable(seed_bytes: bytes) -> None:
    with pytest.raises(InputTooLargeError):
        Reader(limits=Limits(max_bytes=1000)).read(seed_bytes)


def test_long_text_is_truncated_with_a_warning(seed_text: str) -> None:
    article = Reader(limits=Limits(max_text_chars=800)).read(seed_text)
    assert len(article.source_text) == 800
    assert "truncated" in {w.code for w in article.warnings}


def test_html_article(reader: Reader) -> None:
    page = (
        "<html><head><title>Bentrok Warga di Maluku Tengah</title>"
        "<meta property='og:site_name' content='Contoh News'>"
        "<meta property='article:published_time' content='2024-06-02T09:15:00+09:00'>"
        "</head><body><nav><a href='/'>Beranda</a></nav><article>"
        "<h1>Bentrok Warga di Maluku Tengah</h1>"
        "<p>Ambon (ANTARA) - Bentrokan antarwarga pecah di Kecamatan Leihitu, Maluku Tengah, "
        "pada Sabtu (1/6) malam. Dua rumah dilaporkan terbakar.</p>"
        "<p>Baca juga: Polda Maluku Kirim Pasukan ke Leihitu</p>"
        "<p>Kapolresta Ambon mengatakan situasi sudah terkendali pada Minggu pagi.</p>"
        "</article><footer>Hak cipta 2024</footer></body></html>"
    )
    article = reader.read(page)
    assert article.input_format == "html"
    assert article.title == "Bentrok Warga di Maluku Tengah"
    assert article.outlet == "Contoh News"
    assert article.published == dt.datetime(
        2024, 6, 2, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=9))
    )
    assert article.dateline is not None and article.dateline.agency == "ANTARA"
    assert article.related_headlines == ("Polda Maluku Kirim Pasukan ke Leihitu",)
    assert [article.sentence_text(s) for s in article.sentences] == [
        "Bentrokan antarwarga pecah di Kecamatan Leihitu, Maluku Tengah, pada Sabtu (1/6) malam.",
        "Dua rumah dilaporkan terbakar.",
        "Kapolresta Ambon mengatakan situasi sudah terkendali pada Minggu pagi.",
    ]
    assert any(
        d.text.startswith("Sabtu (1/6)") and d.date == dt.date(2024, 6, 1) for d in article.dates
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Jakarta (ANTARA) - Polisi menangkap dua orang di Poso, Senin (20/2).",
                "Baca Juga: Warga Gaza Mengungsi",
                "“Kami siap,” kata Kapten Davis. Ia menolak berkomentar.",
                "(T/RI-1/P1)",
                "ADVERTISEMENT",
                "Kamis, 16 November 2023 | 21:03 WIB",
                "demikian Al Jazeera memberitakan.",
                "",
            ]
        )
        | st.text(max_size=80),
        min_size=1,
        max_size=12,
    )
)
def test_any_text_reads_or_raises_an_input_error(lines: list[str]) -> None:
    reader = _shared_reader()
    try:
        article = reader.read("\n".join(lines))
    except InputError:
        return
    for paragraph in article.paragraphs:
        length = paragraph.end - paragraph.start
        source = article.source_text[paragraph.source_start : paragraph.source_start + length]
        assert article.text[paragraph.start : paragraph.end] == source
    for item in article.boilerplate:
        assert article.source_text[item.start : item.end] == item.text
    for date in article.dates:
        assert article.text[date.start : date.end] == date.text
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end].strip()


@cache
def _shared_reader() -> Reader:
    return Reader()
