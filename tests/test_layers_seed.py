"""The reference article through every layer after the reader: entities, actors, places, quotes."""

from __future__ import annotations

import pytest

from pantau.article import Article
from pantau.pipeline import Pipeline


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline, seed_bytes: bytes) -> Article:
    return pipeline.process(seed_bytes)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("PER", "Jeff Davis"),
        ("ORG", "Pentagon"),
        ("ORG", "ISIS"),
        ("ORG", "SDF"),
        ("ORG", "The New Arab"),
        ("PER", "Bashar Al-Assad"),
    ],
)
def test_entities(seed: Article, label: str, text: str) -> None:
    assert (label, text) in {(e.label, e.text) for e in seed.entities}
    for entity in seed.entities:
        assert seed.text[entity.start : entity.end] == entity.text


def test_actors(seed: Article) -> None:
    by_text = {m.text: m for m in seed.actors}
    spokesman = by_text["Juru bicara Pentagon"]
    assert spokesman.actor.name == "United States Department of Defense"
    assert spokesman.actor.country == "US"
    assert (spokesman.role, spokesman.person) == ("juru bicara", "Jeff Davis")
    assert by_text["Kapten Davis"].person == "Kapten Jeff Davis"
    assert by_text["The New Arab"].actor.type == "media"
    assert by_text["SDF"].actor.name == "Syrian Democratic Forces"
    assert by_text["ISIS"].actor.type == "designated_terrorist_group"
    assert "US-led coalition" in {m.actor.name for m in seed.actors}


def test_places(seed: Article) -> None:
    assert seed.dateline_place is not None
    assert (seed.dateline_place.text, seed.dateline_place.country) == ("Washington", "US")
    assert seed.source_text[seed.dateline_place.start : seed.dateline_place.end] == "Washington"
    places = {p.text: p for p in seed.places}
    for name in ("Raqqa", "Deir az-Zour", "Deir Ez-Zour", "Aleppo", "Suriah"):
        assert places[name].country == "SY", name
    assert places["Deir az-Zour"].gazetteer_id == places["Deir Ez-Zour"].gazetteer_id
    assert places["Suriah"].precision == 4
    assert 35.0 < places["Raqqa"].latitude < 36.5 and 38.0 < places["Raqqa"].longitude < 39.5
    assert 36.0 < places["Aleppo"].latitude < 36.5 and 36.9 < places["Aleppo"].longitude < 37.4


def test_quotes(seed: Article) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert {q.speaker for q in direct} == {"Kapten Jeff Davis"}
    assert {q.speaker_actor for q in direct} == {"us_dod"}  # he speaks for the Pentagon


def test_nothing_from_related_headlines(seed: Article) -> None:
    for headline in seed.related_headlines:
        assert headline not in seed.text
    spans = [(e.start, e.end) for e in seed.entities] + [(p.start, p.end) for p in seed.places]
    assert all(end <= len(seed.text) for _, end in spans)
