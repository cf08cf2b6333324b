"""The event codebook: PLOVER types, modes and contexts, pantau's modalities, the ACLED crosswalk.

The codebook ships as data (``pantau/data/codebook.toml``, CC BY-SA 4.0 like PLOVER itself) and
is loaded and validated once by :class:`Codebook`::

    >>> from pantau.codebook import Codebook
    >>> book = Codebook()
    >>> book.modes("RETREAT")
    ('withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign')
    >>> book.acled("ASSAULT", "aerial")
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> book.acled("ASSAULT", "firearms", "rebel_group", "civilians")
    ('Violence against civilians', 'Attack')

The crosswalk is a list of rules tried in order (first match wins). A rule names a PLOVER type
and optionally a mode, the *kind* of the source and target actors, a kind at least one
participant must have, and contexts. Kinds are sets of :data:`pantau.article.ActorType` values
(``armed``, ``state_forces``, ``civilian`` …) defined in the data; ``protesters`` is a kind the
caller states explicitly for the participants of a protest.

``docs/codebook.md`` is generated from the data::

    python -m pantau.codebook render > docs/codebook.md
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args

from pantau.article import ActorType, Modality, PloverType
from pantau.datafiles import read_toml
from pantau.errors import ConfigurationError, ResourceError

__all__ = [
    "ActorKind",
    "Codebook",
    "Context",
    "CrosswalkRule",
    "EventType",
    "ModalityInfo",
    "Mode",
    "main",
]

Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
KindSpec = str | Iterable[str] | None
"""What :meth:`Codebook.acled` takes for the actors of one role: a kind name, an actor type,
several of them (one per actor), or ``None`` / empty for no (or unknown) actors."""
_ACLED_MEMO_SIZE = 10_000
"""Bound of :meth:`Codebook.acled`'s memo (emptied when full)."""


def _spec_tuple(spec: KindSpec) -> str | tuple[str, ...] | None:
    """A :data:`KindSpec` that can be a key: several kinds as a tuple."""
    return spec if spec is None or isinstance(spec, str) else tuple(spec)


_TYPES: tuple[str, ...] = get_args(PloverType)
_ACTOR_TYPES: frozenset[str] = frozenset(get_args(ActorType))
_MODALITIES: tuple[str, ...] = get_args(Modality)
_QUADS: frozenset[str] = frozenset(get_args(Quad))
_RESERVED_KINDS = frozenset({"any", "none"})
_ORIGINS = frozenset({"plover", "pantau", "cameo2plover"})


@dataclass(frozen=True, slots=True)
class Mode:
    """A mode of an event type: *how* it was done (for THREATEN: what was threatened)."""

    name: str
    definition: str
    gloss: str
    """Indonesian gloss."""
    origin: str = "plover"
    """``plover`` (named as in the manual) or ``pantau`` (our extension, see :attr:`note`)."""
    note: str = ""


@dataclass(frozen=True, slots=True)
class EventType:
    """One of the 16 PLOVER event types."""

    name: str
    quad: Quad
    requires_recipient: bool
    label: str
    """Short Indonesian label."""
    definition: str
    gloss: str
    """Indonesian definition."""
    cues: tuple[str, ...]
    """Typical Indonesian trigger words (a hint for coders, not an exhaustive lexicon)."""
    notes: tuple[str, ...]
    """Coding rules for the ambiguous cases."""
    modes: tuple[Mode, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """A PLOVER context: *why*, or what the event is about."""

    name: str
    definition: str
    gloss: str
    origin: str = "plover"


@dataclass(frozen=True, slots=True)
class ModalityInfo:
    """A modality of :data:`pantau.article.Modality` and the PLOVER auxiliary mode it stands for."""

    name: str
    definition: str
    gloss: str
    auxiliary: str | None
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorKind:
    """A named set of actor types used by the crosswalk."""

    name: str
    types: tuple[str, ...]
    includes: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class CrosswalkRule:
    """One ``[[crosswalk]]`` rule; empty conditions always hold."""

    index: int
    """Position in the file, from 1."""
    type: str
    modes: tuple[str, ...]
    source_kind: str
    target_kind: str
    any_kind: str | None
    contexts: tuple[str, ...]
    acled_type: str | None
    acled_subtype: str | None
    note: str


class Codebook:
    """The event codebook, loaded and validated. Build once, share freely (its only mutable
    state is a bounded memo of :meth:`acled` answers, which never changes an answer).

    ``path`` defaults to the packaged ``pantau/data/codebook.toml``. A missing, unreadable or
    malformed file raises :class:`~pantau.errors.ResourceError` naming the bad entry.
    """

    def __init__(self, path: Path | None = None) -> None:
        source, data = read_toml("codebook.toml", path)
        self._source = source
        self.version: str = _string(data, "version", source)
        self.plover: str = _string(data, "plover", source)
        self.licence: str = _string(data, "licence", source)
        self._acled = _parse_acled(data.get("acled"), source)
        self._kinds = _parse_kinds(data.get("kind"), source)
        self._atoms = _resolve_kinds(self._kinds, source)
        self._modalities = _parse_modalities(data.get("modality"), source)
        self._types = _parse_types(data.get("type"), source)
        self._contexts = _parse_contexts(data.get("context"), source)
        self._rules = _parse_rules(
            data.get("crosswalk"), source, self._types, self._contexts, self._acled, self._kinds
        )
        # looked up for every event: computed once
        self._mode_names = {
            name: tuple(m.name for m in type_.modes) for name, type_ in self._types.items()
        }
        rules_by_type: dict[str, list[CrosswalkRule]] = {}
        for rule in self._rules:
            rules_by_type.setdefault(rule.type, []).append(rule)
        self._rules_by_type = {name: tuple(rules) for name, rules in rules_by_type.items()}
        """The crosswalk rules of each type, in order (a rule of another type never applies)."""
        self._kind_types = {
            kind: frozenset(a for a in atoms if a in _ACTOR_TYPES)
            for kind, atoms in self._atoms.items()
            if kind in self._kinds
        }
        self._acled_memo: dict[tuple[Any, ...], tuple[str | None, str | None]] = {}
        """:meth:`acled` answers by their arguments (the crosswalk is asked the same few
        questions for every event)."""

    # -- data ------------------------------------------------------------------------------

    @property
    def types(self) -> Mapping[str, EventType]:
        """Event type name → :class:`EventType`, in PLOVER's order."""
        return self._types

    @property
    def contexts(self) -> Mapping[str, Context]:
        return self._contexts

    @property
    def modalities(self) -> Mapping[str, ModalityInfo]:
        return self._modalities

    @property
    def acled_types(self) -> Mapping[str, tuple[str, ...]]:
        """ACLED event type → its sub-event types."""
        return MappingProxyType({name: subs for name, (_, subs) in self._acled.items()})

    @property
    def kinds(self) -> Mapping[str, ActorKind]:
        return self._kinds

    @property
    def crosswalk(self) -> tuple[CrosswalkRule, ...]:
        return self._rules

    def event_type(self, name: str) -> EventType:
        """The :class:`EventType` called ``name``; :class:`ConfigurationError` if unknown."""
        try:
            return self._types[name]
        except KeyError:
            raise ConfigurationError(
                f"unknown event type {name!r}: use one of {', '.join(self._types)}"
            ) from None

    def modes(self, type: str) -> tuple[str, ...]:
        """The mode names of event type ``type``, in the manual's order."""
        names = self._mode_names.get(type)
        return names if names is not None else tuple(m.name for m in self.event_type(type).modes)

    def kind_types(self, kind: str) -> frozenset[str]:
        """The actor types a kind covers (``protesters`` covers none: it is stated explicitly)."""
        found = self._kind_types.get(kind)
        if found is not None:
            return found
        if kind not in self._kinds:
            raise ConfigurationError(
                f"unknown actor kind {kind!r}: use one of {', '.join(self._kinds)}"
            )
        return frozenset(a for a in self._atoms[kind] if a in _ACTOR_TYPES)

    # -- crosswalk -------------------------------------------------------------------------

    def acled(
        self,
        type: str,
        mode: str | None = None,
        source_kind: KindSpec = None,
        target_kind: KindSpec = None,
        *,
        contexts: Iterable[str] = (),
    ) -> tuple[str | None, str | None]:
        """The ACLED (event type, sub-event type) of a PLOVER event, or ``(None, None)``.

        ``source_kind`` and ``target_kind`` each take a kind name (``armed``, ``civilian`` …),
        an actor type (``rebel_group``), or one of those per actor; ``None`` or an empty list
        means no actor of that role (or none whose type is known). Pass ``protesters`` for the
        participants of a protest. Unknown names raise :class:`ConfigurationError`.
        """
        # the arguments as a key (iterables read once, into tuples)
        source_kind = _spec_tuple(source_kind)
        target_kind = _spec_tuple(target_kind)
        contexts = tuple(contexts)
        key = (type, mode, source_kind, target_kind, contexts)
        found = self._acled_memo.get(key)
        if found is not None:
            return found
        self.event_type(type)
        sources = self._given(source_kind, "source_kind")
        targets = self._given(target_kind, "target_kind")
        context_set = frozenset(contexts)
        found = None, None
        for rule in self._rules_by_type.get(type, ()):
            if self._applies(rule, type, mode, sources, targets, context_set):
                found = rule.acled_type, rule.acled_subtype
                break
        if len(self._acled_memo) >= _ACLED_MEMO_SIZE:
            self._acled_memo.clear()
        self._acled_memo[key] = found
        return found

    def _given(self, spec: KindSpec, role: str) -> tuple[frozenset[str], ...]:
        if spec is None:
            return ()
        values = (spec,) if isinstance(spec, str) else tuple(spec)
        out: list[frozenset[str]] = []
        for value in values:
            if value in _ACTOR_TYPES:
                out.append(frozenset({value}))
            elif value in self._atoms:
                out.append(self._atoms[value])
            else:
                raise ConfigurationError(
                    f"{role} {value!r} is neither an actor type nor a kind: use one of "
                    f"{', '.join(self._kinds)} or a pantau.article.ActorType"
                )
        return tuple(out)

    def _applies(
        self,
        rule: CrosswalkRule,
        type: str,
        mode: str | None,
        sources: tuple[frozenset[str], ...],
        targets: tuple[frozenset[str], ...],
        contexts: frozenset[str],
    ) -> bool:
        if rule.type != type:
            return False
        if rule.modes and mode not in rule.modes:
            return False
        if rule.contexts and not contexts.intersection(rule.contexts):
            return False
        if not self._all_in(rule.source_kind, sources):
            return False
        if not self._all_in(rule.target_kind, targets):
            return False
        if rule.any_kind is not None:
            atoms = self._atoms[rule.any_kind]
            if not any(given <= atoms for given in sources + targets):
                return False
        return True

    def _all_in(self, kind: str, given: tuple[frozenset[str], ...]) -> bool:
        if kind == "any":
            return True
        if kind == "none":
            return not given
        atoms = self._atoms[kind]
        return bool(given) and all(g <= atoms for g in given)

    # -- documentation ---------------------------------------------------------------------

    def render_markdown(self) -> str:
        """``docs/codebook.md``: the whole codebook as Markdown, generated from the data."""
        return _render(self)


# -- loading ---------------------------------------------------------------------------------


def _string(entry: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = entry.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ResourceError(f"{where}: {key} must be a non-empty string, got {value!r}")
    return value


def _strings(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{where}: {key} must be a string or a list of strings")
    return tuple(value)


def _tables(value: Any, name: str, source: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list) or not value:
        raise ResourceError(f"{source} has no [[{name}]] entries; add them")
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise ResourceError(f"{source}, {name} #{index + 1} is not a table")
    return value


def _check_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise ResourceError(
            f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )


def _origin(entry: Mapping[str, Any], where: str) -> str:
    origin = entry.get("origin", "plover")
    if origin not in _ORIGINS:
        raise ResourceError(f"{where}: origin {origin!r} must be one of {sorted(_ORIGINS)}")
    return str(origin)


def _parse_acled(value: Any, source: str) -> Mapping[str, tuple[str, tuple[str, ...]]]:
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    seen_subtypes: set[str] = set()
    for index, entry in enumerate(_tables(value, "acled", source)):
        where = f"{source}, acled #{index + 1}"
        _check_keys(entry, frozenset({"type", "definition", "subtypes"}), where)
        name = _string(entry, "type", where)
        subtypes = _strings(entry, "subtypes", where)
        if name in out:
            raise ResourceError(f"{where}: ACLED type {name!r} is listed twice")
        if not subtypes:
            raise ResourceError(f"{where}: ACLED type {name!r} has no subtypes")
        for sub in subtypes:
            if sub in seen_subtypes:
                raise ResourceError(f"{where}: ACLED sub-type {sub!r} is listed twice")
            seen_subtypes.add(sub)
        out[name] = (_string(entry, "definition", where), subtypes)
    return MappingProxyType(out)


def _parse_kinds(value: Any, source: str) -> Mapping[str, ActorKind]:
    out: dict[str, ActorKind] = {}
    for index, entry in enumerate(_tables(value, "kind", source)):
        where = f"{source}, kind #{index + 1}"
        _check_keys(entry, frozenset({"name", "types", "includes", "description"}), where)
        name = _string(entry, "name", where)
        if name in out or name in _RESERVED_KINDS or name in _ACTOR_TYPES:
            raise ResourceError(
                f"{where}: kind name {name!r} is taken (another kind, 'any', 'none' or an "
                "actor type); rename it"
            )
        types = _strings(entry, "types", where)
        for t in types:
            if t not in _ACTOR_TYPES:
                raise ResourceError(
                    f"{where}: {t!r} is not an actor type; see pantau.article.ActorType"
                )
        out[name] = ActorKind(
            name, types, _strings(entry, "includes", where), _string(entry, "description", where)
        )
    for kind in out.values():
        for inc in kind.includes:
            if inc not in out:
                raise ResourceError(
                    f"{source}: kind {kind.name!r} includes unknown kind {inc!r}; define it"
                )
    return MappingProxyType(out)


def _resolve_kinds(kinds: Mapping[str, ActorKind], source: str) -> Mapping[str, frozenset[str]]:
    """Each kind's atoms: its actor types, or ``@name`` for a kind stated explicitly."""
    atoms: dict[str, frozenset[str]] = {}

    def resolve(name: str, path: tuple[str, ...]) -> frozenset[str]:
        if name in path:
            raise ResourceError(f"{source}: kinds include each other: {' -> '.join((*path, name))}")
        if name not in atoms:
            kind = kinds[name]
            found = set(kind.types)
            for inc in kind.includes:
                found |= resolve(inc, (*path, name))
            if not kind.types and not kind.includes:
                found.add("@" + name)
            atoms[name] = frozenset(found)
        return atoms[name]

    for name in kinds:
        resolve(name, ())
    return MappingProxyType(atoms)


def _parse_modalities(value: Any, source: str) -> Mapping[str, ModalityInfo]:
    out: dict[str, ModalityInfo] = {}
    allowed = frozenset({"name", "definition", "gloss", "auxiliary", "cues"})
    for index, entry in enumerate(_tables(value, "modality", source)):
        where = f"{source}, modality #{index + 1}"
        _check_keys(entry, allowed, where)
        name = _string(entry, "name", where)
        if name not in _MODALITIES or name in out:
            raise ResourceError(
                f"{where}: modality {name!r} is unknown or repeated; use each of "
                f"{', '.join(_MODALITIES)} once"
            )
        auxiliary = entry.get("auxiliary")
        if auxiliary not in (None, "historical", "future", "hypothetical", "negation"):
            raise ResourceError(f"{where}: auxiliary {auxiliary!r} is not a PLOVER auxiliary mode")
        out[name] = ModalityInfo(
            name,
            _string(entry, "definition", where),
            _string(entry, "gloss", where),
            auxiliary,
            _strings(entry, "cues", where),
        )
    missing = [m for m in _MODALITIES if m not in out]
    if missing:
        raise ResourceError(f"{source}: modalities {', '.join(missing)} are missing; add them")
    return MappingProxyType(out)


def _parse_types(value: Any, source: str) -> Mapping[str, EventType]:
    parsed: dict[str, EventType] = {}
    allowed = frozenset(
        {"name", "quad", "requires_recipient", "label", "definition", "gloss", "cues", "notes"}
        | {"mode"}
    )
    for index, entry in enumerate(_tables(value, "type", source)):
        where = f"{source}, type #{index + 1}"
        _check_keys(entry, allowed, where)
        name = _string(entry, "name", where)
        where = f"{source}, type {name}"
        if name not in _TYPES or name in parsed:
            raise ResourceError(
                f"{where}: {name!r} is not a PLOVER type or is repeated; see "
                "pantau.article.PloverType"
            )
        quad = entry.get("quad")
        if quad not in _QUADS:
            raise ResourceError(f"{where}: quad {quad!r} must be one of {sorted(_QUADS)}")
        recipient = entry.get("requires_recipient")
        if not isinstance(recipient, bool):
            raise ResourceError(f"{where}: requires_recipient must be true or false")
        modes = _parse_modes(entry.get("mode", []), where)
        parsed[name] = EventType(
            name=name,
            quad=quad,
            requires_recipient=recipient,
            label=_string(entry, "label", where),
            definition=_string(entry, "definition", where),
            gloss=_string(entry, "gloss", where),
            cues=_strings(entry, "cues", where),
            notes=_strings(entry, "notes", where),
            modes=modes,
        )
    missing = [t for t in _TYPES if t not in parsed]
    if missing:
        raise ResourceError(f"{source}: event types {', '.join(missing)} are missing; add them")
    return MappingProxyType({t: parsed[t] for t in _TYPES})


def _parse_modes(value: Any, where: str) -> tuple[Mode, ...]:
    if not isinstance(value, list):
        raise ResourceError(f"{where}: mode must be written as [[type.mode]] tables")
    modes: list[Mode] = []
    allowed = frozenset({"name", "definition", "gloss", "origin", "note"})
    for index, entry in enumerate(value):
        mwhere = f"{where}, mode #{index + 1}"
        if not isinstance(entry, dict):
            raise ResourceError(f"{mwhere} is not a table")
        _check_keys(entry, allowed, mwhere)
        name = _string(entry, "name", mwhere)
        if any(m.name == name for m in modes):
            raise ResourceError(f"{mwhere}: mode {name!r} is listed twice")
        origin = _origin(entry, mwhere)
        note = _string(entry, "note", mwhere, required=origin == "pantau")
        modes.append(
            Mode(
                name,
                _string(entry, "definition", mwhere),
                _string(entry, "gloss", mwhere),
                origin,
                note,
            )
        )
    return tuple(modes)


def _parse_contexts(value: Any, source: str) -> Mapping[str, Context]:
    out: dict[str, Context] = {}
    allowed = frozenset({"name", "definition", "gloss", "origin"})
    for index, entry in enumerate(_tables(value, "context", source)):
        where = f"{source}, context #{index + 1}"
        _check_keys(entry, allowed, where)
        name = _string(entry, "name", where)
        if name in out:
            raise ResourceError(f"{where}: context {name!r} is listed twice")
        out[name] = Context(
            name,
            _string(entry, "definition", where),
            _string(entry, "gloss", where),
            _origin(entry, where),
        )
    return MappingProxyType(out)


def _parse_rules(
    value: Any,
    source: str,
    types: Mapping[str, EventType],
    contexts: Mapping[str, Context],
    acled: Mapping[str, tuple[str, tuple[str, ...]]],
    kinds: Mapping[str, ActorKind],
) -> tuple[CrosswalkRule, ...]:
    allowed = frozenset(
        {"type", "mode", "source_kind", "target_kind", "any_kind", "context", "acled_type"}
        | {"acled_subtype", "note"}
    )
    valid_kinds = set(kinds) | _RESERVED_KINDS
    rules: list[CrosswalkRule] = []
    for index, entry in enumerate(_tables(value, "crosswalk", source)):
        where = f"{source}, crosswalk rule #{index + 1}"
        _check_keys(entry, allowed, where)
        type_ = _string(entry, "type", where)
        if type_ not in types:
            raise ResourceError(f"{where}: type {type_!r} is not a PLOVER type")
        modes = _strings(entry, "mode", where)
        known = {m.name for m in types[type_].modes}
        for mode in modes:
            if mode not in known:
                raise ResourceError(
                    f"{where}: {mode!r} is not a mode of {type_}; use one of "
                    f"{', '.join(sorted(known)) or '(none: this type has no modes)'}"
                )
        for key in ("source_kind", "target_kind", "any_kind"):
            kind = entry.get(key)
            if kind is not None and kind not in valid_kinds:
                raise ResourceError(
                    f"{where}: {key} {kind!r} is not a kind; use one of {sorted(valid_kinds)}"
                )
        any_kind = entry.get("any_kind")
        if any_kind in _RESERVED_KINDS:
            raise ResourceError(f"{where}: any_kind must name a defined kind, not {any_kind!r}")
        rule_contexts = _strings(entry, "context", where)
        for context in rule_contexts:
            if context not in contexts:
                raise ResourceError(f"{where}: context {context!r} is not in the [[context]] list")
        acled_type = entry.get("acled_type")
        acled_subtype = entry.get("acled_subtype")
        if (acled_type is None) != (acled_subtype is None):
            raise ResourceError(
                f"{where}: give both acled_type and acled_subtype, or neither (no ACLED event)"
            )
        if acled_type is not None and (
            acled_type not in acled or acled_subtype not in acled[acled_type][1]
        ):
            raise ResourceError(
                f"{where}: ({acled_type!r}, {acled_subtype!r}) is not an ACLED type and one of "
                "its sub-types; see the [[acled]] table"
            )
        rules.append(
            CrosswalkRule(
                index=index + 1,
                type=type_,
                modes=modes,
                source_kind=str(entry.get("source_kind", "any")),
                target_kind=str(entry.get("target_kind", "any")),
                any_kind=any_kind,
                contexts=rule_contexts,
                acled_type=acled_type,
                acled_subtype=acled_subtype,
                note=_string(entry, "note", where, required=False),
            )
        )
    return tuple(rules)


# -- Markdown ----------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def _render(book: Codebook) -> str:
    out: list[str] = [
        "# pantau event codebook",
        "",
        "<!-- Generated from pantau/data/codebook.toml; do not edit by hand. Regenerate with:",
        "     python -m pantau.codebook render > docs/codebook.md -->",
        "",
        f"Version **{book.version}**, based on the {book.plover}.",
        "",
        "## Licence",
        "",
        " ".join(book.licence.split()),
        "",
        "## Event types",
        "",
    ]
    out += _table(
        ["type", "quad", "needs target", "label (id)", "modes"],
        (
            (
                t.name,
                t.quad.replace("_", " "),
                "yes" if t.requires_recipient else "no",
                t.label,
                ", ".join(m.name for m in t.modes) or "—",
            )
            for t in book.types.values()
        ),
    )
    for t in book.types.values():
        out += ["", f"### {t.name}", "", t.definition, "", f"*{t.label}.* {t.gloss}", ""]
        if t.cues:
            out += ["Cues: " + ", ".join(f"`{c}`" for c in t.cues) + ".", ""]
        if t.notes:
            out += [f"- {n}" for n in t.notes] + [""]
        if t.modes:
            out += _table(
                ["mode", "definition", "gloss (id)", "origin"],
                (
                    (
                        f"`{m.name}`",
                        m.definition + (f" *{m.note}*" if m.note else ""),
                        m.gloss,
                        m.origin,
                    )
                    for m in t.modes
                ),
            )
        else:
            out.append("No modes.")
    out += ["", "## Modalities", ""]
    out += _table(
        ["modality", "PLOVER auxiliary", "definition", "gloss (id)", "cues"],
        (
            (m.name, m.auxiliary or "—", m.definition, m.gloss, ", ".join(m.cues) or "—")
            for m in book.modalities.values()
        ),
    )
    out += ["", "## Contexts", ""]
    out += _table(
        ["context", "definition", "gloss (id)", "origin"],
        ((c.name, c.definition, c.gloss, c.origin) for c in book.contexts.values()),
    )
    out += ["", "## ACLED event types", ""]
    out += _table(
        ["ACLED type", "sub-event types"],
        ((name, "; ".join(subs)) for name, subs in book.acled_types.items()),
    )
    out += ["", "## Actor kinds", ""]
    out += _table(
        ["kind", "actor types", "includes", "description"],
        (
            (k.name, ", ".join(k.types) or "—", ", ".join(k.includes) or "—", k.description)
            for k in book.kinds.values()
        ),
    )
    out += [
        "",
        "## ACLED crosswalk",
        "",
        "Rules are tried in order; the first whose conditions hold gives the ACLED type and",
        "sub-type. *source*/*target*: every such actor falls in the kind (`none`: there is",
        "none); *some*: at least one participant does. No matching rule, or a rule without",
        "an ACLED type, means the event has no ACLED equivalent.",
        "",
    ]
    out += _table(
        ["#", "type", "mode", "source", "target", "some", "context", "ACLED", "note"],
        (
            (
                str(r.index),
                r.type,
                ", ".join(r.modes) or "any",
                r.source_kind,
                r.target_kind,
                r.any_kind or "—",
                ", ".join(r.contexts) or "—",
                f"{r.acled_type} / {r.acled_subtype}" if r.acled_type else "(none)",
                r.note,
            )
            for r in book.crosswalk
        ),
    )
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pantau.codebook render``: print ``docs/codebook.md``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args != ["render"]:
        sys.stderr.write("usage: python -m pantau.codebook render > docs/codebook.md\n")
        return 2
    sys.stdout.write(Codebook().render_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
