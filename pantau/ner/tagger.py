"""The entity tagger: Indonesian text in, :class:`~pantau.article.Entity` spans out.

>>> tagger = EntityTagger()                      # loads pantau/models/ner-id.crfsuite once
>>> [(e.text, e.label) for e in tagger.tag("Kapten Jeff Davis tiba di Raqqa.")]
[('Jeff Davis', 'PER'), ('Raqqa', 'LOC')]

A tagger holds a python-crfsuite tagger, which is not thread-safe: give each thread its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pycrfsuite

from pantau.article import Entity, EntityLabel
from pantau.errors import ConfigurationError, ResourceError
from pantau.ner.features import FeatureExtractor
from pantau.ner.lexicon import Lexicon
from pantau.ner.metrics import bio_spans
from pantau.ner.model import DEFAULT_MODEL, REBUILD_COMMAND, ModelInfo
from pantau.ner.tokens import Token, Tokenizer

__all__ = ["EntityTagger"]

_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "NORP", "EVENT"})
_SENTENCE_END = frozenset({".", "!", "?", "...", "…"})
_OPENERS = frozenset("\"“‘'(«[")
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "»", "]"})
_MAX_TOKENS = 200
"""A run of tokens without a sentence end is cut at this length."""


class EntityTagger:
    """Finds persons (PER), organisations (ORG) and places (LOC) in text (and events, EVENT,
    with a model trained on NERP)."""

    def __init__(self, model_path: Path | None = None) -> None:
        path = DEFAULT_MODEL if model_path is None else Path(model_path)
        hint = f"rebuild it with `{REBUILD_COMMAND}`"
        if not path.is_file():
            raise ResourceError(f"NER model {path} not found; {hint}")
        info = ModelInfo.read(path)
        lexicon = Lexicon.load()
        if lexicon.version != info.lexicon_version:
            raise ResourceError(
                f"NER model {path} was trained with lexicon version {info.lexicon_version}, the "
                f"installed lexicon is version {lexicon.version}; {hint}"
            )
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
            labels = set(tagger.labels())
            known = frozenset(attribute for attribute, _ in tagger.info().state_features)
        except (OSError, ValueError) as e:
            raise ResourceError(f"NER model {path} is corrupt ({e}); {hint}") from e
        if "O" not in labels:
            raise ResourceError(
                f"NER model {path} has no 'O' label, it is not an NER model; {hint}"
            )
        self.model_path = path
        self.info = info
        self._tagger = tagger
        self._tokenizer = Tokenizer(lexicon.abbreviations)
        self._features = FeatureExtractor(lexicon, info.features, known=known)

    def tag(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Entity]:
        """The entities of ``text``, in order, with offsets into ``text``.

        ``spans`` are the ``[start, end)`` ranges of the sentences (``Article.sentences``); without
        them the text is split at sentence-final punctuation and line breaks. Each entity's
        ``confidence`` is the smallest marginal probability of its tokens' labels.
        """
        entities: list[Entity] = []
        for unit in self._units(text, spans):
            entities.extend(self._tag_tokens(text, unit))
        return entities

    def sentences(
        self, text: str, spans: Sequence[tuple[int, int]] | None = None
    ) -> list[list[Token]]:
        """The tokens of ``text`` cut into the sentences the tagger tags one by one."""
        return [[Token(*token) for token in unit] for unit in self._units(text, spans)]

    def _units(
        self, text: str, spans: Sequence[tuple[int, int]] | None
    ) -> list[list[tuple[str, int, int]]]:
        """:meth:`sentences` with ``(text, start, end)`` tuples for tokens."""
        if spans is None:
            return self._split(text, self._tokenizer.spans(text))
        units: list[list[tuple[str, int, int]]] = []
        tokenize = self._tokenizer.spans
        for start, end in spans:
            if not 0 <= start <= end <= len(text):
                raise ConfigurationError(
                    f"sentence span ({start}, {end}) is outside the text of length {len(text)}"
                )
            units.extend(self._split(text, tokenize(text, start, end)))
        return units

    def tag_tokens(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels of one pre-tokenised sentence (as the corpora give them)."""
        if not tokens:
            return []
        return list(self._tagger.tag(self._features.encoded_sentence(tokens)))

    def _tag_tokens(self, text: str, tokens: Sequence[tuple[str, int, int]]) -> list[Entity]:
        tagger = self._tagger
        labels = tagger.tag(self._features.encoded_sentence([t[0] for t in tokens]))
        out: list[Entity] = []
        if labels.count("O") == len(labels):
            return out
        for label, i, j in bio_spans(labels):
            if label not in _LABELS:
                continue
            confidence = min(tagger.marginal(labels[k], k) for k in range(i, j))
            start, end = tokens[i][1], tokens[j - 1][2]
            out.append(
                Entity(
                    text=text[start:end],
                    start=start,
                    end=end,
                    label=cast(EntityLabel, label),
                    confidence=round(confidence, 4),
                )
            )
        return out

    @staticmethod
    def _split(text: str, tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
        """Cut ``(text, start, end)`` tokens into sentences: after ``. ! ?`` (and closing quotes
        glued to them) before a capital, a digit or an opening quote, and at line breaks."""
        units: list[list[tuple[str, int, int]]] = []
        current: list[tuple[str, int, int]] = []
        k, n = 0, len(tokens)
        while k < n:
            token = tokens[k]
            if current and (len(current) >= _MAX_TOKENS or "\n" in text[current[-1][2] : token[1]]):
                units.append(current)
                current = []
            current.append(token)
            k += 1
            if token[0] not in _SENTENCE_END:
                continue
            while k < n and tokens[k][0] in _CLOSERS and tokens[k][1] == current[-1][2]:
                current.append(tokens[k])
                k += 1
            if k < n:
                following = tokens[k][0][0]
                if following.isupper() or following.isdigit() or following in _OPENERS:
                    units.append(current)
                    current = []
        if current:
            units.append(current)
        return units
