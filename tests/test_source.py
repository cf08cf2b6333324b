from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.errors import BinaryInputError, EmptyInputError, InputTooLargeError
from pantau.source import Limits, decode, detect_format, non_ascii, normalize

LIMITS = Limits()
TEXT = "Jakarta (ANTARA) - Polisi menangkap dua orang di Jakarta Utara, Senin."


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_decodes_unicode_encodings(raw: bytes, encoding: str) -> None:
    decoded = decode(raw, limits=LIMITS)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.warnings == ()


def test_windows_1252_is_decoded_with_a_warning() -> None:
    raw = "“Kami menolak,” kata Ketua DPRD. Harga naik 5‰ — tidak wajar.".encode("cp1252")
    decoded = decode(raw, limits=LIMITS)
    assert decoded.encoding == "cp1252"
    assert decoded.text.startswith("“Kami menolak,”")
    assert "Windows-1252" in decoded.warnings[0]


def test_invalid_utf8_is_replaced_with_a_warning() -> None:
    raw = "Warga Palestina “bertahan” di Gaza.".encode() + b"\xff\xfe\xfa tambahan"
    decoded = decode(raw, limits=LIMITS)
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text
    assert "invalid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.7\n\x00\x01\x02\x03binary",
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary_input_is_refused(raw: bytes) -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        decode(raw, limits=LIMITS)


@pytest.mark.parametrize("raw", [b"", b"   \n\t  ", "", "\n\n"])
def test_empty_input_is_refused(raw: bytes | str) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode(raw, limits=LIMITS)


def test_size_limit_is_checked_before_work() -> None:
    small = Limits(max_bytes=100, max_chars=100)
    with pytest.raises(InputTooLargeError, match="limit is 100"):
        decode(b"a" * 101, limits=small)
    with pytest.raises(InputTooLargeError, match=r"Limits\.max_chars"):
        decode("a" * 101, limits=small)


def test_fifty_megabytes_are_refused_quickly() -> None:
    with pytest.raises(InputTooLargeError):
        decode(b"Polisi menangkap pelaku. " * 2_100_000, limits=LIMITS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <html lang='id'><p>Berita</p></html>", "html"),
        ("<div class='x'><p>Isi berita</p></div>", "html"),
        (TEXT, "text"),
        ("Harga naik 5 < 7 persen, kata dia.", "text"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


def test_normalize() -> None:
    raw = "Kata\u00a0dia\r\nbaris\u200b dua\rtiga\x07 e\u0301"
    assert normalize(raw) == "Kata dia\nbaris dua\ntiga é"


@given(st.text(max_size=300))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "\r" not in once


@given(st.binary(max_size=400))
def test_decode_raises_only_input_errors(raw: bytes) -> None:
    try:
        decoded = decode(raw, limits=LIMITS)
    except (BinaryInputError, EmptyInputError):
        return
    assert decoded.text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", set()),
        ("Polisi menangkap dua orang.", set()),
        ("“Kami siaga,” kata Kapolres – Senin.", {"“", "”", "–"}),
        ("Café naïve 中文", {"é", "ï", "中", "文"}),
    ],
)
def test_non_ascii_gives_the_distinct_characters(text: str, expected: set[str]) -> None:
    assert non_ascii(text) == expected
