"""Events under construction, and the article being read.

A :class:`Candidate` is one trigger on its way to an :class:`~pantau.article.Event`: its
roles, modality, date, place and the flags the article-level rules read (named back, named
in passing, in a subordinate clause, an additional act). :class:`ArticleState` holds the
sentences seen so far with their layers, and the candidates found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pantau.article import Article, Entity, EventActor, Place
from pantau.events.casualties import Count
from pantau.events.clauses import Clause, SentenceView
from pantau.events.dating import TimeRef
from pantau.events.lexicon import TriggerEntry, TriggerMatch
from pantau.events.location import Spot
from pantau.events.modality import Reading
from pantau.events.morphology import Voice
from pantau.events.roles import Participant, Roles

__all__ = [
    "ON_THE_GROUND",
    "PRONOUNS",
    "REFERENT_TYPES",
    "STATEMENTS",
    "ArticleState",
    "Candidate",
    "Live",
    "SentenceLayer",
    "event_actor",
    "union",
]

STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE"})
"""Types whose event is a statement: dated and placed by the statement, not by what it is about."""
REFERENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "REJECT"})
"""Types whose object may name an earlier event (``mengecam operasi tersebut``)."""
ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka"})
T = TypeVar("T")
Live = list[tuple[TriggerMatch, list[tuple[TriggerEntry, Voice]]]]
"""The triggers of a sentence whose conditions hold, with their readings."""


@dataclass(slots=True)
class Candidate:
    """An event under construction."""

    view: SentenceView
    match: TriggerMatch
    entry: TriggerEntry
    voice: Voice
    type: str
    mode: str | None
    roles: Roles
    reading: Reading
    clause: Clause
    anaphoric: bool = False
    alluded: bool = False
    subordinate: bool = False
    additive: bool = False
    modality: str = "asserted"
    time: TimeRef | None = None
    date: dt.date | None = None
    precision: str | None = None
    basis: str = "none"
    place: Place | None = None
    seat: Place | None = None
    fatalities: int | None = None
    injured: int | None = None
    claim: tuple[str, str] | None = None
    background_cue: bool = False
    background: bool = False
    supporting: list[int] = field(default_factory=list)
    modes: set[str] = field(default_factory=set)
    """The modes of the lexicon entries merged into this event."""
    sentence: int = field(init=False)
    """Index of the sentence (``view.index``; a field, as the merging reads it very often)."""

    def __post_init__(self) -> None:
        self.sentence = self.view.index

    @property
    def parties(self) -> list[EventActor]:
        return [p.actor for p in self.roles.sources + self.roles.targets]

    @property
    def named_source(self) -> bool:
        for p in self.roles.sources:  # noqa: SIM110 (a loop, not any(): no generator made)
            if p.named:
                return True
        return False

    @property
    def main(self) -> bool:
        """The event its sentence is about (not named in passing, not old news)."""
        return not self.alluded and not self.background and not self.anaphoric


class SentenceLayer(Generic[T]):
    """Values of each sentence of the article's views, computed on first use.

    The dates and places of a sentence without a trigger are read only when a neighbouring
    event asks for them, so they are not computed for every sentence.
    """

    __slots__ = ("_compute", "_found", "_views")

    def __init__(
        self, compute: Callable[[SentenceView], list[T]], views: Mapping[int, SentenceView]
    ) -> None:
        self._compute = compute
        self._views = views
        self._found: dict[int, list[T]] = {}

    def of(self, view: SentenceView) -> list[T]:
        """The values of sentence ``view``."""
        found = self._found.get(view.index)
        if found is None:
            found = self._found[view.index] = self._compute(view)
        return found

    def get(self, index: int, default: list[T]) -> list[T]:
        """The values of sentence ``index``; ``default`` for a sentence not in the views."""
        view = self._views.get(index)
        return default if view is None else self.of(view)


@dataclass(slots=True)
class ArticleState:
    """The article being read and the events found so far."""

    article: Article
    published: dt.date | None
    views: dict[int, SentenceView]
    """The sentences read (not the headline-like fragments), by index."""
    refs: SentenceLayer[TimeRef]
    """The dates of each sentence (see :meth:`pantau.events.dating.Dater.refs`)."""
    spots: SentenceLayer[Spot]
    """The usable places of each sentence (see :meth:`pantau.events.location.Placer.spots`)."""
    candidates: list[Candidate] = field(default_factory=list)
    anaphors: list[Candidate] = field(default_factory=list)
    counts: dict[int, list[Count]] = field(default_factory=dict)
    protest_article: bool = False
    initials: dict[str, EventActor] = field(default_factory=dict)
    government: EventActor | None = None
    organisations: tuple[Entity, ...] = ()
    """The article's entities labelled ``ORG``, in order (the role finder reads only those)."""


def union(a: Sequence[Participant], b: Sequence[Participant]) -> list[Participant]:
    """Participants of both lists, each actor once (by name), in order."""
    out: list[Participant] = []
    seen: set[str] = set()
    for p in [*a, *b]:
        if p.actor.name not in seen:
            seen.add(p.actor.name)
            out.append(p)
    return out


def event_actor(m: Any) -> EventActor:
    """The :class:`EventActor` of an :class:`~pantau.article.ActorMention`."""
    a = m.actor
    return EventActor(a.name, m.text, m.start, m.end, a.id, a.type, a.country)
