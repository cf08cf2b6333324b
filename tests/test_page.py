from __future__ import annotations

import datetime as dt

import pytest

from pantau.errors import EmptyInputError, MarkupError
from pantau.page import extract

PAGE = """<!DOCTYPE html><html lang="id"><head>
<title>Judul Berita - Contoh</title>
<meta property="og:site_name" content="Contoh News">
<meta name="author" content="Sri Wahyuni">
<meta property="article:published_time" content="2023-11-16T21:03:00+07:00">
</head><body>
<nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>
<article><h1>Judul Berita</h1>
<p>Jakarta (ANTARA) - Komisi Pemilihan Umum menetapkan jadwal debat calon presiden pada Kamis.</p>
<p>Ketua KPU mengatakan debat akan disiarkan langsung oleh lima stasiun televisi nasional.</p>
</article>
<footer>Hak cipta 2023 Contoh News. Seluruh hak dilindungi.</footer>
</body></html>"""


def test_extract_text_and_metadata() -> None:
    page = extract(PAGE)
    assert "Komisi Pemilihan Umum menetapkan jadwal debat" in page.text
    assert "Beranda" not in page.text
    assert "Hak cipta" not in page.text
    assert page.site_name == "Contoh News"
    assert page.author == "Sri Wahyuni"
    assert page.published == dt.datetime(
        2023, 11, 16, 21, 3, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta property="article:published_time" content="2024-01-02">', dt.date(2024, 1, 2)),
        ('<meta itemprop="datePublished" content="2024-01-02T03:04:05Z">',
         dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        ('<meta name="pubdate" content="bukan tanggal">', None),
    ],
)  # fmt: skip
def test_published_meta(meta: str, expected: object) -> None:
    body = "<p>Polisi menangkap dua orang di Poso pada Senin.</p>"
    html = f"<html><head>{meta}</head><body>{body}</body></html>"
    assert extract(html).published == expected


def test_hostile_markup_is_handled() -> None:
    html = (
        "<html><body><script>alert(1)</script><style>p{}</style>"
        "<p onclick='x()'>Warga <b>Nduga <i>mengungsi</b> ke</i> Wamena setelah bentrokan.</p>"
        "<p>Pemerintah daerah menyiapkan tenda di halaman gereja.</p></body></html>"
    )
    page = extract(html)
    assert "alert" not in page.text
    assert "mengungsi" in page.text


def test_empty_page() -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        extract("<html><body><div></div></body></html>")


def test_deep_nesting_does_not_hang() -> None:
    html = "<html><body>" + "<div>" * 10_000 + "<p>Isi.</p>" + "</div>" * 10_000 + "</body></html>"
    with pytest.raises((MarkupError, EmptyInputError)):
        extract(html)
