"""Tests of pantau.boilerplate and of its data file pantau/data/boilerplate.toml.

All test texts are written by us in the style of the outlets.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pantau.boilerplate
from pantau.article import Boilerplate, BoilerplateKind
from pantau.boilerplate import BoilerplateMarkers
from pantau.errors import ResourceError

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_42d4d4312e1c6563.txt"

_RAW = tomllib.loads((resources.files("pantau") / "data" / "boilerplate.toml").read_text("utf-8"))
_EXAMPLES = [
    pytest.param(entry["id"], example["line"], example["value"], id=f"{entry['id']}-{n}")
    for entry in _RAW["marker"]
    for n, example in enumerate(entry["examples"])
]


@pytest.fixture(scope="module")
def markers() -> BoilerplateMarkers:
    return BoilerplateMarkers()


# -- the data file ------------------------------------------------------------------------


def test_public_api() -> None:
    assert pantau.boilerplate.__all__ == [
        "BoilerplateMarkers",
        "LinkList",
        "Marker",
        "MarkerExample",
    ]


def test_marker_ids_are_unique() -> None:
    ids = [entry["id"] for entry in _RAW["marker"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("entry", _RAW["marker"], ids=lambda e: e["id"])
def test_marker_entry_is_well_formed(entry: dict) -> None:
    assert entry["kind"] in get_args(BoilerplateKind)
    compiled = re.compile(entry["pattern"])
    for group in entry.get("groups", []):
        assert group in compiled.groupindex
    assert entry["description"].strip()
    assert entry["examples"]


@pytest.mark.parametrize(("marker_id", "line", "value"), _EXAMPLES)
def test_every_example_matches_its_own_marker(
    markers: BoilerplateMarkers, marker_id: str, line: str, value: str
) -> None:
    record = markers.classify_line(line)
    assert record is not None, f"{line!r} is not recognised"
    assert record.marker == marker_id
    assert record.value == value
    assert record.text == line.strip()


def test_marker_count_and_kinds(markers: BoilerplateMarkers) -> None:
    kinds = {m.kind for m in markers.markers}
    assert kinds == {
        "related_headline",
        "editor_code",
        "byline",
        "agency_footer",
        "chrome",
        "caption",
    }
    assert len(markers.markers) >= 40


# -- classify_line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        (
            "Baca Juga: Israel Tutup Gerbang Al-Aqsa bagi Jamaah",
            "related_headline",
            "Israel Tutup Gerbang Al-Aqsa bagi Jamaah",
        ),
        (
            "baca juga: pemkab garut salurkan bantuan",
            "related_headline",
            "pemkab garut salurkan bantuan",
        ),
        (
            "Simak juga Video ‘Kapal Nelayan Terbalik di Selat Sunda’:",
            "related_headline",
            "Kapal Nelayan Terbalik di Selat Sunda",
        ),
        ("Berita Terkait", "chrome", "Berita Terkait"),
        ("Mi`raj News Agency (MINA)", "agency_footer", "MINA"),
        ("Mi´raj Islamic News Agency (MINA)", "agency_footer", "MINA"),
        ("(T/RS5/P1)", "editor_code", "T/RS5/P1"),
        ("Rep: Dian Fitriani/ Red: Joko Sadewo", "byline", "Dian Fitriani; Joko Sadewo"),
        ("Editor:  Heru Purwanto ", "byline", "Heru Purwanto"),
        ("ADVERTISEMENT", "chrome", "ADVERTISEMENT"),
        (
            "Ikuti saluran WhatsApp Kantor Berita MINA, klik di sini",
            "chrome",
            "Ikuti saluran WhatsApp Kantor Berita MINA, klik di sini",
        ),
        ("Photo: Ahmad Fauzi/MINA", "caption", "Ahmad Fauzi/MINA"),
        (
            "Ketua MUI memberikan keterangan kepada wartawan di Jakarta. (Doc. MINA/AF)",
            "caption",
            "Doc. MINA/AF",
        ),
        ("© 2023 Republika", "agency_footer", "Republika"),
        ("Copyright © 2024 Medcom.id. All Rights Reserved.", "agency_footer", "Medcom.id"),
        ("Rina Kusuma - detikJateng", "byline", "Rina Kusuma"),
        ("(Dimas Pratama Putra)", "byline", "Dimas Pratama Putra"),
        (
            "Cek Berita dan Artikel yang lain di Google News",
            "chrome",
            "Cek Berita dan Artikel yang lain di Google News",
        ),
        (
            "● Pemerintah menaikkan tarif ojek daring",
            "chrome",
            "Pemerintah menaikkan tarif ojek daring",
        ),
    ],
)
def test_classify_line(markers: BoilerplateMarkers, line: str, kind: str, value: str) -> None:
    record = markers.classify_line(line)
    assert record is not None
    assert (record.kind, record.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "Polisi meminta warga ikut membaca juga peraturan baru itu.",
        "Editor senior itu ditangkap polisi.",
        "Foto-foto yang beredar menunjukkan kerusakan parah di kawasan itu.",
        "Baca juga peraturan daerah yang berlaku, kata Kapolres.",
        "Berita itu dibantah juru bicara TNI pada Selasa (20/2).",
        "Komentar presiden memicu protes di sejumlah kota.",
        "Iklan kampanye dilarang tayang selama masa tenang.",
        "Ikuti perkembangan terbaru, warga diminta tetap waspada.",
        "Copyright atas lagu itu dipegang oleh label rekaman.",
        "Tim Redaksi menerima ratusan surat pembaca setiap pekan.",
        "Ilustrasi itu dibuat oleh seniman lokal.",
        "Damai di Palestina menjadi harapan semua pihak.",
        "9 orang tewas dalam serangan itu.",
        "Bagikan sembako kepada warga terdampak banjir.",
        "Laporan wartawan itu kemudian dibantah, yang disampaikan kemarin.",
        "Sumber: Antara",
        "(20/2)",
        "(AS)",
        "ISIS juga menghadapi operasi militer yang didukung Turki di Aleppo. (T/RI-1/P1)",
        "Pasukan Demokratik Suriah (SDF) pimpinan kelompok Kurdi (Doc)",
        "",
        "   ",
        "Baca Juga: " + "Judul yang terlalu panjang " * 15,
        "Oleh karena itu, warga diminta waspada.",
        "Oleh Polisi, warga diminta waspada.",
        "Presiden Joko Widodo - Jakarta",
        "Tags",
        "(Kapolri)",
    ],
)
def test_body_lines_are_not_boilerplate(markers: BoilerplateMarkers, line: str) -> None:
    assert markers.classify_line(line) is None


def test_classify_line_span_with_offset_and_padding(markers: BoilerplateMarkers) -> None:
    text = "Paragraf pertama.\n  Baca Juga: Harga Emas Naik Lagi \t\nParagraf kedua."
    line_start = text.index("  Baca")
    line = text[line_start : text.index("\n", line_start)]
    record = markers.classify_line(line, offset=line_start)
    assert record is not None
    assert record.text == "Baca Juga: Harga Emas Naik Lagi"
    assert text[record.start : record.end] == record.text
    assert record.value == "Harga Emas Naik Lagi"
    assert isinstance(record, Boilerplate)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo: M Rizki/MINA", True),
        ("Warga menunggu bantuan di posko pengungsian. (ANTARA FOTO/Budi Santoso/aww)", True),
        ("Ilustrasi.", True),
        ("Baca Juga: Warga Menunggu Bantuan", False),
        ("Foto-foto itu beredar di media sosial.", False),
    ],
)
def test_is_caption(markers: BoilerplateMarkers, line: str, expected: bool) -> None:
    assert markers.is_caption(line) is expected


# -- lists of related links under a bare label -------------------------------------------

_LINK_LIST = _RAW["link_list"]


@pytest.mark.parametrize(
    ("label", "line", "value"),
    [(e["label"], e["line"], e["value"]) for e in _LINK_LIST["examples"]],
)
def test_link_list_examples(markers: BoilerplateMarkers, label: str, line: str, value: str) -> None:
    opener = markers.classify_line(label)
    assert opener is not None
    record = markers.classify_line(line, previous=opener)
    assert record is not None
    assert (record.kind, record.marker, record.value) == (
        "related_headline",
        _LINK_LIST["id"],
        value,
    )
    assert markers.classify_line(line) is None  # only inside a list


def test_link_list_runs_until_the_body_resumes(markers: BoilerplateMarkers) -> None:
    lines = [
        "Polisi menangkap tujuh terduga teroris di tiga provinsi.",
        "Baca Juga",
        "Densus 88 Sita Bahan Peledak di Bekasi",
        "BNPT Gandeng Ormas Cegah Radikalisasi",
        "Dari tangan para tersangka, petugas menyita dua pucuk senjata api rakitan.",
        "Kapolri Minta Warga Tetap Tenang",
    ]
    previous = None
    kinds = []
    for line in lines:
        record = markers.classify_line(line, previous=previous)
        kinds.append(None if record is None else record.kind)
        previous = record
    assert kinds == [None, "chrome", "related_headline", "related_headline", None, None]


@pytest.mark.parametrize(
    "line",
    [
        "Dari tangan para tersangka, petugas menyita senjata api.",
        "Polisi menyita senjata. Tersangka ditahan",
        "kapolri minta warga tenang",
        "Terkait",
        "Sebagai perlawanan yang mendekati akhir kelompok aktivis melaporkan bahwa ISIS telah "
        "membangun barikade dan menanam ranjau darat serta jebakan bom di sekitar kota utama "
        "itu menjelang serangan terakhir",
    ],
)
def test_link_list_rejects_body_lines(markers: BoilerplateMarkers, line: str) -> None:
    opener = markers.classify_line("Berita Terkait")
    assert markers.classify_line(line, previous=opener) is None


def test_non_list_previous_does_not_open_a_list(markers: BoilerplateMarkers) -> None:
    previous = markers.classify_line("ADVERTISEMENT")
    assert markers.classify_line("Densus 88 Sita Bahan Peledak", previous=previous) is None


# -- strip_trailing / strip_leading -------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "kept", "codes"),
    [
        (
            "Pasukan itu mundur dari Aleppo. (T/RI-1/P1)",
            "Pasukan itu mundur dari Aleppo.",
            [("editor_code", "T/RI-1/P1")],
        ),
        (
            "Warga diminta tetap tenang, kata dia. (eva/imk)",
            "Warga diminta tetap tenang, kata dia.",
            [("editor_code", "eva/imk")],
        ),
        (
            '"Kami siap," ujarnya.(aik/aik)  \n',
            '"Kami siap," ujarnya.',
            [("editor_code", "aik/aik")],
        ),
        (
            "Harga cabai turun pekan ini. (ant)",
            "Harga cabai turun pekan ini.",
            [("agency_footer", "ant")],
        ),
        (
            "Harga cabai turun pekan ini.. [ant]",
            "Harga cabai turun pekan ini..",
            [("agency_footer", "ant")],
        ),
        (
            "Bantuan tiba di Gaza. (T/RS2/P2) (MINA).",
            "Bantuan tiba di Gaza.",
            [("editor_code", "T/RS2/P2"), ("agency_footer", "MINA")],
        ),
        (
            "Polisi masih menyelidiki. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
            "Polisi masih menyelidiki.",
            [("chrome", "ADVERTISEMENT"), ("chrome", "SCROLL TO CONTINUE WITH CONTENT")],
        ),
        (
            "Kasus itu ditangani Polda. (Tribunnews.com/Reza Pratama)",
            "Kasus itu ditangani Polda.",
            [("byline", "Tribunnews.com/Reza Pratama")],
        ),
        ("(LKG/RE1)", "", [("editor_code", "LKG/RE1")]),
        (
            "Ladang itu dimusnahkan. (Red/SL)",
            "Ladang itu dimusnahkan.",
            [("editor_code", "Red/SL")],
        ),
        (
            "Sidang ditunda. (Rizky Ananda Putra)",
            "Sidang ditunda.",
            [("byline", "Rizky Ananda Putra")],
        ),
    ],
)
def test_strip_trailing_removes_codes(
    markers: BoilerplateMarkers, paragraph: str, kept: str, codes: list[tuple[str, str]]
) -> None:
    offset = 100
    end, records = markers.strip_trailing(paragraph, offset=offset)
    assert paragraph[:end] == kept
    assert [(r.kind, r.value) for r in records] == codes
    for record in records:
        assert paragraph[record.start - offset : record.end - offset] == record.text
        assert record.start - offset >= end


@pytest.mark.parametrize(
    "paragraph",
    [
        "Gencatan senjata berlaku mulai Selasa (20/2).",
        "Serangan itu didukung koalisi pimpinan Amerika Serikat (AS)",
        "Kota itu dikuasai Pasukan Demokratik Suriah (SDF)",
        "Serangan terjadi pada Sabtu (7/10/2023)",
        "Perintah itu datang langsung dari Darmawan Hadi (Kapolri)",
        "Warga diminta tetap tenang, kata dia (eva/imk)",
        "Pelaku wajib membayar denda (dan/atau)",
        "Operasi dipimpin langsung oleh Danrem (Kolonel Inf Budi/Danrem)",
        "Pasukan itu mundur dari Aleppo.",
        "Kapal itu dinamai KRI ADVERTISEMENT",
        "",
    ],
)
def test_strip_trailing_keeps_legitimate_endings(
    markers: BoilerplateMarkers, paragraph: str
) -> None:
    end, records = markers.strip_trailing(paragraph)
    assert records == ()
    assert end == len(paragraph.rstrip())


@pytest.mark.parametrize(
    ("paragraph", "rest", "values"),
    [
        (
            "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Polisi menangkap dua pelaku.",
            "Polisi menangkap dua pelaku.",
            ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"],
        ),
        (
            "  Image for large screens Image for small screens Gaza, MINA – Warga berkumpul.",
            "Gaza, MINA – Warga berkumpul.",
            ["Image for large screens Image for small screens"],
        ),
        (
            "[Gambas:Video 20detik] Jakarta - Banjir merendam",
            "Jakarta - Banjir merendam",
            ["Video 20detik"],
        ),
        (
            "Baca berita dengan sedikit iklan, klik di sini TEMPO.CO, Jakarta - Harga naik.",
            "TEMPO.CO, Jakarta - Harga naik.",
            ["Baca berita dengan sedikit iklan, klik di sini"],
        ),
        ("Polisi menangkap dua pelaku.", "Polisi menangkap dua pelaku.", []),
        ("ADVERTISEMENTAL gaya itu", "ADVERTISEMENTAL gaya itu", []),
    ],
)
def test_strip_leading(
    markers: BoilerplateMarkers, paragraph: str, rest: str, values: list[str]
) -> None:
    offset = 7
    start, records = markers.strip_leading(paragraph, offset=offset)
    assert paragraph[start:] == rest
    assert [r.value for r in records] == values
    for record in records:
        assert paragraph[record.start - offset : record.end - offset] == record.text
        assert record.kind == "chrome"


# -- the reference article ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_article() -> str:
    if not SEED.is_file():
        pytest.fail(f"reference article {SEED} is missing; restore ../shared/seeds")
    return SEED.read_text(encoding="utf-8")


def test_seed_article(markers: BoilerplateMarkers, seed_article: str) -> None:
    related: list[str] = []
    codes: list[Boilerplate] = []
    footers: list[Boilerplate] = []
    offset = 0
    for line in seed_article.split("\n"):
        record = markers.classify_line(line, offset=offset)
        if record is not None:
            assert seed_article[record.start : record.end] == record.text
            if record.kind == "related_headline":
                related.append(record.value)
            elif record.kind == "agency_footer":
                footers.append(record)
        else:
            _, trailing = markers.strip_trailing(line, offset=offset)
            codes.extend(trailing)
        offset += len(line) + 1
    assert len(related) == 3
    assert all(h and not h.startswith("Baca") for h in related)
    assert [(c.kind, c.value, c.text) for c in codes] == [
        ("editor_code", "T/RI-1/P1", "(T/RI-1/P1)")
    ]
    assert seed_article[codes[0].start : codes[0].end] == "(T/RI-1/P1)"
    assert [(f.value, f.marker) for f in footers] == [("MINA", "mina_footer")]


# -- loading errors -----------------------------------------------------------------------

_GOOD = """
[[marker]]
id = "x"
kind = "chrome"
keys = ["iklan"]
pattern = '''(?i:iklan)'''
description = "d"
examples = [{ line = "Iklan", value = "Iklan" }]
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kind = "chrome"', 'kind = "footer"', "kind 'footer'"),
        ("'''(?i:iklan)'''", "'''(iklan'''", "does not compile"),
        ("'''(?i:iklan)'''", "'''x(?i)iklan'''", "does not compile"),
        ('keys = ["iklan"]', "keys = []", "needs keys"),
        ('description = "d"', 'description = "d"\ngroups = ["nope"]', "group 'nope'"),
        ('description = "d"', 'description = "d"\nglued = ["middle"]', "glued value 'middle'"),
        ('examples = [{ line = "Iklan", value = "Iklan" }]', "examples = []", "examples"),
        ('description = "d"', 'description = "d"\nopens_list = "yes"', "opens_list"),
        ('description = "d"', 'description = "d"\nanchor = "middle"', "anchor 'middle'"),
        (
            'examples = [{ line = "Iklan", value = "Iklan" }]',
            'examples = [{ line = "Iklan", value = "Iklan" }]\n[link_list]\nid = "l"\n'
            'max_length = 0\nmin_words = 1\nmax_words = 2\ndescription = "d"',
            "max_length 0",
        ),
        (
            'examples = [{ line = "Iklan", value = "Iklan" }]',
            'examples = [{ line = "Iklan", value = "Iklan" }]\n[link_list]\nid = "x"\n'
            'max_length = 9\nmin_words = 1\nmax_words = 2\ndescription = "d"\n'
            'examples = [{ label = "a", line = "b", value = "b" }]',
            "also a marker id",
        ),
        ('description = "d"', 'description = "d"\ncolour = "red"', "unknown field"),
        ('id = "x"', 'id = "X Y"', "id 'X Y'"),
    ],
)
def test_malformed_file_names_the_entry(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = tmp_path / "boilerplate.toml"
    path.write_text(_GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(message)):
        BoilerplateMarkers(path)


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.toml"
    path.write_text(_GOOD + _GOOD, encoding="utf-8")
    with pytest.raises(ResourceError, match="used twice"):
        BoilerplateMarkers(path)


def test_unreadable_files_raise_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="cannot read"):
        BoilerplateMarkers(tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[[marker]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="not valid UTF-8 TOML"):
        BoilerplateMarkers(broken)
    empty = tmp_path / "empty.toml"
    empty.write_text("version = 1\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"no \[\[marker\]\]"):
        BoilerplateMarkers(empty)


def test_custom_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.toml"
    path.write_text(_GOOD, encoding="utf-8")
    custom = BoilerplateMarkers(path)
    assert [m.id for m in custom.markers] == ["x"]
    assert custom.classify_line("IKLAN") is not None
    assert custom.classify_line("Baca Juga: Judul") is None
    assert custom.strip_trailing("Teks. (T/RI-1/P1)") == (len("Teks. (T/RI-1/P1)"), ())
    assert custom.strip_leading("ADVERTISEMENT Teks") == (0, ())


# -- properties ---------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"abcdeABCDE ()[]/.:-–'’“”\n\t0123456789|©",
        *("Baca Juga: ", "(T/RI-1/P1)", "(eva/imk)", "ADVERTISEMENT", " (ant)", "Editor: ", "İ"),
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_ALPHABET, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(line=_TEXT, offset=st.integers(min_value=0, max_value=10_000), in_list=st.booleans())
def test_classify_line_never_raises_and_spans_are_consistent(
    markers: BoilerplateMarkers, line: str, offset: int, in_list: bool
) -> None:
    previous = markers.classify_line("Baca Juga") if in_list else None
    record = markers.classify_line(line, offset=offset, previous=previous)
    if record is not None:
        padded = "#" * offset + line
        assert padded[record.start : record.end] == record.text == line.strip()
        assert record.kind in get_args(BoilerplateKind)


@settings(max_examples=300, deadline=None)
@given(paragraph=_TEXT, offset=st.integers(min_value=0, max_value=10_000))
def test_strip_trailing_and_leading_never_raise_and_spans_are_consistent(
    markers: BoilerplateMarkers, paragraph: str, offset: int
) -> None:
    padded = "#" * offset + paragraph
    end, records = markers.strip_trailing(paragraph, offset=offset)
    assert 0 <= end <= len(paragraph)
    assert end == len(paragraph[:end].rstrip())
    previous = offset + end
    for record in records:
        assert padded[record.start : record.end] == record.text
        assert record.start >= previous
        previous = record.end
    start, records = markers.strip_leading(paragraph, offset=offset)
    assert 0 <= start <= len(paragraph)
    previous = offset
    for record in records:
        assert padded[record.start : record.end] == record.text
        assert record.start >= previous
        previous = record.end
    assert previous <= offset + start
