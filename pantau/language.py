"""Which language an article is written in: Indonesian, Malay, English or other.

py3langid (a naive Bayes model shipped in its package) ranks the languages; Indonesian and Malay
are close, so the identifier is restricted to a set of languages and only the first
``sample_chars`` characters are read (enough for a stable answer, and cheap).
"""

from __future__ import annotations

from typing import Literal

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from pantau.article import Language

_CANDIDATES = (
    "id", "ms", "jv", "en", "nl", "de", "fr", "es", "pt", "it", "ar", "tl",
    "vi", "th", "zh", "ja", "ko", "ru", "tr",
)  # fmt: skip


class LanguageChecker:
    """Identify the language of a text; load once, call many times."""

    def __init__(self, *, sample_chars: int = 1500) -> None:
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._identifier.set_languages(list(_CANDIDATES))
        self._sample_chars = sample_chars

    def check(self, text: str) -> Language:
        sample = text[: self._sample_chars]
        detected, confidence = self._identifier.classify(sample)
        code: Literal["id", "ms", "en", "other"] = "other"
        if detected == "id" or detected == "ms" or detected == "en":
            code = detected
        return Language(code=code, detected=str(detected), confidence=round(float(confidence), 4))
