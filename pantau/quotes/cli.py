"""The ``python -m pantau.quotes`` command: ``score`` the finder on a gold file, ``bench`` it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pantau.errors import ResourceError
from pantau.quotes.scoring import score_quotes, time_quotes


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pantau.quotes score [--gold PATH] [--json] [--misses]`` and
    ``python -m pantau.quotes bench [--articles N] [--seed S] [--text FILE …]``."""
    parser = argparse.ArgumentParser(prog="python -m pantau.quotes")
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="Score quote extraction on a gold JSONL file.")
    score.add_argument("--gold", type=Path, default=Path("tests/gold/quotes.jsonl"))
    score.add_argument("--json", action="store_true", help="Print the scores as JSON.")
    score.add_argument("--misses", action="store_true", help="List every miss.")
    bench = commands.add_parser("bench", help="Time the finder (CPU, one core).")
    bench.add_argument("--articles", type=int, default=300, help="Generated 3 KB articles.")
    bench.add_argument("--seed", type=int, default=0, help="Seed of the article generator.")
    bench.add_argument("--text", type=Path, nargs="*", help="Time these files instead.")
    args = parser.parse_args(argv)
    try:
        if args.command == "bench":
            return _bench(args.articles, args.seed, args.text)
        scores = score_quotes(args.gold)
    except (ResourceError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        for key, value in scores.as_dict().items():
            print(f"{key:>18}  {value}")
    if args.misses:
        for miss in scores.misses:
            print(f"{miss.article}\t{miss.problem}\t{miss.kind}\t{miss.content!r}\t"
                  f"expected={miss.expected!r}\tgot={miss.got!r}")  # fmt: skip
    return 0


def _bench(articles: int, seed: int, files: Sequence[Path] | None) -> int:
    if files:
        raw = [path.read_text(encoding="utf-8") for path in files]
    else:
        from pantau.benchmark import generate

        raw = generate(articles, size=3000, seed=seed)
    timing = time_quotes(raw)
    print(
        f"{timing.articles} articles, {timing.mean_chars:,.0f} chars and "
        f"{timing.quotes_per_article:.1f} quotes each: {timing.seconds_per_article * 1e6:,.0f} µs "
        f"per article, {timing.microseconds_per_3kb:,.0f} µs per 3 KB (CPU, best of 5)"
    )
    return 0
