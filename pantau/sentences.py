"""Sentence boundaries in Indonesian news text.

:class:`SentenceSplitter` cuts a range of a text (one paragraph, usually) into sentence spans.
A sentence ends at terminal punctuation (``.``, ``?``, ``!``, ``...``, ``…``) together with the
closing quotes and brackets right after it, when white space and then a sentence start follow:
a capital letter (or a letter of a script without case), a digit, or an opening quote or bracket.
A line break inside the range always ends a sentence.

A full stop does not end a sentence after

* an abbreviation of ``pantau/data/abbreviations.toml`` of a kind that ``never`` ends one
  (``Jend.``, ``Kombes.``, ``Jl.``, ``No.``, ``Rp.``, ``pkl.`` …);
* an abbreviation that can close a sentence (``dll.``, ``dkk.``, ``Tbk.``, ``S.H.``, dotted
  initials such as ``A.S.``) unless a capitalised word going on in lower case follows, or an
  opening quote or bracket before a capital letter;
* a single letter (``Susilo B. Yudhoyono``, ``M. Jusuf Kalla``);
* a list number at the start of a sentence (``1. Menetapkan …``, ``II. Pertimbangan``).

Numbers (``1.500.000``, ``10.30``, ``15.11.2023``), addresses (``detik.com``) and e-mails need no
rule: they have no white space after their full stops. Lower case after the full stop never starts
a sentence, so quoted speech followed by a speech verb (``“Kami siap.” kata dia.``,
``“Siapa?” tanya dia.``) stays one sentence, while ``“… itu.” Kata dia …`` is two.
An ellipsis ends a sentence only before a capital letter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pantau.datafiles import read_toml
from pantau.errors import ResourceError

__all__ = ["SentenceSplitter"]

_DATA_FILE = "abbreviations.toml"
_POLICIES = ("never", "before_word")

# Quotes and brackets that may open a sentence. Outlets use ” and ’ as opening marks too.
_OPENER_CHARS = "“”\"‘’'([{«„‚"
_OPENERS = frozenset(_OPENER_CHARS)
_CLOSERS = "”’\"')\\]}»"

# A candidate end: terminal punctuation, closing marks (group 1), white space — or a line break.
# One character class comes first so that the scan skips ahead quickly; the look-behind lets
# only the first mark of a run start a match, which keeps long runs (".....") linear (a range
# that starts inside such a run finds no candidate in it: one missed boundary, no harm).
_CANDIDATE = re.compile(rf"[.?!…\n](?:(?<=\n)\s*|(?<![.?!…].)[.?!…]*+([{_CLOSERS}]*+)\s+)")
# Several letters each with a full stop: A.S., P.B.B., a.n. (when not in the data file).
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
# A list number or Roman numeral with its full stop.
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[IVXivx]{1,5})\.")


def _parse_abbreviations(data: Mapping[str, Any], source: str) -> dict[str, bool]:
    """Validate the abbreviation table; map each entry to whether it can end a sentence."""
    can_end: dict[str, bool] = {}
    kind_of: dict[str, str] = {}
    for kind, table in data.items():
        if kind == "version":
            continue
        if not isinstance(table, Mapping):
            raise ResourceError(
                f"{source}: {kind!r} is not a table; write each kind as [{kind}] with "
                "'ends_sentence' and 'entries'"
            )
        policy = table.get("ends_sentence")
        if policy not in _POLICIES:
            raise ResourceError(
                f"{source}: [{kind}] has ends_sentence = {policy!r}; use one of {_POLICIES}"
            )
        entries = table.get("entries")
        if not isinstance(entries, list) or not entries:
            raise ResourceError(f"{source}: [{kind}] needs a non-empty list 'entries'")
        for entry in entries:
            if not isinstance(entry, str) or len(entry) < 2 or not entry.endswith("."):
                raise ResourceError(
                    f"{source}: [{kind}] entry {entry!r} is not an abbreviation; "
                    "write it with its final full stop, e.g. 'Jl.'"
                )
            if any(ch.isspace() for ch in entry):
                raise ResourceError(
                    f"{source}: [{kind}] entry {entry!r} contains white space; "
                    "an abbreviation is one word"
                )
            if entry in kind_of:
                raise ResourceError(
                    f"{source}: {entry!r} is listed in [{kind_of[entry]}] and in [{kind}]; "
                    "keep it in one kind only"
                )
            kind_of[entry] = kind
            can_end[entry] = policy == "before_word"
    return can_end


def _load_abbreviations() -> dict[str, bool]:
    source, data = read_toml(_DATA_FILE)
    return _parse_abbreviations(data, source)


class SentenceSplitter:
    """Split Indonesian news text into sentence spans.

    The abbreviation list is read from ``pantau/data/abbreviations.toml`` when the splitter is
    made; build one and reuse it. :meth:`split` keeps no state between calls.
    """

    __slots__ = ("_abbreviations", "_window")

    def __init__(self) -> None:
        # Abbreviation → whether its full stop can end a sentence (before a new word).
        self._abbreviations = _load_abbreviations()
        # How far back from a full stop a word can matter: the longest abbreviation, a list
        # number, and a few opening quotes or brackets before either.
        self._window = max(6, *map(len, self._abbreviations)) + 4

    def split(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Return the sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``.

        Spans are in order, do not overlap, never empty, and carry no white space at either end;
        together they hold every non-space character of the range. ``start`` and ``end`` follow
        slice rules (negative values count from the end).
        """
        start, end, _ = slice(start, end).indices(len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return []

        spans: list[tuple[int, int]] = []
        sentence = start
        for match in _CANDIDATE.finditer(text, start, end):
            # ``end`` holds no white space before it, so the match stops short of it and
            # ``text[following]`` is the first character after the white space.
            term_start, following = match.span()
            term_end, cut = match.span(1)
            if term_end < 0:  # a line break without terminal punctuation before it
                cut = term_start
                while text[cut - 1].isspace():
                    cut -= 1
                ends = True
            elif not _starts_sentence(text[following]):
                ends = False
            elif term_end - term_start == 1 and text[term_start] == ".":
                ends = self._full_stop_ends(text, sentence, term_start, following, end)
            else:  # ? ! ?! ... …
                term = text[term_start:term_end]
                ends = "?" in term or "!" in term or _capital_follows(text, following, end)
            if not ends and text.find("\n", cut, following) < 0:
                continue
            spans.append((sentence, cut))
            sentence = following
        spans.append((sentence, end))
        return spans

    def _full_stop_ends(
        self, text: str, sentence: int, stop: int, following: int, end: int
    ) -> bool:
        """Whether the full stop at ``stop``, before a sentence start at ``following``, ends one."""
        # The word before the full stop. Only its last ``_window`` characters are looked at:
        # a longer word is no abbreviation, initial or list number.
        low = max(stop - self._window, sentence)
        chunk = text[low : stop + 1]
        word = chunk.rsplit(None, 1)[-1]
        whole = len(word) == len(chunk)  # the word reaches back to ``low``
        if whole and low > sentence:
            return True
        word = word.lstrip(_OPENER_CHARS)

        can_end = self._abbreviations.get(word)
        if can_end is None and len(word) > 3 and word[-3] == "." and _DOTTED.fullmatch(word):
            can_end = True  # dotted initials not in the data file: A.S., P.B.B.
        if can_end and self._after_never_ending(text, sentence, stop - len(word)):
            can_end = False  # "Jl. M.H. Thamrin": a name part after an address word
        if can_end is not None:
            return can_end and _word_follows(text, following, end)
        if len(word) == 2 and word[0].isalpha():  # an initial: B., M., a.
            return False
        # A list number opening the sentence: "1. Menetapkan …", "II. Pertimbangan …".
        return not (whole and _LIST_MARKER.fullmatch(word))

    def _after_never_ending(self, text: str, sentence: int, before: int) -> bool:
        """Whether the word ending at ``before`` is an abbreviation that never ends a sentence."""
        low = max(before - self._window, sentence)
        words = text[low : before + 1].split()
        return bool(words) and self._abbreviations.get(words[-1]) is False


def _starts_sentence(char: str) -> bool:
    """Whether ``char`` can open a sentence: capital or caseless letter, digit, opening mark."""
    if char.isalnum():
        return not char.islower()
    return char in _OPENERS


def _capital_follows(text: str, pos: int, end: int) -> bool:
    """Whether a capital (or caseless) letter follows at ``pos``, after any opening marks."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    return pos < end and text[pos].isalpha() and not text[pos].islower()


def _word_follows(text: str, pos: int, end: int) -> bool:
    """Whether a new sentence visibly starts at ``pos``.

    That is a capitalised word going on in lower case (``Polisi``, ``Ia``), or an opening mark
    before a capital letter (``“Kami``). Acronyms (``SDF``) and digits do not count.
    """
    if pos < end and text[pos] in _OPENERS:
        return _capital_follows(text, pos, end)
    return pos + 1 < end and text[pos].isupper() and text[pos + 1].islower()
