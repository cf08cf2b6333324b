"""Train the shipped entity model from the corpora in ``../shared/data/ner``.

``python -m pantau.ner.train [--shared PATH] [--output PATH]`` writes
``pantau/models/ner-id.crfsuite``, its metadata ``ner-id.json`` and ``MODEL_CARD.md``.

The model sees training and development splits only, never a test split. By default:

* idner-news-2k ``train`` + ``dev`` and NERGrit ``train`` + ``valid``;
* NER-UI ``train.01`` + ``dev.01`` only: every other fold's training split holds fold 1's test;
* the news corpora idner-news-2k and NER-UI count twice (:data:`DEFAULT_WEIGHTS`);
* NERP (``--corpora`` can add its ``train`` + ``valid``) is left out: its text is lower-cased and
  its IND class (companies, brands) is not pantau's ORG; adding it lowered the scores.

Moreover any training sentence that also occurs (case-insensitively) in a held-out test set
(idner-news-2k ``test``, NER-UI ``test.01``, NERGrit ``test``, NERP ``test``) is dropped: NERP, for
one, repeats 216 sentences of idner-news-2k's test, lower-cased. The held-out sets then score the
shipped model itself, and the scores go into the model card.

Training is deterministic: the same corpora and options give the same weights.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from pantau.errors import ConfigurationError, CorpusNotFoundError, PantauError
from pantau.ner.card import write_model_card
from pantau.ner.corpus import CORPORA, TaggedSentence, load_split, sentence_key
from pantau.ner.features import FeatureConfig, FeatureExtractor
from pantau.ner.lexicon import Lexicon
from pantau.ner.metrics import Scores, score_sentences
from pantau.ner.model import DEFAULT_MODEL, ModelInfo
from pantau.ner.tagger import EntityTagger

__all__ = [
    "DEFAULT_C1",
    "DEFAULT_C2",
    "DEFAULT_CORPORA",
    "DEFAULT_MAX_ITERATIONS",
    "DEFAULT_WEIGHTS",
    "HELD_OUT",
    "IN_DOMAIN_WEIGHT",
    "TRAINING_SPLITS",
    "TrainReport",
    "fit",
    "main",
    "train",
    "training_examples",
]

logger = logging.getLogger(__name__)

TRAINING_SPLITS: Mapping[str, tuple[str, ...]] = {
    "idner-news-2k": ("train", "dev"),
    "nerui": ("train.01", "dev.01"),
    "nergrit": ("train", "valid"),
    "nerp": ("train", "valid"),
}
HELD_OUT: Mapping[str, str] = {
    "idner-news-2k": "test",
    "nerui": "test.01",
    "nergrit": "test",
    "nerp": "test",
}
DEFAULT_CORPORA: tuple[str, ...] = ("idner-news-2k", "nerui", "nergrit")
DEFAULT_WEIGHTS: Mapping[str, int] = {"idner-news-2k": 2, "nerui": 2}
IN_DOMAIN_WEIGHT = 2
"""How many times the training sentences of the corpus under test count (see evaluate)."""
DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.01
DEFAULT_MAX_ITERATIONS = 150


@dataclass(frozen=True, slots=True)
class TrainReport:
    """What :func:`train` did."""

    output: Path
    model_card: Path | None
    corpora: tuple[str, ...]
    parts: tuple[tuple[str, str, int], ...]
    """``(corpus, split, sentences kept)`` of every split trained on."""
    sentences: int
    dropped: int
    """Training sentences dropped because a held-out test set holds them too."""
    state_features: int
    size_bytes: int
    seconds: float
    c1: float
    c2: float
    max_iterations: int
    features: FeatureConfig
    weights: Mapping[str, int]
    scores: Mapping[str, Scores] = field(default_factory=dict)
    """Scores of the trained model on the held-out test set of each corpus trained on."""


def fit(
    sentences: Iterable[TaggedSentence],
    output: Path,
    *,
    features: FeatureConfig | None = None,
    lexicon: Lexicon | None = None,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
) -> ModelInfo:
    """Train a CRF on ``sentences`` and write it to ``output`` with its metadata beside it."""
    if c1 < 0 or c2 < 0 or max_iterations < 1:
        raise ConfigurationError(
            f"c1={c1}, c2={c2}, max_iterations={max_iterations}: the regularisation coefficients "
            "must be ≥ 0 and the iterations ≥ 1"
        )
    sentences = list(sentences)
    if not sentences:
        raise ConfigurationError("no training sentences: name at least one corpus that exists")
    lexicon = lexicon or Lexicon.load()
    config = features or FeatureConfig()
    extractor = FeatureExtractor(lexicon, config)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
        }
    )
    labels: set[str] = set()
    for sentence in sentences:
        trainer.append(extractor.sentence(sentence.tokens), list(sentence.tags))
        labels.update(t[2:] for t in sentence.tags if t != "O")
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # train to a temporary file first so that a failed run leaves the old model in place
    with tempfile.TemporaryDirectory(dir=output.parent) as tmp:
        partial = Path(tmp) / output.name
        trainer.train(str(partial))
        info = ModelInfo(
            features=config,
            lexicon_version=lexicon.version,
            labels=tuple(sorted(labels)),
            trained=dt.date.today().isoformat(),
        )
        partial.with_suffix(".json").write_text(info.to_json(), encoding="utf-8")
        partial.replace(output)
        partial.with_suffix(".json").replace(output.with_suffix(".json"))
    return info


def score_model(model: Path, sentences: Sequence[TaggedSentence]) -> Scores:
    """Span-level scores of the model at ``model`` on gold ``sentences``."""
    predicted = EntityTagger(model).tag_sentences([s.tokens for s in sentences])
    return score_sentences(zip((s.tags for s in sentences), predicted, strict=True))


def load_held_out(shared: Path) -> dict[str, list[TaggedSentence]]:
    """The held-out test sets found under ``shared`` (absent corpora are left out)."""
    found: dict[str, list[TaggedSentence]] = {}
    for corpus, split in HELD_OUT.items():
        try:
            found[corpus] = load_split(shared, corpus, split)
        except CorpusNotFoundError:
            logger.info("held-out set %s %s not found, not excluded nor scored", corpus, split)
    return found


def training_examples(
    shared: Path,
    splits: Iterable[tuple[str, str]],
    exclude: Iterable[TaggedSentence] = (),
    *,
    weights: Mapping[str, int] | None = None,
    keep_fnb: bool = False,
) -> tuple[list[TaggedSentence], list[tuple[str, str, int]], int]:
    """The sentences of the ``(corpus, split)`` pairs minus any sentence of ``exclude``.

    A corpus with a weight of ``k`` in ``weights`` has each of its sentences repeated ``k``
    times, which weighs it ``k`` times as much in training. Returns the examples, ``(corpus,
    split, sentences kept)`` per split, and the number of sentences dropped.
    """
    excluded = {sentence_key(s) for s in exclude}
    examples: list[TaggedSentence] = []
    parts: list[tuple[str, str, int]] = []
    dropped = 0
    for corpus, split in splits:
        repeat = (weights or {}).get(corpus, 1)
        kept = 0
        for sentence in load_split(shared, corpus, split, keep_fnb=keep_fnb):
            if sentence_key(sentence) in excluded:
                dropped += 1
                continue
            examples.extend([sentence] * repeat)
            kept += 1
        parts.append((corpus, split, kept))
    return examples, parts, dropped


def train(
    *,
    shared: Path,
    output: Path = DEFAULT_MODEL,
    corpora: Sequence[str] = DEFAULT_CORPORA,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    features: FeatureConfig | None = None,
    weights: Mapping[str, int] | None = DEFAULT_WEIGHTS,
    model_card: bool = True,
    progress: Callable[[str], None] | None = None,
) -> TrainReport:
    """Train the entity model on the training splits of ``corpora`` and write it to ``output``.

    ``weights`` (default :data:`DEFAULT_WEIGHTS`) repeats the sentences of a corpus to weigh it
    more: the news corpora closest to what pantau reads count twice.

    Writes ``output``, its metadata (``.json`` beside it) and, with ``model_card``,
    ``MODEL_CARD.md`` in the same folder. Raises :class:`CorpusNotFoundError` when a corpus
    named in ``corpora`` is absent.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    shared = Path(shared)
    unknown = [c for c in corpora if c not in TRAINING_SPLITS]
    if unknown:
        raise ConfigurationError(
            f"unknown NER corpus {', '.join(map(repr, unknown))}; choose among {', '.join(CORPORA)}"
        )
    held_out = load_held_out(shared)
    examples, parts, dropped = training_examples(
        shared,
        [(corpus, split) for corpus in corpora for split in TRAINING_SPLITS[corpus]],
        (s for sentences in held_out.values() for s in sentences),
        weights=weights,
    )
    say(f"training on {len(examples)} sentences ({dropped} dropped as held-out duplicates)")
    config = features or FeatureConfig()
    fit(
        examples,
        output,
        features=config,
        c1=c1,
        c2=c2,
        max_iterations=max_iterations,
    )
    scores: dict[str, Scores] = {}
    for corpus, sentences in held_out.items():
        if corpus not in corpora:
            continue  # NERP's lower case and its ORG (companies and brands) are another task
        say(f"scoring on {corpus} {HELD_OUT[corpus]}")
        scores[corpus] = score_model(output, sentences)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(output))
    state_features = len(tagger.info().state_features)
    tagger.close()
    report = TrainReport(
        output=Path(output),
        model_card=None,
        corpora=tuple(corpora),
        parts=tuple(parts),
        sentences=len(examples),
        dropped=dropped,
        state_features=state_features,
        size_bytes=Path(output).stat().st_size,
        seconds=round(time.perf_counter() - started, 1),
        c1=c1,
        c2=c2,
        max_iterations=max_iterations,
        features=config,
        weights=dict(weights or {}),
        scores=scores,
    )
    if model_card:
        card = write_model_card(report, Path(output).parent / "MODEL_CARD.md")
        report = dataclasses.replace(report, model_card=card)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pantau.ner.train",
        description="Train the shipped Indonesian entity model (pantau/models/ner-id.crfsuite).",
    )
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared"), help="the shared/ folder (../shared)"
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_MODEL, help=f"model file ({DEFAULT_MODEL.name})"
    )
    parser.add_argument(
        "--corpora",
        default=",".join(DEFAULT_CORPORA),
        help=f"comma-separated corpora to train on (default {','.join(DEFAULT_CORPORA)})",
    )
    parser.add_argument("--c1", type=float, default=DEFAULT_C1, help="L1 coefficient")
    parser.add_argument("--c2", type=float, default=DEFAULT_C2, help="L2 coefficient")
    parser.add_argument(
        "--max-iterations", type=int, default=DEFAULT_MAX_ITERATIONS, help="L-BFGS iterations"
    )
    parser.add_argument("--no-card", action="store_true", help="do not write MODEL_CARD.md")
    args = parser.parse_args(argv)
    try:
        report = train(
            shared=args.shared,
            output=args.output,
            corpora=[c.strip() for c in args.corpora.split(",") if c.strip()],
            c1=args.c1,
            c2=args.c2,
            max_iterations=args.max_iterations,
            model_card=not args.no_card,
            progress=lambda message: print(message, file=sys.stderr, flush=True),
        )
    except PantauError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(
        f"wrote {report.output} ({report.size_bytes / 1e6:.1f} MB, {report.state_features} "
        f"features, {report.sentences} sentences, {report.seconds} s)"
    )
    for corpus, scores in report.scores.items():
        print(f"  {corpus} {HELD_OUT[corpus]}: F1 {scores.overall.f1:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
