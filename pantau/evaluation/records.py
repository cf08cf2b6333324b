"""What an evaluation gives: scores by metric, and what was missed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Miss:
    """One expected value the reader got wrong, for the report."""

    file: str
    metric: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores (0–1) by metric name, the number of documents, and what was missed."""

    name: str
    scores: dict[str, float]
    documents: int
    misses: tuple[Miss, ...] = field(default=())
