"""Readers of the Indonesian NER corpora in ``../shared/data/ner``.

Four corpora, four formats, one output: a list of :class:`TaggedSentence` whose tags are BIO with
the labels normalised to ``PER``, ``ORG``, ``LOC`` and ``EVENT`` (and ``FNB``, NERP's food and
beverage class, only when asked for).

============= ========================= ============================ ============================
corpus        layout                    labels                       splits
============= ========================= ============================ ============================
idner-news-2k ``token POS tag``, CRLF   PER ORG LOC                  train dev test
nerui         ``token<TAB>tag``         PERSON ORGANIZATION LOCATION ``{train,dev,test}.0{1..5}``
nergrit       ``token<TAB>tag``         PERSON ORGANISATION PLACE    train valid test
nerp          ``token<TAB>tag``, lower  PPL IND PLC EVT FNB          train valid test
============= ========================= ============================ ============================

Sentences are separated by blank (or white-space only) lines; a file may or may not end with one.
Repairs made while reading, because the files carry them:

* an ``I-`` tag that does not continue an entity of the same type becomes ``B-`` (NERP has ~130);
* NERP tokens in which ``per`` was overwritten by ``b-ppl`` (``b-pplhatian``, ``memb-pplhatikan``:
  a tag substitution gone wrong upstream) get their ``per`` back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pantau.errors import CorpusNotFoundError, ResourceError

__all__ = [
    "CORPORA",
    "LABEL_MAPS",
    "TaggedSentence",
    "corpus_dir",
    "load_split",
    "parse_conll",
    "read_corpus_file",
    "sentence_key",
    "splits",
]

CorpusName = Literal["idner-news-2k", "nerui", "nergrit", "nerp"]
CORPORA: tuple[CorpusName, ...] = ("idner-news-2k", "nerui", "nergrit", "nerp")

LABEL_MAPS: Mapping[str, Mapping[str, str | None]] = {
    "idner-news-2k": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerp": {"PPL": "PER", "IND": "ORG", "PLC": "LOC", "EVT": "EVENT", "FNB": None},
}
"""Source label → pantau label; ``None`` drops the entity (its tokens become ``O``)."""

_FILES: Mapping[str, Mapping[str, str]] = {
    "idner-news-2k": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
    "nerui": {
        f"{split}.0{fold}": f"{split}.0{fold}.tsv"
        for fold in range(1, 6)
        for split in ("train", "dev", "test")
    },
    "nergrit": {"train": "train.txt", "valid": "valid.txt", "test": "test.txt"},
    "nerp": {"train": "train.txt", "valid": "valid.txt", "test": "test.txt"},
}

_NERP_DAMAGE = re.compile("b-ppl")


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """One annotated sentence: tokens and their BIO tags (``B-PER``, ``I-ORG``, ``O``, …)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.tokens) != len(self.tags):
            raise ValueError(f"{len(self.tokens)} tokens but {len(self.tags)} tags")


def splits(corpus: str) -> tuple[str, ...]:
    """The split names of ``corpus`` (``train``, ``dev``, …, ``test.05``)."""
    try:
        return tuple(_FILES[corpus])
    except KeyError:
        raise ResourceError(
            f"unknown NER corpus {corpus!r}; choose one of {', '.join(CORPORA)}"
        ) from None


def corpus_dir(shared: Path, corpus: str) -> Path:
    """The folder of ``corpus`` under ``shared``; raises :class:`CorpusNotFoundError` if absent."""
    splits(corpus)
    path = Path(shared) / "data" / "ner" / corpus
    if not path.is_dir():
        raise CorpusNotFoundError(
            f"NER corpus {corpus!r} not found at {path}; pass --shared with the path of the "
            "shared/ folder (it holds data/ner/{idner-news-2k,nerui,nergrit,nerp})"
        )
    return path


def load_split(
    shared: Path, corpus: str, split: str, *, keep_fnb: bool = False
) -> list[TaggedSentence]:
    """Read one split (``load_split(shared, "nerui", "train.01")``) with normalised labels."""
    folder = corpus_dir(shared, corpus)
    names = _FILES[corpus]
    if split not in names:
        raise ResourceError(
            f"unknown split {split!r} of NER corpus {corpus!r}; choose one of {', '.join(names)}"
        )
    path = folder / names[split]
    if not path.is_file():
        raise CorpusNotFoundError(
            f"NER corpus file {path} not found; the shared/ folder is incomplete, lay it anew"
        )
    return read_corpus_file(path, corpus, keep_fnb=keep_fnb)


def read_corpus_file(path: Path, corpus: str, *, keep_fnb: bool = False) -> list[TaggedSentence]:
    """Read a file in the layout of ``corpus`` (see the module docstring)."""
    splits(corpus)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise CorpusNotFoundError(f"NER corpus file {path} not found") from e
    except UnicodeDecodeError as e:
        raise ResourceError(f"NER corpus file {path} is not UTF-8: {e}") from e
    label_map = dict(LABEL_MAPS[corpus])
    if keep_fnb and corpus == "nerp":
        label_map["FNB"] = "FNB"
    try:
        return parse_conll(
            text.splitlines(),
            label_map=label_map,
            tab=corpus != "idner-news-2k",
            repair_nerp=corpus == "nerp",
        )
    except ValueError as e:
        raise ResourceError(f"NER corpus file {path} is malformed: {e}") from e


def parse_conll(
    lines: Iterable[str],
    *,
    label_map: Mapping[str, str | None],
    tab: bool = True,
    repair_nerp: bool = False,
) -> list[TaggedSentence]:
    """Parse CoNLL-like lines: token first, BIO tag last; blank lines end sentences.

    ``tab`` splits columns on tabs (tokens may then hold spaces), else on any white space.
    Raises :class:`ValueError` naming the line for a line without a tag or an unknown label.
    """
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if tokens:
                sentences.append(TaggedSentence(tuple(tokens), tuple(_repair_bio(tags))))
                tokens, tags = [], []
            continue
        columns = line.split("\t") if tab else line.split()
        if len(columns) < 2:
            raise ValueError(f"line {number} has no tag column: {line!r}")
        token, tag = columns[0], columns[-1].strip()
        if repair_nerp:
            token = _NERP_DAMAGE.sub("per", token)
        tokens.append(token)
        tags.append(_map_tag(tag, label_map, number))
    if tokens:
        sentences.append(TaggedSentence(tuple(tokens), tuple(_repair_bio(tags))))
    return sentences


def _map_tag(tag: str, label_map: Mapping[str, str | None], number: int) -> str:
    if tag == "O":
        return "O"
    prefix, _, label = tag.partition("-")
    if prefix not in ("B", "I") or label not in label_map:
        raise ValueError(f"line {number} has an unknown tag {tag!r}")
    mapped = label_map[label]
    return "O" if mapped is None else f"{prefix}-{mapped}"


def _repair_bio(tags: Sequence[str]) -> list[str]:
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def sentence_key(sentence: TaggedSentence | Sequence[str]) -> str:
    """A case-insensitive key of a sentence's tokens, to find the same sentence in two corpora."""
    tokens = sentence.tokens if isinstance(sentence, TaggedSentence) else sentence
    return " ".join(tokens).lower()
