"""The layers after the reader on their gold files: places, quotes (and, when shipped, NER and
events), each turned into an :class:`Evaluation` so that one floors file gates them all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pantau.article import Article
from pantau.evaluation.records import Evaluation, Miss
from pantau.event_scoring import score_events
from pantau.ner.corpus import load_split
from pantau.ner.metrics import score_sentences
from pantau.ner.tagger import EntityTagger
from pantau.pipeline import Pipeline
from pantau.places import score_places
from pantau.quotes import score_quotes

NER_TEST_SETS = (
    ("idner_news_2k", "idner-news-2k", "test"),
    ("nerui_1", "nerui", "test.01"),
    ("nergrit", "nergrit", "test"),
)
"""Held-out test splits the shipped entity model never saw (see its model card)."""


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


def evaluate_ner(shared: Path) -> Evaluation:
    """The shipped entity model on held-out test splits of the shared corpora (span-level F1).

    The per-fold figures of the model card (a model trained for each test fold) come from the
    slower ``python -m pantau.ner.evaluate``; this gate scores the model that ships.
    """
    tagger = EntityTagger()
    scores: dict[str, float] = {}
    documents = 0
    for name, corpus, split in NER_TEST_SETS:
        sentences = load_split(shared, corpus, split)
        documents += len(sentences)
        predicted = tagger.tag_sentences([s.tokens for s in sentences])
        result = score_sentences(zip((s.tags for s in sentences), predicted, strict=True))
        scores[f"{name}_precision"] = round(result.overall.precision, 4)
        scores[f"{name}_recall"] = round(result.overall.recall, 4)
        scores[f"{name}_f1"] = round(result.overall.f1, 4)
    return Evaluation("ner", scores, documents)


def evaluate_events(gold: Path) -> Evaluation:
    """Events on ``gold`` (``tests/gold/events.jsonl``): detection, full match, each field."""
    pipeline = Pipeline.default()

    def extract(text: str, published: dt.date | None) -> Article:
        return pipeline.process(text, published=published)

    result = score_events(gold, extract)
    scores = {
        "detection_precision": round(result.detection.precision, 4),
        "detection_recall": round(result.detection.recall, 4),
        "detection_f1": round(result.detection.f1, 4),
        "full_precision": round(result.full.precision, 4),
        "full_recall": round(result.full.recall, 4),
        "full_f1": round(result.full.f1, 4),
    }
    for name in result.fields:
        scores[f"field_{name}"] = round(result.accuracy(name), 4)
    misses = tuple(
        Miss(m.article, m.kind, f"{m.type} {m.evidence or ''}".strip(), m.reason)
        for m in result.misses
    )
    return Evaluation("events", scores, result.articles, misses)
