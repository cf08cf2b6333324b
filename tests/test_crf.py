"""The numpy CRF decoder against python-crfsuite's own tagger, on the shipped model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from pantau.errors import ResourceError
from pantau.ner import EntityTagger
from pantau.ner.crf import CrfModel, order
from pantau.ner.features import FeatureExtractor
from pantau.ner.lexicon import Lexicon
from pantau.ner.model import DEFAULT_MODEL, ModelInfo, sidecar_path

SENTENCES = [
    "Juru bicara Pentagon , Kapten Jeff Davis , mengatakan para pemimpin ISIS mulai "
    "meninggalkan Raqqa .",
    "Presiden Joko Widodo tiba di Surabaya , Jawa Timur , pada Senin ( 20/2 ) .",
    "Hujan turun sejak pagi .",
    "KPK menahan Bupati Budi Santoso di Gedung Merah Putih KPK , Jakarta Selatan .",
    "Pasukan Israel menyerang kamp pengungsi Nuseirat di Jalur Gaza tengah , menewaskan "
    "sedikitnya 20 orang , kata Kementerian Kesehatan Gaza .",
    "Ia .",
    "Tentara dan milisi pro Bashar Al-Assad bertempur melawan NIIS di Deir ez-Zor , didukung "
    "oleh serangan udara Rusia , menurut Observatorium Suriah untuk Hak Asasi Manusia yang "
    "berbasis di London , Inggris , Minggu ( 19/2/2017 ) malam .",
]


@pytest.fixture(scope="module")
def crfsuite() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(DEFAULT_MODEL))
    return tagger


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger()


def test_model_file_reads_as_crfsuite_dumps_it(crfsuite: pycrfsuite.Tagger) -> None:
    model = CrfModel.load(DEFAULT_MODEL)
    info = crfsuite.info()
    assert model.labels == tuple(crfsuite.labels())
    assert set(model.attributes) == {attribute for attribute, _ in info.state_features}
    column = {label: j for j, label in enumerate(model.labels)}
    for (attribute, label), weight in list(info.state_features.items())[::97]:
        assert model.weights[model.attributes[attribute], column[label]] == pytest.approx(
            weight, abs=1e-6
        )  # the dump prints six decimals; the file holds doubles
    for (before, after), weight in info.transitions.items():
        assert model.transitions[column[before], column[after]] == pytest.approx(weight, abs=1e-6)
    assert not model.weights[model.padding].any()


def test_labels_and_marginals_match_crfsuite(
    crfsuite: pycrfsuite.Tagger, tagger: EntityTagger
) -> None:
    model = CrfModel.load(DEFAULT_MODEL)
    features = FeatureExtractor(Lexicon.load(), ModelInfo.read(DEFAULT_MODEL).features)
    sentences = [s.split() for s in SENTENCES]
    ranked = [sentences[k] for k in order(np.array([len(s) for s in sentences]))]
    scores, lengths = tagger._scores.of(ranked)
    paths = model.viterbi(scores, lengths)
    marginals = model.marginals(scores, lengths)
    found_entities = False
    for row, words in enumerate(ranked):
        expected = crfsuite.tag(features.sentence(words))
        got = [model.labels[k] for k in paths[row, : len(words)]]
        assert got == expected
        found_entities |= any(label != "O" for label in got)
        for t in range(len(expected)):
            for j, name in enumerate(model.labels):
                assert marginals[row, t, j] == pytest.approx(crfsuite.marginal(name, t), abs=1e-9)
        assert tagger.tag_tokens(words) == expected
    assert found_entities
    expected_all = [crfsuite.tag(features.sentence(s)) for s in sentences]
    assert tagger.tag_sentences(sentences) == expected_all


def test_state_scores_are_the_sums_of_the_feature_weights(tagger: EntityTagger) -> None:
    model = CrfModel.load(DEFAULT_MODEL)
    features = FeatureExtractor(Lexicon.load(), ModelInfo.read(DEFAULT_MODEL).features)
    ranked = sorted((s.split() for s in SENTENCES), key=len, reverse=True)
    scores, lengths = tagger._scores.of(ranked)
    for row, words in enumerate(ranked):
        for t, names in enumerate(features.sentence(words)):
            rows = [model.attributes[n] for n in names if n in model.attributes]
            assert np.allclose(scores[row, t], model.weights[rows].sum(axis=0))
        assert not scores[row, lengths[row] :].any()


def test_decoder_wants_the_longest_sentence_first() -> None:
    model = CrfModel.load(DEFAULT_MODEL)
    scores = np.zeros((2, 3, len(model.labels)))
    with pytest.raises(ValueError, match="longest"):
        model.viterbi(scores, np.array([1, 3]))
    assert order(np.array([1, 3, 3, 2])).tolist() == [1, 2, 3, 0]


def test_word_tables_start_again_when_full(
    tagger: EntityTagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pantau.ner.tagger._MAX_KEYS", 60)
    fresh = EntityTagger()
    for _ in range(3):  # the tables fill and start again many times, between sentences
        for sentence in SENTENCES:
            assert fresh.tag(sentence) == tagger.tag(sentence)
    assert len(fresh._scores._forms) <= 60 + 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:100],
        lambda data: data[:48] + b"\x00" * (len(data) - 48),
        lambda data: b"lCRF" + data[4:8] + b"XXXX" + data[12:],
    ],
)
def test_truncated_or_damaged_model_is_a_resource_error(tmp_path: Path, damage: object) -> None:
    model = tmp_path / "damaged.crfsuite"
    model.write_bytes(damage(DEFAULT_MODEL.read_bytes()))  # type: ignore[operator]
    sidecar_path(model).write_text(sidecar_path(DEFAULT_MODEL).read_text(encoding="utf-8"))
    with pytest.raises(ResourceError, match="corrupt"):
        EntityTagger(model)
