"""The shipped pipeline components: entities, actors, places, quotes (and events).

Each is a thin adapter: it holds one library object (loaded once, in the constructor), calls it
on the article's clean text and returns a new article with its field filled. The library
objects stay usable on their own (``EntityTagger``, ``ActorDictionary``, ``PlaceResolver``,
``QuoteFinder``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

import ahocorasick

from pantau.actors import ActorDictionary, TitledPerson
from pantau.article import Actor, ActorMention, Article, Entity, Place
from pantau.events import EventExtractor
from pantau.ner.tagger import EntityTagger
from pantau.places import PlaceResolver
from pantau.quotes import QuoteFinder

if TYPE_CHECKING:
    from pantau.pipeline import Component

_SLUG = re.compile(r"[^a-z0-9]+")
_DATELINE_MEMO = 1024


class EntityRecognition:
    """Persons, organisations and places (PER/ORG/LOC) by the shipped CRF model.

    Names of persons in the actor dictionary (two words or more, as written there, exact case)
    are added as PER entities where the model found nothing: the model misses a known name in
    an unusual context (``milisi pro Bashar Al-Assad``); the dictionary does not.
    """

    name = "entities"
    requires = frozenset({"text", "sentences"})
    provides = frozenset({"entities"})

    def __init__(
        self, tagger: EntityTagger | None = None, dictionary: ActorDictionary | None = None
    ) -> None:
        self.tagger = tagger or EntityTagger()
        dictionary = dictionary or ActorDictionary()
        self._names = ahocorasick.Automaton()
        for actor in dictionary:
            if actor.type == "person":
                for alias in dictionary.aliases(actor.id):
                    if len(alias.split()) >= 2:
                        self._names.add_word(alias, alias)
        if len(self._names):
            self._names.make_automaton()

    def __call__(self, article: Article) -> Article:
        text = article.text
        spans = [(s.start, s.end) for s in article.sentences]
        entities = self.tagger.tag(text, spans)
        if len(self._names):
            entities.extend(self._known_names(text, entities))
            entities.sort(key=lambda e: (e.start, e.end))
        return replace(article, entities=tuple(entities))

    def _known_names(self, text: str, found: list[Entity]) -> list[Entity]:
        added: list[Entity] = []
        for last, alias in self._names.iter_long(text):
            start, end = last - len(alias) + 1, last + 1
            if (start > 0 and text[start - 1].isalnum()) or (
                end < len(text) and text[end].isalnum()
            ):
                continue
            if any(e.start < end and start < e.end and e.label != "PER" for e in found):
                continue
            if any(e.start <= start and end <= e.end for e in found if e.label == "PER"):
                continue
            added.append(Entity(text[start:end], start, end, "PER", 1.0))
        return added


class ActorLinking:
    """Dictionary actors, role phrases, and titled persons linked within the article.

    A titled person (``Kapten Jeff Davis``) becomes an actor of type ``person`` with the id
    ``person:<slug>``; a short mention (``Kapten Davis``) links to the full one
    (``via="coreference"``); when a role phrase names the person's body (``juru bicara
    Pentagon … Kapten Jeff Davis``), the dictionary actor carries the person's name.
    """

    name = "actors"
    requires = frozenset({"text"})
    provides = frozenset({"actors"})

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or ActorDictionary()

    def __call__(self, article: Article) -> Article:
        text = article.text
        mentions, persons = self.dictionary.find_with_persons(text)
        links = self.dictionary.link_short_mentions(persons)
        # the mentions by start, and the furthest end up to each: those starting before a
        # person's end overlap its name if the furthest of them ends after the name's start
        taken = sorted((m.start, m.end) for m in mentions) if persons else []
        starts = [s for s, _ in taken]
        reach = list(itertools.accumulate((e for _, e in taken), max))
        for person in persons:
            full = links.get(person, person)
            name_start = person.end - len(person.name)
            before = bisect.bisect_left(starts, person.end)
            if before and reach[before - 1] > name_start:
                continue  # the name is already a dictionary actor (a known person)
            mentions.append(_person_mention(text, person, full, coreference=full is not person))
        mentions.sort(key=lambda m: (m.start, m.end))
        return replace(article, actors=tuple(mentions))


class PlaceLinking:
    """Place mentions resolved to the gazetteer, with the dateline's country as context."""

    name = "places"
    requires = frozenset({"text", "entities", "dateline"})
    provides = frozenset({"places", "dateline_place"})

    def __init__(self, resolver: PlaceResolver | None = None) -> None:
        self.resolver = resolver or PlaceResolver()
        self._datelines: dict[str, Place | None] = {}
        """Memo of :meth:`_dateline_place` by place name, at most _DATELINE_MEMO entries."""

    def __call__(self, article: Article) -> Article:
        dateline_place = None
        dateline = article.dateline
        if dateline is not None and dateline.place:
            found = self._dateline_place(dateline.place_normalized or dateline.place)
            if found is not None:
                offset = dateline.start + max(0, dateline.text.find(dateline.place))
                dateline_place = replace(
                    found, text=dateline.place, start=offset, end=offset + len(dateline.place)
                )
        locations = [(e.start, e.end) for e in article.entities if e.label == "LOC"]
        places = self.resolver.resolve(
            article.text,
            mentions=locations,
            dateline_country=dateline_place.country if dateline_place else None,
        )
        return replace(article, places=tuple(places), dateline_place=dateline_place)

    def _dateline_place(self, name: str) -> Place | None:
        """The first place the resolver finds in a dateline's place name, memoised by name: a
        few hundred cities open most datelines, and resolving a name on its own depends on
        nothing else."""
        if name in self._datelines:
            return self._datelines[name]
        found = self.resolver.resolve(name)
        if len(self._datelines) >= _DATELINE_MEMO:
            del self._datelines[next(iter(self._datelines))]  # the oldest
        place = self._datelines[name] = found[0] if found else None
        return place


class QuoteAttribution:
    """Direct and indirect speech with its speaker, tied to the speaker's actor."""

    name = "quotes"
    requires = frozenset({"text", "sentences", "entities", "actors"})
    provides = frozenset({"quotes"})

    def __init__(self, finder: QuoteFinder | None = None) -> None:
        self.finder = finder or QuoteFinder()

    def __call__(self, article: Article) -> Article:
        persons = [(e.start, e.end) for e in article.entities if e.label == "PER"]
        organisations = [(e.start, e.end) for e in article.entities if e.label == "ORG"]
        quotes = self.finder.find(
            article.text,
            [(s.start, s.end) for s in article.sentences],
            persons=persons,
            organisations=organisations,
            speaker_actor=_SpeakerActors(article.actors),
        )
        return replace(article, quotes=tuple(quotes))


class EventExtraction:
    """Typed events (PLOVER, with the ACLED crosswalk) from the article's layers.

    Triggers of ``pantau/data/triggers.toml`` found sentence by sentence, with their roles,
    place, date, modality, background, casualties and claim source (see
    :class:`pantau.events.EventExtractor` and ``docs/events.md``).
    """

    name = "events"
    requires = frozenset(
        {"text", "sentences", "dates", "dateline", "published", "provenance"}
        | {"entities", "actors", "places", "quotes"}
    )
    provides = frozenset({"events"})

    def __init__(self, extractor: EventExtractor | None = None) -> None:
        self.extractor = extractor or EventExtractor()

    def __call__(self, article: Article) -> Article:
        return replace(article, events=self.extractor.extract(article))


def default_components() -> list[Component]:
    """Every shipped component, in pipeline order."""
    dictionary = ActorDictionary()
    return [
        EntityRecognition(dictionary=dictionary),
        ActorLinking(dictionary),
        PlaceLinking(),
        QuoteAttribution(),
        EventExtraction(EventExtractor(dictionary=dictionary)),
    ]


def _person_mention(
    text: str, person: TitledPerson, full: TitledPerson, *, coreference: bool
) -> ActorMention:
    slug = _SLUG.sub("-", full.name.casefold()).strip("-")
    actor = Actor(id=f"person:{slug}", name=full.name, type="person", country=None)
    return ActorMention(
        actor=actor,
        text=text[person.start : person.end],
        start=person.start,
        end=person.end,
        role=person.title,
        person=f"{full.title} {full.name}",
        via="coreference" if coreference else "entity",
    )


class _SpeakerActors:
    """``Quote.speaker_actor`` of an article: the actor whose mention overlaps the speaker, or
    whose person it is (called by the quote finder, which makes each quote once).

    A person acting for a body (``juru bicara Pentagon … Jeff Davis``) speaks for that body.
    """

    def __init__(self, actors: tuple[ActorMention, ...]) -> None:
        self.bodies = [
            (m.person.casefold(), m.actor.id) for m in actors if m.via == "role_phrase" and m.person
        ]
        self.mentions = _Mentions(actors)

    def __call__(self, speaker: str, start: int | None, end: int | None) -> str | None:
        folded = speaker.casefold()
        actor = next((body for person, body in self.bodies if person in folded), None)
        if actor is None and start is not None and end is not None:
            actor = self.mentions.first_overlapping(start, end)
        return actor


class _Mentions:
    """The actor mentions of an article, searched for the first (in their order) to overlap a
    span: by bisection when they are in text order, as the actor layer leaves them."""

    def __init__(self, actors: tuple[ActorMention, ...]) -> None:
        self.actors = actors
        self.starts = [m.start for m in actors]
        self.in_order = self.starts == sorted(self.starts)
        # the furthest end up to each mention: the first to pass a position is the first
        # mention ending after it
        self.reach = list(itertools.accumulate((m.end for m in actors), max))

    def first_overlapping(self, start: int, end: int) -> str | None:
        if not self.in_order:
            return next((m.actor.id for m in self.actors if m.start < end and start < m.end), None)
        i = bisect.bisect_right(self.reach, start)
        return self.actors[i].actor.id if i < len(self.actors) and self.starts[i] < end else None
