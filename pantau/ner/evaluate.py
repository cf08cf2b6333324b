"""Evaluate the entity tagger's recipe on the test sets of the four corpora.

``python -m pantau.ner.evaluate [--shared PATH] [--json]`` trains one model per test set with the
recipe of :mod:`pantau.ner.train` (same features and hyper-parameters) on data that excludes that
test set, tags the test set, and prints span-level exact-match precision, recall and F1 per type
and overall (conlleval's way of counting; see :mod:`pantau.ner.metrics`).

========================== ===================================================================
test set                   training data
========================== ===================================================================
idner-news-2k ``test``     idner-news-2k train+dev, NER-UI train.01+dev.01, NERGrit train+valid
NER-UI ``test.0N``, N=1..5 NER-UI train.0N+dev.0N, idner-news-2k train+dev, NERGrit train+valid
NERGrit ``test``           NERGrit train+valid, idner-news-2k train+dev, NER-UI train.01+dev.01
NERP ``test``              NERP train+valid, lower-cased text, its five classes (FNB kept)
========================== ===================================================================

The training sentences of the corpus under test count twice (they are repeated: ``--in-domain-
weight``), as the shipped model counts the news corpora idner-news-2k and NER-UI twice. In every
case a training sentence that occurs (case-insensitively) in the test set is dropped.
Each model trains in about a minute on one core; the whole run takes some ten minutes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pantau.errors import ConfigurationError, PantauError
from pantau.ner.corpus import load_split
from pantau.ner.features import FeatureConfig
from pantau.ner.metrics import Scores, SpanCounts
from pantau.ner.train import (
    DEFAULT_C1,
    DEFAULT_C2,
    DEFAULT_MAX_ITERATIONS,
    IN_DOMAIN_WEIGHT,
    fit,
    score_model,
    training_examples,
)

__all__ = ["SETS", "EvaluationReport", "SetResult", "TestSet", "evaluate", "main"]


@dataclass(frozen=True, slots=True)
class TestSet:
    """A test split and the training splits of the model that is scored on it."""

    name: str
    corpus: str
    split: str
    training: tuple[tuple[str, str], ...]
    keep_fnb: bool = False


_IDNER = (("idner-news-2k", "train"), ("idner-news-2k", "dev"))
_NERUI_1 = (("nerui", "train.01"), ("nerui", "dev.01"))
_NERGRIT = (("nergrit", "train"), ("nergrit", "valid"))

SETS: tuple[TestSet, ...] = (
    TestSet("idner-news-2k", "idner-news-2k", "test", _IDNER + _NERUI_1 + _NERGRIT),
    *(
        TestSet(
            f"nerui-{k}",
            "nerui",
            f"test.0{k}",
            (("nerui", f"train.0{k}"), ("nerui", f"dev.0{k}"), *_IDNER, *_NERGRIT),
        )
        for k in range(1, 6)
    ),
    TestSet("nergrit", "nergrit", "test", _NERGRIT + _IDNER + _NERUI_1),
    TestSet("nerp", "nerp", "test", (("nerp", "train"), ("nerp", "valid")), keep_fnb=True),
)
"""Every test set, in the order of the report."""

GROUPS = {"idner-news-2k": "idner-news-2k", "nerui": "nerui", "nergrit": "nergrit", "nerp": "nerp"}


@dataclass(frozen=True, slots=True)
class SetResult:
    """The scores on one test set and what the model was trained on."""

    test: TestSet
    scores: Scores
    sentences: int
    """Training sentences, counting the repeats of the weighted corpus."""
    dropped: int
    """Training sentences dropped because the test set holds them too."""
    test_sentences: int
    seconds: float

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.test.name,
            "corpus": self.test.corpus,
            "split": self.test.split,
            "training": [f"{c}:{s}" for c, s in self.test.training],
            "training_sentences": self.sentences,
            "dropped_duplicates": self.dropped,
            "test_sentences": self.test_sentences,
            "seconds": self.seconds,
            **self.scores.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Scores of every evaluated test set, and the NER-UI mean over folds."""

    results: tuple[SetResult, ...]
    c1: float
    c2: float
    max_iterations: int
    features: FeatureConfig
    in_domain_weight: int = IN_DOMAIN_WEIGHT

    def result(self, name: str) -> SetResult:
        for r in self.results:
            if r.test.name == name:
                return r
        raise KeyError(name)

    @property
    def nerui_mean(self) -> dict[str, float] | None:
        """Mean over the NER-UI folds of precision, recall and F1 (overall and per type)."""
        folds = [r.scores for r in self.results if r.test.corpus == "nerui"]
        if not folds:
            return None
        out: dict[str, float] = {}
        for key in ("precision", "recall", "f1"):
            out[key] = statistics.fmean(getattr(s.overall, key) for s in folds)
        for label in sorted({t for s in folds for t in s.by_type}):
            out[f"{label}_f1"] = statistics.fmean(
                s.by_type.get(label, SpanCounts(0, 0, 0)).f1 for s in folds
            )
        return out

    def to_dict(self) -> dict[str, object]:
        mean = self.nerui_mean
        return {
            "metric": "span-level exact match (conlleval), micro-averaged over spans",
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "features": self.features.to_dict(),
            "in_domain_weight": self.in_domain_weight,
            "results": [r.to_dict() for r in self.results],
            "nerui_mean": None if mean is None else {k: round(v, 4) for k, v in mean.items()},
        }

    def table(self) -> str:
        """A plain-text table: one row per test set and type, then the NER-UI mean."""
        lines = [f"{'test set':<15}{'type':<7}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}"]
        for r in self.results:
            for label, c in [*r.scores.by_type.items(), ("all", r.scores.overall)]:
                lines.append(
                    f"{r.test.name:<15}{label:<7}{c.precision:>8.4f}{c.recall:>8.4f}"
                    f"{c.f1:>8.4f}{c.gold:>7}"
                )
        mean = self.nerui_mean
        if mean is not None:
            lines.append(
                f"{'nerui mean':<15}{'all':<7}{mean['precision']:>8.4f}{mean['recall']:>8.4f}"
                f"{mean['f1']:>8.4f}"
            )
            for key, value in mean.items():
                if key.endswith("_f1"):
                    lines.append(f"{'nerui mean':<15}{key[:-3]:<7}{'':>8}{'':>8}{value:>8.4f}")
        return "\n".join(lines)


def evaluate(
    *,
    shared: Path,
    sets: Iterable[str] | None = None,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    features: FeatureConfig | None = None,
    in_domain_weight: int = IN_DOMAIN_WEIGHT,
    progress: Callable[[str], None] | None = None,
) -> EvaluationReport:
    """Train a model per test set (see the module docstring) and score it.

    ``sets`` picks test sets by name (``idner-news-2k``, ``nerui-1`` … ``nerui-5``, ``nergrit``,
    ``nerp``) or by corpus (``nerui`` for its five folds); default all. A missing corpus raises
    :class:`~pantau.errors.CorpusNotFoundError`.
    """
    say = progress or (lambda message: None)
    chosen = _choose(sets)
    config = features or FeatureConfig()
    results: list[SetResult] = []
    with tempfile.TemporaryDirectory(prefix="pantau-ner-eval-") as tmp:
        for test in chosen:
            started = time.perf_counter()
            gold = load_split(shared, test.corpus, test.split, keep_fnb=test.keep_fnb)
            examples, _, dropped = training_examples(
                shared,
                test.training,
                gold,
                weights={test.corpus: in_domain_weight},
                keep_fnb=test.keep_fnb,
            )
            say(f"{test.name}: training on {len(examples)} sentences ({dropped} dropped)")
            model = Path(tmp) / f"{test.name}.crfsuite"
            fit(
                examples,
                model,
                features=config,
                c1=c1,
                c2=c2,
                max_iterations=max_iterations,
            )
            scores = score_model(model, gold)
            seconds = round(time.perf_counter() - started, 1)
            say(f"{test.name}: F1 {scores.overall.f1:.4f} ({seconds} s)")
            results.append(SetResult(test, scores, len(examples), dropped, len(gold), seconds))
    return EvaluationReport(tuple(results), c1, c2, max_iterations, config, in_domain_weight)


def _choose(names: Iterable[str] | None) -> list[TestSet]:
    if names is None:
        return list(SETS)
    wanted = list(names)
    chosen = [t for t in SETS if t.name in wanted or t.corpus in wanted]
    known = {t.name for t in SETS} | {t.corpus for t in SETS}
    unknown = [n for n in wanted if n not in known]
    if unknown or not chosen:
        raise ConfigurationError(
            f"unknown test set {', '.join(unknown) or '(none given)'}; choose among "
            f"{', '.join(t.name for t in SETS)} or a corpus name"
        )
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pantau.ner.evaluate",
        description="Span-level P/R/F1 of the entity tagger's recipe on the corpora's test sets.",
    )
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared"), help="the shared/ folder (../shared)"
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable figures")
    parser.add_argument(
        "--sets",
        default=None,
        help="comma-separated test sets or corpora (default: all; e.g. idner-news-2k,nerui-1)",
    )
    parser.add_argument("--c1", type=float, default=DEFAULT_C1, help="L1 coefficient")
    parser.add_argument("--c2", type=float, default=DEFAULT_C2, help="L2 coefficient")
    parser.add_argument(
        "--max-iterations", type=int, default=DEFAULT_MAX_ITERATIONS, help="L-BFGS iterations"
    )
    parser.add_argument(
        "--in-domain-weight",
        type=int,
        default=IN_DOMAIN_WEIGHT,
        help=f"times the test corpus's own training sentences count ({IN_DOMAIN_WEIGHT})",
    )
    args = parser.parse_args(argv)
    try:
        report = evaluate(
            shared=args.shared,
            sets=None if args.sets is None else [s.strip() for s in args.sets.split(",")],
            c1=args.c1,
            c2=args.c2,
            max_iterations=args.max_iterations,
            in_domain_weight=args.in_domain_weight,
            progress=lambda message: print(message, file=sys.stderr, flush=True),
        )
    except PantauError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
