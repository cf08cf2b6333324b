"""Named entities of Indonesian news: persons, organisations, places (and events).

The public face is :class:`EntityTagger`; training and evaluation are the commands
``python -m pantau.ner.train`` and ``python -m pantau.ner.evaluate`` (see ``docs/ner.md``).
"""

from __future__ import annotations

from pantau.ner.tagger import EntityTagger
from pantau.ner.tokens import Token, Tokenizer

__all__ = ["EntityTagger", "Token", "Tokenizer"]
