"""Tests of pantau.event_scoring with hand-made events; every number is computed by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from pantau.article import Article, Event, EventActor, Place
from pantau.errors import ResourceError
from pantau.event_scoring import (
    PRF,
    GoldArticle,
    GoldEvent,
    default_gold_path,
    load_gold,
    score_events,
)

POLRI = "Indonesian National Police"
TPNPB = "West Papua National Liberation Army (TPNPB)"
IDF = "Israel Defense Forces"

T1 = (
    "Jakarta (ANTARA) - Polisi menangkap dua orang di Poso, Senin (4/3).\n"
    "TPNPB menembak warga di Intan Jaya."
)
T2 = "Gaza, MINA – Serangan udara Israel menewaskan 22 orang di Rafah.\nCuaca cerah."
T3 = "Jakarta - Hujan deras mengguyur Jakarta."
E1 = "Polisi menangkap dua orang di Poso, Senin (4/3)."
E2 = "TPNPB menembak warga di Intan Jaya."
E3 = "Serangan udara Israel menewaskan 22 orang di Rafah."


def gold_event(type_: str, evidence: str, trigger: str, **fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": type_,
        "mode": None,
        "evidence": evidence,
        "trigger": trigger,
        "sources": [],
        "targets": [],
        "place": None,
        "place_country": None,
        "date": None,
        "date_precision": None,
        "modality": "asserted",
        "background": False,
        "fatalities": None,
        "injured": None,
        "claim_source": "Antara",
        "acled_type": None,
        "acled_subtype": None,
    }
    event.update(fields)
    return event


GOLD: list[dict[str, Any]] = [
    {
        "id": "a1",
        "style": "Antara",
        "published": "2024-03-05",
        "text": T1,
        "events": [
            gold_event(
                "COERCE", E1, "menangkap", mode="arrest", sources=[POLRI], place="Poso",
                place_country="ID", date="2024-03-04", date_precision="day",
                acled_type="Strategic developments", acled_subtype="Arrests",
            ),
            gold_event(
                "ASSAULT", E2, "menembak", mode="firearms", sources=[TPNPB],
                targets=["Civilians (generic)"], place="Intan Jaya", place_country="ID",
            ),
        ],
    },
    {
        "id": "a2",
        "style": "MINA",
        "published": "2024-05-07",
        "text": T2,
        "events": [
            gold_event(
                "ASSAULT", E3, "Serangan udara", mode="aerial", sources=[IDF], place="Rafah",
                place_country="PS", fatalities=22, claim_source="MINA",
            )
        ],
    },
    {"id": "a3", "style": "detik", "published": "2024-12-24", "text": T3, "events": []},
]  # fmt: skip


def write_gold(tmp_path: Path, docs: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return path


def place(name: str, country: str) -> Place:
    return Place(name, 0, len(name), f"test:{name}", name, 0.0, 0.0, country, None, None,
                 "populated_place", 1)  # fmt: skip


def actor(name: str) -> EventActor:
    return EventActor(name=name, text=name, start=0, end=len(name))


def event(text: str, type_: str, evidence: str, **fields: Any) -> Event:
    """An Event whose evidence offsets point into ``text``, fields as in the gold defaults."""
    start = text.index(evidence)
    values: dict[str, Any] = {
        "id": "x-1",
        "type": type_,
        "mode": None,
        "contexts": (),
        "acled_type": None,
        "acled_subtype": None,
        "sources": (),
        "targets": (),
        "place": None,
        "date": None,
        "date_precision": None,
        "date_basis": "none",
        "modality": "asserted",
        "background": False,
        "fatalities": None,
        "injured": None,
        "claim_source": "ANTARA",
        "claim_kind": "outlet",
        "trigger": evidence.split()[0],
        "trigger_start": start,
        "trigger_end": start + len(evidence.split()[0]),
        "sentence": 0,
        "evidence_start": start,
        "evidence_end": start + len(evidence),
        "supporting_sentences": (),
        "confidence": 1.0,
        "codebook_version": "test",
    }
    values.update(fields)
    return Event(**values)


def p1() -> Event:
    """Right in every field for the first gold event of a1."""
    return event(
        T1, "COERCE", E1, mode="arrest", sources=(actor(POLRI),), place=place("Poso", "ID"),
        date=dt.date(2024, 3, 4), date_precision="day",
        acled_type="Strategic developments", acled_subtype="Arrests",
    )  # fmt: skip


def p3() -> Event:
    """Detects a2's event, right except the place (missing)."""
    return event(
        T2, "ASSAULT", E3, mode="aerial", sources=(actor(IDF),), fatalities=22,
        claim_source="MINA (Mi'raj News Agency)",
    )  # fmt: skip


PREDICTIONS: dict[str, list[Event]] = {
    # a1: p1 right, its duplicate, and ACCUSE on the ASSAULT sentence (type mismatch)
    T1: [p1(), p1(), event(T1, "ACCUSE", E2)],
    # a2: p3 detected without place; an ASSAULT on another sentence (evidence mismatch), twice
    T2: [p3(), event(T2, "ASSAULT", "Cuaca cerah."), event(T2, "ASSAULT", "Cuaca cerah.")],
    # a3: a spurious PROTEST
    T3: [event(T3, "PROTEST", "Hujan deras mengguyur Jakarta.")],
}


def fake_extract(text: str, published: dt.date | None) -> Sequence[Event]:
    return PREDICTIONS[text]


def test_scores_by_hand(tmp_path: Path) -> None:
    scores = score_events(write_gold(tmp_path, GOLD), fake_extract)
    assert scores.articles == 3
    assert scores.gold_events == 3
    # a1: p1 (its duplicate counts once) + ACCUSE; a2: p3 + one ASSAULT (twice); a3: PROTEST
    assert scores.predicted_events == 5
    assert scores.detection == PRF(tp=2, fp=3, fn=1)
    assert scores.detection.precision == pytest.approx(2 / 5)
    assert scores.detection.recall == pytest.approx(2 / 3)
    assert scores.detection.f1 == pytest.approx(0.5)
    # full match: only p1; p3 has no place
    assert scores.full == PRF(tp=1, fp=4, fn=2)
    assert scores.full.precision == pytest.approx(0.2)
    assert scores.full.recall == pytest.approx(1 / 3)
    assert scores.full.f1 == pytest.approx(0.25)
    # fields over the two detected pairs
    assert scores.fields["place"] == (1, 2)
    assert scores.fields["place_country"] == (1, 2)
    assert scores.fields["sources"] == (2, 2)
    assert scores.fields["fatalities"] == (2, 2)
    assert scores.fields["claim_source"] == (2, 2)  # ANTARA = Antara; MINA (…) contains MINA
    assert scores.fields["acled_type"] == (2, 2)
    assert scores.accuracy("place") == pytest.approx(0.5)
    assert scores.per_type["COERCE"] == PRF(tp=1)
    assert scores.per_type["ASSAULT"] == PRF(tp=1, fp=1, fn=1)
    assert scores.per_type["ACCUSE"] == PRF(fp=1)
    assert scores.per_type["PROTEST"] == PRF(fp=1)
    assert scores.per_type["AGREE"] == PRF()
    kinds = sorted(m.kind for m in scores.misses)
    assert kinds == ["fields", "missed", "spurious", "spurious", "spurious"]
    field_miss = next(m for m in scores.misses if m.kind == "fields")
    assert [f.field for f in field_miss.fields] == ["place", "place_country"]
    assert field_miss.fields[0].gold == "Rafah" and field_miss.fields[0].predicted is None


def test_as_dict_is_json(tmp_path: Path) -> None:
    data = score_events(write_gold(tmp_path, GOLD), fake_extract).as_dict()
    assert data["detection"]["tp"] == 2
    assert data["fields"]["place"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert json.loads(json.dumps(data)) == data


def test_two_gold_events_in_one_sentence(tmp_path: Path) -> None:
    text = "Jakarta (ANTARA) - Hamas membebaskan sandera setelah gencatan senjata berlaku."
    evidence = "Hamas membebaskan sandera setelah gencatan senjata berlaku."
    doc = {
        "id": "b1",
        "style": "Antara",
        "published": "2025-01-20",
        "text": text,
        "events": [
            gold_event("RETREAT", evidence, "membebaskan", mode="release"),
            gold_event("RETREAT", evidence, "gencatan senjata", mode="ceasefire"),
        ],
    }
    path = write_gold(tmp_path, [doc])
    one = score_events(path, lambda t, p: [event(t, "RETREAT", evidence, mode="release")])
    assert one.detection == PRF(tp=1, fn=1)
    assert one.fields["mode"] == (1, 1)  # paired with the 'release' gold event
    three = score_events(
        path,
        lambda t, p: [
            event(t, "RETREAT", evidence, mode="ceasefire"),
            event(t, "RETREAT", evidence, mode="release"),
            event(t, "RETREAT", evidence, mode="release"),
        ],
    )
    assert three.detection == PRF(tp=2)
    assert three.predicted_events == 2
    assert three.fields["mode"] == (2, 2)


def test_whitespace_and_article_results(tmp_path: Path) -> None:
    path = write_gold(tmp_path, GOLD[:1])
    body = (
        "Polisi   menangkap dua orang di Poso,\nSenin (4/3).\n\nTPNPB menembak warga di Intan Jaya."
    )
    ev = event(body, "COERCE", "Polisi   menangkap dua orang di Poso,\nSenin (4/3).")
    article = Article(id="a", source_text=T1, text=body, input_format="text", events=(ev,))
    scores = score_events(path, lambda t, p: article)
    assert scores.detection == PRF(tp=1, fn=1)


def test_failed_article_counts_its_gold_events_as_missed(tmp_path: Path) -> None:
    def broken(text: str, published: dt.date | None) -> Sequence[Event]:
        raise ResourceError("model missing")

    scores = score_events(write_gold(tmp_path, GOLD), broken)
    assert scores.failed == 3
    assert scores.detection == PRF(fn=3)
    assert scores.detection.precision == 0.0


def test_perfect_extractor_on_the_gold_set() -> None:
    gold = {a.text: a for a in load_gold()}

    def oracle(text: str, published: dt.date | None) -> Sequence[Event]:
        return [from_gold(text, g) for g in gold[text].events]

    scores = score_events(None, oracle)
    assert scores.detection.f1 == 1.0
    assert scores.full.f1 == 1.0
    assert all(correct == total for correct, total in scores.fields.values())
    assert not scores.misses


def from_gold(text: str, g: GoldEvent) -> Event:
    return event(
        text,
        g.type,
        g.evidence,
        mode=g.mode,
        sources=tuple(actor(n) for n in g.sources),
        targets=tuple(actor(n) for n in g.targets),
        place=None if g.place is None else place(g.place, g.place_country or ""),
        date=g.date,
        date_precision=g.date_precision,
        modality=g.modality,
        background=g.background,
        fatalities=g.fatalities,
        injured=g.injured,
        claim_source=g.claim_source,
        acled_type=g.acled_type,
        acled_subtype=g.acled_subtype,
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"evidence": "Kalimat yang tidak ada."}, "evidence must occur verbatim"),
        ({"type": "FIGHT"}, "not a PLOVER type"),
        ({"modality": "likely"}, "not a modality"),
        ({"date": "2024-03-04"}, "date_precision"),
        ({"fatalities": -1}, "fatalities"),
        ({"colour": "red"}, "unknown key"),
    ],
)
def test_bad_gold_lines_are_named(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    doc = json.loads(json.dumps(GOLD[0]))
    doc["events"][1].update(change)
    with pytest.raises(ResourceError, match=message) as info:
        load_gold(write_gold(tmp_path, [GOLD[2], doc]))
    assert "events.jsonl:2, event #2" in str(info.value)


def test_gold_records() -> None:
    articles = load_gold(default_gold_path())
    assert all(isinstance(a, GoldArticle) for a in articles)
    first = articles[0]
    assert first.published == dt.date(2024, 3, 5)
    assert dataclasses.is_dataclass(first.events[0])
