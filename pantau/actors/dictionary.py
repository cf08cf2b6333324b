"""The actor dictionary: aliases, role phrases and blockers matched in one pass over a text.

How :meth:`ActorDictionary.find` works is told in :mod:`pantau.actors`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import ahocorasick

from pantau.actors.data import (
    _ACTOR_KINDS,
    Role,
    _casefolded,
    _Guard,
    _parse_actors,
    _parse_ambiguous,
    _parse_guards,
    _parse_roles,
    _Rules,
    _strings,
    _table,
    _types,
    _version,
)
from pantau.actors.persons import _WINDOW, TitledPerson, _PersonReader, _skip_spaces
from pantau.article import Actor, ActorMention
from pantau.datafiles import read_toml
from pantau.errors import ResourceError
from pantau.source import non_ascii

_NEXT_WORD = re.compile(r"[ \t\-]*([\w'’.-]+)")
# The words before a position are read by scanning backwards (see _prev_word, _prev_name and
# _sentence_start): a regular expression anchored at the end of a window tries every start
# position in the window, which made these look-ups the costliest part of matching.
_WORD_EXTRA = "_'’.-"  # besides letters and digits, what a word may hold (``al-Assad``, ``Jr.``)
_NAME_EXTRA = "_'’-"
_LEAD_IN = '("“‘'  # besides white space, what may stand between a word and what follows it
_OPENERS = '"“‘(['  # besides white space, what may stand before a sentence's first word
_AGE = re.compile(r"\s*\(\d{1,3}\)")
_ALIAS, _ROLE, _BLOCKER = 0, 1, 2
_Hit = tuple[int, int, "Role"]
_Entry = tuple[bool, str, tuple[tuple[int, int], ...]]
"""A key of the automaton: exact (matched as written) or lower-cased, and its payloads."""
_ASCII_WORDS = bytes(b if chr(b).isalnum() else 32 for b in range(128)) + bytes(range(128, 256))
_NON_WORD = re.compile(r"[\W_]")


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


class ActorDictionary(_PersonReader):
    """The actor dictionary and its role phrases. Build once, share freely (read-only).

    ``actors_path`` and ``roles_path`` default to the packaged data files; a missing or
    malformed file, or an invalid entry, raises :class:`~pantau.errors.ResourceError`
    naming the entry.
    """

    def __init__(self, actors_path: Path | None = None, roles_path: Path | None = None) -> None:
        roles_source, roles = read_toml("roles.toml", roles_path)
        actors_source, data = read_toml("actors.toml", actors_path)
        self._fold = _fold_table()
        # str.translate looks every character up in the table. Few of the characters that fold
        # stand in a text: replacing each of them in turn (none folds to another) is several
        # times faster on news text. In ASCII text they can only be hyphens, tabs and
        # backquotes; other text is searched for its non-ASCII characters.
        self._ascii_folds = tuple((chr(c), b) for c, b in sorted(self._fold.items()) if c < 128)
        self._other_folds = frozenset(chr(c) for c in self._fold if c >= 128)
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
        return self.find_with_persons(text)[0]

    def find_with_persons(self, text: str) -> tuple[list[ActorMention], list[TitledPerson]]:
        """:meth:`find` and :meth:`find_titled_persons` together, matching the text once.

        An alias inside a titled person's name is part of the name, not an actor
        (``Kombes Pol. Rahmat Hidayatullah``)."""
        mentions, titles = self._find(text)
        persons = self._titled_persons(text, mentions, titles)
        if persons:
            names = [(p.end - len(p.name), p.end) for p in persons]
            mentions = [
                m
                for m in mentions
                if m.via != "alias" or not any(s < m.start and m.end <= e for s, e in names)
            ]
        return self._actor_mentions(text, mentions), persons

    def _actor_mentions(self, text: str, mentions: list[_Mention]) -> list[ActorMention]:
        actors = self._actors
        return [
            ActorMention(
                actors[m.actor], text[m.start : m.end], m.start, m.end, m.role, m.person, m.via
            )
            for m in mentions
        ]

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
        """The alias entries, their guards and ambiguities, and the automaton."""
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
        self._unchecked = frozenset(
            i
            for i, a in enumerate(self._alias_items)
            if not (a.single_name or a.initials or a.country or a.guard)
        )
        """The aliases :meth:`_alias_ok` passes without looking at the text."""
        self._phrases = [r for r in self._roles for _ in r.phrases]
        phrases = (p for r in self._roles for p in r.phrases)
        entries = [(p, (_ROLE, i)) for i, p in enumerate(phrases)]
        entries += [(b, (_BLOCKER, -1)) for b in _strings(matching, "blockers", where)]
        for phrase, payload in entries:
            key = self._key(phrase)
            exact = not any(c.islower() for c in key)
            payloads.setdefault((exact, key if exact else self._lower(key)), []).append(payload)
        # One automaton over the lower-cased text with every character that is not a letter or
        # digit made a space, each key between two spaces: it only visits whole words, and a
        # hit is then checked against the text (lower-cased, or as written for exact keys).
        by_words: dict[str, list[_Entry]] = {}
        for (exact, key), found in payloads.items():
            for form in _lower_forms(key) if exact else (key,):
                by_words.setdefault(_words_only(form), []).append((exact, key, tuple(found)))
        self._words = ahocorasick.Automaton()
        for marked, keys in by_words.items():
            self._words.add_word(f" {marked} ", (len(marked), tuple(keys)))
        self._words.make_automaton()
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
        """The mentions of ``text``, and its title hits (see ``_title_hits``)."""
        n = len(text)
        folded = text
        for char, base in self._ascii_folds:
            folded = folded.replace(char, base)
        if not text.isascii():
            for char in non_ascii(text) & self._other_folds:
                folded = folded.replace(char, self._fold[ord(char)])
        lowered = self._lower(folded)
        hits: list[tuple[int, int, int, int]] = []
        roles: tuple[list[_Hit], list[_Hit]] = ([], [])  # of lower-cased keys, of exact keys
        unchecked = self._unchecked
        for last, (size, entries) in self._words.iter(f" {_words_only(lowered)} "):
            start = last - size - 1
            end = start + size
            if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
                continue
            for exact, key, payloads in entries:
                if not (folded if exact else lowered).startswith(key, start):
                    continue
                for kind, index in payloads:
                    if kind == _ROLE:
                        roles[exact].append((start, end, self._phrases[index]))
                    elif (
                        kind == _BLOCKER
                        or index in unchecked
                        or self._alias_ok(text, start, end, index)
                    ):
                        hits.append((start - end, start, kind, index))
        role_hits = roles[0] + roles[1]
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
                actor = self._pick(text, start, end, item) if item.rules else item.actor
                mentions.append(_Mention(start, end, actor, item.metonym))
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
        titles = self._title_hits(role_hits)
        if role_hits:
            at = {m.start: m for m in mentions}
            starts = {s for s, _, _ in titles}
            ranks = sorted((s, e) for s, e, r in role_hits if r.kind in ("rank", "honorific"))
            for m in mentions:
                if m.title is not None and m.person is None:
                    m.person = self._person_after(text, m, at, starts, ranks)
        return mentions, titles

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
            or (guard.not_sentence_initial and _sentence_start(text, start))
        )

    def _inside_name(self, text: str, start: int) -> bool:
        """A one-word name after a capitalised word that is no title (mid-sentence) is part
        of a longer name: "Rochiman Sukarno", "aktor Oka Antara"."""
        begin = _prev_name(text, start)
        if begin < 0 or self._lower(text[begin : start - 1]) in self._title_words:
            return False
        return not _sentence_start(text, begin)

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
        ends = state.by_end.keys()
        for i in range(len(mentions) - 1, -1, -1):  # right to left: the nearest name first
            m = mentions[i]
            base, last = m.actor, None
            # a role phrase can stand right before m only if one ends 1 to 3 characters before
            # it (see _gap_before): most mentions have none, and skip the attaching calls
            s = m.start
            tries = 0 if ends.isdisjoint((s - 1, s - 2, s - 3)) else 4
            for _ in range(tries):
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


# -- text helpers -----------------------------------------------------------------------------


def _may_follow(role: Role, last: Role | None) -> bool:
    """Whether ``role`` may stand before a phrase already built with ``last``."""
    if last is None or role.kind in ("title", "office", "relation"):
        return True
    return role.kind == "force" and last.kind == "force"


def _gap_before(text: str, start: int) -> int:
    """Where a role phrase must end to stand right before ``start`` (spaces or a hyphen)."""
    pos = start
    while pos > 0 and start - pos < 3 and text[pos - 1] in " \t-":
        pos -= 1
    return pos if pos < start else -1


def _prev_word(text: str, start: int) -> str:
    """The word before ``start`` (past spaces, an opening bracket or quote), lower case, without
    a full stop; "" when there is none within :data:`_WINDOW` characters."""
    lo = max(0, start - _WINDOW)
    end = start
    while end > lo and (text[end - 1].isspace() or text[end - 1] in _LEAD_IN):
        end -= 1
    begin = end
    while begin > lo and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_EXTRA):
        begin -= 1
    return text[begin:end].rstrip(".").casefold()


def _prev_name(text: str, start: int) -> int:
    """Where a capitalised word standing right before ``start`` and one space begins: the first
    capital of the word's last run of word characters within :data:`_WINDOW` (``pro-Assad`` →
    ``Assad``), or -1."""
    lo = max(0, start - _WINDOW)
    end = start - 1
    if end < lo or text[end] != " ":
        return -1
    begin = end
    while begin > lo and (text[begin - 1].isalnum() or text[begin - 1] in _NAME_EXTRA):
        begin -= 1
    for pos in range(begin, end):
        if "A" <= text[pos] <= "Z":
            return pos
    return -1


def _sentence_start(text: str, start: int) -> bool:
    """Whether a sentence starts at ``start``, as far as :data:`_WINDOW` characters before it
    tell: only white space, quotes and brackets after the text's start, a line break, or a full
    stop (``!``, ``?``) and white space."""
    lo = max(0, start - _WINDOW)
    begin = start
    while begin > lo and (text[begin - 1].isspace() or text[begin - 1] in _OPENERS):
        begin -= 1
    return (
        begin == 0
        or "\n" in text[begin:start]
        or (begin > lo and text[begin - 1] in ".!?" and begin < start and text[begin].isspace())
    )


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).rstrip(".").casefold() if m else ""


def _words_only(text: str) -> str:
    """``text`` with every character that is not a letter or digit made a space (ASCII as
    bytes, which is fast; other characters by expression)."""
    if not text.isascii():
        # Few distinct non-ASCII characters (curly quotes, dashes): telling them apart once
        # each is cheaper than a word-class expression testing every character's category.
        others = non_ascii(text)
        if any(c.isalnum() for c in others):
            return _NON_WORD.sub(" ", text)
        for char in others:
            text = text.replace(char, " ")
    return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii")


def _lower_forms(key: str) -> set[str]:
    """What an exact key may read in a lower-cased text: its lower case, and, for a capital
    sigma, both the final and the medial small sigma (``str.lower`` picks by context)."""
    forms = {ActorDictionary._lower(key)}
    for i, c in enumerate(key):
        if c == "Σ":
            forms |= {f[:i] + small + f[i + 1 :] for f in forms for small in "σς"}
    return forms


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
