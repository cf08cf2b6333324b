"""The reader on its gold corpus: dateline, boilerplate, sentences, dates, provenance, title."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pantau.article import Article
from pantau.errors import CorpusNotFoundError, ResourceError
from pantau.evaluation.records import Evaluation, Miss
from pantau.reader import Reader


@dataclass(slots=True)
class _Tally:
    hit: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)

    def count(self, metric: str, ok: bool) -> None:
        self.total[metric] += 1
        self.hit[metric] += int(ok)

    def ratio(self, metric: str) -> float:
        return self.hit[metric] / self.total[metric] if self.total[metric] else 1.0


def evaluate_reader(corpus: Path, *, reader: Reader | None = None) -> Evaluation:
    """Score the reader on ``corpus`` (a folder with ``gold.json`` and the article files)."""
    gold_path = corpus / "gold.json"
    if not gold_path.is_file():
        raise CorpusNotFoundError(
            f"no gold file at {gold_path}: run from the repository root or pass --corpus"
        )
    try:
        entries = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ResourceError(f"{gold_path} is not valid JSON: {e}") from e
    reader = reader or Reader()
    tally = _Tally()
    misses: list[Miss] = []
    tp = fp = fn = 0
    for entry in entries:
        name = entry["file"]
        args = entry.get("args") or {}
        article = reader.read(
            (corpus / name).read_bytes(), url=args.get("url"), published=args.get("published")
        )
        expected = entry["expected"]
        for metric, want, got in _fields(article, expected):
            ok = want == got
            tally.count(metric, ok)
            if not ok:
                misses.append(Miss(name, metric, str(want), str(got)))
        for text in expected.get("boilerplate", []):
            ok = text not in article.text
            tally.count("boilerplate_recall", ok)
            if not ok:
                misses.append(Miss(name, "boilerplate_recall", text, "left in the body"))
        for metric, wants, gots in (
            (
                "related_headline_recall",
                expected.get("related_headlines", []),
                article.related_headlines,
            ),
            ("editor_code_recall", expected.get("editor_codes", []), article.editor_codes),
            (
                "original_outlet_recall",
                expected.get("original_outlets", []),
                article.original_outlets,
            ),
        ):
            for want in wants:
                ok = want in gots
                tally.count(metric, ok)
                if not ok:
                    misses.append(Miss(name, metric, want, " | ".join(gots)))
        found = {(d.text, str(d.date) if d.date else None) for d in article.dates}
        for date in expected.get("dates", []):
            ok = (date["text"], date["date"]) in found
            tally.count("date_accuracy", ok)
            if not ok:
                misses.append(
                    Miss(
                        name,
                        "date_accuracy",
                        f"{date['text']} = {date['date']}",
                        str(sorted(found, key=str)),
                    )
                )
        gold_sentences = Counter(expected["sentences"])
        got_sentences = Counter(article.sentence_text(s) for s in article.sentences)
        matched = sum((gold_sentences & got_sentences).values())
        tp += matched
        fp += sum(got_sentences.values()) - matched
        fn += sum(gold_sentences.values()) - matched
        for text in (gold_sentences - got_sentences).elements():
            misses.append(Miss(name, "sentence_f1", text, "not a sentence of the output"))
        for text in (got_sentences - gold_sentences).elements():
            misses.append(Miss(name, "sentence_f1", "(not expected)", text))
    scores = {metric: round(tally.ratio(metric), 4) for metric in sorted(tally.total)}
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    scores["sentence_precision"] = round(precision, 4)
    scores["sentence_recall"] = round(recall, 4)
    scores["sentence_f1"] = round(
        2 * precision * recall / (precision + recall) if precision + recall else 0.0, 4
    )
    return Evaluation("reader", scores, len(entries), tuple(misses))


def _fields(article: Article, expected: Mapping[str, Any]) -> Iterable[tuple[str, Any, Any]]:
    dateline = article.dateline
    got_dateline = None
    if dateline is not None:
        got_dateline = {
            "place": dateline.place_normalized,
            "agency": dateline.agency,
            "date": str(dateline.date) if dateline.date else None,
            "hijri": [dateline.hijri.year, dateline.hijri.month, dateline.hijri.day]
            if dateline.hijri
            else None,
        }
    yield "dateline_exact", expected.get("dateline"), got_dateline
    if "published" in expected:
        got = article.published.isoformat() if article.published else None
        yield "published_exact", expected["published"], got
    if expected.get("title") is not None:
        yield "title_exact", expected["title"], article.title
