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
        self._bigram_heads: tuple[frozenset[str] | None, frozenset[str] | None] = (None, None)
        if known is not None:
            self._bigram_heads = (
                frozenset(f[3:].partition("|")[0] for f in known if f.startswith("b-=")),
                frozenset(f[3:].partition("|")[0] for f in known if f.startswith("b+=")),
            )
        names = {name for options in self._matcher.values() for _, name in options}
        self._gazetteer_features = {
            name: (
                f"G={name}-B",
                f"G={name}-I",
                tuple((offset, f"G{offset:+d}={name}") for offset in (-2, -1, 1, 2)),
            )
            for name in names
        }
        self._cache: dict[str, tuple[str, str, list[str], tuple[list[str], ...]]] = {}

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per token of ``words``."""
        n = len(words)
        if n == 0:
            return []
        cache = self._cache
        info = [cache.get(w) or self._word(w) for w in words]
        empty: list[str] = []
        own = [x[2] for x in info]
        window = self.config.window
        left1 = [empty, *(x[3][0] for x in info[:-1])] if window >= 1 else [empty] * n
        right1 = [*(x[3][1] for x in info[1:]), empty] if window >= 1 else [empty] * n
        left2 = [empty, empty, *(x[3][2] for x in info[:-2])] if window >= 2 else [empty] * n
        right2 = [*(x[3][3] for x in info[2:]), empty, empty] if window >= 2 else [empty] * n
        gazetteer = self._gazetteer([x[0] for x in info]) if self._matcher else {}
        lowers = ["<s>", *(x[0] for x in info), "</s>"]
        shapes = ["<s>", *(x[1] for x in info), "</s>"]
        bigrams = self.config.bigrams
        known = self._known
        # with a model at hand, build only the bigrams it can know (most it cannot)
        before, after = self._bigram_heads
        out: list[list[str]] = []
        for i in range(n):
            extra: list[str] = []
            if bigrams:
                if before is None or lowers[i] in before:
                    extra.append(f"b-={lowers[i]}|{lowers[i + 1]}")
                if after is None or lowers[i + 1] in after:
                    extra.append(f"b+={lowers[i + 1]}|{lowers[i + 2]}")
                extra.append(f"sh3={shapes[i]}|{shapes[i + 1]}|{shapes[i + 2]}")
            matches = gazetteer.get(i)
            if matches:
                extra.extend(matches)
            if known is not None:
                extra = [f for f in extra if f in known]
            out.append([*own[i], *left1[i], *right1[i], *left2[i], *right2[i], *extra])
        out[0].append("BOS")
        out[-1].append("EOS")
        return out

    def _word(self, word: str) -> tuple[str, str, list[str], tuple[list[str], ...]]:
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
        context: tuple[list[str], ...] = (
            [f"w-1={lower}", f"sh-1={short}", *(f"{f}-1" for f in flags)],
            [f"w+1={lower}", f"sh+1={short}", *(f"{f}+1" for f in flags)],
            [f"w-2={lower}", f"sh-2={short}"],
            [f"w+2={lower}", f"sh+2={short}"],
        )
        if self._known is not None:
            known = self._known
            own = [f for f in own if f in known]
            context = tuple([f for f in c if f in known] for c in context)
        entry = (lower, short, own, context)
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
                        found.setdefault(j, []).append(opening if j == i else inside)
                        for offset, feature in around:
                            if 0 <= j - offset < n:
                                found.setdefault(j - offset, []).append(feature)
        return found
