"""The layers after the reader on their gold files: places, quotes (and, when shipped, NER and
events), each turned into an :class:`Evaluation` so that one floors file gates them all."""

from __future__ import annotations

from pathlib import Path

from pantau.evaluation.records import Evaluation, Miss
from pantau.places import score_places
from pantau.quotes import score_quotes


def evaluate_places(gold: Path) -> Evaluation:
    """Place resolution on ``gold`` (``tests/gold/places.jsonl``): country and distance."""
    scores = score_places(gold)
    misses = tuple(
        Miss(str(e.get("id")), str(e.get("error")), str(e.get("mention")), str(e.get("got", "")))
        for e in scores.errors
    )
    return Evaluation(
        "places",
        {
            "mention_recall": round(scores.recall, 4),
            "mention_precision": round(scores.precision, 4),
            "country_accuracy": round(scores.country_accuracy, 4),
            "within_161km": round(scores.within_161km, 4),
        },
        scores.sentences,
        misses,
    )


def evaluate_quotes(gold: Path) -> Evaluation:
    """Quotes on ``gold`` (``tests/gold/quotes.jsonl``): detection and speaker accuracy."""
    scores = score_quotes(gold)
    misses = tuple(
        Miss(m.article, f"{m.problem} {m.kind} quote", m.expected or m.content, m.got or "")
        for m in scores.misses
    )
    return Evaluation(
        "quotes",
        {
            "precision": round(scores.precision, 4),
            "recall": round(scores.recall, 4),
            "f1": round(scores.f1, 4),
            "speaker_accuracy": round(scores.speaker_accuracy, 4),
        },
        scores.articles,
        misses,
    )
