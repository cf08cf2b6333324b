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


def test_heldout_events_are_new_articles_scored_like_events() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors["events-heldout"]) == set(floors["events"])
    tuned = load_gold(ROOT / SUITES["events"])
    heldout = load_gold(ROOT / SUITES["events-heldout"])
    assert len(heldout) >= 30
    assert not {a.id for a in tuned} & {a.id for a in heldout}
    tuned_texts = [a.text for a in tuned]
    for article in heldout:
        for event in article.events:
            assert not any(event.evidence in text for text in tuned_texts), article.id
    assert sum(1 for a in heldout if not a.events) >= 5
    assert len({e.type for a in heldout for e in a.events}) == 16
    assert len({e.modality for a in heldout for e in a.events}) == 6


def test_dev_events_are_new_articles_scored_like_events() -> None:
    """The development set, for tuning, shares no article and no evidence with the tuned set
    and no article with the held-out set."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors["events-dev"]) == set(floors["events"])
    tuned = load_gold(ROOT / SUITES["events"])
    dev = load_gold(ROOT / SUITES["events-dev"])
    heldout = load_gold(ROOT / SUITES["events-heldout"])
    assert len(dev) >= 40
    assert not {a.id for a in dev} & ({a.id for a in tuned} | {a.id for a in heldout})
    assert not {a.text for a in dev} & {a.text for a in heldout}
    tuned_texts = [a.text for a in tuned]
    for article in dev:
        for event in article.events:
            assert not any(event.evidence in text for text in tuned_texts), article.id
    assert sum(1 for a in dev if not a.events) >= 5
    assert len({e.type for a in dev for e in a.events}) == 16
    assert len({e.modality for a in dev for e in a.events}) == 6
