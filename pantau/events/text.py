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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple, cast

__all__ = [
    "PhraseSet",
    "Token",
    "Tokens",
    "first_word",
    "fold",
    "low_words",
    "phrase_tokens",
    "tokenize",
    "tokenize_spans",
    "word_set",
]

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


class Tokens(list[Token]):
    """The tokens of a sentence (a plain list for every use) with its folded words.

    :class:`PhraseSet` scans use :attr:`lows` and :attr:`low_set` to skip sentences and
    positions no phrase can start at; the list is never changed once built.
    """

    __slots__ = ("ends", "low_set", "lows", "starts")

    def __init__(
        self,
        tokens: Iterable[Token] = (),
        *,
        lows: list[str] | None = None,
        starts: list[int] | None = None,
        ends: list[int] | None = None,
    ) -> None:
        """``lows``, ``starts``, ``ends``: the columns of ``tokens`` when the caller has them."""
        super().__init__(tokens)
        self.lows: list[str] = [t.low for t in self] if lows is None else lows
        """The folded words, in order."""
        self.low_set: frozenset[str] = frozenset(self.lows)
        """The folded words, as a set."""
        self.starts: list[int] = [t.start for t in self] if starts is None else starts
        """The tokens' start offsets, in order."""
        self.ends: list[int] = [t.end for t in self] if ends is None else ends
        """The tokens' end offsets, in order."""


def low_words(tokens: Sequence[Token]) -> list[str]:
    """The folded words of ``tokens``, in order (remembered by :class:`Tokens`)."""
    if type(tokens) is Tokens:
        return tokens.lows
    return [t.low for t in tokens]


def word_set(tokens: Sequence[Token]) -> frozenset[str]:
    """The folded words of ``tokens`` (remembered by :class:`Tokens`), for quick tests."""
    if type(tokens) is Tokens:
        return tokens.low_set
    return frozenset(t.low for t in tokens)


_SPLIT = re.compile(f"({_TOKEN.pattern})")
""":data:`_TOKEN` as a group: ``split`` gives the gaps and the tokens in turn."""
_new_token = tuple.__new__


def tokenize(
    text: str, start: int = 0, end: int | None = None, *, folds: dict[str, str] | None = None
) -> Tokens:
    """The tokens of ``text[start:end]``, their spans in ``text``.

    ``folds`` is a cache of :func:`fold` by word that the caller owns (and bounds).

    Tokenizing is a large share of extraction's time, so no step here loops over the tokens
    in Python: ``split`` gives gap, token, gap, token … gap, whose running lengths are the
    offsets, and the columns are zipped into tokens. (The pattern has no anchors: scanning
    the slice finds what scanning ``text`` from ``start`` to ``end`` would.)
    """
    end = len(text) if end is None else end
    tokens, lows, starts, ends = _columns(text, start, end, {} if folds is None else folds)
    return Tokens(tokens, lows=lows, starts=starts, ends=ends)


def _columns(
    text: str, start: int, end: int, folds: dict[str, str]
) -> tuple[list[Token], list[str], list[int], list[int]]:
    """The tokens of ``text[start:end]`` (see :func:`tokenize`), their folded words, their
    starts and their ends."""
    parts = _SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    known = list(map(folds.get, words))
    if not all(known):  # a word not folded before (a folded word is never empty)
        for k, low in enumerate(known):
            if low is None:
                word = words[k]
                known[k] = folds[word] = fold(word)
    lows = cast("list[str]", known)  # every word folded now
    starts, ends = offsets[1:-1:2], offsets[2::2]
    rows = zip(words, lows, starts, ends, strict=True)
    return list(map(_new_token, repeat(Token), rows)), lows, starts, ends


def tokenize_spans(
    text: str, spans: Sequence[tuple[int, int]], *, folds: dict[str, str] | None = None
) -> list[Tokens]:
    """``[tokenize(text, start, end, folds=folds) for start, end in spans]``, cheaper.

    The text from the first span's start to the last one's end is tokenized once, and each
    span takes the tokens that lie in it: one regex pass and one fold lookup per article
    instead of per sentence. The pattern has no anchors and no look-around, so a scan from
    the span's start finds the tokens of the whole pass there, unless a token of the pass
    crosses an end of the span (``ditangkap.Polisi`` cut at the dot): such a span is
    tokenized on its own.
    """
    if not spans:
        return []
    if folds is None:
        folds = {}
    lo, hi = min(map(itemgetter(0), spans)), max(map(itemgetter(1), spans))
    whole, lows, starts, ends = _columns(text, lo, max(lo, hi), folds)
    n = len(whole)
    out: list[Tokens] = []
    for start, end in spans:
        i = bisect_left(starts, start)
        j = bisect_right(ends, end, i)
        if (i > 0 and ends[i - 1] > start) or (j < n and starts[j] < end):
            out.append(tokenize(text, start, end, folds=folds))  # a token crosses an end
        else:
            out.append(Tokens(whole[i:j], lows=lows[i:j], starts=starts[i:j], ends=ends[i:j]))
    return out


def first_word(tokens: Tokens) -> int | None:
    """Index of the first word of ``tokens`` (not a punctuation mark), if any."""
    for k, low in enumerate(tokens.lows):
        if low[0].isalnum():  # Token.is_word
            return k
    return None


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A phrase as the folded words :func:`tokenize` would give."""
    return tuple(t.low for t in tokenize(phrase) if t.is_word)


class PhraseSet:
    """Multi-word phrases, found as whole-word sequences in a token list (longest first)."""

    __slots__ = ("_by_first", "_lists", "firsts", "lasts", "longest", "phrases")

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
        self.firsts = frozenset(by_first)
        """The first word of every phrase."""
        self.lasts = frozenset(seq[-1] for seq in seqs)
        """The last word of every phrase."""
        self._lists = {
            first: [(len(seq), list(seq)) for seq in group] for first, group in by_first.items()
        }
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
        group = self._lists.get(tokens[i].low)
        if group is None:
            return 0
        # low_words(tokens), inlined: this runs hundreds of times an article
        lows = tokens.lows if type(tokens) is Tokens else [t.low for t in tokens]
        for size, seq in group:
            if size == 1 or lows[i : i + size] == seq:
                return size
        return 0

    def find(
        self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None, *, limit: int = 0
    ) -> list[tuple[int, int]]:
        """Every ``(start, end)`` token range of a phrase within ``tokens[lo:hi]``, in order.

        ``limit`` stops after that many (0: no limit).
        """
        hi = len(tokens) if hi is None else hi
        found: list[tuple[int, int]] = []
        if lo >= hi:
            return found
        if type(tokens) is Tokens:
            if self.firsts.isdisjoint(tokens.low_set):
                return found
            lows = tokens.lows
        else:
            lows = [t.low for t in tokens]
        by_first = self._lists
        i = lo
        while i < hi:
            group = by_first.get(lows[i])
            if group is not None:
                n = 0
                for size, seq in group:
                    if size == 1 or lows[i : i + size] == seq:
                        n = size
                        break
                if n and i + n <= hi:
                    found.append((i, i + n))
                    if len(found) == limit:
                        break
                    i += n
                    continue
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
        if type(tokens) is Tokens and self.firsts.isdisjoint(tokens.low_set):
            return False  # the common case, without the call to find
        return bool(self.find(tokens, lo, hi, limit=1))

    def ends_at(self, tokens: Sequence[Token], end: int, lo: int = 0) -> tuple[int, int] | None:
        """A phrase whose last token is ``tokens[end - 1]`` (starting at ``lo`` or later)."""
        if end <= lo or end > len(tokens):
            return None
        last = tokens[end - 1].low
        if last not in self.lasts:
            return None  # the common case: no phrase ends with this word
        if self.longest == 1 or end - lo == 1:
            return (end - 1, end) if (last,) in self.phrases else None
        lows = low_words(tokens)
        for n in range(min(self.longest, end - lo), 0, -1):
            if tuple(lows[end - n : end]) in self.phrases:
                return (end - n, end)
        return None
