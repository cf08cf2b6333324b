"""The entity tagger: Indonesian text in, :class:`~pantau.article.Entity` spans out.

>>> tagger = EntityTagger()                      # loads pantau/models/ner-id.crfsuite once
>>> [(e.text, e.label) for e in tagger.tag("Kapten Jeff Davis tiba di Raqqa.")]
[('Jeff Davis', 'PER'), ('Raqqa', 'LOC')]

A tagger keeps tables it fills as it goes, so it is not thread-safe: give each thread its own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import compress, count, pairwise
from pathlib import Path
from typing import Generic, TypeVar, cast

import numpy as np

from pantau.article import Entity, EntityLabel
from pantau.errors import ConfigurationError, ResourceError
from pantau.ner.crf import CrfModel, FloatArray, IntArray, order
from pantau.ner.features import END, FIRST, LAST, START, FeatureExtractor
from pantau.ner.lexicon import Lexicon
from pantau.ner.model import DEFAULT_MODEL, REBUILD_COMMAND, ModelInfo
from pantau.ner.tokens import Token, Tokenizer

__all__ = ["EntityTagger"]

_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "NORP", "EVENT"})
_SENTENCE_END = frozenset({".", "!", "?", "...", "…"})
_OPENERS = frozenset("\"“‘'(«[")
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "»", "]"})
_MAX_TOKENS = 200
"""A run of tokens without a sentence end is cut at this length."""
_BATCH = 64
"""Sentences decoded together (an array of theirs is as wide as the longest of them)."""
_BEFORE, _AFTER = "\x00before", "\x00after"
"""Markers between sentences in :meth:`_StateScores.of` (no token holds a NUL character)."""
_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")
_MAX_KEYS = 200_000
"""Word forms (pairs, shape triples) whose summed weights are kept; a full table starts again."""


class _Rows(dict[_K, _V]):
    """Entries by key, made (by ``make``) for a key the first time it is looked up: read with
    ``map(rows.__getitem__, keys)``, the look-ups run in C, and only new keys call Python."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[_K], _V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: _K) -> _V:
        value = self[key] = self._make(key)
        return value


class _Sums(Generic[_K]):
    """Summed state weights by key, in ``slots`` parts (``parts`` gives a key's attributes):
    a table that grows, and starts again (:meth:`room`) when it holds :data:`_MAX_KEYS` keys.
    Row 0 is padding (zeros)."""

    def __init__(
        self, model: CrfModel, slots: int, parts: Callable[[_K], Sequence[Sequence[str]]]
    ) -> None:
        self._model = model
        self._parts = parts
        self.rows = _Rows[_K, int](self._add)
        """The row of each key (a new key gets one when it is looked up)."""
        self.table = np.zeros((slots, 1024, len(model.labels)))
        self._next = 1

    def room(self, needed: int) -> bool:
        """Make sure ``needed`` keys can be added (call it before rows are handed out); whether
        the table had to start again."""
        if len(self.rows) + needed > _MAX_KEYS:
            self.rows.clear()
            self._next = 1
            return True
        return False

    def _add(self, key: _K) -> int:
        """A new row holding the summed weights of the attributes of each of ``key``'s parts;
        a key whose parts have no attribute the model knows (most word pairs) shares row 0,
        the padding."""
        index, model = self._model.attributes, self._model
        parts = self._parts(key)
        rows: list[int] = []
        starts: list[int] = []
        for names in parts:
            starts.append(len(rows))
            rows.append(model.padding)  # no part is empty: reduceat wants that
            rows += [index[n] for n in names if n in index]
        if len(rows) == len(parts):
            return 0
        row = self._next
        self._next += 1
        table = self.table
        if row >= table.shape[1]:
            self.table = np.zeros((table.shape[0], 2 * table.shape[1], table.shape[2]))
            self.table[:, : table.shape[1]] = table
        self.table[:, row] = np.add.reduceat(model.weights[rows], starts, axis=0)
        return row


@dataclass(frozen=True, slots=True)
class _Cues:
    """The cue-list entries that start with one word, with the rows of their features: the
    entries of two words or more, and after them (as :meth:`FeatureExtractor.cues` takes them,
    longest first) those of this word alone, which always match, run together."""

    longer: tuple[tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]], ...]
    """Words, and the positions and rows of the features of a match."""
    offsets: tuple[int, ...]
    features: tuple[int, ...]

    @classmethod
    def of(
        cls, options: Sequence[tuple[tuple[str, ...], tuple[tuple[int, str], ...]]], model: CrfModel
    ) -> _Cues:
        index, padding = model.attributes, model.padding
        longer = []
        offsets: list[int] = []
        features: list[int] = []
        for words, found in options:
            rows = [index.get(feature, padding) for _, feature in found]
            if len(words) > 1:
                longer.append((words, tuple(position for position, _ in found), tuple(rows)))
            else:
                offsets += [position for position, _ in found]
                features += rows
        return cls(tuple(longer), tuple(offsets), tuple(features))


class _StateScores:
    """State scores of tokens: the sums of the weights of their features, per label.

    A token's features come from the word forms at -2 to +2 (their own features, and those they
    give their neighbours), from the word pairs it is in (bigrams), from the short shapes at -1
    to +1 (trigram), from cue lists and from the sentence's ends. The sums are kept per word
    form, per pair and per shape triple, so a token costs three look-ups; the cue-list and end
    features, which are few, are added after those sums, in the order the features list them.
    """

    def __init__(self, model: CrfModel, features: FeatureExtractor) -> None:
        self._model = model
        self._features = features
        # own; as the word at -1, +1, -2, +2
        self._words = _Sums[str](model, 5, self._word_parts)
        self._forms = _Rows[str, tuple[int, str, str, _Cues | None]](self._form)
        """Per word form: its row in ``_words``, its lower form, its short shape, and the
        cue-list entries that start with it."""
        # as the bigram of the first word, of the second
        self._pairs = _Sums[tuple[str, str]](model, 2, self._pair_parts)
        self._shapes = _Sums[tuple[str, str, str]](model, 1, self._shape_parts)
        self._ends = (
            model.weights[model.attributes.get(FIRST, model.padding)],
            model.weights[model.attributes.get(LAST, model.padding)],
        )
        self._cues = {
            first: _Cues.of(options, model) for first, options in features.cue_table().items()
        }
        """:meth:`FeatureExtractor.cue_table`, with the features' rows in the model's weights."""

    def of(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
        """The state scores ``(sentences, tokens, labels)`` of the sentences (zero-padded to
        the longest), and their lengths.

        The sentences are laid end to end, each between two markers (:data:`_BEFORE`,
        :data:`_AFTER`: no word, and :data:`START`, :data:`END` in bigrams and trigrams), so
        that every look-up runs once over one list, and no neighbour, pair or cue crosses from
        one sentence into the next.
        """
        lengths = np.fromiter((len(s) for s in sentences), dtype=np.intp, count=len(sentences))
        width, total = int(lengths.max()), int(lengths.sum())
        forms = self._forms
        for sums in (self._words, self._pairs, self._shapes):
            if sums.room(total + 2 * len(sentences)) and sums is self._words:
                forms.clear()  # they held rows of the emptied table
        forms[_BEFORE], forms[_AFTER] = (0, START, START, None), (0, END, END, None)
        chain: list[str] = []
        for sentence in sentences:
            chain.append(_BEFORE)
            chain += sentence
            chain.append(_AFTER)
        word_rows, lowers, shorts, cues = zip(*map(forms.__getitem__, chain), strict=True)
        pairs = list(map(self._pairs.rows.__getitem__, pairwise(lowers)))
        triples = zip(shorts, shorts[1:], shorts[2:], strict=False)
        shapes = list(map(self._shapes.rows.__getitem__, triples))
        # the sums are made over the chain's positions 1 to n - 2, c at row c - 1 (each token,
        # and the markers between sentences, whose rows are dropped at the end): slices of the
        # chain's rows then stand for the neighbours, where gathers at shifted positions did
        n = len(chain)
        rows = np.zeros(n + 4, dtype=np.intp)  # a form's row at its position + 2, zeros around
        rows[2:-2] = word_rows
        # (a dtype given, numpy reads a list of ints in half the time)
        pair_at, shape_at = np.array(pairs, dtype=np.intp), np.array(shapes, dtype=np.intp)
        words, pair_table = self._words.table, self._pairs.table
        sums = (
            words[0][rows[3:-3]]
            + words[1][rows[2:-4]]
            + words[2][rows[4:-2]]
            + words[3][rows[1:-5]]
            + words[4][rows[5:-1]]
            + pair_table[1][pair_at[:-1]]
            + pair_table[0][pair_at[1:]]
            + self._shapes.table[0][shape_at]
        )
        ends = np.cumsum(lengths + 2)  # where each sentence's markers end, and the next begin
        sums[ends - lengths - 2] += self._ends[0]  # the first token of each sentence
        sums[ends - 3] += self._ends[1]  # and the last
        # the cue-list features (FeatureExtractor.cues): the matches' places in the chain, the
        # positions their features go to (from the place), and the features' rows
        places: list[int] = []
        counts: list[int] = []
        positions: list[int] = []
        attributes: list[int] = []
        for i in compress(count(), cues):  # found in C: few tokens start an entry
            entry = cues[i]
            for phrase, offsets, features in entry.longer:
                if lowers[i : i + len(phrase)] == phrase:
                    places.append(i)
                    counts.append(len(offsets))
                    positions += offsets
                    attributes += features
            if entry.offsets:
                places.append(i)
                counts.append(len(entry.offsets))
                positions += entry.offsets
                attributes += entry.features
        if places:
            # add.at adds each position's features in the order FeatureExtractor.cues lists them;
            # it runs over the flat array (a view: sums is contiguous), one index per number,
            # which costs a fifth of what it costs over rows
            where = np.repeat(places, counts) + np.array(positions, dtype=np.intp) - 1
            kept = (where >= 0) & (where < n - 2)
            size = sums.shape[1]
            np.add.at(
                sums.reshape(-1),
                (where[kept, np.newaxis] * size + np.arange(size)).reshape(-1),
                self._model.weights[np.array(attributes, dtype=np.intp)[kept]].reshape(-1),
            )
        scores = np.zeros((len(sentences), width, sums.shape[1]))
        # the rows of the tokens: token t of sentence k is at position 2k + 1 + t of the chain
        at = np.arange(total) + np.repeat(np.arange(0, 2 * len(sentences), 2), lengths)
        scores[np.arange(width) < lengths[:, np.newaxis]] = sums[at]
        return scores, lengths

    def _form(self, word: str) -> tuple[int, str, str, _Cues | None]:
        info = self._features.words([word])[0]
        return self._words.rows[word], info.lower, info.short, self._cues.get(info.lower)

    def _word_parts(self, word: str) -> tuple[list[str], ...]:
        info = self._features.words([word])[0]
        return info.own, info.left1, info.right1, info.left2, info.right2

    def _pair_parts(self, key: tuple[str, str]) -> tuple[list[str], list[str]]:
        return self._features.pair(*key)

    def _shape_parts(self, key: tuple[str, str, str]) -> list[list[str]]:
        return [self._features.shapes(*key)]


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
        try:
            model = CrfModel.load(path)
        except (OSError, ValueError) as e:
            raise ResourceError(f"NER model {path} is corrupt ({e}); {hint}") from e
        if "O" not in model.labels:
            raise ResourceError(
                f"NER model {path} has no 'O' label, it is not an NER model; {hint}"
            )
        self.model_path = path
        self.info = info
        self._model = model
        self._outside = model.labels.index("O")
        self._tags = tuple(label.partition("-") for label in model.labels)
        """Each label's BIO prefix, ``-`` and type, as :func:`~pantau.ner.metrics.bio_spans`
        reads them."""
        self._tokenizer = Tokenizer(lexicon.abbreviations)
        features = FeatureExtractor(lexicon, info.features, known=frozenset(model.attributes))
        self._scores = _StateScores(model, features)

    def tag(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Entity]:
        """The entities of ``text``, in order, with offsets into ``text``.

        ``spans`` are the ``[start, end)`` ranges of the sentences (``Article.sentences``); without
        them the text is split at sentence-final punctuation and line breaks. Each entity's
        ``confidence`` is the smallest marginal probability of its tokens' labels.
        """
        units = self._units(text, spans)
        entities: list[Entity] = []
        for start in range(0, len(units), _BATCH):
            entities.extend(self._tag_units(text, units[start : start + _BATCH]))
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
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels of pre-tokenised sentences, decoded :data:`_BATCH` at a time."""
        labels = self._model.labels
        out: list[list[str]] = [[] for _ in sentences]
        ranked = [k for k in order(np.array([len(s) for s in sentences])) if sentences[k]]
        for start in range(0, len(ranked), _BATCH):
            batch = ranked[start : start + _BATCH]
            scores, lengths = self._scores.of([sentences[k] for k in batch])
            paths = self._model.viterbi(scores, lengths)
            for row, k in enumerate(batch):
                out[k] = [labels[p] for p in paths[row, : lengths[row]].tolist()]
        return out

    def _tag_units(self, text: str, units: list[list[tuple[str, int, int]]]) -> list[Entity]:
        """The entities of some sentences, decoded together (longest first, as the decoder
        wants them)."""
        units = [unit for unit in units if unit]
        if not units:
            return []
        units = [units[k] for k in order(np.array([len(u) for u in units]))]
        model = self._model
        scores, lengths = self._scores.of([[t[0] for t in unit] for unit in units])
        paths = model.viterbi(scores, lengths)
        tagged = (paths != self._outside) & (np.arange(paths.shape[1]) < lengths[:, np.newaxis])
        found = np.flatnonzero(tagged.any(axis=1))
        if not len(found):
            return []
        marginals = model.marginals(scores[found], lengths[found])
        # the tokens not labelled O, sentence by sentence: the spans are read from them alone,
        # as bio_spans reads them from whole sentences (an O, and a sentence's end, close one)
        chosen, position = np.nonzero(tagged[found])
        label = paths[found[chosen], position]
        tags = self._tags
        spans: list[tuple[str, int, int, int, float]] = []  # type, sentence, start, end, min
        kind: str | None = None  # the type of the open span
        sentence, first, last, lowest = -1, 0, -1, 0.0
        for s, t, p, marginal in zip(
            found[chosen].tolist(),
            position.tolist(),
            label.tolist(),
            marginals[chosen, position, label].tolist(),
            strict=True,
        ):
            prefix, _, tag = tags[p]
            if t == last and s == sentence and prefix == "I" and tag == kind:
                last, lowest = t + 1, min(lowest, marginal)
                continue
            if kind is not None:
                spans.append((kind, sentence, first, last, lowest))
            kind = tag if prefix in ("B", "I") else None
            sentence, first, last, lowest = s, t, t + 1, marginal
        if kind is not None:
            spans.append((kind, sentence, first, last, lowest))
        out: list[Entity] = []
        for kind, s, i, j, confidence in spans:
            if kind not in _LABELS:
                continue
            start, end = units[s][i][1], units[s][j - 1][2]
            entity = Entity(
                text[start:end], start, end, cast(EntityLabel, kind), round(confidence, 4)
            )
            out.append(entity)
        out.sort(key=lambda e: e.start)
        return out

    @staticmethod
    def _split(text: str, tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
        """Cut ``(text, start, end)`` tokens into sentences: after ``. ! ?`` (and closing quotes
        glued to them) before a capital, a digit or an opening quote, and at line breaks."""
        units: list[list[tuple[str, int, int]]] = []
        current: list[tuple[str, int, int]] = []
        k, n = 0, len(tokens)
        # whether there is a line break to look for between the tokens (seldom)
        breaks = n > 1 and text.find("\n", tokens[0][2], tokens[-1][1]) >= 0
        while k < n:
            token = tokens[k]
            if current and (
                len(current) >= _MAX_TOKENS or (breaks and "\n" in text[current[-1][2] : token[1]])
            ):
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
