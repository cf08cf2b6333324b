"""Actors: who does what to whom, recognised in Indonesian news and normalised.

The dictionary (``pantau/data/actors.toml``) maps names as written to canonical actors
(:class:`~pantau.article.Actor`): ``ISIS``, ``IS``, ``NIIS``, ``Daesh`` and ``Negara Islam``
name one actor, typed and with its country. The roles (``pantau/data/roles.toml``) read the
words around a name: ``juru bicara Pentagon`` is the Pentagon with the role *juru bicara*,
``pasukan Israel`` the Israel Defense Forces, ``koalisi pimpinan AS`` the US-led coalition,
``warga Palestina`` Palestinian civilians, and ``Kapolri`` alone the national police.

How :meth:`ActorDictionary.find` works, in one pass over the text:

1. Aliases, role phrases and blockers sit in two Aho-Corasick automata: one over the
   lower-cased text, one over the text as written, for acronyms (``AS``, ``IS``, ``TNI``) and
   other exact-case names. Both texts are folded first without moving a character:
   diacritics dropped, hyphens made spaces, curly apostrophes straight.
2. A hit must stand on word boundaries and pass its guards (a person's initials, a language
   after ``bahasa``, a place after ``di``, per-alias context words). The longest hits win,
   without overlaps; blockers (``Amerika Latin``) win and vanish.
3. Right to left, a role phrase just before a name turns it into a role mention, possibly
   more than once (``yang didukung oleh serangan udara AS``: US Air Force, supporter); force
   roles may be coordinated (``tentara dan milisi pro Bashar Al-Assad``: two mentions).
   Metonyms (``Jakarta``) live only in a role phrase or before a statement verb. An office
   standing alone names its default actor.
4. Titles and offices take the person whose name follows them (``Juru bicara Pentagon …
   Kapten Jeff Davis``) as :attr:`~pantau.article.ActorMention.person`.

Persons outside the dictionary are found by :meth:`ActorDictionary.find_titled_persons`
(``Kapten Jeff Davis``); :meth:`ActorDictionary.link_short_mentions` links short mentions to
full ones within one article (``Kapten Davis`` → ``Kapten Jeff Davis``).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, get_args

import ahocorasick

from pantau.article import Actor, ActorMention, ActorType
from pantau.errors import ResourceError

__all__ = ["ActorDictionary", "Role", "RoleExample", "TitledPerson"]

RoleKind = Literal[
    "title", "office", "function", "force", "civilians", "relation", "rank", "honorific"
]
_ACTOR_KINDS = frozenset({"title", "office", "function", "force", "civilians", "relation"})
_PERSON_TITLES = frozenset({"office", "rank", "honorific"})
_KIND_DEFAULTS = MappingProxyType(  # kind -> (fallback, keep_label) unless the role says so
    {
        "title": (True, True),
        "office": (True, True),
        "function": (True, False),
        "force": (True, False),
        "relation": (True, True),
    }
)
_ACTOR_KEYS = frozenset(
    {"id", "name", "type", "country", "wikidata", "parent", "functions", "of", "aliases"}
    | {"exact", "metonyms", "note"}
)
_ROLE_FLAGS = MappingProxyType(  # flag -> default (None: from _KIND_DEFAULTS)
    {
        "fallback": None,
        "keep_label": None,
        "default_if_named": True,
        "place_follows": False,
        "state_targets": True,
    }
)
# ISO 3166-1 alpha-2: the 249 assigned codes (tests/test_actors.py checks them against CLDR).
_ISO_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
"""
_ISO_3166 = frozenset(_ISO_CODES.split())
_SLUG = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*\Z")
_QID = re.compile(r"Q[1-9][0-9]*\Z")
_PREV_WORD = re.compile(r"([\w'’.-]+)[\s(\"“‘]*\Z")
_NEXT_WORD = re.compile(r"[ \t\-]*([\w'’.-]+)")
_PREV_NAME = re.compile(r"([A-Z][\w'’-]*) \Z")
_SENTENCE_START = re.compile(r"(?:\A|[.!?]\s+|\n)[\s\"“‘(\[]*\Z")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
_TOKEN = re.compile(r"[^\s,;:!?()\"“”]+")
_ROMAN = re.compile(r"[IVXLC]+\Z")
_SUFFIX = re.compile(r"[ \t]+(\(?[\w.]+\)?)")
_HYPHEN_PARTICLE = re.compile(r"(?:al|el|as|ad|ar|at|az|an|ash|ibn|bin)-[A-Z]")
_WINDOW = 48
_ALIAS, _ROLE, _BLOCKER = 0, 1, 2
_Rules = tuple[tuple[int, frozenset[str], frozenset[str]], ...]
_Hit = tuple[int, int, "Role"]


class TitledPerson(NamedTuple):
    """A person named after a rank, an office or an honorific (``Kapten Jeff Davis``)."""

    title: str
    """The title as written (``Kapten``)."""
    name: str
    """The name as written (``Jeff Davis``)."""
    start: int
    """Start of the title."""
    end: int
    """End of the name."""


@dataclass(frozen=True, slots=True)
class RoleExample:
    """A text of ``roles.toml`` and what the dictionary must find in it."""

    text: str
    expect: str | None
    role: str | None
    person: str | None


@dataclass(frozen=True, slots=True)
class Role:
    """One ``[[role]]`` of ``pantau/data/roles.toml`` (the fields are documented there)."""

    id: str
    label: str
    kind: RoleKind
    phrases: tuple[str, ...]
    functions: tuple[str, ...]
    fallback: bool
    keep_label: bool
    default: str | None
    default_if_named: bool
    place_follows: bool
    state_targets: bool
    examples: tuple[RoleExample, ...]


@dataclass(frozen=True, slots=True)
class _Guard:
    not_after: frozenset[str]
    not_before: frozenset[str]
    not_sentence_initial: bool


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: int
    metonym: bool
    initials: bool
    country: bool
    single_name: bool
    guard: _Guard | None
    rules: _Rules = ()


class _Mention:
    __slots__ = ("actor", "end", "metonym", "person", "role", "start", "title", "via")

    def __init__(self, start: int, end: int, actor: int, metonym: bool = False) -> None:
        self.start, self.end, self.actor, self.metonym = start, end, actor, metonym
        self.role: str | None = None
        self.person: str | None = None
        self.title: Role | None = None
        self.via: Literal["alias", "role_phrase"] = "alias"


class _RoleState:
    """What one pass of role attachment has used, dropped and added."""

    __slots__ = ("by_end", "dropped", "extra", "hits", "mentions", "used")

    def __init__(self, mentions: list[_Mention], hits: list[_Hit]) -> None:
        self.by_end: dict[int, list[tuple[int, Role]]] = {}
        for start, end, role in sorted(hits, key=lambda h: h[0]):
            if role.kind in _ACTOR_KINDS:
                self.by_end.setdefault(end, []).append((start, role))
        self.mentions, self.hits = mentions, hits
        self.dropped: set[int] = set()
        self.used: set[tuple[int, int]] = set()
        self.extra: list[_Mention] = []

    def inside(self, i: int, start: int, end: int) -> list[_Mention] | None:
        """The alias mentions a role phrase at [start, end) swallows; None if it is blocked."""
        inside = []
        j = i - 1
        while j >= 0 and self.mentions[j].end > start:
            other = self.mentions[j]
            if id(other) not in self.dropped:
                if other.start < start or other.via != "alias":
                    return None
                inside.append(other)
            j -= 1
        return inside


class ActorDictionary:
    """The actor dictionary and its role phrases. Build once, share freely (read-only).

    ``actors_path`` and ``roles_path`` default to the packaged data files; a missing or
    malformed file, or an invalid entry, raises :class:`~pantau.errors.ResourceError`
    naming the entry.
    """

    def __init__(self, actors_path: Path | None = None, roles_path: Path | None = None) -> None:
        roles_source, roles = _read_toml(roles_path, "roles.toml")
        actors_source, data = _read_toml(actors_path, "actors.toml")
        self._fold = _fold_table()
        grammar = _table(roles, "grammar", roles_source)
        where = f"{roles_source}: [grammar]"
        self._functions = frozenset(_strings(grammar, "functions", where))
        groups = _table(grammar, "type_groups", roles_source)
        self._armed = _types(groups, "armed", roles_source)
        self._state = _types(groups, "state", roles_source)
        self._specifier = _types(groups, "specifier", roles_source)
        self._coordinators = _casefolded(_strings(grammar, "coordinators", where))
        self._metonym_verbs = _casefolded(_strings(grammar, "metonym_verbs", where))
        self._particles = _casefolded(_strings(grammar, "name_particles", where))
        self._name_stop = frozenset(_strings(grammar, "name_stopwords", where))
        self._rank_suffixes = frozenset(_strings(grammar, "rank_suffixes", where))
        self.version = _version(data, actors_source)
        self.roles_version = _version(roles, roles_source)
        self._actors = _parse_actors(data, actors_source, self._functions)
        self._index = {a.id: i for i, a in enumerate(self._actors)}
        self._roles = _parse_roles(roles, roles_source, self._functions, self._index)
        self._link(data["actor"], actors_source)
        self._compile(data, actors_source)

    # -- public API -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._index

    @property
    def aliases_count(self) -> int:
        """Aliases as written in the file (``aliases`` and ``exact``), over all actors."""
        return sum(len(v) for v in self._written.values())

    @property
    def roles(self) -> tuple[Role, ...]:
        return self._roles

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; :class:`KeyError` naming it when there is none."""
        if actor_id not in self._index:
            raise KeyError(f"no actor {actor_id!r} in the actor dictionary")
        return self._actors[self._index[actor_id]]

    def aliases(self, actor_id: str) -> tuple[str, ...]:
        """The names of an actor as written in ``actors.toml`` (metonyms not included)."""
        return self._written[self.get(actor_id).id]

    def lookup(self, name: str) -> Actor | None:
        """The actor a name stands for: an alias (in any spelling the matcher accepts), or a
        phrase the role rules resolve in full (``pasukan Israel``, ``koalisi pimpinan AS``)."""
        found = self._keyed(name)
        if found:
            return self._actors[found[0]]
        key = " ".join(name.split())
        mentions = self.find(key) if key else []
        if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(key)):
            return mentions[0].actor
        return None

    def candidates(self, name: str) -> tuple[Actor, ...]:
        """Every actor an alias names, the preferred one first (several only if ambiguous)."""
        return tuple(self._actors[i] for i in self._keyed(name))

    def find(self, text: str) -> list[ActorMention]:
        """Every actor mentioned in ``text``, in text order, without overlaps."""
        actors = self._actors
        return [
            ActorMention(
                actors[m.actor], text[m.start : m.end], m.start, m.end, m.role, m.person, m.via
            )
            for m in self._find(text)[0]
        ]

    def find_titled_persons(self, text: str) -> list[TitledPerson]:
        """Persons named after a rank, an office or an honorific, in text order.

        ``Kapten Jeff Davis`` gives ``("Kapten", "Jeff Davis", start, end)`` whether or not the
        person is in the dictionary. When titles stack (``Kapolri Jenderal Listyo``), the one
        next to the name counts; a country between an office and the name is skipped
        (``Presiden AS Donald Trump``).
        """
        mentions, hits = self._find(text)
        at = {m.start: m for m in mentions}
        titles = self._title_hits(hits)
        starts = {s for s, _, _ in titles}
        found: list[TitledPerson] = []
        for start, end, role in titles:
            pos = end
            if role.kind == "office":
                if role.place_follows:
                    continue
                covering = at.get(start)
                if covering is not None and covering.title is role:
                    pos = max(pos, covering.end)
                pos = self._skip_specifiers(text, pos, at)
            pos = _skip_spaces(text, self._skip_rank_suffixes(text, pos))
            if pos not in starts and (name := self._name_at(text, pos, at, starts)) is not None:
                found.append(TitledPerson(text[start:end], name[0], start, name[2]))
        return found

    def link_short_mentions(
        self, persons: Sequence[TitledPerson]
    ) -> dict[TitledPerson, TitledPerson]:
        """Link each short mention to the full one it refers to, within one article.

        ``Kapten Davis`` links to ``Kapten Jeff Davis``: the short name's words are the last (or
        the first) words of a longer name, and the titles are compatible (the same rank or
        office, a rank with an office, an honorific with anything). The nearest full mention
        before it wins, else the nearest after it. A short name that fits two different full
        names stays unlinked.
        """
        words = [p.name.casefold().split() for p in persons]
        links: dict[TitledPerson, TitledPerson] = {}
        for i, p in enumerate(persons):
            short = words[i]
            fits = [
                j
                for j, long in enumerate(words)
                if len(long) > len(short)
                and short in (long[-len(short) :], long[: len(short)])
                and self._compatible(p.title, persons[j].title)
            ]
            if len({" ".join(words[j]) for j in fits}) == 1:
                before = [j for j in fits if persons[j].start < p.start]
                links[p] = persons[
                    max(before, key=lambda j: persons[j].start) if before else fits[0]
                ]
        return links

    # -- building ---------------------------------------------------------------------------

    def _link(self, raw: list[dict[str, Any]], source: str) -> None:
        """Chains (actor, ancestors, country) and function holders ((function, of) -> actor)."""
        countries: dict[str, int] = {}
        for i, actor in enumerate(self._actors):
            if actor.type == "country" and actor.country is not None:
                if actor.country in countries:
                    raise ResourceError(f"{source}: two country actors for {actor.country!r}")
                countries[actor.country] = i
        chains = []
        for i, actor in enumerate(self._actors):
            chain = [i]
            while (parent := self._actors[chain[-1]].parent) is not None:
                chain.append(self._index[parent])
            country = countries.get(actor.country or "")
            top = self._actors[chain[-1]].type
            if country is not None and country not in chain and top in {*self._state, "person"}:
                chain.append(country)
            chains.append(tuple(chain))
        self._chains = tuple(chains)
        self._holders: dict[tuple[str, int], int] = {}
        for i, entry in enumerate(raw):
            for function in entry.get("functions", ()):
                for of in entry.get("of", ()):
                    pair = (function, self._index[of])
                    if pair in self._holders:
                        raise ResourceError(
                            f"{source}: actors {self._actors[self._holders[pair]].id!r} and "
                            f"{self._actors[i].id!r} are both {function} of {of!r}; keep one"
                        )
                    self._holders[pair] = i

    def _compile(self, data: Mapping[str, Any], source: str) -> None:
        """The alias entries, their guards and ambiguities, and the two automata."""
        matching = _table(data, "matching", source)
        where = f"{source}: [matching]"
        self._initial_cues = _casefolded(_strings(matching, "initial_cues", where))
        self._locative = _casefolded(_strings(matching, "locative_cues", where))
        self._country_not_after = _casefolded(_strings(matching, "country_not_after", where))
        guards = _parse_guards(data, source, self._key)
        ambiguous = _parse_ambiguous(data, source, self._index, self._key)
        self._written: dict[str, tuple[str, ...]] = {}
        buckets: dict[tuple[bool, str], dict[int, _Alias]] = {}
        guarded: set[str] = set()
        for i, entry in enumerate(data["actor"]):
            actor = self._actors[i]
            written = [*entry.get("aliases", ()), *entry.get("exact", ())]
            self._written[actor.id] = tuple(dict.fromkeys(written))
            forced = set(entry.get("exact", ()))
            names = [(a, False) for a in written] + [(m, True) for m in entry.get("metonyms", ())]
            for alias, metonym in names:
                key = self._key(alias)
                exact = alias in forced or not any(c.islower() for c in key)
                item = _Alias(
                    actor=i,
                    metonym=metonym,
                    initials=exact and key.isupper() and sum(c.isalpha() for c in key) <= 3,
                    country=actor.type == "country" and not metonym,
                    single_name=actor.type in ("person", "media")
                    and " " not in key
                    and not key.isupper(),
                    guard=guards.get(key),
                )
                guarded.add(key)
                bucket = (exact, key if exact else self._lower(key))
                buckets.setdefault(bucket, {}).setdefault(i, item)
        if unused := sorted(set(guards) - guarded):
            raise ResourceError(f"{source}: [[guard]] for unknown alias {unused[0]!r}")
        owners: dict[str, set[int]] = {}
        for (_, key), items in buckets.items():
            owners.setdefault(self._lower(key), set()).update(items)
        for low, ids in owners.items():
            if len(ids) > 1 and low not in ambiguous:
                a, b = sorted(self._actors[i].id for i in ids)[:2]
                raise ResourceError(
                    f"{source}: alias {low!r} names {a!r} and {b!r}; "
                    "remove one or add an [[ambiguous]] entry"
                )
        for low, (_, _, listed) in ambiguous.items():
            if low not in owners or owners[low] - set(listed):
                raise ResourceError(f"{source}: [[ambiguous]] {low!r} must list its actors")

        self._exact_keys: dict[str, tuple[int, ...]] = {}
        self._ci_keys: dict[str, tuple[int, ...]] = {}
        self._alias_items: list[_Alias] = []
        payloads: dict[tuple[bool, str], list[tuple[int, int]]] = {}
        for (exact, key), items in buckets.items():
            order = list(items)
            item = items[order[0]]
            if (amb := ambiguous.get(self._lower(key))) is not None:
                order = [amb[0], *[i for i in amb[2] if i != amb[0]]]
                item = replace(item, actor=amb[0], rules=amb[1])
            if not item.metonym:
                (self._exact_keys if exact else self._ci_keys)[key] = tuple(order)
            payloads.setdefault((exact, key), []).append((_ALIAS, len(self._alias_items)))
            self._alias_items.append(item)
        self._phrases = [r for r in self._roles for _ in r.phrases]
        phrases = (p for r in self._roles for p in r.phrases)
        entries = [(p, (_ROLE, i)) for i, p in enumerate(phrases)]
        entries += [(b, (_BLOCKER, -1)) for b in _strings(matching, "blockers", where)]
        for phrase, payload in entries:
            key = self._key(phrase)
            exact = not any(c.islower() for c in key)
            payloads.setdefault((exact, key if exact else self._lower(key)), []).append(payload)
        self._ci_auto, self._cs_auto = ahocorasick.Automaton(), ahocorasick.Automaton()
        for (exact, key), found in payloads.items():
            (self._cs_auto if exact else self._ci_auto).add_word(key, (len(key), tuple(found)))
        self._ci_auto.make_automaton()
        self._cs_auto.make_automaton()
        self._role_keys = {self._lower(self._key(p)): r for r in self._roles for p in r.phrases}
        self._title_words = frozenset(k.rsplit(" ", 1)[-1] for k in self._role_keys)

    def _key(self, name: str) -> str:
        """A name as the automata hold it: folded, single spaces, case kept."""
        return " ".join(name.translate(self._fold).split())

    def _keyed(self, name: str) -> tuple[int, ...]:
        key = self._key(name)
        return self._exact_keys.get(key) or self._ci_keys.get(self._lower(key)) or ()

    @staticmethod
    def _lower(text: str) -> str:
        low = text.lower()
        if len(low) != len(text):  # "İ" lower-cases to two characters: keep offsets
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        return low

    # -- finding ----------------------------------------------------------------------------

    def _find(self, text: str) -> tuple[list[_Mention], list[_Hit]]:
        n = len(text)
        folded = text.translate(self._fold)
        hits: list[tuple[int, int, int, int]] = []
        role_hits: list[_Hit] = []
        for automaton, haystack in ((self._ci_auto, self._lower(folded)), (self._cs_auto, folded)):
            for last, (size, payloads) in automaton.iter(haystack):
                start, end = last - size + 1, last + 1
                if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
                    continue
                for kind, index in payloads:
                    if kind == _ROLE:
                        role_hits.append((start, end, self._phrases[index]))
                    elif kind == _BLOCKER or self._alias_ok(text, start, end, index):
                        hits.append((start - end, start, kind, index))
        hits.sort()  # longest first, then leftmost
        taken = bytearray(n)
        mentions: list[_Mention] = []
        blocked: list[tuple[int, int]] = []
        for negative, start, kind, index in hits:
            end = start - negative
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            if kind == _BLOCKER:
                blocked.append((start, end))
            else:
                item = self._alias_items[index]
                mentions.append(
                    _Mention(start, end, self._pick(text, start, end, item), item.metonym)
                )
        mentions.sort(key=lambda m: m.start)
        if blocked and role_hits:  # "calon presiden" is not an office
            role_hits = [h for h in role_hits if all(h[1] <= s or h[0] >= e for s, e in blocked)]
        if role_hits:
            mentions = self._apply_roles(text, mentions, role_hits)
        mentions = [
            m
            for m in mentions
            if not m.metonym
            or m.via == "role_phrase"
            or _next_word(text, m.end) in self._metonym_verbs
        ]
        if role_hits:
            at = {m.start: m for m in mentions}
            starts = {s for s, _, _ in self._title_hits(role_hits)}
            for m in mentions:
                if m.title is not None and m.person is None:
                    m.person = self._person_after(text, m, at, starts, role_hits)
        return mentions, role_hits

    def _alias_ok(self, text: str, start: int, end: int, index: int) -> bool:
        item = self._alias_items[index]
        if item.single_name and self._inside_name(text, start):
            return False
        if not (item.initials or item.country or item.guard):
            return True
        prev = _prev_word(text, start)
        if item.initials and (
            prev in self._initial_cues
            or _AGE.match(text, end)
            or text[end : end + 1] == "$"
            or (end + 1 < len(text) and text[end] == "-" and text[end + 1].isdigit())
        ):
            return False
        if item.country and (prev in self._country_not_after or prev in self._locative):
            return False
        guard = item.guard
        return guard is None or not (
            prev in guard.not_after
            or _next_word(text, end) in guard.not_before
            or (
                guard.not_sentence_initial
                and _SENTENCE_START.search(text, max(0, start - _WINDOW), start)
            )
        )

    def _inside_name(self, text: str, start: int) -> bool:
        """A one-word name after a capitalised word that is no title (mid-sentence) is part
        of a longer name: "Rochiman Sukarno", "aktor Oka Antara"."""
        m = _PREV_NAME.search(text, max(0, start - _WINDOW), start)
        if m is None or self._lower(m.group(1)) in self._title_words:
            return False
        return not _SENTENCE_START.search(text, max(0, m.start() - _WINDOW), m.start())

    def _pick(self, text: str, start: int, end: int, item: _Alias) -> int:
        """The actor of an ambiguous alias, by its context rules."""
        if item.rules:
            prev, nxt = _prev_word(text, start), _next_word(text, end)
            for actor, before, after in item.rules:
                if prev in before or nxt in after:
                    return actor
        return item.actor

    def _apply_roles(self, text: str, mentions: list[_Mention], hits: list[_Hit]) -> list[_Mention]:
        force_starts = {start for start, _, role in hits if role.kind == "force"}
        state = _RoleState(mentions, hits)
        for i in range(len(mentions) - 1, -1, -1):  # right to left: the nearest name first
            m = mentions[i]
            base, last = m.actor, None
            for _ in range(4):
                if id(m) in state.dropped:
                    break
                last = self._attach(text, m, i, base, last, state)
                if last is None or last.kind == "relation":
                    break
            if m.via == "alias" and m.start in force_starts and id(m) not in state.dropped:
                self._coordinate_alias(text, m, i, state)
        kept = [m for m in mentions if id(m) not in state.dropped] + state.extra
        taken = bytearray(len(text))
        for m in kept:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        for start, end, role in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            if role.kind != "office" or role.default is None or (start, end) in state.used:
                continue
            if taken.find(1, start, end) >= 0:
                continue
            if not role.default_if_named and self._named_after(text, end):
                continue
            taken[start:end] = b"\x01" * (end - start)
            office = _Mention(start, end, self._index[role.default])
            office.role, office.title, office.via = role.label, role, "role_phrase"
            kept.append(office)
        kept.sort(key=lambda m: m.start)
        return kept

    def _attach(
        self, text: str, m: _Mention, i: int, base: int, last: Role | None, state: _RoleState
    ) -> Role | None:
        """Attach the role phrase standing right before ``m``; the role, or None."""
        gap = _gap_before(text, m.start)
        for start, role in state.by_end.get(gap, ()):
            if (start, gap) in state.used or not _may_follow(role, last):
                continue
            if m.metonym and role.kind == "office":  # "Gubernur Jakarta": a place
                continue
            inside = state.inside(i, start, gap)
            resolved = None if inside is None else self._resolve(role, m.actor)
            if resolved is None or inside is None:
                continue
            state.dropped.update(id(x) for x in inside)
            state.used.add((start, gap))
            m.start, m.via = start, "role_phrase"
            if role.kind == "relation":
                m.role = role.label
                return role
            m.actor, m.role = resolved
            if role.kind in ("title", "office"):
                m.title = role
                if self._actors[m.actor].type == "person":
                    m.person = self._actors[m.actor].name
            if role.kind == "force":
                self._coordinated(text, start, base, i, state)
            return role
        return None

    def _coordinate_alias(self, text: str, m: _Mention, i: int, state: _RoleState) -> None:
        """Coordinate with an alias that is itself a force phrase (``polisi Israel``)."""
        for start, end, role in state.hits:
            if start == m.start and end < m.end and role.kind == "force":
                found = self._keyed(text[end : m.end])
                if found:
                    self._coordinated(text, m.start, found[0], i, state)
                    return

    def _coordinated(self, text: str, start: int, base: int, i: int, state: _RoleState) -> None:
        """Force roles joined to the one at ``start`` by ``dan``, ``serta``, ``,`` ..."""
        while True:
            pos = start
            while pos > 0 and text[pos - 1] in " \t":
                pos -= 1
            word_start = pos
            if pos > 0 and text[pos - 1] == ",":
                word_start -= 1
            else:
                while word_start > 0 and text[word_start - 1].isalpha():
                    word_start -= 1
            if text[word_start:pos].casefold() not in self._coordinators:
                return
            gap = word_start
            while gap > 0 and text[gap - 1] in " \t":
                gap -= 1
            if gap == word_start and text[word_start] != ",":
                return
            for role_start, role in state.by_end.get(gap, ()):
                if role.kind != "force" or (role_start, gap) in state.used:
                    continue
                inside = state.inside(i, role_start, gap)
                resolved = None if inside is None else self._resolve(role, base)
                if resolved is None or inside is None:
                    continue
                state.dropped.update(id(x) for x in inside)
                state.used.add((role_start, gap))
                extra = _Mention(role_start, gap, resolved[0])
                extra.role, extra.via = resolved[1], "role_phrase"
                state.extra.append(extra)
                start = role_start
                break
            else:
                return

    def _resolve(self, role: Role, target: int) -> tuple[int, str | None] | None:
        """The actor ``<role> <target>`` names, and the role it keeps."""
        actor, kind = self._actors[target], role.kind
        itself: int | None = target
        if not role.state_targets and actor.type in self._state:
            itself = None  # "militan Irak" are not Iraq's: only a function holder will do
        elif self._names_itself(role, actor):
            return target, role.label
        chain = self._chains[target]
        for function in role.functions:
            for link in chain:
                if (holder := self._holders.get((function, link))) is not None:
                    return holder, role.label if role.keep_label else None
        if kind == "force":
            for link in chain:
                if self._actors[link].type in self._armed:
                    return link, role.label
        if role.default is not None and actor.type in self._specifier:
            default = self._index[role.default]
            if self._actors[default].country == actor.country:  # "Menteri Sosial RI"
                return default, role.label
        if itself is None or not role.fallback:
            return None
        return (chain[-1] if actor.type == "person" else itself), role.label

    def _names_itself(self, role: Role, actor: Actor) -> bool:
        """``<role> X`` is X: a title, a relation, an office before a person, a force before
        an armed actor (``pasukan Hamas``), civilians before civilians (``warga Rohingya``)."""
        kind = role.kind
        return (
            kind in ("title", "relation")
            or (kind == "office" and actor.type == "person")
            or (kind == "force" and actor.type in self._armed)
            or (kind == "civilians" and actor.type == "civilians")
        )

    def _named_after(self, text: str, end: int) -> bool:
        """A capitalised word follows ``end`` (an office followed by an unknown name)."""
        m = _NEXT_WORD.match(text, end)
        return bool(m and m.start(1) == _skip_spaces(text, end) and m.group(1)[0].isupper())

    # -- persons ----------------------------------------------------------------------------

    def _title_hits(self, hits: list[_Hit]) -> list[_Hit]:
        """Rank, office and honorific hits, longest first without overlaps, in text order."""
        chosen: list[_Hit] = []
        for start, end, role in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            if role.kind in _PERSON_TITLES and all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, role))
        return sorted(chosen, key=lambda h: h[0])

    def _person_after(
        self,
        text: str,
        m: _Mention,
        at: Mapping[int, _Mention],
        starts: set[int],
        hits: list[_Hit],
    ) -> str | None:
        """The person named after a title or office mention (after a rank, if any)."""
        pos = self._skip_specifiers(text, m.end, at)
        ranks = sorted((s, e) for s, e, r in hits if r.kind in ("rank", "honorific") and s >= pos)
        if m.title is not None and m.title.place_follows:  # "Kapolda Papua Irjen X"
            near = [(s, e) for s, e in ranks if s < pos + _WINDOW]
            if not near or re.search(r"[.,;:!?\n]", text[pos : near[0][0]]):
                return None
            pos = near[0][1]
        elif ranks and ranks[0][0] == _skip_spaces(text, pos):
            pos = max(e for s, e in ranks if s == ranks[0][0])
        pos = _skip_spaces(text, self._skip_rank_suffixes(text, pos))
        if (known := at.get(pos)) is not None:
            actor = self._actors[known.actor]
            return actor.name if actor.type == "person" else None
        name = self._name_at(text, pos, at, starts)
        return name[0] if name else None

    def _skip_specifiers(self, text: str, pos: int, at: Mapping[int, _Mention]) -> int:
        """Past a country and a short parenthesis: "Pentagon Amerika Serikat (AS) | Kapten"."""
        for _ in range(4):
            nxt = _skip_spaces(text, pos)
            if text[nxt : nxt + 1] == "(":
                close = text.find(")", nxt, nxt + 30)
                if close < 0 or "\n" in text[nxt:close]:
                    return pos
                pos = close + 1
            elif (spec := at.get(nxt)) is not None and self._actors[
                spec.actor
            ].type in self._specifier:
                pos = spec.end
            else:
                return pos
        return pos

    def _skip_rank_suffixes(self, text: str, pos: int) -> int:
        while (m := _SUFFIX.match(text, pos)) and m.group(1) in self._rank_suffixes:
            pos = m.end()
        return pos

    def _name_at(
        self, text: str, pos: int, at: Mapping[int, _Mention], starts: set[int]
    ) -> tuple[str, int, int] | None:
        """A capitalised person's name starting at ``pos``: (name, start, end)."""
        tokens: list[tuple[str, int]] = []
        i, n = pos, len(text)
        while len(tokens) < 5 and (m := _TOKEN.match(text, i)) is not None:
            word, stop = m.group(), False
            initial = len(word) == 2 and word[0].isupper()  # "M." in "Noordin M. Top"
            if word.endswith(".") and not initial and word not in ("Jr.", "Sr."):
                word, stop = word[:-1], True
            other = at.get(i)
            if (
                not word
                or i in starts
                or word in self._name_stop
                or (other is not None and self._actors[other.actor].type != "person")
                or (word[0].isupper() and word.isupper() and len(word) > 3)
                or not (
                    word[0].isupper()
                    or (tokens and word.casefold() in self._particles)
                    or _HYPHEN_PARTICLE.match(word)
                )
            ):
                break
            tokens.append((word, i))
            i = m.end()
            if stop or i + 1 >= n or text[i] != " " or text[i + 1].isspace():
                break
            i += 1
        while tokens and (  # no trailing particle or acronym: "… bin", "… AS"
            tokens[-1][0].casefold() in self._particles
            or (
                tokens[-1][0].isupper()
                and len(tokens[-1][0]) > 1
                and not _ROMAN.match(tokens[-1][0])
            )
        ):
            tokens.pop()
        if not any(w[0].isupper() and not w.isupper() for w, _ in tokens):
            return None
        start, end = tokens[0][1], tokens[-1][1] + len(tokens[-1][0])
        return text[start:end], start, end

    def _compatible(self, a: str, b: str) -> bool:
        ra = self._role_keys.get(self._lower(self._key(a)))
        rb = self._role_keys.get(self._lower(self._key(b)))
        if ra is None or rb is None or "honorific" in (ra.kind, rb.kind):
            return True
        return ra.id == rb.id or ra.kind != rb.kind


# -- text helpers -----------------------------------------------------------------------------


def _may_follow(role: Role, last: Role | None) -> bool:
    """Whether ``role`` may stand before a phrase already built with ``last``."""
    if last is None or role.kind in ("title", "office", "relation"):
        return True
    return role.kind == "force" and last.kind == "force"


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _gap_before(text: str, start: int) -> int:
    """Where a role phrase must end to stand right before ``start`` (spaces or a hyphen)."""
    pos = start
    while pos > 0 and start - pos < 3 and text[pos - 1] in " \t-":
        pos -= 1
    return pos if pos < start else -1


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - _WINDOW), start)
    return m.group(1).rstrip(".").casefold() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).rstrip(".").casefold() if m else ""


def _fold_table() -> dict[int, str]:
    """A translation that moves no character: diacritics off, hyphens to spaces, apostrophes
    straight, odd spaces plain."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    table.update({ord(c): " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00a0\t"})
    table.update({ord(c): "'" for c in "\u2019\u2018\u201b\u02bc\u00b4`"})
    table.update({ord(c): b for c, b in zip("ıøØłŁđĐ", "ioOlLdD", strict=True)})
    return table


def _casefolded(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


# -- loading and validation -----------------------------------------------------------------


def _read_toml(path: Path | None, name: str) -> tuple[str, dict[str, Any]]:
    if path is None:
        source = f"pantau/data/{name}"
        try:
            raw = (resources.files("pantau") / "data" / name).read_bytes()
        except OSError as e:
            raise ResourceError(f"cannot read the packaged {source}: {e}; reinstall pantau") from e
    else:
        source = str(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as e:
            raise ResourceError(f"cannot read {source}: {e}; check the path") from e
    try:
        return source, tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ResourceError(f"{source} is not valid UTF-8 TOML: {e}; fix the file") from e


def _version(data: Mapping[str, Any], source: str) -> str:
    value = data.get("version")
    if not isinstance(value, str) or not value:
        raise ResourceError(f'{source}: version must be a non-empty string such as "2025.1"')
    return value


def _table(data: Mapping[str, Any], name: str, source: str) -> Mapping[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise ResourceError(f"{source}: [{name}] must be a table")
    return value


def _strings(data: Mapping[str, Any], name: str, where: str, *, empty: bool = False) -> list[str]:
    value = data.get(name, [] if empty else None)
    if not isinstance(value, list) or not (value or empty):
        raise ResourceError(f"{where}: {name} must be a non-empty list of strings")
    for item in value:
        if not isinstance(item, str) or not item.strip() or item != " ".join(item.split()):
            raise ResourceError(f"{where}: {name} holds {item!r}; use trimmed non-empty strings")
    return value


def _types(data: Mapping[str, Any], name: str, source: str) -> frozenset[str]:
    values = _strings(data, name, f"{source}: [grammar.type_groups]")
    if bad := [v for v in values if v not in get_args(ActorType)]:
        raise ResourceError(f"{source}: type group {name} holds unknown type {bad[0]!r}")
    return frozenset(values)


def _parse_actors(
    data: Mapping[str, Any], source: str, functions: frozenset[str]
) -> tuple[Actor, ...]:
    raw = data.get("actor")
    if not isinstance(raw, list) or not raw or not all(isinstance(e, dict) for e in raw):
        raise ResourceError(f"{source}: no [[actor]] entries")
    if extra := set(data) - {"version", "matching", "guard", "ambiguous", "actor"}:
        raise ResourceError(f"{source}: unknown top-level key {sorted(extra)[0]!r}")
    types = get_args(ActorType)
    known = {e.get("id") for e in raw}
    actors: dict[str, Actor] = {}
    for n, entry in enumerate(raw):
        actor_id = entry.get("id")
        if not isinstance(actor_id, str) or not _SLUG.match(actor_id):
            raise ResourceError(f"{source}: actor #{n + 1} has an invalid id {actor_id!r}")
        where = f"{source}: actor {actor_id!r}"
        problem = None
        name, kind, country = entry.get("name"), entry.get("type"), entry.get("country")
        qid, parent = entry.get("wikidata"), entry.get("parent")
        lists = {k: _strings(entry, k, where, empty=True) for k in ("aliases", "exact")}
        lists |= {k: _strings(entry, k, where, empty=True) for k in ("metonyms", "functions", "of")}
        if actor_id in actors:
            problem = "is defined twice; ids must be unique"
        elif extra := set(entry) - _ACTOR_KEYS:
            problem = f"has an unknown key {sorted(extra)[0]!r}"
        elif not isinstance(name, str) or not name.strip():
            problem = "needs a name"
        elif kind not in types:
            problem = f"has type {kind!r}, not one of {', '.join(types)}"
        elif country is not None and country not in _ISO_3166:
            problem = f"has country {country!r}, not an ISO 3166-1 alpha-2 code"
        elif qid is not None and not (isinstance(qid, str) and _QID.match(qid)):
            problem = f"has wikidata {qid!r}, not a QID like 'Q252'"
        elif parent is not None and (parent not in known or parent == actor_id):
            problem = f"has parent {parent!r}, not another actor's id"
        elif bool(lists["functions"]) != bool(lists["of"]):
            problem = "needs both functions and of, or neither"
        elif bad := [f for f in lists["functions"] if f not in functions]:
            problem = f"has function {bad[0]!r}, not in roles.toml [grammar] functions"
        elif bad := [o for o in lists["of"] if o not in known]:
            problem = f"is 'of' an unknown actor {bad[0]!r}"
        elif not any(lists[k] for k in ("aliases", "exact", "metonyms", "functions")):
            problem = "has no alias and no function: it could never be found"
        elif not isinstance(entry.get("note", ""), str):
            problem = "has a note that is not a string"
        if problem:
            raise ResourceError(f"{where} {problem}")
        actors[actor_id] = Actor(actor_id, name, kind, country, qid, parent)
    for actor in actors.values():
        seen, step = {actor.id}, actor
        while step.parent is not None:
            step = actors[step.parent]
            if step.id in seen:
                raise ResourceError(f"{source}: actor {actor.id!r} has a parent cycle")
            seen.add(step.id)
    return tuple(actors.values())


def _parse_guards(
    data: Mapping[str, Any], source: str, key: Callable[[str], str]
) -> dict[str, _Guard]:
    guards: dict[str, _Guard] = {}
    for n, entry in enumerate(data.get("guard", [])):
        alias = entry.get("alias") if isinstance(entry, dict) else None
        where = f"{source}: [[guard]] {alias or f'#{n + 1}'!r}"
        initial = entry.get("not_sentence_initial", False) if alias else None
        if not isinstance(alias, str) or not isinstance(initial, bool):
            raise ResourceError(f"{where}: needs an alias, and not_sentence_initial true/false")
        if (
            extra := set(entry)
            - {"alias", "not_after", "not_before", "not_sentence_initial"}
            - {"note"}
        ):
            raise ResourceError(f"{where}: unknown key {sorted(extra)[0]!r}")
        after = _casefolded(_strings(entry, "not_after", where, empty=True))
        before = _casefolded(_strings(entry, "not_before", where, empty=True))
        guards[key(alias)] = _Guard(after, before, initial)
    return guards


def _parse_ambiguous(
    data: Mapping[str, Any], source: str, index: Mapping[str, int], key: Callable[[str], str]
) -> dict[str, tuple[int, _Rules, list[int]]]:
    """``[[ambiguous]]`` by lower-cased alias: (preferred actor, context rules, all actors)."""
    found: dict[str, tuple[int, _Rules, list[int]]] = {}
    for n, entry in enumerate(data.get("ambiguous", [])):
        alias = entry.get("alias") if isinstance(entry, dict) else None
        where = f"{source}: [[ambiguous]] {alias or f'#{n + 1}'!r}"
        actors = _strings(entry, "actors", where) if alias else []
        prefer = entry.get("prefer") if alias else None
        if not isinstance(alias, str) or len(actors) < 2 or prefer not in actors:
            raise ResourceError(f"{where}: needs an alias, two actors or more, prefer one")
        if bad := [a for a in actors if a not in index]:
            raise ResourceError(f"{where}: unknown actor {bad[0]!r}")
        rules = []
        for rule in entry.get("rules", []):
            if not isinstance(rule, dict) or rule.get("actor") not in actors:
                raise ResourceError(f"{where}: each rule needs an actor from actors")
            before = _casefolded(_strings(rule, "prev", where, empty=True))
            after = _casefolded(_strings(rule, "next", where, empty=True))
            rules.append((index[rule["actor"]], before, after))
        found[key(alias).lower()] = (index[prefer], tuple(rules), [index[a] for a in actors])
    return found


def _parse_roles(
    data: Mapping[str, Any], source: str, functions: frozenset[str], index: Mapping[str, int]
) -> tuple[Role, ...]:
    raw = data.get("role")
    if not isinstance(raw, list) or not raw or not all(isinstance(e, dict) for e in raw):
        raise ResourceError(f"{source}: no [[role]] entries")
    kinds = get_args(RoleKind)
    roles: dict[str, Role] = {}
    phrases: dict[str, str] = {}
    for n, entry in enumerate(raw):
        role_id = entry.get("id")
        if not isinstance(role_id, str) or not _SLUG.match(role_id):
            raise ResourceError(f"{source}: role #{n + 1} has an invalid id {role_id!r}")
        where = f"{source}: role {role_id!r}"
        kind, label, default = entry.get("kind"), entry.get("label"), entry.get("default")
        keys = {"id", "label", "kind", "phrases", "functions", "default", "examples", *_ROLE_FLAGS}
        held = _strings(entry, "functions", where, empty=True)
        problem = None
        if role_id in roles:
            problem = "is defined twice; ids must be unique"
        elif extra := set(entry) - keys:
            problem = f"has an unknown key {sorted(extra)[0]!r}"
        elif kind not in kinds:
            problem = f"has kind {kind!r}, not one of {', '.join(kinds)}"
        elif not isinstance(label, str) or not label:
            problem = "needs a label"
        elif bad := [f for f in held if f not in functions]:
            problem = f"has function {bad[0]!r}, not in [grammar] functions"
        elif default is not None and (kind != "office" or default not in index):
            problem = f"has default {default!r}: only an office has one, an actor id"
        if problem:
            raise ResourceError(f"{where} {problem}")
        for phrase in _strings(entry, "phrases", where):
            if (other := phrases.setdefault(phrase.casefold(), role_id)) != role_id:
                raise ResourceError(f"{where}: phrase {phrase!r} is also in role {other!r}")
        flags = {}
        for flag, value in _ROLE_FLAGS.items():
            fallback, keep = _KIND_DEFAULTS.get(kind, (False, False))
            default_value = {"fallback": fallback, "keep_label": keep}.get(flag, value)
            flags[flag] = entry.get(flag, default_value)
            if not isinstance(flags[flag], bool):
                raise ResourceError(f"{where}: {flag} must be true or false")
        examples = []
        for example in entry.get("examples") or [None]:
            actor_kind = kind in _ACTOR_KINDS
            if not isinstance(example, dict) or not isinstance(example.get("text"), str):
                raise ResourceError(f"{where}: give examples, each with a text")
            if not isinstance(example.get("expect" if actor_kind else "person"), str):
                what = "the actor id it expects" if actor_kind else "the person it names"
                raise ResourceError(f"{where}: an example needs {what}")
            examples.append(
                RoleExample(
                    example["text"],
                    example.get("expect"),
                    example.get("role"),
                    example.get("person"),
                )
            )
        roles[role_id] = Role(
            role_id, label, kind, tuple(entry["phrases"]), tuple(held), flags["fallback"],
            flags["keep_label"], default, flags["default_if_named"], flags["place_follows"],
            flags["state_targets"], tuple(examples),
        )  # fmt: skip
    return tuple(roles.values())
