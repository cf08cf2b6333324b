"""Span-level exact-match scores of BIO tagging, as conlleval counts them.

A span is counted correct when its type and both of its boundaries equal those of a gold span.
Spans are read from BIO tags the conlleval way: ``B-X`` opens a span of type ``X``, and so does an
``I-X`` that does not continue a span of type ``X``; the span goes on over the ``I-X`` that follow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["Scores", "SpanCounts", "bio_spans", "score_sentences"]


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """The ``(type, start, end)`` spans of a BIO tag sequence, ``end`` exclusive."""
    spans: list[tuple[str, int, int]] = []
    label: str | None = None
    start = 0
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append((label, start, i))
            label = None
        if prefix in ("B", "I") and not continues:
            label, start = kind, i
    if label is not None:
        spans.append((label, start, len(tags)))
    return spans


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """True positives, predicted spans and gold spans of one entity type (or all)."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """Scores of one test set: per entity type and over all spans (micro-averaged)."""

    overall: SpanCounts
    by_type: dict[str, SpanCounts] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": self.overall.to_dict(),
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
        }


def score_sentences(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Scores:
    """Score ``(gold tags, predicted tags)`` pairs, one pair per sentence."""
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for gold_tags, predicted_tags in pairs:
        if len(gold_tags) != len(predicted_tags):
            raise ValueError(
                f"{len(gold_tags)} gold tags but {len(predicted_tags)} predicted tags in a sentence"
            )
        gold_spans = set(bio_spans(gold_tags))
        predicted_spans = set(bio_spans(predicted_tags))
        gold.update(s[0] for s in gold_spans)
        predicted.update(s[0] for s in predicted_spans)
        correct.update(s[0] for s in gold_spans & predicted_spans)
    types = sorted(set(gold) | set(predicted))
    by_type = {t: SpanCounts(correct[t], predicted[t], gold[t]) for t in types}
    overall = SpanCounts(sum(correct.values()), sum(predicted.values()), sum(gold.values()))
    return Scores(overall, by_type)
