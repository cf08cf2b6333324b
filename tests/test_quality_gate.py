"""Quality gates: every suite's scores on the team's gold corpora stay at or above their floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.evaluation import SUITES, check_floors, run_suite
from pantau.event_scoring import load_gold

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "eval_baseline.json"


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_scores_meet_floors(suite: str) -> None:
    evaluation = run_suite(suite, ROOT)
    assert evaluation.name == suite, "floors are looked up by the evaluation's name"
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert suite in floors, (
        f"no floors pinned for {suite}: run `pantau evaluate {suite} --update-floors`"
    )
    below = check_floors(evaluation, FLOORS)
    misses = "\n".join(
        f"{m.file} {m.metric}: {m.expected!r} / {m.got!r}" for m in evaluation.misses
    )
    assert not below, "\n".join(below) + "\n" + misses


def test_reader_corpus_and_floors_cover_the_issue_goals() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert floors["reader"]["dateline_exact"] == 1.0
    assert floors["reader"]["boilerplate_recall"] == 1.0
    assert floors["reader"]["sentence_f1"] >= 0.98
    gold = json.loads((ROOT / SUITES["reader"] / "gold.json").read_text(encoding="utf-8"))
    assert len(gold) >= 24
    assert len({entry["outlet_style"] for entry in gold}) >= 10


@pytest.mark.parametrize(
    ("suite", "fewest", "empty", "apart_from"),
    [
        ("events-heldout", 30, 5, ()),
        ("events-dev", 40, 5, ("events-heldout",)),
        ("events-heldout2", 28, 4, ("events-heldout", "events-dev")),
    ],
)
def test_new_event_sets_are_new_articles_scored_like_events(
    suite: str, fewest: int, empty: int, apart_from: tuple[str, ...]
) -> None:
    """The held-out set (never tuned on) and the development set (for tuning) share no article
    and no evidence sentence with the tuned set, the development set no article with the
    held-out one; each covers every type and modality and has articles without events."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors[suite]) == set(floors["events"])
    tuned = load_gold(ROOT / SUITES["events"])
    new = load_gold(ROOT / SUITES[suite])
    others = [a for name in apart_from for a in load_gold(ROOT / SUITES[name])]
    assert len(new) >= fewest
    assert not {a.id for a in new} & {a.id for a in [*tuned, *others]}
    assert not {a.text for a in new} & {a.text for a in others}
    tuned_texts = [a.text for a in tuned]
    for article in new:
        for event in article.events:
            assert not any(event.evidence in text for text in tuned_texts), article.id
    assert sum(1 for a in new if not a.events) >= empty
    assert len({e.type for a in new for e in a.events}) == 16
    assert len({e.modality for a in new for e in a.events}) == 6
