"""The word lists of reported speech: ``pantau/data/speech.toml``, loaded and validated."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pantau.datafiles import read_toml
from pantau.errors import ResourceError

_DATA_FILE = "speech.toml"


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """The word lists of ``pantau/data/speech.toml``, validated."""

    marks: tuple[tuple[str, str], ...]
    """Quote marks by role: ``(("double_open", "“„«"), …)``."""
    after_verbs: frozenset[str]
    ambiguous_after: frozenset[str]
    clause_verbs: frozenset[str]
    bahwa_verbs: frozenset[str]
    sourceless: frozenset[str]
    passive_after: frozenset[str]
    passive_subjects: frozenset[str]
    according_to: frozenset[str]
    denial: frozenset[str]
    negation: frozenset[str]
    pronouns: frozenset[str]
    clitic: str
    complementizers: tuple[str, ...]
    adverbs: tuple[str, ...]
    leading: tuple[str, ...]
    speaker_nouns: frozenset[str]
    speaker_stops: frozenset[str]
    speaker_joins: frozenset[str]
    adjuncts: tuple[str, ...]
    determiners: tuple[str, ...]
    statement_nouns: tuple[str, ...]
    fillers: frozenset[str]
    weekdays: frozenset[str]
    titles: tuple[str, ...]
    title_suffixes: tuple[str, ...]
    particles: frozenset[str]
    not_names: frozenset[str]
    non_person_heads: frozenset[str]
    jurisdiction_roles: frozenset[str]
    title_words: frozenset[str] = frozenset()
    """Words of titles and their suffixes: inside a run of capitalised words they end a name."""

    @classmethod
    def load(cls, path: Path | None = None) -> SpeechLexicon:
        """Read the lexicon from ``path``, or from the copy shipped in the package."""
        source, data = read_toml(_DATA_FILE, path)
        return cls._parse(data, source)

    @classmethod
    def _parse(cls, data: Mapping[str, Any], source: str) -> SpeechLexicon:
        def table(name: str) -> Mapping[str, Any]:
            value = data.get(name)
            if not isinstance(value, Mapping):
                raise ResourceError(f"{source}: the table [{name}] is missing")
            return value

        def words(name: str, key: str, *, lower: bool = True) -> tuple[str, ...]:
            value = table(name).get(key)
            if not isinstance(value, list) or not value:
                raise ResourceError(f"{source}: [{name}] needs a non-empty list {key!r}")
            for item in value:
                if not isinstance(item, str) or not item.strip():
                    raise ResourceError(f"{source}: [{name}] {key} holds {item!r}; use words")
            return tuple(dict.fromkeys(w.lower() if lower else w for w in value))

        def text(name: str, key: str) -> str:
            value = table(name).get(key)
            if not isinstance(value, str) or not value:
                raise ResourceError(f"{source}: [{name}] needs a string {key!r}")
            return value

        verb_lists = {k: words("verbs", k) for k in ("after", "clause", "clause_with_bahwa")}
        verb_lists["sourceless"] = words("verbs", "sourceless")
        seen: dict[str, str] = {}
        for key, items in verb_lists.items():
            for verb in items:
                if verb in seen:
                    raise ResourceError(
                        f"{source}: the verb {verb!r} is in [verbs] {seen[verb]} and {key}; "
                        "keep it in one list"
                    )
                seen[verb] = key
        titles = words("names", "titles", lower=False)
        return cls(
            marks=tuple((k, text("marks", k)) for k in table("marks")),
            after_verbs=frozenset(verb_lists["after"]),
            ambiguous_after=frozenset(words("verbs", "ambiguous_after")),
            clause_verbs=frozenset(verb_lists["clause"]),
            bahwa_verbs=frozenset(verb_lists["clause_with_bahwa"]),
            sourceless=frozenset(verb_lists["sourceless"]),
            passive_after=frozenset(words("verbs", "passive_after")),
            passive_subjects=frozenset(words("verbs", "passive_after_subjects")),
            according_to=frozenset(words("verbs", "according_to")),
            denial=frozenset(
                [*words("verbs", "denial")]
                + [v + text("words", "clitic") for v in words("verbs", "denial")]
            ),
            negation=frozenset(words("words", "negation")),
            pronouns=frozenset(words("words", "pronouns")),
            clitic=text("words", "clitic"),
            complementizers=words("words", "complementizers"),
            adverbs=words("words", "adverbs"),
            leading=words("words", "leading"),
            speaker_nouns=frozenset(words("words", "speaker_nouns")),
            speaker_stops=frozenset(words("words", "speaker_stops")),
            speaker_joins=frozenset(words("words", "speaker_joins")),
            adjuncts=words("words", "adjuncts"),
            determiners=words("words", "determiners"),
            statement_nouns=words("words", "statement_nouns"),
            fillers=frozenset(words("words", "fillers")),
            weekdays=frozenset(words("words", "weekdays")),
            titles=titles,
            title_suffixes=words("names", "title_suffixes", lower=False),
            particles=frozenset(words("names", "particles")),
            not_names=frozenset(words("names", "not_names", lower=False)) - frozenset(titles),
            non_person_heads=frozenset(words("names", "non_person_heads", lower=False)),
            jurisdiction_roles=frozenset(words("names", "jurisdiction_roles", lower=False)),
            title_words=frozenset(
                w
                for t in (*titles, *words("names", "title_suffixes", lower=False))
                for w in t.split()
            ),
        )


def _alternation(words: Sequence[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
