"""Token features of the entity tagger.

Features of a token are strings (``w=jakarta``, ``sh=Xx``, ``G-1=TTL``), one list per token, in the
form python-crfsuite takes. Most depend on the word alone; they are computed once per word form
and kept in a per-extractor table, so tagging costs little more than joining prepared lists.

Per word form: lower form, word shape (``Xx``, ``X``, ``d``, ``x-x``; and the long shape
``Xxxxx``), prefixes and suffixes of 1–4 letters, the Indonesian prefix (``me-``, ``di-``,
``ber-``, ``ter-``, ``pe-``, ``ke-``, ``se-``) and suffix (``-kan``, ``-i``, ``-an``, ``-nya``,
``-lah``, ``-kah``), capitalisation, all capitals, digits, punctuation, length. For the words at
±1: lower form, short shape and the capital/digit/punctuation flags (``w-1=di``, ``cap+1``); at
±2: lower form and short shape.
Per position: first and last token, the bigrams with the previous and the next word, the shape
trigram, and the cue lists of :mod:`pantau.ner.lexicon` matched over runs of tokens (``G=TTL-B``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, cast

from pantau.ner.lexicon import Lexicon

__all__ = ["FeatureConfig", "FeatureExtractor", "word_shape"]

_ID_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "per",
    "pe",
    "ber",
    "be",
    "ter",
    "te",
    "di",
    "ke",
    "se",
)
_ID_SUFFIXES = ("nya", "kan", "lah", "kah", "an", "i")
_MAX_CACHE = 200_000

_WordInfo = tuple[
    str,
    str,
    list[str],
    list[str],
    list[str],
    list[str],
    list[str],
    list[bytes],
    list[bytes],
    list[bytes],
    list[bytes],
    list[bytes],
]
"""Lower form, short shape, own features, and the features the word gives its neighbours at -1,
+1, -2 and +2 (as ``w-1=...``, the features of the word *at* -1); then the same five lists of
features UTF-8 encoded."""


def _bigram_pairs(known: frozenset[str], head: str) -> dict[str, set[str]]:
    """The word pairs of the bigram features ``head + first|second`` in ``known``, by first
    word; a feature with several ``|`` gives every split."""
    pairs: dict[str, set[str]] = {}
    for feature in known:
        if feature.startswith(head):
            body = feature[len(head) :]
            k = body.find("|")
            while k >= 0:
                pairs.setdefault(body[:k], set()).add(body[k + 1 :])
                k = body.find("|", k + 1)
    return pairs


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups are on; saved beside a model so tagging uses what training used."""

    window: int = 2
    """Neighbours on each side whose word and shape are features (0–2)."""
    affixes: bool = True
    bigrams: bool = True
    lexicon: bool = True

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> FeatureConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]


def word_shape(word: str) -> tuple[str, str]:
    """The long shape (``Jakarta`` → ``Xxxxxxx``) and the short one with runs collapsed (``Xx``)."""
    chars = []
    for ch in word:
        if ch.isupper():
            chars.append("X")
        elif ch.islower():
            chars.append("x")
        elif ch.isdigit():
            chars.append("d")
        else:
            chars.append(ch)
    long = "".join(chars)
    short: list[str] = []
    for ch in long:
        if not short or short[-1] != ch:
            short.append(ch)
    if len(long) > 12:
        long = long[:6] + "~" + long[-5:]
    return long, "".join(short)


class FeatureExtractor:
    """Turns a sentence's tokens into crfsuite feature lists."""

    def __init__(
        self,
        lexicon: Lexicon,
        config: FeatureConfig | None = None,
        known: frozenset[str] | None = None,
    ) -> None:
        """``known``: when given (the attributes a trained model has weights for), features
        outside it are left out; they would change nothing but the time tagging takes."""
        self.config = config or FeatureConfig()
        self._known = known
        self._matcher = lexicon.matcher() if self.config.lexicon else {}
        # with a model at hand, only the bigrams and shape trigrams it knows are built: the
        # bigrams it knows by first word (a word with "|" splits several ways: all are kept,
        # and the built feature is looked up in ``known`` still), the trigrams memoised
        self._bigram_next: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None
        if known is not None:
            self._bigram_next = (_bigram_pairs(known, "b-="), _bigram_pairs(known, "b+="))
        self._trigrams: dict[tuple[str, str, str], tuple[str, bytes]] = {}
        names = {name for options in self._matcher.values() for _, name in options}

        def keep(feature: str) -> str | None:
            return feature if known is None or feature in known else None

        self._gazetteer_features = {
            name: (
                keep(f"G={name}-B"),
                keep(f"G={name}-I"),
                tuple(
                    (offset, f"G{offset:+d}={name}")
                    for offset in (-2, -1, 1, 2)
                    if keep(f"G{offset:+d}={name}") is not None
                ),
            )
            for name in names
        }
        self._cache: dict[str, _WordInfo] = {}

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per token of ``words``."""
        return cast(list[list[str]], self._sentence(words, False))

    def encoded_sentence(self, words: Sequence[str]) -> list[list[bytes]]:
        """:meth:`sentence` with the features UTF-8 encoded, as crfsuite stores them: tagging
        takes these without encoding every string again."""
        return cast(list[list[bytes]], self._sentence(words, True))

    def _sentence(self, words: Sequence[str], encoded: bool) -> list[list[Any]]:
        n = len(words)
        if n == 0:
            return []
        cache = self._cache
        info = [cache.get(w) or self._word(w) for w in words]
        empty: list[Any] = []
        k = 7 if encoded else 2  # where the (encoded) feature lists start in a word's info
        own = [x[k] for x in info]
        window = self.config.window
        if window >= 1:
            left1 = [empty, *(x[k + 1] for x in info[:-1])]
            right1 = [x[k + 2] for x in info[1:]]
            right1.append(empty)
        else:
            left1 = right1 = [empty] * n
        if window >= 2:
            left2 = [empty, empty, *(x[k + 3] for x in info[:-2])]
            right2 = [x[k + 4] for x in info[2:]]
            right2 += (empty, empty)
        else:
            left2 = right2 = [empty] * n
        out = [
            [*a, *b, *c, *d, *e]
            for a, b, c, d, e in zip(own, left1, right1, left2, right2, strict=False)
        ]
        if self.config.bigrams:
            self._bigrams(out, info, encoded)
        if self._matcher:
            for i, matches in self._gazetteer([x[0] for x in info]).items():
                out[i] += [f.encode() for f in matches] if encoded else matches
        out[0].append(b"BOS" if encoded else "BOS")
        out[-1].append(b"EOS" if encoded else "EOS")
        return out

    def _bigrams(self, out: list[list[Any]], info: list[_WordInfo], encoded: bool) -> None:
        """Add to each token's features the bigrams with the previous and the next word and the
        shape trigram (those of them the model knows)."""
        lowers = ["<s>", *(x[0] for x in info), "</s>"]
        shapes = ["<s>", *(x[1] for x in info), "</s>"]
        known = self._known
        if self._bigram_next is None or known is None:
            encode = str.encode if encoded else str
            for i, feats in enumerate(out):
                feats.append(encode(f"b-={lowers[i]}|{lowers[i + 1]}"))
                feats.append(encode(f"b+={lowers[i + 1]}|{lowers[i + 2]}"))
                feats.append(encode(f"sh3={shapes[i]}|{shapes[i + 1]}|{shapes[i + 2]}"))
            return
        before, after = self._bigram_next
        trigrams = self._trigrams
        if len(trigrams) >= _MAX_CACHE:
            trigrams.clear()
        keys = zip(shapes, shapes[1:], shapes[2:], strict=False)
        for feats, w0, w1, w2, key in zip(out, lowers, lowers[1:], lowers[2:], keys, strict=False):
            second = before.get(w0)
            if second is not None and w1 in second:
                feature = f"b-={w0}|{w1}"
                if feature in known:
                    feats.append(feature.encode() if encoded else feature)
            second = after.get(w1)
            if second is not None and w2 in second:
                feature = f"b+={w1}|{w2}"
                if feature in known:
                    feats.append(feature.encode() if encoded else feature)
            trigram = trigrams.get(key)
            if trigram is None:
                feature = "sh3={}|{}|{}".format(*key)
                if feature not in known:
                    feature = ""
                trigram = trigrams[key] = (feature, feature.encode())
            if trigram[0]:
                feats.append(trigram[encoded])

    def _word(self, word: str) -> _WordInfo:
        """Lower form, short shape, own features and context features of ``word``, cached."""
        lower = word.lower()
        long, short = word_shape(word)
        own = [f"w={lower}", f"sh={short}", f"SH={long}"]
        flags: list[str] = []
        if word[:1].isupper():
            flags.append("cap")
            if word.isupper() and len(word) > 1:
                flags.append("caps")
        if any(ch.isdigit() for ch in word):
            flags.append("digit")
        if not any(ch.isalnum() for ch in word):
            flags.append("punct")
        own.extend(flags)
        n = len(lower)
        own.append(f"len={n if n < 5 else '5-6' if n < 7 else '7+'}")
        if self.config.affixes and any(ch.isalpha() for ch in lower):
            for k in range(1, 5):
                if n > k:
                    own.append(f"p{k}={lower[:k]}")
                    own.append(f"s{k}={lower[-k:]}")
            for prefix in _ID_PREFIXES:
                if lower.startswith(prefix) and n > len(prefix) + 2:
                    own.append(f"ip={prefix}")
                    break
            for suffix in _ID_SUFFIXES:
                if lower.endswith(suffix) and n > len(suffix) + 2:
                    own.append(f"is={suffix}")
                    break
        left1 = [f"w-1={lower}", f"sh-1={short}", *(f"{f}-1" for f in flags)]
        right1 = [f"w+1={lower}", f"sh+1={short}", *(f"{f}+1" for f in flags)]
        left2 = [f"w-2={lower}", f"sh-2={short}"]
        right2 = [f"w+2={lower}", f"sh+2={short}"]
        if self._known is not None:
            known = self._known
            own = [f for f in own if f in known]
            left1 = [f for f in left1 if f in known]
            right1 = [f for f in right1 if f in known]
            left2 = [f for f in left2 if f in known]
            right2 = [f for f in right2 if f in known]
        entry = (
            lower,
            short,
            own,
            left1,
            right1,
            left2,
            right2,
            [f.encode() for f in own],
            [f.encode() for f in left1],
            [f.encode() for f in right1],
            [f.encode() for f in left2],
            [f.encode() for f in right2],
        )
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[word] = entry
        return entry

    def _gazetteer(self, lowers: Sequence[str]) -> dict[int, list[str]]:
        """Cue-list features by position: ``G=TTL-B`` opens a match of the titles, ``G=TTL-I``
        goes on, ``G-1=TTL`` says the previous token is (in) a title, and so on to ±2."""
        n = len(lowers)
        found: dict[int, list[str]] = {}
        matcher = self._matcher
        for i in [i for i, lower in enumerate(lowers) if lower in matcher]:
            for words, name in matcher[lowers[i]]:
                k = len(words)
                if k == 1 or tuple(lowers[i : i + k]) == words:
                    opening, inside, around = self._gazetteer_features[name]
                    for j in range(i, min(i + k, n)):
                        feature = opening if j == i else inside
                        if feature is not None:
                            found.setdefault(j, []).append(feature)
                        for offset, feature in around:
                            if 0 <= j - offset < n:
                                found.setdefault(j - offset, []).append(feature)
        return found
