"""The working records of one :meth:`~pantau.quotes.QuoteFinder.find` call.

Immutable named tuples rather than frozen dataclasses: a 3 KB article builds a few hundred of
them and a tuple is made four times faster.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple


class _Mention(NamedTuple):
    """A speaker as the text names it."""

    kind: Literal["name", "role", "pronoun"]
    start: int
    end: int
    text: str
    title: str = ""
    name: tuple[str, ...] = ()


class _Item(NamedTuple):
    """A quote (or a ``Hal itu disampaikan X`` attribution) before speaker resolution."""

    kind: Literal["direct", "indirect", "attribution"]
    start: int
    end: int
    sentence: int
    paragraph: int
    verb: str | None
    mention: _Mention | None
    mode: Literal["cue", "free", "sourceless"] = "cue"
    open_ended: bool = False
    """A direct quote left open at the end of its paragraph (it goes on in the next one)."""


class _Hit(NamedTuple):
    """A cue word in the text: ``kata``, ``katanya``, ``mengatakan``, ``menurut``."""

    start: int
    end: int
    verb: str
    """The cue in lower case, without its clitic."""
    clitic: int
    """Where ``-nya`` starts (``katanya``), or -1."""
    written: str
    """The cue as written, in lower case (``katanya``)."""

    def pronoun(self, text: str) -> _Mention:
        return _Mention("pronoun", self.clitic, self.end, text[self.clitic : self.end])


class _Cue(NamedTuple):
    verb: str
    mention: _Mention
    start: int
    end: int
    """Span of the whole attribution (verb, speaker and adjuncts)."""


@dataclass(slots=True)
class _Doc:
    """One call of :meth:`QuoteFinder.find`: the text, its sentences, entities and cue words,
    and the call's scratch state (masked spans, memoised names). Made per call, never shared."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    paragraphs: tuple[int, ...]
    persons: tuple[tuple[int, int], ...]
    organisations: tuple[tuple[int, int], ...]
    hits: tuple[_Hit, ...]
    hit_starts: tuple[int, ...]
    titled: tuple[re.Match[str], ...]
    masks: list[tuple[int, int]] = field(default_factory=list)
    mask_starts: list[int] = field(default_factory=list)
    fullest: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)
    name_words: dict[str, bool] = field(default_factory=dict)
    names_at: dict[int, _Mention | None] = field(default_factory=dict)
    classified: dict[tuple[int, int], _Mention | None] = field(default_factory=dict)
    titled_names: list[_Mention] | None = None
    titled_at: dict[tuple[int, int], _Mention | None] = field(default_factory=dict)
    person_starts: list[int] = field(init=False)
    person_reach: list[int] = field(init=False)
    """The furthest end of the persons up to each one: a search back stops below a start."""
    organisation_starts: list[int] = field(init=False)
    organisation_reach: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.person_starts, self.person_reach = _starts_and_reach(self.persons)
        self.organisation_starts, self.organisation_reach = _starts_and_reach(self.organisations)

    def persons_overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The person spans overlapping ``[start, end)``, the last first."""
        i = bisect.bisect_left(self.person_starts, end) - 1
        while i >= 0 and self.person_reach[i] > start:
            span = self.persons[i]
            if span[1] > start:
                yield span
            i -= 1

    def in_organisation(self, pos: int) -> bool:
        """Whether ``pos`` lies in an organisation's span."""
        i = bisect.bisect_right(self.organisation_starts, pos) - 1
        return i >= 0 and self.organisation_reach[i] > pos

    def sentence_of(self, pos: int) -> int:
        return max(0, min(len(self.sentences) - 1, bisect.bisect_right(self.starts, pos) - 1))

    def hits_in(self, start: int, end: int) -> Iterator[_Hit]:
        i = bisect.bisect_left(self.hit_starts, start)
        while i < len(self.hits) and self.hits[i].start < end:
            yield self.hits[i]
            i += 1

    def any_hit_in(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.hit_starts, start)
        return i < len(self.hit_starts) and self.hit_starts[i] < end

    def masked(self, pos: int) -> bool:
        i = bisect.bisect_right(self.mask_starts, pos) - 1
        return i >= 0 and pos < self.masks[i][1]

    def mask_end_before(self, pos: int) -> int:
        """The end of the last masked span ending at or before ``pos`` (or -1)."""
        i = bisect.bisect_right(self.mask_starts, pos) - 1
        while i >= 0 and self.masks[i][1] > pos:
            i -= 1
        return self.masks[i][1] if i >= 0 else -1

    def close_masks(self) -> None:
        """Sort and merge the masked spans (quotes and their attributions) for :meth:`masked`."""
        merged: list[tuple[int, int]] = []
        for s, e in sorted(self.masks):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.masks[:] = merged
        self.mask_starts[:] = [s for s, _ in merged]


def _starts_and_reach(spans: tuple[tuple[int, int], ...]) -> tuple[list[int], list[int]]:
    """The starts of spans in order, and the furthest end reached up to each span."""
    starts, reach = [], []
    furthest = -1
    for start, end in spans:
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach
