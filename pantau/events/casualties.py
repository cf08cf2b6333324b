"""Killed and injured counts, only when the text states a number.

Two shapes are read: a verb then its count (``menewaskan 22 orang``, ``menewaskan sedikitnya
30 warga sipil``, ``melukai lebih dari 170 lainnya``) and a count then its verb (``Dua prajurit
TNI gugur``, ``sedikitnya sembilan warga Palestina tewas``, ``seorang pria yang diduga
mencuri … tewas``, ``satu orang tewas dan 11 lainnya luka-luka``). Numbers are digits
(``34.700``) or the number words of the patterns (``seorang`` = 1, ``sembilan``); vague
quantities (``puluhan``, ``ratusan``) are no numbers. ``tidak ada korban jiwa`` is zero
killed. Nothing is ever guessed: ``tidak menyebutkan jumlah korban`` gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pantau.events.clauses import Grammar, SentenceView
from pantau.events.patterns import Patterns
from pantau.events.text import PhraseSet

__all__ = ["Casualties", "Count"]

_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
_NOT_HEADS = frozenset(
    {"juta", "persen", "ton", "km", "kilogram", "tahun", "bulan", "pekan", "hari", "jam", "menit"}
)


@dataclass(frozen=True, slots=True)
class Count:
    kind: Literal["killed", "injured"]
    number: int
    i: int
    """Token where the count starts."""
    victims: tuple[int, int] | None = None
    """Tokens naming the victims (``prajurit TNI``), when written."""


class Casualties:
    def __init__(self, patterns: Patterns, grammar: Grammar) -> None:
        c = patterns.casualties
        self.grammar = grammar
        self.killed: PhraseSet = c["killed"]
        self.injured: PhraseSet = c["injured"]
        self.qualifiers: PhraseSet = c["qualifiers"]
        self.none_killed: PhraseSet = c["none_killed"]
        self.vague: PhraseSet = c["vague"]
        self.numbers = patterns.numbers
        self.number_words = patterns.number_words
        self._verb_firsts = self.killed.firsts | self.injured.firsts
        self._firsts = self._verb_firsts | self.none_killed.firsts

    def counts(self, view: SentenceView, lo: int = 0, hi: int | None = None) -> list[Count]:
        tokens = view.tokens
        hi = len(tokens) if hi is None else hi
        out: list[Count] = []
        present = tokens.low_set
        if self._firsts.isdisjoint(present):
            return out  # most sentences: no word of killing or wounding
        for start, _ in self.none_killed.find(tokens, lo, hi):
            out.append(Count("killed", 0, start))
        verb_firsts = self._verb_firsts
        if verb_firsts.isdisjoint(present):
            return out
        k = lo
        while k < hi:
            low = tokens[k].low
            if low not in verb_firsts:
                k += 1
                continue
            for phrases, kind in ((self.killed, "killed"), (self.injured, "injured")):
                n = phrases.match_at(tokens, k)
                if n:
                    number = self._number_after(view, k + n, hi)
                    if number is not None:
                        out.append(Count(kind, number[0], number[1], (number[1], number[2])))  # type: ignore[arg-type]
                    else:
                        before = self._number_before(view, k, lo)
                        if before is not None:
                            out.append(Count(kind, before[0], before[1], (before[1] + 1, k)))  # type: ignore[arg-type]
                    k += n - 1
                    break
            k += 1
        return out

    def _number_at(self, view: SentenceView, k: int) -> tuple[int, int] | None:
        """The number starting at token ``k`` and its length in tokens."""
        token = view.tokens[k]
        if token.is_number:
            if "," in token.low:
                return None  # 1,5 (juta): a decimal, not a head count
            if k + 1 < len(view.tokens) and view.tokens[k + 1].low in _NOT_HEADS:
                return None  # "1,5 juta", "berusia 21 tahun", "selama 16 jam": no head count
            m = _DIGITS.fullmatch(token.low)
            return (int(token.low.replace(".", "")), 1) if m else None
        n = self.number_words.match_at(view.tokens, k)
        if n:
            if k + n < len(view.tokens) and view.tokens[k + n].low in _NOT_HEADS:
                return None
            words = " ".join(t.low for t in view.tokens[k : k + n])
            return self.numbers[words], n
        return None

    def _number_after(self, view: SentenceView, k: int, hi: int) -> tuple[int, int, int] | None:
        """``menewaskan [sedikitnya] 22 orang``: the count after a verb (value, start, end)."""
        tokens = view.tokens
        while k < hi and self.qualifiers.match_at(tokens, k):
            k += self.qualifiers.match_at(tokens, k)
        if k >= hi:
            return None
        found = self._number_at(view, k)
        if found is None:
            return None
        end = k + found[1]
        while end < hi and tokens[end].is_word and not view.verbs[end] and end < k + found[1] + 4:
            if self.grammar.is_preposition(tokens[end]) or tokens[end].low in ("dan", "serta"):
                break
            end += 1
        return found[0], k, end

    def _number_before(self, view: SentenceView, k: int, lo: int) -> tuple[int, int] | None:
        """``Dua prajurit TNI gugur``: the count of the verb's subject (value, start).

        Between the count and the verb stand only nouns, or a relative clause (``seorang pria
        yang diduga mencuri … tewas``).
        """
        tokens = view.tokens
        m = k - 1
        steps = 0
        while m >= lo and steps < 10:
            token = tokens[m]
            if token.low in (",", ";", ":", '"', "“", "”") or (
                token.low in ("dan", "serta") and steps > 1
            ):
                return None
            if self.vague.match_at(tokens, m):
                return None
            found = self._number_at(view, m)
            if found is not None:
                relative = False
                for x in range(m + found[1], k):
                    if tokens[x].low == "yang":
                        relative = True
                    elif view.verbs[x] and not relative and not self.killed.match_at(tokens, x):
                        return None
                total, first = found[0], m
                while first > lo and tokens[first - 1].low in ("dan", "serta"):
                    more = self._group_before(view, first - 1, lo)
                    if more is None:
                        break
                    total, first = total + more[0], more[1]
                return total, first
            m -= 1
            steps += 1
        return None

    def _group_before(self, view: SentenceView, k: int, lo: int) -> tuple[int, int] | None:
        """``tujuh warga dan [tiga petugas] luka-luka``: the count of a group coordinated
        before token ``k`` (nouns only between the count and ``k``)."""
        tokens = view.tokens
        for m in range(k - 1, max(lo, k - 4) - 1, -1):
            token = tokens[m]
            if not token.is_word or view.verbs[m] or self.vague.match_at(tokens, m):
                return None
            found = self._number_at(view, m)
            if found is not None:
                return found[0], m
        return None
