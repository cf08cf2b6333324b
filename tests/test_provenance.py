"""Tests of pantau.provenance and of its data file pantau/data/provenance.toml.

All test texts are written by us in the style of the outlets.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pantau.provenance
from pantau.article import Provenance
from pantau.errors import ResourceError
from pantau.provenance import ProvenanceFinder

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_42d4d4312e1c6563.txt"

_RAW = tomllib.loads((resources.files("pantau") / "data" / "provenance.toml").read_text("utf-8"))
_EXAMPLES = [
    pytest.param(example["text"], example["outlets"], example.get("cue"), id=f"{entry['id']}-{n}")
    for entry in _RAW["cue"]
    for n, example in enumerate(entry["examples"])
]


@pytest.fixture(scope="module")
def finder() -> ProvenanceFinder:
    return ProvenanceFinder()


def _check_spans(text: str, found: list[Provenance]) -> None:
    for p in found:
        assert text[p.start : p.end] == p.text
        assert p.cue == p.cue.lower() == " ".join(p.cue.split())
    assert [p.start for p in found] == sorted(p.start for p in found)


# -- the data file ------------------------------------------------------------------------


def test_public_api() -> None:
    assert pantau.provenance.__all__ == ["Cue", "CueExample", "ProvenanceFinder"]


def test_cue_ids_are_unique_and_patterns_compile() -> None:
    ids = [entry["id"] for entry in _RAW["cue"]]
    assert len(ids) == len(set(ids))
    for entry in _RAW["cue"]:
        probe = entry["pattern"].replace("{outlet}", "(?P<outlet>X)").replace("{medium}", "")
        assert "cue" in re.compile(probe).groupindex
        assert entry["strength"] in ("strong", "weak")


@pytest.mark.parametrize(("text", "outlets", "cue"), _EXAMPLES)
def test_every_cue_example(
    finder: ProvenanceFinder, text: str, outlets: list[str], cue: str | None
) -> None:
    found = finder.find(text)
    assert [p.outlet for p in found] == outlets
    if cue:
        assert {p.cue for p in found} == {cue}
    _check_spans(text, found)


def test_every_cue_has_a_positive_example(finder: ProvenanceFinder) -> None:
    for cue in finder.cues:
        assert any(example.outlets for example in cue.examples), cue.id


# -- find ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pentagon tidak merinci jumlahnya, demikian The New Arab memberitakan "
            "yang dikutip MINA.",
            [("The New Arab", "The New Arab", "demikian memberitakan")],
        ),
        (
            "Korban tewas bertambah, seperti dilansir Reuters, Senin (12/2).",
            [("Reuters", "Reuters", "seperti dilansir")],
        ),
        (
            "Dilansir dari Al Jazeera pada Selasa, pasukan itu mundur.",
            [("Al Jazeera", "Al Jazeera", "dilansir dari")],
        ),
        (
            "Sebagaimana dikutip dari Anadolu Agency, bantuan tertahan di perbatasan.",
            [("Anadolu Agency", "Anadolu Agency", "sebagaimana dikutip dari")],
        ),
        ("Mengutip CNN, kebakaran meluas.", [("CNN", "CNN", "mengutip")]),
        (
            "Melansir detikNews, jalan tol ditutup.",
            [("detikcom", "detikNews", "melansir")],
        ),
        (
            "Menurut laporan BBC News, 30 orang hilang.",
            [("BBC", "BBC News", "menurut laporan")],
        ),
        (
            "Peristiwa itu dilaporkan oleh kantor berita Xinhua.",
            [("Xinhua", "Xinhua", "dilaporkan oleh")],
        ),
        (
            "Hal ini seperti dikutip Kompas.com dari keterangan polisi.",
            [("Kompas.com", "Kompas.com", "seperti dikutip")],
        ),
        (
            "Dilansir dari Times of Israel, sirene berbunyi di Ashdod.",
            [("Times of Israel", "Times of Israel", "dilansir dari")],
        ),
        (
            "Mengutip The Guardian dan Al Jazeera, unjuk rasa meluas.",
            [
                ("The Guardian", "The Guardian", "mengutip"),
                ("Al Jazeera", "Al Jazeera", "mengutip"),
            ],
        ),
        (
            "Seperti dilansir Middle East Monitor, warga Sheikh Jarrah menolak.",
            [("Middle East Monitor", "Middle East Monitor", "seperti dilansir")],
        ),
        (
            "Dilansir dari Gulf Today, harga minyak turun.",
            [("Gulf Today", "Gulf Today", "dilansir dari")],
        ),
        (
            "Laporan Reuters yang dikutip Antara menyebut lima orang tewas.",
            [("Reuters", "Reuters", "laporan")],
        ),
        (
            "Paragraf terakhir.\nSumber: Antara, Reuters\n",
            [("Antara", "Antara", "sumber"), ("Reuters", "Reuters", "sumber")],
        ),
        (
            "Hal itu seperti dikutipdetikNews dari sumber di lapangan.",
            [("detikcom", "detikNews", "seperti dikutip")],
        ),
        (
            "Dikutip dariEuronewspada Selasa, jalan itu ditutup.",
            [("Euronews", "Euronews", "dikutip dari")],
        ),
        (
            "Seperti dilansir kantor berita resmi Palestina WAFA, dua pemuda ditangkap.",
            [("WAFA", "WAFA", "seperti dilansir")],
        ),
        (
            "Seperti diberitakan KOMPAS.com sebelumnya, jembatan itu retak.",
            [("Kompas.com", "KOMPAS.com", "seperti diberitakan")],
        ),
    ],
)
def test_find(finder: ProvenanceFinder, text: str, expected: list[tuple[str, str, str]]) -> None:
    found = finder.find(text)
    assert [(p.outlet, p.text, p.cue) for p in found] == expected
    _check_spans(text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Ia berbicara kepada Reuters pada Senin malam.",
        "Hal itu disampaikan kepada detikSulsel, Rabu (4/9).",
        "Dilaporkan pula bahwa para militan menggali parit di sekitar kota.",
        "Kasus pelaporan Reuters itu ditutup.",
        "Mengutip pernyataan Kapolda, polisi menambah personel.",
        "Ia mengutip Presiden yang meminta aparat bertindak tegas.",
        "Seperti diberitakan sebelumnya, dua tersangka sudah ditahan.",
        "Menurut laporan Komnas HAM, ada pelanggaran prosedur.",
        "Sumber daya alam di kawasan itu melimpah.",
        "Sumber: Antara yang dihubungi menolak berkomentar.",
        "Demikian juga dengan warga di desa tetangga.",
        "dilansir dari laman resmi Kementerian Luar Negeri, Senin.",
        "Kabar itu dilaporkan warga kepada petugas.",
        "",
    ],
)
def test_find_negatives(finder: ProvenanceFinder, text: str) -> None:
    assert finder.find(text) == []


def test_stop_words_end_the_outlet(finder: ProvenanceFinder) -> None:
    found = finder.find("Seperti dilansir Reuters Kamis (3/4), kota itu jatuh.")
    assert [p.text for p in found] == ["Reuters"]


def test_list_continuation_needs_outlet_like_names(finder: ProvenanceFinder) -> None:
    found = finder.find("Dilansir Reuters dan Israel menolak tuduhan itu.")
    assert [p.outlet for p in found] == ["Reuters"]


# -- the reference article ----------------------------------------------------------------


def test_seed_article(finder: ProvenanceFinder) -> None:
    if not SEED.is_file():
        pytest.fail(f"reference article {SEED} is missing; restore ../shared/seeds")
    text = SEED.read_text(encoding="utf-8")
    found = finder.find(text)
    assert [(p.outlet, p.text, p.cue) for p in found] == [
        ("The New Arab", "The New Arab", "demikian memberitakan")
    ]
    _check_spans(text, found)


# -- loading errors -----------------------------------------------------------------------


def _data_with(old: str, new: str) -> str:
    source = (resources.files("pantau") / "data" / "provenance.toml").read_text("utf-8")
    assert old in source
    return source.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('strength = "strong"', 'strength = "medium"', "strength 'medium'"),
        ('trigger = "dilansir"', 'trigger = "Dilansir"', "trigger 'Dilansir'"),
        ('trigger = "dilansir"', 'trigger = "melansir"', "must start with its trigger"),
        ('id = "melansir"', 'id = "dilansir"', "used twice"),
        ("{medium}{outlet}'''", "{medium}'''", "must contain {outlet}"),
        ('leads = ["seperti"', 'leads = [1, "seperti"', "leads"),
        (
            'name = "Haaretz"\naliases = ["Haaretz"]',
            'name = "Haaretz"\naliases = ["Reuters"]',
            "already belongs",
        ),
        ("(?P<cue>(?i:melansir))", "(?P<cue>(?i:melansir)", "does not compile"),
    ],
)
def test_malformed_file_names_the_problem(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = tmp_path / "provenance.toml"
    path.write_text(_data_with(old, new), encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(message)):
        ProvenanceFinder(path)


def test_unreadable_files_raise_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="cannot read"):
        ProvenanceFinder(tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("leads = [\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="not valid UTF-8 TOML"):
        ProvenanceFinder(broken)


# -- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "dilansir ",
        "Dilansir dari ",
        "mengutip ",
        "demikian ",
        " memberitakan",
        " yang dikutip ",
        "Reuters",
        "Al Jazeera",
        "The New Arab",
        "Kompas.com",
        "detikNews",
        "Presiden",
        " dan ",
        ", ",
        ". ",
        "\n",
        "Sumber: ",
        "laporan ",
        "İ",
        "Senin",
        "kantor berita ",
        "of ",
        "x",
    ]
)
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=30).map("".join))


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_find_never_raises_and_spans_are_consistent(finder: ProvenanceFinder, text: str) -> None:
    found = finder.find(text)
    _check_spans(text, found)
    for p in found:
        assert p.outlet and p.text
        assert 0 <= p.start < p.end <= len(text)
