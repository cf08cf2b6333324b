"""The weights of a trained linear-chain CRF, and decoding with them in numpy.

python-crfsuite trains the model; tagging does not go through it. Its tagger takes every token's
features as strings and looks each one up in the model file's string table, which cost more than
everything else in tagging. Here the model file is read once (its format is crfsuite's own,
``crf1d_model.c``) and the weights go into a matrix (one row per attribute,
one column per label); a token's state scores are sums of rows, and most of those sums depend on
one word alone, so :class:`pantau.ner.tagger.EntityTagger` keeps them per word form. Decoding
(Viterbi) and the label marginals (forward–backward) run on all the sentences of an article at
once, as arrays of shape ``(sentences, tokens, labels)``.

The results are crfsuite's: the same best path (ties go to the lower label index, as there) and
the same marginals up to floating-point rounding; ``tests/test_ner.py`` checks them against
python-crfsuite's tagger.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["CrfModel", "order"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
"""magic, size, type, version, features, labels, attributes; offsets of the feature table, the
label strings, the attribute strings, and two reference tables tagging does not need."""
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])
"""A feature: type 0 (attribute ``source`` with label ``target``) or 1 (label ``source``
followed by label ``target``), and its weight."""


@dataclass(frozen=True, slots=True, eq=False)
class CrfModel:
    """Labels, attribute rows, state weights and transition weights of a trained CRF."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    """Row of each attribute in :attr:`weights`."""
    weights: FloatArray
    """State weights, ``(attributes + 1, labels)``; the last row is zeros, the row of padding."""
    transitions: FloatArray
    """``transitions[i, j]``: weight of label ``j`` following label ``i``."""

    @classmethod
    def load(cls, path: Path) -> CrfModel:
        """Read a crfsuite model file (the ``lCRF``/``FOMC`` format of crfsuite 0.12, which
        python-crfsuite writes). Raises ``OSError`` if it cannot be read, ``ValueError`` if it is
        not such a file."""
        data = Path(path).read_bytes()
        try:
            return cls._parse(data)
        except (struct.error, IndexError, UnicodeDecodeError) as e:
            raise ValueError(f"truncated or malformed crfsuite model ({e})") from e

    @classmethod
    def _parse(cls, data: bytes) -> CrfModel:
        magic, size, kind, _, _, _, _, features, labels_at, attributes_at, _, _ = (
            _HEADER.unpack_from(data)
        )
        if magic != b"lCRF" or kind != b"FOMC" or size != len(data):
            raise ValueError("not a crfsuite linear-chain model")
        chunk, _, count = struct.unpack_from("<4sII", data, features)
        if chunk != b"FEAT":
            raise ValueError("no feature table")
        table = np.frombuffer(data, dtype=_FEATURE, count=count, offset=features + 12)
        labels = tuple(_strings(data, labels_at))
        names = _strings(data, attributes_at)
        states = table[table["type"] == 0]
        weights = np.zeros((len(names) + 1, len(labels)))
        weights[states["source"], states["target"]] = states["weight"]
        moves = table[table["type"] == 1]
        transitions = np.zeros((len(labels), len(labels)))
        transitions[moves["source"], moves["target"]] = moves["weight"]
        return cls(labels, {name: row for row, name in enumerate(names)}, weights, transitions)

    @property
    def padding(self) -> int:
        """The row of :attr:`weights` that adds nothing."""
        return len(self.attributes)

    def viterbi(self, scores: FloatArray, lengths: IntArray) -> IntArray:
        """The best label path of each sentence: ``scores`` are the state scores ``(sentences,
        tokens, labels)`` of sentences ordered from the longest to the shortest, sentence ``s``
        using the first ``lengths[s]`` tokens; label indices ``(sentences, tokens)`` come back
        (past a sentence's length, zeros)."""
        count, width, size = scores.shape
        _check_order(lengths)
        active = _active(lengths, width)
        # the steps run over time-major copies, (tokens, sentences, labels): a step's rows are
        # then contiguous, and numpy goes over them faster
        steps = np.ascontiguousarray(scores.transpose(1, 0, 2))
        best = steps[0].copy()
        back = np.zeros((width, count, size), dtype=np.intp)
        # candidates are (sentence, after, before): argmax over the last axis, the contiguous
        # one, costs less, and the best scores are read at the argmax rather than reduced
        # again with max (it took as long as the rest of the step)
        transitions = np.ascontiguousarray(self.transitions.T)
        candidates = np.empty((count, size, size))
        sentences, after = np.arange(count)[:, np.newaxis], np.arange(size)
        for t in range(1, width):
            k = active[t]
            np.add(best[:k, np.newaxis, :], transitions, out=candidates[:k])
            before = candidates[:k].argmax(axis=2, out=back[t, :k])
            np.add(candidates[sentences[:k], after, before], steps[t, :k], out=best[:k])
        path = np.zeros((width, count), dtype=np.intp)
        label = best.argmax(axis=1)
        rows = np.arange(count)
        for t in range(width - 1, -1, -1):
            k = active[t]
            ending = k - active[t + 1] if t + 1 < width else k
            if ending:  # sentences whose last token is t: their best final label
                label[k - ending : k] = best[k - ending : k].argmax(axis=1)
            path[t, :k] = label[:k]
            if t:
                label[:k] = back[t][rows[:k], label[:k]]
        return path.T

    def marginals(self, scores: FloatArray, lengths: IntArray) -> FloatArray:
        """The probability of each label at each token, ``(sentences, tokens, labels)``, by
        forward–backward with each step normalised; sentences as for :meth:`viterbi` (past a
        sentence's length, meaningless)."""
        width = scores.shape[1]
        _check_order(lengths)
        active = _active(lengths, width)
        # time-major, as in viterbi; the ufuncs are called as such, with out=: the methods
        # (sum, max) go through Python wrappers, which cost more than these small sums
        total = np.add.reduce
        steps = np.ascontiguousarray(scores.transpose(1, 0, 2))
        states = np.exp(steps - np.maximum.reduce(steps, axis=2, keepdims=True))
        transitions = np.exp(self.transitions)
        reverse = transitions.T
        forward = states.copy()
        forward[0] /= total(forward[0], axis=1, keepdims=True)
        for t in range(1, width):
            k = active[t]
            alpha = np.matmul(forward[t - 1, :k], transitions)
            alpha *= states[t, :k]
            np.divide(alpha, total(alpha, axis=1, keepdims=True), out=forward[t, :k])
        backward = np.ones_like(states)
        for t in range(width - 2, -1, -1):
            k = active[t + 1]  # sentences that go on after t
            beta = np.matmul(backward[t + 1, :k] * states[t + 1, :k], reverse)
            np.divide(beta, total(beta, axis=1, keepdims=True), out=backward[t, :k])
        product = forward * backward
        return (product / total(product, axis=2, keepdims=True)).transpose(1, 0, 2)


def order(lengths: IntArray) -> IntArray:
    """The order, longest first, in which :meth:`CrfModel.viterbi` takes sentences."""
    return np.argsort(-lengths, kind="stable")


def _check_order(lengths: IntArray) -> None:
    if len(lengths) > 1 and (lengths[1:] > lengths[:-1]).any():
        raise ValueError("sentences must come from the longest to the shortest")


def _active(lengths: IntArray, width: int) -> list[int]:
    """For each position ``t``, how many sentences (the first ones) have a token there."""
    return [int(k) for k in np.searchsorted(-lengths, -np.arange(1, width + 1), side="right")]


def _strings(data: bytes, offset: int) -> list[str]:
    """The strings of the constant-quark database (CQDB) at ``offset``, by id."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError("no string table")
    strings = []
    for record in np.frombuffer(data, dtype="<u4", count=count, offset=offset + backward).tolist():
        start = offset + record
        size = struct.unpack_from("<I", data, start + 4)[0]
        strings.append(data[start + 8 : start + 7 + size].decode("utf-8"))
    return strings
