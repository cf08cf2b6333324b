"""The quote finder: direct quotes between quote marks, indirect speech, and their speakers.

:class:`QuoteFinder` stacks the readers of this package, each compiling its own patterns when
the finder is made: :class:`~pantau.quotes.names._NameReader` (persons' names),
:class:`~pantau.quotes.speakers._SpeakerReader` (speaker phrases) and
:class:`~pantau.quotes.cues._CueReader` (cue words and indirect speech). The finder itself pairs
the quote marks and resolves each quote's speaker.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from pantau.article import Quote, QuoteKind
from pantau.quotes.cues import _CueReader
from pantau.quotes.lexicon import SpeechLexicon
from pantau.quotes.records import _Doc, _Item, _Mention

_STRIP = " \t\n,;:.!?…–—-"

SpeakerActor = Callable[[str, int | None, int | None], str | None]
"""The actor id of a speaker, given the speaker and the span of its mention (or None)."""
_Resolved = tuple[_Item, str | None, _Mention | None, str | None]
"""A quote's item, its speaker, the speaker's mention and the verb: a :class:`Quote` is made
once, at the end (a frozen dataclass costs some 2 µs to make)."""


class QuoteFinder(_CueReader):
    """Find direct and indirect quotes and their speakers in an article's clean body.

    The lexicon is read and the patterns compiled when the finder is made; build one and
    reuse it. :meth:`find` keeps no state between calls.
    """

    __slots__ = ("_mark_family", "_marks")

    def __init__(self, path: Path | None = None) -> None:
        lex = SpeechLexicon.load(path)
        super().__init__(lex)
        m = dict(lex.marks)
        self._marks = {
            "open": {"d": m.get("double_open", ""), "s": m.get("single_open", "")},
            "close": {"d": m.get("double_close", ""), "s": m.get("single_close", "")},
            "either": {"d": m.get("double_either", ""), "s": m.get("single_either", "")},
        }
        self._mark_family = {
            c: f for f in ("d", "s") for group in self._marks.values() for c in group[f]
        }
        """Each quote mark's family: ``d`` (double) or ``s`` (single)."""

    # ------------------------------------------------------------------ public

    @property
    def denial_verbs(self) -> frozenset[str]:
        """Cues that deny what follows (``membantah``, ``menampik``): ``Quote.verb`` in these
        marks a denied claim, for the event coder."""
        return self._lex.denial

    def find(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        *,
        persons: Sequence[tuple[int, int]] = (),
        organisations: Sequence[tuple[int, int]] = (),
        speaker_actor: SpeakerActor | None = None,
    ) -> list[Quote]:
        """Return the quotes of ``text`` in order of their content.

        ``sentences`` are the sentence spans of ``text`` in order (``Quote.sentence`` indexes
        them); ``persons`` and ``organisations`` are optional PER and ORG entity spans.
        ``speaker_actor``, when given, fills ``Quote.speaker_actor``: it is called with the
        speaker of each quote that has one, and the span of the speaker's mention.
        """
        n = len(text)
        spans = _inside(sentences, n)
        if not spans or not text.strip():
            return []
        paragraphs = [0]
        for (_, prev_end), (start, _) in itertools.pairwise(spans):
            paragraphs.append(paragraphs[-1] + ("\n" in text[prev_end:start]))
        hits = self._cue_hits(text)
        doc = _Doc(
            text=text,
            sentences=spans,
            starts=tuple(s for s, _ in spans),
            paragraphs=tuple(paragraphs),
            persons=_clamp(persons, n),
            organisations=_clamp(organisations, n),
            hits=hits,
            hit_starts=tuple(h.start for h in hits),
            titled=self._title_matches(text),
        )
        items = self._direct(doc)
        doc.close_masks()
        items.extend(self._indirect(doc))
        items.sort(key=lambda it: (it.start, it.kind != "direct"))
        return [
            _quote(item, text, speaker, mention, verb, speaker_actor)
            for item, speaker, mention, verb in self._resolve(doc, items)
        ]

    # ------------------------------------------------------------------ direct quotes

    def _scan_marks(self, text: str) -> list[tuple[int, int, bool]]:
        """Pair quote marks: ``(open, close, closed)``; an unclosed quote ends its paragraph."""
        opens, closes, either = self._marks["open"], self._marks["close"], self._marks["either"]
        family = self._mark_family
        out: list[tuple[int, int, bool]] = []
        current: str | None = None
        open_at = -1
        n = len(text)
        for i in _positions(text, self._mark_chars):
            if current is not None and (line_end := text.find("\n", open_at, i)) >= 0:
                out.append((open_at, line_end, False))  # the quote ends with its paragraph
                current = None
            c = text[i]
            f = family.get(c)
            if f is None:
                continue
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if f == "s" and prev.isalnum() and nxt.isalnum():
                continue  # an apostrophe: Mi’raj, Jum'at
            left = (prev.isspace() or prev in "([{—–-/") and not nxt.isspace()
            right = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
            if current is None:
                if c in opens[f] or (c in either[f] and left):
                    current, open_at = f, i
            elif f == current:
                if c in closes[f] or (c in either[f] and not (left and not right)):
                    out.append((open_at, i, True))
                    current = None
                elif c in opens[f] or c in either[f]:
                    out.append((open_at, i, False))
                    open_at = i
        if current is not None:
            line_end = text.find("\n", open_at)
            out.append((open_at, line_end if line_end >= 0 else n, False))
        return out

    def _direct(self, doc: _Doc) -> list[_Item]:
        text = doc.text
        marks = self._scan_marks(text)
        doc.masks.extend((o, c + 1) for o, c, _ in marks)
        items: list[_Item] = []
        prev_end = -1
        for k, (open_at, close_at, closed) in enumerate(marks):
            start, end = open_at + 1, close_at
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " \t\n,;:":
                end -= 1
            if start >= end:
                continue
            si = doc.sentence_of(open_at)
            s_start = doc.sentences[si][0]
            anchor = prev_end if s_start <= prev_end <= open_at else s_start
            next_open = marks[k + 1][0] if k + 1 < len(marks) else len(text)
            limit = min(next_open, max(doc.sentences[doc.sentence_of(close_at)][1], close_at + 1))
            cue = self._after_cue(doc, close_at + 1, limit) if closed else None
            if cue is None:
                cue = self._before_cue(doc, anchor, open_at)
            mode: Literal["cue", "free"] = "cue"
            if cue is None:
                before = text[anchor:open_at].strip(_STRIP)
                after = text[close_at + 1 : limit].strip(_STRIP) if closed else ""
                if (
                    before
                    and items
                    and items[-1].mode == "cue"
                    and anchor == prev_end
                    and text[anchor:open_at].rstrip().endswith(",")
                ):
                    before = ""  # "“A,” kata X di Jakarta, Rabu, “B.”": B goes on after X
                if before or after:
                    continue  # quote marks inside running text: a term, a title, a scare quote
                mode = "free"
                prev_end = close_at + 1
            else:
                doc.masks.append((cue.start, cue.end))
                prev_end = max(close_at + 1, cue.end)
            items.append(
                _Item(
                    kind="direct",
                    start=start,
                    end=end,
                    sentence=doc.sentence_of(start),
                    paragraph=doc.paragraphs[doc.sentence_of(start)],
                    verb=cue.verb if cue else None,
                    mention=cue.mention if cue else None,
                    mode=mode,
                    open_ended=not closed,
                )
            )
        return items

    # ------------------------------------------------------------------ resolution

    def _resolve(self, doc: _Doc, items: list[_Item]) -> list[_Resolved]:
        """Each quote's item with its speaker, the speaker's mention and the verb."""
        contents = sorted((it.start, it.end) for it in items if it.kind != "attribution")
        quotes: list[_Resolved] = []
        sources: list[_Item] = []
        last: tuple[str, int, int] | None = None  # speaker, end of its mention, paragraph
        free_run: list[int] = []
        for item in items:
            if item.kind == "attribution":
                if item.mention is not None and free_run:
                    speaker = self._speaker(doc, item.mention, contents, last)
                    for idx in free_run:
                        quotes[idx] = (sources[idx], speaker, item.mention, item.verb)
                    if speaker:
                        last = (speaker, item.mention.end, item.paragraph)
                free_run = []
                continue
            sources.append(item)
            if item.mode == "sourceless":
                quotes.append((item, None, None, item.verb))
            elif item.mode == "free":
                speaker = None
                if last is not None and item.paragraph - last[2] <= 1:
                    speaker = last[0]
                    last = (last[0], last[1], item.paragraph)
                free_run.append(len(quotes))
                quotes.append((item, speaker, None, None))
            else:
                assert item.mention is not None
                speaker = self._speaker(doc, item.mention, contents, last)
                quotes.append((item, speaker, item.mention, item.verb))
                if speaker is not None:
                    last = (speaker, item.mention.end, item.paragraph)
                    # a quote left open at its paragraph's end, attributed after it goes on
                    for idx in reversed(free_run):
                        src = sources[idx]
                        if not src.open_ended or quotes[idx][1] is not None:
                            break
                        if item.kind == "direct" and item.paragraph - src.paragraph <= 1:
                            _, _, mention, verb = quotes[idx]
                            quotes[idx] = (src, speaker, mention, verb)
                free_run = []
        return quotes


def _positions(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``text``, in order: a search for each character (few are
    in a text) is cheaper than an expression testing every character against the class."""
    found = []
    for char in chars:
        pos = text.find(char)
        while pos >= 0:
            found.append(pos)
            pos = text.find(char, pos + 1)
    found.sort()
    return found


def _inside(spans: Sequence[tuple[int, int]], n: int) -> tuple[tuple[int, int], ...]:
    """Spans cut to ``[0, n]`` (mostly they are: then only copied)."""
    if spans:
        ends = list(itertools.chain.from_iterable(spans))
        if min(ends) < 0 or max(ends) > n:
            return tuple((min(max(s, 0), n), min(max(e, 0), n)) for s, e in spans)
    return tuple(spans)


def _clamp(spans: Sequence[tuple[int, int]], n: int) -> tuple[tuple[int, int], ...]:
    """Entity spans inside the text, non-empty, in order."""
    return tuple(sorted(span for span in _inside(spans, n) if span[0] < span[1]))


def _quote(
    item: _Item,
    text: str,
    speaker: str | None,
    mention: _Mention | None,
    verb: str | None,
    speaker_actor: SpeakerActor | None,
) -> Quote:
    kind: QuoteKind = "direct" if item.kind == "direct" else "indirect"
    start, end = (mention.start, mention.end) if mention else (None, None)
    actor = None
    if speaker_actor is not None and speaker is not None:
        actor = speaker_actor(speaker, start, end)
    return Quote(
        kind=kind,
        text=text[item.start : item.end],
        start=item.start,
        end=item.end,
        speaker=speaker,
        speaker_start=start,
        speaker_end=end,
        verb=verb,
        sentence=item.sentence,
        speaker_actor=actor,
    )
