"""Tests of pantau.ner: tokenizer, corpus readers, span metric, tagger, training and evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.article import Entity
from pantau.errors import ConfigurationError, CorpusNotFoundError, ResourceError
from pantau.ner import EntityTagger, Tokenizer
from pantau.ner.corpus import TaggedSentence, load_split, parse_conll, read_corpus_file
from pantau.ner.evaluate import evaluate
from pantau.ner.evaluate import main as evaluate_main
from pantau.ner.features import FeatureExtractor, word_shape
from pantau.ner.lexicon import Lexicon
from pantau.ner.metrics import bio_spans, score_sentences
from pantau.ner.model import DEFAULT_MODEL, sidecar_path
from pantau.ner.train import main as train_main
from pantau.ner.train import train, training_examples

# --- tokenizer ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(Lexicon.load().abbreviations)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bashar Al-Assad tiba.", ["Bashar", "Al-Assad", "tiba", "."]),
        ("juara ke-3 dan era 90-an", ["juara", "ke-3", "dan", "era", "90-an"]),
        ("harga Rp1,5 juta, naik 2,5%", ["harga", "Rp1,5", "juta", ",", "naik", "2,5", "%"]),
        ("Rp.58,285 dan US$20", ["Rp.58,285", "dan", "US$20"]),
        ("pukul 10.00 WIB.", ["pukul", "10.00", "WIB", "."]),
        ("Senin (20/2/2017).", ["Senin", "(", "20/2/2017", ")", "."]),
        ("dikutip Kompas.com dan viva.co.id.", ["dikutip", "Kompas.com", "dan", "viva.co.id", "."]),
        ("lihat https://a.id/x?b=1, lalu", ["lihat", "https://a.id/x?b=1", ",", "lalu"]),
        ("Isra Mi'raj pada Jum’at", ["Isra", "Mi'raj", "pada", "Jum’at"]),
        ('"Ya," kata Dr. Nasir.', ['"', "Ya", ",", '"', "kata", "Dr.", "Nasir", "."]),
        ("J.K. Rowling dan M. Nasir", ["J.K.", "Rowling", "dan", "M.", "Nasir"]),
        ("Jl. Sudirman No. 5", ["Jl.", "Sudirman", "No.", "5"]),
        ("tunggu... lalu -- pergi", ["tunggu", "...", "lalu", "--", "pergi"]),
        ("akun @jokowi dan #2019", ["akun", "@jokowi", "dan", "#2019"]),
        ("", []),
        (" \n\t ", []),
    ],
)
def test_tokenizer_splits_like_the_corpora(
    tokenizer: Tokenizer, text: str, expected: list[str]
) -> None:
    tokens = tokenizer.tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokenizer_offsets_within_a_range(tokenizer: Tokenizer) -> None:
    text = "Awal. Kapten Jeff Davis di Raqqa. Akhir."
    start = text.index("Kapten")
    end = text.index(" Akhir")
    tokens = tokenizer.tokenize(text, start, end)
    assert [t.text for t in tokens] == ["Kapten", "Jeff", "Davis", "di", "Raqqa", "."]
    assert tokens[0].start == start and tokens[-1].end == end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9 .,-'’/\"@#:$\n\tRpéх")), max_size=60) | st.text())
def test_tokens_never_overlap_and_cover_the_text(text: str) -> None:
    tokens = Tokenizer(["dr", "jl"]).tokenize(text)
    previous_end = 0
    for token in tokens:
        assert token.text
        assert text[token.start : token.end] == token.text
        assert token.start >= previous_end
        assert not any(ch.isspace() for ch in token.text)
        previous_end = token.end
    covered = "".join(t.text for t in tokens)
    assert covered == "".join(text.split())


# --- corpus readers ----------------------------------------------------------------------------

IDNER_SAMPLE = (
    "Presiden PROPN O\r\nJoko PROPN B-PER\r\nWidodo PROPN I-PER\r\ntiba VERB O\r\n"
    "di ADP O\r\nJakarta PROPN B-LOC\r\n. PUNCT O\r\n\r\n"
    "KPK PROPN B-ORG\r\nmenahan VERB O\r\n. PUNCT O\r\n"
)
NERUI_SAMPLE = (
    "Kapolri\tO\nTito\tB-PERSON\nKarnavian\tI-PERSON\nke\tO\nPolda\tB-ORGANIZATION\n"
    "Metro\tI-ORGANIZATION\nJaya\tI-ORGANIZATION\n.\tO\n\n\nDi\tO\nBandung\tB-LOCATION\n\n"
)
NERGRIT_SAMPLE = "Warga\tO\nSurabaya\tB-PLACE\ndan\tO\nPT\tB-ORGANISATION\nPAL\tI-ORGANISATION\n"
NERP_SAMPLE = (
    "b-pplhatian\tO\nwarga\tO\nmanado\tB-PLC\namos\tB-PPL\nkenda\tI-PPL\nsaat\tO\n"
    "piala\tB-EVT\ndunia\tI-EVT\nmakan\tO\nrendang\tB-FNB\nenak\tI-IND\n\n"
)


def write_corpus(root: Path, corpus: str, files: dict[str, str]) -> None:
    folder = root / "data" / "ner" / corpus
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))


def test_idner_reader_crlf_and_pos_column(tmp_path: Path) -> None:
    write_corpus(tmp_path, "idner-news-2k", {"train.txt": IDNER_SAMPLE})
    sentences = load_split(tmp_path, "idner-news-2k", "train")
    assert sentences == [
        TaggedSentence(
            ("Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."),
            ("O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"),
        ),
        TaggedSentence(("KPK", "menahan", "."), ("B-ORG", "O", "O")),
    ]


def test_nerui_and_nergrit_labels_are_normalised(tmp_path: Path) -> None:
    write_corpus(tmp_path, "nerui", {"train.01.tsv": NERUI_SAMPLE})
    write_corpus(tmp_path, "nergrit", {"valid.txt": NERGRIT_SAMPLE})
    nerui = load_split(tmp_path, "nerui", "train.01")
    assert [s.tags for s in nerui] == [
        ("O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O"),
        ("O", "B-LOC"),
    ]
    (nergrit,) = load_split(tmp_path, "nergrit", "valid")
    assert nergrit.tags == ("O", "B-LOC", "O", "B-ORG", "I-ORG")


def test_nerp_mapping_repairs_and_fnb(tmp_path: Path) -> None:
    write_corpus(tmp_path, "nerp", {"test.txt": NERP_SAMPLE})
    (dropped,) = load_split(tmp_path, "nerp", "test")
    assert dropped.tokens[0] == "perhatian"  # "per" overwritten by "b-ppl" upstream
    assert dropped.tags == (
        ("O", "O", "B-LOC", "B-PER", "I-PER", "O", "B-EVENT", "I-EVENT", "O", "O", "B-ORG")
    )  # FNB dropped; a stray I-IND becomes B-ORG
    (kept,) = load_split(tmp_path, "nerp", "test", keep_fnb=True)
    assert kept.tags[-2:] == ("B-FNB", "B-ORG")


def test_missing_corpus_names_the_path_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFoundError, match=r"nerui.*--shared"):
        load_split(tmp_path, "nerui", "train.01")
    write_corpus(tmp_path, "nerui", {"train.01.tsv": NERUI_SAMPLE})
    with pytest.raises(CorpusNotFoundError, match=r"test\.03\.tsv"):
        load_split(tmp_path, "nerui", "test.03")
    with pytest.raises(ResourceError, match="unknown split"):
        load_split(tmp_path, "nerui", "train")
    with pytest.raises(ResourceError, match="unknown NER corpus"):
        load_split(tmp_path, "conll2003", "train")


@pytest.mark.parametrize(
    "line",
    ["Jakarta\tB-CITY", "Jakarta\tX-LOCATION", "Jakarta"],
)
def test_malformed_lines_are_reported(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(f"di\tO\n{line}\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="line 2"):
        read_corpus_file(path, "nerui")


def test_non_utf8_corpus_is_a_resource_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"caf\xe9\tO\n")
    with pytest.raises(ResourceError, match="not UTF-8"):
        read_corpus_file(path, "nerui")


def test_parse_conll_without_trailing_blank_line() -> None:
    sentences = parse_conll(["a\tO", "b\tB-X"], label_map={"X": "LOC"})
    assert sentences == [TaggedSentence(("a", "b"), ("O", "B-LOC"))]


# --- metric ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-PER", "I-PER", "O"], [("PER", 1, 3)]),
        (["B-PER", "B-PER"], [("PER", 0, 1), ("PER", 1, 2)]),
        (["I-ORG", "I-ORG", "O"], [("ORG", 0, 2)]),  # conlleval: I- after O opens a span
        (["B-LOC", "I-ORG"], [("LOC", 0, 1), ("ORG", 1, 2)]),
        (["O", "B-LOC", "I-LOC"], [("LOC", 1, 3)]),
        ([], []),
    ],
)
def test_bio_spans(tags: list[str], spans: list[tuple[str, int, int]]) -> None:
    assert bio_spans(tags) == spans


def test_exact_spans_count_and_partial_spans_do_not() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"]
    predicted = ["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O"]
    scores = score_sentences([(gold, predicted)])
    # PER exact; LOC typed wrong; ORG boundary wrong
    assert (scores.overall.correct, scores.overall.predicted, scores.overall.gold) == (1, 3, 3)
    assert scores.by_type["PER"].f1 == 1.0
    assert scores.by_type["LOC"].recall == 0.0 and scores.by_type["LOC"].predicted == 0
    assert scores.by_type["ORG"].precision == 0.0
    assert scores.overall.f1 == pytest.approx(1 / 3)


def test_scores_over_sentences_and_empty_cases() -> None:
    scores = score_sentences([(["B-LOC"], ["B-LOC"]), (["O"], ["B-LOC"]), (["O"], ["O"])])
    assert scores.by_type["LOC"].precision == 0.5
    assert scores.by_type["LOC"].recall == 1.0
    assert score_sentences([]).overall.f1 == 0.0
    with pytest.raises(ValueError, match="2 gold tags but 1"):
        score_sentences([(["O", "O"], ["O"])])


# --- features ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "long", "short"),
    [
        ("Jakarta", "Xxxxxxx", "Xx"),
        ("KPK", "XXX", "X"),
        ("2017", "dddd", "d"),
        ("Al-Assad", "Xx-Xxxxx", "Xx-Xx"),
    ],
)
def test_word_shape(word: str, long: str, short: str) -> None:
    assert word_shape(word) == (long, short)


def test_features_mark_cues_and_context() -> None:
    extractor = FeatureExtractor(Lexicon.load())
    feats = extractor.sentence(
        ["Juru", "bicara", "Kapten", "Jeff", "Davis", "di", "Amerika", "Serikat"]
    )
    assert "G=TTL-B" in feats[0] and "G=TTL-I" in feats[1]  # "juru bicara" is one title
    assert "G-1=TTL" in feats[3] and "cap" in feats[3] and "w-1=kapten" in feats[3]
    assert "G=CTRY-B" in feats[6] and "G=CTRY-I" in feats[7] and "G-1=PREP" in feats[6]
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert extractor.sentence([]) == []


# --- tagger ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger()


SEED_LIKE = (
    "Juru bicara Pentagon, Kapten Jeff Davis, mengatakan para pemimpin kelompok itu mulai "
    "meninggalkan Raqqa. Presiden Joko Widodo tiba di Surabaya, Jawa Timur, pada Senin (20/2)."
)


def test_shipped_tagger_finds_persons_organisations_and_places(tagger: EntityTagger) -> None:
    entities = tagger.tag(SEED_LIKE)
    found = {(e.text, e.label) for e in entities}
    assert {("Jeff Davis", "PER"), ("Pentagon", "ORG"), ("Raqqa", "LOC")} <= found
    assert {("Joko Widodo", "PER"), ("Surabaya", "LOC")} <= found
    for e in entities:
        assert isinstance(e, Entity)
        assert SEED_LIKE[e.start : e.end] == e.text
        assert 0.0 < e.confidence <= 1.0
    assert [e.start for e in entities] == sorted(e.start for e in entities)


def test_tagger_with_sentence_spans(tagger: EntityTagger) -> None:
    first_end = SEED_LIKE.index("Raqqa.") + len("Raqqa.")
    spans = [(0, first_end), (first_end + 1, len(SEED_LIKE))]
    assert tagger.tag(SEED_LIKE, spans) == tagger.tag(SEED_LIKE)
    assert tagger.tag(SEED_LIKE, [(first_end + 1, len(SEED_LIKE))])[0].start > first_end
    with pytest.raises(ConfigurationError, match="outside the text"):
        tagger.tag(SEED_LIKE, [(0, len(SEED_LIKE) + 5)])


@pytest.mark.parametrize("text", ["", "   \n\n ", ".", "12345"])
def test_tagger_on_empty_or_entity_free_text(tagger: EntityTagger, text: str) -> None:
    assert tagger.tag(text) == []


def test_tagger_on_long_and_hostile_text(tagger: EntityTagger) -> None:
    text = ("Warga Jakarta " * 400) + "\x00\u200b" + "ﷺ" * 50 + "!" * 300
    entities = tagger.tag(text)
    assert all(text[e.start : e.end] == e.text for e in entities)


def test_missing_or_corrupt_model_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"python -m pantau\.ner\.train"):
        EntityTagger(tmp_path / "absent.crfsuite")
    model = tmp_path / "bad.crfsuite"
    model.write_bytes(b"not a model")
    sidecar_path(model).write_text(sidecar_path(DEFAULT_MODEL).read_text(encoding="utf-8"))
    with pytest.raises(ResourceError, match=r"corrupt.*python -m pantau\.ner\.train"):
        EntityTagger(model)
    sidecar_path(model).write_text("{", encoding="utf-8")
    with pytest.raises(ResourceError, match="metadata"):
        EntityTagger(model)


# --- training and evaluation on tiny inline corpora --------------------------------------------

TINY_SENTENCES = [
    ("Presiden Joko Widodo tiba di Jakarta .", "O B-PER I-PER O O B-LOC O"),
    ("Kapten Jeff Davis berbicara di Washington .", "O B-PER I-PER O O B-LOC O"),
    ("Juru bicara Pentagon membantah laporan itu .", "O O B-ORG O O O O"),
    ("KPK menahan Budi Santoso di Surabaya .", "B-ORG O B-PER I-PER O B-LOC O"),
    ("Warga Bandung menolak rencana Pemkot Bandung .", "O B-LOC O O B-ORG I-ORG O"),
    ("Menteri Sri Mulyani bertemu Bank Dunia .", "O B-PER I-PER O B-ORG I-ORG O"),
    ("Polda Metro Jaya memeriksa Andi di Depok .", "B-ORG I-ORG I-ORG O B-PER O B-LOC O"),
    ("Hujan turun di Bogor sejak pagi .", "O O O B-LOC O O O"),
    ("Ketua DPR Ade Komarudin hadir .", "O B-ORG B-PER I-PER O O"),
    ("Pasukan Rusia menyerang Aleppo .", "O B-LOC O B-LOC O"),
]


def tiny_shared(root: Path) -> Path:
    def conll(rows: list[tuple[str, str]], tab: bool) -> str:
        out = []
        for words, tags in rows:
            for w, t in zip(words.split(), tags.split(), strict=True):
                out.append(f"{w}\t{t}" if tab else f"{w} X {t}")
            out.append("")
        return ("\r\n" if not tab else "\n").join(out) + "\n"

    def nerui(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
        names = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
        return [
            (w, " ".join(t[:2] + names[t[2:]] if t != "O" else t for t in tags.split()))
            for w, tags in rows
        ]

    def nergrit(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
        names = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "PLACE"}
        return [
            (w, " ".join(t[:2] + names[t[2:]] if t != "O" else t for t in tags.split()))
            for w, tags in rows
        ]

    train_rows, test_rows = TINY_SENTENCES, TINY_SENTENCES[:3]
    write_corpus(
        root,
        "idner-news-2k",
        {
            "train.txt": conll(train_rows, False),
            "dev.txt": conll(train_rows[5:], False),
            "test.txt": conll(test_rows, False),
        },
    )
    write_corpus(
        root,
        "nerui",
        {
            "train.01.tsv": conll(nerui(train_rows), True),
            "dev.01.tsv": conll(nerui(train_rows[:4]), True),
        },
    )
    write_corpus(
        root,
        "nergrit",
        {
            "train.txt": conll(nergrit(train_rows), True),
            "valid.txt": conll(nergrit(train_rows[4:]), True),
        },
    )
    return root


def test_train_writes_model_metadata_and_card(tmp_path: Path) -> None:
    shared = tiny_shared(tmp_path / "shared")
    output = tmp_path / "out" / "tiny.crfsuite"
    report = train(
        shared=shared, output=output, corpora=["idner-news-2k", "nerui"], max_iterations=30
    )
    assert output.is_file() and sidecar_path(output).is_file()
    assert report.model_card == output.parent / "MODEL_CARD.md"
    card = report.model_card.read_text(encoding="utf-8")
    assert "Khairunnisa" in card and "CC BY 4.0" in card and "python -m pantau.ner.train" in card
    # the held-out sentences (the idner test split) were dropped from the training data
    assert report.dropped == 2 * 3 + 3  # idner train + nerui train + nerui dev.01 hold them
    assert set(report.scores) == {"idner-news-2k"}
    assert json.loads(sidecar_path(output).read_text())["labels"] == ["LOC", "ORG", "PER"]
    tagger = EntityTagger(output)
    entities = tagger.tag("Kapten Jeff Davis berbicara di Washington.")
    assert all(isinstance(e, Entity) for e in entities)
    # deterministic: the same data and options give the same weights
    again = train(
        shared=shared,
        output=tmp_path / "again" / "tiny.crfsuite",
        corpora=["idner-news-2k", "nerui"],
        max_iterations=30,
        model_card=False,
    )
    assert again.output.read_bytes() == output.read_bytes()


def test_train_reports_missing_corpus_and_bad_options(tmp_path: Path) -> None:
    shared = tiny_shared(tmp_path / "shared")
    with pytest.raises(CorpusNotFoundError, match="nerp"):
        train(shared=shared, output=tmp_path / "m.crfsuite", corpora=["nerp"])
    with pytest.raises(ConfigurationError, match="unknown NER corpus"):
        train(shared=shared, output=tmp_path / "m.crfsuite", corpora=["conll"])
    with pytest.raises(ConfigurationError, match="c1"):
        train(shared=shared, output=tmp_path / "m.crfsuite", corpora=["nerui"], c1=-1)
    assert train_main(["--shared", str(tmp_path / "nowhere"), "--output", str(tmp_path / "m")]) == 2


def test_evaluate_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tiny_shared(tmp_path / "shared")
    report = evaluate(shared=shared, sets=["idner-news-2k"], max_iterations=30)
    (result,) = report.results
    assert result.test_sentences == 3
    assert result.dropped == 3 * 3 + 3  # idner train, nerui train.01 + dev.01, nergrit train
    assert report.nerui_mean is None
    assert 0.0 <= result.scores.overall.f1 <= 1.0
    assert (
        evaluate_main(
            ["--shared", str(shared), "--sets", "idner-news-2k", "--json", "--max-iterations", "20"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0]["name"] == "idner-news-2k"
    assert evaluate_main(["--shared", str(shared), "--sets", "nerp"]) == 2
    with pytest.raises(ConfigurationError, match="unknown test set"):
        evaluate(shared=shared, sets=["conll"])


def test_training_examples_weights_and_exclusion(tmp_path: Path) -> None:
    shared = tiny_shared(tmp_path / "shared")
    held_out = load_split(shared, "idner-news-2k", "test")
    examples, parts, dropped = training_examples(
        shared,
        [("idner-news-2k", "train"), ("nergrit", "valid")],
        held_out,
        weights={"idner-news-2k": 2},
    )
    assert parts == [("idner-news-2k", "train", 7), ("nergrit", "valid", 6)]
    assert dropped == 3
    assert len(examples) == 2 * 7 + 6
    assert not {s.tokens for s in held_out} & {s.tokens for s in examples}


def test_public_api_of_pantau_ner() -> None:
    import pantau.ner

    assert pantau.ner.__all__ == ["EntityTagger", "Token", "Tokenizer"]
