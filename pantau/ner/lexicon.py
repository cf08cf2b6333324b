"""The word lists of the entity tagger (``pantau/models/ner-lexicon.toml``), loaded, validated."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pantau.errors import ResourceError

__all__ = ["CUE_LISTS", "DEFAULT_LEXICON", "Lexicon"]

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "models" / "ner-lexicon.toml"

CUE_LISTS = (
    "titles",
    "org_heads",
    "place_cues",
    "place_tails",
    "place_preps",
    "speech_cues",
    "countries",
    "organisations",
    "places",
)
"""The lists that become gazetteer features, in the order their features are named."""

_SHORT = {
    "titles": "TTL",
    "org_heads": "ORG",
    "place_cues": "PLC",
    "place_tails": "TAIL",
    "place_preps": "PREP",
    "speech_cues": "SAY",
    "countries": "CTRY",
    "organisations": "KORG",
    "places": "KLOC",
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue word lists; every entry is lower case and may hold several words."""

    version: int
    cues: Mapping[str, frozenset[str]]
    """List name (one of :data:`CUE_LISTS`) → its entries."""
    abbreviations: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        """Read and validate a lexicon file (default: the shipped one)."""
        path = DEFAULT_LEXICON if path is None else Path(path)
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError as e:
            raise ResourceError(
                f"NER lexicon {path} not found; reinstall pantau or restore "
                "pantau/models/ner-lexicon.toml from the repository"
            ) from e
        except tomllib.TOMLDecodeError as e:
            raise ResourceError(f"NER lexicon {path} is not valid TOML: {e}") from e
        version = data.get("version")
        if not isinstance(version, int):
            raise ResourceError(f"NER lexicon {path} lacks an integer 'version'")
        cues = {name: _entries(data, name, path) for name in CUE_LISTS}
        return cls(version, cues, _entries(data, "abbreviations", path))

    def matcher(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """First word → ``(words, feature name)`` of every entry starting with it, longest first."""
        table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, entries in self.cues.items():
            for entry in entries:
                words = tuple(entry.split())
                table.setdefault(words[0], []).append((words, _SHORT[name]))
        for options in table.values():
            options.sort(key=lambda option: (-len(option[0]), option[1]))
        return table


def _entries(data: Mapping[str, object], name: str, path: Path) -> frozenset[str]:
    value = data.get(name)
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise ResourceError(f"NER lexicon {path}: {name!r} must be a list of strings")
    entries: set[str] = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ResourceError(f"NER lexicon {path}: {name!r} holds {item!r}, not a word")
        entries.add(" ".join(item.lower().split()))
    return frozenset(entries)
