from __future__ import annotations

import pytest

from pantau.language import LanguageChecker


@pytest.fixture(scope="module")
def checker() -> LanguageChecker:
    return LanguageChecker()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Kepolisian Daerah Papua menyatakan dua anggota kelompok bersenjata ditangkap "
            "setelah kontak tembak di Distrik Sugapa, Kabupaten Intan Jaya, pada Selasa sore.",
            "id",
        ),
        (
            "Kerajaan negeri telah mengumumkan bahawa peruntukan tambahan akan diberikan kepada "
            "mangsa banjir di seluruh daerah, kata Menteri Besar semalam.",
            "ms",
        ),
        (
            "The police said two members of the armed group were arrested after a firefight in "
            "the district on Tuesday afternoon.",
            "en",
        ),
        (
            "Die Polizei teilte mit, dass zwei Mitglieder der bewaffneten Gruppe nach einem "
            "Feuergefecht am Dienstagnachmittag festgenommen wurden.",
            "other",
        ),
    ],
)
def test_language(checker: LanguageChecker, text: str, code: str) -> None:
    result = checker.check(text)
    assert result.code == code
    assert 0.0 <= result.confidence <= 1.0


def test_indonesian_words_that_malay_shares_do_not_mark_malay(
    checker: LanguageChecker, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "Menteri Luar Negeri bertemu Perdana Menteri Malaysia dan Menlu China Wang Yi di Jakarta. "
        "Para pejabat itu membahas putusan Mahkamah Konstitusi dan jabatan yang kosong, kata "
        "beliau, dan menurut mereka hal itu boleh dibicarakan lebih lanjut daripada ditunda "
        "oleh pemerintah."
    )

    class NoModel:
        def classify(self, _: str) -> None:
            raise AssertionError("the function words should decide this text alone")

    monkeypatch.setattr(checker, "_identifier", NoModel())
    assert checker.check(text).code == "id"
