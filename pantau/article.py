"""Typed records of a read article.

Two texts live in an :class:`Article`:

``source_text``
    the input after decoding, HTML extraction and normalisation (NFC, ``\\n`` line ends,
    zero-width characters removed). Spans of the dateline, publication header, boilerplate
    and paragraphs' ``source_start`` point into it.
``text``
    the clean body: the article's paragraphs, dateline and boilerplate removed, joined by
    ``"\\n\\n"``. Spans of sentences, body dates, provenance and every later layer
    (entities, places, quotes, events) point into it. Each paragraph is a verbatim
    substring of ``source_text``, so ``text[p.start:p.end] ==
    source_text[p.source_start:p.source_start + p.end - p.start]``.

Every span is a half-open ``[start, end)`` range of Python string indices (code points).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "1.0"

Precision = Literal["minute", "day", "week", "month", "year"]
BoilerplateKind = Literal[
    "related_headline",
    "editor_code",
    "byline",
    "agency_footer",
    "chrome",
    "caption",
    "publication_header",
    "title",
]
WarningCode = Literal[
    "no_dateline",
    "hijri_mismatch",
    "hijri_unchecked",
    "language",
    "encoding",
    "empty_body",
    "truncated",
    "html_metadata",
    "date_unresolved",
    "weekday_mismatch",
]


@dataclass(frozen=True, slots=True)
class HijriDate:
    """A date of the Islamic (Hijri) calendar as written in the article."""

    year: int
    month: int
    day: int
    month_name: str
    """The month as the article spells it, e.g. ``Jumadil Awwal``."""


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place, agency and date(s) that open a wire story (spans into ``source_text``)."""

    text: str
    start: int
    end: int
    place: str | None
    """The place as written (``JAKARTA``, ``Kabupaten Bone Bolango``)."""
    place_normalized: str | None
    """Title-cased place with outlet brands removed (``Jakarta``)."""
    agency: str | None
    """Agency or outlet named in the dateline (``MINA``, ``ANTARA``, ``KOMPAS.com``)."""
    date: dt.date | None = None
    hijri: HijriDate | None = None
    hijri_as_gregorian: dt.date | None = None
    """The Hijri date converted with the Umm al-Qura calendar (hijridate)."""
    hijri_consistent: bool | None = None
    """``True`` when the Hijri and Gregorian dates differ by at most two days."""
    hijri_difference_days: int | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time written in the body (span into ``text``), resolved where possible."""

    text: str
    start: int
    end: int
    date: dt.date | None
    """The resolved calendar day (the first day of the period for coarser precisions)."""
    precision: Precision
    weekday: str | None = None
    time_of_day: str | None = None
    """Part of the day as written: ``pagi``, ``siang``, ``sore``, ``petang``, ``malam``."""
    time: dt.time | None = None
    anchor: Literal["published", "dateline", "explicit", "none"] = "none"
    """What the date was resolved against."""


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A piece of text kept out of the body (span into ``source_text``)."""

    kind: BoilerplateKind
    text: str
    start: int
    end: int
    value: str
    """What it carries: the related headline, the editor code, the byline name, …"""
    marker: str
    """Identifier of the marker in ``pantau/data/boilerplate.toml`` that matched."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """An original outlet named in the body (span into ``text``)."""

    outlet: str
    cue: str
    """The cue phrase, e.g. ``seperti dilansir``."""
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    source_start: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Language:
    code: Literal["id", "ms", "en", "other"]
    detected: str
    """The raw language code the identifier returned."""
    confidence: float


@dataclass(frozen=True, slots=True)
class ReadWarning:
    code: WarningCode
    message: str


EntityLabel = Literal["PER", "ORG", "LOC", "NORP", "EVENT"]
ActorType = Literal[
    "state_military",
    "police",
    "intelligence",
    "government",
    "legislature",
    "judiciary",
    "head_of_state",
    "rebel_group",
    "insurgent_group",
    "designated_terrorist_group",
    "militia",
    "political_party",
    "international_organization",
    "international_coalition",
    "ngo",
    "civilians",
    "media",
    "religious_organization",
    "business",
    "country",
    "person",
    "other",
]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention found by the sequence model (span into ``text``)."""

    text: str
    start: int
    end: int
    label: EntityLabel
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor of the actor dictionary (``pantau/data/actors.toml``)."""

    id: str
    name: str
    type: ActorType
    country: str | None
    """ISO 3166-1 alpha-2 code, or ``None`` for international bodies."""
    wikidata: str | None = None
    parent: str | None = None
    """Id of the actor this one belongs to (``densus88`` → ``polri``)."""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor in the body (span into ``text``)."""

    actor: Actor
    text: str
    start: int
    end: int
    role: str | None = None
    """A role or title attached to the mention (``juru bicara``, ``Kapten``, ``Presiden``)."""
    person: str | None = None
    """For a person acting for the actor, the person's full name (``Jeff Davis``)."""
    via: Literal["alias", "role_phrase", "entity", "coreference"] = "alias"


GeoPrecision = Literal[1, 2, 3, 4]
PlaceKind = Literal[
    "populated_place", "district", "regency", "province", "country", "region", "other"
]


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a gazetteer entry (span into ``text``)."""

    text: str
    start: int
    end: int
    gazetteer_id: str
    name: str
    latitude: float
    longitude: float
    country: str
    """ISO 3166-1 alpha-2."""
    admin1: str | None
    admin2: str | None
    kind: PlaceKind
    precision: GeoPrecision
    """1 exact place, 2 district/regency, 3 province, 4 country."""
    confidence: float = 1.0


QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech with its speaker (spans into ``text``)."""

    kind: QuoteKind
    text: str
    start: int
    end: int
    """Span of the quoted content (without quote marks for direct quotes)."""
    speaker: str | None
    """The speaker's fullest name in the article (``Kapten Jeff Davis``)."""
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None
    """The speech verb or cue (``kata``, ``mengatakan``, ``menurut``)."""
    sentence: int
    """Index of the sentence the quote starts in."""
    speaker_actor: str | None = None
    """Id of the actor the speaker belongs to or is."""


PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
Modality = Literal["asserted", "denied", "planned", "threatened", "hypothetical", "reported"]
DatePrecision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class EventActor:
    """A participant of an event: a dictionary actor where one is known, with its mention span."""

    name: str
    """The actor's canonical name, or the mention as written when no actor is known."""
    text: str
    start: int
    end: int
    actor_id: str | None = None
    type: ActorType | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A typed political or conflict event; every field traced to the article (spans in `text`)."""

    id: str
    """``<article id>-<n>``: stable for the same article text and pipeline version."""
    type: PloverType
    mode: str | None
    contexts: tuple[str, ...]
    acled_type: str | None
    acled_subtype: str | None
    sources: tuple[EventActor, ...]
    targets: tuple[EventActor, ...]
    place: Place | None
    date: dt.date | None
    date_precision: DatePrecision | None
    date_basis: Literal["body", "dateline", "published", "none"]
    modality: Modality
    background: bool
    """The event is older than the article's news (``sejak 7 Oktober``, an anniversary)."""
    fatalities: int | None
    """Killed, only when the text states a number."""
    injured: int | None
    claim_source: str
    """Who claims it: the quoted speaker or body, else the outlet (original outlet first)."""
    claim_kind: Literal["speaker", "reported", "outlet"]
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    """Index of the evidence sentence."""
    evidence_start: int
    evidence_end: int
    supporting_sentences: tuple[int, ...]
    confidence: float
    codebook_version: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, read."""

    id: str
    """``sha256`` of ``source_text``, first 16 hex digits."""
    source_text: str
    text: str
    input_format: Literal["text", "html"]
    url: str | None = None
    outlet: str | None = None
    """The publishing outlet: given by the caller, else the site name, else the dateline agency."""
    title: str | None = None
    author: str | None = None
    published: dt.datetime | dt.date | None = None
    published_source: Literal["argument", "html", "header", "dateline", "none"] = "none"
    dateline: Dateline | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    dates: tuple[DateMention, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    language: Language | None = None
    entities: tuple[Entity, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    places: tuple[Place, ...] = ()
    dateline_place: Place | None = None
    """The dateline's place resolved to the gazetteer (span into ``source_text``)."""
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[ReadWarning, ...] = ()
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = field(default="")

    @property
    def related_headlines(self) -> tuple[str, ...]:
        return tuple(b.value for b in self.boilerplate if b.kind == "related_headline")

    @property
    def editor_codes(self) -> tuple[str, ...]:
        return tuple(b.value for b in self.boilerplate if b.kind == "editor_code")

    @property
    def original_outlets(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for p in self.provenance:
            seen.setdefault(p.outlet, None)
        return tuple(seen)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]
