"""The actor dictionary's data files, ``pantau/data/actors.toml`` and ``roles.toml``: the role
records, and the loading and validation of both files (every problem is a
:class:`~pantau.errors.ResourceError` naming the entry)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, get_args

from pantau.article import Actor, ActorType
from pantau.errors import ResourceError

RoleKind = Literal[
    "title", "office", "function", "force", "civilians", "relation", "rank", "honorific"
]
_ACTOR_KINDS = frozenset({"title", "office", "function", "force", "civilians", "relation"})
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
_Rules = tuple[tuple[int, frozenset[str], frozenset[str]], ...]


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


def _casefolded(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


# -- loading and validation -----------------------------------------------------------------


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
