"""Which language an article is written in: Indonesian, Malay, English or other.

Two steps, the cheap one first:

1. Function words (``pantau/data/language_markers.toml``): a text whose first words are full of
   Indonesian function words and holds none of the words that mark Malay or English is
   Indonesian. This settles nearly every Indonesian news article in a few microseconds.
2. Anything else goes to py3langid (a naive Bayes model shipped in its package), restricted to a
   set of languages, on the first ``sample_chars`` characters; Malay and Indonesian are close,
   so the function words then also decide between those two.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import Literal

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from pantau.article import Language
from pantau.datafiles import read_toml
from pantau.errors import ResourceError
from pantau.source import non_ascii

_CANDIDATES = (
    "id", "ms", "jv", "en", "nl", "de", "fr", "es", "pt", "it", "ar", "tl",
    "vi", "th", "zh", "ja", "ko", "ru", "tr",
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = bytes(c if chr(c).isalpha() else 32 for c in range(128)).ljust(256, b" ")
"""Bytes table: an ASCII letter to itself, anything else to a space."""
_SHORTCUT_MIN_WORDS = 12
"""Fewest Indonesian function words for the shortcut to decide alone."""

Code = Literal["id", "ms", "en", "other"]


class LanguageChecker:
    """Identify the language of a text; load once, call many times."""

    def __init__(self, *, sample_chars: int = 1500) -> None:
        markers = _load_markers()
        self._shared = markers["indonesian_malay"]
        self._indonesian = markers["indonesian"]
        # a word counts for one language at most, the first of these that lists it
        self._malay = markers["malay"] - self._indonesian
        self._english = markers["english"] - self._indonesian - self._malay
        self._sample_chars = sample_chars

    @cached_property
    def _identifier(self) -> LanguageIdentifier:
        """py3langid's model, loaded at the first text the function words do not settle (half
        a second: most runs over Indonesian news never need it)."""
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(list(_CANDIDATES))
        return identifier

    def check(self, text: str) -> Language:
        sample = text[: self._sample_chars]
        words = _words(sample.lower())
        counts = Counter(words)
        seen = counts.keys()
        shared, indonesian, malay, english = (
            sum(map(counts.__getitem__, seen & markers))
            for markers in (self._shared, self._indonesian, self._malay, self._english)
        )
        if shared + indonesian >= _SHORTCUT_MIN_WORDS and malay == 0 and english <= 1:
            share = (shared + indonesian) / len(words)
            return Language(code="id", detected="id", confidence=round(min(1.0, 2 * share), 4))
        detected, confidence = self._identifier.classify(sample)
        code: Code = "other"
        if detected in ("id", "ms"):
            code = "ms" if malay > indonesian else "id"
        elif detected == "en":
            code = "en"
        return Language(code=code, detected=str(detected), confidence=round(float(confidence), 4))


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``: the runs of letters.

    The expression tests each character's Unicode category, slowly; when the only non-ASCII
    characters are no letters (curly quotes, dashes), they are made spaces and the ASCII
    letters are found by a byte table, many times faster.
    """
    if not text.isascii():
        others = non_ascii(text)
        if any(_WORD.match(c) for c in others):
            return _WORD.findall(text)
        for char in others:
            text = text.replace(char, " ")
    return text.encode("ascii").translate(_ASCII_LETTERS).decode("ascii").split()


def _load_markers() -> dict[str, frozenset[str]]:
    data = read_toml("language_markers.toml")[1]
    try:
        return {name: frozenset(data[name]["words"]) for name in _MARKER_SETS}
    except (KeyError, TypeError) as e:
        raise ResourceError(
            f"pantau/data/language_markers.toml is missing or malformed ({e!r}): "
            f"it needs the tables {', '.join(_MARKER_SETS)}, each with a list `words`"
        ) from e


_MARKER_SETS = ("indonesian_malay", "indonesian", "malay", "english")
