"""Quality gates: each layer scored on its gold corpus, every score held to a pinned floor.

``pantau evaluate`` runs the suites; ``tests/test_quality_gate.py`` fails CI when a score falls
below its floor in ``tests/eval_baseline.json``. Floors only go up (see :mod:`.floors`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pantau.evaluation.floors import check_floors, raise_floors
from pantau.evaluation.reader import evaluate_reader
from pantau.evaluation.records import Evaluation, Miss

__all__ = [
    "SUITES",
    "Evaluation",
    "Miss",
    "check_floors",
    "evaluate_reader",
    "raise_floors",
    "run_suite",
]

SUITES: dict[str, str] = {
    "reader": "tests/corpus/reader",
    "places": "tests/gold/places.jsonl",
    "quotes": "tests/gold/quotes.jsonl",
    "events": "tests/gold/events.jsonl",
    "events-heldout": "tests/gold/events-heldout.jsonl",
    "events-dev": "tests/gold/events-dev.jsonl",
    "events-heldout2": "tests/gold/events-heldout2.jsonl",
    "ner": "../shared",
}
"""Each suite and its gold corpus, relative to the repository root. ``events-heldout`` is scored
exactly like ``events``, on articles the extractor was never tuned on (see docs/events.md);
``events-dev`` likewise, on a development set of new articles meant for tuning, so that the
held-out set can stay unseen. ``events-heldout`` has since been seen in part (its miss classes
were written into the docs); ``events-heldout2``, written blind on 2026-11-29, is the held-out
measure now."""


def run_suite(name: str, root: Path) -> Evaluation:
    """Run the suite ``name`` on its gold corpus under ``root`` (the repository)."""
    runners: dict[str, Callable[[Path], Evaluation]] = {
        "reader": evaluate_reader,
        "places": _places,
        "quotes": _quotes,
        "events": _events,
        "events-heldout": _events_heldout,
        "events-dev": _events_dev,
        "events-heldout2": _events_heldout2,
        "ner": _ner,
    }
    if name not in runners:
        raise KeyError(f"no evaluation suite {name!r}: choose from {', '.join(SUITES)}")
    return runners[name](root / SUITES[name])


def _places(gold: Path) -> Evaluation:
    from pantau.evaluation.layers import evaluate_places

    return evaluate_places(gold)


def _quotes(gold: Path) -> Evaluation:
    from pantau.evaluation.layers import evaluate_quotes

    return evaluate_quotes(gold)


def _events(gold: Path) -> Evaluation:
    from pantau.evaluation.layers import evaluate_events

    return evaluate_events(gold)


def _events_heldout(gold: Path) -> Evaluation:
    return replace(_events(gold), name="events-heldout")


def _events_heldout2(gold: Path) -> Evaluation:
    return replace(_events(gold), name="events-heldout2")


def _events_dev(gold: Path) -> Evaluation:
    return replace(_events(gold), name="events-dev")


def _ner(shared: Path) -> Evaluation:
    from pantau.evaluation.layers import evaluate_ner

    return evaluate_ner(shared)
