"""Quality gates: every suite's scores on the team's gold corpora stay at or above their floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.evaluation import SUITES, check_floors, run_suite

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "eval_baseline.json"


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_scores_meet_floors(suite: str) -> None:
    evaluation = run_suite(suite, ROOT)
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
