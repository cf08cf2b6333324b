"""Tokenizer of raw Indonesian text, with character offsets.

It splits like the NER corpora do (idner-news-2k and NER-UI above all): punctuation apart, but a
token keeps together

* words joined by hyphens or apostrophes: ``Al-Assad``, ``undang-undang``, ``ke-3``, ``90-an``,
  ``Mi'raj``, ``Jum’at``;
* numbers with their separators and amounts with their currency: ``10.00``, ``1.500.000``,
  ``2,5``, ``Rp1,5``, ``US$20``, dates written ``20/2/2017``;
* web addresses, e-mail addresses, domains (``Kompas.com``, ``viva.co.id``), ``@handles`` and
  ``#hashtags``;
* initials and known abbreviations with their full stop: ``J.K.``, ``Dr.``, ``Jl.``
  (the list is ``abbreviations`` in ``pantau/models/ner-lexicon.toml``).

Everything else that is not white space is a token of one character, save ``...`` and ``--``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Token", "Tokenizer"]

_TLD = (
    r"(?:com|net|org|id|co|go|ac|or|sch|web|my|info|tv|news|io|me|us|uk|edu|gov|int|mil|biz|asia)"
)
_QUOTES = "'’"
_PATTERNS = (
    # web addresses and e-mail addresses; trailing punctuation is not part of them
    r"(?:https?://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]'’]",
    r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    # domains: Kompas.com, viva.co.id, tempo.co
    rf"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.{_TLD}(?:\.[a-z]{{2}})?(?![\w-])",
    # currency amounts: Rp1,5  Rp.58,285  US$20  $2.50
    r"(?:[Rr][Pp]\.?|US\$|S\$|\$|€|£)\d+(?:[.,]\d+)*(?![\w])",
    # dates and fractions: 20/2/2017, 7/4
    r"\d{1,4}/\d{1,2}(?:/\d{2,4})?(?![\w/])",
    # @handles and #hashtags
    r"[@#]\w+",
    # initials: J.K.  U.S.A.
    r"(?:[A-Za-z]\.){2,}",
    # words with inner hyphens, apostrophes, or number separators: Al-Assad, Jum'at, 10.00, 1,5
    rf"\w+(?:[-{_QUOTES}]\w+|[.,:]\d+(?=\W|$))*",
    # ellipsis, dashes, and any other single character
    r"\.{2,}|-{2,}|\S",
)
_TOKEN = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_CHUNK = re.compile(r"\S+")
_OPENING = frozenset("(\"“‘'[")
_TRAILING = frozenset(".,;:!?)\"”’']")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text and its half-open ``[start, end)`` span in the tokenized text."""

    text: str
    start: int
    end: int


def _takes_stop(text: str, s: int, e: int, stop: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``text[e]`` belongs to the word ``text[s:e]``."""
    after = text[e + 1] if e + 1 < stop else " "
    if after.isalnum():
        return False
    if text[s:e].lower() in abbreviations:
        return True
    # an initial before a name: "M. Nasir"
    return (
        e - s == 1 and text[s].isupper() and after == " " and e + 2 < stop and text[e + 2].isupper()
    )


class Tokenizer:
    """Split Indonesian text into :class:`Token` s; ``text[t.start:t.end] == t.text`` always."""

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        self._abbreviations = frozenset(a.lower().rstrip(".") for a in abbreviations)

    def tokenize(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """The tokens of ``text[start:end]``, with offsets into ``text``."""
        return [Token(word, s, e) for word, s, e in self.spans(text, start, end)]

    def spans(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[str, int, int]]:
        """The tokens of :meth:`tokenize` as plain ``(text, start, end)`` tuples, which cost
        less to make than :class:`Token` s (the tagger takes these)."""
        stop = len(text) if end is None else end
        tokens: list[tuple[str, int, int]] = []
        add = tokens.append
        abbreviations = self._abbreviations
        for chunk in _CHUNK.finditer(text, start, stop):
            word = chunk.group()
            s, e = chunk.span()
            # fast paths for the common cases, which the patterns would split the same way:
            # a plain word or number, alone, after an opening bracket or quote, or before a
            # closing one or a punctuation mark (a full stop is glued to an abbreviation)
            if word.isalnum():
                add((word, s, e))
                continue
            if len(word) > 1 and word[1:].isalnum() and word[0] in _OPENING:
                add((word[0], s, s + 1))
                add((word[1:], s + 1, e))
                continue
            if len(word) > 1 and word[:-1].isalnum() and word[-1] in _TRAILING:
                if word[-1] == "." and _takes_stop(text, s, e - 1, stop, abbreviations):
                    add((word, s, e))
                else:
                    add((word[:-1], s, e - 1))
                    add((word[-1], e - 1, e))
                continue
            for match in _TOKEN.finditer(text, s, e):
                s, e = match.span()
                # glue the full stop of a known abbreviation ("Dr." "Jl." "S.H.") to it
                if e < stop and text[e] == "." and _takes_stop(text, s, e, stop, abbreviations):
                    e += 1
                if tokens and tokens[-1][2] > s:
                    continue  # the character was glued to the previous token
                add((text[s:e], s, e))
        return tokens
