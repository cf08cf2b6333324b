"""Actors: who does what to whom, recognised in Indonesian news and normalised.

The dictionary (``pantau/data/actors.toml``) maps names as written to canonical actors
(:class:`~pantau.article.Actor`): ``ISIS``, ``IS``, ``NIIS``, ``Daesh`` and ``Negara Islam``
name one actor, typed and with its country. The roles (``pantau/data/roles.toml``) read the
words around a name: ``juru bicara Pentagon`` is the Pentagon with the role *juru bicara*,
``pasukan Israel`` the Israel Defense Forces, ``koalisi pimpinan AS`` the US-led coalition,
``warga Palestina`` Palestinian civilians, and ``Kapolri`` alone the national police.

How :meth:`ActorDictionary.find` works, in one pass over the text:

1. Aliases, role phrases and blockers sit in one Aho-Corasick automaton over whole words of
   the lower-cased text; a hit is then checked against the lower-cased text, or against the
   text as written for acronyms (``AS``, ``IS``, ``TNI``) and other exact-case names. The
   text is folded first without moving a character: diacritics dropped, hyphens made
   spaces, curly apostrophes straight.
2. A hit must stand on word boundaries and pass its guards (a person's initials, a language
   after ``bahasa``, a place after ``di``, per-alias context words). The longest hits win,
   without overlaps; blockers (``Amerika Latin``) win and vanish.
3. Right to left, a role phrase just before a name turns it into a role mention, possibly
   more than once (``yang didukung oleh serangan udara AS``: US Air Force, supporter); force
   roles may be coordinated (``tentara dan milisi pro Bashar Al-Assad``: two mentions).
   Metonyms (``Jakarta``) live only in a role phrase or before a statement verb. An office
   standing alone names its default actor.
4. Titles and offices take the person whose name follows them (``Juru bicara Pentagon …
   Kapten Jeff Davis``) as :attr:`~pantau.article.ActorMention.person`.

Persons outside the dictionary are found by :meth:`ActorDictionary.find_titled_persons`
(``Kapten Jeff Davis``); :meth:`ActorDictionary.link_short_mentions` links short mentions to
full ones within one article (``Kapten Davis`` → ``Kapten Jeff Davis``).

The package: :mod:`~pantau.actors.data` (the data files, loaded and validated),
:mod:`~pantau.actors.dictionary` (:class:`ActorDictionary`, the matching) and
:mod:`~pantau.actors.persons` (titled persons and short-mention linking).
"""

from __future__ import annotations

from pantau.actors.data import _ISO_3166 as _ISO_3166
from pantau.actors.data import Role, RoleExample
from pantau.actors.data import RoleKind as RoleKind
from pantau.actors.dictionary import ActorDictionary
from pantau.actors.persons import TitledPerson

__all__ = ["ActorDictionary", "Role", "RoleExample", "TitledPerson"]
