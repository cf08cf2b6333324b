"""Place mentions: finding, disambiguation, the seed article and the gold file."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau.errors import ResourceError
from pantau.places import PlaceResolver, distance_km, main, score_places

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_42d4d4312e1c6563.txt"

# Floors measured on tests/gold/places.jsonl; raise them when the resolver improves.
FLOORS = {"recall": 0.97, "precision": 0.97, "country_accuracy": 0.98, "within_161km": 0.95}


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.fail(
            f"the reference article is missing: expected {SEED} (../shared beside the repo)"
        )
    return SEED.read_text(encoding="utf-8")


def test_seed_article(resolver: PlaceResolver, seed: str) -> None:
    places = resolver.resolve(seed)
    for p in places:
        assert seed[p.start : p.end] == p.text
    by_text: dict[str, set[tuple[str, str]]] = {}
    for p in places:
        by_text.setdefault(p.text, set()).add((p.country, p.gazetteer_id))
    washington = places[0]
    assert (washington.text, washington.country, washington.kind) == (
        "Washington",
        "US",
        "populated_place",
    )
    assert distance_km(washington.latitude, washington.longitude, 38.90, -77.04) < 10
    assert {c for c, _ in by_text["Raqqa"]} == {"SY"}
    assert by_text["Deir az-Zour"] == by_text["Deir Ez-Zour"]
    assert {c for c, _ in by_text["Deir az-Zour"]} == {"SY"}
    assert {c for c, _ in by_text["Aleppo"]} == {"SY"}
    suriah = next(p for p in places if p.text == "Suriah")
    assert (suriah.country, suriah.kind, suriah.precision) == ("SY", "country", 4)
    assert distance_km(suriah.latitude, suriah.longitude, 33.51, 36.29) < 10  # Damascus
    assert {c for c, _ in by_text["AS"]} == {"US"}
    assert {c for c, _ in by_text["Rusia"]} == {"RU"}
    assert {c for c, _ in by_text["Turki"]} == {"TR"}
    assert "RI" not in by_text  # the editor code (T/RI-1/P1)


def test_seed_ar_raqqah_spelling(resolver: PlaceResolver) -> None:
    places = resolver.resolve("Pasukan SDF bergerak ke Ar-Raqqah dan Raqqa.")
    assert len({p.gazetteer_id for p in places}) == 1
    assert places[0].country == "SY"


CASES = [
    # (text, mention, dateline country, expected country, expected kind or None)
    (
        "Presiden AS tiba di Washington pada Senin malam.",
        "Washington",
        None,
        "US",
        "populated_place",
    ),
    ("Kebakaran hutan melanda negara bagian Washington.", "Washington", None, "US", "region"),
    (
        "Tentara Rusia mundur dari Georgia, kata pejabat di Tbilisi.",
        "Georgia",
        None,
        "GE",
        "country",
    ),
    ("Pemilih di Atlanta, Georgia, mengantre sejak pagi.", "Georgia", "US", "US", "region"),
    ("Bentrokan pecah di Tripoli, Lebanon utara.", "Tripoli", None, "LB", None),
    ("Pemerintah di Tripoli menuduh milisi di Benghazi, Libya.", "Tripoli", None, "LY", None),
    ("Ribuan mahasiswa Papua berunjuk rasa di Jayapura.", "Papua", "ID", "ID", "province"),
    ("Warga Papua Nugini di Port Moresby berdemonstrasi.", "Papua Nugini", None, "PG", "country"),
    ("Mahasiswa di Perth, Australia, menggalang dana.", "Perth", None, "AU", None),
    ("Festival di Perth, Skotlandia, dibuka.", "Perth", None, "GB", None),
    ("Penembakan terjadi di Alexandria, Virginia.", "Alexandria", "US", "US", None),
    ("Kapal bersandar di Alexandria, Mesir.", "Alexandria", None, "EG", None),
    ("Petani berunjuk rasa di Córdoba, Argentina.", "Córdoba", None, "AR", None),
    ("Masjid Agung Córdoba di Spanyol dibuka kembali.", "Córdoba", None, "ES", None),
    ("Pemilu diprotes di Santa Cruz, Bolivia.", "Santa Cruz", None, "BO", None),
    ("Badai menerjang Santa Cruz, California.", "Santa Cruz", "US", "US", None),
    ("Kapal bersandar di pelabuhan Victoria, Seychelles.", "Victoria", None, "SC", None),
    ("Diaspora berkumpul di Victoria, Kanada.", "Victoria", None, "CA", None),
    ("Polisi negara bagian Victoria menangkap tiga remaja.", "Victoria", None, "AU", "region"),
    ("Warga mengungsi dari Jalur Gaza ke Rafah.", "Jalur Gaza", None, "PS", "region"),
    ("Bantuan tiba di Gaza melalui Rafah.", "Gaza", None, "PS", "region"),
    ("Bantuan tiba di Gaza melalui Rafah.", "Rafah", None, "PS", None),
    (
        "Kontak tembak terjadi di Kabupaten Puncak Jaya, Papua Tengah.",
        "Kabupaten Puncak Jaya",
        "ID",
        "ID",
        "regency",
    ),
    ("Pesawat ditembaki di Beoga, Kabupaten Puncak.", "Kabupaten Puncak", "ID", "ID", "regency"),
    ("Warga Sugapa, Intan Jaya, mengungsi.", "Intan Jaya", "ID", "ID", "regency"),
    ("Bus dari Timika menuju Tembagapura ditembaki.", "Tembagapura", "ID", "ID", "populated_place"),
    ("Wali Kota Banjar, Jawa Barat, membantah kabar itu.", "Banjar", "ID", "ID", None),
    ("Bupati Banjar di Kalimantan Selatan menetapkan status darurat.", "Banjar", "ID", "ID", None),
    ("Aksi digelar di Bali dan Lombok.", "Bali", None, "ID", "province"),
    ("Demonstrasi di Jakarta berlangsung damai.", "Jakarta", "ID", "ID", "populated_place"),
    (
        "Pengungsi Rohingya dari Cox's Bazar, Bangladesh, mendarat di Aceh.",
        "Cox's Bazar",
        None,
        "BD",
        None,
    ),
    ("Militer Filipina membebaskan Marawi di Mindanao.", "Marawi", None, "PH", None),
    ("Bom meledak di Pattani, Thailand selatan.", "Pattani", None, "TH", None),
    ("Pasukan Ukraina mundur dari Bakhmut.", "Bakhmut", None, "UA", None),
    ("Konflik di Poso masih membekas.", "Poso", "ID", "ID", None),
    ("Dari Sigi, relawan bergerak ke Palu.", "Sigi", "ID", "ID", "regency"),
    ("Kedutaan di Dili menggelar upacara.", "Dili", None, "TL", None),
    ("Taliban menguasai Kabul.", "Kabul", None, "AF", None),
    ("Otoritas Teheran membantah tudingan itu.", "Teheran", None, "IR", None),
    ("Tentara menyerbu Jenin dan Nablus di Tepi Barat.", "Tepi Barat", None, "PS", "region"),
]


@pytest.mark.parametrize(("text", "mention", "dateline", "country", "kind"), CASES)
def test_disambiguation(
    resolver: PlaceResolver,
    text: str,
    mention: str,
    dateline: str | None,
    country: str,
    kind: str | None,
) -> None:
    places = resolver.resolve(text, dateline_country=dateline)
    start = text.index(mention)
    found = [p for p in places if p.start < start + len(mention) and start < p.end]
    assert found, f"{mention!r} not found in {[p.text for p in places]}"
    assert found[0].country == country, found[0]
    if kind is not None:
        assert found[0].kind == kind, found[0]


@pytest.mark.parametrize(
    ("kind", "precision"), [("country", 4), ("province", 3), ("regency", 2), ("populated_place", 1)]
)
def test_precision_follows_kind(resolver: PlaceResolver, kind: str, precision: int) -> None:
    text = "Dari Indonesia, tim bergerak ke Papua, lalu Kabupaten Nduga, dan tiba di Wamena."
    places = {p.kind: p for p in resolver.resolve(text, dateline_country="ID")}
    assert places[kind].precision == precision


NEGATIVES = [
    "Bisa jadi, Barat dan Selatan berbeda pendapat.",
    "Kota itu sepi. Pusat kegiatan pindah.",
    "Agama, Batu, Raja dan Ratu adalah judul lagu.",
    "Sungai meluap sejak pagi.",
    "Baku tembak terjadi selama dua jam.",
    "Kapten Jeff Davis mengatakan hal itu.",
    "Surat itu dibacakan. Nanti akan dibalas.",
    "Demonstran pro-Palestina dan anti-Israel berkumpul.",
    "Kapal melintas di Laut China Selatan dan Selat Malaka.",
    "(T/RI-1/P1)",
    "Arakan Army menyerang pos polisi.",
    "Para pejabat tiba. Lagi-lagi mereka terlambat.",
    "as usual, the report said",
    "kota, desa, pusat, barat, selatan",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_place_in_ordinary_words(resolver: PlaceResolver, text: str) -> None:
    assert resolver.resolve(text) == []


def test_ner_mentions_resolve_weak_names(resolver: PlaceResolver) -> None:
    text = "Puncak Bima sering dikunjungi."
    assert resolver.resolve(text) == []
    places = resolver.resolve(text, mentions=[(0, 6)], dateline_country="ID")
    assert [(p.text, p.country) for p in places] == [("Puncak", "ID")]


def test_ner_mentions_with_cue_prefix_and_misspelling(resolver: PlaceResolver) -> None:
    text = "Kontak tembak di Kabupaten Intan Jayaa dan Deir ez Zour."
    places = resolver.resolve(text, mentions=[(17, 38), (43, 55)])
    assert [p.country for p in places] == ["ID", "SY"]
    assert places[0].confidence < 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["tasikmalajaa", "deir ezzour", "khan younes", "raqqah", "jayapuraa"]),
    st.integers(min_value=0, max_value=11),
    st.sampled_from(["", "a", "h", "e", "n"]),
)
def test_closest_name_is_the_best_of_all_names_with_its_initial(
    resolver: PlaceResolver, word: str, at: int, edit: str
) -> None:
    """The look-up by initial and length picks what a search of every name would."""
    from rapidfuzz import fuzz, process

    at = min(at, len(word) - 1)
    key = word[: at + 1] + edit + word[at + 1 :]  # the initial is kept
    names = resolver.gazetteer.names
    choices = {i: n for i, n in enumerate(names) if n[:1] == key[0]}
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=88)
    assert resolver._closest_name(key) == (best[2] if best else None)


def test_ner_mentions_win_over_overlapping_matches(resolver: PlaceResolver) -> None:
    text = "Warga Jalur Gaza mengungsi."
    places = resolver.resolve(text, mentions=[(12, 16)])
    assert [(p.text, p.start) for p in places] == [("Gaza", 12)]


def test_empty_and_out_of_range_mentions(resolver: PlaceResolver) -> None:
    assert resolver.resolve("") == []
    assert resolver.resolve("Di Suriah.", mentions=[(50, 60), (5, 2), (-3, 0)])[0].country == "SY"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(
                [
                    "Suriah",
                    "AS",
                    "Kabupaten",
                    "Puncak",
                    "di",
                    "Raqqa",
                    "Gaza",
                    ",",
                    ".",
                    "Jalur",
                    "Deir Ez-Zour",
                    "pro-",
                    "Kota",
                    "İstanbul",
                    "\n",
                    "Washington",
                ]
            ),
        ),
        max_size=25,
    ).map(" ".join),
    st.lists(st.tuples(st.integers(-5, 200), st.integers(-5, 200)), max_size=4),
)
def test_resolve_never_raises_and_spans_match(
    resolver: PlaceResolver, text: str, mentions: list[tuple[int, int]]
) -> None:
    places = resolver.resolve(text, mentions=mentions)
    previous_end = -1
    for p in places:
        assert text[p.start : p.end] == p.text
        assert p.start >= previous_end  # sorted, no overlaps
        previous_end = p.end
        assert 0.0 < p.confidence <= 1.0
        assert p.precision in (1, 2, 3, 4)


def test_speed_of_a_3kb_article(resolver: PlaceResolver, seed: str) -> None:
    text = (seed + "\n" + seed)[:3000]
    resolver.resolve(text)
    t0 = time.perf_counter()
    for _ in range(50):
        resolver.resolve(text)
    per_article = (time.perf_counter() - t0) / 50
    assert per_article < 0.003  # measured ~0.6 ms; generous for busy CI machines


def test_gold_file_is_well_formed() -> None:
    path = Path(__file__).parent / "gold" / "places.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(docs) >= 45
    assert sum(len(d["places"]) for d in docs) >= 220
    for d in docs:
        for p in d["places"]:
            assert d["text"][p["start"] : p["end"]] == p["mention"]
            assert len(p["country"]) == 2
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180


def test_scores_meet_the_floors(resolver: PlaceResolver) -> None:
    scores = score_places(resolver=resolver)
    assert scores.gold_mentions >= 220
    for name, floor in FLOORS.items():
        assert getattr(scores, name) >= floor, (name, scores.errors)


def test_score_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["country_accuracy"] >= FLOORS["country_accuracy"]
    assert "errors" not in data


def test_score_command_missing_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--gold", str(tmp_path / "none.jsonl")]) == 2
    assert "not found" in capsys.readouterr().err
    with pytest.raises(ResourceError):
        score_places(tmp_path / "none.jsonl")


def test_malformed_gold_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Di Suriah.", "places": []}\n{broken\n', encoding="utf-8")
    with pytest.raises(ResourceError, match=r"gold\.jsonl:2 is not JSON"):
        score_places(gold)


def test_huge_input(resolver: PlaceResolver) -> None:
    text = "Warga Suriah mengungsi dari Raqqa ke Turki. " * 20_000  # ~900 KB
    places = resolver.resolve(text)
    assert len(places) == 60_000
    assert {p.country for p in places} == {"SY", "TR"}


def test_no_fuzzy_match_for_a_short_name(resolver: PlaceResolver) -> None:
    """One letter off a five-letter name is another name: ``Monas`` is not Mons (Belgium)."""
    text = "Ribuan orang berkumpul di kawasan Monas."
    start = text.index("Monas")
    places = resolver.resolve(text, mentions=[(start, start + 5)], dateline_country="ID")
    assert [p.name for p in places] == []


def test_a_lower_case_compass_word_is_no_part_of_the_name(resolver: PlaceResolver) -> None:
    places = resolver.resolve("Bantuan dijatuhkan bagi warga Gaza utara.", dateline_country="ID")
    assert [(p.text, p.country) for p in places] == [("Gaza", "PS")]
