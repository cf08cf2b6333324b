"""Speed of the entity tagger on 3 KB articles: ``python -m pantau.ner.benchmark``.

The articles are built from the paragraphs of the bundled sample articles (``pantau/samples``,
written by the pantau team), shuffled with a fixed seed and cut to about 3,000 characters. Time
is the CPU time of this process (``time.process_time``), the best of a few passes, so that other
work on the machine disturbs the figure little; tagging runs on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib.resources import files
from pathlib import Path

from pantau.ner.tagger import EntityTagger

__all__ = ["SpeedReport", "main", "measure", "sample_articles"]


@dataclass(frozen=True, slots=True)
class SpeedReport:
    articles: int
    mean_chars: float
    sentences_per_article: float
    tokens_per_article: float
    ms_per_article: float
    articles_per_second: float
    sentences_per_second: float
    load_seconds: float


def sample_articles(count: int = 50, size: int = 3000, seed: int = 7) -> list[str]:
    """``count`` articles of about ``size`` characters made of the samples' paragraphs."""
    paragraphs = [
        line.strip()
        for resource in sorted(files("pantau.samples").iterdir(), key=lambda r: r.name)
        if resource.name.endswith(".txt")
        for line in resource.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 80
    ]
    if not paragraphs:
        return []
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(p) + 2 for p in chosen) < size:
            chosen.append(rng.choice(paragraphs))
        articles.append("\n\n".join(chosen))
    return articles


def measure(model_path: Path | None = None, *, articles: int = 50, passes: int = 3) -> SpeedReport:
    """Tag generated articles and time it."""
    started = time.perf_counter()
    tagger = EntityTagger(model_path)
    load_seconds = time.perf_counter() - started
    texts = sample_articles(articles)
    if not texts:
        raise ValueError("no sample articles found in pantau/samples")
    tagger.tag(texts[0])  # warm the word cache as a running tagger has it warm
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        for text in texts:
            tagger.tag(text)
        best = min(best, time.process_time() - started)
    units = [tagger.sentences(text) for text in texts]
    sentences = sum(len(u) for u in units)
    tokens = sum(len(s) for u in units for s in u)
    n = len(texts)
    return SpeedReport(
        articles=n,
        mean_chars=round(sum(map(len, texts)) / n, 1),
        sentences_per_article=round(sentences / n, 1),
        tokens_per_article=round(tokens / n, 1),
        ms_per_article=round(1000 * best / n, 3),
        articles_per_second=round(n / best, 1),
        sentences_per_second=round(sentences / best, 1),
        load_seconds=round(load_seconds, 3),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pantau.ner.benchmark",
        description="Time the entity tagger on generated 3 KB articles (CPU time, one core).",
    )
    parser.add_argument("--model", type=Path, default=None, help="model file (the shipped one)")
    parser.add_argument("--articles", type=int, default=50, help="articles per pass (50)")
    parser.add_argument("--json", action="store_true", help="print machine-readable figures")
    args = parser.parse_args(argv)
    report = measure(args.model, articles=args.articles)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print(
            f"{report.ms_per_article:.2f} ms per article of {report.mean_chars:.0f} characters "
            f"({report.sentences_per_article} sentences, {report.tokens_per_article} tokens): "
            f"{report.articles_per_second:.0f} articles/s, "
            f"{report.sentences_per_second:.0f} sentences/s; model loaded in "
            f"{report.load_seconds:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
