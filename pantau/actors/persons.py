"""Persons named after a title (``Kapten Jeff Davis``), and short mentions linked to full ones
within one article (``Kapten Davis`` → ``Kapten Jeff Davis``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from pantau.actors.data import Role
from pantau.article import Actor

if TYPE_CHECKING:
    from pantau.actors.dictionary import _Hit, _Mention

_PERSON_TITLES = frozenset({"office", "rank", "honorific"})
_TOKEN = re.compile(r"[^\s,;:!?()\"“”]+")
_ROMAN = re.compile(r"[IVXLC]+\Z")
_SUFFIX = re.compile(r"[ \t]+(\(?[\w.]+\)?)")
_HYPHEN_PARTICLE = re.compile(r"(?:al|el|as|ad|ar|at|az|an|ash|ibn|bin)-[A-Z]")
_WINDOW = 48


class TitledPerson(NamedTuple):
    """A person named after a rank, an office or an honorific (``Kapten Jeff Davis``)."""

    title: str
    """The title as written (``Kapten``)."""
    name: str
    """The name as written (``Jeff Davis``)."""
    start: int
    """Start of the title."""
    end: int
    """End of the name."""


class _PersonReader:
    """The person methods of :class:`~pantau.actors.ActorDictionary`, which inherits them.

    The attributes annotated here are set by the dictionary's constructor; the methods declared
    under ``TYPE_CHECKING`` are the dictionary's own.
    """

    _actors: tuple[Actor, ...]
    _specifier: frozenset[str]
    _particles: frozenset[str]
    _name_stop: frozenset[str]
    _rank_suffixes: frozenset[str]
    _role_keys: dict[str, Role]
    _state: frozenset[str]

    if TYPE_CHECKING:

        def _find(self, text: str) -> tuple[list[_Mention], list[_Hit]]: ...

        def _key(self, name: str) -> str: ...

        @staticmethod
        def _lower(text: str) -> str: ...

    def find_titled_persons(self, text: str) -> list[TitledPerson]:
        """Persons named after a rank, an office or an honorific, in text order.

        ``Kapten Jeff Davis`` gives ``("Kapten", "Jeff Davis", start, end)`` whether or not the
        person is in the dictionary. When titles stack (``Kapolri Jenderal Listyo``), the one
        next to the name counts; a country between an office and the name is skipped
        (``Presiden AS Donald Trump``).
        """
        return self._titled_persons(text, *self._find(text))

    def _titled_persons(
        self, text: str, mentions: list[_Mention], titles: list[_Hit]
    ) -> list[TitledPerson]:
        at = {m.start: m for m in mentions}
        starts = {s for s, _, _ in titles}
        found: list[TitledPerson] = []
        for start, end, role in titles:
            pos = end
            if role.kind == "office":
                if role.place_follows:
                    continue
                covering = at.get(start)
                if covering is not None and covering.title is role:
                    pos = max(pos, covering.end)
                pos = self._skip_specifiers(text, pos, at)
            pos = _skip_spaces(text, self._skip_rank_suffixes(text, pos))
            if pos not in starts and (name := self._name_at(text, pos, at, starts)) is not None:
                found.append(TitledPerson(text[start:end], name[0], start, name[2]))
        return found

    def link_short_mentions(
        self, persons: Sequence[TitledPerson]
    ) -> dict[TitledPerson, TitledPerson]:
        """Link each short mention to the full one it refers to, within one article.

        ``Kapten Davis`` links to ``Kapten Jeff Davis``: the short name's words are the last (or
        the first) words of a longer name, and the titles are compatible (the same rank or
        office, a rank with an office, an honorific with anything). The nearest full mention
        before it wins, else the nearest after it. A short name that fits two different full
        names stays unlinked.
        """
        words = [p.name.casefold().split() for p in persons]
        links: dict[TitledPerson, TitledPerson] = {}
        for i, p in enumerate(persons):
            short = words[i]
            fits = [
                j
                for j, long in enumerate(words)
                if len(long) > len(short)
                and short in (long[-len(short) :], long[: len(short)])
                and self._compatible(p.title, persons[j].title)
            ]
            if len({" ".join(words[j]) for j in fits}) == 1:
                before = [j for j in fits if persons[j].start < p.start]
                links[p] = persons[
                    max(before, key=lambda j: persons[j].start) if before else fits[0]
                ]
        return links

    def _title_hits(self, hits: list[_Hit]) -> list[_Hit]:
        """Rank, office and honorific hits, longest first without overlaps, in text order."""
        chosen: list[_Hit] = []
        titles = [h for h in hits if h[2].kind in _PERSON_TITLES]
        taken = bytearray(max((end for _, end, _ in titles), default=0))
        for start, end, role in sorted(titles, key=lambda h: (h[0] - h[1], h[0])):
            if taken.find(1, start, end) < 0:
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, role))
        return sorted(chosen, key=lambda h: h[0])

    def _person_after(
        self,
        text: str,
        m: _Mention,
        at: Mapping[int, _Mention],
        starts: set[int],
        all_ranks: list[tuple[int, int]],
    ) -> str | None:
        """The person named after a title or office mention (after a rank, if any);
        ``all_ranks`` are the spans of rank and honorific hits, in order."""
        pos = self._skip_specifiers(text, m.end, at)
        ranks = all_ranks[bisect.bisect_left(all_ranks, (pos,)) :]
        if m.title is not None and m.title.place_follows:  # "Kapolda Papua Irjen X"
            near = [(s, e) for s, e in ranks if s < pos + _WINDOW]
            if not near or re.search(r"[.,;:!?\n]", text[pos : near[0][0]]):
                return None
            pos = near[0][1]
        elif ranks and ranks[0][0] == _skip_spaces(text, pos):
            pos = max(e for s, e in ranks if s == ranks[0][0])
        pos = _skip_spaces(text, self._skip_rank_suffixes(text, pos))
        if (known := at.get(pos)) is not None:
            actor = self._actors[known.actor]
            return actor.name if actor.type == "person" else None
        name = self._name_at(text, pos, at, starts)
        return name[0] if name else None

    def _skip_specifiers(self, text: str, pos: int, at: Mapping[int, _Mention]) -> int:
        """Past a country and a short parenthesis: "Pentagon Amerika Serikat (AS) | Kapten"."""
        for _ in range(4):
            nxt = _skip_spaces(text, pos)
            if text[nxt : nxt + 1] == "(":
                close = text.find(")", nxt, nxt + 30)
                if close < 0 or "\n" in text[nxt:close]:
                    return pos
                pos = close + 1
            elif (spec := at.get(nxt)) is not None and self._actors[
                spec.actor
            ].type in self._specifier:
                pos = spec.end
            else:
                return pos
        return pos

    def _skip_rank_suffixes(self, text: str, pos: int) -> int:
        if text.startswith(".", pos):  # a rank phrase ending in a suffix's stop: "Kombes Pol."
            word = text[max(0, pos - 6) : pos].rsplit(" ", 1)[-1]
            if f"{word}." in self._rank_suffixes:
                pos += 1
        while (m := _SUFFIX.match(text, pos)) and m.group(1) in self._rank_suffixes:
            pos = m.end()
        return pos

    def _name_at(
        self, text: str, pos: int, at: Mapping[int, _Mention], starts: set[int]
    ) -> tuple[str, int, int] | None:
        """A capitalised person's name starting at ``pos``: (name, start, end)."""
        tokens: list[tuple[str, int]] = []
        i, n = pos, len(text)
        while len(tokens) < 5 and (m := _TOKEN.match(text, i)) is not None:
            word, stop = m.group(), False
            initial = len(word) == 2 and word[0].isupper()  # "M." in "Noordin M. Top"
            if word.endswith(".") and not initial and word not in ("Jr.", "Sr."):
                word, stop = word[:-1], True
            other = at.get(i)
            if (
                not word
                or i in starts
                or word in self._name_stop
                or (
                    other is not None
                    and self._actors[other.actor].type != "person"
                    and not (tokens and self._name_part(other, i + len(word)))
                )
                or (word[0].isupper() and word.isupper() and len(word) > 3)
                or not (
                    word[0].isupper()
                    or (tokens and word.casefold() in self._particles)
                    or _HYPHEN_PARTICLE.match(word)
                )
            ):
                break
            tokens.append((word, i))
            i = m.end()
            if stop or i + 1 >= n or text[i] != " " or text[i + 1].isspace():
                break
            i += 1
        while tokens and (  # no trailing particle or acronym: "… bin", "… AS"
            tokens[-1][0].casefold() in self._particles
            or (
                tokens[-1][0].isupper()
                and len(tokens[-1][0]) > 1
                and not _ROMAN.match(tokens[-1][0])
            )
        ):
            tokens.pop()
        if not any(w[0].isupper() and not w.isupper() for w, _ in tokens):
            return None
        start, end = tokens[0][1], tokens[-1][1] + len(tokens[-1][0])
        return text[start:end], start, end

    def _name_part(self, other: _Mention, word_end: int) -> bool:
        """Whether a one-word organisation alias after a person's first name is the rest of
        the name (``Kombes Pol. Rahmat Hidayatullah``): a plain alias of a body that is no
        state institution, spelt as a name, covering just this word."""
        return (
            other.via == "alias"
            and other.end == word_end
            and other.title is None
            and self._actors[other.actor].type not in self._state
            and self._actors[other.actor].type != "civilians"
        )

    def _compatible(self, a: str, b: str) -> bool:
        ra = self._role_keys.get(self._lower(self._key(a)))
        rb = self._role_keys.get(self._lower(self._key(b)))
        if ra is None or rb is None or "honorific" in (ra.kind, rb.kind):
            return True
        return ra.id == rb.id or ra.kind != rb.kind


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos
