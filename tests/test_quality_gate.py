"""Quality gate: the reader's scores on the team's gold corpus stay at or above their floors."""

from __future__ import annotations

from pathlib import Path

from pantau.evaluation import check_floors, evaluate_reader
from pantau.reader import Reader

TESTS = Path(__file__).resolve().parent


def test_reader_scores_meet_floors(reader: Reader) -> None:
    evaluation = evaluate_reader(TESTS / "corpus" / "reader", reader=reader)
    assert evaluation.documents >= 24
    below = check_floors(evaluation, TESTS / "eval_baseline.json")
    misses = "\n".join(
        f"{m.file} {m.metric}: {m.expected!r} / {m.got!r}" for m in evaluation.misses
    )
    assert not below, "\n".join(below) + "\n" + misses


def test_floors_cover_the_issue_goals() -> None:
    import json

    floors = json.loads((TESTS / "eval_baseline.json").read_text())["reader"]
    assert floors["dateline_exact"] == 1.0
    assert floors["boilerplate_recall"] == 1.0
    assert floors["sentence_f1"] >= 0.98
