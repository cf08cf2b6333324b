"""Noun phrases: the actors a stretch of a clause names, or the ones its unnamed words stand for.

:meth:`NounPhrases.np` reads tokens ``[lo, hi)`` of a sentence: the actor mentions there
(not after a preposition, not a medium, not a backer named in a relative clause; a generic
actor right before a named one is that one: ``kelompok bersenjata TPNPB``; a body named with
its parent is the body: ``Densus 88 Antiteror Polri``; a country after a civilian noun is its
civilians: ``sandera perempuan Israel``; ``pasukan Amerika Serikat dan Inggris`` is two
forces), else an unnamed reference resolved through the :class:`Scene`: ``timnya``,
``pihaknya``, ``kami``, ``Ia`` → the speaker's body; ``kedua pihak`` → the parties of the
previous event; initials → their group; ``petugas``, ``aparat``, ``junta`` → the force acting
before; ``tersangka`` → the group arrested before; ``massa`` → the protesters (or civilians);
``pengemudi ojek`` → civilians; ``pilot itu`` → the pilot named before; bare ``pemerintah``
→ the government of the article's country; an organisation the NER found, as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pantau.actors import ActorDictionary
from pantau.article import ActorMention, Entity, EventActor
from pantau.events.clauses import Grammar, SentenceView
from pantau.events.patterns import Patterns
from pantau.events.text import PhraseSet

__all__ = ["How", "NounPhrases", "Participant", "Scene"]

How = Literal[
    "named", "own", "force", "crowd", "civilians", "government", "both", "initials",
    "entity", "supporter", "inherited", "speaker", "suspects", "armed",
]  # fmt: skip
_COORDINATING = frozenset({"dari", "asal", "antara", "bersama"})
_LOCATIVE = frozenset({"di", "ke"})


@dataclass(frozen=True, slots=True)
class Participant:
    actor: EventActor
    how: How

    @property
    def named(self) -> bool:
        """Named in the clause (not a pronoun, an unnamed group or an inference)."""
        return self.how in ("named", "entity", "initials", "speaker", "supporter")


@dataclass(slots=True)
class Scene:
    """What the role finder needs from the rest of the article, supplied by the extractor."""

    speaker_body: Callable[[SentenceView, int], EventActor | None]
    previous_parties: Callable[..., list[EventActor]]
    """The parties of the previous event (``states=True``: of the previous event between
    states, each as its country: ``kedua negara``)."""
    force: Callable[[SentenceView, int], list[EventActor]]
    crowd: Callable[[str], list[EventActor]]
    suspects: Callable[[], list[EventActor]]
    named_before: Callable[[str, int], EventActor | None]
    """The participant named earlier whose words start with this noun (``pilot itu``)."""
    previous_subject: Callable[[SentenceView], EventActor | None]
    government: EventActor | None
    initials: Mapping[str, EventActor]
    entities: Sequence[Entity]
    """The article's organisations (its entities labelled ``ORG``), in order."""
    counted: Callable[[int, int], EventActor | None] = lambda n, offset: None
    """The participant introduced earlier with the number ``n`` (``empat pemuda``), before
    ``offset``: what ``keempatnya`` stands for."""


class NounPhrases:
    """Reads the participants of a stretch of tokens; built once with the patterns."""

    def __init__(self, patterns: Patterns, grammar: Grammar, dictionary: ActorDictionary) -> None:
        a = patterns.actors
        self.grammar = grammar
        self.dictionary = dictionary
        self.own: PhraseSet = a["own"]
        self.both: PhraseSet = a["both"]
        self.forces: PhraseSet = a["forces"]
        self.crowd: PhraseSet = a["crowd"]
        self.civilian_nouns: PhraseSet = a["civilians"]
        self.civilian_heads: PhraseSet = a["civilian_heads"]
        self.government: PhraseSet = a["government"]
        self.suspects: PhraseSet = a["suspects"]
        self.kin: PhraseSet = a["kin"]
        self.companies = frozenset(x[0] for x in a["company_prefixes"].phrases)
        self._named_orgs = self.companies | a["institution_prefixes"].firsts
        self.collectives = {
            w: patterns.numbers[w[2:-3]]
            for (w,) in (p for p in a["collectives"].phrases if len(p) == 1)
            if w.startswith("ke") and w.endswith("nya") and w[2:-3] in patterns.numbers
        }
        self.pronouns: PhraseSet = a["pronouns"]
        self.place_nouns: PhraseSet = a["place_nouns"]
        self.supporter_roles = frozenset(p[0] for p in a["supporter_roles"].phrases)
        self.reporter_types = frozenset(p[0] for p in a["reporter_types"].phrases)
        self.demonstratives: PhraseSet = patterns.grammar["demonstratives"]
        self.demonym_template: str = a["demonym_template"]
        self.force_templates: tuple[str, ...] = tuple(patterns.raw["actors"]["force_templates"])
        self.civilians = _event_actor_of(dictionary, a["civilians_id"])
        self.unidentified_id: str = a["unidentified_id"]
        self.unidentified = _event_actor_of(dictionary, self.unidentified_id)
        self.armed: PhraseSet = a["armed_unnamed"]
        self._speaker_words = self.own.firsts | self.both.firsts | self.pronouns.firsts
        self._reference_words = (
            self.armed.firsts
            | self.forces.firsts
            | self.suspects.firsts
            | frozenset(self.collectives)
            | self.crowd.firsts
            | self.civilian_nouns.firsts
            | self.government.firsts
        )
        """First words of the unnamed references (:meth:`_references` skips other words)."""

    def np_end(self, view: SentenceView, start: int, end: int, *, conj: bool = False) -> int:
        """End of the noun phrase from ``start``: the next verb, preposition or clause mark."""
        tokens, verbs = view.tokens, view.verbs
        prepositions = self.grammar.preposition_words
        depth = 0
        for k in range(start, end):
            low = tokens[k].low
            if low == "(":
                depth += 1
                continue
            if low == ")":
                depth = max(0, depth - 1)
                continue
            if depth:
                continue
            if verbs[k] or low in (";", "yang", ":", '"', "“", "”"):
                return k
            if low in prepositions and low not in _COORDINATING and k > start:
                return k
            if low == ",":
                nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
                if nxt in ("dan", "serta"):
                    continue
                if self._apposition_at(view, k + 1):
                    continue
                if not conj:
                    return k
        return end

    def _apposition_at(self, view: SentenceView, k: int) -> bool:
        """``…, anggota jaringan JAD``: an apposition that names the group."""
        return any(
            i in (k, k + 1) and m.actor.type not in ("person", "country", "media")
            for i, _, m in view.mentions
        ) and (
            k < len(view.tokens)
            and view.tokens[k].low in ("anggota", "sayap", "kelompok", "jaringan", "milisi")
        )

    def np(
        self,
        view: SentenceView,
        lo: int,
        hi: int,
        scene: Scene,
        *,
        speaker: bool = False,
        objects: bool = False,
    ) -> list[Participant]:
        """The participants named in tokens ``[lo, hi)``: actors, else an unnamed reference."""
        if lo >= hi:
            return []
        tokens = view.tokens
        chunk: list[tuple[int, int, ActorMention]] = []
        orgs = self._organisations(view, lo, hi, scene)
        for i, j, m in view.mentions:
            if not (lo <= i < hi) or m.actor.type in self.reporter_types or self.supporter(m):
                continue
            if orgs and any(e.start <= m.start and m.end <= e.end for e in orgs):
                continue  # "PT Kereta Api Indonesia": part of a name, not Indonesia
            before = tokens[i - 1] if i > 0 else None
            if (
                before is not None
                and i > lo
                and self.grammar.is_preposition(before)
                and before.low not in _COORDINATING
            ):
                continue
            if before is not None and before.low in _LOCATIVE and m.actor.type == "country":
                continue
            if (
                before is not None
                and before.low == ","
                and m.actor.type == "country"
                and any(pj == i - 1 and pl.kind != "country" for _, pj, pl in view.places)
            ):
                continue  # "di pinggiran Beirut, Lebanon": the country closes a place chain
            chunk.append((i, j, m))
        persons: list[tuple[int, int, ActorMention]] = []
        bodies: list[tuple[int, int, ActorMention]] = []
        if chunk:  # (many stretches name no actor: no comprehension to run then)
            chunk = self._appositions(view, chunk)
            if len(chunk) > 1:
                chunk = self._long_forms(view, chunk)
            for item in chunk:
                (persons if item[2].actor.type == "person" else bodies).append(item)
        picked = bodies or ([] if speaker else persons)
        out: list[Participant] = []
        for i, _, m in picked:
            both = (i > 0 and tokens[i - 1].low in ("kedua", "ketiga")) or self.both.ends_at(
                tokens, i + 1, lo
            ) is not None
            if both and m.actor.type != "civilians" and scene.previous_parties():
                # but "kedua warga tersebut" are two residents, not both parties
                out = merge(out, [Participant(a, "both") for a in scene.previous_parties()])
                continue
            civilians = (
                self._demonym(view, i, lo, m) if objects or m.actor.type == "country" else None
            )
            if civilians is None and self.kin.ends_at(tokens, i, max(lo, i - 2)) is not None:
                c = self.civilians  # "orang tua mahasiswa": the students' parents
                civilians = EventActor(
                    c.name, m.text, m.start, m.end, c.actor_id, c.type, c.country
                )
            if civilians is None and i > 0 and tokens[i - 1].low == "asal":
                continue  # "tersangka korupsi asal Indonesia": a person's origin, no party
            forces = self._coordinated_force(view, i, m, out) if m.actor.type == "country" else None
            out = merge(out, [Participant(civilians or forces or actor_of(m), "named")])
        companies = (
            [
                Participant(EventActor(e.text, e.text, e.start, e.end), "entity")
                for e in orgs
                if e.text.split(None, 1)[0].casefold() in self.companies
            ]
            if orgs
            else []
        )
        if companies:
            out = sorted(merge(out, companies), key=lambda p: p.actor.start)
        if out:
            return out
        if speaker and persons:
            return []
        return self._references(view, lo, hi, scene, objects=objects)

    def _long_forms(
        self, view: SentenceView, chunk: list[tuple[int, int, ActorMention]]
    ) -> list[tuple[int, int, ActorMention]]:
        """``badan PBB urusan pengungsi Palestina (UNRWA)``: the words before a body's acronym in
        brackets spell its name; the actors inside them are not parties."""
        tokens = view.tokens
        inside: set[int] = set()
        for i, j, m in chunk:
            if not (
                i > 0
                and j < len(tokens)
                and tokens[i - 1].low == "("
                and tokens[j].low == ")"
                and m.text.isupper()
                and m.actor.type not in ("country", "person", "civilians")
            ):
                continue
            k = i - 2
            while (
                k >= 0
                and tokens[k].is_word
                and not (
                    view.verbs[k]
                    or self.grammar.is_preposition(tokens[k])
                    or tokens[k].low in ("dan", "serta", "atau", "yang")
                )
            ):
                inside.add(k)
                k -= 1
        if not inside:
            return chunk
        return [c for c in chunk if c[0] not in inside]

    def _organisations(self, view: SentenceView, lo: int, hi: int, scene: Scene) -> list[Entity]:
        """The NER's organisations in ``[lo, hi)`` that start with a company's or an
        institution's word (``PT``, ``Universitas``)."""
        tokens = view.tokens
        if self._named_orgs.isdisjoint(tokens.low_set) or self._named_orgs.isdisjoint(
            tokens.lows[lo:hi]
        ):
            return []
        start, end = tokens[lo].start, tokens[hi - 1].end
        return [
            e
            for e in scene.entities
            if start <= e.start
            and e.end <= end
            and " " in e.text
            and e.text.split(None, 1)[0].casefold() in self._named_orgs
        ]

    def _coordinated_force(
        self, view: SentenceView, i: int, m: ActorMention, before: list[Participant]
    ) -> EventActor | None:
        """``pasukan Amerika Serikat dan Inggris``: the second country's forces."""
        tokens = view.tokens
        if i == 0 or tokens[i - 1].low not in ("dan", "serta") or not before:
            return None
        previous = before[-1].actor
        if previous.type != "state_military":
            return None
        head = previous.text.split()[0].casefold()
        for template in self.force_templates:
            if template.split()[0] == head:
                found = self.dictionary.find(template.format(m.text))
                if len(found) == 1 and found[0].actor.type == "state_military":
                    a = found[0].actor
                    return EventActor(a.name, m.text, m.start, m.end, a.id, a.type, a.country)
        return None

    def _appositions(
        self, view: SentenceView, chunk: list[tuple[int, int, ActorMention]]
    ) -> list[tuple[int, int, ActorMention]]:
        """``kelompok bersenjata TPNPB``: a generic actor right before a named one is that one;
        ``Densus … Polri``: a body named with its parent is the body."""
        if len(chunk) < 2:
            return list(chunk)  # one actor: no other to be named with (the common case)
        out: list[tuple[int, int, ActorMention]] = []
        ids = {m.actor.id for _, _, m in chunk}
        for k, (i, j, m) in enumerate(chunk):
            if k + 1 < len(chunk):
                ni, _, nm = chunk[k + 1]
                close = ni - j <= 1 and all(t.is_word for t in view.tokens[j:ni])
                if (
                    close
                    and (self._generic(m) or m.actor.type in ("civilians", "person"))
                    and not self._generic(nm)
                ):
                    continue
            if any(
                other.actor.parent == m.actor.id and not _separated(view, min(i, oi), max(j, oj))
                for oi, oj, other in chunk
                if other.actor.id != m.actor.id and other.actor.id in ids
            ):
                continue
            out.append((i, j, m))
        return out

    def _references(
        self, view: SentenceView, lo: int, hi: int, scene: Scene, *, objects: bool = False
    ) -> list[Participant]:
        tokens = view.tokens
        lows = tokens.lows
        speakers = self._speaker_words
        for k in range(lo, hi):
            if lows[k] not in speakers:
                continue  # no reference to a speaker or to both parties starts here
            if self.own.match_at(tokens, k):
                body = scene.speaker_body(view, k)
                return [Participant(body, "own")] if body else []
            if self.both.match_at(tokens, k):
                if objects and lows[k] == "keduanya":  # "menuding keduanya": the pair named
                    pair = scene.counted(2, tokens[k].start)  # before ("dua diplomat Jepang")
                    if pair is not None:
                        return [Participant(pair, "suspects")]
                states = k + 1 < len(tokens) and lows[k + 1] == "negara"
                parties = scene.previous_parties(states=states)
                if parties or lows[k] != "kedua":
                    return [Participant(a, "both") for a in parties]
                continue  # "kedua pemerintah" with no parties before: the government
            if self.pronouns.match_at(tokens, k) and (k == lo or not tokens[k - 1].is_word):
                body = scene.speaker_body(view, k) or scene.previous_subject(view)
                return [Participant(body, "own")] if body else []
        others = self._reference_words
        for k in range(lo, hi):
            low = lows[k]
            if low not in others and low not in scene.initials and not low.startswith("antar"):
                continue  # none of the references below starts here
            if low in scene.initials:
                return [Participant(scene.initials[low], "initials")]
            n = self.armed.match_at(tokens, k)
            if n:  # "kelompok militan", "milisi": an armed group the text does not name
                u = self.unidentified
                start, end = tokens[k].start, tokens[k + n - 1].end
                text = view.text(k, k + n)
                span = EventActor(u.name, text, start, end, u.actor_id, u.type, u.country)
                return [Participant(span, "armed")]
            if self.forces.match_at(tokens, k):
                return [Participant(a, "force") for a in scene.force(view, k)]
            if self.suspects.match_at(tokens, k):
                return [Participant(a, "suspects") for a in scene.suspects()]
            if low in self.collectives:  # "keempatnya": never guessed when no group of four
                group = scene.counted(self.collectives[low], tokens[k].start)
                return [Participant(group, "suspects")] if group is not None else []
            n = self.crowd.match_at(tokens, k) or self._antar(low, self.crowd)
            if n and not self._named_back(view, k, n):
                return [Participant(a, "crowd") for a in scene.crowd(low)]
            n = self.civilian_nouns.match_at(tokens, k) or self._antar(low, self.civilian_nouns)
            if n and k > 0 and self.place_nouns.match_at(tokens, k - 1):
                n = 0  # "kamp pengungsi": a place
            if n:
                if self._named_back(view, k, n):
                    earlier = scene.named_before(low, tokens[k].start)
                    if earlier is not None:
                        return [Participant(earlier, "civilians")]
                return [Participant(self._civilians_at(view, k, k + n, hi), "civilians")]
            if self.government.match_at(tokens, k) and scene.government is not None:
                nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                if nxt is None or not nxt.capitalised:
                    g = scene.government
                    return [
                        Participant(
                            EventActor(
                                g.name,
                                tokens[k].text,
                                tokens[k].start,
                                tokens[k].end,
                                g.actor_id,
                                g.type,
                                g.country,
                            ),
                            "government",
                        )
                    ]
        start, end = tokens[lo].start, tokens[hi - 1].end
        for e in scene.entities:
            if start <= e.start and e.end <= end:
                return [Participant(EventActor(e.text, e.text, e.start, e.end), "entity")]
        return []

    def _named_back(self, view: SentenceView, k: int, n: int) -> bool:
        """``pilot itu``, ``kota tersebut``: a noun with a demonstrative right after it."""
        m = k + n
        return m < len(view.tokens) and bool(self.demonstratives.match_at(view.tokens, m))

    def _antar(self, low: str, words: PhraseSet) -> int:
        return 1 if low.startswith("antar") and (low[5:],) in words.phrases else 0

    def _civilians_at(self, view: SentenceView, i: int, j: int, hi: int) -> EventActor:
        """Civilians, of a country when one is named right after the noun (``pilot asal NZ``)."""
        t = view.tokens
        for mi, mj, m in view.mentions:
            if j <= mi <= j + 2 and mi < hi and m.actor.type == "country":
                found = self._civilians_of(m.text)
                if found is not None:
                    return EventActor(
                        found.name,
                        view.text(i, mj),
                        t[i].start,
                        t[mj - 1].end,
                        found.actor_id,
                        found.type,
                        found.country,
                    )
        c = self.civilians
        return EventActor(
            c.name, view.text(i, j), t[i].start, t[j - 1].end, c.actor_id, c.type, c.country
        )

    def _demonym(self, view: SentenceView, i: int, lo: int, m: ActorMention) -> EventActor | None:
        """A country right after a civilian noun (``sandera perempuan Israel``): its civilians."""
        if m.actor.type != "country":
            return None
        tokens = view.tokens
        for k in range(max(lo, i - 3), i):
            if self.civilian_heads.match_at(tokens, k):
                found = self._civilians_of(m.text)
                if found is not None:
                    return EventActor(
                        found.name,
                        view.text(k, i + 1),
                        tokens[k].start,
                        m.end,
                        found.actor_id,
                        found.type,
                        found.country,
                    )
        return None

    def _civilians_of(self, country: str) -> EventActor | None:
        found = self.dictionary.find(self.demonym_template.format(country))
        if len(found) == 1 and found[0].actor.type == "civilians":
            return actor_of(found[0])
        return None

    def supporter(self, m: ActorMention) -> bool:
        return m.role in self.supporter_roles

    def _generic(self, m: ActorMention) -> bool:
        return m.actor.id == self.unidentified_id or "(generic)" in m.actor.name

    def mention_at(self, view: SentenceView, k: int) -> ActorMention | None:
        for i, _, m in view.mentions:
            if i == k:
                return m
        return None

    def reference_at(self, view: SentenceView, k: int) -> bool:
        tokens = view.tokens
        return bool(
            self.crowd.match_at(tokens, k)
            or self.forces.match_at(tokens, k)
            or self.civilian_nouns.match_at(tokens, k)
            or self.own.match_at(tokens, k)
            or self.armed.match_at(tokens, k)
            or self._antar(tokens[k].low, self.civilian_nouns)
        )


def _separated(view: SentenceView, i: int, j: int) -> bool:
    return any(t.low in ("dan", "serta", ",", "atau") for t in view.tokens[i:j])


def actor_of(m: ActorMention) -> EventActor:
    a = m.actor
    return EventActor(a.name, m.text, m.start, m.end, a.id, a.type, a.country)


def _event_actor_of(dictionary: ActorDictionary, actor_id: str) -> EventActor:
    a = dictionary.get(actor_id)
    return EventActor(a.name, a.name, 0, 0, a.id, a.type, a.country)


def merge(*groups: Sequence[Participant]) -> list[Participant]:
    out: list[Participant] = []
    seen: set[str] = set()
    for group in groups:
        for p in group:
            if p.actor.name not in seen:
                seen.add(p.actor.name)
                out.append(p)
    return out
