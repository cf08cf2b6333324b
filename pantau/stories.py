"""Near-duplicate articles: republished wire stories linked into one *story*.

An outlet republishes a wire story with a new dateline, a cut paragraph or a changed headline;
the clean body (``Article.text``, boilerplate already out) stays nearly the same. Two articles
belong to one story when the Jaccard similarity of their word shingles (``k`` consecutive
lower-cased words) reaches :attr:`StoryConfig.threshold`.

Comparing every pair is quadratic, so the similarity is estimated by MinHash signatures and the
candidates are found by locality-sensitive hashing (LSH): the signature is cut into ``bands`` of
``rows`` values and each band hashed to a *bucket*; two articles become candidates when they share
a bucket. With the defaults (128 values, 32 bands of 4) a pair at Jaccard 0.5 shares a bucket with
probability 0.87 and a pair at 0.8 with probability 1.0; the candidates are then checked against
the threshold with the estimated similarity.

Everything here is a pure function of the text and the configuration. The store keeps the
signatures and buckets in its tables (:mod:`pantau.store`) so that a new article finds its story
among millions with one indexed look-up; :func:`group_stories` does the same in memory.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from pantau.errors import ConfigurationError

Signature = npt.NDArray[np.uint32]

_WORD = re.compile(r"\w+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """How near-duplicates are found. Stored with a database when it is created."""

    shingle_words: int = 3
    num_perm: int = 128
    """Length of a MinHash signature."""
    bands: int = 32
    """LSH bands; ``num_perm / bands`` values per band."""
    threshold: float = 0.5
    """Estimated Jaccard similarity from which two articles are one story."""
    seed: int = 1
    max_candidates: int = 20
    """At most this many candidates (most shared buckets first) are compared to a new article."""
    max_indexed: int = 32
    """A story's first this-many articles are indexed; later copies join it but add no bucket,
    so a wire story republished a thousand times costs no more to search than one of 32."""

    def __post_init__(self) -> None:
        if self.shingle_words < 1:
            raise ConfigurationError(f"shingle_words must be at least 1, not {self.shingle_words}")
        if self.bands < 1 or self.num_perm % self.bands:
            raise ConfigurationError(
                f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})"
            )
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigurationError(f"threshold must be in (0, 1], not {self.threshold}")
        if self.max_candidates < 1:
            raise ConfigurationError(f"max_candidates must be positive, not {self.max_candidates}")
        if self.max_indexed < 1:
            raise ConfigurationError(f"max_indexed must be positive, not {self.max_indexed}")

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def shingles(text: str, k: int) -> set[str]:
    """The set of ``k``-word shingles of ``text`` (lower-cased words; a shorter text is one)."""
    words = list(map(str.casefold, _WORD.findall(text)))
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[i:] for i in range(k)), strict=False)))


def _hashes(shingle_set: set[str]) -> npt.NDArray[np.uint64]:
    """A stable 32-bit hash of each shingle (CRC-32 of its UTF-8; the permutations of
    :meth:`MinHasher.signature` do the mixing)."""
    encoded = map(str.encode, shingle_set)  # UTF-8
    return np.fromiter(map(zlib.crc32, encoded), dtype=np.uint64, count=len(shingle_set))


class MinHasher:
    """MinHash signatures and LSH buckets for one :class:`StoryConfig`. Build once, reuse."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        rng = np.random.default_rng(self.config.seed)
        # a < 2**31 and a hash < 2**32 keep a * h + b below 2**64: no overflow in uint64.
        self._a = rng.integers(1, 1 << 31, size=self.config.num_perm, dtype=np.uint64)
        self._b = rng.integers(0, 1 << 31, size=self.config.num_perm, dtype=np.uint64)

    def signature(self, text: str) -> Signature | None:
        """The MinHash signature of ``text``, or ``None`` when it has no word."""
        shingle_set = shingles(text, self.config.shingle_words)
        if not shingle_set:
            return None
        permuted = np.multiply.outer(self._a, _hashes(shingle_set))
        permuted += self._b[:, None]
        _mod_mersenne(permuted)
        permuted &= _MASK32
        result: Signature = permuted.min(axis=1).astype(np.uint32)
        return result

    def buckets(self, signature: Signature) -> tuple[int, ...]:
        """One LSH bucket per band: a signed 64-bit hash of the band's number and values."""
        width = self.config.rows * signature.itemsize
        data = signature.tobytes()
        blake2b = hashlib.blake2b
        return tuple(
            int.from_bytes(
                blake2b(
                    band.to_bytes(2, "little") + data[band * width : (band + 1) * width],
                    digest_size=8,
                ).digest(),
                "little",
                signed=True,
            )
            for band in range(self.config.bands)
        )


def _mod_mersenne(values: npt.NDArray[np.uint64]) -> None:
    """``values %= 2**61 - 1``, in place, without a division: for x < 2**64,
    x = high * 2**61 + low is congruent to high + low, which is below 2 * (2**61 - 1)."""
    high = values >> np.uint64(61)
    values &= _MERSENNE
    values += high
    np.subtract(values, _MERSENNE, out=values, where=values >= _MERSENNE)


def similarity(a: Signature, b: Signature) -> float:
    """The Jaccard similarity estimated from two signatures (share of equal values)."""
    if a.shape != b.shape:
        raise ConfigurationError("signatures of different lengths cannot be compared")
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(signature: Signature) -> bytes:
    return signature.astype("<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    result: Signature = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return result


def best_match(
    signature: Signature, candidates: Iterable[tuple[str, Signature]], threshold: float
) -> tuple[str, float] | None:
    """The most similar candidate at or above ``threshold`` (first one on a tie), or ``None``.

    The scores are those of :func:`similarity`, computed for all candidates at once."""
    pairs = list(candidates)
    if not pairs:
        return None
    if any(other.shape != signature.shape for _, other in pairs):
        raise ConfigurationError("signatures of different lengths cannot be compared")
    equal = np.count_nonzero(np.stack([other for _, other in pairs]) == signature, axis=1)
    best: tuple[str, float] | None = None
    for (key, _), count in zip(pairs, equal.tolist(), strict=True):
        score = count / len(signature)
        if score >= threshold and (best is None or score > best[1]):
            best = (key, score)
    return best


def group_stories(texts: Mapping[str, str], config: StoryConfig | None = None) -> dict[str, str]:
    """Story id of each text (in the mapping's order): the id of the story's first article.

    The in-memory twin of the store's index: each text joins the story of its most similar
    earlier text at or above the threshold, else starts its own.
    """
    hasher = MinHasher(config)
    threshold = hasher.config.threshold
    buckets: dict[int, list[str]] = {}
    signatures: dict[str, Signature] = {}
    story: dict[str, str] = {}
    for key, text in texts.items():
        signature = hasher.signature(text)
        story[key] = key
        if signature is None:
            continue
        keys = hasher.buckets(signature)
        candidates = dict.fromkeys(c for b in keys for c in buckets.get(b, ()))
        match = best_match(signature, ((c, signatures[c]) for c in candidates), threshold)
        if match:
            story[key] = story[match[0]]
        signatures[key] = signature
        for bucket in keys:
            buckets.setdefault(bucket, []).append(key)
    return story
