"""Events under construction, and the article being read.

A :class:`Candidate` is one trigger on its way to an :class:`~pantau.article.Event`: its
roles, modality, date, place and the flags the article-level rules read (named back, named
in passing, in a subordinate clause, an additional act). :class:`ArticleState` holds the
sentences seen so far with their layers, and the candidates found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pantau.article import Article, EventActor, Place
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
    "event_actor",
    "union",
]

STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE"})
"""Types whose event is a statement: dated and placed by the statement, not by what it is about."""
REFERENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "REJECT"})
"""Types whose object may name an earlier event (``mengecam operasi tersebut``)."""
ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka"})
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

    @property
    def sentence(self) -> int:
        return self.view.index

    @property
    def parties(self) -> list[EventActor]:
        return [p.actor for p in self.roles.sources + self.roles.targets]

    @property
    def named_source(self) -> bool:
        return any(p.named for p in self.roles.sources)

    @property
    def main(self) -> bool:
        """The event its sentence is about (not named in passing, not old news)."""
        return not self.alluded and not self.background and not self.anaphoric


@dataclass(slots=True)
class ArticleState:
    """The article being read and the events found so far."""

    article: Article
    published: dt.date | None
    candidates: list[Candidate] = field(default_factory=list)
    anaphors: list[Candidate] = field(default_factory=list)
    counts: dict[int, list[Count]] = field(default_factory=dict)
    views: dict[int, SentenceView] = field(default_factory=dict)
    refs: dict[int, list[TimeRef]] = field(default_factory=dict)
    spots: dict[int, list[Spot]] = field(default_factory=dict)
    protest_article: bool = False
    initials: dict[str, EventActor] = field(default_factory=dict)
    government: EventActor | None = None


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
