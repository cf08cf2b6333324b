"""Provenance: the original outlets an Indonesian article says it took its story from.

Indonesian outlets credit foreign and domestic sources with fixed phrases: ``seperti dilansir
Reuters``, ``dikutip dari Al Jazeera``, ``mengutip The Guardian``, ``menurut laporan AFP``,
``demikian The New Arab memberitakan`` and a closing ``Sumber: Antara`` line. The cues, the
known outlets and the word lists live in ``pantau/data/provenance.toml``;
:class:`ProvenanceFinder` loads them once and finds every credited outlet in a text.

Speed: the cue triggers (``dilansir``, ``Dikutip``, …) are found with ``str.find``; the
combined cue regex is only tried, anchored, at those positions. Triggers are recognised in
lower case and with a capital first letter, not in all capitals.

A republisher named in the same phrase (``… memberitakan yang dikutip MINA``) is the
publisher, not an original, and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pantau.article import Provenance
from pantau.datafiles import read_toml
from pantau.errors import ResourceError

__all__ = ["Cue", "CueExample", "ProvenanceFinder"]

Strength = Literal["strong", "weak"]

_DOMAIN = r"(?:\.(?:co\.id|CO\.ID|com|COM|co|CO|id|ID|net|NET|org|tv|TV))"
_CONNECTORS = ("of", "de", "al", "el", "du", "des", "la", "for")
_MAX_WORDS = 6
_LEAD_WINDOW = 24
_WORD = re.compile(r"[^ \t]+")


@dataclass(frozen=True, slots=True)
class CueExample:
    """A text and the outlets (canonical names) the finder must report in it."""

    text: str
    outlets: tuple[str, ...]
    cue: str | None


@dataclass(frozen=True, slots=True)
class Cue:
    """One ``[[cue]]`` of ``pantau/data/provenance.toml``."""

    id: str
    trigger: str
    pattern: str
    strength: Strength
    line: bool
    description: str
    examples: tuple[CueExample, ...]


@dataclass(frozen=True, slots=True)
class _Slot:
    """A cue inside the combined regex: its spec and its renamed groups."""

    cue: Cue
    outlet: str
    cue_words: tuple[str, ...]
    medium: str | None
    listable: bool


class ProvenanceFinder:
    """Finds credited original outlets. Build once, share freely (no mutable state).

    ``path`` defaults to the packaged ``pantau/data/provenance.toml``; a missing or malformed
    file raises :class:`~pantau.errors.ResourceError` naming the bad entry.
    """

    def __init__(self, path: Path | None = None) -> None:
        source, data = read_toml("provenance.toml", path)
        lists = {
            name: _word_list(data, name, source)
            for name in (
                "leads",
                "media_nouns",
                "stop_words",
                "non_outlet_words",
                "outlet_words",
                "glued_words",
            )
        }
        self._cues = _parse_cues(data, source)
        self._aliases = _parse_outlets(data, source)
        self._non_outlet = frozenset(lists["non_outlet_words"])
        self._outlet_words = frozenset(lists["outlet_words"])
        self._glued = tuple(sorted(lists["glued_words"], key=len, reverse=True))
        self._triggers = tuple(sorted({c.trigger for c in self._cues}))
        self._domain_re = re.compile(_DOMAIN + r"\Z")

        outlet = self._outlet_regex(lists["stop_words"])
        medium = "|".join(
            r"\s+".join(map(re.escape, noun.split()))
            for noun in sorted(lists["media_nouns"], key=len, reverse=True)
        )
        parts: list[str] = []
        slots: dict[str, _Slot] = {}
        for index, cue in enumerate(self._cues):
            g = f"c{index}"
            body = cue.pattern.replace("{medium}", f"(?:(?P<{g}_medium>(?i:{medium}))\\s+)?")
            body = body.replace("{outlet}", f"(?P<{g}_outlet>{outlet})")
            body = _rename_cue_groups(body, f"{g}_")
            parts.append(f"(?P<{g}>{body})")
            slots[g] = _Slot(
                cue=cue,
                outlet=f"{g}_outlet",
                cue_words=(f"{g}_cue", f"{g}_cue2")
                if "(?P<cue2>" in cue.pattern
                else (f"{g}_cue",),
                medium=f"{g}_medium" if "{medium}" in cue.pattern else None,
                listable=cue.pattern.rstrip().endswith("{outlet}"),
            )
        where = f"{source}: the combined cue patterns"
        self._cue_re = _compile(r"\b(?:" + "|".join(parts) + ")", where)
        self._slots = slots
        # Triggers are found with str.find on all but their first letter, which may be
        # upper- or lower-case ("dilansir", "Dilansir"): far cheaper than a regex scan.
        self._trigger_keys = tuple((t[1:], t[0] + t[0].upper()) for t in self._triggers)
        leads = "|".join(map(re.escape, lists["leads"]))
        self._lead_re = _compile(rf"(?i:(?<!\w)(?P<lead>{leads})\s+)\Z", f"{source}: leads")
        republisher = _string(data, "republisher", source)
        if "{outlet}" not in republisher:
            raise ResourceError(f"{source}: republisher must contain {{outlet}}")
        self._republisher_re = _compile(
            republisher.replace("{outlet}", f"(?P<outlet>{outlet})"), f"{source}: republisher"
        )
        separator = _string(data, "list_separator", source)
        self._list_re = _compile(f"{separator}(?P<outlet>{outlet})", f"{source}: list_separator")

    @property
    def cues(self) -> tuple[Cue, ...]:
        """The loaded cues, in file order."""
        return self._cues

    def find(self, text: str) -> list[Provenance]:
        """Every original outlet credited in ``text``, in text order (spans into ``text``)."""
        positions: list[int] = []
        for rest, heads in self._trigger_keys:
            i = text.find(rest, 1)
            while i >= 0:
                if text[i - 1] in heads:
                    positions.append(i - 1)
                i = text.find(rest, i + 1)
        if not positions:
            return []
        positions.sort()
        found: list[Provenance] = []
        done = 0
        for i in positions:
            if i < done:
                continue
            end = self._match_at(text, i, found)
            if end is not None:
                done = end
        return found

    # -- matching ---------------------------------------------------------------------------

    def _match_at(self, text: str, i: int, found: list[Provenance]) -> int | None:
        m = self._cue_re.match(text, i)
        if m is None or m.lastgroup is None:
            return None
        slot = self._slots[m.lastgroup]
        cue = slot.cue
        if cue.line and not _opens_line(text, i):
            return None
        lead = self._lead_re.search(text, max(0, i - _LEAD_WINDOW), i)
        words = [lead.group("lead")] if lead else []
        words += [w for g in slot.cue_words if (w := m.group(g))]
        label = " ".join(" ".join(words).lower().split())
        has_medium = slot.medium is not None and m.group(slot.medium) is not None
        start, stop = m.span(slot.outlet)
        first = self._accept(text, start, stop, strong=cue.strength == "strong" or has_medium)
        if first is None:
            return None
        outlets = [first]
        end = m.end()
        if slot.listable:
            while (more := self._list_re.match(text, end)) is not None:
                o_start, o_stop = more.span("outlet")
                accepted = self._accept(text, o_start, o_stop, strong=False)
                if accepted is None:
                    break
                outlets.append(accepted)
                end = more.end()
        if cue.line:
            line_end = text.find("\n", end)
            rest = text[end : len(text) if line_end < 0 else line_end]
            if rest.strip(" \t\r.;"):
                return None
        republisher = self._republisher_re.match(text, end)
        if republisher is not None:
            end = republisher.end()
        for name, o_start, o_stop in outlets:
            found.append(
                Provenance(
                    outlet=name,
                    cue=label,
                    text=text[o_start:o_stop],
                    start=o_start,
                    end=o_stop,
                )
            )
        return end

    def _accept(
        self, text: str, start: int, stop: int, *, strong: bool
    ) -> tuple[str, int, int] | None:
        """The canonical outlet and its (possibly trimmed) span, or ``None`` if not an outlet."""
        name = text[start:stop]
        known = self._aliases.get(name)
        if known is not None:
            return known, start, stop
        for glue in self._glued:  # "Euronewspada": a glued scraping artefact
            if name.endswith(glue) and (known := self._aliases.get(name[: -len(glue)])):
                return known, start, stop - len(glue)
        tokens = [(t.start(), t.end()) for t in _WORD.finditer(name)]
        for t_start, _ in tokens[1:]:  # "kantor berita resmi Palestina WAFA": a known tail
            known = self._aliases.get(name[t_start:])
            if known is not None:
                return known, start + t_start, stop
        if name[tokens[0][0] : tokens[0][1]] in self._non_outlet:
            return None
        if strong or self._looks_like_outlet(name, tokens):
            return name, start, stop
        return None

    def _looks_like_outlet(self, name: str, tokens: Sequence[tuple[int, int]]) -> bool:
        for t_start, t_stop in tokens:
            token = name[t_start:t_stop]
            if token in self._outlet_words or self._domain_re.search(token):
                return True
        return False

    def _outlet_regex(self, stop_words: Sequence[str]) -> str:
        """A capitalised name: ``Reuters``, ``Al Jazeera``, ``Times of Israel``, ``Kompas.com``,
        ``detikNews``, ``kompas.com``; it ends before a stop word, a lower-case word (except
        inner connectors), punctuation or a line break."""
        stop = "|".join(map(re.escape, sorted(stop_words, key=len, reverse=True)))
        lower_known = sorted(
            (a for a in self._aliases if a[:1].islower() and "." not in a), key=len, reverse=True
        )
        tail = r"(?![\w’'&-])"
        first = [
            r"[A-Z][\w’'&-]*" + _DOMAIN + "?",
            r"[a-z]+[A-Z][\w’'&-]*",
            r"[a-z][a-z0-9-]*" + _DOMAIN,
        ]
        if lower_known:
            first.insert(0, "(?:" + "|".join(map(re.escape, lower_known)) + ")")
        not_stop = rf"(?!(?:{stop}){tail})" if stop else ""
        first_word = f"{not_stop}(?:{'|'.join(first)}){tail}"
        next_word = rf"{not_stop}[A-Z0-9][\w’'&-]*{_DOMAIN}?{tail}"
        joint = r"(?:[ \t]+(?:" + "|".join(_CONNECTORS) + r")[ \t]+|[ \t]+)"
        return f"{first_word}(?:{joint}{next_word}){{0,{_MAX_WORDS - 1}}}"


def _opens_line(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] == "\n"


# -- loading ------------------------------------------------------------------------------

_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


def _rename_cue_groups(pattern: str, prefix: str) -> str:
    """Prefix the cue's own groups (``cue``, ``cue2``) so cues can share one regex."""
    return _NAMED_GROUP.sub(
        lambda m: m.group(0) if m.group(1).startswith(prefix) else f"(?P<{prefix}{m.group(1)}>",
        pattern,
    )


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as e:
        raise ResourceError(
            f"{where}: the pattern does not compile ({e}); use scoped flags (?i:...) and "
            "named groups only"
        ) from e


def _string(data: Mapping[str, Any], name: str, source: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value:
        raise ResourceError(f"{source}: {name} must be a non-empty string")
    return value


def _word_list(data: Mapping[str, Any], name: str, source: str) -> tuple[str, ...]:
    value = data.get(name)
    if not isinstance(value, list) or not value:
        raise ResourceError(f"{source}: {name} must be a non-empty list of strings")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{source}: {name} holds an empty or non-string item; remove it")
    return tuple(value)


_CUE_FIELDS = frozenset({"id", "trigger", "pattern", "strength", "line", "description", "examples"})


def _parse_cues(data: Mapping[str, Any], source: str) -> tuple[Cue, ...]:
    entries = data.get("cue")
    if not isinstance(entries, list) or not entries:
        raise ResourceError(f"{source} has no [[cue]] entries; add at least one")
    cues: list[Cue] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        cue = _parse_cue(entry, f"{source}, cue #{index + 1}")
        if cue.id in seen:
            raise ResourceError(f"{source}: cue id {cue.id!r} is used twice; rename one")
        seen.add(cue.id)
        cues.append(cue)
    return tuple(cues)


def _parse_cue(entry: Any, where: str) -> Cue:
    if not isinstance(entry, dict):
        raise ResourceError(f"{where} is not a table; write it as [[cue]]")
    ident = entry.get("id")
    if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9_]+", ident):
        raise ResourceError(f"{where}: id {ident!r} must be a string of [a-z0-9_]")
    where = f"{where} ({ident!r})"
    unknown = set(entry) - _CUE_FIELDS
    if unknown:
        raise ResourceError(f"{where}: unknown field(s) {sorted(unknown)}")
    trigger = entry.get("trigger")
    if not isinstance(trigger, str) or not re.fullmatch(r"[a-z]+", trigger):
        raise ResourceError(f"{where}: trigger {trigger!r} must be one lower-case word")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or "{outlet}" not in pattern or "(?P<cue>" not in pattern:
        raise ResourceError(f"{where}: pattern must contain {{outlet}} and a (?P<cue>...) group")
    if not re.sub(r"\(\?(?:P<\w+>|i:)", "", pattern).lower().startswith(trigger):
        raise ResourceError(f"{where}: pattern must start with its trigger {trigger!r}")
    probe = pattern.replace("{outlet}", "(?P<outlet>X)").replace("{medium}", "")
    _compile(probe, where)
    strength = entry.get("strength")
    if strength not in ("strong", "weak"):
        raise ResourceError(f"{where}: strength {strength!r} must be 'strong' or 'weak'")
    line = entry.get("line", False)
    if not isinstance(line, bool):
        raise ResourceError(f"{where}: line must be true or false")
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ResourceError(f"{where}: description must be a non-empty string")
    raw_examples = entry.get("examples")
    if not isinstance(raw_examples, list) or not raw_examples:
        raise ResourceError(f"{where}: examples must be a non-empty list")
    examples: list[CueExample] = []
    for example in raw_examples:
        if (
            not isinstance(example, dict)
            or not isinstance(example.get("text"), str)
            or not isinstance(example.get("outlets"), list)
            or not all(isinstance(o, str) for o in example["outlets"])
            or not isinstance(example.get("cue", ""), str)
            or set(example) - {"text", "outlets", "cue"}
        ):
            raise ResourceError(
                f"{where}: example {example!r} must be "
                "{ text = '...', outlets = ['...'], cue = '...' }"
            )
        examples.append(CueExample(example["text"], tuple(example["outlets"]), example.get("cue")))
    return Cue(
        id=ident,
        trigger=trigger,
        pattern=pattern,
        strength=strength,
        line=line,
        description=description,
        examples=tuple(examples),
    )


def _parse_outlets(data: Mapping[str, Any], source: str) -> dict[str, str]:
    entries = data.get("outlet")
    if not isinstance(entries, list) or not entries:
        raise ResourceError(f"{source} has no [[outlet]] entries; add the known outlets")
    aliases: dict[str, str] = {}
    for index, entry in enumerate(entries):
        where = f"{source}, outlet #{index + 1}"
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ResourceError(f"{where}: name must be a non-empty string")
        spellings = entry.get("aliases", [])
        if not isinstance(spellings, list) or not all(
            isinstance(a, str) and a.strip() for a in spellings
        ):
            raise ResourceError(f"{where} ({name!r}): aliases must be a list of strings")
        for alias in (name, *spellings):
            previous = aliases.setdefault(alias, name)
            if previous != name:
                raise ResourceError(
                    f"{where}: alias {alias!r} already belongs to {previous!r}; keep it once"
                )
    return aliases
