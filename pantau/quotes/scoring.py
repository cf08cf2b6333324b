"""Scoring and timing the quote finder: :func:`score_quotes` on a gold JSONL file,
:func:`time_quotes` on raw articles."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pantau.errors import CorpusNotFoundError, ResourceError
from pantau.quotes.finder import QuoteFinder
from pantau.sentences import SentenceSplitter


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    """A gold quote not found, a predicted quote not in the gold, or a wrong speaker."""

    article: str
    problem: Literal["missed", "spurious", "speaker"]
    kind: str
    content: str
    expected: str | None = None
    got: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Quote detection and speaker accuracy on a gold file."""

    articles: int
    gold: int
    predicted: int
    found: int
    """Gold quotes matched by a prediction of the same kind whose content starts alike."""
    correct_speakers: int
    misses: tuple[QuoteMiss, ...] = ()

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.correct_speakers / self.found if self.found else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
        }


def _read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise CorpusNotFoundError(
            f"no quote gold file at {path}: run from the repository root or pass --gold"
        )
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise ResourceError(f"{path}:{number} is not JSON: {e}") from e
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ResourceError(f"{path}:{number} needs an object with 'id', 'text', 'quotes'")
        for quote in record.get("quotes", []):
            if (
                not isinstance(quote, dict)
                or quote.get("kind") not in ("direct", "indirect")
                or not isinstance(quote.get("content_start_text"), str)
                or not quote["content_start_text"]
            ):
                raise ResourceError(
                    f"{path}:{number}: each quote needs kind 'direct' or 'indirect' and a "
                    f"'content_start_text'; got {quote!r}"
                )
        records.append(record)
    return records


def score_quotes(path: Path, *, finder: QuoteFinder | None = None) -> QuoteScores:
    """Score :class:`QuoteFinder` on a JSONL gold file such as ``tests/gold/quotes.jsonl``.

    Each line is ``{"id": …, "text": …, "quotes": [{"kind": "direct" | "indirect", "speaker":
    "Kapten Jeff Davis" | null, "content_start_text": "first 20 or more characters"}]}``; a line
    of ``text`` is a paragraph. A gold quote is found when a prediction of the same kind, not
    used for another gold quote, has content starting with ``content_start_text``; speaker
    accuracy counts exact speaker strings over the found quotes (the goal is 0.95 or more).
    """
    finder = finder or QuoteFinder()
    splitter = SentenceSplitter()
    gold_total = predicted_total = found = correct = 0
    misses: list[QuoteMiss] = []
    records = _read_gold(path)
    for record in records:
        text = record["text"]
        article = str(record.get("id", ""))
        predicted = finder.find(text, _split_paragraphs(splitter, text))
        used: set[int] = set()
        predicted_total += len(predicted)
        for gold in record.get("quotes", []):
            gold_total += 1
            start_text = gold["content_start_text"]
            match = next(
                (
                    i
                    for i, q in enumerate(predicted)
                    if i not in used and q.kind == gold["kind"] and q.text.startswith(start_text)
                ),
                None,
            )
            if match is None:
                misses.append(QuoteMiss(article, "missed", gold["kind"], start_text,
                                        gold.get("speaker")))  # fmt: skip
                continue
            used.add(match)
            found += 1
            got = predicted[match].speaker
            if got == gold.get("speaker"):
                correct += 1
            else:
                misses.append(QuoteMiss(article, "speaker", gold["kind"], start_text,
                                        gold.get("speaker"), got))  # fmt: skip
        for i, q in enumerate(predicted):
            if i not in used:
                misses.append(QuoteMiss(article, "spurious", q.kind, q.text[:40], None, q.speaker))
    return QuoteScores(len(records), gold_total, predicted_total, found, correct, tuple(misses))


def _split_paragraphs(splitter: SentenceSplitter, text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, each line a paragraph (as the reader hands them over)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.extend(splitter.split(text, pos, pos + len(line)))
        pos += len(line) + 1
    return spans


@dataclass(frozen=True, slots=True)
class QuoteTiming:
    """CPU time of :meth:`QuoteFinder.find` per article (best of several rounds)."""

    articles: int
    mean_chars: float
    quotes_per_article: float
    seconds_per_article: float

    @property
    def microseconds_per_3kb(self) -> float:
        return self.seconds_per_article * 1e6 * 3000 / self.mean_chars if self.mean_chars else 0.0


def time_quotes(
    raw_articles: Sequence[str], *, finder: QuoteFinder | None = None, rounds: int = 5
) -> QuoteTiming:
    """Read ``raw_articles`` with the reader, then time the finder alone on their bodies."""
    from pantau.reader import Reader

    finder = finder or QuoteFinder()
    read = [Reader().read(raw) for raw in raw_articles]
    inputs = [(a.text, [(s.start, s.end) for s in a.sentences]) for a in read]
    quotes = sum(len(finder.find(text, spans)) for text, spans in inputs)
    best = float("inf")
    for _ in range(max(1, rounds)):
        started = time.process_time()
        for text, spans in inputs:
            finder.find(text, spans)
        best = min(best, time.process_time() - started)
    n = max(1, len(inputs))
    return QuoteTiming(
        articles=len(inputs),
        mean_chars=sum(len(text) for text, _ in inputs) / n,
        quotes_per_article=quotes / n,
        seconds_per_article=best / n,
    )
