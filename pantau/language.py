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

_CANDIDATES = (
    "id", "ms", "jv", "en", "nl", "de", "fr", "es", "pt", "it", "ar", "tl",
    "vi", "th", "zh", "ja", "ko", "ru", "tr",
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = bytes(c if chr(c).isalpha() else 32 for c in range(128)).ljust(256, b" ")
"""Bytes table: an ASCII letter to itself, anything else to a space."""
_SHORTCUT_MIN_WORDS = 12
_INDONESIAN, _MALAY, _ENGLISH, _LANGUAGE, _SHARED = 1, 2, 3, 3, 4
"""Bits of a marker word's kind: one language (``kind & _LANGUAGE``), and shared or not."""
"""Fewest Indonesian function words for the shortcut to decide alone."""

Code = Literal["id", "ms", "en", "other"]


class LanguageChecker:
    """Identify the language of a text; load once, call many times."""

    def __init__(self, *, sample_chars: int = 1500) -> None:
        markers = _load_markers()
        self._shared = markers["indonesian_malay"]
        self._indonesian = markers["indonesian"]
        self._malay = markers["malay"]
        self._english = markers["english"]
        # Each marker word's kind, for one look-up per word of a text: _SHARED if it is shared
        # by Indonesian and Malay, plus one of _INDONESIAN, _MALAY, _ENGLISH (in that order of
        # precedence) if it is in that list.
        self._kinds: dict[str, int] = {}
        for word in self._shared | self._indonesian | self._malay | self._english:
            kind = _SHARED if word in self._shared else 0
            if word in self._indonesian:
                kind |= _INDONESIAN
            elif word in self._malay:
                kind |= _MALAY
            elif word in self._english:
                kind |= _ENGLISH
            self._kinds[word] = kind
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
        shared = indonesian = malay = english = 0
        for kind, count in Counter(map(self._kinds.get, words)).items():
            if kind is None:
                continue
            if kind & _SHARED:
                shared += count
            language = kind & _LANGUAGE
            if language == _INDONESIAN:
                indonesian += count
            elif language == _MALAY:
                malay += count
            elif language == _ENGLISH:
                english += count
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
        if any(_WORD.match(c) for c in set(_NON_ASCII.findall(text))):
            return _WORD.findall(text)
        text = _NON_ASCII.sub(" ", text)
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
