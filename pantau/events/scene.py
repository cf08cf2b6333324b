"""The article around a sentence, for the role finder: who speaks, who acted before, what the
unnamed references of a clause stand for.

:class:`Scenes` builds, for one sentence, the :class:`~pantau.events.roles.Scene` the
:class:`~pantau.events.roles.RoleFinder` calls back: the speaker's body (``timnya``,
``kami``), the force acting before (``petugas``, ``aparat``, ``junta``), the parties of the
previous event (``kedua pihak``), the protesters a crowd stands for, the group a suspect or
initials belong to, the government a bare ``pemerintah`` means.
"""

from __future__ import annotations

from collections import Counter

from pantau.actors import ActorDictionary
from pantau.article import Article, EventActor, Place
from pantau.codebook import Codebook
from pantau.events.candidates import ArticleState, event_actor
from pantau.events.clauses import Grammar, SentenceView
from pantau.events.patterns import Patterns
from pantau.events.roles import Scene
from pantau.events.text import PhraseSet

__all__ = ["Scenes"]


class Scenes:
    """Builds a sentence's :class:`~pantau.events.roles.Scene`; one per extractor."""

    def __init__(
        self, patterns: Patterns, grammar: Grammar, dictionary: ActorDictionary, codebook: Codebook
    ) -> None:
        a = patterns.actors
        self.grammar = grammar
        self.dictionary = dictionary
        self.initial_cues: PhraseSet = a["initials"]
        self.force_templates: tuple[str, ...] = tuple(patterns.raw["actors"]["force_templates"])
        self.governments = {k: self._actor_of(v) for k, v in dict(a["governments"]).items()}
        self.protesters = self._actor_of(a["protesters_id"])
        self.workers = self._actor_of(a["workers_id"])
        self.civilians = self._actor_of(a["civilians_id"])
        self.police_id: str = a["police_id"]
        self._force_kind = codebook.kind_types("state_forces")
        self._armed = codebook.kind_types("nonstate_armed")
        self._numbers = patterns.numbers
        self._state_types = frozenset(
            {"country", "government", "head_of_state", "state_military", "legislature", "police"}
        )
        self._country_actor = {
            a.country: EventActor(a.name, a.name, 0, 0, a.id, a.type, a.country)
            for a in dictionary
            if a.type == "country" and a.country
        }

    def _countries_of(self, parties: list[EventActor]) -> list[EventActor]:
        """Each party as the country it belongs to, if they are two or more states' bodies."""
        out: list[EventActor] = []
        for a in parties:
            country = self._country_actor.get(a.country or "")
            if country is None or a.type not in self._state_types:
                return []
            if all(c.actor_id != country.actor_id for c in out):
                out.append(country)
        return out if len(out) >= 2 else []

    def _count(self, word: str) -> int | None:
        """The number a word writes (``empat``, ``4``), if any."""
        low = word.casefold()
        return int(low) if low.isdigit() else self._numbers.get(low)

    def scene(self, state: ArticleState, type_: str) -> Scene:
        """The scene of the article of ``state`` for a trigger of type ``type_``.

        Its callbacks read ``state`` when called (the sentence is passed to them), so the
        extractor builds one per trigger type of an article and uses it for every sentence.
        (Not kept in ``state``: its closures refer to ``state``, and the cycle would leave
        every sentence of the article to the cyclic garbage collector.)
        """
        article = state.article

        def speaker_body(v: SentenceView, k: int) -> EventActor | None:
            return self.speaker_body(article, v, k)

        def previous_parties(*, states: bool = False) -> list[EventActor]:
            for cand in reversed(state.candidates):
                sources = [p.actor for p in cand.roles.sources]
                if len(sources) < 2 and cand.type == "COERCE":
                    continue  # the police and those they arrest are not "kedua kelompok"
                parties = sources if len(sources) >= 2 else cand.parties
                if len(parties) < 2:
                    continue
                if not states:
                    return parties
                countries = self._countries_of(parties)
                if countries:
                    return countries
            return []

        def force(v: SentenceView, k: int) -> list[EventActor]:
            return self.force(state, v, k)

        def crowd(noun: str) -> list[EventActor]:
            if type_ == "PROTEST":
                return [self.workers if noun in ("buruh", "pekerja") else self.protesters]
            if state.protest_article:
                for cand in state.candidates:
                    if cand.type == "PROTEST" and cand.roles.sources:
                        return [p.actor for p in cand.roles.sources]
                return [self.protesters]
            return [self.civilians]

        def suspects() -> list[EventActor]:
            for cand in reversed(state.candidates):
                for p in cand.roles.targets + cand.roles.sources:
                    if p.actor.type in self._armed:
                        return [p.actor]
            return []

        def named_before(noun: str, offset: int) -> EventActor | None:
            for cand in reversed(state.candidates):
                for p in cand.roles.targets + cand.roles.sources:
                    if p.actor.text.casefold().startswith(noun) and p.actor.start < offset:
                        return p.actor
            return None

        def previous_subject(v: SentenceView) -> EventActor | None:
            previous = state.views.get(v.index - 1)
            if previous is None:
                return None
            for _, _, m in previous.mentions:
                if m.actor.type not in ("person", "media"):
                    return event_actor(m)
            return None

        def counted(n: int, offset: int) -> EventActor | None:
            text = article.text
            for cand in reversed(state.candidates):
                for p in cand.roles.targets + cand.roles.sources:
                    start = p.actor.start
                    if not 0 < start < offset:
                        continue
                    words = text[max(0, start - 40) : start].split()[-3:]
                    for back, word in enumerate(reversed(words)):
                        if self._count(word) == n:  # "empat pemuda", "dua diplomat Jepang"
                            return p.actor
                        if back >= 1 or not word.isalpha() or not word.islower():
                            break
            return None

        return Scene(
            speaker_body,
            previous_parties,
            force,
            crowd,
            suspects,
            named_before,
            previous_subject,
            state.government,
            state.initials,
            state.organisations,
            counted,
        )

    def speaker_body(self, article: Article, view: SentenceView, k: int) -> EventActor | None:
        """The body of whoever speaks at token ``k``: the quote's speaker, or the subject of the
        nearest verb of speech before it."""
        offset = view.tokens[k].start if k < len(view.tokens) else view.end
        for q in article.quotes:
            if not (q.start <= offset < q.end):
                continue
            if (
                q.speaker_actor
                and not q.speaker_actor.startswith("person:")
                and q.speaker_actor in self.dictionary
            ):
                a = self.dictionary.get(q.speaker_actor)
                start = q.speaker_start if q.speaker_start is not None else q.start
                end = q.speaker_end if q.speaker_end is not None else q.start
                return EventActor(a.name, q.speaker or a.name, start, end, a.id, a.type, a.country)
            lo = q.speaker_start if q.speaker_start is not None else q.start
            body = self._body_near(
                article, lo, q.speaker_end or lo, floor=self._sentence_start(article, lo)
            )
            if body is not None:
                return body
        tokens = view.tokens
        for s in range(min(k, len(tokens)) - 1, -1, -1):
            if view.verbs[s] and self.grammar.speech.match_at(tokens, s):
                outer = self.grammar.clause(view, s, s + 1)
                start = tokens[outer.start].start
                return self._body_near(article, start, tokens[s].start, floor=view.start)
        return None

    def _body_near(
        self, article: Article, start: int, end: int, *, floor: int
    ) -> EventActor | None:
        """The organisation named in (or right before) a speaker's words, in their sentence."""
        best = None
        office = None
        for m in article.actors:
            if m.start >= end + 1:
                break
            if (
                m.start >= floor
                and m.end >= start - 60
                and m.actor.type not in ("person", "media", "country")
            ):
                best = m
                if m.via == "role_phrase" and m.person is not None:
                    office = m
        if office is not None and best is not None and best.via == "alias":
            # "Komandan Koops Habema Mayjen TNI X": the office's body, not the rank's service
            named = article.text.find(office.person or "", office.end, end)
            if named > best.start:
                best = office
        return event_actor(best) if best is not None else None

    def _sentence_start(self, article: Article, offset: int) -> int:
        for sentence in article.sentences:
            if sentence.start <= offset < sentence.end + 2:
                return sentence.start
        return 0

    def force(self, state: ArticleState, view: SentenceView, k: int) -> list[EventActor]:
        """``petugas``, ``aparat``, ``junta``: the force acting just before."""
        token = view.tokens[k]
        for cand in reversed(state.candidates):
            if cand.sentence < view.index - 3:
                break
            parties = (
                cand.parties if cand.type == "COOPERATE" else [p.actor for p in cand.roles.sources]
            )
            if parties and all(a.type in self._force_kind for a in parties):
                return parties
        best = None
        for m in state.article.actors:
            if m.start >= token.start:
                break
            if m.actor.type in ("state_military", "police"):
                best = m
        if best is not None:
            a = best.actor
            return [EventActor(a.name, token.text, token.start, token.end, a.id, a.type, a.country)]
        countries = Counter(
            _country_word(m.text) for m in state.article.actors if m.actor.type == "country"
        )
        for name, _ in countries.most_common():
            for template in self.force_templates:
                found = self.dictionary.find(template.format(name))
                if len(found) == 1 and found[0].actor.type == "state_military":
                    a = found[0].actor
                    return [
                        EventActor(
                            a.name, token.text, token.start, token.end, a.id, a.type, a.country
                        )
                    ]
        return []

    def initials(self, state: ArticleState) -> dict[str, EventActor]:
        """Initials introduced by ``berinisial``: the group they were named with (``anggota KKB
        berinisial MT``, ``berinisial AR, anggota jaringan JAD``), else themselves."""
        found: dict[str, EventActor] = {}
        for view in state.views.values():
            tokens = view.tokens
            if self.initial_cues.firsts.isdisjoint(tokens.low_set):
                continue  # most sentences: no "berinisial"
            for start, end in self.initial_cues.find(tokens):
                if (
                    end >= len(tokens)
                    or not tokens[end].text.isupper()
                    or len(tokens[end].text) > 4
                ):
                    continue
                token = tokens[end]
                group = None
                for i, j, m in view.mentions:
                    before = start - 3 <= j <= start
                    apposed = (
                        end + 1 < len(tokens)
                        and tokens[end + 1].low == ","
                        and end + 2 <= i <= end + 4
                    )
                    if (before or apposed) and m.actor.type not in (
                        "person",
                        "country",
                        "media",
                        "civilians",
                    ):
                        group = m
                if group is not None:
                    a = group.actor
                    found[token.low] = EventActor(
                        a.name, token.text, token.start, token.end, a.id, a.type, a.country
                    )
                else:
                    found[token.low] = EventActor(token.text, token.text, token.start, token.end)
        return found

    def government(self, article: Article) -> EventActor | None:
        """The government a bare ``pemerintah`` stands for: that of the country of most of the
        article's places (its own dictionary entry where there is one, else the country as
        the article names it: ``Pemerintah Bangladesh`` … ``Pemerintah juga memutus …``)."""
        country = _main_country(article) or "ID"
        if country in self.governments:
            return self.governments[country]
        for m in article.actors:
            if m.actor.type == "country" and m.actor.country == country:
                a = m.actor
                return EventActor(a.name, a.name, 0, 0, a.id, a.type, a.country)
        return None

    def national_police(self, article: Article, place: Place | None) -> EventActor | None:
        """The Indonesian National Police, when the event happened in Indonesia (its place,
        else most of the article's places): who arrests and fires tear gas when the text does
        not say (``33 mahasiswa ditangkap``, ``Gas air mata ditembakkan``)."""
        country = place.country if place is not None else _main_country(article)
        return self._actor_of(self.police_id) if country == "ID" else None

    def _actor_of(self, actor_id: str) -> EventActor:
        a = self.dictionary.get(actor_id)
        return EventActor(a.name, a.name, 0, 0, a.id, a.type, a.country)


def _country_word(text: str) -> str:
    """``Pemerintah Bangladesh`` → ``Bangladesh``: the country's own name, for ``militer X``."""
    head, _, rest = text.partition(" ")
    return rest if rest and head.casefold() in ("pemerintah", "negara", "rezim") else text


def _main_country(article: Article) -> str | None:
    """The country of most of the article's places, if it has any."""
    countries = Counter(p.country for p in article.places)
    return countries.most_common(1)[0][0] if countries else None
