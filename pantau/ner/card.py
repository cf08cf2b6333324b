"""The model card written beside the shipped entity model (``pantau/models/MODEL_CARD.md``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pantau.ner.metrics import Scores
from pantau.ner.model import REBUILD_COMMAND

if TYPE_CHECKING:
    from pantau.ner.train import TrainReport

__all__ = ["scores_table", "write_model_card"]

CREDITS = """\
| corpus | licence | credit |
|---|---|---|
| idner-news-2k | MIT | Khairunnisa, Mahendra, Purwarianti et al., AACL-SRW 2020 |
| NER-UI (IndoLEM) | CC BY 4.0 | Koto, Rahimi, Lau, Baldwin, "IndoLEM and IndoBERT", COLING 2020 |
| NERGrit (IndoNLU) | Apache-2.0 | Wilie et al., "IndoNLU", AACL 2020; the NERGRIT contributors |
| NERP (IndoNLU) | Apache-2.0 | Wilie et al., "IndoNLU", AACL 2020 |
"""

FEATURES = """\
Per token: lower form, long and short word shape (`Xxxxx`, `Xx`, `d`, `Xx-Xx`), prefixes and
suffixes of 1–4 letters, Indonesian prefix (me-, di-, ber-, ter-, pe-, ke-, se- and their
variants) and suffix (-kan, -i, -an, -nya, -lah, -kah), initial capital, all capitals, digits,
punctuation, length bucket; for the words at ±1: lower form, shape and the capital/digit/punct
flags; at ±2: lower form and shape; first/last token of the sentence; the bigrams with the
previous and the next word; the shape trigram; and matches of the cue lists of
`ner-lexicon.toml` over runs of tokens (titles and ranks, organisation head words, place cue
words, place tails, prepositions before places, speech verbs, country names, well-known
organisations, provinces and places in the news) for the token and its neighbours at ±1 and ±2.
"""


def scores_table(scores: Mapping[str, Scores], names: Mapping[str, str] | None = None) -> str:
    """A Markdown table of per-type and overall precision, recall and F1."""
    rows = [
        "| test set | type | precision | recall | F1 | gold spans |",
        "|---|---|---|---|---|---|",
    ]
    for key, score in scores.items():
        name = (names or {}).get(key, key)
        for label, counts in [*score.by_type.items(), ("all", score.overall)]:
            rows.append(
                f"| {name} | {label} | {counts.precision:.4f} | {counts.recall:.4f} | "
                f"**{counts.f1:.4f}** | {counts.gold} |"
                if label == "all"
                else f"| {name} | {label} | {counts.precision:.4f} | {counts.recall:.4f} | "
                f"{counts.f1:.4f} | {counts.gold} |"
            )
    return "\n".join(rows) + "\n"


def write_model_card(report: TrainReport, path: Path) -> Path:
    """Write the model card of a :func:`~pantau.ner.train.train` run to ``path``."""
    from pantau.ner.train import HELD_OUT

    parts = "\n".join(f"| {corpus} | {split} | {kept} |" for corpus, split, kept in report.parts)
    held = {k: f"{k} {HELD_OUT[k]}" for k in report.scores}
    config = report.features
    weights = ", ".join(f"{c} ×{w}" for c, w in report.weights.items()) or "none"
    text = f"""# Model card: `{report.output.name}`

Indonesian named-entity tagger of pantau: a linear-chain CRF (python-crfsuite, L-BFGS) tagging
BIO labels of **PER**, **ORG** and **LOC** (the corpora's labels mapped: PERSON → PER,
ORGANIZATION/ORGANISATION → ORG, LOCATION/PLACE → LOC). It predicts no NORP and no EVENT.

- trained: {dt.date.today().isoformat()}, in {report.seconds} s
- file size: {report.size_bytes / 1e6:.2f} MB; {report.state_features} state features kept
- rebuild: `{REBUILD_COMMAND}`
  (deterministic: the same corpora and options give the same weights)
- evaluate the recipe (one model per test set, trained without it):
  `python -m pantau.ner.evaluate --shared ../shared`; figures in `docs/ner.md`

## Training data

Training and development splits only, never a test split. For NER-UI only fold 1 (`train.01` +
`dev.01`), because the training split of every other fold holds fold 1's test sentences. Every
training sentence that also occurs, case-insensitively, in a held-out test set (idner-news-2k
test, NER-UI test.01, NERGrit test, NERP test) was dropped: {report.dropped} sentences (NERP's
test set repeats idner-news-2k sentences in lower case; NER-UI repeats a few sentences across
its splits). Sentences of the news corpora count more by being repeated: {weights}.

| corpus | split | sentences |
|---|---|---|
{parts}

Total: {sum(kept for _, _, kept in report.parts)} sentences, {report.sentences} training
sequences with the repeats.

NERP is not used: its text is lower-cased, and its IND class holds companies, brands and
products while government bodies (KPK, DPR, TNI) are tagged O, which taught a combined model
to miss organisations (idner-news-2k dev F1 0.825 → 0.796 when it was added).

{CREDITS}
The cue lists are ours; country names were checked against CLDR's Indonesian territory names
(Unicode licence, through Babel).

## Features

{FEATURES}
Configuration: window ±{config.window}, affixes {config.affixes}, bigrams {config.bigrams},
lexicon {config.lexicon}.

## Hyper-parameters

L-BFGS, c1 (L1) = {report.c1}, c2 (L2) = {report.c2}, at most {report.max_iterations} iterations,
all label transitions possible.

## Scores of this model on the held-out test sets

Span-level exact match (a span counts when its type and both boundaries match), conlleval-style,
micro-averaged over spans. The NER-UI figure is fold 1 only; the five-fold mean of the recipe is
in `docs/ner.md`.

{scores_table(report.scores, held)}
## Limits

- Trained on Indonesian online news of about 2013–2019; titles and ranks (`Presiden`, `Kapten`)
  stay outside PER spans, as in the corpora.
- The corpora disagree on details (`Kota Bandung` as one place or `Bandung` alone; a football
  club named after its city as ORG or LOC); the model follows the majority and wavers.
- Lower-cased text (as in NERP) is tagged poorly: capitalisation is one of its strongest cues.
"""
    path.write_text(text, encoding="utf-8")
    return path
