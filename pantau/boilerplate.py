"""Boilerplate of Indonesian news pages: cross-links, bylines, editor codes, footers, chrome.

The markers live in ``pantau/data/boilerplate.toml``; :class:`BoilerplateMarkers` loads and
validates them once and answers three questions cheaply:

* :meth:`~BoilerplateMarkers.classify_line` — is this whole line boilerplate?
  (``Baca Juga: …``, ``Editor: …``, ``Mi’raj News Agency (MINA)``, ``ADVERTISEMENT``, …)
* :meth:`~BoilerplateMarkers.strip_trailing` — which codes close this body paragraph?
  (``… di Aleppo. (T/RI-1/P1)``, ``… kata dia. (eva/imk)``)
* :meth:`~BoilerplateMarkers.strip_leading` — which chrome is glued to its start?
  (``ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Polisi …``)

A bare list label (``Baca Juga`` alone) opens a list of related links: pass the record of
the line before as ``previous`` and headline-like lines under the label are related headlines.

Speed: a line is first reduced to its first word (``keys`` in the data file); only the few
markers registered under that word are tried, each with one ``fullmatch``. Lines that end in a
parenthesis also try the caption credits (``anchor = "tail"``) at their last ``(``. Glued
markers are combined into one alternation per side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from pantau.article import Boilerplate, BoilerplateKind
from pantau.datafiles import read_toml
from pantau.errors import ResourceError

__all__ = ["BoilerplateMarkers", "LinkList", "Marker", "MarkerExample"]

Anchor = Literal["line", "tail", "any"]
Glue = Literal["start", "end"]

_KINDS: frozenset[str] = frozenset(get_args(BoilerplateKind))
_ANCHORS: frozenset[str] = frozenset(get_args(Anchor))
_GLUES: frozenset[str] = frozenset(get_args(Glue))
_DEFAULT_MAX_LENGTH = 300
_TAIL_WINDOW = 160
"""How far back from a paragraph's end glued chrome (``… ADVERTISEMENT``) is looked for."""
_SENTENCE_END = frozenset(".!?\"”’'»)]…")
_QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“"}


@dataclass(frozen=True, slots=True)
class MarkerExample:
    """A line the marker must classify, with the value it must give."""

    line: str
    value: str


@dataclass(frozen=True, slots=True)
class Marker:
    """One entry of ``pantau/data/boilerplate.toml``."""

    id: str
    kind: BoilerplateKind
    pattern: str
    groups: tuple[str, ...]
    keys: tuple[str, ...]
    anchor: Anchor
    glued: tuple[Glue, ...]
    after_sentence: bool
    max_length: int
    opens_list: bool
    description: str
    examples: tuple[MarkerExample, ...]


@dataclass(frozen=True, slots=True)
class LinkList:
    """The ``[link_list]`` table: headline lines listed under a bare "Baca Juga" label."""

    id: str
    max_length: int
    min_words: int
    max_words: int
    description: str
    examples: tuple[tuple[str, MarkerExample], ...]
    """(label line, list line with its expected headline)."""


@dataclass(frozen=True, slots=True)
class _Compiled:
    marker: Marker
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Combined:
    """Several markers in one alternation; each sits in an outer group ``m<index>``."""

    regex: re.Pattern[str]
    members: Mapping[str, tuple[Marker, tuple[str, ...]]]
    """Outer group name → (marker, the marker's value groups as renamed in ``regex``)."""


class BoilerplateMarkers:
    """The boilerplate markers, compiled. Build once, share freely (no mutable state).

    ``path`` defaults to the packaged ``pantau/data/boilerplate.toml``. A missing, unreadable
    or malformed file raises :class:`~pantau.errors.ResourceError` naming the bad entry.
    """

    def __init__(self, path: Path | None = None) -> None:
        source, data = read_toml("boilerplate.toml", path)
        self._markers = _parse_markers(data, source)
        self._link_list = _parse_link_list(data.get("link_list"), source)
        self._list_markers: frozenset[str] = frozenset()
        if self._link_list is not None:
            if self._link_list.id in {m.id for m in self._markers}:
                raise ResourceError(
                    f"{source}: [link_list] id {self._link_list.id!r} is also a marker id; "
                    "rename one"
                )
            openers = {m.id for m in self._markers if m.opens_list}
            self._list_markers = frozenset(openers | {self._link_list.id})
        self._key_re = re.compile(r"[A-Za-z]+|\S")
        by_key: dict[str, list[_Compiled]] = {}
        for marker in self._markers:
            if marker.anchor == "line":
                compiled = _Compiled(marker, re.compile(marker.pattern))
                for key in marker.keys:
                    by_key.setdefault(key, []).append(compiled)
        self._by_key: dict[str, tuple[_Compiled, ...]] = {k: tuple(v) for k, v in by_key.items()}
        tail = [m for m in self._markers if m.anchor == "tail"]
        self._tail = _combine(tail, "") if tail else None
        self._tail_max = max((m.max_length for m in tail), default=0)
        anywhere = [m for m in self._markers if m.anchor == "any"]
        self._any = _combine(anywhere, "") if anywhere else None
        self._any_max = max((m.max_length for m in anywhere), default=0)
        self._max_length = max(m.max_length for m in self._markers)
        end = [m for m in self._markers if "end" in m.glued]
        start = [m for m in self._markers if "start" in m.glued]
        self._glued_end = _combine(end, r"\.?\s*\Z") if end else None
        self._glued_start = _combine(start, r"(?=\s|\Z)") if start else None

    @property
    def markers(self) -> tuple[Marker, ...]:
        """The loaded markers, in file order."""
        return self._markers

    @property
    def link_list(self) -> LinkList | None:
        """The rule for headline lists under a bare label (``None``: the file has none)."""
        return self._link_list

    def classify_line(
        self, line: str, *, offset: int = 0, previous: Boilerplate | None = None
    ) -> Boilerplate | None:
        """The record for ``line`` when the whole line (stripped) is boilerplate, else ``None``.

        ``offset`` is where ``line`` starts in the caller's text; the record's span covers
        the stripped line there exactly. ``previous`` is the record of the line just before
        (``None`` if that was body text): after a list label such as a bare ``Baca Juga``, or
        after an item of such a list, a headline-like line is a related headline.
        """
        text = line.strip()
        n = len(text)
        if not n:
            return None
        record = self._classify(line, text, n, offset)
        rule = self._link_list
        if (
            record is None
            and rule is not None
            and previous is not None
            and previous.marker in self._list_markers
            and self._is_list_headline(rule, text, n)
        ):
            return self._record_for("related_headline", rule.id, line, text, offset, _clean(text))
        return record

    def _classify(self, line: str, text: str, n: int, offset: int) -> Boilerplate | None:
        if n > self._max_length:
            return None
        key_match = self._key_re.match(text)
        key = key_match.group().lower() if key_match else ""
        if key.isdigit():
            key = "#"
        for compiled in self._by_key.get(key, ()):
            marker = compiled.marker
            if n > marker.max_length:
                continue
            m = compiled.regex.fullmatch(text)
            if m is not None:
                value = _value(m, marker.groups)
                return self._record(marker, line, text, offset, value)
        if (
            self._tail is not None
            and n <= self._tail_max
            and (text[-1] == ")" or text.endswith(")."))
        ):
            open_at = text.rfind("(")
            if open_at >= 0:
                m = self._tail.regex.fullmatch(text, open_at)
                if m is not None and m.lastgroup is not None:
                    marker, groups = self._tail.members[m.lastgroup]
                    if n <= marker.max_length:
                        value = _value(m, groups, default=text)
                        return self._record(marker, line, text, offset, value)
        if self._any is not None and n <= self._any_max:
            m = self._any.regex.fullmatch(text)
            if m is not None and m.lastgroup is not None:
                marker, groups = self._any.members[m.lastgroup]
                if n <= marker.max_length:
                    return self._record(marker, line, text, offset, _value(m, groups, text))
        return None

    @staticmethod
    def _is_list_headline(rule: LinkList, text: str, n: int) -> bool:
        if n > rule.max_length or text[-1] in ".:;," or ". " in text:
            return False
        first = text[0]
        if not (first.isupper() or first.isdigit() or first in _QUOTE_PAIRS):
            return False
        return rule.min_words <= len(text.split()) <= rule.max_words

    def is_caption(self, line: str) -> bool:
        """Whether ``line`` is a photo caption or credit line."""
        record = self.classify_line(line)
        return record is not None and record.kind == "caption"

    def strip_trailing(
        self, paragraph: str, *, offset: int = 0
    ) -> tuple[int, tuple[Boilerplate, ...]]:
        """Cut editor codes, agency credits and chrome that close ``paragraph``.

        Returns the new end (relative to ``paragraph``; trailing white space is cut too, so
        ``paragraph[:end]`` is the clean text) and the records, in text order, with spans
        shifted by ``offset``. A parenthesis that belongs to the sentence — ``(20/2)``,
        ``(AS)``, ``(7/10/2023)`` — is kept: codes need a slash or an agency name, and most
        must follow the end of a sentence.
        """
        end = len(paragraph.rstrip())
        combined = self._glued_end
        if combined is None:
            return end, ()
        # Collect the run of markers closing the paragraph, right to left.
        run: list[tuple[Marker, Boilerplate, int]] = []
        cut = end
        while cut > 0:
            last = paragraph[cut - 1]
            if last in ")]" or (last == "." and cut > 1 and paragraph[cut - 2] in ")]"):
                open_at = max(paragraph.rfind("(", 0, cut), paragraph.rfind("[", 0, cut))
                if open_at < 0:
                    break
                m = combined.regex.fullmatch(paragraph, open_at, cut)
            elif last.isalnum():
                m = combined.regex.search(paragraph, max(0, cut - _TAIL_WINDOW), cut)
            else:
                break
            if m is None or m.lastgroup is None:
                break
            marker, groups = combined.members[m.lastgroup]
            start, stop = m.span(m.lastgroup)
            if start > 0 and paragraph[start - 1].isalnum() and paragraph[start].isalnum():
                break  # glued inside a word: "KRIADVERTISEMENT"
            if stop < cut and paragraph[stop] == ".":
                stop += 1
            code = paragraph[start:stop]
            record = Boilerplate(
                kind=marker.kind,
                text=code,
                start=offset + start,
                end=offset + stop,
                value=_value(m, groups, default=code),
                marker=marker.id,
            )
            cut = len(paragraph[:start].rstrip())
            run.append((marker, record, cut))
        # Keep the longest tail of the run whose markers may follow what precedes it: a
        # marker with ``after_sentence`` needs a sentence end (or nothing) before the run.
        run.reverse()
        for j, (_, _, before) in enumerate(run):
            needs_sentence = any(marker.after_sentence for marker, _, _ in run[j:])
            if not needs_sentence or before == 0 or paragraph[before - 1] in _SENTENCE_END:
                return before, tuple(record for _, record, _ in run[j:])
        return end, ()

    def strip_leading(
        self, paragraph: str, *, offset: int = 0
    ) -> tuple[int, tuple[Boilerplate, ...]]:
        """Cut page chrome glued to the start of ``paragraph``.

        Returns the new start (relative to ``paragraph``, leading white space cut too) and
        the records, spans shifted by ``offset``.
        """
        pos = len(paragraph) - len(paragraph.lstrip())
        combined = self._glued_start
        if combined is None:
            return pos, ()
        found: list[Boilerplate] = []
        while pos < len(paragraph):
            m = combined.regex.match(paragraph, pos)
            if m is None or m.lastgroup is None:
                break
            marker, groups = combined.members[m.lastgroup]
            start, stop = m.span(m.lastgroup)
            chrome = paragraph[start:stop]
            found.append(
                Boilerplate(
                    kind=marker.kind,
                    text=chrome,
                    start=offset + start,
                    end=offset + stop,
                    value=_value(m, groups, default=chrome),
                    marker=marker.id,
                )
            )
            rest = paragraph[stop:]
            pos = stop + len(rest) - len(rest.lstrip())
        return pos, tuple(found)

    @classmethod
    def _record(cls, marker: Marker, line: str, text: str, offset: int, value: str) -> Boilerplate:
        return cls._record_for(marker.kind, marker.id, line, text, offset, value)

    @staticmethod
    def _record_for(
        kind: BoilerplateKind, marker: str, line: str, text: str, offset: int, value: str
    ) -> Boilerplate:
        start = offset + len(line) - len(line.lstrip())
        return Boilerplate(
            kind=kind, text=text, start=start, end=start + len(text), value=value, marker=marker
        )


# -- values -----------------------------------------------------------------------------


def _value(m: re.Match[str], groups: Sequence[str], default: str | None = None) -> str:
    if not groups:
        return _clean(default if default is not None else m.group(0))
    parts = [_clean(g) for name in groups if (g := m.group(name))]
    return "; ".join(p for p in parts if p)


def _clean(value: str) -> str:
    value = value.strip()
    if value.endswith(":"):
        value = value[:-1].rstrip()
    if len(value) >= 2 and _QUOTE_PAIRS.get(value[0]) == value[-1]:
        value = value[1:-1].strip()
    return value


# -- compiling --------------------------------------------------------------------------

_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_NAMED_REF = re.compile(r"\(\?P=(\w+)\)")
_CONDITIONAL = re.compile(r"\(\?\((\w+)\)")
_NUMBERED_REF = re.compile(r"\\[1-9]|\(\?\(\d")


def _rename_groups(pattern: str, prefix: str) -> str:
    pattern = _NAMED_GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", pattern)
    pattern = _NAMED_REF.sub(lambda m: f"(?P={prefix}{m.group(1)})", pattern)
    return _CONDITIONAL.sub(lambda m: f"(?({prefix}{m.group(1)})", pattern)


def _combine(markers: Iterable[Marker], suffix: str) -> _Combined:
    """One regex ``(?P<m0>…)suffix|(?P<m1>…)suffix|…`` with each marker's groups renamed."""
    parts: list[str] = []
    members: dict[str, tuple[Marker, tuple[str, ...]]] = {}
    for index, marker in enumerate(markers):
        outer = f"m{index}"
        prefix = f"{outer}_"
        parts.append(f"(?P<{outer}>{_rename_groups(marker.pattern, prefix)}){suffix}")
        members[outer] = (marker, tuple(prefix + g for g in marker.groups))
    return _Combined(re.compile("|".join(parts)), members)


# -- loading ----------------------------------------------------------------------------


def _parse_markers(data: Mapping[str, Any], source: str) -> tuple[Marker, ...]:
    entries = data.get("marker")
    if not isinstance(entries, list) or not entries:
        raise ResourceError(f"{source} has no [[marker]] entries; add at least one")
    markers: list[Marker] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        marker = _parse_marker(entry, f"{source}, marker #{index + 1}")
        if marker.id in seen:
            raise ResourceError(
                f"{source}: marker id {marker.id!r} is used twice; give each marker its own id"
            )
        seen.add(marker.id)
        markers.append(marker)
    return tuple(markers)


_MARKER_FIELDS = frozenset(
    {
        "id",
        "kind",
        "pattern",
        "groups",
        "keys",
        "anchor",
        "glued",
        "after_sentence",
        "max_length",
        "opens_list",
        "description",
        "examples",
    }
)


def _parse_marker(entry: Any, where: str) -> Marker:
    if not isinstance(entry, dict):
        raise ResourceError(f"{where} is not a table; write it as [[marker]]")
    ident = entry.get("id")
    if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9_]+", ident):
        raise ResourceError(f"{where}: id {ident!r} must be a string of [a-z0-9_]")
    where = f"{where} ({ident!r})"

    def fail(problem: str) -> ResourceError:
        return ResourceError(f"{where}: {problem}")

    unknown = set(entry) - _MARKER_FIELDS
    if unknown:
        raise fail(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(_MARKER_FIELDS)}")
    kind = entry.get("kind")
    if kind not in _KINDS:
        raise fail(f"kind {kind!r} is not one of {sorted(_KINDS)}")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise fail("pattern must be a non-empty string")
    if _NUMBERED_REF.search(pattern):
        raise fail("pattern uses a numbered back-reference; use a named group instead")
    try:
        compiled = re.compile(f"(?:{pattern})")
    except re.error as e:
        raise fail(f"pattern does not compile ({e}); global flags must be scoped (?i:...)") from e
    groups = _str_tuple(entry.get("groups", []), "groups", fail)
    for group in groups:
        if group not in compiled.groupindex:
            raise fail(f"group {group!r} is not a named group of the pattern")
    anchor = entry.get("anchor", "line")
    if anchor not in _ANCHORS:
        raise fail(f"anchor {anchor!r} is not one of {sorted(_ANCHORS)}")
    keys = _str_tuple(entry.get("keys", []), "keys", fail)
    if anchor == "line" and not keys:
        raise fail("a line marker needs keys (the lower-cased first word of its lines)")
    for key in keys:
        if key != key.lower() or not ((key.isascii() and key.isalpha()) or len(key) == 1):
            raise fail(f"key {key!r} must be a lower-case ASCII word, '#' or one character")
    glued = _str_tuple(entry.get("glued", []), "glued", fail)
    for glue in glued:
        if glue not in _GLUES:
            raise fail(f"glued value {glue!r} is not one of {sorted(_GLUES)}")
    after_sentence = entry.get("after_sentence", False)
    if not isinstance(after_sentence, bool):
        raise fail("after_sentence must be true or false")
    opens_list = entry.get("opens_list", False)
    if not isinstance(opens_list, bool):
        raise fail("opens_list must be true or false")
    max_length = entry.get("max_length", _DEFAULT_MAX_LENGTH)
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise fail(f"max_length {max_length!r} must be a positive integer")
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip():
        raise fail("description must be a non-empty string")
    raw_examples = entry.get("examples")
    if not isinstance(raw_examples, list) or not raw_examples:
        raise fail("examples must be a non-empty list of { line = ..., value = ... }")
    examples: list[MarkerExample] = []
    for example in raw_examples:
        if (
            not isinstance(example, dict)
            or set(example) != {"line", "value"}
            or not isinstance(example["line"], str)
            or not isinstance(example["value"], str)
        ):
            raise fail(f"example {example!r} must be {{ line = '...', value = '...' }}")
        examples.append(MarkerExample(example["line"], example["value"]))
    return Marker(
        id=ident,
        kind=kind,
        pattern=pattern,
        groups=groups,
        keys=keys,
        anchor=anchor,
        glued=glued,  # type: ignore[arg-type]  # checked against _GLUES above
        after_sentence=after_sentence,
        max_length=max_length,
        opens_list=opens_list,
        description=description,
        examples=tuple(examples),
    )


def _parse_link_list(entry: Any, source: str) -> LinkList | None:
    where = f"{source}, [link_list]"
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise ResourceError(f"{where} must be a table")
    ident = entry.get("id")
    if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9_]+", ident):
        raise ResourceError(f"{where}: id {ident!r} must be a string of [a-z0-9_]")
    numbers: dict[str, int] = {}
    for name in ("max_length", "min_words", "max_words"):
        value = entry.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ResourceError(f"{where}: {name} {value!r} must be a positive integer")
        numbers[name] = value
    if numbers["min_words"] > numbers["max_words"]:
        raise ResourceError(f"{where}: min_words is larger than max_words")
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ResourceError(f"{where}: description must be a non-empty string")
    examples: list[tuple[str, MarkerExample]] = []
    for example in entry.get("examples") or []:
        if (
            not isinstance(example, dict)
            or set(example) != {"label", "line", "value"}
            or not all(isinstance(v, str) for v in example.values())
        ):
            raise ResourceError(
                f"{where}: example {example!r} must be {{ label = ..., line = ..., value = ... }}"
            )
        examples.append((example["label"], MarkerExample(example["line"], example["value"])))
    if not examples:
        raise ResourceError(f"{where}: examples must be a non-empty list")
    return LinkList(
        id=ident,
        max_length=numbers["max_length"],
        min_words=numbers["min_words"],
        max_words=numbers["max_words"],
        description=description,
        examples=tuple(examples),
    )


def _str_tuple(value: Any, name: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail(f"{name} must be a list of non-empty strings")
    return tuple(value)
