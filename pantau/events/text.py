"""Words of a sentence with their offsets, and sets of phrases matched on them.

Extraction works on tokens: words (``menyerang``, ``TNI-Polri``, ``34.700``) and the
punctuation that shapes clauses (``,`` ``;`` ``(`` ``"`` …), each with its span in the
article's ``text`` and a folded form (lower case, diacritics and curly quotes removed) for
matching. A :class:`PhraseSet` holds multi-word cues (``tidak benar``, ``pekan lalu``) and
finds them as whole-word sequences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = ["PhraseSet", "Token", "fold", "phrase_tokens", "tokenize"]

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*"  # numbers: 34.700, 1,5
    r"|\w+(?:[-'’/.]\w+)*"  # words: TNI-Polri, al-Qassam, XVII/Cenderawasih, Pol.
    r"|[,;:()\[\]\"“”‘’!?.–—-]"  # punctuation that shapes clauses
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\Z")


def fold(text: str) -> str:
    """Lower case without diacritics, curly apostrophes made straight."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("’", "'").replace("‘", "'")


class Token(NamedTuple):
    """A word or punctuation mark of the text, with its span in the text."""

    text: str
    low: str
    """Folded form for matching."""
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.low[0].isalnum()

    @property
    def is_number(self) -> bool:
        return bool(_NUMBER.match(self.low))

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, their spans in ``text``."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        if word.endswith(".") and len(word) > 1 and not word[:-1].replace(".", "").isdigit():
            # a sentence's final period sticks to the word only through the regex's dots
            tokens.append(Token(word[:-1], fold(word[:-1]), m.start(), m.end() - 1))
            tokens.append(Token(".", ".", m.end() - 1, m.end()))
            continue
        tokens.append(Token(word, fold(word), m.start(), m.end()))
    return tokens


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A phrase as the folded words :func:`tokenize` would give."""
    return tuple(t.low for t in tokenize(phrase) if t.is_word)


class PhraseSet:
    """Multi-word phrases, found as whole-word sequences in a token list (longest first)."""

    __slots__ = ("_by_first", "longest", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        seqs = {phrase_tokens(p) for p in phrases}
        seqs.discard(())
        self.phrases: frozenset[tuple[str, ...]] = frozenset(seqs)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for seq in seqs:
            by_first.setdefault(seq[0], []).append(seq)
        for group in by_first.values():
            group.sort(key=len, reverse=True)
        self._by_first = by_first
        self.longest = max((len(s) for s in seqs), default=0)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def starts_with(self, word: str) -> bool:
        """Whether some phrase begins with the folded ``word``."""
        return word in self._by_first

    def match_at(self, tokens: Sequence[Token], i: int) -> int:
        """Number of tokens of the longest phrase starting at ``tokens[i]`` (0: none)."""
        if i >= len(tokens):
            return 0
        for seq in self._by_first.get(tokens[i].low, ()):
            n = len(seq)
            if i + n <= len(tokens) and all(tokens[i + k].low == seq[k] for k in range(1, n)):
                return n
        return 0

    def find(
        self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None, *, limit: int = 0
    ) -> list[tuple[int, int]]:
        """Every ``(start, end)`` token range of a phrase within ``tokens[lo:hi]``, in order.

        ``limit`` stops after that many (0: no limit).
        """
        hi = len(tokens) if hi is None else hi
        by_first = self._by_first
        total = len(tokens)
        found: list[tuple[int, int]] = []
        i = lo
        while i < hi:
            group = by_first.get(tokens[i].low)
            n = 0
            if group is not None:
                for seq in group:
                    size = len(seq)
                    if i + size <= total and all(
                        tokens[i + k].low == seq[k] for k in range(1, size)
                    ):
                        n = size
                        break
            if n and i + n <= hi:
                found.append((i, i + n))
                if len(found) == limit:
                    break
                i += n
            else:
                i += 1
        return found

    def first(
        self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None
    ) -> tuple[int, int] | None:
        found = self.find(tokens, lo, hi, limit=1)
        return found[0] if found else None

    def last(
        self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None
    ) -> tuple[int, int] | None:
        found = self.find(tokens, lo, hi)
        return found[-1] if found else None

    def contains(self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None) -> bool:
        return bool(self.find(tokens, lo, hi, limit=1))

    def ends_at(self, tokens: Sequence[Token], end: int, lo: int = 0) -> tuple[int, int] | None:
        """A phrase whose last token is ``tokens[end - 1]`` (starting at ``lo`` or later)."""
        if end <= lo or end > len(tokens):
            return None
        if self.longest == 1 or end - lo == 1:  # the common case: one word
            return (end - 1, end) if (tokens[end - 1].low,) in self.phrases else None
        for n in range(min(self.longest, end - lo), 0, -1):
            if tuple(t.low for t in tokens[end - n : end]) in self.phrases:
                return (end - n, end)
        return None
