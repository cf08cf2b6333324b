"""The benchmark's article generator and its sources of paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.benchmark import generate, run, sample_paragraphs
from pantau.errors import ConfigurationError

PARAGRAPHS = [
    "Polisi menangkap dua orang terduga pelaku pembakaran pos ronda di Kecamatan Tallo, Makassar.",
    "Warga berunjuk rasa di depan kantor bupati menuntut ganti rugi lahan yang digusur.",
]


def test_articles_are_made_of_the_given_paragraphs() -> None:
    articles = generate(5, size=600, seed=3, paragraphs=PARAGRAPHS)
    assert len(articles) == 5 and articles == generate(5, size=600, seed=3, paragraphs=PARAGRAPHS)
    for article in articles:
        assert len(article) >= 600
        assert any(p in article for p in PARAGRAPHS)


def test_paragraphs_from_jsonl_folders_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        "\n".join(json.dumps({"text": f"Jakarta (ANTARA) - {p}"}) for p in PARAGRAPHS) + "\n\n",
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(PARAGRAPHS[1], encoding="utf-8")
    found = sample_paragraphs([tmp_path])
    assert found.count(PARAGRAPHS[1]) == 2 and PARAGRAPHS[0] in found
    assert sample_paragraphs([tmp_path / "sub" / "b.txt"]) == [PARAGRAPHS[1]]
    assert len(sample_paragraphs()) > 10  # the bundled samples


def test_bad_sources_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="does not exist"):
        sample_paragraphs([tmp_path / "absent"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "no text"}\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"bad\.jsonl:1"):
        sample_paragraphs([bad])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigurationError, match="no article paragraphs"):
        sample_paragraphs([tmp_path / "empty"])


def test_run_times_every_stage(tmp_path: Path) -> None:
    source = tmp_path / "p.txt"
    source.write_text("\n".join(PARAGRAPHS), encoding="utf-8")
    results = run(count=10, html_count=10, pipeline_count=10, sources=[source])
    assert [r.articles for r in results] == [10, 10, 10, 10]
    assert all(r.seconds > 0 and r.per_second > 0 and r.mean_chars > 2000 for r in results)
    whole = results[-1]
    names = [name for name, _ in whole.parts]
    assert names == ["reader", "entities", "actors", "places", "quotes", "events"]
    assert all(seconds > 0 for _, seconds in whole.parts)
    assert sum(seconds for _, seconds in whole.parts) <= whole.seconds
    assert not any(r.parts for r in results[:-1])
