"""The trigger lexicon (``pantau/data/triggers.toml``): words that report events, and blockers.

:class:`TriggerLexicon` reads the file once, expands each root with its affix patterns
(:func:`pantau.events.morphology.inflect`) and finds triggers in a sentence's tokens: the
longest phrase wins, blockers (``hendak ditangkap``, ``merayakan``) mask their words, and a
phrase may hold a short gap (``menjatuhkan paket sanksi``). One phrase can carry several
*readings* (``membakar``: a riot when a crowd does it, else an assault); the extractor keeps
the first reading whose conditions hold.

    >>> lexicon = TriggerLexicon()
    >>> [m.text for m in lexicon.find(tokenize("Kelompok bersenjata menyerang pos TNI."))]
    ['menyerang']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any, get_args

from pantau.article import PloverType
from pantau.datafiles import read_toml
from pantau.errors import ResourceError
from pantau.events.morphology import PATTERNS, Voice, inflect
from pantau.events.text import (
    PhraseSet,
    Token,
    Tokens,
    low_words,
    phrase_tokens,
    tokenize,
    word_set,
)

__all__ = ["Blocker", "TriggerEntry", "TriggerLexicon", "TriggerMatch", "tokenize"]

_TYPES = frozenset(get_args(PloverType))
_VOICES = frozenset({"active", "passive", "nominal"})
_ENTRY_KEYS = frozenset(
    {"lemma", "forms", "phrases", "voice", "tail", "gap", "type", "mode", "contexts"}
    | {"symmetric", "mutual", "weak", "refine", "context", "near", "unless", "unless_next"}
    | {"source_kind", "absorbs", "purpose_ok", "strength", "example", "expect", "note"}
    | {"cause_source", "act"}
)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One ``[[trigger]]`` of the lexicon (one reading of its phrases)."""

    index: int
    """Position in the file, from 1."""
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    symmetric: bool
    mutual: bool
    weak: bool
    refine: bool
    context: PhraseSet
    near: PhraseSet
    unless: PhraseSet
    unless_next: PhraseSet
    source_kind: str | None
    absorbs: frozenset[str]
    purpose_ok: bool
    cause_source: bool
    act: bool
    """An act told of its source (``memanggil duta besar``, ``merekomendasikan``), not a
    statement that speaks for itself: the outlet, not the source, claims it."""
    strength: float
    example: str
    expect: str
    forms: tuple[tuple[tuple[str, ...], Voice], ...]
    """Every written form as folded words, with its voice."""
    gap: int

    @property
    def label(self) -> str:
        return f"trigger #{self.index} ({self.type}: {' '.join(self.forms[0][0])})"


@dataclass(frozen=True, slots=True)
class Blocker:
    """A ``[[blocker]]``: phrases whose words are never triggers."""

    index: int
    phrases: tuple[tuple[str, ...], ...]
    note: str
    example: str


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """Trigger words found in a sentence: tokens ``[i, j)`` and the readings they carry."""

    i: int
    j: int
    start: int
    end: int
    text: str
    readings: tuple[tuple[TriggerEntry, Voice], ...]
    """Entries of the phrase with the voice of the matched form, in file order."""


class TriggerLexicon:
    """The trigger lexicon, read and checked once; share freely (read-only)."""

    def __init__(
        self, path: Path | None = None, *, codebook_types: Mapping[str, Any] | None = None
    ) -> None:
        source, data = read_toml("triggers.toml", path)
        version = data.get("version")
        if not isinstance(version, str):
            raise ResourceError(f"{source}: 'version' must be a string")
        self.version = version
        raw = data.get("trigger")
        if not isinstance(raw, list) or not raw:
            raise ResourceError(f"{source}: no [[trigger]] entries")
        self.entries = tuple(_entry(e, i + 1, source, codebook_types) for i, e in enumerate(raw))
        self.blockers = tuple(
            _blocker(b, i + 1, source) for i, b in enumerate(data.get("blocker", []))
        )
        index: dict[tuple[str, ...], list[tuple[TriggerEntry, Voice]]] = {}
        for entry in self.entries:
            for words, voice in entry.forms:
                index.setdefault(words, []).append((entry, voice))
        self._index = {k: tuple(v) for k, v in index.items()}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in self._index:
            by_first.setdefault(words[0], []).append(words)
        self._by_first = by_first
        self._gaps = {
            e.forms[k][0]: e.gap for e in self.entries for k in range(len(e.forms)) if e.gap
        }
        self._blocked = PhraseSet(" ".join(p) for b in self.blockers for p in b.phrases)
        self._blocked_first = frozenset(p[0] for p in self._blocked.phrases)
        self._patient = frozenset(
            (
                inflect(str(raw[e.index - 1]["lemma"]), "peN-an"),
                *phrase_tokens(raw[e.index - 1].get("tail", "")),
            )
            for e in self.entries
            if "peN-an" in raw[e.index - 1].get("forms", [])
        )
        self._patient_firsts = frozenset(p[0] for p in self._patient)
        self._patient_by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in self._patient:
            self._patient_by_first.setdefault(p[0], []).append(p)
        self.heads = frozenset(words[0] for words in self._index)
        self._starters = self.heads | {head + "nya" for head in self.heads} | self._blocked_first
        """Every folded word that may start a trigger (``-nya`` may end it) or a blocker."""
        self._forms_at: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]] = {
            low: tuple(
                (words, None if len(words) == 1 or words in self._gaps else words[1])
                for head in ((low, low[:-3]) if low.endswith("nya") else (low,))
                for words in by_first.get(head, ())
            )
            for low in self._starters
        }
        """The forms that a starter may begin, in :meth:`find`'s order, each with the word
        that must follow it (``None``: a single word, or a form with a gap, matched in full)."""
        self.verb_forms = frozenset(
            words[0]
            for words, readings in self._index.items()
            if any(v != "nominal" for _, v in readings)
        )
        """First words of the active and passive forms (verbs of a clause)."""

    def __iter__(self) -> Iterator[TriggerEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def patient_possessor(self, match: TriggerMatch) -> bool:
        """``penangkapan X``, ``pembunuhan X``: a peN-an noun whose possessor is the patient."""
        words = tuple(match.text.casefold().split())
        if not words:
            return False
        if words[0].removesuffix("nya") in self._patient_firsts:
            return True
        for p in self._patient_by_first.get(words[0], ()):  # noqa: SIM110 (no generator made)
            if words[: len(p)] == p:
                return True
        return False

    def forms(self) -> frozenset[tuple[str, ...]]:
        """Every written form of every entry, as folded words."""
        return frozenset(self._index)

    def find(self, tokens: Sequence[Token]) -> list[TriggerMatch]:
        """The triggers of a sentence: longest first, no overlaps, blockers' words excluded."""
        starters = self._starters
        # word_set and low_words, inlined: this runs for every sentence
        plain = type(tokens) is Tokens
        if starters.isdisjoint(tokens.low_set if plain else word_set(tokens)):  # type: ignore[attr-defined]
            return []  # most sentences: no word can start a trigger or a blocker
        spans: list[tuple[int, int, int, tuple[str, ...] | None]] = []  # (-len, i, j, words)
        blocked, blocked_first = self._blocked, self._blocked_first
        forms_at = self._forms_at
        lows = tokens.lows if plain else low_words(tokens)  # type: ignore[attr-defined]
        size = len(lows)
        # the positions of starters, picked without a Python step per word
        for i in compress(range(size), map(starters.__contains__, lows)):
            low = lows[i]
            if low in blocked_first:
                n = blocked.match_at(tokens, i)
                if n:
                    spans.append((-n, i, i + n, None))
            after = lows[i + 1] if i + 1 < size else ""
            stem = after[:-3] if after.endswith("nya") else None  # "-nya" may end a form
            for words, second in forms_at[low]:
                if second is None:
                    j = i + 1 if len(words) == 1 else self._match(tokens, lows, i, words)
                elif second != after and second != stem:
                    continue  # the next word differs: no match (the common case)
                elif len(words) == 2:
                    j = i + 2
                else:
                    j = self._match(tokens, lows, i, words)
                if j:
                    spans.append((-(j - i), i, j, words))
        if not spans:
            return []
        if len(spans) == 1:
            _, lo, hi, only = spans[0]
            chosen = [] if only is None else [(lo, hi, only)]
        else:
            chosen = self._choose(spans, len(tokens))
        out: list[TriggerMatch] = []
        for i, j, words in chosen:  # (a plain loop: most sentences have one trigger)
            text = tokens[i].text if j == i + 1 else " ".join(t.text for t in tokens[i:j])
            out.append(
                TriggerMatch(i, j, tokens[i].start, tokens[j - 1].end, text, self._index[words])
            )
        return out

    def _choose(
        self, spans: list[tuple[int, int, int, tuple[str, ...] | None]], size: int
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """The triggers among overlapping spans: longest first, a blocker's words taken."""
        spans.sort(key=_span_order)
        taken = [False] * size
        chosen: list[tuple[int, int, tuple[str, ...]]] = []
        for _, i, j, found in spans:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            if found is not None:
                chosen.append((i, j, found))
        chosen.sort()
        return chosen

    def _match(
        self, tokens: Sequence[Token], lows: list[str], i: int, words: tuple[str, ...]
    ) -> int:
        """End of ``words`` matched from ``tokens[i]`` (0: no match); ``-nya`` may end it."""
        n = len(words)
        if n == 1:
            return i + 1
        gap = self._gaps.get(words, 0)
        for skip in range(gap + 1):
            k = i + 1 + skip
            if k + n - 1 > len(lows):
                break
            if skip and not lows[k - 1][0].isalnum():
                break  # only words may stand in the gap (those before were checked already)
            for m in range(1, n):  # (plain loops: this runs for many words of every sentence)
                low, word = lows[k + m - 1], words[m]
                if low != word and not (low.endswith("nya") and low[:-3] == word):
                    break  # neither the word nor the word with -nya
            else:
                return k + n - 1
        return 0


def _span_order(span: tuple[int, int, int, tuple[str, ...] | None]) -> tuple[int, bool, int]:
    """Longest first, a blocker before a trigger of its length, then in text order."""
    return span[0], span[3] is not None, span[1]


def _entry(raw: Any, index: int, source: str, types: Mapping[str, Any] | None) -> TriggerEntry:
    where = f"{source}, trigger #{index}"
    if not isinstance(raw, dict):
        raise ResourceError(f"{where} is not a table")
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if unknown:
        raise ResourceError(f"{where}: unknown key(s) {', '.join(unknown)}")
    type_ = raw.get("type")
    if not isinstance(type_, str) or type_ not in _TYPES:
        raise ResourceError(f"{where}: type {type_!r} is not a PLOVER type")
    mode = raw.get("mode")
    if types is not None and mode is not None:
        modes = {m.name for m in types[type_].modes}
        if mode not in modes:
            raise ResourceError(
                f"{where}: {mode!r} is not a mode of {type_}; use one of {sorted(modes)}"
            )
    forms = _forms(raw, where)
    example, expect = raw.get("example"), raw.get("expect")
    if not isinstance(example, str) or not isinstance(expect, str) or expect not in example:
        raise ResourceError(f"{where}: give an example sentence and the trigger it holds (expect)")
    absorbs = raw.get("absorbs", [])
    absorbed = _TYPES if absorbs == "all" else frozenset(_strings(raw, "absorbs", where))
    strength = raw.get("strength", 0.8)
    if not isinstance(strength, (int, float)) or not 0 < strength <= 1:
        raise ResourceError(f"{where}: strength must lie in (0, 1]")
    gap = raw.get("gap", 0)
    if not isinstance(gap, int) or gap < 0:
        raise ResourceError(f"{where}: gap must be a non-negative integer")
    return TriggerEntry(
        index=index,
        type=type_,
        mode=mode,
        contexts=tuple(_strings(raw, "contexts", where)),
        symmetric=bool(raw.get("symmetric", False)),
        mutual=bool(raw.get("mutual", False)),
        weak=bool(raw.get("weak", False)),
        refine=bool(raw.get("refine", False)),
        context=PhraseSet(_strings(raw, "context", where)),
        near=PhraseSet(_strings(raw, "near", where)),
        unless=PhraseSet(_strings(raw, "unless", where)),
        unless_next=PhraseSet(_strings(raw, "unless_next", where)),
        source_kind=raw.get("source_kind"),
        absorbs=absorbed,
        purpose_ok=bool(raw.get("purpose_ok", False)),
        cause_source=bool(raw.get("cause_source", False)),
        act=bool(raw.get("act", False)),
        strength=float(strength),
        example=example,
        expect=expect,
        forms=forms,
        gap=gap,
    )


def _forms(raw: Mapping[str, Any], where: str) -> tuple[tuple[tuple[str, ...], Voice], ...]:
    out: dict[tuple[str, ...], Voice] = {}
    tail = phrase_tokens(raw.get("tail", "")) if raw.get("tail") else ()
    lemma = raw.get("lemma")
    if lemma is not None:
        patterns = _strings(raw, "forms", where)
        if not isinstance(lemma, str) or not patterns:
            raise ResourceError(f"{where}: a lemma needs its affix forms")
        for pattern in patterns:
            if pattern not in PATTERNS:
                raise ResourceError(
                    f"{where}: unknown affix form {pattern!r}; use one of {list(PATTERNS)}"
                )
            out.setdefault((inflect(lemma, pattern), *tail), PATTERNS[pattern])
    phrases = _strings(raw, "phrases", where)
    if phrases:
        voice = raw.get("voice", "nominal")
        if voice not in _VOICES:
            raise ResourceError(f"{where}: voice must be active, passive or nominal")
        for phrase in phrases:
            words = phrase_tokens(phrase)
            out.setdefault((*words, *tail), _voice_of_form(words, voice))
    if not out:
        raise ResourceError(f"{where}: give a lemma with forms, or phrases")
    return tuple(out.items())


_LEADING = frozenset({"akan", "tidak", "siap", "telah", "belum", "mulai", "tewas", "tak"})


def _voice_of_form(words: tuple[str, ...], default: Voice) -> Voice:
    """Active for a (first non-auxiliary) word with ``me-``/``ber-``, passive for
    ``di-``/``ter-``, else ``default``."""
    first = next((w for w in words if w not in _LEADING), words[0])
    if len(first) >= 5 and first.startswith(("me", "ber")):
        return "active"
    if (len(first) >= 5 and first.startswith("di")) or (
        len(first) >= 6 and first.startswith("ter")
    ):
        return "passive"
    return default


def _blocker(raw: Any, index: int, source: str) -> Blocker:
    where = f"{source}, blocker #{index}"
    if not isinstance(raw, dict) or not isinstance(raw.get("example"), str):
        raise ResourceError(f"{where} needs phrases, a note and an example")
    phrases = tuple(phrase_tokens(p) for p in _strings(raw, "phrases", where))
    if not phrases:
        raise ResourceError(f"{where} has no phrases")
    return Blocker(index, phrases, str(raw.get("note", "")), raw["example"])


def _strings(raw: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{where}: {key} must be a list of strings")
    return value
