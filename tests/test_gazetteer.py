"""The gazetteer: what it holds, how it folds names, how it caches and fails."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.errors import ResourceError
from pantau.gazetteer import (
    Gazetteer,
    RegionsMissingWarning,
    _load_rules,
    default_regions_dir,
    water_bodies,
)

PROVINCES = [
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Jambi",
    "Sumatera Selatan",
    "Bengkulu",
    "Lampung",
    "Kepulauan Bangka Belitung",
    "Kepulauan Riau",
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "Daerah Istimewa Yogyakarta",
    "Jawa Timur",
    "Banten",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Gorontalo",
    "Sulawesi Barat",
    "Maluku",
    "Maluku Utara",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua",
    "Papua Selatan",
    "Papua Tengah",
    "Papua Pegunungan",
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    if not (default_regions_dir() / "regencies.csv").is_file():
        pytest.fail(f"the Indonesian regions are missing: expected {default_regions_dir()}")
    return Gazetteer(require_regions=True)


def test_counts_by_source_and_kind(gazetteer: Gazetteer) -> None:
    counts = gazetteer.counts()
    assert counts["geonames"]["country"] >= 240
    assert counts["geonames"]["populated_place"] >= 40_000
    assert counts["geonames"]["region"] == 50  # US states
    assert counts["id-regions"]["province"] == 38
    assert counts["id-regions"]["regency"] == 514
    assert counts["id-regions"]["district"] >= 7_000
    assert counts["exonyms"]["region"] >= 25
    indonesian = [e for e in gazetteer if e.country == "ID" and e.kind == "populated_place"]
    assert len(indonesian) >= 9_000


def test_all_38_provinces(gazetteer: Gazetteer) -> None:
    provinces = {e.name: e for e in gazetteer if e.kind == "province"}
    assert sorted(provinces) == sorted(PROVINCES)
    assert provinces["Papua"].admin1 == "Papua"
    assert provinces["Papua Tengah"].latitude == pytest.approx(-3.36, abs=0.1)  # Nabire


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Kabupaten Intan Jaya", "Papua Tengah"),
        ("Kabupaten Mimika", "Papua Tengah"),
        ("Kabupaten Nduga", "Papua Pegunungan"),
        ("Kabupaten Jayawijaya", "Papua Pegunungan"),
        ("Kabupaten Merauke", "Papua Selatan"),
        ("Kota Sorong", "Papua Barat Daya"),
        ("Kabupaten Manokwari", "Papua Barat"),
        ("Kota Jayapura", "Papua"),
        ("Kabupaten Poso", "Sulawesi Tengah"),
        ("Kota Jakarta Pusat", "DKI Jakarta"),
        ("Kabupaten Maluku Tengah", "Maluku"),
        ("Kabupaten Aceh Utara", "Aceh"),
    ],
)
def test_regencies_with_their_provinces(gazetteer: Gazetteer, name: str, province: str) -> None:
    found = [e for e in gazetteer.lookup(name) if e.kind == "regency"]
    assert len(found) == 1, found
    assert found[0].admin1 == province
    assert found[0].id.startswith("idr:")


def test_indonesian_places_get_admin_areas(gazetteer: Gazetteer) -> None:
    wamena = gazetteer.get("gn:1622167")
    assert (wamena.admin1, wamena.admin2) == ("Papua Pegunungan", "Kabupaten Jayawijaya")
    bandung = gazetteer.get("gn:1650357")
    assert (bandung.admin1, bandung.admin2) == ("Jawa Barat", "Kota Bandung")


def test_districts_far_from_their_regency_are_moved_to_it(gazetteer: Gazetteer) -> None:
    # The source puts every district named Bandar at the same point in North Sumatra.
    bandar = [e for e in gazetteer.lookup("Bandar") if e.kind == "district"]
    batang = next(e for e in bandar if e.admin2 == "Kabupaten Batang")
    assert batang.latitude < -6  # in Central Java, not at 2.05 N


@pytest.mark.parametrize(
    "names",
    [
        ["Deir az-Zour", "Deir Ez-Zour", "Deir ez-Zor", "Dayr az-Zawr"],
        ["Raqqa", "Ar-Raqqah", "Raqqah"],
        ["Aleppo", "Halab"],
        ["Yerusalem", "Al-Quds", "Baitul Maqdis"],
        ["Kyiv", "Kiev"],
        ["Hebron", "Al-Khalil"],
        ["Jenewa", "Geneva"],
        ["Den Haag", "The Hague"],
        ["Timika", "Kota Timika"],
        ["Jogja", "Yogyakarta"],
        ["Nuseirat", "An-Nuseirat", "Kamp Pengungsi Nuseirat"],
        ["Beit Hanoun", "Beit Hanun"],
    ],
)
def test_exonyms_point_to_one_entry(gazetteer: Gazetteer, names: list[str]) -> None:
    ids = {gazetteer.lookup(n)[0].id for n in names}
    assert len(ids) == 1, ids


@pytest.mark.parametrize("name", ["Nuseirat", "Bureij", "Maghazi", "Beit Hanoun", "Al-Mawasi"])
def test_gaza_camps_and_towns_are_in_the_gaza_strip(gazetteer: Gazetteer, name: str) -> None:
    (entry,) = gazetteer.lookup(name)
    assert (entry.country, entry.admin1) == ("PS", "Jalur Gaza")
    assert 31.2 < entry.latitude < 31.6 and 34.2 < entry.longitude < 34.6


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Suriah", "SY"),
        ("Mesir", "EG"),
        ("Yordania", "JO"),
        ("Tiongkok", "CN"),
        ("Filipina", "PH"),
        ("Amerika Serikat", "US"),
        ("Inggris", "GB"),
        ("Palestina", "PS"),
        ("Myanmar", "MM"),
    ],
)
def test_babel_and_curated_country_names(gazetteer: Gazetteer, name: str, iso: str) -> None:
    countries = [e for e in gazetteer.lookup(name) if e.kind == "country"]
    assert [e.country for e in countries] == [iso]


def test_abbreviations_match_exact_case_only(gazetteer: Gazetteer) -> None:
    assert gazetteer.exact_forms["as"] == "AS"
    assert gazetteer.exact_forms["ri"] == "RI"


def test_stop_words_are_not_names(gazetteer: Gazetteer) -> None:
    for word in ["Bisa", "Barat", "Kota", "Selatan", "Sungai", "Pusat", "Agama", "Batu", "Raja"]:
        assert gazetteer.lookup(word) == [], word


@given(st.text())
def test_fold_keeps_length(text: str) -> None:
    g = _FOLD_ONLY
    assert len(g.fold(text)) == len(text)


class _Folder:
    """Folding without loading a gazetteer."""

    def __init__(self) -> None:
        from pantau.gazetteer import _FoldTable

        self._table = _FoldTable()

    def fold(self, text: str) -> str:
        return text.translate(self._table)


_FOLD_ONLY = _Folder()


@given(st.text())
def test_fold_is_the_fold_table(gazetteer: Gazetteer, text: str) -> None:
    """Gazetteer.fold (ASCII as bytes, the rest one by one) is the per-character table."""
    assert gazetteer.fold(text) == _FOLD_ONLY.fold(text)
    assert gazetteer.fold(f"Kota {text} İstanbul ᴬ") == _FOLD_ONLY.fold(f"Kota {text} İstanbul ᴬ")


def test_fold_examples(gazetteer: Gazetteer) -> None:
    assert gazetteer.fold("Deir Ez-Zour") == "deir ez zour"
    assert gazetteer.fold("Córdoba, Khān Yūnis") == "cordoba  khan yunis"
    assert gazetteer.fold_name("Cox’s Bāzār") == "cox s bazar"


def test_loads_from_cache_quickly(gazetteer: Gazetteer) -> None:
    assert gazetteer.cache_file is not None and gazetteer.cache_file.is_file()
    t0 = time.perf_counter()
    again = Gazetteer()
    assert time.perf_counter() - t0 < 1.5
    assert again.version == gazetteer.version
    assert len(again) == len(gazetteer)


def test_corrupt_cache_is_rebuilt(gazetteer: Gazetteer, tmp_path: Path) -> None:
    bad = tmp_path / f"gazetteer-{gazetteer.version}.pickle"
    bad.write_bytes(b"not a pickle")
    rebuilt = Gazetteer(cache_dir=tmp_path)
    assert len(rebuilt) == len(gazetteer)
    assert bad.read_bytes()[:1] == b"\x80"  # rewritten as a pickle


def test_missing_regions_raise_when_required(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="regions not found"):
        Gazetteer(regions_dir=tmp_path / "absent", require_regions=True)


def test_missing_regions_warn_and_leave_them_out(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = Gazetteer(regions_dir=tmp_path / "absent", use_cache=False)
    assert any(issubclass(w.category, RegionsMissingWarning) for w in caught)
    assert not g.regions_loaded
    counts = g.counts()
    assert "regency" not in counts["id-regions"]
    assert counts["id-regions"]["province"] == 38
    assert g.lookup("Timika")[0].country == "ID"


def test_broken_exonyms_file_is_a_resource_error(tmp_path: Path) -> None:
    broken = tmp_path / "exonyms.toml"
    broken.write_text("[stop\nwords = [", encoding="utf-8")
    with pytest.raises(ResourceError, match="cannot be parsed"):
        _load_rules(broken)


def test_water_bodies_are_in_no_country() -> None:
    waters = water_bodies()
    assert {w.name for w in waters} >= {"Laut China Selatan", "Selat Malaka", "Laut Merah"}
    assert all(w.country == "" and w.kind == "other" and w.id.startswith("ex:") for w in waters)
