"""The events of the reference article (MINA, 19 February 2017): what issue 4 asks of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pantau.article import Article, Event
from pantau.pipeline import Pipeline

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_42d4d4312e1c6563.txt"


@pytest.fixture(scope="module")
def article() -> Article:
    if not SEED.is_file():
        pytest.fail(
            f"the reference article is missing: expected {SEED} "
            "(../shared beside the repository root, as CI lays it out)"
        )
    return Pipeline.default().process(SEED.read_bytes())


def names(actors: tuple[object, ...]) -> set[str]:
    return {a.name for a in actors}  # type: ignore[attr-defined]


def evidence(article: Article, event: Event) -> str:
    return article.text[event.evidence_start : event.evidence_end]


def find(article: Article, type_: str, *, source: str, place: str) -> list[Event]:
    return [
        e
        for e in article.events
        if e.type == type_
        and source in names(e.sources)
        and e.place is not None
        and e.place.name == place
    ]


def test_isis_leaders_leaving_raqqa(article: Article) -> None:
    events = find(article, "RETREAT", source="Islamic State (ISIS)", place="Ar Raqqah")
    assert len(events) == 1
    event = events[0]
    assert "melarikan diri" in evidence(article, event)
    assert "Jeff Davis" in event.claim_source and event.claim_kind == "speaker"
    # "mulai melarikan diri": under way when reported, dated no finer than that week
    assert event.date_precision in ("week", "month", "year")
    assert event.date is not None and event.date <= dt.date(2017, 2, 19)
    assert dt.date(2017, 2, 19) - event.date < dt.timedelta(days=7)
    assert event.date_basis == "dateline"
    assert event.fatalities is None  # "Pentagon tidak menyebutkan jumlah": never guessed
    assert (event.acled_type, event.acled_subtype) == (
        "Strategic developments",
        "Change to group/activity",
    )


def test_coalition_air_strikes_on_isis_around_raqqa(article: Article) -> None:
    events = find(article, "ASSAULT", source="US-led coalition", place="Ar Raqqah")
    assert len(events) == 1
    event = events[0]
    assert event.mode == "aerial"
    assert names(event.targets) == {"Islamic State (ISIS)"}
    assert (event.acled_type, event.acled_subtype) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_isis_fortifying_raqqa(article: Article) -> None:
    events = find(article, "MOBILIZE", source="Islamic State (ISIS)", place="Ar Raqqah")
    assert len(events) == 1
    event = events[0]
    assert event.mode == "fortify"
    told = " ".join(
        article.text[article.sentences[i].start : article.sentences[i].end]
        for i in event.supporting_sentences
    )
    for work in ("barikade", "ranjau", "parit"):
        assert work in told
    assert event.modality == "reported"  # "kelompok aktivis melaporkan", "Dilaporkan pula"
    assert event.claim_kind == "reported"
    assert (event.acled_type, event.acled_subtype) == (
        "Strategic developments",
        "Change to group/activity",
    )


def test_fighting_at_deir_ez_zor_with_russian_air_strikes(article: Article) -> None:
    fights = find(article, "ASSAULT", source="Islamic State (ISIS)", place="Deir ez-Zor")
    assert len(fights) == 1
    fight = fights[0]
    assert names(fight.sources) == {
        "Islamic State (ISIS)",
        "Syrian Arab Army",
        "Pro-Assad militias",
    }
    assert fight.targets == ()  # two-sided: every party is a source
    assert (fight.acled_type, fight.acled_subtype) == ("Battles", "Armed clash")
    strikes = find(article, "ASSAULT", source="Russian Armed Forces", place="Deir ez-Zor")
    assert len(strikes) == 1
    assert strikes[0].mode == "aerial"
    assert names(strikes[0].targets) == {"Islamic State (ISIS)"}
    assert strikes[0].acled_subtype == "Air/drone strike"


def test_turkish_backed_operation_against_isis_around_aleppo(article: Article) -> None:
    events = find(article, "ASSAULT", source="Turkey", place="Aleppo")
    assert len(events) == 1
    event = events[0]
    assert names(event.targets) == {"Islamic State (ISIS)"}
    assert "didukung Turki" in evidence(article, event)
    assert (event.acled_type, event.acled_subtype) == ("Battles", "Armed clash")


def test_nothing_from_the_related_headlines(article: Article) -> None:
    headlines = article.related_headlines
    assert len(headlines) == 3
    for headline in headlines:
        assert headline not in article.text  # boilerplate never reaches the events
        for event in article.events:
            said = evidence(article, event)
            assert headline not in said and said not in headline
    # no event speaks of what only the headlines tell
    told = " ".join(evidence(article, e) for e in article.events)
    for word in ("Palestina", "Israel", "Badan Aksi"):
        assert word not in told


def test_every_event_has_an_acled_type_and_a_claim(article: Article) -> None:
    assert article.events
    for event in article.events:
        assert event.acled_type is not None
        assert event.claim_source
        assert event.codebook_version


def test_the_docs_show_what_the_seed_article_gives_now(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/events.md prints the seed article's events with a script: run it, compare."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "events.md").read_text(encoding="utf-8")
    section = docs[docs.index("## Example: the seed article") :]
    shown = section[section.index("```text\n") + len("```text\n") :]
    shown = shown[: shown.index("```")]
    script = section[section.index("```python\n") + len("```python\n") :]
    script = script[: script.index("```")]
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    exec(compile(script, "docs/events.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed == shown, "regenerate the example in docs/events.md with its script"
