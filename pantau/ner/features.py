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

from pantau.ner.lexicon import Lexicon

__all__ = [
    "END",
    "FIRST",
    "LAST",
    "START",
    "FeatureConfig",
    "FeatureExtractor",
    "WordFeatures",
    "word_shape",
]

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
START, END = "<s>", "</s>"
"""What stands for the word before the first token and after the last, in bigrams and trigrams."""
FIRST, LAST = "BOS", "EOS"
"""The features of the first and of the last token of a sentence."""


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """The features one word form gives: its own, and those it gives the tokens around it."""

    lower: str
    short: str
    """The short word shape (``Xx``)."""
    own: list[str]
    left1: list[str]
    """Features of the token after this word, saying what precedes it (``w-1=di``)."""
    right1: list[str]
    """Features of the token before this word, saying what follows it (``w+1=di``)."""
    left2: list[str]
    right2: list[str]


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
        names = {name for options in self._matcher.values() for _, name in options}

        def keep(feature: str) -> str | None:
            return feature if known is None or feature in known else None

        gazetteer_features = {
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
        self._cue_table: dict[str, list[tuple[tuple[str, ...], tuple[tuple[int, str], ...]]]] = {
            first: [
                (words, _cue_features(len(words), *gazetteer_features[name]))
                for words, name in options
            ]
            for first, options in self._matcher.items()
        }
        self._cache: dict[str, WordFeatures] = {}

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per token of ``words`` (what training gives crfsuite)."""
        n = len(words)
        if n == 0:
            return []
        info = self.words(words)
        empty: list[str] = []
        window = self.config.window
        lowers = [START, *(x.lower for x in info), END]
        shapes = [START, *(x.short for x in info), END]
        out: list[list[str]] = []
        for i, word in enumerate(info):
            features = list(word.own)
            if window >= 1:
                features += info[i - 1].left1 if i >= 1 else empty
                features += info[i + 1].right1 if i + 1 < n else empty
            if window >= 2:
                features += info[i - 2].left2 if i >= 2 else empty
                features += info[i + 2].right2 if i + 2 < n else empty
            features += self.pair(lowers[i], lowers[i + 1])[1]
            features += self.pair(lowers[i + 1], lowers[i + 2])[0]
            features += self.shapes(shapes[i], shapes[i + 1], shapes[i + 2])
            out.append(features)
        for i, matches in self.cues(lowers[1:-1]).items():
            out[i] += matches
        out[0].append(FIRST)
        out[-1].append(LAST)
        return out

    def words(self, words: Sequence[str]) -> list[WordFeatures]:
        """The features of each word form, from the per-extractor table."""
        cache = self._cache
        return [cache.get(w) or self._word(w) for w in words]

    def pair(self, first: str, second: str) -> tuple[list[str], list[str]]:
        """The bigram features of two adjacent lower forms (:data:`START` and :data:`END` stand
        for the sentence's ends): those of the first token (``b+=first|second``) and those of
        the second (``b-=first|second``)."""
        if not self.config.bigrams:
            return [], []
        ahead, behind = f"b+={first}|{second}", f"b-={first}|{second}"
        known = self._known
        if known is None:
            return [ahead], [behind]
        return [ahead] if ahead in known else [], [behind] if behind in known else []

    def shapes(self, before: str, shape: str, after: str) -> list[str]:
        """The shape-trigram feature of a token, from the short shapes around it."""
        if not self.config.bigrams:
            return []
        feature = f"sh3={before}|{shape}|{after}"
        return [feature] if self._known is None or feature in self._known else []

    def _word(self, word: str) -> WordFeatures:
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
        entry = WordFeatures(lower, short, own, left1, right1, left2, right2)
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[word] = entry
        return entry

    def cue_table(self) -> dict[str, list[tuple[tuple[str, ...], tuple[tuple[int, str], ...]]]]:
        """The cue lists as :meth:`cues` reads them: first lower form → ``(words, features)`` of
        each entry that starts with it, longest first, where ``features`` are the ``(position,
        feature)`` a match gives, positions counted from the match's first word."""
        return self._cue_table

    def cues(self, lowers: Sequence[str]) -> dict[int, list[str]]:
        """Cue-list features by position: ``G=TTL-B`` opens a match of the titles, ``G=TTL-I``
        goes on, ``G-1=TTL`` says the previous token is (in) a title, and so on to ±2."""
        n = len(lowers)
        found: dict[int, list[str]] = {}
        table = self._cue_table
        for i in [i for i, lower in enumerate(lowers) if lower in table]:
            for words, features in table[lowers[i]]:
                if len(words) == 1 or tuple(lowers[i : i + len(words)]) == words:
                    for position, feature in features:
                        if 0 <= i + position < n:
                            found.setdefault(i + position, []).append(feature)
        return found


def _cue_features(
    size: int, opening: str | None, inside: str | None, around: tuple[tuple[int, str], ...]
) -> tuple[tuple[int, str], ...]:
    """The ``(position, feature)`` of a cue-list match of ``size`` words, positions counted from
    its first word: for each word, ``opening`` (the first) or ``inside``, then the ``around``
    features it gives its neighbours (``G-1=TTL`` at ``offset`` -1 goes to the word after)."""
    features: list[tuple[int, str]] = []
    for j in range(size):
        feature = opening if j == 0 else inside
        if feature is not None:
            features.append((j, feature))
        features += [(j - offset, feature) for offset, feature in around]
    return tuple(features)
