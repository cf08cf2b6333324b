"""Event extraction: who did what to whom, where, when, according to whom.

:class:`EventExtractor` turns a read article (sentences, dates, actors, places, quotes,
provenance) into typed :class:`~pantau.article.Event` records, every field traced to the
text. The Indonesian trigger words live in ``pantau/data/triggers.toml`` (roots with their
affixes, expanded by :mod:`pantau.events.morphology`), the cue words of clauses, modality,
dates, casualties, actors, places and claims in ``pantau/data/event_patterns.toml``. See
``docs/events.md``.
"""

from pantau.events.extractor import EventExtractor
from pantau.events.lexicon import TriggerEntry, TriggerLexicon
from pantau.events.morphology import inflect
from pantau.events.patterns import Patterns

__all__ = ["EventExtractor", "Patterns", "TriggerEntry", "TriggerLexicon", "inflect"]
