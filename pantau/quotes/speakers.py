"""Speakers: the phrase that names who speaks, before or after a cue, and what it stands for.

A speaker with no name is kept as written (``juru bicara militer``, ``Kapolres``, ``polisi``),
less a leading ``seorang``, a statement noun (``pernyataan UKMTO`` → ``UKMTO``) and adjuncts
(``warga di lokasi`` → ``warga``). Positions are roles, not titles: ``Kapolda Papua Irjen Pol.
Albertus Rumbiak`` → ``Irjen Pol. Albertus Rumbiak``. ``ia``, ``dia``, ``beliau`` and ``-nya``
(``katanya``, ``menurutnya``) stand for the last speaker, or for a person named after that
speaker and before the pronoun (outside quotes).
"""

from __future__ import annotations

import bisect
import re

from pantau.quotes.lexicon import SpeechLexicon, _alternation
from pantau.quotes.names import _EDGE, _NameReader
from pantau.quotes.records import _Doc, _Mention

_MAX_SPEAKER_TOKENS = 10


class _SpeakerReader(_NameReader):
    """Read speaker phrases and resolve them to a speaker's string."""

    __slots__ = (
        "_adverb_ends",
        "_determiner",
        "_leading",
        "_mark_chars",
        "_phrase_stop",
        "_stop",
        "_trailing_adverbs",
    )

    def __init__(self, lex: SpeechLexicon) -> None:
        super().__init__(lex)
        m = dict(lex.marks)
        all_marks = "".join(sorted({c for v in m.values() for c in v}))
        self._mark_chars = all_marks
        self._leading = re.compile(rf"(?:{_alternation(lex.leading)})(?![\w-])", re.IGNORECASE)
        self._adverb_ends = frozenset(a.split()[-1] for a in lex.adverbs)
        self._trailing_adverbs = re.compile(
            rf"(?:\s+(?:{_alternation(lex.adverbs)}))+\s*$", re.IGNORECASE
        )
        # Every alternative opens with its character (a hyphen's space is looked behind for
        # after it): the engine then skips to the next of these characters.
        stops = "|".join(map(re.escape, f",;:\n{all_marks}–—"))
        self._phrase_stop = re.compile(rf"{stops}|\((?=\d)|-(?<= -)")
        self._determiner = re.compile(
            rf"\s*(?:(?:{_alternation(lex.determiners)})\s+)?"
            rf"(?:(?:{_alternation(lex.statement_nouns)})\s+)?",
            re.IGNORECASE,
        )
        # The white space before a stop word is matched, not looked behind for: a pattern
        # opening with a character class lets the engine skip to the next white space.
        self._stop = re.compile(rf"\s({_alternation(sorted(lex.speaker_stops))})(?=[\s,.;:]|$)")

    def _before_region(
        self, doc: _Doc, start: int, end: int, sentence_start: bool
    ) -> _Mention | None:
        """The speaker written before its verb: ``Sementara itu, X, Senin (12/2), …``."""
        text, lex = doc.text, self._lex
        while end > start and text[end - 1] in " \t,:":
            end -= 1
        end = self._before_adverbs(text, start, end)
        while True:  # trailing adjuncts: ", Senin (12/2)", ", di Jakarta", ", yang …"
            comma = text.rfind(",", start, end)
            if comma < 0:
                break
            words = text[comma + 1 : end].split()
            first = words[0].lower().strip("(") if words else ""
            if words and not (
                words[0][0] in "(0123456789"
                or first in lex.weekdays
                or first in lex.adjuncts
                or first == "yang"
            ):
                break
            end = comma
            while end > start and text[end - 1] in " \t,":
                end -= 1
        while True:  # leading clauses: "Sementara itu,", "Dalam keterangan tertulis,"
            head = text[start:end].lstrip()
            offset = end - len(head)
            phrase = self._leading_phrase(head)
            if not phrase:
                break
            comma = text.find(",", offset, end)
            start = comma + 1 if comma >= 0 else offset + len(phrase)
            sentence_start = False
        start = self._skip_determiner(text, start, end)
        if start >= end:
            return None
        # several comma segments: take the one naming a person, else the last one
        segments = _segments(text, start, end)
        chosen: _Mention | None = None
        for seg_start, seg_end in reversed(segments):
            mention = self._speaker_in(doc, seg_start, seg_end)
            if mention is not None and mention.kind != "role":
                chosen = mention
                break
            if chosen is None:
                chosen = mention
                sentence_start = sentence_start and seg_start == start
        if chosen is None or len(chosen.text.split()) > _MAX_SPEAKER_TOKENS:
            return None
        if chosen.kind == "role" and not self._role_ok(chosen, strict=sentence_start):
            return None
        return chosen

    def _before_adverbs(self, text: str, start: int, end: int) -> int:
        """Where the adverbs ending ``text[start:end]`` begin (``X pun``, ``X juga``), else
        ``end``.

        The search for them tries every position of the window, so the last word is tested
        first: in ASCII, the pattern (case-insensitive) can only end with an adverb's last word.
        """
        lo = max(start, end - 40)
        words = text[lo:end].split()
        if not words or (words[-1].isascii() and words[-1].lower() not in self._adverb_ends):
            return end
        adverbs = self._trailing_adverbs.search(text, lo, end)
        return adverbs.start() if adverbs else end

    def _after_region(self, doc: _Doc, start: int, end: int) -> tuple[_Mention, int] | None:
        """The speaker written after its cue (``kata X kepada wartawan, …``) and its end."""
        text = doc.text
        while start < end and text[start] in " \t:":
            start += 1
        stop = self._phrase_end(doc, start, end)
        start = self._skip_determiner(text, start, stop)
        mention = self._speaker_in(doc, start, stop)
        if mention is None or len(mention.text.split()) > _MAX_SPEAKER_TOKENS:
            return None
        if stop < end and text[stop] == "," and mention.kind == "role":
            # an apposition: "kata juru bicara militer Israel, Letkol Avichay Adraee, …"
            nxt = stop + 1
            while nxt < end and text[nxt].isspace():
                nxt += 1
            nxt_stop = self._phrase_end(doc, nxt, end)
            named = self._speaker_in(doc, nxt, nxt_stop)
            if named is not None and named.kind == "name":
                return named, nxt_stop
        return mention, stop

    def _speaker_in(self, doc: _Doc, start: int, end: int) -> _Mention | None:
        """The speaker of a phrase, less its adjuncts: ``X dalam keterangannya di Ambon``.

        A name or a pronoun is looked for before the first adjunct word (``di``, ``kepada``,
        ``yang`` …); failing that the phrase up to the first stop word (``dan`` included) is
        a role.
        """
        text = doc.text
        hard = soft = end
        for stop in self._stop.finditer(text, max(0, start - 1), end):  # the space before
            cut = stop.start(1)
            while cut > start and text[cut - 1] in " \t,":
                cut -= 1
            if cut <= start:
                continue
            soft = min(soft, cut)
            if stop.group(1) not in self._lex.speaker_joins:
                hard = cut
                break
        mention = self._classify(doc, start, hard)
        if mention is not None and mention.kind != "role":
            return mention
        return self._classify(doc, start, soft) if soft < hard else mention

    def _skip_determiner(self, text: str, start: int, end: int) -> int:
        """Skip ``seorang`` and a statement noun: ``pernyataan UKMTO`` → ``UKMTO``."""
        match = self._determiner.match(text, start, end)
        if match is None or match.end() >= end:
            return start
        return match.end()

    def _phrase_end(self, doc: _Doc, start: int, end: int) -> int:
        """Where a phrase after a cue stops: a comma, a colon, a quote mark, the sentence end."""
        text = doc.text
        stop = self._phrase_stop.search(text, start, end)
        i = stop.start() if stop else end
        while i > start and text[i - 1] in " \t.!?…":
            if text[i - 1] == "." and self._abbreviation_before(text, start, i - 1):
                break
            i -= 1
        return i

    def _abbreviation_before(self, text: str, start: int, dot: int) -> bool:
        word_start = dot
        while word_start > start and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : dot + 1]
        return len(word) == 2 or word in self._lex.titles or word in self._lex.title_suffixes

    def _leading_phrase(self, head: str) -> str:
        match = self._leading.match(head)
        return match.group() if match else ""

    def _role_ok(self, mention: _Mention, *, strict: bool) -> bool:
        """Whether a role phrase names a speaker (``polisi``) and not any clause."""
        if mention.kind != "role":
            return True
        words = [w.strip(_EDGE) for w in mention.text.split()]
        if len(words) > 7:
            return False
        lex = self._lex
        for n, word in enumerate(words):
            if word.lower() in lex.speaker_nouns or word.title() in lex.not_names:
                return True
            if len(word) > 1 and word.isupper() and word.isalpha():
                return True  # an acronym names a body: "AA", "TNI"
            if word in lex.not_names or (word[:1].isupper() and (n > 0 or not strict)):
                return True
        return False

    def _speaker(
        self,
        doc: _Doc,
        mention: _Mention,
        contents: list[tuple[int, int]],
        last: tuple[str, int, int] | None,
    ) -> str | None:
        """The speaker's string: a role as written, a name in full, a pronoun resolved.

        A pronoun stands for the last speaker, unless a person is named after that speaker
        (outside quoted content) and before the pronoun: then for that person.
        """
        if mention.kind == "role":
            return mention.text
        if mention.kind == "name":
            return self._fullest(doc, mention)
        since = last[1] if last is not None else 0
        starts = [s for s, _ in contents]
        named = [
            m
            for m in self._names_between(doc, since, mention.start)
            if not _inside(m.start, contents, starts)
        ]
        if named:
            return self._fullest(doc, named[-1])
        return last[0] if last is not None else None


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while True:
        comma = text.find(",", pos, end)
        stop = end if comma < 0 else comma
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out.append((s, e))
        if comma < 0:
            return out or [(start, end)]
        pos = comma + 1
