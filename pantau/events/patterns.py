"""The cue words of event extraction (``pantau/data/event_patterns.toml``), loaded once.

:class:`Patterns` turns each list of the file into a :class:`~pantau.events.text.PhraseSet`
(or a plain value) under the same name: ``patterns.grammar["speech_verbs"]``,
``patterns.modality["planned"]``, ``patterns.numbers["tiga"]`` … A missing section or a value of
the wrong shape raises :class:`~pantau.errors.ResourceError` naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pantau.datafiles import read_toml
from pantau.errors import ResourceError
from pantau.events.text import PhraseSet

__all__ = ["ModeCue", "PatternExample", "Patterns"]

_SECTIONS = (
    "grammar",
    "modality",
    "background",
    "dates",
    "casualties",
    "actors",
    "instruments",
    "places",
    "claims",
)


@dataclass(frozen=True, slots=True)
class ModeCue:
    """Words that give an event of ``type`` the mode ``mode`` when its trigger leaves it open."""

    type: str
    mode: str
    words: PhraseSet


@dataclass(frozen=True, slots=True)
class PatternExample:
    """A sentence of the file with the values extraction must give for its event."""

    text: str
    type: str
    expected: Mapping[str, Any]


class Patterns:
    """The cue words, read and checked once; share freely (read-only)."""

    def __init__(self, path: Path | None = None) -> None:
        source, data = read_toml("event_patterns.toml", path)
        version = data.get("version")
        if not isinstance(version, str):
            raise ResourceError(f"{source}: 'version' must be a string")
        self.version = version
        self.source = source
        self.raw: Mapping[str, Any] = MappingProxyType(data)
        """The file as read (for the few values that are templates, not word lists)."""
        tables: dict[str, Mapping[str, Any]] = {}
        for name in _SECTIONS:
            table = data.get(name)
            if not isinstance(table, dict):
                raise ResourceError(f"{source}: the [{name}] table is missing")
            tables[name] = MappingProxyType(_phrases(table, f"{source}: [{name}]"))
        self.grammar = tables["grammar"]
        self.modality = tables["modality"]
        self.background = tables["background"]
        self.dates = tables["dates"]
        self.casualties = tables["casualties"]
        self.actors = tables["actors"]
        self.instruments: Mapping[str, PhraseSet] = tables["instruments"]
        self.places = tables["places"]
        self.claims = tables["claims"]
        numbers = data["casualties"].get("numbers")
        if not isinstance(numbers, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in numbers.values()
        ):
            raise ResourceError(f"{source}: [casualties.numbers] must map words to integers")
        self.numbers: Mapping[str, int] = MappingProxyType(
            {k.casefold(): v for k, v in numbers.items()}
        )
        self.number_words = PhraseSet(self.numbers)
        self.mode_cues = tuple(_mode_cues(data.get("mode_cue", []), source))
        mobilize = data.get("mobilize_modes", {})
        if not isinstance(mobilize, dict):
            raise ResourceError(f"{source}: [mobilize_modes] must be a table")
        self.mobilize_modes: Mapping[str, str] = MappingProxyType(dict(mobilize))
        self.examples = tuple(_examples(data.get("example", []), source))
        months = data["dates"].get("months")
        if not isinstance(months, list) or len(months) != 12:
            raise ResourceError(f"{source}: [dates] months must list the twelve months in order")
        self.months: tuple[str, ...] = tuple(m.casefold() for m in months)
        # every cue that may open or close a clause, for quick tests
        self.verbs_of_speech: PhraseSet = self.grammar["speech_verbs"]

    def words(self, section: Mapping[str, Any], key: str) -> PhraseSet:
        value = section.get(key)
        if not isinstance(value, PhraseSet):
            raise ResourceError(f"{self.source}: {key!r} is not a list of words")
        return value


def _phrases(table: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Lists of strings become phrase sets; tables and scalars stay as they are."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, list):
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise ResourceError(f"{where}: {key!r} must be a list of non-empty strings")
            out[key] = PhraseSet(value)
        else:
            out[key] = value
    return out


def _mode_cues(value: Any, source: str) -> list[ModeCue]:
    if not isinstance(value, list):
        raise ResourceError(f"{source}: mode cues must be [[mode_cue]] tables")
    cues = []
    for i, entry in enumerate(value):
        where = f"{source}: mode_cue #{i + 1}"
        if not isinstance(entry, dict) or not {"type", "mode", "words"} <= set(entry):
            raise ResourceError(f"{where} needs type, mode and words")
        cues.append(ModeCue(entry["type"], entry["mode"], PhraseSet(entry["words"])))
    return cues


def _examples(value: Any, source: str) -> list[PatternExample]:
    if not isinstance(value, list):
        raise ResourceError(f"{source}: examples must be [[example]] tables")
    out = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise ResourceError(f"{source}: example #{i + 1} needs a text")
        expected = {k: v for k, v in entry.items() if k not in ("text", "type")}
        out.append(
            PatternExample(entry["text"], str(entry.get("type")), MappingProxyType(expected))
        )
    return out
